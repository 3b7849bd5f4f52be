"""Reading the values of the data files, with messages for people who edit YAML by hand.

Each function checks one kind of value (a count, a percentage, a statistics cell, a
code) and says what it found and how to write it instead: `8,9` gets "use a decimal
point", `38 799` gets "write it without spaces", `yes` gets "a yes/no value, not a
number". They raise `ValueError` with that message. No pydantic here: the models
(`models.fields`) wrap these functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

from tyollisyys_cli.errors import shortened
from tyollisyys_cli.i18n import N_, _, numeral

#: No count or figure of an area comes near this (Finland has 5.6 million people); above
#: 2**53 a number read as a float also loses digits.
MAX_FIGURE = 10_000_000
#: No staff line, unit or pool comes near this many full-time equivalents.
MAX_FTE = 10_000
#: No caseload target comes near this many clients per advisor.
MAX_TARGET = 10_000

#: (A space, a no-break space or a narrow one, as a Finnish-locale spreadsheet writes
#: thousands apart, or an underscore.)
SPACED_NUMBER = re.compile(r"[0-9]{1,3}([ \u00a0\u202f_][0-9]{3})+([.,][0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_THOUSANDS_COMMA = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")
#: A number of 0 or more with a decimal point or comma (what a `%` may follow).
_DECIMAL = re.compile(r"[0-9]+([.,][0-9]+)?")
#: A number as YAML reads one, found as text: it was written in quotes ("78").
_QUOTED_NUMBER = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?")
#: Whether the file being read has cells that may be withheld: only then does `...`
#: get the hint to write `withheld` (a scenario file has none).
_WITHHELD_CELLS: ContextVar[bool] = ContextVar("withheld_cells", default=True)


@contextmanager
def no_withheld_cells() -> Iterator[None]:
    """Read values of a file in which nothing may be withheld (a scenario file)."""
    token = _WITHHELD_CELLS.set(False)
    try:
        yield
    finally:
        _WITHHELD_CELLS.reset(token)


def given(value: Any) -> Any:
    """`value`, unless it is empty (`min:` with nothing after it): an optional field
    written empty is refused, never taken as left out (`target: {min: , max: 150}` would
    silently become "under 150")."""
    if value is None:
        raise ValueError(_("found nothing: write a value, or leave the field out"))
    return value


def describe(value: Any) -> str:
    """How a value read from YAML is named in a message: `the text '8,9'`, `nothing`."""
    if isinstance(value, bool):
        return _("the yes/no value {value}").format(value=str(value).lower())
    if isinstance(value, str):
        if value.strip():
            return _("the text {text!r}").format(text=shortened(value))
        return _("empty text")
    if value is None:
        return _("nothing")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    return numeral(repr(value)) if isinstance(value, int | float) else repr(value)


def number_hint(
    value: str,
    *,
    whole: bool = False,
    limit: float | None = None,
    least: float = 0,
    above: bool = False,
    per_cent: bool = False,
) -> str:
    """How to write `value` as a number, when it looks like one written another way: a
    hint only where what it suggests is a number the field takes (`whole`: a count,
    whose `6,523` is six thousand, not six; from `least`, or `above` it, to `limit`;
    `per_cent`: a percentage, whose `12,2 %` is 12.2, where `50 %` of an FTE is no 50)."""

    def takes(number: float) -> bool:
        low = number > least if above else number >= least
        return low and (limit is None or number <= limit)

    text = value.strip()
    if SPACED_NUMBER.fullmatch(text):
        fixed = re.sub(r"[ \u00a0\u202f_]", "", text).replace(",", ".")
        if limit is not None and float(fixed) > limit:  # (`100 150`: two numbers, not one)
            return ""
        if "_" in text:
            return _("; write numbers without underscores: {fixed}").format(fixed=fixed)
        return _("; write numbers without spaces: {fixed}").format(fixed=fixed)
    # (`" 344"`, a spreadsheet's cell with a space kept)
    spaced = text != value and _QUOTED_NUMBER.fullmatch(text) and (not whole or "." not in text)
    if spaced and takes(float(text)):
        return _("; remove the spaces around it: {fixed}").format(fixed=text)
    if whole and "." in text:  # (`"38.799"` in quotes, `1.000.000`: two dots)
        from tyollisyys_cli.files.yamlfile import THOUSANDS_DOT

        if THOUSANDS_DOT.fullmatch(text):
            return _thousands_dot_hint(text)
    if whole and _THOUSANDS_COMMA.fullmatch(text):
        return _("; write a count without a thousands separator: {fixed}").format(
            fixed=text.replace(",", "")
        )
    if _DECIMAL_COMMA.fullmatch(text) and not whole and takes(float(text.replace(",", "."))):
        return _("; use a decimal point, not a comma: {fixed}").format(fixed=text.replace(",", "."))
    quoted = _QUOTED_NUMBER.fullmatch(value) and (not whole or "." not in value)
    if quoted and takes(float(value)):
        return _("; write the number without quotes: {fixed}").format(fixed=value)
    if text.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return _("; this is a yes/no word, not a number")
    number, sign, rest = text.partition("%")
    if per_cent and sign and not rest.strip() and _DECIMAL.fullmatch(number := number.strip()):
        fixed = number.replace(",", ".")
        if takes(float(fixed)):  # (`12,2 %`, `12.2%`)
            return _("; write the number without %: {fixed}").format(fixed=fixed)
    number, sign, _rest = text.partition("#")
    # (`78# checked`: YAML reads a comment only after a space; a number the field takes,
    # as YAML would read it: not `-5` of a count, nor `8,3`)
    commented = sign and _QUOTED_NUMBER.fullmatch(number) and (not whole or "." not in number)
    if commented and takes(float(number)):
        return _("; a comment needs a space before its #: {fixed} # …").format(fixed=number)
    if text in {"...", "…"} and _WITHHELD_CELLS.get():
        return _("; write a withheld cell as `withheld`, and only where one is allowed")
    return ""


def _thousands_dot_hint(text: str) -> str:
    """`; if the dot separates thousands, write 38000` for `38.000` (or `+38.000`)."""
    return _("; if the dot separates thousands, write {fixed}").format(
        fixed=text.replace(".", "").lstrip("+")
    )


#: What a value of each kind is expected to be, as "expected ..." names it.
_COUNT = N_("a whole number (0 or more)")
_CELL = N_("a whole number (0 or more), `withheld` or `missing`")
_PERCENT = N_("a percentage between 0 and 100")
_NONNEGATIVE = N_("a number (0 or more)")
_FTE = N_("a number of FTE (0 or more)")
_TARGET = N_("a number of clients per advisor, 1 or more")


def expected_found(expected: str, found: str) -> str:
    """`expected ..., found ...`; `expected` is a message marked with `N_()`."""
    return _("expected {expected}, found {found}").format(expected=_(expected), found=found)


def _number(
    value: Any,
    *,
    expected: str,
    limit: float = MAX_FIGURE,
    least: float = 0,
    most: float = 0,
    per_cent: bool = False,
) -> float:
    """`value` as a number of the kind `expected` names; a text that is one written
    another way gets a hint where the field takes what it suggests (from `least` to
    `most`, or to `limit` where `most` is not given; `per_cent`: a percentage's `%`)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        whole = expected in (_COUNT, _CELL)
        top = most or limit
        hint = (
            number_hint(value, whole=whole, limit=top, least=least, per_cent=per_cent)
            if isinstance(value, str)
            else ""
        )
        raise ValueError(expected_found(expected, describe(value)) + hint)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(
            _("expected {expected}, found a number too large to use").format(expected=_(expected))
        )
    # Compared before any conversion: a 400-digit whole number has no float.
    if value > limit:
        raise ValueError(
            _(
                "expected {expected}, found {value}, above {limit}, "
                "more than any real figure of an area"
            ).format(expected=_(expected), value=_shown(value), limit=numeral(f"{limit:,.0f}"))
        )
    return float(value)


def _shown(value: float) -> str:
    """A number for a message, a very long whole number cut short."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if len(text) <= 20:
        return numeral(text)
    return _("{start}… ({count} digits)").format(start=text[:12], count=len(text))


def _written(value: float) -> str:
    """A number found in a file, for a message, as the file writes it (`108.3`, `-5`, in
    Finnish too: a user looks for it in the file)."""
    return str(value)


def parse_count(value: Any) -> int:
    """A whole number of persons, jobs or the like, zero or more."""
    if type(value) is int and 0 <= value <= MAX_FIGURE:
        return value  # what nearly every count is (the checks below say the same)
    return _count(value, _COUNT)


def _count(value: Any, expected: str) -> int:
    dotted = getattr(value, "written", None)  # (`38.000`, which a reader took for 38.0)
    if dotted is not None:
        raise ValueError(expected_found(expected, dotted) + _thousands_dot_hint(dotted))
    number = _number(value, expected=expected)
    if not number.is_integer():
        raise ValueError(expected_found(expected, _written(value)))
    if number < 0:
        raise ValueError(
            _("expected {expected}, found {value}, a negative count").format(
                expected=_(expected), value=_written(value)
            )
        )
    return int(number)


def parse_cell(value: Any) -> int | Literal["withheld", "missing"]:
    """A statistics cell: a count, `withheld` ("..." in print) or `missing` (lost in print)."""
    if type(value) is int and 0 <= value <= MAX_FIGURE:
        return value  # what nearly every cell is (parse_count says the same)
    if value == "withheld":
        return "withheld"
    if value == "missing":
        return "missing"
    if isinstance(value, str) and value.strip() in {"...", "…"}:
        raise ValueError(_('write a withheld cell ("..." in the plan) as `withheld`'))
    # (the words Finnish tables show: `salattu` was "expected a whole number … found the
    # text 'salattu'", as if the table's own word were a mistake of the user's)
    if isinstance(value, str) and value.strip().casefold() == "salattu":
        raise ValueError(_("write a withheld cell (salattu in Finnish tables) as `withheld`"))
    if isinstance(value, str) and value.strip().casefold() == "puuttuu":
        raise ValueError(_("write a cell lost in print (puuttuu in Finnish tables) as `missing`"))
    return _count(value, _CELL)


def parse_percent(value: Any) -> float:
    """A percentage between 0 and 100."""
    number = _number(value, expected=_PERCENT, most=100, per_cent=True)
    if not 0 <= number <= 100:
        raise ValueError(expected_found(_PERCENT, _written(value)))
    return number


def parse_nonnegative(value: Any, *, per_cent: bool = False) -> float:
    """A number, zero or more (a figure the plan's text states, a band's end)."""
    number = _number(value, expected=_NONNEGATIVE, per_cent=per_cent)
    if number < 0:
        raise ValueError(expected_found(_NONNEGATIVE, _written(value)))
    return number


def parse_share(value: Any) -> float:
    """A number, zero or more, that may be a percentage and pass 100 (job
    self-sufficiency; a figure the plan's text states, `8,9 %`)."""
    return parse_nonnegative(value, per_cent=True)


def parse_fte(value: Any) -> float:
    """An FTE amount (htv): zero or more, at most `MAX_FTE`."""
    try:
        number = _number(value, expected=_FTE, limit=MAX_FTE)
    except ValueError as exc:
        if _not_known(value):
            raise ValueError(f"{exc}{_not_stated()}") from None
        raise
    if number < 0:
        raise ValueError(expected_found(_FTE, _written(value)))
    return number


def parse_target(value: Any) -> float:
    """A caseload target: clients per advisor, from 1 to `MAX_TARGET` (below one client
    per advisor, or above thousands, is no target but a slip of the keyboard)."""
    number = _number(value, expected=_TARGET, limit=MAX_TARGET, least=1)
    if number < 1:
        raise ValueError(expected_found(_TARGET, _written(value)))
    return number


_CODE = re.compile(r"[0-9]{3}")


def parse_code(value: Any) -> str:
    """A Statistics Finland municipality code: three digits, as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            _(
                "a municipality code is text of three digits; found the number {value}, "
                'write it in quotes: "{code}"'
            ).format(value=value, code=f"{value:03d}")
        )
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(
            _("expected a municipality code of three digits, found {found}").format(
                found=describe(value)
            )
        )
    return value


_MONTH = re.compile(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])")


def parse_month(value: Any) -> str:
    """A month written YYYY-MM."""
    if not isinstance(value, str) or not _MONTH.fullmatch(value):
        # (`8.2023` unquoted is a number to YAML: its month as M.YYYY, where its shortest
        # form has four decimals, or three of a year ending in 0, `10.2020` read as
        # 10.202; `8.2` is no `2000-08`)
        written = value
        if type(value) is float:
            decimals = len(repr(value).partition(".")[2])
            written = f"{value:.4f}" if decimals in (3, 4) else repr(value)
        hint = month_hint(written) if isinstance(written, str) else ""
        found = written if type(value) is float and hint else describe(value)
        raise ValueError(
            _('expected a month written as "YYYY-MM", found {found}').format(found=found) + hint
        )
    return value


#: A month as the Finnish tables show it: M/YYYY (8/2023, `8 / 2023`), or as Finns write
#: a date's month, M.YYYY (8.2023); taken as YYYY-MM (`13/2023` as `2023-13`, for the
#: message to say there is no month 13).
_AS_SHOWN = re.compile(r"([0-9]{1,2})\s*[/.]\s*([0-9]{4})")
#: A month as the statistics service codes it (`2023M08`, as in a PxWeb export; typed
#: `2023m8`), or YYYY-M: taken as YYYY-MM.
_AS_CODED = re.compile(r"([0-9]{4})(?:[Mm]([0-9]{1,2})|-([0-9]))")
#: A month by its name, as the tool says it on standard error (`elokuu 2023`), in the
#: genitive (`elokuun 2023`) or in English (`August 2023`); any case, ä as a.
_AS_NAMED = re.compile(r"([^\W\d_]+)\s+([0-9]{4})")
_ENGLISH_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june")
_ENGLISH_MONTHS += ("july", "august", "september", "october", "november", "december")


def as_month(value: str) -> str:
    """`8/2023` (a month as the Finnish tables show it), `8.2023`, `2023M08` (as the
    statistics service codes it), `2023-8` and `elokuu 2023` (as the tool says it) as
    `2023-08`; any other as given."""
    if found := _AS_SHOWN.fullmatch(value):
        return f"{found[2]}-{int(found[1]):02d}"
    if found := _AS_CODED.fullmatch(value):
        return f"{found[1]}-{int(found[2] or found[3]):02d}"
    if found := _AS_NAMED.fullmatch(value):
        from tyollisyys_cli.i18n import FINNISH_MONTHS

        name = fold(found[1])
        for number, names in enumerate(zip(FINNISH_MONTHS, _ENGLISH_MONTHS, strict=True), 1):
            if name in (fold(names[0]), fold(names[0]) + "n", names[1]):
                return f"{found[2]}-{number:02d}"
    return value


def month_without_zero(text: str) -> str | None:
    """`2023-08` for a month written in another form the commands take (`2023-8`,
    `8/2023` as the Finnish tables show it, `8.2023`, `elokuu 2023`); else None."""
    fixed = as_month(text.strip())
    return fixed if fixed != text and _MONTH.fullmatch(fixed) else None


def month_hint(text: str) -> str:
    """Why `text`, written as YYYY-MM, is still no month ('' when it is not so written):
    `2023-13` is not told to be written as what it is written as."""
    if fixed := month_without_zero(text):
        return _("; write {month}").format(month=fixed)
    text = as_month(text.strip())  # (13/2023: no month 13, as 2023-13)
    if _MONTH.fullmatch(text) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
        return ""
    year, month = text.split("-")
    if not 1 <= int(month) <= 12:
        return _("; there is no month {month} (01 to 12)").format(month=month)
    return _("; the year is from 1900 to 2099, not {year}").format(year=year)


_YES_NO = {"yes", "no", "on", "off", "y", "n"}


def parse_flag(value: Any) -> bool:
    """`true` or `false`; `yes`/`no`/`on`/`off` are YAML 1.1 words this reader keeps as text."""
    if isinstance(value, bool):
        return value
    hint = ""
    if isinstance(value, str) and value.strip().lower() in _YES_NO:
        hint = _("; write true or false (yes/no and on/off are read as text)")
    raise ValueError(
        _("expected true or false, found {found}").format(found=describe(value)) + hint
    )


#: Control characters (C0 and C1, DEL) and the Unicode line and paragraph separators:
#: never part of a name or an address, and a way to reach a terminal or a CI log.
#: In a name, id or source: control characters, and the invisible ones that hide or
#: reorder text (zero-width spaces and joiners, bidirectional marks and overrides, the
#: word joiner, a byte order mark), which a table would show as they are.
_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
#: In prose (a note, a sentence as printed), pasted from a PDF or a web page: control
#: characters but the line break, and the bidirectional overrides, embeddings and
#: isolates, which make a terminal show the text in another order than it holds
#: (zero-width spaces and joiners, harmless there, stay).
_CONTROL_BUT_NEWLINE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMES = {
    "\n": N_("a line break ({code})"),
    "\r": N_("a carriage return ({code})"),
    "\x1b": N_("an escape character ({code})"),
}
_CONTROL_CHARACTER = N_("the control character {code}")
_INVISIBLE_CHARACTER = N_("the invisible character {code}")


def _refuse_controls(value: str, pattern: re.Pattern[str], *, one_line: bool) -> None:
    found = pattern.search(value)
    if found is None:
        return
    character = found.group()
    code = f"U+{ord(character):04X}"
    other = _CONTROL_CHARACTER if ord(character) < 0x2000 else _INVISIBLE_CHARACTER
    name = _(_NAMES.get(character, other)).format(code=code)
    if one_line:
        message = _(
            "the text holds {name} at character {position}; a name, id or source is one "
            "line of plain text (remove it, or write the text on one line)"
        )
    else:
        message = _("the text holds {name} at character {position}; remove it")
    raise ValueError(message.format(name=name, position=found.start() + 1))


def parse_text(value: Any) -> str:
    """Non-empty text on one line, without control characters (a tab is allowed), nor
    blanks before or after it (`" Kuhmo"` in quotes: a name that no other file's
    `Kuhmo` matches, shown out of line)."""
    text = _text(value)
    _refuse_controls(text, _CONTROL, one_line=True)
    if text != text.strip():
        raise ValueError(
            _("the text {text!r} has a blank before or after it; write {fixed!r}").format(
                text=text, fixed=text.strip()
            )
        )
    return text


def parse_phrase(value: Any) -> str:
    """Non-empty text on one line, without control characters (a tab is allowed), the
    blanks before and after it dropped: words no other file matches (a quote, a reason,
    an address), where a blank an editor leaves at a line's end means nothing."""
    text = _text(value)
    _refuse_controls(text, _CONTROL, one_line=True)
    return text.strip()


def parse_prose(value: Any) -> str:
    """Non-empty text that may run over several lines (a note, a description, a sentence
    as printed), without other control characters (a tab is allowed)."""
    text = _text(value)
    _refuse_controls(text, _CONTROL_BUT_NEWLINE, one_line=False)
    return text


def _text(value: Any) -> str:
    if value is None:
        raise ValueError(_("expected text, found nothing; write the text after the colon"))
    if not isinstance(value, str):
        raise ValueError(
            _("expected text, found {found}; put it in quotes").format(found=describe(value))
        )
    if not value.strip():
        raise ValueError(_("expected text, found an empty value"))
    return value


# ------------------------------------------------------------------ amounts and targets

AMOUNT_FORMS = N_(
    "write an amount as a number (3.5), a range {{min: 7, max: 8}}, "
    "a lower bound {{at_least: 5}} or an approximate value {{about: 2}}"
)


def amount_mapping(value: Any) -> Any:
    """An amount written as a number is its exact form; anything else must be a mapping."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"exact": value}
    if not isinstance(value, dict):
        hint = ""
        if isinstance(value, str):
            hint = number_hint(value, limit=MAX_FTE) or _amount_hint(value)
        if _not_known(value):
            hint = _(
                "; an FTE the plan does not state is not written: leave out what holds it, "
                "or write what is known, such as {{at_least: 1}} (a staff line left out: mark "
                "the unit's staffing incomplete, staffing_incomplete with its reason)"
            ).format()
        raise ValueError(
            _("{forms}; found {found}").format(
                forms=_(AMOUNT_FORMS).format(), found=describe(value)
            )
            + hint
        )
    # (of the amount's own parts: `{max: 4,5}` reads a key `5` with nothing, which the
    # model tells is a decimal comma)
    empty = [key for key, part in value.items() if part is None and key in _AMOUNT_PARTS]
    if empty:  # (`{at_least: }`: told "one of these forms only", of one form written)
        raise ValueError(_("{part} is empty").format(part=", ".join(empty)) + _not_stated())
    return value


def _not_known(value: Any) -> bool:
    """Whether an FTE is written as not known: nothing, `unknown`, `?`, `tuntematon`…"""
    return value is None or (isinstance(value, str) and bool(_NOT_KNOWN.fullmatch(value.strip())))


def _not_stated() -> str:
    """How to write an FTE's part the plan does not state (removing the part alone is
    refused: a split's parts and a range's ends are needed)."""
    return _(
        "; an FTE the plan does not state is not written: leave out the entry that holds it "
        "(a split, a staff line), or write only what is known (a lower end as "
        "{{at_least: 7}})"
    ).format()


#: The parts of an amount written as a mapping.
_AMOUNT_PARTS = ("exact", "min", "max", "at_least", "about")
#: An amount written as not known: `unknown`, `?`, `tuntematon`, `ei tiedossa`, `avoin`,
#: `okänd`, `TBD`, `n/a`, a dash, or a statistics cell's words (`missing`, `withheld`).
_NOT_KNOWN = re.compile(
    r"unknown|not known|missing|withheld|\?+|tuntematon|ei tiedossa|ei tiedetä|puuttuu|"
    r"avoin|auki|okänd|tb[ad]|n/?a|n\.a\.?|[-–—]|x",
    re.IGNORECASE,
)
#: An amount written in words, as a plan prints it: `noin 2,5`, `about 2.5`, `~2.5`;
#: `vähintään 5`, `at least 5`, `≥ 5`; `7–8`, `7-8`.
_NUMBER = r"([0-9]+(?:[.,][0-9]+)?)"
_ABOUT = re.compile(
    rf"(?:noin|n\.|about|approx\.?|ca\.?|c:a|cirka|ungefär|~)\s*{_NUMBER}", re.IGNORECASE
)
_AT_LEAST = re.compile(rf"(?:vähintään|väh\.|minst|at least|≥|>=)\s*{_NUMBER}", re.IGNORECASE)
_RANGE = re.compile(rf"{_NUMBER}\s*[-–—]\s*{_NUMBER}")


def _amount_hint(text: str) -> str:
    """`; write {about: 2.5}` for an amount written as the plan prints it, `noin 2,5`."""

    def written(number: str) -> str:
        return f"{float(number.replace(',', '.')):g}"

    # (as the plan prints it: with its unit, or a comma of the sentence after it)
    text = re.sub(r"\s*(?:htv|fte)?[,.;]?$", "", text.strip(), flags=re.IGNORECASE)
    if any(float(n.replace(",", ".")) > MAX_FTE for n in re.findall(_NUMBER, text)):
        return ""  # (no amount the field takes)
    if found := _ABOUT.fullmatch(text):
        fixed = f"{{about: {written(found[1])}}}"
    elif found := _AT_LEAST.fullmatch(text):
        fixed = f"{{at_least: {written(found[1])}}}"
    elif (found := _RANGE.fullmatch(text)) and float(written(found[1])) < float(written(found[2])):
        fixed = f"{{min: {written(found[1])}, max: {written(found[2])}}}"
    else:
        return ""
    return _("; write {fixed}").format(fixed=fixed)


def check_amount_form(
    exact: float | None,
    low: float | None,
    high: float | None,
    at_least: float | None,
    about: float | None,
) -> None:
    """An amount takes exactly one form; a range has both ends, in order."""
    forms = [exact is not None, low is not None or high is not None]
    forms += [at_least is not None, about is not None]
    if sum(forms) != 1:
        raise ValueError(
            _("{forms}, one of these forms only").format(forms=_(AMOUNT_FORMS).format())
        )
    if forms[1]:
        if low is None or high is None:
            raise ValueError(_("a range needs both min and max"))
        if low > high:
            raise ValueError(
                _("range min {low} is larger than max {high}").format(
                    low=numeral(f"{low:g}"), high=numeral(f"{high:g}")
                )
            )


def target_mapping(value: Any) -> Any:
    """A target is written as a mapping; a band written as text (`90-120`, `100–150`)
    is told the mapping it means, a single number its `about`."""
    if not isinstance(value, dict):
        message = _(
            "write a target as a mapping: {{min: 100, max: 150}} (a band), {{max: 100}} "
            "(under), {{min: 90}} (at least) or {{about: 100}}; found {found}"
        ).format(found=describe(value))
        band = _BAND.fullmatch(value.strip()) if isinstance(value, str) else None
        if band is not None and int(band[1]) < int(band[2]) <= MAX_TARGET:
            message += _("; write {fixed}").format(fixed=f"{{min: {band[1]}, max: {band[2]}}}")
        elif (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and 1 <= value <= MAX_TARGET
        ):
            message += _("; write {fixed}").format(fixed=f"{{about: {value:g}}}")
        raise ValueError(message)
    return value


#: A band of clients per advisor written as text: `90-120`, `100–150`, `100 - 150`.
_BAND = re.compile(r"([1-9][0-9]{0,3})\s*[-–—]\s*([1-9][0-9]{0,3})")


def check_target_form(low: float | None, high: float | None, about: float | None) -> None:
    """A target is about T, or a band, an upper or a lower bound, with its ends in order."""
    if about is not None and (low is not None or high is not None):
        raise ValueError(_("write a target either as about: T or with min/max, not both"))
    if about is None and low is None and high is None:
        raise ValueError(
            _("a target needs min and max (a band), max (under), min (at least) or about")
        )
    if low is not None and high is not None and low > high:
        raise ValueError(
            _("target min {low} is larger than max {high}").format(
                low=numeral(f"{low:g}"), high=numeral(f"{high:g}")
            )
        )


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form of a name: `Ristijärvi` → `ristijarvi`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()

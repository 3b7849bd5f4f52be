"""The language of what people read: English or Finnish, from gettext catalogs.

Every text a person reads goes through `_()` (or `ngettext()` where a count decides
the form). The Finnish texts are in `locale/fi/LC_MESSAGES/tyollisyys.po`, a gettext
catalog that a translator edits with ordinary tools; its compiled `.mo` ships in the
package. `docs/translating.md` says how to extract, translate and compile them.

The language is chosen once per run (`choose()`): `--lang`, else `TYOLLISYYS_LANG`,
else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: `fi_FI…` is
Finnish), else English.

Texts defined when a module is imported are marked with `N_()` and translated where
they are used, so that a run (or a test) may change the language after the import. The
one exception is typer's help texts, which typer reads at import: `cli.main` chooses
the language before it imports the commands.

Numbers and months are written as the language writes them (`number`, `short`,
`numeral`, `month`): the tables, the messages and the core's own words use these.

Machine outputs do not change with the language: CSV headers, JSON keys and coded
values (a status such as `over`) are the same in both.
"""

from __future__ import annotations

import gettext as _gettext
import math
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Literal

Language = Literal["en", "fi"]
DOMAIN = "tyollisyys"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
#: The locale variables, in the order that decides (POSIX: the first one set wins).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_CODE = re.compile(r"(en|fi)(?:[_.@-].*)?", re.IGNORECASE)

_current: dict[str, object] = {
    "language": "en",
    "translations": _gettext.NullTranslations(),
}


def parse_language(text: str) -> Language | None:
    """`fi`, `fi_FI.UTF-8`, `EN` → the language; anything else → None."""
    found = _CODE.fullmatch(text.strip())
    if found is None:
        return None
    return "fi" if found.group(1).lower() == "fi" else "en"


def from_locale(environ: Mapping[str, str]) -> Language:
    """The language the locale asks for: Finnish for `fi…`, else English."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "fi" if parse_language(value) == "fi" else "en"
    return "en"


class LanguageError(ValueError):
    """`--lang` or `TYOLLISYYS_LANG` names a language the tool does not speak; `problem`
    says so without naming where."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.problem = problem


def choose(option: str | None, environ: Mapping[str, str] | None = None) -> Language:
    """The run's language: `--lang` (None: not given), else `TYOLLISYYS_LANG` (when not
    empty), else the locale."""
    env = os.environ if environ is None else environ
    if option is not None:
        return _language(option, "--lang")
    if env.get("TYOLLISYYS_LANG"):
        return _language(env["TYOLLISYYS_LANG"], "TYOLLISYYS_LANG")
    return from_locale(env)


def _language(given: str, where: str) -> Language:
    language = parse_language(given)
    if language is None:
        raise LanguageError(
            where,
            _("{value!r} is not a language of the tool; use fi or en").format(value=given[:20]),
        )
    return language


def early_language(argv: list[str]) -> Language:
    """The language before typer parses `argv` (for the help texts it reads at import):
    as `choose()`, with the last `--lang` of the arguments that names a language (a bad
    value is left for the option itself to report, in the language of the others)."""
    chosen: Language | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        given = None
        if arg == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
        if given is not None:
            with suppress(LanguageError):
                chosen = choose(given)
    if chosen is not None:
        return chosen
    try:
        return choose(None)
    except LanguageError:
        return from_locale(os.environ)


def set_language(language: Language) -> None:
    """Translate from now on into `language`.

    typer's own few words (`Options`, `Commands`, …) go through the standard library's
    global gettext; our catalog carries them (see `library.py`), and `LANGUAGE` tells
    that global gettext which language to look up.
    """
    if language == _current["language"] and language == os.environ.get("LANGUAGE", "en"):
        return
    if language == "en":
        translations: _gettext.NullTranslations = _gettext.NullTranslations()
    else:
        translations = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    _current["language"] = language
    _current["translations"] = translations
    _gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    _gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language


@contextmanager
def in_english() -> Iterator[None]:
    """Texts made inside are English, whatever the run's language: the machine form of
    a value that people read translated (a target `under 100` in CSV beside `alle 100`
    in a Finnish table)."""
    saved = dict(_current)
    _current["language"] = "en"
    _current["translations"] = _gettext.NullTranslations()
    try:
        yield
    finally:
        _current.update(saved)


def language() -> Language:
    """The language texts are translated into now."""
    return "fi" if _current["language"] == "fi" else "en"


def _(message: str) -> str:
    """`message` in the run's language."""
    translations = _current["translations"]
    assert isinstance(translations, _gettext.NullTranslations)
    return translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` things, in the run's language."""
    translations = _current["translations"]
    assert isinstance(translations, _gettext.NullTranslations)
    return translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the run's language, as said in `context` (`metavar`: the command
    line's placeholder FTE is HTV, the column header FTE is Htv)."""
    translations = _current["translations"]
    assert isinstance(translations, _gettext.NullTranslations)
    return translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it now (see the module text)."""
    return message


#: Between the thousands of a Finnish number: the narrow no-break space.
THIN_SPACE = "\u202f"


def numeral(text: str) -> str:
    """A number as English writes it (`10,000,000`, `8.5`, `-3`), as the run's language
    writes it: in Finnish `10\u202f000\u202f000`, `8,5`, `\u22123`."""
    if language() != "fi":
        return text
    return text.replace(",", THIN_SPACE).replace(".", ",").replace("-", "\u2212")


def number(value: float, decimals: int, *, english: bool = False) -> str:
    """A number with `decimals` decimals and its thousands apart: `16 615.5` in English
    (a space), `16\u202f615,5` in Finnish (a narrow no-break space, a decimal comma).
    `english` writes the English form whatever the language (for data formats). A value
    that rounds to zero is `0.0`, never `-0.0`."""
    value = rounded(value, decimals)
    if value == 0:
        value = 0.0
    text = f"{value:,.{decimals}f}"
    return numeral(text) if language() == "fi" and not english else text.replace(",", " ")


def rounded(value: float, decimals: int) -> float:
    """`value` to `decimals` decimals as people (and spreadsheets) round it: a tie goes
    away from zero (297 / 2 = `148.5` is 149, `2.675` is 2.68, 103 / 2 000 × 100 =
    5.1499999999999995 is 5.2), where Python's `round` takes an exact tie to the even
    side (148) and a float just under one down (2.67, 5.1). A float's noise (below a
    millionth of the last decimal) is no side of a tie."""
    if decimals < 0 or not math.isfinite(value):
        return float(round(value, decimals))
    text = repr(round(float(value), decimals + 6))  # (5.1499999999999995: 5.15)
    digits = text.partition(".")[2]
    if "e" in text or len(digits) != decimals + 1 or not digits.endswith("5"):
        return float(round(value, decimals))
    from decimal import ROUND_HALF_UP, Decimal  # (only for a tie)

    return float(Decimal(text).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def short(value: float) -> str:
    """A number as briefly as it goes (`{:g}`: `0.5`, `1 260`), its thousands apart as
    `number` writes them, with a decimal comma in Finnish (`0,5`, `1\u202f260`)."""
    text = f"{value:,g}"
    return numeral(text) if language() == "fi" else text.replace(",", " ")


def every_digit(value: float) -> str:
    """`value` with every digit it has (`-100.0001`, `20`; never rounded to a `-100` that
    reads as allowed), written out (`0.000000001`, not `1e-09`; but `1e+308`, not 309
    digits), as the run's language writes it."""
    text = repr(float(value))
    if math.isfinite(value):
        from decimal import Decimal  # (only where a factor or a change is written)

        written_out = format(Decimal(text), "f")
        text = written_out if len(written_out) <= _WRITTEN_OUT else text
    return numeral(text.removesuffix(".0"))


#: The most characters of a number that `every_digit` writes out in full (`0.000000001`
#: has 11; `1e+308` would have 309).
_WRITTEN_OUT = 24


#: The months in prose: `elokuu 2023`; tables write `8/2023` in Finnish.
FINNISH_MONTHS = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)


def _finnish_month(text: str) -> tuple[str, int] | None:
    """The year and the number of a month `YYYY-MM` where Finnish is written; else None."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if found is None or language() == "en" or not 1 <= int(found.group(2)) <= 12:
        return None
    return found.group(1), int(found.group(2))


def month(text: str, *, prose: bool = False) -> str:
    """A month `YYYY-MM` as the language writes it: `2023-08`; Finnish `8/2023`, or
    `elokuu 2023` in prose. Anything else is returned as it is."""
    if (finnish := _finnish_month(text)) is None:
        return text
    year, number = finnish
    return f"{FINNISH_MONTHS[number - 1]} {year}" if prose else f"{number}/{year}"


def month_end(text: str) -> str:
    """A month `YYYY-MM` as "the end of {month}" takes it: `2026-06`; in Finnish the
    month's name in the genitive, `kesäkuun 2026` ("kesäkuun 2026 lopussa": "6/2026
    lopussa" is no Finnish sentence). Anything else is returned as it is."""
    if (finnish := _finnish_month(text)) is None:
        return text
    year, number = finnish
    return f"{FINNISH_MONTHS[number - 1]}n {year}"

"""The field types take plain values in pydantic's core and leave the rest to their parse
function: either way a value is accepted as the parse function accepts it, and refused
with the parse function's message."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from tyollisyys_cli.models.fields import Cell, Count, MunicipalityCode, Percent, Phrase, Text
from tyollisyys_cli.models.parsing import (
    MAX_FIGURE,
    amount_mapping,
    number_hint,
    parse_cell,
    parse_code,
    parse_count,
    parse_fte,
    parse_percent,
)
from tyollisyys_cli.models.validation import validation_errors

#: What a data file can hand a field: numbers near every bound, words, codes, nothing.
VALUES = st.one_of(
    st.integers(-3, 3),
    st.integers(MAX_FIGURE - 2, MAX_FIGURE + 2),
    st.integers(),
    st.sampled_from([0.0, -0.0, 1.0, 2.5, 99.9, 100.0, 100.5, 12.0, -1.0, 1e7, 1e300]),
    st.sampled_from([math.inf, -math.inf, math.nan]),
    st.booleans(),
    st.none(),
    st.sampled_from(["withheld", "missing", "...", "…", "8,9", "38 799", "yes", "", " 1"]),
    st.sampled_from(["205", "0105", "20", "２０５", "205\n", "abc"]),
    st.text(max_size=6),
)

FIELDS: list[tuple[str, Any, Callable[[Any], Any]]] = [
    ("Count", Count, parse_count),
    ("Cell", Cell, parse_cell),
    ("Percent", Percent, parse_percent),
    ("MunicipalityCode", MunicipalityCode, parse_code),
]


class _Document:
    """Places a problem nowhere: the message is what is compared."""

    def error(self, path: Any, message: str, *, at_key: bool = False) -> Any:
        return message


def _outcome(function: Callable[[Any], Any], value: Any) -> tuple[str, Any]:
    try:
        return "accepted", function(value)
    except ValueError as error:
        return "refused", str(error)


def _validated(kind: Any, value: Any) -> tuple[str, Any]:
    adapter: TypeAdapter[Any] = TypeAdapter(kind)
    try:
        return "accepted", adapter.validate_python(value)
    except ValidationError as exc:
        from pydantic import BaseModel

        (message,) = validation_errors(exc, _Document(), BaseModel)
        return "refused", message


def _same(left: tuple[str, Any], right: tuple[str, Any]) -> bool:
    if left[0] != right[0]:
        return False
    a, b = left[1], right[1]
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b and type(a) is type(b) and str(a) == str(b))


@pytest.mark.parametrize(("name", "kind", "parse"), FIELDS, ids=[f[0] for f in FIELDS])
@given(value=VALUES)
def test_a_field_accepts_and_refuses_as_its_parse_function(
    name: str, kind: Any, parse: Callable[[Any], Any], value: Any
) -> None:
    assert _same(_validated(kind, value), _outcome(parse, value)), (name, value)


COUNT = "expected a whole number (0 or more)"
CELL = "expected a whole number (0 or more), `withheld` or `missing`"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (Count, 263, ("accepted", 263)),
        (Count, 12.0, ("accepted", 12)),
        (Count, True, ("refused", f"{COUNT}, found the yes/no value true")),
        # (a count is whole: no decimal point to suggest; `6,523` is six thousand, and
        # was answered "use a decimal point: 6.523")
        (Count, "8,9", ("refused", f"{COUNT}, found the text '8,9'")),
        (
            Count,
            "6,523",
            (
                "refused",
                f"{COUNT}, found the text '6,523'; write a count without a thousands "
                "separator: 6523",
            ),
        ),
        (Cell, "withheld", ("accepted", "withheld")),
        (
            Count,
            "...",
            (
                "refused",
                f"{COUNT}, found the text '...'; write a withheld cell as `withheld`, and only "
                "where one is allowed",
            ),
        ),
        (Cell, "...", ("refused", 'write a withheld cell ("..." in the plan) as `withheld`')),
        (Cell, -1, ("refused", f"{CELL}, found -1, a negative count")),
        (Percent, 8, ("accepted", 8.0)),
        (Percent, 100.5, ("refused", "expected a percentage between 0 and 100, found 100.5")),
        (MunicipalityCode, "205", ("accepted", "205")),
        # A name with a blank around it matches no other file's: refused. A phrase (a
        # quote, a reason, an address) is matched by none: the blank is dropped (a blank
        # an editor left at the end of a block's last line stopped every run).
        (
            Text,
            "Kuhmo ",
            ("refused", "the text 'Kuhmo ' has a blank before or after it; write 'Kuhmo'"),
        ),
        (Phrase, "tarkoitus säilyttää ennallaan ", ("accepted", "tarkoitus säilyttää ennallaan")),
        (Phrase, " Kauppakatu 20", ("accepted", "Kauppakatu 20")),
        (
            Phrase,
            "Kauppakatu 20\n89600",
            (
                "refused",
                "the text holds a line break (U+000A) at character 14; a name, id or source is "
                "one line of plain text (remove it, or write the text on one line)",
            ),
        ),
        (Phrase, "  ", ("refused", "expected text, found an empty value")),
        (
            MunicipalityCode,
            205,
            (
                "refused",
                "a municipality code is text of three digits; found the number 205, "
                'write it in quotes: "205"',
            ),
        ),
    ],
)
def test_values_and_their_messages(kind: Any, value: Any, expected: tuple[str, Any]) -> None:
    assert _validated(kind, value) == expected


@pytest.mark.parametrize(
    ("text", "field", "hint"),
    [
        ("16 615", {}, "; write numbers without spaces: 16615"),
        # A target's `100 150` is two numbers (a band?): 100150 was suggested, above the
        # most a target may be.
        ("100 150", {"limit": 10_000}, ""),
        ("6,523", {"whole": True}, "; write a count without a thousands separator: 6523"),
        ("2,5", {"whole": True}, ""),
        ("2,5", {}, "; use a decimal point, not a comma: 2.5"),
        # A number in quotes is text to YAML: it may go without them (not `0105`, a code).
        ("78", {"whole": True}, "; write the number without quotes: 78"),
        ("2.5", {}, "; write the number without quotes: 2.5"),
        ("2.5", {"whole": True}, ""),
        ("0105", {"whole": True}, ""),
        ("20000", {"limit": 10_000}, ""),
        ("0.5", {"least": 1}, ""),  # (a target: 1 or more)
        # A spreadsheet's cell with a space kept before or after its number.
        (" 344", {"whole": True}, "; remove the spaces around it: 344"),
        ("2066 ", {"whole": True}, "; remove the spaces around it: 2066"),
        (" 12.2 ", {"limit": 100}, "; remove the spaces around it: 12.2"),
        (" 2.5", {"whole": True}, ""),  # (no count)
        (" 150", {"limit": 100}, ""),
    ],
)
def test_a_hint_suggests_only_a_number_the_field_takes(
    text: str, field: dict[str, Any], hint: str
) -> None:
    assert number_hint(text, **field) == hint


@pytest.mark.parametrize(
    ("text", "field", "hint"),
    [
        ("12,2 %", {"limit": 100, "per_cent": True}, "; write the number without %: 12.2"),
        ("12.2%", {"limit": 100, "per_cent": True}, "; write the number without %: 12.2"),
        ("150 %", {"limit": 100, "per_cent": True}, ""),
        ("50 %", {"limit": 10_000}, ""),  # (an FTE: `50 %` of a post is no 50 FTE)
        ("12 %", {"whole": True}, ""),  # (a count of persons)
        ("78# checked", {"whole": True}, "; a comment needs a space before its #: 78 # …"),
        ("8.3# x", {"limit": 100}, "; a comment needs a space before its #: 8.3 # …"),
        ("-5# x", {"whole": True}, ""),  # (no count is negative)
        ("7.5#x", {"whole": True}, ""),  # (no count has decimals)
        ("8,3# x", {"limit": 100}, ""),  # (YAML would not read 8,3 as a number either)
        ("150# x", {"limit": 100}, ""),
    ],
)
def test_a_hint_suggests_only_what_the_field_takes(
    text: str, field: dict[str, Any], hint: str
) -> None:
    assert number_hint(text, **field) == hint


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("100–150", "; write {min: 100, max: 150}"),
        ("90-120", "; write {min: 90, max: 120}"),
        (100, "; write {about: 100}"),
        (100_000, ""),  # (no target comes near: {about: 100000} would be refused)
        ("100-20000", ""),
        ("150-100", ""),
    ],
)
def test_a_target_not_written_as_a_mapping_is_told_the_one_it_means(
    written: object, hint: str
) -> None:
    from tyollisyys_cli.models.parsing import target_mapping

    with pytest.raises(ValueError) as refused:
        target_mapping(written)
    message = str(refused.value)
    assert message.startswith("write a target as a mapping: ")
    assert message.endswith(hint) and message.count("; write {") == (1 if hint else 0)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("noin 2,5", "; write {about: 2.5}"),
        ("n. 3", "; write {about: 3}"),
        ("~2.5", "; write {about: 2.5}"),
        ("vähintään 5", "; write {at_least: 5}"),
        ("at least 4.5", "; write {at_least: 4.5}"),
        ("7–8", "; write {min: 7, max: 8}"),
        ("7–8 htv", "; write {min: 7, max: 8}"),  # (with its unit, as the plan prints it)
        ("noin 2,5 htv,", "; write {about: 2.5}"),
        ("about 3 FTE", "; write {about: 3}"),
        # (as a Swedish plan prints it)
        ("cirka 2,5", "; write {about: 2.5}"),
        ("c:a 2", "; write {about: 2}"),
        ("minst 3", "; write {at_least: 3}"),
        ("8-7", ""),  # (no band: its ends the wrong way round)
        ("noin 99999", ""),  # (more FTE than an amount takes)
        ("kolme", ""),
    ],
)
def test_an_amount_written_as_the_plan_prints_it_is_told_its_form(written: str, hint: str) -> None:
    """`fte: noin 2,5` was told the forms an amount takes, not the one it means."""
    from tyollisyys_cli.models.parsing import amount_mapping

    with pytest.raises(ValueError) as raised:
        amount_mapping(written)
    message = str(raised.value)
    assert message.endswith(f"found the text {written!r}{hint}"), message


def test_a_blank_left_at_the_end_of_a_quotes_last_line_is_dropped(data_copy: Any) -> None:
    # (an editor's trailing blank on the last line of a `>-` block stopped every run with
    # "has a blank before or after it", placed at the block's first line)
    from tyollisyys_cli.area.load import load_area

    plan = data_copy / "municipalities.yaml"
    text = plan.read_text(encoding="utf-8")
    line = "        tarkoitus säilyttää ennallaan\n"
    assert text.count(line) == 1
    plan.write_text(text.replace(line, line.replace("\n", " \n")), encoding="utf-8")
    kajaani = next(m for m in load_area(data_copy).plan.municipalities if m.name == "Kajaani")
    assert kajaani.staffing_incomplete is not None
    assert kajaani.staffing_incomplete.printed == (
        "Nykyinen kunnan työllisyys- ja kansainvälisyyspalveluiden vakituinen henkilöstö on "
        "tarkoitus säilyttää ennallaan"
    )


WHOLE = (
    "; an FTE the plan does not state is not written: leave out what holds it, or write what "
    "is known, such as {at_least: 1} (a staff line left out: mark the unit's staffing "
    "incomplete, staffing_incomplete with its reason)"
)
#: (removing a part alone is refused: a split's parts and a range's ends are needed)
PART = (
    "; an FTE the plan does not state is not written: leave out the entry that holds it (a "
    "split, a staff line), or write only what is known (a lower end as {at_least: 7})"
)


@pytest.mark.parametrize(
    ("parse", "written", "ends"),
    [
        *((amount_mapping, written, WHOLE) for written in (
            None, "unknown", "?", "tuntematon", "ei tiedossa", "missing", "withheld", "n.a.")),
        # (a split post's fte, kept_fte and offered_fte got no hint)
        *((parse_fte, written, PART) for written in ("unknown", "tuntematon", None)),
        # (`{at_least: }` was told "one of these forms only", of one form written)
        (amount_mapping, {"at_least": None}, "at_least is empty" + PART),
        (amount_mapping, {"min": 7, "max": None}, "max is empty" + PART),
    ],
)  # fmt: skip
def test_an_fte_written_as_not_known_is_told_how_to_leave_it_out(
    parse: Callable[[Any], Any], written: Any, ends: str
) -> None:
    with pytest.raises(ValueError) as raised:
        parse(written)
    assert str(raised.value).endswith(ends)

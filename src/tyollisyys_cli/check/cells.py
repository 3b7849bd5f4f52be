"""A column with withheld or missing cells: what its total can be, with and without the
assumption about withheld cells, and how a printed figure for it is judged.

A withheld cell ("..." in print) is taken to hold the area file's `withheld_cell` range
(1–4 persons unless the file says otherwise). That is an assumption, and an assumption
never makes an error: a figure is an error only when no count of the unknown cells
could give it (fewer than the shown cells, or more than the shown cells plus each unknown
cell at its row's unemployed). A figure that only the assumption rules out is a warning
that says so; a figure that is exactly the sum of the shown cells is a warning that
gives both readings (the withheld cells counted as 0, or left out of the figure).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Severity
from tyollisyys_cli.check.numbers import figure, span_text
from tyollisyys_cli.core.statistics import cell_value, group_total
from tyollisyys_cli.i18n import _, ngettext
from tyollisyys_cli.values import Span, Unknown

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StatisticsRow


@dataclass(frozen=True)
class Cells:
    """A column over some rows: the shown cells' sum, the unknown cells in words, and
    the total with each withheld cell in the assumed range (`assumed`) or anywhere from
    0 to its row's unemployed (`possible`, as a missing cell always is)."""

    known: int
    unknown: str
    withheld: int
    assumed: Span
    possible: Span


@dataclass(frozen=True)
class Verdict:
    """How serious a figure's disagreement is, the words that follow the figure, and
    the range it is compared with."""

    severity: Severity
    words: str
    computed: Span


def cells(ctx: Context, rows: Mapping[str, StatisticsRow], column: str) -> Cells:
    """What `column` of `rows` adds up to."""
    known, unknown = known_and_unknown(ctx, rows, column)
    values = [(cell_value(row, column), row.unemployed) for row in rows.values()]
    withheld = sum(1 for value, _ in values if value is Unknown.WITHHELD)
    room = sum(unemployed for value, unemployed in values if isinstance(value, Unknown))
    assumed = group_total(ctx.area, list(rows.values()), column)
    return Cells(known, unknown, withheld, assumed, Span(known, known + room))


def persons(count: float) -> str:
    """`1 person`, `15 persons`."""
    # A fraction (a figure of the text) takes the plural, as a whole number other than 1.
    form = int(count) if float(count).is_integer() else 2
    return ngettext("{count} person", "{count} persons", form).format(count=figure(count))


def assumption(ctx: Context) -> str:
    """`assuming each withheld cell holds 1–4 persons, as set in area.withheld_cell`."""
    bounds = ctx.area.plan.area.withheld_cell
    return ngettext(  # (`{min: 1, max: 1}`: "holds 1 persons")
        "assuming each withheld cell holds {range} person, as set in area.withheld_cell",
        "assuming each withheld cell holds {range} persons, as set in area.withheld_cell",
        bounds.max if bounds.min == bounds.max else 2,
    ).format(range=span_text(Span(bounds.min, bounds.max)))


def judge(ctx: Context, printed: float, column: Cells, *, text: bool) -> Verdict | None:
    """None when `printed` lies in the assumed range; else the verdict, whose words
    follow "… is printed as 253" (`text`: the figure is the text's, not a total)."""
    assumed, known = column.assumed, column.known
    if assumed.contains(printed):
        return None
    if column.withheld and printed == known:
        more = Span(
            (assumed.low or known) - known, None if assumed.high is None else assumed.high - known
        )
        words = (
            _(
                ", exactly the sum of the shown cells; {assumption}, the {unknown} hold "
                "{more} more: {assumed} in all. Either the withheld cells were counted as 0, "
                "or the text's figure leaves them out"
            )
            if text
            else _(
                ", exactly the sum of the shown cells; {assumption}, the {unknown} hold "
                "{more} more: {assumed} in all. Either the withheld cells were counted as 0, "
                "or the total leaves them out"
            )
        )
        return Verdict(
            "warning",
            words.format(
                assumption=assumption(ctx),
                unknown=column.unknown,
                more=span_text(more),
                assumed=span_text(assumed),
            ),
            assumed,
        )
    if column.possible.contains(printed):
        short = assumed.low is not None and printed < assumed.low
        if text:
            words = (
                _(
                    "; {assumption}, the known cells ({known}) and the {unknown} give "
                    "{assumed}: the text's figure needs {persons} in the unknown cells, fewer "
                    "than the assumption allows"
                )
                if short
                else _(
                    "; {assumption}, the known cells ({known}) and the {unknown} give "
                    "{assumed}: the text's figure needs {persons} in the unknown cells, more "
                    "than the assumption allows"
                )
            )
        else:
            words = (
                _(
                    "; {assumption}, the known cells ({known}) and the {unknown} give "
                    "{assumed}: the total needs {persons} in the unknown cells, fewer than the "
                    "assumption allows"
                )
                if short
                else _(
                    "; {assumption}, the known cells ({known}) and the {unknown} give "
                    "{assumed}: the total needs {persons} in the unknown cells, more than the "
                    "assumption allows"
                )
            )
        return Verdict(
            "warning",
            words.format(
                assumption=assumption(ctx),
                known=figure(known),
                unknown=column.unknown,
                assumed=span_text(assumed),
                persons=persons(printed - known),
            ),
            assumed,
        )
    if printed < known:
        reason = _(", fewer than the known cells alone ({known})").format(known=figure(known))
    else:
        reason = _(
            ", more than the known cells ({known}) and the {unknown} can hold even at their "
            "rows' unemployed ({possible})"
        ).format(known=figure(known), unknown=column.unknown, possible=span_text(column.possible))
    return Verdict("error", reason, column.possible)


def known_and_unknown(
    ctx: Context, rows: Mapping[str, StatisticsRow], column: str
) -> tuple[int, str]:
    """The sum of a column's known cells, and its unknown cells in words."""
    known = sum(v for r in rows.values() if isinstance(v := cell_value(r, column), int))
    unknown = [
        (code, value)
        for code, r in rows.items()
        if isinstance(value := cell_value(r, column), Unknown)
    ]
    return known, _describe(ctx, unknown)


def _describe(ctx: Context, unknown: list[tuple[str, Unknown]]) -> str:
    withheld = [ctx.name(code) for code, kind in unknown if kind is Unknown.WITHHELD]
    missing = [ctx.name(code) for code, kind in unknown if kind is Unknown.MISSING]
    parts = []
    if withheld:
        parts.append(
            ngettext(
                "{count} withheld cell ({places})",
                "{count} withheld cells ({places})",
                len(withheld),
            ).format(count=figure(len(withheld)), places=", ".join(withheld))
        )
    if missing:
        parts.append(
            ngettext(
                "{count} missing cell ({places})", "{count} missing cells ({places})", len(missing)
            ).format(count=figure(len(missing)), places=", ".join(missing))
        )
    if len(parts) == 2:
        return _("{withheld} and {missing}").format(withheld=parts[0], missing=parts[1])
    return "".join(parts)

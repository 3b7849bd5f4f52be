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
    return f"{figure(count)} person{'' if count == 1 else 's'}"


def assumption(ctx: Context) -> str:
    """`assuming each withheld cell holds 1–4 persons, as set in area.withheld_cell`."""
    bounds = ctx.area.plan.area.withheld_cell
    return (
        f"assuming each withheld cell holds {span_text(Span(bounds.min, bounds.max))} "
        f"persons, as set in area.withheld_cell"
    )


def judge(ctx: Context, printed: float, column: Cells, *, subject: str) -> Verdict | None:
    """None when `printed` lies in the assumed range; else the verdict, whose words
    follow "… is printed as 253" (`subject`: "the total", "the text's figure")."""
    assumed, known = column.assumed, column.known
    if assumed.contains(printed):
        return None
    if column.withheld and printed == known:
        more = Span(
            (assumed.low or known) - known, None if assumed.high is None else assumed.high - known
        )
        return Verdict(
            "warning",
            f", exactly the sum of the shown cells; {assumption(ctx)}, the {column.unknown} "
            f"hold {span_text(more)} more: {span_text(assumed)} in all. Either "
            f"the withheld cells were counted as 0, or {subject} leaves them out",
            assumed,
        )
    if column.possible.contains(printed):
        short = assumed.low is not None and printed < assumed.low
        return Verdict(
            "warning",
            f"; {assumption(ctx)}, the known cells ({figure(known)}) and the {column.unknown} "
            f"give {span_text(assumed)}: {subject} needs {persons(printed - known)} in the "
            f"unknown cells, {'fewer' if short else 'more'} than the assumption allows",
            assumed,
        )
    if printed < known:
        reason = f", fewer than the known cells alone ({figure(known)})"
    else:
        reason = (
            f", more than the known cells ({figure(known)}) and the {column.unknown} can hold "
            f"even at their rows' unemployed ({span_text(column.possible)})"
        )
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
            f"{len(withheld)} withheld cell{'s' if len(withheld) > 1 else ''} "
            f"({', '.join(withheld)})"
        )
    if missing:
        parts.append(
            f"{len(missing)} missing cell{'s' if len(missing) > 1 else ''} ({', '.join(missing)})"
        )
    return " and ".join(parts)

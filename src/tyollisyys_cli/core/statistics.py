"""Unemployment figures: rates, and groups of the unemployed as counts and shares.

A municipality's group cell is a count or unknown (withheld, or lost in print). The area's
group figure is the sum of the rows: exact where every cell is known, otherwise a span
from the known cells plus what the unknown ones can hold (a withheld cell holds the
area's `withheld_cell` range; a missing cell anything up to the row's unemployed), or
the plan's printed total where it lies within that span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, ValueRef
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.models.rowfields import GROUP_FIELDS
from tyollisyys_cli.values import Span, Unknown, Written, as_written

if TYPE_CHECKING:
    from tyollisyys_cli.area.monthtable import RowValues
    from tyollisyys_cli.models.area import StatisticsRow

#: Groups shown by `unemployment`, in the order of the statistics table.
SHOWN_GROUPS = ("under_25", "over_50", "long_term", "disabled_or_ill", "foreign")

GroupValue = int | Unknown | Span


def unemployment_rate(unemployed: float, labour_force: float) -> float | None:
    """Unemployed as a percentage of the labour force (None for an empty labour force)."""
    if labour_force <= 0:
        return None
    return unemployed / labour_force * 100


def cell_value(row: StatisticsRow | RowValues, group: str) -> int | Unknown:
    """A group cell as a count or the reason it is unknown."""
    value = getattr(row, group)
    if value == "withheld":
        return Unknown.WITHHELD
    if value == "missing":
        return Unknown.MISSING
    return int(value)


def cell_span(area: Area, row: StatisticsRow | RowValues, group: str) -> Span:
    """What a cell can hold: exact when known, a range when withheld or missing."""
    return Span(*cell_bounds(area, row, group))


def cell_bounds(area: Area, row: StatisticsRow | RowValues, group: str) -> tuple[int, int]:
    """The fewest and the most persons a cell can hold (`cell_span` as two numbers, for
    a rule that looks at every row of every month)."""
    value = cell_value(row, group)
    if value is Unknown.WITHHELD:
        bounds = area.plan.area.withheld_cell
        return min(bounds.min, row.unemployed), min(bounds.max, row.unemployed)
    if value is Unknown.MISSING:
        return 0, row.unemployed
    return value, value


def group_total(area: Area, rows: list[StatisticsRow], group: str) -> Span:
    """The sum of a group over rows, as a span where cells are unknown: the sum of the
    rows' `cell_span`s (added up as numbers, not as spans: the rules sum 25 columns of
    308 rows)."""
    withheld = area.plan.area.withheld_cell
    low = high = 0
    for row in rows:
        value = cell_value(row, group)
        if value is Unknown.WITHHELD:
            low += min(withheld.min, row.unemployed)
            high += min(withheld.max, row.unemployed)
        elif value is Unknown.MISSING:
            high += row.unemployed
        else:
            low += value
            high += value
    return Span(low, high)


def share(value: GroupValue, unemployed: int) -> float | Unknown | Span | None:
    """A group as a percentage of the unemployed."""
    if unemployed <= 0:
        return None
    if isinstance(value, Unknown):
        return value
    if isinstance(value, Span):
        return value.scaled(100 / unemployed)
    return value / unemployed * 100


@dataclass(frozen=True)
class UnemploymentRow:
    """One municipality's (or the area's) unemployment figures."""

    code: str | None
    name: str
    labour_force: int
    unemployed: int
    rate: float | None
    #: As published, with the published digits (`7`, `8.3`).
    rate_published: Written | None
    groups: dict[str, GroupValue]
    is_area: bool = False


@dataclass(frozen=True)
class UnemploymentTable:
    month: str
    source: str
    rows: list[UnemploymentRow]
    area_row: UnemploymentRow
    #: The month has the plan's printed totals row (an imported month has none).
    printed_totals: bool = False
    #: `source` in Finnish, where the data give it so (else `source`).
    source_fi: str = ""
    #: The persons a withheld cell is taken to hold (the area's `withheld_cell`).
    withheld_cell: tuple[int, int] = (1, 4)
    #: The municipalities asked about taken together (counts and rate, no groups), for
    #: the report's headline; None for the whole area.
    places_row: UnemploymentRow | None = None


def unemployment_table(area: Area, selection: Selection, snapshot: Snapshot) -> UnemploymentTable:
    """Rates and groups per selected municipality, and the area row from summed counts."""
    rows: list[UnemploymentRow] = []
    for municipality in area.municipalities:
        stats = snapshot.rows.get(municipality.code)
        if stats is None or not selection.includes(municipality.code):
            continue
        rows.append(
            UnemploymentRow(
                code=municipality.code,
                name=municipality.name,
                labour_force=stats.labour_force,
                unemployed=stats.unemployed,
                rate=unemployment_rate(stats.unemployed, stats.labour_force),
                rate_published=_published_rate(area, snapshot, municipality.code),
                groups={group: cell_value(stats, group) for group in GROUP_FIELDS},
            )
        )
    all_rows = list(snapshot.rows.values())
    labour_force = sum(r.labour_force for r in all_rows)
    unemployed = sum(r.unemployed for r in all_rows)
    area_row = UnemploymentRow(
        code=None,
        name=f"{area.name} (area)",
        labour_force=labour_force,
        unemployed=unemployed,
        rate=unemployment_rate(unemployed, labour_force),
        rate_published=_published_total_rate(area, snapshot),
        groups={group: _area_group(area, snapshot, all_rows, group) for group in GROUP_FIELDS},
        is_area=True,
    )
    return UnemploymentTable(
        snapshot.month,
        snapshot.source,
        rows,
        area_row,
        snapshot.printed_totals is not None,
        source_fi=area.plan.area.source_in(snapshot.source, "fi"),
        withheld_cell=(area.plan.area.withheld_cell.min, area.plan.area.withheld_cell.max),
        places_row=None if selection.everything else _places_row(rows),
    )


def _places_row(rows: list[UnemploymentRow]) -> UnemploymentRow:
    labour_force = sum(r.labour_force for r in rows)
    unemployed = sum(r.unemployed for r in rows)
    return UnemploymentRow(
        code=None,
        name=", ".join(r.name for r in rows),
        labour_force=labour_force,
        unemployed=unemployed,
        rate=unemployment_rate(unemployed, labour_force),
        rate_published=None,
        groups={},
        is_area=True,
    )


def _published_rate(area: Area, snapshot: Snapshot, code: str) -> Written | None:
    """A municipality's published rate with the digits it was published with."""
    rate = snapshot.rows[code].unemployment_rate
    if rate is None:
        return None
    ref = snapshot.row_refs.get(code)
    written = (
        None
        if ref is None
        else area.written(ValueRef(ref.file_key, (*ref.path, "unemployment_rate")))
    )
    return as_written(rate, written)


def _published_total_rate(area: Area, snapshot: Snapshot) -> Written | None:
    """The area's rate as its totals row publishes it (the plan's 8.9), where it has one."""
    totals = snapshot.printed_totals
    if totals is None or totals.unemployment_rate is None:
        return None
    ref = snapshot.totals_ref
    written = (
        None
        if ref is None
        else area.written(ValueRef(ref.file_key, (*ref.path, "unemployment_rate")))
    )
    return as_written(totals.unemployment_rate, written)


def _area_group(
    area: Area, snapshot: Snapshot, rows: list[StatisticsRow], group: str
) -> GroupValue:
    """The area's group figure: the rows' sum, or where cells are unknown the printed
    total when it lies within what the cells allow (325 for 320–357), else the range."""
    summed = group_total(area, rows, group)
    printed = None if snapshot.printed_totals is None else getattr(snapshot.printed_totals, group)
    if not summed.is_exact and isinstance(printed, int) and summed.contains(printed):
        return printed
    return _exact_or_span(summed)


def _exact_or_span(span: Span) -> GroupValue:
    if span.is_exact and span.low is not None:
        return int(span.low)
    return span

"""How each municipality and the area moved month by month, against the plan's month.

For every month held: unemployed, the unemployment rate (from the counts) and clients
per advisor, where the advisors are the caseload-carrying FTE of the staffing written
in the data (the plan's staffing). A municipality served by a service unit shares the
unit's clients per advisor. Each figure also shows its change since the reference month
(the plan's month); before the staffing is filled in, clients per advisor is empty.

The change in clients per advisor is the change in clients over the same FTE, at each
end of the FTE's range. Where the FTE has no upper bound ("at least 5"), the change
shrinks towards 0 as the FTE grows: that end of the change is 0 (0–26 for 1 205 more
clients over at least 45.5 FTE).
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.caseload import area_status, clients_per_advisor
from tyollisyys_cli.core.clients import ClientBase, ClientBaseUnavailable
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.core.statistics import unemployment_rate
from tyollisyys_cli.core.units import (
    Incomplete,
    PoolShares,
    area_caseload_fte,
    caseload_fte,
    incomplete_staffing,
    pool_shares,
    unit_clients,
    unstaffed_of_staffed,
)
from tyollisyys_cli.values import Span

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StatisticsRow


@dataclass(frozen=True)
class Figures:
    """One place's figures in one month."""

    unemployed: int
    rate: float | None
    clients_per_advisor: Span | None
    clients: float | None = None
    #: The caseload-carrying FTE the clients are divided by (the same in every month).
    fte: Span | None = None
    #: The staffing of the unit is known to be incomplete (its transfer unstated).
    incomplete: bool = False
    #: Clients per advisor with the unit's part of the unassigned pool (incomplete units).
    with_pool: Span | None = None


@dataclass(frozen=True)
class TrendPoint:
    """One place in one month, with the change since the reference month."""

    month: str
    figures: Figures
    change_unemployed: int | None
    change_rate: float | None
    change_clients_per_advisor: Span | None


@dataclass(frozen=True)
class TrendSeries:
    """One municipality (or the area) over the months held."""

    code: str | None
    name: str
    unit: str | None
    points: list[TrendPoint]
    is_area: bool = False


@dataclass(frozen=True)
class TrendTable:
    reference_month: str
    client_base: ClientBase
    months: list[str]
    series: list[TrendSeries]
    area_series: TrendSeries
    shared_units: dict[str, list[str]]
    incomplete: list[Incomplete] = dataclasses.field(default_factory=list)
    #: The unassigned pool as divided in the last month shown.
    shares: PoolShares | None = None
    #: Units without staffing that make the area's FTE a lower bound.
    unstaffed: list[str] = dataclasses.field(default_factory=list)
    #: The latest month the data hold (later than the last shown under `--month`).
    latest_held: str = ""


def months_not_held(months: list[str]) -> list[tuple[str, str]]:
    """The runs of months between `months` (YYYY-MM, in order) that are not among them,
    each as its first and last month: 2023-08, 2026-02, 2026-04 lack 2023-09 to 2026-01
    and 2026-03 to 2026-03. A row after such a run follows the month before it."""
    index = [month_index(held) for held in months]
    return [
        (_month_at(earlier + 1), _month_at(later - 1))
        for earlier, later in itertools.pairwise(index)
        if later - earlier > 1
    ]


def month_index(held: str) -> int:
    """Months since year 0 (`2026-06`): months that follow one another differ by 1."""
    year, number_of_month = held.split("-")
    return int(year) * 12 + int(number_of_month) - 1


def _month_at(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _clients(base: ClientBase, rows: list[StatisticsRow]) -> float | None:
    try:
        return sum(base.clients(row) for row in rows)
    except ClientBaseUnavailable:
        return None


def _figures(rows: list[StatisticsRow], clients: float | None, fte: Span | None) -> Figures:
    unemployed = sum(row.unemployed for row in rows)
    return Figures(
        unemployed=unemployed,
        rate=unemployment_rate(unemployed, sum(row.labour_force for row in rows)),
        clients_per_advisor=None if clients is None else clients_per_advisor(clients, fte),
        clients=clients,
        fte=fte,
    )


def caseload_change(difference: float, fte: Span) -> Span | None:
    """The change in clients per advisor when the clients change by `difference` over
    the same `fte`: `difference / FTE` at each end of the FTE's range.

    An FTE without an upper bound makes that end 0 (the change shrinks as the FTE
    grows); an FTE that may be 0 leaves that end open (None). None when the FTE is 0.
    """
    if fte.high is not None and fte.high <= 0:
        return None
    if difference == 0:
        return Span(0.0, 0.0, fte.approximate)
    smallest = 0.0 if fte.high is None else difference / fte.high
    largest = None if fte.low is None or fte.low <= 0 else difference / fte.low
    if difference > 0:
        return Span(smallest, largest, fte.approximate)
    return Span(largest, smallest, fte.approximate)


def _point(month: str, figures: Figures, reference: Figures | None) -> TrendPoint:
    if reference is None or figures is reference:
        return TrendPoint(month, figures, None, None, None)
    rate_change = (
        None if figures.rate is None or reference.rate is None else figures.rate - reference.rate
    )
    caseload = None
    if figures.clients is not None and reference.clients is not None and figures.fte is not None:
        caseload = caseload_change(figures.clients - reference.clients, figures.fte)
    return TrendPoint(
        month,
        figures,
        figures.unemployed - reference.unemployed,
        rate_change,
        caseload,
    )


def _series(months: dict[str, Figures], reference_month: str) -> list[TrendPoint]:
    reference = months.get(reference_month)
    return [_point(month, figures, reference) for month, figures in months.items()]


def _unit_figures(
    row: StatisticsRow, unit: Unit, snapshot: Snapshot, base: ClientBase, shares: PoolShares | None
) -> Figures:
    """A municipality's own counts, with the clients per advisor of its service unit."""
    own = _figures([row], None, None)
    rows = [snapshot.rows[c] for c in unit.members if c in snapshot.rows]
    shared = _figures(rows, _clients(base, rows), caseload_fte(unit.staffing))
    incomplete = unit.incomplete is not None and unit.staffing is not None
    with_pool = (
        None
        if shares is None or not incomplete or shared.clients is None
        else shares.caseload_with_share(unit.id, shared.clients, shared.fte)
    )
    return Figures(
        own.unemployed,
        own.rate,
        shared.clients_per_advisor,
        shared.clients,
        shared.fte,
        incomplete,
        with_pool,
    )


def _shares(area: Area, snapshot: Snapshot, base: ClientBase) -> PoolShares | None:
    """The unassigned pool divided among the incomplete units by the month's clients."""
    try:
        return pool_shares(area, unit_clients(area, snapshot, base))
    except ClientBaseUnavailable:
        return None


def trend_table(
    area: Area, selection: Selection, base: ClientBase, *, until: str | None = None
) -> TrendTable:
    """Per selected municipality and for the area, every month held (up to `until`)."""
    reference_month = area.plan.area.reference_month
    last = area.snapshot(until).month  # LookupError for a month not held
    snapshots = [snapshot for snapshot in area.snapshots if snapshot.month <= last]
    shares = {snapshot.month: _shares(area, snapshot, base) for snapshot in snapshots}
    series: list[TrendSeries] = []
    for municipality in area.municipalities:
        if not selection.includes(municipality.code):
            continue
        unit = area.unit_of(municipality.code)
        months: dict[str, Figures] = {}
        for snapshot in snapshots:
            row = snapshot.rows.get(municipality.code)
            if row is None:
                continue
            months[snapshot.month] = _unit_figures(
                row, unit, snapshot, base, shares[snapshot.month]
            )
        series.append(
            TrendSeries(
                municipality.code,
                municipality.name,
                unit.name if unit.declared else None,
                _series(months, reference_month),
            )
        )
    area_fte = area_caseload_fte(area)
    incomplete = area_status(area, area_fte) == "staffing incomplete"
    area_months: dict[str, Figures] = {}
    for snapshot in snapshots:
        rows = list(snapshot.rows.values())
        figures = _figures(rows, _clients(base, rows), area_fte)
        month_shares = shares[snapshot.month]
        with_pool = (
            None
            if month_shares is None or figures.clients is None
            else month_shares.area_caseload(figures.clients, area_fte)
        )
        area_months[snapshot.month] = dataclasses.replace(
            figures, incomplete=incomplete, with_pool=with_pool
        )
    area_series = TrendSeries(
        None, f"{area.name} (area)", None, _series(area_months, reference_month), is_area=True
    )
    # The members shown of each shared unit (`trend Hyrynsalmi` named Paltamo and
    # Ristijärvi too, which it did not show).
    shared = {
        unit.name: [area.municipality(c).name for c in unit.members if selection.includes(c)]
        for unit in area.units
        if unit.declared and any(selection.includes(code) for code in unit.members)
    }
    held = [snapshot.month for snapshot in snapshots]
    return TrendTable(
        reference_month,
        base,
        held,
        series,
        area_series,
        shared,
        incomplete_staffing(area),
        shares[held[-1]] if held else None,
        unstaffed_of_staffed(area),
        area.snapshots[-1].month if area.snapshots else "",
    )

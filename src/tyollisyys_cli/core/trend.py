"""How each municipality and the area moved month by month, against the plan's month.

For every month held: unemployed, the unemployment rate (from the counts) and clients
per advisor, where the advisors are the caseload-carrying FTE of the staffing written
in the data (the plan's staffing). A municipality served by a service unit shares the
unit's clients per advisor. Each figure also shows its change since the reference month
(the plan's month); before the staffing is filled in, clients per advisor is empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from tyollisyys_cli.core.caseload import caseload_fte, clients_per_advisor
from tyollisyys_cli.core.clients import ClientBase, ClientBaseUnavailable
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.core.statistics import unemployment_rate
from tyollisyys_cli.dataset import Area, Snapshot, Unit
from tyollisyys_cli.models.area import StatisticsRow
from tyollisyys_cli.values import Span, total


@dataclass(frozen=True)
class Figures:
    """One place's figures in one month."""

    unemployed: int
    rate: float | None
    clients_per_advisor: Span | None


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
    )


def span_change(now: Span | None, then: Span | None) -> Span | None:
    """Change between two spans over the same FTE: each bound against its own bound."""
    if now is None or then is None or None in (now.low, now.high, then.low, then.high):
        return None
    assert now.low is not None and now.high is not None
    assert then.low is not None and then.high is not None
    low, high = now.low - then.low, now.high - then.high
    return Span(min(low, high), max(low, high), now.approximate or then.approximate)


def _point(month: str, figures: Figures, reference: Figures | None) -> TrendPoint:
    if reference is None or figures is reference:
        return TrendPoint(month, figures, None, None, None)
    rate_change = (
        None if figures.rate is None or reference.rate is None else figures.rate - reference.rate
    )
    return TrendPoint(
        month,
        figures,
        figures.unemployed - reference.unemployed,
        rate_change,
        span_change(figures.clients_per_advisor, reference.clients_per_advisor),
    )


def _series(months: dict[str, Figures], reference_month: str) -> list[TrendPoint]:
    reference = months.get(reference_month)
    return [_point(month, figures, reference) for month, figures in months.items()]


def _unit_figures(unit: Unit, snapshot: Snapshot, base: ClientBase) -> Span | None:
    rows = [snapshot.rows[c] for c in unit.members if c in snapshot.rows]
    clients = _clients(base, rows)
    return None if clients is None else clients_per_advisor(clients, caseload_fte(unit.staffing))


def trend_table(
    area: Area, selection: Selection, base: ClientBase, *, until: str | None = None
) -> TrendTable:
    """Per selected municipality and for the area, every month held (up to `until`)."""
    reference_month = area.plan.area.reference_month
    last = area.snapshot(until).month  # LookupError for a month not held
    snapshots = [snapshot for snapshot in area.snapshots if snapshot.month <= last]
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
            figures = _figures([row], None, None)
            months[snapshot.month] = Figures(
                figures.unemployed, figures.rate, _unit_figures(unit, snapshot, base)
            )
        series.append(
            TrendSeries(
                municipality.code,
                municipality.name,
                unit.name if unit.declared else None,
                _series(months, reference_month),
            )
        )
    unit_fte = [caseload_fte(unit.staffing) for unit in area.units]
    # The area's caseload is only meaningful when every unit's staffing is known.
    area_fte = (
        None if any(f is None for f in unit_fte) else total([f for f in unit_fte if f is not None])
    )
    area_months = {
        snapshot.month: _figures(
            list(snapshot.rows.values()), _clients(base, list(snapshot.rows.values())), area_fte
        )
        for snapshot in snapshots
    }
    area_series = TrendSeries(
        None, f"{area.name} (area)", None, _series(area_months, reference_month), is_area=True
    )
    shared = {
        unit.name: [area.municipality(code).name for code in unit.members]
        for unit in area.units
        if unit.declared and any(selection.includes(code) for code in unit.members)
    }
    held = [snapshot.month for snapshot in snapshots]
    return TrendTable(reference_month, base, held, series, area_series, shared)

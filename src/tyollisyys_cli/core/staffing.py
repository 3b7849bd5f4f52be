"""Staffing against need: planned caseload FTE, FTE needed at the target, the gap, and
the state's transferring pool against the transfers the municipalities state.

A unit whose staffing the data mark as incomplete has the status "staffing incomplete"
instead of a place against its target, and beside it the caseload it would have with
its part of the unassigned pool (`core.units` says how it is divided).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.caseload import (
    Status,
    area_status,
    clients_per_advisor,
    fte_needed,
    places_fte,
)
from tyollisyys_cli.core.caseload import status as target_status
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.core.units import (
    Incomplete,
    PoolShares,
    TransferPool,
    caseload_fte,
    incomplete_staffing,
    pool_shares,
    transfer_as_stated,
    transfer_pool,
    unit_clients,
    unstaffed_of_staffed,
)
from tyollisyys_cli.values import Span, exceeds, total, total_at_least

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Target


@dataclass(frozen=True)
class StaffingRow:
    """One unit's planned caseload FTE against the FTE its target needs."""

    unit_id: str
    name: str
    clients: float
    planned_fte: Span | None
    target: Target | None
    fte_needed: Span | None
    gap: Span | None
    #: None while the unit's staffing is not written (nothing is stated, not 0).
    stated_transfer: Span | None
    status: Status | None = None
    #: Clients per advisor with the unit's part of the unassigned pool (incomplete units).
    with_pool: Span | None = None


@dataclass(frozen=True)
class StaffingTable:
    month: str
    client_base: ClientBase
    rows: list[StaffingRow]
    area_row: StaffingRow
    pool: TransferPool | None
    shares: PoolShares | None = None
    incomplete: list[Incomplete] | None = None
    #: Units without staffing that make the area row's FTE a lower bound.
    unstaffed: list[str] = field(default_factory=list)
    #: The units shown taken together, where places were asked about (the report's
    #: headline); None for the whole area.
    places_row: StaffingRow | None = None
    #: The units without a target, shown or not, that leave the area row without an FTE
    #: needed and a gap.
    untargeted: list[str] = field(default_factory=list)
    #: The plan's own month, whose staffing and targets every month's table divides by.
    plan_month: str = ""


def short(row: StaffingRow) -> bool:
    """Short of the target at every end of its band: the gap's top below 0 (a float's
    noise is no gap)."""
    return row.gap is not None and row.gap.high is not None and exceeds(0.0, row.gap.high)


def short_at_one_end(row: StaffingRow) -> bool:
    """Short of the band's lower caseload end only: the gap runs from below 0 to 0 or
    above (Oulu -56.5 – 9.0), or, staffing of at least some FTE, the FTE it states reach
    the band's top (at least 4.5 FTE, 4.4–5.3 needed: `≥ -0.8`). A target with no lower
    end (`under 100`, gap `≤ 3.4`) is short at no end."""
    gap = row.gap
    if gap is None or gap.low is None or not exceeds(0.0, gap.low) or short(row):
        return False
    return gap.high is not None or _stated_reach_the_top(row)


def short_unless_more_staff(row: StaffingRow) -> bool:
    """Staffing of at least some FTE short even of the band's top: short unless the unit
    has more staff than it states (Puolanka at least 4 FTE at 5 clients per unemployed,
    `≥ -2.6`). Not a gap open above because the target has no top (`at least 90`, a
    caseload of 160 within it: `≥ -0.8`): such a unit can never be short."""
    gap, planned, needed = row.gap, row.planned_fte, row.fte_needed
    return (
        gap is not None
        and gap.high is None
        and gap.low is not None
        and exceeds(0.0, gap.low)
        and planned is not None
        and planned.high is None
        and needed is not None
        and needed.low is not None
        and not _stated_reach_the_top(row)
    )


def _stated_reach_the_top(row: StaffingRow) -> bool:
    """The FTE a unit states at least are as many as its band's top needs, or more."""
    planned, needed = row.planned_fte, row.fte_needed
    return (
        planned is not None
        and needed is not None
        and planned.low is not None
        and needed.low is not None
        and not exceeds(needed.low, planned.low)
    )


def _row(
    unit: Unit,
    clients: float,
    shares: PoolShares | None,
) -> StaffingRow:
    planned = caseload_fte(unit.staffing)
    needed = fte_needed(clients, unit.target)
    gap = None if planned is None or needed is None else planned - needed
    incomplete = unit.incomplete is not None
    return StaffingRow(
        unit.id,
        unit.name,
        clients,
        planned,
        unit.target,
        needed,
        gap,
        transfer_as_stated(unit),
        status=target_status(
            clients_per_advisor(clients, planned),
            unit.target,
            has_staffing=planned is not None,
            incomplete=incomplete,
        ),
        with_pool=None
        if shares is None or not incomplete
        else shares.caseload_with_share(unit.id, clients, planned),
    )


def staffing_table(
    area: Area, selection: Selection, snapshot: Snapshot, base: ClientBase
) -> StaffingTable:
    """Planned FTE, FTE needed and gap per unit; the area row sums the units."""
    rows: list[StaffingRow] = []
    all_rows: list[StaffingRow] = []
    shown: list[Unit] = []
    clients = unit_clients(area, snapshot, base)
    shares = pool_shares(area, clients)
    for unit in area.units:
        row = _row(unit, clients[unit.id], shares)
        all_rows.append(row)
        if any(selection.includes(code) for code in unit.members):
            rows.append(row)
            shown.append(unit)
    all_planned = total_at_least([r.planned_fte for r in all_rows])
    summed = _summed(all_rows, "area", f"{area.name} (area)", all_planned)
    area_row = dataclasses.replace(
        summed,
        status=area_status(area, summed.planned_fte),
        with_pool=None
        if shares is None
        else shares.area_caseload(summed.clients, summed.planned_fte),
    )
    places_row = None
    if not selection.everything:
        planned, places_status = places_fte(shown)
        places = _summed(rows, "places", ", ".join(r.name for r in rows), planned)
        places_row = dataclasses.replace(places, status=places_status)
    return StaffingTable(
        snapshot.month,
        base,
        rows,
        area_row,
        transfer_pool(area),
        shares,
        incomplete_staffing(area),
        unstaffed_of_staffed(area),
        places_row,
        [r.name for r in all_rows if r.fte_needed is None] if area_row.fte_needed is None else [],
        area.plan.area.reference_month,
    )


def _summed(rows: list[StaffingRow], unit_id: str, name: str, planned: Span | None) -> StaffingRow:
    """`rows` taken together over their `planned` FTE: FTE needed and the gap only while
    every row's is known (status and pool set by the caller)."""
    needed_each = [r.fte_needed for r in rows]
    needed = (
        None
        if any(n is None for n in needed_each)
        else total([n for n in needed_each if n is not None])
    )
    return StaffingRow(
        unit_id=unit_id,
        name=name,
        clients=sum(r.clients for r in rows),
        planned_fte=planned,
        target=None,
        fte_needed=needed,
        gap=None if planned is None or needed is None else planned - needed,
        stated_transfer=total_at_least([r.stated_transfer for r in rows]),
        status=None,
    )

"""Staffing against need: planned caseload FTE, FTE needed at the target, the gap, and
the state's transferring pool against the transfers the municipalities state.

A unit whose staffing the data mark as incomplete has the status "staffing incomplete"
instead of a place against its target, and beside it the caseload it would have with
its part of the unassigned pool (`core.units` says how it is divided).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.caseload import Status, area_status, clients_per_advisor, fte_needed
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
    stated_transfers,
    transfer_pool,
    unit_clients,
    unstaffed_of_staffed,
)
from tyollisyys_cli.values import Span, total, total_at_least

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
        None if unit.staffing is None else stated_transfers(unit, customer_work_only=True),
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
    clients = unit_clients(area, snapshot, base)
    shares = pool_shares(area, clients)
    for unit in area.units:
        row = _row(unit, clients[unit.id], shares)
        all_rows.append(row)
        if any(selection.includes(code) for code in unit.members):
            rows.append(row)
    planned = [r.planned_fte for r in all_rows]
    needed = [r.fte_needed for r in all_rows]
    area_planned = total_at_least(planned)
    area_needed = (
        None if any(n is None for n in needed) else total([n for n in needed if n is not None])
    )
    area_gap = None if area_planned is None or area_needed is None else area_planned - area_needed
    area_clients = sum(r.clients for r in all_rows)
    area_row = StaffingRow(
        unit_id="area",
        name=f"{area.name} (area)",
        clients=area_clients,
        planned_fte=area_planned,
        target=None,
        fte_needed=area_needed,
        gap=area_gap,
        stated_transfer=total_at_least([r.stated_transfer for r in all_rows]),
        status=area_status(area, area_planned),
        with_pool=None if shares is None else shares.area_caseload(area_clients, area_planned),
    )
    return StaffingTable(
        snapshot.month,
        base,
        rows,
        area_row,
        transfer_pool(area),
        shares,
        incomplete_staffing(area),
        unstaffed_of_staffed(area),
    )

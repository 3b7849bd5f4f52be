"""Staffing against need: planned caseload FTE, FTE needed at the target, the gap,
and the state's transferring pool against the transfers the municipalities state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.caseload import caseload_fte, fte_needed
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.values import Span, total

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Target

TRANSFERRING = ("transferring", "transferring_or_recruited")


def stated_transfers(unit: Unit, *, customer_work_only: bool) -> Span:
    """FTE the unit says will transfer from the state (caseload lines only if asked)."""
    if unit.staffing is None:
        return Span.exact(0)
    return total(
        [
            line.fte.span()
            for line in unit.staffing
            if line.origin in TRANSFERRING and (line.caseload or not customer_work_only)
        ]
    )


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
    stated_transfer: Span


@dataclass(frozen=True)
class TransferPool:
    """The state's transferring staff against what the municipalities state."""

    pool: Span
    stated: Span
    unassigned: Span
    pool_total: Span | None
    stated_total: Span
    units_without_stated_transfer: list[str]


@dataclass(frozen=True)
class StaffingTable:
    month: str
    client_base: ClientBase
    rows: list[StaffingRow]
    area_row: StaffingRow
    pool: TransferPool | None


def _row(
    unit_id: str,
    name: str,
    clients: float,
    planned: Span | None,
    target: Target | None,
    stated: Span,
) -> StaffingRow:
    needed = fte_needed(clients, target)
    gap = None if planned is None or needed is None else planned - needed
    return StaffingRow(unit_id, name, clients, planned, target, needed, gap, stated)


def staffing_table(
    area: Area, selection: Selection, snapshot: Snapshot, base: ClientBase
) -> StaffingTable:
    """Planned FTE, FTE needed and gap per unit; the area row sums the units."""
    rows: list[StaffingRow] = []
    all_rows: list[StaffingRow] = []
    for unit in area.units:
        clients = sum(base.clients(snapshot.rows[c]) for c in unit.members if c in snapshot.rows)
        row = _row(
            unit.id,
            unit.name,
            clients,
            caseload_fte(unit.staffing),
            unit.target,
            stated_transfers(unit, customer_work_only=True),
        )
        all_rows.append(row)
        if any(selection.includes(code) for code in unit.members):
            rows.append(row)
    planned = [r.planned_fte for r in all_rows]
    needed = [r.fte_needed for r in all_rows]
    area_planned = (
        None if any(p is None for p in planned) else total([p for p in planned if p is not None])
    )
    area_needed = (
        None if any(n is None for n in needed) else total([n for n in needed if n is not None])
    )
    area_gap = None if area_planned is None or area_needed is None else area_planned - area_needed
    area_row = StaffingRow(
        unit_id="area",
        name=f"{area.name} (area)",
        clients=sum(r.clients for r in all_rows),
        planned_fte=area_planned,
        target=None,
        fte_needed=area_needed,
        gap=area_gap,
        stated_transfer=total([r.stated_transfer for r in all_rows]),
    )
    return StaffingTable(snapshot.month, base, rows, area_row, transfer_pool(area))


def transfer_pool(area: Area) -> TransferPool | None:
    """The customer-work pool against the stated transfers, and what is left unassigned."""
    pool = area.plan.area.transfer_pool
    if pool is None:
        return None
    stated = total([stated_transfers(u, customer_work_only=True) for u in area.units])
    stated_all = total([stated_transfers(u, customer_work_only=False) for u in area.units])
    without = [
        u.name for u in area.units if stated_transfers(u, customer_work_only=True) == Span.exact(0)
    ]
    customer = pool.customer_work_fte.span()
    return TransferPool(
        pool=customer,
        stated=stated,
        unassigned=customer - stated,
        pool_total=pool.total_fte.span(),
        stated_total=stated_all,
        units_without_stated_transfer=without,
    )

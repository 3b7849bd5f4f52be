"""Dividing the state's transferring customer-work staff among the area's service units.

The pool (by default the plan's `transfer_pool.customer_work_fte`; the lower bound where
the plan gives a range) is divided among the service units by one of the methods of
`core.apportion`. What each unit brings:

- own FTE: its caseload-carrying lines that do not come from the pool (origin `own` or
  `recruited`). They count toward the unit's caseload before anything is allocated.
- stated transfer: its caseload-carrying lines with origin `transferring` or
  `transferring_or_recruited`. A stated transfer is part of the pool, so it is the
  unit's floor: the unit receives at least that much of the pool (with `ignore_stated`
  there are no floors, and the stated transfers are not counted at all).

A unit whose staffing is not filled in counts as having no staff of its own; its
caseload after is then at most what is shown, so it is not set against its target (status
`staffing incomplete`, as the area's).
Where the plan gives a range or "at least", the lower bound counts (conservative: a unit
is never assumed to have more staff than the plan promises); "about" counts as its value.
Clients per advisor *before* is over own FTE + floor (what the unit has before the rest
of the pool is divided), *after* over own FTE + allocated FTE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.apportion import Claimant, Method, allocate, clients_per_advisor
from tyollisyys_cli.core.caseload import Status, fte_needed, status
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.units import (
    TRANSFERRING,
    caseload_fte,
    stated_transfers,
    transfer_as_stated,
    unit_clients,
)
from tyollisyys_cli.values import Span, exceeds, total

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Target


def _own_caseload_fte(unit: Unit) -> Span:
    """The caseload FTE of the unit's own (not transferring) lines; 0 without staffing."""
    return total(
        [
            line.fte.span()
            for line in unit.staffing or []
            if line.caseload and line.origin not in TRANSFERRING
        ]
    )


def own_fte(unit: Unit) -> float:
    """Caseload FTE that does not come from the pool (lower bound; 0 without staffing)."""
    return _own_caseload_fte(unit).low or 0.0


def stated_transfer(unit: Unit) -> float:
    """The transferring caseload FTE the unit states (lower bound): its floor."""
    return stated_transfers(unit, customer_work_only=True).low or 0.0


def default_pool(area: Area) -> Span | None:
    """The plan's transferring customer-work pool, if the area file states one."""
    pool = area.plan.area.transfer_pool
    return None if pool is None else pool.customer_work_fte.span()


@dataclass(frozen=True)
class AllocationRow:
    """One unit's share of the pool and its caseload before and after."""

    unit_id: str
    name: str
    clients: float
    target: Target | None
    own_fte: float
    stated_fte: float
    floor: float
    allocated_fte: float
    total_fte: float
    before: float | None
    after: float | None
    status: Status
    more_fte_needed: float | None
    staffing_known: bool = True
    #: The unit's caseload FTE is stated as a range or a lower bound (at least 4), of
    #: which the allocation counts the low end.
    fte_counted_low: bool = False
    #: The unit states its transfer (its floor is 0 where it states none, but a transfer
    #: not stated, as Kajaani's, is not shown as 0).
    transfer_stated: bool = True


@dataclass(frozen=True)
class AllocationTable:
    month: str
    client_base: ClientBase
    method: Method
    pool: float
    step: float
    ignore_stated: bool
    rows: list[AllocationRow]
    area_row: AllocationRow
    #: The plan's own month, whose staffing and pool every month's table divides.
    plan_month: str = ""

    @property
    def over_target(self) -> list[AllocationRow]:
        """Units whose caseload stays above the target even after the pool is spent."""
        return [row for row in self.rows if row.more_fte_needed is not None]


def more_fte_needed(clients: float, total_fte: float, target: Target | None) -> float | None:
    """FTE still missing to bring the caseload down to the top of the target band."""
    needed = fte_needed(clients, target)
    if needed is None or needed.low is None or not exceeds(needed.low, total_fte):
        return None  # (none, or a float's noise)
    return needed.low - total_fte


def _row(unit: Unit, clients: float, *, allocated: float, ignore_stated: bool) -> AllocationRow:
    own = own_fte(unit)
    stated = stated_transfer(unit)
    floor = 0.0 if ignore_stated else stated
    after = clients_per_advisor(clients, own + allocated)
    known = unit.staffing is not None
    if after is None:
        state: Status = "no staffing"
    elif not known:
        # (its own staff not written yet: at most this caseload, not set against the
        # target; an `init` area's Lieto was "over" and "needs 0.94 more FTE")
        state = "staffing incomplete"
    else:
        state = status(Span.exact(after), unit.target, has_staffing=True)
    return AllocationRow(
        unit_id=unit.id,
        name=unit.name,
        clients=clients,
        target=unit.target,
        own_fte=own,
        stated_fte=stated,
        floor=floor,
        allocated_fte=allocated,
        total_fte=own + allocated,
        before=clients_per_advisor(clients, own + floor),
        after=after,
        status=state,
        more_fte_needed=more_fte_needed(clients, own + allocated, unit.target) if known else None,
        staffing_known=known,
        fte_counted_low=_stated_as_a_range(unit, ignore_stated=ignore_stated),
        transfer_stated=transfer_as_stated(unit) is not None,
    )


def _stated_as_a_range(unit: Unit, *, ignore_stated: bool) -> bool:
    """Whether the caseload FTE counted is a range (or a lower bound): of every caseload
    line, or of the own lines only where the stated transfers are not counted (the
    ranges of Suomussalmi's 7–8 transferring FTE were named under --ignore-stated)."""
    fte = _own_caseload_fte(unit) if ignore_stated else caseload_fte(unit.staffing)
    return fte is not None and fte.low != fte.high


def allocation_table(
    area: Area,
    snapshot: Snapshot,
    base: ClientBase,
    *,
    pool: float,
    step: float,
    method: Method,
    ignore_stated: bool = False,
) -> AllocationTable:
    """The pool divided among every service unit of the area (`AllocationError` if it cannot)."""
    clients = unit_clients(area, snapshot, base)
    claimants = [
        Claimant(
            unit.id,
            clients[unit.id],
            own_fte(unit),
            0.0 if ignore_stated else stated_transfer(unit),
        )
        for unit in area.units
    ]
    shares = allocate(claimants, pool=pool, step=step, method=method)
    rows = [
        _row(unit, clients[unit.id], allocated=shares[unit.id], ignore_stated=ignore_stated)
        for unit in area.units
    ]
    all_clients = sum(clients.values())
    own = sum(r.own_fte for r in rows)
    floors = sum(r.floor for r in rows)
    area_total = own + pool
    area_row = AllocationRow(
        unit_id="area",
        name=f"{area.name} (area)",
        clients=all_clients,
        target=None,
        own_fte=own,
        stated_fte=sum(r.stated_fte for r in rows),
        floor=floors,
        allocated_fte=pool,
        total_fte=area_total,
        before=clients_per_advisor(all_clients, own + floors),
        after=clients_per_advisor(all_clients, area_total),
        status="no target" if all(r.staffing_known for r in rows) else "staffing incomplete",
        more_fte_needed=None,
        # (no unit's staffing or transfer known: the area's not a known 0 either)
        staffing_known=any(r.staffing_known for r in rows),
        transfer_stated=any(r.transfer_stated for r in rows),
    )
    return AllocationTable(
        month=snapshot.month,
        client_base=base,
        method=method,
        pool=pool,
        step=step,
        ignore_stated=ignore_stated,
        rows=rows,
        area_row=area_row,
        plan_month=area.plan.area.reference_month,
    )

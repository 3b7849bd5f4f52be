"""What a service unit's staff add up to, and the state's transferring pool among units.

A unit's caseload-carrying FTE is the sum of its staff lines that carry a caseload; the
transfers it states are its lines of staff transferring from the state. The pool is the
customer-work part of the state's transferring staff, against the stated transfers. A
unit whose staffing the data mark as incomplete (`staffing_incomplete`: the plan does
not state its transfer) is shown with the caseload it would have with the unassigned
part of the pool: the pool less the stated transfers, at its most (the stated transfers
at their lower bounds, as `allocate` counts them). Where several units are incomplete,
that part is divided among them as `allocate` divides a pool by default: even caseload,
in steps of `SHARE_STEP` FTE (what is left below one step goes to the unit then
highest); the complete units take nothing from it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tyollisyys_cli import i18n
from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.apportion import Claimant, allocate, exact
from tyollisyys_cli.core.apportion import clients_per_advisor as fte_caseload
from tyollisyys_cli.core.clients import ClientBase, ClientBaseUnavailable
from tyollisyys_cli.i18n import _, ngettext
from tyollisyys_cli.values import Span, total, total_at_least

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StaffLine

TRANSFERRING = ("transferring", "transferring_or_recruited")

#: The step in which the unassigned pool is divided among incomplete units (the default
#: `--step` of `allocate`).
SHARE_STEP = 0.5


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


def transfer_as_stated(unit: Unit) -> Span | None:
    """The transferring customer-work FTE the unit states: None where nothing is stated,
    its staffing unwritten or marked incomplete with no transfer in it (Kajaani's share
    of the pool is not stated: not 0)."""
    if unit.staffing is None:
        return None
    stated = stated_transfers(unit, customer_work_only=True)
    return None if unit.incomplete is not None and stated.high == 0 else stated


def caseload_fte(staffing: tuple[StaffLine, ...] | None) -> Span | None:
    """FTE of the lines that carry a caseload; None while staffing is not filled in."""
    if staffing is None:
        return None
    return total([line.fte.span() for line in staffing if line.caseload])


def area_caseload_fte(area: Area) -> Span | None:
    """The units' caseload FTE summed. While some unit's staffing is not written, the
    area's is at least that of the others; None while no unit's is."""
    return total_at_least([caseload_fte(unit.staffing) for unit in area.units])


def unstaffed_units(area: Area) -> list[Unit]:
    """The units whose staffing is not written yet."""
    return [u for u in area.units if u.staffing is None]


def unstaffed_of_staffed(area: Area) -> list[str]:
    """The names of the units whose staffing is not written yet, where another unit's is:
    those that make the area's caseload FTE a lower bound (none while no unit's is)."""
    unstaffed = unstaffed_units(area)
    return [u.name for u in unstaffed] if len(unstaffed) < len(area.units) else []


@dataclass(frozen=True)
class TransferPool:
    """The state's transferring staff against what the municipalities state."""

    pool: Span
    stated: Span
    unassigned: Span
    pool_total: Span | None
    stated_total: Span
    units_without_stated_transfer: list[str]
    #: Units whose staffing is not filled in yet (they state nothing at all).
    units_without_staffing: list[str] = field(default_factory=list)


def transfer_pool(area: Area) -> TransferPool | None:
    """The customer-work pool against the stated transfers, and what is left unassigned."""
    pool = area.plan.area.transfer_pool
    if pool is None:
        return None
    stated = total([stated_transfers(u, customer_work_only=True) for u in area.units])
    stated_all = total([stated_transfers(u, customer_work_only=False) for u in area.units])
    # (units whose staffing is written and states no transfer: a unit without staffing
    # yet states nothing at all, and the notes name it as such)
    without = [
        u.name
        for u in area.units
        if u.staffing is not None and stated_transfers(u, customer_work_only=True) == Span.exact(0)
    ]
    customer = pool.customer_work_fte.span()
    return TransferPool(
        pool=customer,
        stated=stated,
        unassigned=customer - stated,
        pool_total=pool.total_fte.span(),
        stated_total=stated_all,
        units_without_stated_transfer=without,
        units_without_staffing=[u.name for u in area.units if u.staffing is None],
    )


def unit_clients(area: Area, snapshot: Snapshot, base: ClientBase) -> dict[str, float]:
    """Each unit's clients in the snapshot (unit id → clients). A client base the month's
    statistics lack is refused naming the month, and the months held that have it."""
    try:
        return {
            unit.id: sum(base.clients(snapshot.rows[c]) for c in unit.members if c in snapshot.rows)
            for unit in area.units
        }
    except ClientBaseUnavailable:
        raise ClientBaseUnavailable(_lacking(area, snapshot)) from None


def _lacking(area: Area, snapshot: Snapshot) -> str:
    """`the statistics of 2023-08 have no count of all job seekers; 2026-06 has …`."""
    held = [
        s.month
        for s in area.snapshots
        if all(isinstance(row.job_seekers, int) for row in s.rows.values())
    ]
    month = i18n.month(snapshot.month)
    if held:
        return ngettext(
            "the statistics of {month} have no count of all job seekers; {months} has: give "
            "--month {latest}, or use --client-base unemployed",
            "the statistics of {month} have no count of all job seekers; {months} have: give "
            "--month {latest}, or use --client-base unemployed",
            len(held),
        ).format(month=month, months=", ".join(i18n.month(m) for m in held), latest=held[-1])
    return _(
        "the statistics of {month} have no count of all job seekers; import a month of the "
        "official statistics (tyollisyys import statfin), or use --client-base unemployed"
    ).format(month=month)


def incomplete_units(area: Area) -> list[Unit]:
    """The units whose staffing the data mark as incomplete (and hold staff lines)."""
    return [u for u in area.units if u.incomplete is not None and u.staffing is not None]


def incomplete_staffing(area: Area) -> list[Incomplete]:
    """Every unit whose staffing the data mark as incomplete, with the reason."""
    return [
        Incomplete(u.id, u.name, u.incomplete or "", u.incomplete_fi)
        for u in incomplete_units(area)
    ]


def pool_shares(area: Area, clients: Mapping[str, float]) -> PoolShares | None:
    """The unassigned pool divided among the incomplete units by even caseload (None when
    no unit is incomplete or the area states no pool)."""
    units = incomplete_units(area)
    pool = transfer_pool(area)
    if not units or pool is None or pool.unassigned.high is None:
        return None
    left = exact(max(pool.unassigned.high, 0.0))
    claimants = [Claimant(u.id, clients.get(u.id, 0.0), _fte_low(u)) for u in units]
    step = exact(SHARE_STEP)
    whole = math.floor(left / step) * step
    shares = allocate(claimants, pool=float(whole), step=SHARE_STEP, method="even-caseload")
    if left > whole:  # less than one step left: to the unit then highest
        highest = max(claimants, key=lambda c: _caseload_key(c, shares[c.unit_id]))
        shares[highest.unit_id] = float(exact(shares[highest.unit_id]) + left - whole)
    names = {u.id: u.name for u in units}
    at_most = pool.unassigned.low is None or pool.unassigned.low < pool.unassigned.high
    low, high = pool.pool.low, pool.pool.high
    spread = high - low if low is not None and high is not None else 0.0
    approximate = pool.unassigned.approximate
    return PoolShares(float(left), approximate, shares, names, at_most, spread)


def _fte_low(unit: Unit) -> float:
    fte = caseload_fte(unit.staffing)
    return 0.0 if fte is None else fte.low or 0.0


def _caseload_key(claimant: Claimant, share: float) -> tuple[float, str]:
    caseload = fte_caseload(claimant.clients, claimant.own_fte + share)
    return (math.inf if caseload is None else caseload, claimant.unit_id)


@dataclass(frozen=True)
class PoolShares:
    """The unassigned part of the customer-work pool, divided among incomplete units."""

    #: FTE divided: the most the pool leaves once the stated transfers are counted.
    unassigned: float
    approximate: bool
    #: Unit id → FTE of the unassigned part it would receive.
    shares: dict[str, float]
    #: Unit id → name, of every unit the part is divided among (a page of one of them
    #: names the others too: Taivalkoski's ~0.0 is Kajaani's ~14.5).
    names: dict[str, str] = field(default_factory=dict)
    #: Whether `unassigned` is only the most the pool may leave (the pool, or a stated
    #: transfer, is a range or "at least"): a share of it is then the most a unit gets.
    at_most: bool = False
    #: How much less the pool may be than its top (a pool of 38–42 FTE: 4).
    spread: float = 0.0

    def caseload_with_share(self, unit_id: str, clients: float, fte: Span | None) -> Span | None:
        """Clients per advisor over `fte` and the unit's share (None if it has none); at
        least that, where the share is the most the unit may get (`at_most`): Kajaani
        over 3 FTE and ~14.5 of at most ~14.5 left is `≥ ~79`, not `~79`."""
        if unit_id not in self.shares or fte is None:
            return None
        share = Span.exact(self.shares[unit_id], approximate=self.approximate)
        return self._at_least(total([fte, share]).divide_into(clients), self.shares[unit_id])

    def area_caseload(self, clients: float, fte: Span | None) -> Span | None:
        """The area's clients per advisor with the whole unassigned part added."""
        if fte is None:
            return None
        whole = sum(self.shares.values())
        # (a pool given as a range, 38–42, leaves a range: the area's total is the pool's)
        added = Span(max(whole - self.spread, 0.0), whole, approximate=self.approximate)
        return total([fte, added]).divide_into(clients)

    def _at_least(self, caseload: Span | None, share: float) -> Span | None:
        """`caseload` with `share` FTE of the pool: at least that where the share is the
        most a unit may get (`at_most`; a share of none is no bound: Taivalkoski's ~0.0
        leaves its ~71 as it is)."""
        return caseload.at_least() if caseload is not None and self.at_most and share else caseload


@dataclass(frozen=True)
class Incomplete:
    """A unit whose staffing is incomplete, and why (for a table's notes)."""

    unit_id: str
    name: str
    reason: str
    #: The reason in Finnish, where the data give it.
    reason_fi: str | None = None

    def reason_in(self, language: str) -> str:
        """The reason in `language` where the data give it so, else as the data give it."""
        return self.reason_fi if language == "fi" and self.reason_fi else self.reason

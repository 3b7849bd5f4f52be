"""Clients per advisor: each service unit's caseload against its target.

Caseload = clients / caseload-carrying FTE. A unit's FTE is the sum of its staff lines
that carry a caseload; where the plan gives a range, a lower bound or an approximate
amount, the FTE and so the caseload are spans. A unit's clients are the sum over all
the municipalities it serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.core.units import (
    Incomplete,
    PoolShares,
    area_caseload_fte,
    caseload_fte,
    incomplete_staffing,
    incomplete_units,
    pool_shares,
    unit_clients,
    unstaffed_of_staffed,
    unstaffed_units,
)
from tyollisyys_cli.i18n import N_
from tyollisyys_cli.values import Span, exceeds, total_at_least

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Target
    from tyollisyys_cli.models.area import StatisticsRow

Status = Literal[
    "under",
    "within",
    "over",
    "under or within",
    "within or over",
    "under to over",
    "no target",
    "no staffing",
    "no caseload staff",
    "staffing incomplete",
]
#: The statuses that set a caseload against its target band (the others say why not).
AGAINST_BAND: frozenset[Status] = frozenset(
    {"under", "within", "over", "under or within", "within or over", "under to over"}
)
#: Of those, a caseload's range reaching across an end of the band.
ACROSS_AN_END: frozenset[Status] = frozenset({"under or within", "within or over", "under to over"})
Level = Literal["unit", "member", "area"]
#: The statuses as people read them (`render.text.cell` translates a coded column).
STATUS_WORDS = (
    N_("under"),
    N_("within"),
    N_("over"),
    N_("under or within"),
    N_("within or over"),
    N_("under to over"),
    N_("no target"),
    N_("no staffing"),
    N_("no caseload staff"),
    N_("staffing incomplete"),
)


def clients_per_advisor(clients: float, fte: Span | None) -> Span | None:
    """Clients divided by caseload FTE, as a span (None without FTE)."""
    if fte is None:
        return None
    return fte.divide_into(clients)


def fte_needed(clients: float, target: Target | None) -> Span | None:
    """FTE that bring the caseload within the target: clients/max to clients/min."""
    if target is None:
        return None
    band = target.band()
    low = None if band.high is None else clients / band.high
    high = None if band.low is None or band.low <= 0 else clients / band.low
    return Span(low, high, band.approximate)


def status(
    caseload: Span | None, target: Target | None, *, has_staffing: bool, incomplete: bool = False
) -> Status:
    """Where a caseload stands against its target band.

    A caseload that is a range (FTE given as 7–8 or at least 4) is under, within or over
    only where the whole range is; a range across an end of the band is `under or
    within`, `within or over`, or `under to over` (across both ends). A unit whose
    staffing is known to be incomplete (its transfer unstated) is not set against its
    target: its caseload is over part of its staff only."""
    if not has_staffing:
        return "no staffing"
    if incomplete:
        return "staffing incomplete"
    if target is None:
        return "no target"
    if caseload is None:  # staff lines held, but none carries a caseload (0 FTE)
        return "no caseload staff"
    band = target.band()
    # (a float's noise is no side: `exceeds`)
    if caseload.high is not None and band.low is not None and exceeds(band.low, caseload.high):
        return "under"
    if caseload.low is not None and band.high is not None and exceeds(caseload.low, band.high):
        return "over"
    below = band.low is not None and (caseload.low is None or exceeds(band.low, caseload.low))
    above = band.high is not None and (caseload.high is None or exceeds(caseload.high, band.high))
    if below and above:
        return "under to over"
    if below:
        return "under or within"
    if above:
        return "within or over"
    return "within"


@dataclass(frozen=True)
class CaseloadRow:
    """One service unit (or a member of one, or the area) with its caseload."""

    unit_id: str
    name: str
    level: Level
    labour_force: int
    unemployed: int
    clients: float
    fte: Span | None
    clients_per_advisor: Span | None
    target: Target | None
    status: Status | None
    served_by: str | None = None
    #: Clients per advisor with the unit's part of the unassigned pool (incomplete units).
    with_pool: Span | None = None


@dataclass(frozen=True)
class CaseloadTable:
    month: str
    client_base: ClientBase
    rows: list[CaseloadRow]
    area_row: CaseloadRow
    shares: PoolShares | None = None
    incomplete: list[Incomplete] | None = None
    #: Units without staffing that make the area row's FTE a lower bound.
    unstaffed: list[str] = field(default_factory=list)
    #: The units shown taken together, where places were asked about (the report's
    #: headline); None for the whole area.
    places_row: CaseloadRow | None = None
    #: The plan's own month, whose staffing and targets every month's table divides by.
    plan_month: str = ""


def _unit_rows(
    area: Area, unit: Unit, snapshot: Snapshot, base: ClientBase, shares: PoolShares | None
) -> list[CaseloadRow]:
    members = [code for code in unit.members if code in snapshot.rows]
    stats = [snapshot.rows[code] for code in members]
    clients = sum(base.clients(row) for row in stats)
    fte = caseload_fte(unit.staffing)
    caseload = clients_per_advisor(clients, fte)
    rows = [
        CaseloadRow(
            unit_id=unit.id,
            name=unit.name,
            level="unit",
            labour_force=sum(row.labour_force for row in stats),
            unemployed=sum(row.unemployed for row in stats),
            clients=clients,
            fte=fte,
            clients_per_advisor=caseload,
            target=unit.target,
            status=status(
                caseload,
                unit.target,
                has_staffing=fte is not None,
                incomplete=unit.incomplete is not None,
            ),
            with_pool=None
            if shares is None or unit.incomplete is None
            else shares.caseload_with_share(unit.id, clients, fte),
        )
    ]
    if unit.declared:
        for code, row in zip(members, stats, strict=True):
            rows.append(
                CaseloadRow(
                    unit_id=unit.id,
                    name=area.municipality(code).name,
                    level="member",
                    labour_force=row.labour_force,
                    unemployed=row.unemployed,
                    clients=base.clients(row),
                    fte=None,
                    clients_per_advisor=None,
                    target=None,
                    status=None,
                    served_by=unit.name,  # (the unit row's name: a script joins on it)
                )
            )
    return rows


def caseload_table(
    area: Area, selection: Selection, snapshot: Snapshot, base: ClientBase
) -> CaseloadTable:
    """Caseload rows for the units serving the selected municipalities, and the area."""
    shares = pool_shares(area, unit_clients(area, snapshot, base))
    rows: list[CaseloadRow] = []
    shown = [u for u in area.units if any(selection.includes(code) for code in u.members)]
    for unit in shown:
        rows.extend(_unit_rows(area, unit, snapshot, base, shares))
    fte_total = area_caseload_fte(area)
    area_row = _total_row(
        "area",
        f"{area.name} (area)",
        list(snapshot.rows.values()),
        base,
        fte_total,
        area_status(area, fte_total),
        shares,
    )
    return CaseloadTable(
        snapshot.month,
        base,
        rows,
        area_row,
        shares,
        incomplete_staffing(area),
        unstaffed_of_staffed(area),
        None if selection.everything else _places_row(shown, snapshot, base),
        area.plan.area.reference_month,
    )


def _places_row(units: list[Unit], snapshot: Snapshot, base: ClientBase) -> CaseloadRow:
    """The units serving the places asked about, taken together: their clients over their
    caseload FTE (`places_fte`)."""
    fte, places_status = places_fte(units)
    return _total_row(
        "places",
        ", ".join(unit.name for unit in units),
        [snapshot.rows[code] for unit in units for code in unit.members if code in snapshot.rows],
        base,
        fte,
        places_status,
    )


def places_fte(units: list[Unit]) -> tuple[Span | None, Status]:
    """The caseload FTE of the units serving the places asked about, taken together, and
    its status: at least their sum while one's staffing is not written, or is marked
    incomplete (the plan does not state all of it); None while none is written."""
    fte = total_at_least([_at_least_if_incomplete(unit) for unit in units])
    if fte is None:
        return None, "no staffing"
    if any(unit.staffing is None or unit.incomplete is not None for unit in units):
        return fte, "staffing incomplete"
    return fte, "no target"


def _total_row(
    unit_id: str,
    name: str,
    stats: list[StatisticsRow],
    base: ClientBase,
    fte: Span | None,
    status: Status,
    shares: PoolShares | None = None,
) -> CaseloadRow:
    """The municipalities' rows `stats` taken together over `fte` (the area, or the units
    serving the places asked about); with the unassigned pool where `shares` are given."""
    clients = sum(base.clients(row) for row in stats)
    return CaseloadRow(
        unit_id=unit_id,
        name=name,
        level="area",
        labour_force=sum(row.labour_force for row in stats),
        unemployed=sum(row.unemployed for row in stats),
        clients=clients,
        fte=fte,
        clients_per_advisor=clients_per_advisor(clients, fte),
        target=None,
        status=status,
        with_pool=None if shares is None else shares.area_caseload(clients, fte),
    )


def _at_least_if_incomplete(unit: Unit) -> Span | None:
    """The unit's caseload FTE; at least that where its staffing is marked incomplete
    (the plan does not state all of it)."""
    fte = caseload_fte(unit.staffing)
    return fte if fte is None or unit.incomplete is None else fte.at_least()


@dataclass(frozen=True)
class ImpliedFactor:
    """What a stated clients-per-advisor figure implies about the client base."""

    place: str
    claimed_per_advisor: float
    fte: float
    unemployed: int
    #: The month of the unemployed, where the claim gives its own (None: the plan's).
    month: str | None = None

    @property
    def clients(self) -> float:
        return self.claimed_per_advisor * self.fte

    @property
    def factor(self) -> float:
        """Implied clients per unemployed job seeker."""
        return self.clients / self.unemployed


def implied_client_factors(area: Area) -> list[ImpliedFactor]:
    """The client factor each stated clients-per-advisor claim implies (e.g. Kuusamo's).

    A claim describes the plan's own month, or the month it gives (`month`), so it is set
    against that month's statistics whichever month a table shows (none where they are
    not held).
    """
    result: list[ImpliedFactor] = []
    snapshots = {snapshot.month: snapshot for snapshot in area.snapshots}
    for claim in area.plan.claims:
        if claim.quantity != "clients_per_advisor" or claim.place is None or claim.value is None:
            continue
        snapshot = snapshots.get(claim.month or area.plan.area.reference_month)
        if snapshot is None:
            continue
        unit = _unit_for_place(area, claim.place)
        fte = caseload_fte(unit.staffing) if unit else None
        if unit is None or fte is None or fte.midpoint is None:
            continue
        unemployed = sum(snapshot.rows[c].unemployed for c in unit.members if c in snapshot.rows)
        if unemployed > 0:
            result.append(
                ImpliedFactor(unit.name, claim.value, fte.midpoint, unemployed, claim.month)
            )
    return result


def _unit_for_place(area: Area, place: str) -> Unit | None:
    for unit in area.units:
        if unit.id == place or (not unit.declared and place in unit.members):
            return unit
    return None


def area_status(area: Area, fte: Span | None) -> Status:
    """The area row's status over its caseload FTE `fte`: no staffing (no unit's is
    written), staffing incomplete (a unit's is marked so or not written), or no target."""
    if fte is None:
        return "no staffing"
    if incomplete_units(area) or unstaffed_units(area):
        return "staffing incomplete"
    return "no target"

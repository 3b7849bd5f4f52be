"""Notes on incomplete staffing, shared by the tables that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.core.staffing import SHARE_STEP
from tyollisyys_cli.render.model import Column

if TYPE_CHECKING:
    from tyollisyys_cli.core.staffing import Incomplete, PoolShares

WITH_POOL = Column(
    "clients_per_advisor_with_pool",
    "With pool",
    "span",
    0,
    "clients per advisor if the unit received its part of the unassigned transferring pool "
    "(staffing incomplete)",
    give_way=1,
)


def _fte(value: float, approximate: bool) -> str:
    return f"{'~' if approximate else ''}{value:.1f}"


def incomplete_notes(
    incomplete: list[Incomplete] | None, shares: PoolShares | None, *, month: str | None = None
) -> list[str]:
    """What "staffing incomplete" means here, why each unit is, and how the unassigned pool
    was divided for the "With unassigned pool" column."""
    if not incomplete:
        return []
    notes = [
        "Staffing incomplete: "
        + "; ".join(f"{unit.name}: {unit.reason}" for unit in incomplete)
        + ". Their caseload counts only the staff the plan states, so it is not set "
        "against the target."
    ]
    if shares is None:
        notes.append("The area states no transferring pool, so no unassigned part is shown.")
        return notes
    parts = ", ".join(
        f"{unit.name} {_fte(shares.shares.get(unit.unit_id, 0.0), shares.approximate)}"
        for unit in incomplete
    )
    divided = (
        "given to it"
        if len(incomplete) == 1
        else "divided among them as allocate divides a pool by default (even caseload, "
        f"steps of {SHARE_STEP:g} FTE)"
    )
    notes.append(
        "With pool: clients per advisor if the unassigned part of the transferring "
        f"customer-work pool (at most {_fte(shares.unassigned, shares.approximate)} FTE: the "
        f"pool less the stated transfers) went to them, {divided}"
        f"{'' if month is None or len(incomplete) == 1 else f' by the clients of {month}'}: "
        f"{parts} FTE. allocate divides the whole pool among every unit."
    )
    return notes

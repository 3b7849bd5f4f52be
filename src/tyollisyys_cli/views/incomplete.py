"""Notes on incomplete staffing, shared by the tables that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli import i18n
from tyollisyys_cli.core.units import SHARE_STEP
from tyollisyys_cli.i18n import N_, _, language, ngettext, number, short
from tyollisyys_cli.render.model import Column, Note

if TYPE_CHECKING:
    from tyollisyys_cli.core.units import Incomplete, PoolShares

WITH_POOL = Column(
    "clients_per_advisor_with_pool",
    N_("With pool"),
    "span",
    0,
    N_(
        "clients per advisor if the unit received its part of the unassigned transferring "
        "pool (staffing incomplete)"
    ),
    give_way=1,
)


def _fte(value: float, approximate: bool) -> str:
    return f"{'~' if approximate else ''}{number(value, 1)}"


def plan_staffing_note(shown: str, plan_month: str) -> list[str]:
    """Whose staffing a table of another month than the plan's divides by: the plan's
    (a table of 2023 after a new plan showed the new plan's staffing as if of 2023). Of
    the targets it says nothing: --target may have set them."""
    if not plan_month or shown == plan_month:
        return []
    return [
        _(
            "The FTE are the plan's staffing (of {plan}, in municipalities.yaml), whatever "
            "the month; the clients are of {shown}."
        ).format(plan=i18n.month(plan_month), shown=i18n.month(shown))
    ]


def unstaffed_note(unstaffed: list[str]) -> list[str]:
    """Why the area row's FTE is a lower bound: units whose staffing is not written."""
    if not unstaffed:
        return []
    return [
        _(
            "Area row: the staffing of {units} is not filled in yet, so the area's FTE counts "
            "the other units' staff only: it is a lower bound (≥), and the figures computed "
            "from it are bounds too."
        ).format(units=", ".join(unstaffed))
    ]


def incomplete_notes(
    incomplete: list[Incomplete] | None,
    shares: PoolShares | None,
    *,
    month: str | None = None,
    by_option: bool = True,
) -> list[str]:
    """What "staffing incomplete" means here, why each unit is, and how the unassigned pool
    was divided for the "With unassigned pool" column. `by_option`: for the command line,
    which says how `allocate` divides a pool (not for a report's reader)."""
    if not incomplete:
        return []
    reasons = "; ".join(f"{unit.name}: {unit.reason_in(language())}" for unit in incomplete)
    notes = [
        ngettext(
            "Staffing incomplete: {reasons}. Its caseload counts only the staff the plan "
            "states, so it is not set against the target.",
            "Staffing incomplete: {reasons}. Their caseload counts only the staff the plan "
            "states, so it is not set against the target.",
            len(incomplete),
        ).format(reasons=reasons)
    ]
    if shares is None:
        notes.append(_("The area states no transferring pool, so no unassigned part is shown."))
        return notes
    shown = {unit.unit_id for unit in incomplete}
    # A page (or table) of some of the units the part is divided among: each unit's part
    # is said, and among which units (Taivalkoski's ~0.0 FTE, "given to it", was
    # Kajaani's ~14.5).
    among = any(unit_id not in shown for unit_id in shares.shares)
    named = (
        [(shares.names.get(unit_id, unit_id), unit_id) for unit_id in shares.shares]
        if among
        else [(unit.name, unit.unit_id) for unit in incomplete]
    )
    parts = ", ".join(
        f"{name} {_fte(shares.shares.get(unit_id, 0.0), shares.approximate)}"
        for name, unit_id in named
    )
    unassigned = _fte(shares.unassigned, shares.approximate)
    if among:
        text = (
            _(
                "With pool: clients per advisor if the unassigned part of the transferring "
                "customer-work pool (at most {unassigned} FTE: the pool less the stated "
                "transfers) went to the units whose staffing is incomplete, divided among "
                "them by even caseload (each step of {step} FTE to the unit with the most "
                "clients per advisor) by the clients of {month}: {parts} FTE."
            )
            if month
            else _(
                "With pool: clients per advisor if the unassigned part of the transferring "
                "customer-work pool (at most {unassigned} FTE: the pool less the stated "
                "transfers) went to the units whose staffing is incomplete, divided among "
                "them by even caseload (each step of {step} FTE to the unit with the most "
                "clients per advisor): {parts} FTE."
            )
        )
        if by_option:
            text += " " + _("allocate divides the whole pool among every unit.")
    elif not by_option:
        text = _pool_note_for_a_reader(len(incomplete), month)
    elif len(incomplete) == 1:
        text = _(
            "With pool: clients per advisor if the unassigned part of the transferring "
            "customer-work pool (at most {unassigned} FTE: the pool less the stated "
            "transfers) went to it: {parts} FTE. allocate divides the whole "
            "pool among every unit."
        )
    elif month is None:
        text = _(
            "With pool: clients per advisor if the unassigned part of the transferring "
            "customer-work pool (at most {unassigned} FTE: the pool less the stated "
            "transfers) went to them, divided among them as allocate divides a pool by "
            "default (even caseload, steps of {step} FTE): {parts} FTE. allocate divides "
            "the whole pool among every unit."
        )
    else:
        text = _(
            "With pool: clients per advisor if the unassigned part of the transferring "
            "customer-work pool (at most {unassigned} FTE: the pool less the stated "
            "transfers) went to them, divided among them as allocate divides a pool by "
            "default (even caseload, steps of {step} FTE) by the clients of {month}: "
            "{parts} FTE. allocate divides the whole pool among every unit."
        )
    notes.append(
        Note(
            text.format(
                unassigned=unassigned,
                step=short(SHARE_STEP),
                month=i18n.month(month or ""),
                parts=parts,
            ),
            WITH_POOL.key,
        )
    )
    return notes


def _pool_note_for_a_reader(units: int, month: str | None) -> str:
    """The "With pool" note of a report: how the pool was divided, in words."""
    if units == 1:
        return _(
            "With pool: clients per advisor if the unassigned part of the transferring "
            "customer-work pool (at most {unassigned} FTE: the pool less the stated "
            "transfers) went to it: {parts} FTE."
        )
    if month is None:
        return _(
            "With pool: clients per advisor if the unassigned part of the transferring "
            "customer-work pool (at most {unassigned} FTE: the pool less the stated "
            "transfers) went to them, divided among them by even caseload (each step of "
            "{step} FTE to the unit with the most clients per advisor): {parts} FTE."
        )
    return _(
        "With pool: clients per advisor if the unassigned part of the transferring "
        "customer-work pool (at most {unassigned} FTE: the pool less the stated transfers) "
        "went to them, divided among them by even caseload (each step of {step} FTE to the "
        "unit with the most clients per advisor) by the clients of {month}: {parts} FTE."
    )

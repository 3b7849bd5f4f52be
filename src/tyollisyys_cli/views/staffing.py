"""The staffing table: planned caseload FTE, FTE needed at the target, and the gap."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from tyollisyys_cli.core.caseload import AGAINST_BAND
from tyollisyys_cli.core.staffing import (
    StaffingRow,
    StaffingTable,
    short_at_one_end,
    short_unless_more_staff,
)
from tyollisyys_cli.i18n import N_, _, month, ngettext
from tyollisyys_cli.render.model import (
    Column,
    Label,
    Note,
    TableData,
    with_decimals,
    with_total_row,
)
from tyollisyys_cli.render.text import span, telling_decimals
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.caseload import clients_decimals, target_text
from tyollisyys_cli.views.incomplete import (
    WITH_POOL,
    incomplete_notes,
    plan_staffing_note,
    unstaffed_note,
)
from tyollisyys_cli.views.labels import area_row_name

COLUMNS = (
    Column("unit", N_("Unit")),
    Column("clients", N_("Clients"), "number", 0, give_way=2),
    Column("target", N_("Target")),
    Column("planned_fte", N_("Planned FTE"), "span", 1, N_("caseload-carrying FTE in the plan")),
    Column(
        "fte_needed",
        N_("FTE needed"),
        "span",
        1,
        N_("clients / target top … clients / target bottom"),
        give_way=1,  # last: the gap beside it says what it means for the unit
    ),
    Column("gap", N_("Gap"), "span", 1, N_("planned − needed; negative means short")),
    Column(
        "stated_transfer",
        N_("Stated transfer"),
        "span",
        1,
        N_("transferring customer-work FTE the municipality states"),
        give_way=3,
    ),
    Column(
        "status",
        N_("Caseload status"),
        description=N_(
            "caseload under, within or over the target band; under or within, within or "
            "over, or under to over where its range reaches across an end of it; or no "
            "target, no staffing, no caseload staff, staffing incomplete"
        ),
        coded=True,
    ),
    dataclasses.replace(WITH_POOL, give_way=4),
)


def _row(row: StaffingRow, name: str | Label) -> dict[str, Any]:
    return {
        "unit": name,
        "clients": row.clients,
        "target": target_text(row.target),
        "planned_fte": row.planned_fte,
        "fte_needed": row.fte_needed,
        "gap": row.gap,
        "stated_transfer": row.stated_transfer,
        "status": row.status,
        "clients_per_advisor_with_pool": row.with_pool,
    }


def gap_decimals(rows: Iterable[StaffingRow], decimals: int = 1) -> int:
    """The decimals to show gaps (and the FTE needed) with: `decimals`, or more where so
    few would hide a gap's sign, which is its unit's status (a caseload over the band is
    short): `-0.02`, not `-0.0` beside "over"."""
    return telling_decimals(
        [
            (end, 0.0)
            for row in rows
            if row.status in AGAINST_BAND and row.gap is not None
            for end in (row.gap.low, row.gap.high)
            if end is not None
        ],
        decimals,
    )


def _unbounded(gap: Span | None) -> bool:
    return gap is not None and gap.low is None and gap.high is None


def staffing_view(table: StaffingTable, area_name: str, *, by_option: bool = True) -> TableData:
    """The staffing table. `by_option`: the notes may name commands (not for a report)."""
    rows = [_row(r, r.name) for r in table.rows]
    rows.append(_row(table.area_row, area_row_name(table.area_row.name, area_name)))
    styles = with_total_row(len(table.rows))
    notes = [_("Clients: {clients}.").format(clients=table.client_base.describe(table.month))]
    notes.extend(plan_staffing_note(table.month, table.plan_month))
    if any(r.gap is not None for r in table.rows):  # (a legend of no column shown: none)
        notes.append(
            _(
                "Gap = planned FTE − FTE needed: negative is short of the target (FTE to "
                "add), positive is more than the target needs."
            )
        )
    # A gap across 0 is no shortage of the target, nor is the gap of incomplete staffing
    # (as the report's summary names them).
    either = [
        r.name for r in table.rows if r.status != "staffing incomplete" and short_at_one_end(r)
    ]
    if either:
        notes.append(
            Note(
                _(
                    "Short at one end of the target band only: {units}. Their gap runs from "
                    "below 0 to 0 or above: whether they are short depends on which end of "
                    "the band, and of their staffing where it is a range, is meant."
                ).format(units=", ".join(either)),
                "gap",
            )
        )
    perhaps = [
        r.name
        for r in table.rows
        if r.status != "staffing incomplete" and short_unless_more_staff(r)
    ]
    if perhaps:
        notes.append(
            Note(
                _("Short unless it has more staff than the plan states: {units}.").format(
                    units=", ".join(perhaps)
                ),
                "gap",
            )
        )
    incomplete = [
        r.name for r in table.rows if r.status == "staffing incomplete" and r.gap is not None
    ]
    if incomplete:
        notes.append(
            Note(
                ngettext(
                    "Gap of {units}: its planned FTE count only the staff the plan states, "
                    "which is incomplete; more staff would raise it, so it is no measure of "
                    "a shortage.",
                    "Gap of {units}: their planned FTE count only the staff the plan states, "
                    "which is incomplete; more staff would raise it, so it is no measure of "
                    "a shortage.",
                    len(incomplete),
                ).format(units=", ".join(incomplete)),
                "gap",
            )
        )
    # A gap shown `?`: both of its ends unknown.
    unbounded = [r.name for r in table.rows if _unbounded(r.gap)]
    if _unbounded(table.area_row.gap):
        unbounded.append(area_row_name(table.area_row.name, area_name).shown)
    if unbounded:
        notes.append(
            Note(
                _(
                    "Gap ? for {units}: the planned FTE and the FTE needed are both lower "
                    "bounds (≥), so the gap between them is not known."
                ).format(units=", ".join(unbounded)),
                "gap",
            )
        )
    # (the area row's FTE needed and gap empty without a word: a unit, shown or not, has
    # no target)
    untargeted = table.untargeted
    if untargeted:
        notes.append(
            Note(
                ngettext(
                    "The area row has no FTE needed and no gap: {units} has no target to "
                    "need them by.",
                    "The area row has no FTE needed and no gap: {units} have no target to "
                    "need them by.",
                    len(untargeted),
                ).format(units=", ".join(untargeted)),
                "fte_needed",
                "gap",
            )
        )
    unstaffed = [r.name for r in table.rows if r.planned_fte is None]
    # The area row's lower bound said in the same note when it names the same units.
    together = bool(unstaffed) and unstaffed == table.unstaffed
    if together:
        notes.append(
            ngettext(
                "No staffing: {units}. Its staffing is not filled in yet, so planned FTE "
                "and gap are empty, and the area row counts the other units' staff only: "
                "its FTE is a lower bound (≥), and the figures computed from it are bounds "
                "too.",
                "No staffing: {units}. Their staffing is not filled in yet, so planned FTE "
                "and gap are empty, and the area row counts the other units' staff only: "
                "its FTE is a lower bound (≥), and the figures computed from it are bounds "
                "too.",
                len(unstaffed),
            ).format(units=", ".join(unstaffed))
        )
    elif unstaffed:
        notes.append(
            ngettext(
                "No staffing: {units}. Its staffing is not filled in yet, so it has no planned "
                "FTE and no gap.",
                "No staffing: {units}. Their staffing is not filled in yet, so they have no "
                "planned FTE and no gap.",
                len(unstaffed),
            ).format(units=", ".join(unstaffed))
        )
    notes.extend(incomplete_notes(table.incomplete, table.shares, by_option=by_option))
    if not together:
        notes.extend(unstaffed_note(table.unstaffed))
    metadata: dict[str, Any] = {
        "month": table.month,
        "client_base": table.client_base.kind,
        "clients_per_unemployed": table.client_base.factor,
    }
    pool = table.pool
    if pool is not None:
        notes.append(
            _(
                "Transferring pool in customer work: {pool} FTE; stated by municipalities: "
                "{stated}; unassigned: {unassigned} FTE."
            ).format(
                pool=span(pool.pool, 1),
                stated=span(pool.stated, 1),
                unassigned=span(pool.unassigned, 1),
            )
        )
        if pool.pool_total is not None:
            notes.append(
                _("All transferring staff: {pool} FTE; stated (all roles): {stated}.").format(
                    pool=span(pool.pool_total, 1), stated=span(pool.stated_total, 1)
                )
            )
        if pool.units_without_stated_transfer:
            notes.append(
                _("No stated transfer: {units}.").format(
                    units=", ".join(pool.units_without_stated_transfer)
                )
            )
        metadata["transfer_pool"] = {
            "pool_fte": pool.pool.midpoint,
            "stated_min": pool.stated.low,
            "stated_max": pool.stated.high,
            "unassigned_min": pool.unassigned.low,
            "unassigned_max": pool.unassigned.high,
        }
    decimals = gap_decimals(table.rows)
    # (beside a gap shown with more decimals than its one, clients scaled by a factor are
    # shown with them: 600 clients read as 100 per advisor beside FTE needed ≥ 5.9998)
    clients = clients_decimals((r.clients for r in table.rows), decimals if decimals > 1 else 0)
    return TableData(
        name="staffing",
        title=_("Staffing, {area}, {month}").format(area=area_name, month=month(table.month)),
        columns=with_decimals(
            COLUMNS, {"gap": decimals, "fte_needed": decimals, "clients": clients}
        ),
        rows=rows,
        styles=styles,
        notes=notes,
        metadata=metadata,
    )

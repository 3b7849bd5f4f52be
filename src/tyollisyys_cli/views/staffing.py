"""The staffing table: planned caseload FTE, FTE needed at the target, and the gap."""

from __future__ import annotations

import dataclasses
from typing import Any

from tyollisyys_cli.core.staffing import StaffingRow, StaffingTable
from tyollisyys_cli.render.model import Column, TableData, with_total_row
from tyollisyys_cli.render.text import span
from tyollisyys_cli.views.caseload import target_text
from tyollisyys_cli.views.incomplete import WITH_POOL, incomplete_notes

COLUMNS = (
    Column("unit", "Unit"),
    Column("clients", "Clients", "number", 0, give_way=1),
    Column("target", "Target"),
    Column("planned_fte", "Planned FTE", "span", 1, "caseload-carrying FTE in the plan"),
    Column("fte_needed", "FTE needed", "span", 1, "clients / target top … clients / target bottom"),
    Column("gap", "Gap", "span", 1, "planned − needed; negative means short"),
    Column(
        "stated_transfer",
        "Stated transfer",
        "span",
        1,
        "transferring customer-work FTE the municipality states",
        give_way=2,
    ),
    Column(
        "status",
        "Status",
        description="caseload under, within or over the target, or staffing incomplete",
    ),
    dataclasses.replace(WITH_POOL, give_way=3),
)


def _row(row: StaffingRow) -> dict[str, Any]:
    return {
        "unit": row.name,
        "clients": row.clients,
        "target": target_text(row.target),
        "planned_fte": row.planned_fte,
        "fte_needed": row.fte_needed,
        "gap": row.gap,
        "stated_transfer": row.stated_transfer,
        "status": row.status,
        "clients_per_advisor_with_pool": row.with_pool,
    }


def staffing_view(table: StaffingTable, area_name: str) -> TableData:
    rows = [_row(r) for r in table.rows] + [_row(table.area_row)]
    styles = with_total_row(len(table.rows))
    notes = [
        f"Clients: {table.client_base.describe(table.month)}.",
        "Gap = planned FTE − FTE needed: negative is short of the target (FTE to add), "
        "positive is more than the target needs.",
    ]
    unstaffed = [r.name for r in table.rows if r.planned_fte is None]
    if unstaffed:
        notes.append(
            "No staffing: " + ", ".join(unstaffed) + ". Their staffing is not filled in "
            "yet, so planned FTE and gap are empty."
        )
    notes.extend(incomplete_notes(table.incomplete, table.shares))
    metadata: dict[str, Any] = {
        "month": table.month,
        "client_base": table.client_base.kind,
        "clients_per_unemployed": table.client_base.factor,
    }
    pool = table.pool
    if pool is not None:
        notes.append(
            f"Transferring pool in customer work: {span(pool.pool, 1)} FTE; stated by "
            f"municipalities: {span(pool.stated, 1)}; unassigned: {span(pool.unassigned, 1)} FTE."
        )
        if pool.pool_total is not None:
            notes.append(
                f"All transferring staff: {span(pool.pool_total, 1)} FTE; stated "
                f"(all roles): {span(pool.stated_total, 1)}."
            )
        if pool.units_without_stated_transfer:
            notes.append(
                "No stated transfer: " + ", ".join(pool.units_without_stated_transfer) + "."
            )
        metadata["transfer_pool"] = {
            "pool_fte": pool.pool.midpoint,
            "stated_min": pool.stated.low,
            "stated_max": pool.stated.high,
            "unassigned_min": pool.unassigned.low,
            "unassigned_max": pool.unassigned.high,
        }
    return TableData(
        name="staffing",
        title=f"Staffing, {area_name}, {table.month}",
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=notes,
        metadata=metadata,
    )

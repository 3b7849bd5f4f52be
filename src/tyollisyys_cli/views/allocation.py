"""The allocation table: each unit's share of the transferring pool, before and after."""

from __future__ import annotations

import math
from typing import Any

from tyollisyys_cli.core.allocation import AllocationRow, AllocationTable
from tyollisyys_cli.render.model import Column, TableData, with_total_row
from tyollisyys_cli.render.text import number, span
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.caseload import target_text

COLUMNS = (
    Column("unit", "Unit"),
    Column("clients", "Clients", "number", 0, "clients in the chosen client base"),
    Column("target", "Target", description="clients per advisor aimed at"),
    Column(
        "own_fte",
        "Own FTE",
        "number",
        1,
        "caseload FTE not from the pool (lower bound)",
        give_way=4,
    ),
    Column(
        "stated_fte",
        "Stated transfer",
        "number",
        1,
        "transferring caseload FTE the unit states (lower bound); its floor",
        give_way=5,
    ),
    Column("allocated_fte", "Allocated FTE", "number", 1, "the unit's share of the pool"),
    Column("total_fte", "Total FTE", "number", 1, "own FTE + allocated FTE", give_way=2),
    Column(
        "clients_per_advisor_before",
        "Clients / advisor before",
        "number",
        0,
        "clients / (own FTE + floor)",
        give_way=3,
    ),
    Column(
        "clients_per_advisor_after", "Clients / advisor after", "number", 0, "clients / total FTE"
    ),
    Column("status", "Status", description="after the allocation: under, within or over"),
    Column(
        "more_fte_needed",
        "More FTE needed",
        "number",
        2,
        "FTE still missing to reach the top of the target band",
        give_way=1,
    ),
)

METHOD_TEXT = {
    "even-caseload": "even caseload (each step to the unit with the highest clients per "
    "advisor; ties to the lowest unit id)",
    "proportional": "proportional to clients (largest remainder, in whole steps; a unit "
    "never gets less than its floor)",
}


def steps_needed(fte: float, step: float) -> float:
    """`fte` rounded up to whole steps (as FTE)."""
    return math.ceil(round(fte / step, 9)) * step


def _row(row: AllocationRow) -> dict[str, Any]:
    return {
        "unit": row.name,
        "clients": row.clients,
        "target": target_text(row.target),
        "own_fte": row.own_fte,
        "stated_fte": row.stated_fte,
        "allocated_fte": row.allocated_fte,
        "total_fte": row.total_fte,
        "clients_per_advisor_before": row.before,
        "clients_per_advisor_after": row.after,
        "status": row.status,
        "more_fte_needed": row.more_fte_needed,
    }


def _pool_text(pool: float, source: Span | None) -> str:
    if source is None:
        return f"{number(pool, 1)} FTE (--pool)"
    return f"{number(pool, 1)} FTE, the plan's transferring customer-work pool ({span(source, 1)})"


def allocation_view(table: AllocationTable, area_name: str, pool_source: Span | None) -> TableData:
    """The table for people and data formats.

    `pool_source` is the plan's pool as stated, when the pool was not given as --pool.
    """
    rows = [_row(r) for r in table.rows] + [_row(table.area_row)]
    floors = (
        "no floors (--ignore-stated: stated transfers are not counted)"
        if table.ignore_stated
        else "each unit gets at least its stated transfer"
    )
    notes = [
        f"Pool: {_pool_text(table.pool, pool_source)}, in steps of {table.step:g} FTE; {floors}.",
        f"Method: {METHOD_TEXT[table.method]}.",
        f"Clients: {table.client_base.describe(table.month)}.",
    ]
    unknown = [r.name for r in table.rows if not r.staffing_known]
    if unknown:
        notes.append("Staffing not filled in, counted as no own staff: " + ", ".join(unknown) + ".")
    over = table.over_target
    if over:
        in_steps = f"FTE in whole steps of {table.step:g}"
        needs = "; ".join(
            f"{r.name} needs {number(r.more_fte_needed or 0, 2)} more FTE "
            f"({steps_needed(r.more_fte_needed or 0, table.step):g} {in_steps})"
            for r in over
        )
        notes.append(f"Still over target after the pool is spent: {needs}.")
    else:
        notes.append("No unit stays over its target after the pool is spent.")
    return TableData(
        name="allocation",
        title=f"Allocation of the transferring pool, {area_name}, {table.month}",
        columns=COLUMNS,
        rows=rows,
        styles=with_total_row(len(table.rows)),
        notes=notes,
        metadata={
            "month": table.month,
            "client_base": table.client_base.kind,
            "clients_per_unemployed": table.client_base.factor,
            "method": table.method,
            "pool_fte": table.pool,
            "step_fte": table.step,
            "ignore_stated": table.ignore_stated,
            "over_target": [
                {"unit": r.unit_id, "name": r.name, "more_fte_needed": r.more_fte_needed}
                for r in over
            ],
        },
    )

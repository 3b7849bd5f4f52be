"""The commuting table: commuters, jobs, employed residents and job self-sufficiency."""

from __future__ import annotations

from typing import Any

from tyollisyys_cli.core.commuting import CommutingRow, CommutingTable
from tyollisyys_cli.render.model import Column, TableData, with_total_row

COLUMNS = (
    Column("code", "Code", give_way=9),
    Column("municipality", "Municipality"),
    Column("labour_force", "Labour force", "int", give_way=8),
    Column("commuting_in", "In", "int", description="commuters into the municipality", give_way=4),
    Column("commuting_out", "Out", "int", description="residents commuting out", give_way=3),
    Column(
        "working_in_own", "Work at home", "int", description="residents working here", give_way=7
    ),
    Column("jobs", "Jobs", "int", description="working here + commuting in", give_way=5),
    Column(
        "employed_residents",
        "Employed",
        "int",
        description="working here + commuting out",
        give_way=6,
    ),
    Column("net_commuting", "Net", "int", description="in − out", give_way=2),
    Column("self_sufficiency", "Self-suff. %", "number", 1, "jobs / employed × 100, computed"),
    Column("self_sufficiency_published", "Published %", "number", 1, "as printed, same digits"),
)


def _row(row: CommutingRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "municipality": row.name,
        "labour_force": row.labour_force,
        "commuting_in": row.commuting_in,
        "commuting_out": row.commuting_out,
        "working_in_own": row.working_in_own,
        "jobs": row.jobs,
        "employed_residents": row.employed_residents,
        "net_commuting": row.net_commuting,
        "self_sufficiency": row.self_sufficiency,
        "self_sufficiency_published": row.self_sufficiency_published,
    }


def commuting_view(table: CommutingTable, area_name: str) -> TableData:
    rows = [_row(r) for r in table.rows] + [_row(table.area_row)]
    styles = with_total_row(len(table.rows))
    return TableData(
        name="commuting",
        title=f"Commuting and job self-sufficiency, {area_name}",
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=[
            f"Source: {table.source}. The area's self-sufficiency is the ratio of the "
            "summed jobs and employed residents."
        ],
        metadata={"source": table.source},
    )

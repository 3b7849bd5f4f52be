"""The commuting table: commuters, jobs, employed residents and job self-sufficiency."""

from __future__ import annotations

from typing import Any

from tyollisyys_cli.core.commuting import CommutingRow, CommutingTable
from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.render.model import Column, Label, TableData, with_total_row
from tyollisyys_cli.views.labels import area_row_name

COLUMNS = (
    Column("code", N_("Code"), give_way=9),
    Column("municipality", N_("Municipality")),
    Column("labour_force", N_("Labour force"), "int", give_way=8),
    Column(
        "commuting_in",
        N_("In"),
        "int",
        description=N_("commuters into the municipality"),
        give_way=4,
    ),
    Column(
        "commuting_out", N_("Out"), "int", description=N_("residents commuting out"), give_way=3
    ),
    Column(
        "working_in_own",
        N_("Work at home"),
        "int",
        description=N_("residents working here"),
        give_way=7,
    ),
    Column("jobs", N_("Jobs"), "int", description=N_("working here + commuting in"), give_way=5),
    Column(
        "employed_residents",
        N_("Employed"),
        "int",
        description=N_("working here + commuting out"),
        give_way=6,
    ),
    Column("net_commuting", N_("Net"), "int", description=N_("in − out"), give_way=2),
    Column(
        "self_sufficiency",
        N_("Self-suff. %"),
        "number",
        1,
        N_("jobs / employed × 100, computed"),
    ),
    Column(
        "self_sufficiency_published",
        N_("Published %"),
        "number",
        1,
        N_("as printed, same digits"),
    ),
)


def _row(row: CommutingRow, name: str | Label) -> dict[str, Any]:
    return {
        "code": row.code,
        "municipality": name,
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
    rows = [_row(r, r.name) for r in table.rows]
    rows.append(_row(table.area_row, area_row_name(table.area_row.name, area_name)))
    styles = with_total_row(len(table.rows))
    notes = [
        _(
            "Source: {source}. The area's self-sufficiency is the ratio of the summed jobs "
            "and employed residents."
        ).format(source=table.source)
    ]
    if table.missing:
        notes.append(
            _(
                "Area row: commuting.yaml has no row for {municipalities}, so the area row "
                "sums the other municipalities' rows only: it is not the whole area's, and "
                "the whole area's published figure is not set beside it."
            ).format(municipalities=", ".join(table.missing))
        )
    return TableData(
        name="commuting",
        title=_("Commuting and job self-sufficiency, {area}").format(area=area_name),
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=notes,
        metadata={"source": table.source},
    )

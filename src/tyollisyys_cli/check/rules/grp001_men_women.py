"""Unemployed men + unemployed women = unemployed.

Checked for every municipality's row and for the totals row. A withheld or missing
cell counts as the range it can hold; the printed unemployed figure must lie within
men + women. Counts are exact: any difference is an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure, span_text
from tyollisyys_cli.core.statistics import cell_span
from tyollisyys_cli.dataset import ValueRef
from tyollisyys_cli.models.area import StatisticsRow

CODE = "GRP001"
NAME = "men-plus-women"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot in ctx.area.snapshots:
        rows: list[tuple[str, StatisticsRow, ValueRef]] = [
            (ctx.name(code), row, snapshot.row_refs[code]) for code, row in snapshot.rows.items()
        ]
        if snapshot.printed_totals is not None and snapshot.totals_ref is not None:
            rows.append(("totals row", snapshot.printed_totals, snapshot.totals_ref))
        for label, row, ref in rows:
            both = cell_span(ctx.area, row, "men") + cell_span(ctx.area, row, "women")
            if both.contains(row.unemployed):
                continue
            yield ctx.finding(
                CODE,
                "error",
                ctx.cell_ref(ref, "unemployed"),
                f"{label}: unemployed is printed as {figure(row.unemployed)}, but men "
                f"+ women = {span_text(both)}",
                printed=row.unemployed,
                computed=both,
            )

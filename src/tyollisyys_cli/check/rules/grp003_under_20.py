"""The unemployed under 20 are at most the unemployed under 25.

The under-25 group includes the under-20s. Checked for every municipality's row and for
the totals row, with withheld and missing cells taken as the range they can hold: a
finding when the under-20 cell must hold more than the under-25 cell can.
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import span_text
from tyollisyys_cli.core.statistics import cell_span
from tyollisyys_cli.dataset import ValueRef
from tyollisyys_cli.models.area import StatisticsRow

CODE = "GRP003"
NAME = "under-20-within-under-25"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot in ctx.area.snapshots:
        rows: list[tuple[str, StatisticsRow, ValueRef]] = [
            (ctx.name(code), row, snapshot.row_refs[code]) for code, row in snapshot.rows.items()
        ]
        if snapshot.printed_totals is not None and snapshot.totals_ref is not None:
            rows.append(("totals row", snapshot.printed_totals, snapshot.totals_ref))
        for label, row, ref in rows:
            under_20 = cell_span(ctx.area, row, "under_20")
            under_25 = cell_span(ctx.area, row, "under_25")
            if under_20.low is None or under_25.high is None or under_20.low <= under_25.high:
                continue
            yield ctx.finding(
                CODE,
                "error",
                ctx.cell_ref(ref, "under_20"),
                f"{label}: under 20 is {span_text(under_20)}, more than the under 25 "
                f"({span_text(under_25)}) that include them",
                printed=under_20.low if under_20.is_exact else None,
                computed=under_25,
            )

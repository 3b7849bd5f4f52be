"""The unemployed under 20 are at most the unemployed under 25.

The under-25 group includes the under-20s. Checked for every municipality's row and for
the totals row, with withheld and missing cells taken as the range they can hold: a
finding when the under-20 cell must hold more than the under-25 cell can.
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.monthtable import MonthTable
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import span_text
from tyollisyys_cli.core.statistics import cell_bounds, cell_span

CODE = "GRP003"
NAME = "under-20-within-under-25"


def suspects(table: MonthTable, withheld: tuple[int, int]) -> Iterator[int]:
    """The rows whose under-20 cell must hold more than their under-25 cell can."""
    columns = table.columns
    # An unknown under-20 cell holds at least min(fewest withheld, unemployed) or 0, so
    # never more than a known under-25 cell of at least `fewest` (a third of the
    # national rows have a withheld under-20 cell).
    fewest = max(withheld[0], 0)
    rows = zip(columns["under_20"], columns["under_25"], columns["unemployed"], strict=True)
    for i, (under_20, under_25, unemployed) in enumerate(rows):
        if under_25 >= 0 and (0 <= under_20 <= under_25 or (under_20 < 0 and under_25 >= fewest)):
            continue
        if (
            cell_bounds(under_20, unemployed, withheld)[0]
            > cell_bounds(under_25, unemployed, withheld)[1]
        ):
            yield i


def check(ctx: Context) -> Iterator[Finding]:
    for label, row, ref in ctx.statistics_rows(suspects):
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

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

CODE = "GRP001"
NAME = "men-plus-women"


def check(ctx: Context) -> Iterator[Finding]:
    for label, row, ref in ctx.statistics_rows():
        men, women = row.men, row.women
        if type(men) is int and type(women) is int and men + women == row.unemployed:
            continue  # both known and adding up (what nearly every row is)
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

"""The labour force where the plan gives it twice: the two tables and the text.

The statistics table and the commuting table both give each municipality's labour force
and a total, and the text states the area's labour force. Each municipality's figure,
the two totals rows, and the text's figure must agree with the commuting table. The
finding stands at the commuting table's figure (or at the text's claim); `printed` is
that figure and `computed` the other place's: the statistics table's row or totals row,
or, for the text, the sum of the commuting table's rows. (The text against the
statistics table is CLM001.) Counts are exact: any difference is an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.core.commuting import summed
from tyollisyys_cli.dataset import ValueRef

CODE = "XRF001"
NAME = "labour-force-in-two-places"


def check(ctx: Context) -> Iterator[Finding]:
    commuting, snapshot = ctx.area.commuting, ctx.plan_snapshot()
    if commuting is None:
        return
    if snapshot is not None:
        for i, row in enumerate(commuting.rows):
            stats = snapshot.rows.get(row.municipality)
            if stats is None or stats.labour_force == row.labour_force:
                continue
            where = _line(ctx, ctx.cell_ref(snapshot.row_refs[row.municipality], "labour_force"))
            yield ctx.finding(
                CODE,
                "error",
                ValueRef("commuting", ("rows", i, "labour_force")),
                f"{ctx.name(row.municipality)}: labour force is {figure(row.labour_force)} in "
                f"the commuting table but {figure(stats.labour_force)} in the statistics "
                f"table{where}",
                printed=row.labour_force,
                computed=stats.labour_force,
            )
        totals = snapshot.printed_totals
        if (
            commuting.totals is not None
            and totals is not None
            and snapshot.totals_ref is not None
            and commuting.totals.labour_force != totals.labour_force
        ):
            where = _line(ctx, ctx.cell_ref(snapshot.totals_ref, "labour_force"))
            yield ctx.finding(
                CODE,
                "error",
                ValueRef("commuting", ("totals", "labour_force")),
                f"labour force total is {figure(commuting.totals.labour_force)} in the "
                f"commuting table but {figure(totals.labour_force)} in the statistics "
                f"table{where}",
                printed=commuting.totals.labour_force,
                computed=totals.labour_force,
            )
    commuting_sum = summed(list(commuting.rows)).labour_force
    for c, claim in enumerate(ctx.area.plan.claims):
        if claim.quantity != "labour_force" or claim.place is not None or claim.region:
            continue
        if claim.value is None or claim.value == commuting_sum:
            continue
        yield ctx.finding(
            CODE,
            "error",
            ValueRef("municipalities", ("claims", c, "value")),
            f"the text states the area's labour force as {figure(claim.value)}, but the "
            f"commuting table's rows sum to {figure(commuting_sum)}{_follows(ctx, claim.value)}",
            printed=claim.value,
            computed=commuting_sum,
        )


def _line(ctx: Context, ref: ValueRef) -> str:
    where = ctx.area.locate(ref)
    return f" ({where.file.name} line {where.line})" if where.line is not None else ""


def _follows(ctx: Context, value: float) -> str:
    snapshot = ctx.plan_snapshot()
    if snapshot is None:
        return ""
    statistics = sum(row.labour_force for row in snapshot.rows.values())
    return (
        f" (the statistics table's rows sum to {figure(statistics)})" if statistics == value else ""
    )

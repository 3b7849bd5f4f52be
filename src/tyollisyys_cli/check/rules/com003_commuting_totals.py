"""Totals row of the commuting table against the sums of its columns.

Labour force, commuting in, commuting out and working in own municipality: the printed
total of each must equal the sum of the municipalities' rows. Counts are exact: any
difference is an error. (The area's self-sufficiency is checked by COM002.)
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure

CODE = "COM003"
NAME = "commuting-totals-row"

COLUMNS = ("labour_force", "commuting_in", "commuting_out", "working_in_own")


def check(ctx: Context) -> Iterator[Finding]:
    commuting = ctx.area.commuting
    if commuting is None or commuting.totals is None:
        return
    # Imported here: an area without a commuting table never needs it.
    from tyollisyys_cli.core.commuting import summed

    sums = summed(list(commuting.rows))
    for column in COLUMNS:
        printed, computed = getattr(commuting.totals, column), getattr(sums, column)
        if printed == computed:
            continue
        yield ctx.finding(
            CODE,
            "error",
            ValueRef("commuting", ("totals", column)),
            f"commuting table: {column.replace('_', ' ')} total is printed as "
            f"{figure(printed)}, but the rows sum to {figure(computed)}",
            printed=printed,
            computed=computed,
        )

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.i18n import N_, _

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Totals row of the commuting table against the sums of its columns.

Labour force, commuting in, commuting out and working in own municipality: the printed
total of each must equal the sum of the municipalities' rows. Counts are exact: any
difference is an error. (The area's self-sufficiency is checked by COM002.) Where the
table lacks a row of one of the area's municipalities, the printed totals, which count
it, are not checked against the rows: a warning names what is missing.
"""
)

CODE = "COM003"
NAME = "commuting-totals-row"

#: The commuting table's count columns, in words (translated where they are used).
COLUMNS = {
    "labour_force": N_("labour force"),
    "commuting_in": N_("commuting in"),
    "commuting_out": N_("commuting out"),
    "working_in_own": N_("working in own"),
}


def check(ctx: Context) -> Iterator[Finding]:
    commuting = ctx.area.commuting
    if commuting is None or commuting.totals is None:
        return
    # Imported here: an area without a commuting table never needs it.
    from tyollisyys_cli.core.commuting import summed

    held = {row.municipality for row in commuting.rows}
    missing = [m.name for m in ctx.area.municipalities if m.code not in held]
    if missing:  # (the plan's totals count them: no error of the plan's, but of the rows)
        yield ctx.finding(
            CODE,
            "warning",
            ValueRef("commuting", ("totals",)),
            _(
                "commuting table: no row for {municipalities}, so the printed totals (and the "
                "area's self-sufficiency, COM002) are not checked against the rows; write "
                "the missing rows as printed"
            ).format(municipalities=", ".join(missing)),
        )
        return
    sums = summed(list(commuting.rows))
    for column, words in COLUMNS.items():
        printed, computed = getattr(commuting.totals, column), getattr(sums, column)
        if printed == computed:
            continue
        yield ctx.finding(
            CODE,
            "error",
            ValueRef("commuting", ("totals", column)),
            _(
                "commuting table: {column} total is printed as {printed}, but the rows sum to "
                "{computed}"
            ).format(column=_(words), printed=figure(printed), computed=figure(computed)),
            printed=printed,
            computed=computed,
        )

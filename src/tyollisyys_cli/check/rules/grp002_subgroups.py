from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.i18n import N_, _, ngettext
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, label

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Every group of the unemployed is at most the unemployed total.

Men, women, the age groups, the long-term unemployed, the disabled and ill and the
foreign nationals are all subsets of the unemployed. Loading already refuses a
municipality's row where a group exceeds its unemployed; this rule checks the totals
row, where a wrong total shows up as groups larger than it. One finding per row lists
every group that exceeds the total.
"""
)

CODE = "GRP002"
NAME = "subgroup-within-total"


def check(ctx: Context) -> Iterator[Finding]:
    # Loading refuses a municipality's row where a group exceeds its unemployed (in the
    # plan's table and in every month file): only the printed totals rows are left.
    place = _("totals row")
    for _month, row, ref in ctx.totals():
        larger = [
            (group, value)
            for group in GROUP_FIELDS
            if isinstance(value := getattr(row, group), int) and value > row.unemployed
        ]
        if not larger:
            continue
        listed = ", ".join(
            f"{label(group)}: {figure(v)}" for group, v in larger
        )  # (not "under 25 325")
        largest = max(value for _, value in larger)
        finding = ctx.finding(
            CODE,
            "error",
            ctx.cell_ref(ref, "unemployed"),
            ngettext(
                "{place}: unemployed is printed as {printed}, fewer than {count} of its own "
                "groups ({listed})",
                "{place}: unemployed is printed as {printed}, fewer than {count} of its own "
                "groups ({listed})",
                len(larger),
            ).format(place=place, printed=figure(row.unemployed), count=len(larger), listed=listed),
            printed=row.unemployed,
            computed=largest,
        )
        against = ngettext(
            "one of its groups, larger than it ({listed})",
            "{count} of its own groups, each larger than it ({listed})",
            len(larger),
        ).format(count=len(larger), listed=listed)
        yield dataclasses.replace(finding, against=against)

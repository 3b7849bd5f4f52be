from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.core.statistics import group_total
from tyollisyys_cli.i18n import N_, ngettext
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, label

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Totals row of the statistics table against the sums of its fully known columns.

The statistics table prints a totals row ("Yhteensä"). For every column whose cells are
all known (labour force, unemployed, and the groups without withheld or missing cells),
the printed total must equal the sum of the municipalities' rows. Counts are exact: any
difference is an error.

Columns with withheld or missing cells are checked by TOT002.
"""
)

CODE = "TOT001"
NAME = "totals-row"

#: Columns of the printed totals row checked against their sums: the counts (the rate is
#: checked by RAT001).
PRINTED_COUNTS = ("labour_force", "unemployed", *GROUP_FIELDS, "open_vacancies")


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot, totals, ref in ctx.totals():
        rows = list(snapshot.rows.values())
        for column in PRINTED_COUNTS:
            printed = getattr(totals, column)
            if not isinstance(printed, int):
                continue
            if any(isinstance(getattr(row, column), str) for row in rows):
                continue  # (withheld or missing: TOT002's, even where a withheld cell is
                # assumed to hold exactly one count and the sum is exact)
            summed = group_total(ctx.area, rows, column)
            if not summed.is_exact or summed.low is None or summed.low == printed:
                continue
            finding = ctx.finding(
                CODE,
                "error",
                ctx.cell_ref(ref, column),
                ngettext(
                    "{column}: the total is printed as {printed}, but the {count} "
                    "municipalities' rows sum to {sum} (difference {difference})",
                    "{column}: the total is printed as {printed}, but the {count} "
                    "municipalities' rows sum to {sum} (difference {difference})",
                    len(rows),
                ).format(
                    column=label(column),
                    printed=figure(printed),
                    count=len(rows),
                    sum=figure(summed.low),
                    difference=figure(printed - summed.low),
                ),
                printed=printed,
                computed=summed.low,
            )
            against = ngettext(
                "the {count} municipalities' rows, which sum to {sum}",
                "the {count} municipalities' rows, which sum to {sum}",
                len(rows),
            ).format(count=len(rows), sum=figure(summed.low))
            yield dataclasses.replace(finding, against=against)

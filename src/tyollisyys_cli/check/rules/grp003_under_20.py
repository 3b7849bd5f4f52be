from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.cells import assumption
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding, Severity
from tyollisyys_cli.check.numbers import span_text
from tyollisyys_cli.core.statistics import cell_bounds, cell_span
from tyollisyys_cli.i18n import N_, _

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """The unemployed under 20 are at most the unemployed under 25.

The under-25 group includes the under-20s. Checked for every municipality's row and for
the totals row, with withheld and missing cells taken as the range they can hold: a
finding when the under-20 cell must hold more than the under-25 cell can. An error when
the known cells alone rule it out; a warning, stating the assumption, when it is only
the assumption about withheld cells (`area.withheld_cell`) that does.
"""
)

CODE = "GRP003"
NAME = "under-20-within-under-25"


def check(ctx: Context) -> Iterator[Finding]:
    for label, row, ref in ctx.statistics_rows():
        known_20, known_25 = row.under_20, row.under_25
        if type(known_20) is int and type(known_25) is int and known_20 <= known_25:
            continue  # both known and in order (what most rows are)
        fewest_20, _most = cell_bounds(ctx.area, row, "under_20")
        _fewest, most_25 = cell_bounds(ctx.area, row, "under_25")
        if fewest_20 <= most_25:
            continue
        under_20 = cell_span(ctx.area, row, "under_20")
        under_25 = cell_span(ctx.area, row, "under_25")
        # Without the assumption about withheld cells, an unknown under-20 cell can hold
        # 0 and an unknown under-25 cell the row's unemployed.
        least = known_20 if isinstance(known_20, int) else 0
        most = known_25 if isinstance(known_25, int) else row.unemployed
        severity: Severity = "error" if least > most else "warning"
        yield ctx.finding(
            CODE,
            severity,
            ctx.cell_ref(ref, "under_20"),
            (
                _(
                    "{place}: under 20 is {under_20}, more than the under 25 ({under_25}) that "
                    "include them; {assumption}"
                )
                if severity == "warning"
                else _(
                    "{place}: under 20 is {under_20}, more than the under 25 ({under_25}) that "
                    "include them"
                )
            ).format(
                place=label,
                under_20=span_text(under_20),
                under_25=span_text(under_25),
                assumption=assumption(ctx),
            ),
            printed=under_20.low if under_20.is_exact else None,
            computed=under_25,
        )

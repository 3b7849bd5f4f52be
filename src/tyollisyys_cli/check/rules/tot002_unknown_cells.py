from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.cells import cells, judge, persons
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, label

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Totals of columns with withheld or missing cells against what those cells can hold.

A withheld cell ("..." in the statistics) holds a small count: by assumption the area
file's `withheld_cell` range (1–4 persons unless `area.withheld_cell` says otherwise). A
missing cell (lost from the printed table) holds anything from 0 to the row's
unemployed. A printed total is consistent when it lies between the known cells plus
the least the unknown cells can hold and the known cells plus the most they can hold.

An assumption never makes an error:

- info: the total is consistent, and the unknown cells must then hold
  (printed − known) persons;
- warning: the total is exactly the sum of the shown cells although cells are withheld
  (either the withheld cells were counted as 0, or the total leaves them out), or only
  the assumption about withheld cells rules the total out (the finding says so);
- error: no count of the unknown cells gives the total (fewer than the known cells, or
  more than they hold even at their rows' unemployed).
"""
)

CODE = "TOT002"
NAME = "totals-with-unknown-cells"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot, totals, ref in ctx.totals():
        for column in (*GROUP_FIELDS, "open_vacancies"):
            printed = getattr(totals, column)
            if not isinstance(printed, int):
                continue
            column_cells = cells(ctx, snapshot.rows, column)
            if column_cells.possible.is_exact:
                continue  # every cell known: TOT001
            name = label(column)
            cell_ref = ctx.cell_ref(ref, column)
            verdict = judge(ctx, printed, column_cells, text=False)
            if verdict is None:
                yield ctx.finding(
                    CODE,
                    "info",
                    cell_ref,
                    _(
                        "{column}: the total is {printed} and the known cells sum to {known}, "
                        "so {unknown} must hold {persons}"
                    ).format(
                        column=name,
                        printed=figure(printed),
                        known=figure(column_cells.known),
                        unknown=column_cells.unknown,
                        persons=persons(printed - column_cells.known),
                    ),
                    printed=printed,
                    computed=column_cells.assumed,
                )
                continue
            yield ctx.finding(
                CODE,
                verdict.severity,
                cell_ref,
                _("{column}: the total is printed as {printed}{verdict}").format(
                    column=name, printed=figure(printed), verdict=verdict.words
                ),
                printed=printed,
                computed=verdict.computed,
            )

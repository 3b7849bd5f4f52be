from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import computed_as, figure, printed_as
from tyollisyys_cli.check.precision import compare, decimals_of
from tyollisyys_cli.core.statistics import unemployment_rate
from tyollisyys_cli.i18n import N_, _

if TYPE_CHECKING:
    from tyollisyys_cli.area.monthtable import RowValues
    from tyollisyys_cli.models.area import StatisticsRow

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Published unemployment rates against unemployed / labour force × 100.

Checked for every municipality's row and for the totals row (in a month imported from
the official statistics the rate is "published", in the plan's own table "printed").
The totals row's rate is the area's rate: the summed unemployed over the summed labour
force of the rows, never a mean of the municipalities' rates (when the printed figure
matches such a mean, the finding says so).

Tolerance follows the printed precision: a rate printed with one decimal is consistent
when the computed rate rounds to it; within one unit of the last printed digit it is a
warning (rounding), beyond that an error.
"""
)

CODE = "RAT001"
NAME = "unemployment-rate"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot in ctx.area.snapshots:
        rows: list[StatisticsRow | RowValues] = []  # the month's rows, for its totals row
        written = ctx.rate_texts(snapshot)
        for (code, row, row_ref), text in zip(ctx.rows(snapshot), written, strict=True):
            rows.append(row)
            rate = unemployment_rate(row.unemployed, row.labour_force)
            if row.unemployment_rate is None or rate is None:
                continue
            decimals = decimals_of(text, row.unemployment_rate)
            severity = compare(row.unemployment_rate, rate, decimals)
            if severity is not None:
                ref = ctx.cell_ref(row_ref, "unemployment_rate")
                message = (
                    _(
                        "{place}: unemployment rate is printed as {printed} %, but {unemployed} / "
                        "{labour_force} = {computed} %"
                    )
                    if ctx.imported(ref) is None
                    else _(
                        "{place}: unemployment rate is published as {printed} %, but "
                        "{unemployed} / {labour_force} = {computed} %"
                    )
                )
                yield ctx.finding(
                    CODE,
                    severity,
                    ref,
                    message.format(
                        place=ctx.name(code),
                        printed=printed_as(row.unemployment_rate, decimals),
                        unemployed=figure(row.unemployed),
                        labour_force=figure(row.labour_force),
                        computed=computed_as(rate, decimals),
                    ),
                    printed=row.unemployment_rate,
                    computed=rate,
                )
        totals, totals_ref = snapshot.printed_totals, snapshot.totals_ref
        if totals is None or totals_ref is None or totals.unemployment_rate is None:
            continue
        unemployed = sum(r.unemployed for r in rows)
        labour_force = sum(r.labour_force for r in rows)
        rate = unemployment_rate(unemployed, labour_force)
        if rate is None:
            continue
        ref = ctx.cell_ref(totals_ref, "unemployment_rate")
        printed = totals.unemployment_rate
        decimals = ctx.decimals(ref, printed)
        severity = compare(printed, rate, decimals)
        if severity is None:
            continue
        message = _(
            "area unemployment rate is printed as {printed} %, but the rows' {unemployed} "
            "unemployed / {labour_force} labour force = {computed} %"
        ).format(
            printed=printed_as(printed, decimals),
            unemployed=figure(unemployed),
            labour_force=figure(labour_force),
            computed=computed_as(rate, decimals),
        )
        message += mean_of_rates_note(rows, printed, decimals)
        yield ctx.finding(CODE, severity, ref, message, printed=printed, computed=rate)


def mean_of_rates_note(
    rows: Sequence[StatisticsRow | RowValues], printed: float, decimals: int
) -> str:
    """A remark when `printed` is the mean of the rows' published rates ('' otherwise)."""
    published = [r.unemployment_rate for r in rows if r.unemployment_rate is not None]
    if not published or len(published) != len(rows):
        return ""
    mean = sum(published) / len(published)
    if compare(printed, mean, decimals) is not None:
        return ""
    return _(
        "; the printed figure is the mean of the municipalities' rates ({mean} %), which is "
        "not the area's rate"
    ).format(mean=computed_as(mean, decimals))

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tyollisyys_cli.check.cells import assumption
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding, Severity
from tyollisyys_cli.check.numbers import figure, span_text
from tyollisyys_cli.core.statistics import cell_span
from tyollisyys_cli.i18n import N_, _, numeral
from tyollisyys_cli.statfin.source import TABLE
from tyollisyys_cli.values import Span

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import ValueRef
    from tyollisyys_cli.area.monthtable import RowValues
    from tyollisyys_cli.models.area import StatisticsRow

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Unemployed men + unemployed women = unemployed.

Checked for every municipality's row and for the totals row. A withheld or missing
cell counts as the range it can hold; the printed unemployed figure must lie within
men + women. Counts are exact: any difference is an error, except where it comes from
an assumption or from the source itself:

- a withheld cell is assumed to hold the area's `withheld_cell` range; where only that
  assumption rules the figure out (a withheld cell would hold 0 or more than the range),
  the finding is a warning that says so;
- table 12r5 of Statistics Finland, which `import statfin` and `init` read, publishes an
  unemployed total that can be larger than men + women, never smaller. In June 2026 it
  was larger in 45 of its 310 municipalities, by 1 (in most) to 17 (Helsinki), and by
  132 (0.04 %) in the whole country; no total was smaller. The figures imply that the
  total also counts job seekers whose sex is not recorded as man or woman. In a month
  imported from 12r5, an unemployed figure above men + women by at most 3 persons or
  0.5 per cent of the total (every difference of June 2026 is within that) is info,
  with that explanation; above it by more, a warning: more than the source's own
  difference, so the month's file may not be as published. One below men + women
  stays an error.

For an imported month the finding says "published", for the plan's own table "printed".
"""
)

CODE = "GRP001"
NAME = "men-plus-women"

#: The most a 12r5 total is above men + women as the source's own difference: 3
#: persons, or 0.5 % of the total where that is more (in June 2026 the most was 1 of 16
#: in a municipality, 17 of 52 578 in Helsinki).
SOURCE_PERSONS = 3
SOURCE_SHARE = 0.005

#: The explanation of a 12r5 total above men + women (translated where it is used).
NEITHER = N_(
    "in table {table} the unemployed total can exceed men + women: the figures imply that "
    "it also counts job seekers whose sex is not recorded (a difference of the source, "
    "not an error)"
)


def check(ctx: Context) -> Iterator[Finding]:
    for label, row, ref in ctx.statistics_rows():
        men, women = row.men, row.women
        if type(men) is int and type(women) is int and men + women == row.unemployed:
            continue  # both known and adding up (what nearly every row is)
        both = cell_span(ctx.area, row, "men") + cell_span(ctx.area, row, "women")
        if both.contains(row.unemployed):
            continue
        severity, message = _judged(ctx, ref, label, row, both)
        finding = ctx.finding(
            CODE,
            severity,
            ctx.cell_ref(ref, "unemployed"),
            message,
            printed=row.unemployed,
            computed=both,
        )
        against = _("men + women = {both}").format(both=span_text(both))
        yield dataclasses.replace(finding, against=against)


def _judged(
    ctx: Context, ref: ValueRef, label: str, row: StatisticsRow | RowValues, both: Span
) -> tuple[Severity, str]:
    """The severity and message of a row whose unemployed is not men + women (`both`)."""
    month = ctx.imported(ref)
    figure_is = (
        _("{place}: unemployed is printed as {printed}")
        if month is None
        else _("{place}: unemployed is published as {printed}")
    ).format(place=label, printed=figure(row.unemployed))
    if (
        month is not None
        and f"table {TABLE}" in month.source
        and both.high is not None
        and row.unemployed > both.high
    ):
        more = row.unemployed - both.high
        if more > max(SOURCE_PERSONS, SOURCE_SHARE * row.unemployed):
            return "warning", _(
                "{figure_is}, {more} more than men + women ({both}): more than {table}'s own "
                "difference (at most {persons} persons, or {share} % where that is more); is "
                "the month's file as published?"
            ).format(
                figure_is=figure_is,
                more=figure(more),
                both=span_text(both),
                table=TABLE,
                persons=SOURCE_PERSONS,
                share=numeral(f"{SOURCE_SHARE * 100:g}"),
            )
        return "info", _("{figure_is}, {more} more than men + women ({both}); {why}").format(
            figure_is=figure_is,
            more=figure(more),
            both=span_text(both),
            why=_(NEITHER).format(table=TABLE),
        )
    if _without_assumption(row).contains(row.unemployed):
        return "warning", _("{figure_is}; {assumption}, men + women = {both}").format(
            figure_is=figure_is, assumption=assumption(ctx), both=span_text(both)
        )
    return "error", _("{figure_is}, but men + women = {both}").format(
        figure_is=figure_is, both=span_text(both)
    )


def _without_assumption(row: StatisticsRow | RowValues) -> Span:
    """Men + women with each unknown cell anywhere from 0 to the row's unemployed."""
    low = high = 0
    for value in (row.men, row.women):
        if isinstance(value, int):
            low, high = low + value, high + value
        else:
            high += row.unemployed
    return Span(low, high)

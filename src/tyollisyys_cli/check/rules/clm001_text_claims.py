from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.cells import Cells, assumption, cells, judge
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding, Severity
from tyollisyys_cli.check.numbers import computed_as, figure, printed_as, span_text
from tyollisyys_cli.check.precision import compare
from tyollisyys_cli.check.rules.rat001_unemployment_rate import mean_of_rates_note
from tyollisyys_cli.core.statistics import group_total, unemployment_rate
from tyollisyys_cli.i18n import N_, _, month
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, label

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import Claim, StatisticsRow
    from tyollisyys_cli.values import Span

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Statistics figures stated in the text against the ones computed from the table's rows.

The text of a plan repeats figures of the statistics table: the area's labour force,
unemployed, unemployment rate, long-term unemployed, foreign nationals. Each claim is
checked against the value computed from the municipalities' rows (of the whole area, of
the region, municipality or service unit the claim names), not against the printed
totals row, which may itself be wrong. The rows are of the plan's month, or of the month
the claim gives (`month`); a claim of a month the data do not hold is CLM002.

- counts: the claim must equal the sum (otherwise an error), or, where cells are
  withheld or missing, lie in the range the unknown cells allow; outside it, a warning
  where only the assumption about withheld cells rules the claim out or where the claim
  is exactly the sum of the shown cells, an error where no count of the unknown cells
  gives it (as in TOT002);
- a count the text gives as about a figure (`approximate`, "noin 38 400"): as precise as
  its trailing zeros say (38 400: to the hundred); consistent within half a unit of its
  last digit, a warning within one unit (rounding), an error beyond; where cells are
  withheld or missing, against the range they give: a warning where only the assumption
  about withheld cells rules it out, an error where no count of them gives it;
- the rate: printed precision, as in RAT001 (warning within one unit of the last
  printed digit, error beyond).

Claims about figures the data do not hold are CLM002; staffing claims are STF001 and
STF002.
"""
)

CODE = "CLM001"
NAME = "text-statistics-claims"

#: The counts a claim of the text can state and this rule sums from the rows.
CLAIMED_COUNTS = ("labour_force", "unemployed", *GROUP_FIELDS)
#: Every statistics quantity this rule checks (the rate as RAT001 does).
STATISTICS = (*CLAIMED_COUNTS, "unemployment_rate")


def check(ctx: Context) -> Iterator[Finding]:
    for c, claim in enumerate(ctx.area.plan.claims):
        snapshot = ctx.claim_snapshot(claim)
        if claim.quantity not in STATISTICS or snapshot is None:  # (CLM002 says so)
            continue
        codes = _codes(ctx, claim)
        rows = {code: snapshot.rows[code] for code in codes if code in snapshot.rows}
        if not rows:
            continue
        ref = ValueRef(
            "municipalities", ("claims", c, "value" if claim.value is not None else "min")
        )
        where = claim.region or (_("the area") if claim.place is None else ctx.name(claim.place))
        if claim.month:  # (its own month: said, as any but the plan's may be meant)
            where += f", {month(claim.month)}"
        if claim.quantity == "unemployment_rate":
            yield from _rate(ctx, claim, ref, where, list(rows.values()))
            continue
        computed = group_total(ctx.area, list(rows.values()), claim.quantity)
        name = label(claim.quantity)
        if claim.value is not None:
            if computed.contains(claim.value):
                continue
            column = cells(ctx, rows, claim.quantity)
            # (not `computed.is_exact`: withheld cells assumed to hold exactly one count,
            # `{min: 1, max: 1}`, give an exact total, and a figure only that assumption
            # rules out is still no error)
            every_cell_known = column.possible.is_exact
            if claim.approximate and every_cell_known and computed.low is not None:
                yield from _about(ctx, claim, ref, name, where, claim.value, computed.low)
                continue
            if claim.approximate:
                yield from _about_unknown(ctx, ref, name, where, claim.value, column)
                continue
            if every_cell_known:
                message = _(
                    "the text states {name} in {where} as {value}, but the statistics table's "
                    "rows give {computed}"
                ).format(
                    name=name, where=where, value=figure(claim.value), computed=span_text(computed)
                )
                yield ctx.finding(
                    CODE, "error", ref, message, printed=claim.value, computed=computed
                )
                continue
            verdict = judge(ctx, claim.value, column, text=True)
            if verdict is not None:
                message = _("the text states {name} in {where} as {value}{verdict}").format(
                    name=name, where=where, value=figure(claim.value), verdict=verdict.words
                )
                yield ctx.finding(
                    CODE,
                    verdict.severity,
                    ref,
                    message,
                    printed=claim.value,
                    computed=verdict.computed,
                )
        elif claim.min is not None and claim.max is not None:
            if (computed.low or 0) <= claim.max and claim.min <= (computed.high or claim.min):
                continue
            yield ctx.finding(
                CODE,
                "error",
                ref,
                _(
                    "the text states {name} in {where} as {low}–{high}, but the statistics "
                    "table's rows give {computed}"
                ).format(
                    name=name,
                    where=where,
                    low=figure(claim.min),
                    high=figure(claim.max),
                    computed=span_text(computed),
                ),
                computed=computed,
            )


def _about(
    ctx: Context, claim: Claim, ref: ValueRef, name: str, where: str, value: float, sum_: float
) -> Iterator[Finding]:
    """A count the text gives as about `value` ("noin 38 400") against the rows' sum: as
    precise as its trailing zeros say (38 400: to the hundred). Within half a unit of
    that last digit it is consistent; within one unit a warning (rounding); beyond, an
    error."""
    step = _precision(value)
    off = abs(sum_ - value)
    if off <= step / 2:
        return
    message = _(
        "the text states {name} in {where} as about {value}, but the statistics table's "
        "rows give {computed}"
    ).format(name=name, where=where, value=figure(value), computed=figure(sum_))
    severity: Severity = "warning" if off <= step else "error"
    yield ctx.finding(CODE, severity, ref, message, printed=value, computed=sum_)


def _precision(value: float) -> int:
    """The unit of an approximate count's last digit: 38 400 is to the hundred."""
    step = 1
    while value % (step * 10) == 0 and value != 0:
        step *= 10
    return step


def _about_unknown(
    ctx: Context, ref: ValueRef, name: str, where: str, value: float, column: Cells
) -> Iterator[Finding]:
    """An approximate count over cells withheld or missing: consistent where its
    precision meets the range the assumed cells give; a warning where only the
    assumption about withheld cells rules it out; an error where no count
    of the unknown cells gives it at its precision (about 250 of a column whose known
    cells are 253 is consistent: it is to the ten; about 1 000, to the thousand, of a
    column that can hold 253–365 is an error)."""
    step = _precision(value)

    def meets(span: Span, tolerance: float) -> bool:
        low = span.low if span.low is not None else -math.inf
        high = span.high if span.high is not None else math.inf
        return low - tolerance <= value <= high + tolerance

    if meets(column.assumed, step / 2):
        return
    if meets(column.possible, step / 2):
        # Only the assumption about withheld cells rules it out: a warning that names the
        # range the assumption gives.
        severity: Severity = "warning"
        shown = column.assumed
        message = _(
            "the text states {name} in {where} as about {value}, but the statistics table's "
            "rows give {computed}"
        ).format(name=name, where=where, value=figure(value), computed=span_text(shown))
        if column.withheld:
            message += "; " + assumption(ctx)
    else:  # (no count of the unknown cells gives it, at its precision: whatever is assumed)
        severity = "error"
        shown = column.possible
        message = _(
            "the text states {name} in {where} as about {value}, but the statistics table's "
            "rows can hold only {computed}, whatever the {unknown} hold"
        ).format(
            name=name,
            where=where,
            value=figure(value),
            computed=span_text(shown),
            unknown=column.unknown,
        )
    yield ctx.finding(CODE, severity, ref, message, printed=value, computed=shown)


def _rate(
    ctx: Context, claim: Claim, ref: ValueRef, where: str, rows: list[StatisticsRow]
) -> Iterator[Finding]:
    unemployed = sum(r.unemployed for r in rows)
    labour_force = sum(r.labour_force for r in rows)
    rate = unemployment_rate(unemployed, labour_force)
    if rate is None or claim.value is None:
        return
    decimals = ctx.decimals(ref, claim.value)
    severity = compare(claim.value, rate, decimals)
    if severity is None:
        return
    message = (
        _(
            "the text states the unemployment rate of {where} as about {printed} %, but "
            "{unemployed} unemployed / {labour_force} labour force = {computed} %"
        )
        if claim.approximate
        else _(
            "the text states the unemployment rate of {where} as {printed} %, but "
            "{unemployed} unemployed / {labour_force} labour force = {computed} %"
        )
    )
    yield ctx.finding(
        CODE,
        severity,
        ref,
        message.format(
            where=where,
            printed=printed_as(claim.value, decimals),
            unemployed=figure(unemployed),
            labour_force=figure(labour_force),
            computed=computed_as(rate, decimals),
        )
        + mean_of_rates_note(rows, claim.value, decimals),
        printed=claim.value,
        computed=rate,
    )


def _codes(ctx: Context, claim: Claim) -> list[str]:
    """The municipalities a claim is about."""
    if claim.region is not None:
        return [m.code for m in ctx.area.municipalities if m.region == claim.region]
    if claim.place is None:
        return [m.code for m in ctx.area.municipalities]
    for unit in ctx.area.units:
        if unit.id == claim.place:
            return list(unit.members)
    return [claim.place]

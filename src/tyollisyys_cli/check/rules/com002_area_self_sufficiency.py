from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import computed_as, figure, printed_as
from tyollisyys_cli.check.precision import compare
from tyollisyys_cli.i18n import N_, _

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """The area's job self-sufficiency against the ratio of the summed parts.

For an area, jobs and employed residents are summed over the municipalities first and
then divided: (Σ working in own + Σ commuting in) / (Σ working in own + Σ commuting out)
× 100. A mean of the municipalities' percentages is not the area's self-sufficiency;
when the printed figure is close to such a mean, the finding says so. Tolerance follows
the printed precision, as in COM001. Not checked where the table lacks a municipality's
row (COM003 says so).
"""
)

CODE = "COM002"
NAME = "area-job-self-sufficiency"

#: A printed area figure within this many points of the mean of the printed
#: percentages is said to look like that mean.
MEAN_NEARBY = 0.5


def check(ctx: Context) -> Iterator[Finding]:
    commuting = ctx.area.commuting
    if commuting is None or commuting.totals is None:
        return
    # Imported here: an area without a commuting table never needs it.
    from tyollisyys_cli.core.commuting import employed_residents, job_self_sufficiency, jobs, summed

    held = {row.municipality for row in commuting.rows}
    if any(m.code not in held for m in ctx.area.municipalities):
        return  # (the printed figure is the whole area's: COM003 names what is missing)
    printed = commuting.totals.job_self_sufficiency
    parts = summed(list(commuting.rows))
    here, employed = jobs(parts), employed_residents(parts)
    computed = job_self_sufficiency(here, employed)
    if printed is None or computed is None:
        return
    ref = ValueRef("commuting", ("totals", "job_self_sufficiency"))
    decimals = ctx.decimals(ref, printed)
    severity = compare(printed, computed, decimals)
    if severity is None:
        return
    message = _(
        "area job self-sufficiency is printed as {printed} %, but the summed parts give "
        "({own} + {commuting_in}) / ({own} + {commuting_out}) = {computed} %"
    ).format(
        printed=printed_as(printed, decimals),
        own=figure(parts.working_in_own),
        commuting_in=figure(parts.commuting_in),
        commuting_out=figure(parts.commuting_out),
        computed=computed_as(computed, decimals),
    )
    published = [r.job_self_sufficiency for r in commuting.rows]
    if all(p is not None for p in published):
        mean = sum(p for p in published if p is not None) / len(published)
        if abs(mean - printed) <= MEAN_NEARBY:
            message += _(
                "; the printed figure is close to the mean of the municipalities' printed "
                "percentages ({mean} %), which is not the area's figure"
            ).format(mean=computed_as(mean, 2))
    yield ctx.finding(CODE, severity, ref, message, printed=printed, computed=computed)

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
    """Each municipality's job self-sufficiency against its parts.

Job self-sufficiency = jobs / employed residents × 100, where jobs = working in own
municipality + commuting in, and employed residents = working in own municipality +
commuting out. Tolerance follows the printed precision: consistent when the computed
value rounds to the printed one, a warning within one unit of the last printed digit,
an error beyond.
"""
)

CODE = "COM001"
NAME = "job-self-sufficiency"


def check(ctx: Context) -> Iterator[Finding]:
    commuting = ctx.area.commuting
    if commuting is None:
        return
    # Imported here: an area without a commuting table never needs it.
    from tyollisyys_cli.core.commuting import employed_residents, job_self_sufficiency, jobs

    for i, row in enumerate(commuting.rows):
        here, employed = jobs(row), employed_residents(row)
        computed = job_self_sufficiency(here, employed)
        if row.job_self_sufficiency is None or computed is None:
            continue
        ref = ValueRef("commuting", ("rows", i, "job_self_sufficiency"))
        decimals = ctx.decimals(ref, row.job_self_sufficiency)
        severity = compare(row.job_self_sufficiency, computed, decimals)
        if severity is None:
            continue
        message = (
            _(
                "{place}: job self-sufficiency is printed as {printed} %, but jobs ({own} + "
                "{commuting_in}) / employed residents ({own} + {commuting_out}) = {computed} % "
                "(a rounding-level difference)"
            )
            if severity == "warning"
            else _(
                "{place}: job self-sufficiency is printed as {printed} %, but jobs ({own} + "
                "{commuting_in}) / employed residents ({own} + {commuting_out}) = {computed} %"
            )
        )
        yield ctx.finding(
            CODE,
            severity,
            ref,
            message.format(
                place=ctx.name(row.municipality),
                printed=printed_as(row.job_self_sufficiency, decimals),
                own=figure(row.working_in_own),
                commuting_in=figure(row.commuting_in),
                commuting_out=figure(row.commuting_out),
                computed=computed_as(computed, decimals),
            ),
            printed=row.job_self_sufficiency,
            computed=computed,
        )

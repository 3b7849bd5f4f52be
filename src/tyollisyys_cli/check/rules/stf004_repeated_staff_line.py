from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.i18n import N_, _

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """A staff line written twice, the same in every field.

A unit's staff lines are summed: one pasted twice, or kept from both sides of a merge,
counts twice in its caseload-carrying FTE and every figure computed from it, and the
tables show the doubled sum without a word. A line the same as an earlier line of the
unit in every field (role, FTE, origin, caseload, note) is a warning at the later one.
Two posts the plan names alike are written as one line of their FTE together, or told
apart by a note.
"""
)

CODE = "STF004"
NAME = "repeated-staff-line"


def check(ctx: Context) -> Iterator[Finding]:
    plan = ctx.area.plan
    units = [
        *(("municipalities", i, m.name, m.staffing) for i, m in enumerate(plan.municipalities)),
        *(("service_units", i, u.name, u.staffing) for i, u in enumerate(plan.service_units)),
    ]
    for section, i, name, staffing in units:
        seen: dict[object, int] = {}
        for j, line in enumerate(staffing or ()):
            first = seen.setdefault(line.model_dump_json(), j)
            if first == j:
                continue
            where = ctx.area.locate(ValueRef("municipalities", (section, i, "staffing", first)))
            yield ctx.finding(
                CODE,
                "warning",
                ValueRef("municipalities", (section, i, "staffing", j)),
                _(
                    "{unit}: this staff line ({role}) is the same as staffing[{first}] (line "
                    "{line}) in every field, and counts twice in the unit's FTE: a line pasted "
                    "twice, or both sides of a merge kept? Write two posts as one line of their "
                    "FTE together, or tell them apart by a note"
                ).format(unit=name, role=line.role, first=first, line=where.line),
            )

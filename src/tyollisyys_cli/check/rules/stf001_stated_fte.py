from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding, Severity
from tyollisyys_cli.check.numbers import span_text
from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.values import Span, total

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StaffLine

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Stated staffing sums against their staff lines.

The plan states sums of staff, for example "9 htv (5 + 3 + 1)" or "3,5 htv of the
city's own staff". Claims of `caseload_fte` are checked against the sum of the unit's
staff lines that carry a caseload, claims of `own_fte` against the sum of its own
(`origin: own`) lines, claims of `transferring_fte` against its caseload-carrying lines
that transfer from the state. Lines given as ranges, lower bounds or approximate amounts make
the sum a range.

- equal: no finding;
- the stated figure and the sum overlap but are not the same range: warning;
- they cannot meet: error.
"""
)

CODE = "STF001"
NAME = "stated-fte-sums"

#: The stated quantities in words (translated where they are used).
QUANTITIES = {
    "caseload_fte": N_("caseload-carrying FTE"),
    "own_fte": N_("own staff FTE"),
    "transferring_fte": N_("transferring caseload-carrying FTE"),
}


def own_fte(staffing: tuple[StaffLine, ...] | None) -> Span | None:
    """FTE of the municipality's own staff lines; None while staffing is not filled in."""
    if staffing is None:
        return None
    return total([line.fte.span() for line in staffing if line.origin == "own"])


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.area.plan.claims:
        return
    # Imported here: a plan that states no figures in its text never needs it.
    from tyollisyys_cli.core.units import caseload_fte

    for c, claim in enumerate(ctx.area.plan.claims):
        if claim.quantity not in QUANTITIES or claim.place is None:
            continue
        unit = ctx.unit_for_place(claim.place)
        if unit is None or unit.staffing is None:
            continue
        if claim.quantity == "caseload_fte":
            lines = [line for line in unit.staffing if line.caseload]
            computed = caseload_fte(unit.staffing)
        elif claim.quantity == "transferring_fte":
            from tyollisyys_cli.core.units import TRANSFERRING

            lines = [s for s in unit.staffing if s.caseload and s.origin in TRANSFERRING]
            computed = total([line.fte.span() for line in lines])
        else:
            lines = [line for line in unit.staffing if line.origin == "own"]
            computed = own_fte(unit.staffing)
        if computed is None:
            continue
        if claim.value is not None:
            stated = Span.exact(claim.value, approximate=claim.approximate)
        else:
            stated = Span(claim.min, claim.max, claim.approximate)
        severity = _severity(stated, computed)
        if severity is None:
            continue
        parts = " + ".join(span_text(line.fte.span()) for line in lines) or _("no lines")
        ref = ValueRef(
            "municipalities", ("claims", c, "value" if claim.value is not None else "min")
        )
        yield ctx.finding(
            CODE,
            severity,
            ref,
            _(
                "{unit}: the text states {quantity} as {stated}, but the staff lines give "
                "{parts} = {computed}"
            ).format(
                unit=ctx.name(unit.id),
                quantity=_(QUANTITIES[claim.quantity]),
                stated=span_text(stated),
                parts=parts,
                computed=span_text(computed),
            ),
            printed=claim.value,
            computed=computed,
        )


def _severity(stated: Span, computed: Span) -> Severity | None:
    if (stated.low, stated.high) == (computed.low, computed.high):
        return None
    below = stated.high is not None and computed.low is not None and stated.high < computed.low
    above = stated.low is not None and computed.high is not None and stated.low > computed.high
    return "error" if below or above else "warning"

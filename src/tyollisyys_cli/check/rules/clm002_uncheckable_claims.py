from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.check.rules.clm001_text_claims import STATISTICS
from tyollisyys_cli.check.rules.stf001_stated_fte import QUANTITIES as STATED_FTE
from tyollisyys_cli.i18n import N_, _, month
from tyollisyys_cli.models.rowfields import label

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Figures stated in the text that the data cannot check.

Some claims are about figures the data files do not hold, such as foreign-language job
seekers (the statistics table counts unemployed foreign nationals, a different group),
or cover a region none of the area's municipalities is in, or are of a month whose
statistics the data do not hold (the claim's `month`, else the plan's month, as after the
plan's month is moved on before its statistics are imported), or state the staffing of a
unit whose staff lines are not written. They are reported as info so that a person knows
they were not checked; they never fail a run.
"""
)

CODE = "CLM002"
NAME = "uncheckable-claims"

#: Claim quantities that other rules check (CLM001, STF001, STF002).
CHECKED = (*STATISTICS, "caseload_fte", "own_fte", "transferring_fte", "clients_per_advisor")
#: Claim quantities checked against the statistics of a month (the claim's, else the
#: plan's): not checked where the data hold none of it.
OF_A_MONTH = (*STATISTICS, "clients_per_advisor")
#: Claim quantities checked against a unit's staff lines: not checked where it has none.
OF_STAFFING = (*STATED_FTE, "clients_per_advisor")
#: The claims' quantities that no statistics column names, in words (translated where
#: they are used); the others are the columns' (`models.rowfields.label`) and STF001's.
QUANTITIES = {
    **STATED_FTE,
    "unemployment_rate": N_("unemployment rate"),
    "foreign_language_job_seekers": N_("foreign language job seekers"),
    "clients_per_advisor": N_("clients per advisor"),
    "foreign_activation_rate": N_("foreign activation rate"),
}
#: The quantities stated in per cent.
PER_CENT = frozenset({"unemployment_rate", "foreign_activation_rate"})
#: A claim's `group` in words (translated where used); any other as the data give it.
GROUP_WORDS = {"men": N_("men"), "women": N_("women"), "men and women": N_("men and women")}


def check(ctx: Context) -> Iterator[Finding]:
    regions = {m.region for m in ctx.area.municipalities}
    for c, claim in enumerate(ctx.area.plan.claims):
        named = QUANTITIES.get(claim.quantity)
        quantity = _(named) if named else label(claim.quantity)
        if claim.quantity not in CHECKED:
            why = _("the data hold no such figure")  # (the message names it first)
        elif claim.region is not None and claim.region not in regions:
            why = _("no municipality of the area is in the region {region}").format(
                region=claim.region
            )
        elif (
            claim.quantity in OF_STAFFING
            and claim.place is not None
            and not _staffed(ctx, claim.place)
        ):
            why = _("no staffing is written for {place}").format(place=ctx.name(claim.place))
        elif claim.quantity in OF_A_MONTH and ctx.claim_snapshot(claim) is None:
            why = (
                _("the data hold no statistics of {month}").format(month=month(claim.month))
                if claim.month
                else _(
                    "the data hold no statistics of the plan's month {month} (area.reference_month)"
                ).format(month=month(ctx.area.plan.area.reference_month))
            )
        else:
            continue
        where = claim.region or (None if claim.place is None else ctx.name(claim.place))
        region = _(" in {region}").format(region=where) if where else ""
        if claim.group:
            group = _(GROUP_WORDS[claim.group]) if claim.group in GROUP_WORDS else claim.group
            region = f" ({group}){region}"
        if claim.month:
            region += f", {month(claim.month)}"
        value = (
            _as_stated(claim.value)
            if claim.value is not None
            else f"{_as_stated(claim.min or 0)}–{_as_stated(claim.max or 0)}"
        )
        if claim.quantity in PER_CENT:
            value += " %"
        if claim.approximate:  # ("50 %:n luokkaa")
            value = _("about {value}").format(value=value)
        yield ctx.finding(
            CODE,
            "info",
            ValueRef(
                "municipalities", ("claims", c, "value" if claim.value is not None else "min")
            ),
            _(
                "the text states {quantity}{details} as {value}; this cannot be checked: {why}"
            ).format(quantity=quantity, details=region, value=value, why=why),
            printed=claim.value,
        )


def _as_stated(value: float) -> str:
    """The figure with the decimals it has (65.3, not 65.30)."""
    decimals = 0 if float(value).is_integer() else len(repr(float(value)).partition(".")[2])
    return figure(value, decimals)


def _staffed(ctx: Context, place: str) -> bool:
    """Whether the unit of `place` has staff lines written."""
    unit = ctx.unit_for_place(place)
    return unit is not None and unit.staffing is not None

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import Snapshot, Unit, ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import computed_as, figure, span_text
from tyollisyys_cli.check.precision import compare
from tyollisyys_cli.i18n import N_, _, month

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Stated clients per official against the clients and the FTE.

A claim such as "9 FTE, about 140 clients per official" is compared with the unit's
unemployed job seekers divided by its caseload-carrying FTE. The plan's clients
("asiakas") are a broader group than the unemployed job seekers of the statistics
table, so a stated figure above the computed one is not wrong by itself: it implies a
client base of (stated × FTE) clients, a factor over the unemployed. That is reported as
info, with the factor (to use with `--clients-per-unemployed`).

- the stated figure rounds to the computed one: no finding;
- it is higher: info, with the implied client base and factor;
- it is lower beyond printed precision: error, since every unemployed job seeker is a
  client, so there cannot be fewer clients per official than unemployed per official.
"""
)

CODE = "STF002"
NAME = "clients-per-official"


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.area.plan.claims:
        return
    # Imported here: a plan that states no figures in its text never needs them.
    from tyollisyys_cli.core.caseload import ImpliedFactor, clients_per_advisor
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.core.units import caseload_fte

    for c, claim in enumerate(ctx.area.plan.claims):
        snapshot = ctx.claim_snapshot(claim)
        if claim.quantity != "clients_per_advisor" or claim.place is None or claim.value is None:
            continue
        if snapshot is None:  # (CLM002 says so)
            continue
        unit = ctx.unit_for_place(claim.place)
        fte = None if unit is None else caseload_fte(unit.staffing)
        if unit is None or fte is None or fte.midpoint is None:
            continue
        rows = [snapshot.rows[code] for code in unit.members if code in snapshot.rows]
        unemployed = sum(row.unemployed for row in rows)
        computed = clients_per_advisor(sum(ClientBase().clients(row) for row in rows), fte)
        if computed is None or computed.midpoint is None or unemployed <= 0:
            continue
        ref = ValueRef("municipalities", ("claims", c, "value"))
        decimals = ctx.decimals(ref, claim.value)
        name = ctx.name(unit.id)
        if claim.month:  # (its own month: said, as CLM001 says it)
            name += f", {month(claim.month)}"
        stated = (
            _(
                "{unit}: the text states about {value} clients per official at {fte} caseload "
                "FTE, but {unemployed} unemployed / {fte} = {computed}"
            )
            if claim.approximate
            else _(
                "{unit}: the text states {value} clients per official at {fte} caseload FTE, "
                "but {unemployed} unemployed / {fte} = {computed}"
            )
        ).format(
            unit=name,
            value=figure(claim.value),
            fte=span_text(fte),
            unemployed=figure(unemployed),
            computed=span_text(computed, 2),
        )
        if computed.contains(claim.value):
            continue
        if compare(claim.value, computed.midpoint, decimals) is None:
            continue
        if computed.high is not None and claim.value < computed.high:
            yield ctx.finding(
                CODE,
                "error",
                ref,
                _("{stated}: fewer clients than the unemployed job seekers alone").format(
                    stated=stated
                ),
                printed=claim.value,
                computed=computed,
            )
            continue
        implied = ImpliedFactor(name, claim.value, fte.midpoint, unemployed)
        yield ctx.finding(
            CODE,
            "info",
            ref,
            _(
                "{stated}. The plan's clients are a broader group than the unemployed: the "
                "statement implies about {clients} clients, {factor} × the unemployed"
            ).format(
                stated=stated,
                clients=figure(implied.clients, 0),
                factor=figure(implied.factor, 2),
            )
            + _job_seekers(snapshot, unit, fte.midpoint),
            printed=claim.value,
            computed=computed,
            advice=_("try --clients-per-unemployed {option}").format(
                option=f"{implied.factor:.2f}"  # as the option takes it
            ),
        )


def _job_seekers(snapshot: Snapshot, unit: Unit, fte: float) -> str:
    """All job seekers per official, where the statistics hold them."""
    from tyollisyys_cli.core.clients import ClientBase, ClientBaseUnavailable

    rows = [snapshot.rows[code] for code in unit.members if code in snapshot.rows]
    try:
        seekers = sum(ClientBase("job-seekers").clients(row) for row in rows)
    except ClientBaseUnavailable:
        return ""
    return _("; all {seekers} job seekers give {per_official} per official").format(
        seekers=figure(seekers), per_official=computed_as(seekers / fte, 2)
    )

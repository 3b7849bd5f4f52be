from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import span_text
from tyollisyys_cli.i18n import N_, _, ngettext
from tyollisyys_cli.models.amounts import APPROXIMATE_TARGET_TOLERANCE
from tyollisyys_cli.values import Span

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Amount

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Stated transfers from the state against the transferring pool.

The plan estimates the staff transferring from the state (about 80 FTE, about half of
them in personal customer and placement work). The units state how many of them they
expect. The customer-work lines they state (origin `transferring` or
`transferring_or_recruited`, carrying a caseload) must fit in the customer-work pool,
and all transferring lines in the whole pool.

- they cannot fit: error; a warning where the pool is "about" so much and they
  exceed it by no more than an "about" target's leeway (10 %): the plan's own figure is
  approximate, so this may be its rounding;
- they fit: info, saying how much of the pool is left and which units state no
  transfer at all.
"""
)

CODE = "STF003"
NAME = "transfer-pool"


def check(ctx: Context) -> Iterator[Finding]:
    settings = ctx.area.plan.area.transfer_pool
    if settings is None:
        return
    # Imported here: an area without a transfer pool never needs it.
    from tyollisyys_cli.core.units import transfer_pool

    pool = transfer_pool(ctx.area)
    if pool is None:
        return
    ref = _amount_ref(("area", "transfer_pool", "customer_work_fte"), settings.customer_work_fte)
    printed = pool.pool.midpoint
    total_text = (
        _("; all transferring lines: {stated} of {pool} FTE").format(
            stated=span_text(pool.stated_total), pool=span_text(pool.pool_total)
        )
        if pool.pool_total is not None
        else ""
    )
    severity = "error"
    if _exceeds(pool.stated, pool.pool):
        severity = _severity(pool.stated, pool.pool)
        message = _(
            "the units state {stated} FTE of transferring customer-work staff, more than the "
            "customer-work pool of {pool} FTE"
        ).format(stated=span_text(pool.stated), pool=span_text(pool.pool))
    elif pool.pool_total is not None and _exceeds(pool.stated_total, pool.pool_total):
        severity = _severity(pool.stated_total, pool.pool_total)
        message = _(
            "the units state {stated} FTE of transferring customer-work staff, and with their "
            "other transferring lines {stated_total} FTE, more than the whole pool of "
            "{pool_total} FTE"
        ).format(
            stated=span_text(pool.stated),
            stated_total=span_text(pool.stated_total),
            pool_total=span_text(pool.pool_total),
        )
    else:
        none = pool.units_without_stated_transfer
        without = (
            ngettext(
                ", for {units}, which states none", ", for {units}, which state none", len(none)
            ).format(units=", ".join(none))
            if none
            else ""
        )
        if pool.units_without_staffing:  # (they were left out of "which state none")
            without += (
                _(", and {units}, whose staffing is not filled in yet")
                if without
                else _(", for {units}, whose staffing is not filled in yet")
            ).format(units=", ".join(pool.units_without_staffing))
        yield ctx.finding(
            CODE,
            "info",
            ref,
            _(
                "the units state {stated} FTE of the {pool} FTE of transferring customer-work "
                "staff; {left} FTE left{without}{total}"
            ).format(
                stated=span_text(pool.stated),
                pool=span_text(pool.pool),
                left=_left(pool.unassigned),
                without=without,
                total=total_text,
            ),
            printed=printed,
            computed=pool.stated,
        )
        return
    if severity == "warning":
        message += _(
            "; the pool is an approximate figure, and this is within a tenth of it: "
            "it may be the plan's rounding"
        )
    yield ctx.finding(CODE, severity, ref, message, printed=printed, computed=pool.stated)


def _severity(stated: Span, pool: Span) -> Literal["error", "warning"]:
    """A warning where the pool is approximate and `stated` exceeds it by no more than
    an "about" target's leeway; else an error."""
    leeway = pool.high * (1 + APPROXIMATE_TARGET_TOLERANCE) if pool.high is not None else None
    near = stated.low is not None and leeway is not None and stated.low <= leeway
    return "warning" if pool.approximate and near else "error"


def _left(unassigned: Span) -> str:
    """`up to 15.5` when the stated transfers are open-ended, else the range left."""
    if unassigned.low is not None:
        return span_text(unassigned)
    if unassigned.high is not None:
        return _("up to {amount}").format(amount=span_text(Span.exact(unassigned.high)))
    return _("an unknown amount of")


def _exceeds(stated: Span, pool: Span) -> bool:
    return stated.low is not None and pool.high is not None and stated.low > pool.high


def _amount_ref(path: tuple[str, ...], amount: Amount) -> ValueRef:
    """The reference of the number inside an amount (`about`, `min`, ...)."""
    for form in ("about", "at_least", "min"):
        if getattr(amount, form) is not None:
            return ValueRef("municipalities", (*path, form))
    return ValueRef("municipalities", path)

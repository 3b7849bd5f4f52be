"""Dividing a pool of FTE among claimants in whole steps: the two allocation methods.

Each claimant (a service unit) comes with its clients, its own caseload FTE (staff that
do not come from the pool) and a floor (the least it must receive). The pool is divided
among the claimants; every unit receives at least its floor, the part of the pool
above the floors is given out in whole steps, and the allocations add up to the pool
exactly.

Methods:

- `even-caseload`: start every unit at its floor; then, one step at a time, give the
  step to the unit whose clients per advisor (clients / (own + allocated)) is highest at
  that moment, ties to the lowest unit id. A unit with clients and no FTE counts as
  highest of all. The result minimises the highest clients per advisor of any division
  in these steps, and a larger pool never gives a unit less.
- `proportional`: largest-remainder (Hamilton) apportionment of the pool by clients. A
  unit whose proportional share falls below its floor gets the floor, and the rest is
  shared again among the others until every share is at least its floor; the shares
  above the floors are rounded to whole steps by largest remainder (ties to the lowest
  unit id). Own staff are not taken into account, only clients.

All arithmetic is exact (fractions), so steps, ties and sums do not suffer from rounding.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from tyollisyys_cli.i18n import _, numeral

Method = Literal["even-caseload", "proportional"]
METHODS: tuple[Method, ...] = ("even-caseload", "proportional")

#: Most steps one allocation gives out (protects against a tiny --step).
MAX_STEPS = 1_000_000


class AllocationError(ValueError):
    """The pool cannot be divided as asked (floors above the pool, not whole steps)."""


@dataclass(frozen=True)
class Claimant:
    """One unit as the allocation sees it."""

    unit_id: str
    clients: float
    own_fte: float
    floor: float = 0.0


def exact(value: float) -> Fraction:
    """A number as the fraction its decimal form says (`0.1` → 1/10, not the binary float)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def fmt(value: Fraction | float) -> str:
    """A number of FTE for a message, every digit it needs and no exponent: `24.5`, `40`,
    `99999.25`, `0.0000001` (`24,5` in Finnish, which the options also take)."""
    if not math.isfinite(value):
        return f"{value}"
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if len(text) > _LONGEST:  # (1e-300 written out is 300 digits: the exponent reads)
        text = repr(float(value))
    return numeral(text)


#: The longest number written out in full in a message; a longer one keeps its exponent.
_LONGEST = 24


def steps_to_give(claimants: Sequence[Claimant], *, pool: float, step: float) -> int:
    """How many steps the pool holds above the floors, or an `AllocationError` saying why not."""
    if not math.isfinite(step) or step <= 0:
        raise AllocationError(_("the step must be above 0 FTE, not {step}").format(step=fmt(step)))
    pool_f, step_f = exact(pool), exact(step)
    if step_f <= 0:
        raise AllocationError(
            _("the step must be above 0 FTE, not {step}").format(step=fmt(step_f))
        )
    if pool_f < 0:
        raise AllocationError(
            _("the pool must be 0 FTE or more, not {pool}").format(pool=fmt(pool_f))
        )
    floors = sum((exact(c.floor) for c in claimants), Fraction(0))
    above = pool_f - floors
    if above < 0:
        raise AllocationError(
            _(
                "the stated transfers (the floors) add up to {floors} FTE, more than the "
                "pool of {pool} FTE; give a larger --pool or use --ignore-stated"
            ).format(floors=fmt(floors), pool=fmt(pool_f))
        )
    count = above / step_f
    if count.denominator != 1:
        lower = floors + math.floor(count) * step_f
        raise AllocationError(
            _(
                "the {above} FTE of the pool above the floors ({floors} FTE) is not a "
                "whole number of {step} FTE steps; use a --step that divides it, or a "
                "--pool of {lower} or {higher} FTE"
            ).format(
                above=fmt(above),
                floors=fmt(floors),
                step=fmt(step_f),
                lower=fmt(lower),
                higher=fmt(lower + step_f),
            )
        )
    if count > MAX_STEPS:
        raise AllocationError(
            _(
                "{count} steps of {step} FTE is too many; use a larger --step "
                "(at most {maximum} steps)"
            ).format(
                count=numeral(_count_text(int(count))),
                step=fmt(step_f),
                maximum=numeral(f"{MAX_STEPS:,}"),
            )
        )
    return int(count)


def _count_text(count: int) -> str:
    """`1,000,001` in full; a longer count by its exponent, `8e+324`, read from its digits
    (beyond the largest float, 40 FTE in steps of 5e-324: `float()` overflowed)."""
    if count < 10**_LONGEST:
        return f"{count:,}"
    digits = str(count)
    exponent, first = len(digits) - 1, (int(digits[:4]) + 5) // 10  # (3 digits, rounded)
    if first == 1000:
        exponent, first = exponent + 1, 100
    mantissa = f"{first // 100}.{first % 100:02d}".rstrip("0").rstrip(".")
    return f"{mantissa}e+{exponent}"


def clients_per_advisor(clients: float, fte: float) -> float | None:
    """Clients per FTE; None when there are clients but no FTE (no finite caseload)."""
    if fte > 0:
        return clients / fte
    return 0.0 if clients <= 0 else None


def allocate(
    claimants: Sequence[Claimant], *, pool: float, step: float, method: Method
) -> dict[str, float]:
    """The pool divided among the claimants: unit id → allocated FTE (floor included)."""
    ids = [c.unit_id for c in claimants]
    if len(set(ids)) != len(ids):
        raise AllocationError(_("each unit may claim from the pool only once"))
    count = steps_to_give(claimants, pool=pool, step=step)
    if count and not claimants:
        raise AllocationError(_("there are no units to divide the pool among"))
    if method == "even-caseload":
        steps = _even_caseload(claimants, count, exact(step))
    elif method == "proportional":
        steps = _proportional(claimants, exact(pool), exact(step), count)
    else:
        raise AllocationError(
            _("unknown method {method!r}; choose {methods}").format(
                method=method, methods=_(" or ").join(METHODS)
            )
        )
    return {c.unit_id: float(exact(c.floor) + steps[c.unit_id] * exact(step)) for c in claimants}


def _priority(clients: Fraction, fte: Fraction, unit_id: str) -> tuple[int, Fraction, str]:
    """Heap key: the highest clients per advisor first, then the lowest unit id."""
    if fte <= 0:
        return (0, -clients, unit_id) if clients > 0 else (1, Fraction(0), unit_id)
    return (1, -clients / fte, unit_id)


def _even_caseload(claimants: Sequence[Claimant], count: int, step: Fraction) -> dict[str, int]:
    clients = {c.unit_id: exact(c.clients) for c in claimants}
    fte = {c.unit_id: exact(c.own_fte) + exact(c.floor) for c in claimants}
    given = _head_start(clients, fte, count, step)
    count -= sum(given.values())
    fte = {u: fte[u] + given[u] * step for u in fte}
    heap = [_priority(clients[u], fte[u], u) for u in clients]
    heapq.heapify(heap)
    for _step in range(count):
        unit_id = heapq.heappop(heap)[2]
        given[unit_id] += 1
        fte[unit_id] += step
        heapq.heappush(heap, _priority(clients[unit_id], fte[unit_id], unit_id))
    return given


def _head_start(
    clients: dict[str, Fraction], fte: dict[str, Fraction], count: int, step: Fraction
) -> dict[str, int]:
    """The steps the one-at-a-time division gives before its caseloads fall below a level.

    A unit's k-th step goes out at its caseload clients / (fte + (k - 1) × step), which
    falls with k, so the division gives out these caseloads, of all units together, from
    the highest down. Every step at or above a level L therefore goes out first, whichever
    the order among them, and the division goes on from there as if it had given them one
    by one. L is chosen (in floats, only for speed) so that these steps do not exceed the
    count; how many a unit has at or above it is counted exactly. A million steps take
    a moment rather than half a minute.
    """
    counted = [u for u in clients if clients[u] > 0 and fte[u] >= 0]
    if count < 2 * len(clients) or not counted:
        return dict.fromkeys(clients, 0)

    def at_or_above(unit_id: str, level: Fraction) -> int:
        return max(0, math.floor((clients[unit_id] / level - fte[unit_id]) / step) + 1)

    # The level at which the units' steps, counted in floats, make the count less a margin.
    try:
        low, high = 0.0, max(float(clients[u] / (fte[u] or step)) for u in counted)
        target = count - 2 * len(clients)
        for _round in range(60):
            middle = (low + high) / 2
            steps = sum(
                max(0.0, (float(clients[u]) / middle - float(fte[u])) / float(step) + 1)
                for u in counted
            )
            low, high = (middle, high) if steps > target else (low, middle)
        level = Fraction(high)
    except (ZeroDivisionError, OverflowError):  # (figures beyond floats: no head start)
        return dict.fromkeys(clients, 0)
    if level <= 0:
        return dict.fromkeys(clients, 0)
    given = {u: at_or_above(u, level) if u in counted else 0 for u in clients}
    while sum(given.values()) > count:  # (floats may err; the exact count decides)
        level *= 2
        given = {u: at_or_above(u, level) if u in counted else 0 for u in clients}
    return given


def _proportional(
    claimants: Sequence[Claimant], pool: Fraction, step: Fraction, count: int
) -> dict[str, int]:
    floors = {c.unit_id: exact(c.floor) for c in claimants}
    weights = {c.unit_id: exact(c.clients) for c in claimants}
    if sum(weights.values()) == 0:  # no clients anywhere: share evenly
        weights = dict.fromkeys(weights, Fraction(1))
    free = set(weights)
    while True:
        share_pool = pool - sum((floors[u] for u in weights if u not in free), Fraction(0))
        total = sum((weights[u] for u in free), Fraction(0))
        quota = {u: (share_pool * weights[u] / total if total > 0 else Fraction(0)) for u in free}
        below = {u for u in free if quota[u] < floors[u]}
        if not below:
            break
        free -= below
    extra = {u: ((quota[u] - floors[u]) / step if u in free else Fraction(0)) for u in weights}
    given = {u: math.floor(extra[u]) for u in weights}
    left = count - sum(given.values())
    by_remainder = sorted(weights, key=lambda u: (-(extra[u] - given[u]), u))
    for unit_id in by_remainder[:left]:
        given[unit_id] += 1
    return given

"""Invariants of dividing a pool (hypothesis): whole steps, floors, caseloads, min-max."""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tyollisyys_cli.core.apportion import (
    METHODS,
    AllocationError,
    Claimant,
    Method,
    allocate,
    exact,
)

INF = float("inf")
STEPS = (0.25, 0.5, 1.0)


def caseload(clients: float, fte: Fraction) -> Fraction | float:
    """Exact clients per advisor; infinite with clients and no FTE."""
    if fte > 0:
        return exact(clients) / fte
    return INF if clients > 0 else Fraction(0)


@st.composite
def problems(draw: st.DrawFn, max_units: int = 6) -> tuple[list[Claimant], float, float]:
    """Claimants with floors in whole half-FTE, a step, and a pool the steps divide."""
    count = draw(st.integers(1, max_units))
    ids = draw(st.permutations([f"{n:03d}" for n in range(100, 100 + count)]))
    step = draw(st.sampled_from(STEPS))
    claimants = [
        Claimant(
            unit_id=ids[i],
            clients=draw(st.integers(0, 3000)) * draw(st.sampled_from((1.0, 2.08))),
            own_fte=draw(st.integers(0, 20)) / 2,
            floor=draw(st.integers(0, 12)) / 2 if draw(st.booleans()) else 0.0,
        )
        for i in range(count)
    ]
    floors = sum(exact(c.floor) for c in claimants)
    # Floors are whole half-FTE; with a step of 1 the pool above them must be whole steps.
    extra_steps = draw(st.integers(0, 40))
    pool = floors + extra_steps * exact(step)
    return claimants, float(pool), step


def _fte(claimant: Claimant, allocated: float) -> Fraction:
    return exact(claimant.own_fte) + exact(allocated)


@pytest.mark.parametrize("method", METHODS)
@given(problem=problems())
@settings(max_examples=150, deadline=None)
def test_pool_spent_exactly_in_whole_steps_and_no_unit_below_its_floor(
    method: Method, problem: tuple[list[Claimant], float, float]
) -> None:
    claimants, pool, step = problem
    shares = allocate(claimants, pool=pool, step=step, method=method)
    assert set(shares) == {c.unit_id for c in claimants}
    assert sum(exact(a) for a in shares.values()) == exact(pool)
    for claimant in claimants:
        above = exact(shares[claimant.unit_id]) - exact(claimant.floor)
        assert above >= 0
        assert (above / exact(step)).denominator == 1


@pytest.mark.parametrize("method", METHODS)
@given(problem=problems())
@settings(max_examples=100, deadline=None)
def test_allocated_fte_never_raises_a_units_caseload(
    method: Method, problem: tuple[list[Claimant], float, float]
) -> None:
    claimants, pool, step = problem
    shares = allocate(claimants, pool=pool, step=step, method=method)
    for c in claimants:
        at_floor = caseload(c.clients, exact(c.own_fte) + exact(c.floor))
        assert caseload(c.clients, _fte(c, shares[c.unit_id])) <= at_floor


@given(problem=problems())
@settings(max_examples=100, deadline=None)
def test_even_caseload_a_larger_pool_never_gives_a_unit_less(
    problem: tuple[list[Claimant], float, float],
) -> None:
    claimants, pool, step = problem
    smaller = allocate(claimants, pool=pool, step=step, method="even-caseload")
    larger = allocate(claimants, pool=pool + step, step=step, method="even-caseload")
    assert all(larger[u] >= smaller[u] for u in smaller)


def _highest(claimants: list[Claimant], shares: dict[str, Fraction]) -> Fraction | float:
    return max(caseload(c.clients, exact(c.own_fte) + shares[c.unit_id]) for c in claimants)


@given(problem=problems())
@settings(max_examples=150, deadline=None)
def test_even_caseload_no_single_step_moved_lowers_the_highest_caseload(
    problem: tuple[list[Claimant], float, float],
) -> None:
    claimants, pool, step = problem
    shares = {
        u: exact(a)
        for u, a in allocate(claimants, pool=pool, step=step, method="even-caseload").items()
    }
    highest = _highest(claimants, shares)
    floors = {c.unit_id: exact(c.floor) for c in claimants}
    for giver, taker in itertools.permutations(shares, 2):
        if shares[giver] - exact(step) < floors[giver]:
            continue
        moved = dict(shares)
        moved[giver] -= exact(step)
        moved[taker] += exact(step)
        assert _highest(claimants, moved) >= highest


@given(problem=problems(max_units=3))
@settings(max_examples=80, deadline=None)
def test_even_caseload_reaches_the_least_highest_caseload_of_any_division(
    problem: tuple[list[Claimant], float, float],
) -> None:
    claimants, pool, step = problem
    floors = [exact(c.floor) for c in claimants]
    count = int((exact(pool) - sum(floors)) / exact(step))
    if count > 12:
        count = 12
        pool = float(sum(floors) + count * exact(step))
    shares = allocate(claimants, pool=pool, step=step, method="even-caseload")
    greedy = _highest(claimants, {u: exact(a) for u, a in shares.items()})
    best: Fraction | float = INF
    for split in itertools.product(range(count + 1), repeat=len(claimants)):
        if sum(split) != count:
            continue
        division = {
            c.unit_id: floor + k * exact(step)
            for c, floor, k in zip(claimants, floors, split, strict=True)
        }
        best = min(best, _highest(claimants, division))
    assert greedy == best


@given(problem=problems())
@settings(max_examples=100, deadline=None)
def test_proportional_without_floors_keeps_each_share_within_a_step_of_its_quota(
    problem: tuple[list[Claimant], float, float],
) -> None:
    claimants, _, step = problem
    no_floors = [Claimant(c.unit_id, c.clients, c.own_fte) for c in claimants]
    pool = 20.0
    shares = allocate(no_floors, pool=pool, step=step, method="proportional")
    total = sum(exact(c.clients) for c in no_floors)
    for c in no_floors:
        quota = exact(pool) * exact(c.clients) / total if total else exact(pool) / len(no_floors)
        assert abs(exact(shares[c.unit_id]) - quota) < exact(step)


def one_step_at_a_time(claimants: list[Claimant], pool: float, step: float) -> dict[str, float]:
    """even-caseload as its definition says, step by step: each step to the unit with the
    highest clients per advisor at that moment (no FTE and clients: highest of all, the
    most clients first), ties to the lowest unit id."""
    fte = {c.unit_id: exact(c.own_fte) + exact(c.floor) for c in claimants}
    given = {c.unit_id: exact(c.floor) for c in claimants}
    steps = (exact(pool) - sum(given.values())) / exact(step)
    for _ in range(int(steps)):
        unit = min(claimants, key=lambda c: _highest_first(c, fte[c.unit_id]))
        fte[unit.unit_id] += exact(step)
        given[unit.unit_id] += exact(step)
    return {unit: float(share) for unit, share in given.items()}


def _highest_first(claimant: Claimant, fte: Fraction) -> tuple[float | Fraction, float, str]:
    load = caseload(claimant.clients, fte)
    return (-load, -claimant.clients if load == INF else 0.0, claimant.unit_id)


@given(problem=problems(), more_steps=st.integers(0, 600))
@settings(max_examples=150, deadline=None)
def test_even_caseload_is_its_definition_however_many_steps(
    problem: tuple[list[Claimant], float, float], more_steps: int
) -> None:
    # The steps at the top are given out together (a million take a moment); the result
    # is that of giving them one by one.
    claimants, pool, step = problem
    pool = float(exact(pool) + more_steps * exact(step))
    assert allocate(claimants, pool=pool, step=step, method="even-caseload") == (
        one_step_at_a_time(claimants, pool, step)
    )


def test_a_million_steps_are_divided() -> None:
    claimants = [Claimant("a", 3000, 1.0), Claimant("b", 1000, 0.0), Claimant("c", 0, 2.0)]
    shares = allocate(claimants, pool=250_000, step=0.25, method="even-caseload")
    # a's own FTE and its share are to b's as their clients, 3000 : 1000.
    assert shares == {"a": 187_499.75, "b": 62_500.25, "c": 0.0}


# ---------------------------------------------------------------- exact small cases


def test_even_caseload_gives_each_step_to_the_highest_caseload_ties_to_the_lowest_id() -> None:
    claimants = [Claimant("b", 200, 1.0), Claimant("a", 200, 1.0), Claimant("c", 50, 1.0)]
    # a and b tie at 200; a (lower id) gets the first step, b the second, then a again.
    assert allocate(claimants, pool=1.5, step=0.5, method="even-caseload") == {
        "b": 0.5,
        "a": 1.0,
        "c": 0.0,
    }


def test_a_unit_without_fte_gets_the_first_step() -> None:
    claimants = [Claimant("a", 1000, 2.0), Claimant("b", 5, 0.0)]
    assert allocate(claimants, pool=0.5, step=0.5, method="even-caseload") == {"a": 0.0, "b": 0.5}


def test_proportional_is_largest_remainder_by_clients() -> None:
    # Quotas 5.7, 3.1, 1.2 in whole FTE: 5 + 3 + 1 = 9, the last step to the largest
    # remainder (0.7).
    claimants = [Claimant("a", 570, 0), Claimant("b", 310, 0), Claimant("c", 120, 0)]
    assert allocate(claimants, pool=10, step=1, method="proportional") == {
        "a": 6.0,
        "b": 3.0,
        "c": 1.0,
    }


def test_proportional_pins_a_unit_whose_share_is_below_its_floor() -> None:
    # c's quota (1 of 10) is below its floor 4: c gets 4, a and b share 6 as 3 : 1.
    claimants = [Claimant("a", 600, 0), Claimant("b", 200, 0), Claimant("c", 100, 0, floor=4)]
    assert allocate(claimants, pool=10, step=0.5, method="proportional") == {
        "a": 4.5,
        "b": 1.5,
        "c": 4.0,
    }


@pytest.mark.parametrize(
    ("pool", "step", "message"),
    [
        (3.0, 0.5, "the stated transfers (the floors) add up to 4 FTE, more than the pool of 3"),
        (5.5, 1.0, "the 1.5 FTE of the pool above the floors (4 FTE) is not a whole number"),
        (5.0, 0.0, "the step must be above 0 FTE"),
        (-1.0, 0.5, "the pool must be 0 FTE or more"),
    ],
)
def test_a_pool_that_cannot_be_divided_says_why(pool: float, step: float, message: str) -> None:
    claimants = [Claimant("a", 100, 1.0, floor=4.0), Claimant("b", 100, 1.0)]
    with pytest.raises(
        AllocationError, match=r"^" + message.replace("(", r"\(").replace(")", r"\)")
    ):
        allocate(claimants, pool=pool, step=step, method="even-caseload")


def test_not_whole_steps_suggests_pools_that_are() -> None:
    claimants = [Claimant("a", 100, 1.0, floor=4.0)]
    with pytest.raises(AllocationError, match="a --pool of 5 or 6 FTE"):
        allocate(claimants, pool=5.5, step=1.0, method="even-caseload")


def test_a_decimal_step_divides_exactly() -> None:
    # 0.1 is not exact in binary; the allocation counts in decimal fractions.
    shares = allocate(
        [Claimant("a", 10, 0), Claimant("b", 10, 0)], pool=0.3, step=0.1, method="even-caseload"
    )
    assert sum(exact(a) for a in shares.values()) == Fraction(3, 10)
    assert shares == {"a": 0.2, "b": 0.1}


def test_nothing_to_divide_among() -> None:
    assert allocate([], pool=0, step=0.5, method="even-caseload") == {}
    with pytest.raises(AllocationError, match="no units"):
        allocate([], pool=1, step=0.5, method="proportional")


@pytest.mark.parametrize(
    ("claimants", "pool", "step"),
    [
        # Caseloads beyond what floats hold: the division is still exact, only slower.
        ([Claimant("a", 5e-324, 1.0), Claimant("b", 5e-324, 2.0)], 10.0, 0.5),
        ([Claimant("a", 1000, 0.0), Claimant("b", 1000, 1.0)], 1e-305, 1e-310),
    ],
)
def test_figures_beyond_floats_are_divided_as_defined(
    claimants: list[Claimant], pool: float, step: float
) -> None:
    shares = allocate(claimants, pool=pool, step=step, method="even-caseload")
    if pool / step < 1000:  # (the definition, step by step, where that is quick)
        assert shares == one_step_at_a_time(claimants, pool, step)
    assert sum(exact(share) for share in shares.values()) == exact(pool)


def test_a_large_pool_gives_out_most_steps_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The steps above a level go out together; one by one, a million took twenty
    seconds. Only the last few pass through the heap."""
    import heapq

    popped: list[Any] = []
    real = heapq.heappop

    def counted(heap: list[Any]) -> Any:
        popped.append(heap[0])
        return real(heap)

    monkeypatch.setattr(heapq, "heappop", counted)
    claimants = [Claimant("a", 3000, 1.0), Claimant("b", 1000, 0.0), Claimant("c", 0, 2.0)]
    allocate(claimants, pool=250_000, step=0.25, method="even-caseload")
    assert 0 < len(popped) < 100  # (of 1,000,000 steps; a margin of a few per unit)

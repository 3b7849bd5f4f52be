"""Invariants of the core computations, stated as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tyollisyys_cli.core.caseload import clients_per_advisor, fte_needed
from tyollisyys_cli.core.commuting import job_self_sufficiency
from tyollisyys_cli.core.statistics import unemployment_rate
from tyollisyys_cli.models.amounts import Target
from tyollisyys_cli.values import Span, total

counts = st.integers(min_value=0, max_value=2_000_000)
positive_fte = st.floats(min_value=0.1, max_value=500, allow_nan=False)


@given(labour_force=st.integers(min_value=1, max_value=2_000_000), data=st.data())
def test_rate_stays_within_0_and_100(labour_force: int, data: st.DataObject) -> None:
    unemployed = data.draw(st.integers(min_value=0, max_value=labour_force))
    rate = unemployment_rate(unemployed, labour_force)
    assert rate is not None and 0 <= rate <= 100


@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=30))
def test_area_rate_is_the_rate_of_the_sums(rows: list[tuple[int, int]]) -> None:
    labour = [a + b for a, b in rows]
    unemployed = [b for _, b in rows]
    if sum(labour) == 0:
        return
    rate = unemployment_rate(sum(unemployed), sum(labour))
    rates = [unemployment_rate(u, lf) for u, lf in zip(unemployed, labour, strict=True) if lf]
    assert rate is not None
    # The area's rate lies between the municipalities' lowest and highest rates.
    assert min(r for r in rates if r is not None) - 1e-9 <= rate
    assert rate <= max(r for r in rates if r is not None) + 1e-9


@given(
    clients=st.integers(min_value=1, max_value=100_000),
    low=st.floats(min_value=10, max_value=300),
    step=st.floats(min_value=1, max_value=300),
)
def test_fte_needed_falls_as_the_target_rises(clients: int, low: float, step: float) -> None:
    lower = fte_needed(clients, Target(about=low))
    higher = fte_needed(clients, Target(about=low + step))
    assert lower is not None and higher is not None
    assert lower.low is not None and higher.low is not None
    assert higher.low < lower.low


@given(
    clients=st.integers(min_value=0, max_value=100_000),
    fte=positive_fte,
    more=st.floats(min_value=0.1, max_value=100),
)
def test_more_fte_never_raises_the_caseload(clients: int, fte: float, more: float) -> None:
    before = clients_per_advisor(clients, Span.exact(fte))
    after = clients_per_advisor(clients, Span.exact(fte + more))
    assert before is not None and after is not None
    assert after.low is not None and before.low is not None
    assert after.low <= before.low


@given(st.lists(st.tuples(st.floats(0, 50), st.floats(0, 50)), max_size=20))
def test_total_of_spans_is_the_sum_of_bounds(pairs: list[tuple[float, float]]) -> None:
    spans = [Span(min(a, b), max(a, b)) for a, b in pairs]
    result = total(spans)
    assert result.low is not None and result.high is not None
    assert abs(result.low - sum(s.low or 0 for s in spans)) < 1e-6
    assert abs(result.high - sum(s.high or 0 for s in spans)) < 1e-6
    assert result.low <= result.high


@given(own=counts, into=counts, out=counts)
def test_self_sufficiency_is_100_when_commuting_balances(own: int, into: int, out: int) -> None:
    value = job_self_sufficiency(own + into, own + out)
    if own + out == 0:
        assert value is None
        return
    assert value is not None
    assert (value > 100) == (into > out) or value == 100

"""What-if scenarios: the inputs change, the computations are the base case's own."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clirunner import CliRunner
from edits import copy_data, month
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.core.allocation import allocation_table
from tyollisyys_cli.core.caseload import caseload_table
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import resolve_places
from tyollisyys_cli.core.scenario import (
    Scenario,
    ScenarioError,
    apply_scenario,
    describe,
    parse_target,
    percent_text,
    scaled_count,
)
from tyollisyys_cli.core.staffing import staffing_table
from tyollisyys_cli.i18n import set_language
from tyollisyys_cli.models.amounts import Target
from tyollisyys_cli.values import Span

BASE = ClientBase()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables at a fixed width, so that rows are not folded whatever the terminal."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture(scope="module")
def area() -> Area:
    return load_area(bundled_data_dir())


def unemployed(area: Area) -> dict[str, int]:
    return {code: row.unemployed for code, row in area.snapshot().rows.items()}


# ---------------------------------------------------------------- +0 % is the base case


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(unemployed_change=0),
        Scenario(name="zero", unemployed_change=0.0, unemployed_changes={"205": 0.0}),
    ],
)
def test_a_zero_change_gives_exactly_the_base_case_tables(area: Area, scenario: Scenario) -> None:
    assert scenario.is_base
    changed = apply_scenario(area, scenario)
    everything = resolve_places(area, [])
    assert caseload_table(changed, everything, changed.snapshot(), BASE) == caseload_table(
        area, everything, area.snapshot(), BASE
    )
    assert staffing_table(changed, everything, changed.snapshot(), BASE) == staffing_table(
        area, everything, area.snapshot(), BASE
    )
    assert allocation_table(
        changed, changed.snapshot(), BASE, pool=40, step=0.5, method="even-caseload"
    ) == allocation_table(area, area.snapshot(), BASE, pool=40, step=0.5, method="even-caseload")


@pytest.mark.parametrize("command", ["caseload", "staffing", "allocate"])
def test_plus_zero_on_the_command_line_prints_the_base_case(command: str) -> None:
    runner = CliRunner()
    base = runner.invoke(app, [command])
    zero = runner.invoke(app, [command, "--unemployed-change", "+0"])
    assert base.exit_code == zero.exit_code == 0, zero.output
    assert zero.output == base.output


# ---------------------------------------------------------------- changed unemployment


def test_plus_twenty_per_cent_scales_each_municipality_to_whole_persons(area: Area) -> None:
    changed = apply_scenario(area, Scenario(unemployed_change=20))
    assert unemployed(changed) == {
        "105": 94,  # 78 × 1.2 = 93.6
        "205": 1661,  # 1 384 × 1.2 = 1 660.8
        "290": 316,  # 315.6
        "305": 728,  # 728.4
        "578": 125,  # 124.8
        "620": 142,  # 141.6
        "697": 41,  # 40.8
        "765": 258,  # 258.0
        "777": 284,  # 284.4
        "832": 212,  # 212.4
    }
    assert sum(unemployed(changed).values()) == 3861
    row = changed.snapshot().rows["205"]
    assert row.labour_force == 16615  # unchanged
    assert row.unemployment_rate is None  # no longer the published rate
    assert area.snapshot().rows["205"].unemployed == 1384  # the data is untouched


def test_more_unemployed_means_more_clients_per_advisor(area: Area) -> None:
    changed = apply_scenario(area, Scenario(unemployed_change=20))
    table = caseload_table(changed, resolve_places(changed, ["Kajaani"]), changed.snapshot(), BASE)
    kajaani = table.rows[0]
    assert kajaani.clients == 1661
    assert kajaani.clients_per_advisor == Span(1661 / 3, 1661 / 3)
    assert kajaani.status == "staffing incomplete"
    # with the unassigned 14.5 FTE of the pool: 1 661 / 17.5
    assert kajaani.with_pool == Span(1661 / 17.5, None, approximate=True)


def test_a_municipalitys_own_change_replaces_the_global_one(area: Area) -> None:
    scenario = Scenario(unemployed_change=20, unemployed_changes={"205": 33, "832": -10})
    counts = unemployed(apply_scenario(area, scenario))
    assert counts["205"] == 1841  # 1 840.72
    assert counts["832"] == 159  # 159.3
    assert counts["290"] == 316


def test_job_seekers_change_by_the_same_number_of_persons(area: Area) -> None:
    snapshot = area.snapshot()
    rows = {
        code: row.model_copy(update={"job_seekers": row.unemployed * 2})
        for code, row in snapshot.rows.items()
    }
    with_seekers = dataclasses.replace(area, snapshots=(dataclasses.replace(snapshot, rows=rows),))
    changed = apply_scenario(with_seekers, Scenario(unemployed_change=10))
    kuusamo = changed.snapshot().rows["305"]
    assert kuusamo.unemployed == 668  # 667.7
    assert kuusamo.job_seekers == 1214 + 61
    assert ClientBase("job-seekers").clients(kuusamo) == 1275


def test_more_unemployed_than_the_labour_force_is_refused(area: Area) -> None:
    with pytest.raises(
        ScenarioError,
        match="gives Ristijärvi 503 unemployed in 2023-08, more than its labour force of 487",
    ):
        apply_scenario(area, Scenario(unemployed_changes={"697": 1380}))


def too_many(area: Area, percent: float) -> list[str]:
    """The names of the municipalities whose unemployed `percent` more outnumber their
    labour force, in the area's order."""
    rows = area.snapshot().rows
    return [
        area.municipality(code).name
        for code, row in rows.items()
        if scaled_count(row.unemployed, percent) > row.labour_force
    ]


def test_every_municipality_a_change_does_not_fit_is_named(area: Area) -> None:
    named = too_many(area, 2000)
    assert 1 < len(named) < len(area.municipalities)  # (some fit, several do not)
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(area, Scenario(unemployed_change=2000))
    assert [message.split(" gives ")[1].split(" ")[0] for message, _ in caught.value.problems] == [
        name.split(" ")[0] for name in named
    ]
    assert [code for _, code in caught.value.problems] == [
        code for code in area.snapshot().rows if area.municipality(code).name in named
    ]
    assert str(caught.value) == caught.value.problems[0][0]


def test_only_the_month_shown_bars_a_scenario(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    two_months = load_area(data)
    plan, latest = (two_months.snapshot(m) for m in ("2023-08", "2026-06"))
    # The municipality whose room to grow (labour force / unemployed) differs most, and a
    # change that fits one month and not the other.
    code = max(
        plan.rows,
        key=lambda c: abs(
            plan.rows[c].labour_force / plan.rows[c].unemployed
            - latest.rows[c].labour_force / latest.rows[c].unemployed
        ),
    )
    rooms = {
        s.month: 100 * (s.rows[code].labour_force / s.rows[code].unemployed - 1)
        for s in (plan, latest)
    }
    fits, bars = sorted(rooms, key=rooms.__getitem__, reverse=True)
    change = (rooms[fits] + rooms[bars]) / 2
    scenario = Scenario(unemployed_changes={code: change})
    shown = apply_scenario(two_months, scenario, fits)
    assert shown.months == [fits]
    assert shown.snapshot().rows[code].unemployed == scaled_count(
        two_months.snapshot(fits).rows[code].unemployed, change
    )
    with pytest.raises(ScenarioError, match=f"unemployed in {bars}, more than its labour force"):
        apply_scenario(two_months, scenario, bars)


def test_a_change_below_minus_100_is_refused(area: Area) -> None:
    with pytest.raises(ScenarioError, match="below -100"):
        apply_scenario(area, Scenario(unemployed_change=-120))


@given(count=st.integers(0, 100_000), percent=st.integers(-100, 500))
def test_scaled_counts_are_within_half_a_person_of_the_exact_value(
    count: int, percent: int
) -> None:
    exact = count * (100 + percent) / 100
    assert abs(scaled_count(count, percent) - exact) <= 0.5
    assert scaled_count(count, percent) <= scaled_count(count, percent + 1)


def test_halves_round_up() -> None:
    assert scaled_count(5, 10) == 6  # 5.5
    assert scaled_count(15, -10) == 14  # 13.5


# ---------------------------------------------------------------- targets


def test_a_target_override_replaces_every_target(area: Area) -> None:
    target = parse_target("100-150")
    changed = apply_scenario(area, Scenario(target=target))
    assert {unit.target for unit in changed.units} == {target}
    table = staffing_table(changed, resolve_places(changed, ["Sotkamo"]), changed.snapshot(), BASE)
    sotkamo = table.rows[0]  # states no target in the plan
    assert sotkamo.fte_needed == Span(215 / 150, 215 / 100)


def test_a_units_own_target_wins_over_the_global_one(area: Area) -> None:
    paltamo = Target(min=90, max=120)
    scenario = Scenario(target=parse_target("100-150"), unit_targets={"paltamo": paltamo})
    changed = apply_scenario(area, scenario)
    assert changed.unit("paltamo").target == paltamo
    assert changed.unit("290").target == Target(min=100, max=150, printed="scenario: 100–150")


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("100-150", (100, 150)),
        ("100–150", (100, 150)),
        (" 90 - 120 ", (90, 120)),
        ("80-80", (80, 80)),
    ],
)
def test_targets_are_written_min_max(text: str, band: tuple[float, float]) -> None:
    assert parse_target(text).band() == Span(*band)


@pytest.mark.parametrize("text", ["100", "150-100", "0-100", "abc", "100-150-200", "-100"])
def test_other_targets_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="target"):
        parse_target(text)


def test_describe_says_every_change(area: Area) -> None:
    scenario = Scenario(
        unemployed_change=20,
        target=parse_target("100-150"),
        unemployed_changes={"205": 33},
        unit_targets={"paltamo": Target(min=90, max=120)},
        client_base=ClientBase("unemployed", 2.08),
    )
    assert describe(area, scenario) == [
        "unemployed +20 %",
        "target 100–150 for every unit",
        "Kajaani unemployed +33 %",
        "Paltamo (ml. Hyrynsalmi ja Ristijärvi) target 90–120",
        "client base unemployed job seekers × 2.08",
    ]


@pytest.mark.parametrize(
    ("factor", "english", "finnish"),
    [
        (1.0, "unemployed job seekers (2023-08)", "työttömät työnhakijat (8/2023)"),
        (2.08, "unemployed job seekers (2023-08) × 2.08", "työttömät työnhakijat (8/2023) × 2,08"),
        # every digit given, never rounded to six (2.28851) nor written as 1e-09
        (2.288512, "unemployed job seekers (2023-08) × 2.288512", None),
        (1e-9, "unemployed job seekers (2023-08) × 0.000000001", None),
        (
            1234.5,
            "unemployed job seekers (2023-08) × 1234.5",
            "työttömät työnhakijat (8/2023) × 1234,5",
        ),
    ],
)
def test_the_client_base_names_its_factor_as_given(
    factor: float, english: str, finnish: str | None
) -> None:
    base = ClientBase("unemployed", factor)
    assert base.describe("2023-08") == english
    if finnish is not None:
        set_language("fi")
        try:
            assert base.describe("2023-08") == finnish
        finally:
            set_language("en")


@pytest.mark.parametrize(
    ("base", "words"),
    [
        (ClientBase("unemployed", 4.3), "asiakaspohja työttömät työnhakijat × 4,3"),
        (ClientBase("job-seekers", 1.0), "asiakaspohja kaikki työnhakijat"),
    ],
)
def test_describe_writes_the_client_base_in_the_runs_language(
    area: Area, base: ClientBase, words: str
) -> None:
    """It wrote "asiakaspohja unemployed × 4.3": the code's word, an English point."""
    set_language("fi")
    try:
        assert describe(area, Scenario(client_base=base)) == [words]
    finally:
        set_language("en")


# ---------------------------------------------------------------- options on the commands


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_caseload_says_which_scenario_it_shows() -> None:
    code, out = run("caseload", "Kajaani", "--unemployed-change", "-10", "--target", "100-150")
    assert code == 0, out
    assert "scenario: unemployed -10 %, target 100–150 for every unit" in out
    kajaani = next(line for line in out.splitlines() if "Kajaani " in line and "│" in line)
    assert "1 246" in kajaani  # 1 384 × 0.9 = 1 245.6
    assert "415" in kajaani  # 1 246 / 3


def test_staffing_with_a_scenario() -> None:
    code, out = run("staffing", "Sotkamo", "--target", "100-150", "--unemployed-change", "+20")
    assert code == 0, out
    sotkamo = next(line for line in out.splitlines() if "Sotkamo" in line)
    assert "100–150" in sotkamo
    assert "1.7–2.6" in sotkamo  # 258/150 – 258/100


def test_allocate_with_a_scenario() -> None:
    code, out = run("allocate", "--unemployed-change", "20", "--clients-per-unemployed", "2.08")
    assert code == 0, out
    assert "— scenario: unemployed +20 %" in out
    assert "Still over target after the pool is spent: Kajaani needs" in out


def test_an_option_that_does_not_fit_names_every_municipality(area: Area) -> None:
    code, out = run("caseload", "--unemployed-change", "2000")
    assert code == 2
    lines = out.splitlines()
    assert [line.split(" gives ")[1].split(" ")[0] for line in lines] == too_many(area, 2000)
    assert all(
        line.startswith("error: unemployed +2000 % gives ")
        and "unemployed in 2023-08, more than its labour force of " in line
        for line in lines
    )


def test_many_problems_of_an_option_are_counted_after_the_first_ones(
    area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tyollisyys_cli.cli.errors.MAX_OF_A_KIND", 3)
    code, out = run("caseload", "--unemployed-change", "2000")
    assert code == 2
    lines = out.splitlines()
    assert [line.split(" gives ")[1].split(" ")[0] for line in lines[:3]] == too_many(area, 2000)[
        :3
    ]
    rest = len(too_many(area, 2000)) - 3
    assert lines[3:] == [f"{rest} more problems like the above (not shown)"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--target", "150"), "--target: write the target as MIN-MAX"),
        (("--target", "150-100"), "needs 1 ≤ MIN ≤ MAX ≤ 10,000"),
        # A target as a data file's: 1 client per advisor at the least (no pydantic text).
        (("--target", "0.5-2"), "--target: the target '0.5-2' needs 1 ≤ MIN ≤ MAX ≤ 10,000"),
        (("--unemployed-change", "5000"), "more than its labour force"),
        (("--unemployed-change", "-101"), "greater than or equal to -100"),
        (("--unemployed-change", "lots"), "Invalid value for '--unemployed-change'"),
    ],
)
def test_bad_scenario_options_exit_2(args: tuple[str, ...], message: str) -> None:
    code, out = run("caseload", *args)
    assert code == 2
    assert message in out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    ("change", "written"),
    [
        (20, "+20 %"),
        (-10, "-10 %"),
        (0, "+0 %"),
        (2.5, "+2.5 %"),
        (-99.9999999, "-99.9999999 %"),  # (not -100 %, which would empty every row)
        (12.3456789, "+12.3456789 %"),
    ],
)
def test_a_change_is_written_with_every_digit_given(change: float, written: str) -> None:
    assert percent_text(change) == written

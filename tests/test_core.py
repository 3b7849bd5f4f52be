"""Core computations on the bundled area, asserted against values worked out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clirunner import CliRunner
from edits import M, Replace, apply, copy_without_kuhmos_staffing
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.core.caseload import (
    CaseloadRow,
    CaseloadTable,
    caseload_table,
    fte_needed,
    implied_client_factors,
    status,
)
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.commuting import commuting_table
from tyollisyys_cli.core.places import Selection, resolve_places
from tyollisyys_cli.core.staffing import StaffingTable, staffing_table
from tyollisyys_cli.core.statistics import cell_span, group_total, unemployment_table
from tyollisyys_cli.core.units import PoolShares, pool_shares
from tyollisyys_cli.models.amounts import Target
from tyollisyys_cli.values import Span, Written

BASE = ClientBase()


def everything(area: Area) -> Selection:
    return resolve_places(area, [])


def test_area_totals_are_sums_of_rows_not_the_printed_total(area: Area) -> None:
    table = unemployment_table(area, everything(area), area.snapshot())
    assert table.area_row.labour_force == 38799
    assert table.area_row.unemployed == 3217  # the totals row prints 321
    assert table.area_row.rate == pytest.approx(3217 / 38799 * 100)
    assert round(table.area_row.rate or 0, 1) == 8.3  # the plan prints 8.9
    # ... and the area row shows that printed 8.9 beside it, so the two can be compared.
    assert table.area_row.rate_published == Written(8.9, 1)


def test_area_groups_with_unknown_cells_are_ranges_or_the_printed_total(area: Area) -> None:
    groups = unemployment_table(area, everything(area), area.snapshot()).area_row.groups
    assert groups["over_50"] == 1446
    assert groups["long_term"] == 812
    # under 25: 319 known + Hyrynsalmi withheld (1–4) + Ristijärvi missing (0–34) allow
    # 320–357, and the printed 325 lies within: the area row shows 325
    assert groups["under_25"] == 325
    # foreign: 253 known + two withheld cells (1–4 each); the printed 253 lies outside
    assert groups["foreign"] == Span(255, 261)


def rows_by_name(
    area: Area, places: list[str], base: ClientBase = BASE
) -> tuple[dict[str, CaseloadRow], CaseloadTable]:
    table = caseload_table(area, resolve_places(area, places), area.snapshot(), base)
    return {row.name: row for row in table.rows}, table


def test_kuhmo_caseload(area: Area) -> None:
    rows, _ = rows_by_name(area, ["Kuhmo"])
    kuhmo = rows["Kuhmo"]
    assert (kuhmo.labour_force, kuhmo.unemployed, kuhmo.clients) == (3120, 263, 263)
    assert kuhmo.fte == Span(6.0, 6.0)  # 2.5 own advisors + 3.5 transferring
    assert kuhmo.clients_per_advisor is not None
    assert kuhmo.clients_per_advisor.low == pytest.approx(263 / 6)
    assert kuhmo.target is not None and kuhmo.target.describe() == "under 100"
    assert kuhmo.status == "within"


def test_caseloads_of_every_unit(area: Area) -> None:
    rows, table = rows_by_name(area, [])
    kajaani = rows["Kajaani"]
    assert kajaani.clients_per_advisor == Span(1384 / 3, 1384 / 3)
    # The plan leaves Kajaani's transfer unstated: not "over" from its 3 own advisors,
    # but incomplete, with the caseload it would have with the whole unassigned pool.
    assert kajaani.status == "staffing incomplete"
    # (at least that: the pool leaves at most ~14.5 FTE, as some transfers are stated as
    # at least so much)
    assert kajaani.with_pool == Span(1384 / (3 + 14.5), None, approximate=True)
    assert rows["Taivalkoski"].status == "staffing incomplete"
    # (its part is ~0.0: no bound, its own caseload)
    assert rows["Taivalkoski"].with_pool == Span.exact(177 / 2.5, approximate=True)
    paltamo = rows["Paltamo (ml. Hyrynsalmi ja Ristijärvi)"]
    assert paltamo.clients == 104 + 78 + 34
    assert paltamo.fte == Span(4, 4, approximate=True)
    assert paltamo.status == "under"
    suomussalmi = rows["Suomussalmi"]
    assert suomussalmi.fte == Span(8, 9)  # 1 own advisor + 7–8 transferring advisors
    assert suomussalmi.clients_per_advisor == Span(237 / 9, 237 / 8)
    assert suomussalmi.status == "under"
    assert suomussalmi.with_pool is None
    puolanka = rows["Puolanka"]
    assert puolanka.fte == Span(4, None)  # 1 own + at least 3
    assert puolanka.clients_per_advisor == Span(None, 118 / 4)
    assert rows["Sotkamo"].status == "no target"
    members = [r.name for r in table.rows if r.level == "member"]
    assert members == ["Paltamo", "Hyrynsalmi", "Ristijärvi"]
    assert table.area_row.clients == 3217
    assert table.area_row.status == "staffing incomplete"
    assert table.area_row.fte == Span(45.5, None, approximate=True)
    assert table.area_row.with_pool == Span(None, 3217 / 60, approximate=True)


def test_member_selection_shows_its_unit(area: Area) -> None:
    rows, _ = rows_by_name(area, ["hyrnsalmi"])
    assert "Paltamo (ml. Hyrynsalmi ja Ristijärvi)" in rows
    # (the unit row's name, not its provider's: "Paltamo" matched the member row
    # Paltamo in a script that joined served_by to unit)
    assert rows["Hyrynsalmi"].served_by == "Paltamo (ml. Hyrynsalmi ja Ristijärvi)"


def test_every_member_is_served_by_a_unit_row(area: Area) -> None:
    table = caseload_table(area, everything(area), area.snapshot(), BASE)
    units = {row.name for row in table.rows if row.level == "unit"}
    members = [row for row in table.rows if row.level == "member"]
    assert members and all(row.served_by in units for row in members)


def test_client_factor_scales_clients(area: Area) -> None:
    rows, _ = rows_by_name(area, ["Kuusamo"], ClientBase("unemployed", 2.0))
    assert rows["Kuusamo"].clients == 1214
    assert rows["Kuusamo"].clients_per_advisor == Span(1214 / 9, 1214 / 9)
    assert rows["Kuusamo"].status == "within"


def test_kuusamo_statement_implies_a_client_factor(area: Area) -> None:
    [factor] = implied_client_factors(area)
    assert factor.place == "Kuusamo"
    assert factor.clients == 1260
    assert factor.factor == pytest.approx(1260 / 607)


def test_fte_needed_for_bands_bounds_and_approximate_targets() -> None:
    assert fte_needed(300, Target(min=100, max=150)) == Span(2.0, 3.0)
    assert fte_needed(300, Target(max=100)) == Span(3.0, None)
    needed = fte_needed(300, Target(about=100))
    assert needed is not None and needed.low == pytest.approx(300 / 110)
    assert needed.high == pytest.approx(300 / 90)


@pytest.mark.parametrize(
    ("caseload", "expected"),
    [
        (Span(80, 80), "under"),
        (Span(100, 100), "within"),
        (Span(151, 151), "over"),
        (Span(100, 150), "within"),
        (Span(None, 99), "under"),
        # a range across an end of the band (FTE of 8–9, or at least 4)
        (Span(90, 110), "under or within"),
        (Span(None, 120), "under or within"),
        (Span(140, 160), "within or over"),
        (Span(120, None), "within or over"),
        (Span(None, 160), "under to over"),
        (Span(99, 151), "under to over"),
    ],
)
def test_status_against_a_band(caseload: Span, expected: str) -> None:
    assert status(caseload, Target(min=100, max=150), has_staffing=True) == expected


@pytest.mark.parametrize(
    ("caseload", "expected"),
    [
        (Span(None, 80), "within"),  # (no caseload is under 0)
        (Span(None, 120), "within or over"),
        (Span(120, 130), "over"),
    ],
)
def test_status_against_an_upper_bound(caseload: Span, expected: str) -> None:
    assert status(caseload, Target(max=100), has_staffing=True) == expected


def test_staffing_gap_and_transfer_pool(area: Area) -> None:
    table = staffing_table(area, everything(area), area.snapshot(), BASE)
    rows = {r.name: r for r in table.rows}
    kajaani = rows["Kajaani"]
    assert kajaani.fte_needed == Span(1384 / 150, 1384 / 100)
    assert kajaani.gap is not None and kajaani.gap.low == pytest.approx(3 - 13.84)
    assert kajaani.gap.high == pytest.approx(3 - 1384 / 150)
    assert kajaani.status == "staffing incomplete"
    assert kajaani.with_pool == Span(1384 / 17.5, None, approximate=True)
    assert rows["Kuusamo"].stated_transfer == Span(5, 5)
    assert rows["Kuusamo"].status == "under"
    assert rows["Suomussalmi"].stated_transfer == Span(7, 8)
    pool = table.pool
    assert pool is not None
    # stated customer-work transfers: Kuhmo 3.5, Kuusamo 5, Puolanka ≥3, Sotkamo ≥5,
    # Suomussalmi 7–8, Paltamo unit about 2
    assert pool.stated.low == pytest.approx(25.5)
    assert pool.stated.high is None
    assert pool.unassigned.high == pytest.approx(14.5)
    # all roles: the Paltamo supervisor and the Suomussalmi supervisor (1 FTE each) too
    assert pool.stated_total.low == pytest.approx(27.5)
    assert pool.units_without_stated_transfer == ["Kajaani", "Taivalkoski"]
    # The unassigned 14.5 FTE divided between the two incomplete units by even caseload:
    # Kajaani (1 384 over 3) stays above Taivalkoski (177 over ~2.5) with all of it.
    assert table.shares is not None
    assert table.shares.unassigned == 14.5
    assert table.shares.shares == {"205": 14.5, "832": 0.0}
    assert table.area_row.status == "staffing incomplete"


def test_commuting_self_sufficiency(area: Area) -> None:
    table = commuting_table(area, everything(area))
    assert table is not None
    rows = {r.name: r for r in table.rows}
    hyrynsalmi = rows["Hyrynsalmi"]
    assert (hyrynsalmi.jobs, hyrynsalmi.employed_residents) == (525, 665)
    assert hyrynsalmi.self_sufficiency == pytest.approx(525 / 665 * 100)
    assert rows["Sotkamo"].self_sufficiency == pytest.approx(4595 / 4399 * 100)
    area_row = table.area_row
    assert (area_row.jobs, area_row.employed_residents) == (34780, 34689)
    assert area_row.self_sufficiency == pytest.approx(34780 / 34689 * 100)  # not 91.773
    assert area_row.self_sufficiency_published == Written(91.773, 3)  # as printed, beside it
    assert area_row.net_commuting == 91


def test_staff_without_caseload_lines_is_not_a_missing_client_count() -> None:
    assert status(None, Target(min=100, max=150), has_staffing=True) == "no caseload staff"
    assert status(None, Target(min=100, max=150), has_staffing=False) == "no staffing"


def test_a_groups_total_is_the_sum_of_its_cells_spans(area: Area) -> None:
    rows = list(area.snapshot().rows.values())
    unknown = 0
    for group in ("men", "under_20", "under_25", "foreign", "open_vacancies"):
        spans = [cell_span(area, row, group) for row in rows]
        expected = Span.exact(0)
        for span in spans:
            expected = expected + span
        assert group_total(area, rows, group) == expected
        unknown += sum(1 for span in spans if not span.is_exact)
    assert unknown >= 3  # withheld cells among them


def test_the_unassigned_pool_is_divided_by_even_caseload_among_incomplete_units(
    area: Area,
) -> None:
    # Were Kajaani's clients 100, the 14.5 FTE would go mostly to Taivalkoski: Kajaani
    # 100 / (3 + 4.5) = 13.3 and Taivalkoski 177 / (2.5 + 10) = 14.2; one step either way
    # raises the higher of the two (100 / 7 = 14.3, 177 / 12 = 14.75).
    shares = pool_shares(area, {"205": 100.0, "832": 177.0})
    assert shares is not None
    assert shares.shares == {"205": 4.5, "832": 10.0}
    assert shares.unassigned == 14.5 and shares.approximate


def staffing_with_pool(tmp_path: Path, pool: str) -> StaffingTable:
    """The staffing table of the bundled data with the customer-work pool written `pool`."""
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    plan = data / "municipalities.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("customer_work_fte: {about: 40}", f"customer_work_fte: {pool}"),
        encoding="utf-8",
    )
    edited = load_area(data)
    return staffing_table(edited, everything(edited), edited.snapshot(), BASE)


def test_what_is_left_below_a_step_goes_to_the_unit_then_highest(tmp_path: Path) -> None:
    table = staffing_with_pool(tmp_path, "{about: 40.2}")
    assert table.shares is not None
    assert table.shares.unassigned == pytest.approx(14.7)
    # 29 steps of 0.5 and the 0.2 left, all to Kajaani (still the highest)
    assert table.shares.shares == {"205": pytest.approx(14.7), "832": 0.0}
    kajaani = next(row for row in table.rows if row.name == "Kajaani")
    assert kajaani.with_pool is not None and kajaani.with_pool.approximate
    assert kajaani.with_pool.low == pytest.approx(1384 / 17.7)
    assert kajaani.with_pool.high is None


def test_a_pool_given_as_a_range_leaves_the_area_a_range(tmp_path: Path) -> None:
    """A pool of 38–42 FTE gave the area's caseload with it as one exact figure, that of
    42; the units' parts of it are at most so much."""
    table = staffing_with_pool(tmp_path, "{min: 38, max: 42}")
    assert table.shares is not None and table.shares.spread == 4
    # at least 45.5 FTE and 12.5–16.5 of the pool: at least 58 FTE
    assert table.area_row.with_pool == Span(None, 3217 / 58, approximate=True)
    kajaani = next(row for row in table.rows if row.name == "Kajaani")
    assert kajaani.with_pool == Span(1384 / (3 + 16.5), None, approximate=True)


@pytest.mark.parametrize(("at_most", "expected"), [(False, Span(20, 20)), (True, Span(20, None))])
def test_a_share_of_at_most_so_much_gives_at_least_a_caseload(
    at_most: bool, expected: Span
) -> None:
    """Where the pool leaves at most so much (a stated transfer of at least so much), the
    caseload with a unit's share of it is at least that: it was one exact figure."""
    shares = PoolShares(4.0, False, {"a": 4.0}, at_most=at_most)
    assert shares.caseload_with_share("a", 100, Span(1, 1)) == expected
    assert shares.caseload_with_share("b", 100, Span(1, 1)) is None


def test_a_unit_without_staffing_states_no_transfer_not_zero(area: Area) -> None:
    import dataclasses

    kuhmo = next(unit for unit in area.units if unit.name == "Kuhmo")
    stated = staffing_table(area, everything(area), area.snapshot(), BASE)
    by_name = {row.name: row.stated_transfer for row in stated.rows}
    assert by_name["Kuhmo"] == Span.exact(3.5)
    # Marked incomplete, its share of the pool unstated: not 0 (nor for Taivalkoski).
    assert by_name["Kajaani"] is None and by_name["Taivalkoski"] is None
    known = stated.area_row.stated_transfer
    assert known is not None and known.low is not None
    # Kuhmo's staffing not written: nothing stated there, and the area's sum a lower bound.
    units = tuple(
        dataclasses.replace(unit, staffing=None) if unit is kuhmo else unit for unit in area.units
    )
    unwritten = dataclasses.replace(area, units=units)
    table = staffing_table(unwritten, everything(unwritten), unwritten.snapshot(), BASE)
    assert next(row for row in table.rows if row.name == "Kuhmo").stated_transfer is None
    assert table.area_row.stated_transfer == Span(known.low - 3.5, None, known.approximate)


def _without_staffing(area: Area, *names: str) -> Area:
    """The area with the staffing of the units named not written."""
    import dataclasses

    units = tuple(
        dataclasses.replace(unit, staffing=None) if unit.name in names else unit
        for unit in area.units
    )
    return dataclasses.replace(area, units=units)


def test_an_area_partly_staffed_counts_at_least_its_staffed_units(area: Area) -> None:
    from tyollisyys_cli.core.trend import trend_table

    full = caseload_table(area, everything(area), area.snapshot(), BASE)
    assert full.area_row.status == "staffing incomplete"  # Kajaani and Taivalkoski are
    assert full.unstaffed == []
    fte = full.area_row.fte  # ≥ ~45.5: Puolanka's and Sotkamo's FTE are lower bounds
    assert fte is not None and fte.low == 45.5 and fte.high is None
    kuhmo = next(row for row in full.rows if row.name == "Kuhmo")
    assert kuhmo.fte == Span.exact(6.0)  # 2.5 own advisors and 3.5 transferring
    # Kuhmo's staffing not written yet: the area's FTE is at least the other units'.
    partly = _without_staffing(area, "Kuhmo")
    table = caseload_table(partly, everything(partly), partly.snapshot(), BASE)
    row = table.area_row
    assert row.fte == Span(fte.low - 6.0, None, fte.approximate)
    assert row.clients == full.area_row.clients == 3217
    assert row.clients_per_advisor == Span(None, 3217 / (fte.low - 6.0), fte.approximate)
    assert row.status == "staffing incomplete"
    assert table.unstaffed == ["Kuhmo"]
    assert next(r for r in table.rows if r.name == "Kuhmo").status == "no staffing"
    staffing = staffing_table(partly, everything(partly), partly.snapshot(), BASE)
    assert staffing.area_row.planned_fte == row.fte
    assert staffing.area_row.status == "staffing incomplete"
    assert staffing.unstaffed == ["Kuhmo"]
    trend = trend_table(partly, everything(partly), BASE)
    point = trend.area_series.points[0]
    assert point.figures.fte == row.fte and point.figures.incomplete
    assert point.figures.clients_per_advisor == row.clients_per_advisor
    assert trend.unstaffed == ["Kuhmo"]


def test_an_area_with_no_staffing_written_has_none(area: Area) -> None:
    from tyollisyys_cli.core.trend import trend_table

    bare = _without_staffing(area, *(unit.name for unit in area.units))
    table = caseload_table(bare, everything(bare), bare.snapshot(), BASE)
    assert (table.area_row.fte, table.area_row.clients_per_advisor) == (None, None)
    assert table.area_row.status == "no staffing"
    assert table.unstaffed == []  # every unit's row says so itself
    staffing = staffing_table(bare, everything(bare), bare.snapshot(), BASE)
    assert staffing.area_row.status == "no staffing"
    assert staffing.area_row.planned_fte is None and staffing.area_row.gap is None
    trend = trend_table(bare, everything(bare), BASE)
    assert not trend.area_series.points[0].figures.incomplete


def test_a_complete_area_is_not_incomplete(area: Area) -> None:
    import dataclasses

    complete = dataclasses.replace(
        area, units=tuple(dataclasses.replace(unit, incomplete=None) for unit in area.units)
    )
    row = caseload_table(complete, everything(complete), complete.snapshot(), BASE).area_row
    assert row.status == "no target"
    assert row.fte == caseload_table(area, everything(area), area.snapshot(), BASE).area_row.fte


def test_an_area_row_of_commuting_rows_for_some_municipalities_says_so(area: Area) -> None:
    import dataclasses

    from tyollisyys_cli.views.commuting import commuting_view

    whole = commuting_table(area, everything(area))
    assert whole is not None and whole.missing == []
    assert area.commuting is not None
    first = area.commuting.rows[0]
    partial = dataclasses.replace(
        area, commuting=area.commuting.model_copy(update={"rows": [first]})
    )
    table = commuting_table(partial, everything(partial))
    assert table is not None
    name = area.municipality(first.municipality).name
    assert table.missing == [m.name for m in area.municipalities if m.name != name]
    assert table.area_row.jobs == first.working_in_own + first.commuting_in
    view = commuting_view(table, area.name)
    assert view.notes[-1].startswith(
        f"Area row: commuting.yaml has no row for {table.missing[0]}, "
    )
    assert not any(note.startswith("Area row:") for note in commuting_view(whole, area.name).notes)
    # The row says so itself, in every format (CSV has no notes beside it), and the whole
    # area's published figure is not set beside the sum of one municipality.
    total = len(area.municipalities)
    assert whole.area_row.name == f"{area.name} (area)"
    assert whole.area_row.self_sufficiency_published is not None
    assert table.area_row.name == f"{area.name} (area, 1 of {total})"
    assert table.area_row.self_sufficiency_published is None
    label = view.rows[-1]["municipality"]
    assert (str(label), label.shown) == (table.area_row.name, f"{area.name} (area, 1 of {total})")


def test_counts_in_notes_agree_with_their_numbers(area: Area) -> None:
    import dataclasses

    from tyollisyys_cli import i18n
    from tyollisyys_cli.views.directory import municipalities_view
    from tyollisyys_cli.views.incomplete import incomplete_notes

    assert municipalities_view(area, everything(area)).notes == [
        "10 municipalities, 8 service units."
    ]
    kajaani = next(unit for unit in area.units if unit.name == "Kajaani")
    plan = area.plan.model_copy(
        update={"municipalities": [m for m in area.municipalities if m.name == "Kajaani"]}
    )
    alone = dataclasses.replace(area, plan=plan, units=(kajaani,))
    assert municipalities_view(alone, everything(area)).notes == ["1 municipality, 1 service unit."]
    table = caseload_table(area, everything(area), area.snapshot(), BASE)
    assert table.incomplete is not None and len(table.incomplete) == 2
    assert "Their caseload counts only" in incomplete_notes(table.incomplete, None)[0]
    one = incomplete_notes(table.incomplete[:1], None)[0]
    assert one.startswith("Staffing incomplete: Kajaani: ") and ". Its caseload counts only" in one
    i18n.set_language("fi")
    try:
        assert municipalities_view(alone, everything(area)).notes == ["1 kunta, 1 palveluyksikkö."]
        assert (
            ". Sen asiakkaita per virkailija -luku on laskettu vain"
            in (incomplete_notes(table.incomplete[:1], None)[0])
        )
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("caseload", "target", "bar"),
    [
        (Span.exact(44), {"max": 100}, "=====●=====]·····"),  # Kuhmo against under 100
        (Span(26, 30), {"min": 90, "max": 120}, "··●─····[==]·····"),  # Suomussalmi
        (Span(100, 135), {"min": 90, "max": 120}, "········[=●]─····"),  # across the top
        (Span(None, 30), {"about": 100}, "───●·····[=]·····"),  # Puolanka's ≤ 30
    ],
)
def test_the_position_bar_draws_a_range_outside_the_band(
    caseload: Span, target: dict[str, float], bar: str
) -> None:
    """A range was one dot at its middle: 100–135 against 90–120 read as within."""
    from tyollisyys_cli.models.amounts import Target
    from tyollisyys_cli.views.caseload import position_bar

    assert position_bar(caseload, Target(**target)) == bar


def test_a_unit_without_staffing_is_not_said_to_state_no_transfer(tmp_path: Path) -> None:
    """Units with no staffing written yet were listed under "No stated transfer" too
    (beside "No staffing: …"); their stated transfer is blank, not 0.0."""
    data = copy_without_kuhmos_staffing(tmp_path)
    area = load_area(data)
    table = staffing_table(area, everything(area), area.snapshot(), BASE)
    assert table.pool is not None
    assert table.pool.units_without_stated_transfer == ["Kajaani", "Taivalkoski"]
    assert [row.stated_transfer for row in table.rows if row.name == "Kuhmo"] == [None]
    assert table.pool.units_without_staffing == ["Kuhmo"]
    # The check names it too (it left Kuhmo out of the units the pool is left for).
    result = CliRunner().invoke(app, ["--data-dir", str(data), "check", "--select", "STF003"])
    assert (
        "left, for Kajaani, Taivalkoski, which state none, and Kuhmo, whose staffing is not "
        "filled in yet;" in " ".join(result.output.split())
    )


def test_the_area_rows_missing_need_and_gap_are_explained(area: Area, tmp_path: Path) -> None:
    """The area row's FTE needed and gap were empty without a word (a unit has no target)."""
    from tyollisyys_cli.views.staffing import staffing_view

    def note(table: StaffingTable) -> list[str]:
        view = staffing_view(table, area.name)
        return [n for n in view.notes if n.startswith("The area row has no FTE needed")]

    table = staffing_table(area, everything(area), area.snapshot(), ClientBase())
    untargeted = [r.name for r in table.rows if r.target is None]
    assert untargeted and table.area_row.fte_needed is None  # (the bundled plan: Sotkamo)
    said = [
        f"The area row has no FTE needed and no gap: {', '.join(untargeted)} has no target "
        "to need them by."
    ]
    assert note(table) == said
    # The area row is the whole area's whichever places are shown.
    others = [m.name for m in area.municipalities if m.name not in untargeted]
    shown = staffing_table(area, resolve_places(area, others[:2]), area.snapshot(), ClientBase())
    assert note(shown) == said
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    apply(
        Replace(
            M,
            "    # Sotkamo states no clients-per-advisor target.\n",
            "    target: {min: 100, max: 150}\n",
        ),
        data,
    )
    every = load_area(data)
    complete = staffing_table(every, everything(every), every.snapshot(), ClientBase())
    assert complete.area_row.fte_needed is not None and note(complete) == []

"""One positive and one negative case per rule, on edited copies of the data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_check_support import Edit, area, claim, findings, municipality
from tyollisyys_cli.check.precision import compare, decimals_of
from tyollisyys_cli.check.rules import RULES

Data = dict[str, Any]
Row = tuple[object, ...]


def _set_totals(column: str, value: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["statistics_totals"][column] = value

    return edit


def _set_stat(name: str, column: str, value: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        municipality(plan, name)["statistics"][column] = value

    return edit


def _set_claim(claim_id: str, **values: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        entry = claim(plan, claim_id)
        entry.pop("value", None)
        entry.update(values)

    return edit


def _set_commuting(row: int | str, column: str, value: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        target = commuting["totals"] if row == "totals" else commuting["rows"][row]
        target[column] = value

    return edit


def _drop_commuting_row(row: int) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        del commuting["rows"][row]

    return edit


def _set_commuting_month(month: str) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        commuting["month"] = month

    return edit


def _set_pool(value: float) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["area"]["transfer_pool"]["customer_work_fte"] = {"about": value}

    return edit


def _set_withheld(low: int, high: int) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["area"]["withheld_cell"] = {"min": low, "max": high}

    return edit


def _both(first: Edit, second: Edit) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        first(plan, commuting)
        second(plan, commuting)

    return edit


def _set_municipality(name: str, field: str, value: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        municipality(plan, name)[field] = value

    return edit


def _add_municipality_like(like: str, **values: object) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["municipalities"].append({**copy.deepcopy(municipality(plan, like)), **values})

    return edit


def _repeat_staff_line(name: str, line: int) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        staffing = municipality(plan, name)["staffing"]
        staffing.insert(line + 1, copy.deepcopy(staffing[line]))

    return edit


def _set_staff_fte(name: str, line: int, fte: float) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        municipality(plan, name)["staffing"][line]["fte"] = fte

    return edit


def _drop_staffing(name: str) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        del municipality(plan, name)["staffing"]

    return edit


def _set_area_code(code: str) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["area"]["code"] = code

    return edit


def _set_whole_pool(value: float) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        plan["area"]["transfer_pool"]["total_fte"] = {"about": value}

    return edit


def _summary(tmp_path: Path, code: str, edit: Edit | None, *, with_info: bool) -> list[Row]:
    return [
        (
            f.severity,
            f.field,
            f.printed,
            None if f.computed is None else round(f.computed, 2),
            (f.computed_low, f.computed_high),
            None if f.difference is None else round(f.difference, 2),
        )
        for f in findings(area(tmp_path, edit), code)
        if with_info or f.severity != "info"
    ]


NONE = (None, None)
#: CLM002's infos of the seed's claims that no data can check (foreign-language job
#: seekers, the activation rates), in every CLM002 case.
UNCHECKABLE = [
    ("info", "claims[5].value", 734, None, NONE, None),
    ("info", "claims[11].value", 69.4, None, NONE, None),
    ("info", "claims[12].value", 65.3, None, NONE, None),
    ("info", "claims[13].value", 50, None, NONE, None),
]

# rule, edit of the consistent data, expected findings:
# (severity, field, printed, computed, (low, high), difference)
POSITIVE = [
    ("TOT001", _set_totals("open_vacancies", 1200),
     [("error", "statistics_totals.open_vacancies", 1200, 1199, NONE, 1)]),
    # Only the assumption (each withheld cell 1–4) rules 130 out: a warning.
    ("TOT002", _set_totals("under_20", 130),
     [("warning", "statistics_totals.under_20", 130, None, (67, 119), 11)]),
    # Fewer than the known cells alone (319): an error, against what the cells can hold
    # at all (each unknown cell 0 to its row's unemployed: Hyrynsalmi 78, Ristijärvi 34).
    ("TOT002", _set_totals("under_25", 300),
     [("error", "statistics_totals.under_25", 300, None, (319, 431), -19)]),
    ("TOT002", _set_totals("foreign", 254),
     [("warning", "statistics_totals.foreign", 254, None, (255, 261), -1)]),
    ("TOT002", _both(_set_withheld(1, 1), _set_totals("foreign", 258)),
     [("warning", "statistics_totals.foreign", 258, 255, NONE, 3)]),
    ("RAT001", _set_stat("Kajaani", "unemployment_rate", 8.4),
     [("warning", "municipalities[1].statistics.unemployment_rate", 8.4, 8.33, NONE, 0.07)]),
    ("RAT001", _set_stat("Kajaani", "unemployment_rate", 8.6),
     [("error", "municipalities[1].statistics.unemployment_rate", 8.6, 8.33, NONE, 0.27)]),
    ("RAT001", _set_totals("unemployment_rate", 8.9),
     [("error", "statistics_totals.unemployment_rate", 8.9, 8.29, NONE, 0.61)]),
    ("GRP001", _set_stat("Kajaani", "men", 815),
     [("error", "municipalities[1].statistics.unemployed", 1384, 1383, NONE, 1)]),
    ("GRP002", _set_totals("over_50", 4000),
     [("error", "statistics_totals.unemployed", 3217, 4000, NONE, -783)]),
    ("GRP003", _set_stat("Kajaani", "under_20", 210),
     [("error", "municipalities[1].statistics.under_20", 210, 203, NONE, 7)]),
    ("GRP001", _both(_set_stat("Kajaani", "men", 1384), _set_stat("Kajaani", "women", "withheld")),
     [("warning", "municipalities[1].statistics.unemployed", 1384, None, (1385, 1388), -1)]),
    ("GRP003", _set_stat("Hyrynsalmi", "under_20", 5),
     [("warning", "municipalities[0].statistics.under_20", 5, None, (1, 4), 1)]),
    ("COM001", _set_commuting(1, "job_self_sufficiency", 105.5),
     [("error", "rows[1].job_self_sufficiency", 105.5, 105.23, NONE, 0.27)]),
    ("COM001", _set_commuting(1, "job_self_sufficiency", 106),
     [("warning", "rows[1].job_self_sufficiency", 106, 105.23, NONE, 0.77)]),
    ("COM002", _set_commuting("totals", "job_self_sufficiency", 102),
     [("error", "totals.job_self_sufficiency", 102, 100.26, NONE, 1.74)]),
    ("COM002", _set_commuting("totals", "job_self_sufficiency", 101),
     [("warning", "totals.job_self_sufficiency", 101, 100.26, NONE, 0.74)]),
    ("COM003", _set_commuting("totals", "commuting_in", 6517),
     [("error", "totals.commuting_in", 6517, 6516, NONE, 1)]),
    # A row missing: the printed totals count it, so they are not the plan's error (four
    # COM003 errors and a COM002 error blamed the plan, and named no municipality).
    ("COM003", _drop_commuting_row(2),
     [("warning", "totals", None, None, NONE, None)]),
    # commuting.yaml of the plan's month: the two tables must agree, an error
    ("XRF001", _both(_set_commuting_month("2023-08"), _set_commuting(2, "labour_force", 3121)),
     [("error", "rows[2].labour_force", 3121, 3120, NONE, 1)]),
    # of no month (as the seed's): that it is the plan's month is the tool's assumption,
    # said in the message, and no error of the plan
    ("XRF001", _set_commuting(2, "labour_force", 3121),
     [("warning", "rows[2].labour_force", 3121, 3120, NONE, 1)]),
    ("CLM001", _set_claim("area-unemployed", value=3218),
     [("error", "claims[2].value", 3218, 3217, NONE, 1)]),
    ("CLM001", _set_claim("area-foreign-unemployed", value=254),
     [("warning", "claims[3].value", 254, None, (255, 261), -1)]),
    ("CLM001", _set_claim("area-foreign-unemployed", value=252),
     [("error", "claims[3].value", 252, None, (253, 365), -1)]),  # 253 + 78 + 34
    # An approximate claim over withheld cells: about 400 (to the hundred: 350–450) meets
    # what the cells can hold (253–365), not the assumption's 255–261: a warning; about
    # 253 against an assumed exact 255 too (an error before).
    ("CLM001", _set_claim("area-foreign-unemployed", value=400, approximate=True),
     [("warning", "claims[3].value", 400, None, (255, 261), 139)]),
    ("CLM001", _both(_set_withheld(1, 1),
                     _set_claim("area-foreign-unemployed", value=253, approximate=True)),
     [("warning", "claims[3].value", 253, 255, NONE, -2)]),
    # About 1 000 is to the thousand (500–1 500), and no count of the cells comes near:
    # an error, against what the cells can hold whatever they hold (253–365).
    ("CLM001", _set_claim("area-foreign-unemployed", value=1000, approximate=True),
     [("error", "claims[3].value", 1000, None, (253, 365), 635)]),
    # Withheld cells assumed to hold exactly 1 give an exact 255: 258 is ruled out by that
    # assumption only, a warning (it was an error: "the rows give 255").
    ("CLM001", _both(_set_withheld(1, 1), _set_claim("area-foreign-unemployed", value=258)),
     [("warning", "claims[3].value", 258, 255, NONE, 3)]),
    ("CLM001", _set_claim("area-long-term-unemployed", min=700, max=800),
     [("error", "claims[4].min", None, 812, NONE, None)]),
    # A claim of its own month is checked against that month's rows: 2023-08, the plan's.
    ("CLM001", _set_claim("area-unemployed", value=3218, month="2023-08"),
     [("error", "claims[2].value", 3218, 3217, NONE, 1)]),
    # Of a month not held: not checked, and said (it was checked against the plan's month)
    ("CLM002", _set_claim("area-unemployed", value=3217, month="2026-05"),
     [("info", "claims[2].value", 3217, None, NONE, None), *UNCHECKABLE]),
    # A unit whose staffing is not written (Kuusamo's cut out): its staffing claims are
    # said unchecked (they were left out without a word)
    ("CLM002", _drop_staffing("Kuusamo"),
     [UNCHECKABLE[0],
      ("info", "claims[6].value", 9, None, NONE, None),
      ("info", "claims[7].value", 140, None, NONE, None),
      *UNCHECKABLE[1:]]),
    ("CLM002", _set_claim("area-unemployed", value=3217, region="Lappi"),
     [("info", "claims[2].value", 3217, None, NONE, None), *UNCHECKABLE]),
    ("STF001", _set_claim("kuusamo-caseload-fte", value=10),
     [("error", "claims[6].value", 10, 9, NONE, 1)]),
    ("STF001", _set_claim("suomussalmi-transferring-advisors-fte", min=7, max=9),
     [("warning", "claims[10].min", None, None, (7, 8), None)]),
    ("STF002", _set_claim("kuusamo-clients-per-official", value=50, approximate=True),
     [("error", "claims[7].value", 50, 67.44, NONE, -17.44)]),
    ("STF003", _set_pool(20),
     [("error", "area.transfer_pool.customer_work_fte.about", 20, None, (25.5, None), -5.5)]),
    ("STF003", _set_whole_pool(24),
     [("error", "area.transfer_pool.customer_work_fte.about", 40, None, (25.5, None), 0)]),
    # within 10 % of a pool of about 24: the plan's own rounding, perhaps (was an error)
    ("STF003", _set_pool(24),
     [("warning", "area.transfer_pool.customer_work_fte.about", 24, None, (25.5, None), -1.5)]),
    ("STF003", _set_whole_pool(25),
     [("warning", "area.transfer_pool.customer_work_fte.about", 40, None, (25.5, None), 0)]),
    ("NAM001", _set_municipality("Kuhmo", "name", "Kuhmoo"),
     [("warning", "municipalities[2].name", None, None, NONE, None)]),
    ("NAM001", _set_municipality("Kuusamo", "region", "Kainuu"),
     [("warning", "municipalities[3].region", None, None, NONE, None)]),
    # A staff line pasted twice (or kept from both sides of a merge) doubled Kuhmo's FTE,
    # 6.0 to 9.5, without a word
    ("STF004", _repeat_staff_line("Kuhmo", 2),
     [("warning", "municipalities[2].staffing[3]", None, None, NONE, None)]),
    # Every municipality another area's: the area's code is said, once (it was ten infos)
    ("NAM001", _set_area_code("9"),
     [("info", "area.code", None, None, NONE, None)]),
    # Pudasjärvi (615), of Oulun seutu, added to the area: said (it was not)
    ("NAM001", _add_municipality_like("Kuhmo", code="615", name="Pudasjärvi",
                                      region="Pohjois-Pohjanmaa"),
     [("info", "municipalities[10].code", None, None, NONE, None)]),
]  # fmt: skip

NEGATIVE = [
    ("TOT001", None),
    ("TOT002", _set_totals("foreign", "withheld")),
    ("RAT001", _set_stat("Ristijärvi", "unemployment_rate", 7.0)),
    ("GRP001", _both(_set_stat("Kajaani", "men", 1381), _set_stat("Kajaani", "women", "withheld"))),
    ("GRP002", None),
    ("GRP003", _set_stat("Kajaani", "under_20", 203)),
    ("COM001", _set_commuting(1, "job_self_sufficiency", 105.2)),
    ("COM002", _set_commuting("totals", "job_self_sufficiency", 100.3)),
    ("COM003", None),
    ("COM002", _drop_commuting_row(2)),
    ("COM002", _both(_drop_commuting_row(2),
                     _set_commuting("totals", "job_self_sufficiency", 102))),
    ("XRF001", None),
    # of another month: its labour force may differ
    ("XRF001", _both(_set_commuting_month("2022-12"), _set_commuting(2, "labour_force", 3121))),
    ("CLM001", _set_claim("area-foreign-unemployed", value=258)),
    # About 250 (to the ten) meets the assumed 255–261: consistent (an error before:
    # "fewer than the known cells alone (253)").
    ("CLM001", _set_claim("area-foreign-unemployed", value=250, approximate=True)),
    # About 250 is about 255, to the ten: an approximate claim keeps its precision
    # where the assumed cells give an exact sum (it was an error, "fewer than 253").
    ("CLM001", _both(_set_withheld(1, 1),
                     _set_claim("area-foreign-unemployed", value=250, approximate=True))),
    # A printed total that only the assumption rules out is TOT002's warning, not
    # TOT001's error of a sum "exact" by the assumption.
    ("TOT001", _both(_set_withheld(1, 1), _set_totals("foreign", 258))),
    ("CLM002", _set_claim("kainuu-foreign-language-job-seekers", value=2433,
                          quantity="unemployed")),
    ("STF001", _set_claim("suomussalmi-transferring-advisors-fte", min=7, max=8)),
    ("STF002", _set_claim("kuusamo-clients-per-official", value=67, approximate=True)),
    ("STF003", _set_pool(26)),
    ("NAM001", _set_municipality("Kuhmo", "name", "Kuhmo")),
    ("MON001", None),  # (one month held: the plan's)
    # Two lines alike but for the FTE are two posts
    ("STF004", _both(_repeat_staff_line("Kuhmo", 2), _set_staff_fte("Kuhmo", 3, 1))),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "edit", "expected"),
    POSITIVE,
    ids=[f"{code}-{i}" for i, (code, _, _) in enumerate(POSITIVE)],
)
def test_rule_finds(tmp_path: Path, code: str, edit: Edit, expected: list[Row]) -> None:
    with_info = any(entry[0] == "info" for entry in expected)
    assert _summary(tmp_path, code, edit, with_info=with_info) == expected


@pytest.mark.parametrize(("code", "edit"), NEGATIVE, ids=[code for code, _ in NEGATIVE])
def test_rule_passes_consistent_figures(tmp_path: Path, code: str, edit: Edit | None) -> None:
    got = [f for f in findings(area(tmp_path, edit), code) if f.severity != "info"]
    assert got == []


def test_every_rule_module_is_registered_once_with_its_own_code() -> None:
    # (a rule module left out of the registry never ran, and nothing said so; one listed
    # twice reported "(GRP004; also GRP004)")
    from tyollisyys_cli.check import rules

    package = Path(rules.__file__).parent
    modules = sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")
    assert sorted(rules.MODULES) == modules
    codes = [rule.code for rule in RULES]
    assert len(set(codes)) == len(codes) == len(modules)
    named = zip(codes, rules.MODULES, strict=True)
    assert all(module.startswith(f"{code.lower()}_") for code, module in named)


#: Rules whose positive case needs a month file: in test_check_month.
MONTH_FILE_CASES = {"MON001"}


def test_every_rule_has_both_cases() -> None:
    codes = {rule.code for rule in RULES}
    assert {code for code, _, _ in POSITIVE} | MONTH_FILE_CASES == codes
    assert {code for code, _ in NEGATIVE} == codes


def _xrf001_messages(tmp_path: Path, *edits: Edit) -> list[tuple[str, str]]:
    """XRF001's messages where commuting.yaml names the plan's month (with none, each
    ends by saying it assumes that month: test_check_seed)."""
    found = findings(area(tmp_path, _all(_set_commuting_month("2023-08"), *edits)), "XRF001")
    return [(f.field, f.message) for f in found]


def _all(*edits: Edit) -> Edit:
    def edit(plan: Data, commuting: Data) -> None:
        for each in edits:
            each(plan, commuting)

    return edit


KUHMO = _set_commuting(2, "labour_force", 3121)  # Table 1: 3120
KAJAANI = _set_commuting(1, "labour_force", 16616)  # Table 1: 16615


def test_xrf001_one_finding_per_municipality_saying_what_follows(tmp_path: Path) -> None:
    """The totals rows differ by the rows' difference: said in the row's finding."""
    ((field, message),) = _xrf001_messages(
        tmp_path, KUHMO, _set_commuting("totals", "labour_force", 38800)
    )
    assert field == "rows[2].labour_force"
    assert message.startswith(
        "Kuhmo: labour force is 3 121 in the commuting table but 3 120 in the statistics "
        "table (municipalities.yaml line "
    )
    assert "; the totals rows differ by the same 1 (38 800 at commuting.yaml line " in message
    assert ", 38 799 at municipalities.yaml line " in message
    assert message.endswith(") follows the statistics table")
    assert ", and the text's 38 799 (municipalities.yaml line " in message


def test_xrf001_several_municipalities_make_the_totals_difference(tmp_path: Path) -> None:
    found = _xrf001_messages(
        tmp_path, KUHMO, KAJAANI, _set_commuting("totals", "labour_force", 38801)
    )
    assert [field for field, _ in found] == ["rows[1].labour_force", "rows[2].labour_force"]
    kajaani, kuhmo = (message for _, message in found)
    assert "; with Kuhmo, this makes the difference of 2 between the totals rows (38 801" in (
        kajaani
    )
    assert "; with Kajaani, this makes the difference of 2 between the totals rows" in kuhmo


def test_xrf001_leaves_other_disagreements_to_their_rules(tmp_path: Path) -> None:
    """A commuting total off its own rows is COM003's; a text figure off the statistics
    table is CLM001's: XRF001 reports neither, and does not claim to explain them."""
    assert _xrf001_messages(tmp_path, _set_commuting("totals", "labour_force", 38800)) == []
    assert _xrf001_messages(tmp_path, _set_claim("area-labour-force", value=38000)) == []
    ((_, message),) = _xrf001_messages(tmp_path, KUHMO)  # commuting total left at 38 799
    assert "totals rows" not in message
    assert message.endswith(") follows the statistics table")


def test_xrf001_text_following_the_commuting_table(tmp_path: Path) -> None:
    # (not "about" 38 800, which 38 799 would round to: CLM001 would find it consistent)
    edit = _all(KUHMO, _set_claim("area-labour-force", value=38800, approximate=False))
    ((_, message),) = _xrf001_messages(tmp_path, edit)
    assert "the text's 38 800 (municipalities.yaml line " in message
    assert message.endswith(") follows the commuting table")
    # The text against the statistics table stays CLM001's finding, at the claim.
    (clm001,) = findings(area(tmp_path / "again", edit), "CLM001")
    assert (clm001.field, clm001.printed, clm001.computed) == ("claims[1].value", 38800, 38799)


def test_tot002_info_says_what_unknown_cells_hold(tmp_path: Path) -> None:
    found = findings(area(tmp_path), "TOT002")
    assert [(f.field, f.severity) for f in found] == [
        ("statistics_totals.under_20", "info"),
        ("statistics_totals.under_25", "info"),
        ("statistics_totals.foreign", "info"),
    ]
    assert found[2].message.endswith("must hold 3 persons")


def test_tot002_silent_when_every_cell_known(tmp_path: Path) -> None:
    def known(plan: Data, commuting: Data) -> None:
        municipality(plan, "Hyrynsalmi")["statistics"]["foreign"] = 1
        municipality(plan, "Ristijärvi")["statistics"]["foreign"] = 2
        plan["statistics_totals"]["foreign"] = 256

    assert [f.field for f in findings(area(tmp_path, known), "TOT002")] == [
        "statistics_totals.under_20",
        "statistics_totals.under_25",
    ]


def test_stf002_info_gives_the_implied_factor(tmp_path: Path) -> None:
    (finding,) = findings(area(tmp_path), "STF002")
    assert finding.severity == "info"
    assert "2.08 × the unemployed" in finding.message


def test_stf003_info_when_transfers_fit(tmp_path: Path) -> None:
    (finding,) = findings(area(tmp_path), "STF003")
    assert finding.severity == "info"
    assert (finding.printed, finding.computed_low, finding.computed_high) == (40, 25.5, None)


def test_stf003_names_the_one_unit_that_states_no_transfer(tmp_path: Path) -> None:
    """`for Taivalkoski, which state none`: one unit states none."""

    def taivalkoski_states_one(plan: Data, commuting: Data) -> None:
        staffing = municipality(plan, "Taivalkoski")["staffing"]
        staffing.append(
            {"role": "työllisyysohjaaja", "fte": 1, "origin": "transferring", "caseload": True}
        )

    (finding,) = findings(area(tmp_path, taivalkoski_states_one), "STF003")
    assert ", for Kajaani, which states none;" in finding.message


def test_clm002_silent_without_uncheckable_claims(tmp_path: Path) -> None:
    def drop(plan: Data, commuting: Data) -> None:
        plan["claims"] = [
            c
            for c in plan["claims"]
            if c["quantity"] not in {"foreign_language_job_seekers", "foreign_activation_rate"}
        ]

    assert findings(area(tmp_path, drop), "CLM002") == []


def test_claims_of_a_plan_month_not_held_are_said_unchecked(tmp_path: Path) -> None:
    # (the plan's month moved on before its statistics came: `check` passed, its claims
    # left out without a word)
    def move_on(plan: Data, commuting: Data) -> None:
        for entry in plan["municipalities"]:
            del entry["statistics"]
        del plan["statistics_totals"]
        plan["area"]["reference_month"] = "2026-05"

    found = findings(area(tmp_path, move_on), "CLM002")
    unchecked = [f.field for f in found if "no statistics of the plan's month" in f.message]
    assert unchecked == [f"claims[{c}].value" for c in (0, 1, 2, 3, 4, 7)]
    assert found[0].message == (
        "the text states unemployment rate as about 8.3 %; this cannot be checked: the data "
        "hold no statistics of the plan's month 2026-05 (area.reference_month)"
    )
    assert findings(area(tmp_path / "again", move_on), "CLM001") == []


def test_commuting_rules_skip_an_area_without_commuting(tmp_path: Path) -> None:
    def drop(plan: Data, commuting: Data) -> None:
        commuting.clear()

    from test_check_support import seed_data, write_area
    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.check.runner import run

    plan, _ = seed_data()
    folder = write_area(tmp_path / "no-commuting", plan, None)
    codes = {f.code for f in run(load_area(folder)).findings}
    assert codes.isdisjoint({"COM001", "COM002", "COM003", "XRF001"})
    assert "TOT001" in codes


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [("8.9", 8.9, 1), ("105", 105.0, 0), ("91.773", 91.773, 3), ("7", 7.0, 0),
     ("7.0", 7.0, 1), (None, 8.25, 2)],
)  # fmt: skip
def test_decimals_follow_the_written_text(text: str | None, value: float, decimals: int) -> None:
    assert decimals_of(text, value) == decimals


@pytest.mark.parametrize(
    ("printed", "computed", "decimals", "expected"),
    [
        (8.3, 8.33, 1, None),
        (8.3, 8.25, 1, None),
        (8.4, 8.33, 1, "warning"),
        (8.9, 8.29, 1, "error"),
        (105, 104.46, 0, "warning"),
        (105, 105.23, 0, None),
        (89.13, 78.95, 2, "error"),
    ],
)
def test_printed_precision(printed: float, computed: float, decimals: int, expected: str) -> None:
    assert compare(printed, computed, decimals) == expected


@given(
    st.floats(min_value=0, max_value=1000, allow_nan=False),
    st.integers(min_value=0, max_value=3),
)
def test_a_correctly_rounded_figure_is_consistent(value: float, decimals: int) -> None:
    assert compare(round(value, decimals), value, decimals) is None


@given(
    st.floats(min_value=0, max_value=1000, allow_nan=False),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=2, max_value=50),
)
def test_beyond_one_unit_is_an_error(value: float, decimals: int, units: int) -> None:
    printed = round(value, decimals) + units * 10.0**-decimals
    assert compare(printed, value, decimals) == "error"


@pytest.mark.parametrize(
    ("value", "severity"),
    [
        (38800, None),  # "noin 38 800": 38 799 rounds to it
        (39000, None),  # to the thousand
        (38700, "warning"),  # within one hundred: rounding
        (38900, "error"),  # 101 off
        (38850, "error"),  # to the ten: 51 off
    ],
)
def test_an_approximate_count_in_the_text_is_as_precise_as_its_zeros(
    tmp_path: Path, value: int, severity: str | None
) -> None:
    import shutil

    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.area.paths import bundled_data_dir
    from tyollisyys_cli.check.runner import run as run_check

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    plan = data / "municipalities.yaml"
    text = plan.read_text("utf-8")
    claim = "quantity: labour_force\n    value: 38799\n"
    assert text.count(claim) == 1
    plan.write_text(text.replace(claim, claim.replace("38799", str(value))), "utf-8")
    findings = [
        f
        for f in run_check(load_area(data)).findings
        if f.code == "CLM001" and f.message.startswith("the text states labour force")
    ]
    if severity is None:
        assert findings == []
    else:
        assert [(f.severity, f.message) for f in findings] == [
            (
                severity,
                f"the text states labour force in the area as about {value:,}, but the "
                "statistics table's rows give 38 799".replace(",", " ", 1),
            )
        ]


@pytest.mark.parametrize(
    ("edit", "messages"),
    [
        (
            _set_municipality("Kuhmo", "name", "Kuhmoo"),
            ["290 is named Kuhmoo, but Kuhmo in the municipality classification of 2025"],
        ),
        (
            _set_municipality("Kuusamo", "region", "Kainuu"),
            [
                "Kuusamo: the region is Kainuu, but Pohjois-Pohjanmaa in the municipality "
                "classification of 2025"
            ],
        ),
        # A bilingual municipality may be named in Swedish (Kajaani: Kajana).
        (_set_municipality("Kajaani", "name", "Kajana"), []),
    ],
)
def test_names_are_set_against_the_classification(
    tmp_path: Path, edit: Edit, messages: list[str]
) -> None:
    assert [f.message for f in findings(area(tmp_path, edit), "NAM001")] == messages


def test_a_code_the_classification_lacks_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kuhmo's code (290) taken out of the classification, as a merged municipality's."""
    from tyollisyys_cli.check.rules import nam001_classified_names as rule
    from tyollisyys_cli.reference.classification import municipalities

    held = {code: m for code, m in municipalities().items() if code != "290"}
    monkeypatch.setattr(rule, "municipalities", lambda: held)
    found = [(f.severity, f.field, f.message) for f in findings(area(tmp_path, None), "NAM001")]
    assert found == [
        (
            "info",
            "municipalities[2].code",
            "Kuhmo: code 290 is not in the municipality classification of 2025 (merged since, "
            "or mistyped?)",
        )
    ]


def test_one_assumed_person_is_said_in_the_singular(tmp_path: Path) -> None:
    """`{min: 1, max: 1}`: "each withheld cell holds 1 persons"."""
    edit = _both(_set_withheld(1, 1), _set_claim("area-foreign-unemployed", value=258))
    (finding,) = findings(area(tmp_path, edit), "CLM001")
    assert "assuming each withheld cell holds 1 person, as set in area.withheld_cell" in (
        finding.message
    )


def test_a_claims_place_with_braces_is_no_placeholder(tmp_path: Path) -> None:
    """A unit id `pal{t}` and a claim's misspelt place `pal{t}o` was an internal error
    (KeyError: 't'): the suggestion was formatted again."""
    from tyollisyys_cli.errors import DataErrors

    def edit(plan: Data, commuting: Data) -> None:
        plan["service_units"][0]["id"] = "pal{t}"
        for m in plan["municipalities"]:
            if m.get("service_unit") == "paltamo":
                m["service_unit"] = "pal{t}"
        for c in plan["claims"]:
            if c.get("place") == "paltamo":
                c["place"] = "pal{t}o"

    with pytest.raises(DataErrors) as raised:
        area(tmp_path, edit)
    assert "unknown place 'pal{t}o': expected a municipality code or a service unit id; " in (
        str(raised.value)
    )


def test_an_approximate_claim_no_count_gives_is_said_without_the_assumption(
    tmp_path: Path,
) -> None:
    """An error of an approximate claim read as if the assumption about withheld cells
    caused it ("rows give 255–261; assuming each withheld cell holds 1–4 persons"): it
    gives what the cells can hold whatever they hold."""
    edit = _set_claim("area-foreign-unemployed", value=1000, approximate=True)
    (finding,) = findings(area(tmp_path, edit), "CLM001")
    assert finding.severity == "error"
    assert finding.message.endswith(
        "as about 1 000, but the statistics table's rows can hold only 253–365, whatever the "
        "2 withheld cells (Hyrynsalmi, Ristijärvi) hold"
    )
    assert "assuming" not in finding.message


def test_a_commuting_table_without_a_row_names_it(tmp_path: Path) -> None:
    edited = area(tmp_path, _drop_commuting_row(2))
    assert edited.commuting is not None
    held = {row.municipality for row in edited.commuting.rows}
    (missing,) = [m.name for m in edited.municipalities if m.code not in held]
    (finding,) = findings(edited, "COM003")
    assert finding.message == (
        f"commuting table: no row for {missing}, so the printed totals (and the area's "
        "self-sufficiency, COM002) are not checked against the rows; write the missing "
        "rows as printed"
    )


def test_repeated_staff_lines_and_unstaffed_claims_say_where(tmp_path: Path) -> None:
    # (STF004 named the first line by its line only: the same line in a one-line list;
    # CLM002 named no place of a staffing claim, so several read alike)
    repeated = findings(area(tmp_path / "a", _repeat_staff_line("Kuhmo", 2)), "STF004")
    first = repeated[0].line
    assert first is not None
    assert [f.message.split(" in every field")[0] for f in repeated] == [
        "Kuhmo: this staff line (TE-hallinnon asiakaspalveluhenkilöstö) is the same as "
        f"staffing[2] (line {first - 6})"  # (a line written in six lines, just above)
    ]
    unstaffed = findings(area(tmp_path / "b", _drop_staffing("Kuusamo")), "CLM002")
    assert [f.message for f in unstaffed if "no staffing" in f.message] == [
        "the text states caseload-carrying FTE in Kuusamo as 9; this cannot be checked: no "
        "staffing is written for Kuusamo",
        "the text states clients per advisor in Kuusamo as about 140; this cannot be checked: "
        "no staffing is written for Kuusamo",
    ]

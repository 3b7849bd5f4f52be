"""The whole seed data set: every inconsistency the plan contains, found exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from lines import line_of
from test_check_support import SEED, area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.runner import run

M, C = "municipalities.yaml", "commuting.yaml"


def at(name: str, needle: str, *, after: str | None = None) -> int:
    """The line of the seed file `name` that holds `needle` (see lines.line_of)."""
    return line_of(SEED / name, needle, after=after)


TOTALS = "statistics_totals:"
# code, severity, file, line, field, printed, computed (or low–high range), difference
EXPECTED = [
    ("COM001", "error", C, at(C, "job_self_sufficiency: 89.13"), "rows[0].job_self_sufficiency",
     89.13, 78.95, 10.18),
    ("XRF001", "warning", C, at(C, "labour_force: 4709"), "rows[6].labour_force", 4709, 4706, 3),
    ("COM001", "warning", C, at(C, "job_self_sufficiency: 105", after="labour_force: 4709"),
     "rows[6].job_self_sufficiency", 105, 104.46, 0.54),
    ("COM002", "error", C, at(C, "job_self_sufficiency: 91.773"), "totals.job_self_sufficiency",
     91.773, 100.26, -8.49),
    ("STF003", "info", M, at(M, "customer_work_fte: {about: 40}"),
     "area.transfer_pool.customer_work_fte.about", 40, (25.5, None), 0),
    ("RAT001", "error", M, at(M, "unemployment_rate: 8.9", after=TOTALS),
     "statistics_totals.unemployment_rate", 8.9, 8.29, 0.61),
    ("TOT001", "error", M, at(M, "unemployed: 321"), "statistics_totals.unemployed",
     321, 3217, -2896),
    ("TOT002", "info", M, at(M, "under_20: 76", after=TOTALS), "statistics_totals.under_20",
     76, (67, 119), 0),
    ("TOT002", "info", M, at(M, "under_25: 325", after=TOTALS), "statistics_totals.under_25",
     325, (320, 357), 0),
    ("TOT002", "warning", M, at(M, "foreign: 253", after=TOTALS), "statistics_totals.foreign",
     253, (255, 261), -2),
    ("CLM001", "error", M, at(M, "value: 8.9", after="claims:"), "claims[0].value",
     8.9, 8.29, 0.61),
    ("CLM001", "warning", M, at(M, "value: 253", after="claims:"), "claims[3].value",
     253, (255, 261), -2),
    ("CLM002", "info", M, at(M, "value: 734", after="claims:"), "claims[5].value",
     734, None, None),
    ("STF002", "info", M, at(M, "value: 140", after="claims:"), "claims[7].value",
     140, 67.44, 72.56),
    # the activation rates of foreign job seekers: text claims the data cannot check
    ("CLM002", "info", M, at(M, "value: 69.4", after="claims:"), "claims[11].value",
     69.4, None, None),
    ("CLM002", "info", M, at(M, "value: 65.3", after="claims:"), "claims[12].value",
     65.3, None, None),
    ("CLM002", "info", M, at(M, "value: 50", after="claims:"), "claims[13].value",
     50, None, None),
]  # fmt: skip


def _row(finding: Finding) -> tuple[object, ...]:
    if finding.computed is not None:
        computed: object = round(finding.computed, 2)
    elif finding.computed_low is not None or finding.computed_high is not None:
        computed = (finding.computed_low, finding.computed_high)
    else:
        computed = None
    difference = None if finding.difference is None else round(finding.difference, 2)
    return (
        finding.code,
        finding.severity,
        finding.file.name,
        finding.line,
        finding.field,
        finding.printed,
        computed,
        difference,
    )


def test_seed_findings_exactly() -> None:
    outcome = run(load_area(SEED))
    assert [_row(f) for f in outcome.findings] == EXPECTED
    assert outcome.counts == {"error": 5, "warning": 4, "info": 8}
    assert outcome.exit_code == 1
    assert [(f.code, f.also) for f in outcome.findings if f.also] == [
        ("TOT001", ("GRP001", "GRP002"))
    ]


def test_seed_wrong_total_once() -> None:
    """The typed 321 (for 3 217) is one wrong figure: one finding, naming all it
    disagrees with."""
    (finding,) = [f for f in run(load_area(SEED)).findings if f.printed == 321]
    assert finding.message == (
        "unemployed: the total is printed as 321, but the 10 municipalities' rows sum to "
        "3 217 (difference -2 896); it also disagrees with men + women = 3 217 and with 6 of "
        "its own groups, each larger than it (unemployed men: 1 911, unemployed women: 1 306, "
        "unemployed under 25: 325, unemployed over 50: 1 446, long-term unemployed: 812, "
        "disabled and long-term ill unemployed: 599)"
    )


def test_seed_foreign_total_is_the_shown_cells() -> None:
    """253 is exactly the sum of the shown cells: a warning with both readings, the
    assumption about withheld cells stated, in the totals row and in the text alike."""
    found = [f for f in run(load_area(SEED)).findings if f.printed == 253]
    assert [(f.code, f.severity) for f in found] == [("TOT002", "warning"), ("CLM001", "warning")]
    withheld = (
        ", exactly the sum of the shown cells; assuming each withheld cell holds 1–4 persons, "
        "as set in area.withheld_cell, the 2 withheld cells (Hyrynsalmi, Ristijärvi) hold 2–8 "
        "more: 255–261 in all. Either the withheld cells were counted as 0, or "
    )
    assert found[0].message == (
        f"unemployed foreign nationals: the total is printed as 253{withheld}the total leaves "
        "them out"
    )
    assert found[1].message == (
        f"the text states unemployed foreign nationals in the area as 253{withheld}the text's "
        "figure leaves them out"
    )


def test_seed_columns_point_at_the_printed_values() -> None:
    outcome = run(load_area(SEED))
    lines = {
        path.name: path.read_text(encoding="utf-8").splitlines()
        for path in {f.file for f in outcome.findings}
    }
    for finding in outcome.findings:
        assert finding.line is not None and finding.column is not None
        text = lines[finding.file.name][finding.line - 1][finding.column - 1 :]
        assert finding.printed is not None
        assert text.startswith(f"{finding.printed:g}"), (finding.code, text)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("COM002", "close to the mean of the municipalities' printed percentages (91.80 %)"),
        ("RAT001", "the printed figure is the mean of the municipalities' rates (8.92 %)"),
        ("CLM001", "3 217 unemployed / 38 799 labour force = 8.29 %"),
        ("STF002", "implies about 1 260 clients, 2.08 × the unemployed"),
        ("STF003", "up to 14.5 FTE left, for Kajaani, Taivalkoski, which state none"),
        ("CLM002", "cannot be checked"),
        ("XRF001", "4 709 in the commuting table but 4 706 in the statistics table"),
        (
            "XRF001",
            "; the totals rows differ by the same 3 (38 802 at commuting.yaml line "
            f"{at(C, 'labour_force: 38802')}, 38 799 at municipalities.yaml line "
            f"{at(M, 'labour_force: 38799', after=TOTALS)}), and the text's 38 799 "
            f"(municipalities.yaml line {at(M, 'value: 38799')}) follows the statistics table; "
            "the commuting table gives no month: this assumes it is of the plan's month, "
            "2023-08",
        ),
    ],
)
def test_seed_messages_explain(code: str, words: str) -> None:
    messages = [f.message for f in run(load_area(SEED)).findings if f.code == code]
    assert any(words in message for message in messages), messages


def test_seed_withheld_cells_must_hold() -> None:
    messages = [f.message for f in run(load_area(SEED)).findings if f.code == "TOT002"]
    assert "the known cells sum to 61" in messages[0]
    assert "6 withheld cells" in messages[0] and "1 missing cell (Ristijärvi)" in messages[0]
    assert messages[0].endswith("must hold 15 persons")
    assert "the known cells sum to 319" in messages[1] and messages[1].endswith("hold 6 persons")
    assert "the 2 withheld cells (Hyrynsalmi, Ristijärvi)" in messages[2]


def test_consistent_claims_give_no_findings() -> None:
    """Kuhmo 3.5, Kuusamo 9 = 5 + 3 + 1, Paltamo 4, Suomussalmi 7–8, 3 217 unemployed, 812."""
    fields = {f.field for f in run(load_area(SEED)).findings}
    for index in (2, 4, 6, 8, 9, 10):
        assert f"claims[{index}].value" not in fields
        assert f"claims[{index}].min" not in fields


def test_corrected_seed_passes(tmp_path: Path) -> None:
    outcome = run(area(tmp_path), fail_on="warning")
    assert outcome.counts == {"error": 0, "warning": 0, "info": 9}
    assert [(f.code, f.field) for f in outcome.findings if f.code == "TOT002"] == [
        ("TOT002", "statistics_totals.under_20"),
        ("TOT002", "statistics_totals.under_25"),
        ("TOT002", "statistics_totals.foreign"),
    ]
    assert outcome.exit_code == 0

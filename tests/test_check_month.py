"""`check --month`: the statistics of one month, besides the plan's own files and month.

The data folder holds the plan (2023-08, in municipalities.yaml) and two imported
months, each with one figure that does not add up: in 2026-05 Kajaani's men (1 168 +
899 women ≠ 2 066 unemployed, GRP001), in 2026-06 Kuhmo's printed rate (12.8 % where
344 / 2 905 = 11.84 %, RAT001). The plan itself has its 5 errors (wrong figures), 4
warnings and 5 info. An imported month's figures are "published", the plan's "printed".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from clirunner import CliRunner
from edits import MONTH_HEADER
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
runner = CliRunner()

PLAN = {"error": 5, "warning": 4, "info": 8}
MAY = ("GRP001", "statistics/2026-05.csv", "rows[1].unemployed", 2066)
JUNE = ("RAT001", "statistics/2026-06.csv", "rows[2].unemployment_rate", 12.8)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def area_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("months") / "area"
    shutil.copytree(bundled_data_dir(), target)
    result = runner.invoke(app, ["--data-dir", str(target), "import", "statfin", str(EXPORT)])
    assert result.exit_code == 0, result.output
    june = target / "statistics" / "2026-06.csv"
    may = target / "statistics" / "2026-05.csv"  # the month is the file's name
    shutil.copyfile(june, may)
    _edit(may, "\n205,16917,12.2,2066,1167,899,", "\n205,16917,12.2,2066,1168,899,")  # Kajaani
    _edit(june, "\n290,2905,11.8,344,", "\n290,2905,12.8,344,")  # Kuhmo
    return target


def check(area_dir: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["--data-dir", str(area_dir), "check", "-f", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def monthly(document: dict[str, Any]) -> list[tuple[object, ...]]:
    """The findings in the monthly statistics files."""
    return [
        (f["code"], "/".join(Path(f["file"]).parts[-2:]), f["field"], f["printed"])
        for f in document["findings"]
        if "statistics" in Path(f["file"]).parts
    ]


def plus(extra: int) -> dict[str, int]:
    return {**PLAN, "error": PLAN["error"] + extra}


def test_every_month_without_month(area_dir: Path) -> None:
    code, document = check(area_dir)
    assert code == 1
    assert document["months"] == ["2023-08", "2026-05", "2026-06"]
    assert monthly(document) == [MAY, JUNE]
    assert document["summary"] == plus(2)


@pytest.mark.parametrize(
    ("month", "months", "found"),
    [
        ("2026-06", ["2023-08", "2026-06"], [JUNE]),
        ("2026-05", ["2023-08", "2026-05"], [MAY]),
        ("2023-08", ["2023-08"], []),
    ],
)
def test_month_checks_that_month_and_the_plan(
    area_dir: Path, month: str, months: list[str], found: list[tuple[object, ...]]
) -> None:
    code, document = check(area_dir, "--month", month)
    assert code == 1
    assert document["months"] == months
    assert monthly(document) == found
    assert document["summary"] == plus(len(found))  # the plan's findings every time
    fields = {f["field"] for f in document["findings"]}
    assert {"statistics_totals.unemployed", "rows[6].labour_force", "claims[0].value"} <= fields


def test_month_with_select_and_fail_on(area_dir: Path) -> None:
    code, document = check(area_dir, "--month", "2026-06", "--select", "RAT")
    assert [f["field"] for f in document["findings"]] == [
        "statistics_totals.unemployment_rate",  # the plan's totals row: 8.9 % printed
        "rows[2].unemployment_rate",
    ]
    code, document = check(area_dir, "--month", "2023-08", "--select", "GRP001,RAT")
    assert [f["field"] for f in document["findings"]] == [
        "statistics_totals.unemployment_rate",
        "statistics_totals.unemployed",
    ]
    assert code == 1


def test_unknown_month_is_the_same_error_as_elsewhere(area_dir: Path) -> None:
    month = "2024-01"
    result = runner.invoke(app, ["--data-dir", str(area_dir), "check", "--month", month])
    other = runner.invoke(app, ["--data-dir", str(area_dir), "unemployment", "--month", month])
    assert (result.exit_code, other.exit_code) == (2, 2)
    assert (
        result.stderr
        == other.stderr
        == (f"error: no statistics for {month}; the data holds 2023-08, 2026-05, 2026-06\n")
    )
    assert result.stdout == ""


def test_not_a_month_is_the_same_usage_error_as_elsewhere(area_dir: Path) -> None:
    result = runner.invoke(app, ["--data-dir", str(area_dir), "check", "--month", "2026-06-01"])
    other = runner.invoke(
        app, ["--data-dir", str(area_dir), "unemployment", "--month", "2026-06-01"]
    )
    assert (result.exit_code, other.exit_code) == (2, 2)
    error = (
        "Error: Invalid value for '--month': 2026-06-01 is not a month; write YYYY-MM or M/YYYY, "
        "e.g. 2023-08 or 8/2023"
    )
    assert " ".join(result.stderr.split()[-20:]) == " ".join(other.stderr.split()[-20:])
    assert error in " ".join(result.stderr.split())
    assert result.stdout == ""


def test_text_report_with_month(area_dir: Path) -> None:
    result = runner.invoke(app, ["--data-dir", str(area_dir), "check", "--month", "2026-05"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 18
    assert lines[-1].endswith(
        "statistics/2026-05.csv:3:16: [error] Kajaani: unemployed is published as 2 066, "
        "but men + women = 2 067 (GRP001)"
    )
    assert (
        result.stderr
        == "6 wrong figures (errors), 4 warnings, 8 info: fails with --fail-on error\n"
    )


def test_imported_figures_are_published_the_plans_printed(area_dir: Path) -> None:
    _, document = check(area_dir, "--month", "2026-06", "--select", "RAT")
    plan, june = (f["message"] for f in document["findings"])
    assert plan.startswith("area unemployment rate is printed as 8.9 %")
    assert june == "Kuhmo: unemployment rate is published as 12.8 %, but 344 / 2 905 = 11.84 %"


@pytest.mark.parametrize(
    ("men", "severity", "ending"),
    [
        (1164, "info", "(a difference of the source, not an error)"),  # 3 more: the source's
        (1157, "info", "(a difference of the source, not an error)"),  # 10: 0.5 % of 2 066
        (
            1100,
            "warning",
            "more than 12r5's own difference (at most 3 persons, or 0.5 % where that is "
            "more); is the month's file as published?",
        ),
    ],
)
def test_a_12r5_total_far_above_men_and_women_is_a_warning(
    tmp_path: Path, men: int, severity: str, ending: str
) -> None:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    result = runner.invoke(app, ["--data-dir", str(target), "import", "statfin", str(EXPORT)])
    assert result.exit_code == 0, result.output
    june = target / "statistics" / "2026-06.csv"
    _edit(june, "\n205,16917,12.2,2066,1167,899,", f"\n205,16917,12.2,2066,{men},899,")
    _code, document = check(target, "--month", "2026-06", "--select", "GRP001")
    (found,) = [f for f in document["findings"] if f["file"].endswith("2026-06.csv")]
    assert (found["severity"], found["field"]) == (severity, "rows[1].unemployed")
    assert found["message"].startswith(
        f"Kajaani: unemployed is published as 2 066, {2066 - men - 899} more than men + women"
    )
    assert found["message"].endswith(ending)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 2026-06's own figure: no finding, with the check of either month
        (4422, []),
        # the plan's 3 217 of 2023-08, stated as of 2026-06: against 2026-06's rows (it was
        # checked against the plan's month whatever month the claim gave)
        (
            3217,
            [
                "the text states unemployed in the area, 2026-06 as 3 217, but the "
                "statistics table's rows give 4 422"
            ],
        ),
    ],
)
def test_a_claim_of_its_own_month_is_checked_against_that_month(
    area_dir: Path, tmp_path: Path, value: int, expected: list[str]
) -> None:
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    _edit(
        target / "municipalities.yaml",
        "    quantity: unemployed\n    value: 3217\n",
        f'    quantity: unemployed\n    value: {value}\n    month: "2026-06"\n',
    )
    for month in ([], ["--month", "2026-05"]):  # (a claim's month is kept by --month)
        _code, document = check(target, "--select", "CLM001", *month)
        claims = [f["message"] for f in document["findings"] if f["field"] == "claims[2].value"]
        assert claims == expected


def test_a_month_that_is_a_copy_of_another_is_a_warning(area_dir: Path, tmp_path: Path) -> None:
    # (a month file copied to fill a gap showed the other month's figures as its own, in
    # trend and the report, and check said nothing)
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    assert check(target, "--select", "MON001")[1]["findings"] == []  # (one cell differs)
    shutil.copyfile(target / "statistics" / "2026-06.csv", target / "statistics" / "2026-05.csv")
    code, document = check(target, "--select", "MON001")
    assert code == 0
    assert [
        ("/".join(Path(f["file"]).parts[-2:]), f["line"], f["field"], f["severity"], f["message"])
        for f in document["findings"]
    ] == [
        (
            "statistics/2026-06.csv",
            2,
            "rows[0]",  # (the row, not its unemployed: GRP001's finding there stays its own)
            "warning",
            "every figure of 2026-06 is that of 2026-05 (statistics/2026-05.csv), in every "
            "row: one of the two months is likely a copy of the other; import each from "
            "Statistics Finland",  # (the other file as the folder names it: it was absolute)
        )
    ]


@pytest.mark.parametrize(
    ("month", "note"),
    [
        (
            None,
            "The plan's Kuusamo statement (about 140 clients per advisor at 9 FTE, 1 260 "
            "clients) implies --clients-per-unemployed 2.08 over 607 unemployed in the plan's "
            "month.",
        ),
        # (a statement of its own month is set against that month's unemployed: it was
        # set against the plan's month's whatever month it gave)
        (
            "2026-06",
            "The plan's Kuusamo statement (about 140 clients per advisor at 9 FTE, 1 260 "
            "clients) implies --clients-per-unemployed 1.57 over 805 unemployed in 2026-06, "
            "the month it is of.",
        ),
        ("2026-04", None),  # (a month not held: no factor to give)
    ],
)
def test_a_stated_caseload_implies_its_factor_over_its_own_month(
    area_dir: Path, tmp_path: Path, month: str | None, note: str | None
) -> None:
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    if month:
        _edit(
            target / "municipalities.yaml",
            "    value: 140\n    approximate: true\n",
            f'    value: 140\n    approximate: true\n    month: "{month}"\n',
        )
    result = runner.invoke(app, ["--data-dir", str(target), "caseload", "-f", "json"])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["metadata"]["notes"]
    assert [n for n in notes if n.startswith("The plan's Kuusamo statement")] == (
        [note] if note else []
    )


@pytest.mark.parametrize("command", ["caseload", "staffing", "allocate"])
@pytest.mark.parametrize(
    ("month", "note"),
    [
        (
            [],
            "The FTE are the plan's staffing (of 2023-08, in municipalities.yaml), whatever "
            "the month; the clients are of 2026-06.",
        ),
        (["--month", "2023-08"], None),  # (the plan's own month)
    ],
)
def test_a_table_of_another_month_says_whose_staffing_it_divides_by(
    area_dir: Path, command: str, month: list[str], note: str | None
) -> None:
    # (after a new plan, a table of an old month showed the new plan's staffing and
    # targets under the old month's title, and nothing said so)
    result = runner.invoke(app, ["--data-dir", str(area_dir), command, "-f", "json", *month])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["metadata"]["notes"]
    assert [n for n in notes if n.startswith("The FTE are")] == ([note] if note else [])


def test_a_month_linked_to_another_is_named_and_never_written_through(
    area_dir: Path, tmp_path: Path
) -> None:
    # (import --replace of the link's month wrote through it: 2026-06 got May's figures,
    # as MON001's advice to import the month led to)
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    june = target / "statistics" / "2026-06.csv"
    (target / "statistics" / "2026-05.csv").unlink()
    (target / "statistics" / "2026-05.csv").symlink_to("2026-06.csv")
    _code, document = check(target, "--select", "MON001")
    assert [(Path(f["file"]).name, f["message"]) for f in document["findings"]] == [
        (
            "2026-05.csv",  # (the link, not the month it leads to, which the warning was at)
            "statistics/2026-05.csv is a link to 2026-06.csv: the figures of 2026-05 are that "
            "file's; remove the link and import 2026-05 from Statistics Finland",
        )
    ]
    june_before = june.read_bytes()
    may = tmp_path / "may.json"
    may.write_text(EXPORT.read_text("utf-8").replace("2026M06", "2026M05"), "utf-8")
    result = runner.invoke(
        app, ["--data-dir", str(target), "import", "statfin", str(may), "--replace"]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: cannot write {target}/statistics/2026-05.csv: it is a link (to 2026-06.csv), "
        "and an import writes the month's own file; remove the link and import again"
    ]
    assert june.read_bytes() == june_before


def test_a_stated_caseload_of_its_own_month_names_it(area_dir: Path, tmp_path: Path) -> None:
    # (STF002 named no month, where CLM001 names the claim's own)
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    _edit(
        target / "municipalities.yaml",
        "    value: 140\n    approximate: true\n",
        '    value: 50\n    approximate: true\n    month: "2026-06"\n',
    )
    _code, document = check(target, "--select", "STF002")
    assert [f["message"] for f in document["findings"]] == [
        "Kuusamo, 2026-06: the text states about 50 clients per official at 9 caseload FTE, "
        "but 805 unemployed / 9 = 89.44: fewer clients than the unemployed job seekers alone"
    ]


def test_months_linked_to_one_file_are_each_named_as_links(
    area_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (two links to 2026-06.csv: the second was said to hold "that of 2026-04", the
    # first link's month, not the file it leads to). Below the working folder a report
    # names a link by the file it leads to, whose lines its line counts (a GitHub
    # annotation at the link's name finds no such line): the message names the link.
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    (target / "statistics" / "2026-05.csv").unlink()
    for linked in ("2026-04.csv", "2026-05.csv"):
        (target / "statistics" / linked).symlink_to("2026-06.csv")
    monkeypatch.chdir(tmp_path)
    _code, document = check(Path("area"), "--select", "MON001")
    assert [(f["file"], f["line"], f["message"]) for f in document["findings"]] == [
        (
            "area/statistics/2026-06.csv",
            2,
            f"statistics/{linked} is a link to 2026-06.csv: the figures of {linked[:7]} are "
            f"that file's; remove the link and import {linked[:7]} from Statistics Finland",
        )
        for linked in ("2026-04.csv", "2026-05.csv")
    ]


def test_the_plans_month_in_a_linked_municipalities_file_is_no_copy(
    area_dir: Path, tmp_path: Path
) -> None:
    # (a municipalities.yaml linked to a file in the folder was taken for the copy of a
    # month file holding the plan's figures, and told to be removed)
    import yaml

    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    (target / "municipalities.yaml").rename(target / "real.yaml")
    (target / "municipalities.yaml").symlink_to("real.yaml")
    plan = yaml.safe_load((target / "real.yaml").read_text("utf-8"))
    fields = MONTH_HEADER.split(",")[1:-1]

    def cell(value: object) -> str:
        return "" if value is None else str(value)

    rows = [
        ",".join([m["code"], *(cell(m["statistics"].get(f)) for f in fields), "x"])
        for m in plan["municipalities"]
    ]
    (target / "statistics" / "2023-09.csv").write_text(
        "\n".join([MONTH_HEADER, *rows]) + "\n", encoding="utf-8"
    )
    _code, document = check(target, "--select", "MON001")
    assert [(Path(f["file"]).name, f["message"]) for f in document["findings"]] == [
        (
            "2023-09.csv",
            "every figure of 2023-09 is that of 2023-08 (municipalities.yaml), in every row: "
            "one of the two months is likely a copy of the other; import each from Statistics "
            "Finland",
        )
    ]


def test_two_months_linked_to_one_file_are_both_named(area_dir: Path, tmp_path: Path) -> None:
    # (links of two months to one file outside statistics/: only the later was named)
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    (target / "backup").mkdir()
    shutil.copyfile(target / "statistics" / "2026-05.csv", target / "backup" / "old.csv")
    for linked in ("2026-02.csv", "2026-03.csv"):
        (target / "statistics" / linked).symlink_to("../backup/old.csv")
    _code, document = check(target, "--select", "MON001")
    assert [f["message"].partition(":")[0] for f in document["findings"]] == [
        "statistics/2026-02.csv is a link to ../backup/old.csv",
        "statistics/2026-03.csv is a link to ../backup/old.csv",
    ]


def test_a_copy_beside_a_link_of_the_same_month_is_named_too(
    area_dir: Path, tmp_path: Path
) -> None:
    # (a link among months alike hid a plain copy: only the link was named)
    target = tmp_path / "area"
    shutil.copytree(area_dir, target)
    statistics = target / "statistics"
    shutil.copyfile(statistics / "2026-06.csv", statistics / "2026-05.csv")
    (statistics / "2026-04.csv").symlink_to("2026-06.csv")
    _code, document = check(target, "--select", "MON001")
    assert [f["message"].partition(" (")[0] for f in document["findings"]] == [
        "statistics/2026-04.csv is a link to 2026-06.csv: the figures of 2026-04 are that "
        "file's; remove the link and import 2026-04 from Statistics Finland",
        "every figure of 2026-06 is that of 2026-05",
    ]

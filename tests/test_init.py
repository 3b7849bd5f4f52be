"""`init`: a data directory for any employment area, ready for unemployment at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.statfin.classification import employment_areas
from tyollisyys_cli.statfin.document import read_12r5
from tyollisyys_cli.statfin.scaffold import init_area

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
runner = CliRunner(env={"COLUMNS": "250"})


def run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def table_rows(output: str) -> list[list[str]]:
    """The cells of each one-line row of a rich table."""
    return [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in output.splitlines()
        if line.startswith("│")
    ]


def test_init_oulun_seutu(tmp_path: Path) -> None:
    target = tmp_path / "oulu"
    created = run("init", target, "--area", "oulun SEUTU", "--from", EXPORT)
    assert created.exit_code == 0, created.output
    assert "Created" in created.output and "11 municipalities" in created.output
    assert "Responsible municipality proposed: Oulu (564)" in created.output
    assert sorted(p.name for p in target.rglob("*") if p.is_file()) == [
        "2026-06.csv",
        "municipalities.yaml",
    ]
    result = run("--data-dir", target, "unemployment")
    assert result.exit_code == 0, result.output
    rows = [row[:6] for row in table_rows(result.output)]
    assert rows == [
        ["072", "Hailuoto", "372", "42", "11.3", "11.3"],
        ["139", "Ii", "4 322", "548", "12.7", "12.7"],
        ["244", "Kempele", "9 643", "975", "10.1", "10.1"],
        ["425", "Liminka", "4 675", "353", "7.6", "7.6"],
        ["436", "Lumijoki", "847", "86", "10.2", "10.2"],
        ["494", "Muhos", "3 811", "397", "10.4", "10.4"],
        ["564", "Oulu", "109 367", "16 647", "15.2", "15.2"],
        ["615", "Pudasjärvi", "2 744", "407", "14.8", "14.8"],
        ["785", "Vaala", "981", "127", "12.9", "12.9"],
        ["859", "Tyrnävä", "2 844", "272", "9.6", "9.6"],
        ["889", "Utajärvi", "994", "127", "12.8", "12.8"],
        ["", "Oulun seutu (area)", "140 600", "19 981", "14.2", ""],
    ]


def test_init_helsinki_by_code(tmp_path: Path) -> None:
    target = tmp_path / "helsinki"
    assert run("init", target, "--area", "8", "--from", EXPORT).exit_code == 0
    result = run("--data-dir", target, "unemployment")
    assert result.exit_code == 0, result.output
    rows = table_rows(result.output)
    assert rows[0][:7] == ["091", "Helsinki", "370 847", "52 578", "14.2", "14.2", "5 086 (9.7)"]
    assert rows[1][:6] == ["", "Helsinki (area)", "370 847", "52 578", "14.2", ""]
    assert len(rows) == 2


def test_init_by_name_without_diacritics(tmp_path: Path) -> None:
    target = tmp_path / "tyolakeus"
    assert run("init", target, "--area", "TYOLAKEUS", "--from", EXPORT).exit_code == 0
    area = load_area(target)
    assert area.name == "TyöLakeus"
    assert [m.name for m in area.municipalities] == [
        m.name for m in employment_areas()[36].municipalities
    ]


def test_new_area_says_staffing_is_missing(tmp_path: Path) -> None:
    target = tmp_path / "oulu"
    assert run("init", target, "--area", "Oulun seutu", "--from", EXPORT).exit_code == 0
    caseload = run("--data-dir", target, "caseload", "Oulu")
    assert caseload.exit_code == 0, caseload.output
    oulu = table_rows(caseload.output)[0]
    assert oulu[0] == "Oulu" and oulu[2:4] == ["16 647", "16 647"]
    assert oulu[-1] == "no staffing"  # (no target or bar: those columns are left out)
    assert table_rows(caseload.output)[-1][-1] == "no staffing"
    staffing = run("--data-dir", target, "staffing")
    assert staffing.exit_code == 0, staffing.output
    assert "No staffing: Hailuoto, Ii, Kempele" in staffing.output
    trend = run("--data-dir", target, "trend", "Oulu")
    assert trend.exit_code == 0, trend.output
    # Only one month and no staffing: the change and caseload columns are empty in every
    # row, so the table view leaves them out.
    assert table_rows(trend.output)[0] == ["564", "Oulu", "2026-06", "16 647", "15.2"]
    jobseekers = run("--data-dir", target, "caseload", "Oulu", "--client-base", "job-seekers")
    assert table_rows(jobseekers.output)[0][3] == "24 795"


def test_written_area_file(tmp_path: Path) -> None:
    target = tmp_path / "kainuu"
    assert run("init", target, "--area", "Kainuu–Koillismaa", "--from", EXPORT).exit_code == 0
    text = (target / "municipalities.yaml").read_text("utf-8")
    assert 'responsible_municipality: "205"   # Kajaani' in text
    assert "CONFIRM" in text
    assert 'reference_month: "2026-06"' in text
    assert text.count("    staffing:   # staff lines: not yet known\n") == 10
    area = load_area(target)
    assert area.plan.area.code == "10"
    assert [(m.code, m.region) for m in area.municipalities][:2] == [
        ("105", "Kainuu"),
        ("205", "Kainuu"),
    ]
    assert all(m.staffing is None and m.target is None for m in area.municipalities)
    assert area.snapshot().rows["205"].unemployed == 2066
    # Importing the same month into the new directory changes nothing.
    again = run("--data-dir", target, "import", "statfin", EXPORT)
    assert again.exit_code == 0 and "nothing changed" in again.output


def test_every_employment_area(tmp_path: Path) -> None:
    """Nothing is specific to one area: every area of the classification initialises."""
    export = read_12r5(EXPORT)
    for area in employment_areas():
        target = tmp_path / area.code
        if area.name == "Ahvenanmaa":  # Åland: 12r5 withholds its unemployed counts
            with pytest.raises(DataErrors, match=r"unemployed .* is withheld"):
                init_area(target, area, export)
            assert not target.exists()
            continue
        init_area(target, area, export)
        loaded = load_area(target)
        assert {m.code for m in loaded.municipalities} == {m.code for m in area.municipalities}
        assert loaded.months == ["2026-06"]


def test_unknown_area_creates_nothing(tmp_path: Path) -> None:
    result = run("init", tmp_path / "x", "--area", "Oulun sseutu", "--from", EXPORT)
    assert result.exit_code == 2
    assert "unknown employment area 'Oulun sseutu'; did you mean Oulun seutu" in result.output
    assert not (tmp_path / "x").exists()


def test_existing_area_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "oulu"
    assert run("init", target, "--area", "24", "--from", EXPORT).exit_code == 0
    before = (target / "municipalities.yaml").read_bytes()
    again = run("init", target, "--area", "8", "--from", EXPORT)
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert (target / "municipalities.yaml").read_bytes() == before


def test_bad_export_creates_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"columns": [], "data": []}', "utf-8")
    result = run("init", tmp_path / "x", "--area", "24", "--from", bad)
    assert result.exit_code == 2
    assert "not a PxWeb JSON export of table 12r5" in result.output
    assert not (tmp_path / "x").exists()

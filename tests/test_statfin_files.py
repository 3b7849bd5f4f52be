"""The monthly statistics files: validation with file:line:col, names, the plan's month."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.load import load_area
from tyollisyys_cli.paths import bundled_data_dir
from tyollisyys_cli.statfin.classification import find_employment_area, municipalities
from tyollisyys_cli.statfin.columns import SERVICE_COLUMNS, statistics_fields
from tyollisyys_cli.statfin.pxweb import read_12r5

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"


@pytest.fixture
def month_file(tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    result = CliRunner().invoke(app, ["--data-dir", str(target), "import", "statfin", str(EXPORT)])
    assert result.exit_code == 0, result.output
    return target / "statistics" / "2026-06.yaml"


def errors_after(path: Path, old: str, new: str) -> list[str]:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(DataErrors) as caught:
        load_area(path.parent.parent)
    return [str(error) for error in caught.value.errors]


def line_of(path: Path, text: str) -> int:
    return path.read_text("utf-8").splitlines().index(text) + 1


def test_parsed_export_of_june_2026() -> None:
    export = read_12r5(EXPORT)
    assert export.month == "2026-06"
    assert len(export.municipality_codes()) == 310  # 308 municipalities, 199 and JOU
    kajaani = export.municipality("205")
    assert kajaani is not None
    fields = statistics_fields(kajaani)
    assert fields["unemployed"] == 2066
    assert fields["labour_force"] == 16917
    assert fields["unemployment_rate"] == 12.2
    assert fields["in_services"] == sum(int(kajaani[c]) for c in SERVICE_COLUMNS) == 512
    kuusamo = export.municipality("305")
    assert kuusamo is not None
    assert statistics_fields(kuusamo)["job_seekers"] == 1197


def test_bad_value_is_placed(month_file: Path) -> None:
    errors = errors_after(month_file, "    unemployed: 2066\n", "    unemployed: 2 066\n")
    line = line_of(month_file, "    unemployed: 2 066")
    assert errors == [
        f"{month_file}:{line}:17: rows[1].unemployed (205): expected a whole number (0 or more), "
        "found the text '2 066'; write numbers without spaces: 2066"
    ]


def test_unknown_field_is_rejected(month_file: Path) -> None:
    errors = errors_after(month_file, "    in_services: 512\n", "    in_service: 512\n")
    assert len(errors) == 1
    assert (
        "rows[1]" in errors[0]
        and "unknown field 'in_service'; did you mean 'in_services'?" in errors[0]
    )


def test_unknown_municipality_and_missing_row(month_file: Path) -> None:
    errors = errors_after(month_file, 'municipality: "205"  # Kajaani', 'municipality: "564"')
    line = line_of(month_file, '  - municipality: "564"')
    assert errors == [
        # (errors come in file order)
        f"{month_file}:5:3: rows: no row for Kajaani (205)",
        f"{month_file}:{line}:19: rows[1].municipality (564): unknown municipality code 564; "
        "it is not in municipalities.yaml",
    ]


def test_month_must_match_file_name(month_file: Path) -> None:
    errors = errors_after(month_file, 'month: "2026-06"', 'month: "2026-05"')
    assert errors == [f"{month_file}:2:8: month: the file 2026-06.yaml holds month 2026-05"]


def test_plan_month_file_is_refused(month_file: Path) -> None:
    target = month_file.with_name("2023-08.yaml")
    month_file.rename(target)
    errors = errors_after(target, 'month: "2026-06"', 'month: "2023-08"')
    assert errors == [
        f"{target}:2:8: month: 2023-08 is the plan's own month, whose statistics are written "
        "in municipalities.yaml; remove this file"
    ]


def test_counts_are_checked(month_file: Path) -> None:
    errors = errors_after(month_file, "    long_term: 626\n", "    long_term: 3000\n")
    assert errors == [
        f"{month_file}:{line_of(month_file, '    long_term: 3000')}:16: rows[1].long_term (205): "
        "3000 is larger than the unemployed total 2066"
    ]


def test_badly_named_file(month_file: Path) -> None:
    month_file.rename(month_file.with_name("june.yaml"))
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    assert [e.message for e in caught.value.errors] == [
        "a monthly statistics file is named YYYY-MM.yaml, e.g. 2026-06.yaml"
    ]


def test_cli_reports_place_and_exits_2(month_file: Path) -> None:
    month_file.write_text(month_file.read_text("utf-8").replace("12.2", "8,9", 1), "utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(month_file.parent.parent), "unemployment"])
    assert result.exit_code == 2
    line = line_of(month_file, "    unemployment_rate: 8,9")
    assert f"error: {month_file}:{line}:24: rows[1].unemployment_rate (205):" in result.output
    assert "use a decimal point" in result.output


def test_classification_is_package_data() -> None:
    classification = municipalities()
    assert len(classification) == 308
    assert classification["205"].employment_area == "Kainuu-Koillismaa"
    assert classification["091"].region == "Uusimaa"
    assert find_employment_area("kainuu–koillismaa").code == "10"
    assert find_employment_area("TYOLAKEUS").name == "TyöLakeus"
    assert find_employment_area("24").name == "Oulun seutu"


def test_no_run_time_reads_outside_the_package() -> None:
    source = Path(__file__).parents[1] / "src" / "tyollisyys_cli"
    for path in source.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "shared/reference" not in text and "../shared" not in text, path

"""`tyollisyys export`: every table of the area in one workbook, metadata on its own sheet."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from clirunner import CliRunner
from tyollisyys_cli import __version__
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.render import xlsx

DATA = Path(__file__).resolve().parents[1] / "data"
SHEETS = [
    "municipalities",
    "offices",
    "unemployment",
    "caseload",
    "staffing",
    "commuting",
    "trend",
    "allocation",
]


def export(*args: str) -> Any:
    return CliRunner().invoke(app, ["export", *args])


def records(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def row_of(sheet: Any, key: str, label: str) -> dict[str, Any]:
    [row] = [row for row in records(sheet) if row[key] == label]
    return row


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("export") / "plan.xlsx"
    result = export("--output", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote 8 tables to {path}\n"
    return openpyxl.load_workbook(path)


def test_a_sheet_per_table_then_metadata(workbook: Any) -> None:
    assert workbook.sheetnames == [*SHEETS, "metadata"]
    for name in workbook.sheetnames:
        assert workbook[name].freeze_panes == "A2"
    assert workbook.properties.title == "Tables of Kainuu–Koillismaa"


def test_golden_values_in_the_sheets(workbook: Any) -> None:
    assert len(records(workbook["municipalities"])) == 10
    assert row_of(workbook["municipalities"], "municipality", "Kuusamo")["code"] == "305"
    assert len(records(workbook["offices"])) == 13
    kajaani = row_of(workbook["unemployment"], "municipality", "Kajaani")
    assert (kajaani["labour_force"], kajaani["unemployed"], kajaani["rate"]) == (16615, 1384, 8.33)
    area = row_of(workbook["unemployment"], "municipality", "Kainuu–Koillismaa (area)")
    # under 25: the printed 325 lies within what the cells allow (320–357)
    assert (area["labour_force"], area["under_25_min"], area["under_25_max"]) == (38799, 325, 325)
    assert row_of(workbook["unemployment"], "municipality", "Hyrynsalmi")["under_25_min"] is None
    kuhmo = row_of(workbook["caseload"], "unit", "Kuhmo")
    assert (kuhmo["unemployed"], kuhmo["caseload_fte_min"], kuhmo["clients_per_advisor_min"]) == (
        263,
        6.0,
        43.83,
    )
    assert row_of(workbook["staffing"], "unit", "Kajaani")["gap_min"] == -10.84
    # Kajaani's transfer is unstated: marked incomplete, with the caseload it would have
    # with the unassigned ~14.5 FTE of the pool (1 384 / 17.5)
    for sheet in ("caseload", "staffing"):
        kajaani = row_of(workbook[sheet], "unit", "Kajaani")
        assert kajaani["status"] == "staffing incomplete"
        assert kajaani["clients_per_advisor_with_pool_max"] is None  # (at least 79.09)
    kajaani = row_of(workbook["commuting"], "municipality", "Kajaani")
    assert (kajaani["jobs"], kajaani["self_sufficiency"]) == (15653, 105.23)
    assert kajaani["self_sufficiency_published"] == 105


def test_trend_and_allocation_sheets(workbook: Any) -> None:
    kuhmo = row_of(workbook["trend"], "municipality", "Kuhmo")
    assert (kuhmo["code"], kuhmo["month"], kuhmo["unemployed"], kuhmo["rate"]) == (
        "290",
        "2023-08",
        263,
        8.429,
    )
    assert kuhmo["unemployed_change"] is None  # the reference month itself
    area = row_of(workbook["trend"], "municipality", "Kainuu–Koillismaa (area)")
    assert area["unemployed"] == 3217
    kajaani = row_of(workbook["allocation"], "unit", "Kajaani")
    assert (kajaani["own_fte"], kajaani["allocated_fte"], kajaani["total_fte"]) == (3, 14.5, 17.5)
    assert kajaani["clients_per_advisor_after"] == 79.09
    total = row_of(workbook["allocation"], "unit", "Kainuu–Koillismaa (area)")
    assert total["allocated_fte"] == 40


def test_trend_sheet_runs_up_to_month(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    result = export("-o", str(path), "--month", "2023-08")
    assert result.exit_code == 0, result.output
    months = {row["month"] for row in records(openpyxl.load_workbook(path)["trend"])}
    assert months == {"2023-08"}


def test_no_pool_no_allocation_sheet_and_a_note(tmp_path: Path) -> None:
    data = tmp_path / "area"
    data.mkdir()
    text = (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    pool = (
        "  transfer_pool:\n    total_fte: {about: 80}\n    customer_work_fte: {about: 40}\n"
        "    printed: noin 80 htv, henkilöasiakas- ja työnvälitystyötä tekevää noin puolet\n"
    )
    assert pool in text
    (data / "municipalities.yaml").write_text(text.replace(pool, ""), encoding="utf-8")
    path = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(app, ["--data-dir", str(data), "export", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "note: no allocation sheet: Kainuu–Koillismaa states no transferring pool "
        "(transfer_pool in municipalities.yaml); `tyollisyys allocate --pool FTE` divides one "
        "you give"
    )  # (not "give --pool FTE": export has no --pool)
    names = openpyxl.load_workbook(path).sheetnames
    assert "allocation" not in names
    assert "trend" in names


def test_metadata_sheet(workbook: Any) -> None:
    rows = [tuple(row) for row in workbook["metadata"].iter_rows(values_only=True)]
    assert rows[0] == ("table", "field", "value")
    general = {field: value for table, field, value in rows[1:] if table is None}
    assert general["tool"] == "tyollisyys"
    assert general["tool_version"] == __version__
    assert general["command"] == "export"
    assert general["area"] == "Kainuu–Koillismaa"
    assert general["month"] == "2023-08"
    assert general["options.client_base"] == "unemployed"
    assert general["data_sources.commuting"].startswith("Plan section 5")
    assert ("caseload", "client_base", "unemployed") in rows
    assert ("unemployment", "month", "2023-08") in rows
    assert ("staffing", "transfer_pool.unassigned_max", 14.5) in rows
    assert ("staffing", "note", "No stated transfer: Kajaani, Taivalkoski.") in rows
    titles = [value for _, field, value in rows if field == "title"]
    assert titles[2] == "Unemployment, Kainuu–Koillismaa, 2023-08"


def test_client_base_options_reach_the_sheets(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    result = export("-o", str(path), "--clients-per-unemployed", "2.08")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    kuusamo = row_of(book["caseload"], "unit", "Kuusamo")
    assert (kuusamo["clients"], kuusamo["clients_per_advisor_min"]) == (1262.56, 140.28)
    assert row_of(book["staffing"], "unit", "Kuusamo")["clients"] == 1262.56
    meta = list(book["metadata"].iter_rows(values_only=True))
    assert (None, "options.clients_per_unemployed", 2.08) in meta


def test_without_commuting_file_no_commuting_sheet(tmp_path: Path) -> None:
    data = tmp_path / "area"
    data.mkdir()
    shutil.copy(DATA / "municipalities.yaml", data)
    path = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(app, ["--data-dir", str(data), "export", "-o", str(path)])
    assert result.exit_code == 0, result.output
    without = [name for name in SHEETS if name != "commuting"]
    assert openpyxl.load_workbook(path).sheetnames == [*without, "metadata"]


def test_output_is_required() -> None:
    result = export()
    assert result.exit_code == 2
    assert "--output" in result.output


def test_missing_folder(tmp_path: Path) -> None:
    result = export("-o", str(tmp_path / "missing" / "plan.xlsx"))
    assert result.exit_code == 2
    assert "the folder" in result.stderr and "does not exist" in result.stderr


def test_without_openpyxl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = export("-o", str(tmp_path / "plan.xlsx"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: export needs the openpyxl library, which is not installed; "
        "install it with: pip install 'tyollisyys[xlsx]' (in a checkout: pip install "
        "'.[xlsx]')\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_failure_midway_leaves_the_earlier_workbook(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "plan.xlsx"
    assert export("-o", str(path)).exit_code == 0
    before = path.read_bytes()
    real = xlsx.add_table_sheet
    calls: list[str] = []

    def third_fails(workbook: Any, table: Any) -> Any:
        calls.append(table.name)
        if len(calls) == 3:
            raise RuntimeError("interrupted")
        return real(workbook, table)

    monkeypatch.setattr(xlsx, "add_table_sheet", third_fails)
    result = export("-o", str(path))
    assert result.exit_code == 70
    assert calls == ["municipalities", "offices", "unemployment"]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_workbook_is_not_written_to_standard_output() -> None:
    result = CliRunner().invoke(app, ["export", "-o", "-"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: export writes a binary workbook: give it a file name, e.g. --output tables.xlsx\n"
    )
    assert not Path("-").exists()


def test_an_imported_month_names_its_source(tmp_path: Path) -> None:
    """A workbook of June 2026 named only the plan's 2023 table as its statistics'
    source, where `caseload -f xlsx` names the import too."""
    data = tmp_path / "area"
    shutil.copytree(DATA, data)
    export_file = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
    imported = CliRunner().invoke(
        app, ["--data-dir", str(data), "import", "statfin", str(export_file)]
    )
    assert imported.exit_code == 0, imported.output
    path = tmp_path / "june.xlsx"
    result = CliRunner().invoke(app, ["--data-dir", str(data), "export", "-o", str(path)])
    assert result.exit_code == 0, result.output
    rows = openpyxl.load_workbook(path)["metadata"].iter_rows(values_only=True)
    general = {field: value for table, field, value in rows if table is None}
    assert general["month"] == "2026-06"
    assert str(general["data_sources.statistics"]).startswith("Plan section 1, Table 1")
    assert general["data_sources.statistics_of_month"] == (
        "Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"
    )

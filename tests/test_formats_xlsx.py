"""XLSX: one sheet, typed cells, header row, frozen header; openpyxl is optional."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest

from clirunner import CliRunner
from tyollisyys_cli import __version__
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.render.model import Column, TableData
from tyollisyys_cli.render.xlsx import sheet_title, write_xlsx
from tyollisyys_cli.values import Span, Unknown


def test_caseload_workbook(tmp_path: Path) -> None:
    path = tmp_path / "caseload.xlsx"
    result = CliRunner().invoke(app, ["caseload", "-f", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["caseload", "metadata"]
    assert workbook.active is not None and workbook.active.title == "caseload"
    sheet = workbook["caseload"]
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]][:6] == [
        "unit",
        "served_by",
        "labour_force",
        "unemployed",
        "clients",
        "caseload_fte_min",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    kuhmo = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Kuhmo")
    assert kuhmo[3].value == 263 and kuhmo[3].data_type == "n"
    assert kuhmo[3].number_format == "#,##0"
    assert kuhmo[5].value == 6.0 and kuhmo[5].number_format == "#,##0.0"
    assert kuhmo[7].value == 43.83 and kuhmo[7].number_format == "#,##0"
    assert kuhmo[1].value is None  # served_by: empty cell
    # The area row is bold, as in Markdown: a row not to sum with the others.
    bold = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].font.bold]
    assert bold == ["Kainuu–Koillismaa (area)"]
    assert all(cell.font.bold for cell in sheet[sheet.max_row])
    assert workbook.properties.title.startswith("Caseload, Kainuu–Koillismaa, 2023-08")
    assert workbook.properties.creator == f"tyollisyys {__version__}"


def test_a_workbook_keeps_the_notes_and_metadata_of_its_table(tmp_path: Path) -> None:
    """A forwarded `allocate -f xlsx` lost its client base (× 5) and why Kajaani is
    "staffing incomplete": the workbook held the rows only (JSON holds all three)."""
    path = tmp_path / "allocation.xlsx"
    args = ["allocate", "--clients-per-unemployed", "5"]
    result = CliRunner().invoke(app, [*args, "-f", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    data = CliRunner().invoke(app, [*args, "-f", "json"])
    metadata = json.loads(data.stdout)["metadata"]
    sheet = openpyxl.load_workbook(path)["metadata"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("table", "field", "value")
    assert ("allocation", "title", metadata["title"]) in rows
    assert [value for table, field, value in rows if field == "note"] == metadata["notes"]
    assert ("allocation", "clients_per_unemployed", 5) in rows
    assert "Clients: unemployed job seekers (2023-08) × 5." in metadata["notes"]
    columns = {field: value for table, field, value in rows if str(field).startswith("column.")}
    assert columns == {
        f"column.{c['key']}": f"{c['header']}: {c['description']}"
        if c["description"]
        else c["header"]
        for c in metadata["columns"]
    }  # (what each key of the table's sheet holds: JSON says it, the sheet did not)
    assert (
        columns["column.clients_per_advisor_after"]
        == "Clients / advisor after: clients / total FTE"
    )
    finnish = tmp_path / "kuormitus.xlsx"
    result = CliRunner().invoke(app, ["--lang", "fi", "caseload", "-f", "xlsx", "-o", str(finnish)])
    assert result.exit_code == 0, result.output
    said = {
        r[1]: r[2] for r in openpyxl.load_workbook(finnish)["metadata"].iter_rows(values_only=True)
    }
    assert said["column.caseload_fte_max"] == (
        "Asiakastyön htv (yläraja): henkilökohtaista asiakasmäärää hoitavat htv:t: yläraja; "
        "tyhjä (null), jos ylärajaa ei ole (≥: vähintään) tai arvoa ei ole"
    )
    over = next(value for table, field, value in rows if field == "over_target")
    assert json.loads(str(over)) == metadata["over_target"]  # (JSON, not Python's repr)


def test_text_stays_text_numbers_typed(tmp_path: Path) -> None:
    """Text that starts as a formula would is a text cell, as written: an office named
    `-Sotkamo` read `'-Sotkamo` (the `'` that CSV needs is content in a workbook)."""
    table = TableData(
        name="t",
        title="T",
        columns=(Column("text", "Text"), Column("gap", "Gap", "span", 1)),
        rows=[
            {"text": '=HYPERLINK("http://x")', "gap": Span(-10.84, -6.227)},
            {"text": "-1", "gap": Unknown.WITHHELD},
            {"text": "@SUM(A1)", "gap": -3},
        ],
    )
    path = tmp_path / "t.xlsx"
    with path.open("wb") as stream:
        write_xlsx(table, stream)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2))
    assert [row[0].value for row in rows] == ['=HYPERLINK("http://x")', "-1", "@SUM(A1)"]
    assert all(row[0].data_type == "s" for row in rows)
    assert [(row[1].value, row[2].value) for row in rows] == [
        (-10.84, -6.227),
        (None, None),
        (-3, -3),
    ]


@pytest.mark.parametrize(
    ("column", "shown"),
    [
        (Column("change", "Δ", "int", signed=True), "[>=0.5]+#,##0;[<=-0.5]-#,##0;#,##0"),
        (
            Column("change", "Δ", "number", 1, signed=True),
            "[>=0.05]+#,##0.0;[<=-0.05]-#,##0.0;#,##0.0",
        ),
        (Column("count", "N", "int"), "#,##0"),
    ],
)
def test_a_change_is_shown_with_its_sign(tmp_path: Path, column: Column, shown: str) -> None:
    table = TableData(name="t", title="T", columns=(column,), rows=[{column.key: 682}])
    path = tmp_path / "t.xlsx"
    with path.open("wb") as stream:
        write_xlsx(table, stream)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert (sheet["A2"].value, sheet["A2"].number_format) == (682, shown)


def test_xlsx_needs_output() -> None:
    result = CliRunner().invoke(app, ["staffing", "-f", "xlsx"])
    assert result.exit_code == 2
    assert "--format xlsx writes a binary file: give it a name with --output" in result.stderr
    assert result.stdout == ""


def test_without_openpyxl_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    path = tmp_path / "c.xlsx"
    result = CliRunner().invoke(app, ["caseload", "-f", "xlsx", "-o", str(path)])
    assert result.exit_code == 2
    assert "needs the openpyxl library" in result.stderr
    assert "pip install 'tyollisyys[xlsx]'" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "taken", "title"),
    [
        ("caseload", [], "caseload"),
        ("a/b:c", [], "a_b_c"),
        ("x" * 40, [], "x" * 31),
        ("caseload", ["Caseload"], "caseload (2)"),
        ("caseload", ["caseload", "caseload (2)"], "caseload (3)"),
    ],
)
def test_sheet_titles(name: str, taken: list[str], title: str) -> None:
    assert sheet_title(name, taken) == title

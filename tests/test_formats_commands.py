"""Every table command in every format, read back with csv, json and openpyxl.

Golden values are the plan's figures (Table 1, the staffing descriptions, the
commuting table) and what the tool computes from them, asserted exactly.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app

COMMANDS = ("municipalities", "offices", "unemployment", "caseload", "staffing", "commuting")
AREA = "Kainuu–Koillismaa (area)"

# (command, key column, row label, expected data values, text shown in the table views)
GOLDEN: list[tuple[str, str, str, dict[str, Any], tuple[str, ...]]] = [
    (
        "municipalities",
        "municipality",
        "Kajaani",
        {"code": "205", "region": "Kainuu", "service_unit": "Kajaani"},
        ("205", "Virastotalo, Kalliokatu 4, 87100 Kajaani"),
    ),
    (
        "municipalities",
        "municipality",
        "Kuhmo",
        {"code": "290", "office": "Kuhmon kaupungintalo, Kainuuntie 82, 88900 Kuhmo"},
        ("290",),
    ),
    (
        "offices",
        "office",
        "Ohjaamo",
        {"municipality": "Kajaani", "address": "Pohjolankatu 16, 87100 Kajaani"},
        ("Pohjolankatu 16, 87100 Kajaani",),
    ),
    (
        "unemployment",
        "municipality",
        "Kajaani",
        {
            "labour_force": 16615,
            "unemployed": 1384,
            "rate": 8.33,  # 8.3298… where the table shows 8.3
            "rate_published": 8.3,
            "under_25_min": 203,
            "under_25_share_min": 14.668,  # 203 / 1384
        },
        ("16 615", "1 384", "8.3"),
    ),
    (
        "unemployment",
        "municipality",
        "Hyrynsalmi",
        {"under_25_min": None, "under_25_max": None, "over_50_min": 56, "foreign_max": None},
        ("withheld",),
    ),
    (
        "unemployment",
        "municipality",
        "Ristijärvi",
        {
            "under_25_min": None,
            "under_25_share_max": None,
            "over_50_max": 17,
            "rate": 6.982,  # 34 / 487
            "rate_published": 7,  # printed "7"
            "long_term_share_min": 32.353,  # 11 / 34
        },
        ("missing", "7.0", "7"),
    ),
    (
        "unemployment",
        "municipality",
        AREA,
        {
            "labour_force": 38799,
            "unemployed": 3217,
            "rate": 8.291,
            "rate_published": 8.9,  # the totals row's printed rate, beside the computed one
            # under 25: the printed 325 lies within what the cells allow (320–357)
            "under_25_min": 325,
            "under_25_max": 325,
            "under_25_share_min": 10.103,  # 325 / 3217
            # foreign: the printed 253 does not (255–261, each withheld cell 1–4)
            "foreign_min": 255,
            "foreign_max": 261,
            "foreign_share_max": 8.113,  # 261 / 3217
        },
        ("38 799", "3 217", "8.3", "8.9"),
    ),
    (
        "caseload",
        "unit",
        "Kuhmo",
        {
            "unemployed": 263,
            "caseload_fte_min": 6.0,
            "caseload_fte_max": 6.0,
            "clients_per_advisor_min": 43.83,
            "clients_per_advisor_max": 43.83,
            "target": "under 100",
            "status": "within",
        },
        ("263", "6.0", "44", "under 100", "within"),
    ),
    (
        "caseload",
        "unit",
        "Hyrynsalmi",
        {
            "served_by": "Paltamo (ml. Hyrynsalmi ja Ristijärvi)",
            "unemployed": 78,
            "caseload_fte_min": None,
        },
        ("765", "78"),
    ),
    (
        "caseload",
        "unit",
        AREA,
        {
            "labour_force": 38799,
            "caseload_fte_min": 45.5,
            "caseload_fte_max": None,
            "status": "staffing incomplete",
            "clients_per_advisor_with_pool_min": None,
            "clients_per_advisor_with_pool_max": 53.62,  # 3 217 / (45.5 + 14.5)
        },
        ("38 799", "≥ ~45.5", "staffing incomplete", "≤ ~54"),
    ),
    (
        "caseload",
        "unit",
        "Kajaani",
        {
            "clients_per_advisor_min": 461.33,
            "status": "staffing incomplete",
            "clients_per_advisor_with_pool_min": 79.09,  # 1 384 / (3 + 14.5)
            "clients_per_advisor_with_pool_max": None,  # (at least: the pool leaves at most ~14.5)
            "target": "100–150 avg",
        },
        ("461", "staffing incomplete", "≥ ~79", "100–150 avg"),
    ),
    (
        "staffing",
        "unit",
        "Kajaani",
        {
            "clients": 1384.0,
            "fte_needed_max": 13.84,
            "gap_min": -10.84,
            "gap_max": -6.227,
            "status": "staffing incomplete",
            "clients_per_advisor_with_pool_max": None,  # (at least: the pool leaves at most ~14.5)
        },
        ("1 384", "9.2–13.8", "-10.8 – -6.2", "staffing incomplete", "≥ ~79"),
    ),
    (
        "staffing",
        "unit",
        "Suomussalmi",
        {
            "planned_fte_min": 8.0,  # 1 own + 7–8 transferring advisors
            "planned_fte_max": 9.0,
            "stated_transfer_min": 7.0,
            "stated_transfer_max": 8.0,
            "target": "~90–120",  # "n. 90–120"
            "status": "under",
        },
        ("8.0–9.0", "~90–120"),
    ),
    (
        "commuting",
        "municipality",
        "Kajaani",
        {
            "jobs": 15653,
            "employed_residents": 14875,
            "self_sufficiency": 105.23,  # 15 653 / 14 875, shown 105.2
            "self_sufficiency_published": 105,  # printed "105"
            "net_commuting": 778,
        },
        ("15 653", "105.2", "105"),
    ),
    (
        "commuting",
        "municipality",
        "Hyrynsalmi",
        {"net_commuting": -140, "self_sufficiency": 78.947, "self_sufficiency_published": 89.13},
        ("-140", "78.9", "89.13"),
    ),
    (
        "commuting",
        "municipality",
        AREA,
        {"labour_force": 38802, "self_sufficiency": 100.262, "self_sufficiency_published": 91.773},
        ("38 802", "100.3", "91.773"),
    ),
]

# Tall tables print wider than 80 columns: give the table view room so rows stay whole.
ENV = {"COLUMNS": "260", "NO_COLOR": "1"}


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args), env=ENV)
    assert result.exit_code == 0, result.output
    return result


def read_csv(data: bytes, *, excel: bool = False) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig" if excel else "utf-8")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))


def read_xlsx(path: Path) -> list[dict[str, Any]]:
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[1:] == ["metadata"]
    sheet = workbook.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(key) for key in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def find(rows: list[dict[str, Any]], key: str, label: str) -> dict[str, Any]:
    matches = [row for row in rows if row[key] == label]
    assert len(matches) == 1, f"{label!r} in {[row[key] for row in rows]}"
    return matches[0]


def as_csv_field(value: Any, *, excel: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", ",") if excel else text
    return str(value)


def cells(line: str) -> list[str]:
    """The cells of a table-view or Markdown row, without styling marks."""
    parts = re.split(r"[│|]", line)
    return [part.strip().removeprefix("↳ ").strip("*") for part in parts]


def goldens(command: str) -> list[tuple[str, str, dict[str, Any], tuple[str, ...]]]:
    return [(key, label, values, shown) for c, key, label, values, shown in GOLDEN if c == command]


@pytest.mark.parametrize("command", COMMANDS)
def test_json(command: str) -> None:
    document = json.loads(invoke(command, "--format", "json").stdout_bytes)
    assert set(document) == {"metadata", "rows"}
    assert document["metadata"]["table"] == command
    for key, label, values, _ in goldens(command):
        row = find(document["rows"], key, label)
        for column, expected in values.items():
            assert row[column] == expected, (label, column)
            assert type(row[column]) is type(expected) or isinstance(expected, float), column


@pytest.mark.parametrize("command", COMMANDS)
def test_csv(command: str) -> None:
    rows = read_csv(invoke(command, "-f", "csv").stdout_bytes)
    for key, label, values, _ in goldens(command):
        row = find(rows, key, label)
        for column, expected in values.items():
            if isinstance(expected, int | float) and not isinstance(expected, bool):
                assert float(row[column]) == expected, (label, column)
            else:
                assert row[column] == as_csv_field(expected), (label, column)


@pytest.mark.parametrize("command", COMMANDS)
def test_csv_excel(command: str) -> None:
    data = invoke(command, "-f", "csv", "--excel").stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data, excel=True)
    for key, label, values, _ in goldens(command):
        row = find(rows, key, label)
        for column, expected in values.items():
            if isinstance(expected, float):
                assert float(row[column].replace(",", ".")) == expected, (label, column)
                assert "." not in row[column]
            else:
                assert row[column] == as_csv_field(expected, excel=True), (label, column)


@pytest.mark.parametrize("command", COMMANDS)
def test_xlsx(command: str, tmp_path: Path) -> None:
    path = tmp_path / f"{command}.xlsx"
    invoke(command, "-f", "xlsx", "-o", str(path))
    rows = read_xlsx(path)
    for key, label, values, _ in goldens(command):
        row = find(rows, key, label)
        for column, expected in values.items():
            assert row[column] == expected, (label, column)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_views_for_people(command: str, fmt: str) -> None:
    text = invoke(command, "-f", fmt).stdout
    assert "\x1b" not in text
    rows = [cells(line) for line in text.splitlines()]
    for _, label, _, shown in goldens(command):
        row = next(row for row in rows if label in row)
        for expected in shown:
            assert expected in row, (label, expected, row)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown", "xlsx"])
def test_output_file_equals_stdout(command: str, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"out.{fmt}"
    result = invoke(command, "-f", fmt, "-o", str(path))
    assert result.stdout == ""
    assert result.stderr == f"wrote the table to {path}\n"  # as export says what it wrote
    assert path.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    if fmt != "xlsx":
        assert path.read_bytes() == invoke(command, "-f", fmt).stdout_bytes


def test_places_select_rows_in_data_formats() -> None:
    document = json.loads(invoke("caseload", "Kuhmo", "-f", "json").stdout_bytes)
    assert [row["unit"] for row in document["rows"]] == ["Kuhmo", AREA]
    assert document["metadata"]["options"]["places"] == ["Kuhmo"]


@pytest.mark.parametrize("command", COMMANDS)
def test_data_formats_import_neither_rich_nor_openpyxl(command: str, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['tyollisyys', {command!r}, '--format', 'csv']\n"
        "from tyollisyys_cli.cli.main import main\n"
        "try:\n    main()\n"
        "except SystemExit as exit:\n    print('exit', exit.code, file=sys.stderr)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'openpyxl'}), "
        "file=sys.stderr)\n"
    )
    env = {**os.environ, "TYOLLISYYS_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("TYOLLISYYS_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.stderr.splitlines() == ["exit 0", "[]"], result.stderr
    assert "Kuhmo" in result.stdout

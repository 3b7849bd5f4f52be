"""What a real spreadsheet program reads from our files: LibreOffice Calc, headless.

Our own reader proves little about what an analyst sees, so each case has LibreOffice
open the file the way it opens one for a user (the CSV import with the Finnish locale,
`;` between fields, UTF-8) and save what it read; the test then looks at that.
`.ci/run` installs LibreOffice; under CI a missing LibreOffice fails these tests.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app

REPO = Path(__file__).resolve().parents[1]
EXPORT = REPO / "tests" / "data" / "statfin-12r5-2026M06.json"
#: LibreOffice's CSV import options: `;` between fields, `"` around text, UTF-8, from
#: line 1, default column types, Finnish locale (1035): what opening the file means.
FINNISH_CSV_IMPORT = "CSV:59,34,76,1,,1035"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice (soffice) is not installed; .ci/run installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def convert(source: Path, to: str, out: Path, *, infilter: str | None = None) -> Path:
    """`source` opened by LibreOffice and saved as `to` in `out`."""
    out.mkdir(exist_ok=True)
    command = [soffice(), "--headless", f"-env:UserInstallation=file://{out}/profile"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", to, "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    produced = out / f"{source.stem}.{to.split(':')[0]}"
    assert produced.is_file(), f"LibreOffice wrote no {produced.name}"
    return produced


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.fixture(scope="module")
def helsinki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An area made with `init` whose municipality codes start with 0 (Helsinki 091)."""
    folder = tmp_path_factory.mktemp("areas") / "helsinki"
    run("init", str(folder), "--area", "Helsinki", "--from", str(EXPORT))
    return folder


def test_xlsx_keeps_codes_as_text_and_numbers_as_numbers(helsinki: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "unemployment.xlsx"
    run("--data-dir", str(helsinki), "unemployment", "--format", "xlsx", "-o", str(workbook))
    resaved = convert(workbook, "xlsx", tmp_path / "lo")
    sheet = openpyxl.load_workbook(resaved).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    helsinki_row = {key: cell for key, cell in zip(header, sheet[2], strict=True)}
    assert helsinki_row["code"].value == "091"
    assert helsinki_row["code"].data_type == "s"
    assert helsinki_row["labour_force"].data_type == "n"
    assert helsinki_row["rate"].data_type == "n"


def test_xlsx_columns_are_as_wide_as_their_content(tmp_path: Path) -> None:
    workbook = tmp_path / "unemployment.xlsx"
    run("unemployment", "--format", "xlsx", "-o", str(workbook))
    resaved = convert(workbook, "xlsx", tmp_path / "lo")
    sheet = openpyxl.load_workbook(resaved).worksheets[0]
    # LibreOffice saves neighbouring columns of one width as one range (min..max).
    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():
        assert dimension.min is not None and dimension.max is not None
        for index in range(dimension.min, dimension.max + 1):
            widths[index] = dimension.width
    for cell in sheet[1]:
        assert cell.column is not None
        width = widths.get(cell.column, 0)
        assert width >= len(str(cell.value)), (cell.value, width)
        shown = [len(f"{c.value:,.1f}" if isinstance(c.value, float) else str(c.value))
                 for (c,) in sheet.iter_rows(2, min_col=cell.column, max_col=cell.column)
                 if c.value is not None]  # fmt: skip
        assert width >= max(shown, default=0), (cell.value, width)


def test_excel_csv_in_the_finnish_locale(tmp_path: Path) -> None:
    exported = tmp_path / "unemployment.csv"
    run("unemployment", "--format", "csv", "--excel", "-o", str(exported))
    read = convert(exported, "xlsx", tmp_path / "lo", infilter=FINNISH_CSV_IMPORT)
    sheet = openpyxl.load_workbook(read).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    ristijarvi = next(row for row in rows if row["municipality"] == "Ristijärvi")
    assert ristijarvi["labour_force"] == 487
    assert ristijarvi["rate"] == pytest.approx(6.98, abs=0.01)  # decimal comma understood
    assert isinstance(ristijarvi["rate"], float)


def test_excel_csv_says_that_spreadsheets_drop_leading_zeros(
    helsinki: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "municipalities.csv"
    stderr = run(
        "--data-dir", str(helsinki), "municipalities", "--format", "csv", "--excel",
        "-o", str(exported),
    )  # fmt: skip
    assert "drop leading zeros" in stderr and "--format xlsx" in stderr
    read = convert(exported, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo",
                   infilter=FINNISH_CSV_IMPORT)  # fmt: skip
    with read.open(encoding="utf-8") as handle:
        first = next(iter(list(csv.reader(handle))[1:]))
    assert first[0] == "91"  # what the note warns of: LibreOffice reads a number


def test_xlsx_shows_a_change_with_its_sign(tmp_path: Path) -> None:
    """The trend's changes read `+682` in a spreadsheet, as in the table; a rise was
    `682`, told from a fall only by the fall's `-`."""
    area = tmp_path / "area"
    run("init", str(area), "--example")
    run("--data-dir", str(area), "import", "statfin", str(EXPORT))
    workbook = tmp_path / "trend.xlsx"
    run("--data-dir", str(area), "trend", "Kajaani", "--format", "xlsx", "-o", str(workbook))
    shown = convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo")
    with shown.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    june = next(
        row for row in rows if row["municipality"] == "Kajaani" and row["month"] == "2026-06"
    )
    assert (june["unemployed_change"], june["rate_change"]) == ("+682", "+3.9")
    assert june["clients_per_advisor_change_min"] == "+227"


def test_a_change_that_rounds_to_zero_shows_no_sign(tmp_path: Path) -> None:
    """A rate change of 0.04 read `+0.0` in a spreadsheet, where the table shows `0.0`."""
    from tyollisyys_cli.render.model import Column, TableData
    from tyollisyys_cli.render.xlsx import write_xlsx

    column = Column("change", "Δ", "number", 1, signed=True)
    values = [0.04, -0.04, 0.3, -0.3, 0.0, 1.26, -1.26]
    table = TableData("t", "T", (column,), [{"change": value} for value in values])
    workbook = tmp_path / "t.xlsx"
    with workbook.open("wb") as stream:
        write_xlsx(table, stream)
    shown = convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo")
    with shown.open(encoding="utf-8") as handle:
        cells = [row["change"] for row in csv.DictReader(handle)]
    assert cells == ["0.0", "0.0", "+0.3", "-0.3", "0.0", "+1.3", "-1.3"]


def test_xlsx_text_that_starts_as_a_formula_opens_as_that_text(tmp_path: Path) -> None:
    """An office named `=1+2` showed 3, or, guarded with a `'` as CSV is, `'=1+2`."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    plan = data / "municipalities.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("- name: Kuhmon kaupungintalo\n") == 1
    plan.write_text(
        text.replace("- name: Kuhmon kaupungintalo\n", '- name: "=1+2"\n'), encoding="utf-8"
    )
    workbook = tmp_path / "municipalities.xlsx"
    run("--data-dir", str(data), "municipalities", "-o", str(workbook))
    resaved = convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "lo")
    with resaved.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert next(row["office"] for row in rows if row["municipality"] == "Kuhmo").startswith("=1+2")

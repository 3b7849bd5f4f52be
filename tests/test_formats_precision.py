"""Data formats keep more decimals than the table view; printed figures keep their digits.

The table view rounds computed figures to the column's decimals (Sotkamo's job
self-sufficiency 104.5); csv, json and xlsx keep 2 more (104.456). Figures printed in
the plan (published rates and self-sufficiency) are shown with the digits they were
printed with, in every format: Sotkamo's `105`, Hyrynsalmi's `89.13`, Ristijärvi's `7`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from clirunner import CliRunner
from test_formats_commands import cells, read_csv
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.render.csv_out import field
from tyollisyys_cli.render.model import Column
from tyollisyys_cli.render.records import plain, scalar
from tyollisyys_cli.render.text import cell, telling_decimals
from tyollisyys_cli.values import Span, Written, as_written
from tyollisyys_cli.views.caseload import clients_decimals

ENV = {"COLUMNS": "260", "NO_COLOR": "1"}


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args), env=ENV)
    assert result.exit_code == 0, result.output
    return result


def table_row(text: str, label: str) -> list[str]:
    return next(row for row in (cells(line) for line in text.splitlines()) if label in row)


# (command, place, column, csv text, json value, table text)
FIGURES = [
    ("commuting", "Sotkamo", "self_sufficiency", "104.456", 104.456, "104.5"),  # 4595 / 4399
    ("commuting", "Sotkamo", "self_sufficiency_published", "105", 105, "105"),
    ("commuting", "Hyrynsalmi", "self_sufficiency", "78.947", 78.947, "78.9"),  # 525 / 665
    ("commuting", "Hyrynsalmi", "self_sufficiency_published", "89.13", 89.13, "89.13"),
    ("commuting", "Kajaani", "self_sufficiency_published", "105", 105, "105"),
    ("commuting", "Taivalkoski", "self_sufficiency_published", "93", 93, "93"),
    ("commuting", "Kuhmo", "self_sufficiency_published", "97.3", 97.3, "97.3"),
    ("unemployment", "Ristijärvi", "rate", "6.982", 6.982, "7.0"),  # 34 / 487
    ("unemployment", "Ristijärvi", "rate_published", "7", 7, "7"),
    ("unemployment", "Kajaani", "rate", "8.33", 8.33, "8.3"),  # 1384 / 16615 = 8.3298…
    ("unemployment", "Kajaani", "rate_published", "8.3", 8.3, "8.3"),
    ("unemployment", "Kuhmo", "long_term_share_min", "33.08", 33.08, None),  # 87 / 263
    ("unemployment", "Puolanka", "rate", "13.785", 13.785, "13.8"),  # 118 / 856
]  # fmt: skip


@pytest.mark.parametrize(("command", "place", "column", "text", "value", "shown"), FIGURES)
def test_csv_and_json(
    command: str, place: str, column: str, text: str, value: object, shown: str | None
) -> None:
    rows = read_csv(invoke(command, place, "-f", "csv").stdout_bytes)
    assert rows[0][column] == text
    excel = read_csv(invoke(command, place, "-f", "csv", "--excel").stdout_bytes, excel=True)
    assert excel[0][column] == text.replace(".", ",")
    (row, _) = json.loads(invoke(command, place, "-f", "json").stdout)["rows"]
    assert row[column] == value
    assert type(row[column]) is type(value)


@pytest.mark.parametrize(("command", "place", "column", "text", "value", "shown"), FIGURES)
def test_table_and_markdown(
    command: str, place: str, column: str, text: str, value: object, shown: str | None
) -> None:
    if shown is None:
        return
    for fmt in ("table", "markdown"):
        row = table_row(invoke(command, place, "-f", fmt).stdout, place)
        assert shown in row, (fmt, row)  # a cell of exactly that text: 105, never 105.00


def test_xlsx_keeps_values_and_shows_printed_digits(tmp_path: Path) -> None:
    path = tmp_path / "commuting.xlsx"
    invoke("commuting", "Sotkamo", "Hyrynsalmi", "-f", "xlsx", "-o", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    rows = {row[1].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2)}
    sotkamo, hyrynsalmi = rows["Sotkamo"], rows["Hyrynsalmi"]
    computed = sotkamo["self_sufficiency"]
    assert (computed.value, computed.number_format) == (104.456, "#,##0.0")
    published = sotkamo["self_sufficiency_published"]
    assert (published.value, published.number_format) == (105, "#,##0")
    published = hyrynsalmi["self_sufficiency_published"]
    assert (published.value, published.number_format) == (89.13, "#,##0.00")


def test_trailing_zeros_as_printed(tmp_path: Path) -> None:
    """A figure printed as 97.30 stays 97.30 where the format can say so."""
    data = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), data)
    path = data / "commuting.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("job_self_sufficiency: 97.3\n") == 1
    path.write_text(text.replace("job_self_sufficiency: 97.3\n", "job_self_sufficiency: 97.30\n"))
    base = ("--data-dir", str(data), "commuting", "Kuhmo")
    assert "97.30" in table_row(invoke(*base).stdout, "Kuhmo")
    assert "97.30" in table_row(invoke(*base, "-f", "markdown").stdout, "Kuhmo")
    assert read_csv(invoke(*base, "-f", "csv").stdout_bytes)[0]["self_sufficiency_published"] == (
        "97.30"
    )
    (row, _) = json.loads(invoke(*base, "-f", "json").stdout)["rows"]
    assert row["self_sufficiency_published"] == 97.3  # JSON numbers have no trailing zeros


@pytest.mark.parametrize(
    ("value", "text", "expected"),
    [
        (105.0, "105", Written(105.0, 0)),
        (89.13, "89.13", Written(89.13, 2)),
        (97.3, "97.30", Written(97.3, 2)),
        (7.0, "7.0", Written(7.0, 1)),
        (7.0, " 7 ", Written(7.0, 0)),
        (1000.0, "1_000", Written(1000.0, 0)),
        # Without the text, or a text that does not read as the value: the fewest digits.
        (7.0, None, Written(7.0, 0)),
        (89.13, None, Written(89.13, 2)),
        (105.0, "1.05e2", Written(105.0, 0)),
        (105.0, "106", Written(105.0, 0)),
        (1.5e-7, None, Written(1.5e-7, 8)),
    ],
)
def test_as_written(value: float, text: str | None, expected: Written) -> None:
    assert as_written(value, text) == expected


@pytest.mark.parametrize(
    ("figure", "shown", "csv_text", "excel_text", "number"),
    [
        (Written(105.0, 0), "105", "105", "105", 105),
        (Written(89.13, 2), "89.13", "89.13", "89,13", 89.13),
        (Written(97.3, 2), "97.30", "97.30", "97,30", 97.3),
        (Written(12345.5, 1), "12 345.5", "12345.5", "12345,5", 12345.5),
    ],
)
def test_written_in_each_renderer(
    figure: Written, shown: str, csv_text: str, excel_text: str, number: float
) -> None:
    # The column's decimals (3 here) do not matter: the figure keeps its own.
    column = Column("published", "Published", "number", 3)
    assert cell(figure, column) == shown
    assert field(figure) == csv_text
    assert field(figure, excel=True) == excel_text
    assert plain(figure) == number and type(plain(figure)) is type(number)


# (kind, decimals, value, as the table view shows it in a column of changes)
CHANGES = [
    ("int", 0, 682, "+682"),
    ("int", 0, -5, "-5"),
    ("int", 0, 0, "0"),
    ("number", 1, 3.94, "+3.9"),
    ("number", 1, 0.04, "0.0"),  # (shown as no change: no sign)
    ("number", 1, -0.04, "0.0"),
    ("number", 1, -1.25, "-1.3"),  # (a tie away from zero, as people round it)
    ("span", 0, Span(13.5, 13.5), "+14"),
    ("span", 0, Span(13.5, 13.5, approximate=True), "~+14"),
    ("span", 0, Span(0.0, 26.48, approximate=True), "~0 – +26"),  # (each end its sign)
    ("span", 0, Span(8.4, 9.0), "+8 – +9"),  # (a rising range was `8–9` beside `-4 – 0`)
    ("span", 0, Span(-4.4, 0.0), "-4 – 0"),
    ("span", 0, Span(-26.48, -3.0), "-26 – -3"),
    ("span", 0, Span(None, 5.0), "≤ +5"),
    ("span", 0, Span(6.0, None), "≥ +6"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "decimals", "value", "shown"), CHANGES)
def test_a_change_above_zero_is_shown_with_its_plus(
    kind: Any, decimals: int, value: Any, shown: str
) -> None:
    """trend's Δ columns wrote a rise as 682 beside a fall of -5 (the report wrote +682)."""
    changes = Column("change", "Δ", kind, decimals, signed=True)
    assert cell(value, changes) == shown
    figure = shown.replace("+", "").replace("0 – 26", "0–26").replace("8 – 9", "8–9")
    assert cell(value, Column("figure", "F", kind, decimals)) == figure


# (values paired with the figures they are set against, decimals of the column, shown with)
TELLING = [
    ([(100.3, 100.0)], 0, 1),  # over 100, but `100` reads as equal
    ([(99.6, 100.0)], 0, 1),  # under
    ([(100.04, 100.0)], 0, 2),
    ([(100.004, 100.0)], 0, 3),
    ([(99.997, 100.0), (100.001, 100.0)], 0, 3),  # (both showed `100.00`, within and over)
    ([(100.000001, 100.0)], 0, 6),  # (at most a millionth)
    ([(100.0000000000001, 100.0)], 0, 0),  # (a float's noise is no side)
    ([(100.0, 100.0)], 0, 0),  # equal, and shown so
    ([(43.8, 100.0), (160.2, 150.0)], 0, 0),  # rounding keeps each on its side
    ([(-0.02, 0.0)], 1, 2),  # a gap short by 0.02 FTE: `-0.0` is `0.0`
    ([(0.25, 0.0)], 1, 1),
    ([], 1, 1),
]  # fmt: skip


@pytest.mark.parametrize(("pairs", "decimals", "shown"), TELLING)
def test_decimals_never_hide_a_side(pairs: list[Any], decimals: int, shown: int) -> None:
    assert telling_decimals(pairs, decimals) == shown


def kuhmo_factor(over: float) -> str:
    """The --clients-per-unemployed that gives Kuhmo `over` clients per advisor."""
    rows = json.loads(invoke("caseload", "Kuhmo", "-f", "json").stdout)["rows"]
    kuhmo = next(row for row in rows if row["unit"] == "Kuhmo")
    assert kuhmo["target"] == "under 100"
    return f"{over * kuhmo['caseload_fte_min'] / kuhmo['unemployed']:.9f}"


def test_a_status_is_never_contradicted_by_its_rounded_figure(tmp_path: Path) -> None:
    """Kuhmo at 100.3 clients per advisor against "under 100" is over: its table showed
    `100` beside "over", staffing a gap of `≤ 0.0` (≥ 6.0 needed against 6.0), the
    report's card "short: Kuhmo ≤ 0.0"."""
    factor = kuhmo_factor(100.3)
    caseload = table_row(
        invoke("caseload", "Kuhmo", "--clients-per-unemployed", factor).stdout, "Kuhmo"
    )
    assert caseload[caseload.index("under 100") - 1 : caseload.index("under 100") + 2] == [
        "100.3",
        "under 100",
        "over",
    ]
    staffing = table_row(
        invoke("staffing", "Kuhmo", "--clients-per-unemployed", factor).stdout, "Kuhmo"
    )
    assert staffing[4:8] == ["6.0", "≥ 6.02", "≤ -0.02", "3.5"]
    assert "over" in staffing
    allocation = table_row(invoke("allocate", "--clients-per-unemployed", factor).stdout, "Kuhmo")
    # (before with the same decimals: `100` → `100.3` read as made worse)
    assert allocation[allocation.index("over") - 2 : allocation.index("over")] == ["100.3"] * 2
    rows = read_csv(
        invoke("caseload", "Kuhmo", "--clients-per-unemployed", factor, "-f", "csv").stdout_bytes
    )
    assert rows[0]["clients_per_advisor_min"] == "100.3"  # (data formats: 2 more decimals)
    path = tmp_path / "caseload.xlsx"
    invoke("caseload", "Kuhmo", "--clients-per-unemployed", factor, "-f", "xlsx", "-o", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    shown = sheet.cell(2, header.index("clients_per_advisor_min") + 1)
    assert shown.number_format == "#,##0.0"
    assert shown.value == pytest.approx(100.3)
    page = tmp_path / "report.html"
    invoke("report", "--clients-per-unemployed", factor, "-o", str(page))
    text = " ".join(page.read_text(encoding="utf-8").split())
    assert "short: Kuhmo ≤ -0.02" in text
    assert ">100.3<" in text  # the caseload chart's label, as the table beside it


def test_the_clients_beside_a_telling_caseload_have_its_decimals() -> None:
    """Kuhmo's 599.98 clients (263 × 2.2813) read `600` beside 99.997 clients per
    advisor, and 600 / 6.0 is 100."""
    args = ("--clients-per-unemployed", "2.2813")
    caseload = table_row(invoke("caseload", "Kuhmo", *args).stdout, "Kuhmo")
    assert caseload[4:7] == ["599.982", "6.0", "99.997"]
    allocation = table_row(invoke("allocate", *args).stdout, "Kuhmo")
    assert (allocation[2], allocation[8:10]) == ("599.982", ["99.997", "99.997"])
    # staffing: 600 clients beside FTE needed ≥ 5.9998 against under 100
    staffing = table_row(invoke("staffing", "Kuhmo", *args).stdout, "Kuhmo")
    assert staffing[2:7] == ["599.9819", "under 100", "6.0", "≥ 5.9998", "≤ 0.0002"]


@pytest.mark.parametrize(
    ("clients", "caseload", "shown"),
    [
        ([263.0, 1384.0, None], 3, 0),  # whole clients stay whole
        ([599.9819, 1384.0], 3, 3),
        ([599.9819], 0, 0),  # beside a whole caseload, whole
        ([None, 12.5], 1, 1),
    ],
)
def test_clients_decimals(clients: list[float | None], caseload: int, shown: int) -> None:
    assert clients_decimals(clients, caseload) == shown


def test_more_fte_needed_is_never_written_as_none(tmp_path: Path) -> None:
    """Kuhmo at 100.01 against "under 100" stays over after the pool: it said "needs
    0.00 more FTE" beside "over"; and a report of Kuhmo's gave its cards `100` and
    `≤ 0.0` beside "1 over" and "short: Kuhmo ≤ -0.02"."""
    factor = kuhmo_factor(100.01)
    result = invoke("allocate", "--clients-per-unemployed", factor)
    allocation = table_row(result.stdout, "Kuhmo")
    assert allocation[allocation.index("over") + 1] == "0.001"
    assert "Kuhmo needs 0.001 more FTE" in " ".join(result.stdout.split())
    page = tmp_path / "kuhmo.html"
    invoke("report", "Kuhmo", "--clients-per-unemployed", kuhmo_factor(100.3), "-o", str(page))
    text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).split())
    assert "Clients per advisor 100.3 602 clients of Kuhmo" in text
    assert "FTE gap ≤ -0.02 FTE planned less needed" in text
    # The area's figure is set against no target: whole, as the section's intro has it
    # (it was `≤ ~161.80` beside "≤ ~162 clients per advisor").
    page = tmp_path / "area.html"
    invoke("report", "--clients-per-unemployed", kuhmo_factor(100.3), "-o", str(page))
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))).split())
    assert "Clients per advisor ≤ ~162 over the area's caseload FTE" in text
    assert "≤ ~162 clients per advisor." in text


PALTAMO = "Paltamo (ml. Hyrynsalmi ja Ristijärvi)"


def test_a_floats_noise_is_no_status() -> None:
    """216 × 1.1 / 4 is 59.400000000000006 in floats: Paltamo against 50–59.4 was
    "over", shown `~59.400000`, its gap `~-0.752000 – 0.000000`, and allocate said
    "needs 0.000000 more FTE"."""
    args = ("--clients-per-unemployed", "1.1", "--target", "50-59.4")
    caseload = table_row(invoke("caseload", "Paltamo", *args).stdout, PALTAMO)
    assert caseload[caseload.index("50–59.4") - 1 : caseload.index("50–59.4") + 2] == [
        "~59.4",
        "50–59.4",
        "within",
    ]
    staffing = table_row(invoke("staffing", "Paltamo", *args).stdout, PALTAMO)
    assert staffing[4:8] == ["~4.0", "4.0–4.8", "~-0.8 – 0.0", "~2.0"]
    allocation = invoke("allocate", *args, "-f", "json").stdout
    rows = json.loads(allocation)["rows"]
    paltamo = next(row for row in rows if row["unit"].startswith("Paltamo"))
    assert (paltamo["status"], paltamo["more_fte_needed"]) == ("within", None)


def test_whole_figures_where_they_tell() -> None:
    """Where rounding hides no side, the columns keep their decimals (Kuhmo's 44)."""
    caseload = table_row(invoke("caseload", "Kuhmo").stdout, "Kuhmo")
    assert caseload[caseload.index("under 100") - 1] == "44"
    staffing = table_row(invoke("staffing", "Kuhmo").stdout, "Kuhmo")
    assert staffing[4:8] == ["6.0", "≥ 2.6", "≤ 3.4", "3.5"]


def test_each_side_of_a_scenario_has_its_own_decimals(tmp_path: Path) -> None:
    """The scenario's column showed its caseload with the base case's decimals."""
    rows = json.loads(invoke("caseload", "Kuhmo", "-f", "json").stdout)["rows"]
    kuhmo = next(row for row in rows if row["unit"] == "Kuhmo")
    change = 100.3 * kuhmo["caseload_fte_min"] / kuhmo["unemployed"] * 100 - 100
    path = tmp_path / "scenario.yaml"
    path.write_text(
        f"name: Kuhmo just over\nmunicipalities:\n  Kuhmo: {{unemployed_change: {change:.3f}}}\n"
    )
    shown = table_row(invoke("scenario", str(path)).stdout, "Kuhmo")
    at = shown.index("over")
    assert shown[at - 3 : at + 1] == ["44", "100.3", "within", "over"]


def test_a_tie_is_rounded_away_from_zero_in_every_format() -> None:
    """The table view wrote Posio's 297 clients over 2 FTE `148`, a spreadsheet shows the
    xlsx's 148.5 as 149; both now round a tie away from zero, as the data formats do."""
    column = Column("clients_per_advisor", "Clients / advisor", "number", 0)
    assert cell(297 / 2, column) == "149"
    assert cell(-297 / 2, column) == "-149"
    assert scalar(0.125, 0) == 0.13  # (two decimals more: to even, it was 0.12)
    assert scalar(0.135, 0) == 0.14


@pytest.mark.parametrize(
    ("value", "decimals", "kept", "shown"),
    [
        (148.496, 0, 148.49, "148"),  # (148.50 in a cell formatted `#,##0` shows 149)
        (-148.496, 0, -148.49, "-148"),
        (148.5, 0, 148.5, "149"),
        (12.3449, 1, 12.345, "12.3"),  # (two more decimals only: 12.345 shows 12.3)
        (12.34951, 1, 12.349, "12.3"),
        (43.8333, 0, 43.83, "44"),
    ],
)
def test_kept_decimals_show_the_tables_figure(
    value: float, decimals: int, kept: float, shown: str
) -> None:
    """A spreadsheet shows an xlsx cell with the column's decimals: the kept value must
    round to the figure the table shows."""
    column = Column("clients_per_advisor", "Clients / advisor", "number", decimals)
    assert scalar(value, decimals) == kept
    assert cell(value, column) == shown
    assert cell(kept, column) == shown  # (as a spreadsheet rounds: a tie away from zero)

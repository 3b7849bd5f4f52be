"""Monthly CSV files: what import writes reads back as it was, where the cells stand,
and the months' findings from the cache."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edits import MONTH_HEADER
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.months import read_csv_text
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.runner import run
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.monthcsv import CsvSyntaxError, read, record_cells, render
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, ROW_FIELDS

SOURCE = "Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"
CODES = ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]
KAJAANI = {
    "labour_force": 16917,
    "unemployment_rate": 12.2,
    "unemployed": 2066,
    "men": 1167,
    "women": 899,
    "under_20": 132,
    "under_25": 422,
    "over_50": 619,
    "long_term": 626,
    "disabled_or_ill": 294,
    "foreign": 287,
    "open_vacancies": 253,
    "job_seekers": 3248,
    "in_services": 512,
}


def coded_plan() -> Any:
    """The bundled plan with its municipalities coded CODES and no statistics of its own."""
    area = load_area(bundled_data_dir())
    return area.plan.model_copy(
        update={
            "municipalities": [
                m.model_copy(update={"code": code, "statistics": None})
                for m, code in zip(area.plan.municipalities, CODES, strict=True)
            ]
        }
    )


def read_rows(text: str) -> tuple[str, list[dict[str, Any]]]:
    """What loading makes of a month's text (in an area of CODES): source, rows."""
    plan = coded_plan()
    errors: list[DataError] = []
    read_back = read_csv_text(Path("2026-06.csv"), text, month="2026-06", plan=plan, errors=errors)
    assert errors == [] and read_back is not None
    source, table, _ = read_back
    return source, [{"municipality": code, **table.values(i)} for i, code in enumerate(table.codes)]


def month(rows: list[dict[str, Any]], source: str = SOURCE) -> str:
    return render(source=source, rows=[(row["municipality"], "", row) for row in rows])


def test_a_month_reads_back_as_import_wrote_it() -> None:
    rows = [{"municipality": code, **KAJAANI} for code in CODES]
    text = month(rows)
    assert text.splitlines()[1] == (
        f'105,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,"{SOURCE}"'
    )
    source, read_back = read_rows(text)
    assert source == SOURCE
    assert read_back == rows
    assert read_back[0]["municipality"] == "105"  # the leading zero stays
    assert isinstance(read_back[0]["unemployed"], int)


def _rows(**changes: Any) -> list[dict[str, Any]]:
    return [{"municipality": code, **KAJAANI, **changes} for code in CODES]


READ_BACK = {
    "withheld and missing": _rows(men="withheld", foreign="missing"),
    "empty optional cells": _rows(unemployment_rate=None, in_services=None),
    "whole rate": _rows(unemployment_rate=12.0),
}


@pytest.mark.parametrize("rows", READ_BACK.values(), ids=list(READ_BACK))
def test_months_read_back(rows: list[dict[str, Any]]) -> None:
    assert read_rows(month(rows)) == (SOURCE, rows)
    assert read_rows(month(rows).replace("\n", "\r\n")) == (SOURCE, rows)
    assert read_rows(month(rows).replace("\n", "\r")) == (SOURCE, rows)  # (old Mac)
    assert read_rows(month(rows, source='the "12r5" table, 2026')) == (
        'the "12r5" table, 2026',
        rows,
    )


def test_other_column_orders_and_blank_lines_read_alike() -> None:
    text = month(_rows())
    header, *lines = text.splitlines()
    last = header.count(",")  # (the source, last: it may hold commas)
    order = [last, *range(last)]
    swapped = [",".join(header.split(",")[i] for i in order)]
    for line in lines:
        cells = line.split(",", last)
        swapped.append(",".join(cells[i] for i in order))
    assert read_rows("\n\n".join(swapped) + "\n\n") == read_rows(text)


def test_rows_of_only_empty_cells_are_blank_lines() -> None:
    """A spreadsheet saves the rows it once formatted as `,,,,` (here after the last
    municipality and between two): they were 26 errors, two a cell, in a file of 10."""
    text = month(_rows())
    header, *lines = text.splitlines()
    empty = "," * header.count(",")
    edited = [header, lines[0], empty, *lines[1:], empty + "\r", " ," * header.count(",")]
    assert read_rows("\n".join(edited) + "\n") == read_rows(text)


def test_cell_positions() -> None:
    lines = ['a,"b,c"', '"d', '""e""",f', ""]
    assert [(c.text, c.line, c.column) for c in record_cells(lines, 1)] == [
        ("a", 1, 1),
        ("b,c", 1, 3),
    ]
    assert [(c.text, c.line, c.column) for c in record_cells(lines, 2)] == [
        ('d\n"e"', 2, 1),
        ("f", 3, 8),
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('a,"b\nc\n', (1, 3)),
        ('a,"b"c,d\n', (1, 6)),
        ('a,b"c\n', (1, 4)),
        ('a,"b" \n', (1, 6)),
    ],
    ids=["never closed", "text after the quote", "quote inside", "blank after the quote"],
)
def test_what_is_not_csv_is_placed(text: str, place: tuple[int, int]) -> None:
    with pytest.raises(CsvSyntaxError) as raised:
        record_cells(text.split("\n"), 1)
    assert (raised.value.line, raised.value.column) == place
    problems = read(Path("x.csv"), text).problems
    assert [(p.line, p.column) for p in problems] == [place]
    assert problems[0].message.startswith("CSV syntax error: ")


# ------------------------------------------------------------------ random months

COUNT = st.integers(0, 400)


@st.composite
def month_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = []
    for code in CODES:
        unemployed = draw(COUNT)
        labour_force = unemployed + draw(COUNT)
        row: dict[str, Any] = {"municipality": code, "labour_force": labour_force}
        row["unemployed"] = unemployed
        cell = st.one_of(st.integers(0, unemployed), st.sampled_from(["withheld", "missing"]))
        for group in GROUP_FIELDS:
            row[group] = draw(cell)
        row["open_vacancies"] = draw(st.one_of(COUNT, st.just("withheld")))
        # (the unemployed are job seekers too: a month with fewer is refused)
        seekers = st.integers(unemployed, unemployed + 10_000)
        row["job_seekers"] = draw(st.one_of(st.none(), seekers, st.just("withheld")))
        row["in_services"] = draw(st.one_of(st.none(), COUNT, st.just("missing")))
        rate = None
        if labour_force and draw(st.booleans()):
            # the rate as published, or off by a little or a lot
            rate = round(unemployed / labour_force * 100 + draw(st.sampled_from([0, 0.1, 3])), 1)
            rate = draw(st.sampled_from([rate, float(round(rate))])) if rate <= 100 else None
        row["unemployment_rate"] = rate
        rows.append(row)
    return rows


def _as_read(row: dict[str, Any]) -> dict[str, Any]:
    rate = row["unemployment_rate"]
    return {**row, "unemployment_rate": None if rate is None else float(rate)}


@settings(max_examples=60, deadline=None)
@given(month_rows())
def test_random_months_read_back(rows: list[dict[str, Any]]) -> None:
    if any(
        isinstance(row[group], int) and row[group] > row["unemployed"]
        for row in rows
        for group in GROUP_FIELDS
    ):
        return
    assert read_rows(month(rows)) == (SOURCE, [_as_read(row) for row in rows])


@pytest.fixture(scope="module")
def area_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("area") / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


TOKENS = [
    "",
    " 1",
    "1 ",
    "1.0",
    "1.",
    ".5",
    "-1",
    "-2",
    "+1",
    "007",
    "1e3",
    "1E3",
    "NaN",
    "Infinity",
    "null",
    "true",
    "~",
    '"5"',
    '"5,5"',
    "5,5",
    "12.25",
    "12.2",
    "0",
    "withheld",
    "missing",
    "withheld5",
    "5missing",
    "missingwithheld",
    "Withheld",
    "1_000",
    "0x10",
    "٣",
    "١٢",
]


@settings(max_examples=100, deadline=None)
@given(
    rows=month_rows(),
    edits=st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 15), st.sampled_from(TOKENS)),
        min_size=1,
        max_size=3,
    ),
)
def test_cells_stand_where_the_csv_module_reads_them(
    rows: list[dict[str, Any]], edits: list[tuple[int, int, str]]
) -> None:
    lines = month(rows).splitlines()
    for row, index, token in edits:
        head, quote, source = lines[row + 1].partition(',"')
        cells = head.split(",")
        if index < len(cells):
            cells[index] = token
        else:
            source = token + '"'
        lines[row + 1] = ",".join(cells) + quote + source
    text = "\n".join(lines) + "\n"
    try:
        expected = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error:
        assert read(Path("x.csv"), text).problems
        return
    try:
        placed = [record_cells(lines, number) for number in range(1, len(lines) + 1)]
    except CsvSyntaxError:  # a quote inside a cell that does not start with one
        assert any('"' in cell for record in expected for cell in record)
        assert read(Path("x.csv"), text).problems
        return
    assert [[cell.text for cell in record] for record in placed] == expected
    for record in placed:  # each cell stands where its text (or its quote) starts
        for cell in record:
            written = lines[cell.line - 1][cell.column - 1 :]
            assert written.startswith(cell.text) or written.startswith('"')


def test_findings_in_month_files_are_the_same_from_the_cache(
    area_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyollisyys_cli.area import cache

    rows = [
        {"municipality": code, **KAJAANI, "men": 1100, "under_20": 500, "unemployment_rate": 9.9}
        for code in CODES
    ]
    rows[1]["women"] = "withheld"
    (area_copy / "statistics").mkdir(exist_ok=True)
    (area_copy / "statistics" / "2026-06.csv").write_text(month(rows), "utf-8")
    monkeypatch.setenv("TYOLLISYYS_CACHE_DIR", str(tmp_path / "cache"))
    direct = run(load_area(area_copy)).findings
    first = run(cache.load_area_cached(area_copy)).findings  # reads the files, writes the cache

    def not_read(data_dir: Path) -> Any:
        raise AssertionError("the cached area was not used")

    again = run(cache.load_area_cached(area_copy, not_read)).findings
    in_month = [f for f in direct if f.file.name == "2026-06.csv"]
    assert {f.code for f in in_month} == {"GRP001", "GRP003", "RAT001"}
    assert all(f.line is not None and f.column is not None for f in in_month)
    assert direct == first == again


def test_a_count_too_long_for_python_is_a_data_error(tmp_path: Path) -> None:
    """More digits than Python converts to a number (4300): a message, not a crash."""
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    month = target / "statistics" / "2026-06.csv"
    month.parent.mkdir(exist_ok=True)
    month.write_text(f"{MONTH_HEADER}\n105,708,11.4,{'9' * 5000},54,27,0,5,53,32,10,3,3,142,3,x\n")
    with pytest.raises(DataErrors) as raised:
        load_area(target)
    (error,) = raised.value.errors
    assert (error.line, error.column) == (2, 14)
    assert "rows[0].unemployed" in str(error)
    assert "a number too large to use" in str(error)


def test_a_yaml_month_is_an_error_that_says_how_to_convert_it(tmp_path: Path) -> None:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    (target / "statistics").mkdir(exist_ok=True)
    (target / "statistics" / "2026-06.yaml").write_text("month: 2026-06\n", "utf-8")
    with pytest.raises(DataErrors) as raised:
        load_area(target)
    (error,) = raised.value.errors
    assert error.file.name == "2026-06.yaml" and (error.line, error.column) == (1, 1)
    assert "re-import the month with `tyollisyys import statfin FILE`" in error.message
    assert "municipality," + ",".join(ROW_FIELDS) + ",source" in error.message


def _with_blank_line(text: str, after: int, blank: str) -> str:
    """`text` with a blank line written as `blank` after its line `after` (1-based)."""
    lines = text.split("\n")
    return "\n".join(lines[:after]) + "\n" + blank + "\n".join(lines[after:])


@pytest.mark.parametrize("blank", ["\n", "\r\n", "\r\r\n"])
def test_a_month_read_without_the_cache_places_findings_where_its_text_has_them(
    area_copy: Path, blank: str
) -> None:
    rows = [{"municipality": code, **KAJAANI} for code in CODES]
    rows[2]["unemployment_rate"] = 9.9  # Kuhmo's rate, not 2066 / 16917
    for other in rows[1], rows[3]:  # lines unlike Kuhmo's: a longer labour force, no rate
        other.update(labour_force=169170, unemployment_rate=None)
    text = _with_blank_line(month(rows), 2, blank)
    path = area_copy / "statistics" / "2026-06.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode())
    (finding,) = [f for f in run(load_area(area_copy)).findings if f.file == path]
    assert finding.line is not None
    # (as an editor counts lines: a lone CR ends one too, so `\r\r\n` is two breaks)
    line = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[finding.line - 1]
    assert (finding.code, line.split(",")[0]) == ("RAT001", "290")
    assert finding.column == line.index(",9.9,") + 2


def test_a_month_file_gone_after_loading_leaves_its_rows_placed(
    area_copy: Path, tmp_path: Path
) -> None:
    from tyollisyys_cli.area.dataset import ValueRef

    path = area_copy / "statistics" / "2026-06.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(month([{"municipality": code, **KAJAANI} for code in CODES]), "utf-8")
    area = load_area(area_copy)
    path.rename(tmp_path / "moved.csv")
    where = area.locate(ValueRef("statistics/2026-06", ("rows", 2, "unemployment_rate")))
    assert (where.line, where.column) == (4, 1)  # the row's line: its cells cannot be read


#: Cell texts: numbers as import writes them, and what an editor can leave.
CELL_TEXTS = st.one_of(
    st.sampled_from(TOKENS),
    st.integers(0, 10**7).map(str),
    st.from_regex(r"[0-9]{1,3}\.[0-9]{1,3}", fullmatch=True),
    st.text(alphabet="0123456789.-+e _wihtdmsng", max_size=5),
)


@given(st.lists(CELL_TEXTS, min_size=1, max_size=12))
def test_a_column_is_read_as_its_cells_are_one_by_one(texts: list[str]) -> None:
    from tyollisyys_cli.files.monthcsv import _values, cell_value

    expected = [cell_value(text) for text in texts]
    read = _values(texts)
    assert [type(value) for value in read] == [type(value) for value in expected]
    assert [repr(value) for value in read] == [repr(value) for value in expected]


def test_a_months_problems_come_row_by_row_each_from_left_to_right() -> None:
    rows = [{"municipality": code, **KAJAANI} for code in CODES]
    rows[0].update(women="many", men="lots")
    rows[1]["labour_force"] = "most"
    errors: list[DataError] = []
    text = month(rows)
    read_csv_text(Path("2026-06.csv"), text, month="2026-06", plan=coded_plan(), errors=errors)
    assert [(e.field, e.line) for e in errors] == [
        ("rows[0].men", 2),
        ("rows[0].women", 2),
        ("rows[1].labour_force", 3),
    ]


@pytest.mark.parametrize(("today", "held"), [("2026-06", True), ("2026-05", False)])
def test_the_month_of_today_may_be_held_a_later_one_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: str, held: bool
) -> None:
    """A month to come is refused (its name mistyped); this month's is taken."""
    monkeypatch.setattr("tyollisyys_cli.area.months.this_month", lambda: today)
    monkeypatch.setenv("TYOLLISYYS_NO_CACHE", "1")
    data = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), data)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(_rows()), encoding="utf-8")
    if held:
        assert "2026-06" in load_area(data).months
        return
    with pytest.raises(DataErrors) as refused:
        load_area(data)
    assert [error.message for error in refused.value.errors] == [
        "the month 2026-06 has not come yet, so there are no statistics of it: is the year or "
        "the month in the name mistyped?"
    ]


def test_a_blank_after_a_closing_quote_is_told_as_a_blank() -> None:
    # (a trailing space an editor left after the quoted source: "put the whole cell in
    # quotes and write a quote inside it twice", which it was)
    (problem,) = read(Path("x.csv"), 'a,b\n1,"x" \n').problems
    assert problem.message == (
        "CSV syntax error: a blank follows the quote that closes this cell (an editor's "
        "trailing space?); remove it"
    )

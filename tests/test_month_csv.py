"""Monthly CSV files: the fast reader agrees with the exact one, and the rules' shortcuts
with their row-by-row checks."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.monthtable import MISSING, WITHHELD, MonthTable
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.runner import run
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.files.monthcsv import read_exact, read_fast, records, render
from tyollisyys_cli.models.monthly import MonthlyRow
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


def exact_rows(text: str) -> tuple[str, list[dict[str, Any]]]:
    """What the exact reader and the models make of a month's text: source, rows."""
    read = read_exact(Path("2026-06.csv"), text, month="2026-06")
    assert read.problems == []
    rows = []
    sources = set()
    for values in read.data["rows"]:
        values = dict(values)
        sources.add(values.pop("source"))
        row = MonthlyRow.model_validate(values)
        rows.append({"municipality": row.municipality, **{f: getattr(row, f) for f in ROW_FIELDS}})
    assert len(sources) == 1
    return sources.pop(), rows


def fast_rows(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    read = read_fast(text)
    if read is None:
        return None
    source, table = read
    return source, [{"municipality": code, **table.values(i)} for i, code in enumerate(table.codes)]


def month(rows: list[dict[str, Any]], source: str = SOURCE) -> str:
    return render(source=source, rows=[(row["municipality"], "", row) for row in rows])


def test_the_fast_reader_reads_what_import_writes() -> None:
    text = month([{"municipality": "205", **KAJAANI}, {"municipality": "091", **KAJAANI}])
    assert text.splitlines()[1] == (
        f'205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,"{SOURCE}"'
    )
    assert fast_rows(text) == exact_rows(text)
    source, rows = exact_rows(text)
    assert source == SOURCE
    assert rows[1]["municipality"] == "091"  # the leading zero stays
    assert rows[0]["unemployment_rate"] == 12.2 and isinstance(rows[0]["unemployed"], int)


def _row(**changes: Any) -> dict[str, Any]:
    return {"municipality": "205", **KAJAANI, **changes}


READ_ALIKE = {  # name: (text, whether the fast reader takes it)
    "withheld and missing": (month([_row(men="withheld", foreign="missing")]), True),
    "empty optional cells": (month([_row(unemployment_rate=None, in_services=None)]), True),
    "whole rate": (month([_row(unemployment_rate=12)]), True),
    "CRLF line ends": (month([_row()]).replace("\n", "\r\n"), True),
    "quote in the source": (month([_row()], source='the "12r5" table, 2026'), False),
}


@pytest.mark.parametrize(("text", "fast"), READ_ALIKE.values(), ids=list(READ_ALIKE))
def test_both_readers_agree(text: str, fast: bool) -> None:
    read = fast_rows(text)
    assert (read is not None) == fast
    assert read is None or read == exact_rows(text)


LINE = f'205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,"{SOURCE}"'
HEADER = month([]).splitlines()[0]
REFUSED = {
    "space before a number": LINE.replace(",2066,", ", 2066,"),
    "leading zero": LINE.replace(",2066,", ",02066,"),
    "exponent": LINE.replace(",12.2,", ",1.22e1,"),
    "two decimals": LINE.replace(",12.2,", ",12.25,"),
    "sign": LINE.replace(",2066,", ",+2066,"),
    "quoted number": LINE.replace(",2066,", ',"2066",'),
    "unquoted source": LINE.replace(f'"{SOURCE}"', "manual"),
    "float count": LINE.replace(",2066,", ",2066.0,"),
    "yes as a count": LINE.replace(",899,", ",true,"),
    "null count": LINE.replace(",899,", ",null,"),
    "NaN rate": LINE.replace(",12.2,", ",NaN,"),
    "empty count": LINE.replace(",2066,", ",,"),
    "empty cell": LINE.replace(",287,", ",,"),
    "word glued before": LINE.replace(",287,", ",withheld5,"),
    "word glued after": LINE.replace(",287,", ",5withheld,"),
    "two words glued": LINE.replace(",287,", ",missingwithheld,"),
    "a minus one": LINE.replace(",287,", ",-1,"),
}


@pytest.mark.parametrize("line", REFUSED.values(), ids=list(REFUSED))
def test_the_fast_reader_leaves_the_unusual_to_the_exact_one(line: str) -> None:
    assert read_fast(f"{HEADER}\n{line}\n") is None


def test_a_cell_moved_to_the_next_line_is_read_exactly() -> None:
    # As many cells in all as the rows need, one too few on the first line and one too
    # many on the second, with values that would pass for the shifted columns: the fast
    # reader counts each line's.
    first = month([_row(unemployment_rate=12)]).splitlines()[1].replace(',512,"', ',"')
    second = '290,1500,12,50,30,20,1,5,10,10,5,2,3,80,4,7,"' + SOURCE + '"'
    assert read_fast(f"{HEADER}\n{first}\n{second}\n") is None
    whole = first.replace(',"', ',512,"'), second.replace(",7,", ",")
    fixed = f"{HEADER}\n{whole[0]}\n{whole[1]}\n"
    assert read_fast(fixed) is not None


def test_other_column_orders_and_blank_lines_are_read_exactly() -> None:
    text = month([_row()])
    header, line = text.splitlines()
    names, cells = header.split(","), line.split(",", 15)
    order = [15, *range(15)]
    swapped = ",".join(names[i] for i in order) + "\n" + ",".join(cells[i] for i in order)
    assert read_fast(swapped + "\n\n") is None
    assert exact_rows(swapped + "\n\n") == exact_rows(text)


def test_cell_positions() -> None:
    text = 'a,"b,c"\n"d\n""e""",f\n'
    assert [[(c.text, c.line, c.column) for c in record] for record in records(text)] == [
        [("a", 1, 1), ("b,c", 1, 3)],
        [('d\n"e"', 2, 1), ("f", 3, 8)],
    ]


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
        row["job_seekers"] = draw(st.one_of(st.none(), COUNT, st.just("withheld")))
        row["in_services"] = draw(st.one_of(st.none(), COUNT, st.just("missing")))
        rate = None
        if labour_force and draw(st.booleans()):
            # the rate as published, or off by a little or a lot
            rate = round(unemployed / labour_force * 100 + draw(st.sampled_from([0, 0.1, 3])), 1)
            rate = draw(st.sampled_from([rate, float(round(rate))])) if rate <= 100 else None
        row["unemployment_rate"] = rate
        rows.append(row)
    return rows


@settings(max_examples=60, deadline=None)
@given(month_rows())
def test_random_months_read_alike(rows: list[dict[str, Any]]) -> None:
    text = month(rows)
    fast = fast_rows(text)
    assert fast is not None
    assert fast == exact_rows(text)


@pytest.fixture(scope="module")
def area_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("area") / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def _every_row(context: Context, suspects: Any = None) -> Any:
    return ORIGINAL(context, None)


ORIGINAL = Context.statistics_rows


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=month_rows())
def test_the_rules_shortcuts_find_what_the_row_by_row_checks_find(
    rows: list[dict[str, Any]], area_copy: Path
) -> None:
    path = area_copy / "statistics" / "2026-06.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(month(rows), "utf-8")
    try:
        area = load_area(area_copy)
    except DataErrors:  # a group above the unemployed: refused at loading, as it should be
        return
    assert type(area.snapshot().rows).__name__ == "MonthRows"
    quick = run(area).findings
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Context, "statistics_rows", _every_row)
        patch.setattr(
            "tyollisyys_cli.check.rules.rat001_unemployment_rate.suspects",
            lambda table: range(len(table)),
        )
        thorough = run(area).findings
    assert quick == thorough


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


@settings(max_examples=300, deadline=None)
@given(
    rows=month_rows(),
    edits=st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 15), st.sampled_from(TOKENS)),
        min_size=1,
        max_size=3,
    ),
)
def test_what_the_fast_reader_takes_the_exact_one_reads_alike(
    rows: list[dict[str, Any]], edits: list[tuple[int, int, str]]
) -> None:
    lines = month(rows).splitlines()
    for row, cell, token in edits:
        head, quote, source = lines[row + 1].partition(',"')
        cells = head.split(",")
        if cell < len(cells):
            cells[cell] = token
        else:
            source = token + '"'
        lines[row + 1] = ",".join(cells) + quote + source
    text = "\n".join(lines) + "\n"
    fast = fast_rows(text)
    if fast is None:
        return
    read = read_exact(Path("2026-06.csv"), text, month="2026-06")
    assert read.problems == []
    assert fast == exact_rows(text)


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


def test_groups_over_the_unemployed_are_found_once() -> None:
    columns: dict[str, list[Any]] = {name: [0, 0, 0, 0] for name in ROW_FIELDS}
    columns["unemployed"] = [5, 5, 5, 0]
    columns["men"] = [6, WITHHELD, 5, 0]
    columns["foreign"] = [0, 7, MISSING, 1]
    table = MonthTable(("001", "002", "003", "004"), columns)
    assert table.groups_over_unemployed() == [0, 1, 3]
    assert table.groups_over_unemployed() is table.groups_over_unemployed()


def test_a_count_too_long_for_python_is_a_data_error(tmp_path: Path) -> None:
    """More digits than Python converts to a number (4300): a message, not a crash."""
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    month = target / "statistics" / "2026-06.csv"
    month.parent.mkdir(exist_ok=True)
    header = "municipality,labour_force,unemployment_rate,unemployed,men,women,under_20,"
    header += "under_25,over_50,long_term,disabled_or_ill,foreign,open_vacancies,job_seekers,"
    header += "in_services,source"
    month.write_text(f"{header}\n105,708,11.4,{'9' * 5000},54,27,0,5,53,32,10,3,3,142,3,x\n")
    with pytest.raises(DataErrors) as raised:
        load_area(target)
    (error,) = raised.value.errors
    assert (error.line, error.column) == (2, 14)
    assert "rows[0].unemployed" in str(error)
    assert "a number too large to use" in str(error)

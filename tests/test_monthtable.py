"""A month's table: its columns give back the validated rows, on every route (walked as
`RowValues`, looked up or walked as `MonthlyRow`, after a trip through the cache)."""

from __future__ import annotations

import pickle
from array import array
from typing import Any

from test_month_csv import KAJAANI as KAJAANI_JUNE_2026
from tyollisyys_cli.area.monthtable import MonthRows, MonthTable, RowValues, table_of_columns
from tyollisyys_cli.models.monthly import MonthlyRow
from tyollisyys_cli.models.rowfields import ROW_FIELDS

#: Kajaani in June 2026, as the month files of `test_month_csv` hold it.
KAJAANI: dict[str, Any] = {"municipality": "205", **KAJAANI_JUNE_2026}
#: Unknown and empty cells, no published rate.
PALTAMO = {
    **KAJAANI,
    "municipality": "620",
    "unemployment_rate": None,
    "under_20": "withheld",
    "foreign": "missing",
    "job_seekers": None,
    "in_services": "withheld",
}
#: The largest count validation lets through (`MAX_FIGURE`): it still fits a 32-bit column.
HUGE = {**KAJAANI, "municipality": "105", "labour_force": 10_000_000, "unemployment_rate": 0.0}
ROWS = [KAJAANI, PALTAMO, HUGE]
TEXTS = ["12.2", "", "0.000"]


def rows() -> list[MonthlyRow]:
    return [MonthlyRow.model_validate(row) for row in ROWS]


def month_table() -> MonthTable:
    """The table of the validated rows' columns, as reading a month file makes it."""
    validated = rows()
    names = ("municipality", *ROW_FIELDS)
    return table_of_columns({name: [getattr(r, name) for r in validated] for name in names}, TEXTS)


def test_walked_rows_are_the_validated_rows() -> None:
    table = month_table()
    walked = list(table.rows())
    assert [row._asdict() for row in walked] == ROWS
    assert all(type(row) is RowValues for row in walked)
    assert walked[1].under_20 == "withheld" and walked[1].job_seekers is None
    assert [table.values(i) for i in range(3)] == [
        {name: row[name] for name in ROW_FIELDS} for row in ROWS
    ]


def test_counts_and_rates_are_held_as_arrays() -> None:
    table = month_table()
    men, rates = table.columns["men"], table.columns["unemployment_rate"]
    assert isinstance(men, array) and men.typecode == "i"
    assert isinstance(rates, array) and rates.typecode == "d"
    assert list(rates) == [12.2, -1.0, 0.0]
    assert list(table.columns["in_services"]) == [512, -1, 512]
    assert list(table.columns["labour_force"]) == [16917, 16917, 10_000_000]


def test_a_table_from_the_cache_holds_the_same_rows_and_rate_texts() -> None:
    table = pickle.loads(pickle.dumps(month_table()))
    assert [row._asdict() for row in table.rows()] == ROWS
    assert list(table.rate_texts) == TEXTS
    assert table.codes == ("205", "620", "105")


def test_month_rows_are_the_validated_models_looked_up_or_walked() -> None:
    validated = rows()
    month = MonthRows(pickle.loads(pickle.dumps(month_table())))
    assert month["620"] == validated[1]
    assert list(month.values()) == validated
    assert dict(month.items())["105"].labour_force == 10_000_000
    assert month["620"].model_fields_set == validated[1].model_fields_set

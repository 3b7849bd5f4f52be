"""Tables as plain records for data formats (csv, json, xlsx).

What the data formats share: the flat list of data columns (a `span` column becomes
`<key>_min` and `<key>_max`, a `bar` column is left out) and each cell as a plain
scalar: text, int, float, bool or None (withheld, missing or not applicable), or a
figure as written (`Written`), which each format writes with its own digits.

Floats are rounded to the column's display decimals + 2, which keeps the precision a
script needs (43.83 clients per advisor where the table shows 44) and drops binary
noise (8.29, not 8.290000000000001), never into another figure than the table shows
(148.496 is 148.49, shown as 148 with no decimals as in the table; 148.50 would show
as 149). Whole numbers stay as they were given: ints stay ints and floats stay floats.
A figure as written keeps exactly its written decimals (`105`, `89.13`), whatever the
column's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from tyollisyys_cli.i18n import _, rounded
from tyollisyys_cli.render.model import Column, Label, TableData
from tyollisyys_cli.render.text import description, standalone_header
from tyollisyys_cli.values import Span, Unknown, Written

Scalar = str | int | float | bool | None
#: A data cell: a plain scalar, or a figure to be written with its own digits.
Cell = Scalar | Written
DataType = Literal["string", "integer", "number", "boolean"]

#: Extra decimals kept in data formats beyond what the table view shows.
EXTRA_DECIMALS = 2

_TYPES: dict[str, DataType] = {
    "text": "string",
    "int": "integer",
    "number": "number",
    "percent": "number",
    "span": "number",
}


@dataclass(frozen=True)
class DataColumn:
    """One column of a data format: its key, JSON type and precision, and its friendly
    header and description in the run's language (the key never changes)."""

    key: str
    header: str
    type: DataType
    decimals: int
    description: str = ""
    #: The values are changes (`Column.signed`): a spreadsheet shows `+682`.
    signed: bool = False


def data_columns(table: TableData) -> list[DataColumn]:
    """The table's columns as data formats write them (spans split, bars dropped)."""
    columns: list[DataColumn] = []
    for column in table.columns:
        if column.kind == "bar":
            continue
        decimals = 0 if column.kind == "int" else column.decimals
        if column.kind == "span":
            for bound in ("min", "max"):
                columns.append(
                    DataColumn(
                        f"{column.key}_{bound}",
                        _bound_header(table, column, bound),
                        "number",
                        decimals,
                        _bound_description(column, bound),
                        column.signed,
                    )
                )
        else:
            columns.append(
                DataColumn(
                    column.key,
                    standalone_header(table, column),
                    _TYPES[column.kind],
                    decimals,
                    description(column),
                    column.signed,
                )
            )
    return columns


def _bound_header(table: TableData, column: Column, bound: str) -> str:
    named = standalone_header(table, column)
    if bound == "min":
        return _("{header} (min)").format(header=named)
    return _("{header} (max)").format(header=named)


def _bound_description(column: Column, bound: str) -> str:
    """What a bound's column holds, and what its empty cell means (an open bound: `≥ 4`
    has no upper bound; both empty: no value, as for a member's staff)."""
    if bound == "min":
        text = _("lower bound; empty (null) where there is none (≤: at most) or no value")
    else:
        text = _("upper bound; empty (null) where there is none (≥: at least) or no value")
    said = description(column)
    return _("{description}: {bound}").format(description=said, bound=text) if said else text


def data_rows(table: TableData) -> list[list[Cell]]:
    """Every row as cells in the order of `data_columns(table)`."""
    rows: list[list[Cell]] = []
    for row in table.rows:
        cells: list[Cell] = []
        for column in table.columns:
            if column.kind == "bar":
                continue
            decimals = 0 if column.kind == "int" else column.decimals
            value = row.get(column.key)
            if column.kind == "span":
                low, high = _bounds(value)
                cells.append(scalar(low, decimals))
                cells.append(scalar(high, decimals))
            elif column.kind == "int" and isinstance(value, float) and value.is_integer():
                cells.append(int(value))  # an integer column holds integers
            else:
                cells.append(scalar(value, decimals))
        rows.append(cells)
    return rows


def records(table: TableData) -> list[dict[str, Scalar]]:
    """Every row as a dict of plain scalars keyed by data column key, in column order."""
    keys = [column.key for column in data_columns(table)]
    return [dict(zip(keys, (plain(cell) for cell in row), strict=True)) for row in data_rows(table)]


def plain(cell: Cell) -> Scalar:
    """A cell as a plain scalar: a figure as written becomes its number (an int when it
    was written without decimals)."""
    if isinstance(cell, Written):
        return written_number(cell)
    return cell


def written_number(figure: Written) -> int | float:
    """`105` for a figure written `105`, `89.13` for `89.13` (no float noise)."""
    if figure.decimals == 0 and float(figure.value).is_integer():
        return int(figure.value)
    return round(figure.value, figure.decimals)


def written_text(figure: Written, *, decimal_comma: bool = False) -> str:
    """A figure as written, as plain text: `105`, `89.13`, `7.0` (`7,0` with a comma)."""
    text = f"{figure.value:.{figure.decimals}f}"
    return text.replace(".", ",") if decimal_comma else text


def _bounds(value: Any) -> tuple[Any, Any]:
    if isinstance(value, Span):
        return value.low, value.high
    if value is None or isinstance(value, Unknown):
        return None, None
    return value, value


def scalar(value: Any, decimals: int) -> Cell:
    """One cell as a plain value: unknown → None, floats rounded, spans as text if inexact;
    a figure as written stays one."""
    if value is None or isinstance(value, Unknown):
        return None
    if isinstance(value, Label):
        return value.code
    if isinstance(value, Written):
        return value
    if isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        kept = kept_digits(value, decimals)
        return 0.0 if kept == 0 else kept  # no "-0.0"
    if isinstance(value, Span):
        # A span in a column not declared as one: exact spans are plain numbers.
        if value.is_exact:
            return scalar(value.low, decimals)
        from tyollisyys_cli.render.text import span

        return span(value, decimals, english=True)  # data formats keep one language
    return str(value)


def kept_digits(value: float, decimals: int) -> float:
    """`value` with `decimals` + 2 decimals (a tie as people round it), shown with
    `decimals` as the table shows `value`: 148.496 is kept as 148.49, not 148.50, which a
    spreadsheet's format of no decimals shows as 149 where the table shows 148."""
    kept = rounded(value, decimals + EXTRA_DECIMALS)
    if rounded(kept, decimals) == rounded(value, decimals):
        return kept
    step = math.copysign(10.0 ** -(decimals + EXTRA_DECIMALS), kept - value)
    return rounded(kept - step, decimals + EXTRA_DECIMALS)


def plain_number(value: int | float, *, decimal_comma: bool = False) -> str:
    """A number as CSV text: no thousands separators, no exponent, `.` or `,` decimals."""
    text = repr(value)
    if isinstance(value, float) and ("e" in text or "E" in text):
        from decimal import Decimal

        text = format(Decimal(text), "f")
    return text.replace(".", ",") if decimal_comma else text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text

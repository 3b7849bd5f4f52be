"""XLSX workbooks (openpyxl): typed cells, a header row of snake_case keys, frozen header,
a total row in bold.

One table is one sheet named after the table. Numbers are number cells with a display
format of the column's decimals (the full value stays in the cell; a figure as written
shows its own decimals), unknown values are
empty cells, and text is a text cell, never a formula (`=SUM(…)` in a name stays those
characters: no `'` before them, as CSV needs).
After the tables, a `metadata` sheet of `table`, `field`, `value` rows holds each
table's title, metadata and notes; `write_workbook` puts several tables in one
workbook, a sheet each.

openpyxl is imported inside the functions: it is an optional dependency
(`pip install 'tyollisyys[xlsx]'`), checked by the registry before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from tyollisyys_cli.render.model import RenderOptions, TableData
from tyollisyys_cli.render.records import (
    Cell,
    DataColumn,
    Scalar,
    data_columns,
    data_rows,
    plain,
)
from tyollisyys_cli.values import Written

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

METADATA_SHEET = "metadata"
MAX_WIDTH = 60
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def number_format(column: DataColumn) -> str:
    """`#,##0` for whole numbers, `#,##0.0` for one decimal, and so on; a change with its
    sign, as the table view writes it (`+682`, `-15`, and `0.0` for 0.04)."""
    decimals = 0 if column.type == "integer" else column.decimals
    shown = decimals_format(decimals)
    if not column.signed:
        return shown
    # (a change that rounds to zero is shown without a sign, as the table shows 0.0,
    # not +0.0)
    half = f"{0.5 / 10**decimals:.{decimals + 1}f}"
    return f"[>={half}]+{shown};[<=-{half}]-{shown};{shown}"


def decimals_format(decimals: int) -> str:
    """`#,##0` for no decimals, `#,##0.00` for two."""
    return "#,##0." + "0" * decimals if decimals > 0 else "#,##0"


def shown_width(value: Cell, column: DataColumn) -> int:
    """How many characters a spreadsheet shows for `value` in its number format."""
    if value is None:
        return 0
    if isinstance(value, Written):
        return len(f"{value.value:,.{value.decimals}f}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        decimals = 0 if column.type == "integer" else column.decimals
        return len(f"{value:,.{decimals}f}")
    return len(str(plain(value)))


def cell_value(value: Cell) -> Scalar:
    """A value as an xlsx cell takes it: a figure as written as its number, everything
    else as is (text is kept a text cell by `append_row`)."""
    return plain(value)


def append_row(sheet: Worksheet, values: list[Scalar]) -> None:
    """Append `values` as a row; a text cell stays text, though it starts as a formula
    would (openpyxl writes a text that starts with `=` as a formula)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def sheet_title(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unused sheet title (at most 31 characters, no `[]:*?/\\`)."""
    base = _SHEET_FORBIDDEN.sub("_", name)[:31] or "sheet"
    used = {title.lower() for title in taken}
    title, number = base, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    return title


def add_table_sheet(workbook: Workbook, table: TableData) -> Worksheet:
    """Add `table` as a new sheet: header row, typed cells, frozen header, widths, a
    total row in bold."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet: Worksheet = workbook.create_sheet(sheet_title(table.name, workbook.sheetnames))
    columns = data_columns(table)
    sheet.append([column.key for column in columns])
    for header in sheet[1]:
        header.font = Font(bold=True)
    widths = [len(column.key) for column in columns]
    rows = data_rows(table)
    for row in rows:
        append_row(sheet, [cell_value(value) for value in row])
        for index, value in enumerate(row):
            widths[index] = max(widths[index], shown_width(value, columns[index]))
    for index, column in enumerate(columns, start=1):
        if column.type in ("integer", "number"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format(column)
    for row_number, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            if isinstance(value, Written):  # shown with the decimals it was written with
                sheet.cell(row_number, index).number_format = decimals_format(value.decimals)
        if table.style(row_number - 2) == "total":  # (bold, as in Markdown: not one to sum)
            for cell in sheet[row_number]:
                cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"
    return sheet


def metadata_rows(table: TableData) -> list[tuple[str, str, Scalar]]:
    """`(table, field, value)` rows for the metadata sheet: title, metadata, notes, and
    what each column of the table's sheet holds (`column.clients_per_advisor_min`:
    its header and description in the run's language, as JSON's `columns`)."""
    rows: list[tuple[str, str, Scalar]] = [(table.name, "title", table.title)]
    for field, value in flatten(table.metadata):
        rows.append((table.name, field, value))
    rows.extend((table.name, "note", note) for note in table.notes)
    rows.extend(
        (
            table.name,
            f"column.{column.key}",
            f"{column.header}: {column.description}" if column.description else column.header,
        )
        for column in data_columns(table)
    )
    return rows


def flatten(metadata: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Scalar]]:
    """Nested metadata as `(dotted.field, scalar)` pairs; lists joined with `, `."""
    pairs: list[tuple[str, Scalar]] = []
    for key, value in metadata.items():
        field = f"{prefix}{key}"
        if isinstance(value, Mapping):
            pairs.extend(flatten(value, prefix=f"{field}."))
        elif isinstance(value, list | tuple) and any(isinstance(i, Mapping) for i in value):
            pairs.append((field, _records(value)))
        elif isinstance(value, list | tuple | set | frozenset):
            pairs.append((field, ", ".join(str(item) for item in value)))
        elif value is None or isinstance(value, bool | int | float | str):
            pairs.append((field, value))
        else:
            pairs.append((field, str(value)))
    return pairs


def _records(items: list[Any] | tuple[Any, ...]) -> str:
    """A list of records in the metadata as one cell of JSON (`[{"unit": "205", …}]`),
    as the JSON output holds it; not Python's `{'unit': '205', …}`."""
    import json

    return json.dumps(list(items), ensure_ascii=False)


def add_metadata_sheet(workbook: Workbook, rows: Iterable[tuple[str, str, Scalar]]) -> Worksheet:
    """Add the `metadata` sheet: a `table`, `field`, `value` header and the rows."""
    from openpyxl.styles import Font

    sheet: Worksheet = workbook.create_sheet(sheet_title(METADATA_SHEET, workbook.sheetnames))
    sheet.append(["table", "field", "value"])
    for header in sheet[1]:
        header.font = Font(bold=True)
    for table, field, value in rows:
        append_row(sheet, [cell_value(table), cell_value(field), cell_value(value)])
    sheet.freeze_panes = "A2"
    for letter, width in (("A", 16), ("B", 28), ("C", 100)):
        sheet.column_dimensions[letter].width = width
    return sheet


def _new_workbook(title: str, metadata: Mapping[str, Any]) -> Workbook:
    """An empty workbook whose properties name its title and the tool that made it."""
    from openpyxl import Workbook

    workbook = Workbook()
    if workbook.active is not None:
        workbook.remove(workbook.active)
    workbook.properties.title = title
    tool = " ".join(str(metadata[key]) for key in ("tool", "tool_version") if key in metadata)
    workbook.properties.creator = tool or None
    return workbook


def write_xlsx(table: TableData, out: BinaryIO) -> None:
    """Write one table as a workbook: its sheet and a `metadata` sheet of its title,
    metadata and notes (what JSON holds beside the rows: a forwarded workbook keeps
    why a unit is "staffing incomplete" and which client base it counts)."""
    workbook = _new_workbook(table.title, table.metadata)
    add_table_sheet(workbook, table)
    add_metadata_sheet(workbook, metadata_rows(table))
    _save(workbook, out)


def write_workbook(
    tables: Iterable[TableData],
    out: BinaryIO,
    *,
    title: str,
    metadata: Mapping[str, Any],
) -> None:
    """Write several tables, a sheet each, and a `metadata` sheet after them.

    `metadata` (what holds for the whole workbook) comes first on the metadata sheet,
    with an empty table name, then each table's title, metadata and notes.
    """
    workbook = _new_workbook(title, metadata)
    rows: list[tuple[str, str, Scalar]] = [("", f, v) for f, v in flatten(metadata)]
    for table in tables:
        add_table_sheet(workbook, table)
        rows.extend(metadata_rows(table))
    add_metadata_sheet(workbook, rows)
    _save(workbook, out)


def _save(workbook: Workbook, out: BinaryIO) -> None:
    """The workbook's bytes into `out` in one write. (openpyxl's zip file, left on `out`
    when a write fails or the run is stopped, would write to it again when it is
    collected, after `out` is closed, and print a traceback.)"""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    out.write(buffer.getvalue())


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point."""
    write_xlsx(table, out)

"""CSV: RFC 4180 (Python's csv module), a header row of snake_case keys, UTF-8.

Plain CSV uses `,` between fields and `.` in decimals. The Excel flavour (`excel=True`)
is what Finnish-locale Excel opens correctly by double-click: a UTF-8 byte order mark,
`;` between fields and a decimal comma. In both, empty fields are unknown values
(withheld, missing, not applicable) and text that a spreadsheet would run as a formula
gets a leading `'`.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from tyollisyys_cli.render.model import RenderOptions, TableData
from tyollisyys_cli.render.records import (
    Cell,
    data_columns,
    data_rows,
    neutralise,
    plain_number,
    written_text,
)
from tyollisyys_cli.values import Written

BOM = "\ufeff"


def field(value: Cell, *, excel: bool = False) -> str:
    """One cell as CSV field text."""
    if value is None:
        return ""
    if isinstance(value, Written):
        return written_text(value, decimal_comma=excel)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return plain_number(value, decimal_comma=excel)
    return neutralise(value)


def render_csv(table: TableData, *, excel: bool = False) -> str:
    """The whole table as CSV text (with the BOM at the start in the Excel flavour)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([column.key for column in data_columns(table)])
    for row in data_rows(table):
        writer.writerow([field(value, excel=excel) for value in row])
    return (BOM if excel else "") + buffer.getvalue()


def write_csv(table: TableData, out: BinaryIO, *, excel: bool = False) -> None:
    """Write the table as UTF-8 CSV bytes."""
    out.write(render_csv(table, excel=excel).encode("utf-8"))


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point: CSV, in the Excel flavour with `options.excel`."""
    write_csv(table, out, excel=options.excel)

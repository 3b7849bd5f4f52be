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
import re
from typing import BinaryIO

from tyollisyys_cli.i18n import _
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
#: Text that a spreadsheet opening a CSV file reads as a number, losing its leading
#: zeros (municipality codes such as 047 and 091).
_ZERO_LED = re.compile(r"0[0-9]+")


def _zero_led(value: Cell) -> bool:
    return isinstance(value, str) and _ZERO_LED.fullmatch(value) is not None


def lost_in_spreadsheets(table: TableData) -> list[str]:
    """What a spreadsheet program will change when it opens the Excel flavour.

    No CSV form keeps `047` as text when Excel or LibreOffice opens the file the
    ordinary way: a number-like cell becomes a number whatever its quotes, and a
    `="047"` formula would undo the protection against formulas in cells. So the
    caller can tell the user, and point to a format that keeps them.
    """
    rows = data_rows(table)
    keys = [
        column.key
        for index, column in enumerate(data_columns(table))
        if any(_zero_led(row[index]) for row in rows)
    ]
    if not keys:
        return []
    return [
        _(
            "spreadsheets read {keys} as numbers and drop leading zeros "
            "(047 becomes 47) when they open a CSV file; --format xlsx keeps them as text"
        ).format(keys=", ".join(keys))
    ]


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

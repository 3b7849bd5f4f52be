"""The table view for people: a rich table, plain when the output is not a terminal."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tyollisyys_cli.render.model import Column, RenderOptions, TableData
from tyollisyys_cli.render.text import cell

_STYLES = {"normal": "", "total": "bold", "member": "dim"}
_FIGURES = {"int", "number", "percent", "span", "bar"}
#: Member rows (a municipality inside a service unit) are indented in the first column.
MEMBER_INDENT = "  "


def render_rich(table: TableData, console: Console) -> None:
    """Print `table` (title, rows, notes) on `console`."""
    # Columns with nothing in any row (e.g. "served by" for a single municipality) only
    # take room on screen; data formats keep them. A column marked `beside` is shown in
    # parentheses in the cell of the column it belongs to.
    columns = [
        c
        for c in table.columns
        if c.beside is None and any(row.get(c.key) not in (None, "") for row in table.rows)
    ]
    besides: dict[str | None, Column] = {c.beside: c for c in table.columns if c.beside is not None}
    view = Table(
        title=table.title,
        title_justify="left",
        title_style="bold",
        header_style="bold cyan",
        expand=False,
    )
    for column in columns:
        header = column.header
        if column.key in besides:
            header += f" ({besides[column.key].header})"
        figure = column.kind in _FIGURES
        view.add_column(
            header,
            justify="right" if figure and column.kind != "bar" else "left",
            overflow="fold",
        )
    for index, row in enumerate(table.rows):
        style = table.style(index)
        if style == "total":
            view.add_section()
        texts = [_text(row, c, besides) for c in columns]
        if style == "member" and texts:
            texts[0] = MEMBER_INDENT + texts[0]
        view.add_row(*(Text(text) for text in texts), style=_STYLES[style])
    console.print(view)
    for note in table.notes:
        console.print(Text(note), soft_wrap=False)


def _text(row: dict[str, Any], column: Column, besides: dict[str | None, Column]) -> str:
    text = cell(row.get(column.key), column)
    extra = besides.get(column.key)
    if extra is not None:
        value = cell(row.get(extra.key), extra)
        if value and value != text:
            text = f"{text} ({value})"
    return text


def write_table(
    table: TableData,
    out: BinaryIO,
    *,
    terminal: bool = False,
    color: bool = True,
    width: int | None = None,
) -> None:
    """Write the table view as UTF-8 text.

    Styles (bold, colour) are written only when `terminal` is true, colour only when
    `color` is also true; otherwise the text holds no escape codes at all.
    """
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=terminal,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
        force_jupyter=False,
    )
    render_rich(table, console)
    text = buffer.getvalue()
    if not terminal:  # rich pads titles to the full width; files need no trailing blanks
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    out.write(text.encode("utf-8"))


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point: the table view with the caller's terminal settings."""
    write_table(table, out, terminal=options.terminal, color=options.color, width=options.width)

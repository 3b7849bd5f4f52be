"""The table view for people: a rich table, plain when the output is not a terminal."""

from __future__ import annotations

import io
from typing import BinaryIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tyollisyys_cli.render.model import RenderOptions, TableData
from tyollisyys_cli.render.text import cell

_STYLES = {"normal": "", "total": "bold", "member": "dim"}
#: Member rows (a municipality inside a service unit) are indented in the first column.
MEMBER_INDENT = "  "


def render_rich(table: TableData, console: Console) -> None:
    """Print `table` (title, header notes, rows, notes) on `console`."""
    view = Table(
        title=table.title,
        title_justify="left",
        title_style="bold",
        show_lines=False,
        header_style="bold cyan",
        expand=False,
    )
    for column in table.columns:
        numeric = column.kind in {"int", "number", "percent", "span"}
        view.add_column(column.header, justify="right" if numeric else "left", overflow="fold")
    for index, row in enumerate(table.rows):
        style = table.style(index)
        if style == "total":
            view.add_section()
        texts = [cell(row.get(c.key), c) for c in table.columns]
        if style == "member" and texts:
            texts[0] = MEMBER_INDENT + texts[0]
        view.add_row(*(Text(text) for text in texts), style=_STYLES[style])
    console.print(view)
    for note in table.notes:
        console.print(Text(note), soft_wrap=False)


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

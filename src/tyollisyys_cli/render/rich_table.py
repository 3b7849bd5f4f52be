"""The table view for people: a rich table, plain when the output is not a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tyollisyys_cli.render.model import Column, TableData
from tyollisyys_cli.render.text import cell

_STYLES = {"normal": "", "total": "bold", "member": "dim"}
_FIGURES = {"int", "number", "percent", "span", "bar"}


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
    view = Table(title=table.title, title_justify="left", header_style="bold", expand=False)
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
        view.add_row(*(Text(_text(row, c, besides)) for c in columns), style=_STYLES[style])
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

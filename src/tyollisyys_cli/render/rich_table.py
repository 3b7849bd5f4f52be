"""The table view for people: a rich table, plain when the output is not a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tyollisyys_cli.render.model import TableData
from tyollisyys_cli.render.text import cell

_STYLES = {"normal": "", "total": "bold", "member": "dim"}


def render_rich(table: TableData, console: Console) -> None:
    """Print `table` (title, header notes, rows, notes) on `console`."""
    view = Table(
        title=table.title, title_justify="left", show_lines=False, header_style="bold", expand=False
    )
    for column in table.columns:
        numeric = column.kind in {"int", "number", "percent", "span"}
        view.add_column(column.header, justify="right" if numeric else "left", overflow="fold")
    for index, row in enumerate(table.rows):
        style = table.style(index)
        if style == "total":
            view.add_section()
        view.add_row(*(Text(cell(row.get(c.key), c)) for c in table.columns), style=_STYLES[style])
    console.print(view)
    for note in table.notes:
        console.print(Text(note), soft_wrap=False)

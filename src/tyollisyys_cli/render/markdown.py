"""Markdown for pasting into documents: the title, a GitHub pipe table, the notes.

For people, like the table view: friendly headers, values formatted as in the table
(`16 615`, `7–8`, `withheld`), numbers aligned right, total rows in bold and member rows
marked with `↳`. Bar columns are left out (they are pictures for the terminal).
"""

from __future__ import annotations

from typing import BinaryIO

from tyollisyys_cli.render.model import Column, RenderOptions, TableData
from tyollisyys_cli.render.text import cell, standalone_header

NUMERIC = frozenset({"int", "number", "percent", "span"})


#: Written with a backslash before them: a pipe ends a cell; `<` starts an HTML tag or
#: an autolink, `[` and `]` a link, which a Markdown viewer would make live from text
#: that only came from a data file.
_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|<[]"})


def _escape(text: str) -> str:
    """Text shown as written in a pipe-table cell or a paragraph: no pipes, no line
    breaks, no HTML or links."""
    text = text.translate(_SPECIAL)
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text


def render_markdown(table: TableData) -> str:
    """The table as GitHub-flavoured Markdown text ending in a newline."""
    from tabulate import tabulate

    columns: list[Column] = [c for c in table.columns if c.kind != "bar" and c.people]
    body: list[list[str]] = []
    for index, row in enumerate(table.rows):
        style = table.style(index)
        cells = [_escape(cell(row.get(c.key), c).strip()) for c in columns]
        if style == "member" and cells:
            cells[0] = "↳ " + cells[0]
        elif style == "total":
            cells = [f"**{text}**" if text else text for text in cells]
        body.append(cells)
    grid = tabulate(
        body,
        headers=[_escape(standalone_header(table, c)) for c in columns],
        tablefmt="pipe",
        colalign=["right" if c.kind in NUMERIC else "left" for c in columns],
        disable_numparse=True,
    )
    title = [f"**{_escape(table.title)}**"]
    if table.caption:
        title.append(f"*{_escape(table.caption)}*")
    parts = ["\n".join(title), grid, *(_escape(note) for note in table.notes)]
    return "\n\n".join(parts) + "\n"


def write_markdown(table: TableData, out: BinaryIO) -> None:
    """Write the table as UTF-8 Markdown."""
    out.write(render_markdown(table).encode("utf-8"))


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point."""
    write_markdown(table, out)

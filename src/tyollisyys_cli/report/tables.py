"""Tables for the page: the views' tables (or plain rows) as header and cell texts.

The cells are the texts the terminal table shows (`render.text.cell`), so a figure
reads the same in the report as on the command line; the headers are the views'
column headers in the run's language. A column shown beside another
(a group's share beside its count) joins its owner's cell: `203 (14.7)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.model import Column, RowStyle, TableData
from tyollisyys_cli.render.text import cell

NUMERIC = frozenset({"int", "number", "percent", "span"})


@dataclass(frozen=True)
class Header:
    text: str
    numeric: bool = False
    description: str = ""
    #: The column's cells are kept on one line, as a number's are (a month: printed,
    #: "2023-08" broke into "2023-" and "08").
    nowrap: bool = False
    #: The language the cells are written in where it is not the page's (a plan's own
    #: words): the page marks them so, for a screen reader to speak them right.
    lang: str = ""


@dataclass(frozen=True)
class Row:
    cells: list[str]
    style: RowStyle = "normal"


@dataclass(frozen=True)
class Table:
    """A table of the page: its id (for tests and links), caption, headers and rows."""

    id: str
    caption: str
    headers: list[Header]
    rows: list[Row]
    #: The column whose cell heads each row for a screen reader (`th scope="row"`): the
    #: place or unit, not a code (the area row has none), nor a severity.
    row_header: int = 0


def from_view(
    view: TableData,
    *,
    table_id: str,
    caption: str,
    keys: Sequence[str] | None = None,
    keep: Callable[[dict[str, Any], RowStyle], bool] | None = None,
) -> Table:
    """`view` as a page table: the columns `keys` (default all but pictures), the rows
    `keep` accepts; columns empty in every kept row are left out."""
    chosen = [
        column
        for column in view.columns
        if column.kind != "bar"
        and column.people
        and column.beside is None
        and (keys is None or column.key in keys)
    ]
    if keys is not None:
        chosen.sort(key=lambda column: list(keys).index(column.key))
    besides: dict[str | None, Column] = {
        column.beside: column for column in view.columns if column.beside is not None
    }
    kept = [
        (values, view.style(i))
        for i, values in enumerate(view.rows)
        if keep is None or keep(values, view.style(i))
    ]
    texts = [[_text(column, values, besides) for column in chosen] for values, _ in kept]
    shown = [i for i, _ in enumerate(chosen) if any(row[i] for row in texts)]
    return Table(
        id=table_id,
        caption=caption,
        headers=[
            Header(
                _translated(chosen[i].header),
                chosen[i].kind in NUMERIC,
                _translated(chosen[i].description),
                nowrap=chosen[i].key == "month",
            )
            for i in shown
        ],
        rows=[
            Row([row[i] for i in shown], style) for row, (_, style) in zip(texts, kept, strict=True)
        ],
        row_header=next((n for n, i in enumerate(shown) if chosen[i].key in _NAMING_COLUMNS), 0),
    )


#: The columns that name a row: the first of them shown heads it.
_NAMING_COLUMNS = ("unit", "municipality")


def _translated(text: str) -> str:
    """A column's header or description (an `N_()`-marked msgid) in the run's language;
    an empty one stays empty (gettext gives the catalog's header for it)."""
    return _(text) if text else ""


def _text(column: Column, values: dict[str, Any], besides: dict[str | None, Column]) -> str:
    text = cell(values.get(column.key), column)
    extra = besides.get(column.key)
    if extra is not None:
        share = cell(values.get(extra.key), extra)
        if share and text and share != text:
            text = f"{text} ({share})"
    return text

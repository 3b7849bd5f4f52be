"""The table a command hands to a renderer: columns, rows, notes and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ColumnKind = Literal["text", "int", "number", "percent", "span", "bar"]
RowStyle = Literal["normal", "total", "member"]


@dataclass(frozen=True)
class Column:
    """A column: a stable snake_case key for data formats, a friendly header for people.

    `span` columns hold `Span` values and become `<key>_min`/`<key>_max` in data formats;
    `bar` columns are pictures for people and appear only in the table view.

    `decimals` is what the table view shows; data formats keep 2 more (`EXTRA_DECIMALS`
    in `records`), so a view hands over values unrounded. A `Written` value (a figure as
    printed in a source) is shown and kept with its own decimals instead.
    """

    key: str
    header: str
    kind: ColumnKind = "text"
    decimals: int = 1
    description: str = ""
    #: In the table view, show this column in parentheses beside the named column
    #: (e.g. a share beside its count) instead of in a column of its own.
    beside: str | None = None
    #: When the table view is too narrow for every column, columns give way highest
    #: first (a `bar` column before any other); 0 never gives way.
    give_way: int = 0


@dataclass(frozen=True)
class TableData:
    """Rows of values keyed by column key, with the table's title, notes and metadata."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]]
    styles: list[RowStyle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: One line for people under the title (which data the table shows).
    caption: str = ""

    def header(self, column: Column) -> str:
        """The column's header standing on its own (`Under 25 %` for a `%` beside it)."""
        if column.beside is None:
            return column.header
        owner = next((c for c in self.columns if c.key == column.beside), None)
        return column.header if owner is None else f"{owner.header} {column.header}"

    def style(self, index: int) -> RowStyle:
        return self.styles[index] if index < len(self.styles) else "normal"


def with_total_row(count: int) -> list[RowStyle]:
    """Styles for `count` normal rows followed by one total row."""
    styles: list[RowStyle] = ["normal"] * count
    styles.append("total")
    return styles


@dataclass(frozen=True)
class RenderOptions:
    """How the caller wants the output: Excel flavour, terminal styling, width."""

    excel: bool = False
    terminal: bool = False
    color: bool = True
    width: int | None = None
    #: The table view keeps every column, however wide the table grows.
    wide: bool = False

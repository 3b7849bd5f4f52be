"""The table a command hands to a renderer: columns, rows, notes and metadata."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

ColumnKind = Literal["text", "int", "number", "percent", "span", "bar"]


class Note(str):
    """A note under a table that explains some of its columns only (`about`: their keys).
    The table view leaves it out where it leaves all of them out (a note on a column not
    shown misleads); everywhere else a note is the text it holds."""

    about: tuple[str, ...]

    def __new__(cls, text: str, *about: str) -> Note:
        note = super().__new__(cls, text)
        note.about = about
        return note


def about_columns(note: str) -> tuple[str, ...]:
    """The keys of the columns `note` explains; none for a note on the whole table."""
    return note.about if isinstance(note, Note) else ()


RowStyle = Literal["normal", "total", "member"]


@dataclass(frozen=True)
class Column:
    """A column: a stable snake_case key for data formats, a friendly header for people.

    `header` and `description` are English texts marked with `N_()`; the renderers for
    people translate them into the run's language (`render.text.header`). A `coded`
    column holds words of a fixed vocabulary (a status such as `over`): data formats keep
    the English code, the renderers for people show it translated. A `qualifier` (also
    marked `N_()`) is added to the header in parentheses: `Clients (base)`.

    `span` columns hold `Span` values and become `<key>_min`/`<key>_max` in data formats;
    `bar` columns are pictures for people and appear only in the table view. A column
    not for `people` is the other way round: a key for scripts (a member's unit by the
    unit row's whole name, which the table shows by indenting the member), in the data
    formats only.

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
    #: The values are codes of a fixed vocabulary, translated for people only.
    coded: bool = False
    #: Said after the header in parentheses (`base`, `scenario`).
    qualifier: str = ""
    #: The values are changes: the renderers for people write `+` before one above zero
    #: (`+682`), as they write `-` before one below; data formats keep the number.
    signed: bool = False
    #: Shown in the tables for people (the table view, Markdown, the report); False: in
    #: the data formats only.
    people: bool = True


def with_decimals(columns: tuple[Column, ...], decimals: Mapping[str, int]) -> tuple[Column, ...]:
    """`columns` with each column named in `decimals` (key → decimals) shown to its
    decimals, the others as they are."""
    return tuple(
        replace(column, decimals=decimals[column.key]) if column.key in decimals else column
        for column in columns
    )


@dataclass(frozen=True)
class Label:
    """A text cell with one form for data formats and one for people: the area row's
    `Kainuu–Koillismaa (area)` stays so in CSV and JSON, and reads
    `Kainuu–Koillismaa (alue)` in a Finnish table."""

    code: str
    shown: str

    def __str__(self) -> str:
        return self.code


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

"""The table view for people: a rich table, plain when the output is not a terminal.

The table fits the width it is given without breaking a word or a number: text columns
wrap between words, figures never wrap. When even that is too wide, a word breaks after
a dash between letters (`Kainuu–` over `Koillismaa`) where that keeps a column or
nothing else fits, and the columns that still do not fit give way (a `bar` column
first, then by `Column.give_way`), named in a line under the table.
`RenderOptions.wide` keeps every column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property
from typing import Any, BinaryIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tyollisyys_cli.i18n import _, ngettext
from tyollisyys_cli.render.model import Column, RenderOptions, TableData, about_columns
from tyollisyys_cli.render.text import cell, header
from tyollisyys_cli.render.wrap import break_names, longest_name_part, longest_word, wrap

_STYLES = {"normal": "", "total": "bold", "member": "dim"}
_FIGURES = {"int", "number", "percent", "span", "bar"}
#: Member rows (a municipality inside a service unit) are indented in the first column.
MEMBER_INDENT = "  "
#: What a rich table with a box and one space of padding each side adds to its columns:
#: 3 characters a column and 1 more.
_PER_COLUMN, _EDGE = 3, 1


@dataclass
class _Shown:
    """A column of the table view: its header, cell texts and how narrow it may get
    (each measure taken once: `fit` asks for them again as columns give way)."""

    column: Column
    header: str
    texts: list[str]

    @property
    def figure(self) -> bool:
        return self.column.kind in _FIGURES

    @cached_property
    def natural(self) -> int:
        return max(cell_len(text) for text in [self.header, *self.texts])

    @cached_property
    def narrowest(self) -> int:
        """Headers and names may wrap between words; a figure never wraps, except a
        range of negative numbers at its spaced dash (`-10.8 –` over `-6.2`)."""
        cells = [_figure_width(text) if self.figure else longest_word(text) for text in self.texts]
        return max([longest_word(self.header), *cells])

    @cached_property
    def whole(self) -> int:
        """The widest cell as it is (a range of figures unsplit)."""
        return max((cell_len(text) for text in self.texts), default=0)

    @cached_property
    def narrowest_names_broken(self) -> int:
        """As `narrowest`, where a name in a cell may also break after a dash."""
        if self.figure:
            return self.narrowest
        return max([longest_word(self.header), *(longest_name_part(t) for t in self.texts)])


def _figure_width(text: str) -> int:
    """The narrowest a figure can stand: whole, or a range split after its ` – `."""
    low, dash, high = text.partition(" – ")
    return max(cell_len(low + dash), cell_len(high)) if dash else cell_len(text)


def _shown_columns(table: TableData) -> list[_Shown]:
    # Columns with nothing in any row (e.g. "served by" for a single municipality) only
    # take room on screen; data formats keep them. A column marked `beside` is shown in
    # parentheses in the cell of the column it belongs to.
    besides: dict[str | None, Column] = {c.beside: c for c in table.columns if c.beside is not None}
    shown: list[_Shown] = []
    for column in table.columns:
        if column.beside is not None or not column.people:
            continue
        if not any(row.get(column.key) not in (None, "") for row in table.rows):
            continue
        shown_header = header(column)
        if column.key in besides:
            shown_header += f" ({header(besides[column.key])})"
        texts = [_text(row, column, besides) for row in table.rows]
        if not shown:  # the first column: member rows indented
            texts = [
                MEMBER_INDENT + text if table.style(index) == "member" else text
                for index, text in enumerate(texts)
            ]
        shown.append(_Shown(column, shown_header, texts))
    return shown


def _width(columns: list[_Shown], widths: list[int]) -> int:
    return sum(widths) + _PER_COLUMN * len(columns) + _EDGE


def fit(columns: list[_Shown], width: int) -> tuple[list[_Shown], list[int], list[_Shown]]:
    """The columns kept, their widths, and the columns that gave way, for `width`."""
    kept = list(columns)
    left_out: list[_Shown] = []
    order = sorted(
        (c for c in columns if c.column.kind == "bar" or c.column.give_way > 0),
        key=lambda c: (c.column.kind != "bar", -c.column.give_way),
    )

    def narrowest(names_broken: bool) -> list[int]:
        return [c.narrowest_names_broken if names_broken else c.narrowest for c in kept]

    # Columns of one `give_way` give way together (a scenario's base and scenario pair).
    groups: list[list[_Shown]] = []
    for column in order:
        if groups and groups[-1][0].column.give_way == column.column.give_way:
            groups[-1].append(column)
        else:
            groups.append([column])
    # Words break at their dashes only where that keeps a column that would give way,
    # or where nothing is left to give way.
    dropped_groups: list[list[_Shown]] = []
    while _width(kept, narrowest(True)) > width and groups:
        dropped_groups.append(groups.pop(0))
        kept = [c for c in kept if c not in dropped_groups[-1]]
    # A group that gave way before a wider one is given back where it fits in the room
    # left with every column at its natural width (the ones that give way last first).
    for group in reversed(dropped_groups[:-1]):
        tried = [c for c in columns if c in kept or c in group]
        if _width(tried, [c.natural for c in tried]) <= width:
            kept = tried
            dropped_groups.remove(group)
    left_out = [c for group in dropped_groups for c in group]

    def fits(names_broken: bool, *, whole_ranges: bool) -> bool:
        sizes = narrowest(names_broken)
        if whole_ranges:
            sizes = [max(n, c.whole) if c.figure else n for n, c in zip(sizes, kept, strict=True)]
        return _width(kept, sizes) <= width

    # A name breaks after its dash before a range of figures splits at its own (`-10.8 –`
    # over `-6.2` read as two figures), or where nothing fits otherwise.
    for_ranges = fits(False, whole_ranges=False) and not fits(False, whole_ranges=True)
    names_broken = not fits(False, whole_ranges=False) or (
        for_ranges and fits(True, whole_ranges=True)
    )
    least = narrowest(names_broken)
    widths = [c.natural for c in kept]
    spare = width - _width(kept, least)
    if _width(kept, widths) > width:
        # Each column gets its narrowest; the room left goes first to the columns that
        # need least of it to stand unwrapped, so that as few columns wrap as can be.
        widths = list(least)
        room = max(0, spare)
        # A range of figures is split at its dash only when nothing else makes room.
        for index, shown in enumerate(kept):
            if shown.figure and widths[index] < shown.whole <= widths[index] + room:
                room -= shown.whole - widths[index]
                widths[index] = shown.whole
        # A name broken after its dash to keep a range whole gets its room back first
        # (every name column fell to its broken narrowest; only the shortfall need go).
        for index, shown in enumerate(kept):
            if for_ranges and not shown.figure and widths[index] < shown.narrowest:
                more = min(room, shown.narrowest - widths[index])
                widths[index] += more
                room -= more
        for index in sorted(range(len(kept)), key=lambda i: kept[i].natural - widths[i]):
            more = min(room, kept[index].natural - widths[index])
            widths[index] += more
            room -= more
    # Even the narrowest columns do not fit (a very narrow terminal): the widest give a
    # cell at a time, none below `_LEAST`; where that is not enough, columns give way
    # from the right, so that none is squeezed to nothing without a word.
    excess = _width(kept, widths) - width
    while excess > 0:
        widest = max(range(len(kept)), key=widths.__getitem__)
        if widths[widest] > _LEAST:
            widths[widest] -= 1
            excess -= 1
        elif len(kept) > 1:
            left_out.append(kept.pop())
            excess -= widths.pop() + _PER_COLUMN
        else:
            break
    return kept, widths, left_out


#: The fewest cells a kept column is given.
_LEAST = 3


def render_rich(table: TableData, console: Console, *, wide: bool = False) -> None:
    """Print `table` (title, rows, notes) on `console`, fitted to its width."""
    columns = _shown_columns(table)
    width = console.width
    if not columns:  # no rows, or nothing in them: the title and the notes say so
        caption = [table.caption] if table.caption else []
        for line in [*wrap(table.title, width), *_notes([*caption, *table.notes], width)]:
            console.print(Text(line), soft_wrap=True)
        return
    if wide:
        kept, widths, left_out = columns, [c.natural for c in columns], list[_Shown]()
        width = max(width, _width(kept, widths))
        console.width = width  # rich caps every print at the console's width
    else:
        kept, widths, left_out = fit(columns, width)
    for line in wrap(table.title, width):
        console.print(Text(line, style="bold"), soft_wrap=True)
    for line in wrap(table.caption, width) if table.caption else []:
        console.print(Text(line, style="dim"), soft_wrap=True)
    view = Table(header_style="bold cyan", expand=False)
    natural = _width(kept, [c.natural for c in kept]) <= width
    for shown, column_width in zip(kept, widths, strict=True):
        view.add_column(
            shown.header,
            justify="right" if shown.figure and shown.column.kind != "bar" else "left",
            width=None if natural else column_width,
        )
    for index in range(len(table.rows)):
        style = table.style(index)
        if style == "total" and (index == 0 or table.style(index - 1) != "total"):
            view.add_section()  # (one rule above a run of total rows: trend's area months)
        texts = [
            c.texts[index] if c.figure else _lines(c.texts[index], w)
            for c, w in zip(kept, widths, strict=True)
        ]
        view.add_row(*(Text(text) for text in texts), style=_STYLES[style])
    console.print(view, width=width)
    keys = {shown.column.key for shown in kept}
    notes = [n for n in table.notes if not about_columns(n) or keys.intersection(about_columns(n))]
    if left_out:
        names = ", ".join(c.header for c in left_out)
        left = ngettext(
            "Left out at {width} columns: {names}. A wider terminal or --wide shows it.",
            "Left out at {width} columns: {names}. A wider terminal or --wide shows them.",
            len(left_out),
        )
        notes.append(left.format(width=width, names=names))
    if any(w < c.narrowest_names_broken for c, w in zip(kept, widths, strict=True)):
        # even the narrowest columns do not fit: rich cuts cells
        cut = _(
            "At {width} columns some cells are cut short (…) or split. A wider terminal or "
            "--wide shows them whole."
        )
        notes.append(cut.format(width=width))
    for line in _notes(notes, width):
        console.print(Text(line), soft_wrap=True)


def _lines(text: str, width: int) -> str:
    """A text cell as the lines it stands on in a column `width` wide: a name wider than
    that broken after its dashes, then between words, never inside a figure (`16 615`:
    rich would break it at its space)."""
    if cell_len(text) <= width:  # (most cells: one line as they are)
        return text
    parts = break_names(text, width).split("\n")
    return "\n".join(line for part in parts for line in wrap(part, width))


def _notes(notes: list[str], width: int) -> list[str]:
    return [line for note in notes for line in wrap(note, width)]


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
    wide: bool = False,
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
    render_rich(table, console, wide=wide)
    text = buffer.getvalue()
    if not terminal:  # rich pads titles to the full width; files need no trailing blanks
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    out.write(text.encode("utf-8"))


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point: the table view with the caller's terminal settings."""
    write_table(
        table,
        out,
        terminal=options.terminal,
        color=options.color,
        width=options.width,
        wide=options.wide,
    )

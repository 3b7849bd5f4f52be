"""Formatting single values for people: `7–8`, `≥ 5`, `withheld`, a table's cells.

Numbers are written as `i18n.number` writes them in the run's language (`16 615`,
`8.3`; in Finnish a decimal comma and a narrow no-break space between thousands,
`38 799`, `8,3`). Headers, descriptions and coded
values (a status such as `over`) are translated here, for people only: data formats
keep them in English.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.i18n import N_, _, number, rounded
from tyollisyys_cli.render.model import Label
from tyollisyys_cli.values import Span, Unknown, Written, exceeds

if TYPE_CHECKING:
    from tyollisyys_cli.render.model import Column, TableData


#: Why a cell has no number, as the table view says it.
UNKNOWN_WORDS = {Unknown.WITHHELD: N_("withheld"), Unknown.MISSING: N_("missing")}


def header(column: Column) -> str:
    """The column's header in the run's language, with its qualifier: `Clients (base)`."""
    text = _(column.header)
    if not column.qualifier:
        return text
    return _("{header} ({qualifier})").format(header=text, qualifier=_(column.qualifier))


def standalone_header(table: TableData, column: Column) -> str:
    """The column's header standing on its own (`Under 25 %` for a `%` beside it), in the
    run's language."""
    if column.beside is None:
        return header(column)
    owner = next((c for c in table.columns if c.key == column.beside), None)
    return header(column) if owner is None else f"{header(owner)} {header(column)}"


def description(column: Column) -> str:
    """The column's description in the run's language, with its qualifier."""
    text = _(column.description) if column.description else ""  # _("") is the catalog's header
    if not column.qualifier:
        return text
    qualifier = _(column.qualifier)
    if not text:
        return f"({qualifier})"
    return _("{description} ({qualifier})").format(description=text, qualifier=qualifier)


#: The most decimals `telling_decimals` gives: a millionth (finer is a float's noise).
MOST_DECIMALS = 6


def telling_decimals(pairs: Iterable[tuple[float, float]], decimals: int) -> int:
    """The fewest decimals, from `decimals` up to `MOST_DECIMALS`, that leave each value
    on its own side of the figure it is paired with: 100.3 against 100 is written
    `100.3`, 99.997 `99.997`, where `100` would read as equal."""
    pairs = list(pairs)

    def side(value: float, other: float) -> int:  # (a float's noise is no side)
        return exceeds(value, other) - exceeds(other, value)

    most = max(decimals, MOST_DECIMALS)
    while decimals < most and any(side(rounded(v, decimals), e) != side(v, e) for v, e in pairs):
        decimals += 1
    return decimals


def span(value: Span, decimals: int, *, english: bool = False, changes: bool = False) -> str:
    """`7`, `7–8`, `≥ 5`, `≤ 29.5`, with `~` in front of an approximate value; numbers
    as `number` writes them. `changes`: each end a change with its sign (`+8 – +9`,
    `~0 – +26`, `-4 – 0`)."""

    def figure(bound: float) -> str:
        return signed(bound, decimals) if changes else number(bound, decimals, english=english)

    prefix = "~" if value.approximate else ""
    if value.low is not None and value.high is not None:
        if rounded(value.low, decimals) == rounded(value.high, decimals):
            return prefix + figure(value.low)
        low, high = figure(value.low), figure(value.high)
        negative = rounded(value.low, decimals) < 0 or rounded(value.high, decimals) < 0
        # "-10.8 – -6.2" (as shown: -0.04 is 0.0); a change's ends have their signs
        dash = " – " if negative or changes else "–"
        return f"{prefix}{low}{dash}{high}"
    if value.low is not None:
        return f"≥ {prefix}{figure(value.low)}"
    if value.high is not None:
        return f"≤ {prefix}{figure(value.high)}"
    return "?"


def signed(value: float, decimals: int) -> str:
    """A change as `number` writes it, a rise with its `+` (`+682`; `0` and `-5` as
    they are)."""
    text = number(value, decimals)
    return "+" + text if rounded(value, decimals) > 0 else text


def cell(value: Any, column: Column) -> str:
    """Any cell value as text for the table view."""
    if column.signed:  # (changes: a rise with its `+`)
        decimals = 0 if column.kind == "int" else column.decimals
        if isinstance(value, Span):
            return span(value, decimals, changes=True)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return signed(value, decimals)
    return _cell(value, column)


def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, Label):
        return value.shown
    if isinstance(value, Unknown):
        return _(UNKNOWN_WORDS[value])
    if isinstance(value, Written):  # with its own digits, whatever the column's
        return number(value.value, value.decimals)
    if isinstance(value, Span):
        return span(value, column.decimals if column.kind != "int" else 0)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int) and column.kind in {"int", "number", "span", "percent"}:
        return number(value, 0 if column.kind == "int" else column.decimals)
    if isinstance(value, float):
        return number(value, 0 if column.kind == "int" else column.decimals)
    if isinstance(value, str) and value and column.coded:
        return _(value)
    return str(value)

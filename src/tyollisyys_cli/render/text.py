"""Formatting single values for people: `16 615`, `8.3`, `7–8`, `≥ 5`, `withheld`.

In Finnish, numbers are written as Finns write them: a decimal comma and a narrow
no-break space between thousands (`38 799`, `8,3`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tyollisyys_cli.i18n import _, language
from tyollisyys_cli.values import Span, Unknown, Written

if TYPE_CHECKING:
    from tyollisyys_cli.render.model import Column


def number(value: float, decimals: int) -> str:
    """A number with `decimals` decimals and its thousands apart: `16 615.5` in English
    (a space), `16\u202f615,5` in Finnish (a narrow no-break space, a decimal comma)."""
    text = f"{value:,.{decimals}f}"
    if language() == "fi":
        return text.replace(",", THIN_SPACE).replace(".", ",").replace("-", "\u2212")
    return text.replace(",", " ")


#: Between the thousands of a Finnish number: the narrow no-break space.
THIN_SPACE = "\u202f"


def span(value: Span, decimals: int) -> str:
    """`7`, `7–8`, `≥ 5`, `≤ 29.5`, with `~` in front of an approximate value."""
    prefix = "~" if value.approximate else ""
    if value.low is not None and value.high is not None:
        if round(value.low, decimals) == round(value.high, decimals):
            return prefix + number(value.low, decimals)
        low, high = number(value.low, decimals), number(value.high, decimals)
        dash = " – " if value.low < 0 or value.high < 0 else "–"  # "-10.8 – -6.2"
        return f"{prefix}{low}{dash}{high}"
    if value.low is not None:
        return f"≥ {prefix}{number(value.low, decimals)}"
    if value.high is not None:
        return f"≤ {prefix}{number(value.high, decimals)}"
    return "?"


def cell(value: Any, column: Column) -> str:
    """Any cell value as text for the table view."""
    if value is None:
        return ""
    if isinstance(value, Unknown):
        return value.value
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
    return str(value)

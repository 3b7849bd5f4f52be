"""Numbers in finding messages: `3 217`, `8.29`, `67–119`, `≥ 24.5`."""

from __future__ import annotations

from tyollisyys_cli.i18n import number
from tyollisyys_cli.values import Span


def figure(value: float, decimals: int | None = None) -> str:
    """A whole number as `3 217`; otherwise with `decimals` (default 2) decimals."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return number(value, decimals)


def printed_as(value: float, decimals: int) -> str:
    """A printed figure with the decimals it was printed with."""
    return number(value, decimals)


def computed_as(value: float, printed_decimals: int) -> str:
    """A computed ratio with the decimals it was printed with, at least 2."""
    return number(value, max(2, printed_decimals))


def span_text(value: Span, decimals: int | None = None) -> str:
    """`67–119`, `≥ 24.5`, `7` for an exact span; whole numbers unless told or fractional."""
    from tyollisyys_cli.render.text import span

    if decimals is None:
        decimals = 0
        for bound in (value.low, value.high):
            if bound is not None and not float(bound).is_integer():
                decimals = 1
    return span(value, decimals)

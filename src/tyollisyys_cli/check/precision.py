"""Printed precision: how many decimals a figure was printed with, and what agrees with it.

A figure printed with d decimals is consistent when the computed value rounds to it.
A disagreement within one unit of the last printed digit is a rounding-level warning;
anything beyond is an error.
"""

from __future__ import annotations

from tyollisyys_cli.check.finding import Severity

#: Slack for binary floating point when a computed value lies exactly on a rounding edge.
EPSILON = 1e-9


def decimals_of(text: str | None, value: float) -> int:
    """Decimals of a figure as written (`8.9` → 1, `105` → 0, `91.773` → 3)."""
    written = text if text is not None else repr(value)
    if "e" in written.lower():
        return 0
    if "." not in written:
        return 0
    return len(written.split(".", 1)[1])


def unit(decimals: int) -> float:
    """One unit of the last printed digit: 1 for 0 decimals, 0.1 for 1, ..."""
    return float(10.0**-decimals)


def compare(printed: float, computed: float, decimals: int) -> Severity | None:
    """None when `computed` rounds to `printed`; else warning or error (see module doc)."""
    gap = abs(printed - computed)
    if gap <= unit(decimals) / 2 + EPSILON:
        return None
    if gap <= unit(decimals) + EPSILON:
        return "warning"
    return "error"

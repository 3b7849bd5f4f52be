"""Value types shared by the core and the renderers: spans, withheld cells and figures
as written.

These are generic (not about employment services), so renderers may know them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Unknown(enum.Enum):
    """Why a statistics cell has no number."""

    WITHHELD = "withheld"  # "..." in the statistics: a small count, not zero
    MISSING = "missing"  # lost from the printed table


#: Figures closer than this, relative to the larger (and at least 1), are one figure: a
#: float's noise, not a difference.
NOISE = 1e-9


def exceeds(value: float, other: float) -> bool:
    """Whether `value` is above `other` by more than a float's noise: 216 × 1.1 / 4 is
    59.400000000000006, a caseload no more over a band's end of 59.4 than 59.4 is."""
    return value - other > NOISE * max(1.0, abs(value), abs(other))


@dataclass(frozen=True)
class Span:
    """A quantity known to lie between `low` and `high` (None: unbounded on that side).

    `Span(3, 3)` is an exact value, `Span(7, 8)` a range, `Span(5, None)` "at least 5".
    `approximate` marks a value the source gives as "about".
    """

    low: float | None
    high: float | None
    approximate: bool = False

    @classmethod
    def exact(cls, value: float, *, approximate: bool = False) -> Span:
        return cls(value, value, approximate)

    @property
    def is_exact(self) -> bool:
        return self.low is not None and self.low == self.high

    @property
    def midpoint(self) -> float | None:
        """The middle of a bounded span; the known bound of a half-open one."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def __add__(self, other: Span) -> Span:
        return Span(
            None if self.low is None or other.low is None else self.low + other.low,
            None if self.high is None or other.high is None else self.high + other.high,
            self.approximate or other.approximate,
        )

    def __sub__(self, other: Span) -> Span:
        return Span(
            None if self.low is None or other.high is None else self.low - other.high,
            None if self.high is None or other.low is None else self.high - other.low,
            self.approximate or other.approximate,
        )

    def at_least(self) -> Span:
        """At least this much: `Span(3, 3)` → `Span(3, None)` (`≥ 3`)."""
        return Span(self.low, None, self.approximate)

    def scaled(self, factor: float) -> Span:
        """Every bound multiplied by a non-negative factor."""
        return Span(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.approximate,
        )

    def divide_into(self, numerator: float) -> Span | None:
        """`numerator / self` as a span; None when the span may be zero."""
        if self.low is None or self.low <= 0:
            if self.high is None or self.high <= 0:
                return None
            return Span(numerator / self.high, None, self.approximate)
        low = None if self.high is None else numerator / self.high
        return Span(low, numerator / self.low, self.approximate)

    def contains(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


ZERO = Span(0.0, 0.0)


def total(spans: list[Span]) -> Span:
    """The sum of spans (exact zero for none)."""
    result = ZERO
    for span in spans:
        result = result + span
    return result


def total_at_least(spans: list[Span | None]) -> Span | None:
    """The sum of non-negative amounts, None for one not known: it may be any, so the
    sum is then at least that of the others (None when none is known)."""
    known = [span for span in spans if span is not None]
    if not known:
        return None
    summed = total(known)
    return summed if len(known) == len(spans) else Span(summed.low, None, summed.approximate)


@dataclass(frozen=True)
class Written:
    """A figure with the digits its source gave it: `105`, `89.13`, `7.0`.

    Renderers show it with its own `decimals`, whatever the column's.
    """

    value: float
    decimals: int


def as_written(value: float, text: str | None) -> Written:
    """`value` with the decimals it was written with: `105` → 0, `89.13` → 2, `7.0` → 1.

    `text` is the value as it stands in its source; without it (or when it does not
    read as `value`), the fewest decimals that give `value`.
    """
    if text is not None:
        written = text.strip().replace("_", "")
        try:
            same = float(written) == value
        except ValueError:
            same = False
        if same and "e" not in written.lower():
            return Written(value, len(written.partition(".")[2]))
    mantissa, _, exponent = repr(float(value)).partition("e")
    decimals = len(mantissa.partition(".")[2].rstrip("0")) - int(exponent or 0)
    return Written(value, max(0, decimals))

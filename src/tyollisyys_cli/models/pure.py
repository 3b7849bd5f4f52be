"""The models' behaviour that needs no pydantic: what an amount or a target means.

The validated models (`amounts.py`) inherit these methods, and so do the plain records
the cache hands back on a warm run (`tyollisyys_cli.area.records`), which must not import
pydantic. Keep this module free of pydantic and of the model modules.
"""

from __future__ import annotations

from typing import Protocol

from tyollisyys_cli.values import Span

#: An "about T" target counts as met within this fraction either side of T.
APPROXIMATE_TARGET_TOLERANCE = 0.10


class _AmountFields(Protocol):
    @property
    def exact(self) -> float | None: ...
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def at_least(self) -> float | None: ...
    @property
    def about(self) -> float | None: ...


class _TargetFields(Protocol):
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def about(self) -> float | None: ...


class AmountForms:
    """What an FTE amount (exact, range, at least, about) stands for."""

    __slots__ = ()

    def span(self: _AmountFields) -> Span:
        """The amount as a span of possible values."""
        if self.exact is not None:
            return Span.exact(self.exact)
        if self.about is not None:
            return Span.exact(self.about, approximate=True)
        if self.at_least is not None:
            return Span(self.at_least, None)
        return Span(self.min, self.max)


class TargetForms:
    """What a caseload target (band, under, at least, about) stands for."""

    __slots__ = ()

    def band(self: _TargetFields) -> Span:
        """The clients-per-advisor values that meet the target."""
        if self.about is not None:
            tolerance = self.about * APPROXIMATE_TARGET_TOLERANCE
            return Span(self.about - tolerance, self.about + tolerance, approximate=True)
        return Span(self.min, self.max)

    def describe(self: _TargetFields) -> str:
        """Short English form: `100–150`, `under 100`, `about 100`, `at least 90`."""
        if self.about is not None:
            return f"about {self.about:g}"
        if self.min is not None and self.max is not None:
            return f"{self.min:g}–{self.max:g}"
        if self.max is not None:
            return f"under {self.max:g}"
        return f"at least {self.min:g}"


#: Behaviour of each model, by the model's `module.QualName`: the records standing in
#: for a model's instances inherit it.
BEHAVIOUR: dict[str, type] = {
    "tyollisyys_cli.models.amounts.Amount": AmountForms,
    "tyollisyys_cli.models.amounts.Target": TargetForms,
}

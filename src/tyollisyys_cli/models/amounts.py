"""Amounts and targets as plans state them: exact, a range, at least, about, under."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tyollisyys_cli.models.fields import NonNegative, Positive, Text
from tyollisyys_cli.models.pure import (  # noqa: F401 (re-exported)
    APPROXIMATE_TARGET_TOLERANCE,
    AmountForms,
    TargetForms,
)


class Strict(BaseModel):
    """Base of every data-file model: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Amount(AmountForms, Strict):
    """An FTE amount: a number (`3.5`), `{min: 7, max: 8}`, `{at_least: 5}` or `{about: 2}`."""

    exact: NonNegative | None = Field(None, description="an exact amount")
    min: NonNegative | None = Field(None, description="lower end of a range, with max")
    max: NonNegative | None = Field(None, description="upper end of a range, with min")
    at_least: NonNegative | None = Field(None, description="a lower bound (vähintään)")
    about: NonNegative | None = Field(None, description="an approximate amount (noin, n.)")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"exact": value}
        return value

    @model_validator(mode="after")
    def _one_form(self) -> Amount:
        forms = [
            self.exact is not None,
            self.min is not None or self.max is not None,
            self.at_least is not None,
            self.about is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "write an amount as a number (3.5), a range {min: 7, max: 8}, "
                "a lower bound {at_least: 5} or an approximate value {about: 2}"
            )
        if forms[1]:
            if self.min is None or self.max is None:
                raise ValueError("a range needs both min and max")
            if self.min > self.max:
                raise ValueError(f"range min {self.min:g} is larger than max {self.max:g}")
        return self


class Target(TargetForms, Strict):
    """Clients per advisor aimed at: a band (min and max), under (max), at least (min) or about."""

    min: Positive | None = Field(None, description="lowest clients per advisor aimed at")
    max: Positive | None = Field(None, description="highest clients per advisor (alle = under)")
    about: Positive | None = Field(None, description="approximate target (noin, n.)")
    printed: Text | None = Field(None, description="the target as the plan words it")

    @model_validator(mode="after")
    def _one_form(self) -> Target:
        if self.about is not None and (self.min is not None or self.max is not None):
            raise ValueError("write a target either as about: T or with min/max, not both")
        if self.about is None and self.min is None and self.max is None:
            raise ValueError("a target needs min and max (a band), max (under), or about")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"target min {self.min:g} is larger than max {self.max:g}")
        return self

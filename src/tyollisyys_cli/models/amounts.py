"""Amounts and targets as plans state them: exact, a range, at least, about, under."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from tyollisyys_cli.models.fields import NonNegative, Positive, Text, describe, number_hint
from tyollisyys_cli.models.pure import (  # noqa: F401 (re-exported)
    APPROXIMATE_TARGET_TOLERANCE,
    AmountForms,
    TargetForms,
)


class Strict(BaseModel):
    """Base of every data-file model: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_AMOUNT_FORMS = (
    "write an amount as a number (3.5), a range {min: 7, max: 8}, "
    "a lower bound {at_least: 5} or an approximate value {about: 2}"
)


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
        if not isinstance(value, dict):
            hint = number_hint(value) if isinstance(value, str) else ""
            raise ValueError(f"{_AMOUNT_FORMS}; found {describe(value)}{hint}")
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A bare number is the common form; the mapping forms come second.
        mapping = handler(core_schema)
        return {
            "description": cls.__doc__,
            "anyOf": [{"type": "number", "minimum": 0}, mapping],
        }

    @model_validator(mode="after")
    def _one_form(self) -> Amount:
        forms = [
            self.exact is not None,
            self.min is not None or self.max is not None,
            self.at_least is not None,
            self.about is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(f"{_AMOUNT_FORMS}, one of these forms only")
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

    @model_validator(mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(
                "write a target as a mapping: {min: 100, max: 150} (a band), {max: 100} "
                f"(under), {{min: 90}} (at least) or {{about: 100}}; found {describe(value)}"
            )
        return value

    @model_validator(mode="after")
    def _one_form(self) -> Target:
        if self.about is not None and (self.min is not None or self.max is not None):
            raise ValueError("write a target either as about: T or with min/max, not both")
        if self.about is None and self.min is None and self.max is None:
            raise ValueError("a target needs min and max (a band), max (under), or about")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"target min {self.min:g} is larger than max {self.max:g}")
        return self

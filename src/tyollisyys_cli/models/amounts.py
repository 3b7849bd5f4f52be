"""Amounts and targets as plans state them: exact, a range, at least, about, under."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from tyollisyys_cli.i18n import _, numeral
from tyollisyys_cli.models.fields import Fte, Prose, TargetValue
from tyollisyys_cli.models.parsing import (
    MAX_FTE,
    amount_mapping,
    check_amount_form,
    check_target_form,
    given,
    target_mapping,
)
from tyollisyys_cli.values import Span

#: An "about T" target counts as met within this fraction either side of T.
APPROXIMATE_TARGET_TOLERANCE = 0.10


class Strict(BaseModel):
    """Base of every data-file model: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Amount(Strict):
    """An FTE amount: a number (`3.5`), `{min: 7, max: 8}`, `{at_least: 5}` or `{about: 2}`."""

    exact: Fte | None = Field(None, description="an exact amount")
    min: Fte | None = Field(None, description="lower end of a range, with max")
    max: Fte | None = Field(None, description="upper end of a range, with min")
    at_least: Fte | None = Field(None, description="a lower bound (vähintään)")
    about: Fte | None = Field(None, description="an approximate amount (noin, n.)")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: Any) -> Any:
        return amount_mapping(value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A bare number is the common form; the mapping forms come second.
        mapping = handler(core_schema)
        return {
            "description": cls.__doc__,
            "anyOf": [{"type": "number", "minimum": 0, "maximum": MAX_FTE}, mapping],
        }

    @model_validator(mode="after")
    def _one_form(self) -> Amount:
        check_amount_form(self.exact, self.min, self.max, self.at_least, self.about)
        return self

    def span(self) -> Span:
        """The amount as a span of possible values."""
        if self.exact is not None:
            return Span.exact(self.exact)
        if self.about is not None:
            return Span.exact(self.about, approximate=True)
        if self.at_least is not None:
            return Span(self.at_least, None)
        return Span(self.min, self.max)


#: How the plan qualifies a band: `about` (n., noin: an approximate band) or `average`
#: (keskimäärin: the unit's average, single advisors may be above or below).
Qualifier = Literal["about", "average"]


class Target(Strict):
    """Clients per advisor aimed at: a band (min and max), under (max), at least (min) or about."""

    min: TargetValue | None = Field(None, description="lowest clients per advisor aimed at")
    max: TargetValue | None = Field(None, description="highest clients per advisor (alle = under)")
    about: TargetValue | None = Field(None, description="approximate target (noin, n.)")
    qualifier: Qualifier | None = Field(
        None,
        description="how the plan qualifies a band: about (n., noin) or average (keskimäärin)",
    )
    printed: Prose | None = Field(None, description="the target as the plan words it")

    @model_validator(mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        return target_mapping(value)

    @field_validator("min", "max", "about", mode="before")
    @classmethod
    def _given(cls, value: Any) -> Any:
        return given(value)

    @model_validator(mode="after")
    def _one_form(self) -> Target:
        check_target_form(self.min, self.max, self.about)
        if self.qualifier is not None and (self.min is None or self.max is None):
            raise ValueError(
                _(
                    "qualifier {qualifier} qualifies a band: give min and max "
                    "(an approximate single target is written about: T)"
                ).format(qualifier=self.qualifier)
            )
        return self

    def band(self) -> Span:
        """The clients-per-advisor values that meet the target."""
        if self.about is not None:
            tolerance = self.about * APPROXIMATE_TARGET_TOLERANCE
            return Span(self.about - tolerance, self.about + tolerance, approximate=True)
        return Span(self.min, self.max, approximate=self.qualifier == "about")

    def describe(self) -> str:
        """Short form in the run's language: `100–150`, `~100–150` (about), `100–150 avg`
        (on average), `under 100`, `about 100`, `at least 90`."""
        if self.about is not None:
            return _("about {target}").format(target=_figure(self.about))
        if self.min is not None and self.max is not None:
            band = f"{_figure(self.min)}–{_figure(self.max)}"
            if self.qualifier == "about":
                return f"~{band}"
            return _("{band} avg").format(band=band) if self.qualifier == "average" else band
        if self.max is not None:
            return _("under {target}").format(target=_figure(self.max))
        assert self.min is not None  # one of the forms (`check_target_form`)
        return _("at least {target}").format(target=_figure(self.min))


def _figure(value: float) -> str:
    return numeral(f"{value:g}")

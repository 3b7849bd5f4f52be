"""A scenario file: a named set of what-if changes, validated like the data files.

```yaml
name: Unemployment up a fifth, Kajaani a third
description: what the caseloads look like if unemployment rises
unemployed_change: 20            # per cent, for every municipality
target: {min: 100, max: 150}     # replaces every unit's target
clients_per_unemployed: 2.08     # optional client base of the scenario
municipalities:                  # per municipality (name or code)
  Kajaani: {unemployed_change: 33}
units:                           # per service unit (id or name; or a municipality that
  paltamo: {target: {min: 90, max: 120}}   # is a unit of its own)
```
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, field_validator

from tyollisyys_cli.i18n import _, every_digit, numeral
from tyollisyys_cli.models.amounts import Strict, Target
from tyollisyys_cli.models.fields import Prose, Text
from tyollisyys_cli.models.parsing import describe, given, number_hint

#: The bounds of the command line's --unemployed-change and --clients-per-unemployed
#: (`cli.params`), which a scenario file's values keep to as well.
MAX_CHANGE = 10000.0
MAX_CLIENTS_PER_UNEMPLOYED = 1000.0


def parse_change(value: Any) -> float:
    """A change in per cent: a number, -100 or more (`20` for +20 %, `-10` for -10 %)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        hint = ""
        if isinstance(value, str):
            digits = value.replace("%", "").replace(",", ".").strip().lstrip("+")
            # The number meant, where the text holds one (`+20 %`, `2,5`, `010`); else an
            # example.
            meant = re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", digits)
            hint = _("; write a plain number of per cent, e.g. {number}").format(
                number=re.sub(r"^(-?)0+(?=[0-9])", r"\1", digits) if meant else "20"
            )
        raise ValueError(
            _("expected a change in per cent (a number), found {found}").format(
                found=describe(value)
            )
            + hint
        )
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(_("expected a change in per cent, found {found}").format(found=value))
    if value < -100:
        raise ValueError(
            _("a change cannot be below {limit} %, found {found}").format(
                limit=numeral("-100"), found=every_digit(value)
            )
        )
    if value > MAX_CHANGE:
        raise ValueError(
            _("a change cannot be above +{limit} %, found {found}").format(
                limit=numeral(f"{MAX_CHANGE:g}"),
                found=every_digit(value),
            )
        )
    return float(value)


def parse_factor(value: Any) -> float:
    """Clients per unemployed job seeker: a number above 0, at most
    `MAX_CLIENTS_PER_UNEMPLOYED` (0 would leave no clients)."""
    hint = ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        found = describe(value)
        hint = (
            number_hint(value, limit=MAX_CLIENTS_PER_UNEMPLOYED, above=True)
            if isinstance(value, str)
            else ""
        )
    elif not 0 < value <= MAX_CLIENTS_PER_UNEMPLOYED:  # (NaN fails both)
        found = every_digit(value)
    else:
        return float(value)
    raise ValueError(
        _("expected a number above 0 and at most {most}, found {found}").format(
            most=numeral(f"{MAX_CLIENTS_PER_UNEMPLOYED:g}"), found=found
        )
        + hint
    )


Change = Annotated[
    float,
    PlainValidator(parse_change),
    WithJsonSchema({"type": "number", "minimum": -100, "maximum": MAX_CHANGE}),
]
Factor = Annotated[
    float,
    PlainValidator(parse_factor),
    WithJsonSchema(
        {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_CLIENTS_PER_UNEMPLOYED}
    ),
]


class MunicipalityChange(Strict):
    """Changes for one municipality."""

    unemployed_change: Change = Field(
        description="per cent; replaces the global change for this municipality"
    )


class UnitChange(Strict):
    """Changes for one service unit."""

    target: Target = Field(description="replaces the unit's target")


class ScenarioFile(Strict):
    """A scenario file."""

    name: Text = Field(description="the scenario's name, shown in the tables")
    description: Prose | None = Field(None, description="what the scenario is about")
    unemployed_change: Change = Field(0.0, description="per cent, for every municipality")
    target: Target | None = Field(None, description="replaces every unit's target")
    client_base: Literal["unemployed", "job-seekers"] | None = Field(
        None, description="who counts as a client in the scenario (default: as the base case)"
    )
    clients_per_unemployed: Factor | None = Field(
        None, description="scales the scenario's client base (default: as the base case)"
    )
    municipalities: dict[str, MunicipalityChange] = Field(
        default_factory=dict, description="changes per municipality (name or code)"
    )
    units: dict[str, UnitChange] = Field(
        default_factory=dict, description="changes per service unit (id or name)"
    )

    @field_validator(
        "description", "target", "client_base", "clients_per_unemployed", mode="before"
    )
    @classmethod
    def _given(cls, value: Any) -> Any:
        return given(value)

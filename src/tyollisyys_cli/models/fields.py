"""Field types of the data files: the parse functions of `models.parsing` as pydantic types.

Each type checks one kind of value (a count, a percentage, a statistics cell, a code)
with its parse function, whose message says what was found and how to write it instead,
and declares its JSON Schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import GetPydanticSchema, PlainValidator, WithJsonSchema
from pydantic_core import core_schema

from tyollisyys_cli.models.parsing import (
    MAX_FIGURE,
    MAX_FTE,
    MAX_TARGET,
    parse_cell,
    parse_code,
    parse_count,
    parse_flag,
    parse_fte,
    parse_month,
    parse_nonnegative,
    parse_percent,
    parse_phrase,
    parse_prose,
    parse_share,
    parse_target,
    parse_text,
)

#: The error type of a value its parse function refused; `models.validation` asks the
#: function again for its message (`CHECKED[context["check"]]`).
REFUSED = "refused"


def _checked(parse: Callable[[Any], Any], *as_is: core_schema.CoreSchema) -> GetPydanticSchema:
    """`parse` as a field's validator, where the values that the schemas `as_is` accept
    (a count, `withheld`) are taken as they are without calling it: a national area's
    months hold half a million cells, and pydantic checks those in its own core. Of the
    values YAML and CSV give (text, whole and decimal numbers, true/false, null), both
    accept the same; whatever `as_is` refuses, `parse` decides."""

    def schema(_source: Any, _handler: Any) -> core_schema.CoreSchema:
        return core_schema.union_schema(
            [*as_is, core_schema.no_info_plain_validator_function(parse)],
            mode="left_to_right",
            custom_error_type=REFUSED,
            custom_error_message="refused by {check}",
            custom_error_context={"check": parse.__name__},
        )

    CHECKED[parse.__name__] = parse
    return GetPydanticSchema(schema)


#: The parse functions of the `_checked` types, by name.
CHECKED: dict[str, Callable[[Any], Any]] = {}


def refusal(check: str, value: Any) -> str | None:
    """Why the parse function named `check` refuses `value`, in its words (None if it
    does not)."""
    try:
        CHECKED[check](value)
    except ValueError as error:
        return str(error)
    return None


_COUNT = core_schema.int_schema(ge=0, le=MAX_FIGURE, strict=True)
_INT_SCHEMA: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_FIGURE}

Count = Annotated[int, _checked(parse_count, _COUNT), WithJsonSchema(_INT_SCHEMA)]
Cell = Annotated[
    int | Literal["withheld", "missing"],
    _checked(parse_cell, _COUNT, core_schema.literal_schema(["withheld", "missing"])),
    WithJsonSchema({"anyOf": [_INT_SCHEMA, {"enum": ["withheld", "missing"]}]}),
]
Percent = Annotated[
    float,
    _checked(
        parse_percent, core_schema.float_schema(ge=0, le=100, strict=True, allow_inf_nan=False)
    ),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
NonNegative = Annotated[
    float,
    PlainValidator(parse_nonnegative),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_FIGURE}),
]
Share = Annotated[
    float,
    PlainValidator(parse_share),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_FIGURE}),
]
Fte = Annotated[
    float,
    PlainValidator(parse_fte),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_FTE}),
]
TargetValue = Annotated[
    float,
    PlainValidator(parse_target),
    WithJsonSchema({"type": "number", "minimum": 1, "maximum": MAX_TARGET}),
]
MunicipalityCode = Annotated[
    str,
    _checked(parse_code, core_schema.str_schema(pattern="^[0-9]{3}$", strict=True)),
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{3}$"}),
]
Month = Annotated[
    str,
    PlainValidator(parse_month),
    WithJsonSchema({"type": "string", "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"}),
]
Flag = Annotated[bool, PlainValidator(parse_flag), WithJsonSchema({"type": "boolean"})]
Text = Annotated[
    str,
    PlainValidator(parse_text),
    # (no blank before or after it, as parse_text refuses: an editor marks `" Kuhmo"`)
    # (`(?![\\s\\S])`, the text's end: Python's `$` lets a line break at the end pass)
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^\\S(.*\\S)?(?![\\s\\S])"}),
]
#: Text on one line that no other file matches (a quote, a reason, an address): the
#: blanks around it are dropped, not refused as a name's are (one an editor leaves at the
#: end of a block's last line stopped every run).
Phrase = Annotated[
    str,
    PlainValidator(parse_phrase),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^.*\\S.*(?![\\s\\S])"}),
]
#: Text that may run over several lines: a note, a description, a sentence as printed.
Prose = Annotated[
    str, PlainValidator(parse_prose), WithJsonSchema({"type": "string", "minLength": 1})
]

"""Field types of the data files: the parse functions of `models.parsing` as pydantic types.

Each type checks one kind of value (a count, a percentage, a statistics cell, a code)
with its parse function, whose message says what was found and how to write it instead,
and declares its JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import PlainValidator, WithJsonSchema

from tyollisyys_cli.models.parsing import (
    MAX_FIGURE,
    MAX_FTE,
    parse_cell,
    parse_code,
    parse_count,
    parse_flag,
    parse_fte,
    parse_month,
    parse_nonnegative,
    parse_percent,
    parse_positive,
    parse_prose,
    parse_text,
)

_INT_SCHEMA: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_FIGURE}

Count = Annotated[int, PlainValidator(parse_count), WithJsonSchema(_INT_SCHEMA)]
Cell = Annotated[
    int | Literal["withheld", "missing"],
    PlainValidator(parse_cell),
    WithJsonSchema({"anyOf": [_INT_SCHEMA, {"enum": ["withheld", "missing"]}]}),
]
Percent = Annotated[
    float,
    PlainValidator(parse_percent),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
NonNegative = Annotated[
    float,
    PlainValidator(parse_nonnegative),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_FIGURE}),
]
Fte = Annotated[
    float,
    PlainValidator(parse_fte),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_FTE}),
]
Positive = Annotated[
    float,
    PlainValidator(parse_positive),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": MAX_FIGURE}),
]
MunicipalityCode = Annotated[
    str, PlainValidator(parse_code), WithJsonSchema({"type": "string", "pattern": "^[0-9]{3}$"})
]
Month = Annotated[
    str,
    PlainValidator(parse_month),
    WithJsonSchema({"type": "string", "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"}),
]
Flag = Annotated[bool, PlainValidator(parse_flag), WithJsonSchema({"type": "boolean"})]
Text = Annotated[
    str, PlainValidator(parse_text), WithJsonSchema({"type": "string", "minLength": 1})
]
#: Text that may run over several lines: a note, a description, a sentence as printed.
Prose = Annotated[
    str, PlainValidator(parse_prose), WithJsonSchema({"type": "string", "minLength": 1})
]

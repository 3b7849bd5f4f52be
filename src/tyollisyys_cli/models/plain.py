"""Validating the area files without pydantic, when they are as they should be.

Importing pydantic and building the models takes longer than the rest of a first
`check` of a large area. So the loader first tries this plain validation: the models'
fields are described here (`MODELS`: one `Model` per model, each field with the parse
function of `models.parsing` that the model's field type uses), and `validate` checks
the data against them and returns the records the cache would hold for the model
instances (`records.Record`, with the same field values).

At the first thing it is not sure of (an unknown or missing field, a value a parse
function refuses, an amount or target in no allowed form) it gives up and returns
None; the loader then validates with the models, whose messages are the ones users
see. So this module never decides that a file is wrong, only that it is right.

`tests/test_plain_validation.py` holds `MODELS` to the pydantic models (names, order,
defaults and types of every field) and the records to those the models make.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tyollisyys_cli.area.records import Record, record_class
from tyollisyys_cli.models import parsing
from tyollisyys_cli.models.rowfields import CELL_FIELDS, OPTIONAL_CELL_FIELDS


class _Refused(Exception):
    """The plain validation is not sure: leave the data to the models."""


@dataclass(frozen=True)
class Scalar:
    """A value read by a parse function of `models.parsing`."""

    parse: Callable[[Any], Any]


@dataclass(frozen=True)
class OneOf:
    """One of the given words (a `Literal`)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Nested:
    """A value of another model, by its `module.QualName`."""

    model: str


@dataclass(frozen=True)
class ListOf:
    """A list of values of one kind, with at least `min_length` items."""

    item: Kind
    min_length: int = 0


@dataclass(frozen=True)
class TextMap:
    """A mapping of text keys to values of one kind."""

    value: Kind


@dataclass(frozen=True)
class Maybe:
    """A value of one kind, or null."""

    kind: Kind


Kind = Scalar | OneOf | Nested | ListOf | TextMap | Maybe


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


#: The default of a field the file must give.
REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Factory:
    """A default made anew for each value: an empty list or mapping, or a model's
    defaults (`model`)."""

    make: type[list[Any]] | type[dict[str, Any]] | None = None
    model: str | None = None


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    default: Any = REQUIRED


@dataclass(frozen=True)
class Model:
    """A model's fields and its checks before and after the fields."""

    path: str
    fields: tuple[Field, ...]
    before: Callable[[Any], Any] | None = None
    after: Callable[[dict[str, Any]], None] | None = None


_AREA = "tyollisyys_cli.models.area."
_AMOUNTS = "tyollisyys_cli.models.amounts."
_COMMUTING = "tyollisyys_cli.models.commuting."

COUNT = Scalar(parsing.parse_count)
CELL = Scalar(parsing.parse_cell)
PERCENT = Scalar(parsing.parse_percent)
NON_NEGATIVE = Scalar(parsing.parse_nonnegative)
POSITIVE = Scalar(parsing.parse_positive)
CODE = Scalar(parsing.parse_code)
MONTH = Scalar(parsing.parse_month)
FLAG = Scalar(parsing.parse_flag)
TEXT = Scalar(parsing.parse_text)
AMOUNT = Nested(_AMOUNTS + "Amount")
TARGET = Nested(_AMOUNTS + "Target")
STAFFING = ListOf(Nested(_AREA + "StaffLine"))


def _optional(name: str, kind: Kind) -> Field:
    return Field(name, Maybe(kind), None)


def _listed(name: str, kind: Kind) -> Field:
    return Field(name, ListOf(kind), Factory(list))


def _amount_form(fields: dict[str, Any]) -> None:
    parsing.check_amount_form(
        fields["exact"], fields["min"], fields["max"], fields["at_least"], fields["about"]
    )


def _target_form(fields: dict[str, Any]) -> None:
    parsing.check_target_form(fields["min"], fields["max"], fields["about"])


_COMMUTING_FIGURES = (
    Field("labour_force", COUNT),
    Field("commuting_in", COUNT),
    Field("commuting_out", COUNT),
    Field("working_in_own", COUNT),
    _optional("job_self_sufficiency", NON_NEGATIVE),
)

_ALL = (
    Model(
        _AMOUNTS + "Amount",
        tuple(
            _optional(name, NON_NEGATIVE) for name in ("exact", "min", "max", "at_least", "about")
        ),
        before=parsing.amount_mapping,
        after=_amount_form,
    ),
    Model(
        _AMOUNTS + "Target",
        (
            *(_optional(name, POSITIVE) for name in ("min", "max", "about")),
            _optional("printed", TEXT),
        ),
        before=parsing.target_mapping,
        after=_target_form,
    ),
    Model(
        _AREA + "StatisticsRow",
        (
            Field("labour_force", COUNT),
            _optional("unemployment_rate", PERCENT),
            Field("unemployed", COUNT),
            *(Field(name, CELL) for name in CELL_FIELDS),
            *(_optional(name, CELL) for name in OPTIONAL_CELL_FIELDS),
        ),
    ),
    Model(_AREA + "WithheldCell", (Field("min", COUNT, 1), Field("max", COUNT, 4))),
    Model(
        _AREA + "TransferPool",
        (
            Field("total_fte", AMOUNT),
            Field("customer_work_fte", AMOUNT),
            _optional("printed", TEXT),
        ),
    ),
    Model(
        _AREA + "AreaInfo",
        (
            Field("name", TEXT),
            _optional("code", TEXT),
            Field("responsible_municipality", CODE),
            Field("reference_month", MONTH),
            Field("sources", TextMap(TEXT), Factory(dict)),
            Field(
                "withheld_cell",
                Nested(_AREA + "WithheldCell"),
                Factory(model=_AREA + "WithheldCell"),
            ),
            _optional("transfer_pool", Nested(_AREA + "TransferPool")),
        ),
    ),
    Model(
        _AREA + "StaffLine",
        (
            Field("role", TEXT),
            Field("fte", AMOUNT),
            Field(
                "origin", OneOf(("own", "transferring", "recruited", "transferring_or_recruited"))
            ),
            Field("caseload", FLAG),
            _optional("note", TEXT),
        ),
    ),
    Model(
        _AREA + "OtherTarget",
        (
            Field("description", TEXT),
            _optional("min", NON_NEGATIVE),
            _optional("max", NON_NEGATIVE),
            _optional("printed", TEXT),
        ),
    ),
    Model(
        _AREA + "Office",
        (
            Field("name", TEXT),
            Field("address", TEXT),
            _optional("serves", TEXT),
            _optional("note", TEXT),
            _optional("printed", TEXT),
        ),
    ),
    Model(
        _AREA + "Municipality",
        (
            Field("code", CODE),
            Field("name", TEXT),
            _listed("printed_names", TEXT),
            Field("region", TEXT),
            _optional("service_unit", TEXT),
            _optional("statistics", Nested(_AREA + "StatisticsRow")),
            _optional("target", TARGET),
            _listed("other_targets", Nested(_AREA + "OtherTarget")),
            _optional("staffing", STAFFING),
            _listed("offices", Nested(_AREA + "Office")),
        ),
    ),
    Model(
        _AREA + "ServiceUnit",
        (
            Field("id", TEXT),
            Field("name", TEXT),
            Field("provider", CODE),
            Field("members", ListOf(CODE, min_length=1)),
            _optional("target", TARGET),
            _optional("staffing", STAFFING),
        ),
    ),
    Model(
        _AREA + "SharedService",
        (
            Field("name", TEXT),
            Field("provider", CODE),
            Field("serves", ListOf(CODE, min_length=1)),
            _optional("fte", AMOUNT),
            _optional("note", TEXT),
        ),
    ),
    Model(
        _AREA + "Claim",
        (
            Field("id", TEXT),
            Field("section", TEXT),
            Field(
                "quantity",
                OneOf(
                    (
                        "labour_force",
                        "unemployed",
                        "unemployment_rate",
                        "long_term",
                        "foreign",
                        "foreign_language_job_seekers",
                        "caseload_fte",
                        "own_fte",
                        "clients_per_advisor",
                    )
                ),
            ),
            _optional("place", TEXT),
            _optional("region", TEXT),
            _optional("value", NON_NEGATIVE),
            _optional("min", NON_NEGATIVE),
            _optional("max", NON_NEGATIVE),
            Field("approximate", FLAG, False),
            Field("printed", TEXT),
        ),
    ),
    Model(
        _AREA + "AreaFile",
        (
            Field("area", Nested(_AREA + "AreaInfo")),
            _optional("statistics_totals", Nested(_AREA + "StatisticsRow")),
            Field("municipalities", ListOf(Nested(_AREA + "Municipality"), min_length=1)),
            _listed("service_units", Nested(_AREA + "ServiceUnit")),
            _listed("shared_services", Nested(_AREA + "SharedService")),
            _listed("claims", Nested(_AREA + "Claim")),
        ),
    ),
    Model(_COMMUTING + "CommutingFigures", _COMMUTING_FIGURES),
    Model(
        _COMMUTING + "CommutingRow",
        (
            *_COMMUTING_FIGURES,
            Field("municipality", CODE),
            _optional("printed_name", TEXT),
        ),
    ),
    Model(
        _COMMUTING + "CommutingFile",
        (
            Field("source", TEXT),
            _optional("month", MONTH),
            Field("rows", ListOf(Nested(_COMMUTING + "CommutingRow"), min_length=1)),
            _optional("totals", Nested(_COMMUTING + "CommutingFigures")),
        ),
    ),
)

#: The described models, by `module.QualName`.
MODELS: dict[str, Model] = {model.path: model for model in _ALL}

#: The models of the two hand-written files.
AREA_FILE = _AREA + "AreaFile"
COMMUTING_FILE = _COMMUTING + "CommutingFile"


def validate(model: str, data: Any) -> Record | None:
    """The records of `data` validated as `model`, or None where the models must decide."""
    try:
        return _model(MODELS[model], data)
    except _Refused:
        return None


def _model(spec: Model, data: Any) -> Record:
    if spec.before is not None:
        data = _checked(spec.before, data)
    if not isinstance(data, dict):
        raise _Refused
    names = {field.name for field in spec.fields}
    if not all(isinstance(key, str) and key in names for key in data):
        raise _Refused  # an unknown field (or a key that is not text)
    values: dict[str, Any] = {}
    for field in spec.fields:
        if field.name in data:
            values[field.name] = _value(field.kind, data[field.name])
        else:
            values[field.name] = _default(field)
    if spec.after is not None:
        _checked(spec.after, values)
    return record_class(spec.path)(values)


def _default(field: Field) -> Any:
    default = field.default
    if default is REQUIRED:
        raise _Refused
    if isinstance(default, Factory):
        if default.model is not None:
            return _model(MODELS[default.model], {})
        return default.make() if default.make is not None else None
    return default


def _value(kind: Kind, value: Any) -> Any:
    if isinstance(kind, Scalar):
        return _checked(kind.parse, value)
    if isinstance(kind, Maybe):
        return None if value is None else _value(kind.kind, value)
    if isinstance(kind, Nested):
        return _model(MODELS[kind.model], value)
    if isinstance(kind, ListOf):
        if not isinstance(value, list) or len(value) < kind.min_length:
            raise _Refused
        return [_value(kind.item, item) for item in value]
    if isinstance(kind, TextMap):
        if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
            raise _Refused
        return {key: _value(kind.value, item) for key, item in value.items()}
    if isinstance(value, str) and value in kind.words:  # OneOf
        return value
    raise _Refused


def _checked(check: Callable[[Any], Any], value: Any) -> Any:
    try:
        return check(value)
    except ValueError:
        raise _Refused from None

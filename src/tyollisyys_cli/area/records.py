"""Plain records that stand in for validated models in the cache, without pydantic.

A warm run reads the validated area from the cache (`tyollisyys_cli.area.cache`). Were the
pydantic models pickled as they are, reading them back would import pydantic and build
every model class, which costs more than the whole command. So the cache stores each
model instance as a `Record`: a frozen bag of the same field values, of a class named
after the model, with the model's pydantic-free behaviour (`models.pure.BEHAVIOUR`).

Anything else asked of a record (a method written on the model itself, `model_dump`,
`model_copy`) is answered by the real model, built from the record's fields on demand:
correct, just no longer free of pydantic. `isinstance(record, Model)` is False (pydantic
refuses virtual subclasses): code over the area should rely on the fields, not on the
class, or call `to_model()`.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Prefix of the generated class names: `Record__tyollisyys_cli__models__amounts__Target`.
_PREFIX = "Record__"
_CLASSES: dict[str, type[Record]] = {}


class Record:
    """The field values of one validated model instance, frozen."""

    _model: str = ""  # `module.QualName` of the model this record stands for

    def __init__(self, fields: dict[str, Any]) -> None:
        # Unpickling calls this with the field values: one call, no attribute probing.
        self.__dict__.update(fields)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.__dict__,)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), tuple(self.__dict__.values())))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def __getattr__(self, name: str) -> Any:
        # Only called for names the record lacks. Protocol probes (pickle's
        # __setstate__, copy's __deepcopy__, ...) must fail fast, not build a model.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.to_model(), name)

    def to_model(self) -> Any:
        """The validated model instance this record stands for (imports pydantic)."""
        module, _, qualname = self._model.rpartition(".")
        model = getattr(importlib.import_module(module), qualname)
        values = {name: _to_model(value) for name, value in self.__dict__.items()}
        return model.model_construct(**values)


def _to_model(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_model()
    if isinstance(value, list):
        return [_to_model(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_to_model(item) for item in value)
    if isinstance(value, dict):
        return {key: _to_model(item) for key, item in value.items()}
    return value


def class_name(model: str) -> str:
    """The record class's name for a model's `module.QualName`."""
    return _PREFIX + model.replace(".", "__")


def record_class(model: str) -> type[Record]:
    """The record class standing in for the model `module.QualName` (made once)."""
    name = class_name(model)
    found = _CLASSES.get(name)
    if found is None:
        from tyollisyys_cli.models.pure import BEHAVIOUR

        bases = (BEHAVIOUR[model], Record) if model in BEHAVIOUR else (Record,)
        found = type(name, bases, {"_model": model, "__module__": __name__})
        found.__qualname__ = name
        _CLASSES[name] = found
    return found


def from_model(instance: Any) -> tuple[type[Record], tuple[dict[str, Any]]]:
    """A pickle reduction of a model instance to its record: the class and the fields."""
    model = type(instance)
    return record_class(f"{model.__module__}.{model.__qualname__}"), (instance.__dict__,)


def __getattr__(name: str) -> type[Record]:
    # Unpickling looks record classes up here by name.
    if name.startswith(_PREFIX):
        return record_class(name[len(_PREFIX) :].replace("__", "."))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

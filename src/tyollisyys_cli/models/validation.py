"""pydantic's validation errors as `DataError`s: placed at the value, in words.

Each error names the file, line and column of the offending value, the field path, and
says what was found and what is expected ("unknown field 'nmae'; did you mean 'name'?").
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from tyollisyys_cli.errors import DataError, shortened
from tyollisyys_cli.files.positions import PathKey
from tyollisyys_cli.files.yamlfile import YamlDocument
from tyollisyys_cli.models.parsing import describe


def validation_errors(
    exc: ValidationError,
    document: YamlDocument,
    model: type[BaseModel],
    *,
    prefix: PathKey = (),
) -> list[DataError]:
    """One `DataError` per pydantic error, placed at the offending value (`prefix`: the
    path of the validated value in the document)."""
    result: list[DataError] = []
    seen: set[tuple[PathKey, str]] = set()
    for error in exc.errors(include_url=False):
        location: PathKey = tuple(error["loc"])
        path: PathKey = (*prefix, *location)
        message = _message(error, location, model)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        result.append(document.error(path, message))
    return result


def _message(error: Any, path: PathKey, model: type[BaseModel]) -> str:
    """A pydantic error in words: what was found and what is expected."""
    kind = error["type"]
    found = describe(error.get("input"))
    if kind == "value_error":
        return str(error["ctx"]["error"]) if "ctx" in error else str(error["msg"])
    if kind == "extra_forbidden":
        name = shortened(str(path[-1])) if path else "?"
        known = _field_names(model, path[:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else (f"; known fields: {', '.join(sorted(known))}" if known else "")
        )
        return f"unknown field {name!r}{hint}"
    if kind == "missing":
        name = str(path[-1]) if path else "?"
        return f"the required field {name!r} is missing"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping of fields (name: value), found {found}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- ', or [a, b]), found {found}"
    if kind == "too_short":
        return "expected at least one entry, found an empty list"
    if kind == "too_long" and "ctx" in error:
        most, found_length = error["ctx"]["max_length"], error["ctx"]["actual_length"]
        return f"expected at most {most} entries, found {found_length}"
    if kind == "literal_error":
        choices = str(error["ctx"]["expected"]) if "ctx" in error else ""
        close = difflib.get_close_matches(
            shortened(str(error.get("input"))),
            [c.strip(" '") for c in choices.replace(" or ", ",").split(",")],
        )
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"expected one of {choices}, found {found}{hint}"
    return f"{error['msg']}, found {found}"


def _field_names(model: type[BaseModel], path: PathKey) -> list[str]:
    """The field names of the model found at `path` below `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _model_of(fields[part].annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None

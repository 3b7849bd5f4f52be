"""The plain validation (`models.plain`) against the pydantic models it stands in for.

It must describe every field as the model declares it, make the same records the models'
instances make, and never accept what the models refuse (it may leave anything to them).
"""

from __future__ import annotations

import copy
import importlib
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from annotated_types import MinLen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, PlainValidator, ValidationError
from pydantic_core import PydanticUndefined

from edits import Case, prepare
from test_bad_input import CASES
from tyollisyys_cli.area import load
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.area.records import Record, record_class
from tyollisyys_cli.files import yamlfile
from tyollisyys_cli.models import plain

DATA = bundled_data_dir()


def model_class(path: str) -> type[BaseModel]:
    module, _, name = path.rpartition(".")
    found: type[BaseModel] = getattr(importlib.import_module(module), name)
    return found


def kind_of(annotation: Any, metadata: list[Any]) -> plain.Kind:
    """The plain description of a field type, read from the model's annotation."""
    validator = next((m for m in metadata if isinstance(m, PlainValidator)), None)
    if validator is not None:
        return plain.Scalar(validator.func)
    min_length = next((m.min_length for m in metadata if isinstance(m, MinLen)), 0)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return kind_of(inner, [*extra, *metadata])
    if origin is typing.Literal:
        return plain.OneOf(typing.get_args(annotation))
    if origin in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        assert len(args) == 1, annotation
        return plain.Maybe(kind_of(args[0], []))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return plain.ListOf(kind_of(item, []), min_length)
    if origin is dict:
        key, value = typing.get_args(annotation)
        assert key is str
        return plain.TextMap(kind_of(value, []))
    assert isinstance(annotation, type) and issubclass(annotation, BaseModel), annotation
    return plain.Nested(f"{annotation.__module__}.{annotation.__qualname__}")


def default_of(info: Any) -> Any:
    if info.default_factory is not None:
        if info.default_factory in (list, dict):
            return plain.Factory(info.default_factory)
        model = info.default_factory
        return plain.Factory(model=f"{model.__module__}.{model.__qualname__}")
    return plain.REQUIRED if info.default is PydanticUndefined else info.default


@pytest.mark.parametrize("path", sorted(plain.MODELS))
def test_the_description_follows_the_model(path: str) -> None:
    model = model_class(path)
    described = plain.MODELS[path].fields
    declared = tuple(
        plain.Field(name, kind_of(info.annotation, info.metadata), default_of(info))
        for name, info in model.model_fields.items()
    )
    assert described == declared
    assert model.model_config.get("extra") == "forbid"


def test_every_model_of_the_area_files_is_described() -> None:
    """Every model reachable from the two files' models has its description."""
    seen: set[str] = set()
    pending = [plain.AREA_FILE, plain.COMMUTING_FILE]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        for info in model_class(path).model_fields.values():
            pending.extend(nested_models(kind_of(info.annotation, info.metadata)))
    assert seen == set(plain.MODELS)


def nested_models(kind: plain.Kind) -> list[str]:
    if isinstance(kind, plain.Nested):
        return [kind.model]
    if isinstance(kind, plain.Maybe):
        return nested_models(kind.kind)
    if isinstance(kind, plain.ListOf):
        return nested_models(kind.item)
    if isinstance(kind, plain.TextMap):
        return nested_models(kind.value)
    return []


# ------------------------------------------------------------------ same records


def as_records(value: Any) -> Any:
    """A validated model instance as the records the cache would hold for it."""
    if isinstance(value, BaseModel):
        model = type(value)
        fields = {name: as_records(item) for name, item in value.__dict__.items()}
        return record_class(f"{model.__module__}.{model.__qualname__}")(fields)
    if isinstance(value, list):
        return [as_records(item) for item in value]
    if isinstance(value, dict):
        return {key: as_records(item) for key, item in value.items()}
    return value


def agrees(model: str, data: Any) -> Record | None:
    """The plain validation of `data`, asserted to agree with the model's."""
    described = plain.validate(model, copy.deepcopy(data))
    try:
        validated = model_class(model).model_validate(data)
    except ValidationError:
        assert described is None, "accepted what the model refuses"
        return None
    if described is not None:
        assert described == as_records(validated)
        assert type(described) is type(as_records(validated))
    return described


FILES = {"municipalities.yaml": plain.AREA_FILE, "commuting.yaml": plain.COMMUTING_FILE}


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_bundled_files_get_the_models_records(name: str) -> None:
    data = yamlfile.load_yaml(DATA / name).data
    described = agrees(FILES[name], data)
    assert described is not None  # a good file needs no pydantic


def test_amounts_targets_and_defaults() -> None:
    data = yamlfile.load_yaml(DATA / "municipalities.yaml").data
    del data["area"]["withheld_cell"]  # defaults to 1–4 persons
    area = agrees(plain.AREA_FILE, data)
    assert area is not None
    cell = record_class("tyollisyys_cli.models.area.WithheldCell")({"min": 1, "max": 4})
    assert area.area.withheld_cell == cell
    kuhmo = next(m for m in area.municipalities if m.code == "290")
    assert kuhmo.target.describe() == "under 100"  # a record with the model's behaviour
    assert [line.fte.span().low for line in kuhmo.staffing] == [1.0, 2.5, 3.5]
    assert kuhmo.other_targets == []
    unstated = [c for c, claim in enumerate(data["claims"]) if "approximate" not in claim]
    assert unstated and all(area.claims[c].approximate is False for c in unstated)


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_the_bad_corpus_is_left_to_the_models_or_agreed(bad: Case, tmp_path: Path) -> None:
    folder, _ = prepare(bad, tmp_path)
    for name, model in FILES.items():
        if not (folder / name).is_file():
            continue
        try:
            data = yamlfile.load_yaml(folder / name).data
        except Exception:  # a file that is not YAML never reaches validation
            continue
        agrees(model, data)


def test_a_refused_file_is_validated_by_the_models(tmp_path: Path) -> None:
    """The loader hands a file the plain validation refuses to the models: their words."""
    target = tmp_path / "area"
    target.mkdir()
    text = (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    (target / "municipalities.yaml").write_text(
        text.replace("    labour_force: 3120\n", "    labour_force: 3 120\n", 1), encoding="utf-8"
    )
    with pytest.raises(load.DataErrors) as raised:
        load.load_area(target)
    (error,) = raised.value.errors
    assert "write numbers without spaces: 3120" in str(error)
    assert "labour_force" in str(error)


# ------------------------------------------------------------------ never laxer


TRICKY = [
    None,
    "",
    " ",
    "text",
    "withheld",
    "missing",
    "...",
    "8,9",
    "38 799",
    "yes",
    True,
    False,
    -1,
    0,
    1,
    2.5,
    100,
    101,
    float("nan"),
    "205",
    205,
    "2023-08",
    "2023-13",
    "own",
    "unemployed",
    [],
    ["205"],
    [1, 2],
    {},
    {"min": 2, "max": 1},
    {"min": 1, "max": 2},
    {"about": 2},
    {"at_least": 1},
    {"exact": 3},
    {"min": 1},
    {"max": 100},
    {"unknown": 1},
]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


def mutated(data: Any, path: tuple[Any, ...], operation: str, value: Any) -> Any:
    changed = copy.deepcopy(data)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if operation == "replace":
        parent[last] = value
    elif operation == "delete" and isinstance(parent, dict):
        del parent[last]
    elif operation == "delete":
        parent.pop(last)
    elif isinstance(parent[last], dict):  # add a field, known to some model or not
        parent[last][value if isinstance(value, str) and value else "unknown"] = 1
    return changed


@pytest.mark.parametrize("name", sorted(FILES))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_changed_file_is_never_accepted_where_the_model_refuses_it(
    name: str, data: st.DataObject
) -> None:
    original = ORIGINALS[name]
    changes = data.draw(st.integers(1, 3))
    document = original
    for _ in range(changes):
        path = data.draw(st.sampled_from(paths(document)))
        operation = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        value = data.draw(st.sampled_from(TRICKY))
        document = mutated(document, path, operation, value)
    agrees(FILES[name], document)


ORIGINALS = {name: yamlfile.load_yaml(DATA / name).data for name in FILES}

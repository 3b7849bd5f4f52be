"""Loading an area's data directory: files → YAML → pydantic models → cross-checks → `Area`.

Every problem becomes a `DataError` with file, line, column and field; all problems of
all files are collected and raised together as `DataErrors`.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tyollisyys_cli.dataset import Area, Snapshot, Unit, ValueRef
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.models.area import AreaFile
from tyollisyys_cli.models.commuting import CommutingFile
from tyollisyys_cli.monthly import load_monthly
from tyollisyys_cli.yamlfile import PathKey, YamlDocument, load_yaml

AREA_FILE = "municipalities.yaml"
COMMUTING_FILE = "commuting.yaml"

M = TypeVar("M", bound=BaseModel)


def load_area(data_dir: Path) -> Area:
    """Load and validate every data file of the area in `data_dir`."""
    if not data_dir.exists():
        raise DataErrors([DataError(data_dir, "data directory not found")])
    if not data_dir.is_dir():
        raise DataErrors(
            [
                DataError(
                    data_dir,
                    f"is not a directory; --data-dir takes the folder that holds {AREA_FILE}",
                )
            ]
        )
    errors: list[DataError] = []
    plan_doc, plan = _read(data_dir / AREA_FILE, AreaFile, errors)
    commuting_doc: YamlDocument | None = None
    commuting: CommutingFile | None = None
    if (data_dir / COMMUTING_FILE).exists():
        commuting_doc, commuting = _read(data_dir / COMMUTING_FILE, CommutingFile, errors)
    if plan is None or plan_doc is None:
        raise DataErrors(errors)
    errors.extend(cross_check(plan, plan_doc, commuting, commuting_doc))
    # Imported months (statistics/YYYY-MM.yaml), beside the plan's own month.
    monthly = load_monthly(data_dir, plan, errors)
    if errors:
        raise DataErrors(errors)
    files = {"municipalities": plan_doc.path}
    positions = {"municipalities": plan_doc.positions}
    if commuting_doc is not None:
        files["commuting"] = commuting_doc.path
        positions["commuting"] = commuting_doc.positions
    files.update(monthly.files)
    positions.update(monthly.positions)
    return Area(
        plan=plan,
        commuting=commuting,
        snapshots=tuple(sorted([*_plan_snapshot(plan), *monthly.snapshots], key=lambda s: s.month)),
        units=_units(plan),
        files=files,
        positions=positions,
    )


def _read(
    path: Path, model: type[M], errors: list[DataError]
) -> tuple[YamlDocument | None, M | None]:
    try:
        document = load_yaml(path)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None, None
    try:
        return document, model.model_validate(document.data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, document, model))
        return document, None


def validation_errors(
    exc: ValidationError, document: YamlDocument, model: type[BaseModel]
) -> list[DataError]:
    """One `DataError` per pydantic error, placed at the offending value."""
    result: list[DataError] = []
    seen: set[tuple[PathKey, str]] = set()
    for error in exc.errors(include_url=False):
        path: PathKey = tuple(error["loc"])
        message = _message(error, path, model)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        result.append(document.error(path, message))
    return result


def _message(error: Any, path: PathKey, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        known = _field_names(model, path[:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else (f"; known fields: {', '.join(sorted(known))}" if known else "")
        )
        return f"unknown field {name!r}{hint}"
    if kind == "missing":
        return "this required field is missing"
    if kind in {"model_type", "dict_type"}:
        return f"expected a mapping of fields, found {_kind(error.get('input'))}"
    if kind == "list_type":
        return f"expected a list, found {_kind(error.get('input'))}"
    if kind == "too_short":
        return "expected at least one entry"
    if kind == "bool_type":
        return f"expected true or false, found {error.get('input')!r}"
    if kind == "literal_error":
        return (
            f"{error['msg'].replace('Input should be', 'expected')}, found {error.get('input')!r}"
        )
    return f"{error['msg']} (found {error.get('input')!r})"


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return repr(value)


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


def cross_check(
    plan: AreaFile,
    plan_doc: YamlDocument,
    commuting: CommutingFile | None,
    commuting_doc: YamlDocument | None,
) -> list[DataError]:
    """References between sections and files: codes unique and known, units consistent."""
    errors: list[DataError] = []
    codes: dict[str, int] = {}
    for i, municipality in enumerate(plan.municipalities):
        if municipality.code in codes:
            first = plan_doc.position(("municipalities", codes[municipality.code], "code"))
            where = f" (first on line {first.line})" if first else ""
            errors.append(
                plan_doc.error(
                    ("municipalities", i, "code"),
                    f"municipality code {municipality.code} appears twice{where}",
                )
            )
        else:
            codes[municipality.code] = i
    names = {m.name.casefold(): i for i, m in enumerate(plan.municipalities)}
    if len(names) != len(plan.municipalities):
        seen: set[str] = set()
        for i, municipality in enumerate(plan.municipalities):
            if municipality.name.casefold() in seen:
                errors.append(
                    plan_doc.error(
                        ("municipalities", i, "name"),
                        f"municipality name {municipality.name} appears twice",
                    )
                )
            seen.add(municipality.name.casefold())

    def known(code: str, path: PathKey) -> None:
        if code not in codes:
            errors.append(
                plan_doc.error(
                    path,
                    f"unknown municipality code {code}; it is not among the area's municipalities",
                )
            )

    known(plan.area.responsible_municipality, ("area", "responsible_municipality"))
    unit_ids: dict[str, int] = {}
    for u, unit in enumerate(plan.service_units):
        if unit.id in unit_ids:
            errors.append(
                plan_doc.error(
                    ("service_units", u, "id"), f"service unit id {unit.id!r} appears twice"
                )
            )
        unit_ids[unit.id] = u
        known(unit.provider, ("service_units", u, "provider"))
        if unit.provider not in unit.members:
            errors.append(
                plan_doc.error(
                    ("service_units", u, "members"),
                    f"the provider {unit.provider} must be one of the members",
                )
            )
        for j, code in enumerate(unit.members):
            known(code, ("service_units", u, "members", j))
    for i, municipality in enumerate(plan.municipalities):
        unit_id = municipality.service_unit
        if unit_id is None:
            continue
        if unit_id not in unit_ids:
            close = difflib.get_close_matches(unit_id, list(unit_ids), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            errors.append(
                plan_doc.error(
                    ("municipalities", i, "service_unit"), f"unknown service unit {unit_id!r}{hint}"
                )
            )
            continue
        unit = plan.service_units[unit_ids[unit_id]]
        if municipality.code not in unit.members:
            errors.append(
                plan_doc.error(
                    ("municipalities", i, "service_unit"),
                    f"{municipality.name} names service unit {unit_id!r} "
                    "but is not among its members",
                )
            )
        if municipality.staffing is not None or municipality.target is not None:
            errors.append(
                plan_doc.error(
                    ("municipalities", i, "service_unit"),
                    f"{municipality.name} is served by unit {unit_id!r}: "
                    "write its staffing and target under the unit",
                )
            )
    for u, unit in enumerate(plan.service_units):
        for j, code in enumerate(unit.members):
            if code in codes and plan.municipalities[codes[code]].service_unit != unit.id:
                errors.append(
                    plan_doc.error(
                        ("service_units", u, "members", j),
                        f"member {code} does not name service unit "
                        f"{unit.id!r} in its service_unit field",
                    )
                )
    for s, shared in enumerate(plan.shared_services):
        known(shared.provider, ("shared_services", s, "provider"))
        for j, code in enumerate(shared.serves):
            known(code, ("shared_services", s, "serves", j))
    claim_ids: set[str] = set()
    for c, claim in enumerate(plan.claims):
        if claim.id in claim_ids:
            errors.append(
                plan_doc.error(
                    ("claims", c, "id"),
                    f"claim id {claim.id!r} appears twice",
                )
            )
        claim_ids.add(claim.id)
        if claim.place is not None and claim.place not in codes and claim.place not in unit_ids:
            errors.append(
                plan_doc.error(
                    ("claims", c, "place"),
                    f"unknown place {claim.place!r}: expected a municipality "
                    "code or a service unit id",
                )
            )
        if (claim.value is None) == (claim.min is None or claim.max is None):
            errors.append(
                plan_doc.error(("claims", c), "a claim needs either value or both min and max")
            )
    for i, municipality in enumerate(plan.municipalities):
        stats = municipality.statistics
        if stats is None:
            continue
        for group in (
            "men",
            "women",
            "under_20",
            "under_25",
            "over_50",
            "long_term",
            "disabled_or_ill",
            "foreign",
        ):
            value = getattr(stats, group)
            if isinstance(value, int) and value > stats.unemployed:
                errors.append(
                    plan_doc.error(
                        ("municipalities", i, "statistics", group),
                        f"{value} is larger than the unemployed total {stats.unemployed}",
                    )
                )
        if stats.unemployed > stats.labour_force:
            errors.append(
                plan_doc.error(
                    ("municipalities", i, "statistics", "unemployed"),
                    f"{stats.unemployed} unemployed is more than the labour force "
                    f"{stats.labour_force}",
                )
            )
    if commuting is not None and commuting_doc is not None:
        seen_rows: set[str] = set()
        for r, row in enumerate(commuting.rows):
            if row.municipality not in codes:
                errors.append(
                    commuting_doc.error(
                        ("rows", r, "municipality"),
                        f"unknown municipality code {row.municipality}; it is not in {AREA_FILE}",
                    )
                )
            if row.municipality in seen_rows:
                errors.append(
                    commuting_doc.error(
                        ("rows", r, "municipality"), f"municipality {row.municipality} has two rows"
                    )
                )
            seen_rows.add(row.municipality)
    return errors


def _plan_snapshot(plan: AreaFile) -> list[Snapshot]:
    rows = {m.code: m.statistics for m in plan.municipalities if m.statistics is not None}
    if not rows:
        return []
    refs = {
        m.code: ValueRef("municipalities", ("municipalities", i, "statistics"))
        for i, m in enumerate(plan.municipalities)
        if m.statistics is not None
    }
    return [
        Snapshot(
            month=plan.area.reference_month,
            source=plan.area.sources.get("statistics", "the plan"),
            rows=rows,
            row_refs=refs,
            printed_totals=plan.statistics_totals,
            totals_ref=ValueRef("municipalities", ("statistics_totals",)),
        )
    ]


def _units(plan: AreaFile) -> tuple[Unit, ...]:
    units: list[Unit] = []
    declared = {unit.id: (u, unit) for u, unit in enumerate(plan.service_units)}
    emitted: set[str] = set()
    for i, municipality in enumerate(plan.municipalities):
        if municipality.service_unit is None:
            units.append(
                Unit(
                    id=municipality.code,
                    name=municipality.name,
                    provider=municipality.code,
                    members=(municipality.code,),
                    target=municipality.target,
                    staffing=None
                    if municipality.staffing is None
                    else tuple(municipality.staffing),
                    declared=False,
                    target_ref=ValueRef("municipalities", ("municipalities", i, "target")),
                    staffing_ref=ValueRef("municipalities", ("municipalities", i, "staffing")),
                )
            )
        elif municipality.service_unit not in emitted:
            emitted.add(municipality.service_unit)
            u, unit = declared[municipality.service_unit]
            units.append(
                Unit(
                    id=unit.id,
                    name=unit.name,
                    provider=unit.provider,
                    members=tuple(unit.members),
                    target=unit.target,
                    staffing=None if unit.staffing is None else tuple(unit.staffing),
                    declared=True,
                    target_ref=ValueRef("municipalities", ("service_units", u, "target")),
                    staffing_ref=ValueRef("municipalities", ("service_units", u, "staffing")),
                )
            )
    return tuple(units)

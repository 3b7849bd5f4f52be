"""Reading a scenario file: YAML → `ScenarioFile` → places resolved → `core.scenario.Scenario`.

Problems are `DataError`s with file, line and column, raised together as `DataErrors`,
as for the area's data files.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tyollisyys_cli.area.dataset import Area, Unit
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import UnknownPlace, fold, resolve_places
from tyollisyys_cli.core.scenario import Scenario
from tyollisyys_cli.errors import DataError, DataErrors, in_file_order
from tyollisyys_cli.files.positions import field_name
from tyollisyys_cli.files.yamlfile import YamlDocument, load_yaml
from tyollisyys_cli.i18n import _
from tyollisyys_cli.models.parsing import no_withheld_cells
from tyollisyys_cli.models.scenario import MunicipalityChange, ScenarioFile, UnitChange
from tyollisyys_cli.models.validation import validation_errors


def load_scenario(path: Path, area: Area, base: ClientBase) -> Scenario:
    """The scenario in `path`, its municipalities and units resolved in `area`.

    `base` is the base case's client base: a file that sets only one of `client_base` and
    `clients_per_unemployed` keeps the other from it.
    """
    errors: list[DataError] = []
    try:
        document = load_yaml(path)
    except DataErrors as exc:  # the file's syntax, size or encoding
        if exc.document is None:
            raise DataErrors(exc.errors, source="scenario") from None
        errors += exc.errors  # a key given twice: the rest is validated too
        document = exc.document
    model = None
    try:
        with no_withheld_cells():
            model = ScenarioFile.model_validate(document.data)
    except ValidationError as exc:
        errors += validation_errors(exc, document, ScenarioFile)
    # The places are looked up even when a value is wrong, so that one run names every
    # problem of the file.
    raw = document.data if isinstance(document.data, dict) else {}
    changed = _municipalities(_keys(raw.get("municipalities")), document, area, errors)
    targeted = _units(_keys(raw.get("units")), document, area, errors)
    errors = _misindented(raw, "municipalities", MunicipalityChange, document, errors, changed)
    errors = _misindented(raw, "units", UnitChange, document, errors, targeted)
    if errors or model is None:
        raise DataErrors(in_file_order(errors), source="scenario")
    changes = {code: model.municipalities[key].unemployed_change for code, key in changed.items()}
    targets = {unit: model.units[key].target for unit, key in targeted.items()}
    client_base = None
    if model.client_base is not None or model.clients_per_unemployed is not None:
        client_base = ClientBase(
            model.client_base or base.kind,
            base.factor if model.clients_per_unemployed is None else model.clients_per_unemployed,
        )
    return Scenario(
        name=model.name,
        unemployed_change=model.unemployed_change,
        target=model.target,
        unemployed_changes=changes,
        unit_targets=targets,
        client_base=client_base,
        sets_factor=model.clients_per_unemployed is not None,
    )


def change_errors(
    path: Path, area: Area, problems: list[tuple[str, str | None]]
) -> list[DataError]:
    """Each message about the unemployed change of a municipality (its code; None: the
    file's own change), placed at that change in the scenario file: the one under the
    municipality's own entry if it has one, else the file's `unemployed_change`; from
    the top of the file down."""
    document = load_yaml(path)  # (read again: only for these messages)
    entries = document.data.get("municipalities") if isinstance(document.data, dict) else None
    own: dict[str, str] = {}  # municipality code → its key in the file
    for key in entries if isinstance(entries, dict) else ():
        try:
            codes = resolve_places(area, [key], in_file=True).codes
        except UnknownPlace:
            continue
        own.update((code, str(key)) for code in codes)
    return in_file_order(
        [
            document.error(("municipalities", own[code], "unemployed_change"), message)
            if code in own
            else document.error(("unemployed_change",), message)
            for message, code in problems
        ]
    )


def client_base_error(path: Path) -> DataError:
    """The file's `client_base: job-seekers`, placed at it, when the statistics hold no
    count of all job seekers."""
    document = load_yaml(path)  # (read again: only for this message)
    return document.error(
        ("client_base",),
        _(
            "these statistics have no count of all job seekers; import a month of the "
            "official statistics or write client_base: unemployed"
        ),
    )


def _misindented(
    raw: dict[str, Any],
    section: str,
    model: type[BaseModel],
    document: YamlDocument,
    errors: list[DataError],
    known: dict[str, str],
) -> list[DataError]:
    """`errors`, where a field of a place's entry is written beside the place instead of
    under it (`Kajaani:` with nothing, then `unemployed_change: 20` at Kajaani's indent)
    said once as that, not as an empty place, an unknown place and a value of no place.
    A place that is itself unknown (`known`: the keys found) keeps its "did you mean"."""
    entries = raw.get(section)
    if not isinstance(entries, dict):
        return errors
    keys = list(entries)
    for place, key in pairwise(keys):
        if key not in model.model_fields or entries[place] is not None:
            continue
        empty, beside = field_name((section, place)), field_name((section, key))
        at = document.key_position((section, place))
        # (an unknown place keeps the message at its name, with its "did you mean")
        kept = (at.line, at.column) if at and place not in known.values() else None
        errors = [
            e
            for e in errors
            if e.file != document.path
            or (e.field == empty and (e.line, e.column) == kept)
            or not (e.field in {empty, beside} or e.field.startswith(beside + "."))
        ]
        errors.append(
            document.error(
                (section, key),
                _("{key} is a field of {place}, not a place: indent it under {place}").format(
                    key=key, place=place
                ),
                at_key=True,
            )
        )
    return errors


def _keys(entries: object) -> list[str]:
    """The names written as keys of `entries` (those that are text: validation names the
    others)."""
    return [key for key in entries if isinstance(key, str)] if isinstance(entries, dict) else []


def _municipalities(
    keys: list[str], document: YamlDocument, area: Area, errors: list[DataError]
) -> dict[str, str]:
    """The code of each municipality changed, with the key it is changed under."""
    set_by: dict[str, str] = {}
    for key in keys:
        try:
            codes = resolve_places(area, [key], in_file=True).codes
        except UnknownPlace as exc:
            errors.append(document.error(("municipalities", key), str(exc.args[0]), at_key=True))
            continue
        for code in codes:
            if code in set_by:
                errors.append(
                    document.error(
                        ("municipalities", key),
                        _("{name} is already changed under {key!r}; change it once").format(
                            name=area.municipality(code).name, key=set_by[code]
                        ),
                        at_key=True,
                    )
                )
                continue
            set_by[code] = key
    return set_by


def _units(
    keys: list[str], document: YamlDocument, area: Area, errors: list[DataError]
) -> dict[str, str]:
    """The id of each unit given a target, with the key it is given under."""
    set_by: dict[str, str] = {}
    for key in keys:
        unit = _unit_named(area, key)
        if unit is None:
            try:
                codes = resolve_places(area, [key], for_units=True).codes
            except UnknownPlace as exc:
                errors.append(document.error(("units", key), str(exc.args[0]), at_key=True))
                continue
            served = area.unit_of(codes[0])
            if served.declared:
                errors.append(
                    document.error(
                        ("units", key),
                        _(
                            "{key} is served by the unit {unit}; a target belongs to the "
                            "whole unit: write it under {id!r}"
                        ).format(key=key, unit=served.name, id=served.id),
                        at_key=True,
                    )
                )
                continue
            unit = served
        if unit.id in set_by:
            errors.append(
                document.error(
                    ("units", key),
                    _("{name} is already given a target under {key!r}; give it once").format(
                        name=unit.name, key=set_by[unit.id]
                    ),
                    at_key=True,
                )
            )
            continue
        set_by[unit.id] = key
    return set_by


def _unit_named(area: Area, key: str) -> Unit | None:
    """The declared service unit whose id or name is `key` (any case, ä/ö optional)."""
    for unit in area.units:
        if unit.declared and fold(key) in {fold(unit.id), fold(unit.name)}:
            return unit
    return None

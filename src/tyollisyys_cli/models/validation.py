"""pydantic's validation errors as `DataError`s: placed at the value, in words.

Each error names the file, line and column of the offending value (of an unknown
field: its key, where the mistake is), the field path, and says what was found and what
is expected ("unknown field 'nmae'; did you mean 'name'?").
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Protocol, get_origin

from pydantic import BaseModel, ValidationError

from tyollisyys_cli.errors import DataError, shortened
from tyollisyys_cli.files.positions import PathKey
from tyollisyys_cli.i18n import N_, _, ngettext, numeral
from tyollisyys_cli.models.fields import REFUSED, refusal
from tyollisyys_cli.models.parsing import describe, fold


class Document(Protocol):
    """A file read, which places a problem at the value of a path, or at its key
    (`YamlDocument`)."""

    def error(self, path: PathKey, message: str, *, at_key: bool = False) -> DataError: ...


def validation_errors(
    exc: ValidationError,
    document: Document,
    model: type[BaseModel],
    *,
    prefix: PathKey = (),
    where: Callable[[PathKey], PathKey] | None = None,
) -> list[DataError]:
    """One `DataError` per pydantic error, placed at the offending value (`prefix`: the
    path of the validated value in the document; `where`: the path in `model` of an
    error's location, when the value validated is not laid out as the model is)."""
    result: list[DataError] = []
    seen: set[tuple[PathKey, str]] = set()
    errors = exc.errors(include_url=False)
    locations: list[PathKey] = [
        where(tuple(error["loc"])) if where is not None else tuple(error["loc"]) for error in errors
    ]
    # A required field missing because its name is misspelt is one problem: the unknown
    # field, with its "did you mean".
    misspelt = {
        (location[:-1], _closest(str(location[-1]), model, location[:-1]))
        for error, location in zip(errors, locations, strict=True)
        if error["type"] == "extra_forbidden" and location
    }
    for error, location in zip(errors, locations, strict=True):
        if error["type"] == "missing" and location and (location[:-1], location[-1]) in misspelt:
            continue
        path: PathKey = (*prefix, *location)
        data = getattr(document, "data", _ABSENT)
        if path[-1:] == ("exact",) and not isinstance(_value_at(data, path[:-1]), dict):
            path = path[:-1]  # (an amount written as a number, `fte: 3`, is read as {exact: 3})
        message = _message(error, location, model, parent=_value_at(data, path[:-1]))
        # A municipality's name written where its code belongs (not a municipality's own
        # code: the names known are those of the area's other entries).
        written = error.get("input")
        if (
            error["type"] == REFUSED
            and error["ctx"]["check"] == "parse_code"
            and isinstance(written, str | int)
            and not isinstance(written, bool)
            and (path[-1:] != ("code",) or path[:1] != ("municipalities",))
        ):
            names, area = _municipality_names(document, data), _area_code(document, data)
            if isinstance(written, str):
                message += _code_hint(written, names, area)
            elif names and f"{written:03d}" not in names:  # (`46`: no "046" to offer here)
                message = _not_a_code_here(written, area)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        # An unknown field is a problem of its key, not of what it holds.
        at_key = error["type"] == "extra_forbidden"
        result.append(document.error(path, message, at_key=at_key))
    return result


def _key_before(key: object, parent: Any) -> object:
    """The key written just before `key` in the mapping `parent`, if any."""
    keys = list(parent) if isinstance(parent, dict) else []
    at = keys.index(key) if key in keys else 0
    return keys[at - 1] if at > 0 else None


def _split_by_a_comma(key: object, parent: Any) -> tuple[str, str, str] | None:
    """`("at_least", "3", "5")` where `{at_least: 3,5}` was read as `{at_least: 3, 5:
    null}`: the field and the two parts of the number a comma split, if the unknown key
    `key` is digits with no value after a key that holds a whole number; else None."""
    if not isinstance(parent, dict) or parent.get(key, 0) is not None:
        return None
    digits, above = str(key), _key_before(key, parent)
    before = parent[above] if above is not None else None
    if not digits.isdigit() or isinstance(before, bool) or not isinstance(before, int):
        return None
    return str(above), str(before), digits


def _municipality_names(document: Document, data: Any) -> Mapping[str, str]:
    """The area's municipalities' names by code: those the document was given (a file
    beside municipalities.yaml), else those of its own `municipalities` list."""
    given = getattr(document, "names", None)
    return dict(given) if given else municipality_names(data)


def municipality_names(plan: Any) -> dict[str, str]:
    """The municipalities' names by code, as municipalities.yaml (`plan`, its data as
    read) writes them, read even where the file is invalid (entries with a valid code
    and a name)."""
    entries = plan.get("municipalities") if isinstance(plan, dict) else None
    return {
        entry["code"]: entry["name"]
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
        and isinstance(entry.get("code"), str)
        and isinstance(entry.get("name"), str)
        and refusal("parse_code", entry["code"]) is None
    }


def _area_code(document: Document, data: Any) -> str | None:
    """The area's code: the one the document was given (a file beside
    municipalities.yaml), else the one of its own `area`, if it writes one."""
    given = getattr(document, "area_code", None)
    area = data.get("area") if isinstance(data, dict) else None
    code = given or (area.get("code") if isinstance(area, dict) else None)
    return code if isinstance(code, str) else None


def _code_hint(written: str, names: Mapping[str, str], area_code: str | None) -> str:
    """What to write for a municipality's name where its code belongs: `; write its
    code: "105" (Hyrynsalmi)`, or for a name near one, `; did you mean "105"
    (Hyrynsalmi)?`; for a municipality of Finland that the area does not list, where it
    belongs (`classification.elsewhere`). Nothing for other text."""
    padded = written.strip().zfill(3)
    if written.strip().isdigit() and len(written.strip()) < 3 and padded in names:
        # (`46`: a spreadsheet saves a code without its leading zeros)
        return _('; write it with its leading zeros: "{code}" ({name})').format(
            code=padded, name=names[padded]
        )
    by_name = {fold(name): (code, name) for code, name in names.items()}
    key = fold(written)
    if key in by_name:
        code, name = by_name[key]
        return _('; write its code: "{code}" ({name})').format(code=code, name=name)
    from tyollisyys_cli.reference.classification import classified, elsewhere  # (an error)

    # (a Swedish name, `Kajana`, before a Finnish one it is near to: it was told "did you
    # mean", as a typo)
    listed = classified(written)
    if listed is not None and listed.code in names:
        return _('; write its code: "{code}" ({name})').format(
            code=listed.code, name=names[listed.code]
        )
    if listed is not None and (where := elsewhere(written, area_code)):
        return f"; {where}"  # (another area's, `Kuhmois`: no typo of Kuhmo)
    close = difflib.get_close_matches(key, list(by_name), n=1, cutoff=0.75)
    if close:
        code, name = by_name[close[0]]
        return _('; did you mean "{code}" ({name})?').format(code=code, name=name)
    where = elsewhere(written, area_code)
    return f"; {where}" if where else ""


def _not_a_code_here(written: int, area_code: str | None) -> str:
    """Why a number is no code of the area's (`municipality: 46`): the quoted code it
    would be (`"046"`) is not among them, so it is not offered; where it belongs, if it
    is a municipality of Finland."""
    from tyollisyys_cli.reference.classification import elsewhere  # (an error)

    message = _("a municipality code is text of three digits; found the number {value}").format(
        value=written
    )
    where = elsewhere(f"{written:03d}", area_code) if 0 <= written < 1000 else None
    return message + (f"; {where}" if where else "")


#: No value at a path of the document (or no document data at all).
_ABSENT = object()


def _value_at(data: Any, path: PathKey) -> Any:
    """The value at `path` in the document's data, or `_ABSENT`."""
    for part in path:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (in_list or (isinstance(data, dict) and part in data)):
            return _ABSENT
        data = data[part]
    return data


def _message(error: Any, path: PathKey, model: type[BaseModel], *, parent: Any = _ABSENT) -> str:
    """A pydantic error in words: what was found and what is expected (`parent`: the
    mapping that holds the value, as the document has it)."""
    kind = error["type"]
    found = describe(error.get("input"))
    if kind == "value_error":
        return str(error["ctx"]["error"]) if "ctx" in error else str(error["msg"])
    if kind == REFUSED:
        return refusal(error["ctx"]["check"], error.get("input")) or str(error["msg"])
    if kind == "extra_forbidden":
        name = shortened(str(path[-1])) if path else "?"
        known = _field_names(model, path[:-1])
        # A field of a mapping left empty just above (`target:` with its `max:` written at
        # the municipality's indent): said so, rather than a near name.
        # So too a field that the mapping just above lacks (`target:` with `min: 90` under
        # it, then `max: 120` at the municipality's indent).
        above = _key_before(path[-1], parent) if path else None
        owners = [
            owner
            for owner in (_owners(str(path[-1]), model, path[:-1]) if path else [])
            if isinstance(parent, dict)
            and owner in parent
            and (
                parent[owner] in (None, {}, [])
                or (
                    owner == above
                    and isinstance(parent[owner], dict)
                    and path[-1] not in parent[owner]
                )
            )
        ]
        split = _split_by_a_comma(path[-1], parent) if path else None
        if split is not None:
            field, whole, part = split
            if len(part) == 3:  # (16,615: a thousands separator, or 4,010)
                return _(
                    "unknown field {name!r}: a comma inside {{…}} starts another field; write "
                    "{field}: {whole}{part} (without a thousands separator) or {field}: "
                    "{whole}.{part} (with a decimal point)"
                ).format(name=name, field=field, whole=whole, part=part)
            return _(
                "unknown field {name!r}: a comma inside {{…}} starts another field; use a "
                "decimal point, not a comma: {fixed}"
            ).format(name=name, fixed=f"{field}: {whole}.{part}")
        if owners:
            return ngettext(
                "unknown field {name!r} here, but {owners} has one: is it indented too little?",
                "unknown field {name!r} here, but {owners} have one: is it indented too little?",
                len(owners),
            ).format(name=name, owners=_listed([repr(owner) for owner in owners]))
        close = _closest(str(path[-1]), model, path[:-1]) if path else None
        if close:
            return _("unknown field {name!r}; did you mean {close!r}?").format(
                name=name, close=close
            )
        if known:
            return _("unknown field {name!r}; known fields: {known}").format(
                name=name, known=", ".join(sorted(known))
            )
        return _("unknown field {name!r}").format(name=name)
    if kind == "missing":
        name = str(path[-1]) if path else "?"
        return _("the required field {name!r} is missing").format(name=name)
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return _("expected a mapping of fields (name: value), found {found}").format(found=found)
    if kind == "list_type":
        return _("expected a list (lines starting with '- ', or [a, b]), found {found}").format(
            found=found
        )
    if kind == "too_short":
        return _("expected at least one entry, found an empty list")
    if kind == "too_long" and "ctx" in error:
        most, found_length = error["ctx"]["max_length"], error["ctx"]["actual_length"]
        return _("expected at most {most} entries, found {count}").format(
            most=numeral(str(most)), count=numeral(str(found_length))
        )
    if kind == "literal_error":
        choices = str(error["ctx"]["expected"]) if "ctx" in error else ""
        items = [c.strip(" '") for c in choices.replace(" or ", ",").split(",")]
        written = shortened(str(error.get("input")))
        finnish = [meant for meant in _FINNISH.get(written.casefold(), ()) if meant in items]
        matches = finnish or difflib.get_close_matches(written, items)
        expected = _one_of(items) if "ctx" in error else choices
        if matches:
            return _("expected one of {choices}, found {found}; did you mean {close!r}?").format(
                choices=expected, found=found, close=matches[0]
            )
        return _("expected one of {choices}, found {found}").format(choices=expected, found=found)
    template = _PYDANTIC.get(kind)
    if template is not None:
        limits = {key: _limit(value) for key, value in (error.get("ctx") or {}).items()}
        return _(template).format(found=found, **limits)
    return _("{message}, found {found}").format(message=error["msg"], found=found)


#: pydantic's own messages, in our words (the English as pydantic words it, so that
#: a message reads the same in English), by error type.
_PYDANTIC = {
    "int_type": N_("Input should be a valid integer, found {found}"),
    "int_parsing": N_(
        "Input should be a valid integer, unable to parse string as an integer, found {found}"
    ),
    "int_from_float": N_(
        "Input should be a valid integer, got a number with a fractional part, found {found}"
    ),
    "float_type": N_("Input should be a valid number, found {found}"),
    "float_parsing": N_(
        "Input should be a valid number, unable to parse string as a number, found {found}"
    ),
    "finite_number": N_("Input should be a finite number, found {found}"),
    "string_type": N_("Input should be a valid string, found {found}"),
    "bool_type": N_("Input should be a valid boolean, found {found}"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input, found {found}"),
    "greater_than": N_("Input should be greater than {gt}, found {found}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}, found {found}"),
    "less_than": N_("Input should be less than {lt}, found {found}"),
    "less_than_equal": N_("Input should be less than or equal to {le}, found {found}"),
    "string_too_short": N_("String should have at least {min_length} characters, found {found}"),
    "string_too_long": N_("String should have at most {max_length} characters, found {found}"),
}


def _limit(value: Any) -> str:
    """A bound from pydantic's context as pydantic writes it (`0`, `0.5`), in the run's
    language."""
    if isinstance(value, float):
        return numeral(f"{value:g}" if abs(value) < 1e16 else repr(value))
    if isinstance(value, int):
        return numeral(str(value))
    return str(value)


def _one_of(items: list[str]) -> str:
    """`'a', 'b' or 'c'`, as pydantic lists the choices, with the run's "or"."""
    quoted = [repr(item) for item in items]
    if len(quoted) == 1:
        return quoted[0]
    return _("{first} or {last}").format(first=", ".join(quoted[:-1]), last=quoted[-1])


#: Field names (and coded values: `qualifier: noin`) as a Finnish analyst may write them,
#: each with the fields it may mean, in order (difflib finds no English field in them, or
#: the wrong one: `noin` is nearest `min`); the first that the entry has is suggested.
_FINNISH = {
    "maks": ("max",),
    "maksimi": ("max",),
    "enintään": ("max",),
    "minimi": ("min",),
    "vähintään": ("at_least", "min"),  # (an FTE amount's lower bound; a target's min)
    "noin": ("about",),
    "n.": ("about",),
    "keskimäärin": ("average",),
    "keskim.": ("average",),
    # (and as a Swedish-speaking analyst may: `minst` was "did you mean 'min'?")
    "minst": ("at_least", "min"),
    "högst": ("max",),
    "cirka": ("about",),
    "ungefär": ("about",),
    "i genomsnitt": ("average",),
    "nimi": ("name",),
    "kuvaus": ("description",),
    "tavoite": ("target",),
    "kunnat": ("municipalities",),
    "kunta": ("municipality",),
    "yksiköt": ("units",),
    # (a municipality's fields and its staff lines', as init's comments pair them:
    # `henkilöstö (staffing)`, `transferring (siirtyvä)`; `osoite` was "did you mean
    # 'note'?" beside "the required field 'address' is missing")
    "koodi": ("code", "municipality"),  # (a commuting or statistics row: its municipality)
    "kuntanumero": ("code", "municipality"),
    "vastuukunta": ("responsible_municipality",),
    "työpaikkaomavaraisuus": ("job_self_sufficiency",),
    "siirtyvä tai rekrytoitava": ("transferring_or_recruited",),
    "maakunta": ("region",),
    "tilastot": ("statistics",),
    "henkilöstö": ("staffing",),
    "toimipisteet": ("offices",),
    "toimipiste": ("offices",),
    "osoite": ("address",),
    "palvelee": ("serves",),
    "rooli": ("role",),
    "tehtävä": ("role",),
    "nimike": ("role",),
    "htv": ("fte",),
    "alkuperä": ("origin",),
    "asiakastyö": ("caseload", "customer_work"),
    "huomautus": ("note",),
    "huom": ("note",),
    "lähde": ("source",),
    "kuukausi": ("month", "reference_month"),
    "palveluyksikkö": ("service_unit",),
    "palveluyksiköt": ("service_units",),
    "jäsenet": ("members",),
    "työvoima": ("labour_force",),
    "työttömät": ("unemployed",),
    "miehet": ("men",),
    "naiset": ("women",),
    "oma": ("own",),
    "siirtyvä": ("transferring",),
    "rekrytoitava": ("recruited",),
}


def finnish_meanings(name: str) -> tuple[str, ...]:
    """The fields a Finnish name most likely means (`työvoima`: labour_force), if any;
    its `ö` may be written decomposed (`o` and a combining mark, as macOS saves it)."""
    return _FINNISH.get(unicodedata.normalize("NFC", name).casefold(), ())


def _closest(name: str, model: type[BaseModel], path: PathKey) -> str | None:
    """The field of the model at `path` that `name` most likely misspells, if any: a name
    written in Finnish (`maks`, `noin`) finds its field too."""
    fields = _field_names(model, path)
    for meant in finnish_meanings(name):
        if meant in fields:
            return meant
    close = difflib.get_close_matches(name.casefold(), fields, n=1)  # (`LABOUR_FORCE`)
    return close[0] if close else None


def _listed(items: list[str]) -> str:
    """`'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`."""
    return (
        items[0]
        if len(items) == 1
        else _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
    )


def _owners(name: str, model: type[BaseModel], path: PathKey) -> list[str]:
    """The fields of the model at `path` whose own fields (or their entries') include
    `name`: `min` beside a municipality's `target:` belongs under it."""
    return [
        field for field in _field_names(model, path) if name in _field_names(model, (*path, field))
    ]


def _field_names(model: type[BaseModel], path: PathKey) -> list[str]:
    """The field names of the model found at `path` below `model` (a list's index and
    a mapping's key, such as a place in a scenario file, lead to their entries' model)."""
    current: Any = model
    keyed = False  # the next part is a key of a mapping of entries
    for part in path:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        annotation = fields[part].annotation
        keyed = get_origin(annotation) is dict
        current = _model_of(annotation)
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

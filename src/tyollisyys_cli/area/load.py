"""Loading an area's data directory: files → YAML → pydantic models → cross-checks → `Area`.

Every problem becomes a `DataError` with file, line, column and field; all problems of
all files are collected and raised together as `DataErrors`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from tyollisyys_cli.area.dataset import Area, Positions, Snapshot, Unit, ValueRef
from tyollisyys_cli.area.months import (
    fewer_job_seekers,
    larger_than_total,
    load_monthly,
    more_than_labour_force,
)
from tyollisyys_cli.area.paths import DATA_FILES, STATISTICS_DIR, shown, sign_of_an_area
from tyollisyys_cli.errors import DataError, DataErrors, home_in_quotes, in_file_order
from tyollisyys_cli.files.positions import PathKey
from tyollisyys_cli.files.text import other_spelling, same_file
from tyollisyys_cli.files.yamlfile import YamlDocument, load_yaml
from tyollisyys_cli.i18n import N_, _, numeral
from tyollisyys_cli.models.area import AreaFile, Municipality, ServiceUnit
from tyollisyys_cli.models.commuting import CommutingFile
from tyollisyys_cli.models.parsing import fold
from tyollisyys_cli.models.rowfields import GROUP_FIELDS
from tyollisyys_cli.models.validation import municipality_names, validation_errors

Model = TypeVar("Model", bound=BaseModel)

AREA_FILE, COMMUTING_FILE = DATA_FILES


def load_area(data_dir: Path) -> Area:
    """Load and validate every data file of the area in `data_dir`."""
    if not data_dir.exists():
        if data_dir.is_symlink():  # (a link to nothing, or round in a loop: which)
            from tyollisyys_cli.files.text import folder_link_problem

            message = folder_link_problem(data_dir)
        else:
            message = _("data directory not found") + home_in_quotes(data_dir)
        raise DataErrors([DataError(data_dir, message)], source="folder")
    if not data_dir.is_dir():
        raise DataErrors(
            [
                DataError(
                    data_dir,
                    _(
                        "is not a directory; the data folder (--data-dir or "
                        "TYOLLISYYS_DATA_DIR) is the one that holds {file}"
                    ).format(file=AREA_FILE),
                )
            ],
            source="folder",
        )
    _check_area_file_there(data_dir)
    errors: list[DataError] = [*_twins(data_dir)]
    plan_doc, plan = _read(data_dir / AREA_FILE, AreaFile, errors)
    commuting_doc: YamlDocument | None = None
    commuting: CommutingFile | None = None
    if os.path.lexists(data_dir / COMMUTING_FILE):  # (a link to no file: said so)
        beside = plan_doc.data if plan_doc is not None else None
        commuting_doc, commuting = _read(
            data_dir / COMMUTING_FILE,
            CommutingFile,
            errors,
            municipality_names(beside),
            plan.area.code if plan is not None else None,
        )
    elif (other := other_spelling(data_dir / COMMUTING_FILE)) is not None:
        # (`Commuting.yaml`: meant, not left out with its rules without a word)
        message = _("file not found; there is {other}: rename it to {name}")
        errors.append(
            DataError(data_dir / COMMUTING_FILE, message.format(other=other, name=COMMUTING_FILE))
        )
    if plan is None or plan_doc is None:
        raise DataErrors(in_file_order(errors))
    errors.extend(cross_check(plan, plan_doc, commuting, commuting_doc))
    # Imported months (statistics/YYYY-MM.csv, or .yaml), beside the plan's own month.
    monthly = load_monthly(data_dir, plan, errors)
    if errors:
        raise DataErrors(in_file_order(errors))
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
        positions=Positions(positions),
    )


def _read(
    path: Path,
    model: type[Model],
    errors: list[DataError],
    names: Mapping[str, str] = {},
    area_code: str | None = None,
) -> tuple[YamlDocument | None, Model | None]:
    """The document in `path` and its content validated by `model` (None where it is
    invalid; the problems go to `errors`, naming an entry of a code in `names` by its
    name, and saying where a municipality of another area belongs, `area_code`)."""
    try:
        document = load_yaml(path, inside=path.parent)
    except DataErrors as exc:
        errors.extend(exc.errors)
        if exc.document is None:
            return None, None
        # A key given twice: the rest of the file is validated and checked too (the
        # errors already hold the key, so the area is not used).
        document = exc.document
    document.names = names
    document.area_code = area_code
    try:
        return document, model.model_validate(document.data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, document, model))
        return document, None


def _twins(data_dir: Path) -> list[DataError]:
    """A data file's other spelling beside it (`commuting.yml` beside `commuting.yaml`, a
    copy, or the one edited): only the one named is read, and the other was passed over
    without a word."""
    found: list[DataError] = []
    for name in DATA_FILES:
        path = data_dir / name
        twin = other_spelling(path) if path.is_file() else None
        if twin is None or same_file(data_dir / twin, path):  # (one file, blind to case)
            continue
        message = _(
            "{name} is beside it, and only {name} is read: if this file holds what should be "
            "read, put it in place of {name}, else move it out of the folder"
        )
        found.append(DataError(data_dir / twin, message.format(name=name)))
    return found


def _check_area_file_there(data_dir: Path) -> None:
    """An area's folder that has lost its municipalities.yaml (moved, renamed) but holds
    its other files is told so: such a folder, found from the working folder, is read,
    not passed over for the bundled example (`paths.find_area`)."""
    area_file = data_dir / AREA_FILE
    if os.path.lexists(area_file) or other_spelling(area_file) is not None:
        return  # (read, or its other spelling named, as any file)
    resolved = data_dir.resolve()
    given = (
        STATISTICS_DIR in (data_dir.name, resolved.name)
        and data_dir.name not in ("", ".", "..")
        and (data_dir.parent / AREA_FILE).is_file()
    )
    if given or (resolved.name == STATISTICS_DIR and (resolved.parent / AREA_FILE).is_file()):
        # (the area it stands in; `--data-dir .` in it, or a link to it from elsewhere:
        # the area where it leads)
        area = data_dir.parent if given else Path(shown(resolved.parent))
        message = _(
            "file not found: {folder} is the folder of the monthly statistics of the area "
            "in {area}; give --data-dir {area}"
        ).format(folder=data_dir, area=area)
        raise DataErrors([DataError(area_file, message)])
    held = sign_of_an_area(data_dir)
    if held is not None:
        message = _(
            "file not found, beside {held} of an area: put the area's {file} back, or give "
            "--data-dir to read another area"
        ).format(held=held, file=AREA_FILE)
        raise DataErrors([DataError(area_file, message)])


def cross_check(
    plan: AreaFile,
    plan_doc: YamlDocument,
    commuting: CommutingFile | None,
    commuting_doc: YamlDocument | None,
) -> list[DataError]:
    """What one value cannot check alone: codes and ids unique and known, service units
    consistent, a range's min not above its max, a count not above its total."""
    listed = [(m.code, m.name) for m in plan.municipalities]
    check = _Checks(plan_doc, plan.area.code, listed)
    codes = check.unique(
        [m.code for m in plan.municipalities],
        ("municipalities", "code"),
        N_("municipality code {value} appears twice"),
    )
    check.unique(
        [m.name.casefold() for m in plan.municipalities],
        ("municipalities", "name"),
        N_("municipality name {value} appears twice"),
    )
    _check_folded_names(check, plan)
    _check_other_spellings(check, plan)
    unit_ids = check.unique(
        [u.id for u in plan.service_units],
        ("service_units", "id"),
        N_("service unit id {value} appears twice"),
    )
    for u, unit in enumerate(plan.service_units):
        if unit.id in codes:
            check.add(
                ("service_units", u, "id"),
                _(
                    "service unit id {id} is also the code of {name}; places are found by "
                    "code or unit id, so give the unit another id"
                ).format(id=unit.id, name=plan.municipalities[codes[unit.id]].name),
            )
    check.unique(
        [c.id for c in plan.claims], ("claims", "id"), N_("claim id {value} appears twice")
    )
    check.known(codes, plan.area.responsible_municipality, ("area", "responsible_municipality"))
    for table in plan.area.sources_fi:  # (a Finnish twin of no source would never be shown)
        if table not in plan.area.sources:
            close = difflib.get_close_matches(table, list(plan.area.sources), n=1)
            check.add(
                ("area", "sources_fi", table),
                _("area.sources has no table {table}; its tables are {known}").format(
                    table=table, known=", ".join(plan.area.sources) or _("none")
                )
                + (_("; did you mean {name}?").format(name=close[0]) if close else ""),
                at_key=True,
            )
    _check_units(check, plan, codes, unit_ids)
    for s, shared in enumerate(plan.shared_services):
        check.known(codes, shared.provider, ("shared_services", s, "provider"))
        for j, code in enumerate(shared.serves):
            check.known(codes, code, ("shared_services", s, "serves", j))
    _check_claims(check, plan, codes, unit_ids)
    _not_to_come(check, plan.area.reference_month, ("area", "reference_month"))
    _check_ranges(check, plan)
    _check_statistics(check, plan)
    errors = check.errors
    if commuting is not None and commuting_doc is not None:
        errors.extend(_check_commuting(commuting, commuting_doc, codes, plan, listed))
    return errors


_INCOMPLETE_EMPTY = N_(
    "{name} marks its staffing incomplete but has no staffing; "
    "write the staff lines the plan gives, or leave both out"
)


class _Checks:
    """Collects cross-check errors of one document."""

    def __init__(
        self, doc: YamlDocument, area_code: str | None, listed: list[tuple[str, str]] | None = None
    ) -> None:
        self.doc = doc
        self.area_code = area_code
        self.errors: list[DataError] = []
        #: The area's municipalities (code, name): a reference by a code that is one of
        #: them written otherwise is told so, and the code written once, where it is.
        self.listed = listed or []
        self._told: set[int] = set()

    def add(self, path: PathKey, message: str, *, at_key: bool = False) -> None:
        self.errors.append(self.doc.error(path, message, at_key=at_key))

    def unique(self, values: list[str], where: tuple[str, str], twice: str) -> dict[str, int]:
        """First index of each value; a repeated value is an error naming the first line
        (`twice`: the message, marked with `N_()`, `{value}` the value repeated)."""
        section, field = where
        first: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in first:
                pos = self.doc.position((section, first[value], field))
                shown = self.doc.data[section][i][field]
                message = _(twice).format(value=shown)
                if pos:
                    message = _("{message} (first on line {line})").format(
                        message=message, line=pos.line
                    )
                self.add((section, i, field), message)
            else:
                first[value] = i
        return first

    def known(self, codes: dict[str, int], code: str, path: PathKey) -> None:
        if code not in codes:
            absent = N_(
                "unknown municipality code {code}; it is not among the area's municipalities"
            )
            from tyollisyys_cli.reference.classification import (  # (errors only)
                not_its_code,
                unknown_code,
                written_otherwise,
            )

            self.add(path, unknown_code(code, self.area_code, absent, self.listed))
            i = written_otherwise(self.listed, code)
            if i >= 0 and i not in self._told:  # (the mistake itself, once, where it is)
                self._told.add(i)
                written, name = self.listed[i]
                self.add(("municipalities", i, "code"), not_its_code(written, name, code))

    def range(self, low: float | None, high: float | None, path: PathKey) -> None:
        if low is not None and high is not None and low > high:
            self.add(
                path,
                _("min {low} is larger than max {high}").format(
                    low=numeral(f"{low:g}"), high=numeral(f"{high:g}")
                ),
            )


def _check_folded_names(check: _Checks, plan: AreaFile) -> None:
    """Two municipalities whose names read the same once case, ä and ö are ignored (as
    a PLACE is looked up) would shadow each other. Exact repeats are reported already."""
    first: dict[str, int] = {}
    for i, municipality in enumerate(plan.municipalities):
        key = fold(municipality.name)
        j = first.setdefault(key, i)
        other = plan.municipalities[j]
        if j != i and other.name.casefold() != municipality.name.casefold():
            pos = check.doc.position(("municipalities", j, "name"))
            if pos:
                message = _(
                    "municipality name {name} reads as {other} (line {line}) when case and "
                    "ä/ö are ignored, as places are looked up; one would hide the other"
                )
            else:
                message = _(
                    "municipality name {name} reads as {other} when case and ä/ö are ignored, "
                    "as places are looked up; one would hide the other"
                )
            check.add(
                ("municipalities", i, "name"),
                message.format(name=municipality.name, other=other.name, line=pos and pos.line),
            )


def _check_other_spellings(check: _Checks, plan: AreaFile) -> None:
    """A name that is another municipality's code (`"205"`, `"２０５"`), or a printed name
    that is another municipality's name, code or printed name, would find the wrong
    municipality as a PLACE (places are looked up folded)."""
    by_code = {fold(m.code): i for i, m in reversed(list(enumerate(plan.municipalities)))}
    by_name = {fold(m.name): i for i, m in reversed(list(enumerate(plan.municipalities)))}
    by_printed: dict[str, int] = {}
    for i, municipality in enumerate(plan.municipalities):
        found: list[tuple[tuple[str | int, ...], str, int]] = [
            (("name",), municipality.name, by_code.get(fold(municipality.name), i))
        ]
        for k, printed in enumerate(municipality.printed_names):
            key = fold(printed)
            first = by_printed.setdefault(key, i)
            found.append((("printed_names", k), printed, by_code.get(key, by_name.get(key, first))))
        for where, spelling, j in found:
            if j != i:
                other = plan.municipalities[j]
                check.add(
                    ("municipalities", i, *where),
                    _(
                        "{spelling} is also {other} ({code}) as places are looked up (case "
                        "and ä/ö aside); one would hide the other"
                    ).format(spelling=spelling, other=other.name, code=other.code),
                )


def _check_units(
    check: _Checks, plan: AreaFile, codes: dict[str, int], unit_ids: dict[str, int]
) -> None:
    for u, unit in enumerate(plan.service_units):
        check.known(codes, unit.provider, ("service_units", u, "provider"))
        seen: dict[str, int] = {}
        for j, code in enumerate(unit.members):
            if code in seen:
                check.add(
                    ("service_units", u, "members", j),
                    _(
                        "member {code} is listed twice (also members[{first}]); "
                        "list each municipality once, or its clients count twice"
                    ).format(code=code, first=seen[code]),
                )
            seen.setdefault(code, j)
        if unit.staffing_incomplete is not None and unit.staffing is None:
            check.add(
                ("service_units", u, "staffing_incomplete"),
                _(_INCOMPLETE_EMPTY).format(name=unit.name),
            )
        if unit.provider not in unit.members:
            check.add(
                ("service_units", u, "members"),
                _("the provider {code} must be one of the members").format(code=unit.provider),
            )
        for j, code in enumerate(unit.members):
            check.known(codes, code, ("service_units", u, "members", j))
            # (a code written twice is said where it is: a member is right when either
            # municipality of the code names the unit)
            if code in codes and all(
                m.service_unit != unit.id for m in plan.municipalities if m.code == code
            ):
                check.add(
                    ("service_units", u, "members", j),
                    _(
                        "member {code} does not name service unit {id!r} in its service_unit field"
                    ).format(code=code, id=unit.id),
                )
    for i, municipality in enumerate(plan.municipalities):
        unit_id = municipality.service_unit
        if unit_id is None:
            if municipality.staffing_incomplete is not None and municipality.staffing is None:
                check.add(
                    ("municipalities", i, "staffing_incomplete"),
                    _(_INCOMPLETE_EMPTY).format(name=municipality.name),
                )
            continue
        path = ("municipalities", i, "service_unit")
        if unit_id not in unit_ids:
            close = difflib.get_close_matches(unit_id, list(unit_ids), n=1)
            if close:
                message = _("unknown service unit {id!r}; did you mean {close!r}?").format(
                    id=unit_id, close=close[0]
                )
            else:
                message = _("unknown service unit {id!r}").format(id=unit_id)
            check.add(path, message)
            continue
        if municipality.code not in plan.service_units[unit_ids[unit_id]].members:
            check.add(
                path,
                _("{name} names service unit {id!r} but is not among its members").format(
                    name=municipality.name, id=unit_id
                ),
            )
        if (
            municipality.staffing is not None
            or municipality.target is not None
            or municipality.staffing_incomplete is not None
        ):
            check.add(
                path,
                _(
                    "{name} is served by unit {id!r}: write its staffing and target under the unit"
                ).format(name=municipality.name, id=unit_id),
            )


def _not_to_come(check: _Checks, month: str | None, path: PathKey) -> None:
    """A month of statistics that has not come yet (`2099-08`: every table was headed
    with it, the plan's figures beneath), as a month file of one is refused."""
    from tyollisyys_cli.area.months import this_month

    if month is not None and month > this_month():
        check.add(
            path,
            _(
                "the month {month} has not come yet, so there are no statistics of it: is "
                "the year or the month mistyped?"
            ).format(month=month),
        )


def _check_claims(
    check: _Checks, plan: AreaFile, codes: dict[str, int], unit_ids: dict[str, int]
) -> None:
    for c, claim in enumerate(plan.claims):
        if claim.place is not None and claim.place not in codes and claim.place not in unit_ids:
            _unknown_claim_place(check, plan, claim.place, ("claims", c, "place"), codes, unit_ids)
        if (claim.value is None) == (claim.min is None or claim.max is None):
            check.add(("claims", c), _("a claim needs either value or both min and max"))
        check.range(claim.min, claim.max, ("claims", c, "min"))


def _unknown_claim_place(
    check: _Checks,
    plan: AreaFile,
    place: str,
    path: PathKey,
    codes: dict[str, int],
    unit_ids: dict[str, int],
) -> None:
    """A claim's place that is no code or unit id: a code is told whose it is, as any
    reference by code (Kuhmo's `290`, written `209`; Helsinki's `091`, of another area); a
    municipality's name, in Finnish or Swedish, its code; a misspelling, the place meant."""
    from tyollisyys_cli.reference.classification import classified, elsewhere

    if re.fullmatch(r"[0-9]{3}", place):
        check.known(codes, place, path)
        return
    listed = classified(place)  # (`Kajana`, as the data do not write it)
    named = [
        m.code
        for m in plan.municipalities
        if fold(m.name) == fold(place) or (listed is not None and m.code == listed.code)
    ]
    if named:
        check.add(
            path,
            _(
                "unknown place {place!r}: expected a municipality code or a service unit "
                "id; write {place} as its code {code!r}"
            ).format(place=place, code=named[0]),
        )
        return
    message = _(
        "unknown place {place!r}: expected a municipality code or a service unit id"
    ).format(place=place)
    if where := elsewhere(place, check.area_code):  # (`Helsinki`, another area's)
        check.add(path, f"{message}; {where}")
        return
    spelt = {fold(m.name): f"{m.code!r} ({m.name})" for m in plan.municipalities}
    spelt.update({fold(unit): repr(unit) for unit in unit_ids})
    close = difflib.get_close_matches(fold(place), list(spelt), n=1)  # (`Kuusamoo`)
    if close:  # (after the place is in: a unit id of `{t}` is no placeholder)
        message += _("; did you mean {name}?").format(name=spelt[close[0]])
    check.add(path, message)


def _check_ranges(check: _Checks, plan: AreaFile) -> None:
    """Ranges that their models do not check themselves."""
    cell = plan.area.withheld_cell
    check.range(cell.min, cell.max, ("area", "withheld_cell", "min"))
    for i, municipality in enumerate(plan.municipalities):
        for t, other in enumerate(municipality.other_targets):
            check.range(other.min, other.max, ("municipalities", i, "other_targets", t, "min"))


def _check_statistics(check: _Checks, plan: AreaFile) -> None:
    """Within a municipality's row, no group of the unemployed is larger than its total.

    The printed totals row is left alone: it is kept as printed, and `check` reports it.
    So is under 20 against under 25 (rule GRP003): a printed disagreement between two
    groups is a finding about the plan, not a file the tool refuses to read.

    The plan's statistics are of every municipality or of none (a municipality left out
    counted as 0 in every sum, and `check` blamed the plan's totals for it), and its
    printed totals go with them (without them, nothing checked the totals).
    """
    month = plan.area.reference_month
    lacking = [i for i, m in enumerate(plan.municipalities) if m.statistics is None]
    if len(lacking) < len(plan.municipalities):
        for i in lacking:
            check.add(
                ("municipalities", i, "name"),
                _(
                    "no statistics, where the area's other municipalities have the plan's "
                    "({month}); write its statistics as the plan prints them, or leave them "
                    "out of every municipality and import the month instead"
                ).format(month=month),
            )
    elif plan.statistics_totals is not None:
        check.add(
            ("statistics_totals",),
            _(
                "the plan's printed totals of the municipalities' statistics ({month}), "
                "but no municipality here has statistics: write theirs too, as the plan "
                "prints them, or leave the totals out"
            ).format(month=month),
            at_key=True,
        )
    for i, municipality in enumerate(plan.municipalities):
        stats = municipality.statistics
        if stats is None:
            continue
        path = ("municipalities", i, "statistics")
        for group in GROUP_FIELDS:
            value = getattr(stats, group)
            if isinstance(value, int) and value > stats.unemployed:
                check.add(
                    (*path, group),
                    larger_than_total(value, stats.unemployed),
                )
        if stats.unemployed > stats.labour_force:
            check.add(
                (*path, "unemployed"),
                more_than_labour_force(stats.unemployed, stats.labour_force),
            )
        if isinstance(stats.job_seekers, int) and stats.job_seekers < stats.unemployed:
            check.add(
                (*path, "job_seekers"),
                fewer_job_seekers(stats.job_seekers, stats.unemployed),
            )


def _check_commuting(
    commuting: CommutingFile,
    doc: YamlDocument,
    codes: dict[str, int],
    plan: AreaFile,
    listed: list[tuple[str, str]],
) -> list[DataError]:
    area_code = plan.area.code
    check = _Checks(doc, area_code, listed)
    _not_to_come(check, commuting.month, ("month",))
    check.unique(
        [r.municipality for r in commuting.rows],
        ("rows", "municipality"),
        N_("row for municipality {value} appears twice"),
    )
    for r, row in enumerate(commuting.rows):
        if row.municipality not in codes:
            from tyollisyys_cli.reference.classification import unknown_code  # (errors only)

            absent = N_("unknown municipality code {code}; it is not in {file}")
            check.add(
                ("rows", r, "municipality"),
                unknown_code(row.municipality, area_code, absent, check.listed),
            )
        for part in ("working_in_own", "commuting_out"):
            value = getattr(row, part)
            if value > row.labour_force:
                check.add(
                    ("rows", r, part),
                    _("{value} is more than the labour force {labour_force}").format(
                        value=numeral(str(value)), labour_force=numeral(str(row.labour_force))
                    ),
                )
    return check.errors


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
    """A unit for each municipality outside a service unit and for each service unit (at
    its first member), in the order of the municipalities."""
    declared = {unit.id: unit for unit in plan.service_units}
    units: list[Unit] = []
    for m in plan.municipalities:
        unit: Municipality | ServiceUnit = m
        members: tuple[str, ...]
        if m.service_unit is None:
            ident, provider, members = m.code, m.code, (m.code,)
        else:
            found = declared.pop(m.service_unit, None)
            if found is None:
                continue  # a later member of a unit already made
            unit, ident, provider, members = found, found.id, found.provider, tuple(found.members)
        incomplete = unit.staffing_incomplete
        units.append(
            Unit(
                id=ident,
                name=unit.name,
                provider=provider,
                members=members,
                target=unit.target,
                staffing=None if unit.staffing is None else tuple(unit.staffing),
                declared=unit is not m,
                incomplete=None if incomplete is None else incomplete.reason,
                incomplete_fi=None if incomplete is None else incomplete.reason_fi,
            )
        )
    return tuple(units)

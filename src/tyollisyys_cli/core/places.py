"""Finding municipalities and service units by what a user types.

A PLACE is a municipality's name in any case, with or without ä/ö/å (`ristijarvi`),
its official name in the other language (`Kajana`), a spelling the plan uses
(`Hyrnsalmi`), its code (`290`), or a service unit's id or name.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from tyollisyys_cli.area.dataset import Area, Unit
from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _
from tyollisyys_cli.models.parsing import fold as fold


class UnknownPlace(UnknownName):
    """PLACEs that name nothing in the area, a message each (its arguments) that suggests
    the closest names. `of_this_area`: each names places of the area, several in one
    argument (`"Hyrynsalmi, Kajaani"`), or the area itself, so the data are not in
    question."""

    of_this_area = False


@dataclass(frozen=True)
class Selection:
    """The municipalities (codes) a command is asked about; all when `everything`."""

    codes: tuple[str, ...]
    everything: bool

    def includes(self, code: str) -> bool:
        return self.everything or code in self.codes


def _names(area: Area) -> dict[str, tuple[str, ...]]:
    """Every accepted spelling (folded) → the municipality codes it stands for."""
    names: dict[str, tuple[str, ...]] = {}
    for municipality in area.municipalities:
        codes = (municipality.code,)
        names[municipality.code] = codes
        names[fold(municipality.name)] = codes
        for printed in municipality.printed_names:
            names.setdefault(fold(printed), codes)
    for unit in area.units:
        if unit.declared:
            names.setdefault(fold(unit.id), unit.members)
            names.setdefault(fold(unit.name), unit.members)
    return names


def resolve_places(
    area: Area, places: list[str], *, for_units: bool = False, in_file: bool = False
) -> Selection:
    """The selection for the PLACE arguments; none means every municipality.

    `for_units`: the places name units (a scenario's targets), so an unknown one is told the
    closest units: a municipality that a unit serves by that unit's name. `in_file`: the
    places are keys of a scenario file (as are units), not the command line's."""
    if not places:
        return Selection(tuple(m.code for m in area.municipalities), everything=True)
    names = _names(area)
    codes: list[str] = []
    unknown: dict[str, str] = {}  # (each named in one run, once: not one per run)
    of_this_area = 0
    shadowing = _unit_ids(area)
    for place in places:
        found = names.get(fold(place))
        if fold(place) in shadowing:
            # (a unit's id that is a municipality's official name in Swedish, a unit
            # `hangö`: the municipality, as its Finnish name would be)
            found = _official_name(area, place) or found
        found = found or _official_name(area, place)
        if found is None:
            parts = [] if for_units else _joined_places(place, names, area)
            if fold(place) in unknown:
                continue
            if parts:
                # (`caseload "Hyrynsalmi, Kajaani"`: "did you mean Hyrynsalmi?" left
                # Kajaani out)
                of_this_area += 1
                unknown[fold(place)] = _(
                    "unknown place {place!r} in {area}: it names {count} places; name each "
                    "on its own: {places}"
                ).format(
                    place=place,
                    area=area.name,
                    count=len(parts),
                    places=" ".join(shlex.quote(part) for part in parts),
                )
            elif _is_the_area(place, area):
                # (`caseload Kainuu–Koillismaa`: the area is every table's last row)
                of_this_area += 1
                itself = (
                    _(
                        "unknown place {place!r} in {area}: it is the area itself; a change "
                        "of the whole area is written at the top of the file"
                    )
                    if in_file or for_units
                    else _(
                        "unknown place {place!r} in {area}: it is the area itself, whose "
                        "figures are every table's last row; name no place to show every "
                        "municipality and the area"
                    )
                )
                unknown[fold(place)] = itself.format(place=place, area=area.name)
            else:
                unknown[fold(place)] = _unknown_message(area, place, names, for_units=for_units)
            continue
        codes.extend(code for code in found if code not in codes)
    if unknown:
        error = UnknownPlace(*unknown.values())
        error.of_this_area = of_this_area == len(unknown)
        raise error
    return Selection(tuple(codes), everything=False)


def _is_the_area(place: str, area: Area) -> bool:
    """Whether `place` names the area itself: its name with any dash between its parts
    (`Kainuu-Koillismaa`), or as its row in a table names it (`Kainuu–Koillismaa
    (area)`, `(alue)`)."""

    def plain(name: str) -> str:
        return re.sub(r"[\-\u2010-\u2015\u2212]", "-", fold(name))

    row = re.sub(r"\s*\((?:area|alue)\)$", "", place.strip(), flags=re.I)  # (pasted: `… `)
    return plain(row) == plain(area.name)


def _code_form(place: str) -> str | None:
    """The code that `place` writes in another form: 12r5's `KU205`, or with a zero too
    many, `0205` (`205`); else None."""
    found = re.fullmatch(r"(?:ku)?0*([0-9]{1,3})", place.strip(), re.IGNORECASE)
    return found[1].zfill(3) if found else None


def _official_name(area: Area, place: str) -> tuple[str, ...] | None:
    """The municipality of the area that `place` names by its official name in Finnish
    or Swedish where the data write the other (`Vasa` for Vaasa): both are its names.
    (Read from the classification only for a place the data do not name.)"""
    from tyollisyys_cli.reference.classification import classified

    listed = classified(place)
    if listed is None or not any(m.code == listed.code for m in area.municipalities):
        return None
    return (listed.code,)


def _joined_places(place: str, names: dict[str, tuple[str, ...]], area: Area) -> list[str]:
    """The places `place` names several of, apart (`Hyrynsalmi, Kajaani`), if each is
    one: parted at commas or semicolons where it has any (a unit's name holds spaces),
    else at spaces (`Kajaani Kuhmo`)."""
    apart = r"\s*[,;]\s*" if re.search(r"[,;]", place) else r"\s+"
    parts = [part for part in re.split(apart, place.strip()) if part]
    known = all(fold(part) in names or _official_name(area, part) for part in parts)
    return parts if len(parts) > 1 and known else []


def _unit_ids(area: Area) -> set[str]:
    """The declared units' ids (folded) that are no municipality's name in the data: one
    may be a municipality's Swedish name (a unit `hangö` beside Hanko), which then stands
    for the municipality (the classification read only for such a place)."""
    municipal = {fold(m.name) for m in area.municipalities}
    return {fold(u.id) for u in area.units if u.declared} - municipal


def _unshadowed(area: Area, names: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """`names` with a unit's id that is a municipality's official Swedish name standing
    for the municipality, as `resolve_places` takes it: no spelling of the unit to
    offer."""
    result = dict(names)
    for key in _unit_ids(area):
        result[key] = _official_name(area, key) or result[key]
    return result


def _unit_spelling(unit: Unit, names: dict[str, tuple[str, ...]]) -> str:
    """How to type the unit: its id and name, or its name alone where the id selects
    something else (unit `paltamo` beside the municipality Paltamo)."""
    if names.get(fold(unit.id)) == unit.members:
        return f"{unit.id} ({unit.name})"
    return unit.name


def _another_areas(place: str) -> tuple[str, str] | None:
    """The name and code of the municipality of Finland that `place` is a near spelling
    of (`Helsinky`, `Grankula`: in Finnish or Swedish), if one is near enough to name."""
    import difflib

    from tyollisyys_cli.reference.classification import municipalities

    every = {
        fold(name): (name, m.code)
        for m in municipalities().values()
        for name in (m.name, m.name_sv)
    }
    near = difflib.get_close_matches(fold(place), list(every), n=1, cutoff=0.8)
    return every[near[0]] if near else None


def _unknown_message(
    area: Area, place: str, names: dict[str, tuple[str, ...]], *, for_units: bool = False
) -> str:
    from tyollisyys_cli.reference.classification import (  # (only for this error)
        elsewhere,
        one_edit,
    )

    names = _unshadowed(area, names)
    code = _code_form(place)
    where = elsewhere(place, area.plan.area.code)
    if not where and code is not None and code not in names:
        # (`KU091`, as 12r5 writes Helsinki's code: another area's, as `091` is told)
        where = elsewhere(code, area.plan.area.code)
    if where:  # (`caseload Kuhmo` in a Lapland area's folder: the folder, most likely)
        return _("unknown place {place!r} in {area}: {where}").format(
            place=place, area=area.name, where=where
        )
    units = [u for u in area.units if u.declared]
    display = {fold(m.name): m.name for m in area.municipalities}
    for unit in units:  # (a municipality's own name first: unit `paltamo` is Paltamo's)
        display.setdefault(fold(unit.name), unit.name)
        if names.get(fold(unit.id)) == unit.members:  # (not an id that names a municipality)
            display.setdefault(fold(unit.id), unit.id)
    import difflib  # (only for a place not found: ~1 ms that other runs never need)

    from tyollisyys_cli.reference.classification import municipalities as classified

    # The area's municipalities by their Swedish names too (`Vilmanstrand`: Lappeenranta's
    # Villmanstrand, not Imatra), shown with the name the data give them.
    swedish: dict[str, tuple[str, str]] = {}
    for municipality in area.municipalities:
        entry = classified().get(municipality.code)
        if entry is not None and entry.name_sv and fold(entry.name_sv) not in names:
            shown_sv = f"{entry.name_sv} ({municipality.name})"
            swedish[fold(entry.name_sv)] = (municipality.code, shown_sv)
    candidates = [name for name in names if not name.isdigit()] + list(swedish)
    coded = names.get(code) if code is not None else None
    if coded is not None and len(coded) == 1:  # (`KU205`: Kajaani)
        named = area.municipality(coded[0])
        unit = area.unit_of(named.code)
        meant = named.name  # (as it is typed: `Kajaani (205)` is no place)
        if for_units and unit.declared:  # (a member takes no target: its unit does)
            meant = unit.name
        return _("unknown place {place!r} in {area}; did you mean {names}?").format(
            place=place, area=area.name, names=meant
        )
    close = difflib.get_close_matches(fold(place), candidates, n=3, cutoff=0.6)
    # (the start of a name, `Ku`: Kuhmo or Kuusamo; too short for a close match)
    starting = [
        name for name in candidates if len(fold(place)) >= 2 and name.startswith(fold(place))
    ]
    if starting and len(starting) <= 3:
        close = [*starting, *(name for name in close if name not in starting)][:3]
    shown: list[str] = []
    # (one municipality once: Kajana (Kajaani), not also Kajaani)
    meant_codes: set[str] = set()
    swedish_codes: set[str] = set()
    for name in close:
        first = swedish[name][0] if name in swedish else names[name][0]
        if (name in swedish and first in meant_codes) or first in swedish_codes:
            continue
        meant_codes.add(first)
        if name in swedish:
            swedish_codes.add(first)
        label = (
            swedish[name][1]
            if name in swedish
            else display.get(name) or area.municipality(first).name
        )
        served = area.unit_of(first) if for_units else None
        if served is not None and served.declared:
            label = served.name
        if label not in shown:
            shown.append(label)
    if shown:
        return _("unknown place {place!r} in {area}; did you mean {names}?").format(
            place=place, area=area.name, names=_(" or ").join(shown)
        )
    if code is not None:  # (`209`: 290 or 205 with two digits swapped or one mistyped)
        near: list[str] = []
        for m in area.municipalities:
            unit = area.unit_of(m.code)
            # (under a scenario's units, a member's unit: the member takes no target)
            label = unit.name if for_units and unit.declared else f"{m.code} ({m.name})"
            if one_edit(code, m.code) and label not in near:
                near.append(label)
        if near:
            return _("unknown place {place!r} in {area}; did you mean {names}?").format(
                place=place, area=area.name, names=_(" or ").join(near)
            )
    elif (spelt := _another_areas(place)) is not None:  # (`Helsinky`: Helsinki, elsewhere)
        name, spelt_code = spelt
        if spelt_code in {m.code for m in area.municipalities}:  # (`Grankula`: its own)
            ours = area.municipality(spelt_code)
            unit = area.unit_of(ours.code)
            meant = unit.name if for_units and unit.declared else name
            if meant != ours.name and meant == name:  # (its Swedish name: and whose it is)
                meant = f"{name} ({ours.name})"
            return _("unknown place {place!r} in {area}; did you mean {names}?").format(
                place=place, area=area.name, names=meant
            )
        where = elsewhere(name, area.plan.area.code)
        if where:
            return _("unknown place {place!r} in {area}; did you mean {meant}? {where}").format(
                place=place, area=area.name, meant=name, where=where
            )
    # (under a scenario's units, the municipalities that are their own unit: a unit's
    # members take no target of their own)
    own = [m for m in area.municipalities if not (for_units and area.unit_of(m.code).declared)]
    known = _("unknown place {place!r} in {area}; known municipalities: {names}").format(
        place=place, area=area.name, names=", ".join(m.name for m in own)
    )
    if units:
        known += _("; service units: {units}").format(
            units=", ".join(_unit_spelling(unit, names) for unit in units)
        )
    return known

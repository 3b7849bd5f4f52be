"""The municipality classification shipped inside the package.

`reference/municipalities-2025.csv` (Statistics Finland's municipality codes, names and
regions, with the employment area of each municipality after the TE24 reform) is
package data: the installed tool never reads anything outside the package to find it.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _
from tyollisyys_cli.models.parsing import fold

CLASSIFICATION_YEAR = 2025
CLASSIFICATION_FILE = f"municipalities-{CLASSIFICATION_YEAR}.csv"


class UnknownEmploymentArea(UnknownName):
    """An employment area name or code that the classification does not hold."""


@dataclass(frozen=True)
class ClassifiedMunicipality:
    """One municipality of the classification."""

    code: str
    name: str
    region: str
    employment_area_code: str
    employment_area: str
    #: The Swedish name (the same as the Finnish one for most).
    name_sv: str = ""


@dataclass(frozen=True)
class EmploymentArea:
    """An employment area and its municipalities, in code order."""

    code: str
    name: str
    municipalities: tuple[ClassifiedMunicipality, ...]


@cache
def municipalities() -> dict[str, ClassifiedMunicipality]:
    """Every municipality of the classification, by code."""
    text = (files("tyollisyys_cli") / "reference" / CLASSIFICATION_FILE).read_text("utf-8")
    result: dict[str, ClassifiedMunicipality] = {}
    for row in csv.DictReader(io.StringIO(text)):
        result[row["code"]] = ClassifiedMunicipality(
            code=row["code"],
            name=row["name_fi"],
            region=row["region_fi"],
            employment_area_code=row["employment_area_code"],
            employment_area=row["employment_area_fi"],
            name_sv=row["name_sv"],
        )
    return result


def employment_areas() -> list[EmploymentArea]:
    """Every employment area of the classification, in code order."""
    grouped: dict[str, list[ClassifiedMunicipality]] = {}
    for municipality in municipalities().values():
        grouped.setdefault(municipality.employment_area_code, []).append(municipality)
    return [
        EmploymentArea(code, members[0].employment_area, tuple(sorted(members, key=_code)))
        for code, members in sorted(grouped.items(), key=lambda item: int(item[0]))
    ]


def _code(municipality: ClassifiedMunicipality) -> str:
    return municipality.code


def _key(name: str) -> str:
    """Name folded for matching: case, diacritics, dashes and spaces do not matter."""
    folded = fold(name)
    for dash in "–—‐-":
        folded = folded.replace(dash, " ")
    return " ".join(folded.split())


def _suggestions(wanted: str, areas: list[EmploymentArea], most: int = 6) -> list[str]:
    """Areas like `wanted`, best first: the areas of a region or municipality of that
    name (`Pohjois-Savo` → Kuopio, Ylä-Savo, …; `Vasa` → Pohjanmaa), areas sharing a
    word or the start of one with it (`Savo` → Keski-Savo, Ylä-Savo; `Oulu` → Oulun
    seutu), areas spelt alike."""
    words = [word for word in wanted.split() if len(word) >= 3]

    def shares(area: EmploymentArea) -> int:
        return sum(any(part.startswith(w) for part in _key(area.name).split()) for w in words)

    within = [
        area.name
        for area in areas
        if any(
            wanted in (_key(m.region), _key(m.name), _key(m.name_sv)) for m in area.municipalities
        )
    ]
    sharing = sorted((a for a in areas if shares(a)), key=lambda a: -shares(a))
    names = {_key(area.name): area.name for area in areas}
    alike = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    if within:  # (a region's areas, every one: Uusimaa has nine; no other area besides)
        return list(dict.fromkeys(within))
    # A region or municipality spelt a little otherwise (`Pohjois-Pohjanma`, `Hyrnsalmi`):
    # its areas, before areas that merely share a word with it (Pohjois-Karjala).
    places: dict[str, list[str]] = {}
    for area in areas:
        for m in area.municipalities:
            for key in (_key(m.region), _key(m.name), _key(m.name_sv)):
                places.setdefault(key, []).append(area.name)

    def likeness(other: str) -> float:
        return difflib.SequenceMatcher(None, wanted, other).ratio()

    def near(cutoff: float) -> list[str]:
        """The areas of the place spelt nearest, that near at least (an area's own name
        spelt as near, `Turkku`, is the area's)."""
        found = difflib.get_close_matches(wanted, list(places), n=1, cutoff=cutoff)
        if found and (not alike or likeness(found[0]) >= likeness(alike[0])):
            return list(dict.fromkeys(places[found[0]]))
        return []

    # (one letter off, dropped, doubled or two swapped: `Prikanmaa`; a short word is
    # left to the words areas share: `Savo` is no Salo)
    if len(wanted) >= 6:
        edited = [key for key in places if one_edit(wanted, key)]
        found = list(dict.fromkeys(name for key in sorted(edited) for name in places[key]))
        if found and len(found) <= most:
            return found
    # (near enough otherwise; `Savo` shares a word with three areas and is no Sauvo)
    if closest := near(0.9):
        return closest
    # (spelt alike only where no area shares a word: `Lappi` is no Lahti)
    found = [a.name for a in sharing] or [names[key] for key in alike]
    return list(dict.fromkeys(found))[:most] or near(0.8)


def one_edit(typed: str, name: str) -> bool:
    """Whether `typed` is `name` with one letter changed, dropped or added, or two beside
    each other swapped."""
    if typed == name or abs(len(typed) - len(name)) > 1:
        return False
    if len(typed) == len(name):
        differ = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and typed[differ[0]] == name[differ[1]]
            and typed[differ[1]] == name[differ[0]]
        )
    shorter, longer = sorted((typed, name), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def find_employment_area(name_or_code: str) -> EmploymentArea:
    """The employment area named (any case, with or without ä/ö, any dash) or coded."""
    areas = employment_areas()
    wanted = name_or_code.strip()
    for area in areas:
        if wanted == area.code or _key(wanted) == _key(area.name):
            return area
    close = _suggestions(_key(wanted), areas)
    if close:
        shown = close if len(close) < 3 else [", ".join(close[:-1]), close[-1]]
        hint = _("did you mean {names}?").format(names=_(" or ").join(shown))
    else:
        known = ", ".join(f"{a.name} ({a.code})" for a in areas)
        hint = _("known areas: {areas}").format(areas=known)
    raise UnknownEmploymentArea(
        _("unknown employment area {name!r}; {hint}").format(name=name_or_code, hint=hint)
    )


def classified(code_or_name: str) -> ClassifiedMunicipality | None:
    """The municipality of Finland with this code, name or Swedish name (any case, ä/ö
    optional), if any."""
    every = municipalities()
    key = _key(code_or_name)
    return every.get(code_or_name) or next(
        (m for m in every.values() if key in (_key(m.name), _key(m.name_sv))), None
    )


def elsewhere(code_or_name: str, area_code: str | None) -> str:
    """Where a municipality that an area's file names, but does not list, belongs:
    `Inari (148) is a municipality of the employment area Pohjois- ja Itä-Lappi, not of
    this one`; "" for what names no municipality, or where the area (`area_code`, as
    the file gives it) is not one of the classification's."""
    every = municipalities()
    found = classified(code_or_name) if area_code is not None else every.get(code_or_name)
    # (an area coded otherwise than the classification codes areas: no telling whose)
    if found is None or area_code not in {m.employment_area_code for m in every.values()}:
        return ""
    if found.employment_area_code == area_code:
        said = _(
            "{name} ({code}) belongs to this employment area but is not among the "
            "municipalities of municipalities.yaml: add it there first (or, if it has left "
            "the area, leave it out here too)"
        )
    else:
        said = _("{name} ({code}) is a municipality of the employment area {area}, not of this one")
    return said.format(name=found.name, code=found.code, area=found.employment_area)


def written_otherwise(listed: Sequence[tuple[str, str]], code: str) -> int:
    """The index among `listed` (code, name) of the municipality whose classified code
    `code` is, written with another code (Hyrynsalmi, 105, written `999`, or `091`,
    Helsinki's); -1 where none is."""
    found = municipalities().get(code)  # (of any area: the file names it, under another code)
    if found is None:
        return -1
    names = {_key(found.name), _key(found.name_sv)}
    return next((i for i, (c, name) in enumerate(listed) if c != code and _key(name) in names), -1)


def not_its_code(written: str, name: str, code: str) -> str:
    """Why `written` is not the code of `name`, whose classified code is `code`."""
    other = municipalities().get(written)
    if other is None:
        said = _(
            "{written} is no municipality code in the classification of {year}; {name}'s "
            "code is {code}"
        )
    else:
        said = _(
            "{written} is the code of {other} in the classification of {year}; {name}'s "
            "code is {code}"
        )
    return said.format(
        written=written,
        other=other.name if other else "",
        year=CLASSIFICATION_YEAR,
        name=name,
        code=code,
    )


def unknown_code(
    code: str, area_code: str | None, absent: str, listed: Sequence[tuple[str, str]] = ()
) -> str:
    """`unknown municipality code 148: Inari (148) is a municipality of the employment
    area …` (`elsewhere`), or `absent` (marked with `N_()`, `{code}` the code, `{file}`
    municipalities.yaml) for a code of no municipality of Finland. Where a municipality of
    `listed` (the file's, as code and name) is the code's, written with another code
    (`999`, or another's), that is said: "add it there first" was said of one there."""
    i = written_otherwise(listed, code)
    if i >= 0:
        return _(
            "unknown municipality code {code}: it is {name}'s, whose code municipalities.yaml "
            "writes {written}"
        ).format(code=code, name=listed[i][1], written=listed[i][0])
    where = elsewhere(code, area_code)
    if where:
        return _("unknown municipality code {code}: {where}").format(code=code, where=where)
    return _(absent).format(code=code, file="municipalities.yaml")

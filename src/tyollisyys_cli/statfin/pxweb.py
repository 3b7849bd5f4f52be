"""Table 12r5 (StatFin, Työnvälitystilasto) in the PxWeb `json` format.

The PxWeb API's `json` format is an object with `columns` (the area and time
dimensions, then one column per content code, such as `TYOTTOMATLOPUSSA`) and `data`
(one entry per area and month: `key` = [area code, month], `values` = the content
columns as text, `...` for a withheld cell). Municipalities are keyed `KU` + their
three-digit code; the whole country, regions and other areas have other prefixes.
A file may hold several months: each becomes an `Export12r5` of its own.

Anything that is not such an export, lacks a needed column, or holds a value that is
neither a number nor `...` is refused with a `DataErrors` naming the file. Reading a
file in either accepted format (this one or json-stat2) is `statfin.document`'s job.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn

from tyollisyys_cli.errors import MAX_OF_A_KIND, DataError, DataErrors, Source, escaped
from tyollisyys_cli.files.positions import PathKey
from tyollisyys_cli.i18n import N_, _, ngettext
from tyollisyys_cli.models.parsing import describe
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS, BadValue, parse_value
from tyollisyys_cli.statfin.source import TABLE

MUNICIPALITY_PREFIX = "KU"
MONTH_CODE = re.compile(r"((?:19|20)[0-9]{2})M(0[1-9]|1[0-2])")

Cells = dict[str, int | float | Literal["withheld"]]


@dataclass(frozen=True)
class Export12r5:
    """One month of table 12r5: the cells of every area in the file, by area key."""

    path: Path
    month: str
    areas: dict[str, Cells]
    #: Where the figures came from, as the monthly file's `source` names it (the
    #: file's name when empty).
    origin: str = ""

    @property
    def source(self) -> Source:
        """What its problems are reported as: a file of the user's, or the service's
        answer (`origin` is set only for a fetched month)."""
        return "answer" if self.origin else "export"

    @property
    def label(self) -> str:
        """The file's name, or where the figures were fetched from. A name's control
        characters and bytes that are not UTF-8 are written out (`kes\\xe4kuu.json`): the
        month file's `source` holds one line of text."""
        return self.origin or escaped(self.path.name)

    def municipality(self, code: str) -> Cells | None:
        """The cells of the municipality with this three-digit code, if the file has it."""
        return self.areas.get(MUNICIPALITY_PREFIX + code)

    def municipality_codes(self) -> list[str]:
        """The codes of the `KU` rows, as written in the file."""
        return [
            key[len(MUNICIPALITY_PREFIX) :]
            for key in self.areas
            if key.startswith(MUNICIPALITY_PREFIX)
        ]


def count_text(value: int) -> str:
    """A count in a message: `52,428,800` in English, `52 428 800` in Finnish."""
    from tyollisyys_cli.i18n import numeral

    return numeral(f"{value:,}")


class ExportProblem(DataErrors):
    """Problems of an export, each at the value `at` (its keys and list indexes) when it
    is one value's: `statfin.document` gives it the value's line and column in a file."""

    def __init__(self, places: list[tuple[DataError, PathKey]], not_kept: int = 0) -> None:
        super().__init__([error for error, _at in places], source="export")
        self.places = places
        self.not_kept = not_kept


class BadCells:
    """The cells of an export that are no value, gathered so that one run names every
    one of them (it named the first, and a user mended four in four runs): the first
    `MAX_OF_A_KIND`, the rest counted (a file of 9,684 such cells printed every one)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.places: list[tuple[DataError, PathKey]] = []
        self.not_kept = 0

    def add(self, message: str, at: PathKey) -> None:
        if len(self.places) < MAX_OF_A_KIND:
            self.places.append((DataError(self.path, message), at))
        else:
            self.not_kept += 1

    @property
    def found(self) -> int:
        """How many cells are no value, those not kept included."""
        return len(self.places) + self.not_kept

    def refuse(self) -> None:
        """Raise them all, if any."""
        if self.places:
            raise ExportProblem(self.places, self.not_kept)

    @contextlib.contextmanager
    def kept_with_others(self) -> Iterator[None]:
        """A problem of the file's structure found after bad cells is said with them: the
        cells found were dropped, and named only in the next run."""
        try:
            yield
        except ExportProblem as problem:
            # (the file's own problem first: the count of cells not shown ends the list,
            # after the cells it counts)
            raise ExportProblem(
                [*problem.places, *self.places], self.not_kept + problem.not_kept
            ) from None


def municipality_named(area: str) -> str:
    """` (Akaa)` after an export's `KU020`: the municipality it codes, as the
    classification names it (a bad cell of one outside the area was named by code only);
    "" for a code of no municipality (`SSS`, the whole country)."""
    from tyollisyys_cli.reference.classification import municipalities

    found = municipalities().get(area[2:]) if area.startswith("KU") else None
    return f" ({found.name})" if found is not None else ""


def fail(
    path: Path,
    message: str,
    *,
    line: int | None = None,
    column: int | None = None,
    at: PathKey = (),
) -> NoReturn:
    raise ExportProblem([(DataError(path, message, line=line, column=column), at)])


ACCEPTED_FORMATS = N_(
    "accepted: the PxWeb `json` format (`columns` and `data`) or `json-stat2` (`class`: "
    "`dataset`); save table 12r5 from PxWeb in one of them, or let the tool fetch it: "
    "tyollisyys import statfin --latest (for a new area: tyollisyys init without --from)"
)


def not_an_export() -> str:
    """Why a document is not a 12r5 export, with the formats accepted."""
    return _("not a PxWeb JSON export of table 12r5; {accepted}").format(
        accepted=_(ACCEPTED_FORMATS)
    )


def check_contents(path: Path, contents: list[str]) -> None:
    """Refuse a table that lacks any column the import needs."""
    missing = [code for code in NEEDED_COLUMNS if code not in contents]
    if len(missing) == len(NEEDED_COLUMNS):
        fail(
            path,
            _(
                "not an export of table {table}: the file has none of its content columns "
                "({columns}, …)"
            ).format(table=TABLE, columns=", ".join(NEEDED_COLUMNS[:3])),
        )
    if missing:
        fail(
            path,
            ngettext(
                "the export lacks column {columns}; select every content (Tiedot) of table "
                "12r5 in PxWeb",
                "the export lacks columns {columns}; select every content (Tiedot) of table "
                "12r5 in PxWeb",
                len(missing),
            ).format(columns=", ".join(missing)),
        )


def exports_of(path: Path, months: dict[str, dict[str, Cells]], origin: str) -> list[Export12r5]:
    """One `Export12r5` per month, in month order; a file without data is refused."""
    if not months:
        fail(path, _("the export holds no data rows"))
    return [
        Export12r5(path=path, month=month, areas=areas, origin=origin)
        for month, areas in sorted(months.items())
    ]


def parse_pxweb_json(document: Any, path: Path, *, origin: str = "") -> list[Export12r5]:
    """Check the structure of a parsed `json` export and collect its cells by month."""
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("columns"), list)
        or not isinstance(document.get("data"), list)
        or not all(isinstance(c, dict) and "code" in c for c in document["columns"])
    ):
        fail(path, not_an_export())
    columns: list[dict[str, Any]] = document["columns"]
    keys = [c for c in columns if c.get("type") in {"d", "t"}]
    contents = [str(c["code"]) for c in columns if c.get("type") == "c"]
    time_at = [i for i, c in enumerate(keys) if c.get("type") == "t"]
    area_at = [i for i, c in enumerate(keys) if c.get("type") == "d"]
    if len(time_at) != 1 or len(area_at) != 1 or not contents:
        fail(
            path,
            _(
                "not a PxWeb JSON export of table 12r5 (expected an area dimension, a month "
                "dimension and content columns)"
            ),
        )
    check_contents(path, contents)
    months: dict[str, dict[str, Cells]] = {}
    bad = BadCells(path)
    with bad.kept_with_others():
        for index, entry in enumerate(document["data"]):
            key = entry.get("key") if isinstance(entry, dict) else None
            values = entry.get("values") if isinstance(entry, dict) else None
            if not isinstance(key, list) or len(key) != len(keys):
                names = ", ".join(str(c.get("text") or c["code"]) for c in keys)
                fail(
                    path,
                    _("data entry {number}: expected a key of {names}").format(
                        number=index + 1, names=names
                    ),
                    at=("data", index),
                )
            label = " ".join(map(str, key))
            if not isinstance(values, list):
                fail(
                    path,
                    _("{key}: expected a list of {columns} values, found {found}").format(
                        key=label, columns=len(contents), found=describe(values)
                    ),
                    at=("data", index, "values") if "values" in entry else ("data", index),
                )
            if len(values) != len(contents):
                fail(
                    path,
                    ngettext(
                        "{key}: {count} value for the {columns} content columns of the export",
                        "{key}: {count} values for the {columns} content columns of the export",
                        len(values),
                    ).format(key=label, count=len(values), columns=len(contents)),
                    at=("data", index, "values"),
                )
            month = month_of(str(key[time_at[0]]), path, at=("data", index, "key", time_at[0]))
            areas = months.setdefault(month, {})
            area = str(key[area_at[0]])
            if area in areas:
                fail(
                    path,
                    _("{area} has two rows for {month}").format(area=area, month=month),
                    at=("data", index, "key"),
                )
            cells: Cells = {}
            for at, (code, text) in enumerate(zip(contents, values, strict=True)):
                try:
                    cells[code] = parse_value(text, code)
                except BadValue as exc:
                    bad.add(
                        f"{area} {month} {code}{municipality_named(area)}: {exc}"
                        + (exc.hint if not origin else ""),
                        ("data", index, "values", at),
                    )
            areas[area] = cells
    bad.refuse()
    return exports_of(path, months, origin)


def month_of(text: str, path: Path, *, at: PathKey = ()) -> str:
    """`2026M06` → `2026-06`; anything else is refused."""
    match = MONTH_CODE.fullmatch(text)
    if match is None:
        fail(
            path,
            _("expected a month such as 2026M06 in the month column, found {value!r}").format(
                value=text
            ),
            at=at,
        )
    return f"{match.group(1)}-{match.group(2)}"

"""Reading a PxWeb JSON export of table 12r5 (StatFin, Työnvälitystilasto).

The PxWeb API's `json` format is an object with `columns` (the area and time
dimensions, then one column per content code, such as `TYOTTOMATLOPUSSA`) and `data`
(one entry per area and month: `key` = [area code, month], `values` = the content
columns as text, `...` for a withheld cell). Municipalities are keyed `KU` + their
three-digit code; the whole country, regions and other areas have other prefixes.

Anything that is not such an export, lacks a needed column, or holds a value that is
neither a number nor `...` is refused with a `DataErrors` naming the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn

from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.yamlfile import MAX_FILE_BYTES
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS, BadValue, parse_value

TABLE = "12r5"
MUNICIPALITY_PREFIX = "KU"
_MONTH = re.compile(r"((?:19|20)[0-9]{2})M(0[1-9]|1[0-2])")

Cells = dict[str, int | float | Literal["withheld"]]


@dataclass(frozen=True)
class Export12r5:
    """One month of table 12r5: the cells of every area in the file, by area key."""

    path: Path
    month: str
    areas: dict[str, Cells]

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


def _fail(
    path: Path, message: str, *, line: int | None = None, column: int | None = None
) -> NoReturn:
    raise DataErrors([DataError(path, message, line=line, column=column)])


def read_12r5(path: Path) -> Export12r5:
    """Read and check a PxWeb JSON export of table 12r5 holding one month."""
    if not path.is_file():
        _fail(path, "file not found" if not path.exists() else "is not a file")
    if path.stat().st_size > MAX_FILE_BYTES:
        _fail(path, f"file is larger than {MAX_FILE_BYTES:,} bytes; is it a 12r5 export?")
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        _fail(path, "not a PxWeb JSON export of table 12r5: the file is not UTF-8 text")
    except json.JSONDecodeError as exc:
        _fail(
            path,
            f"not a PxWeb JSON export of table 12r5: not valid JSON ({exc.msg}); "
            "download the table in the PxWeb `json` format",
            line=exc.lineno,
            column=exc.colno,
        )
    return parse_12r5(document, path)


def parse_12r5(document: Any, path: Path) -> Export12r5:
    """Check the structure of a parsed export and collect its cells."""
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("columns"), list)
        or not isinstance(document.get("data"), list)
        or not all(isinstance(c, dict) and "code" in c for c in document["columns"])
    ):
        _fail(path, "not a PxWeb JSON export of table 12r5 (expected `columns` and `data`)")
    columns: list[dict[str, Any]] = document["columns"]
    keys = [c for c in columns if c.get("type") in {"d", "t"}]
    contents = [str(c["code"]) for c in columns if c.get("type") == "c"]
    time_at = [i for i, c in enumerate(keys) if c.get("type") == "t"]
    area_at = [i for i, c in enumerate(keys) if c.get("type") == "d"]
    if len(time_at) != 1 or len(area_at) != 1 or not contents:
        _fail(
            path,
            "not a PxWeb JSON export of table 12r5 (expected an area dimension, a month "
            "dimension and content columns)",
        )
    missing = [code for code in NEEDED_COLUMNS if code not in contents]
    if len(missing) == len(NEEDED_COLUMNS):
        _fail(path, f"not an export of table {TABLE}: none of its columns is in the file")
    if missing:
        _fail(
            path,
            f"the export lacks column{'s' if len(missing) > 1 else ''} "
            + ", ".join(missing)
            + "; select every content (Tiedot) of table 12r5 in PxWeb",
        )
    months: set[str] = set()
    seen: set[tuple[str, str]] = set()
    areas: dict[str, Cells] = {}
    for index, entry in enumerate(document["data"]):
        key = entry.get("key") if isinstance(entry, dict) else None
        values = entry.get("values") if isinstance(entry, dict) else None
        if (
            not isinstance(key, list)
            or len(key) != len(keys)
            or not isinstance(values, list)
            or len(values) != len(contents)
        ):
            _fail(path, f"data entry {index + 1} does not match the columns of the export")
        month = _month(str(key[time_at[0]]), path)
        months.add(month)
        area = str(key[area_at[0]])
        if (area, month) in seen:
            _fail(path, f"{area} has two rows for {month}")
        seen.add((area, month))
        cells: Cells = {}
        for code, text in zip(contents, values, strict=True):
            try:
                cells[code] = parse_value(text, code)
            except BadValue as exc:
                _fail(path, f"{area} {month} {code}: {exc}")
        areas[area] = cells
    if not months:
        _fail(path, "the export holds no data rows")
    if len(months) > 1:
        _fail(
            path,
            f"the export holds {len(months)} months ({', '.join(sorted(months))}); "
            "export one month at a time",
        )
    return Export12r5(path=path, month=months.pop(), areas=areas)


def _month(text: str, path: Path) -> str:
    match = _MONTH.fullmatch(text)
    if match is None:
        _fail(path, f"expected a month such as 2026M06 in the month column, found {text!r}")
    return f"{match.group(1)}-{match.group(2)}"

"""Table 12r5 in the json-stat2 format (json-stat.org), the PxWeb API's default.

A json-stat2 dataset names its dimensions in `id`, their sizes in `size` and each one's
categories in `dimension[id].category.index` (an object code → position, or a list of
codes); `value` holds the cells row-major over `id` (a list, or an object position →
value for a sparse dataset). A withheld cell is `null` in `value` with the symbol `...`
in `status` (an object position → symbol, a list, or one symbol for every cell).

The three dimensions of 12r5 are found by their role (`role.time`, `role.metric`)
or, without roles, by their categories: months such as `2026M06`, the content codes
(`TYOTTOMATLOPUSSA`, ...) and the areas (`KU` + municipality code). Their codes are
whatever the dataset says.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

from tyollisyys_cli.i18n import _
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS, WITHHELD, BadValue, parse_number
from tyollisyys_cli.statfin.pxweb import (
    ACCEPTED_FORMATS,
    MONTH_CODE,
    BadCells,
    Cells,
    Export12r5,
    check_contents,
    count_text,
    exports_of,
    fail,
    month_of,
    municipality_named,
)

#: More cells than this in one dataset is not a 12r5 answer the tool asked for.
MAX_CELLS = 5_000_000


def is_jsonstat(document: Any) -> bool:
    """Whether the document says it is a json-stat dataset."""
    return isinstance(document, dict) and document.get("class") == "dataset"


def _categories(path: Path, name: str, dimension: Any, size: int) -> list[str]:
    """The codes of a dimension, in their positions."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    index = category.get("index") if isinstance(category, dict) else None
    if isinstance(index, list) and all(isinstance(code, str) for code in index):
        codes: list[str] = list(index)
    elif isinstance(index, dict) and all(
        isinstance(at, int) and not isinstance(at, bool) for at in index.values()
    ):
        codes = [""] * len(index)
        for code, at in index.items():
            if not 0 <= at < len(index) or codes[at]:
                fail(
                    path,
                    _("json-stat2 dimension {name!r}: category positions are not 0..n-1").format(
                        name=name
                    ),
                )
            codes[at] = code
    else:
        fail(path, _("json-stat2 dimension {name!r} has no category index").format(name=name))
    if len(codes) != size:
        fail(
            path,
            _("json-stat2 dimension {name!r} has {count} categories, size says {size}").format(
                name=name, count=len(codes), size=size
            ),
        )
    seen: set[str] = set()
    for twice in codes:  # (one of the two would overwrite the other's figures)
        if twice not in seen:
            seen.add(twice)
            continue
        fail(
            path,
            _("json-stat2 dimension {name!r} lists {code!r} twice").format(name=name, code=twice),
        )
    return codes


def _role(document: dict[str, Any], role: str) -> str | None:
    roles = document.get("role")
    named = roles.get(role) if isinstance(roles, dict) else None
    if isinstance(named, list) and len(named) == 1 and isinstance(named[0], str):
        return named[0]
    return None


def _dimensions(path: Path, codes: dict[str, list[str]], document: dict[str, Any]) -> list[str]:
    """The ids of the area, month and contents dimensions, in that order."""
    time = _role(document, "time")
    if time not in codes:
        time = next(
            (d for d, c in codes.items() if c and all(MONTH_CODE.fullmatch(x) for x in c)), None
        )
    metric = _role(document, "metric")
    if metric not in codes:
        metric = next((d for d, c in codes.items() if set(NEEDED_COLUMNS) & set(c)), None)
    others = [d for d in codes if d not in {time, metric}]
    if time is None or metric is None or len(others) != 1:
        fail(
            path,
            _(
                "not a json-stat2 dataset of table 12r5 (expected an area dimension, a month "
                "dimension and a contents dimension; found {dimensions})"
            ).format(dimensions=", ".join(codes)),
        )
    return [others[0], time, metric]


def _statuses(path: Path, status: Any, cells: int) -> dict[int, str]:
    if status is None:
        return {}
    if isinstance(status, str):
        return dict.fromkeys(range(cells), status)
    if isinstance(status, list):
        return {i: s for i, s in enumerate(status) if isinstance(s, str)}
    if isinstance(status, dict):
        result: dict[int, str] = {}
        for key, symbol in status.items():
            if key.isascii() and key.isdigit() and isinstance(symbol, str):
                result[int(key)] = symbol
        return result
    fail(path, _("json-stat2 `status` is neither a symbol, a list nor an object"))


def _values(path: Path, value: Any, cells: int) -> dict[int, Any]:
    if isinstance(value, list):
        if len(value) != cells:
            fail(
                path,
                _("json-stat2 `value` has {count} cells; the sizes give {cells}").format(
                    count=len(value), cells=cells
                ),
            )
        return dict(enumerate(value))
    if isinstance(value, dict):
        result: dict[int, Any] = {}
        for key, cell in value.items():
            # (`01611` beside `1611` would be one cell twice: only a position as
            # json-stat2 writes it is read)
            if not (key.isascii() and key.isdigit() and str(int(key)) == key):
                fail(
                    path,
                    _(
                        "json-stat2 `value` has a cell at {key!r}, which is no position "
                        "(0, 1, 2, … without leading zeros)"
                    ).format(key=key),
                    at=("value", key),
                )
            if int(key) >= cells:
                fail(
                    path,
                    _("json-stat2 `value` has a cell at {key!r}, outside the dataset").format(
                        key=key
                    ),
                    at=("value", key),
                )
            result[int(key)] = cell
        return result
    fail(path, _("json-stat2 dataset without `value`"))


def _cell(value: Any, symbol: str | None, column: str) -> int | float | Literal["withheld"]:
    if value is None:
        if symbol == WITHHELD:
            return "withheld"
        shown = _("status {symbol!r}").format(symbol=symbol) if symbol else _("no status")
        raise BadValue(
            _("expected a number or a withheld cell ({withheld!r}), found null ({status})").format(
                withheld=WITHHELD, status=shown
            )
        )
    return parse_number(value, column)


def parse_jsonstat2(document: Any, path: Path, *, origin: str = "") -> list[Export12r5]:
    """Check a parsed json-stat2 dataset of 12r5 and collect its cells by month."""
    ids, sizes = document.get("id"), document.get("size")
    dimensions = document.get("dimension")
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or len(ids) != len(sizes)
        or not all(isinstance(d, str) for d in ids)
        or not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes)
        or not isinstance(dimensions, dict)
    ):
        fail(
            path,
            _(
                "not a json-stat2 dataset (expected `id`, `size` and `dimension`); {accepted}"
            ).format(accepted=_(ACCEPTED_FORMATS)),
        )
    cells = math.prod(sizes)
    if cells > MAX_CELLS:
        fail(
            path,
            _("the dataset has {count} cells, more than {limit}; is it 12r5?").format(
                count=count_text(cells), limit=count_text(MAX_CELLS)
            ),
        )
    codes = {d: _categories(path, d, dimensions.get(d), s) for d, s in zip(ids, sizes, strict=True)}
    area_id, time_id, metric_id = _dimensions(path, codes, document)
    check_contents(path, codes[metric_id])
    values = _values(path, document.get("value"), cells)
    statuses = _statuses(path, document.get("status"), cells)
    strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
    position = {d: (ids.index(d), strides[ids.index(d)]) for d in ids}
    months: dict[str, dict[str, Cells]] = {}
    bad = BadCells(path)
    with bad.kept_with_others():
        index = dimensions[time_id]["category"]["index"]
        for time_at, month_code in enumerate(codes[time_id]):
            month = month_of(
                month_code,
                path,
                at=("dimension", time_id, "category", "index", month_code)
                if isinstance(index, dict)
                else ("dimension", time_id, "category", "index", time_at),
            )
            areas = months.setdefault(month, {})
            for area_at, area in enumerate(codes[area_id]):
                row: Cells = {}
                named = bad.found
                for metric_at, column in enumerate(codes[metric_id]):
                    at = (
                        area_at * position[area_id][1]
                        + time_at * position[time_id][1]
                        + metric_at * position[metric_id][1]
                    )
                    if at not in values and at not in statuses:
                        continue  # a sparse dataset leaves out cells it does not hold
                    try:
                        row[column] = _cell(values.get(at), statuses.get(at), column)
                    except BadValue as exc:
                        cell = at if isinstance(document.get("value"), list) else str(at)
                        bad.add(
                            f"{area} {month} {column}{municipality_named(area)}: {exc}"
                            + (exc.hint if not origin else ""),
                            ("value", cell),
                        )
                if row and bad.found == named:  # (a cell named above is not missing)
                    missing = [c for c in NEEDED_COLUMNS if c not in row]
                    if missing:
                        fail(
                            path,
                            _("{area} {month} has no value for {columns}").format(
                                area=area, month=month, columns=", ".join(missing)
                            ),
                        )
                    areas[area] = row
    bad.refuse()
    return exports_of(path, {m: a for m, a in months.items() if a}, origin)

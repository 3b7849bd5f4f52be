"""The machine-written monthly statistics files: `DATA_DIR/statistics/YYYY-MM.yaml`.

Imported months live in files of their own, one per month, so that an import never
touches the hand-written `municipalities.yaml` and `commuting.yaml`. The files are
written by `tyollisyys import statfin` (and `init`): deterministically, so that the same
month imported twice gives the same bytes, and atomically (a temporary file in the same
folder, then `os.replace`), so that a failed write never leaves half a file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tyollisyys_cli.dataset import Snapshot, ValueRef
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.models.area import GROUP_FIELDS, AreaFile, StatisticsRow
from tyollisyys_cli.models.monthly import MonthlyStatistics
from tyollisyys_cli.yamlfile import Position, YamlDocument, load_yaml

STATISTICS_DIR = "statistics"
HEADER = "# Written by `tyollisyys import statfin`; do not edit by hand (re-import instead).\n"
_FILE_NAME = re.compile(r"((?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2]))\.yaml")

#: The fields of a statistics row in the order they are written.
ROW_FIELDS = tuple(StatisticsRow.model_fields)


def month_path(data_dir: Path, month: str) -> Path:
    """Where the statistics of `month` are kept."""
    return data_dir / STATISTICS_DIR / f"{month}.yaml"


def file_key(month: str) -> str:
    """The key of a month's file in `Area.files` and `Area.positions`."""
    return f"{STATISTICS_DIR}/{month}"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):  # pragma: no cover - no statistics field is a yes/no
        raise TypeError("a statistics value is never true/false")
    if isinstance(value, int | float):
        return repr(value)
    if value in ("withheld", "missing"):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def render(*, month: str, source: str, rows: list[tuple[str, str, dict[str, Any]]]) -> str:
    """The text of a monthly file; `rows` are (code, name, fields) in the order to write."""
    lines = [
        HEADER,
        f"month: {_scalar(month)}\n",
        f"source: {_scalar(source)}\n",
        "rows:\n",
    ]
    for code, name, fields in rows:
        lines.append(f"  - municipality: {_scalar(code)}  # {name}\n")
        for key in ROW_FIELDS:
            lines.append(f"    {key}: {_scalar(fields.get(key))}\n")
    return "".join(lines)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class MonthlyData:
    """The snapshots of the monthly files and where their values are written."""

    snapshots: list[Snapshot] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    positions: dict[str, dict[Any, Position]] = field(default_factory=dict)


def load_monthly(data_dir: Path, plan: AreaFile, errors: list[DataError]) -> MonthlyData:
    """Read every `statistics/YYYY-MM.yaml`; problems go to `errors`."""
    result = MonthlyData()
    folder = data_dir / STATISTICS_DIR
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # editor backups, an interrupted write's temporary file
        match = _FILE_NAME.fullmatch(path.name)
        if match is None:
            if path.suffix in {".yaml", ".yml"}:
                errors.append(
                    DataError(
                        path, "a monthly statistics file is named YYYY-MM.yaml, e.g. 2026-06.yaml"
                    )
                )
            continue
        loaded = _read(path, errors)
        if loaded is None:
            continue
        document, monthly = loaded
        problems = check_monthly(document, monthly, plan, month=match.group(1))
        errors.extend(problems)
        if problems:
            continue
        key = file_key(monthly.month)
        result.snapshots.append(
            Snapshot(
                month=monthly.month,
                source=monthly.source,
                rows={row.municipality: row for row in monthly.rows},
                row_refs={
                    row.municipality: ValueRef(key, ("rows", i))
                    for i, row in enumerate(monthly.rows)
                },
            )
        )
        result.files[key] = path
        result.positions[key] = document.positions
    return result


def _read(path: Path, errors: list[DataError]) -> tuple[YamlDocument, MonthlyStatistics] | None:
    from tyollisyys_cli.load import validation_errors  # load.py imports this module

    try:
        document = load_yaml(path)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None
    try:
        return document, MonthlyStatistics.model_validate(document.data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, document, MonthlyStatistics))
        return None


def check_monthly(
    document: YamlDocument, monthly: MonthlyStatistics, plan: AreaFile, *, month: str
) -> list[DataError]:
    """A monthly file against its name and the area: month, municipalities, counts."""
    errors: list[DataError] = []
    if monthly.month != month:
        errors.append(
            document.error(("month",), f"the file {month}.yaml holds month {monthly.month}")
        )
    has_own = any(m.statistics is not None for m in plan.municipalities)
    if has_own and monthly.month == plan.area.reference_month:
        errors.append(
            document.error(
                ("month",),
                f"{monthly.month} is the plan's own month, whose statistics are written in "
                "municipalities.yaml; remove this file",
            )
        )
    names = {m.code: m.name for m in plan.municipalities}
    seen: set[str] = set()
    for i, row in enumerate(monthly.rows):
        where = ("rows", i)
        if row.municipality not in names:
            errors.append(
                document.error(
                    (*where, "municipality"),
                    f"unknown municipality code {row.municipality}; "
                    "it is not in municipalities.yaml",
                )
            )
        if row.municipality in seen:
            errors.append(
                document.error(
                    (*where, "municipality"), f"municipality {row.municipality} has two rows"
                )
            )
        seen.add(row.municipality)
        if row.unemployed > row.labour_force:
            errors.append(
                document.error(
                    (*where, "unemployed"),
                    f"{row.unemployed} unemployed is more than the labour force {row.labour_force}",
                )
            )
        for group in GROUP_FIELDS:
            value = getattr(row, group)
            if isinstance(value, int) and value > row.unemployed:
                errors.append(
                    document.error(
                        (*where, group),
                        f"{value} is larger than the unemployed total {row.unemployed}",
                    )
                )
    absent = [f"{name} ({code})" for code, name in names.items() if code not in seen]
    if absent:
        errors.append(document.error(("rows",), "no row for " + ", ".join(absent)))
    return errors

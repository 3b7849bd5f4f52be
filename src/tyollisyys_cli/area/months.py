"""The machine-written monthly statistics files: `DATA_DIR/statistics/YYYY-MM.csv`.

Imported months live in files of their own, one per month, so that an import never
touches the hand-written `municipalities.yaml` and `commuting.yaml`. The files are
written by `tyollisyys import statfin` (and `init`) as CSV (`monthcsv`):
deterministically, so that the same month imported twice gives the same bytes, and
atomically (a temporary file in the same folder, then `os.replace`), so that a failed
write never leaves half a file.

Months written as YAML (`statistics/YYYY-MM.yaml`, as earlier versions imported them,
or by hand) are read as before, with the same validation and messages. A month held
both ways is an error naming both files.
"""

from __future__ import annotations

import json
import operator
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.area.dataset import Snapshot, ValueRef
from tyollisyys_cli.area.monthtable import MonthRefs, MonthRows, MonthTable, table_of_rows
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, ROW_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tyollisyys_cli.files.yamlfile import YamlDocument
    from tyollisyys_cli.models.area import AreaFile
    from tyollisyys_cli.models.monthly import MonthlyStatistics

STATISTICS_DIR = "statistics"
HEADER = "# Written by `tyollisyys import statfin`; do not edit by hand (re-import instead).\n"
_FILE_NAME = re.compile(r"((?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2]))\.(csv|yaml)")
_NAMING = "a monthly statistics file is named YYYY-MM.csv (or YYYY-MM.yaml), e.g. 2026-06.csv"

__all__ = ["ROW_FIELDS", "held_path", "load_monthly", "month_path", "write_atomic"]


def month_path(data_dir: Path, month: str) -> Path:
    """Where an import writes the statistics of `month`."""
    return data_dir / STATISTICS_DIR / f"{month}.csv"


def yaml_month_path(data_dir: Path, month: str) -> Path:
    """Where the statistics of `month` were kept as YAML."""
    return data_dir / STATISTICS_DIR / f"{month}.yaml"


def held_path(data_dir: Path, month: str) -> Path | None:
    """The file that holds `month` (the CSV when both exist), or None."""
    for path in (month_path(data_dir, month), yaml_month_path(data_dir, month)):
        if path.is_file():
            return path
    return None


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


def render_yaml(*, month: str, source: str, rows: list[tuple[str, str, dict[str, Any]]]) -> str:
    """The text of a monthly file in YAML, as earlier versions wrote it (for tests and
    for comparing)."""
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
    positions: dict[str, Mapping[PathKey, Position]] = field(default_factory=dict)


def month_files(folder: Path, errors: list[DataError]) -> dict[str, Path]:
    """Month → its file in `folder`; a badly named file or a month held twice is an
    error (the month is then left out)."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue  # editor backups, an interrupted write's temporary file
        match = _FILE_NAME.fullmatch(path.name)
        if match is None:
            if path.suffix in {".yaml", ".yml", ".csv"}:
                errors.append(DataError(path, _NAMING))
            continue
        found.setdefault(match.group(1), {})[match.group(2)] = path
    months: dict[str, Path] = {}
    for month, paths in found.items():
        if len(paths) > 1:
            errors.append(
                DataError(
                    paths["csv"],
                    f"{month} is held twice, in {paths['yaml'].name} and in "
                    f"{paths['csv'].name}; keep one (import writes .csv: after an "
                    f"interrupted import the .csv is the newer, delete {paths['yaml'].name})",
                )
            )
            continue
        months[month] = next(iter(paths.values()))
    return months


def load_monthly(data_dir: Path, plan: AreaFile, errors: list[DataError]) -> MonthlyData:
    """Read every `statistics/YYYY-MM.csv` (and `.yaml`); problems go to `errors`."""
    result = MonthlyData()
    folder = data_dir / STATISTICS_DIR
    if not folder.is_dir():
        return result
    expected = _Expected.of(plan)
    for month, path in month_files(folder, errors).items():
        key = file_key(month)
        if path.suffix == ".csv":
            read = _read_csv(path, month, expected, plan, errors)
            if read is None:
                continue
            source, table, positions = read
            snapshot = Snapshot(
                month=month,
                source=source,
                rows=MonthRows(table),
                row_refs=MonthRefs(key, table),
            )
        else:
            loaded = _read_yaml(path, errors)
            if loaded is None:
                continue
            document, monthly = loaded
            problems = check_monthly(document, monthly, plan, month=month)
            errors.extend(problems)
            if problems:
                continue
            positions = document.positions
            snapshot = Snapshot(
                month=monthly.month,
                source=monthly.source,
                rows={row.municipality: row for row in monthly.rows},
                row_refs={
                    row.municipality: ValueRef(key, ("rows", i))
                    for i, row in enumerate(monthly.rows)
                },
            )
        result.snapshots.append(snapshot)
        result.files[key] = path
        result.positions[key] = positions
    return result


@dataclass(frozen=True)
class _Expected:
    """What every month of the area must hold: one row per municipality of the area."""

    codes: frozenset[str]
    count: int
    own_month: str | None

    @classmethod
    def of(cls, plan: AreaFile) -> _Expected:
        codes = [m.code for m in plan.municipalities]
        has_own = any(m.statistics is not None for m in plan.municipalities)
        return cls(frozenset(codes), len(codes), plan.area.reference_month if has_own else None)

    def fits(self, table: MonthTable, month: str) -> bool:
        """Whether the month passes every check of `check_monthly` (then it says nothing)."""
        if month == self.own_month or len(table.codes) != self.count:
            return False
        if set(table.codes) != self.codes:
            return False
        unemployed = table.columns["unemployed"]
        if any(map(operator.gt, unemployed, table.columns["labour_force"])):
            return False
        return not table.groups_over_unemployed()


def _read_csv(
    path: Path, month: str, expected: _Expected, plan: AreaFile, errors: list[DataError]
) -> tuple[str, MonthTable, Mapping[PathKey, Position]] | None:
    from tyollisyys_cli.files.yamlfile import read_text

    try:
        text = read_text(path)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None
    return read_csv_text(path, text, month=month, plan=plan, errors=errors, expected=expected)


def read_csv_text(
    path: Path,
    text: str,
    *,
    month: str,
    plan: AreaFile,
    errors: list[DataError],
    expected: _Expected | None = None,
) -> tuple[str, MonthTable, Mapping[PathKey, Position]] | None:
    """(source, table, positions) of a month's CSV text, or None with the problems
    added to `errors`."""
    from tyollisyys_cli.area.monthtable import LinePositions
    from tyollisyys_cli.files.monthcsv import read_fast

    if not text.strip():
        errors.append(DataError(path, "the file is empty"))
        return None
    fast = read_fast(text)
    if fast is not None and (expected or _Expected.of(plan)).fits(fast[1], month):
        source, table = fast
        return source, table, LinePositions(path, text)
    return _read_csv_exactly(path, text, month, plan, errors)


def _read_csv_exactly(
    path: Path, text: str, month: str, plan: AreaFile, errors: list[DataError]
) -> tuple[str, MonthTable, Mapping[PathKey, Position]] | None:
    """The month read cell by cell and validated by the models: the messages of a YAML
    month, placed at the cells."""
    from pydantic import ValidationError

    from tyollisyys_cli.files.monthcsv import read_exact
    from tyollisyys_cli.files.yamlfile import YamlDocument
    from tyollisyys_cli.models.monthly import MonthlyRow, MonthlyStatistics
    from tyollisyys_cli.models.parsing import parse_text
    from tyollisyys_cli.models.validation import validation_errors

    read = read_exact(path, text, month=month)
    document = YamlDocument(path, read.data, read.positions)
    problems = list(read.problems)
    rows: list[MonthlyRow] = []
    sources = [row.get("source", "") for row in read.data["rows"]]
    reference = next((s for s in sources if s.strip()), "")
    for i, values in enumerate(read.data["rows"]):
        if i in read.broken_rows:
            continue
        source = values.pop("source")
        try:
            parse_text(source)
        except ValueError as exc:
            problems.append(document.error(("rows", i, "source"), str(exc)))
        else:
            if source != reference:
                problems.append(
                    document.error(
                        ("rows", i, "source"),
                        f"every row of a month names the same source; the first row names "
                        f"{reference!r}",
                    )
                )
        try:
            rows.append(MonthlyRow.model_validate(values))
        except ValidationError as exc:
            problems.extend(validation_errors(exc, document, MonthlyRow, prefix=("rows", i)))
        values["source"] = source
    if not problems:
        monthly = MonthlyStatistics.model_construct(month=month, source=reference, rows=rows)
        problems = check_monthly(document, monthly, plan, month=month)
    if problems:
        errors.extend(problems)
        return None
    table = table_of_rows({row.municipality: row for row in rows}, list(read.rate_texts))
    return reference, table, read.positions


def _read_yaml(
    path: Path, errors: list[DataError]
) -> tuple[YamlDocument, MonthlyStatistics] | None:
    from pydantic import ValidationError

    from tyollisyys_cli.files.yamlfile import load_yaml
    from tyollisyys_cli.models.monthly import MonthlyStatistics
    from tyollisyys_cli.models.validation import validation_errors

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

"""The machine-written monthly statistics files: `DATA_DIR/statistics/YYYY-MM.csv`.

Imported months live in files of their own, one per month, so that an import never
touches the hand-written `municipalities.yaml` and `commuting.yaml`. The files are
written by `tyollisyys import statfin` (and `init`) as CSV (`monthcsv`):
deterministically, so that the same month imported twice gives the same bytes, and
atomically (a temporary file in the same folder, then `os.replace`), so that a failed
write never leaves half a file.

A month is read one way: `monthcsv.read` takes the file apart, the models validate its
rows in one call, and `check_monthly` holds them against the area; every problem is
placed at its cell. Months written as YAML by earlier versions
(`statistics/YYYY-MM.yaml`) are no longer read: such a file is an error that says how
to convert it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.area.dataset import Snapshot
from tyollisyys_cli.area.monthtable import MonthRefs, MonthRows, MonthTable, table_of_rows
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.i18n import N_, _, numeral
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, ROW_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pydantic import TypeAdapter

    from tyollisyys_cli.files.yamlfile import YamlDocument
    from tyollisyys_cli.models.area import AreaFile
    from tyollisyys_cli.models.monthly import MonthlyRow

STATISTICS_DIR = "statistics"
_FILE_NAME = re.compile(r"((?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2]))\.csv")
_NAMING = N_("a monthly statistics file is named YYYY-MM.csv, e.g. 2026-06.csv")

__all__ = ["ROW_FIELDS", "held_path", "load_monthly", "month_path", "write_atomic"]


def month_path(data_dir: Path, month: str) -> Path:
    """Where an import writes the statistics of `month`."""
    return data_dir / STATISTICS_DIR / f"{month}.csv"


def yaml_month_path(data_dir: Path, month: str) -> Path:
    """Where earlier versions kept the statistics of `month` (as YAML; no longer read)."""
    return data_dir / STATISTICS_DIR / f"{month}.yaml"


def held_path(data_dir: Path, month: str) -> Path | None:
    """The file that holds `month`, or None."""
    path = month_path(data_dir, month)
    return path if path.is_file() else None


def file_key(month: str) -> str:
    """The key of a month's file in `Area.files` and `Area.positions`."""
    return f"{STATISTICS_DIR}/{month}"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` as `files.atomic.write_text` does (all or nothing; a new file
    follows the umask, a replaced one keeps its mode), making its folder first.

    Raises `OutputError` when the folder cannot be made or the file cannot be written
    (`statistics` is a file, the data folder is read-only, the disk is full).
    """
    from tyollisyys_cli.files.atomic import OutputError, write_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            _("cannot write {path}: {folder} is a file, not a folder; move it away").format(
                path=path, folder=path.parent
            )
        ) from None
    except OSError as error:
        raise OutputError(
            _("cannot make the folder {folder}: {reason}").format(
                folder=path.parent, reason=error.strerror
            )
        ) from None
    write_text(path, text)


@dataclass
class MonthlyData:
    """The snapshots of the monthly files and where their values are written."""

    snapshots: list[Snapshot] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    positions: dict[str, Mapping[PathKey, Position]] = field(default_factory=dict)


def month_files(folder: Path, errors: list[DataError]) -> dict[str, Path]:
    """Month → its file in `folder`; a badly named file or a month written as YAML is an
    error (the file is then left out)."""
    from tyollisyys_cli.files.monthcsv import HEADER_LINE

    months: dict[str, Path] = {}
    try:
        paths = sorted(folder.iterdir())
    except OSError as error:
        message = _("cannot read the folder: {reason}").format(reason=_reason(error))
        errors.append(DataError(folder, message))
        return months
    for path in paths:
        if path.name.startswith("."):
            continue  # editor backups, an interrupted write's temporary file
        if path.suffix in {".yaml", ".yml"}:
            errors.append(
                DataError(
                    path,
                    _(
                        "monthly statistics written as YAML (as earlier versions imported "
                        "them) are no longer read; re-import the month with `tyollisyys "
                        "import statfin FILE`, or write it as YYYY-MM.csv with the header row "
                        "{header} (one row per municipality), then remove {name}"
                    ).format(header=HEADER_LINE, name=path.name),
                    line=1,
                    column=1,
                )
            )
            continue
        match = _FILE_NAME.fullmatch(path.name)
        if match is None:
            if path.suffix == ".csv":
                errors.append(DataError(path, _(_NAMING)))
            continue
        months[match.group(1)] = path
    return months


def _reason(error: OSError) -> str:
    return _("permission denied") if isinstance(error, PermissionError) else str(error.strerror)


def load_monthly(data_dir: Path, plan: AreaFile, errors: list[DataError]) -> MonthlyData:
    """Read every `statistics/YYYY-MM.csv`; problems go to `errors`."""
    result = MonthlyData()
    folder = data_dir / STATISTICS_DIR
    if not folder.is_dir():
        if folder.exists():
            errors.append(
                DataError(
                    folder,
                    _(
                        "is a file; statistics is the folder of the monthly statistics files "
                        "(YYYY-MM.csv): move the file away"
                    ),
                )
            )
        return result
    for month, path in month_files(folder, errors).items():
        read = _read_csv(path, month, plan, errors)
        if read is None:
            continue
        key = file_key(month)
        source, table, positions = read
        rows, refs = MonthRows(table), MonthRefs(key, table)
        result.snapshots.append(Snapshot(month=month, source=source, rows=rows, row_refs=refs))
        result.files[key] = path
        result.positions[key] = positions
    return result


#: A month read: its source, its validated rows as columns, where values stand.
_Month = tuple[str, MonthTable, "Mapping[PathKey, Position]"]


def _read_csv(path: Path, month: str, plan: AreaFile, errors: list[DataError]) -> _Month | None:
    from tyollisyys_cli.files.yamlfile import read_text

    try:
        text = read_text(path, inside=path.parent.parent)  # (the data folder)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None
    return read_csv_text(path, text, month=month, plan=plan, errors=errors)


def read_csv_text(
    path: Path, text: str, *, month: str, plan: AreaFile, errors: list[DataError]
) -> _Month | None:
    """(source, table, positions) of a month's CSV text, validated by the models, or None
    with the problems (each at its cell) added to `errors`."""
    from pydantic import ValidationError

    from tyollisyys_cli.files.monthcsv import read
    from tyollisyys_cli.files.yamlfile import YamlDocument
    from tyollisyys_cli.models.monthly import MonthlyRow
    from tyollisyys_cli.models.validation import validation_errors

    if not text.strip():
        errors.append(DataError(path, _("the file is empty")))
        return None
    month_csv = read(path, text)
    document = YamlDocument(path, {"month": month, "rows": month_csv.rows}, month_csv.positions)
    problems = list(month_csv.problems)
    if problems and not month_csv.rows:
        errors.extend(problems)
        return None
    reference = _check_sources(document, month_csv.rows, month_csv.broken_rows, problems)
    # Keyed by row number: an error's place is the row's, the broken rows left out.
    values = {i: row for i, row in enumerate(month_csv.rows) if i not in month_csv.broken_rows}
    rows: list[MonthlyRow] = []
    try:
        rows = list(_rows_adapter().validate_python(values).values())
    except ValidationError as exc:
        problems.extend(validation_errors(exc, document, MonthlyRow, prefix=("rows",)))
    if not problems:
        problems = check_monthly(document, rows, plan, month=month)
    if problems:
        errors.extend(problems)
        return None
    return reference, table_of_rows(rows, month_csv.rate_texts), month_csv.positions


def _rows_adapter() -> TypeAdapter[dict[int, MonthlyRow]]:
    """One validation for a month's rows (built once: building it takes a while)."""
    if not _ADAPTER:
        from pydantic import TypeAdapter

        from tyollisyys_cli.models.monthly import MonthlyRow

        _ADAPTER.append(TypeAdapter(dict[int, MonthlyRow]))
    return _ADAPTER[0]


_ADAPTER: list[TypeAdapter[dict[int, MonthlyRow]]] = []


def _check_sources(
    document: YamlDocument,
    rows: list[dict[str, Any]],
    broken: set[int],
    problems: list[DataError],
) -> str:
    """Take the source off each row: text, the same in every row. The month's source."""
    from tyollisyys_cli.models.parsing import parse_text

    sources = [row.pop("source", "") for row in rows]
    reference = next((s for s in sources if s.strip()), "")
    refused: dict[str, str | None] = {}
    for i, source in enumerate(sources):
        if i in broken:
            continue
        if source not in refused:
            try:
                parse_text(source)
            except ValueError as exc:
                refused[source] = str(exc)
            else:
                refused[source] = None
        message = refused[source]
        if message is None and source != reference:
            message = _(
                "every row of a month names the same source; the first row names {source!r}"
            ).format(source=reference)
        if message is not None:
            problems.append(document.error(("rows", i, "source"), message))
    return reference


def check_monthly(
    document: YamlDocument, rows: list[MonthlyRow], plan: AreaFile, *, month: str
) -> list[DataError]:
    """A month's rows against the area: its month, municipalities, counts."""
    errors: list[DataError] = []
    has_own = any(m.statistics is not None for m in plan.municipalities)
    if has_own and month == plan.area.reference_month:
        errors.append(
            document.error(
                ("month",),
                _(
                    "{month} is the plan's own month, whose statistics are written in "
                    "municipalities.yaml; remove this file"
                ).format(month=month),
            )
        )
    names = {m.code: m.name for m in plan.municipalities}
    seen: set[str] = set()
    for i, row in enumerate(rows):
        where = ("rows", i)
        if row.municipality not in names:
            errors.append(
                document.error(
                    (*where, "municipality"),
                    _("unknown municipality code {code}; it is not in {file}").format(
                        code=row.municipality, file="municipalities.yaml"
                    ),
                )
            )
        if row.municipality in seen:
            errors.append(
                document.error(
                    (*where, "municipality"),
                    _("municipality {code} has two rows").format(code=row.municipality),
                )
            )
        seen.add(row.municipality)
        if row.unemployed > row.labour_force:
            errors.append(
                document.error(
                    (*where, "unemployed"),
                    more_than_labour_force(row.unemployed, row.labour_force),
                )
            )
        for group in GROUP_FIELDS:
            value = getattr(row, group)
            if isinstance(value, int) and value > row.unemployed:
                errors.append(
                    document.error(
                        (*where, group),
                        larger_than_total(value, row.unemployed),
                    )
                )
    absent = [f"{name} ({code})" for code, name in names.items() if code not in seen]
    if absent:
        message = _("no row for {municipalities}").format(municipalities=", ".join(absent))
        errors.append(document.error(("rows",), message))
    return errors


def larger_than_total(value: int, total: int) -> str:
    """A group of the unemployed larger than all the unemployed, in words."""
    return _("{value} is larger than the unemployed total {total}").format(
        value=numeral(str(value)), total=numeral(str(total))
    )


def more_than_labour_force(unemployed: int, labour_force: int) -> str:
    """More unemployed than the labour force, in words."""
    return _("{unemployed} unemployed is more than the labour force {labour_force}").format(
        unemployed=numeral(str(unemployed)), labour_force=numeral(str(labour_force))
    )

"""The machine-written monthly statistics files: `DATA_DIR/statistics/YYYY-MM.csv`.

Imported months live in files of their own, one per month, so that an import never
touches the hand-written `municipalities.yaml` and `commuting.yaml`. The files are
written by `tyollisyys import statfin` (and `init`) as CSV (`monthcsv`):
deterministically, so that the same month imported twice gives the same bytes, and
atomically (a temporary file in the same folder, then `os.replace`), so that a failed
write never leaves half a file.

A month is read one way: `monthcsv.read` takes the file apart into columns, each
column is validated with its field's type from the model of a monthly row
(`MonthlyRow`), the columns become the month's table (`MonthTable`), and
`check_monthly` holds the table against the area; every problem is placed at its
cell. Months written as YAML by earlier versions (`statistics/YYYY-MM.yaml`) are no
longer read: such a file is an error that says how to convert it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count
from operator import gt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.area.dataset import Snapshot
from tyollisyys_cli.area.monthtable import MonthRefs, MonthRows, MonthTable, table_of_columns
from tyollisyys_cli.area.paths import MONTH_FILE, MONTH_SAVED_OTHERWISE, STATISTICS_DIR
from tyollisyys_cli.errors import DataError, DataErrors, system_reason
from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.i18n import N_, _, ngettext, number, numeral
from tyollisyys_cli.models.parsing import month_hint, month_without_zero
from tyollisyys_cli.models.rowfields import GROUP_FIELDS, ROW_FIELDS, label

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pydantic import TypeAdapter

    from tyollisyys_cli.files.monthcsv import MonthCsv
    from tyollisyys_cli.files.yamlfile import YamlDocument
    from tyollisyys_cli.models.area import AreaFile

_FILE_NAME = MONTH_FILE
_NAMING = N_("a monthly statistics file is named YYYY-MM.csv, e.g. 2026-06.csv")

__all__ = ["ROW_FIELDS", "load_monthly", "month_path", "write_atomic", "write_together"]


def month_path(data_dir: Path, month: str) -> Path:
    """Where an import writes the statistics of `month`."""
    return data_dir / STATISTICS_DIR / f"{month}.csv"


def yaml_month_path(data_dir: Path, month: str) -> Path:
    """Where earlier versions kept the statistics of `month` (as YAML; no longer read)."""
    return data_dir / STATISTICS_DIR / f"{month}.yaml"


def file_key(month: str) -> str:
    """The key of a month's file in `Area.files` and `Area.positions`."""
    return f"{STATISTICS_DIR}/{month}"


def check_writable(path: Path) -> None:
    """Raise `TargetRefused` (the user's to mend: exit 2) where `write_atomic`
    could not write `path` (a read-only file, a file or a link to nothing where its folder
    goes); nothing is made. An import of several months checks every month so before it
    writes any."""
    from tyollisyys_cli.files.atomic import TargetRefused, check_target

    folder = path.parent
    if path.is_symlink():  # (written through, it replaced the file it leads to: another
        # month's, as a link made to fill a gap)
        raise TargetRefused(
            _(
                "cannot write {path}: it is a link (to {target}), and an import writes the "
                "month's own file; remove the link and import again"
            ).format(path=path, target=os.readlink(path))
        )
    if folder.is_dir():
        check_target(path, renamable=False)
    elif folder.is_symlink() and not folder.exists():
        from tyollisyys_cli.files.text import folder_link_problem

        reason = f"{folder} {folder_link_problem(folder)}"
        raise TargetRefused(_("cannot write {path}: {reason}").format(path=path, reason=reason))
    elif folder.exists():
        raise TargetRefused(
            _("cannot write {path}: {folder} is a file, not a folder; move it away").format(
                path=path, folder=folder
            )
        )


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` as `files.atomic.write_text` does (all or nothing; a new file
    follows the umask, a replaced one keeps its mode), making its folder first.

    Raises `OutputError` when the folder cannot be made or the file cannot be written
    (`statistics` is a file, the data folder is read-only, the disk is full).
    """
    write_together([(path, text)])


def write_together(files: Sequence[tuple[Path, str]], *, new: bool = False) -> None:
    """Write each `(path, text)` as `write_atomic` does, all of them or none
    (`files.atomic.atomic_write_together`; `new`: none may be there yet): months imported
    together were written one by one, and a Ctrl-C left the first ones written."""
    from tyollisyys_cli.files.atomic import OutputError, atomic_write_together

    for path, _text in files:  # (every one before any folder is made or file written)
        check_writable(path)
    for path, _text in files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                _("cannot make the folder {folder}: {reason}").format(
                    folder=path.parent, reason=system_reason(error)
                )
            ) from None
    with atomic_write_together([path for path, _text in files], new=new) as streams:
        for stream, (_path, text) in zip(streams, files, strict=True):
            stream.write(text.encode("utf-8"))


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
        if path.suffix.lower() in {".yaml", ".yml"}:
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
        otherwise = MONTH_SAVED_OTHERWISE.fullmatch(path.name)
        if match is None and otherwise and path.suffix.lower() != ".csv" and not path.is_dir():
            name = f"{otherwise.group(1)}.csv"
            suffix = path.suffix.lower()
            workbook = suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".numbers")
            if (folder / name).exists():
                if workbook or suffix == ".tsv":  # (the workbook it was saved from, an export)
                    continue
                # (Notepad's edited copy, `2026-06.csv.txt`: its edits unused without a
                # word; never told to be renamed onto the month held)
                hint = _(
                    "; only .csv files are read, and {name} is there: if this file holds "
                    "the month as it should be, put it in place of {name}, else move it out "
                    "of the folder"
                )
                errors.append(DataError(path, _(_NAMING) + hint.format(name=name)))
                continue
            hint = (
                _("; a workbook is not read: save it as CSV UTF-8 named {name}")
                if workbook
                else _(
                    "; only .csv files are read: save it as CSV (commas between cells) named {name}"
                )
                if suffix == ".tsv"
                else _("; only .csv files are read: rename it to {name}")
            )
            errors.append(DataError(path, _(_NAMING) + hint.format(name=name)))
            continue
        if match is None:
            if path.suffix.lower() == ".csv":  # (`2026-06.CSV` too: not left out silently)
                hint = month_hint(path.stem)
                fixed = month_without_zero(path.stem)
                if fixed or _FILE_NAME.fullmatch(path.name.lower()):  # (2026-6.csv, 2026-06.CSV)
                    name = f"{fixed}.csv" if fixed else path.name.lower()
                    hint = _("; rename it to {name}").format(name=name)
                    from tyollisyys_cli.files.text import same_file

                    if (folder / name).exists() and not same_file(folder / name, path):
                        # (never told to be renamed onto the month held; on Windows the
                        # two names are one file)
                        hint = _(
                            "; {name} is there too: if this file holds the month as it should "
                            "be, put it in place of {name}, else move it out of the folder"
                        ).format(name=name)
                if not hint:  # (`2026-06 - kopio.csv`, a copy kept beside the month)
                    hint = _(
                        "; every .csv file in {folder}/ is read as a month: rename it, or "
                        "move it out of the folder"
                    ).format(folder=folder.name)
                errors.append(DataError(path, _(_NAMING) + hint))
            continue
        if match.group(1) > this_month():
            errors.append(
                DataError(
                    path,
                    _(
                        "the month {month} has not come yet, so there are no statistics of "
                        "it: is the year or the month in the name mistyped?"
                    ).format(month=match.group(1)),
                )
            )
            continue
        months[match.group(1)] = path
    return months


def this_month() -> str:
    """The month of today's date, `YYYY-MM`: the statistics of a later one cannot exist."""
    import datetime

    return datetime.date.today().strftime("%Y-%m")


def _reason(error: OSError) -> str:
    return _("permission denied") if isinstance(error, PermissionError) else system_reason(error)


def load_monthly(data_dir: Path, plan: AreaFile, errors: list[DataError]) -> MonthlyData:
    """Read every `statistics/YYYY-MM.csv`; problems go to `errors`."""
    result = MonthlyData()
    folder = data_dir / STATISTICS_DIR
    if not folder.is_dir():
        if folder.is_symlink() and not folder.exists():  # (its months left out unsaid)
            from tyollisyys_cli.files.text import folder_link_problem

            errors.append(DataError(folder, folder_link_problem(folder)))
        elif folder.exists():
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
    if folder.is_symlink():  # (each file's error alike, one per month, for one link)
        try:
            outside = not folder.resolve().is_relative_to(data_dir.resolve())
        except (OSError, RuntimeError):
            outside = False  # (a loop of links: said at the files)
        if outside:
            message = _(
                "is a link to {target}, outside the data folder {folder}; data files must lie "
                "in the data folder (copy the folder in instead of linking to it)"
            ).format(target=folder.resolve(), folder=data_dir)
            errors.append(DataError(folder, message))
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
    from tyollisyys_cli.files.text import read_text

    try:
        text = read_text(path, inside=path.parent.parent)  # (the data folder)
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None
    found: list[DataError] = []
    read = read_csv_text(path, text, month=month, plan=plan, errors=found)
    # A row's problems name its municipality, as the YAML files' do (`rows[1].unemployed
    # (Kajaani)`); the file's cells hold only its code.
    names = {m.code: m.name for m in plan.municipalities}
    errors.extend(replace(e, where=names.get(e.where, e.where)) for e in found)
    return read


def read_csv_text(
    path: Path, text: str, *, month: str, plan: AreaFile, errors: list[DataError]
) -> _Month | None:
    """(source, table, positions) of a month's CSV text, validated by the models, or None
    with the problems (each at its cell) added to `errors`."""
    from tyollisyys_cli.files.monthcsv import CsvPositions, read

    if not text.strip():
        errors.append(DataError(path, _("the file is empty")))
        return None
    month_csv = read(path, text)
    problems = list(month_csv.problems)
    if problems and not month_csv.columns:
        errors.extend(problems)
        return None
    month_file = _MonthFile(path, month, month_csv, plan)
    reference = _check_sources(month_file, problems)
    columns = _validated(month_file, problems)
    if problems:
        errors.extend(problems)
        return None
    table = table_of_columns(columns, month_csv.rate_texts)
    problems = check_monthly(month_file, table, plan)
    if problems:
        errors.extend(problems)
        return None
    if isinstance(month_csv.positions, CsvPositions):
        month_csv.positions.release()
    return reference, table, month_csv.positions


class _MonthFile:
    """A month file taken apart, and its problems placed at their cells. A municipality
    written by name where its code belongs is told its code, as in the YAML files
    (`names`, `area_code`: what `models.validation` asks a document for)."""

    def __init__(self, path: Path, month: str, read: MonthCsv, plan: AreaFile) -> None:
        self.month = month
        self.read = read
        self.names = {m.code: m.name for m in plan.municipalities}
        self.area_code = plan.area.code
        self._path = path
        self._document: YamlDocument | None = None

    def error(self, path: PathKey, message: str, *, at_key: bool = False) -> DataError:
        """A problem of the value at `path` (`("rows", i, column)`; a cell: `at_key` changes
        nothing)."""
        if self._document is None:  # its rows are built for the first message only
            from tyollisyys_cli.files.yamlfile import YamlDocument

            data = {"month": self.month, "rows": self.read.rows()}
            self._document = YamlDocument(self._path, data, self.read.positions)
        return self._document.error(path, message, at_key=at_key)


def _validated(month_file: _MonthFile, problems: list[DataError]) -> dict[str, list[Any]]:
    """The month's columns validated by the fields of a monthly row (`MonthlyRow`), one
    column at a time; a column the file lacks is None in every row (an optional field).
    The rows that do not fit the header are left out, their problems already found."""
    from pydantic import ValidationError

    from tyollisyys_cli.models.monthly import MonthlyRow
    from tyollisyys_cli.models.validation import validation_errors

    read = month_file.read
    kept = [i for i in range(len(read)) if i not in read.broken_rows]
    columns: dict[str, list[Any]] = {}
    found: list[DataError] = []
    for name, adapter in _column_adapters().items():
        column = read.columns.get(name)
        if column is None:
            columns[name] = [None] * len(kept)
            continue
        if read.broken_rows:
            column = [column[i] for i in kept]
        try:
            columns[name] = adapter.validate_python(column)
        except ValidationError as exc:
            where = _in_row(kept, name)
            found += validation_errors(exc, month_file, MonthlyRow, prefix=("rows",), where=where)
    # Row by row, each row's from left to right (not column by column).
    problems.extend(sorted(found, key=lambda error: (error.line or 0, error.column or 0)))
    return columns


def _in_row(kept: list[int], name: str) -> Callable[[PathKey], PathKey]:
    """Where in the rows a column's error stands: (row, field) from (place in column,)."""

    def where(location: PathKey) -> PathKey:
        return (kept[int(location[0])], name, *location[1:])

    return where


def _column_adapters() -> dict[str, TypeAdapter[list[Any]]]:
    """A validator of a column for each field of a monthly row, with the field's type
    (built once: building them takes a while)."""
    if not _ADAPTERS:
        from typing import Annotated

        from pydantic import TypeAdapter

        from tyollisyys_cli.models.monthly import MonthlyRow

        for name, info in MonthlyRow.model_fields.items():
            kind = (
                Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            )
            _ADAPTERS[name] = TypeAdapter(list[kind])  # type: ignore[valid-type]  # built from the model's fields
    return _ADAPTERS


_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {}


def _check_sources(month_file: _MonthFile, problems: list[DataError]) -> str:
    """The source column: text, the same in every row. The month's source: the one most
    rows name (the first of those named as often), so that one odd row is the one named."""
    from collections import Counter

    from tyollisyys_cli.models.parsing import parse_text

    read = month_file.read
    sources = [source or "" for source in read.columns.pop("source", [""] * len(read))]
    refused: dict[str, str | None] = {}
    for source in dict.fromkeys(sources):
        try:
            parse_text(source)
        except ValueError as exc:
            refused[source] = str(exc)
        else:
            refused[source] = None
    kept = [i for i in range(len(sources)) if i not in read.broken_rows]
    named = Counter(sources[i] for i in kept if refused[sources[i]] is None)
    reference, count = named.most_common(1)[0] if named else ("", 0)
    if not reference:
        reference = next((source for source in sources if source.strip()), "")
    for i in kept:
        message = refused[sources[i]]
        if message is None and sources[i] != reference:
            message = ngettext(
                "every row of a month names the same source; {count} of its {rows} rows "
                "names {source!r}",
                "every row of a month names the same source; {count} of its {rows} rows "
                "name {source!r}",
                count,
            ).format(count=count, rows=len(kept), source=reference)
        if message is not None:
            problems.append(month_file.error(("rows", i, "source"), message))
    return reference


def check_monthly(month_file: _MonthFile, table: MonthTable, plan: AreaFile) -> list[DataError]:
    """A month's validated table against the area: its month, municipalities, counts."""
    errors: list[DataError] = []
    month = month_file.month
    has_own = any(m.statistics is not None for m in plan.municipalities)
    columns = table.columns
    if has_own and month == plan.area.reference_month:
        rows = {code: i for i, code in enumerate(table.codes)}
        unlike, most = unlike_the_plan(
            plan,
            lambda code, name: -1 if code not in rows else columns[name][rows[code]],
            _("here"),
        )
        if unlike and not most:  # (misprints of the plan's, kept as printed: no new month)
            message = _(
                "{month} is the plan's own month (area.reference_month in "
                "municipalities.yaml), whose statistics are written there as the plan prints "
                "them; this file's differ from them ({difference}), but the unemployed of most "
                "municipalities compared agree, as the same month's do: the plan's figures are "
                "kept as printed; remove this file, or if the plan's month is not {month}, "
                "write its month as reference_month"
            ).format(month=month, difference=unlike)
        elif unlike:
            message = _(
                "{month} is the plan's own month (area.reference_month in "
                "municipalities.yaml), whose statistics are written there, but this file's "
                "differ from them ({difference}). If the plan is now of {month}, those in "
                "municipalities.yaml are of another month: remove them (each municipality's "
                "statistics and statistics_totals) to read {month} from this file; otherwise "
                "remove this file, or write the plan's month as reference_month"
            ).format(month=month, difference=unlike)
        else:
            message = _(
                "{month} is the plan's own month (area.reference_month in "
                "municipalities.yaml), whose statistics are written there; remove this "
                "file, or if the plan's month is not {month}, write it as reference_month"
            ).format(month=month)
        errors.append(month_file.error(("month",), message))
    names = {m.code: m.name for m in plan.municipalities}
    unemployed, labour_force = columns["unemployed"], columns["labour_force"]
    # Row i's problems, in the order of its columns; most rows have none.
    found: dict[int, list[DataError]] = {}
    seen: set[str] = set()
    for i, code in enumerate(table.codes):
        if code not in names:
            from tyollisyys_cli.reference.classification import unknown_code  # (errors only)

            message = unknown_code(
                code,
                plan.area.code,
                N_("unknown municipality code {code}; it is not in {file}"),
                [(m.code, m.name) for m in plan.municipalities],
            )
            found.setdefault(i, []).append(month_file.error(("rows", i, "municipality"), message))
        if code in seen:
            message = _("municipality {code} has two rows").format(code=code)
            found.setdefault(i, []).append(month_file.error(("rows", i, "municipality"), message))
        seen.add(code)
    for i in _larger(unemployed, labour_force):
        message = more_than_labour_force(unemployed[i], labour_force[i])
        found.setdefault(i, []).append(month_file.error(("rows", i, "unemployed"), message))
    for group in GROUP_FIELDS:
        column = columns[group]
        # (an unknown cell is held as a negative number: never larger)
        for i in _larger(column, unemployed):
            message = larger_than_total(column[i], unemployed[i])
            found.setdefault(i, []).append(month_file.error(("rows", i, group), message))
    seekers = columns["job_seekers"]
    for i in _larger(unemployed, seekers):
        if seekers[i] >= 0:  # (not an unknown or empty cell)
            message = fewer_job_seekers(seekers[i], unemployed[i])
            found.setdefault(i, []).append(month_file.error(("rows", i, "job_seekers"), message))
    for i in sorted(found):
        errors.extend(found[i])
    absent = [f"{name} ({code})" for code, name in names.items() if code not in seen]
    if absent:
        message = ngettext(
            "no row for {municipalities}: a month imported before the area had it? Move this "
            "file out of statistics/ and import the month again",
            "no row for {municipalities}: a month imported before the area had them? Move "
            "this file out of statistics/ and import the month again",
            len(absent),
        ).format(municipalities=", ".join(absent))
        errors.append(month_file.error(("rows",), message))
    return errors


def unlike_the_plan(
    plan: AreaFile, figure: Callable[[str, str], Any], where: str
) -> tuple[str, bool]:
    """How a month's counts (`figure(code, field)`, -1 for none) differ from those that
    municipalities.yaml writes for the plan's month, in words (`where`: the month's, such
    as "here"): `Kajaani (205) unemployed: 1 384 in municipalities.yaml, 2 066 here; 19
    more counts differ` ("" where the labour force and unemployed written agree), and
    whether they may be of another month: not where most municipalities' unemployed
    agree, as the same month's do (the differences are then misprints, or revisions)."""
    compared = [
        (f"{m.name} ({m.code})", field, getattr(m.statistics, field), found)
        for m in plan.municipalities
        if m.statistics is not None
        for field in ("labour_force", "unemployed")
        if (found := figure(m.code, field)) >= 0
    ]
    unlike = [entry for entry in compared if entry[2] != entry[3]]
    if not unlike:
        return "", False
    # Of the same month where most municipalities' unemployed agree (they change every
    # month; the labour force of table 12r5 is a yearly figure, alike within a year).
    # With fewer than three to go by, no telling: the message gives both ways.
    unemployed = [entry for entry in compared if entry[1] == "unemployed"]
    agree = sum(entry[2] == entry[3] for entry in unemployed)
    same_month = len(unemployed) >= 3 and 2 * agree > len(unemployed)  # (half: no telling)
    municipality, field, written, found = unlike[0]
    first = _("{municipality} {field}: {written} in municipalities.yaml, {found} {where}").format(
        where=where,
        municipality=municipality,
        field=label(field),
        written=number(written, 0),
        found=number(found, 0),
    )
    more = len(unlike) - 1
    if more:
        first += ngettext(
            "; {count} more count differs", "; {count} more counts differ", more
        ).format(count=more)
    return first, not same_month


def _larger(values: Sequence[int], limits: Sequence[int]) -> list[int]:
    """The rows whose count is larger than its limit."""
    return list(compress(count(), map(gt, values, limits)))


def larger_than_total(value: int, total: int) -> str:
    """A group of the unemployed larger than all the unemployed, in words."""
    return _("{value} is larger than the unemployed total {total}").format(
        value=numeral(str(value)), total=numeral(str(total))
    )


def fewer_job_seekers(job_seekers: int, unemployed: int) -> str:
    """Fewer job seekers than unemployed job seekers, in words."""
    return _(
        "fewer job seekers ({job_seekers}) than unemployed ({unemployed}), who are job seekers too"
    ).format(job_seekers=numeral(str(job_seekers)), unemployed=numeral(str(unemployed)))


def more_than_labour_force(unemployed: int, labour_force: int) -> str:
    """More unemployed than the labour force, in words."""
    return _("{unemployed} unemployed is more than the labour force {labour_force}").format(
        unemployed=numeral(str(unemployed)), labour_force=numeral(str(labour_force))
    )

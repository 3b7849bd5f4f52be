"""Turning a 12r5 export into a monthly statistics file for an area.

`area_rows` picks the area's municipalities out of the export (a file of the whole
country or of a selection of municipalities) and converts their cells; `import_months`
compares each month with the one already held and writes it when it is new, or when it
differs and replacing was asked for. Nothing is written unless the new file passes
the same validation as the loader applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from tyollisyys_cli.area.months import (
    ROW_FIELDS,
    month_path,
    unlike_the_plan,
    write_together,
)
from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.monthcsv import render
from tyollisyys_cli.i18n import _, language, month, ngettext
from tyollisyys_cli.models.area import AreaFile, StatisticsRow
from tyollisyys_cli.models.rowfields import label
from tyollisyys_cli.reference.classification import municipalities as classified
from tyollisyys_cli.statfin.columns import (
    FIELD_COLUMNS,
    BadValue,
    WithheldCount,
    statistics_fields,
)
from tyollisyys_cli.statfin.pxweb import Export12r5
from tyollisyys_cli.statfin.source import source_text

#: `KU` rows of 12r5 that are not municipalities: no home municipality in Finland,
#: municipality unknown, abroad.
NOT_MUNICIPALITIES = frozenset({"198", "199", "200"})

Row = tuple[str, str, dict[str, Any]]


class ImportRefused(Exception):
    """The import would overwrite different figures or the plan's own month."""


@dataclass(frozen=True)
class Change:
    """One value that differs between the month held and the month imported."""

    municipality: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    month: str
    path: Path
    status: Literal["added", "unchanged", "replaced"]
    municipalities: int
    changes: list[Change]


def area_rows(export: Export12r5, area: list[tuple[str, str]]) -> list[Row]:
    """(code, name, fields) for each of the area's (code, name), in the area's order."""
    problems: list[str] = []
    known = {code for code, _name in area} | set(classified())
    for code in export.municipality_codes():
        if code.isdigit() and code not in known and code not in NOT_MUNICIPALITIES:
            problems.append(
                _(
                    "KU{code}: unknown municipality {code}; it is neither in the area nor in "
                    "the municipality classification"
                ).format(code=code)
            )
    rows: list[Row] = []
    withheld = False
    for code, name in area:
        cells = export.municipality(code)
        if cells is None:
            problems.append(
                _("the export has no row for {name} ({code}, KU{code}) in {month}").format(
                    name=name, code=code, month=month(export.month)
                )
            )
            continue
        try:
            rows.append((code, name, statistics_fields(cells)))
        except WithheldCount as exc:
            withheld = True
            problems.append(f"KU{code} ({name}): {exc}")
        except BadValue as exc:
            problems.append(f"KU{code} ({name}): {exc}")
    if problems:
        errors = [DataError(export.path, problem) for problem in problems]
        refused = DataErrors(errors, source=export.source)
        # (Åland: no edit of the file mends it; the service's answer says so of its own)
        if withheld and export.source == "export":
            refused.hint = _(
                "Statistics Finland withholds a count of too few persons to publish, and "
                "the tool needs these counts: this month of this area cannot be taken from "
                "table 12r5 (another month may hold them)."
            )
        raise refused
    return rows


def validate_rows(*, plan: AreaFile, export: Export12r5, text: str, path: Path) -> None:
    """Check a monthly file's text (`path`, made from `export`) as the loader will,
    before it is written. Its problems are the export's: each names the export, the
    municipality and the column, not a place in a file that is never written."""
    from tyollisyys_cli.area.months import read_csv_text

    errors: list[DataError] = []
    if read_csv_text(path, text, month=export.month, plan=plan, errors=errors) is not None:
        return
    names = {m.code: m.name for m in plan.municipalities}

    def in_export(error: DataError) -> DataError:
        """`KU205 2026-06 TYOTTOMATLOPUSSA (Kajaani): …`, as the export's parser names a
        value it refuses."""
        code, name = error.where, error.field.rpartition(".")[2]
        parts = (f"KU{code}" if code else "", export.month, FIELD_COLUMNS.get(name, name))
        field = " ".join(part for part in parts if part)
        return DataError(export.path, error.message, field=field, where=names.get(code, ""))

    raise DataErrors([in_export(error) for error in errors], source=export.source)


def changes(held: Mapping[str, StatisticsRow], rows: list[Row]) -> list[Change]:
    """Every value of `rows` that differs from the month held."""
    result: list[Change] = []
    for code, name, fields in rows:
        old = held.get(code)
        for field in ROW_FIELDS:
            before = None if old is None else getattr(old, field)
            if before != fields.get(field):
                result.append(Change(f"{name} ({code})", field, before, fields.get(field)))
    return result


def _count(export: Export12r5, code: str, field: str) -> int:
    """A municipality's count in the export (-1 where it has none, or withholds it)."""
    cells = export.municipality(code)
    value = None if cells is None else cells.get(FIELD_COLUMNS[field])
    return value if isinstance(value, int) else -1


@dataclass(frozen=True)
class PreparedMonth:
    """A month checked and ready to write: what `import_months` will do, nothing done yet."""

    month: str
    path: Path
    text: str
    status: Literal["added", "unchanged", "replaced"]
    municipalities: int
    changes: list[Change]


def prepare_month(
    *,
    data_dir: Path,
    plan: AreaFile,
    held: Mapping[str, StatisticsRow] | None,
    export: Export12r5,
    replace: bool,
) -> PreparedMonth:
    """Check the export's month for the area against the month held; write nothing.

    Raises `ImportRefused` for the plan's own month and for changed figures without
    `replace`, `DataErrors` when the rows are not what the loader accepts.
    """
    has_own = any(m.statistics is not None for m in plan.municipalities)
    if has_own and export.month == plan.area.reference_month:
        refused = _(
            "{month} is the plan's own month: its statistics are written by hand in "
            "municipalities.yaml and are not replaced by an import"
        ).format(month=export.month)
        unlike, most = unlike_the_plan(plan, partial(_count, export), _("in the export"))
        if unlike and not most:  # (misprints of the plan's, kept as printed)
            refused += _(
                ". The export's differ from them ({difference}), but the unemployed of most "
                "municipalities compared agree, as the same month's do: the plan's figures "
                "are kept as printed"
            ).format(difference=unlike)
        elif unlike:
            refused += _(
                ". The export's differ from them ({difference}): if the plan is now of "
                "{month}, those in municipalities.yaml are of another month: remove them "
                "(each municipality's statistics and statistics_totals) and import again; "
                "otherwise the plan's figures are kept as printed"
            ).format(month=export.month, difference=unlike)
        raise ImportRefused(refused)
    rows = area_rows(export, [(m.code, m.name) for m in plan.municipalities])
    path = month_path(data_dir, export.month)
    text = render(source=source_text(export.label), rows=rows)
    validate_rows(plan=plan, export=export, text=text, path=path)
    if held is None:
        return PreparedMonth(export.month, path, text, "added", len(rows), [])
    differences = changes(held, rows)
    if not differences:
        return PreparedMonth(export.month, path, text, "unchanged", len(rows), [])
    if not replace:
        listed = "\n".join(f"  {describe(change)}" for change in differences)
        count = len(differences)
        raise ImportRefused(
            ngettext(
                "{month} is already held in {path} with different figures; import with "
                "--replace to replace them. {count} value would change:",
                "{month} is already held in {path} with different figures; import with "
                "--replace to replace them. {count} values would change:",
                count,
            ).format(month=month(export.month), path=path, count=count)
            + "\n"
            + listed
        )
    return PreparedMonth(
        export.month, path, _as_written(path, text), "replaced", len(rows), differences
    )


def _as_written(path: Path, text: str) -> str:
    """`text` with the line endings and byte order mark of the month file it replaces
    (saved on Windows and kept so in version control: replaced whole, its diff showed
    every line, not the values that changed)."""
    try:
        with path.open("rb") as held:
            head = held.read(4096)
    except OSError:
        return text
    if b"\r\n" in head.partition(b"\n")[0] + b"\n":
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if head.startswith(b"\xef\xbb\xbf") else text


def _result(prepared: PreparedMonth) -> ImportResult:
    """What writing `prepared` did (nothing, for an unchanged month)."""
    month, path = prepared.month, prepared.path
    if prepared.status == "unchanged":
        return ImportResult(month, path, "unchanged", prepared.municipalities, [])
    return ImportResult(month, path, prepared.status, prepared.municipalities, prepared.changes)


@dataclass(frozen=True)
class Skipped:
    """A month of a multi-month import that is not imported, and why."""

    month: str
    reason: str


def import_months(
    *,
    data_dir: Path,
    plan: AreaFile,
    held: Mapping[str, Mapping[str, StatisticsRow]],
    exports: list[Export12r5],
    replace: bool,
) -> list[ImportResult | Skipped]:
    """Import several months: every one is checked before any is written.

    `held` maps each month held to its rows. Among several months the plan's own month
    is skipped (its figures are the plan's); given alone it is refused (by
    `prepare_month`). A refusal of any month leaves every file as it was.
    """
    prepared: list[PreparedMonth | Skipped] = []
    has_own = any(m.statistics is not None for m in plan.municipalities)
    for export in exports:
        if len(exports) > 1 and has_own and export.month == plan.area.reference_month:
            prepared.append(
                Skipped(
                    export.month,
                    _("the plan's own month, written by hand in municipalities.yaml"),
                )
            )
            continue
        prepared.append(
            prepare_month(
                data_dir=data_dir,
                plan=plan,
                held=held.get(export.month),
                export=export,
                replace=replace,
            )
        )
    written = [
        item for item in prepared if isinstance(item, PreparedMonth) and item.status != "unchanged"
    ]
    write_together([(item.path, item.text) for item in written])  # (all or none)
    return [item if isinstance(item, Skipped) else _result(item) for item in prepared]


def describe(change: Change) -> str:
    """`Kajaani (205) unemployed: 2066 → 2070`, by the month file's column; in Finnish the
    column in words first: `Kajaani (205) työttömät (unemployed): 2066 → 2070`, and a
    withheld cell so too: `salattu (withheld) → 57`."""

    def shown(value: Any) -> str:
        if value is None:
            return _("nothing")
        if value in ("withheld", "missing") and language() != "en":  # (as the file writes it)
            return f"{_(value)} ({value})"  # (`salattu (withheld)`, as the column is said)
        return str(value)

    field = change.field if language() == "en" else f"{label(change.field)} ({change.field})"
    return f"{change.municipality} {field}: {shown(change.old)} → {shown(change.new)}"

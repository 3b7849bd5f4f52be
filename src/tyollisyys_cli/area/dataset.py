"""The validated data of one employment area, as the core computes over it.

`Area` joins what the files say: the area file's municipalities and claims, the
commuting table, and the monthly statistics snapshots (the plan's own month first),
with every municipality placed in exactly one service unit. It also keeps where each
value was written (`locate`), so that findings can point at the printed figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _
from tyollisyys_cli.i18n import month as i18n_month

if TYPE_CHECKING:
    from tyollisyys_cli.files.positions import PathKey, Position
    from tyollisyys_cli.models.amounts import Target
    from tyollisyys_cli.models.area import AreaFile, Municipality, StaffLine, StatisticsRow
    from tyollisyys_cli.models.commuting import CommutingFile


class UnknownMonth(UnknownName):
    """A `--month` the data holds no statistics for."""


@dataclass(frozen=True)
class Location:
    """Where a value is written: file, 1-based line and column, and its field path."""

    file: Path
    line: int | None
    column: int | None
    field: str


class ValueRef(NamedTuple):
    """A reference to a value in one of the data files: which file and which path (a
    named tuple: a check over every month makes one per row)."""

    file_key: str
    path: PathKey


@dataclass(frozen=True)
class Unit:
    """The municipalities whose personal customer work one staff serves.

    A municipality that is not a member of a declared service unit is a unit of its own,
    with its own staffing and target.
    """

    id: str
    name: str
    provider: str
    members: tuple[str, ...]
    target: Target | None
    staffing: tuple[StaffLine, ...] | None
    declared: bool
    #: Why the staffing is known to be incomplete (its transfer unstated); None if it is not.
    incomplete: str | None = None
    #: The reason in Finnish, where the data give it (`staffing_incomplete.reason_fi`).
    incomplete_fi: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """One month of statistics for the area's municipalities."""

    month: str
    source: str
    #: Municipality code → row (an imported month builds each row when first looked up).
    rows: Mapping[str, StatisticsRow]
    row_refs: Mapping[str, ValueRef]
    printed_totals: StatisticsRow | None = None
    totals_ref: ValueRef | None = None


class Positions(Mapping[str, "Mapping[PathKey, Position]"]):
    """Where each value is written, by file key (`Area.files`).

    Held as read (`Positions(mapping)`) or read when first asked for (`Positions.later`):
    a run from the cache reads them only when a command places a value (`check`, an
    error message).
    """

    def __init__(self, mapping: Mapping[str, Mapping[PathKey, Position]] | None = None) -> None:
        self._mapping = mapping
        self._read: Callable[[], Mapping[str, Mapping[PathKey, Position]]] | None = None

    @classmethod
    def later(cls, read: Callable[[], Mapping[str, Mapping[PathKey, Position]]]) -> Positions:
        """Positions that `read()` gives the first time they are asked for."""
        positions = cls()
        positions._read = read
        return positions

    @property
    def loaded(self) -> bool:
        return self._mapping is not None

    def _data(self) -> Mapping[str, Mapping[PathKey, Position]]:
        if self._mapping is None:
            self._mapping = self._read() if self._read is not None else {}
            self._read = None
        return self._mapping

    def __getitem__(self, key: str) -> Mapping[PathKey, Position]:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __reduce__(self) -> tuple[object, ...]:
        return (Positions, (dict(self._data()),))


@dataclass(frozen=True)
class Area:
    """All validated data of one employment area."""

    plan: AreaFile
    commuting: CommutingFile | None
    snapshots: tuple[Snapshot, ...]
    units: tuple[Unit, ...]
    files: dict[str, Path]
    positions: Positions = field(repr=False)

    @property
    def name(self) -> str:
        return self.plan.area.name

    @property
    def municipalities(self) -> list[Municipality]:
        return self.plan.municipalities

    def municipality(self, code: str) -> Municipality:
        return self._index[0][code]

    def unit_of(self, code: str) -> Unit:
        """The service unit that serves a municipality."""
        return self._index[1][code]

    def unit(self, unit_id: str) -> Unit:
        return self._index[2][unit_id]

    @cached_property
    def _index(self) -> tuple[dict[str, Municipality], dict[str, Unit], dict[str, Unit]]:
        """Municipalities by code, units by member and by id (the first of each wins),
        so that a national area is not searched from the start for every lookup."""
        by_code: dict[str, Municipality] = {}
        for municipality in self.plan.municipalities:
            by_code.setdefault(municipality.code, municipality)
        by_member: dict[str, Unit] = {}
        by_id: dict[str, Unit] = {}
        for unit in self.units:
            by_id.setdefault(unit.id, unit)
            for code in unit.members:
                by_member.setdefault(code, unit)
        return by_code, by_member, by_id

    @property
    def months(self) -> list[str]:
        return [snapshot.month for snapshot in self.snapshots]

    def snapshot(self, month: str | None = None) -> Snapshot:
        """The statistics of `month`, or of the latest month held."""
        if not self.snapshots:
            import shlex

            folder = self.files["municipalities"].parent  # (as the run was given it)
            raise UnknownMonth(
                _(
                    "the data holds no statistics: the plan's month, {month}, has none in "
                    "municipalities.yaml nor in statistics/; import it with {command} (or "
                    "from a file saved from PxWeb)"
                ).format(
                    month=self.plan.area.reference_month,
                    command=f"tyollisyys --data-dir {shlex.quote(str(folder))} import statfin "
                    f"--month {self.plan.area.reference_month}",
                )
            )
        if month is None:
            return self.snapshots[-1]
        for snapshot in self.snapshots:
            if snapshot.month == month:
                return snapshot
        held = ", ".join(i18n_month(m) for m in self.months)  # (Finnish: 8/2023)
        raise UnknownMonth(
            _("no statistics for {month}; the data holds {held}").format(
                month=i18n_month(month), held=held
            )
        )

    def plan_snapshot(self) -> Snapshot | None:
        """The statistics of the plan's own month (where its totals and claims belong)."""
        for snapshot in self.snapshots:
            if snapshot.month == self.plan.area.reference_month:
                return snapshot
        return None

    def written(self, ref: ValueRef) -> str | None:
        """The value at `ref` exactly as written in its file (None when not known)."""
        position = self.positions.get(ref.file_key, {}).get(ref.path)
        return None if position is None else position.text

    def locate(self, ref: ValueRef, *, field_name: str | None = None) -> Location:
        """Where the referenced value is written (or its nearest written ancestor)."""
        from tyollisyys_cli.files.positions import field_name as path_name

        path = ref.path if field_name is None else (*ref.path, field_name)
        positions = self.positions.get(ref.file_key, {})
        for end in range(len(path), -1, -1):
            position = positions.get(tuple(path[:end]))
            if position is not None:
                return Location(
                    self.files[ref.file_key], position.line, position.column, path_name(path)
                )
        return Location(self.files[ref.file_key], None, None, path_name(path))

"""What a rule gets: the area, and helpers to place a finding at a printed value."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import count, repeat
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit, ValueRef
from tyollisyys_cli.area.monthtable import MonthRefs, MonthRows, RowValues
from tyollisyys_cli.check.finding import Finding, Severity
from tyollisyys_cli.check.precision import decimals_of
from tyollisyys_cli.i18n import _
from tyollisyys_cli.values import Span

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import Claim, StatisticsRow

#: `ValueRef(file_key, path)` of a (file_key, path) pair, without a Python frame.
_new_ref = partial(tuple.__new__, ValueRef)


@dataclass(frozen=True)
class Context:
    """The validated area a rule checks."""

    area: Area

    def plan_snapshot(self) -> Snapshot | None:
        """The statistics of the plan's own month (where its totals belong)."""
        return self.area.plan_snapshot()

    def claim_snapshot(self, claim: Claim) -> Snapshot | None:
        """The statistics a claim of the text is about: of the month it gives, else of the
        plan's own month; None where the data hold no statistics of that month."""
        wanted = claim.month or self.area.plan.area.reference_month
        return next((s for s in self.area.snapshots if s.month == wanted), None)

    def rows(self, snapshot: Snapshot) -> Iterator[tuple[str, StatisticsRow | RowValues, ValueRef]]:
        """A month's rows by municipality code, each with its place."""
        return self._rows(snapshot, labelled=False)

    def statistics_rows(self) -> Iterator[tuple[str, StatisticsRow | RowValues, ValueRef]]:
        """Every statistics row of every month with its label and place, the printed
        totals rows included (labelled "totals row")."""
        for snapshot in self.area.snapshots:
            yield from self._rows(snapshot, labelled=True)
            if snapshot.printed_totals is not None and snapshot.totals_ref is not None:
                yield _("totals row"), snapshot.printed_totals, snapshot.totals_ref

    def _rows(
        self, snapshot: Snapshot, *, labelled: bool
    ) -> Iterator[tuple[str, StatisticsRow | RowValues, ValueRef]]:
        """A month's rows, each with its code (or its label) and its place. A month of its
        own file is walked as its table's `RowValues` (no row objects built for a walk
        over every month), the tuples made without a Python frame per row."""
        rows, refs = snapshot.rows, snapshot.row_refs
        if isinstance(rows, MonthRows) and isinstance(refs, MonthRefs):
            codes: Iterator[str] = iter(rows.table.codes)
            if labelled:
                codes = map(self._labels.get, rows.table.codes, rows.table.codes)
            places = map(_new_ref, zip(repeat(refs.file_key), zip(repeat("rows"), count())))
            return zip(codes, rows.table.rows(), places, strict=False)  # places: endless
        name = self.name if labelled else str
        return ((name(code), stats, refs[code]) for code, stats in rows.items())

    def rate_texts(self, snapshot: Snapshot) -> Sequence[str | None]:
        """The unemployment rate of each of `rows(snapshot)`, as written (None where the
        place of a rate is not known)."""
        if isinstance(snapshot.rows, MonthRows) and isinstance(snapshot.row_refs, MonthRefs):
            return [text or None for text in snapshot.rows.table.rate_texts]
        return [
            self.written(self.cell_ref(ref, "unemployment_rate"))
            for _code, _row, ref in self.rows(snapshot)
        ]

    def totals(self) -> Iterator[tuple[Snapshot, StatisticsRow, ValueRef]]:
        """Every month that has a printed totals row: the month, the row and its place."""
        for snapshot in self.area.snapshots:
            if snapshot.printed_totals is not None and snapshot.totals_ref is not None:
                yield snapshot, snapshot.printed_totals, snapshot.totals_ref

    def written(self, ref: ValueRef) -> str | None:
        """The value at `ref` exactly as written in the file (None when not known)."""
        position = self.area.positions.get(ref.file_key, {}).get(ref.path)
        return None if position is None else position.text

    def decimals(self, ref: ValueRef, value: float) -> int:
        """Decimals the value at `ref` was printed with."""
        return decimals_of(self.written(ref), value)

    def cell_ref(self, row_ref: ValueRef, field: str) -> ValueRef:
        """The reference of one field below a row."""
        return ValueRef(row_ref.file_key, (*row_ref.path, field))

    def unit_for_place(self, place: str) -> Unit | None:
        """The service unit a claim's place names: a unit id, or a municipality's unit."""
        for unit in self.area.units:
            if unit.id == place:
                return unit
        try:
            return self.area.unit_of(place)
        except KeyError:
            return None

    def name(self, code: str) -> str:
        """A municipality's (or service unit's) name (the code itself when unknown)."""
        name = self._names.get(code)
        if name is None:
            unit = self._declared_units.get(code)
            if unit is not None:
                name = unit.name
            else:
                try:
                    name = self.area.municipality(code).name
                except KeyError:
                    name = code
            self._names[code] = name
        return name

    @cached_property
    def _names(self) -> dict[str, str]:
        return {}

    @cached_property
    def _labels(self) -> dict[str, str]:
        """Code → `name(code)` of every municipality and declared unit (any other code
        is its own label)."""
        codes = [m.code for m in self.area.plan.municipalities]
        codes += [unit.id for unit in self.area.units if unit.declared]
        return {code: self.name(code) for code in codes}

    @cached_property
    def _declared_units(self) -> dict[str, Unit]:
        units: dict[str, Unit] = {}
        for unit in self.area.units:
            if unit.declared:
                units.setdefault(unit.id, unit)
        return units

    def finding(
        self,
        code: str,
        severity: Severity,
        ref: ValueRef,
        message: str,
        *,
        printed: float | None = None,
        computed: float | Span | None = None,
        advice: str = "",
    ) -> Finding:
        """A finding placed at `ref`; `difference` follows from printed and computed."""
        where = self.area.locate(ref)
        low = high = value = None
        if isinstance(computed, Span):
            if computed.is_exact:
                value = computed.low
            else:
                low, high = computed.low, computed.high
        else:
            value = computed
        return Finding(
            code=code,
            severity=severity,
            file=where.file,
            line=where.line,
            column=where.column,
            field=where.field,
            message=message,
            printed=printed,
            computed=value,
            computed_low=low,
            computed_high=high,
            difference=_difference(printed, value, low, high),
            advice=advice,
        )

    def imported(self, ref: ValueRef) -> Snapshot | None:
        """The imported month (a `statistics/YYYY-MM.csv` file) that `ref` points into;
        None for a figure of the plan's own files."""
        from tyollisyys_cli.area.months import file_key

        for snapshot in self.area.snapshots:
            if file_key(snapshot.month) == ref.file_key:
                return snapshot
        return None


def _difference(
    printed: float | None, value: float | None, low: float | None, high: float | None
) -> float | None:
    if printed is None:
        return None
    if value is not None:
        return printed - value
    if low is None and high is None:
        return None
    if low is not None and printed < low:
        return printed - low
    if high is not None and printed > high:
        return printed - high
    return 0.0

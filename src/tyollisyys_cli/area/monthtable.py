"""A month of statistics held as columns, its rows built only when asked for.

A national area holds 308 municipalities in each of 120 months: 37,000 rows. Most
commands look at a few rows of one month, and the cache stores a month's columns far
faster than 308 row objects. So an imported month, once validated, is kept as one list
per field (`MonthTable`); `MonthRows` hands out its rows (`MonthlyRow`, a
`StatisticsRow` with its municipality): those validated on reading, or, for a month
from the cache, each built the first time it is looked up; `MonthRefs` the reference of
a row in its file.

In the count columns a withheld cell is `WITHHELD` (-1) and a missing one `MISSING` (-2):
a count is never negative, so the columns stay plain integers. Rows turn them back into
`"withheld"` and `"missing"`.
"""

from __future__ import annotations

import marshal
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.models.rowfields import CELL_FIELDS, OPTIONAL_CELL_FIELDS, ROW_FIELDS

if TYPE_CHECKING:
    from tyollisyys_cli.models.monthly import MonthlyRow

WITHHELD = -1
MISSING = -2
_UNKNOWN = {WITHHELD: "withheld", MISSING: "missing"}
_CODES = {"withheld": WITHHELD, "missing": MISSING}
_CELLS = frozenset((*CELL_FIELDS, *OPTIONAL_CELL_FIELDS))
_ALL_SET = frozenset(("municipality", *ROW_FIELDS))


@dataclass(frozen=True, eq=False)
class MonthTable:
    """One month's validated statistics rows as columns, in file order.

    `columns[field][i]` is row i's value: an int (WITHHELD or MISSING for unknown cells),
    a float for the published rate, None where the file leaves a cell empty.
    """

    codes: tuple[str, ...]
    columns: Mapping[str, Sequence[Any]]
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.codes)

    def index(self, code: str) -> int:
        """Row number of a municipality (KeyError when the month has no row for it)."""
        if not self._index:
            self._index.update(zip(self.codes, range(len(self.codes)), strict=True))
        return self._index[code]

    def values(self, i: int) -> dict[str, Any]:
        """Row i's fields as the validated row holds them."""
        values: dict[str, Any] = {}
        for name in ROW_FIELDS:
            value = self.columns[name][i]
            if name in _CELLS and value is not None and value < 0:
                value = _UNKNOWN[value]
            elif name == "unemployment_rate" and value is not None:
                value = float(value)
            values[name] = value
        return values

    def all_values(self) -> Iterator[dict[str, Any]]:
        """Every row's fields (as `values` gives them), in order."""
        columns: list[Iterable[Any]] = []
        for name in ROW_FIELDS:
            column = self.columns[name]
            if name in _CELLS:
                columns.append([_UNKNOWN.get(value, value) for value in column])
            elif name == "unemployment_rate":
                columns.append([None if value is None else float(value) for value in column])
            else:
                columns.append(column)
        for row in zip(*columns, strict=True):
            yield dict(zip(ROW_FIELDS, row, strict=True))

    def __reduce__(self) -> tuple[Any, ...]:
        # marshal writes and reads columns of ints several times faster than pickle
        # (the cache that stores tables is keyed by the Python version, as marshal is).
        columns = {name: tuple(values) for name, values in self.columns.items()}
        return (_unmarshal, (marshal.dumps((self.codes, columns)),))


def _unmarshal(data: bytes) -> MonthTable:
    codes, columns = marshal.loads(data)
    return MonthTable(codes, columns)


def table_of_rows(rows: Sequence[MonthlyRow]) -> MonthTable:
    """The table of a month's validated rows."""
    columns: dict[str, list[Any]] = {}
    for name in ROW_FIELDS:
        column = [getattr(row, name) for row in rows]
        if name in _CELLS:
            column = [_CODES.get(value, value) if type(value) is str else value for value in column]
        columns[name] = column
    return MonthTable(tuple(row.municipality for row in rows), columns)


class MonthRows(Mapping[str, "MonthlyRow"]):
    """Municipality code → statistics row of one month: the rows the models validated as
    the month was read, or (a month from the cache) each built when first looked up,
    all of them at once when walked (`items`, `values`)."""

    def __init__(self, table: MonthTable, rows: Sequence[MonthlyRow] = ()) -> None:
        self.table = table
        self._built: dict[str, MonthlyRow] = dict(zip(table.codes, rows, strict=False))

    def __getitem__(self, code: str) -> MonthlyRow:
        row = self._built.get(code)
        if row is None:
            self._built[code] = row = _row(code, self.table.values(self.table.index(code)))
        return row

    def _all(self) -> dict[str, MonthlyRow]:
        if len(self._built) < len(self.table.codes):
            rows = map(_row, self.table.codes, self.table.all_values())
            self._built = dict(zip(self.table.codes, rows, strict=True))
        return self._built

    def items(self) -> ItemsView[str, MonthlyRow]:
        return self._all().items()

    def values(self) -> ValuesView[MonthlyRow]:
        return self._all().values()

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.codes)

    def __len__(self) -> int:
        return len(self.table.codes)

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            self.table.index(code)
        except KeyError:
            return False
        return True

    def __reduce__(self) -> tuple[Any, ...]:
        return (MonthRows, (self.table,))


def _row(code: str, values: dict[str, Any]) -> MonthlyRow:
    from tyollisyys_cli.models.monthly import MonthlyRow

    # Built from values the models validated: every field was written, so all are set.
    return MonthlyRow.model_construct(set(_ALL_SET), municipality=code, **values)


class MonthRefs(Mapping[str, ValueRef]):
    """Municipality code → where its row is written (`rows[i]` of the month's file)."""

    def __init__(self, file_key: str, table: MonthTable) -> None:
        self.file_key = file_key
        self.table = table

    def __getitem__(self, code: str) -> ValueRef:
        return ValueRef(self.file_key, ("rows", self.table.index(code)))

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.codes)

    def __len__(self) -> int:
        return len(self.table.codes)

    def __reduce__(self) -> tuple[Any, ...]:
        # The codes are enough to place a row; the columns stay with the rows.
        return (MonthRefs, (self.file_key, MonthTable(self.table.codes, {})))

"""A month of statistics held as columns, its rows built only when asked for.

A national area holds 308 municipalities in each of 120 months: 37,000 rows. Most
commands look at a few rows of one month, and the cache stores a month's columns far
faster than 308 row objects. So an imported month, once validated, is kept as one
array of numbers per field (`MonthTable`), with each published rate's text as written
(its decimals are the printed precision). `MonthRows` hands out its rows (`MonthlyRow`,
a `StatisticsRow` with its municipality), each built the first time it is looked up;
rules that walk every row of every month read `RowValues` instead (`MonthTable.rows`:
the same fields by the same names, as tuples made from the columns on the walk, never
held); `MonthRefs` the reference of a row in its file. A month read from its file and
one from the cache hold the same columns, so every route hands out the same objects.

In the count columns a withheld cell is `WITHHELD` (-1), a missing one `MISSING` (-2)
and an empty one `EMPTY` (-3): a count is never negative, so the columns stay arrays of
integers. A rate not published is -1.0 (a rate is never negative). Rows turn them back
into `"withheld"`, `"missing"` and None.
"""

from __future__ import annotations

import marshal
import sys
from array import array
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.models.rowfields import CELL_FIELDS, OPTIONAL_CELL_FIELDS, ROW_FIELDS

if TYPE_CHECKING:
    from tyollisyys_cli.models.monthly import MonthlyRow

WITHHELD = -1
MISSING = -2
EMPTY = -3
_NO_RATE = -1.0
_UNKNOWN: dict[int, Any] = {WITHHELD: "withheld", MISSING: "missing", EMPTY: None}
_NO_RATES: dict[float, None] = {_NO_RATE: None}
_RATE_CODES: dict[Any, float] = {None: _NO_RATE}
_CODES: dict[Any, int] = {"withheld": WITHHELD, "missing": MISSING, None: EMPTY}
_CELLS = frozenset((*CELL_FIELDS, *OPTIONAL_CELL_FIELDS))
_ALL_SET = frozenset(("municipality", *ROW_FIELDS))

CellValue = int | Literal["withheld", "missing"]


class RowValues(NamedTuple):
    """One row of a month's table: the fields of its `MonthlyRow`, by the same names."""

    municipality: str
    labour_force: int
    unemployment_rate: float | None
    unemployed: int
    men: CellValue
    women: CellValue
    under_20: CellValue
    under_25: CellValue
    over_50: CellValue
    long_term: CellValue
    disabled_or_ill: CellValue
    foreign: CellValue
    open_vacancies: CellValue
    job_seekers: CellValue | None
    in_services: CellValue | None


#: `RowValues._make` without its Python frame (a walk makes 37,000 of them): the tuple
#: of the row's fields made a `RowValues`, as `_make` makes it.
_new_row = partial(tuple.__new__, RowValues)


@dataclass(frozen=True, eq=False)
class MonthTable:
    """One month's validated statistics rows as columns, in file order.

    `columns[field][i]` is row i's value: an int (WITHHELD, MISSING or EMPTY for unknown
    and empty cells), a float for the published rate (-1.0 where none is). `rate_texts[i]`
    is row i's rate as written ("" where none is).
    """

    codes: tuple[str, ...]
    columns: Mapping[str, Sequence[Any]]
    rate_texts: Sequence[str] = ()
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    #: Each field's translation of the codes of unknown cells (None: it holds none),
    #: found on the first walk.
    _decoders: list[dict[Any, Any] | None] = field(default_factory=list, repr=False, compare=False)

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
            if name in _CELLS and value < 0:
                value = _UNKNOWN[value]
            elif name == "unemployment_rate" and value == _NO_RATE:
                value = None
            values[name] = value
        return values

    def rows(self) -> Iterator[RowValues]:
        """Every row's fields (as `values` gives them), in order, made on the walk."""
        if not self._decoders:
            self._decoders.extend(
                (_UNKNOWN if name in _CELLS else _NO_RATES)
                if (name in _CELLS or name == "unemployment_rate")
                and min(self.columns[name], default=0) < 0
                else None
                for name in ROW_FIELDS
            )
        columns: list[Iterable[Any]] = [self.codes]
        for name, decoder in zip(ROW_FIELDS, self._decoders, strict=True):
            column = self.columns[name]
            columns.append(column if decoder is None else map(decoder.get, column, column))
        return map(_new_row, zip(*columns, strict=True))

    def __reduce__(self) -> tuple[Any, ...]:
        # marshal writes and reads the arrays' bytes (and the texts) several times faster
        # than pickle (the cache that stores tables is keyed by the Python version, as
        # marshal is).
        columns = {name: _packed(values) for name, values in self.columns.items()}
        return (_unmarshal, (marshal.dumps((self.codes, columns, tuple(self.rate_texts))),))


def _packed(values: Sequence[Any]) -> tuple[str, bytes] | tuple[Any, ...]:
    if isinstance(values, array):
        return (values.typecode, values.tobytes())
    return tuple(values)


def _unpacked(packed: Any) -> Sequence[Any]:
    if len(packed) == 2 and isinstance(packed[1], bytes):
        values = array(packed[0])
        values.frombytes(packed[1])
        return values
    return tuple(packed)


def _unmarshal(data: bytes) -> MonthTable:
    codes, columns, rate_texts = marshal.loads(data)
    return MonthTable(codes, {name: _unpacked(v) for name, v in columns.items()}, rate_texts)


def _numbers(typecode: str, values: Sequence[Any]) -> Sequence[Any]:
    """`values` as an array (of 32-bit ints, or floats): validation bounds every count
    far below 2**31 (`models.parsing.MAX_FIGURE`)."""
    return array(typecode, values)


def table_of_columns(columns: Mapping[str, Sequence[Any]], rate_texts: Sequence[str]) -> MonthTable:
    """The table of a month's validated columns (`municipality` and the fields of a
    statistics row, each in row order); `rate_texts` the rates as written."""
    table: dict[str, Sequence[Any]] = {}
    for name in ROW_FIELDS:
        column = columns[name]
        if name in _CELLS:
            table[name] = _numbers("i", list(map(_CODES.get, column, column)))
        elif name == "unemployment_rate":
            table[name] = _numbers("d", list(map(_RATE_CODES.get, column, column)))
        else:
            table[name] = _numbers("i", column)
    # Interned, so that the months share one object per code and per distinct rate text
    # (marshal keeps them interned: a warm run loads them shared too).
    codes = tuple(map(sys.intern, columns["municipality"]))
    return MonthTable(codes, table, tuple(map(sys.intern, rate_texts)))


class MonthRows(Mapping[str, "MonthlyRow"]):
    """Municipality code → statistics row of one month, built from the month's table
    when first looked up, all of them at once when walked (`items`, `values`).

    The rows of one walked month are held at a time (a command that walks every month,
    such as `trend`, would otherwise hold 37,000 row objects): walking another month
    lets them go, and walking the same month again builds them again.
    """

    #: The one month whose walked rows are held.
    _held: ClassVar[list[MonthRows]] = []

    def __init__(self, table: MonthTable) -> None:
        self.table = table
        self._built: dict[str, MonthlyRow] = {}
        self._walked: dict[str, MonthlyRow] | None = None

    def __getitem__(self, code: str) -> MonthlyRow:
        if self._walked is not None:
            return self._walked[code]
        row = self._built.get(code)
        if row is None:
            self._built[code] = row = _row(code, self.table.values(self.table.index(code)))
        return row

    def _all(self) -> dict[str, MonthlyRow]:
        if self._walked is None:
            for other in MonthRows._held:
                other._walked = None
            rows = (_row(row.municipality, row._asdict()) for row in self.table.rows())
            self._walked = dict(zip(self.table.codes, rows, strict=True))
            MonthRows._held[:] = [self]
        return self._walked

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
    values["municipality"] = code
    return MonthlyRow.model_construct(set(_ALL_SET), **values)


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
        # The table is the one its month's rows hold: pickled with them, it is written once.
        return (MonthRefs, (self.file_key, self.table))

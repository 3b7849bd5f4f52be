"""A month of statistics held as columns, its rows built only when asked for.

A national area holds 308 municipalities in each of 120 months: 37,000 rows. Building a
row object for each costs more than the rest of a `check`, and most commands look at a
few rows of one month. So an imported month is kept as one list per field
(`MonthTable`); `MonthRows` hands out a row (a `StatisticsRow`, built without validating
again) the first time it is looked up, and `MonthRefs` the reference of a row
in its file. Rules that walk every row read the columns instead (`check.context`).

`LinePositions` finds where a cell of a month file stands only when a finding or an error
needs it (a month read by the fast path has a row per line).

In the count columns a withheld cell is `WITHHELD` (-1) and a missing one `MISSING` (-2):
a count is never negative, so plain integer comparisons (a group larger than the
unemployed) skip the unknown cells as the row-by-row checks do. Rows turn them back
into `"withheld"` and `"missing"`. Only a row built imports pydantic.
"""

from __future__ import annotations

import marshal
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.models.rowfields import (
    CELL_FIELDS,
    GROUP_FIELDS,
    OPTIONAL_CELL_FIELDS,
    ROW_FIELDS,
)

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import ValueRef
    from tyollisyys_cli.models.area import StatisticsRow

WITHHELD = -1
MISSING = -2
_UNKNOWN = {WITHHELD: "withheld", MISSING: "missing"}
_CELLS = frozenset((*CELL_FIELDS, *OPTIONAL_CELL_FIELDS))


@dataclass(frozen=True, eq=False)
class MonthTable:
    """One month's statistics rows as columns, in file order.

    `columns[field][i]` is row i's value: an int (WITHHELD or MISSING for unknown cells),
    a float or int for the published rate, None where the file leaves a cell empty.
    `rate_decimals[i]` is how many decimals row i's rate was written with (None: look it
    up in `rate_texts`; both None: one decimal when the value is a float, none when an int).
    """

    codes: tuple[str, ...]
    columns: Mapping[str, Sequence[Any]]
    rate_texts: tuple[str, ...] | None = None
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _over: list[list[int]] = field(default_factory=list, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.codes)

    def index(self, code: str) -> int:
        """Row number of a municipality (KeyError when the month has no row for it)."""
        if not self._index:
            self._index.update(zip(self.codes, range(len(self.codes)), strict=True))
        return self._index[code]

    def groups_over_unemployed(self) -> list[int]:
        """The rows (by number, in order) where a group of the unemployed is larger than
        the unemployed (unknown cells are negative, never larger). Found once: loading
        refuses such a month, and GRP002 looks for them again."""
        if not self._over:
            unemployed = self.columns["unemployed"]
            rows = range(len(unemployed))
            found: set[int] = set()
            for group in GROUP_FIELDS:
                found.update(compress(rows, map(operator.gt, self.columns[group], unemployed)))
            self._over.append(sorted(found))
        return self._over[0]

    def decimals(self, i: int) -> int:
        """Decimals row i's published rate was written with."""
        if self.rate_texts is not None:
            from tyollisyys_cli.check.precision import decimals_of

            return decimals_of(self.rate_texts[i], float(self.columns["unemployment_rate"][i]))
        return 1 if isinstance(self.columns["unemployment_rate"][i], float) else 0

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

    def __reduce__(self) -> tuple[Any, ...]:
        # marshal writes and reads columns of ints several times faster than pickle
        # (the cache that stores tables is keyed by the Python version, as marshal is).
        columns = {name: tuple(values) for name, values in self.columns.items()}
        return (_unmarshal, (marshal.dumps((self.codes, columns, self.rate_texts)),))


def _unmarshal(data: bytes) -> MonthTable:
    codes, columns, rate_texts = marshal.loads(data)
    return MonthTable(codes, columns, rate_texts)


def table_of_rows(rows: Mapping[str, Any], rate_texts: list[str | None]) -> MonthTable:
    """A table of row objects (the plan's month, a month read from YAML)."""
    columns: dict[str, list[Any]] = {name: [] for name in ROW_FIELDS}
    for row in rows.values():
        for name in ROW_FIELDS:
            value = getattr(row, name)
            if value == "withheld":
                value = WITHHELD
            elif value == "missing":
                value = MISSING
            columns[name].append(value)
    texts = tuple(
        text if text is not None else ("" if value is None else repr(value))
        for text, value in zip(rate_texts, columns["unemployment_rate"], strict=True)
    )
    return MonthTable(tuple(rows), columns, texts)


class MonthRows(Mapping[str, "StatisticsRow"]):
    """Municipality code → statistics row of one month, each built when first looked up."""

    def __init__(self, table: MonthTable) -> None:
        self.table = table
        self._built: dict[str, StatisticsRow] = {}

    def __getitem__(self, code: str) -> StatisticsRow:
        row = self._built.get(code)
        if row is None:
            from tyollisyys_cli.models.area import StatisticsRow

            values = self.table.values(self.table.index(code))
            self._built[code] = row = StatisticsRow.model_construct(**values)
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.codes)

    def __len__(self) -> int:
        return len(self.table.codes)

    def __contains__(self, code: object) -> bool:
        try:
            self.table.index(code)  # type: ignore[arg-type]
        except (KeyError, TypeError):
            return False
        return True

    def __reduce__(self) -> tuple[Any, ...]:
        return (MonthRows, (self.table,))


class MonthRefs(Mapping[str, "ValueRef"]):
    """Municipality code → where its row is written (`rows[i]` of the month's file)."""

    def __init__(self, file_key: str, table: MonthTable) -> None:
        self.file_key = file_key
        self.table = table

    def __getitem__(self, code: str) -> ValueRef:
        from tyollisyys_cli.area.dataset import ValueRef

        return ValueRef(self.file_key, ("rows", self.table.index(code)))

    def __iter__(self) -> Iterator[str]:
        return iter(self.table.codes)

    def __len__(self) -> int:
        return len(self.table.codes)

    def __reduce__(self) -> tuple[Any, ...]:
        # The codes are enough to place a row; the columns stay with the rows.
        return (MonthRefs, (self.file_key, MonthTable(self.table.codes, {})))


class LinePositions(Mapping[PathKey, Position]):
    """Where the cells of a month file read by the fast path stand, found when asked.

    That path takes a row per line (no quoted line breaks, no blank lines), so row i is
    line i + 2; only the lines asked for are split into cells. Pickled as the file's
    path: a warm run (the cache is keyed by the file's bytes) reads it again if asked.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self._text = text
        self._lines: list[str] | None = None
        self._header: dict[str, int] = {}

    def _line(self, number: int) -> str | None:
        if self._lines is None:
            text = self._text if self._text is not None else self.path.read_text("utf-8-sig")
            if "\r" in text:
                text = text.replace("\r\n", "\n")
            self._lines = text.split("\n")
            self._header = {name: i for i, name in enumerate(self._lines[0].split(","))}
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None

    def __getitem__(self, path: PathKey) -> Position:
        if len(path) < 2 or path[0] != "rows" or not isinstance(path[1], int) or path[1] < 0:
            raise KeyError(path)
        number = path[1] + 2
        text = self._line(number)
        if not text:
            raise KeyError(path)
        if len(path) == 2:
            return Position(number, 1)
        cell = self._header.get(str(path[2])) if len(path) == 3 else None
        if cell is None:
            raise KeyError(path)
        from tyollisyys_cli.files.monthcsv import records

        cells = next(records(text))
        return Position(number, cells[cell].column, cells[cell].text)

    def __iter__(self) -> Iterator[PathKey]:
        self._line(1)
        assert self._lines is not None
        rows = len([line for line in self._lines[1:] if line])
        for i in range(rows):
            yield ("rows", i)
            for name in self._header:
                yield ("rows", i, name)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LinePositions, (self.path,))

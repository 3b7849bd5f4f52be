"""Monthly statistics as CSV: `statistics/YYYY-MM.csv`, written by `import statfin`.

One header row naming the columns (`municipality`, the fields of a statistics row,
`source`), then one row per municipality:

    municipality,labour_force,unemployment_rate,unemployed,men,...,in_services,source
    205,16917,12.2,2066,1160,906,...,512,"Statistics Finland, table 12r5 (statfin.json)"

A withheld cell is `withheld`, a cell lost in print `missing`, an empty cell is null
(a rate not published; no job seekers given). The month is the file's name; the source
is written in every row, so that one file is the whole month and is replaced in one step.

`read` takes any such file apart with the standard `csv` module: the header's columns,
each row's cells turned into values (a number, a word, None for an empty cell), and the
problems of its layout (header, row lengths, quotes), each at `file:line:column`. Where
a cell stands is found from the line's text only when a message needs it
(`CsvPositions`). Validating the values is the models' job (`area.months`).
"""

from __future__ import annotations

import csv
import re
import shlex
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tyollisyys_cli.errors import DataError, DataErrors, shortened
from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.files.yamlfile import plain_scalar
from tyollisyys_cli.i18n import N_, _, ngettext, numeral
from tyollisyys_cli.models.rowfields import CELL_FIELDS, COUNT_FIELDS, ROW_FIELDS

HEADER = ("municipality", *ROW_FIELDS, "source")
HEADER_LINE = ",".join(HEADER)
REQUIRED = ("municipality", *COUNT_FIELDS, *CELL_FIELDS, "source")

Row = tuple[str, str, dict[str, Any]]


# ------------------------------------------------------------------ writing


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # pragma: no cover - no statistics field is a yes/no
        raise TypeError("a statistics value is never true/false")
    if isinstance(value, int | float):
        return repr(value)
    return quoted(str(value)) if re.search(r'[,"\n\r]', str(value)) else str(value)


def quoted(text: str) -> str:
    """A CSV cell in quotes (a quote inside doubled)."""
    return '"' + text.replace('"', '""') + '"'


def render(*, source: str, rows: Sequence[Row]) -> str:
    """The text of a monthly CSV file; `rows` are (code, name, fields) in file order."""
    source_cell = quoted(source)  # always quoted (as earlier versions wrote it)
    lines = [HEADER_LINE + "\n"]
    for code, _name, fields in rows:
        cells = [code, *(_cell(fields.get(name)) for name in ROW_FIELDS), source_cell]
        lines.append(",".join(cells) + "\n")
    return "".join(lines)


# ------------------------------------------------------------------ reading


#: A cell is read as YAML 1.2 reads a plain value (as the YAML months were): `12` and
#: `-15` are whole numbers, `12.2` a decimal, `withheld` and `0105` text, empty None.
cell_value = plain_scalar


def _text(column: Sequence[str]) -> list[Any]:
    return list(column)


def _values(column: Sequence[str]) -> list[Any]:
    """A column's cells as values (`cell_value`), with as little work per cell as may be:
    a column of whole numbers (what most are) in one conversion, others each distinct
    text converted once, the whole or decimal numbers among them in one conversion."""
    try:
        if _whole_numbers(",".join(column)):
            return list(map(int, column))
    except ValueError:  # more digits than Python converts: each text on its own
        pass
    distinct = set(column)
    words = distinct & _WORDS_SEEN
    numbers = list(distinct - words)
    joined = ",".join(numbers)
    convert: Any = None
    if _whole_numbers(joined):
        convert = int
    elif _DECIMALS.fullmatch(joined):
        convert = float
    try:
        converted = dict(zip(numbers, map(convert, numbers), strict=True)) if convert else {}
    except ValueError:  # more digits than Python converts: each text on its own
        converted = {}
    if converted:
        converted.update((word, cell_value(word)) for word in words)
        if convert is float:  # (`16.000`: a count with a dot between thousands, kept so)
            converted.update((text, cell_value(text)) for text in numbers if "." in text[:5])
    else:
        converted = {text: cell_value(text) for text in distinct}
    return list(map(converted.__getitem__, column))


def _whole_numbers(joined: str) -> bool:
    """Whether `joined` (cells joined by commas) holds only whole numbers that
    `cell_value` reads as numbers: digits, no empty cell, no leading zero."""
    return (
        joined.replace(",", "").isdigit()
        and joined.isascii()
        and ",," not in joined
        and not joined.startswith(",")
        and not joined.endswith(",")
        and ((",0" not in joined and not joined.startswith("0")) or _no_leading_zero(joined))
    )


def _no_leading_zero(joined: str) -> bool:
    return _LEADING_ZERO.search(joined) is None


#: The words a statistics column holds besides numbers (an empty cell is null).
_WORDS_SEEN = frozenset(("", "withheld", "missing"))
#: Decimal numbers joined by commas, each as `cell_value` reads a decimal (no leading
#: zero before other digits, no sign, digits after the point).
_DECIMALS = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]+(?:,(?:0|[1-9][0-9]*)\.[0-9]+)*")
_LEADING_ZERO = re.compile(r"(?:^|,)0[0-9]")


@dataclass(frozen=True)
class Cell:
    """One cell as written: its text (quotes removed) and where it starts (1-based)."""

    text: str
    line: int
    column: int


class CsvSyntaxError(Exception):
    """Text that is not CSV, at a line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


_NEVER_CLOSED = N_("the quote that opens this cell is never closed; end the cell with a quote")
_AFTER_QUOTE = N_(
    "text follows the quote that closes this cell; put the whole cell in quotes and write a "
    'quote inside it twice ("")'
)
_BLANK_AFTER_QUOTE = N_(
    "a blank follows the quote that closes this cell (an editor's trailing space?); remove it"
)
_QUOTE_INSIDE = N_(
    "a quote inside a cell that does not start with one; put the whole cell in quotes and "
    'write the quote twice ("")'
)


def record_cells(lines: Sequence[str], start: int) -> list[Cell]:
    """The cells of the record that starts on line `start` (1-based) of `lines` (the
    file's text split at its line breaks), each where it starts. Finds where the `csv`
    module's cells stand, and says where a record it refuses goes wrong."""
    cells: list[Cell] = []
    number, line, pos = start, lines[start - 1], 0
    while True:
        cell_line, column = number, pos + 1
        if line.startswith('"', pos):
            parts: list[str] = []
            pos += 1
            while (close := line.find('"', pos)) < 0 or line.startswith('"', close + 1):
                if close >= 0:  # a doubled quote
                    parts.append(line[pos : close + 1])
                    pos = close + 2
                    continue
                if number >= len(lines):
                    raise CsvSyntaxError(cell_line, column, _NEVER_CLOSED)
                parts.append(line[pos:] + "\n")
                number, line, pos = number + 1, lines[number], 0
            parts.append(line[pos:close])
            pos = close + 1
            if pos < len(line) and line[pos] != ",":
                blank = len(line[pos:].partition(",")[0].strip(" \t")) == 0
                raise CsvSyntaxError(number, pos + 1, _BLANK_AFTER_QUOTE if blank else _AFTER_QUOTE)
            text = "".join(parts)
        else:
            stop = line.find(",", pos)
            stop = len(line) if stop < 0 else stop
            quote = line.find('"', pos, stop)
            if quote >= 0:
                raise CsvSyntaxError(number, quote + 1, _QUOTE_INSIDE)
            text, pos = line[pos:stop], stop
        cells.append(Cell(text, cell_line, column))
        if pos >= len(line):
            return cells
        pos += 1  # past the comma


class CsvPositions(Mapping[PathKey, Position]):
    """Where the cells of a month file stand (`("rows", i, column)`), found from the
    line's text when asked: a message or a finding needs a few. Pickled as the file's
    path and where its rows start (a warm run reads the file again if asked; the cache
    is keyed by the file's bytes)."""

    def __init__(
        self, path: Path, starts: Sequence[int], columns: Sequence[str], text: str | None = None
    ) -> None:
        self.path = path
        self.starts = tuple(starts)
        self.columns = tuple(columns)
        self._text = text
        self._lines: list[str] | None = None

    def release(self) -> None:
        """Let the file's text go (a national area holds megabytes of months): a position
        asked for later reads the file again, as one loaded from the cache does."""
        self._text = self._lines = None

    def lines(self) -> list[str]:
        """The file's lines, as `read` split them. Read again (by the loader's reader)
        when its text was let go: KeyError when it can no longer be read."""
        if self._lines is None:
            text = self._text
            if text is None:
                from tyollisyys_cli.files.text import read_text

                try:
                    text = read_text(self.path, inside=self.path.parent.parent)
                except DataErrors:
                    raise KeyError(self.path) from None
            self._lines = _lines(text)
        return self._lines

    def __getitem__(self, path: PathKey) -> Position:
        if not 2 <= len(path) <= 3 or path[0] != "rows" or not isinstance(path[1], int):
            raise KeyError(path)
        if not 0 <= path[1] < len(self.starts):
            raise KeyError(path)
        start = self.starts[path[1]]
        if len(path) == 2:
            return Position(start, 1)
        if path[2] not in self.columns:
            raise KeyError(path)
        k = self.columns.index(str(path[2]))
        line = self.lines()[start - 1]
        unquoted = line.split('"', 1)[0].split(",")
        if k < len(unquoted) - 1 or ('"' not in line and k < len(unquoted)):
            # the cell and those before it hold no quote: count their lengths
            return Position(start, sum(map(len, unquoted[:k])) + k + 1, unquoted[k])
        cells = record_cells(self.lines(), start)
        if k >= len(cells):
            raise KeyError(path)
        return Position(cells[k].line, cells[k].column, cells[k].text)

    def __iter__(self) -> Iterator[PathKey]:
        for i in range(len(self.starts)):
            yield ("rows", i)
            for name in self.columns:
                yield ("rows", i, name)

    def __len__(self) -> int:
        return len(self.starts) * (len(self.columns) + 1)

    def __reduce__(self) -> tuple[Any, ...]:
        return (CsvPositions, (self.path, self.starts, self.columns))


@dataclass
class MonthCsv:
    """A month file taken apart: each column's values in row order, where they stand,
    and the problems of its layout (header, row lengths, quotes)."""

    #: Column name → the values of its cells, one per row (a short row's missing cells
    #: are None).
    columns: dict[str, list[Any]] = field(default_factory=dict)
    positions: Mapping[PathKey, Position] = field(default_factory=dict)
    problems: list[DataError] = field(default_factory=list)
    #: Rows whose cells do not fit the header (not to be validated), by how many cells
    #: each holds.
    broken_rows: dict[int, int] = field(default_factory=dict)
    #: Each row's unemployment rate as written ("" where the cell is empty or absent):
    #: its decimals are the precision the rate was published with.
    rate_texts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        """How many rows the file holds below its header."""
        return len(self.rate_texts)

    def rows(self) -> list[dict[str, Any]]:
        """Each row's cells by column, as written (a broken row's written cells only)."""
        names = list(self.columns)
        rows = [
            dict(zip(names, row, strict=True)) for row in zip(*self.columns.values(), strict=True)
        ]
        for i, cells in self.broken_rows.items():
            rows[i] = dict(list(rows[i].items())[:cells])
        return rows


def _lines(text: str) -> list[str]:
    """The lines of `text` as an editor shows them: a line ends at LF, CRLF or a lone CR
    (a file saved with old Mac line ends is read, as a YAML file is)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read(path: Path, text: str) -> MonthCsv:
    """Take a month's CSV text apart with the `csv` module, whatever its layout."""
    import io

    result = MonthCsv()
    text = "\n".join(lines := _lines(text))
    if (nul := text.find("\x00")) >= 0:  # (a crash or a failed copy leaves a run of them)
        line = text.count("\n", 0, nul) + 1
        result.problems.append(
            DataError(
                path,
                _(
                    "the file holds the control character U+0000 (a NUL byte, as a crash or a "
                    "failed copy leaves); delete it, or move the file away and import its "
                    "month again"
                ),
                line=line,
                column=nul - (text.rfind("\n", 0, nul) + 1) + 1,
            )
        )
        return result
    first_line = lines[0]
    separator = next((c for c in ";\t" if c in first_line and "," not in first_line), None)
    if separator is not None:  # (a Finnish-locale spreadsheet's CSV; a copy saved as text)
        said = (
            _(
                "the columns are separated by ';' (as a spreadsheet in a Finnish locale "
                "saves CSV, with decimal commas too); separate them with commas and write "
                "decimals with a point, or move the file away and import its month again: "
                "tyollisyys --data-dir {folder} import statfin --month {month}"
            )
            if separator == ";"
            else _(
                "the columns are separated by tabs; separate them with commas, or move "
                "the file away and import its month again: tyollisyys --data-dir "
                "{folder} import statfin --month {month}"
            )
        )
        folder = shlex.quote(str(path.parent.parent))
        result.problems.append(
            DataError(
                path,
                said.format(folder=folder, month=path.stem),
                line=1,
                column=first_line.index(separator) + 1,
            )
        )
        return result
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), strict=True)
    start = 1
    try:
        for cells in reader:
            if len(records) > MAX_ROWS:  # the header and MAX_ROWS rows read: no more
                result.problems.append(_too_many_rows(path, start))
                return result
            if any(cell.strip() for cell in cells):  # (not a blank line, nor one of
                # only empty cells, `,,,,`, as a spreadsheet saves rows it once formatted)
                if '"' in "".join(cells):
                    record_cells(lines, start)  # a quote inside an unquoted cell
                records.append((start, cells))
            start = reader.line_num + 1
    except (csv.Error, CsvSyntaxError) as exc:
        result.problems.append(_syntax_problem(path, lines, start, exc, reader.line_num))
        return result
    if not records:
        result.problems.append(DataError(path, _("the file is empty")))
        return result
    (header_line, columns), body = records[0], records[1:]
    header = record_cells(lines, header_line)
    if not _header_fits(path, header, result.problems):
        return result
    if not body:
        result.problems.append(
            DataError(
                path,
                _("the file has only its header row; write one row per municipality below it"),
                line=header_line,
                column=1,
            )
        )
        return result
    result.positions = CsvPositions(path, [start for start, _cells in body], columns, text)
    width = len(columns)
    convert = [_text if name in ("municipality", "source") else _values for name in columns]
    code_column = columns.index("municipality")
    for i, (start, cells) in enumerate(body):
        if len(cells) != width:
            result.broken_rows[i] = min(len(cells), width)
            code = cells[code_column] if code_column < len(cells) else ""
            record = record_cells(lines, start)
            result.problems.append(_length_problem(path, i, record, width, code))
    # Column by column: one conversion over each column is faster than one per cell.
    # (A short row's missing cells are left out; an extra one is not read.)
    fitted = (
        [cells[:width] + [""] * (width - len(cells)) for _, cells in body]
        if result.broken_rows
        else [cells for _, cells in body]
    )
    texts = list(zip(*fitted, strict=True))
    result.columns = {
        name: f(column) for name, f, column in zip(columns, convert, texts, strict=True)
    }
    if "unemployment_rate" in columns:
        result.rate_texts = list(texts[columns.index("unemployment_rate")])
    else:
        result.rate_texts = [""] * len(body)
    return result


#: Most rows of a month file: one row per municipality of an area, with room to spare
#: (Finland has 308 municipalities). Beyond, the file is read no further.
MAX_ROWS = 1000


def _too_many_rows(path: Path, line: int) -> DataError:
    return DataError(
        path,
        _(
            "the file has more than {limit} rows; a month holds one row per municipality "
            "of the area (Finland has 308): is it the right file?"
        ).format(limit=numeral(f"{MAX_ROWS:,}")),
        line=line,
        column=1,
    )


def _syntax_problem(
    path: Path, lines: list[str], start: int, exc: Exception, line_num: int
) -> DataError:
    if not isinstance(exc, CsvSyntaxError):
        try:
            record_cells(lines, start)
        except CsvSyntaxError as found:
            exc = found
    if isinstance(exc, CsvSyntaxError):
        message = _("CSV syntax error: {problem}").format(problem=_(exc.message))
        return DataError(path, message, line=exc.line, column=exc.column)
    if "field larger than field limit" in str(exc):  # (the csv module's words)
        message = _(
            "a cell is longer than {limit} characters; a month file holds short cells: "
            "is it the right file?"
        ).format(limit=numeral(f"{csv.field_size_limit():,}"))
        return DataError(path, message, line=line_num)
    message = _("CSV syntax error: {problem}").format(problem=exc)
    return DataError(path, message, line=line_num)


def _header_fits(path: Path, header: list[Cell], problems: list[DataError]) -> bool:
    """Whether the header names every column once and no other (else the problems)."""
    import difflib

    def problem(cell: Cell, message: str) -> None:
        problems.append(DataError(path, message, line=cell.line, column=cell.column))

    first: dict[str, int] = {}
    suggested: set[str] = set()  # (a column misspelt is not missing besides)
    for number, cell in enumerate(header, start=1):
        name = shortened(cell.text)
        if name not in HEADER:
            from tyollisyys_cli.models.validation import finnish_meanings

            present = {cell.text for cell in header}  # (not a column that is there)
            close = [meant for meant in finnish_meanings(name) if meant in HEADER]
            close = close or difflib.get_close_matches(name.casefold(), HEADER, n=1)
            close = [meant for meant in close if meant not in present]
            suggested.update(close[:1])
            if close:
                message = _("unknown column {name!r} in the header; did you mean {close!r}?")
            else:
                message = _("unknown column {name!r} in the header; the columns are {columns}")
            problem(
                cell,
                message.format(name=name, close=close[0] if close else "", columns=HEADER_LINE),
            )
        elif name in first:
            problem(
                cell,
                _(
                    "the column {name!r} appears twice in the header, as column {first} "
                    "and column {second}; keep one"
                ).format(name=name, first=first[name], second=number),
            )
        else:
            first[name] = number
    absent = [name for name in REQUIRED if name not in first and name not in suggested]
    if absent:
        listed = ", ".join(repr(name) for name in absent)
        message = ngettext(
            "the header has no column {names}", "the header has no columns {names}", len(absent)
        )
        problem(header[0], message.format(names=listed))
    return not problems


def _length_problem(path: Path, i: int, record: list[Cell], width: int, code: str) -> DataError:
    where = code if code.strip() else ""
    if len(record) < width:
        last = record[-1]
        return DataError(
            path,
            _(
                "the row has {cells} cells, the header {width}: a cell is missing "
                "(each row has a cell for every column, empty where there is no value)"
            ).format(cells=len(record), width=width),
            line=last.line,
            column=last.column + len(last.text),
            field=f"rows[{i}]",
            where=where,
        )
    extra = record[width]
    return DataError(
        path,
        _(
            "the row has {cells} cells, the header {width}: remove the extra cells, "
            "or put a cell that holds a comma in quotes"
        ).format(cells=len(record), width=width),
        line=extra.line,
        column=extra.column,
        field=f"rows[{i}]",
        where=where,
    )

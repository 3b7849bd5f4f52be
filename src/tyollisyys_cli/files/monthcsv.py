"""Monthly statistics as CSV: `statistics/YYYY-MM.csv`, written by `import statfin`.

One header row naming the columns (`municipality`, the fields of a statistics row,
`source`), then one row per municipality:

    municipality,labour_force,unemployment_rate,unemployed,men,...,in_services,source
    205,16917,12.2,2066,1160,906,...,512,"Statistics Finland, table 12r5 (statfin.json)"

A withheld cell is `withheld`, a cell lost in print `missing`, an empty cell is null
(a rate not published; no job seekers given). The month is the file's name; the source
is written in every row, so that one file is the whole month and is replaced in one step.

Reading has two paths with one result. The fast one takes the file as the tool writes it
and converts all of it in a few calls into C code (`json`), with no work per cell in
Python; it refuses anything it does not expect (another column order, quotes, spaces, a
value that is not a plain number). The exact one (`read_exact`) reads any file cell by
cell with positions and validates it with the models, so its messages are the ones of
the YAML files, placed at `file:line:column` of the cell. It decides whenever the fast
one refuses, so a wrong file is always reported by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.area.monthtable import MonthTable
from tyollisyys_cli.files.positions import PathKey, Position
from tyollisyys_cli.models.rowfields import CELL_FIELDS, COUNT_FIELDS, ROW_FIELDS

if TYPE_CHECKING:
    from tyollisyys_cli.errors import DataError

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
    source_cell = quoted(source)  # always quoted: the fast reader finds it by its quote
    lines = [HEADER_LINE + "\n"]
    for code, _name, fields in rows:
        cells = [code, *(_cell(fields.get(name)) for name in ROW_FIELDS), source_cell]
        lines.append(",".join(cells) + "\n")
    return "".join(lines)


# ------------------------------------------------------------------ the fast path

#: The source cell as the tool writes it: quoted, no quote inside (a doubled one is read
#: by the exact reader).
_SOURCE_CELL = re.compile(r',"[^"\n]*"\n')
#: Outside the source, after `withheld` and `missing` became ` -1 ` and ` -2 `, what must
#: be left when digits, commas, points, line breaks, those minus signs and spaces are
#: taken out: nothing. (A space in the file, a letter of an exponent, NaN or a word is
#: read otherwise by JSON than by the exact reader; spaces are refused before the words
#: are replaced.)
_NUMBER_CHARACTERS = str.maketrans("", "", "-0123456789,.\n ")
_TWO_DECIMALS = re.compile(r"\.[0-9]{2}")
#: Cells in a row: the municipality and the fields (the source is taken off first).
_WIDTH = len(HEADER) - 1


def read_fast(text: str) -> tuple[str, MonthTable] | None:
    """(source, table) of a month file as the tool writes it, or None to read it exactly.

    None is no verdict: the exact reader decides. What this accepts is exactly what the
    exact reader reads to the same values: the header in the tool's order, canonical
    numbers (no sign, spaces, leading zeros or exponents), rates with at most one
    decimal, the same quoted source on every line.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    header, _, body = text.partition("\n")
    if header != HEADER_LINE or not body.endswith("\n"):
        return None
    count = body.count("\n")
    first_end = body.index("\n") + 1
    start = body.find(',"', 0, first_end)
    suffix = body[start:first_end]
    if start < 0 or not _SOURCE_CELL.fullmatch(suffix) or body.count(suffix) != count:
        return None  # each line ends with the same source cell, or read exactly
    source = suffix[2:-2]
    # Each line ends with it (it holds one line break, at its end): cut it off each line
    # (faster than replace, which prepares its search for a long text afresh each time).
    cut = len(suffix) - 1
    numbers = "\n".join([line[:-cut] for line in body.split("\n")])
    if not source.strip() or "-" in numbers or " " in numbers:
        return None
    # A word that is a whole cell becomes -1 or -2 with a space on each side (JSON skips
    # them); one glued to a number or another word leaves two numbers, or a number and
    # letters, side by side, which JSON refuses (`5 -1 `, ` -1 5`).
    for word, value in (("withheld", " -1 "), ("missing", " -2 ")):
        if word in numbers:
            numbers = numbers.replace(word, value)
    if numbers.translate(_NUMBER_CHARACTERS) or _TWO_DECIMALS.search(numbers) is not None:
        return None
    import json  # (not at the top: a warm run imports this module for positions)

    # All the cells as one JSON list, each line's after a `true` (no number is one), the
    # code behind a 1 (JSON has no leading zeros: 1091). An empty cell fails JSON; then
    # it is read again with the empty cells as null.
    empty = False
    try:
        cells = json.loads("[1" + numbers[:-1].replace("\n", ",true,1") + "]")
    except ValueError:
        empty = True
        numbers = numbers.replace(",,", ",null,").replace(",,", ",null,")
        numbers = numbers.replace(",\n", ",null\n")
        try:
            cells = json.loads("[1" + numbers[:-1].replace("\n", ",true,1") + "]")
        except ValueError:
            return None
    # Each line holds as many cells as the header names when the `true`s stand every
    # `_WIDTH + 1` cells and nowhere else (no other cell can be one).
    stride = _WIDTH + 1
    if len(cells) != count * stride - 1 or set(map(type, cells[_WIDTH::stride])) - {bool}:
        return None
    flat = tuple(cells)
    columns = [flat[k::stride] for k in range(_WIDTH)]
    table = _table(columns, numbers.count("."), empty)
    return None if table is None else (source, table)


def _table(columns: list[tuple[Any, ...]], points: int, empty: bool) -> MonthTable | None:
    """The table of the parsed columns, if each holds what its field takes.

    The text held only digits, commas, points and -1/-2, so a value is an int, or a
    float where a point was, or None where a cell was empty (`empty`).
    """
    codes, rates = columns[0], columns[2]
    if list(map(type, rates)).count(float) != points:
        return None  # a point outside the rate column
    fields = dict(zip(ROW_FIELDS, columns[1:], strict=True))
    try:
        if min(codes) < 1000 or max(codes) > 1999:
            return None
        if empty:
            if any(None in fields[name] for name in (*COUNT_FIELDS, *CELL_FIELDS)):
                return None  # an empty cell where a value is required
            rates = tuple(rate for rate in rates if rate is not None)
        if min(fields["labour_force"]) < 0 or min(fields["unemployed"]) < 0:
            return None
        if rates and (min(rates) < 0 or max(rates) > 100):
            return None
    except TypeError:
        return None
    return MonthTable(_codes(codes), fields)


#: The codes of the months read in this run: most months list the same municipalities,
#: and one tuple for all of them is read once and cached once.
_CODES: dict[tuple[int, ...], tuple[str, ...]] = {}


def _codes(numbers: tuple[int, ...]) -> tuple[str, ...]:
    codes = _CODES.get(numbers)
    if codes is None:
        codes = _CODES[numbers] = tuple([str(number)[1:] for number in numbers])
    return codes


# ------------------------------------------------------------------ cells with positions


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


_PLAIN = re.compile(r'[^,\n"]*')


def records(text: str) -> Iterator[list[Cell]]:
    """The records of CSV text (RFC 4180, `\\n` line ends), each cell with its place.

    A blank line is a record of one empty cell. A quoted cell may hold commas, line
    breaks and doubled quotes; text after its closing quote, a quote inside an unquoted
    cell and a quote never closed are `CsvSyntaxError`s.
    """
    pos, line, line_start, end = 0, 1, 0, len(text)
    record: list[Cell] = []
    while pos < end:
        column = pos - line_start + 1
        if text[pos] == '"':
            opened = (line, column)
            parts: list[str] = []
            pos += 1
            while True:
                close = text.find('"', pos)
                if close < 0:
                    raise CsvSyntaxError(
                        *opened,
                        "the quote that opens this cell is never closed; end the cell with a quote",
                    )
                chunk = text[pos:close]
                if "\n" in chunk:
                    line += chunk.count("\n")
                    line_start = pos + chunk.rfind("\n") + 1
                parts.append(chunk)
                if text.startswith('"', close + 1):
                    parts.append('"')
                    pos = close + 2
                    continue
                pos = close + 1
                break
            record.append(Cell("".join(parts), *opened))
            if pos < end and text[pos] not in ",\n":
                raise CsvSyntaxError(
                    line,
                    pos - line_start + 1,
                    "text follows the quote that closes this cell; put the whole cell in "
                    'quotes and write a quote inside it twice ("")',
                )
        else:
            stop = _PLAIN.match(text, pos).end()  # type: ignore[union-attr]
            if stop < end and text[stop] == '"':
                raise CsvSyntaxError(
                    line,
                    stop - line_start + 1,
                    "a quote inside a cell that does not start with one; put the whole "
                    'cell in quotes and write the quote twice ("")',
                )
            record.append(Cell(text[pos:stop], line, column))
            pos = stop
        if pos >= end:
            break
        if text[pos] == ",":
            pos += 1
            if pos == end:  # a comma ends the file: one more, empty cell
                record.append(Cell("", line, pos - line_start + 1))
            continue
        yield record  # a line break
        record = []
        pos += 1
        line += 1
        line_start = pos
    if record:
        yield record


def blank(record: list[Cell]) -> bool:
    """A blank line (or one of spaces only): no cells to read."""
    return len(record) == 1 and not record[0].text.strip()


# ------------------------------------------------------------------ the exact path


@dataclass
class ExactRead:
    """A month file read cell by cell: its data as the YAML reader would give it, where
    each value stands, and the problems of its layout (header, row lengths)."""

    data: dict[str, Any]
    positions: dict[PathKey, Position]
    rate_texts: list[str]
    problems: list[DataError]
    #: Rows whose cells do not fit the header (not validated further).
    broken_rows: set[int]


def read_exact(path: Path, text: str, *, month: str) -> ExactRead:
    """Read a month's CSV text cell by cell, whatever its layout."""
    from tyollisyys_cli.errors import DataError

    result = ExactRead({"month": month, "rows": []}, {}, [], [], set())
    text = text.replace("\r\n", "\n")
    first_line = text.split("\n", 1)[0]
    if ";" in first_line and "," not in first_line:
        result.problems.append(
            DataError(
                path,
                "the columns are separated by ';' (as a spreadsheet in a Finnish locale saves "
                "CSV); separate them with commas",
                line=1,
                column=first_line.index(";") + 1,
            )
        )
        return result
    try:
        rows = [record for record in records(text) if not blank(record)]
    except CsvSyntaxError as exc:
        result.problems.append(
            DataError(path, f"CSV syntax error: {exc.message}", line=exc.line, column=exc.column)
        )
        return result
    if not rows:
        result.problems.append(DataError(path, "the file is empty"))
        return result
    header, body = rows[0], rows[1:]
    columns = _header(path, header, result.problems)
    if columns is None:
        return result
    if not body:
        first = header[0]
        result.problems.append(
            DataError(
                path,
                "the file has only its header row; write one row per municipality below it",
                line=first.line,
                column=first.column,
            )
        )
        return result
    from tyollisyys_cli.files.yamlfile import plain_scalar

    for i, record in enumerate(body):
        values: dict[str, Any] = {}
        for name, cell in zip(columns, record, strict=False):
            result.positions[("rows", i, name)] = Position(cell.line, cell.column, cell.text)
            if name in ("municipality", "source"):
                values[name] = cell.text
            else:
                values[name] = None if cell.text == "" else plain_scalar(cell.text)
        result.positions[("rows", i)] = Position(record[0].line, record[0].column)
        result.rate_texts.append(
            record[columns.index("unemployment_rate")].text
            if "unemployment_rate" in columns and len(record) == len(columns)
            else ""
        )
        result.data["rows"].append(values)
        if len(record) != len(columns):
            result.broken_rows.add(i)
            result.problems.append(_length_problem(path, i, record, len(columns), values))
    return result


def _header(path: Path, header: list[Cell], problems: list[DataError]) -> list[str] | None:
    """The column names, or None (with the problems) when the header is not usable."""
    import difflib

    from tyollisyys_cli.errors import DataError

    def problem(cell: Cell, message: str) -> None:
        problems.append(DataError(path, message, line=cell.line, column=cell.column))

    names = [cell.text for cell in header]
    first: dict[str, int] = {}
    for number, (cell, name) in enumerate(zip(header, names, strict=True), start=1):
        if name not in HEADER:
            close = difflib.get_close_matches(name, HEADER, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the columns are {HEADER_LINE}"
            problem(cell, f"unknown column {name!r} in the header{hint}")
        elif name in first:
            problem(
                cell,
                f"the column {name!r} appears twice in the header, as column {first[name]} "
                f"and column {number}; keep one",
            )
        else:
            first[name] = number
    absent = [name for name in REQUIRED if name not in first]
    if absent:
        listed = ", ".join(repr(name) for name in absent)
        problem(
            header[0],
            f"the header has no column {listed}"
            if len(absent) == 1
            else f"the header has no columns {listed}",
        )
    if len(problems):
        return None
    return names


def _length_problem(
    path: Path, i: int, record: list[Cell], width: int, values: dict[str, Any]
) -> DataError:
    from tyollisyys_cli.errors import DataError

    code = values.get("municipality")
    where = code if isinstance(code, str) and code.strip() else ""
    if len(record) < width:
        last = record[-1]
        return DataError(
            path,
            f"the row has {len(record)} cells, the header {width}: a cell is missing "
            "(each row has a cell for every column, empty where there is no value)",
            line=last.line,
            column=last.column + len(last.text),
            field=f"rows[{i}]",
            where=where,
        )
    extra = record[width]
    return DataError(
        path,
        f"the row has {len(record)} cells, the header {width}: remove the extra cells, "
        "or put a cell that holds a comma in quotes",
        line=extra.line,
        column=extra.column,
        field=f"rows[{i}]",
        where=where,
    )

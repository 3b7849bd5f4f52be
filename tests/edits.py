"""Small edits of a copy of data/, and the expected messages around the edited line.

A bad-input case is one edit (or a few) of the bundled files, applied at test time to a
copy in tmp_path. Its expected `error:` lines name places relative to what the edit
touched, so that they survive a change to data/:

- `{line}`, `{line+2}`, `{line-1}`: the first line changed by the case's first edit of
  lines (Replace, InsertAfter, DeleteLine, Append; a Write is a whole new file);
- `{line:TEXT}`: the first line of the message's file that holds TEXT;
- `{next:TEXT}`: the first line holding TEXT below `{line}`.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"

M, C = "municipalities.yaml", "commuting.yaml"
S = "statistics/2026-06.csv"
#: A month written as YAML, as earlier versions imported them (no longer read).
Y = "statistics/2026-06.yaml"

#: statistics/2026-06.csv as `tyollisyys import statfin` writes it for the bundled area
#: from tests/data/statfin-12r5-2026M06.json.
SOURCE = '"Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"'
MONTH_HEADER = (
    "municipality,labour_force,unemployment_rate,unemployed,men,women,under_20,under_25,"
    "over_50,long_term,disabled_or_ill,foreign,open_vacancies,job_seekers,in_services,source"
)
MONTH_ROWS = [
    "105,708,11.4,81,54,27,0,withheld,53,32,10,withheld,withheld,142,withheld",
    "205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512",
    "290,2905,11.8,344,216,128,15,38,148,112,64,15,14,564,withheld",
    "305,6583,12.2,805,430,375,24,79,314,268,135,40,206,1197,129",
    "578,1186,12.5,148,86,62,withheld,13,65,44,44,withheld,withheld,261,withheld",
    "620,860,14.9,128,79,49,withheld,6,66,42,12,10,9,233,withheld",
    "697,447,8.1,36,18,18,withheld,withheld,17,12,withheld,withheld,withheld,69,withheld",
    "765,4658,6.7,312,174,138,9,45,129,62,72,21,34,525,58",
    "777,2671,11.5,308,186,122,9,34,166,101,83,17,13,628,withheld",
    "832,1459,13.3,194,121,73,7,19,98,57,43,withheld,10,285,withheld",
]


def month(*, source: str = SOURCE, without_column: int | None = None) -> str:
    """The month file, optionally with its column `without_column` (0-based) left out."""
    rows = [MONTH_HEADER.removesuffix(",source"), *MONTH_ROWS]
    lines = []
    for row in rows:
        cells = row.split(",")
        if without_column is not None:
            del cells[without_column]
        lines.append(",".join([*cells, "source" if row is rows[0] else source]))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Replace:
    """Replace the one occurrence of `old` in `file` by `new`."""

    file: str
    old: str
    new: str


@dataclass(frozen=True)
class InsertAfter:
    """Insert the lines `text` below the one line of `file` that is `after`."""

    file: str
    after: str
    text: str


@dataclass(frozen=True)
class DeleteLine:
    """Delete the one line of `file` that is `line`."""

    file: str
    line: str


@dataclass(frozen=True)
class Write:
    """Write `file` with the text `text` (a whole snippet, or a month from `month()`)."""

    file: str
    text: str


@dataclass(frozen=True)
class Append:
    """Add `text` at the end of `file`."""

    file: str
    text: str


@dataclass(frozen=True)
class Encode:
    """Save the text of `file` in `encoding` instead of UTF-8 (unmappable: `?`)."""

    file: str
    encoding: str


@dataclass(frozen=True)
class Zip:
    """Save `file` packed in a zip archive under its own name (as an Excel workbook saved
    with a `.csv` name is: a workbook is a zip archive)."""

    file: str


@dataclass(frozen=True)
class Remove:
    """Delete `file`."""

    file: str


@dataclass(frozen=True)
class MakeDir:
    """Put a folder where `file` should be."""

    file: str


@dataclass(frozen=True)
class Rename:
    """Rename `file` to `to`."""

    file: str
    to: str


Edit = (
    Replace | InsertAfter | DeleteLine | Write | Append | Encode | Zip | Remove | MakeDir | Rename
)


@dataclass(frozen=True)
class Case:
    """One bad-input case: what is wrong, the edits, the exit code and `error:` lines."""

    name: str
    problem: str
    edits: tuple[Edit, ...]
    errors: tuple[str, ...]
    exit_code: int = 2


def case(name: str, problem: str, edits: list[Edit], errors: list[str], exit_code: int = 2) -> Case:
    return Case(name, problem, tuple(edits), tuple(errors), exit_code)


def copy_data(tmp_path: Path) -> Path:
    """A writable copy of data/ in tmp_path."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def copy_without_kuhmos_staffing(tmp_path: Path) -> Path:
    """A copy of data/ with Kuhmo's staff lines cut out: its staffing not filled in yet,
    as in an area `init` made, while the other units' is."""
    data = copy_data(tmp_path)
    text = (data / M).read_text(encoding="utf-8")
    start = text.index("    staffing:\n      - role: työllisyysasiantuntija\n        fte: 1\n")
    end = text.index("    offices:\n      - name: Kuhmon kaupungintalo")
    (data / M).write_text(text[:start] + text[end:], encoding="utf-8")
    return data


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _common_length(old: str, new: str) -> int:
    """How many characters `old` and `new` share at their start."""
    return next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )


def _only(text: str, old: str, file: str) -> int:
    count = text.count(old)
    if count != 1:
        raise AssertionError(f"{file} holds {old!r} {count} times; an edit needs it once")
    return text.index(old)


def apply(edit: Edit, data: Path) -> int | None:
    """Apply `edit` to the folder `data`; the first line it changed, for an edit of lines."""
    path = data / edit.file
    match edit:
        case Replace(old=old, new=new):
            text = path.read_text(encoding="utf-8")
            at = _only(text, old, edit.file)
            path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
            return _line_at(text, at + _common_length(old, new))
        case InsertAfter(after=after, text=lines):
            text = path.read_text(encoding="utf-8")
            end = _only(text, f"{after}\n", edit.file) + len(after) + 1
            path.write_text(text[:end] + lines + text[end:], encoding="utf-8")
            return _line_at(text, end)
        case DeleteLine(line=line):
            text = path.read_text(encoding="utf-8")
            at = _only(text, f"{line}\n", edit.file)
            path.write_text(text[:at] + text[at + len(line) + 1 :], encoding="utf-8")
            return _line_at(text, at)
        case Write(text=text):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        case Append(text=text):
            old = path.read_text(encoding="utf-8")
            path.write_text(old + text, encoding="utf-8")
            return _line_at(old, len(old))
        case Encode(encoding=encoding):
            text = path.read_text(encoding="utf-8")
            path.write_bytes(text.encode(encoding, "replace"))
        case Zip():
            packed = io.BytesIO()
            with zipfile.ZipFile(packed, "w") as archive:
                archive.write(path, path.name)
            path.write_bytes(packed.getvalue())
        case Remove():
            path.unlink()
        case MakeDir():
            path.unlink()
            path.mkdir()
            (path / "README").write_text(f"A folder where {edit.file} should be.\n")
        case Rename(to=to):
            path.rename(data / to)
    return None


PLACE = re.compile(r"\{line([+-]\d+)?\}|\{(line|next):([^}]+)\}")


def expand(message: str, *, data: Path, line: int | None) -> str:
    """`message` with its `{line…}` and `{next:…}` places resolved in the edited folder."""
    file = data / message.split(":", 1)[0]

    def place(found: re.Match[str]) -> str:
        offset, kind, needle = found.groups()
        if kind is None or kind == "next":
            if line is None:
                raise AssertionError(f"{message!r} names a place relative to an edited line")
            if kind is None:
                return str(line + int(offset or 0))
        below = line if kind == "next" and line is not None else 0
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        return str(next(n for n, text in enumerate(lines, 1) if n > below and needle in text))

    return PLACE.sub(place, message)


def prepare(case: Case, tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of data/ with the case's edits applied, and its expected `error:` lines."""
    data = copy_data(tmp_path)
    lines = [apply(edit, data) for edit in case.edits]
    first = next((line for line in lines if line is not None), None)
    return data, [expand(message, data=data, line=first) for message in case.errors]

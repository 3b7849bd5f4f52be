"""Problems in data files, as records that name where they are.

Every problem the tool finds in a file it reads is a `DataError`: file, line, column,
the field path with the names of the entries on the way, and a message a person can
act on: what was found and what is expected. Loading collects
them and raises `DataErrors` once, so that a file's problems are reported together.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataError:
    """One problem in a data file."""

    file: Path
    message: str
    line: int | None = None
    column: int | None = None
    field: str = ""
    #: Names of the entries on the way to the value (`Kajaani, koto-ohjaaja`), so that a
    #: reader need not count list items to find `municipalities[1].staffing[3]`.
    where: str = ""

    def location(self) -> str:
        """`file:line:col` (or as much of it as is known)."""
        parts = [str(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        field = f"{self.field}{where}: " if self.field else ""
        return f"{self.location()}: {field}{self.message}"


class DataErrors(Exception):
    """One or more data errors; the tool reports them all and exits with code 2."""

    def __init__(self, errors: list[DataError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class UnknownName(LookupError):
    """A name the user gave (a place, a month, a format, a rule, an employment area)
    that the data or the tool does not hold. Its message says what is held instead.

    Commands report these as usage problems (exit 2); any other `LookupError` (a
    `KeyError` in the code) is a bug and is reported as one.
    """

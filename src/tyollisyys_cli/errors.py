"""Problems in data files, as records that name where they are.

Every problem the tool finds in a file it reads is a `DataError`: file, line, column,
the field path with the names of the entries on the way, and a message a person can
act on: what was found and what is expected. Loading collects
them and raises `DataErrors` once, so that a file's problems are reported together.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tyollisyys_cli.i18n import N_, _, language, ngettext, numeral

#: What must not reach a terminal or a CI log raw: C0 and C1 control characters, DEL,
#: the Unicode line and paragraph separators, and the lone surrogates that stand for the
#: bytes of a file name that is not UTF-8.
#: Control characters, line and paragraph separators, lone surrogates, and the invisible
#: ones that hide or reorder text (zero-width spaces and joiners, bidirectional marks
#: and overrides, the word joiner, a byte order mark).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
#: Longest value echoed in a message; longer ones are cut, ending in "…".
ECHO_LIMIT = 80
#: Problems shown of one kind (one field of a file, or one message); the rest are counted.
MAX_OF_A_KIND = 20


#: Failures of the device written to (a full disk, a quota, a read-only file system, an
#: I/O error), not of the program: reported as what they are, with exit code 1.
DEVICE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})

#: The reasons the system gives most often for a file or the network, for the catalog:
#: Python has them in the C library's English whatever the locale.
_SYSTEM_REASONS: dict[int, str] = {
    errno.ENOSPC: N_("No space left on device"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EFBIG: N_("File too large"),
    errno.EIO: N_("Input/output error"),
    errno.EROFS: N_("Read-only file system"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOENT: N_("No such file or directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ECONNREFUSED: N_("Connection refused"),
    errno.ECONNRESET: N_("Connection reset by peer"),
    errno.ETIMEDOUT: N_("Connection timed out"),
    errno.ENETUNREACH: N_("Network is unreachable"),
    errno.EHOSTUNREACH: N_("No route to host"),
}


def system_reason(error: OSError) -> str:
    """Why the system refused, as it says it (`No space left on device`); in Finnish
    where the catalog has the reason (`laitteella ei ole tilaa`). Only a reason the C
    library gave for its number is translated: an SSL or a name lookup error reuses the
    numbers for reasons of its own."""
    said = error.strerror or str(error)
    code = error.errno or 0
    known = _SYSTEM_REASONS.get(code)
    if known is None or language() == "en" or said != os.strerror(code):
        return said
    return _(known)


def escaped(text: str) -> str:
    """`text` with every control character written as Python writes it in a string
    literal (`\x1b`, `\n`, `\u2028`), so that what a file holds is shown, not obeyed."""
    return _UNSAFE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8: that byte
        return f"\\x{code - 0xDC00:02x}"
    return found.group().encode("unicode_escape", "backslashreplace").decode()


def shortened(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text`, cut to `limit` characters (the last one "…") when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bounded(message: str, *, words: bool = False) -> str:
    """`message` with each value it quotes cut to `ECHO_LIMIT` characters (the last one
    `…`, the quotes kept): a value of 100,000 characters given on the command line was
    echoed whole in its usage error. A file or folder that exists is left whole: the
    user finds it by its name, as is a web address (where it is wrong may be past 80
    characters). `words`: every long word too, whatever it holds (click's own messages
    echo a value unquoted: `No such option: --AAAA…`); the tool's own messages cut an
    unquoted value where they are made (`--month`'s)."""

    def cut(found: re.Match[str]) -> str:
        quote, value = found[1], found[2]
        if len(value) <= ECHO_LIMIT or _names_a_file(value) or _an_address(value):
            return found[0]
        return quote + shortened(value) + quote

    # (a quote that opens after no letter and closes before none: not the plan's ')
    message = re.sub(r"(?<!\w)(['\"])((?:(?!\1).)+?)\1(?!\w)", cut, message, flags=re.DOTALL)
    if words:  # (click's own words are few: what is long in them is a value echoed;
        # a quoted one is cut above, and the brackets and separators around one stay)
        message = re.sub(
            rf"[^\s'\"(),;]{{{ECHO_LIMIT + 1},}}", lambda found: shortened(found[0]), message
        )
    return message


def _an_address(value: str) -> bool:
    """Whether `value` is a web address of a length one has (`--api-url`'s: where it is
    wrong may be past 80 characters)."""
    return re.match(r"https?://", value) is not None and len(value) <= 300


def _names_a_file(value: str) -> bool:
    """Whether `value` is the name of a file or folder that exists (a name too long for
    the system names none)."""
    try:
        return os.path.lexists(value)
    except (OSError, ValueError):
        return False


def home_in_quotes(path: Path) -> str:
    """`; ~ in quotes is not the home folder: …` where `path` starts with a `~` that
    names no folder here (a shell puts the home folder for `~` only outside quotes:
    `--data-dir "~/area"` names a folder `~` of the current one); else ''."""
    first = path.parts[0] if path.parts else ""
    # (`~draft` alone may be a name meant as it is; `~`, `~/area` and `~user/area` not)
    alone = len(path.parts) == 1 and first != "~"
    if not first.startswith("~") or alone or os.path.lexists(first):
        return ""
    return _("; a ~ in quotes is not the home folder: write the path without quotes, or with $HOME")


def home_folder_to_make(path: Path) -> str | None:
    """Why the folder `path` is not made, where it starts with a `~` that a shell did not
    expand (`init "~/area"`, `schema --write "~/s"` would make a folder `~` here), else
    None."""
    hint = home_in_quotes(path)
    if not hint:
        return None
    made = _("cannot make the folder {path}: the folder {folder} does not exist")
    return made.format(path=path, folder=path.parts[0]) + hint


def location(file: Path, line: int | None, column: int | None) -> str:
    """`file:line:col` (or as much of it as is known)."""
    known = [file, line, column if line is not None else None]
    return ":".join(str(part) for part in known if part is not None)


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
        return location(self.file, self.line, self.column)

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        field = f"{self.field}{where}: " if self.field else ""
        return escaped(f"{self.location()}: {field}{self.message}")


Source = Literal["data", "folder", "export", "answer", "scenario"]


class DataErrors(Exception):
    """One or more data errors; the tool reports them all and exits with code 2.

    `source`: what the files are: the area's data files, an export of the official
    statistics (`import`, `init`), the statistics service's answer (exit code 1, as
    for any answer it cannot use: the user has no file to mend), or a scenario file;
    `folder`: the data folder itself (missing, or a file), which holds no files to count
    problems in."""

    def __init__(
        self, errors: list[DataError], *, source: Source = "data", document: Any = None
    ) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
        self.source: Source = source
        #: The file as read, where its problems leave it sound enough to validate (a key
        #: given twice, its first value kept), so that one run names the rest too.
        self.document = document
        #: A line after the count of problems: what else mends them (set by a command).
        self.hint = ""
        #: Problems counted but not kept (an export's cells past the first
        #: `MAX_OF_A_KIND`: each kept one is placed by a pass over the file).
        self.not_kept = 0

    def lines(self) -> list[str]:
        """One line per problem, up to `MAX_OF_A_KIND` of one kind, then a count of the rest."""
        lines = summarized(self.errors)
        if self.not_kept and self.errors:
            lines.append(escaped(f"{self.errors[-1].file}: {not_shown(self.not_kept)}"))
        return lines

    def count(self) -> int:
        """How many problems there are, those not kept included."""
        return len(self.errors) + self.not_kept


def not_shown(count: int) -> str:
    """`980 more problems like the above (not shown)`: the rest after the first ones."""
    return ngettext(
        "{count} more problem like the above (not shown)",
        "{count} more problems like the above (not shown)",
        count,
    ).format(count=numeral(f"{count:,}"))


def in_file_order(errors: list[DataError]) -> list[DataError]:
    """Errors grouped by file (in the order first met), each file's from top to bottom."""
    files = {file: order for order, file in enumerate(dict.fromkeys(e.file for e in errors))}
    return sorted(errors, key=lambda e: (files[e.file], e.line or 0, e.column or 0))


def _kind(error: DataError) -> tuple[Path, str]:
    """Problems of one field (list positions aside) of one file, or of one message."""
    return error.file, re.sub(r"\[[0-9]+\]", "[]", error.field) if error.field else error.message


def summarized(errors: Iterable[DataError], limit: int = MAX_OF_A_KIND) -> list[str]:
    """The problems as lines: the first `limit` of each kind, then how many more there are."""
    lines: list[str] = []
    counts: dict[tuple[Path, str], int] = {}
    for error in errors:
        kind = _kind(error)
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= limit:
            lines.append(str(error))
    for (file, what), count in counts.items():
        if count > limit:
            rest = count - limit
            message = ngettext(
                "{file}: {count} more problem like the above in {what} (not shown)",
                "{file}: {count} more problems like the above in {what} (not shown)",
                rest,
            )
            lines.append(
                escaped(message.format(file=file, count=numeral(f"{rest:,}"), what=shortened(what)))
            )
    return lines


#: Between the thousands of a Finnish number: the narrow no-break space.
class UnknownName(LookupError):
    """A name the user gave (a place, a month, a format, a rule, an employment area)
    that the data or the tool does not hold. Its message says what is held instead.

    Commands report these as usage problems (exit 2); any other `LookupError` (a
    `KeyError` in the code) is a bug and is reported as one.
    """

    #: A line after the message: what else mends it (set by the command line).
    hint = ""

"""A data file's text, read safely: only a regular file inside the data folder, at most
`files.MAX_FILE_BYTES`, UTF-8. The YAML and CSV readers both start here."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from tyollisyys_cli import files as limits
from tyollisyys_cli.errors import DataError, DataErrors, system_reason
from tyollisyys_cli.i18n import N_, _, numeral

__all__ = ["dangling_target", "not_utf8", "read_text"]


def dangling_target(path: Path) -> str | None:
    """What the link `path`, which leads nowhere, names: the name it gives (along a chain
    of links, the last one's), or None where the links lead round in a loop."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None
    named = os.readlink(path)
    chain = os.path.islink(os.path.join(os.path.dirname(path), named))
    return os.path.realpath(path) if chain else named


def folder_link_problem(path: Path) -> str:
    """What is wrong with the link `path` where a folder is to be, which leads nowhere: a
    loop, or the name it gives (`dangling_target`), which does not exist."""
    target = dangling_target(path)
    if target is None:
        return _("is a link that leads round in a loop; remove it")
    return _(
        "is a link to {target}, which does not exist; remove the link or make the folder it names"
    ).format(target=target)


def _broken_link(path: Path) -> str:
    """Why a symbolic link at `path` leads to no file."""
    target = dangling_target(path)
    if target is None:
        return _("is a link that leads round in a loop; put the file in its place")
    return _(
        "is a link to {target}, where there is no file; point it at the file or "
        "put the file in its place"
    ).format(target=target)


def other_spelling(path: Path) -> str | None:
    """The name of a file beside a missing `path` that the user most likely meant: the
    other YAML suffix (`.yml`), or the name in other capitals (`Municipalities.yaml`)."""
    stem, suffix = path.stem.casefold(), path.suffix.casefold()
    suffixes = {".yaml", ".yml"} if suffix in {".yaml", ".yml"} else {suffix}
    try:
        names = sorted(entry.name for entry in os.scandir(path.parent) if entry.is_file())
    except OSError:
        return None
    return next(
        (
            name
            for name in names
            if name != path.name
            and Path(name).stem.casefold() == stem
            and Path(name).suffix.casefold() in suffixes
        ),
        None,
    )


def same_file(one: Path, other: Path) -> bool:
    """Whether two names are one file (`2026-06.csv` and `2026-06.CSV` on a file system
    that ignores case); False where either cannot be looked at."""
    try:
        return one.samefile(other)
    except OSError:
        return False


def read_text(path: Path, *, inside: Path | None = None) -> str:
    """The file's text, or a `DataErrors` saying why it cannot be read.

    Only a regular file is read: a named pipe, a device or a socket is refused (reading
    one would wait for ever, or without end). With `inside` (the data folder), a file
    that resolves outside it, through a symbolic link, is refused and nothing of it read.
    """
    if not path.exists():
        if path.is_symlink():
            raise DataErrors([DataError(path, _broken_link(path))])
        other = other_spelling(path)
        if other is not None:
            message = _("file not found; there is {other}: rename it to {name}").format(
                other=other, name=path.name
            )
        else:
            message = _("file not found")
        raise DataErrors([DataError(path, message)])
    if path.is_dir():
        kind = "CSV" if path.suffix == ".csv" else "YAML"
        message = _("is a directory, expected a {kind} file").format(kind=kind)
        raise DataErrors([DataError(path, message)])
    if inside is not None:
        _check_inside(path, inside)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            message = _("{kind}, not a regular file").format(kind=_(_kind_of(status.st_mode)))
            raise DataErrors([DataError(path, message)])
        size = status.st_size
        if size > limits.MAX_FILE_BYTES:
            message = _(
                "file is {size} bytes, larger than the limit of {limit} bytes for a data file"
            ).format(size=numeral(f"{size:,}"), limit=numeral(f"{limits.MAX_FILE_BYTES:,}"))
            raise DataErrors([DataError(path, message)])
        raw = path.read_bytes()
    except PermissionError:
        message = _("cannot read the file: permission denied")
        raise DataErrors([DataError(path, message)]) from None
    except OSError as exc:
        message = _("cannot read the file: {reason}").format(reason=system_reason(exc))
        raise DataErrors([DataError(path, message)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        what, line, column = not_utf8(raw, exc.start)
        if not raw.startswith((_ZIP, _OLE2)):
            message = what + _("; save it as UTF-8")
        elif path.suffix.lower() == ".csv" and (raw.startswith(_OLE2) or _workbook(raw)):
            message = what + _("; save it as CSV UTF-8")  # (a workbook under the month's name)
        else:
            message = what
        raise DataErrors([DataError(path, message, line=line, column=column)]) from None
    if "\x00" in text[:_LOOK] and utf16_unmarked(raw):  # (its letters all ASCII: no error)
        message = _("the file is UTF-16 text (what Windows calls Unicode), not UTF-8")
        raise DataErrors([DataError(path, message + _("; save it as UTF-8"), line=1, column=1)])
    marker = _CONFLICT.search(text)
    if marker is not None:  # (in a quoted text it was read as words, into the report)
        line = text.count("\n", 0, marker.start()) + 1
        message = _(
            "an unresolved merge conflict: {marker!r} is the line version control (git) "
            "writes where a merge conflicts; keep the side wanted and remove the marker "
            "lines (<<<<<<<, ======= and >>>>>>>)"
        ).format(marker=marker.group().strip())
        raise DataErrors([DataError(path, message, line=line, column=1)])
    return text


#: A line that version control (git, Mercurial) writes to mark where a merge conflicts:
#: `<<<<<<< HEAD` before one side, `>>>>>>> branch` after the other.
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: [^\r\n]*)?(?=\r?$)", re.MULTILINE)


#: How a file that is no UTF-8 text starts, when it is of a kind a user can name: a zip
#: archive (an xlsx or ods workbook is one), an old Excel workbook (.xls), UTF-16.
_ZIP, _OLE2, _UTF16 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0", (b"\xff\xfe", b"\xfe\xff")


#: How many bytes `utf16_unmarked` looks at.
_LOOK = 200


def utf16_unmarked(raw: bytes) -> bool:
    """Whether `raw` reads as UTF-16 without its byte order mark: in text of Latin
    letters every other byte is 0 (no UTF-8 text has a 0 byte in it, but for NUL)."""
    head = raw[:_LOOK]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    # (zeros on one side only: a run of NUL bytes, as a crash leaves, is no UTF-16)
    zeros, others = sorted((even.count(0) / len(even), odd.count(0) / len(odd)), reverse=True)
    return zeros >= 0.5 and others < 0.1


def not_utf8(raw: bytes, start: int) -> tuple[str, int, int]:
    """Why `raw`, which is no UTF-8 from byte `start` of its text on (as decoding it
    with `utf-8-sig` counts: a byte order mark not counted), is no UTF-8 text, with the
    line and column of that byte: a zip archive (a workbook, a download still packed),
    UTF-16 (what Windows calls "Unicode"), else the byte and, where it is a letter in
    Windows-1252 (Latin-1's superset), that letter."""
    if raw.startswith(_ZIP) and _workbook(raw):
        return _("the file is a workbook, not text"), 1, 1
    if raw.startswith(_OLE2):  # (an .xls workbook, most likely; a .doc is one too)
        return _("the file is an old Office file (an .xls workbook?), not text"), 1, 1
    if raw.startswith(_ZIP):
        return _("the file is a zip archive, not text (unpack it)"), 1, 1
    if raw.startswith(_UTF16) or utf16_unmarked(raw):
        return _("the file is UTF-16 text (what Windows calls Unicode), not UTF-8"), 1, 1
    mark = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    start += mark
    begins = max(raw.rfind(b"\n", 0, start) + 1, mark)
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[begins:start].decode("utf-8", "replace")) + 1
    byte = f"0x{raw[start]:02x}"
    letter = raw[start : start + 1].decode("cp1252", "replace")
    if letter.isalpha():  # (`ö`, 0xf6: a file saved as Latin-1 or Windows-1252)
        what = _("the file is not UTF-8 text (byte {byte}, {letter} in Latin-1)")
        return what.format(byte=byte, letter=letter), line, column
    return _("the file is not UTF-8 text (byte {byte})").format(byte=byte), line, column


def _workbook(raw: bytes) -> bool:
    """Whether the zip archive `raw` is a workbook (xlsx, ods), not one to unpack."""
    import io
    import zipfile
    import zlib

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = archive.namelist()
        kind = b""
        if "mimetype" in names:  # (its first bytes only: a packed entry may be huge)
            with archive.open("mimetype") as entry:
                kind = entry.read(100)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, EOFError):
        return False
    except (zlib.error, NotImplementedError):  # (a damaged or unknown packing)
        return False
    # (an xlsx's parts, or an OpenDocument spreadsheet's declared kind; not an odt)
    return any(name.startswith("xl/") for name in names) or b"spreadsheet" in kind


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return N_("is a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return N_("is a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("is a device")
    return N_("is not a file")


def _check_inside(path: Path, folder: Path) -> None:
    """Refuse `path` when it resolves (through links) to a file outside `folder`."""
    try:
        real, home = path.resolve(), folder.resolve()
    except (OSError, RuntimeError):  # a loop of links
        message = _("cannot read the file: a loop of links")
        raise DataErrors([DataError(path, message)]) from None
    if not real.is_relative_to(home):
        # (a statistics folder linked in from outside is said once, at the folder, by
        # `area.months.load_monthly`, before any of its files is read)
        message = _(
            "is a link to {target}, outside the data folder {folder}; data files must lie "
            "in the data folder (copy the file in instead of linking to it)"
        ).format(target=real, folder=folder)
        raise DataErrors([DataError(path, message)])

"""Writing a file atomically: all of it or nothing, never a partial file.

The content goes to a temporary file in the same folder (so that the final rename
stays on one file system), is flushed to disk, and then `os.replace` puts it in place
in one step, replacing any earlier file of that name. If anything fails on the way,
including the code that writes the content, the temporary file is removed and the
target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class OutputError(Exception):
    """The output file cannot be written (missing folder, a folder in the way, no rights)."""


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def check_target(path: Path) -> None:
    """Raise `OutputError` unless `path` can be a file: its folder exists, it is no folder."""
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: the folder {parent} does not exist")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")


def _temporary(path: Path) -> tuple[Path, int]:
    """Create a new temporary file beside `path` (mode from the umask, like `open`)."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(f"cannot write {path}: {_describe(error)}") from error
        return temporary, descriptor


@contextlib.contextmanager
def atomic_write(path: Path | str) -> Iterator[BinaryIO]:
    """Open a binary stream whose content becomes `path` when the block ends without error.

    Raises `OutputError` when the folder is missing or the file cannot be created or
    replaced; any exception from the block propagates after the temporary file is
    removed, leaving an earlier `path` untouched.
    """
    target = Path(path)
    check_target(target)
    temporary, descriptor = _temporary(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temporary, target)
        except OSError as error:
            raise OutputError(f"cannot write {target}: {_describe(error)}") from error
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise

"""Writing a report file atomically: a temporary file in the same folder, then a rename.

A reader (or a CI step) sees either the old file or the whole new one, never a half
written report. (Private to `check` for now; a general writer for every command may
replace it.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputPathError(ValueError):
    """The report cannot be written where asked."""


def write_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path`, replacing it in one step."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputPathError(f"{path} is a directory; give a file name for the report")
    if not parent.is_dir():
        raise OutputPathError(f"cannot write {path}: the folder {parent} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputPathError(f"cannot write in {parent}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputPathError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

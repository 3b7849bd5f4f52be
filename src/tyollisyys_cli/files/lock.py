"""One import at a time in a data folder.

`import` holds the lock from reading the months held to writing the new one, so that
two imports of the same month run one after the other: the second sees the first's file
and is refused without `--replace`, as it would be run later by hand. The lock is an
advisory `flock` on the data folder itself (nothing is written for it), released when
the run ends, however it ends. Where the folder cannot be opened (the loader then says
why) or there is no `flock` (Windows), the import runs without it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

_OPEN = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


@contextlib.contextmanager
def import_lock(folder: Path) -> Iterator[None]:
    """Hold the data folder's import lock for the block (waiting for another's to end)."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        descriptor = os.open(folder, _OPEN)
    except OSError:  # no such folder, not a folder, no access: the loader reports it
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # (releases the lock)

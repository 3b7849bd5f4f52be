"""One import at a time in a data folder.

`import` holds the lock from reading the months held to writing the new one, so that
two imports of the same month run one after the other: the second sees the first's file
and is refused without `--replace`, as it would be run later by hand. The lock is an
advisory `flock` on the data folder itself (nothing is written for it), released when
the run ends, however it ends. Where the folder cannot be opened (the loader then says
why), its file system refuses the lock (NFS emulates `flock` with locks that a folder
cannot take; some SMB mounts have none) or there is no `flock` (Windows), the import
runs without it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

_OPEN = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


@contextlib.contextmanager
def import_lock(folder: Path, waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the data folder's import lock for the block. When another import holds it,
    `waiting()` is called (to say so), then the lock is waited for."""
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
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another import holds it
            waiting()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:  # a file system without such locks: no lock
            pass
        yield
    finally:
        os.close(descriptor)  # (releases the lock)

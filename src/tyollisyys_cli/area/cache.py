"""The validated area, cached by the content of the data files (docs/speed.md).

- Keyed by content: a digest of the bytes of every data file the loader reads, the names
  of the entries beside them, the folder as given (messages name it), the Python and
  tool versions and a fingerprint of the tool's code. A cached area is never stale.
- One file per data folder, in `$TYOLLISYYS_CACHE_DIR`, `$XDG_CACHE_HOME/tyollisyys`
  or `~/.cache/tyollisyys` (Windows: `%LOCALAPPDATA%`); `TYOLLISYYS_NO_CACHE=1`: none.
- Private and never a way in: mode 0600 in a folder made 0700, written atomically. Only
  a regular file that the user owns and nobody else can write is unpickled; any other,
  or a damaged one, is ignored and rebuilt, but only a file of the user's is replaced
  (a link, a pipe or another's file is left as it is). A failure to write is ignored.

The file holds two pickles: the area (its pydantic models as they are, so a warm run has
the same types as a cold one) and where each value is written, unpickled only when a
command asks (`check`, an error message).
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import os
import pickle
import stat
import struct
import sys
import time
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from tyollisyys_cli import files as limits
from tyollisyys_cli.area.dataset import Area, Positions

ENV_CACHE_DIR = "TYOLLISYYS_CACHE_DIR"
ENV_NO_CACHE = "TYOLLISYYS_NO_CACHE"

#: Starts every cache file; bumped whenever the layout changes.
MAGIC = b"tyollisyys-cache/3\n"
KEY_SIZE = 32
#: After the key: the length of the area's pickle and a CRC-32 of both pickles.
_LENGTHS = struct.Struct("<QI")
_HEAD = len(MAGIC) + KEY_SIZE + _LENGTHS.size
#: Opening a file to read: never waiting (on a named pipe put in a file's place).
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

Loader = Callable[[Path], Area]
_HEX = "0123456789abcdef"


def enabled() -> bool:
    """False when TYOLLISYYS_NO_CACHE is set (to anything but 0, false, no or off)."""
    return os.environ.get(ENV_NO_CACHE, "").strip().lower() in {"", "0", "false", "no", "off"}


def cache_dir() -> Path:
    """The folder of the cache files."""
    configured = os.environ.get(ENV_CACHE_DIR)
    if configured:
        return Path(configured)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "tyollisyys" / "cache"
    xdg, home = os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "tyollisyys"
    if home is not None and not os.path.isabs(home):  # (empty or relative: never one here)
        raise RuntimeError("no home folder")
    return Path(home or Path.home()) / ".cache" / "tyollisyys"


def cache_file(data_dir: Path) -> Path:
    """The cache file of one data folder (as given: paths in messages follow it)."""
    name = os.fsencode(f"{os.path.abspath(data_dir)}\0{data_dir}")
    return cache_dir() / f"area-{hashlib.blake2b(name, digest_size=12).hexdigest()}"


def code_fingerprint() -> bytes:
    """The versions, and the size and time of every module of the package: changed code
    (an upgrade, an edit in a checkout) is never served an area another version made."""
    from tyollisyys_cli import __version__

    package = Path(__file__).parents[1]
    parts = [__version__, sys.version, str(package)]
    for folder, _dirs, files in sorted(os.walk(package)):
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(parts).encode()


def _entries(data_dir: Path) -> list[tuple[str, Path | None]]:
    """The entries the loader looks at, by name, with the path of each file it reads."""
    entries: list[tuple[str, Path | None]] = []
    for prefix in ("", "statistics/"):  # the data folder and its month files
        folder = data_dir / prefix
        if prefix and not folder.is_dir():
            continue
        with os.scandir(folder) as scan:
            found = sorted(scan, key=lambda entry: entry.name)
        for entry in found:
            name = prefix + entry.name
            if entry.name.startswith("."):  # editor files, a write's temporary file
                continue
            if entry.is_dir():
                entries.append((name + "/", None))
            elif entry.is_file() and entry.name.endswith((".yaml", ".yml", ".csv")):
                entries.append((name, Path(entry.path)))
            else:
                entries.append((name + "?", None))
    return entries


#: What any write to a file changes: its size, times or inode.
Status = tuple[int, int, int, int]


def data_key(data_dir: Path) -> tuple[bytes, tuple[Status, ...]]:
    """The content key of the area in `data_dir`, and the status of each file read for it
    (OSError when the folder or a file cannot be read). A file the loader refuses unread
    (over its size limit, not a regular file) is keyed by its status, not read."""
    digest = hashlib.blake2b(digest_size=KEY_SIZE)
    digest.update(MAGIC + code_fingerprint() + b"\0" + os.fsencode(data_dir) + b"\0")
    statuses: list[Status] = []
    for name, path in _entries(data_dir):
        digest.update(os.fsencode(name) + b"\0")
        if path is not None:
            with os.fdopen(os.open(path, _READ), "rb") as handle:
                seen = os.fstat(handle.fileno())
                status = (seen.st_size, seen.st_mtime_ns, seen.st_ctime_ns, seen.st_ino)
                unread = not stat.S_ISREG(seen.st_mode) or seen.st_size > limits.MAX_FILE_BYTES
                content = b"%d:%d:%d:%d" % status if unread else handle.read(seen.st_size + 1)
            if content is None:  # a read that would wait (O_NONBLOCK honoured): no cache
                raise OSError(errno.EAGAIN, "a read would wait", name)
            statuses.append(status)
            digest.update(b"%d%s\0" % (len(content), b"?" if unread else b"") + content)
    return digest.digest(), tuple(statuses)


def load_area_cached(data_dir: Path, loader: Loader | None = None) -> Area:
    """The validated area in `data_dir`, from the cache when its files have not changed.
    `loader` reads and validates the files on a miss (default `load.load_area`); its
    errors (`DataErrors`) pass through, and an area that fails to load is not cached."""

    def load(data_dir: Path) -> Area:
        from tyollisyys_cli.area.load import load_area  # (not imported on a warm run)

        return (loader or load_area)(data_dir)

    if not enabled():
        return load(data_dir)
    try:
        target = cache_file(data_dir)
        key, statuses = data_key(data_dir)
    except (OSError, RuntimeError):  # a folder the loader will report; no home folder
        return load(data_dir)
    # (a cache file far larger than the files it was made of is damaged: never read whole)
    limit = 2**24 + 32 * sum(status[0] for status in statuses)
    cached = read(target, key, lambda: load(data_dir), limit)
    if cached is not None:
        return cached
    area = load(data_dir)
    # The loader reads the files again: one written meanwhile, even back to the bytes it
    # had (its change time moves), may have given an area of other bytes than `key`'s.
    with contextlib.suppress(OSError):  # (not written over a link, a pipe, another's file)
        if not _taken(target) and data_key(data_dir) == (key, statuses):
            write(target, key, area)
    return area


def _trusted(status: os.stat_result, *, to_read: bool = True) -> bool:
    """Only a regular file of the user's own, writable by nobody else, is unpickled; only
    one of the user's own is replaced (never a link, a pipe or another's file)."""
    others_write = status.st_mode & 0o022 if to_read else 0
    ours = not hasattr(os, "getuid") or status.st_uid == os.getuid()  # (Windows: no owners)
    return stat.S_ISREG(status.st_mode) and ours and not others_write


def _taken(path: Path) -> bool:
    """Whether what stands at `path` is not the user's to replace (left as it is)."""
    return os.path.lexists(path) and not _trusted(os.lstat(path), to_read=False)


def read(path: Path, key: bytes, reload: Callable[[], Area], limit: int) -> Area | None:
    """The area in the cache file written under `key`, or None when the file is missing,
    of other files, untrusted, larger than `limit` bytes or damaged. `reload` loads the
    files should the positions turn out unreadable later."""
    try:
        with os.fdopen(os.open(path, _READ | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not _trusted(status) or status.st_size > limit:
                return None
            data = handle.read() or b""  # (None: a read that would wait)
    except OSError:
        return None
    if len(data) < _HEAD or data[: len(MAGIC) + KEY_SIZE] != MAGIC + key:
        return None
    length, crc = _LENGTHS.unpack_from(data, len(MAGIC) + KEY_SIZE)
    body = memoryview(data)[_HEAD:]
    if length > len(body) or zlib.crc32(body) != crc:
        return None
    try:
        area = pickle.loads(body[:length])
    except Exception:  # anything unpickling a damaged file can raise
        return None
    later = Positions.later(lambda: _positions(body[length:], reload))
    return dataclasses.replace(area, positions=later) if isinstance(area, Area) else None


def _positions(data: memoryview, reload: Callable[[], Area]) -> Mapping[str, Any]:
    with contextlib.suppress(Exception):  # (anything unpickling a damaged file can raise)
        if isinstance(positions := pickle.loads(data), dict):
            return positions
    return dict(reload().positions)


def write(path: Path, key: bytes, area: Area) -> None:
    """Write the area's cache file atomically (any failure leaves the cache as it was),
    the pickles straight to the file (megabytes for a national area), the head last."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove_stale(path.parent)
        temporary = path.with_name(f".tmp-{os.urandom(8).hex()}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(MAGIC + key + _LENGTHS.pack(0, 0))
                body = _Summed(handle)
                without_positions = dataclasses.replace(area, positions=Positions({}))
                pickle.dump(without_positions, body, pickle.HIGHEST_PROTOCOL)
                length = body.size
                pickle.dump(dict(area.positions), body, pickle.HIGHEST_PROTOCOL)
                handle.seek(len(MAGIC) + KEY_SIZE)
                handle.write(_LENGTHS.pack(length, body.crc))
            if not _taken(path):  # (not over what was placed there meanwhile)
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):  # (replaced: gone)
                os.unlink(temporary)
    except Exception:  # a cache that cannot be written only makes runs slower
        return


def _remove_stale(folder: Path) -> None:
    """Remove temporary files of the user's that a killed run left, an hour old or more."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name  # (only `.tmp-` and 16 hexadecimal digits: the folder may be any)
            if len(name) != 21 or not name.startswith(".tmp-") or name[5:].strip(_HEX):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if status.st_mtime < time.time() - 3600 and _trusted(status, to_read=False):
                    os.unlink(entry.path)


class _Summed:
    """A file being written, with the length and CRC-32 of what went through."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.size, self.crc = handle, 0, 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.crc = zlib.crc32(data, self.crc)
        return self.handle.write(data)

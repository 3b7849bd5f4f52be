"""The validated area, cached by the content of the data files.

Reading and validating the YAML files is most of a command's work; a warm run instead
reads the validated area back from one cache file. The cache is

- keyed by content: the names of the files below the data folder and the bytes of every
  `*.yaml`/`*.yml` among them and of `statistics/*.csv`, the folder as given, the
  tool's version and the code of the installed package. Any changed byte is a new key,
  so a cached area is never stale; there is no time-to-live and nothing to invalidate
  by hand. A warm run need not read the files to know the key: the cache file also
  holds a digest of the files' names and status (size, times, inode) taken when none had
  changed just before it was read, and files with that status have those bytes (any
  write moves a file's change time);
- safe to delete at any time (one file per data folder, rebuilt on the next run);
- outside the data: `$TYOLLISYYS_CACHE_DIR`, else `$XDG_CACHE_HOME/tyollisyys`, else
  `~/.cache/tyollisyys` (`%LOCALAPPDATA%\\tyollisyys\\cache` on Windows).
  `TYOLLISYYS_NO_CACHE=1` turns it off;
- written atomically (a temporary file renamed over the old one), so a reader never
  sees half a file; one that is corrupt, unreadable, not the user's own or writable by
  others is ignored and rebuilt. A failure to write is ignored too: the cache only
  ever makes a run faster.

The file holds pickles of plain records (`tyollisyys_cli.area.records`), so a warm run needs
neither PyYAML nor pydantic. Parts most commands do not need (where each value is
written, the rows of every month but the ones used) are read only when first used.
"""

from __future__ import annotations

import dataclasses
import io
import marshal
import mmap
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area

ENV_CACHE_DIR = "TYOLLISYYS_CACHE_DIR"
ENV_NO_CACHE = "TYOLLISYYS_NO_CACHE"

#: Bumped whenever the layout of the cache file changes.
FORMAT = b"tyollisyys-cache/2\n"
#: Statistics mappings with more entries than this are read only when used.
DEFER_OVER = 32
#: Folder levels below the data folder that the key covers (`statistics/` is one).
MAX_DEPTH = 4

Loader = Callable[[Path], "Area"]


def enabled() -> bool:
    """False when TYOLLISYYS_NO_CACHE is set (to anything but 0, false or no)."""
    value = os.environ.get(ENV_NO_CACHE, "").strip().lower()
    return value in {"", "0", "false", "no"}


def cache_dir() -> Path:
    """The folder of the cache files."""
    configured = os.environ.get(ENV_CACHE_DIR)
    if configured:
        return Path(configured)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "tyollisyys" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "tyollisyys"


def cache_file(data_dir: Path) -> Path:
    """The cache file of one data folder (as given: paths in messages follow it)."""
    name = f"{Path(os.path.abspath(data_dir))}\0{data_dir}".encode()
    digest = _digest(len(name))
    digest.update(name)
    return cache_dir() / f"area-{digest.hexdigest()[:24]}"


#: Above this many bytes of data, hash with OpenSSL's SHA-1 (fast on large data, but
#: importing OpenSSL takes a few milliseconds); below it, with the built-in BLAKE2.
LARGE_DATA = 1 << 20


def _digest(size: int) -> Any:
    """A hash object fit for `size` bytes of data (only ever a cache key, not security)."""
    if size <= LARGE_DATA:
        try:
            from _blake2 import blake2b  # what hashlib.blake2b is, without OpenSSL

            return blake2b(digest_size=20)
        except ImportError:  # pragma: no cover - another Python implementation
            pass
    import hashlib

    return hashlib.sha1(usedforsecurity=False)


def data_files(data_dir: Path) -> Iterator[tuple[str, Path | None, os.stat_result | None]]:
    """Every entry below `data_dir` in a stable order: (relative name, and the path and
    status of a data file).

    Hidden entries (`.git`, editor swap files) are left out: the loader never reads them.
    """

    def walk(
        folder: Path, prefix: str, depth: int
    ) -> Iterator[tuple[str, Path | None, os.stat_result | None]]:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = prefix + entry.name
            if entry.is_dir():
                yield name + "/", None, None
                if depth < MAX_DEPTH:
                    yield from walk(Path(entry.path), name + "/", depth + 1)
            elif entry.name.endswith((".yaml", ".yml")) or (
                prefix == "statistics/" and entry.name.endswith(".csv")
            ):
                yield name, Path(entry.path), entry.stat()
            else:
                yield name, None, None

    return walk(data_dir, "", 1)


def code_fingerprint() -> bytes:
    """The tool's version and the size and time of every module of the package.

    A cached area is what this code made of the files: changed code (an upgrade, or an
    edit in a development checkout) must not be served an area another version made.
    """
    from tyollisyys_cli import __version__

    package = Path(__file__).parents[1]
    parts = [__version__, sys.version, str(package)]
    for folder, _dirs, files in sorted(os.walk(package)):
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode()


def data_key(data_dir: Path) -> bytes:
    """The content key of the area in `data_dir` (raises OSError when it cannot be read)."""
    return _hash_files(data_dir).key


#: A file whose status changed less than this long before it was hashed is read again
#: after loading rather than trusted by its status: file systems keep times in ticks
#: (a few milliseconds on Linux, 2 s on FAT), and two writes in one tick leave the same
#: times (and, for an edit of one figure, the same size).
RACY_NS = 3_000_000_000

#: A data file's status: what any change to the file changes (a write sets the change
#: time to the present; a file replaced by another has another inode).
Status = tuple[int, int, int, int, int]


def _status(stat: os.stat_result) -> Status:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


@dataclasses.dataclass(frozen=True)
class _Hashed:
    """A content key and what the files looked like when they were read for it."""

    key: bytes
    #: The entries' names, each data file's status taken before its bytes were read,
    #: and the code's fingerprint.
    listing: tuple[object, ...]
    #: Whether a data file had changed within `RACY_NS` before it was hashed.
    racy: bool


def _hash_files(data_dir: Path) -> _Hashed:
    started = time.time_ns()
    entries = list(data_files(data_dir))  # every status is taken before any file is read
    fingerprint = code_fingerprint()
    digest = _digest(sum(stat.st_size for _name, _path, stat in entries if stat is not None))
    digest.update(FORMAT)
    digest.update(fingerprint)
    digest.update(f"\0{data_dir}\0".encode())
    racy = False
    for name, path, stat in entries:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        if path is not None and stat is not None:
            racy = racy or max(stat.st_mtime_ns, stat.st_ctime_ns) > started - RACY_NS
            content = path.read_bytes()
            digest.update(b"%d\0" % len(content))
            digest.update(content)
    return _Hashed(digest.digest(), _listing(entries, fingerprint), racy)


def _listing(
    entries: list[tuple[str, Path | None, os.stat_result | None]], fingerprint: bytes
) -> tuple[object, ...]:
    return (
        *((name, None if stat is None else _status(stat)) for name, _path, stat in entries),
        fingerprint,
    )


#: The status digest of a cache file written while a data file was racy: never matches.
UNSETTLED = bytes(20)


def _status_digest(data_dir: Path, listing: tuple[object, ...]) -> bytes:
    """A digest of the files' names and status (and the code), to recognise them by."""
    digest = _digest(0)
    digest.update(FORMAT + f"\0{data_dir}\0".encode("utf-8", "surrogateescape"))
    digest.update(pickle.dumps(listing, pickle.HIGHEST_PROTOCOL))
    return bytes(digest.digest())


def _settled(data_dir: Path) -> bytes:
    """The status digest of the files as they are now (no file is read)."""
    return _status_digest(data_dir, _listing(list(data_files(data_dir)), code_fingerprint()))


def _unchanged(data_dir: Path, hashed: _Hashed) -> bool:
    """Whether the files are still those hashed into `hashed.key`.

    Their names and status must be as they were before they were hashed: a file written
    meanwhile (even back to the bytes it had) has a later change time, and the area
    loaded from it is not filed under the key. When a file had changed just before it
    was read, the status cannot tell a second write in the same tick, so the bytes are
    hashed again too.
    """
    try:
        if _listing(list(data_files(data_dir)), code_fingerprint()) != hashed.listing:
            return False
        return not hashed.racy or data_key(data_dir) == hashed.key
    except OSError:
        return False


def _status_trusted() -> bool:
    """Whether a file's change time moves with every write: not on Windows, where
    `st_ctime` is the time the file was created."""
    return os.name != "nt"


def load_area_cached(data_dir: Path, loader: Loader | None = None) -> Area:
    """The validated area in `data_dir`, from the cache when its files have not changed.

    `loader` reads and validates the files on a miss (default `load.load_area`); its
    errors (`DataErrors`) pass through, and an area that fails to load is not cached.
    """

    def load() -> Area:
        if loader is not None:
            return loader(data_dir)
        from tyollisyys_cli.area.load import load_area

        return load_area(data_dir)

    if not enabled():
        return load()
    try:
        target = cache_file(data_dir)
        # Files whose names and status are those recorded when the cache was written
        # (none of them changed just before) have the bytes they had: no need to read
        # and hash them. Any write sets a file's change time to a later tick.
        if _status_trusted():
            cached = read(target, None, load, status=_settled(data_dir))
            if cached is not None:
                return cached
        hashed = _hash_files(data_dir)
    except (OSError, RuntimeError):  # a file the loader will report; no home folder
        return load()
    settled = not hashed.racy and _status_trusted()
    status = _status_digest(data_dir, hashed.listing) if settled else UNSETTLED
    cached = read(target, hashed.key, load)
    if cached is not None:
        if settled:  # written while the files were fresh: recognise them by status now
            stamp(target, hashed.key, status)
        return cached
    area = load()
    # A file changed while it was being read would file this area under a key of other
    # content; write only when the files are as they were hashed.
    if _unchanged(data_dir, hashed):
        write(target, hashed.key, area, status=status)
    return area


def stamp(path: Path, key: bytes, status: bytes) -> None:
    """Record the status digest in the cache file written under `key` (if it still is).

    The 20 bytes are written in place, in the very file whose key was checked: a reader
    meanwhile sees the old digest, the new one or a mix, and a digest that does not match
    only sends it to the key. Any failure leaves the file as it was.
    """
    start = len(FORMAT)
    try:
        with open(path, "r+b") as handle:
            if not _trusted(os.fstat(handle.fileno())):
                return
            head = handle.read(start + 40)
            if head[:start] != FORMAT or head[start : start + 20] != key:
                return
            if head[start + 20 :] != status:
                handle.seek(start + 20)
                handle.write(status)
    except OSError:
        return


# ------------------------------------------------------------------ the file

# Layout: FORMAT, the 20-byte key, the 20-byte status digest (`UNSETTLED` when a file
# had changed just before it was read), the main pickle and the deferred parts, then the
# index (a pickle of {"main": (offset, length, crc), "parts": [...]}) and, in the last
# 8 bytes, the offset of the index.


def read(
    path: Path, key: bytes | None, reload: Callable[[], Area], *, status: bytes = UNSETTLED
) -> Area | None:
    """The area in the cache file, or None when it is missing, stale or unusable.

    It is current when it was written under `key` (the content key of the files now),
    or under the status digest `status` (of the files now) when that is not `UNSETTLED`.
    """
    try:
        with open(path, "rb") as handle:
            if not _trusted(os.fstat(handle.fileno())):
                return None
            view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty
        return None
    try:
        start = len(FORMAT)
        if view[:start] != FORMAT:
            return None
        by_key = key is not None and view[start : start + 20] == key
        by_status = status != UNSETTLED and view[start + 20 : start + 40] == status
        if not (by_key or by_status):
            return None
        index_at = int.from_bytes(view[-8:], "little")
        index = pickle.loads(view[index_at:-8])
        source = _Source(view, index["parts"], reload)
        offset, length, crc = index["main"]
        data = view[offset : offset + length]
        if zlib.crc32(data) != crc:
            return None
        unpickler = _Unpickler(io.BytesIO(data), source)
        area: Area = unpickler.load()
        return area
    except Exception:  # anything unpickling a damaged file can raise
        return None


def write(path: Path, key: bytes, area: Area, *, status: bytes = UNSETTLED) -> None:
    """Write the area's cache file atomically; any failure leaves the cache as it was."""
    global _reductions
    try:
        _reductions = _model_reductions()
        parts: list[bytes] = []
        main = _dumps(_deferring(area, parts))
        entries: list[tuple[int, int, int]] = []
        offset = len(FORMAT) + len(key) + len(status)
        for section in (main, *parts):
            entries.append((offset, len(section), zlib.crc32(section)))
            offset += len(section)
        index = pickle.dumps({"main": entries[0], "parts": entries[1:]}, pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # As tempfile.mkstemp makes it (a new file only the user can read), without
        # importing tempfile (4 ms: shutil, random and the compressors).
        temporary = path.with_name(f".tmp-{os.urandom(8).hex()}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(FORMAT + key + status)
                for section in (main, *parts):
                    handle.write(section)
                handle.write(index + offset.to_bytes(8, "little"))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # a cache that cannot be written only makes runs slower
        return
    finally:
        _reductions = None


def _trusted(stat: os.stat_result) -> bool:
    """Only the user's own file, writable by nobody else, is unpickled."""
    if not hasattr(os, "getuid"):
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


# ------------------------------------------------------------------ pickling


def _model_reductions() -> dict[type, Callable[[Any], Any]]:
    """Every validated model class of the package → its reduction to a record.

    Empty without pydantic loaded: then there is no model instance to reduce (the plain
    validation of `models.plain` made records already)."""
    pydantic = sys.modules.get("pydantic")
    if pydantic is None:
        return {}
    from tyollisyys_cli.area.records import from_model

    table: dict[type, Callable[[Any], Any]] = {}
    pending: list[type] = [pydantic.BaseModel]
    while pending:
        subclass: type
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("tyollisyys_cli."):
                table[subclass] = from_model
    return table


#: The reductions of the models while one cache file is written (found once per file).
_reductions: dict[type, Callable[[Any], Any]] | None = None


def _dumps(value: Any) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reductions if _reductions is not None else _model_reductions()
    pickler.dump(value)
    return out.getvalue()


def _dump_part(value: Mapping[Any, Any]) -> bytes:
    """A deferred mapping as bytes. Values that are all of one plain dataclass (the
    positions of a file: one per value written) are stored as columns, which is three
    times faster to write than pickling each object, and rebuilt one at a time when
    looked up (a command looks up a few)."""
    # A mapping of another kind (an imported month's rows, kept as columns) pickles
    # itself compactly; asking it for its values would build every row.
    kinds = {type(item) for item in value.values()} if type(value) is dict else set()
    if len(kinds) == 1:
        kind = kinds.pop()
        if dataclasses.is_dataclass(kind) and all(f.init for f in dataclasses.fields(kind)):
            items = list(value.values())
            columns = [[getattr(item, f.name) for item in items] for f in dataclasses.fields(kind)]
            try:
                columns_data = marshal.dumps((list(value), columns))
            except ValueError:  # a value marshal cannot write: pickle the mapping
                pass
            else:
                return b"C" + pickle.dumps((kind, columns_data), pickle.HIGHEST_PROTOCOL)
    return b"P" + _dumps(value)


def _load_part(data: bytes) -> Mapping[Any, Any]:
    if data[:1] == b"C":
        kind, columns_data = pickle.loads(data[1:])
        keys, columns = marshal.loads(columns_data)
        return _ColumnMapping(kind, keys, columns)
    value: dict[Any, Any] = pickle.loads(data[1:])
    return value


class _ColumnMapping(Mapping[Any, Any]):
    """Keys and the field values of their dataclass values, as columns; a value is
    built when it is looked up."""

    def __init__(self, kind: Any, keys: list[Any], columns: list[list[Any]]) -> None:
        self._kind = kind
        self._keys = keys
        self._columns = columns
        self._index = {key: i for i, key in enumerate(keys)}

    def __getitem__(self, key: Any) -> Any:
        i = self._index[key]
        return self._kind(*[column[i] for column in self._columns])

    def __iter__(self) -> Iterator[Any]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._index


class _Deferred:
    """A placeholder in the main pickle for a part stored apart: its number and where
    it sits in the area (to rebuild it should the part be damaged)."""

    __slots__ = ("number", "where")

    def __init__(self, number: int, where: tuple[str | int, ...]) -> None:
        self.number = number
        self.where = where

    def __reduce__(self) -> tuple[Any, ...]:
        return (_deferred, (self.number, self.where))


def _deferred(number: int, where: tuple[str | int, ...]) -> DeferredMapping:
    source = _Unpickler.current
    if source is None:
        raise pickle.UnpicklingError("a deferred part outside of a cache file")
    return DeferredMapping(source, number, where)


def _deferring(area: Area, parts: list[bytes]) -> Any:
    """The area with its large mappings replaced by `_Deferred` placeholders."""

    def defer(value: Mapping[Any, Any], where: tuple[str | int, ...]) -> Any:
        parts.append(_dump_part(value))
        return _Deferred(len(parts) - 1, where)

    if not dataclasses.is_dataclass(area):
        return area
    changes: dict[str, Any] = {}
    positions = getattr(area, "positions", None)
    if isinstance(positions, dict):
        changes["positions"] = {
            name: defer(value, ("positions", name)) if type(value) is dict else value
            for name, value in positions.items()
        }
    snapshots = getattr(area, "snapshots", None)
    if isinstance(snapshots, tuple):
        # The latest month stays in the main part: it is what commands show by default.
        *earlier, latest = snapshots or (None,)
        changes["snapshots"] = tuple(
            _deferring_snapshot(snapshot, i, defer) for i, snapshot in enumerate(earlier)
        ) + (() if latest is None else (latest,))
    return dataclasses.replace(area, **changes)


def _deferring_snapshot(
    snapshot: Any, number: int, defer: Callable[[Mapping[Any, Any], tuple[str | int, ...]], Any]
) -> Any:
    if not dataclasses.is_dataclass(snapshot) or isinstance(snapshot, type):
        return snapshot
    changes = {
        field.name: defer(value, ("snapshots", number, field.name))
        for field in dataclasses.fields(snapshot)
        if isinstance(value := getattr(snapshot, field.name), Mapping) and len(value) > DEFER_OVER
    }
    return dataclasses.replace(snapshot, **changes) if changes else snapshot


class _Source:
    """The open cache file that deferred parts are read from."""

    def __init__(
        self, view: mmap.mmap, parts: list[tuple[int, int, int]], reload: Callable[[], Area]
    ) -> None:
        self.view = view
        self.parts = parts
        self.reload = reload

    def part(self, number: int, where: tuple[str | int, ...]) -> Mapping[Any, Any]:
        offset, length, crc = self.parts[number]
        data = self.view[offset : offset + length]
        try:
            if zlib.crc32(data) != crc:
                raise ValueError("checksum")
            return _load_part(data)
        except Exception:
            # Damaged after the run began to use it: load the files afresh and take the
            # same part from them (the key matched, so it is the same data).
            return _walk(self.reload(), where)


def _walk(area: Any, where: tuple[str | int, ...]) -> Mapping[Any, Any]:
    value = area
    for step in where:
        value = (
            value[step]
            if isinstance(step, int) or isinstance(value, dict)
            else getattr(value, step)
        )
    return value if not isinstance(value, dict) else dict(value)


class _Unpickler(pickle.Unpickler):
    current: _Source | None = None

    def __init__(self, file: io.BytesIO, source: _Source) -> None:
        super().__init__(file)
        self.source = source

    def load(self) -> Any:
        previous, _Unpickler.current = _Unpickler.current, self.source
        try:
            return super().load()
        finally:
            _Unpickler.current = previous


class DeferredMapping(Mapping[Any, Any]):
    """A mapping stored apart in the cache file, read the first time it is used."""

    def __init__(self, source: _Source, number: int, where: tuple[str | int, ...]) -> None:
        self._source = source
        self._number = number
        self._where = where
        self._data: Mapping[Any, Any] | None = None

    @property
    def data(self) -> Mapping[Any, Any]:
        if self._data is None:
            self._data = self._source.part(self._number, self._where)
        return self._data

    def __getitem__(self, key: Any) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __contains__(self, key: object) -> bool:
        return key in self.data

    def get(self, key: Any, default: Any = None) -> Any:
        return self.data.get(key, default)

    # What code written for the dict it stands for may also use.
    def copy(self) -> dict[Any, Any]:
        return dict(self.data)

    def __or__(self, other: Mapping[Any, Any]) -> dict[Any, Any]:
        return {**self.data, **other}

    def __ror__(self, other: Mapping[Any, Any]) -> dict[Any, Any]:
        return {**other, **self.data}

    def __repr__(self) -> str:
        return repr(self.data)

    def __getattr__(self, name: str) -> Any:
        # What the mapping it stands for offers beyond a mapping (a month's `table`).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.data, name)

    def __reduce__(self) -> tuple[Any, ...]:
        data = self.data
        if isinstance(data, dict | _ColumnMapping):
            return (dict, (dict(data),))
        reduced: tuple[Any, ...] = data.__reduce__()  # type: ignore[assignment]
        return reduced

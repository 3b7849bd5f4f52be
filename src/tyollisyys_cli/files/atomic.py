"""Writing a file: all of it or nothing, and never over what is not ours to replace.

What happens depends on what stands at the target path:

- nothing, or a regular file: the content goes to a temporary file in the same folder
  (so that the final rename stays on one file system), is flushed to disk, and
  `os.replace` puts it in place in one step. A replaced file keeps its permission bits
  (and, where the process may, its owner and group); a new file gets the umask's, like
  any file a program creates. A read-only file is refused, never replaced;
- a symbolic link: the file it points to is written as above, and the link stays;
- a character device or a named pipe (`/dev/null`, a FIFO): the content is written
  straight into it, as a shell redirection would; a name of one of the process's own
  descriptors (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`), into that descriptor;
- a folder, a socket or a block device: refused.

If anything fails on the way, including the code that writes the content, the
temporary file is removed and the target is left as it was. A run killed outright
(SIGKILL, power loss) can leave one temporary file, named `.NAME.XXXXXXXX.tmp` beside
the target; the next write of the same target removes such files once they are an hour
old.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

from tyollisyys_cli.errors import DEVICE_ERRORS, escaped, home_in_quotes, system_reason
from tyollisyys_cli.i18n import N_, _

#: Longest file name most file systems allow, in bytes.
NAME_MAX = 255
#: A temporary file of ours older than this is left over from a killed run.
STALE_SECONDS = 3600


class OutputError(Exception):
    """The output file cannot be written (missing folder, a folder in the way, no rights)."""


class TargetRefused(OutputError):
    """What is where the file goes may not be written as it is (read-only, a folder, a
    device, another user's): the user's to mend (exit code 2, as for an -o output)."""


class DeviceError(OutputError):
    """The device refused what was written: a full disk, a quota, a read-only file system,
    an I/O error. Not the user's path to fix (exit code 1, not 2)."""


def _describe(error: OSError) -> str:
    return system_reason(error)


def _cannot_write(path: Path | str, reason: str) -> str:
    return _("cannot write {path}: {reason}").format(path=path, reason=reason)


def _existing(path: Path) -> os.stat_result | None:
    """The status of what `path` leads to (links followed), or None when nothing is there."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise  # (named as for every path: `cli.errors`)
        raise OutputError(_cannot_write(path, _describe(error))) from error


def check_target(path: Path, *, renamable: bool = True) -> None:
    """Raise `OutputError` unless something may be written at `path`. `renamable`: the
    user may write it under another name (an output, not an area's month file)."""
    target, descriptor = followed(path)
    if descriptor is None:
        _check(path, target, renamable=renamable)


def _check(path: Path, target: Path, *, renamable: bool = True) -> None:
    """Raise `OutputError` unless `target`, where writing `path` leads, may be written."""
    found = _existing(target)
    if found is None:
        # (`folder/.`: a link to a folder is no last part, which fs.protected_symlinks
        # would refuse a stat of in another user's sticky folder, though not a write)
        if not os.path.isdir(os.path.join(target.parent, ".")):
            raise TargetRefused(
                _cannot_write(
                    path,
                    _("the folder {folder} does not exist").format(folder=target.parent)
                    + home_in_quotes(Path(path)),
                )
            )
        return
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        raise TargetRefused(_cannot_write(path, _("it is a folder")))
    if stat.S_ISREG(mode):
        if not mode & 0o222:  # (read-only is kept so, root's run too: never replaced)
            reason = (
                _("the file is read-only; make it writable (chmod u+w) or choose another name")
                if renamable
                else _("the file is read-only; make it writable (chmod u+w)")
            )
            raise TargetRefused(_cannot_write(path, reason))
        refused = _why_not_writable(target, found)
        if refused is not None:  # (writable by its mode, but not by this user, or not here)
            raise TargetRefused(_cannot_write(path, refused))
        if _anothers_in_a_shared_folder(target, found):
            reason = _(
                "it is another user's file in a shared folder where only a file's owner may "
                "replace it (such as /tmp), as the tool writes every file; choose another name"
            )
            raise TargetRefused(_cannot_write(path, reason))
        return
    if stat.S_ISBLK(mode):
        raise TargetRefused(_cannot_write(path, _("it is a block device (a disk or a partition)")))
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise TargetRefused(_cannot_write(path, _("it is not a regular file, device or pipe")))


#: The most links followed from a path (as the system's own limit, ELOOP).
_MOST_LINKS = 40


def followed(path: Path | str) -> tuple[Path, int | None]:
    """Where `path` leads, link by link: the file to write, or the number of a
    descriptor of this process that a link on the way names (`/dev/stdout` leads to
    `/proc/self/fd/1`: 1; `/dev/fd/N`, `/proc/thread-self/fd/N`). Such a descriptor is
    written into where it stands, as a shell's `>&N` writes it (not reopened, as `>`
    would): resolved to its end, it is the file standard output goes to (a log a `>>`
    appends to), which a temporary file renamed over would replace, or a pipe, which has
    no name to rename onto.

    `OutputError` at a link of another user's in a folder all may write (`foreign_link`):
    each link on the way is looked at, as the system looks at each for a shell's `>`."""
    current = os.fsdecode(path)  # (as given, for messages, until a link is followed)
    try:
        os.stat(current)  # (the system counts the links, those of folders too: ELOOP)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError(_cannot_write(path, _describe(error))) from None
    for _hop in range(_MOST_LINKS + 1):
        # (its folder as the system finds it: `sub/..` after a link to a folder is not
        # the folder the text names; `//dev/stdout`: POSIX leaves `//` to the system)
        folder = os.path.realpath(os.path.dirname(current) or ".")
        descriptor = _descriptor(os.path.join(folder, os.path.basename(current)))
        if descriptor is not None:
            return Path(current), descriptor
        if not os.path.islink(current):
            return Path(current), None
        if foreign_link(Path(current)):
            raise OutputError(_cannot_write(path, _(FOREIGN_LINK)))
        text = os.readlink(current)
        # (as the system takes it: `..` after a folder link is that folder's parent)
        current = os.path.join(os.path.dirname(current), text)
        if text in (".", "..") or text.endswith(("/", "/.", "/..")):  # (a folder's name)
            # (as the system answers a shell's `>`: `M/` of a file is no folder to write)
            kind = errno.EISDIR if text.endswith("/") else errno.ENOTDIR
            reason = _("it is a folder") if os.path.isdir(current) else os.strerror(kind)
            raise OutputError(_cannot_write(path, reason))
    raise OutputError(_cannot_write(path, os.strerror(errno.ELOOP)))


def _descriptor(path: str) -> int | None:
    """N where `path`, its folder resolved, names this process's descriptor N (the
    folder of `/dev/fd/N`, `/proc/self/fd/N` is `/proc/PID/fd`; of
    `/proc/thread-self/fd/N`, `/proc/PID/task/TID/fd`)."""
    found = re.fullmatch(r"/proc/([0-9]+)(?:/task/[0-9]+)?/fd/([0-9]+)", path)
    if found is None or int(found[1]) != os.getpid():
        return None
    return int(found[2])


#: Why a link of another user's in a shared folder is not followed.
FOREIGN_LINK = N_(
    "it is another user's link in a folder all may write (such as /tmp), which anyone "
    "there could have placed: the tool does not follow it; remove it, or choose another "
    "name"
)


def foreign_link(path: Path) -> bool:
    """Whether `path` is a link that the system would not follow for this user's `>`
    (`fs.protected_symlinks`): in a sticky folder that all may write (/tmp), owned by
    neither this user nor the folder's owner. The tool resolves links itself, so the
    system's protection never applies: another user's link planted as the name an
    output is written to (`/tmp/kuhmo.csv` → `~/thesis.txt`) replaced the file."""
    if not hasattr(os, "geteuid"):
        return False
    try:
        link, folder = os.lstat(path), os.stat(os.path.dirname(path) or ".")
    except OSError:
        return False
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    owner = link.st_uid in (os.geteuid(), folder.st_uid)
    return bool(stat.S_ISLNK(link.st_mode) and shared and not owner)


def _why_not_writable(path: Path, found: os.stat_result) -> str | None:
    """Why the system would not let this user write the file `path`, as it would refuse a
    shell's `>` (another user's file of mode 644, which the tool would otherwise have
    replaced and made the runner's; a read-only mount; an immutable file), or None.
    Asked by opening it for writing, without truncating it."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        os.close(os.open(path, flags))
    except OSError as error:
        user = os.geteuid() if hasattr(os, "geteuid") else found.st_uid
        if error.errno in (errno.EACCES, errno.EPERM) and found.st_uid != user:
            return _(
                "you may not write to it: it is another user's; ask its owner to let you "
                "(chmod g+w), or choose another name"
            )
        return _describe(error)
    return None


def _anothers_in_a_shared_folder(path: Path, found: os.stat_result) -> bool:
    """Whether the file `path` (of status `found`) is one that only its owner may replace
    there: another user's, in a sticky folder of yet another (`Operation not permitted`,
    said of nothing, was the message); in one that all may write, root's run too, as the
    system refuses root a shell's `>` there (`fs.protected_regular`), and as root's run
    would hand its output to that user."""
    user = os.geteuid() if hasattr(os, "geteuid") else found.st_uid
    try:
        folder = os.stat(path.parent)
    except OSError:
        return False
    sticky = folder.st_mode & stat.S_ISVTX
    if user == 0:  # (the system's rule for a file neither root's nor the folder owner's)
        shared = sticky and folder.st_mode & stat.S_IWOTH
        return bool(shared and found.st_uid not in (0, folder.st_uid))
    return bool(sticky and user not in (found.st_uid, folder.st_uid))


def temporary_name(target: Path) -> str:
    """A fresh hidden name beside `target`, within the file system's limit on names."""
    token = secrets.token_hex(4)
    name = f".{target.name}.{token}.tmp"
    if len(os.fsencode(name)) <= NAME_MAX:
        return name
    return f".tyollisyys.{token}.tmp"


def _remove_stale(target: Path) -> None:
    """Remove temporary files of ours beside `target` left by a killed run."""
    prefix = f".{target.name}."
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            token = name[len(prefix) : -len(".tmp")]
            if len(token) != 8 or any(c not in "0123456789abcdef" for c in token):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)


def _temporary(target: Path, given: Path) -> tuple[Path, int]:
    """Create a new temporary file beside `target` (mode from the umask, like `open`);
    problems name `given`, the path as the user gave it."""
    while True:
        temporary = target.with_name(temporary_name(target))
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except PermissionError as error:
            reason = _("the folder {folder} does not let you create files in it ({reason})")
            reason = reason.format(folder=escaped(str(target.parent)), reason=_describe(error))
            if target.exists():
                # (a file one may write, in a folder one may not: the new content is made
                # beside it and moved into place, where a shell's `>` writes into it)
                reason += _(
                    "; the file is written anew beside itself and moved into place, so the "
                    "folder must allow that: change its permissions or choose another folder"
                )
            raise OutputError(_cannot_write(given, reason)) from error
        except OSError as error:
            raise OutputError(_cannot_write(given, _describe(error))) from error
        return temporary, descriptor


def _keep_owner_and_mode(descriptor: int, previous: os.stat_result) -> None:
    os.fchmod(descriptor, stat.S_IMODE(previous.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file to someone else
        os.fchown(descriptor, previous.st_uid, previous.st_gid)


@contextlib.contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    """A full disk (or quota, or a read-only file system) as a `DeviceError`."""
    try:
        yield
    except OSError as error:
        if error.errno not in DEVICE_ERRORS:
            raise
        raise DeviceError(_cannot_write(path, _describe(error))) from error


@contextlib.contextmanager
def _straight(path: Path, given: Path) -> Iterator[BinaryIO]:
    """A device or a pipe at `path` written into; problems name `given`."""
    try:
        stream = open(path, "wb")  # noqa: SIM115 (closed below, after the block ends)
    except OSError as error:
        raise OutputError(_cannot_write(given, _describe(error))) from error
    with _written(stream, given, sync=False), _disk_errors(given):
        yield stream


@contextlib.contextmanager
def _into(descriptor: int, path: Path) -> Iterator[BinaryIO]:
    """A stream onto a copy of the process's `descriptor` (`-o /dev/stdout`), appended
    to where it stands, as a shell's `>&1` writes."""
    import fcntl  # (a descriptor's name is a POSIX system's: /dev/fd, /proc)

    try:
        writable = fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY
        copy = os.dup(descriptor)
    except (OSError, OverflowError) as error:  # (not open, or no descriptor's number)
        reason = _describe(error) if isinstance(error, OSError) else _("no such descriptor")
        raise OutputError(_cannot_write(path, reason)) from error
    if not writable:
        os.close(copy)
        raise OutputError(_cannot_write(path, _("it is open for reading only")))
    try:
        opened = os.fdopen(copy, "wb")
    except (OSError, ValueError) as error:  # (a folder's descriptor: `3</tmp`)
        os.close(copy)
        raise OutputError(_cannot_write(path, _("it is not open for writing"))) from error
    stream = whole_writes(opened)
    with _written(stream, path, sync=False), _disk_errors(path):
        yield stream


def whole_writes(stream: BinaryIO) -> BinaryIO:
    """`stream`, each write carried on until all of it is written: a stream that takes a
    write in part (a non-blocking pipe, which some CI runners leave as standard output;
    an unbuffered one under `python -u`) cut the output short, the run exiting 0."""
    return cast(BinaryIO, _WholeWrites(stream))


class _WholeWrites:
    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            try:
                written = self._stream.write(view)
            except BlockingIOError as error:  # (a buffered stream took part of it, or none)
                view = view[error.characters_written :]
                self._wait()
                continue
            if written is None:  # (a raw stream that would block took none of it)
                self._wait()
                continue
            if not written:  # (a stream that takes nothing without blocking: never for ever)
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            view = view[written:]
        return size

    def flush(self) -> None:
        while True:
            try:
                self._stream.flush()
                return
            except BlockingIOError:
                self._wait()

    def _wait(self) -> None:
        import select

        select.select([], [self._stream.fileno()], [])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _written(stream: BinaryIO, path: Path, *, sync: bool) -> Iterator[None]:
    """The block writes `stream`; then it is flushed (with `sync`, to the disk) and
    closed. A full device while it is flushed, synced or closed is a `DeviceError` of
    `path` (one in the block is the caller's to name: several streams may be written
    in it); after a failure what could not be written is dropped (closing would try to
    write it again)."""
    try:
        yield
        with _disk_errors(path):
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
            stream.close()
    finally:
        if not stream.closed:
            with contextlib.suppress(OSError):
                stream.close()


@contextlib.contextmanager
def atomic_write(path: Path | str) -> Iterator[BinaryIO]:
    """Open a binary stream whose content becomes `path` when the block ends without error.

    Raises `OutputError` when the target cannot be written (see the module's
    description); any exception from the block propagates after the temporary file is
    removed, leaving an earlier file at `path` untouched.
    """
    with atomic_write_together([path]) as (stream,):
        yield stream


@contextlib.contextmanager
def atomic_write_together(
    paths: Sequence[Path | str], *, new: bool = False
) -> Iterator[list[BinaryIO]]:
    """A binary stream for each of `paths`, whose contents become those files together
    when the block ends without error (`new`: files that must not exist yet, none
    replaced: one made meanwhile is refused, and those this call put in place are
    removed): each is written to its temporary file and synced
    to the disk, and only then are they moved into place, one after another (a moment's
    work). An exception or an interruption before that (a full disk, Ctrl-C, SIGTERM)
    removes every temporary file and leaves every earlier file as it was: months imported
    together are all written, or none. (A device or a pipe at a path is written into, as
    `atomic_write` writes one.)"""
    staged: list[tuple[Path, Path, Path]] = []  # (given, temporary, target)
    targets = [os.path.realpath(path) for path in paths]
    if len(set(targets)) != len(targets):  # (two temporaries, the last one written wins)
        raise ValueError(f"a file given twice among {[str(path) for path in paths]}")
    try:
        with contextlib.ExitStack() as writing:
            streams: list[BinaryIO] = []
            for path in paths:
                given = Path(path)
                target, number = followed(given)  # (resolved once: what is checked is written)
                if number is not None:
                    streams.append(writing.enter_context(_into(number, given)))
                    continue
                _check(given, target)
                previous = _existing(target)
                if previous is not None and not stat.S_ISREG(previous.st_mode):
                    streams.append(writing.enter_context(_straight(target, given)))
                    continue
                _remove_stale(target)
                temporary, descriptor = _temporary(target, given)
                staged.append((given, temporary, target))
                stream = os.fdopen(descriptor, "wb")
                writing.enter_context(_written(stream, given, sync=True))
                if previous is not None:
                    _keep_owner_and_mode(stream.fileno(), previous)
                streams.append(stream)
            # (a full disk while the block writes: all the files it writes are named)
            with _disk_errors(Path(", ".join(str(path) for path in paths))):
                yield streams
        # (every stream flushed, synced to the disk and closed: a full disk failed above)
        with _signals_held():  # (all moved into place, or none: no Ctrl-C between two)
            placed: list[Path] = []
            for given, temporary, target in staged:
                try:
                    _place(temporary, target, new=new)
                except OSError as error:
                    for done in placed if new else ():  # (new files of this call's only)
                        with contextlib.suppress(OSError):
                            os.unlink(done)
                    if isinstance(error, FileExistsError):
                        reason = _("it was made meanwhile (by another run?); nothing was written")
                        raise OutputError(_cannot_write(given, reason)) from None
                    kind = DeviceError if error.errno in DEVICE_ERRORS else OutputError
                    raise kind(_cannot_write(given, _describe(error))) from error
                placed.append(target)
    finally:
        for _given, temporary, _target in staged:  # (a file moved into place is not there)
            _remove_if_left(temporary)


def _place(temporary: Path, target: Path, *, new: bool) -> None:
    """Move `temporary` to `target`; `new`: never over a file there (FileExistsError),
    by a hard link, which fails where a name is taken, where the file system has them."""
    if not new:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # (no hard links here: the check and the rename are two steps)
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temporary, target)
    else:
        os.unlink(temporary)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while the block runs, and delivered when it ends (to
    the handlers there were: Ctrl-C raises `KeyboardInterrupt` then). Held by the
    handlers Python runs, which any thread's signal reaches (a signal mask is one
    thread's: a signal sent to the process could reach another thread past it)."""
    import signal

    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    previous: dict[int, Any] = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(signum)
            if handler is not None:  # (a handler set outside Python could not be put back)
                previous[signum] = signal.signal(signum, hold)
    except ValueError:  # (not the main thread: no handler can be set there)
        pass
    try:
        yield
    finally:
        for held, handler in previous.items():
            signal.signal(held, handler)
        for arrived in dict.fromkeys(received):
            signal.raise_signal(arrived)


def _remove_if_left(temporary: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()


def _remove_stale_folders(target: Path) -> None:
    """Remove folders of ours beside `target` left by a killed `atomic_folder`."""
    import shutil

    prefix = f".{target.name}."
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            name = entry.name
            token = name[len(prefix) : -len(".tmp")]
            if not (name.startswith(prefix) and name.endswith(".tmp") and len(token) == 8):
                continue
            if any(c not in "0123456789abcdef" for c in token):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                    shutil.rmtree(entry.path)


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A new folder, built under a temporary name beside `path` and renamed to `path`
    in one step when the block ends without error (an empty folder at `path` is
    replaced, keeping its mode). On any failure the temporary folder and all in it are
    removed, and `path` is as it was: a reader never sees half of the folder.

    Raises `OutputError` when the folder cannot be made or put in place (`path` holds
    files, the parent folder is read-only).
    """
    import shutil

    target = Path(path)
    parent = target.parent
    previous = _existing(target)
    if previous is not None and not stat.S_ISDIR(previous.st_mode):
        raise OutputError(_cannot_write(path, _("it exists and is not a folder")))
    if not parent.is_dir():
        raise OutputError(
            _cannot_write(
                path,
                _("the folder {folder} does not exist").format(folder=parent)
                + home_in_quotes(target),
            )
        )
    _remove_stale_folders(target)
    while True:
        temporary = target.with_name(temporary_name(target))
        try:
            temporary.mkdir(mode=0o777)  # (the umask applies, as for any new folder)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(_cannot_write(path, _describe(error))) from error
        break
    try:
        with _disk_errors(target):
            yield temporary
        if previous is not None:
            os.chmod(temporary, stat.S_IMODE(previous.st_mode))
        try:
            os.replace(temporary, target)  # onto an empty folder only (else ENOTEMPTY)
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise OutputError(_cannot_write(path, _("the folder is no longer empty"))) from None
            raise OutputError(_cannot_write(path, _describe(error))) from error
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` as `atomic_write` does."""
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))

"""Writing output files: what stands at the target decides how it is written.

Each case: what is at the target before, and what must be there after.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tyollisyys_cli.files.atomic import (
    STALE_SECONDS,
    DeviceError,
    OutputError,
    atomic_write,
    atomic_write_together,
    write_text,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        write_text(tmp_path / "out.csv", "a\n")
    finally:
        os.umask(old)
    assert mode(tmp_path / "out.csv") == 0o664
    assert (tmp_path / "out.csv").read_text() == "a\n"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(0o664)
    old = os.umask(0o077)
    try:
        write_text(target, "new\n")
    finally:
        os.umask(old)
    assert mode(target) == 0o664
    assert target.read_text() == "new\n"


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("mine\n")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_text(target, "new\n")
    assert target.read_text() == "mine\n"
    assert mode(target) == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners of files")
@pytest.mark.parametrize(("sticky", "refused"), [(True, True), (False, False)])
def test_another_users_file_in_a_sticky_folder_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sticky: bool, refused: bool
) -> None:
    """It was `cannot write …: Operation not permitted`, said of nothing: in a sticky
    folder only a file's owner may replace it, as the tool writes every file."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777 if sticky else 0o777)
    theirs = shared / "out.csv"
    theirs.write_text("theirs\n")
    theirs.chmod(0o666)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(theirs).st_uid + 1)
    if refused:
        with pytest.raises(OutputError, match="it is another user's file in a shared folder"):
            write_text(theirs, "mine\n")
        assert theirs.read_text() == "theirs\n"
    else:
        write_text(theirs, "mine\n")
        assert theirs.read_text() == "mine\n"


def test_a_month_moved_into_place_stays_when_a_later_one_cannot_be(tmp_path: Path) -> None:
    """As guarantees.md says: the earlier ones stay written (the old figures are gone, the
    new ones there); a rollback removed them, the user's file with them."""
    first, second = tmp_path / "2026-01.csv", tmp_path / "2026-02.csv"
    first.write_text("old\n")
    with pytest.raises(OutputError), atomic_write_together([first, second]) as streams:
        for stream in streams:
            stream.write(b"new\n")
        second.mkdir()  # (a folder there now: its rename fails)
    assert first.read_text() == "new\n"


def test_a_link_whose_text_has_dots_after_a_folder_link_is_followed_as_the_system_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`out.csv -> d1/lnk/../x.csv`, `d1/lnk -> ../other`: the shell writes ./x.csv (the
    `..` of the folder `other`), the text's `..` gave d1/x.csv."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d1").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "d1" / "lnk").symlink_to("../other")
    (tmp_path / "out.csv").symlink_to("d1/lnk/../x.csv")
    write_text(Path("out.csv"), "table\n")
    assert (tmp_path / "x.csv").read_text() == "table\n"
    assert (tmp_path / "out.csv").is_symlink() and not (tmp_path / "d1" / "x.csv").exists()


def test_a_path_given_with_dots_after_a_folder_link_is_written_where_the_shell_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "sub").symlink_to("a/b")
    (tmp_path / "a" / "out.csv").symlink_to("target.csv")
    write_text(Path("sub/../out.csv"), "table\n")
    assert (tmp_path / "a" / "target.csv").read_text() == "table\n"
    assert not (tmp_path / "target.csv").exists()


@pytest.mark.parametrize(("links", "followed"), [(40, True), (41, False)])
def test_a_chain_of_more_links_than_the_system_follows_is_refused(
    tmp_path: Path, links: int, followed: bool
) -> None:
    """Past 40 links the 40th was replaced with a regular file (a shell says ELOOP); 40
    the system follows, and so does the tool."""
    (tmp_path / "real.txt").write_text("mine\n")
    previous = "real.txt"
    for i in range(1, links + 1):
        (tmp_path / f"l{i}").symlink_to(previous)
        previous = f"l{i}"
    if followed:
        write_text(tmp_path / previous, "table\n")
        assert (tmp_path / "real.txt").read_text() == "table\n"
    else:
        with pytest.raises(OutputError, match="Too many levels of symbolic links"):
            write_text(tmp_path / previous, "table\n")
        assert (tmp_path / "real.txt").read_text() == "mine\n"
    assert all((tmp_path / f"l{i}").is_symlink() for i in range(1, links + 1))


def test_a_write_the_stream_takes_none_of_while_blocked_is_waited_out() -> None:
    """A buffered stream whose buffer is full raises BlockingIOError having taken
    nothing: that was an I/O error, where it is a wait (and a stream that takes nothing
    without blocking is one)."""
    import io

    from tyollisyys_cli.files.atomic import whole_writes

    read, write = os.pipe()  # (something to wait on that is writable at once)

    class Full(io.BytesIO):
        blocked = 2

        def write(self, data: Any) -> int:
            if self.blocked:
                self.blocked -= 1
                raise BlockingIOError(errno.EAGAIN, "full", 0)
            return super().write(bytes(data)[:3])

        def fileno(self) -> int:
            return write

    try:
        stream = Full()
        assert whole_writes(stream).write(b"abcdefgh") == 8
        assert stream.getvalue() == b"abcdefgh"
    finally:
        os.close(read)
        os.close(write)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("M/", "Is a directory"),
        ("M/.", "Not a directory"),
        ("d/", "it is a folder"),
        (".", "it is a folder"),
    ],
)
def test_a_link_to_a_name_of_a_folder_is_refused_as_the_system_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, reason: str
) -> None:
    """`l -> M/` (M a link to a file): the shell says "Is a directory" or "Not a
    directory"; the slash was dropped, and the link M was replaced by a file."""
    monkeypatch.chdir(tmp_path)
    Path("f.csv").write_text("mine\n")
    Path("M").symlink_to("f.csv")
    Path("d").mkdir()
    Path("l").symlink_to(text)
    with pytest.raises(OutputError, match=f"cannot write l: {reason}"):
        write_text(Path("l"), "table\n")
    assert Path("M").is_symlink() and Path("f.csv").read_text() == "mine\n"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners of files")
@pytest.mark.parametrize(
    ("code", "anothers", "reason"),
    [
        (errno.EACCES, True, "you may not write to it: it is another user's; ask its owner"),
        (errno.EACCES, False, "Permission denied"),
        (errno.EROFS, False, "Read-only file system"),
    ],
)
def test_a_file_the_system_would_not_let_this_user_write_is_refused_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, anothers: bool, reason: str
) -> None:
    """Another user's file of mode 644 in one's own folder was replaced (a shell's `>`
    is refused) and became the runner's; a read-only mount's, or one's own file of mode
    464, is named by the system's reason, not as another user's."""
    theirs = tmp_path / "out.csv"
    theirs.write_text("theirs\n")
    owner = os.stat(theirs).st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1 if anothers else owner)
    real_open = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == theirs and flags & os.O_WRONLY:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(OutputError, match=reason):
        write_text(theirs, "mine\n")
    assert theirs.read_text() == "theirs\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="root's run")
def test_root_does_not_replace_another_users_file_in_a_folder_all_may_write(
    tmp_path: Path,
) -> None:
    """Root's run replaced it and handed its output to that user; the system refuses root
    a shell's `>` there (fs.protected_regular)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    theirs = shared / "out.csv"
    theirs.write_text("theirs\n")
    os.chown(theirs, 12345, 12345)
    with pytest.raises(OutputError, match="it is another user's file in a shared folder"):
        write_text(theirs, "mine\n")
    assert theirs.read_text() == "theirs\n"


def test_a_symbolic_link_stays_and_its_file_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_character_device_is_written_into_not_replaced() -> None:
    write_text(Path("/dev/null"), "discarded\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_text(pipe, "through\n")
    reader.join(timeout=10)
    assert received == [b"through\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_writable_file_in_a_folder_that_refuses_new_files_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell's `>` would write into the file; the tool makes the new content beside it,
    so the message names the folder, not only `Permission denied`."""
    target = tmp_path / "out.csv"
    target.write_text("mine\n")
    real_open = os.open

    def in_a_read_only_folder(path: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT:  # (root may create files anywhere: refused as for a user)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.open", in_a_read_only_folder)
    with pytest.raises(OutputError) as caught:
        write_text(target, "new\n")
    assert str(caught.value) == (
        f"cannot write {target}: the folder {tmp_path} does not let you create files in it "
        "(Permission denied); the file is written anew beside itself and moved into place, so "
        "the folder must allow that: change its permissions or choose another folder"
    )
    assert target.read_text() == "mine\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
@pytest.mark.parametrize("size", [10, 100_000])  # (held in the buffer until closed, or not)
def test_a_full_disk_is_a_device_error(size: int) -> None:
    with pytest.raises(DeviceError, match=r"^cannot write /dev/full: No space left on device$"):
        write_text(Path("/dev/full"), "x" * size)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
def test_a_full_disk_under_a_temporary_file_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def onto_a_full_disk(descriptor: int, mode: str) -> Any:
        os.close(descriptor)
        return open("/dev/full", mode)  # closed by atomic_write

    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.fdopen", onto_a_full_disk)
    with pytest.raises(DeviceError) as caught:
        write_text(target, "new\n")
    assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_name_of_245_characters_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 241 + ".csv")
    write_text(target, "long\n")
    assert target.read_text() == "long\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize(
    ("where", "message"),
    [("folder", "it is a folder"), ("missing/out.csv", "does not exist")],
)
def test_targets_that_cannot_be_files(tmp_path: Path, where: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError, match=message):
        write_text(tmp_path / where, "x")


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write(b"half")
        raise RuntimeError("stopped")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    stale = tmp_path / ".out.csv.0123abcd.tmp"
    fresh = tmp_path / ".out.csv.89abcdef.tmp"
    unrelated = tmp_path / ".other.csv.0123abcd.tmp"
    for path in (stale, fresh, unrelated):
        path.write_text("left over")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(unrelated, (old, old))
    write_text(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, fresh.name, unrelated.name]
    )


# ------------------------------------------------------------ several files, all or none


def test_files_written_together_are_all_written_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "2026-05.csv", tmp_path / "2026-06.csv"
    first.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), atomic_write_together([first, second]) as streams:
        streams[0].write(b"new\n")
        raise KeyboardInterrupt  # (Ctrl-C before the second is written)
    assert first.read_text() == "old\n" and not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-05.csv"]
    with atomic_write_together([first, second]) as (one, two):
        one.write(b"new\n")
        two.write(b"june\n")
    assert (first.read_text(), second.read_text()) == ("new\n", "june\n")


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_ctrl_c_while_files_are_moved_into_place_waits_until_all_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C between two renames left the first month new and the second old."""
    paths = [tmp_path / "2026-05.csv", tmp_path / "2026-06.csv"]
    real_replace = os.replace

    def interrupted(source: Any, target: Any) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # (held back until both are in place)
        real_replace(source, target)

    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt), atomic_write_together(paths) as streams:
        for stream in streams:
            stream.write(b"new\n")
    assert [path.read_text() for path in paths] == ["new\n", "new\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-05.csv", "2026-06.csv"]


def test_a_full_disk_while_several_are_written_names_them_all(tmp_path: Path) -> None:
    """It named the last file opened, whichever was written when the disk filled."""
    paths = [tmp_path / "2026-05.csv", tmp_path / "2026-06.csv"]
    with pytest.raises(DeviceError) as full, atomic_write_together(paths):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(full.value) == (f"cannot write {paths[0]}, {paths[1]}: No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_a_file_given_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real.csv").write_text("old\n")
    (tmp_path / "link.csv").symlink_to("real.csv")
    twice = [tmp_path / "real.csv", tmp_path / "link.csv"]
    with pytest.raises(ValueError, match="given twice"), atomic_write_together(twice):
        pass
    assert (tmp_path / "real.csv").read_text() == "old\n"

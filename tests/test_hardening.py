"""Hostile data folders and outputs (issue 18): a message and an exit code, never a hang,
a traceback or an "internal error"; nothing from a file reaches the terminal raw.

The cases that are one edit of the bundled files are rows of `test_bad_input.py`
(control characters, U+2028, counts of 400 and 5,000 digits, a list of 1,100 entries);
those that need a pipe, a link, a cache file or a full disk are here. Commands that could
hang run as subprocesses with a timeout.
"""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import re
import stat
import subprocess
import sys
import termios
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from clirunner import CliRunner
from edits import M, copy_data, month
from tyollisyys_cli.area import cache
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.reporters import text
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataError, DataErrors, escaped, summarized

#: Longer than any run here takes; a run that waits on a pipe is killed at this point.
TIMEOUT = 120

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")


def run(data_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["--data-dir", str(data_dir), *args])


def run_process(
    data_dir: Path | bytes, *args: str, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """The tool as a real process (killed after TIMEOUT seconds: a hang fails the test)."""
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", data_dir, *args]
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, timeout=TIMEOUT, check=False
    )


def with_month(tmp_path: Path) -> Path:
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    return data


def error_lines(stderr: str, data: Path) -> list[str]:
    prefix = f"{data}{os.sep}"
    return [
        line.removeprefix("error: ").replace(prefix, "")
        for line in stderr.splitlines()
        if line.startswith("error: ")
    ]


# ------------------------------------------------------------------ 4. named pipes


@needs_fifo
@pytest.mark.parametrize("name", ["statistics/2026-07.csv", "commuting.yaml", M])
def test_a_named_pipe_among_the_data_files_is_refused_not_waited_on(
    tmp_path: Path, name: str
) -> None:
    data = with_month(tmp_path)
    (data / name).unlink(missing_ok=True)
    os.mkfifo(data / name)
    result = run_process(data, "caseload")
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert error_lines(stderr, data) == [f"{name}: is a named pipe (FIFO), not a regular file"]
    assert stderr.splitlines()[-1] == "1 problem in the data files"
    assert (data / name).exists()  # nothing removed


@needs_fifo
def test_a_named_pipe_at_the_cache_path_is_passed_by(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    target = cache.cache_file(data)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target.unlink(missing_ok=True)
    os.mkfifo(target)
    result = run_process(data, "caseload", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("unit,")
    assert result.stderr == b""


# ------------------------------------------------------------------ 9. links out of the folder


def test_a_data_file_linked_from_outside_the_folder_is_refused_unread(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (data / "commuting.yaml").unlink()
    (data / "commuting.yaml").symlink_to(secret)
    result = run_process(data, "caseload")
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert error_lines(stderr, data) == [
        f"commuting.yaml: is a link to {secret}, outside the data folder {data}; data files "
        "must lie in the data folder (copy the file in instead of linking to it)"
    ]
    assert "root:x" not in stderr
    assert secret.read_text(encoding="utf-8").startswith("root:x")


@pytest.mark.parametrize(
    ("name", "link_to", "message"),
    [
        (
            "commuting.yaml",
            "gone.yaml",
            "is a link to gone.yaml, where there is no file; point it at the file or put the "
            "file in its place",
        ),
        ("commuting.yaml", "commuting.yaml", "is a link that leads round in a loop"),
        ("statistics/2026-07.csv", "2026-05.csv", "is a link to 2026-05.csv, where there is"),
        ("municipalities.yaml", "old/municipalities.yaml", "is a link to old/municipalities"),
    ],
)
def test_a_link_to_no_file_is_named_not_passed_by(
    tmp_path: Path, name: str, link_to: str, message: str
) -> None:
    data = with_month(tmp_path)
    (data / name).unlink(missing_ok=True)
    (data / name).symlink_to(link_to)
    for args in (["caseload"], ["check"]):
        result = run(data, *args)
        assert result.exit_code == 2, result.output
        [line] = [x for x in error_lines(result.output, data) if x.startswith(name)]
        assert line.startswith(f"{name}: {message}")


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "kept").mkdir()
    (data / "commuting.yaml").rename(data / "kept" / "commuting.yaml")
    (data / "commuting.yaml").symlink_to(data / "kept" / "commuting.yaml")
    result = run(data, "commuting", "--format", "csv")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ 7. control characters


def test_plain_check_output_never_starts_a_line_with_a_workflow_command() -> None:
    finding = Finding(
        code="COM001",
        severity="error",
        message="Hyrynsalmi\n::error file=x.yaml::pwned \x1b]0;title\x07\x1b[2J",
        file=Path("commuting.yaml"),
        line=3,
        column=5,
        field="rows[0]",
    )
    shown = text.line(finding)
    assert shown == (
        "commuting.yaml:3:5: [error] Hyrynsalmi\\n::error file=x.yaml::pwned "
        "\\x1b]0;title\\x07\\x1b[2J (COM001)"
    )
    assert len(shown.splitlines()) == 1
    assert not any(0 < ord(c) < 32 or 127 <= ord(c) < 160 for c in shown)


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_a_name_holding_a_workflow_command_never_starts_a_line_with_it(
    tmp_path: Path, fmt: str
) -> None:
    data = copy_data(tmp_path)
    path = data / M
    name = '"Hyrynsalmi\\n::error file=x.yaml::pwned\\r::warning::x"'
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Hyrynsalmi", f"name: {name}", 1), "utf-8"
    )
    result = run(data, "check", "--format", fmt)
    assert result.exit_code == 2
    output = result.stdout + result.stderr
    assert "::error file=x.yaml::pwned" in output  # shown, escaped, inside a line
    # (the github format annotates the data error itself: that command only)
    commands = [line for line in output.splitlines() if line.startswith("::")]
    assert len(commands) == (1 if fmt == "github" else 0)
    assert all(c.startswith("::error file=") and ",title=data::" in c for c in commands)
    assert all(c.count("::error") == 2 and " ::error file=x.yaml::pwned" in c for c in commands)
    assert "\r" not in output


def test_a_note_with_an_escape_sequence_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / M
    source = path.read_text(encoding="utf-8")
    old = "    printed: Yhteensä ... hoitaisi 4 työllisyysohjaaja + 1 esimies"
    assert source.count(old) == 1
    path.write_text(source.replace(old, '    printed: "\\e]0;pwned\\a\\e[2J"'), encoding="utf-8")
    result = run(data, "check")
    assert result.exit_code == 2
    [line] = error_lines(result.stderr, data)
    assert line.endswith("the text holds an escape character (U+001B) at character 1; remove it")
    assert "\x1b" not in result.stderr


def test_a_multi_line_note_stays_allowed(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / M
    source = path.read_text(encoding="utf-8")
    old = "    printed: Yhteensä ... hoitaisi 4 työllisyysohjaaja + 1 esimies"
    path.write_text(source.replace(old, '    printed: "Yhteensä ...\\nhoitaisi"'), "utf-8")
    assert run(data, "offices").exit_code == 0


def test_messages_escape_what_they_echo() -> None:
    error = DataError(Path("d/m.yaml"), "unknown field 'a\x1b[2J\nb'", line=1, column=1)
    assert str(error) == "d/m.yaml:1:1: unknown field 'a\\x1b[2J\\nb'"
    assert escaped("bad\udcff\u2028\x85") == "bad\\xff\\u2028\\x85"


# ------------------------------------------------------------------ 6. bounded output


def test_a_long_value_is_shortened_in_its_message(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / M
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "labour_force: 765", "labour_force: " + "x" * 5_000_000, 1
        ),
        encoding="utf-8",
    )
    result = run(data, "caseload")
    assert result.exit_code == 2
    [line] = error_lines(result.stderr, data)
    assert line.endswith(f"found the text '{'x' * 79}…'")
    assert len(result.stderr) < 400


def test_a_long_unknown_key_is_shortened(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    with (data / M).open("a", encoding="utf-8") as handle:
        handle.write("k" * 1000 + ": 1\n")  # (YAML allows keys of 1,024 characters)
    result = run(data, "caseload")
    assert result.exit_code == 2
    [line] = error_lines(result.stderr, data)
    assert f"unknown field '{'k' * 79}…'" in line


def test_many_problems_of_one_kind_show_the_first_twenty_and_a_count(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    rows = month().splitlines()
    extra = [",".join([str(900 + i), *rows[2].split(",")[1:]]) for i in range(30)]
    (data / "statistics" / "2026-06.csv").write_text(
        "\n".join([*rows, *extra]) + "\n", encoding="utf-8"
    )
    result = run(data, "caseload")
    assert result.exit_code == 2
    lines = error_lines(result.stderr, data)
    unknown = [line for line in lines if "unknown municipality code" in line]
    assert len(unknown) == 20
    assert unknown[0].startswith("statistics/2026-06.csv:12:1: rows[10].municipality (900)")
    assert lines[-1] == (
        "statistics/2026-06.csv: 10 more problems like the above in rows[].municipality (not shown)"
    )
    assert result.stderr.splitlines()[-1] == "30 problems in the data files"


def test_summarized_counts_each_kind_apart() -> None:
    errors = [DataError(Path("f"), "bad", line=i, field=f"rows[{i}].men") for i in range(25)]
    errors += [DataError(Path("f"), "worse", line=1, field="rows[0].women")]
    lines = summarized(errors, limit=20)
    assert len(lines) == 22
    assert lines[20] == "f:1: rows[0].women: worse"
    assert lines[21] == "f: 5 more problems like the above in rows[].men (not shown)"
    assert DataErrors(errors).lines() == lines


def test_a_padded_file_is_refused_at_the_bound_not_parsed_on(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / M).write_text("municipalities:\n" + "- 1\n" * 2_000_000, encoding="utf-8")
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "municipalities.yaml:1002:3: municipalities[1000]: municipalities holds more than "
        "1,000 entries, more than an area's data needs (Finland has 308 municipalities); is "
        "it the right file?"
    ]


# ------------------------------------------------------------------ 3. no internal errors


def test_a_scenario_file_keeps_to_the_command_lines_bounds(tmp_path: Path) -> None:
    scenario = tmp_path / "big.yaml"
    scenario.write_text(
        "name: big\nclients_per_unemployed: 1e308\nunemployed_change: 1e308\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["scenario", str(scenario)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"error: {scenario}:2:25: clients_per_unemployed: expected a number above 0 and at "
        "most 1000, found 1e+308",
        f"error: {scenario}:3:20: unemployed_change: a change cannot be above +10000 %, "
        "found 1e+308",
        "2 problems in the scenario file",
    ]


def test_a_cache_file_that_unpickles_to_another_type_is_rebuilt(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    key, _ = cache.data_key(data)
    main, positions = pickle.dumps(["not", "an", "area"]), pickle.dumps({})
    crc = zlib.crc32(positions, zlib.crc32(main))
    target = cache.cache_file(data)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target.write_bytes(cache.MAGIC + key + cache._LENGTHS.pack(len(main), crc) + main + positions)
    target.chmod(0o600)
    for _ in range(2):  # the first run rebuilds the file, the second reads it
        result = run(data, "caseload", "--format", "csv")
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("unit,")
    assert isinstance(cache.read(target, key, lambda: cache.load_area_cached(data), 2**30), Area)


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/full is Linux's")
@pytest.mark.parametrize(
    "args",
    [
        ["caseload"],
        ["caseload", "-f", "csv"],
        ["check"],
        ["schema"],
        # (the group's own: a traceback, then the message)
        ["--help"],
        ["--version"],
    ],
)
def test_standard_output_on_a_full_disk(tmp_path: Path, args: list[str]) -> None:
    data = with_month(tmp_path)
    with open("/dev/full", "wb") as full:
        result = run_process(data, *args, stdout=full)
    assert result.returncode == 1
    [line] = result.stderr.decode().splitlines()
    assert line in {
        "error: cannot write to standard output: No space left on device",
        "error: cannot write the output: No space left on device",
    }


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/fd and /proc are Linux's")
@pytest.mark.parametrize(
    "name",
    ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "//dev/stdout", "/proc/thread-self/fd/1"],
)
@pytest.mark.parametrize("args", [["caseload", "-f", "csv"], ["check", "-f", "json"], ["report"]])
def test_an_output_onto_standard_output_is_written_into_it(
    tmp_path: Path, name: str, args: list[str]
) -> None:
    """`-o /dev/stdout >> log` replaced the log (a temporary file renamed over the file
    standard output led to), losing what was in it; onto a pipe it was `cannot write
    /proc/…/fd/pipe:[…]`."""
    data = with_month(tmp_path)
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "ab") as appended:
        result = run_process(data, *args, "-o", name, stdout=appended)
    assert result.returncode in (0, 1), result.stderr  # (check: 1 for its findings)
    written = log.read_bytes()
    assert written.startswith(b"earlier line\n") and len(written) > 1000
    assert os.stat(log).st_nlink == 1 and not list(tmp_path.glob(".log.txt.*"))
    piped = run_process(data, *args, "-o", name)
    assert piped.returncode == result.returncode, piped.stderr
    assert piped.stdout == written.removeprefix(b"earlier line\n")


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/fd and /proc are Linux's")
@pytest.mark.parametrize("kind", ["stdin", "read-only", "folder", "no-such", "huge"])
def test_an_output_onto_a_descriptor_not_open_for_writing_is_refused(
    tmp_path: Path, kind: str
) -> None:
    """`-o /dev/stdin < in.txt` replaced in.txt with the table; `/dev/fd/3 3</tmp` and
    `/dev/fd/2147483648` ended in internal errors; `/dev/fd/5 5<in.txt` blamed standard
    output."""
    data = with_month(tmp_path)
    source = tmp_path / "in.txt"
    source.write_text("mine\n")
    opened = {
        "stdin": os.open(source, os.O_RDONLY),
        "read-only": os.open(source, os.O_RDONLY),
        "folder": os.open(tmp_path, os.O_RDONLY),
    }.get(kind)
    try:
        name = {
            "stdin": "/dev/stdin",
            "no-such": "/dev/fd/99",
            "huge": "/dev/fd/2147483648",
        }.get(kind, f"/dev/fd/{opened}")
        command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(data)]
        result = subprocess.run(
            [*command, "caseload", "-f", "csv", "-o", name],
            stdin=opened if kind == "stdin" else subprocess.DEVNULL,
            pass_fds=(opened,) if opened is not None and kind != "stdin" else (),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        if opened is not None:
            os.close(opened)
    reason = {
        "no-such": "Bad file descriptor",
        "huge": "no such descriptor",
    }.get(kind, "it is open for reading only")
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode() == f"error: cannot write {name}: {reason}\n"
    assert source.read_text() == "mine\n"


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="a pipe's size is Linux's")
@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("args", [["caseload", "-f", "json"], ["report", "-o", "-"], ["schema"]])
def test_a_non_blocking_standard_output_gets_the_whole_output(
    tmp_path: Path, unbuffered: str, args: list[str]
) -> None:
    """A pipe left non-blocking (as some CI runners leave standard output) took the
    first 64 KiB and the run exited 0 (or, buffered, `internal error: BlockingIOError`)."""
    data = with_month(tmp_path)
    whole = run_process(data, *args).stdout
    read, write = os.pipe()
    fcntl.fcntl(read, fcntl.F_SETPIPE_SZ, 4096)  # (smaller than any output here)
    fcntl.fcntl(write, fcntl.F_SETFL, fcntl.fcntl(write, fcntl.F_GETFL) | os.O_NONBLOCK)
    environment = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(data), *args]
    process = subprocess.Popen(command, stdout=write, stderr=subprocess.PIPE, env=environment)
    os.close(write)
    held = bytearray(4)
    while process.poll() is None:  # (nothing read until the pipe is full: it must wait)
        fcntl.ioctl(read, termios.FIONREAD, held)
        if int.from_bytes(held, sys.byteorder) >= 4096:
            break
        time.sleep(0.01)
    got = b""
    while chunk := os.read(read, 65536):
        got += chunk
    os.close(read)
    assert process.wait(timeout=TIMEOUT) == 0, process.stderr.read() if process.stderr else ""
    assert got == whole and len(whole) > 4096


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/full is Linux's")
@pytest.mark.parametrize(
    "args",
    [
        ["caseload", "-f", "csv"],
        ["caseload", "-f", "json"],
        ["caseload", "-f", "xlsx"],
        ["export"],
        ["check"],
    ],
)
def test_an_output_file_on_a_full_disk(tmp_path: Path, args: list[str]) -> None:
    result = run_process(with_month(tmp_path), *args, "-o", "/dev/full")
    assert result.returncode == 1
    # One line: no traceback of a zip file left open on the full device (xlsx).
    assert result.stderr.decode() == "error: cannot write /dev/full: No space left on device\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="root makes devices")
def test_an_output_onto_a_block_device_is_named_as_one(tmp_path: Path) -> None:
    """It was "it is not a regular file, device or pipe", of a device."""
    disk = tmp_path / "disk"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 200))
    result = run(with_month(tmp_path), "caseload", "-f", "csv", "-o", str(disk))
    assert result.exit_code == 2
    assert result.output == (
        f"error: cannot write {disk}: it is a block device (a disk or a partition)\n"
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="root owns links")
@pytest.mark.parametrize("through", [False, True])
@pytest.mark.parametrize(
    "args", [["caseload", "-f", "csv"], ["check", "-f", "json"], ["report"], ["export"]]
)
def test_another_users_link_in_a_folder_open_to_all_is_not_followed(
    tmp_path: Path, args: list[str], through: bool
) -> None:
    """Another user's link at the name an output goes to, in a sticky folder all may
    write (/tmp): the tool followed it and replaced the file it leads to, which the
    system (fs.protected_symlinks) would not do for a shell's `>`."""
    data = with_month(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "thesis.txt"
    victim.write_text("my thesis\n")
    planted = shared / "out.file"
    planted.symlink_to(victim)
    os.lchown(planted, 54321, 54321)
    given = planted
    if through:  # (a link of the user's own to it: each link on the way is looked at)
        given = tmp_path / "latest.out"
        given.symlink_to(planted)
    result = run(data, *args, "-o", str(given))
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"error: cannot write {given}: it is another user's link in a folder all may write "
        "(such as /tmp), which anyone there could have placed: the tool does not follow it; "
        "remove it, or choose another name\n"
    )
    assert victim.read_text() == "my thesis\n"
    os.lchown(planted, 0, 0)  # (the folder's owner's link is followed, as the system does)
    assert run(data, *args, "-o", str(planted)).exit_code in (0, 1)
    assert victim.read_bytes() != b"my thesis\n"


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["caseload", "-f", "csv", "-o"], "municipalities.yaml"),
        (["staffing", "-f", "json", "-o"], "commuting.yaml"),
        (["check", "-f", "text", "-o"], "municipalities.yaml"),
        (["caseload", "-f", "csv", "-o"], "statistics/2026-06.csv"),
        (["export", "-o"], "municipalities.yaml"),
        (["report", "-o"], "commuting.yaml"),
    ],
)
def test_an_output_onto_a_data_file_of_the_run_is_refused(
    tmp_path: Path, args: list[str], target: str
) -> None:
    data = with_month(tmp_path)
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    result = run(data, *args, str(data / target))
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"error: cannot write {data / target}: it is a data file this run reads; "
        "choose another name for the output\n"
    )
    link = tmp_path / "link"
    link.symlink_to(data / target)
    result = run(data, *args, str(link))
    assert result.exit_code == 2, result.output
    assert f"it is {data / target}, a data file this run reads" in result.output
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["caseload", "-f", "csv", "-o"], "statistics/2027-01.csv"),
        (["unemployment", "-f", "csv", "-o"], "commuting.yaml"),
        (["unemployment", "-f", "json", "-o"], "Commuting.yaml"),
        (["check", "-f", "json", "-o"], "statistics/notes.yaml"),
        (["staffing", "-f", "csv", "-o"], "statistics/2027-01.CSV"),
        (["export", "-o"], "statistics/2027-01.yml"),
        (["report", "-o"], "statistics/2027-01.yml"),
        # (a month under another ending is refused by the loader: every run then failed)
        (["export", "-o"], "statistics/2026-05.xlsx"),
        (["caseload", "-f", "csv", "-o"], "statistics/2026-05.csv.txt"),
    ],
)
def test_an_output_that_runs_would_read_as_data_is_refused(
    tmp_path: Path, args: list[str], target: str
) -> None:
    """`caseload -o DATA/statistics/2027-01.csv` was written, and every later run failed on
    it (12 problems of unknown columns); so was a commuting.yaml of a table."""
    data = with_month(tmp_path)
    (data / "commuting.yaml").unlink()
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    result = run(data, *args, str(data / target))
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"error: cannot write {data / target}: runs read it as a data file of {data}; "
        "choose another name for the output\n"
    )
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before
    beside = data / "statistics" / "table.txt"  # (read by no run)
    assert run(data, *args, str(beside)).exit_code in {0, 1}  # (check: 1 for its findings)
    assert beside.is_file()
    assert run(data, "caseload").exit_code == 0


def test_an_output_into_a_data_folder_through_a_link_or_of_another_area_is_refused(
    tmp_path: Path,
) -> None:
    """A link to a month file not there yet was followed only where its target was, and
    another area's commuting.yaml and month files were written over (the first had been
    the user's)."""
    data = with_month(tmp_path)
    other = copy_data(tmp_path / "elsewhere")  # (another area's data folder)
    (other / "statistics").mkdir()
    link = tmp_path / "link.csv"
    link.symlink_to(data / "statistics" / "2027-03.csv")  # (leads to no file yet)
    linked = copy_data(tmp_path / "linked")  # (an area whose statistics folder is a link)
    (tmp_path / "shared").mkdir()
    (linked / "statistics").symlink_to(tmp_path / "shared")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    for target, folder in [
        (link, data),
        (other / "commuting.yaml", other),
        (other / "statistics" / "2027-01.csv", other),
        (linked / "statistics" / "2099-01.csv", linked),
    ]:
        result = run(data, "unemployment", "-f", "csv", "-o", str(target))
        assert result.exit_code == 2, result.output
        assert result.output == (
            f"error: cannot write {target}: runs read it as a data file of {folder}; "
            "choose another name for the output\n"
        )
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before
    assert not (data / "statistics" / "2027-03.csv").exists()


@pytest.mark.parametrize("name", ["municipalities.yaml", "Municipalities.YAML"])
@pytest.mark.parametrize("args", [["caseload", "-f", "csv"], ["export"], ["check"]])
def test_an_output_that_would_make_its_folder_an_area_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    """`caseload -o municipalities.yaml` in any folder was written: every later run there
    took the folder for an area's data, and failed on the table."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, "-o", name])
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"error: cannot write {name}: runs in its folder would take that folder for an "
        "area's data; choose another name for the output\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_schema_write_into_what_is_not_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--write", os.devnull])
    assert result.exit_code == 2, result.output
    assert result.output == f"error: cannot write {os.devnull}: it exists and is not a folder\n"
    (tmp_path / "a-file").write_text("mine", "utf-8")
    result = CliRunner().invoke(app, ["schema", "--write", str(tmp_path / "a-file")])
    assert result.exit_code == 2, result.output
    assert (
        result.output
        == f"error: cannot write {tmp_path / 'a-file'}: it exists and is not a folder\n"
    )
    assert (tmp_path / "a-file").read_text("utf-8") == "mine"
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "commuting.schema.json").write_text("kept", encoding="utf-8")
    (folder / "commuting.schema.json").chmod(0o444)
    result = CliRunner().invoke(app, ["schema", "commuting", "--write", str(folder)])
    assert result.exit_code == 2, result.output  # as -o onto a read-only file
    assert "the file is read-only" in result.output
    assert (folder / "commuting.schema.json").read_text(encoding="utf-8") == "kept"


LONG_NAME = "n" * 256  # (a name in a path may have at most 255 bytes)


@pytest.mark.parametrize(
    "args",
    [
        ["caseload", "-f", "csv", "-o", LONG_NAME],
        ["check", "-o", LONG_NAME],
        ["export", "-o", f"{LONG_NAME}.xlsx"],
        ["scenario", f"{LONG_NAME}.yaml"],
        ["schema", "--write", LONG_NAME],
        ["import", "statfin", f"{LONG_NAME}.json"],
    ],
)
def test_a_name_too_long_for_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    data = with_month(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    result = run(data, *args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {LONG_NAME[:79]}…: the name is too long")
    assert "choose a shorter one" in result.output
    assert sorted(tmp_path.rglob("*")) == before


def test_a_data_folder_named_too_long() -> None:
    result = CliRunner().invoke(app, ["--data-dir", LONG_NAME, "caseload"])
    assert result.exit_code == 2, result.output
    assert "the name is too long for the file system" in result.output


@pytest.mark.parametrize("args", [["check", "--list-rules"], ["check", "--format", "json"]])
def test_a_pipe_closed_by_its_reader_ends_the_run_quietly(tmp_path: Path, args: list[str]) -> None:
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", *args]
    # The reader (`| head -c1`) is gone before the tool writes: its writes fail (EPIPE).
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run(
            command, stdout=writer, stderr=subprocess.PIPE, timeout=TIMEOUT, check=False
        )
    finally:
        os.close(writer)
    assert result.returncode == 1  # as click ends a run whose output pipe closed
    assert result.stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="no closing of descriptors before exec")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["caseload"], 1),
        (["caseload", "-f", "csv"], 1),
        (["--lang", "fi", "trend"], 1),
        (["check"], 1),
        (["check", "-f", "json"], 1),
        (["--help"], 1),
        (["--version"], 1),
        (["caseload", "--help"], 1),
        (["report", "-o", "-"], 1),
        (["caseload", "-o", "{out}"], 0),  # (written to a file: standard output unused)
    ],
)
def test_a_run_started_with_standard_output_closed(
    tmp_path: Path, args: list[str], code: int
) -> None:
    """`tyollisyys caseload >&-` (as cron or a daemon may start it): Python gives no
    `sys.stdout`, and a table failed with an internal error (exit 70)."""
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data"]
    command += [arg.format(out=out) for arg in args]
    result = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=lambda: os.close(1),  # (the child, before it runs the tool)
    )
    assert result.returncode == code, result.stderr
    if code:
        said = result.stderr.decode().splitlines()[-1]
        english = "error: cannot write to standard output: it is closed"
        finnish = "virhe: vakiotulosteeseen ei voi kirjoittaa: se on suljettu"
        assert said == (finnish if "fi" in args else english)
    else:
        assert out.read_text(encoding="utf-8").startswith("unit,")


@pytest.mark.parametrize("args", [["caseload"], ["--help"], ["caseload", "--help"]])
def test_a_standard_output_open_for_reading_is_an_output_failure(args: list[str]) -> None:
    """`tyollisyys caseload 1</dev/null`: an internal error (exit 70)."""
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", *args]
    with open(os.devnull, "rb") as read_only:
        result = subprocess.run(
            command, stdout=read_only, stderr=subprocess.PIPE, timeout=TIMEOUT, check=False
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        b"error: cannot write to standard output: it is open for reading only\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="no closing of descriptors before exec")
def test_a_run_started_with_standard_error_closed_does_its_work(tmp_path: Path) -> None:
    """`tyollisyys caseload -o out.csv 2>&-` wrote the file, then failed on 'wrote the
    table to' (exit 1): what it says goes nowhere, as asked; its exit code still tells."""
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", "caseload"]
    for args, code in (["-o", str(out)], 0), (["Atlantis"], 2):
        result = subprocess.run(
            [*command, *args],
            stdout=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
            preexec_fn=lambda: os.close(2),  # (the child, before it runs the tool)
        )
        assert result.returncode == code
    assert out.read_text(encoding="utf-8").startswith("unit,")


@pytest.mark.skipif(sys.platform == "win32", reason="file names are UTF-16 there")
def test_a_data_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    odd = os.fsencode(tmp_path) + b"/area\xff"
    os.rename(data, odd)
    shown = f"{tmp_path}/area\\xff"
    for fmt in ("table", "csv", "json", "markdown"):
        result = run_process(odd, "caseload", "--format", fmt)
        assert result.returncode == 0, result.stderr
        if fmt != "csv":  # (CSV holds no metadata)
            assert b"area\\xff" in result.stdout.replace(b"\\\\", b"\\"), fmt
    month_file = odd + b"/statistics/2026-06.csv"
    with open(month_file, "r+b") as handle:
        content = handle.read().replace(b"\n105,708,", b"\n105,x,", 1)
        handle.seek(0)
        handle.write(content)
        handle.truncate()
    result = run_process(odd, "caseload")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[0] == (
        f"error: {shown}/statistics/2026-06.csv:2:5: rows[0].labour_force (Hyrynsalmi): expected a "
        "whole number (0 or more), found the text 'x'"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="file names are UTF-16 there")
@pytest.mark.parametrize(
    ("fmt", "named"),
    [
        ("json", b'"file": "area\\\\xff/commuting.yaml"'),
        ("github", b"file=area\\xff/commuting.yaml"),
        ("text", b"area\\xff/commuting.yaml:"),
    ],
)
def test_a_check_of_a_folder_whose_name_is_not_utf8(tmp_path: Path, fmt: str, named: bytes) -> None:
    """The JSON and GitHub reports ended in an internal error (exit 70)."""
    os.rename(copy_data(tmp_path), os.fsencode(tmp_path) + b"/area\xff")
    command: list[str | bytes] = [sys.executable, "-m", "tyollisyys_cli", "--data-dir"]
    result = subprocess.run(
        [*command, b"area\xff", "check", "--format", fmt],
        cwd=tmp_path,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # (the plan's own errors)
    assert named in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="file names are UTF-16 there")
def test_what_was_written_is_named_as_errors_name_it(tmp_path: Path) -> None:
    """`init` named a folder `uusi\ufffd`, -o `out\\udce4.csv`, the table `uusi\\xe4`."""
    command = [sys.executable, "-m", "tyollisyys_cli"]

    def run_here(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [*command, *args], cwd=tmp_path, capture_output=True, timeout=TIMEOUT, check=False
        )

    made = run_here("init", b"uusi\xe4", "--example")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(b"Created uusi\\xe4 with a copy of the bundled plan of ")
    assert b"  uusi\\xe4/municipalities.yaml\n" in made.stdout
    written = run_here("--data-dir", b"uusi\xe4", "caseload", "-o", b"out\xe4.csv")
    assert written.returncode == 0, written.stderr
    assert written.stderr == b"wrote the table to out\\xe4.csv\n"
    exported = run_here("--data-dir", b"uusi\xe4", "export", "-o", b"x\xe4.xlsx")
    assert exported.stderr.endswith(b" tables to x\\xe4.xlsx\n"), exported.stderr


# ------------------------------------------------------------------ 3. more: folders, imports

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"


def edited_export(tmp_path: Path, code: str, column: int, value: str) -> Path:
    document = json.loads(EXPORT.read_text("utf-8"))
    entry = next(e for e in document["data"] if e["key"][0] == code)
    entry["values"][column] = value
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


@pytest.mark.parametrize("linked", [False, True])
def test_statistics_as_a_file_is_a_located_error(tmp_path: Path, linked: bool) -> None:
    data = copy_data(tmp_path)
    if linked:  # (a link to a file that is there: a file, not a link to nothing)
        (data / "notes.txt").write_text("not a folder\n", "utf-8")
        (data / "statistics").symlink_to("notes.txt")
    else:
        (data / "statistics").write_text("not a folder\n", "utf-8")
    for args in (["caseload"], ["import", "statfin", str(EXPORT)]):
        result = run(data, *args)
        assert result.exit_code == 2, result.output
        assert error_lines(result.stderr, data) == [
            "statistics: is a file; statistics is the folder of the monthly statistics files "
            "(YYYY-MM.csv): move the file away"
        ]
    assert (data / "statistics").read_text("utf-8") == "not a folder\n"


@pytest.mark.parametrize(
    ("target", "said"),
    [
        (
            "/nowhere/at/all",
            "statistics: is a link to /nowhere/at/all, which does not exist; remove the link "
            "or make the folder it names",
        ),
        ("statistics", "statistics: is a link that leads round in a loop; remove it"),
    ],
)
def test_statistics_as_a_link_to_nothing_is_named(tmp_path: Path, target: str, said: str) -> None:
    """Its months were left out without a word on reading, and import said 'cannot
    write' with exit 1, where init names such a link as the user's to mend (exit 2)."""
    data = copy_data(tmp_path)
    (data / "statistics").symlink_to(target)
    for args in (["caseload"], ["import", "statfin", str(EXPORT)]):
        result = run(data, *args)
        assert result.exit_code == 2, result.output
        assert error_lines(result.stderr, data) == [said]
    assert os.readlink(data / "statistics") == target


def test_an_unreadable_statistics_folder_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = with_month(tmp_path)
    real = Path.iterdir

    def refuse(path: Path) -> Any:
        if path.name == "statistics":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "iterdir", refuse)
    monkeypatch.setenv("TYOLLISYYS_NO_CACHE", "1")
    result = run(data, "caseload")
    assert result.exit_code == 2, result.output
    assert error_lines(result.stderr, data) == [
        "statistics: cannot read the folder: permission denied"
    ]


def test_a_read_only_data_folder_stops_an_import_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    real = os.open

    def refuse(path: Any, flags: int, mode: int = 0o777) -> int:
        if Path(path).parent.name == "statistics":  # (root may write anywhere: simulated)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    result = run(data, "import", "statfin", str(EXPORT))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: cannot write {data}/statistics/2026-06.csv: the folder {data}/statistics "
        "does not let you create files in it (Permission denied)\n"
    )
    assert list((data / "statistics").iterdir()) == []


@pytest.mark.parametrize(
    ("value", "digits"), [("9" * 5000, 5000), ("1" + "0" * 400, 401), ("1" + "0" * 15, 16)]
)
def test_an_import_of_a_count_too_large_writes_nothing(
    tmp_path: Path, value: str, digits: int
) -> None:
    data = copy_data(tmp_path)
    export = edited_export(tmp_path, "KU205", 1, value)
    result = run(data, "import", "statfin", str(export))
    assert result.exit_code == 2, result.output
    column = export.read_text("utf-8").index(f'"{value}"') + 1  # (the export is one line)
    assert result.stderr.splitlines() == [
        f"error: {export}:1:{column}: KU205 2026-06 TYOTTOMATLOPUSSA (Kajaani): expected a "
        "count, found "
        f"a number too large to use ({digits} digits)",
        "1 problem in the export",
    ]
    assert not (data / "statistics").exists()


@pytest.mark.parametrize("command", ["import", "init"])
def test_figures_of_an_export_that_disagree_are_named_in_the_export(
    tmp_path: Path, command: str
) -> None:
    export = edited_export(tmp_path, "KU205", 2, "10")  # Kajaani's labour force: 16917
    data = copy_data(tmp_path)
    if command == "import":
        result = run(data, "import", "statfin", str(export))
    else:
        data = tmp_path / "new"
        result = CliRunner().invoke(
            app, ["init", str(data), "--area", "Kainuu-Koillismaa", "--from", str(export)]
        )
    assert result.exit_code == 2, result.output
    # Not a line and column of statistics/2026-06.csv: that file is never written.
    assert result.stderr.splitlines() == [
        f"error: {export}: KU205 2026-06 TYOTTOMATLOPUSSA (Kajaani): 2066 unemployed is "
        "more than the labour force 10",
        "1 problem in the export",
    ]
    assert not (data / "statistics").exists()


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux's /proc")
def test_an_export_that_cannot_be_read_is_a_read_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    result = run(data, "import", "statfin", "/proc/self/mem")  # reading it fails (EIO)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "error: /proc/self/mem: cannot read the file: Input/output error",
        "1 problem in the export",
    ]


def test_a_deeply_nested_export_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    export = tmp_path / "deep.json"
    export.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    result = run(data, "import", "statfin", str(export))
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"error: {export}: not a 12r5 export: nested deeper than 32 levels",
        "1 problem in the export",
    ]
    assert not (data / "statistics").exists()


def test_a_month_file_of_too_many_rows_is_refused_at_the_bound(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    rows = month().splitlines()
    (data / "statistics" / "2026-06.csv").write_text(
        "\n".join([rows[0], *[rows[1]] * 5_000]) + "\n", "utf-8"
    )
    result = run(data, "caseload")
    assert result.exit_code == 2, result.output
    assert error_lines(result.stderr, data) == [
        "statistics/2026-06.csv:1002:1: the file has more than 1,000 rows; a month holds one "
        "row per municipality of the area (Finland has 308): is it the right file?"
    ]


def test_a_month_file_linked_outside_the_folder_is_not_echoed(tmp_path: Path) -> None:
    data = with_month(tmp_path)
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    (data / "statistics" / "2026-07.csv").symlink_to(passwd)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        f"statistics/2026-07.csv: is a link to {passwd}, outside the data folder {data}; data "
        "files must lie in the data folder (copy the file in instead of linking to it)"
    ]
    assert "root:x" not in result.output


def test_a_statistics_folder_linked_from_another_checkout_is_named(tmp_path: Path) -> None:
    # (the file was blamed, and import advised moving it away: out of the colleague's
    # checkout the folder leads to)
    data = with_month(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (data / "statistics").rename(other / "statistics")
    (other / "statistics" / "2026-05.csv").write_text(month(), encoding="utf-8")
    (data / "statistics").symlink_to(other / "statistics")
    for command in (["caseload"], ["import", "statfin", str(EXPORT)]):
        result = run(data, *command)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines() == [
            f"error: {data}/statistics: is a link to {other}/statistics, outside the data "
            f"folder {data}; data files must lie in the data folder (copy the folder in "
            "instead of linking to it)",
            "1 problem in the data files",
        ]  # (once, not once for each month)


# ------------------------------------------------------------------ 2. file modes


@pytest.fixture
def umask() -> Any:
    """Set the umask for one test (restored after)."""
    previous = os.umask(0o022)
    try:
        yield os.umask
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_import_follows_the_umask_and_a_replace_keeps_the_mode(tmp_path: Path, umask: Any) -> None:
    umask(0o002)
    data = copy_data(tmp_path)
    assert run(data, "import", "statfin", str(EXPORT)).exit_code == 0
    written = data / "statistics" / "2026-06.csv"
    assert mode(written) == 0o664
    assert mode(data / "statistics") == 0o775
    written.chmod(0o640)
    changed = edited_export(tmp_path, "KU205", 1, "2070")
    result = run(data, "import", "statfin", str(changed), "--replace")
    assert result.exit_code == 0, result.output
    assert ",2070," in written.read_text("utf-8")
    assert mode(written) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_init_follows_the_umask(tmp_path: Path, umask: Any) -> None:
    umask(0o027)
    target = tmp_path / "area"
    result = CliRunner().invoke(app, ["init", str(target), "--area", "24", "--from", str(EXPORT)])
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o750
    assert mode(target / "municipalities.yaml") == 0o640
    assert mode(target / "statistics") == 0o750
    assert mode(target / "statistics" / "2026-06.csv") == 0o640


# ------------------------------------------------------------------ 5. init: atomic, asks first


def init(target: Path, *more: str) -> Any:
    return CliRunner().invoke(
        app, ["init", str(target), "--area", "24", "--from", str(EXPORT), *more]
    )


def test_init_refuses_a_folder_that_holds_other_files(tmp_path: Path) -> None:
    target = tmp_path / "nonempty"
    target.mkdir()
    (target / "thesis.docx").write_bytes(b"chapter 1")
    result = init(target)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {target} is not empty (it holds thesis.docx); init writes into a new or "
        "empty directory: choose another, or give --force to add the area's files beside "
        "what is there\n"
    )
    assert sorted(p.name for p in target.iterdir()) == ["thesis.docx"]


def test_init_with_force_writes_beside_and_deletes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nonempty"
    (target / "schemas").mkdir(parents=True)
    (target / "thesis.docx").write_bytes(b"chapter 1")
    (target / "commuting.example.yaml").write_text("# mine\n", "utf-8")
    result = init(target, "--force")
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*")) == [
        "commuting.example.yaml",
        "municipalities.yaml",
        "schemas",
        "schemas/commuting.schema.json",
        "schemas/municipalities.schema.json",
        "statistics",
        "statistics/2026-06.csv",
        "thesis.docx",
    ]
    assert (target / "thesis.docx").read_bytes() == b"chapter 1"
    assert (target / "commuting.example.yaml").read_text("utf-8") == "# mine\n"
    listed = result.stdout.split("Already there, left as they were:\n")
    assert f"  {target / 'commuting.example.yaml'}\n" not in listed[0]  # not "created"
    assert f"  {target / 'municipalities.yaml'}\n" in listed[0]
    assert listed[1].startswith(f"  {target / 'commuting.example.yaml'}\n")
    again = init(target, "--force")
    assert again.exit_code == 2  # the area's own files are never replaced
    assert again.stderr == (
        f"error: {target / 'municipalities.yaml'} already exists; init never replaces a "
        "file, not even with --force: move it away first\n"
    )


def test_init_into_an_empty_folder_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir(mode=0o700)
    assert init(target).exit_code == 0
    assert mode(target) == 0o700
    assert (target / "municipalities.yaml").is_file()


def test_an_interrupted_init_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tyollisyys_cli.area.months import write_atomic as real

    calls: list[Path] = []

    def second_write_fails(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as Ctrl-C between the two files
        real(path, text)

    monkeypatch.setattr("tyollisyys_cli.statfin.scaffold.write_atomic", second_write_fails)
    target = tmp_path / "area"
    result = init(target)
    assert result.exit_code == 130  # (interrupted)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []  # neither the area nor a temporary folder
    monkeypatch.setattr("tyollisyys_cli.statfin.scaffold.write_atomic", real)
    assert init(target).exit_code == 0  # and init then works


def test_a_stale_temporary_folder_of_init_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "area"
    stale = tmp_path / ".area.0123abcd.tmp"
    young = tmp_path / ".area.4567cdef.tmp"
    other = tmp_path / ".area.notours.tmp"
    for folder in (stale, young, other):
        (folder / "statistics").mkdir(parents=True)
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert init(target).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".area.4567cdef.tmp",
        ".area.notours.tmp",
        "area",
    ]


def test_more_staff_lines_than_a_municipality_has_are_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / M
    source = path.read_text(encoding="utf-8")
    line = "      - role: palveluohjaaja\n        fte: 1\n        origin: own\n"
    at = source.index("    staffing:\n") + len("    staffing:\n")  # Kajaani's, of 9 lines
    path.write_text(source[:at] + line * 101 + source[at:], encoding="utf-8")
    result = run(data, "caseload")
    assert result.exit_code == 2
    [error] = error_lines(result.stderr, data)
    first_entry = source[:at].count("\n") + 1  # the list starts on the line after `staffing:`
    assert error == (
        f"municipalities.yaml:{first_entry}:7: municipalities[1].staffing (Kajaani): expected "
        f"at most 100 entries, found {101 + 9}"
    )


@pytest.mark.parametrize("name", ["municipalities.yaml", "statistics/2026-06.csv"])
def test_init_with_force_refuses_a_link_to_nothing_before_writing(
    tmp_path: Path, name: str
) -> None:
    target = tmp_path / "nonempty"
    (target / "statistics").mkdir(parents=True)
    (target / "notes.txt").write_text("mine", "utf-8")
    (target / name).symlink_to(tmp_path / "gone")
    result = init(target, "--force")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {target / name} already exists; init never replaces a file, not even with "
        "--force: move it away first\n"
    )
    written = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert written == sorted(["notes.txt", "statistics", name])  # nothing half-made


@pytest.mark.parametrize(
    ("folder", "make"),
    [
        ("schemas", "file"),
        ("schemas", "link to nothing"),
        ("statistics", "file"),
        ("statistics", "link to nothing"),
        ("statistics", "link to a folder elsewhere"),
    ],
)
def test_init_with_force_refuses_a_file_where_a_folder_goes_before_writing(
    tmp_path: Path, folder: str, make: str
) -> None:
    target = tmp_path / "nonempty"
    target.mkdir()
    (target / "notes.txt").write_text("mine", "utf-8")
    if make == "file":
        (target / folder).write_text("mine too", "utf-8")
    elif make == "link to nothing":
        (target / folder).symlink_to(tmp_path / "gone")
    else:
        (tmp_path / "elsewhere").mkdir()
        (target / folder).symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = init(target, "--force")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {target / folder} is in the way: init writes files into a folder of that "
        "name; move it away first (nothing was written)\n"
    )
    written = sorted(str(p.relative_to(target)) for p in target.iterdir())
    assert written == sorted(["notes.txt", folder])  # nothing half-made
    assert not (tmp_path / "elsewhere").exists() or not any((tmp_path / "elsewhere").iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ("caseload", "-f", "csv"),
        ("check",),
        ("export",),
        ("report",),
    ],
)
@pytest.mark.parametrize("name", ["fresh/", "mine.csv/", "mine.csv/.", "mine.csv/..", "."])
def test_an_output_name_ending_with_a_slash_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], name: str
) -> None:
    """A slash names a folder: no file of the folder's name is made, and a file of that
    name is not replaced."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.csv").write_text("mine\n", "utf-8")
    result = CliRunner().invoke(app, [*args, "-o", name])
    assert result.exit_code == 2, result.output
    assert f"{name} names a folder; give the name of a file" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]
    assert (tmp_path / "mine.csv").read_text("utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("args", "name", "writes"),
    [
        (("export",), "plan.md", ".xlsx"),
        (("export",), "plan.CSV", ".xlsx"),
        (("report",), "page.xlsx", ".html"),
        (("report",), "page.json", ".html"),
        (("check",), "findings.xlsx", ".txt"),  # (.json asks for the JSON report)
        (("check",), "findings.html", ".txt"),
        # Formats the tool never writes: a workbook or a page of another kind.
        (("export",), "plan.xls", ".xlsx"),
        (("report",), "page.pdf", ".html"),
        (("check",), "findings.ods", ".txt"),
        (("caseload",), "caseload.xls", ".xlsx"),  # (was a text table under that name)
        (("staffing",), "staffing.XLSM", ".xlsx"),
        (("unemployment",), "rates.ods", ".xlsx"),
        (("caseload",), "caseload.pdf", ".md"),
        (("municipalities",), "list.docx", ".md"),
        (("caseload",), "caseload.html", ".md"),  # (was a box-drawn text table)
        (("trend",), "trend.tsv", ".csv"),
    ],
)
def test_a_name_that_asks_for_another_format_is_refused(
    tmp_path: Path, args: tuple[str, ...], name: str, writes: str
) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 2, result.output
    asked = target.suffix.casefold()
    fixed = target.with_suffix(writes).name
    if args[0] in {"export", "report", "check"}:  # (one format each)
        said = f"but this command writes {writes}; name it {fixed}"
    else:  # a table, written in any of five
        said = (
            f"which a table is not written as; name it {fixed} (a table is written as "
            ".csv, .json, .md, .xlsx or text)"
        )
    assert f"{target} names a {asked} file, {said}" in " ".join(result.output.split())
    if asked == ".html" and args[0] not in {"export", "report", "check"}:  # (report's page?)
        assert result.output.rstrip().endswith(
            f"; a page for decision makers: tyollisyys report -o {target}"
        )
    # (the report's page asked for as a PDF: how to make one)
    said_pdf = "; for a PDF, print the page from a browser" in result.output
    assert said_pdf is (args[0] == "report" and asked == ".pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("export",), "plan"),
        (("report",), "page.htm"),
        (("check",), "findings.json"),
        (("check", "--format", "text"), "findings.txt"),
        (("caseload", "--format", "csv"), "caseload.dat"),
        (("caseload", "--format", "xlsx"), "caseload.XLSX"),
        (("caseload",), "caseload.txt"),
    ],
)
def test_a_name_of_no_other_format_is_written(
    tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    result = CliRunner().invoke(app, [*args, "-o", str(tmp_path / name)])
    assert result.exit_code in (0, 1), result.output  # (check: 1 for its findings)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_an_unknown_format_is_named_so_whatever_the_name() -> None:
    result = CliRunner().invoke(app, ["caseload", "-f", "foo", "-o", "t.csv"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown format 'foo'; choose one of table, csv,")


@pytest.mark.parametrize(
    ("args", "name", "said"),
    [
        # A CSV file named .xlsx, a text table named .xlsx: no spreadsheet opens either
        # (both were written: "a format given wins over the name").
        (("caseload", "-f", "csv"), "t.xlsx", "--format csv was given; name it t.csv, or leave"),
        (("caseload", "-f", "table"), "t.xlsx", "--format table was given; name it t.txt, or"),
        (("caseload", "-f", "csv"), "t.xls", "--format csv was given; name it t.csv"),
        (("staffing", "--format", "JSON"), "t.md", "--format json was given; name it t.json"),
        (("check", "-f", "json"), "findings.csv", "--format json was given; name it findings.json"),
        (("check", "-f", "text"), "findings.md", "--format text was given; name it findings.txt\n"),
        # (check writes no .md, with or without --format: "or leave --format out" misled)
        (("check", "-f", "json"), "f.md", "--format json was given; name it f.json\n"),
    ],
)  # fmt: skip
def test_a_format_given_with_a_name_of_another_is_refused(
    tmp_path: Path, args: tuple[str, ...], name: str, said: str
) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {target} names a {target.suffix} file, but {said}")
    assert list(tmp_path.iterdir()) == []


def test_init_into_a_folder_whose_files_would_be_too_long_a_path(tmp_path: Path) -> None:
    """The folder's own path fits, its files' paths would not: refused before writing,
    naming the user's path (it was exit 1, naming the temporary folder)."""
    base = tmp_path
    while len(os.fsencode(str(base))) < 4045 - 11 - 1 - 200:
        base = base / ("a" * 200)
    base = base / ("b" * (4045 - 11 - len(os.fsencode(str(base))) - 1))  # (1 to 200)
    base.mkdir(parents=True)
    target = base / "xxxxxxxxxx"  # (a short last name, as a user gives it)
    assert len(os.fsencode(str(target))) == 4045  # (under 4,096, as a path may be)
    result = init(target)
    assert result.exit_code == 2, result.output
    assert "the name is too long for the file system" in result.stderr
    assert ".tmp" not in result.stderr
    assert list(base.iterdir()) == []


@pytest.mark.parametrize(
    "where", ["tyollisyys_cli.i18n.set_language", "tyollisyys_cli.cli.app.run"]
)
def test_ctrl_c_while_the_libraries_load_ends_silently_with_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """Ctrl-C in a run's first 50 ms (typer still loading) printed a KeyboardInterrupt
    traceback; later it ends silently, with the shell's code for it."""
    from tyollisyys_cli.cli import main

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    module, _dot, name = where.rpartition(".")
    monkeypatch.setattr(sys.modules[module], name, interrupted)
    monkeypatch.setattr(sys, "argv", ["tyollisyys", "caseload"])
    with pytest.raises(SystemExit) as ended:
        main.main()
    assert ended.value.code == 130
    assert capsys.readouterr() == ("", "")


LONG = "A" * 100_000


@pytest.mark.parametrize(
    "args",
    [
        ["caseload", LONG],
        ["caseload", "--month", LONG],
        ["caseload", "--target", LONG],
        ["caseload", "--format", LONG],
        ["check", "--format", LONG],
        ["check", "--select", LONG],
        ["allocate", "--method", LONG],
        ["caseload", "--client-base", LONG],
        ["schema", LONG],
        ["init", "x", "--area", LONG],
        ["--lang", "fi", "caseload", "--month", LONG],
    ],
    ids=lambda args: " ".join(arg if len(arg) < 20 else "LONG" for arg in args),
)
def test_a_long_value_is_echoed_cut_to_80_characters(args: list[str]) -> None:
    """A value of 100,000 characters was echoed whole in its message, as guarantees.md
    says it is not."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    echoed = re.findall(r"A{10,}…?", result.output)
    assert echoed == ["A" * 79 + "…"], result.output[:300]


@pytest.mark.parametrize(
    "args",
    [
        ["caseload", "x/" * 50_000],  # (a slash is no path that exists)
        ["allocate", "--method", "a/" * 300],
        ["caseload", "--" + "A" * 300],  # (click's own, unquoted)
        ["--lang", "fi", "caseload", "--" + "A" * 300],
        ["caseload", "--" + "a/" * 5000],  # (unquoted, with slashes or spaces)
        ["--lang", "fi", "caseload", "--" + ("A" * 60 + " ") * 200],
    ],
    ids=["slashes", "method-slashes", "option", "option-fi", "option-slashes", "option-words"],
)
def test_a_long_value_is_cut_whatever_it_holds(args: list[str]) -> None:
    """A quoted value holding a '/' was echoed whole, taken for a path, and an option
    click echoes unquoted was not cut."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert len(result.output) < 2_000, result.output[:300]
    assert "…" in result.output


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_click_messages_keep_their_words_around_a_cut_value(lang: str) -> None:
    """A cap on click's whole message cut away the hint after 100 extra arguments, and a
    long argument's cut took its ')' and '; ' with it; in Finnish the line fell back to
    English."""
    many = CliRunner().invoke(app, ["--lang", lang, "check", *map(str, range(1, 101))])
    assert many.exit_code == 2
    said = {"en": "check takes no arguments", "fi": "check ei ota argumentteja"}[lang]
    assert said in many.output and "100" in many.output
    long = CliRunner().invoke(app, ["--lang", lang, "check", "a" * 100])
    line = long.output.splitlines()[-1]
    assert "a" * 79 + "…" in line and "a" * 80 not in line
    assert line.count(said) == 1
    if lang == "en":
        assert "(" + "a" * 79 + "…); check takes no arguments" in line
    else:
        assert line.startswith("virhe: ylimääräinen argumentti: ")


def test_a_web_address_is_echoed_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mistake in an address past 80 characters was cut away with the rest."""
    monkeypatch.chdir(tmp_path)
    url = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r5.px /x"
    result = CliRunner().invoke(app, ["init", "x", "--area", "Kainuu-Koillismaa", "--api-url", url])
    assert result.exit_code == 2
    assert f"'{url}': an address cannot hold ' '" in result.output


def test_a_path_that_exists_is_echoed_whole(tmp_path: Path) -> None:
    folder = tmp_path / ("a" * 100)
    folder.mkdir()
    named = folder / "scenario.txt"
    named.write_text("not: [yaml", "utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(named), "caseload"])
    assert result.exit_code == 2
    assert str(named) in result.output


@pytest.mark.parametrize(
    "args",
    [["caseload", "{value}"], ["caseload", "-f", "{value}"], ["caseload", "--month", "{value}"]],
)
def test_a_long_value_of_words_is_cut_with_its_quotes(args: list[str]) -> None:
    """A value of short words was not cut at all, and one with a space lost its closing
    quote."""
    value = "Kajaani " + "ab " * 30_000
    result = CliRunner().invoke(app, [arg.format(value=value) for arg in args])
    assert result.exit_code == 2
    assert len(result.output) < 2_000
    assert ("Kajaani " + "ab " * 30)[:79] + "…" in result.output
    if args[1] != "--month":  # (quoted where it is echoed)
        assert ("Kajaani " + "ab " * 30)[:79] + "…'" in result.output


def test_a_choice_is_echoed_as_typed() -> None:
    """`check --format CSV` was told of an unknown format 'csv'."""
    for args, said in (
        (["check", "--format", "CSV"], "unknown format 'CSV'"),
        (["check", "--format", "jsno"], "choose one of text, json, github; did you mean 'json'?"),
        (["check", "--fail-on", "ERRORS"], "unknown level 'ERRORS' for --fail-on"),
        (["allocate", "--method", "Even"], "unknown method 'Even'"),
        (["caseload", "--client-base", "Job"], "unknown client base 'Job'"),
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2 and said in result.output, result.output


@pytest.mark.parametrize(
    ("args", "lower"),
    [
        (["allocate", "--method", "Proportional"], ["allocate", "--method", "proportional"]),
        (["caseload", "--client-base", "Unemployed"], ["caseload", "--client-base", "unemployed"]),
    ],
)
def test_a_choice_is_taken_in_any_case(args: list[str], lower: list[str]) -> None:
    """`--format CSV` and `--fail-on ERROR` were taken, `--method Proportional` and
    `--client-base Unemployed` refused. Taken, the word is the tool's own in the run's
    metadata too (`"method": "Proportional"` there)."""
    run = CliRunner().invoke(app, [*args, "-f", "json"])
    assert run.exit_code == 0, run.output
    assert run.stdout == CliRunner().invoke(app, [*lower, "-f", "json"]).stdout


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/stdout and /dev/fd are Linux's")
@pytest.mark.parametrize(
    "args",
    [
        ["municipalities", "-f", "xlsx", "-o", "/dev/stdout"],
        ["caseload", "-o", "/dev/fd/1", "-f", "xlsx"],
        ["export", "-o", "/dev/stdout"],
        ["caseload", "-f", "xlsx", "-o", "{terminal}"],  # (/dev/pts/N, by its own name)
    ],
)
def test_a_workbook_onto_a_terminal_by_its_descriptors_name_is_refused(
    tmp_path: Path, args: list[str]
) -> None:
    """`-o -` was refused for a workbook at a prompt, but `-o /dev/stdout` wrote its
    bytes onto the screen; into a file (`> out.xlsx`) it is written."""
    import pty

    controller, terminal = pty.openpty()
    try:
        named = [arg.format(terminal=os.ttyname(terminal)) for arg in args]
        result = run_process(bundled_data_dir(), *named, stdout=terminal)
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert b"binary" in result.stderr and b"give it a" in result.stderr, result.stderr
    if "{terminal}" in args:
        return
    out = tmp_path / "out.xlsx"
    with out.open("wb") as into:
        written = run_process(bundled_data_dir(), *args, stdout=into)
    assert written.returncode == 0, written.stderr
    assert out.read_bytes()[:2] == b"PK"

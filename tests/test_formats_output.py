"""--output: atomic writes, clear errors, no partial or temporary files left behind."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.files.atomic import OutputError, atomic_write
from tyollisyys_cli.render import csv_out


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_writing_again_replaces(tmp_path: Path) -> None:
    path = tmp_path / "caseload.json"
    path.write_text("old content that is longer than nothing " * 100)
    assert invoke("caseload", "Kuhmo", "-f", "json", "-o", str(path)).exit_code == 0
    first = json.loads(path.read_text())
    assert first["rows"][0]["unit"] == "Kuhmo"
    assert invoke("caseload", "Kajaani", "-f", "json", "-o", str(path)).exit_code == 0
    assert json.loads(path.read_text())["rows"][0]["unit"] == "Kajaani"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.json"]


def test_failure_mid_write_leaves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def half_then_fail(table: Any, out: BinaryIO, *, excel: bool = False) -> None:
        out.write(b"unit,served_by\r\nKuhmo,")
        out.flush()
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(csv_out, "write_csv", half_then_fail)
    path = tmp_path / "caseload.csv"
    result = invoke("caseload", "-f", "csv", "-o", str(path))
    assert result.exit_code == 70  # an internal error, reported without a traceback
    assert "disk on fire" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_earlier_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "caseload.csv"
    assert invoke("caseload", "-f", "csv", "-o", str(path)).exit_code == 0
    before = path.read_bytes()

    def fail(table: Any, out: BinaryIO, *, excel: bool = False) -> None:
        out.write(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(csv_out, "write_csv", fail)
    invoke("caseload", "-f", "csv", "-o", str(path))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["caseload.csv"]


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "caseload.csv"
    result = invoke("caseload", "-f", "csv", "-o", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write {path}: the folder {path.parent} does not exist\n"
    )
    assert not (tmp_path / "no").exists()


def test_folder_as_output_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("offices", "-f", "csv", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"cannot write {tmp_path}: it is a folder" in result.stderr


def test_atomic_write_directly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    with atomic_write(path) as stream:
        stream.write(b"one")
        [temporary] = [p for p in tmp_path.iterdir()]
        assert temporary.name.startswith(".a.txt.") and temporary.suffix == ".tmp"
        assert not path.exists()  # nothing visible until the block ends
    assert path.read_bytes() == b"one"
    with pytest.raises(ValueError), atomic_write(path) as stream:
        stream.write(b"two")
        raise ValueError
    assert path.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    with pytest.raises(OutputError, match="does not exist"), atomic_write(tmp_path / "x" / "y"):
        pass


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-f", "yaml"],
            "error: unknown format 'yaml'; choose one of table, csv, json, markdown, xlsx",
        ),
        # (a format named as its files are, or misspelt: it had no "did you mean")
        (
            ["-f", "md"],
            "error: unknown format 'md'; choose one of table, csv, json, markdown, xlsx; did "
            "you mean 'markdown'?",
        ),
        (
            ["-f", "xls"],
            "error: unknown format 'xls'; choose one of table, csv, json, markdown, xlsx; did "
            "you mean 'xlsx'?",
        ),
        (
            ["-f", "jsno"],
            "error: unknown format 'jsno'; choose one of table, csv, json, markdown, xlsx; did "
            "you mean 'json'?",
        ),
        (["-f", "json", "--excel"], "error: --excel applies to --format csv, not json"),
        (
            ["--excel"],
            "error: --excel applies to --format csv, not table; add --format csv (or -f csv)",
        ),
        (
            ["-f", "table", "--excel"],
            "error: --excel applies to --format csv, not table",
        ),
        (
            ["--excel", "-o", "caseload.md"],
            "error: --excel applies to --format csv, not markdown",
        ),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = invoke("caseload", *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_format_names_ignore_case() -> None:
    result = invoke("offices", "Kuhmo", "-f", "CSV")
    assert result.exit_code == 0
    assert result.stdout_bytes == (
        b"municipality,office,address,serves\r\n"
        b'Kuhmo,Kuhmon kaupungintalo,"Kainuuntie 82, 88900 Kuhmo",\r\n'
    )


def test_emit_outside_a_command_and_to_a_text_only_stdout() -> None:
    """Other code may call emit directly, with standard output redirected to text."""
    import contextlib
    import io

    from tyollisyys_cli.cli.output import emit
    from tyollisyys_cli.render.model import Column, TableData

    table = TableData(name="t", title="T", columns=(Column("n", "N", "int"),), rows=[{"n": 5}])
    with contextlib.redirect_stdout(io.StringIO()) as captured:
        emit(table, "json")
    document = json.loads(captured.getvalue())
    assert document["rows"] == [{"n": 5}]
    assert document["metadata"]["tool"] == "tyollisyys"
    assert "options" not in document["metadata"]  # no command, no options


def test_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("offices", "Kuhmo", "-f", "csv", "-o", "-")
    assert result.stdout_bytes.startswith(b"municipality,office,address,serves\r\nKuhmo,")
    assert list(tmp_path.iterdir()) == []
    assert invoke("offices", "-f", "xlsx", "-o", "-").exit_code == 2


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_terminated_while_writing_leaves_nothing(tmp_path: Path) -> None:
    """Every command runs under `terminated_as_exit` (cli.group)."""
    from tyollisyys_cli.cli.group import terminated_as_exit
    from tyollisyys_cli.cli.output import write_atomically

    before = signal.getsignal(signal.SIGTERM)
    with (
        pytest.raises(SystemExit) as stopped,
        terminated_as_exit(),
        write_atomically(tmp_path / "x.csv") as stream,
    ):
        stream.write(b"partial")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives first; never reached in a passing run
    assert stopped.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_ignored_by_the_caller_stays_ignored() -> None:
    """Started under `trap '' TERM`, the run exited 143 on a SIGTERM it was to ignore."""
    from tyollisyys_cli.cli.group import terminated_as_exit

    before = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with terminated_as_exit():
            assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGTERM)  # (ignored: the block goes on)
        with pytest.raises(ValueError, match="the command's own"), terminated_as_exit():
            raise ValueError("the command's own")  # (passes through, as it is)
    finally:
        signal.signal(signal.SIGTERM, before)


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        # A table for people is never written into a file named for a data format.
        (["caseload", "Kuhmo"], "caseload.csv", b"unit,served_by,"),
        (["caseload", "Kuhmo"], "caseload.JSON", b'{\n  "metadata"'),
        (["caseload", "Kuhmo"], "caseload.md", b"**Caseload, "),
        (["caseload", "Kuhmo"], "caseload.xlsx", b"PK\x03\x04"),
        (["caseload", "Kuhmo", "--excel"], "caseload.csv", "\ufeffunit;".encode()),
        (["check"], "report.json", b'{\n  "schema": "tyollisyys-check/1"'),
        # Otherwise the format asked for, or the table for people.
        (["caseload", "Kuhmo"], "caseload.txt", "Caseload, Kainuu–Koillismaa".encode()),
        # (a name of another format is refused: test_hardening)
        (["caseload", "Kuhmo", "-f", "csv"], "caseload.dat", b"unit,served_by,"),
        (["caseload", "Kuhmo", "-f", "table"], "caseload.txt", b"Caseload, Kainuu"),
        (["check", "--format", "text"], "report.log", b"data/"),
        (["check"], "report.txt", b"data/"),  # (report.csv is refused: test_hardening)
    ],
)
def test_the_name_of_the_output_chooses_a_data_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str, starts: bytes
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # (check's paths: data/…)
    result = invoke("--data-dir", "data", *args, "-o", str(tmp_path / name))
    assert result.exit_code in (0, 1), result.output  # (check: the plan's errors)
    assert (tmp_path / name).read_bytes().startswith(starts)

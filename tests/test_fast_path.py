"""The fast dispatcher (`cli.fast`): which command lines it takes, and that it runs them
exactly as typer does (same output, same messages, same exit code)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tyollisyys_cli.cli import fast
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.cli.params import Command

COMMANDS = fast.commands()
EXAMPLE = str(Path(__file__).resolve().parents[1] / "examples" / "scenario-unemployment-up.yaml")


def parsed(argv: list[str]) -> fast.Parsed | None:
    return fast.parse(argv, COMMANDS)


# ------------------------------------------------------------------ what it takes


@pytest.mark.parametrize(
    ("argv", "command", "values"),
    [
        (["caseload", "Kuhmo"], "caseload", {"places": ["Kuhmo"], "fmt": "table"}),
        (["caseload"], "caseload", {"places": None, "month": None, "excel": False}),
        (
            ["caseload", "--format", "csv", "Kuhmo", "--excel", "-o", "out.csv"],
            "caseload",
            {"places": ["Kuhmo"], "fmt": "csv", "excel": True, "output": Path("out.csv")},
        ),
        (["caseload", "--format=json", "Kuhmo", "Kajaani"], "caseload", {"fmt": "json"}),
        (["caseload", "-fcsv", "-oout.csv"], "caseload", {"fmt": "csv", "output": Path("out.csv")}),
        (["caseload", "-f", "csv", "-f", "json"], "caseload", {"fmt": "json"}),  # last wins
        (
            ["caseload", "--clients-per-unemployed", "2.08", "--unemployed-change", "-10"],
            "caseload",
            {"clients_per_unemployed": 2.08, "unemployed_change": -10.0},
        ),
        (
            ["caseload", "--clients-per-unemployed", "2"],
            "caseload",
            {"clients_per_unemployed": 2.0},
        ),
        (
            ["caseload", "--target", "100-150", "--month", "2023-08"],
            "caseload",
            {"target": "100-150", "month": "2023-08"},
        ),
        (["staffing", "--client-base", "job-seekers"], "staffing", {"client_base": "job-seekers"}),
        (["unemployment", "--", "--help", "-x"], "unemployment", {"places": ["--help", "-x"]}),
        (["municipalities", "-"], "municipalities", {"places": ["-"]}),
        (["trend", "Kuhmo", "--month", "2023-08"], "trend", {"places": ["Kuhmo"]}),
        (
            [
                "allocate",
                "--pool",
                "3",
                "--step",
                "0.5",
                "--method",
                "proportional",
                "--ignore-stated",
            ],
            "allocate",
            {"pool": 3.0, "step": 0.5, "method": "proportional", "ignore_stated": True},
        ),
        (["offices", "Kuhmo"], "offices", {"places": ["Kuhmo"]}),
        (["commuting", "-f", "markdown"], "commuting", {"fmt": "markdown"}),
        (["check"], "check", {"fmt": "text", "select": None, "month": None}),
        (
            ["check", "--select", "TOT", "--select=GRP001,RAT", "--ignore", "XRF", "-fjson"],
            "check",
            {"select": ["TOT", "GRP001,RAT"], "ignore": ["XRF"], "fmt": "json"},
        ),
        (["check", "--list-rules"], "check", {"list_rules": True}),
        (
            ["scenario", "up.yaml", "--table", "allocate"],
            "scenario",
            {"file": Path("up.yaml"), "table": "allocate"},
        ),
        (["export", "-o", "book.xlsx"], "export", {"output": Path("book.xlsx")}),
    ],
)
def test_plain_command_lines_are_parsed(
    argv: list[str], command: str, values: dict[str, Any]
) -> None:
    result = parsed(argv)
    assert result is not None
    assert result.command.name == command
    assert {name: result.values[name] for name in values} == values
    assert set(result.values) == {param.name for param in result.command.params}


def test_global_options_come_before_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    result = parsed(["--data-dir", "area", "--debug", "caseload"])
    assert result is not None
    assert (result.data_dir, result.debug) == (Path("area"), True)
    result = parsed(["--data-dir=other", "caseload"])
    assert result is not None and result.data_dir == Path("other")
    result = parsed(["caseload"])
    assert result is not None and (result.data_dir, result.debug) == (None, False)
    monkeypatch.setenv("TYOLLISYYS_DATA_DIR", "from-env")
    result = parsed(["caseload"])
    assert result is not None and result.data_dir == Path("from-env")
    result = parsed(["--data-dir", "given", "caseload"])
    assert result is not None and result.data_dir == Path("given")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["--version"],
        ["caseload", "--help"],
        ["caseload", "Kuhmo", "--help"],
        ["caseload", "--nope"],
        ["caseload", "-x"],
        ["caseload", "-5"],
        ["caseload", "--month"],  # a value is missing
        ["caseload", "--excel=yes"],  # a flag takes no value
        ["caseload", "--clients-per-unemployed", "inf"],
        ["caseload", "--clients-per-unemployed", "lots"],
        ["caseload", "--clients-per-unemployed", "-1"],  # below the minimum
        ["caseload", "--unemployed-change", "-200"],
        ["caseload", "--output", ""],
        ["commuting", "--month", "2023-08"],  # commuting has no --month
        ["schema"],
        ["init", "somewhere"],
        ["scenario"],  # FILE is required
        ["scenario", "a.yaml", "b.yaml"],  # one FILE only
        ["export"],  # --output is required
        ["check", "--list-rules=1"],
        ["import", "statfin", "file.json"],
        ["cazeload"],  # typer suggests the right name
        ["caseload", "--data-dir", "x"],  # a global option after the command
        ["--data-dir", "caseload"],  # the command became the option's value
        ["--data-dir=", "caseload"],
        ["--debug=1", "caseload"],
    ],
)
def test_other_command_lines_are_left_to_typer(argv: list[str]) -> None:
    assert parsed(argv) is None


def test_an_empty_environment_variable_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TYOLLISYYS_DATA_DIR", "")
    assert parsed(["caseload"]) is None


def test_the_fast_commands_are_the_declared_ones_typer_registers() -> None:
    registered = {info.name for info in app.registered_commands}
    assert set(COMMANDS) <= registered
    for name, command in COMMANDS.items():
        assert isinstance(command, Command) and command.name == name


# ------------------------------------------------------------------ same as typer


def _typer(argv: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, argv)
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


def _fast(argv: list[str]) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        code = fast.dispatch(argv)
        sys.stdout.flush()
        sys.stderr.flush()
        written = out.getvalue().decode(), err.getvalue().decode()
    assert code is not None, f"{argv} was left to typer"
    return code, *written


SAME = [
    ["caseload", "Kuhmo"],
    ["caseload", "--format", "json"],
    ["caseload", "-f", "csv", "--excel", "Kuusamo", "Taivalkoski"],
    ["caseload", "--clients-per-unemployed", "2.08", "--format", "json"],
    ["caseload", "--unemployed-change", "20", "--target", "90-130", "-f", "json"],
    ["caseload", "--client-base", "job-seekers"],
    ["caseload", "--client-base", "everyone"],
    ["caseload", "--target", "150-100"],
    ["caseload", "Kuhmoo"],
    ["caseload", "--month", "2031-01"],
    ["caseload", "-f", "yaml"],
    ["caseload", "-f", "xlsx"],
    ["staffing", "-f", "json", "Kajaani"],
    ["unemployment", "--format", "markdown"],
    ["unemployment", "--month", "2023-08", "-f", "json"],
    ["municipalities", "-f", "csv"],
    ["offices", "Kuhmo", "-f", "json"],
    ["commuting", "-f", "json"],
    ["commuting", "--excel"],
    ["trend", "-f", "json"],
    ["allocate", "-f", "json"],
    ["allocate", "--method", "proportional", "--pool", "4", "-f", "csv"],
    ["allocate", "--step", "0.3"],
    ["allocate", "--method", "random"],
    ["--data-dir", "/nonexistent/area", "caseload"],
    ["check"],
    ["check", "-f", "json"],
    ["check", "-f", "github", "--fail-on", "never"],
    ["check", "--select", "TOT", "--select", "GRP001,RAT", "-f", "json"],
    ["check", "--ignore", "XRF,CLM", "--fail-on", "warning"],
    ["check", "--month", "2023-08", "-f", "json"],
    ["check", "--month", "2031-01"],
    ["check", "--select", "NOPE"],
    ["check", "-f", "sarif"],
    ["check", "--fail-on", "sometimes"],
    ["check", "--list-rules"],
    ["check", "--explain", "TOT001"],
    ["check", "--explain", "NOPE"],
    ["scenario", EXAMPLE, "-f", "json"],
    ["scenario", EXAMPLE, "--table", "allocate"],
    ["scenario", EXAMPLE, "--table", "nope"],
    ["scenario", "no-such-scenario.yaml"],
    ["export", "-o", "/nonexistent/folder/book.xlsx"],
    ["--data-dir", str(Path(__file__).parent / "data" / "bad" / "anchor-and-alias"), "caseload"],
]


@pytest.mark.parametrize("argv", SAME, ids=[" ".join(argv) for argv in SAME])
def test_the_fast_path_runs_a_command_line_as_typer_does(argv: list[str]) -> None:
    assert _fast(argv) == _typer(argv)


def test_the_metadata_names_the_same_command_and_options(tmp_path: Path) -> None:
    argv = ["--data-dir", str(tmp_path / "area"), "caseload", "Kuhmo", "-f", "json"]
    import shutil

    from tyollisyys_cli.area.paths import bundled_data_dir

    shutil.copytree(bundled_data_dir(), tmp_path / "area")
    code, out, err = _fast(argv)
    assert (code, err) == (0, "")
    assert (code, out, err) == _typer(argv)
    metadata = json.loads(out)["metadata"]
    assert metadata["command"] == "caseload"
    assert metadata["options"]["places"] == ["Kuhmo"]
    assert metadata["options"]["data_dir"] == str(tmp_path / "area")
    assert metadata["area"] == "Kainuu–Koillismaa"


def test_a_written_file_is_the_same(tmp_path: Path) -> None:
    fast_file, typer_file = tmp_path / "fast.csv", tmp_path / "typer.csv"
    assert _fast(["caseload", "-f", "csv", "--excel", "-o", str(fast_file)])[0] == 0
    assert _typer(["caseload", "-f", "csv", "--excel", "-o", str(typer_file)])[0] == 0
    assert fast_file.read_bytes() == typer_file.read_bytes()
    assert fast_file.read_bytes().startswith("\ufeff".encode())


def test_an_exported_workbook_is_the_same(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    books = {}
    for name, path in (("fast", _fast), ("typer", _typer)):
        book = tmp_path / f"{name}.xlsx"
        code, out, err = path(["export", "-o", str(book), "--clients-per-unemployed", "2"])
        assert (code, out, err) == (0, "", f"wrote 6 tables to {book}\n")
        workbook = openpyxl.load_workbook(book)
        books[name] = {
            sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
            for sheet in workbook.worksheets
        }
    assert books["fast"] == books["typer"]
    assert len(books["fast"]) == 7  # six tables and the metadata


def test_a_key_error_is_a_bug_not_a_usage_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the tool's own unknown names (`UnknownName`) are the user's to fix."""

    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("tyollisyys_cli.views.caseload.caseload_view", broken)
    code, out, err = _fast(["caseload"])
    assert (code, out) == (70, "")
    assert err == (
        "internal error: KeyError: 'a bug'\n"
        "This is a bug in tyollisyys; run again with --debug for the traceback.\n"
    )
    assert _typer(["caseload"]) == (code, out, err)


def test_the_installed_command_takes_the_fast_path(tmp_path: Path) -> None:
    """A plain command line never imports typer; --help does."""
    script = (
        "import sys\n"
        "sys.argv = ['tyollisyys', *sys.argv[1:]]\n"
        "from tyollisyys_cli.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print('typer' in sys.modules, code, file=sys.stderr)\n"
    )
    env = {**os.environ, "TYOLLISYYS_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("TYOLLISYYS_DATA_DIR", None)

    def run(*argv: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", script, *argv], env=env, capture_output=True, text=True
        )
        return done.stderr.split()[-2:]

    assert run("caseload", "Kuhmo", "-f", "csv") == ["False", "0"]
    assert run("caseload", "Nowhere") == ["False", "2"]
    assert run("caseload", "--help") == ["True", "0"]
    assert run("caseload", "--clients-per-unemployed", "-1") == ["True", "2"]

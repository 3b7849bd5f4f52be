"""The one route from the command line to the exit code: typer parses every command
line, a warm run reads no YAML, option values get typer's own messages, and only the
command that runs is built (the others are still known to help and "did you mean")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area import cache
from tyollisyys_cli.cli.app import app, app_for, command_run


@pytest.mark.parametrize(
    "command",
    [
        ["caseload", "Kuhmo"],
        ["staffing"],
        ["municipalities"],
        ["offices", "Kuhmo"],
        ["unemployment"],
        ["commuting"],
        ["trend"],
        ["allocate"],
        ["check", "--format", "json"],
    ],
)
def test_a_warm_run_reads_no_yaml(tmp_path: Path, command: list[str]) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['tyollisyys', *{command!r}]\n"
        "from tyollisyys_cli.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'typer', 'yaml'})\n"
        "parsers = [m for m in ('tyollisyys_cli.statfin.pxweb', 'tyollisyys_cli.files.yamlfile')"
        " if m in sys.modules]\n"
        "heavy += parsers\n"
        "print('heavy:', ' '.join(heavy) or 'none', file=sys.stderr)\n"
    )
    env = {**os.environ, cache.ENV_CACHE_DIR: str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("TYOLLISYYS_DATA_DIR", None)
    cold, warm = (
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    )
    # typer parses the command line (and imports pydantic for it); the cache spares YAML,
    # and no parser of a file is imported (the statistics' source is shown by
    # statfin.source, which imported statfin.pxweb's parsers too).
    assert "heavy: pydantic typer yaml" in cold.stderr, cold.stderr
    assert warm.stderr.strip() == "heavy: pydantic typer", warm.stderr
    assert warm.stdout == cold.stdout
    assert "Kuhmo" in warm.stdout or "Kajaani" in warm.stdout


# ------------------------------------------------------------------ plain option values


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--clients-per-unemployed", "-1"], "Input should be greater than 0"),
        (["--clients-per-unemployed", "lots"], "Input should be a valid number"),
        (["--clients-per-unemployed", "nan"], "Input should be a finite number"),
        (["--unemployed-change", "inf"], "Input should be a finite number"),
    ],
)
def test_bad_option_values_get_typers_own_messages(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["caseload", "Kuhmo", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_plain_values_convert_as_typer_would(runner: CliRunner) -> None:
    scaled = runner.invoke(app, ["caseload", "Kuhmo", "--clients-per-unemployed", "2"])
    assert scaled.exit_code == 0, scaled.output
    assert "unemployed job seekers (2023-08) × 2" in scaled.output
    assert "526" in scaled.output  # Kuhmo's 263 unemployed × 2


# ------------------------------------------------------------------ only the command run


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["caseload", "Kuhmo"], "caseload"),
        (["--data-dir", "check", "caseload"], "caseload"),
        (["--debug", "check", "--format", "json"], "check"),
        (["--help"], None),
        (["--version", "caseload"], None),
        ([], None),
    ],
)
def test_the_command_run_is_found_past_the_global_options(
    args: list[str], name: str | None
) -> None:

    assert command_run(args) == name


@pytest.mark.parametrize(
    ("args", "registered"),
    [
        (["caseload", "Kuhmo"], ["caseload"]),
        (["--lang", "fi", "check", "--format", "json"], ["check"]),
        (["casload"], None),  # every command, for "did you mean"
        (["--help"], None),
        (["import", "statfin", "--help"], None),  # a group: the app as it is
    ],
)
def test_the_app_run_has_only_the_command_the_arguments_name(
    args: list[str], registered: list[str] | None
) -> None:
    every = list(app.registered_commands)
    narrowed = app_for(args)
    if registered is None:
        assert narrowed is app
    else:
        assert [
            getattr(info.callback, "__name__", None) for info in narrowed.registered_commands
        ] == (registered)
        assert narrowed.registered_callback is app.registered_callback
    assert app.registered_commands == every  # the app itself is never narrowed


def test_the_console_script_runs_the_command_and_still_knows_the_others(tmp_path: Path) -> None:
    env = {**os.environ, cache.ENV_CACHE_DIR: str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("TYOLLISYYS_DATA_DIR", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tyollisyys_cli", *args],
            env=env,
            capture_output=True,
            text=True,
        )

    caseload = run("caseload", "Kuhmo")
    assert caseload.returncode == 0, caseload.stderr
    assert "under 100" in caseload.stdout
    typo = run("casload")
    assert typo.returncode == 2
    assert "Did you mean 'caseload'?" in typo.stderr
    assert "caseload" in run("--help").stdout
    # An option of other commands is named as theirs (click offered --help), though the
    # run registers caseload alone; so are arguments to a command that takes none.
    step = run("caseload", "--step", "1")
    assert step.returncode == 2
    assert step.stderr.endswith(
        "Error: No such option: --step; it is an option of allocate, scenario\n"
    )
    since = run("--lang", "fi", "caseload", "--since", "2023-01")  # (an option of a group's)
    assert since.stderr.endswith(
        "virhe: tuntematon valitsin: --since; valitsin kuuluu komennolle: import statfin\n"
    )
    places = run("--lang", "fi", "allocate", "Kuhmo")
    assert places.returncode == 2
    assert places.stderr.endswith(
        "virhe: ylimääräinen argumentti: Kuhmo; allocate ei ota argumentteja: se käsittelee "
        "koko aluetta\n"
    )

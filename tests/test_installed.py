"""The installed `tyollisyys` command works as a real process from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def tyollisyys_command() -> list[str]:
    """The console script installed next to this Python (or on PATH)."""
    script = Path(sys.executable).with_name("tyollisyys")
    if script.exists():
        return [str(script)]
    found = shutil.which("tyollisyys")
    if found is None:
        pytest.fail("the tyollisyys console script is not installed")
    return [found]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    env["COLUMNS"] = "200"
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_installed_command_runs_on_bundled_data_from_a_temporary_directory(
    tmp_path: Path,
) -> None:
    result = run([*tyollisyys_command(), "caseload", "Kuhmo"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Kuhmo" in result.stdout and "3 120" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no escape codes
    assert list(tmp_path.iterdir()) == []  # nothing written beside the user


def test_python_dash_m_runs(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "tyollisyys_cli", "--version"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("tyollisyys ")


def test_unknown_place_as_a_process(tmp_path: Path) -> None:
    result = run([*tyollisyys_command(), "caseload", "Kuhm"], tmp_path)
    assert result.returncode == 2
    assert "did you mean Kuhmo?" in result.stderr
    assert "Traceback" not in result.stderr

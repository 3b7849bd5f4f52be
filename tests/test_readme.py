"""The README keeps its promises: the two commands first, every command documented,
and `.ci/run` running exactly the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def readme() -> str:
    path = ROOT / "README.md"
    if not path.exists():
        pytest.skip("README.md is not beside the tests (installed elsewhere)")
    return path.read_text(encoding="utf-8")


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.S)


def test_readme_starts_with_the_install_and_test_commands() -> None:
    blocks = shell_blocks(readme())
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert blocks[0].strip() == venv + "pip install . && tyollisyys caseload Kuhmo"
    assert blocks[1].strip() == venv + "pip install '.[test]' && python -m pytest -q"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = shell_blocks(readme())[1].strip()
    assert test_command in ci.splitlines()


def test_every_command_is_documented_in_the_readme() -> None:
    text = readme()
    help_text = CliRunner().invoke(app, ["--help"]).output
    commands = re.findall(r"^│ (\w[\w-]*) ", help_text, flags=re.M) or re.findall(
        r"^  (\w[\w-]*)\s", help_text, flags=re.M
    )
    assert "caseload" in commands
    for command in commands:
        assert f"tyollisyys {command}" in text, f"{command} is not in the README"

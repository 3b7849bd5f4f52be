"""Lazy imports: a command imports only what it uses.

Each case runs the tool as a real process under `python -X importtime`, which lists
every module the process imported, however it got there. CSV output never imports rich
(the terminal table's library); nothing but xlsx output imports openpyxl (an optional
dependency). Each command runs twice with one cache folder: the first run reads and
validates the files (cold), the second reads the cache (warm).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def imported(argv: list[str], *, cache: Path) -> list[set[str]]:
    """Top-level packages imported by a cold and then a warm run of the tool."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TYOLLISYYS_")}
    env.update({"TYOLLISYYS_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "200"})
    result = []
    for _run in ("cold", "warm"):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "tyollisyys_cli", *argv],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr[-2000:]
        # "import time: self [us] | cumulative | imported package", one line per module
        lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
        names = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in lines[1:]}
        assert "tyollisyys_cli" in names, done.stderr[-2000:]
        result.append(names)
    return result


def test_csv_imports_neither_rich_nor_openpyxl(tmp_path: Path) -> None:
    for names in imported(["caseload", "Kuhmo", "--format", "csv"], cache=tmp_path / "cache"):
        assert not names & {"rich", "openpyxl"}


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["caseload", "Kuhmo"],
        ["caseload", "--format", "json"],
        ["unemployment", "--format", "markdown"],
        ["staffing", "--format", "csv"],
        ["check"],
        ["check", "--format", "json"],
    ],
    ids=" ".join,
)
def test_only_xlsx_imports_openpyxl(tmp_path: Path, argv: list[str]) -> None:
    for names in imported(argv, cache=tmp_path / "cache"):
        assert "openpyxl" not in names


def test_xlsx_imports_openpyxl(tmp_path: Path) -> None:
    # The other side of the two tests above: the probe does see a lazy import.
    pytest.importorskip("openpyxl")
    book = tmp_path / "caseload.xlsx"
    argv = ["caseload", "--format", "xlsx", "--output", str(book)]
    for names in imported(argv, cache=tmp_path / "cache"):
        assert "openpyxl" in names
    assert book.stat().st_size > 0

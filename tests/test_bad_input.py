"""Bad data never crashes the tool: the corpus in tests/data/bad and the paths around it.

Every case of the corpus runs with the libyaml parser and with the pure-Python one:
the messages must be the same, and exactly the ones in the case's expected.yaml.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from tyollisyys_cli.cli.app import app
from tyollisyys_cli.files import yamlfile

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CORPUS = REPO / "tests" / "data" / "bad"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.yaml").is_file())
PARSERS = {"libyaml": yaml.CSafeLoader, "python": yaml.SafeLoader}


def run(data_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["--data-dir", str(data_dir), *args])


def error_lines(stderr: str, data_dir: Path) -> list[str]:
    """The `error:` lines of standard error, with the data folder left out."""
    prefix = f"{data_dir}{os.sep}"
    return [
        line.removeprefix("error: ").replace(prefix, "")
        for line in stderr.splitlines()
        if line.startswith("error: ")
    ]


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for name in ("municipalities.yaml", "commuting.yaml"):
        (target / name).write_bytes((DATA / name).read_bytes())
    return target


def test_the_corpus_has_at_least_forty_cases_each_with_its_expectation() -> None:
    assert len(CASES) >= 40
    folders = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    assert folders == CASES


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: str, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "_Loader", PARSERS[parser])
    folder = CORPUS / case
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    result = run(folder, "caseload")
    assert result.exit_code == expected["exit_code"], result.output
    assert error_lines(result.stderr, folder) == expected["errors"]
    count = len(expected["errors"])
    assert result.stderr.splitlines()[-1] == (
        f"{count} problem{'s' if count != 1 else ''} in the data files"
    )
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_every_corpus_case_names_the_file_it_is_about() -> None:
    for case in CASES:
        expected = yaml.safe_load((CORPUS / case / "expected.yaml").read_text(encoding="utf-8"))
        assert expected["errors"], case
        for line in expected["errors"]:
            assert line.split(":")[0] in {
                "municipalities.yaml",
                "commuting.yaml",
                "statistics/2026-06.csv",
                "statistics/2026-6.csv",
                "statistics/2026-06.yaml",
            }, case


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    data = copy_data(tmp_path)
    (data / "commuting.yaml").chmod(0)
    try:
        result = run(data, "caseload")
    finally:
        (data / "commuting.yaml").chmod(0o644)
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "commuting.yaml: cannot read the file: permission denied"
    ]


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_data(tmp_path)
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "commuting.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "commuting.yaml: cannot read the file: permission denied"
    ]


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_data(tmp_path)
    size = (data / "commuting.yaml").stat().st_size
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 2000)
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        f"municipalities.yaml: file is {(data / 'municipalities.yaml').stat().st_size:,} "
        "bytes, larger than the limit of 2,000 bytes for a data file",
        f"commuting.yaml: file is {size:,} bytes, larger than the limit of 2,000 bytes "
        "for a data file",
    ]


def test_errors_of_both_files_are_reported_together(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    area = data / "municipalities.yaml"
    area.write_text(
        area.read_text(encoding="utf-8").replace("      men: 42", "      men: 4,2"),
        encoding="utf-8",
    )
    commuting = data / "commuting.yaml"
    commuting.write_text(
        commuting.read_text(encoding="utf-8").replace("commuting_in: 311", "commuting_in: on"),
        encoding="utf-8",
    )
    result = run(data, "caseload")
    assert result.exit_code == 2
    assert error_lines(result.stderr, data) == [
        "municipalities.yaml:71:12: municipalities[0].statistics.men (Hyrynsalmi): expected a "
        "whole number (0 or more), `withheld` or `missing`, found the text '4,2'; use a "
        "decimal point, not a comma: 4.2",
        "commuting.yaml:32:19: rows[2].commuting_in (290): expected a whole number (0 or more), "
        "found the text 'on'; this is a yes/no word, not a number",
    ]


def test_data_dir_missing(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", "caseload")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'nowhere'}: data directory not found")


def test_data_dir_is_a_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    result = run(data / "municipalities.yaml", "caseload")
    assert result.exit_code == 2
    assert "is not a directory; --data-dir takes the folder that holds municipalities.yaml" in (
        result.stderr
    )


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    folder = CORPUS / "yes-as-count"
    quiet = run(folder, "caseload")
    loud = CliRunner().invoke(app, ["--debug", "--data-dir", str(folder), "caseload"])
    assert quiet.exit_code == loud.exit_code == 2
    assert "Traceback" not in quiet.stderr
    assert "Traceback (most recent call last)" in loud.stderr
    assert "tyollisyys_cli.errors.DataErrors" in loud.stderr
    assert error_lines(loud.stderr, folder) == error_lines(quiet.stderr, folder)


def test_an_unexpected_failure_is_a_bug_report_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tyollisyys_cli.area import load

    def broken(data_dir: Path) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(load, "load_area", broken)
    monkeypatch.setenv("TYOLLISYYS_NO_CACHE", "1")  # a cached area would not reach the loader
    result = CliRunner().invoke(app, ["caseload"])
    assert result.exit_code == 70
    assert result.stderr.splitlines() == [
        "internal error: ZeroDivisionError: division by zero",
        "This is a bug in tyollisyys; run again with --debug for the traceback.",
    ]


def test_as_a_real_process() -> None:
    folder = CORPUS / "python-tag"
    completed = subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(folder), "caseload"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"error: {folder / 'municipalities.yaml'}:20:9: area.name: the tag "
        "!!python/object/apply:os.system is not allowed in data files; write plain values "
        "(nothing in the file is ever run or turned into objects)",
        "1 problem in the data files",
    ]

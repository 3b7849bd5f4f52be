"""The README's output section documents every data column and shows real output."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import resolve_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.cli.commands.export import area_tables
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.render.records import data_columns
from tyollisyys_cli.render.registry import FORMATS

README = Path(__file__).resolve().parents[1] / "README.md"
HEADING = "## Output for spreadsheets and scripts"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(HEADING)
    end = text.find("\n## ", start + len(HEADING))
    return text[start : end if end != -1 else len(text)]


def table_docs() -> dict[str, str]:
    """The text documenting each table: from its `name` lead-in to the next one."""
    parts = re.split(r"^`(\w+)`(?::| \()", section(), flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


TABLES = area_tables(load_area(resolve_data_dir(None)), month=None, base=ClientBase())


@pytest.mark.parametrize("table", TABLES, ids=[table.name for table in TABLES])
def test_every_column_is_documented(table: object) -> None:
    docs = table_docs()
    assert table.name in docs  # type: ignore[attr-defined]
    documented = set(re.findall(r"`(\w+)`", docs[table.name]))  # type: ignore[attr-defined]
    keys = {column.key for column in data_columns(table)}  # type: ignore[arg-type]
    assert keys - documented == set()


def test_every_format_is_documented() -> None:
    for name in FORMATS:
        assert f"**{name}**" in section()


def console_blocks() -> list[tuple[list[str], str]]:
    blocks = re.findall(r"```console\n(.*?)```", section(), flags=re.DOTALL)
    runs = []
    for block in blocks:
        for command, output in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.MULTILINE):
            runs.append((shlex.split(command, comments=True), output))
    return runs


def test_csv_examples_are_real_output() -> None:
    examples = [(args, out) for args, out in console_blocks() if "csv" in args]
    assert len(examples) == 2
    for args, expected in examples:
        assert args[0] == "tyollisyys"
        result = CliRunner().invoke(app, args[1:])
        assert result.stdout_bytes.decode("utf-8").replace("\r\n", "\n") == expected


def test_json_example_rows_are_real_output() -> None:
    [(args, expected)] = [(args, out) for args, out in console_blocks() if "json" in args]
    result = CliRunner().invoke(app, args[1:])
    compact = re.sub(r"\s+", " ", result.stdout)
    fragments = re.findall(r'"\w+": [^,{\[…]+?(?=,|\n|})', expected)
    assert len(fragments) > 20
    for fragment in fragments:
        assert re.sub(r"\s+", " ", fragment.strip()) in compact

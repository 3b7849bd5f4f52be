"""The documentation keeps its promises: every console example in README.md and docs/ is
the real output of its command, so is every message a page quotes, every command is
documented and has help text, and the reference pages name every output column, format
and `check` rule.

A console example is a ```console block of `$ tyollisyys ...` lines, each followed by
its output (standard output and standard error as a terminal shows them); a command
that fails says its exit code in a comment (`$ tyollisyys check  # exit code 1`). The block's
info string gives the console width the example was made with (```console columns=100;
100 when not given). The examples of one page run in order in one folder holding
`data/` (a copy of the bundled area, also the default data folder there, as in a source
checkout), `demo/` (another copy), `broken/` (a copy with the three mistakes of
BROKEN_EDITS, as docs/data-files.md describes), `examples/` and
`statfin-12r5-2026M06.json`, so that a page can import a month and then show it.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
import typer.core

from clirunner import CliRunner
from snapshot import HOW_TO_UPDATE, UPDATE
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.rules import RULES
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.cli.commands.export import area_tables
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.render.model import TableData
from tyollisyys_cli.render.records import data_columns
from tyollisyys_cli.render.registry import FORMATS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
STATFIN_EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
DEFAULT_COLUMNS = 100
#: Set to 1 to write each example's real output into its page (after a deliberate
#: change of output; read `git diff` before committing).

#: The mistakes in `broken/municipalities.yaml`: Hyrynsalmi's unemployed written `7 8`,
#: Puolanka's rate `138`, Sotkamo's FTE "at least five" in words.
BROKEN_EDITS = {
    "      unemployed: 78\n": "      unemployed: 7 8\n",
    "      unemployment_rate: 13.8\n": "      unemployment_rate: 138\n",
    "        fte: {at_least: 5}\n": "        fte: {at_least: five}\n",
}


def pages() -> list[Path]:
    if not DOCS.is_dir():
        return []
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def page_text(name: str) -> str:
    path = DOCS / name
    if not path.exists():
        pytest.skip(f"docs/{name} is not beside the tests (installed elsewhere)")
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Example:
    """One `$ tyollisyys ...` line of a console block and the output shown under it."""

    args: list[str]
    expected: str
    columns: int
    line: int  # of the `$` line in its page, for messages
    span: tuple[int, int] = (0, 0)  # where `expected` stands in the page's text
    exit_code: int = 0  # as the `$` line's comment says (`# exit code 2`), else 0


def console_examples(text: str) -> list[Example]:
    examples = []
    blocks = re.finditer(r"^```console([^\n]*)\n(.*?)^```", text, flags=re.M | re.S)
    for block in blocks:
        info = dict(re.findall(r"(\w+)=(\S+)", block.group(1)))
        columns = int(info.get("columns", DEFAULT_COLUMNS))
        first_line = text.count("\n", 0, block.start(2)) + 1
        body = block.group(2)
        assert body.startswith("$ "), f"a console block without a command at line {first_line}"
        runs = re.finditer(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", body, flags=re.M)
        for run in runs:
            args = shlex.split(run.group(1), comments=True)
            line = first_line + body.count("\n", 0, run.start())
            offset = block.start(2)
            span = (offset + run.start(2), offset + run.end(2))
            said = re.search(r"#.*\bexit code (\d+)", run.group(1))
            code = int(said.group(1)) if said else 0
            examples.append(Example(args, run.group(2), columns, line, span, code))
    return examples


def without_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))


def workspace(folder: Path) -> None:
    for name in ("data", "demo", "broken"):
        (folder / name).mkdir()
        for source in bundled_data_dir().glob("*.yaml"):
            shutil.copyfile(source, folder / name / source.name)
    broken = folder / "broken" / "municipalities.yaml"
    text = broken.read_text(encoding="utf-8")
    for old, new in BROKEN_EDITS.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    broken.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "examples", folder / "examples")
    shutil.copyfile(STATFIN_EXPORT, folder / STATFIN_EXPORT.name)


@pytest.mark.parametrize("page", pages(), ids=lambda page: str(page.relative_to(ROOT)))
def test_console_examples_are_real_output(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = console_examples(page.read_text(encoding="utf-8"))
    if page == ROOT / "README.md":
        assert len(examples) >= 5
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TYOLLISYYS_DATA_DIR", "data")
    text = page.read_text(encoding="utf-8")
    replacements: list[tuple[int, int, str]] = []
    for example in examples:
        where = f"{page.relative_to(ROOT)}:{example.line}"
        assert example.args[0] == "tyollisyys", where
        result = CliRunner().invoke(
            app, example.args[1:], env={"COLUMNS": str(example.columns)}, catch_exceptions=False
        )
        shown = without_trailing_spaces(result.output)
        assert result.exit_code == example.exit_code, f"{where}: exit code {result.exit_code}"
        if UPDATE:  # write the real output into the page, then read the difference
            blank = "\n" if example.expected.endswith("\n\n") else ""
            replacements.append((*example.span, shown.rstrip("\n") + "\n" + blank))
            continue
        assert shown == without_trailing_spaces(example.expected), f"{where}: {HOW_TO_UPDATE}"
    if UPDATE:
        for start, end, output in reversed(replacements):
            text = text[:start] + output + text[end:]
        page.write_text(text, encoding="utf-8")


def test_the_examples_are_found() -> None:
    text = (
        "```console columns=120\n$ tyollisyys a b  # note\nout 1\n\n"
        "$ tyollisyys c  # exit code 2\nout 2\n```\n"
    )
    examples = console_examples(text)
    assert [(e.args, e.expected, e.columns, e.line, e.exit_code) for e in examples] == [
        (["tyollisyys", "a", "b"], "out 1\n\n", 120, 2, 0),
        (["tyollisyys", "c"], "out 2\n", 120, 5, 2),
    ]


def commands() -> list[tuple[str, str]]:
    """Every command as typed after `tyollisyys` (sub-commands of a group included) and
    its help text."""
    found = []
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    for name, command in root.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found += [(f"{name} {sub}", each.help or "") for sub, each in command.commands.items()]
        else:
            found.append((name, command.help or ""))
    return found


def test_every_command_has_help_and_a_section_in_commands_md() -> None:
    text = page_text("commands.md")
    names = [name for name, _ in commands()]
    assert "import statfin" in names
    assert "caseload" in names
    for name, help_text in commands():
        assert help_text.strip(), f"{name} has no help text"
        assert f"## `tyollisyys {name}" in text, f"{name} is not in docs/commands.md"


def test_every_check_rule_is_documented() -> None:
    text = page_text("check-rules.md")
    for rule in RULES:
        assert f"| {rule.code} |" in text, rule.code
    assert "tyollisyys-check/1" in text


# The output formats page documents every format and every data column of every table.

TABLES = area_tables(load_area(bundled_data_dir()), month=None, base=ClientBase())


def table_docs() -> dict[str, str]:
    """The text documenting each table: from its `name` lead-in to the next one."""
    text = page_text("output-formats.md")
    columns = text[text.index("## Columns per table") :]
    parts = re.split(r"^`(\w+)`(?::| \()", columns, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("table", TABLES, ids=[table.name for table in TABLES])
def test_every_column_is_documented(table: TableData) -> None:
    docs = table_docs()
    assert table.name in docs
    documented = set(re.findall(r"`(\w+)`", docs[table.name]))
    keys = {column.key for column in data_columns(table)}
    assert keys - documented == set()


def test_every_format_is_documented() -> None:
    text = page_text("output-formats.md")
    for name in FORMATS:
        assert f"**{name}**" in text


def test_the_shortened_json_example_is_real_output() -> None:
    text = page_text("output-formats.md")
    block = re.search(r"`(tyollisyys [^`]+)`, shortened.*?\n```json\n(.*?)^```", text, re.M | re.S)
    assert block is not None
    args = shlex.split(block.group(1))
    result = CliRunner().invoke(app, args[1:])
    compact = re.sub(r"\s+", " ", result.stdout)
    fragments = re.findall(r'"\w+": [^,{\[…]+?(?=,|\n|})', block.group(2))
    assert len(fragments) > 20
    for fragment in fragments:
        assert re.sub(r"\s+", " ", fragment.strip()) in compact


def test_the_month_file_excerpt_is_what_import_writes(tmp_path: Path) -> None:
    text = page_text("statistics.md")
    section = text[text.index("## The month files") :]
    excerpt = re.search(r"```text\n(.*?)```", section, flags=re.S)
    assert excerpt is not None
    workspace(tmp_path)
    result = CliRunner().invoke(
        app, ["--data-dir", str(tmp_path / "demo"), "import", "statfin", str(STATFIN_EXPORT)]
    )
    assert result.exit_code == 0, result.output
    written = (tmp_path / "demo" / "statistics" / "2026-06.csv").read_text(encoding="utf-8")
    lines = excerpt.group(1).splitlines()
    assert len(lines) == 3
    assert written.splitlines()[: len(lines)] == lines


def test_the_check_json_report_example_is_real_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = page_text("check-rules.md")
    block = re.search(r"^`(tyollisyys check [^`]+)`:\n\n```json\n(.*?)^```", text, re.M | re.S)
    assert block is not None
    shown = json.loads(block.group(2))
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TYOLLISYYS_DATA_DIR", "data")
    result = CliRunner().invoke(app, shlex.split(block.group(1))[1:])
    real = json.loads(result.stdout)
    # The example shortens the message: "..." marks where.
    [shown_finding] = shown["findings"]
    [real_finding] = real["findings"]
    prefix = shown_finding.pop("message").removesuffix("...")
    assert real_finding.pop("message").startswith(prefix)
    if UPDATE and shown_finding["line"] != real_finding["line"]:  # data/ moved the line
        start, end = block.span(2)
        moved = re.sub(r'"line": \d+,', f'"line": {real_finding["line"]},', block.group(2))
        (DOCS / "check-rules.md").write_text(text[:start] + moved + text[end:], encoding="utf-8")
        shown_finding["line"] = real_finding["line"]
    assert shown == real


def common_mistakes(text: str) -> tuple[int, int, list[str]]:
    """Where the block of common mistakes in data-files.md starts and ends, and its lines."""
    block = re.search(
        r"^Common mistakes and what the tool says.*?\n\n```text\n(.*?)^```", text, re.M | re.S
    )
    assert block is not None
    return block.start(1), block.end(1), block.group(1).splitlines()


def test_the_common_mistakes_are_what_the_tool_says(tmp_path: Path) -> None:
    """Each is the message of a bad-input case (tests/test_bad_input.py, which runs the
    tool on it), at the place it has in today's data/."""
    from edits import prepare
    from test_bad_input import CASES

    said: dict[str, list[str]] = {}  # a message without its lines → as the cases place it
    for number, bad in enumerate(CASES):
        _data, expected = prepare(bad, tmp_path / str(number))
        for line in expected:
            said.setdefault(unplaced(line), []).append(line)
    page = DOCS / "data-files.md"
    text = page_text(page.name)
    start, end, lines = common_mistakes(text)
    assert len(lines) >= 10

    def real(line: str) -> str:
        placed = sorted(set(said.get(unplaced(line), [])))
        if line in placed or len(placed) == 1:
            return line if line in placed else placed[0]
        # (several cases say it, placed apart: one edits the line alone, another inserts a
        # line above it first; after a change to data/, the nearest is the page's)
        distance = {c: abs(line_number(c) - line_number(line)) for c in placed}
        nearest = sorted(placed, key=distance.__getitem__)
        if len(nearest) > 1 and distance[nearest[0]] < distance[nearest[1]]:
            return nearest[0]
        return f"({len(placed)} bad-input cases say it: {placed}) {line}"

    found = [real(line) for line in lines]
    if UPDATE and all(any(line in placed for placed in said.values()) for line in found):
        page.write_text(text[:start] + "\n".join(found) + "\n" + text[end:], encoding="utf-8")
        return
    assert lines == found


def line_number(message: str) -> int:
    """The line a message is placed on (`file:12:3: …`), 0 if none."""
    found = re.match(r"[^:]+:(\d+):", message)
    return int(found[1]) if found else 0


def unplaced(message: str) -> str:
    """A message without the lines it names: its line and column, and any `line 32`."""
    message = re.sub(r"^([^:]+):\d+:\d+: ", r"\1: ", message)
    return re.sub(r"\blines? \d+(, \d+)*", "line", message)


def test_the_example_of_problems_not_shown_is_real_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = page_text("guarantees.md")
    (shown,) = re.findall(r"^```text\n(error: .* more problems like the above .*)\n```", text, re.M)
    found = re.search(
        r"(\S+\.csv): ([\d,]+) more problems like the above in rows\[\]\.(\w+)", shown
    )
    assert found is not None
    path, hidden, column = found[1], int(found[2].replace(",", "")), found[3]
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    from edits import MONTH_HEADER, MONTH_ROWS

    names = MONTH_HEADER.split(",")
    row = dict(zip(names, [*MONTH_ROWS[1].split(","), "Test"], strict=True))  # Kajaani's
    row[column] = "lots"
    rows = [",".join(row.values())] * (hidden + 20)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join([MONTH_HEADER, *rows]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", path.split("/")[0], "caseload"])
    assert result.exit_code == 2
    assert shown in result.stderr.splitlines()

"""Property: whatever a hand edit does to a data file, the tool answers, never crashes.

Hypothesis mutates the bundled files (deletes, duplicates and swaps lines, changes
characters, puts awkward values in place of scalars) and runs the CLI in-process on the
result: it either succeeds (exit 0) or exits 2 with a message naming a data file.
Set TYOLLISYYS_MUTATIONS to run more examples than the default 120.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = ("municipalities.yaml", "commuting.yaml")
ORIGINAL = {name: (DATA / name).read_text(encoding="utf-8") for name in FILES}
SCALAR_LINE = re.compile(r"^(\s*(?:- )?[a-z_]+: )(\S.*)$")

#: Values people type, or YAML treats specially.
AWKWARD_VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "8,9",
    "38 799",
    "1_000",
    "-1",
    "0",
    "1e999",
    "-0.0",
    "091",
    "2023-8",
    '""',
    "''",
    "~",
    "[]",
    "{}",
    "[1, 2]",
    "{min: 3, max: 1}",
    "{about: x}",
    "withheld",
    "missing",
    "...",
    "'unclosed",
    '"unclosed',
    "[unclosed",
    "!!python/name:os.system",
    "!custom x",
    "&anchor x",
    "*alias",
    "<<: x",
    "@",
    "`",
    "%",
    "a: b",
    "- item",
    "|",
    ">",
    "\t1",
    "null",
    "true",
    "NaN",
    ".nan",
    "ä" * 3,
]
CHARACTERS = list(" \t:-#\"'[]{},&*!|>%@`\\\x00\x85\u2028\ufeff0x")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """One data file, edited one to three times."""
    name = draw(st.sampled_from(FILES))
    lines = ORIGINAL[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "character", "value"]))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "character":
            line = lines[at]
            column = draw(st.integers(0, max(len(line) - 1, 0)))
            lines[at] = line[:column] + draw(st.sampled_from(CHARACTERS)) + line[column + 1 :]
        else:
            scalar_lines = [i for i, line in enumerate(lines) if SCALAR_LINE.match(line)]
            at = draw(st.sampled_from(scalar_lines))
            new = draw(st.sampled_from(AWKWARD_VALUES))
            match = SCALAR_LINE.match(lines[at])
            assert match is not None
            lines[at] = f"{match.group(1)}{new}\n"
        if not lines:
            break
    return name, "".join(lines)


@settings(
    max_examples=int(os.environ.get("TYOLLISYYS_MUTATIONS", "120")),
    deadline=None,
    database=None,  # tests write only under tmp_path: no .hypothesis folder
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edit=mutated(), command=st.sampled_from(["caseload", "staffing", "unemployment"]))
def test_a_mutated_file_is_read_or_refused_with_a_message(
    tmp_path: Path, edit: tuple[str, str], command: str
) -> None:
    # tmp_path is shared by the examples: each one rewrites both files.
    name, text = edit
    data = tmp_path
    for other in FILES:
        content = text if other == name else ORIGINAL[other]
        (data / other).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(data), command])
    assert result.exit_code in (0, 2), (result.exit_code, result.output, text)
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert errors, result.stderr
        assert any(f"{data}/{n}" in e for e in errors for n in FILES), result.stderr

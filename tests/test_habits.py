"""Habits CI holds: every type-ignore and ruff noqa comment names its code and says why.

`.ci/run` runs ruff, ruff format and mypy (strict); this test keeps the escapes from
those checks honest: a blanket ignore, or one with no reason, fails it.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A type-ignore with its code in brackets, or a ruff noqa with its codes after a colon,
#: then a reason: in parentheses, or as a comment after it.
ESCAPE = re.compile(r"#\s*(type:\s*ignore|noqa)\b(?P<rest>.*)$")
WITH_CODE_AND_REASON = re.compile(
    r"^(\[[a-z-]+(, ?[a-z-]+)*\]|: ?[A-Z]+[0-9]+(, ?[A-Z]+[0-9]+)*)\s*(\(.+\)|#\s*\S.*)$"
)


def escapes() -> list[tuple[str, str]]:
    found = []
    for folder in ("src", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == Path(__file__).resolve():
                continue  # its own patterns and examples
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                match = ESCAPE.search(line)
                if match:
                    found.append((f"{path.relative_to(ROOT)}:{number}", match.group("rest")))
    return found


def test_every_escape_names_its_code_and_a_reason() -> None:
    bad = [where for where, rest in escapes() if not WITH_CODE_AND_REASON.match(rest.strip())]
    assert not bad, f"an ignore without its code and a reason: {bad}"


def test_the_pattern_tells_good_from_bad() -> None:
    good = ["[attr-defined]  # PyYAML's error has no such field", ": F401 (only imported)"]
    bad = ["", "[attr-defined]", ": F401", "  # because"]
    assert all(WITH_CODE_AND_REASON.match(text) for text in good)
    assert not any(WITH_CODE_AND_REASON.match(text.strip()) for text in bad)

"""The package's modules import one another without a cycle (issue 12): every import
counts, at the top, inside a function or for type checking only."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "tyollisyys_cli"


def modules(root: Path, package: str) -> dict[str, Path]:
    """Module name → file, for every module of `package` below `root`."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(root: Path, package: str) -> dict[str, set[str]]:
    """Module → the modules of the package it imports (a name imported from a package
    counts as its submodule where there is one)."""
    known = modules(root, package)

    def module_of(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*here[: len(here) - node.level + 1], *base.split(".")])
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                found = module_of(target) if target.startswith(package) else None
                if found is not None and found != name:
                    graph[name].add(found)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return list(error.args[1])
    return None


def test_no_module_of_the_package_imports_itself_through_others() -> None:
    assert cycle(imports(SOURCE, PACKAGE)) is None


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"a.py": "from pkg import b\n", "b.py": "def f():\n    from pkg.a import x\n"},
            {"pkg.a", "pkg.b"},
        ),
        (
            {
                "a.py": "import typing\nif typing.TYPE_CHECKING:\n    from .b import T\n",
                "b.py": "import pkg.a\n",
            },
            {"pkg.a", "pkg.b"},
        ),
        (
            {"__init__.py": "def f():\n    from pkg import sub\n", "sub.py": "from pkg import f\n"},
            {"pkg", "pkg.sub"},
        ),
        ({"a.py": "import os\nfrom pkg import b\n", "b.py": "import json\n"}, None),
    ],
)
def test_the_cycles_it_finds(
    tmp_path: Path, files: dict[str, str], expected: set[str] | None
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "pkg" / name).write_text(text)
    found = cycle(imports(tmp_path, "pkg"))
    assert (None if found is None else set(found)) == expected

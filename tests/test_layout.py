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
    """Module → the modules of the package it imports: a name imported from a package
    counts as its submodule where there is one, and importing a module runs the
    packages above it (their `__init__`), which count too (but for the module's own
    packages, which always run first, unless it imports a name of theirs)."""
    known = modules(root, package)

    def module_of(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def with_packages(name: str) -> set[str]:
        parts = name.split(".")
        return {".".join(parts[:i]) for i in range(1, len(parts) + 1)} & known.keys()

    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        own = with_packages(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = node.module.split(".") if node.module else []
                    base = ".".join([*here[: len(here) - node.level + 1], *parts])
                # A submodule imported by name, else a name defined in `base` itself.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            for target in targets:
                found = module_of(target) if target.startswith(package) else None
                if found is not None and found != name:
                    graph[name] |= {found} | (with_packages(found) - own)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return list(error.args[1])
    return None


def test_no_module_of_the_package_imports_itself_through_others() -> None:
    graph = imports(SOURCE, PACKAGE)
    # The imports by name (`importlib.import_module`): the format registry's renderers,
    # the check rules' modules.
    from tyollisyys_cli.check.rules import MODULES
    from tyollisyys_cli.render.registry import RENDERERS

    graph["tyollisyys_cli.render.registry"] |= {r.module for r in RENDERERS.values()}
    graph["tyollisyys_cli.check.rules"] |= {f"tyollisyys_cli.check.rules.{m}" for m in MODULES}
    by_name = [
        path.relative_to(SOURCE).as_posix()
        for path in sorted((SOURCE / PACKAGE).rglob("*.py"))
        if "import_module(" in path.read_text(encoding="utf-8")
    ]
    assert by_name == [
        "tyollisyys_cli/check/rules/__init__.py",
        "tyollisyys_cli/render/registry.py",
    ]
    assert cycle(graph) is None


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
        ({"__init__.py": "from pkg import a\n", "a.py": "from . import b\n", "b.py": ""}, None),
        ({"a.py": "from . import b\n", "b.py": "from . import a\n"}, {"pkg.a", "pkg.b"}),
        (
            {
                "a.py": "from pkg.sub import m\n",
                "sub/__init__.py": "",
                "sub/m.py": "from .. import a\n",
            },
            {"pkg.a", "pkg.sub.m"},
        ),
        (
            {
                "a.py": "import pkg.sub.m\n",
                "sub/__init__.py": "from pkg import a\n",
                "sub/m.py": "",
            },
            {"pkg.a", "pkg.sub"},
        ),
        ({"a.py": "import pkg.b as c\n", "b.py": "from pkg import a\n"}, {"pkg.a", "pkg.b"}),
        ({"a.py": "import os\nfrom pkg import b\n", "b.py": "import json\n"}, None),
    ],
)
def test_the_cycles_it_finds(
    tmp_path: Path, files: dict[str, str], expected: set[str] | None
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "pkg" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "pkg" / name).write_text(text)
    found = cycle(imports(tmp_path, "pkg"))
    assert (None if found is None else set(found)) == expected


#: What the core may not know of: how its results are shown, and who asked.
ABOVE_THE_CORE = ("render", "views", "report", "cli")


def test_the_core_imports_nothing_that_shows_its_results() -> None:
    """core/ computed with render.text's number formatting (a scenario's message, a
    client base in words): the core is pure, and numbers in the run's language are
    i18n's."""
    graph = imports(SOURCE, PACKAGE)
    above = {f"{PACKAGE}.{name}" for name in ABOVE_THE_CORE}
    for module, imported in sorted(graph.items()):
        if module.startswith(f"{PACKAGE}.core"):
            wrong = {m for m in imported if any(m == a or m.startswith(a + ".") for a in above)}
            assert not wrong, f"{module} imports {sorted(wrong)}"

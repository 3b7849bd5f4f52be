"""Shared fixtures: the bundled area, a CLI runner with a fixed console width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.i18n import set_language


@pytest.fixture(autouse=True, scope="session")
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The validated-data cache of every test (and its subprocesses) under tmp_path."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TYOLLISYYS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("TYOLLISYYS_NO_CACHE", raising=False)
        # English unless a test asks for Finnish, whatever the machine's locale.
        for name in ("TYOLLISYYS_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        # pytest-xdist gives its workers COLUMNS=80: every run as if in one process.
        patch.delenv("COLUMNS", raising=False)
        yield


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that runs the tool in Finnish leaves the language as it found it."""
    yield
    set_language("en")


@pytest.fixture(scope="session")
def area() -> Area:
    """The bundled Kainuu–Koillismaa area."""
    return load_area(bundled_data_dir())


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """A runner with a wide, stable console and no colour; no data dir from the env."""
    monkeypatch.setenv("COLUMNS", "240")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    yield CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data files."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("municipalities.yaml", "commuting.yaml"):
        (target / name).write_bytes((bundled_data_dir() / name).read_bytes())
    return target

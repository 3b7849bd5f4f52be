"""`caseload Kuhmo`, `check` and a data error in English and in Finnish, as a user
meets them: the installed tool in a subprocess, at 100 columns, the language chosen
by the locale, `TYOLLISYYS_LANG` or `--lang`.

The expected outputs are in `tests/snapshots/languages/`;
`TYOLLISYYS_UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change (read the diff).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from snapshot import HOW_TO_UPDATE, UPDATE
from tyollisyys_cli.area.paths import bundled_data_dir

SNAPSHOTS = Path(__file__).parent / "snapshots" / "languages"
#: Hyrynsalmi's unemployed written with a space inside the number.
BROKEN = ("      unemployed: 78\n", "      unemployed: 7 8\n")

CASES: list[tuple[str, dict[str, str], list[str], int]] = [
    # (snapshot, how the language is chosen, arguments, exit code)
    ("caseload-Kuhmo", {}, ["caseload", "Kuhmo"], 0),
    ("check", {}, ["check"], 1),
    ("data-error", {}, ["caseload", "Kuhmo"], 2),
]
LANGUAGES = {
    "en": {"LANG": "C.UTF-8"},
    # Finnish from the locale alone, as on a Finnish desktop: no option, no variable.
    "fi": {"LANG": "fi_FI.UTF-8"},
}


def _run(
    folder: Path, environ: dict[str, str], args: list[str]
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "TYOLLISYYS_LANG"}
    }
    env.update(environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    return subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A user's folder holding `data/` (a copy of the bundled area) and `broken/`."""
    shutil.copytree(bundled_data_dir(), tmp_path / "data")
    return tmp_path


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize(("name", "extra", "args", "code"), CASES, ids=[c[0] for c in CASES])
def test_output_in_each_language(
    folder: Path,
    language: str,
    name: str,
    extra: dict[str, str],
    args: list[str],
    code: int,
) -> None:
    if name == "data-error":
        path = folder / "data" / "municipalities.yaml"
        text = path.read_text(encoding="utf-8")
        assert BROKEN[0] in text
        path.write_text(text.replace(BROKEN[0], BROKEN[1], 1), encoding="utf-8")
    result = _run(folder, {**LANGUAGES[language], **extra}, args)
    shown = result.stdout + result.stderr
    snapshot = SNAPSHOTS / f"{name}.{language}.txt"
    if UPDATE:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(shown, encoding="utf-8")
    assert result.returncode == code, shown
    assert shown == snapshot.read_text(encoding="utf-8"), HOW_TO_UPDATE


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({"LANG": "fi_FI.UTF-8"}, "Asiakasmäärä,"),
        ({"LANG": "fi_FI.UTF-8", "TYOLLISYYS_LANG": "en"}, "Caseload,"),
        ({"LANG": "C.UTF-8", "TYOLLISYYS_LANG": "fi"}, "Asiakasmäärä,"),
        ({"LC_ALL": "fi_FI.UTF-8", "LANG": "en_GB.UTF-8"}, "Asiakasmäärä,"),
    ],
)
def test_the_language_is_chosen_without_an_option(
    folder: Path, environ: dict[str, str], words: str
) -> None:
    result = _run(folder, environ, ["caseload", "Kuhmo"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(words)

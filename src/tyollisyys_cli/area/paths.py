"""Where the area's data comes from: `--data-dir`, `TYOLLISYYS_DATA_DIR`, or the bundled area."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "TYOLLISYYS_DATA_DIR"


def bundled_data_dir() -> Path:
    """The Kainuu–Koillismaa data shipped inside the package.

    In an installed package the files are at `tyollisyys_cli/data/`; in a source
    checkout (an editable install) they are the repository's `data/` folder.
    """
    # What importlib.resources.files("tyollisyys_cli") gives for a package on disk,
    # without importing importlib.resources (a few milliseconds of every run).
    packaged = Path(__file__).parents[1] / "data"
    if (packaged / "municipalities.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def resolve_data_dir(option: Path | None) -> Path:
    """The data directory to use: the option, else the environment variable, else bundled."""
    if option is not None:
        return option
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env)
    return bundled_data_dir()

"""Where a finding's file is, as a report names it."""

from __future__ import annotations

import functools
import os
from pathlib import Path


def shown_path(path: Path) -> str:
    """A finding's file relative to the working folder when it is below it, its control
    characters and bytes that are not UTF-8 written out (`area\\xe4/…`): every report is
    UTF-8 text, and a name that is not failed the JSON and GitHub reports (exit 70)."""
    from tyollisyys_cli.errors import escaped

    try:
        return escaped(str(_resolved(path).relative_to(_resolved_folder(os.getcwd()))))
    except (ValueError, OSError):
        return escaped(str(path))


def _resolved(path: Path) -> Path:
    """`path.resolve()`, its folder's resolution remembered: a report names the same
    folders (and the working folder) for each of its findings. A file that is a link is
    named by the file it leads to, whose lines a finding's line counts (a GitHub
    annotation at a link's name finds no such line)."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolved_folder(os.path.join(os.getcwd(), path.parent)) / path.name


@functools.lru_cache(maxsize=256)
def _resolved_folder(folder: str) -> Path:
    return Path(folder).resolve()

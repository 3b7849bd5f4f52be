"""Reporters: findings → text for people, JSON for programs, GitHub workflow commands.

Each reporter takes an `Outcome` and returns the report as a string (the terminal view
of `text` writes to a rich console instead). They know findings, not the domain.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

from tyollisyys_cli.check.runner import Outcome

Reporter = Callable[[Outcome, str], str]


def shown_path(path: Path) -> str:
    """A finding's file relative to the working folder when it is below it."""
    try:
        return str(_resolved(path).relative_to(_resolved_folder(os.getcwd())))
    except (ValueError, OSError):
        return str(path)


def _resolved(path: Path) -> Path:
    """`path.resolve()`, its folder's resolution remembered: a report names the same
    folders (and the working folder) for each of its findings."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolved_folder(os.path.join(os.getcwd(), path.parent)) / path.name


@functools.lru_cache(maxsize=256)
def _resolved_folder(folder: str) -> Path:
    return Path(folder).resolve()


def reporters() -> dict[str, Reporter]:
    """The formats `--format` accepts, in the order shown in help."""
    from tyollisyys_cli.check.reporters import github, json, text

    return {"text": text.render, "json": json.render, "github": github.render}


FORMATS = ("text", "json", "github")

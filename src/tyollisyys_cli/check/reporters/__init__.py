"""Reporters: findings → text for people, JSON for programs, GitHub workflow commands.

Each reporter takes an `Outcome` and returns the report as a string (the terminal view
of `text` writes to a rich console instead). They know findings, not the domain.
"""

from __future__ import annotations

from collections.abc import Callable

from tyollisyys_cli.check.runner import Outcome

Reporter = Callable[[Outcome, str], str]


def reporters() -> dict[str, Reporter]:
    """The formats `--format` accepts, in the order shown in help."""
    from tyollisyys_cli.check.reporters import github, json, text

    return {"text": text.render, "json": json.render, "github": github.render}


FORMATS = ("text", "json", "github")

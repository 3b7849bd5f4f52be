"""typer's `CliRunner` on the app as the console script runs it.

The console script registers only the command its arguments name (`cli.app.app_for`):
typer turns every registered command into a click command on every run, about 25 ms
for all fifteen, more than many a command takes. The tests invoke the tool the same
way, through typer's public runner, so they run what a user runs and the suite does
not build fifteen commands for each of its some 1,500 runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import typer
import typer.testing

from tyollisyys_cli.cli.app import app as tool
from tyollisyys_cli.cli.app import app_for


class CliRunner(typer.testing.CliRunner):
    """`typer.testing.CliRunner`; the tool's app is narrowed to the command run."""

    def invoke(
        self,
        app: typer.Typer,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = True,
        color: bool = False,
        **extra: Any,
    ) -> typer.testing.Result:
        if app is tool and args is not None and not isinstance(args, str):
            app = app_for([str(arg) for arg in args])
        return super().invoke(app, args, input, env, catch_exceptions, color, **extra)

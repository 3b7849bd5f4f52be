"""The typer command group: commands in the order written, failures as exit codes."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from tyollisyys_cli.cli.errors import report

#: The key of `ctx.meta` that holds the arguments after the command's name.
COMMAND_ARGS = "tyollisyys.command_args"
#: `-h` works as `--help` on every command (sub-commands inherit it from the app).
HELP_OPTIONS: dict[str, Any] = {"help_option_names": ["--help", "-h"]}


class Group(TyperGroup):
    """The command group: lists commands in the order written, turns failures into codes."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: Any) -> Any:
        # What follows the command's name, for the global options to see (typer clears
        # `ctx.args` before it runs the group's callback).
        ctx.meta[COMMAND_ARGS] = list(ctx.args)
        try:
            return super().invoke(ctx)
        except Exception as exc:  # every failure becomes a message and an exit code
            # typer's and click's own exceptions (usage errors, Exit) keep their meaning.
            if type(exc).__module__.split(".")[0] in {"typer", "click"}:
                raise
            raise typer.Exit(report(exc)) from None

"""The typer command group: commands in the order written, failures as exit codes."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from tyollisyys_cli.cli.errors import report


class Group(TyperGroup):
    """The command group: lists commands in the order written, turns failures into codes."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from tyollisyys_cli.cli.fastparams import use_plain_conversion

        use_plain_conversion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            from tyollisyys_cli.cli.fastparams import use_plain_conversion

            use_plain_conversion(command.get_params(ctx))
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:  # every failure becomes a message and an exit code
            # typer's and click's own exceptions (usage errors, Exit) keep their meaning.
            if type(exc).__module__.split(".")[0] in {"typer", "click"}:
                raise
            raise typer.Exit(report(exc)) from None

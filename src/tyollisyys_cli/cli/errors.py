"""Expected failures → messages on standard error and exit codes; never a traceback.

Exit codes: 0 success, 1 findings at or above the fail threshold (`check`), 2 usage
errors and unreadable or invalid data files.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from tyollisyys_cli.errors import DataErrors

EXIT_DATA = 2
EXIT_INTERNAL = 70

#: Set by the global --debug option: show tracebacks for developers.
DEBUG = {"enabled": False}


class UsageProblem(Exception):
    """A problem with what the user asked for (unknown place, month, client base)."""


def _expected() -> tuple[type[BaseException], ...]:
    from tyollisyys_cli.core.clients import ClientBaseUnavailable
    from tyollisyys_cli.core.places import UnknownPlace

    return (UnknownPlace, ClientBaseUnavailable, UsageProblem, LookupError)


def report(exc: BaseException) -> int:
    """Print an expected failure for the user and return its exit code."""
    if DEBUG["enabled"]:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, DataErrors):
        for error in exc.errors:
            typer.echo(f"error: {error}", err=True)
        count = len(exc.errors)
        typer.echo(f"{count} problem{'s' if count != 1 else ''} in the data files", err=True)
        return EXIT_DATA
    if isinstance(exc, _expected()):
        message = exc.args[0] if exc.args else str(exc)
        typer.echo(f"error: {message}", err=True)
        return EXIT_DATA
    typer.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
    if not DEBUG["enabled"]:
        typer.echo(
            "This is a bug in tyollisyys; run again with --debug for the traceback.", err=True
        )
    return EXIT_INTERNAL


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

"""The typer command group: commands in the order written, failures as exit codes."""

from __future__ import annotations

import contextlib
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from tyollisyys_cli.cli.errors import report
from tyollisyys_cli.cli.usage import (
    global_option_in_finnish,
    library_options_in_language,
    misplaced,
    show_in_language,
    unknown_command,
    usage_prefix,
)
from tyollisyys_cli.i18n import _

#: The key of `ctx.meta` that holds the arguments after the command's name.
COMMAND_ARGS = "tyollisyys.command_args"
#: `-h` works as `--help` on every command (sub-commands inherit it from the app).
HELP_OPTIONS: dict[str, Any] = {"help_option_names": ["--help", "-h"]}


def _write_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """The usage line, begun in the run's language (`Käyttö: tyollisyys caseload …`)."""
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=usage_prefix())


def unbroken(text: str, width: int) -> str:
    """`text` wrapped to `width` at spaces only, each paragraph marked (`\\b`) for click to
    leave as it is: click's own wrapper also breaks at hyphens, which splits an option's
    name (`--clients-` over `per-unemployed`) or a method's (`even-` over `caseload`)."""
    import textwrap

    return "\n\n".join(
        "\b\n" + textwrap.fill(paragraph, max(width, 10), break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


#: How typer names an argument's Python type in the help: `<list[str]>`, `<Path>`.
_PYTHON_TYPE = re.compile(r"<(?:list\[)?(?:str|int|float|Path)\]?>")


class Command(TyperCommand):
    """A command: its usage line and the help of `--help` in the run's language; its
    arguments in the help without typer's type hint (`[PLACE]...`, not `[PLACE]...
    <list[str]>`: a Python type is no word for a person)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _write_usage(self, ctx, formatter)

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        text = inspect.cleandoc(self.help or "").partition("\f")[0]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(unbroken(text, formatter.width - formatter.current_indent))

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name, text = record
                hint = param.display_type_rich(ctx)
                if hint and _PYTHON_TYPE.fullmatch(hint) and name.endswith(f" {hint}"):
                    name = name.removesuffix(f" {hint}")  # (choices, `<a|b>`, stay)
                arguments.append((name, text))
            elif param.param_type_name == "option":
                options.append(record)
        for title, records in ((_("Arguments"), arguments), (_("Options"), options)):
            if records:
                # The help column as click's definition list lays it out: the names up
                # to 30 wide, two spaces either side of it.
                names = min(max(len(name) for name, _text in records), 30) + 2
                width = formatter.width - names - 2
                with formatter.section(title):
                    formatter.write_dl([(name, unbroken(text, width)) for name, text in records])

    def get_params(self, ctx: Any) -> list[Any]:
        return library_options_in_language(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:  # (click's usage errors: said more where they mislead)
            misplaced(self, ctx, exc)
            raise


class Group(TyperGroup):
    """The command group: lists commands in the order written, turns failures into codes,
    writes the command line's own words in the run's language."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _write_usage(self, ctx, formatter)

    def get_params(self, ctx: Any) -> list[Any]:
        return library_options_in_language(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:  # (click's usage errors, e.g. an unknown global option)
            global_option_in_finnish(self, exc)
            show_in_language(exc)
            raise

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        unknown_command(self, ctx, args)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        # What follows the command's name, for the global options to see (typer clears
        # `ctx.args` before it runs the group's callback).
        ctx.meta[COMMAND_ARGS] = list(ctx.args)
        try:
            with terminated_as_exit():
                return super().invoke(ctx)
        except Exception as exc:  # every failure becomes a message and an exit code
            # typer's and click's own exceptions (usage errors, Exit) keep their meaning,
            # the usage errors written in the run's language.
            if type(exc).__module__.split(".")[0] in {"typer", "click"}:
                show_in_language(exc)
                raise
            _hint_the_data_folder(ctx, exc)
            raise typer.Exit(report(exc)) from None


@contextlib.contextmanager
def terminated_as_exit() -> Iterator[None]:
    """SIGTERM (a CI job cancelled, `timeout`, a service stopped) as `SystemExit(143)`
    while the command runs, so that its `finally` blocks still run: a file or a month
    being written leaves no temporary file, as after Ctrl-C. (Outside the main thread,
    where no handler can be set, as it was.)"""
    import signal

    previous = signal.getsignal(signal.SIGTERM)
    # (started with SIGTERM ignored, `trap '' TERM`, or a handler set outside Python,
    # which could not be put back: left as it is)
    handled = previous is not signal.SIG_IGN and previous is not None
    if handled:
        try:
            signal.signal(signal.SIGTERM, _terminated)
        except ValueError:  # (not the main thread)
            handled = False
    try:
        yield
    finally:
        if handled:
            signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _folder_wrong(folder: Path, file: Path) -> bool:
    """Whether an error at `file` says that `folder` is no area's data folder: the folder
    is missing or no folder, or a data file is not in it (an error inside a file that is
    there is the file's, not the folder's)."""
    return file == folder or (file.parent == folder and not file.exists())


def _hint_the_data_folder(ctx: Any, exc: Exception) -> None:
    """Where the data folder came from, when that is likely the mistake: a place unknown
    to the bundled example (read outside any area's folder, the data folder forgotten),
    or a folder not found that `TYOLLISYYS_DATA_DIR` names."""
    from tyollisyys_cli.area.paths import ENV_DATA_DIR
    from tyollisyys_cli.cli.state import State
    from tyollisyys_cli.core.places import UnknownPlace
    from tyollisyys_cli.errors import DataErrors

    run = ctx.find_root().obj
    if not isinstance(run, State) or not isinstance(exc, UnknownPlace | DataErrors):
        return
    origin = run.source().origin
    if isinstance(exc, UnknownPlace) and origin == "bundled" and not exc.of_this_area:
        exc.hint = _(
            "These are the bundled example's data: no data folder was given and none was "
            "found from the working folder. For another area give --data-dir DIR (or set "
            "{variable}), or run in its folder; tyollisyys init makes one."
        ).format(variable=ENV_DATA_DIR)
    elif (
        isinstance(exc, DataErrors)
        and origin == "environment"
        and not exc.hint
        and any(_folder_wrong(run.source().folder, error.file) for error in exc.errors)
    ):
        exc.hint = _(
            "The folder is the one {variable} names: set it to an area's data folder, or unset it."
        ).format(variable=ENV_DATA_DIR)

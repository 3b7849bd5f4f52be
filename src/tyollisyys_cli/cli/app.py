"""The `tyollisyys` command: global options and the list of commands."""

from __future__ import annotations

import copy
from typing import Annotated

import typer

from tyollisyys_cli import __version__
from tyollisyys_cli.cli.commands import (
    allocate,
    check,
    export,
    importing,
    init,
    report,
    scenario,
    schema,
    tables,
    trend,
)
from tyollisyys_cli.cli.errors import DEBUG
from tyollisyys_cli.cli.group import COMMAND_ARGS, HELP_OPTIONS, Command, Group
from tyollisyys_cli.cli.options import DataDir, Debug, Lang, choose_language
from tyollisyys_cli.cli.state import State
from tyollisyys_cli.cli.usage import know_every_command
from tyollisyys_cli.i18n import _, set_language

# The help texts are translated here, when typer reads them: `cli.main` has chosen the
# language before it imports this module.
app = typer.Typer(
    cls=Group,
    name="tyollisyys",
    help=_("Caseloads, staffing and the figures behind a Finnish employment area's plan."),
    no_args_is_help=True,
    # --install-completion / --show-completion; PLACE and --month complete from the area.
    add_completion=True,
    context_settings=HELP_OPTIONS,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    options_metavar=_("[OPTIONS]"),
    subcommand_metavar=_("COMMAND [ARGS]..."),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tyollisyys {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: DataDir = None,
    debug: Debug = False,
    lang: Lang = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Print the version.")),
    ] = False,
) -> None:
    """Caseloads, staffing and the figures behind a Finnish employment area's plan."""
    DEBUG["enabled"] = debug
    later = ctx.meta.get(COMMAND_ARGS, ())
    if lang is not None or not any(arg.partition("=")[0] == "--lang" for arg in later):
        set_language(choose_language(lang))  # (else the command's own --lang chooses)
    source = ctx.get_parameter_source("data_dir")
    if source is not None and source.name == "ENVIRONMENT":
        data_dir = None  # the run says it chose the folder by TYOLLISYYS_DATA_DIR
    ctx.obj = State(data_dir=data_dir)


# Each command with its help (`--help`) and the line that stands for it in the list of
# commands (short enough for 80 columns: click cut the help's first sentence with "..."),
# in the run's language.
for command, help_text, short_help in (
    (
        tables.municipalities,
        tables.MUNICIPALITIES_HELP,
        _("The area's municipalities, units and offices."),
    ),
    (tables.unemployment, tables.UNEMPLOYMENT_HELP, _("Unemployment rates from the counts.")),
    (tables.caseload, tables.CASELOAD_HELP, _("Clients per advisor against the targets.")),
    (tables.staffing, tables.STAFFING_HELP, _("Planned FTE against the FTE needed.")),
    (tables.commuting, tables.COMMUTING_HELP, _("Commuting and job self-sufficiency.")),
    (tables.offices, tables.OFFICES_HELP, _("The service points and what each serves.")),
    (trend.trend, trend.HELP, _("The months held, with the change since the reference month.")),
    (allocate.allocate, allocate.HELP, _("Divide the transferring pool among the units.")),
    (scenario.scenario, scenario.HELP, _("Run a what-if scenario file.")),
    (check.check, check.HELP, _("Check the plan's figures against its counts.")),
    (export.export, export.HELP, _("Every table in one Excel workbook.")),
    (init.init, init.HELP, _("Create a data folder for any employment area.")),
    (schema.schema, schema.HELP, _("The JSON Schema of the data files.")),
    (report.report, report.HELP, _("One HTML page for decision makers.")),
):
    app.command(help=help_text, short_help=short_help, cls=Command, options_metavar=_("[OPTIONS]"))(
        command
    )

app.add_typer(importing.app, name="import")
know_every_command(app)  # (for a usage error's "it is an option of …")


#: Global options that take a value (the command name comes after it).
_VALUE_OPTIONS = ("--data-dir", "--lang")


def command_run(args: list[str]) -> str | None:
    """The command the arguments name (None for `--help`, `-h`, `--version` or none)."""
    values = iter(args)
    for arg in values:
        if arg in _VALUE_OPTIONS:
            next(values, None)
        elif arg in ("--help", "-h", "--version"):
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command `argv` runs registered.

    typer turns every registered command into a click command before it parses the
    arguments; only the one that runs is needed (the others cost milliseconds each).
    An unknown name, `--help` or a group keeps them all, for click's "did you mean" and
    the command list.
    """
    name = command_run(argv)
    chosen = [
        info
        for info in app.registered_commands
        if name is not None
        and (info.name or getattr(info.callback, "__name__", "").replace("_", "-")) == name
    ]
    if not chosen:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed


def run(argv: list[str]) -> None:
    """Parse and run `argv` with typer (exits)."""
    app_for(argv)(argv)

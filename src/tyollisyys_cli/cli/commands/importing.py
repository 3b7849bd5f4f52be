"""`tyollisyys import statfin FILE`: bring a month of the official statistics in."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tyollisyys_cli.cli.group import Group
from tyollisyys_cli.cli.state import state

app = typer.Typer(
    cls=Group,
    name="import",
    help="Bring official statistics into the data directory.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("statfin")
def statfin(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Table 12r5 exported from Statistics Finland's PxWeb in JSON format.",
            show_default=False,
        ),
    ],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace a month already held with different figures."),
    ] = False,
) -> None:
    """Import one month of table 12r5 (unemployed, groups, job seekers, persons in
    services) for the area's municipalities into DATA_DIR/statistics/YYYY-MM.csv.

    The hand-written municipalities.yaml and commuting.yaml are never touched. Importing
    the same month again changes nothing; a month held with other figures needs
    --replace, and the changed values are listed."""
    from tyollisyys_cli.area.paths import ENV_DATA_DIR, resolve_data_dir
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.statfin.importing import ImportRefused, describe, import_month
    from tyollisyys_cli.statfin.pxweb import read_12r5

    run = state(ctx)
    if run.data_dir is None and not os.environ.get(ENV_DATA_DIR):
        # The bundled area is the plan as published; months go into a copy of it.
        raise UsageProblem(
            "import writes into a data directory: give --data-dir DIR (or set "
            "TYOLLISYYS_DATA_DIR); the bundled data is not changed"
        )
    data_dir = resolve_data_dir(run.data_dir)
    area = run.area()
    export = read_12r5(file)
    held = next((s.rows for s in area.snapshots if s.month == export.month), None)
    try:
        result = import_month(
            data_dir=data_dir,
            plan=area.plan,
            held=held,
            export=export,
            replace=replace,
        )
    except ImportRefused as exc:
        raise UsageProblem(str(exc)) from None
    what = f"{result.month} for {area.name} ({result.municipalities} municipalities)"
    if result.status == "unchanged":
        typer.echo(
            f"{what} is already held with the same figures in {result.path}; nothing changed."
        )
    elif result.status == "added":
        typer.echo(f"Imported {what} from {file.name} into {result.path}.")
    else:
        removed = f" (replacing {result.removed.name})" if result.removed is not None else ""
        typer.echo(
            f"Replaced {what} in {result.path}{removed} from {file.name}; "
            f"{len(result.changes)} value{'s' if len(result.changes) != 1 else ''} changed:"
        )
        for change in result.changes:
            typer.echo(f"  {describe(change)}")

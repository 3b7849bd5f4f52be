"""`tyollisyys init DIR --area NAME --from FILE`: a data directory for any area."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="New data directory to create.", show_default=False),
    ],
    area_name: Annotated[
        str,
        typer.Option(
            "--area",
            metavar="NAME",
            help="Employment area: its name (any case, ä/ö optional) or its code.",
            show_default=False,
        ),
    ],
    source: Annotated[
        Path,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Table 12r5 exported from Statistics Finland's PxWeb in JSON format.",
            show_default=False,
        ),
    ],
) -> None:
    """Create a data directory for any employment area of Finland: municipalities.yaml
    with the area's municipalities (code, name, region), the month of the 12r5 file as
    the reference month and empty, commented target and staffing sections to fill in,
    plus statistics/YYYY-MM.csv from the file.

    The responsible municipality is proposed as the one with the largest labour force;
    confirm it in municipalities.yaml."""
    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.statfin.classification import find_employment_area
    from tyollisyys_cli.statfin.pxweb import read_12r5
    from tyollisyys_cli.statfin.scaffold import DirectoryInUse, init_area

    if directory.exists() and not directory.is_dir():
        raise UsageProblem(f"{directory} exists and is not a directory")
    area = find_employment_area(area_name)
    export = read_12r5(source)
    try:
        result = init_area(directory, area, export)
    except DirectoryInUse as exc:
        raise UsageProblem(str(exc)) from None
    load_area(directory)  # what was written loads as it is
    code, name = result.responsible
    count = len(area.municipalities)
    typer.echo(
        f"Created {directory} for {area.name} (area {area.code}, {count} "
        f"municipalit{'ies' if count != 1 else 'y'}, statistics of {result.month})."
    )
    for path in result.files:
        typer.echo(f"  {path}")
    typer.echo(
        f"Responsible municipality proposed: {name} ({code}), the largest labour force; "
        "confirm it in municipalities.yaml. Fill in targets and staffing there."
    )
    typer.echo(f"Try: tyollisyys --data-dir {directory} unemployment")

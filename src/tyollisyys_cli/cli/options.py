"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Places = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PLACE]...",
        help="Municipality name (any case, ä/ö optional), code, or service unit. "
        "None: every municipality.",
        show_default=False,
    ),
]
Month = Annotated[
    str | None,
    typer.Option("--month", metavar="YYYY-MM", help="Month of statistics (default: latest held)."),
]
ClientsPerUnemployed = Annotated[
    float,
    typer.Option(
        "--clients-per-unemployed",
        min=0.0,
        metavar="FACTOR",
        help="Clients per unemployed job seeker: scales the client base (default 1).",
    ),
]
Format = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Output format: table (for people), csv, json, markdown or xlsx (needs --output).",
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="PATH", help="Write to PATH instead of standard output."
    ),
]
Excel = Annotated[
    bool,
    typer.Option("--excel", help="CSV for Finnish-locale Excel: BOM, semicolons, decimal comma."),
]
ClientBaseKind = Annotated[
    str,
    typer.Option(
        "--client-base",
        metavar="BASE",
        help="Who counts as a client: unemployed (default) or job-seekers (all job seekers, "
        "where the statistics hold them).",
    ),
]

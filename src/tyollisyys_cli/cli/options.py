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
        max=1000.0,  # also keeps out inf, which no client base can be
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
UnemployedChange = Annotated[
    float,
    typer.Option(
        "--unemployed-change",
        metavar="PERCENT",
        min=-100.0,
        max=10000.0,
        help="What if: change every municipality's unemployed job seekers by PERCENT per "
        "cent (e.g. +20 or -10); the clients follow. Default 0.",
        show_default=False,
    ),
]
TargetOverride = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="MIN-MAX",
        help="What if: replace every unit's target with MIN-MAX clients per advisor "
        "(e.g. 100-150).",
        show_default=False,
    ),
]
Pool = Annotated[
    float | None,
    typer.Option(
        "--pool",
        metavar="FTE",
        min=0.0,
        max=100000.0,
        help="FTE to divide. Default: the plan's transferring customer-work pool "
        "(its lower bound where the plan gives a range).",
        show_default=False,
    ),
]
Step = Annotated[
    float,
    typer.Option(
        "--step",
        metavar="FTE",
        max=10000.0,
        help="Divide the pool in steps of FTE; the pool above the floors must be a whole "
        "number of steps.",
    ),
]
AllocationMethod = Annotated[
    str,
    typer.Option(
        "--method",
        metavar="METHOD",
        help="even-caseload (each step to the unit with the highest clients per advisor) "
        "or proportional (largest remainder by clients).",
    ),
]
IgnoreStated = Annotated[
    bool,
    typer.Option(
        "--ignore-stated",
        help="Ignore the transfers the units state: no floors, only own staff count "
        "before the division.",
    ),
]

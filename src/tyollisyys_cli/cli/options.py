"""The command-line options several commands share, declared once as typer annotations.

A command's own options are declared beside it. An option whose default is None is
optional (`T | None`); the default itself is the command function's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="TYOLLISYYS_DATA_DIR",
        metavar="DIR",
        help="Folder with the area's municipalities.yaml (and commuting.yaml). "
        "Default: the bundled Kainuu–Koillismaa area.",
        show_default=False,
    ),
]
Debug = Annotated[bool, typer.Option("--debug", help="Show Python tracebacks (for developers).")]
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
ClientBaseKind = Annotated[
    str,
    typer.Option(
        "--client-base",
        metavar="BASE",
        help="Who counts as a client: unemployed (default) or job-seekers (all job "
        "seekers, where the statistics hold them).",
    ),
]
UnemployedChange = Annotated[
    float,
    typer.Option(
        "--unemployed-change",
        min=-100.0,
        max=10000.0,
        metavar="PERCENT",
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
Pool = Annotated[
    float | None,
    typer.Option(
        "--pool",
        min=0.0,
        max=100000.0,
        metavar="FTE",
        help="FTE to divide. Default: the plan's transferring customer-work pool "
        "(its lower bound where the plan gives a range).",
        show_default=False,
    ),
]
Step = Annotated[
    float,
    typer.Option(
        "--step",
        max=10000.0,
        metavar="FTE",
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

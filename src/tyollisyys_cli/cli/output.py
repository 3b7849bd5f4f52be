"""Sending a table to the user in the chosen format.

`table` is a rich table for people (plain text without escape codes when standard output
is not a terminal, no colour with NO_COLOR). Data formats come from the renderer
registry (`tyollisyys_cli.render.registry`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tyollisyys_cli.cli.errors import UsageProblem
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.render.model import TableData

if TYPE_CHECKING:
    from rich.console import Console

#: Width used when standard output is not a terminal and COLUMNS is not set, so that
#: tables written to files or pipes are not folded to 80 columns.
PIPE_WIDTH = 200

FORMATS = ("table",)


def console(file: object = None) -> Console:
    """A console that honours NO_COLOR and writes plain text when not on a terminal."""
    from rich.console import Console

    width = None
    if file is None and not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
        width = PIPE_WIDTH
    return Console(width=width, no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=False)


def emit(
    table: TableData, fmt: str = "table", output: Path | None = None, *, excel: bool = False
) -> None:
    """Write `table` in format `fmt` to `output` (standard output when None)."""
    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if excel:
        raise UsageProblem("--excel applies to --format csv")
    if output is not None:
        raise UsageProblem("--output is not available for this format yet")
    from tyollisyys_cli.render.rich_table import render_rich

    render_rich(table, console())


def client_base_option(kind: str, factor: float) -> ClientBase:
    """The client base chosen by --client-base and --clients-per-unemployed."""
    if kind not in ("unemployed", "job-seekers"):
        raise UsageProblem(f"unknown client base {kind!r}; choose unemployed or job-seekers")
    return ClientBase(kind, factor)  # type: ignore[arg-type]

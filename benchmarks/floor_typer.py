"""The least a typer program costs that does what a measured command must do, with the
libraries issue 12 chose and nothing of the tool's own. `run.py` times it beside the tool.

    python benchmarks/floor_typer.py --place Kuhmo
    python benchmarks/floor_typer.py --place Kuhmo --table
    python benchmarks/floor_typer.py --place Kuhmo --table --read data
    python benchmarks/floor_typer.py --place Kuhmo --read benchmarks/out/national

- Given an option, typer 0.29 turns its value through a pydantic adapter it builds on
  first use (importing the rest of pydantic's validation machinery), so no typer command
  that is given an option can finish sooner than the first line.
- `--table` prints the place in a rich table (a command's table view cannot do less).
- `--read DIR` reads the area's files as a run without a cache must, and no more: every
  `DIR/*.yaml` with PyYAML (the C loader where present), every `DIR/statistics/*.csv`
  with the `csv` module, its whole-number cells made numbers. Nothing is validated,
  nothing checked, no position kept, nothing cached.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(
    place: Annotated[str, typer.Option(help="A municipality.")] = "Kuhmo",
    table: Annotated[bool, typer.Option(help="Print it in a rich table.")] = False,
    read: Annotated[Path | None, typer.Option(help="Read this area's files first.")] = None,
) -> None:
    """Print the place given."""
    cells = 0 if read is None else read_area(read)
    if not table:
        print(place, cells)
        return
    from rich.console import Console
    from rich.table import Table

    shown = Table("place", "cells")
    shown.add_row(place, str(cells))
    Console().print(shown)


def read_area(folder: Path) -> int:
    """Read the area's files (see the module's docstring); how many CSV cells they hold."""
    import csv

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(folder.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    cells = 0
    for path in sorted((folder / "statistics").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        for column in zip(*rows[1:], strict=True):
            values = [int(cell) if cell.isdigit() else cell for cell in column]
            cells += len(values)
    return cells


if __name__ == "__main__":
    app()

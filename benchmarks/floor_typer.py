"""The least a typer program that takes an option costs: one command with one text option,
run with it. typer 0.29 turns the option's value through a pydantic adapter it builds on
first use (importing the rest of pydantic's validation machinery), so no typer command
that is given an option can finish sooner. `run.py` times it beside the tool.

    python benchmarks/floor_typer.py --place Kuhmo
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(place: str = typer.Option("Kuhmo", help="A municipality.")) -> None:
    """Print the place given."""
    print(place)


if __name__ == "__main__":
    app()

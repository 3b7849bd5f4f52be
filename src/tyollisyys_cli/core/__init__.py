"""The pure core: computations over a validated `Area`, returning plain records.

Nothing here reads files, prints, or knows about typer or rich.
"""

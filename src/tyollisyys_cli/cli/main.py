"""The console-script entry point: the fast path for plain command lines, else typer."""

from __future__ import annotations

import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    from tyollisyys_cli.cli.fast import dispatch

    argv = sys.argv[1:]
    code = dispatch(argv)
    if code is not None:
        sys.exit(code)
    from tyollisyys_cli.cli.app import run_typer

    run_typer(argv)

"""The console-script entry point."""

from __future__ import annotations

import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    from tyollisyys_cli.cli.app import run

    run(sys.argv[1:])

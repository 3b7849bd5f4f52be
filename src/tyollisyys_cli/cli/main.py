"""The console-script entry point."""

from __future__ import annotations

import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    from tyollisyys_cli.i18n import early_language, set_language

    # typer reads the help texts when the commands are imported: the language first.
    set_language(early_language(sys.argv[1:]))
    from tyollisyys_cli.cli.app import run

    run(sys.argv[1:])

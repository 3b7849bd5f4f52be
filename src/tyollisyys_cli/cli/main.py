"""The console-script entry point."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    from tyollisyys_cli.i18n import early_language, set_language

    # typer reads the help texts when the commands are imported: the language first.
    set_language(early_language(sys.argv[1:]))
    from tyollisyys_cli.cli.app import run

    try:
        run(sys.argv[1:])
    except (KeyError, ValueError):
        if not os.environ.get(COMPLETE):
            raise
        # typer's completion reads what the shell sets; left set by hand, it has none.
        from tyollisyys_cli.i18n import _

        message = _(
            "{variable} is set, which asks for shell completion, but COMP_WORDS and "
            "COMP_CWORD (which the shell sets for it) are missing or wrong; unset "
            "{variable} to run the tool"
        ).format(variable=COMPLETE)
        sys.stderr.write(_("error: {message}").format(message=message) + "\n")
        raise SystemExit(2) from None


#: What the shell sets when it asks the tool for completions (typer's name for it).
COMPLETE = "_TYOLLISYYS_COMPLETE"

"""The console-script entry point."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    from tyollisyys_cli.i18n import N_, early_language, set_language

    # typer reads the help texts when the commands are imported: the language first.
    set_language(early_language(sys.argv[1:]))
    instruction = os.environ.get(COMPLETE)
    if instruction and not _completion_instruction(instruction):
        from tyollisyys_cli.errors import shortened

        _refuse_completion(
            N_(
                "{variable} is set to {value}, which is no request for shell completion "
                "(such as complete_bash or source_zsh); unset {variable} to run the tool"
            ),
            value=repr(shortened(instruction)),
        )
    from tyollisyys_cli.cli.app import run

    try:
        run(sys.argv[1:])
    except (KeyError, ValueError):
        if not os.environ.get(COMPLETE):
            raise
        # typer's completion reads what the shell sets; left set by hand, it has none.
        _refuse_completion(
            N_(
                "{variable} is set, which asks for shell completion, but COMP_WORDS and "
                "COMP_CWORD (which the shell sets for it) are missing or wrong; unset "
                "{variable} to run the tool"
            )
        )


#: What the shell sets when it asks the tool for completions (typer's name for it), to
#: `INSTRUCTION_SHELL`: an instruction and a shell typer completes for.
COMPLETE = "_TYOLLISYYS_COMPLETE"
INSTRUCTIONS = ("complete", "source")
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_instruction(value: str) -> bool:
    instruction, _sep, shell = value.partition("_")
    return instruction in INSTRUCTIONS and shell in SHELLS


def _refuse_completion(message: str, **values: str) -> None:
    """Exit 2 with `message` (a msgid): typer said `Invalid completion instruction.` (exit
    1), or failed on the missing words."""
    from tyollisyys_cli.i18n import _

    text = _(message).format(variable=COMPLETE, **values)
    sys.stderr.write(_("error: {message}").format(message=text) + "\n")
    raise SystemExit(2) from None

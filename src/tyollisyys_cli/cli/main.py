"""The console-script entry point."""

from __future__ import annotations

import errno
import os
import sys


def main() -> None:
    """Run `tyollisyys` with the process's arguments (exits with the command's code)."""
    try:
        _main()
    except KeyboardInterrupt:
        # Ctrl-C before click took over (while the libraries load: a traceback), ended
        # as one later ends: silently, with the shell's code for it.
        raise SystemExit(130) from None


def _main() -> None:
    from tyollisyys_cli.i18n import N_, early_language, set_language

    if sys.stdout is None:  # (started with standard output closed: `tyollisyys caseload >&-`)
        from tyollisyys_cli.cli.errors import ClosedOutput

        sys.stdout = ClosedOutput()
    if sys.stderr is None:  # (`2>&-`: what the run says goes nowhere, as asked)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the run)
    # typer reads the help texts when the commands are imported: the language first.
    set_language(early_language(sys.argv[1:]))
    instruction = os.environ.get(COMPLETE, "")
    if instruction and not _completion_instruction(instruction):
        from tyollisyys_cli.errors import shortened

        _refuse_completion(
            N_(
                "{variable} is set to {value}, which is no request for shell completion "
                "(such as complete_bash or source_zsh); unset {variable} to run the tool"
            ),
            value=repr(shortened(instruction)),
        )
    words = WORDS["bash" if instruction == "complete_bash" else "other"]
    if instruction.startswith("complete_") and not all(os.environ.get(name) for name in words):
        # Left set by hand, without what the shell sets beside it: typer failed on bash's
        # words (an internal error), and for the other shells listed the commands and
        # exited 0, the command asked for never run.
        _refuse_words(words)
    from tyollisyys_cli.cli.app import run

    try:
        run(sys.argv[1:])
    except OSError as error:  # (--help or --version onto a closed or full standard output)
        from tyollisyys_cli.cli.errors import onto_closed_output, report
        from tyollisyys_cli.errors import DEVICE_ERRORS

        if not (onto_closed_output(error) or error.errno in {*DEVICE_ERRORS, errno.EPIPE}):
            raise
        raise SystemExit(report(error)) from None
    except (KeyError, ValueError):
        if not instruction:
            raise
        _refuse_words(words)  # (bash's words, there but not a command line)


#: What the shell sets when it asks the tool for completions (typer's name for it), to
#: `INSTRUCTION_SHELL`: an instruction and a shell typer completes for.
COMPLETE = "_TYOLLISYYS_COMPLETE"
INSTRUCTIONS = ("complete", "source")
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


#: What the shell sets beside the instruction: the words typed, for bash and for the others.
WORDS = {"bash": ("COMP_WORDS", "COMP_CWORD"), "other": ("_TYPER_COMPLETE_ARGS",)}


def _refuse_words(words: tuple[str, ...]) -> None:
    from tyollisyys_cli.i18n import N_

    _refuse_completion(
        N_(
            "{variable} is set, which asks for shell completion, but {words} (which the "
            "shell sets for it) is missing or wrong; unset {variable} to run the tool"
        ),
        words=" / ".join(words),
    )


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

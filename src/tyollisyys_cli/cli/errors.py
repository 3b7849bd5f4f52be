"""Expected failures → messages on standard error and exit codes; never a traceback.

Exit codes: 0 success, 1 findings at or above the fail threshold (`check`) or an output
that could not be written (a full disk), 2 usage errors and unreadable or invalid data
files, 70 a bug in the tool.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any

from tyollisyys_cli.errors import (
    DEVICE_ERRORS,
    MAX_OF_A_KIND,
    DataErrors,
    UnknownName,
    bounded,
    escaped,
    not_shown,
    shortened,
    system_reason,
)
from tyollisyys_cli.i18n import _, ngettext, numeral

#: A file or standard output could not be written (a full disk, a read-only folder).
EXIT_FAILURE = 1
EXIT_DATA = 2
EXIT_INTERNAL = 70

#: Set by the global --debug option: show tracebacks for developers.
DEBUG = {"enabled": False}


class UsageProblem(Exception):
    """A problem with what the user asked for (an option value, an output path); its
    arguments are the messages, one for each problem."""

    def __str__(self) -> str:
        return "\n".join(str(message) for message in self.args)


class ClosedOutput(io.TextIOWrapper):
    """Standard output of a process started without one (`tyollisyys caseload >&-`, as
    cron may start it): Python leaves `sys.stdout` None, and a table failed on its
    `flush` (exit 70). Each write fails as on a closed descriptor (EBADF), which the
    tool reports as an output it cannot write (exit 1)."""

    class Descriptor(io.RawIOBase):
        name = "<stdout>"

        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def __init__(self) -> None:
        super().__init__(self.Descriptor(), encoding="utf-8", write_through=True)


def onto_closed_output(error: BaseException) -> bool:
    """Whether `error` is a write onto a standard output that cannot be written: one the
    process began without, or one opened for reading (`1</dev/null`). An EBADF of a
    file the tool opened has its file name."""
    return (
        isinstance(error, OSError)
        and error.errno == errno.EBADF
        and (isinstance(sys.stdout, ClosedOutput) or not error.filename)
    )


def closed_output_message() -> str:
    if isinstance(sys.stdout, ClosedOutput):
        return _("cannot write to standard output: it is closed")
    return _("cannot write to standard output: it is open for reading only")


def _drop_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real standard output: nothing held
        pass


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _error(message: str) -> None:
    _say(_("error: {message}").format(message=message))


def report(exc: BaseException) -> int:
    """Print an expected failure for the user and return its exit code.

    Data errors (but for the statistics service's answer: exit 1, as a failed
    fetch), usage problems and unknown names (`UnknownName`: a place, month,
    format, rule or area the user named) are the user's to fix: exit 2. Anything else,
    a `KeyError` included, is a bug: exit 70 with a hint to run with --debug.
    """
    if DEBUG["enabled"]:
        import traceback  # (not at the top: ~2 ms that a run without --debug never needs)

        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, DataErrors):
        for line in exc.lines():
            _error(line)
        count = exc.count()
        if exc.source == "export":
            summary = ngettext(
                "{count} problem in the export", "{count} problems in the export", count
            )
        elif exc.source == "answer":
            summary = ngettext(
                "{count} problem in the answer of the statistics service",
                "{count} problems in the answer of the statistics service",
                count,
            )
        elif exc.source == "scenario":
            summary = ngettext(
                "{count} problem in the scenario file",
                "{count} problems in the scenario file",
                count,
            )
        elif exc.source == "folder":
            summary = ""  # (the folder itself: no files, no count of their problems)
        else:
            summary = ngettext(
                "{count} problem in the data files", "{count} problems in the data files", count
            )
        if summary:
            _say(summary.format(count=numeral(f"{count:,}")))
        if exc.hint:
            _say(exc.hint)
        if exc.source == "answer":
            # the service's figures, not a file of the user's to mend: exit 1, as any
            # answer of the service that the tool cannot use (statfin.api)
            _say(
                _(
                    "Nothing was written. These are the statistics service's figures, not a "
                    "file of yours to mend; a month it revises may pass later."
                )
            )
            return EXIT_FAILURE
        return EXIT_DATA
    if any(kind.__name__ == "OutputError" for kind in type(exc).__mro__):
        # files.atomic's (not imported for every run): a full disk under -o (its
        # DeviceError), or a data folder that `import` or `init` cannot write; exit 2
        # where what is there is the user's to mend (its TargetRefused: a read-only month
        # file, a file where its folder goes), as for an -o output
        _error(str(exc))
        return EXIT_DATA if type(exc).__name__ == "TargetRefused" else EXIT_FAILURE
    if onto_closed_output(exc):  # (`tyollisyys caseload --help >&-`)
        _error(closed_output_message())
        return EXIT_FAILURE
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        # The reader of standard output went away (`| head`): stop quietly, as click does.
        _drop_stdout()
        return EXIT_FAILURE
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        # A path given on the command line (or one made from it) that no file can have.
        name = shortened(str(exc.filename or ""))
        _error(
            _(
                "{path}: the name is too long for the file system (a name in a path may "
                "have at most 255 bytes, and a whole path about 4,000); choose a shorter one"
            ).format(path=name)
        )
        return EXIT_DATA
    if isinstance(exc, PermissionError) and exc.filename:
        # A path of the user's, or a folder above it, that they may not open (a folder
        # without search permission): probed before any message of the command's own.
        _error(
            _(
                "{path}: permission denied: you may not open it, or a folder above it; "
                "change its permissions, or give another path"
            ).format(path=escaped(str(exc.filename)))
        )
        return EXIT_DATA
    if isinstance(exc, OSError) and exc.errno in DEVICE_ERRORS:
        # Standard output (or a file) on a full disk: not the tool's bug. What it could
        # not write is dropped, so that the interpreter's flush at exit does not fail too.
        _drop_stdout()
        reason = system_reason(exc)
        if exc.filename:
            _error(
                _("cannot write the output {path}: {reason}").format(
                    path=exc.filename, reason=reason
                )
            )
        else:
            _error(_("cannot write the output: {reason}").format(reason=reason))
        return EXIT_FAILURE
    if isinstance(exc, UsageProblem | UnknownName):
        # (the first twenty, then a count: 3,000 unknown places printed 3,000 lines)
        messages = exc.args or (str(exc),)
        for message in messages[:MAX_OF_A_KIND]:
            _error(bounded(message))
        if len(messages) > MAX_OF_A_KIND:
            _say(not_shown(len(messages) - MAX_OF_A_KIND))
        if isinstance(exc, UnknownName) and exc.hint:
            _say(exc.hint)
        return EXIT_DATA
    _say(_("internal error: {kind}: {message}").format(kind=type(exc).__name__, message=exc))
    if not DEBUG["enabled"]:
        _say(_("This is a bug in tyollisyys; run again with --debug for the traceback."))
    return EXIT_INTERNAL

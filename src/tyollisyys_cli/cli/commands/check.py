"""`tyollisyys check`: the plan's printed figures against the ones computed from its counts."""

from __future__ import annotations

import sys
from pathlib import Path

from tyollisyys_cli.cli.params import Command, Param
from tyollisyys_cli.cli.state import State

FORMAT = Param(
    "fmt",
    "text",
    ("--format", "-f"),
    default="text",
    metavar="FORMAT",
    help="text (for people; file:line:col lines when not on a terminal), json, or "
    "github (GitHub Actions annotations).",
)
FAIL_ON = Param(
    "fail_on",
    "text",
    ("--fail-on",),
    default="error",
    metavar="LEVEL",
    help="Exit 1 when a finding reaches LEVEL: error, warning or never.",
)
#: `--month` as the other commands take it, but `check` checks every month by default.
MONTH = Param(
    "month",
    "text",
    ("--month",),
    metavar="YYYY-MM",
    help="Check only this month's statistics (default: every month held); the plan's "
    "files and month are always checked.",
)
_CODES = "Rule codes or prefixes, comma-separated or repeated (e.g. TOT001,COM)."
SELECT = Param("select", "texts", ("--select",), metavar="CODES", help=_CODES, show_default=False)
IGNORE = Param("ignore", "texts", ("--ignore",), metavar="CODES", help=_CODES, show_default=False)
OUTPUT = Param(
    "output",
    "path",
    ("--output", "-o"),
    metavar="PATH",
    help="Write the report to PATH (atomically).",
)
EXPLAIN = Param(
    "explain", "text", ("--explain",), metavar="CODE", help="Print a rule's documentation."
)
LIST_RULES = Param(
    "list_rules", "flag", ("--list-rules",), default=False, help="List the rules with their codes."
)


def _say(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text)
    stream.flush()


def check(
    state: State,
    *,
    fmt: str,
    fail_on: str,
    month: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    output: Path | None,
    explain: str | None,
    list_rules: bool,
) -> int:
    """Check that the plan's figures follow from its base counts.

    Recomputes every figure the plan prints or states (totals rows, rates, job
    self-sufficiency, figures given in two places, figures in the text, staffing sums)
    and reports each disagreement with the file, line and column of the printed value.

    Checks the statistics of every month held; --month checks only that month's,
    besides the plan's own files and month.

    Exit codes: 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage
    error or unreadable or invalid data files."""
    from tyollisyys_cli.check.rules import RULES, rule
    from tyollisyys_cli.cli.errors import UsageProblem

    if list_rules:
        width = max(len(r.name) for r in RULES)
        for entry in RULES:
            _say(f"{entry.code}  {entry.name:<{width}}  {entry.summary}\n")
        return 0
    if explain is not None:
        try:
            found = rule(explain)
        except KeyError:
            raise UsageProblem(f"no rule {explain!r}; see --list-rules") from None
        _say(f"{found.code} ({found.name})\n\n{found.doc}\n")
        return 0
    return _report(
        state,
        fmt=fmt,
        fail_on=fail_on,
        month=month,
        select=select or [],
        ignore=ignore or [],
        output=output,
    )


def _report(
    state: State,
    *,
    fmt: str,
    fail_on: str,
    month: str | None,
    select: list[str],
    ignore: list[str],
    output: Path | None,
) -> int:
    from tyollisyys_cli.check.reporters import FORMATS, reporters
    from tyollisyys_cli.check.reporters.text import render_terminal, summary
    from tyollisyys_cli.check.runner import FAIL_ON, choose_rules, run
    from tyollisyys_cli.cli.errors import UsageProblem

    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fail_on not in FAIL_ON:
        raise UsageProblem(
            f"unknown level {fail_on!r} for --fail-on; choose error, warning or never"
        )
    if output is not None and str(output) == "-":
        output = None  # as for the tables: `-` is standard output
    rules = choose_rules(select, ignore)
    area = state.area()
    outcome = run(area, rules, fail_on=fail_on, month=month)
    if output is not None:
        from tyollisyys_cli.cli.output import write_atomically

        report = reporters()[fmt](outcome, area.name)
        with write_atomically(output) as stream:
            stream.write(report.encode("utf-8"))
        _say(f"{summary(outcome)}; report written to {output}\n", err=True)
    elif fmt == "text" and sys.stdout.isatty():
        from tyollisyys_cli.cli.output import console  # rich: only for the terminal view

        render_terminal(outcome, console(), area.name)
    else:
        _say(reporters()[fmt](outcome, area.name))
        if fmt != "json":
            _say(summary(outcome) + "\n", err=True)
    return outcome.exit_code


CHECK = Command(
    "check", (FORMAT, FAIL_ON, MONTH, SELECT, IGNORE, OUTPUT, EXPLAIN, LIST_RULES), check
)

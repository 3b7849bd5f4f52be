"""`tyollisyys check`: the plan's printed figures against the ones computed from its counts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tyollisyys_cli.cli.state import state

CheckFormat = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="text (for people; file:line:col lines when not on a terminal), json, or "
        "github (GitHub Actions annotations).",
    ),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar="LEVEL",
        help="Exit 1 when a finding reaches LEVEL: error, warning or never.",
    ),
]
#: `--month` as the other commands take it, but `check` checks every month by default.
CheckMonth = Annotated[
    str | None,
    typer.Option(
        "--month",
        metavar="YYYY-MM",
        help="Check only this month's statistics (default: every month held); the plan's "
        "files and month are always checked.",
    ),
]
Codes = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CODES",
        help="Rule codes or prefixes, comma-separated or repeated (e.g. TOT001,COM).",
        show_default=False,
    ),
]


def check(
    ctx: typer.Context,
    fmt: CheckFormat = "text",
    fail_on: FailOnOption = "error",
    month: CheckMonth = None,
    select: Codes = None,
    ignore: Codes = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="PATH", help="Write the report to PATH (atomically)."
        ),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help="Print a rule's documentation."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules with their codes.")
    ] = False,
) -> None:
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
            typer.echo(f"{entry.code}  {entry.name:<{width}}  {entry.summary}")
        return
    if explain is not None:
        try:
            found = rule(explain)
        except KeyError:
            raise UsageProblem(f"no rule {explain!r}; see --list-rules") from None
        typer.echo(f"{found.code} ({found.name})\n\n{found.doc}")
        return
    _report(
        ctx,
        fmt=fmt,
        fail_on=fail_on,
        month=month,
        select=select or [],
        ignore=ignore or [],
        output=output,
    )


def _report(
    ctx: typer.Context,
    *,
    fmt: str,
    fail_on: str,
    month: str | None,
    select: list[str],
    ignore: list[str],
    output: Path | None,
) -> None:
    from tyollisyys_cli.check.reporters import FORMATS, reporters
    from tyollisyys_cli.check.reporters.text import render_terminal, summary
    from tyollisyys_cli.check.runner import FAIL_ON, choose_rules, run
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.cli.output import console, write_atomically

    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fail_on not in FAIL_ON:
        raise UsageProblem(
            f"unknown level {fail_on!r} for --fail-on; choose error, warning or never"
        )
    rules = choose_rules(select, ignore)
    area = state(ctx).area()
    outcome = run(area, rules, fail_on=fail_on, month=month)
    if output is not None:
        report = reporters()[fmt](outcome, area.name)
        with write_atomically(output) as stream:
            stream.write(report.encode("utf-8"))
        typer.echo(f"{summary(outcome)}; report written to {output}", err=True)
    elif fmt == "text" and sys.stdout.isatty():
        render_terminal(outcome, console(), area.name)
    else:
        typer.echo(reporters()[fmt](outcome, area.name), nl=False)
        if fmt != "json":
            typer.echo(summary(outcome), err=True)
    raise typer.Exit(outcome.exit_code)

"""Text for people: `file:line:col: [level] message (CODE)` lines, or a grouped, coloured
view on a terminal."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from tyollisyys_cli.check.finding import SEVERITIES, Finding, shown
from tyollisyys_cli.check.reporters.paths import shown_path
from tyollisyys_cli.check.runner import Outcome
from tyollisyys_cli.errors import escaped
from tyollisyys_cli.i18n import _, month, ngettext

if TYPE_CHECKING:
    from rich.console import Console

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
#: Where the second and later lines of a wrapped message start.
INDENT = " " * 8


def line(finding: Finding) -> str:
    """`data/commuting.yaml:23:27: [error] message (COM001)`; a finding that others are
    merged into ends `(TOT001; also GRP001, GRP002)`."""
    where = shown_path(finding.file)
    if finding.line is not None:
        where += f":{finding.line}"
        if finding.column is not None:
            where += f":{finding.column}"
    # Escaped: a name from a data file holding a line break and `::error` must not start
    # a line that a CI runner reads as a command, nor a terminal obey an escape sequence.
    return escaped(f"{where}: [{shown(finding.severity)}] {finding.text()} ({finding.codes()})")


def render(outcome: Outcome, area: str = "") -> str:
    """One line per finding (no colour, no grouping): for files, pipes and editors."""
    return "".join(line(finding) + "\n" for finding in outcome.findings)


def summary(outcome: Outcome) -> str:
    """`6 wrong figures (errors), 3 warnings, 5 info: fails with --fail-on error`."""
    verdict = (
        _("{counts}: fails with --fail-on {level}")
        if outcome.failed
        else _("{counts}: passes with --fail-on {level}")
    )
    return verdict.format(counts=counts_text(outcome), level=outcome.fail_on)


def counts_text(outcome: Outcome) -> str:
    """`6 wrong figures (errors), 3 warnings, 5 info`. Each finding is about one figure
    (the findings of several rules about it merged), so the errors count the figures
    that are wrong."""
    counts = outcome.counts
    parts = {
        "errors": ngettext(
            "{count} wrong figure (error)", "{count} wrong figures (errors)", counts["error"]
        ).format(count=counts["error"]),
        "warnings": ngettext("{count} warning", "{count} warnings", counts["warning"]).format(
            count=counts["warning"]
        ),
        "info": ngettext("{count} info", "{count} info", counts["info"]).format(
            count=counts["info"]
        ),
    }
    return _("{errors}, {warnings}, {info}").format(**parts)


def render_terminal(outcome: Outcome, console: Console, area: str = "") -> None:
    """Findings grouped by file, coloured by severity, then the summary."""
    # rich only here: the line, JSON and GitHub reports are plain strings.
    from rich.text import Text

    from tyollisyys_cli.render.wrap import cut_path, wrap

    if area:
        heading = (
            _("Checking {area} (statistics of {months})").format(
                area=area, months=", ".join(month(m) for m in outcome.months)
            )
            if outcome.months
            else _("Checking {area}").format(area=area)
        )
        console.print(Text(escaped(heading), style="bold"))
    # The severity column is as wide as its longest word (`varoitus`) and a space.
    width = max(len(shown(severity)) for severity in SEVERITIES) + 1
    for file, findings in groupby(outcome.findings, key=lambda f: f.file):
        console.print()
        for part in cut_path(escaped(shown_path(file)), console.width):
            console.print(Text(part, style="underline"))  # (rich folds wide characters)
        for finding in findings:
            place = f"  {finding.line or '':>4}:{finding.column or '':<3} "
            label = f"{shown(finding.severity):<{width}}{finding.code}  "
            also = (
                _(" (also {codes})").format(codes=", ".join(finding.also)) if finding.also else ""
            )
            # The message wraps between words, never inside a figure (`3 217`), under
            # a hanging indent; the place and the label stand on its first line.
            lead = " " * len(place + label)
            message = escaped(finding.text() + also)
            first, *more = wrap(message, console.width, first=lead, rest=INDENT)
            row = Text()  # (a style given to Text() would be the whole line's: dim)
            row.append(place, style="dim")
            row.append(label[:width], style=STYLES[finding.severity])
            row.append(label[width:], style="dim")
            row.append(first[len(lead) :])
            console.print(row, soft_wrap=True)
            for line in more:
                console.print(Text(line), soft_wrap=True)
    console.print()
    style = "bold red" if outcome.failed else "bold green"
    console.print(Text(summary(outcome), style=style))

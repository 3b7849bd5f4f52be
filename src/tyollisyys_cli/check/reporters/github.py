"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.

Errors become `::error`, warnings `::warning` and info `::notice`, so that findings show
as annotations on the changed files of a pull request. Values are escaped as the runner
expects: `%`, `\\r` and `\\n` in the message; also `:` and `,` in properties.
"""

from __future__ import annotations

from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.reporters.paths import shown_path
from tyollisyys_cli.check.runner import Outcome

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """The workflow command for one finding."""
    properties = [f"file={escape_property(shown_path(finding.file))}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
        if finding.column is not None:
            properties.append(f"col={finding.column}")
    properties.append(f"title={escape_property(finding.codes())}")
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(finding.text())}"


def render(outcome: Outcome, area: str = "") -> str:
    return "".join(command(finding) + "\n" for finding in outcome.findings)

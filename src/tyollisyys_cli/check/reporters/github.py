"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.

Errors become `::error`, warnings `::warning` and info `::notice`, so that findings show
as annotations on the changed files of a pull request. Values are escaped as the runner
expects: `%`, `\\r` and `\\n` in the message; also `:` and `,` in properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.check.finding import Finding, data_finding
from tyollisyys_cli.check.reporters.paths import shown_path
from tyollisyys_cli.check.runner import Outcome

if TYPE_CHECKING:
    from tyollisyys_cli.errors import DataError

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


def data_errors(errors: list[DataError]) -> str:
    """The problems that kept the data files from being read, as `::error` commands
    titled `data`, so that they too show on the pull request's lines."""
    lines = []
    for error in errors:
        where = f" ({error.where})" if error.where else ""
        text = f"{error.field}{where}: {error.message}" if error.field else error.message
        lines.append(command(data_finding(error, text)) + "\n")
    return "".join(lines)

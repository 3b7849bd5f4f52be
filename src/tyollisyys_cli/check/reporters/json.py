"""JSON for programs: a stable, documented schema (`tyollisyys-check/1`, docs/check-rules.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.check.finding import Finding, data_finding
from tyollisyys_cli.check.reporters.paths import shown_path
from tyollisyys_cli.check.runner import Outcome

if TYPE_CHECKING:
    from tyollisyys_cli.errors import DataError

SCHEMA = "tyollisyys-check/1"


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return round(value, 6)


def finding_record(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object (keys always present, null when not known)."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "file": shown_path(finding.file),
        "line": finding.line,
        "column": finding.column,
        "field": finding.field,
        "printed": _number(finding.printed),
        "computed": _number(finding.computed),
        "computed_low": _number(finding.computed_low),
        "computed_high": _number(finding.computed_high),
        "difference": _number(finding.difference),
        "message": finding.text(),
        "also": list(finding.also),
    }


def render(outcome: Outcome, area: str = "") -> str:
    document = {
        "schema": SCHEMA,
        "area": area,
        "months": list(outcome.months),
        "fail_on": outcome.fail_on,
        "failed": outcome.failed,
        "exit_code": outcome.exit_code,
        "summary": outcome.counts,
        "findings": [finding_record(f) for f in outcome.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def data_errors(errors: list[DataError], fail_on: str) -> str:
    """The report of a check that could not run: the problems that kept the data files
    from being read, each a finding of code `data` (severity error), exit code 2."""
    document = {
        "schema": SCHEMA,
        "area": "",
        "months": [],
        "fail_on": fail_on,
        "failed": True,
        "exit_code": 2,
        "summary": {"error": len(errors), "warning": 0, "info": 0},
        "findings": [
            finding_record(
                data_finding(error, (f"{error.where}: " if error.where else "") + error.message)
            )
            for error in errors
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

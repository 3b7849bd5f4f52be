"""Coded values as the page shows them: a status `over`, a severity `error`, an origin
`transferring_or_recruited`, a source key `statistics`.

The records keep the codes (they are the same in every language, as in CSV and JSON);
the page shows them as words in the run's language. A code the tool does not know is
shown as it is.
"""

from __future__ import annotations

from tyollisyys_cli.i18n import N_, _

#: A unit's status against its target (`core.caseload.Status`).
STATUSES = {
    "under": N_("under"),
    "within": N_("within"),
    "over": N_("over"),
    "no target": N_("no target"),
    "no staffing": N_("no staffing"),
    "no caseload staff": N_("no caseload staff"),
    "staffing incomplete": N_("staffing incomplete"),
}

#: A finding's severity (`check`).
SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

#: Where a staff line comes from (`models.area.Origin`).
ORIGINS = {
    "own": N_("own"),
    "transferring": N_("transferring"),
    "recruited": N_("recruited"),
    "transferring_or_recruited": N_("transferring or recruited"),
}

#: The tables the plan's `sources:` name.
SOURCES = {
    "statistics": N_("statistics"),
    "commuting": N_("commuting"),
    "staffing": N_("staffing"),
    "offices": N_("offices"),
}


def _shown(code: str, words: dict[str, str]) -> str:
    return _(words[code]) if code in words else code


def status_text(status: str) -> str:
    """`over` → `over` in English, `yli` in Finnish."""
    return _shown(status, STATUSES)


def severity_text(severity: str) -> str:
    return _shown(severity, SEVERITIES)


def origin_text(origin: str) -> str:
    """`transferring_or_recruited` → `transferring or recruited`."""
    return _shown(origin, ORIGINS) if origin in ORIGINS else origin.replace("_", " ")


def source_name(table: str) -> str:
    return _shown(table, SOURCES)

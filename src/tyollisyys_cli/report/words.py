"""Coded values as the page shows them: a status `over`, a severity `error`, an origin
`transferring_or_recruited`, a source key `statistics`.

The records keep the codes (they are the same in every language, as in CSV and JSON);
the page shows them as words in the run's language. A code the tool does not know is
shown as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.check.finding import Severity, shown
from tyollisyys_cli.core.caseload import STATUS_WORDS
from tyollisyys_cli.i18n import N_, _, month
from tyollisyys_cli.statfin.source import shown_source

if TYPE_CHECKING:
    from tyollisyys_cli.report.records import ReportRecords

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
    """`over` → `over` in English, `yli` in Finnish (the words of `core.caseload`)."""
    return _(status) if status in STATUS_WORDS else status


def severity_text(severity: Severity) -> str:
    """`error` → `virhe` in Finnish (the words of `check.finding`)."""
    return shown(severity)


def origin_text(origin: str) -> str:
    """`transferring_or_recruited` → `transferring or recruited`."""
    return _shown(origin, ORIGINS) if origin in ORIGINS else origin.replace("_", " ")


def source_name(table: str) -> str:
    return _shown(table, SOURCES)


def source_lines(records: ReportRecords) -> list[str]:
    """The sources as the page lists them: `statistics: Plan section 1, …` (the one
    `init` writes in the run's language). Where the month shown has statistics of another
    source than the plan's, theirs come first, and the plan's are named by their month:
    a page of 2026-06 listed first the plan's statistics of 2023-08."""
    lines = {
        table: _("{table}: {source}").format(table=source_name(table), source=shown_source(text))
        for table, text in records.sources_shown.items()
    }
    if records.statistics_source == records.sources.get("statistics"):
        return list(lines.values())
    if records.month == records.plan_month:
        # (an area made by `init`, its month imported anew: the plan's line named the
        # file the figures no longer come from)
        lines.pop("statistics", None)
    elif "statistics" in lines:
        # (the reference month's own file where it was imported anew: the plan's named
        # the file its figures no longer come from)
        named = records.sources.get("statistics")
        reference = records.reference_source
        lines["statistics"] = _("statistics of {month}: {source}").format(
            month=month(records.plan_month),
            source=shown_source(
                records.sources_shown["statistics"] if reference in ("", named) else reference
            ),
        )
    own = _("statistics of {month}: {source}").format(
        month=month(records.month), source=shown_source(records.statistics_source)
    )
    return [own, *lines.values()]

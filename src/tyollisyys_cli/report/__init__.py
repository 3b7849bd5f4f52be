"""The report for decision makers: one self-contained HTML page with charts.

The command (`cli.commands.report`) computes the records with the core and hands them
over as `ReportRecords`; this package only presents them. Charts are drawn with
matplotlib as inline SVG (`charts`), the page is laid out with Jinja2 (`page`). Both
are the optional extra `report`; `require_extra` says so when either is missing, and
nothing outside this package imports them.
"""

from __future__ import annotations

from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.registry import install_hint


class ReportUnavailable(Exception):
    """matplotlib or Jinja2 is not installed."""


def require_extra() -> None:
    """Raise `ReportUnavailable`, naming the extra, unless matplotlib and Jinja2 import."""
    missing = []
    try:
        import matplotlib  # noqa: F401 (only whether it imports)
    except ImportError:
        missing.append("matplotlib")
    try:
        import jinja2  # noqa: F401 (only whether it imports)
    except ImportError:
        missing.append("Jinja2")
    if len(missing) == 2:
        raise ReportUnavailable(
            _("the report needs matplotlib and Jinja2, the optional extra 'report': {hint}").format(
                hint=install_hint("report")
            )
        )
    if missing:
        raise ReportUnavailable(
            _("the report needs {library}, the optional extra 'report': {hint}").format(
                library=missing[0], hint=install_hint("report")
            )
        )

"""`tyollisyys report -o report.html [PLACE...]`: one page for decision makers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyollisyys_cli.cli.options import (
    ClientBaseKind,
    ClientsPerUnemployed,
    CommandDataDir,
    CommandDebug,
    CommandLang,
    Month,
    Places,
    output_path,
)
from tyollisyys_cli.errors import escaped
from tyollisyys_cli.i18n import _, language

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.area.paths import DataSource
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.report.records import ReportRecords


HELP = _(
    "Write one self-contained HTML page for decision makers: the headline figures, "
    "caseload per service unit against its target band, staffing gaps, unemployment "
    "by municipality, the trend since the reference month, commuting, the check's "
    "findings and the assumptions behind the figures. Charts are inline SVG with "
    "their figures in a table beside them; the page needs no network and no script, "
    "and prints on A4.\n\n"
    "Needs matplotlib and Jinja2: pip install 'tyollisyys[report]'."
)


def report(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar=_("PATH"),
            parser=output_path,
            help=_(
                "The page to write (.html), atomically; replaced if it exists. - is "
                "standard output."
            ),
            show_default=False,
        ),
    ],
    places: Places = None,
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys report`; HELP is its --help, in the run's language."""
    from tyollisyys_cli import __version__
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.cli.output import client_base_option, refuse_other_format, write_atomically
    from tyollisyys_cli.cli.state import state
    from tyollisyys_cli.i18n import month as month_text
    from tyollisyys_cli.report import ReportUnavailable, require_extra

    if str(output) != "-":
        refuse_other_format(output, ".html", ".htm")
    try:
        require_extra()
    except ReportUnavailable as error:
        raise UsageProblem(str(error)) from None
    from tyollisyys_cli.report.page import render_page

    run = state(ctx)
    area = run.area()
    base = client_base_option(client_base, clients_per_unemployed, run)
    records = report_records(area, places=places or [], month=month, base=base)
    if len(records.trend.months) < 2:
        run.notes.append(_no_trend(records, run.source()))
    page = render_page(records, tool_version=__version__)
    if str(output) == "-":
        from tyollisyys_cli.cli.output import write_stdout

        run.say_notes()
        write_stdout(page)
        return
    with write_atomically(output, area.files.values(), run.source().folder) as stream:
        run.say_notes()
        stream.write(page.encode("utf-8"))
    sys.stderr.write(
        _("wrote the report of {area}, {month}, to {path}").format(
            area=records.heading,
            month=month_text(records.month, prose=True),
            path=escaped(str(output)),
        )
        + "\n"
    )


def _no_trend(records: ReportRecords, source: DataSource) -> str:
    """What the analyst can do for the trend the page lacks (the page says only why); the
    import names the data folder where the run was given it (`--data-dir`)."""
    import shlex

    from tyollisyys_cli.area.paths import is_bundled
    from tyollisyys_cli.i18n import month as month_text

    if len(records.months_held) > len(records.trend.months):
        return _(
            "the report has no trend: the data hold no month before {month}; give a later --month"
        ).format(month=month_text(records.month, prose=True))
    # (import does not write into the bundled data, found from a checkout's folder too)
    if source.origin == "bundled" or is_bundled(source.folder):
        return _(
            "the report has no trend, which needs two months: the bundled example holds its "
            "plan's month only; copy it into a folder of your own with `tyollisyys init DIR "
            "--example` and import months there with `tyollisyys --data-dir DIR import "
            "statfin FILE`"
        )
    folder = f"--data-dir {shlex.quote(str(source.folder))} " if source.origin == "option" else ""
    return _(
        "the report has no trend, which needs two months: import the official statistics "
        "of another month with `tyollisyys {folder}import statfin FILE`"
    ).format(folder=folder)


def report_records(
    area: Area, *, places: list[str], month: str | None, base: ClientBase
) -> ReportRecords:
    """The records of one report, computed by the core as the table commands do."""
    from tyollisyys_cli.area.paths import BUNDLED_DESCRIPTION, is_bundled
    from tyollisyys_cli.check.runner import run
    from tyollisyys_cli.core.caseload import caseload_table, implied_client_factors
    from tyollisyys_cli.core.commuting import commuting_table
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.staffing import staffing_table
    from tyollisyys_cli.core.statistics import unemployment_table
    from tyollisyys_cli.core.trend import trend_table
    from tyollisyys_cli.report.records import ReportRecords, StaffDecision

    selection = resolve_places(area, places)
    snapshot = area.snapshot(month)
    served = [u for u in area.units if any(selection.includes(c) for c in u.members)]
    return ReportRecords(
        area_name=area.name,
        month=snapshot.month,
        plan_month=area.plan.area.reference_month,
        places=[] if selection.everything else [area.municipality(c).name for c in selection.codes],
        sources=dict(area.plan.area.sources),
        sources_shown=area.plan.area.sources_in(language()),
        statistics_source=snapshot.source,
        reference_source=_reference_source(area),
        caseload=caseload_table(area, selection, snapshot, base),
        implied_factors=implied_client_factors(area),
        staffing=staffing_table(area, selection, snapshot, base),
        unemployment=unemployment_table(area, selection, snapshot),
        trend=trend_table(area, selection, base, until=snapshot.month),
        commuting=commuting_table(area, selection),
        findings=run(area, month=month, fail_on="never"),
        staff_decisions=[
            StaffDecision(
                unit.name, line.role, line.fte, line.origin, line.caseload, line.note_in(language())
            )
            for unit in served
            for line in unit.staffing or ()
        ],
        withheld_cell=(area.plan.area.withheld_cell.min, area.plan.area.withheld_cell.max),
        months_held=list(area.months),
        data_folder=area.files["municipalities"].parent,
        example=BUNDLED_DESCRIPTION if is_bundled(area.files["municipalities"].parent) else "",
        plan_language=area.plan.area.language,
    )


def _reference_source(area: Area) -> str:
    """Where the reference month's figures come from: its month file's source where one
    is held (an area made by `init`, its month imported anew), else the plan's."""
    try:
        return area.snapshot(area.plan.area.reference_month).source
    except LookupError:
        return area.plan.area.sources.get("statistics", "")

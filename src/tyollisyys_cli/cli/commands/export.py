"""`tyollisyys export`: every table of the area in one Excel workbook."""

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
    output_path,
)
from tyollisyys_cli.cli.output import (
    client_base_option,
    name_month_source,
    onto_a_terminal,
    refuse_other_format,
    run_metadata,
    write_atomically,
)
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.errors import escaped
from tyollisyys_cli.i18n import _, ngettext

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.render.model import TableData

Workbook = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        metavar=_("PATH"),
        parser=output_path,
        help=_("The workbook to write (.xlsx); replaced if it exists."),
        show_default=False,
    ),
]


def area_tables(
    area: Area, *, month: str | None, base: ClientBase, notes: list[str] | None = None
) -> list[TableData]:
    """Every table of the area for the whole area, as the table commands show them
    (the trend up to `month`; the allocation as `allocate` gives it by default, left out
    with a note in `notes` where the area states no pool to divide)."""
    from tyollisyys_cli.cli.commands.allocate import allocation_data
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.core.allocation import default_pool
    from tyollisyys_cli.core.caseload import caseload_table, implied_client_factors
    from tyollisyys_cli.core.commuting import commuting_table
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.staffing import staffing_table
    from tyollisyys_cli.core.statistics import unemployment_table
    from tyollisyys_cli.core.trend import trend_table
    from tyollisyys_cli.views.caseload import caseload_view
    from tyollisyys_cli.views.commuting import commuting_view
    from tyollisyys_cli.views.directory import municipalities_view, offices_view
    from tyollisyys_cli.views.staffing import staffing_view
    from tyollisyys_cli.views.trend import trend_view
    from tyollisyys_cli.views.unemployment import unemployment_view

    everything = resolve_places(area, [])
    snapshot = area.snapshot(month)
    tables = [
        municipalities_view(area, everything),
        offices_view(area, everything),
        unemployment_view(unemployment_table(area, everything, snapshot), area.name),
        caseload_view(
            caseload_table(area, everything, snapshot, base),
            implied_client_factors(area),
            area.name,
        ),
        staffing_view(staffing_table(area, everything, snapshot, base), area.name),
    ]
    commuting = commuting_table(area, everything)
    if commuting is not None:
        tables.append(commuting_view(commuting, area.name))
    tables.append(trend_view(trend_table(area, everything, base, until=month), area.name))
    pool = default_pool(area)
    if pool is None or pool.low is None:
        if notes is not None:
            notes.append(
                _(
                    "no allocation sheet: {area} states no transferring pool (transfer_pool in "
                    "municipalities.yaml); `tyollisyys allocate --pool FTE` divides one you give"
                ).format(area=area.name)
            )
        return tables
    try:
        tables.append(
            allocation_data(
                area,
                base,
                month=month,
                pool=None,
                step=0.5,
                method="even-caseload",
                ignore_stated=False,
            )
        )
    except UsageProblem as problem:
        if notes is not None:
            notes.append(_("no allocation sheet: {reason}").format(reason=problem))
    return tables


HELP = _(
    "Write every table of the area into one Excel workbook: a sheet per table "
    "(municipalities, offices, unemployment, caseload, staffing, commuting, trend, "
    "allocation) and the metadata (area, month, sources, tool version, options, "
    "notes) on its own sheet. The trend runs up to --month; the allocation divides "
    "the plan's transferring pool as `allocate` does by default (no sheet, and a "
    "note, where the area states no pool).\n\n"
    "Needs openpyxl: pip install 'tyollisyys[xlsx]'."
)


def export(
    ctx: typer.Context,
    output: Workbook,
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys export`; HELP is its --help, in the run's language."""
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.render.registry import FormatUnavailable, renderer

    if str(output) == "-" or onto_a_terminal(output):
        raise UsageProblem(
            _("export writes a binary workbook: give it a file name, e.g. --output tables.xlsx")
        )
    refuse_other_format(output, ".xlsx")

    try:
        renderer("xlsx").check_available()
    except FormatUnavailable as error:
        raise UsageProblem(str(error).replace("--format xlsx", "export")) from None
    from tyollisyys_cli.render.xlsx import write_workbook

    run = state(ctx)
    area = run.area()
    base = client_base_option(client_base, clients_per_unemployed, run)
    notes: list[str] = []
    tables = area_tables(area, month=month, base=base, notes=notes)
    run.notes.extend(notes)
    metadata = run_metadata(run)
    metadata["month"] = area.snapshot(month).month
    name_month_source(metadata, run)  # (June 2026's figures were credited to the plan's)
    with write_atomically(output, area.files.values(), run.source().folder) as stream:
        run.say_notes()
        write_workbook(
            tables, stream, title=_("Tables of {area}").format(area=area.name), metadata=metadata
        )
    sys.stderr.write(
        ngettext(
            "wrote {count} table to {path}", "wrote {count} tables to {path}", len(tables)
        ).format(count=len(tables), path=escaped(str(output)))
        + "\n"
    )

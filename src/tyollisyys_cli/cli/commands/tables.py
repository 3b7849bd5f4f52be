"""The area's tables: municipalities, unemployment, caseload, staffing, commuting, offices.

Each command is a thin typer function over the library: resolve the places, compute
the table, build its view, emit it.
"""

from __future__ import annotations

import typer

from tyollisyys_cli.cli.options import (
    ClientBaseKind,
    ClientsPerUnemployed,
    CommandDataDir,
    CommandDebug,
    CommandLang,
    Excel,
    Format,
    Month,
    Output,
    Places,
    TargetOverride,
    UnemployedChange,
    Wide,
)
from tyollisyys_cli.cli.output import client_base_option, emit
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.cli.whatif import marked, scenario_area, scenario_option
from tyollisyys_cli.i18n import _

MUNICIPALITIES_HELP = _(
    "List the area's municipalities: code, name, region, service unit and office."
)


def municipalities(
    ctx: typer.Context,
    places: Places = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys municipalities`; MUNICIPALITIES_HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.views.directory import municipalities_view

    run = state(ctx)
    area = run.area()
    emit(
        municipalities_view(area, resolve_places(area, places or [])),
        fmt,
        output,
        excel=excel,
        wide=wide,
        state=run,
    )


OFFICES_HELP = _("List the service points with their addresses and what each serves.")


def offices(
    ctx: typer.Context,
    places: Places = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys offices`; OFFICES_HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.views.directory import offices_view

    run = state(ctx)
    area = run.area()
    emit(
        offices_view(area, resolve_places(area, places or [])),
        fmt,
        output,
        excel=excel,
        wide=wide,
        state=run,
    )


UNEMPLOYMENT_HELP = _(
    "Unemployment rate computed from the counts beside the published rate, and the "
    "groups of the unemployed (under 25, over 50, long-term, disabled/ill, foreign) "
    "as counts and shares. The last row is the area, summed from the "
    "municipalities."
)


def unemployment(
    ctx: typer.Context,
    places: Places = None,
    month: Month = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys unemployment`; UNEMPLOYMENT_HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.statistics import unemployment_table
    from tyollisyys_cli.views.unemployment import unemployment_view

    run = state(ctx)
    area = run.area()
    table = unemployment_table(area, resolve_places(area, places or []), area.snapshot(month))
    emit(unemployment_view(table, area.name), fmt, output, excel=excel, wide=wide, state=run)


CASELOAD_HELP = _(
    "Clients per advisor for each service unit against its target, with a caseload "
    "status (under / within / over, or for a range across an end of the band: under or "
    "within / within or over / under to over) and a bar showing where the caseload sits "
    "in the band.\n\n"
    "Clients are the unemployed job seekers of the statistics unless "
    "--clients-per-unemployed scales them to a broader client base. "
    "--unemployed-change and --target show a what-if scenario."
)


def caseload(
    ctx: typer.Context,
    places: Places = None,
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    unemployed_change: UnemployedChange = 0.0,
    target: TargetOverride = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys caseload`; CASELOAD_HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.caseload import caseload_table, implied_client_factors
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.views.caseload import caseload_view

    run = state(ctx)
    area = run.area()
    scenario = scenario_option(unemployed_change, target)
    changed = scenario_area(area, scenario, month)
    snapshot = changed.snapshot(month)
    base = client_base_option(client_base, clients_per_unemployed, run)
    table = caseload_table(changed, resolve_places(area, places or []), snapshot, base)
    # What the plan's own statements imply is about the plan's data, not the scenario's.
    factors = implied_client_factors(area)
    view = caseload_view(table, factors, area.name)
    emit(marked(view, area, scenario), fmt, output, excel=excel, wide=wide, state=run)


STAFFING_HELP = _(
    "Planned caseload-carrying FTE against the FTE each target needs (at both ends "
    "of the band), the gap, and the transferring pool against the transfers stated. "
    "--unemployed-change and --target show a what-if scenario."
)


def staffing(
    ctx: typer.Context,
    places: Places = None,
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    unemployed_change: UnemployedChange = 0.0,
    target: TargetOverride = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys staffing`; STAFFING_HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.staffing import staffing_table
    from tyollisyys_cli.views.staffing import staffing_view

    run = state(ctx)
    area = run.area()
    scenario = scenario_option(unemployed_change, target)
    changed = scenario_area(area, scenario, month)
    base = client_base_option(client_base, clients_per_unemployed, run)
    selection = resolve_places(area, places or [])
    table = staffing_table(changed, selection, changed.snapshot(month), base)
    emit(
        marked(staffing_view(table, area.name), area, scenario),
        fmt,
        output,
        excel=excel,
        wide=wide,
        state=run,
    )


COMMUTING_HELP = _(
    "Commuting in and out, jobs, employed residents and job self-sufficiency "
    "computed beside the published figure; the area row is the ratio of the summed "
    "parts."
)


def commuting(
    ctx: typer.Context,
    places: Places = None,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys commuting`; COMMUTING_HELP is its --help, in the run's language."""
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.core.commuting import commuting_table
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.views.commuting import commuting_view

    run = state(ctx)
    area = run.area()
    table = commuting_table(area, resolve_places(area, places or []))
    if table is None:
        message = _("{area} has no commuting.yaml in its data directory").format(area=area.name)
        if (run.source().folder / "commuting.example.yaml").is_file():  # (init wrote it)
            message += _(
                "; copy the commuting.example.yaml there to commuting.yaml and fill in the "
                "area's commuting table"
            )
        raise UsageProblem(message)
    emit(commuting_view(table, area.name), fmt, output, excel=excel, wide=wide, state=run)

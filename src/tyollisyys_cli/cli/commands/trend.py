"""`tyollisyys trend [PLACE...]`: the months held side by side."""

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
    Wide,
)
from tyollisyys_cli.cli.output import client_base_option, emit
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.i18n import _

HELP = _(
    "Unemployed, unemployment rate and clients per advisor for every month held, "
    "per municipality and for the area, with the change since the area's reference "
    "month (the plan's month). Clients per advisor use the staffing written in the "
    "data, so they show where today's caseloads stand against the plan's staffing. "
    "--month YYYY-MM shows the months up to that one."
)


def trend(
    ctx: typer.Context,
    places: Places = None,
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys trend`; HELP is its --help, in the run's language."""
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.trend import trend_table
    from tyollisyys_cli.views.trend import trend_view

    run = state(ctx)
    area = run.area()
    base = client_base_option(client_base, clients_per_unemployed, run)
    table = trend_table(area, resolve_places(area, places or []), base, until=month)
    emit(trend_view(table, area.name), fmt, output, excel=excel, wide=wide, state=run)

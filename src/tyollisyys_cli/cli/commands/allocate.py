"""`tyollisyys allocate`: divide the transferring pool among the service units."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from tyollisyys_cli.cli.errors import UsageProblem
from tyollisyys_cli.cli.options import (
    AllocationMethod,
    ClientBaseKind,
    ClientsPerUnemployed,
    CommandDataDir,
    CommandDebug,
    CommandLang,
    Excel,
    Format,
    IgnoreStated,
    Month,
    Output,
    Pool,
    Step,
    TargetOverride,
    UnemployedChange,
    Wide,
)
from tyollisyys_cli.cli.output import client_base_option, emit
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.cli.whatif import marked, scenario_area, scenario_option
from tyollisyys_cli.i18n import _

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.render.model import TableData


def allocation_data(
    area: Area,
    base: ClientBase,
    *,
    month: str | None,
    pool: float | None,
    step: float,
    method: str,
    ignore_stated: bool,
) -> TableData:
    """The allocation table for `area` as data for a renderer (usage problems raised)."""
    from tyollisyys_cli.core.allocation import allocation_table, default_pool
    from tyollisyys_cli.core.apportion import METHODS, AllocationError
    from tyollisyys_cli.views.allocation import allocation_view

    if method not in METHODS:  # (in any case: options.one_of)
        raise UsageProblem(
            _("unknown method {method!r}; choose {first} or {second}").format(
                method=method, first=METHODS[0], second=METHODS[1]
            )
        )
    source = None
    if pool is None:
        source = default_pool(area)
        if source is None or source.low is None:
            raise UsageProblem(
                _(
                    "{area} states no transferring pool; give --pool FTE, or write it under "
                    "area: in municipalities.yaml, e.g. transfer_pool: {{total_fte: 80, "
                    "customer_work_fte: 40}}"
                ).format(area=area.name)
            )
        pool = source.low
    try:
        table = allocation_table(
            area,
            area.snapshot(month),
            base,
            pool=pool,
            step=step,
            method=method,
            ignore_stated=ignore_stated,
        )
    except AllocationError as exc:
        raise UsageProblem(str(exc)) from None
    return allocation_view(table, area.name, source)


HELP = _(
    "Divide the transferring customer-work staff (the pool) among the service "
    "units, in steps of --step FTE: by default so that the highest clients per advisor "
    "is as low as it can be.\n\n"
    "Each unit receives at least the transfer it states (its floor; --ignore-stated "
    "drops the floors); its own staff count before the division. even-caseload "
    "(default) gives each step to the unit with the highest clients per advisor at "
    "that moment, which minimises the highest caseload; proportional shares the "
    "pool by clients (largest remainder). The table shows each unit's share, its "
    "caseload before and after, and how many more FTE a unit still over its target "
    "would need."
)


def allocate(
    ctx: typer.Context,
    month: Month = None,
    pool: Pool = None,
    step: Step = 0.5,
    method: AllocationMethod = "even-caseload",
    ignore_stated: IgnoreStated = False,
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
    """`tyollisyys allocate`; HELP is its --help, in the run's language."""
    run = state(ctx)
    area = run.area()
    base = client_base_option(client_base, clients_per_unemployed, run)
    scenario = scenario_option(unemployed_change, target)
    table = allocation_data(
        scenario_area(area, scenario, month),
        base,
        month=month,
        pool=pool,
        step=step,
        method=method,
        ignore_stated=ignore_stated,
    )
    emit(marked(table, area, scenario), fmt, output, excel=excel, wide=wide, state=run)

"""`tyollisyys scenario FILE.yaml`: a named what-if scenario side by side with the base case."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyollisyys_cli.cli.completion import choices
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
    Wide,
    file_value,
)
from tyollisyys_cli.cli.output import client_base_option, emit, scales_all_job_seekers
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.i18n import _, every_digit, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.render.model import TableData

TABLES = ("caseload", "staffing", "allocate")


def _caseload(
    area: Area, base: ClientBase, month: str | None, *, by_option: bool = True
) -> TableData:
    from tyollisyys_cli.core.caseload import caseload_table
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.views.caseload import caseload_view

    table = caseload_table(area, resolve_places(area, []), area.snapshot(month), base)
    return caseload_view(table, [], area.name, by_option=by_option)


def _staffing(area: Area, base: ClientBase, month: str | None) -> TableData:
    from tyollisyys_cli.core.places import resolve_places
    from tyollisyys_cli.core.staffing import staffing_table
    from tyollisyys_cli.views.staffing import staffing_view

    table = staffing_table(area, resolve_places(area, []), area.snapshot(month), base)
    return staffing_view(table, area.name)


ScenarioFile = Annotated[
    Path,
    typer.Argument(metavar=_("FILE.yaml"), parser=file_value, help=_("The scenario file.")),
]
Table = Annotated[
    str,
    typer.Option(
        "--table",
        metavar=_("TABLE"),
        help=_("caseload, staffing or allocate."),
        autocompletion=choices(lambda: TABLES),
    ),
]


HELP = _(
    "Run the what-if scenario in FILE.yaml and show a table (--table: caseload, "
    "staffing or allocate) for the base case and the scenario side by side.\n\n"
    "A scenario file has a name and any of: unemployed_change (per cent), target "
    "({min, max}), client_base, clients_per_unemployed, municipalities (an "
    "unemployed_change per municipality) and units (a target per service unit). The "
    "client-base options set the base case; the "
    "scenario keeps them unless its file sets its own."
)


def scenario(
    ctx: typer.Context,
    file: ScenarioFile,
    table: Table = "caseload",
    month: Month = None,
    clients_per_unemployed: ClientsPerUnemployed = 1.0,
    client_base: ClientBaseKind = "unemployed",
    pool: Pool = None,
    step: Step = 0.5,
    method: AllocationMethod = "even-caseload",
    ignore_stated: IgnoreStated = False,
    fmt: Format = "table",
    output: Output = None,
    excel: Excel = False,
    wide: Wide = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys scenario`; HELP is its --help, in the run's language."""
    from tyollisyys_cli.area.scenario_file import change_errors, client_base_error, load_scenario
    from tyollisyys_cli.cli.commands.allocate import allocation_data
    from tyollisyys_cli.core.clients import ClientBaseUnavailable
    from tyollisyys_cli.core.scenario import (
        ScenarioError,
        apply_scenario,
        client_base_for,
        describe,
    )
    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.views.scenario import side_by_side

    if table not in TABLES:
        raise UsageProblem(
            _("unknown table {table!r}; choose one of {tables}").format(
                table=table, tables=", ".join(TABLES)
            )
        )
    run = state(ctx)
    # Given on the command line (or by the environment), even at its default value: an
    # option of the allocation with another table is refused, never ignored.
    allocating = {
        "--pool": "pool",
        "--step": "step",
        "--method": "method",
        "--ignore-stated": "ignore_stated",
    }
    given = [name for name, parameter in allocating.items() if parameter in run.given]
    if given and table != "allocate":
        raise UsageProblem(
            ngettext(
                "{options} applies to --table allocate, not {table}",
                "{options} apply to --table allocate, not {table}",
                len(given),
            ).format(options=", ".join(given), table=table)
        )
    area = run.area()
    base = client_base_option(client_base, clients_per_unemployed, run)
    what_if = load_scenario(file, area, base)
    try:
        changed = area if what_if.is_base else apply_scenario(area, what_if, month)
    except ScenarioError as error:  # the file's change does not fit the month's figures
        raise DataErrors(change_errors(file, area, error.problems), source="scenario") from None
    what_if_base = client_base_for(what_if, base)
    if what_if_base.kind == "job-seekers" and what_if_base.factor != 1:
        factor = every_digit(what_if_base.factor)
        if what_if.sets_factor:  # (as the option's note says of --clients-per-unemployed)
            run.notes.append(
                _(
                    "the scenario's clients_per_unemployed {factor} scales all job seekers, "
                    "who already count more than the unemployed"
                ).format(factor=factor)
            )
        elif base.kind != "job-seekers":  # (the option's factor, on the file's job seekers)
            run.notes.append(scales_all_job_seekers(what_if_base.factor))
    build: Callable[[Area, ClientBase, str | None], TableData]
    if table == "allocate":

        def build_allocation(case: Area, clients: ClientBase, when: str | None) -> TableData:
            return allocation_data(
                case,
                clients,
                month=when,
                pool=pool,
                step=step,
                method=method,
                ignore_stated=ignore_stated,
            )

        build = build_allocation
    else:
        build = _caseload if table == "caseload" else _staffing
    base_data = build(area, base, month)
    if build is _caseload and what_if.sets_factor:  # (the file's, not the option's)
        build = partial(_caseload, by_option=False)
    try:
        what_if_data = build(changed, what_if_base, month)
    except ClientBaseUnavailable:
        if what_if_base.kind == base.kind:
            raise
        # The file's own client_base asks for what the statistics do not hold.
        raise DataErrors([client_base_error(file)], source="scenario") from None
    emit(
        side_by_side(base_data, what_if_data, name=what_if.name, changes=describe(area, what_if)),
        fmt,
        output,
        excel=excel,
        wide=wide,
        state=run,
        inputs=[file],
    )

"""The caseload table: clients per advisor per service unit against the target band."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.core.caseload import AGAINST_BAND, CaseloadRow, CaseloadTable, ImpliedFactor
from tyollisyys_cli.i18n import N_, _, in_english, month, short
from tyollisyys_cli.render.model import Column, Label, RowStyle, TableData, with_decimals
from tyollisyys_cli.render.text import telling_decimals
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.incomplete import (
    WITH_POOL,
    incomplete_notes,
    plan_staffing_note,
    unstaffed_note,
)
from tyollisyys_cli.views.labels import area_row_name

if TYPE_CHECKING:
    from tyollisyys_cli.models.amounts import Target

COLUMNS = (
    Column("unit", N_("Unit"), "text", description=N_("service unit or municipality")),
    Column(
        "served_by",
        N_("Served by"),
        "text",
        description=N_("unit serving a member municipality"),
        # (the unit's whole name, which a script joins to the unit's row; the tables for
        # people indent the members under their unit instead)
        people=False,
    ),
    Column("labour_force", N_("Labour force"), "int", give_way=5),
    Column("unemployed", N_("Unemployed"), "int", give_way=3),
    # Gives way last: after the unemployed, whom the default client base equals.
    Column(
        "clients",
        N_("Clients"),
        "number",
        0,
        N_("clients in the chosen client base"),
        give_way=1,
    ),
    Column("caseload_fte", N_("Caseload FTE"), "span", 1, N_("FTE carrying a personal caseload")),
    Column("clients_per_advisor", N_("Clients / advisor"), "span", 0),
    Column("target", N_("Target"), "text", description=N_("target as stated, e.g. 100–150")),
    Column(
        "status",
        N_("Caseload status"),
        "text",
        description=N_(
            "under, within or over the target band; under or within, within or over, or "
            "under to over where the caseload's range reaches across an end of it; or no "
            "target, no staffing, no caseload staff, staffing incomplete"
        ),
        coded=True,
    ),
    dataclasses.replace(WITH_POOL, give_way=2),
    Column("position", N_("Against target"), "bar"),
)

BAR_WIDTH = 17


def target_text(target: Target | None) -> Label | None:
    """The target as stated: English in data formats (`100–150 avg`), in the run's
    language for people (`100–150 keskim.`)."""
    if target is None:
        return None
    with in_english():
        code = target.describe()
    return Label(code, target.describe())


def position_bar(caseload: Span | None, target: Target | None, width: int = BAR_WIDTH) -> str:
    """A small picture: the target band as `[===]` on a scale, the caseload as `●`, and
    a caseload that is a range as `─` where it runs outside the band (100–135 against
    90–120, `········[=●]─····`, read as within without its tail; an upper bound, `≤ 30`,
    runs from 0).

    The scale runs from 0 to 1.5 × the band's top (or the caseload, if higher).
    """
    if caseload is None or target is None or caseload.midpoint is None:
        return ""
    band = target.band()
    top = band.high if band.high is not None else (band.low or 0) * 1.5
    scale = max(top * 1.5, caseload.midpoint * 1.05, 1.0)

    def at(value: float) -> int:
        return min(width - 1, max(0, round(value / scale * (width - 1))))

    cells = ["·"] * width
    low = at(band.low) if band.low is not None else 0
    high = at(band.high) if band.high is not None else low
    for i in range(low, high + 1):
        cells[i] = "="
    cells[low] = "[" if band.low is not None else cells[low]
    cells[high] = "]"
    if caseload.low != caseload.high:
        start = at(caseload.low) if caseload.low is not None else 0
        end = at(caseload.high) if caseload.high is not None else width - 1
        for i in range(start, end + 1):
            cells[i] = "─" if cells[i] == "·" else cells[i]
    cells[at(caseload.midpoint)] = "●"
    return "".join(cells)


def against_band(caseload: Span | None, target: Target | None) -> list[tuple[float, float]]:
    """Each known end of `caseload` paired with each end of its target band: what its
    status compares, and what its figure must show (`telling_decimals`)."""
    if caseload is None or target is None:
        return []
    band = target.band()
    return [
        (end, edge)
        for end in (caseload.low, caseload.high)
        if end is not None
        for edge in (band.low, band.high)
        if edge is not None
    ]


def caseload_decimals(rows: Iterable[CaseloadRow], decimals: int = 0) -> int:
    """The decimals to show clients per advisor with: `decimals`, or more where so few
    would hide which side of an end of its band a caseload is on (110.3 is over 90–110,
    but `110` reads as within): a status never contradicts the figure beside it."""
    pairs = [
        pair
        for row in rows
        if row.status in AGAINST_BAND
        for pair in against_band(row.clients_per_advisor, row.target)
    ]
    return telling_decimals(pairs, decimals)


def clients_decimals(clients: Iterable[float | None], caseload: int) -> int:
    """The decimals of the clients beside clients per advisor shown to `caseload`
    decimals: none, or as many where a scaled client base is not whole (`599.982`
    beside `99.997`, where `600` would read as 100 clients per advisor)."""
    whole = all(c is None or float(c).is_integer() for c in clients)
    return 0 if whole else caseload


def _row(row: CaseloadRow, area_name: str) -> dict[str, Any]:
    return {
        # the table view indents member rows (row style "member")
        "unit": area_row_name(row.name, area_name) if row.level == "area" else row.name,
        "served_by": row.served_by,
        "labour_force": row.labour_force,
        "unemployed": row.unemployed,
        "clients": row.clients,
        "caseload_fte": row.fte,
        "clients_per_advisor": row.clients_per_advisor,
        "target": target_text(row.target),
        "status": row.status,
        "clients_per_advisor_with_pool": row.with_pool,
        # An incomplete unit's caseload is not set against its target (see its status).
        "position": ""
        if row.status == "staffing incomplete"
        else position_bar(row.clients_per_advisor, row.target),
    }


def caseload_view(
    table: CaseloadTable,
    factors: list[ImpliedFactor],
    area_name: str,
    *,
    by_option: bool = True,
) -> TableData:
    """The caseload table. `by_option`: the client base is the command line's, and the
    notes say which option changes it (not for a report's reader, nor for a client base
    that a scenario file sets). `factors`: what the plan's statements imply, said as the
    option's value (a report or a scenario passes none)."""
    rows = [_row(r, area_name) for r in [*table.rows, table.area_row]]
    styles: list[RowStyle] = [("member" if r.level == "member" else "normal") for r in table.rows]
    styles.append("total")
    clients = table.client_base.describe(table.month)
    scaled = table.client_base.kind == "unemployed"  # (all job seekers are the broad base)
    notes = [
        _("Clients: {clients}. Change with --clients-per-unemployed FACTOR.").format(
            clients=clients
        )
        if scaled and by_option
        else _("Clients: {clients}.").format(clients=clients)
    ]
    notes.extend(plan_staffing_note(table.month, table.plan_month))
    notes.extend(incomplete_notes(table.incomplete, table.shares, by_option=by_option))
    notes.extend(unstaffed_note(table.unstaffed))
    for factor in factors if scaled else []:
        said = (
            _(
                "The plan's {place} statement (about {claimed} clients per advisor at {fte} "
                "FTE, {clients} clients) implies --clients-per-unemployed {factor} over "
                "{unemployed} unemployed in the plan's month."
            )
            if factor.month is None
            else _(
                "The plan's {place} statement (about {claimed} clients per advisor at {fte} "
                "FTE, {clients} clients) implies --clients-per-unemployed {factor} over "
                "{unemployed} unemployed in {month}, the month it is of."
            )
        )
        notes.append(
            said.format(
                place=factor.place,
                claimed=short(factor.claimed_per_advisor),
                fte=short(factor.fte),
                clients=short(factor.clients),
                factor=f"{factor.factor:.2f}",  # an option's value: as it is typed
                unemployed=factor.unemployed,
                month=month(factor.month) if factor.month else "",
            )
        )
    return TableData(
        name="caseload",
        title=_("Caseload, {area}, {month} — clients: {clients}").format(
            area=area_name, month=month(table.month), clients=clients
        ),
        columns=with_decimals(
            COLUMNS,
            {
                "clients_per_advisor": (decimals := caseload_decimals(table.rows)),
                "clients": clients_decimals((r.clients for r in table.rows), decimals),
            },
        ),
        rows=rows,
        styles=styles,
        notes=notes,
        metadata={
            "month": table.month,
            "client_base": table.client_base.kind,
            "clients_per_unemployed": table.client_base.factor,
        },
    )

"""The allocation table: each unit's share of the transferring pool, before and after."""

from __future__ import annotations

import math
from typing import Any

from tyollisyys_cli.core.allocation import AllocationRow, AllocationTable
from tyollisyys_cli.core.caseload import AGAINST_BAND
from tyollisyys_cli.i18n import N_, _, month, ngettext, number, short
from tyollisyys_cli.render.model import Column, Label, TableData, with_decimals, with_total_row
from tyollisyys_cli.render.records import kept_digits
from tyollisyys_cli.render.text import span, telling_decimals
from tyollisyys_cli.values import Span, as_written
from tyollisyys_cli.views.caseload import against_band, clients_decimals, target_text
from tyollisyys_cli.views.incomplete import plan_staffing_note
from tyollisyys_cli.views.labels import area_row_name

COLUMNS = (
    Column("unit", N_("Unit")),
    Column("clients", N_("Clients"), "number", 0, N_("clients in the chosen client base")),
    Column("target", N_("Target"), description=N_("clients per advisor aimed at")),
    Column(
        "own_fte",
        N_("Own FTE"),
        "number",
        1,
        N_("caseload FTE not from the pool (lower bound)"),
        give_way=4,
    ),
    Column(
        "stated_fte",
        N_("Stated transfer"),
        "number",
        1,
        N_("transferring caseload FTE the unit states (lower bound); its floor"),
        give_way=5,
    ),
    Column("allocated_fte", N_("Allocated FTE"), "number", 1, N_("the unit's share of the pool")),
    Column("total_fte", N_("Total FTE"), "number", 1, N_("own FTE + allocated FTE"), give_way=2),
    Column(
        "clients_per_advisor_before",
        N_("Clients / advisor before"),
        "number",
        0,
        N_("clients / (own FTE + floor)"),
        give_way=3,
    ),
    Column(
        "clients_per_advisor_after",
        N_("Clients / advisor after"),
        "number",
        0,
        N_("clients / total FTE"),
    ),
    Column(
        "status",
        N_("Caseload status"),
        description=N_(
            "after the allocation: under, within or over the target band, or no target, no "
            "staffing, staffing incomplete (its own staff not filled in: not set against the "
            "target)"
        ),
        coded=True,
    ),
    Column(
        "more_fte_needed",
        N_("More FTE needed"),
        "number",
        2,
        N_("FTE still missing to reach the top of the target band"),
        give_way=1,
    ),
)

METHOD_TEXT = {
    "even-caseload": N_(
        "even caseload (each step to the unit with the highest clients per "
        "advisor; ties to the lowest unit id)"
    ),
    "proportional": N_(
        "proportional to clients (largest remainder, in whole steps; a unit "
        "never gets less than its floor)"
    ),
}
#: The methods without floors (--ignore-stated).
METHOD_TEXT_NO_FLOORS = {
    **METHOD_TEXT,
    "proportional": N_("proportional to clients (largest remainder, in whole steps)"),
}


#: The FTE columns: shown with as many decimals as the step and the pool need.
_FTE_COLUMNS = {"own_fte", "stated_fte", "allocated_fte", "total_fte"}
#: The caseloads before and after: shown with as many as their statuses need.
_CASELOAD_COLUMNS = {"clients_per_advisor_before", "clients_per_advisor_after"}


def fte_decimals(*amounts: float) -> int:
    """The decimals that show each of `amounts` whole (at least 1, at most 6): a pool of
    40.25 in steps of 0.25 is not shown as 40.2 over units that add up to 40.3."""
    return min(6, max(1, *(as_written(amount, None).decimals for amount in amounts)))


def steps_needed(fte: float, step: float) -> float:
    """`fte` rounded up to whole steps (as FTE)."""
    return math.ceil(round(fte / step, 9)) * step


def _row(row: AllocationRow, name: str | Label) -> dict[str, Any]:
    return {
        "unit": name,
        "clients": row.clients,
        "target": target_text(row.target),
        # (empty where the staffing is not written: counted as none, but not known 0;
        # the area's where no unit's is)
        "own_fte": row.own_fte if row.staffing_known else None,
        "stated_fte": row.stated_fte if row.transfer_stated else None,
        "allocated_fte": row.allocated_fte,
        "total_fte": row.total_fte,
        "clients_per_advisor_before": row.before,
        "clients_per_advisor_after": row.after,
        "status": row.status,
        "more_fte_needed": row.more_fte_needed,
    }


def _pool_text(pool: float, source: Span | None, decimals: int) -> str:
    if source is None:
        return _("{pool} FTE (--pool)").format(pool=number(pool, decimals))
    return _("{pool} FTE, the plan's transferring customer-work pool ({stated})").format(
        pool=number(pool, decimals), stated=span(source, 1)
    )


def allocation_view(table: AllocationTable, area_name: str, pool_source: Span | None) -> TableData:
    """The table for people and data formats.

    `pool_source` is the plan's pool as stated, when the pool was not given as --pool.
    """
    rows = [_row(r, r.name) for r in table.rows]
    rows.append(_row(table.area_row, area_row_name(table.area_row.name, area_name)))
    decimals = fte_decimals(
        table.pool, table.step, *(fte for r in table.rows for fte in (r.own_fte, r.stated_fte))
    )
    pool = _pool_text(table.pool, pool_source, decimals)
    if table.ignore_stated:
        said = _(
            "Pool: {pool}, in steps of {step} FTE; no floors (--ignore-stated: stated "
            "transfers are not counted)."
        )
    else:
        said = _(
            "Pool: {pool}, in steps of {step} FTE; each unit gets at least its stated transfer."
        )
    notes = [
        said.format(pool=pool, step=short(table.step)),
        _("Method: {method}.").format(
            method=_((METHOD_TEXT_NO_FLOORS if table.ignore_stated else METHOD_TEXT)[table.method])
        ),
        _("Clients: {clients}.").format(clients=table.client_base.describe(table.month)),
        *plan_staffing_note(table.month, table.plan_month),
    ]
    unknown = [r.name for r in table.rows if not r.staffing_known]
    if unknown:
        notes.append(
            ngettext(
                "Staffing not filled in, counted as no own staff: {units}. Its clients per "
                "advisor count only its share of the pool (at most as shown), so they are "
                "not set against a target (staffing incomplete).",
                "Staffing not filled in, counted as no own staff: {units}. Their clients "
                "per advisor count only their share of the pool (at most as shown), so "
                "they are not set against a target (staffing incomplete).",
                len(unknown),
            ).format(units=", ".join(unknown))
        )
    ranges = [r.name for r in table.rows if r.fte_counted_low]  # (Sotkamo too: no target)
    if ranges:
        notes.append(
            _(
                "Staffing stated as a range or as at least so much ({units}) counts its "
                "lower end here; caseload and staffing set the whole range against the "
                "target (within or over, where it reaches across an end of the band)."
            ).format(units=", ".join(ranges))
        )
    # More FTE needed is above 0 where a unit stays over: never written `0.00`.
    needed = telling_decimals(
        [(r.more_fte_needed, 0.0) for r in table.rows if r.more_fte_needed is not None], 2
    )
    over = table.over_target
    if over:
        needs = "; ".join(
            _("{unit} needs {fte} more FTE ({steps} FTE in whole steps of {step})").format(
                unit=r.name,
                fte=number(r.more_fte_needed or 0, needed),
                steps=short(steps_needed(r.more_fte_needed or 0, table.step)),
                step=short(table.step),
            )
            for r in over
        )
        notes.append(_("Still over target after the pool is spent: {needs}.").format(needs=needs))
    elif any(r.target is not None for r in table.rows):
        notes.append(_("No unit stays over its target after the pool is spent."))
    else:  # (no target at all: nothing can be said to be met)
        notes.append(
            _(
                "No unit has a target, so no caseload can be set against one: fill in the "
                "targets in municipalities.yaml."
            )
        )
    # The caseload after, beside its status, never rounded into contradicting it; the
    # caseload before with the same decimals (`100` → `100.3` read as made worse).
    caseload = telling_decimals(
        [
            pair
            for row in table.rows
            if row.status in AGAINST_BAND and row.after is not None
            for pair in against_band(Span.exact(row.after), row.target)
        ],
        0,
    )
    return TableData(
        name="allocation",
        title=_("Allocation of the transferring pool, {area}, {month}").format(
            area=area_name, month=month(table.month)
        ),
        columns=with_decimals(
            COLUMNS,
            {
                **dict.fromkeys(_FTE_COLUMNS, decimals),
                **dict.fromkeys(_CASELOAD_COLUMNS, caseload),
                "clients": clients_decimals((r.clients for r in table.rows), caseload),
                "more_fte_needed": needed,
            },
        ),
        rows=rows,
        styles=with_total_row(len(table.rows)),
        notes=notes,
        metadata={
            "month": table.month,
            "client_base": table.client_base.kind,
            "clients_per_unemployed": table.client_base.factor,
            "method": table.method,
            "pool_fte": table.pool,
            "step_fte": table.step,
            "ignore_stated": table.ignore_stated,
            "over_target": [
                {
                    "unit": r.unit_id,
                    "name": r.name,
                    # (as the rows keep it: no float noise, 3.6152266666666684)
                    "more_fte_needed": kept_digits(r.more_fte_needed or 0, needed),
                }
                for r in over
            ],
        },
    )

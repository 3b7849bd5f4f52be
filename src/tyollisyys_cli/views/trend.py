"""The trend table: one row per place and month, with the change since the plan's month."""

from __future__ import annotations

from typing import Any

from tyollisyys_cli.core.trend import TrendPoint, TrendSeries, TrendTable
from tyollisyys_cli.render.model import Column, RowStyle, TableData
from tyollisyys_cli.views.incomplete import WITH_POOL, incomplete_notes

COLUMNS = (
    Column("code", "Code", give_way=5),
    Column("municipality", "Municipality"),
    Column("month", "Month"),
    Column("unemployed", "Unemployed", "int"),
    Column(
        "unemployed_change",
        "Δ unemployed",
        "int",
        description="since the reference month",
        give_way=3,
    ),
    Column("rate", "Rate %", "number", 1, "unemployed / labour force × 100, computed"),
    Column(
        "rate_change",
        "Δ rate",
        "number",
        1,
        "percentage points since the reference month",
        give_way=4,
    ),
    Column("clients_per_advisor", "Clients / advisor", "span", 0, "over the staffing held"),
    Column(
        "clients_per_advisor_change",
        "Δ clients / advisor",
        "span",
        0,
        "since the reference month",
        give_way=2,
    ),
    Column(
        "status",
        "Staffing",
        description="staffing incomplete where the plan leaves the unit's transfer unstated",
        give_way=1,
    ),
    WITH_POOL,
)


def _row(series: TrendSeries, point: TrendPoint) -> dict[str, Any]:
    figures = point.figures
    return {
        "code": series.code,
        "municipality": series.name,
        "month": point.month,
        "unemployed": figures.unemployed,
        "unemployed_change": point.change_unemployed,
        "rate": figures.rate,
        "rate_change": point.change_rate,
        "clients_per_advisor": figures.clients_per_advisor,
        "clients_per_advisor_change": point.change_clients_per_advisor,
        "status": "staffing incomplete" if figures.incomplete else None,
        "clients_per_advisor_with_pool": figures.with_pool,
    }


def _open_ended(point: TrendPoint) -> bool:
    """Whether the point's change in clients per advisor is over an FTE with no top."""
    fte = point.figures.fte
    return point.change_clients_per_advisor is not None and fte is not None and fte.high is None


def trend_view(table: TrendTable, area_name: str) -> TableData:
    rows: list[dict[str, Any]] = []
    styles: list[RowStyle] = []
    for series in table.series:
        for point in series.points:
            rows.append(_row(series, point))
            styles.append("normal")
    for i, point in enumerate(table.area_series.points):
        rows.append(_row(table.area_series, point))
        styles.append("total" if i == 0 else "normal")
    notes = [
        f"Months held: {', '.join(table.months)}. Changes (Δ) are since {table.reference_month}, "
        "the area's reference month; rate changes are in percentage points.",
        f"Clients per advisor: {table.client_base.describe('each month')} over the "
        "caseload-carrying FTE of the staffing held; empty where the staffing is not "
        "filled in or the month lacks the client count.",
    ]
    if any(_open_ended(point) for series in table.series for point in series.points) or any(
        _open_ended(point) for point in table.area_series.points
    ):
        notes.append(
            "Where the FTE is only a lower bound (≥), Δ clients / advisor runs from 0 (the "
            "more FTE, the smaller the change) to the change at the lowest FTE."
        )
    notes.extend(incomplete_notes(table.incomplete, table.shares, month=table.months[-1]))
    for unit, members in table.shared_units.items():
        notes.append(f"{', '.join(members)}: clients per advisor of the service unit {unit}.")
    return TableData(
        name="trend",
        title=f"Trend, {area_name}, since {table.reference_month}",
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=notes,
        metadata={
            "reference_month": table.reference_month,
            "months": table.months,
            "client_base": table.client_base.kind,
            "clients_per_unemployed": table.client_base.factor,
        },
    )

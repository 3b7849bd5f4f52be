"""The sections of the page after the summary, in the order a reader needs them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.render.text import number, span
from tyollisyys_cli.report import charts, place_charts, trend_chart
from tyollisyys_cli.report.content import Figure, Section, signed
from tyollisyys_cli.report.tables import Header, Row, Table, from_view
from tyollisyys_cli.views.caseload import caseload_view
from tyollisyys_cli.views.commuting import commuting_view
from tyollisyys_cli.views.staffing import staffing_view
from tyollisyys_cli.views.trend import trend_view
from tyollisyys_cli.views.unemployment import unemployment_view

if TYPE_CHECKING:
    from tyollisyys_cli.core.trend import TrendPoint
    from tyollisyys_cli.report.records import ReportRecords
    from tyollisyys_cli.values import Span


def caseload_section(records: ReportRecords) -> Section:
    units = [row for row in records.caseload.rows if row.level == "unit"]
    view = caseload_view(records.caseload, records.implied_factors, records.area_name)
    table = from_view(
        view,
        table_id="table-caseload",
        caption="Figures of the chart: clients per advisor per service unit (members indented)",
        keys=(
            "unit",
            "clients",
            "caseload_fte",
            "clients_per_advisor",
            "target",
            "status",
        ),
        keep=lambda _values, style: style != "total",
    )
    figure = Figure(
        id="figure-caseload",
        caption=(
            f"Clients per advisor in each service unit, end of {records.month}, against the "
            "unit's target band (shaded). The caseload is a dot within the band, a triangle "
            "pointing right over it and left under it; a line spans a range. "
            "Grey, hollow and dashed: the data are not complete (staffing marked incomplete, "
            "with the caseload the unit would have with its part of the unassigned "
            "transferring pool in brackets; staffing given only as "
            "a lower bound, no target or no staffing)."
        ),
        svg=charts.caseload_chart(units, label="caption-figure-caseload"),
        table=table,
        missing="No unit has both staffing and a target yet: fill them in municipalities.yaml.",
    )
    area = records.caseload.area_row
    intro = [
        f"Clients: {records.caseload.client_base.describe(records.month)}. Caseload = "
        "clients / FTE that carry a personal caseload; the status is within when the "
        "caseload (or its range) meets the target band.",
    ]
    if area.clients_per_advisor is not None and area.fte is not None:
        intro.append(
            f"The whole area: {number(area.clients, 0)} clients over {span(area.fte, 1)} "
            f"caseload FTE, {span(area.clients_per_advisor, 0)} clients per advisor."
        )
    return Section("caseload", "Caseload against the targets", intro, [figure], notes=view.notes)


def staffing_section(records: ReportRecords) -> Section:
    view = staffing_view(records.staffing, records.area_name)
    figure = Figure(
        id="figure-gap",
        caption=(
            f"Staffing gap per service unit, end of {records.month}: planned caseload FTE "
            "less the FTE needed to bring the caseload into the target band, in FTE. "
            "Red: short at either end of the band; green: enough; amber: depends on the "
            "band's end; hatched: open-ended (staffing given as at least); grey and "
            "hatched: staffing marked incomplete, so its gap is not a real shortage."
        ),
        svg=charts.gap_chart(records.staffing.rows, label="caption-figure-gap"),
        table=from_view(view, table_id="table-staffing", caption="Figures of the chart"),
        missing="No unit has both staffing and a target yet, so no gap can be computed.",
    )
    return Section("staffing", "Staffing gaps", [], [figure], notes=view.notes)


def unemployment_section(records: ReportRecords) -> Section:
    view = unemployment_view(records.unemployment, records.area_name)
    figure = Figure(
        id="figure-rate",
        caption=(
            f"Unemployment rate by municipality, end of {records.month}, in per cent of the "
            "labour force: computed from the counts (bars) beside the rate as published "
            "(diamonds). The area's rate is computed from the summed counts."
        ),
        svg=place_charts.rate_chart(records.unemployment, label="caption-figure-rate"),
        table=from_view(
            view,
            table_id="table-unemployment",
            caption="Figures of the chart",
            keys=("code", "municipality", "labour_force", "unemployed", "rate", "rate_published"),
        ),
        missing="No municipality has a labour force to compute a rate from.",
    )
    groups = from_view(
        view,
        table_id="table-groups",
        caption="Groups of the unemployed: count (% of the unemployed)",
        keys=(
            "municipality",
            "unemployed",
            "under_25",
            "over_50",
            "long_term",
            "disabled_or_ill",
            "foreign",
        ),
    )
    return Section(
        "unemployment",
        "Unemployment by municipality",
        [f"Source: {records.unemployment.source}."],
        [figure],
        [groups],
        view.notes[1:],
    )


_TRENDS = (
    ("unemployed", "Unemployed job seekers", "Unemployed job seekers (persons)", 0),
    ("rate", "Unemployment rate", "Unemployment rate (%)", 1),
    ("clients-per-advisor", "Clients per advisor", "Clients per advisor", 0),
)


def _trend_value(point: TrendPoint, name: str) -> float | Span | None:
    figures = point.figures
    if name == "unemployed":
        return figures.unemployed
    if name == "rate":
        return figures.rate
    return figures.clients_per_advisor


def _trend_change(point: TrendPoint, name: str, decimals: int) -> str:
    if name == "unemployed":
        change: float | Span | None = point.change_unemployed
    elif name == "rate":
        change = point.change_rate
    else:
        change = point.change_clients_per_advisor
    if change is None:
        return ""
    if isinstance(change, float | int):
        return signed(change, decimals)
    return span(change, decimals)


def _text(value: float | Span | None, decimals: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int):
        return number(value, decimals)
    return span(value, decimals)


def trend_section(records: ReportRecords) -> Section:
    trend = records.trend
    points = trend.area_series.points
    title = f"Trend since {trend.reference_month}"
    if len(trend.months) < 2:
        return Section(
            "trend",
            title,
            [
                f"The data hold only {_months(trend.months)}: the trend needs more months. "
                "Add the official statistics of a month with `tyollisyys import statfin FILE`."
            ],
        )
    figures = []
    for name, what, ylabel, decimals in _TRENDS:
        values = [(point.month, _trend_value(point, name)) for point in points]
        unit = " (percentage points)" if name == "rate" else ""
        figures.append(
            Figure(
                id=f"figure-trend-{name}",
                caption=(
                    f"{what} in the whole area, each month held, {trend.months[0]} to "
                    f"{trend.months[-1]}; the change is since {trend.reference_month}{unit}."
                    + (" Hollow dots: a range or a bound." if name == "clients-per-advisor" else "")
                ),
                svg=trend_chart.trend_chart(
                    values, name=name, ylabel=ylabel, label=f"caption-figure-trend-{name}"
                ),
                table=Table(
                    id=f"table-trend-{name}",
                    caption="Figures of the chart",
                    headers=[Header("Month"), Header(ylabel, True), Header("Change", True)],
                    rows=[
                        Row([p.month, _text(v, decimals), _trend_change(p, name, decimals)])
                        for p, (_, v) in zip(points, values, strict=True)
                    ],
                ),
                missing="Fewer than two months have this figure (staffing not filled in?).",
            )
        )
    view = trend_view(trend, records.area_name)
    by_place = from_view(
        view,
        table_id="table-trend",
        caption="Each municipality, each month held",
        keys=(
            "municipality",
            "month",
            "unemployed",
            "unemployed_change",
            "rate",
            "rate_change",
            "clients_per_advisor",
            "clients_per_advisor_change",
        ),
    )
    return Section("trend", title, [], figures, [by_place], view.notes)


def _months(months: list[str]) -> str:
    if not months:
        return "no month"
    return "the month " + months[0] if len(months) == 1 else "the months " + ", ".join(months)


def commuting_section(records: ReportRecords) -> Section:
    title = "Commuting and job self-sufficiency"
    table = records.commuting
    if table is None:
        return Section(
            "commuting",
            title,
            ["The data hold no commuting table (commuting.yaml) for this area."],
        )
    view = commuting_view(table, records.area_name)
    figure = Figure(
        id="figure-self-sufficiency",
        caption=(
            "Job self-sufficiency by municipality: jobs in the municipality per 100 employed "
            "residents, computed from the commuting counts (bars) beside the published "
            "figure (diamonds). Above 100 % (dashed line) a municipality has more jobs than "
            "employed residents."
        ),
        svg=place_charts.self_sufficiency_chart(table, label="caption-figure-self-sufficiency"),
        table=from_view(view, table_id="table-commuting", caption="Figures of the chart"),
        missing="No municipality has employed residents to compute from.",
    )
    return Section("commuting", title, [], [figure], notes=view.notes)

"""The sections of the page after the summary, in the order a reader needs them."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from tyollisyys_cli.core.trend import months_not_held
from tyollisyys_cli.i18n import N_, _, month, month_end, ngettext, number
from tyollisyys_cli.render.text import signed, span
from tyollisyys_cli.report import charts, place_charts, trend_chart
from tyollisyys_cli.report.content import Figure, Section
from tyollisyys_cli.report.tables import Header, Row, Table, from_view
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.caseload import caseload_view
from tyollisyys_cli.views.commuting import commuting_view
from tyollisyys_cli.views.staffing import staffing_view
from tyollisyys_cli.views.trend import trend_view
from tyollisyys_cli.views.unemployment import unemployment_view

if TYPE_CHECKING:
    from tyollisyys_cli.core.trend import TrendPoint, TrendSeries
    from tyollisyys_cli.report.records import ReportRecords


def caseload_section(records: ReportRecords) -> Section:
    units = [row for row in records.caseload.rows if row.level == "unit"]
    caseload = records.caseload
    if records.places and caseload.incomplete:
        # A page of places shows their units only (not the area's row): the notes speak
        # of the incomplete units among them, not of the others (Kuhmo's page explained
        # Kajaani's and Taivalkoski's staffing).
        shown = {row.unit_id for row in units}
        kept = [unit for unit in caseload.incomplete if unit.unit_id in shown]
        caseload = dataclasses.replace(caseload, incomplete=kept or None)
    # (what the plan's statements imply is said once, in the notes on the method)
    view = caseload_view(caseload, [], records.area_name, by_option=False)
    table = from_view(
        view,
        table_id="table-caseload",
        caption=(
            _("clients per advisor per service unit (members indented)")
            if any(view.style(i) == "member" for i in range(len(view.rows)))
            else _("clients per advisor per service unit")  # (an area of no shared unit)
        ),
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
        caption=_(
            "Clients per advisor in each service unit, end of {month}, against the "
            "unit's target band (shaded). The caseload is a dot within the band, a triangle "
            "pointing right over it and left under it; a line spans a range, and a brown "
            "diamond marks a range across an end of the band; an arrow at the axis's end, a "
            "caseload off the scale. "
            "Grey, hollow and dashed: the data are not complete (staffing marked incomplete, "
            "with the caseload the unit would have with its part of the unassigned "
            "transferring pool in brackets; staffing given only as "
            "a lower bound, no target or no staffing)."
        ).format(month=month_end(records.month)),
        svg=charts.caseload_chart(units, label="caption-figure-caseload"),
        table=table,
        missing=_(
            "No unit has both staffing and a target in the data yet, so no caseload can "
            "be set against a target."
        ),
    )
    area = records.caseload.area_row
    intro = [
        _(
            "Clients: {base}. Caseload = clients / FTE that carry a personal caseload; a "
            "caseload is under, within or over the target band where the whole of it (or of "
            "its range) is, and within or over, under or within, or under to over where its "
            "range reaches across an end of the band (or both)."
        ).format(base=records.caseload.client_base.describe(records.month)),
    ]
    if area.clients_per_advisor is not None and area.fte is not None:
        intro.append(
            _(
                "The whole area: {clients} clients over {fte} caseload FTE, "
                "{clients_per_advisor} clients per advisor."
            ).format(
                clients=number(area.clients, 0),
                fte=span(area.fte, 1),
                clients_per_advisor=span(area.clients_per_advisor, 0),
            )
        )
    return Section("caseload", _("Caseload against the targets"), intro, [figure], notes=view.notes)


def staffing_section(records: ReportRecords) -> Section:
    view = staffing_view(records.staffing, records.area_name, by_option=False)
    figure = Figure(
        id="figure-gap",
        caption=_(
            "Staffing gap per service unit, end of {month}: planned caseload FTE "
            "less the FTE needed to bring the caseload into the target band, in FTE. "
            "Red: short at either end of the band; green: enough (under a target with no "
            "lower end, such as under 100, a bar from 0: the FTE to spare, or to add where "
            "red); brown: depends on the "
            "band's end; hatched: open-ended (staffing given as at least); grey and "
            "hatched: staffing marked incomplete, so its gap is not a real shortage."
        ).format(month=month_end(records.month)),
        svg=charts.gap_chart(records.staffing.rows, label="caption-figure-gap"),
        table=from_view(
            view, table_id="table-staffing", caption=_("staffing gap per service unit")
        ),
        missing=_("No unit has both staffing and a target yet, so no gap can be computed."),
    )
    if figure.svg is None and all(row.planned_fte is None for row in records.staffing.rows):
        # (no staffing at all, as in an area `init` made: its table repeated the
        # caseload section's units and clients, "no staffing" in each row)
        figure = dataclasses.replace(figure, table=None)
    return Section("staffing", _("Staffing gaps"), [], [figure], notes=view.notes)


def unemployment_section(records: ReportRecords) -> Section:
    view = unemployment_view(records.unemployment, records.area_name)
    figure = Figure(
        id="figure-rate",
        caption=_(
            "Unemployment rate by municipality, end of {month}, in per cent of the "
            "labour force: computed from the counts (bars) beside the rate as published "
            "(diamonds). The area's rate is computed from the summed counts."
        ).format(month=month_end(records.month)),
        svg=place_charts.rate_chart(records.unemployment, label="caption-figure-rate"),
        table=from_view(
            view,
            table_id="table-unemployment",
            caption=_("unemployment rate by municipality"),
            keys=("code", "municipality", "labour_force", "unemployed", "rate", "rate_published"),
        ),
        missing=_("No municipality has a labour force to compute a rate from."),
    )
    groups = from_view(
        view,
        table_id="table-groups",
        caption=_("Groups of the unemployed: count (% of the unemployed)"),
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
        _("Unemployment by municipality"),
        view.notes[:1],  # (the source, in the run's language)
        [figure],
        [groups],
        view.notes[1:],
    )


#: Each trend chart: its name, what it shows, its axis label, its decimals.
_TRENDS = (
    # (an axis label no longer than the chart is high: "… (persons" was cut off)
    ("unemployed", N_("Unemployed job seekers"), N_("Unemployed (persons)"), 0),
    ("rate", N_("Unemployment rate"), N_("Unemployment rate (%)"), 1),
    ("clients-per-advisor", N_("Clients per advisor"), N_("Clients per advisor"), 0),
)

#: What each trend chart's table holds, after "Figures of the chart: ".
_TREND_SUBJECTS = {
    "unemployed": N_("unemployed job seekers {where}"),
    "rate": N_("unemployment rate {where}"),
    "clients-per-advisor": N_("clients per advisor {where}"),
}

#: The trend charts' captions, by chart.
_TREND_CAPTIONS = {
    "unemployed": N_(
        "{what} {where}, each month held, {first} to {last}; the change is since {reference}."
    ),
    "rate": N_(
        "{what} {where}, each month held, {first} to {last}; the change is "
        "since {reference} (percentage points)."
    ),
    "clients-per-advisor": N_(
        "{what} {where}, each month held, {first} to {last}; the change is "
        "since {reference}. Hollow dots: a range or a bound."
    ),
}


#: The same, when the reference month is not among the months shown (a `--month`
#: before it, or a reference month not held).
_TREND_CAPTIONS_WITHOUT_REFERENCE = {
    "unemployed": N_(
        "{what} {where}, each month held, {first} to {last}; no change is "
        "shown: the reference month {reference} is not among them."
    ),
    "clients-per-advisor": N_(
        "{what} {where}, each month held, {first} to {last}; no change is "
        "shown: the reference month {reference} is not among them. Hollow dots: a range "
        "or a bound."
    ),
}
_TREND_CAPTIONS_WITHOUT_REFERENCE["rate"] = _TREND_CAPTIONS_WITHOUT_REFERENCE["unemployed"]

#: The same, when months before the reference month are shown too: their change is no
#: change "since" it.
_TREND_CAPTIONS_AROUND_REFERENCE = {
    "unemployed": N_(
        "{what} {where}, each month held, {first} to {last}; the change is each "
        "month's figure less that of {reference}."
    ),
    "rate": N_(
        "{what} {where}, each month held, {first} to {last}; the change is each "
        "month's figure less that of {reference} (percentage points)."
    ),
    "clients-per-advisor": N_(
        "{what} {where}, each month held, {first} to {last}; the change is each "
        "month's figure less that of {reference}. Hollow dots: a range or a bound."
    ),
}


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
    return span(change, decimals, changes=True)


def _text(value: float | Span | None, decimals: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int):
        return number(value, decimals)
    return span(value, decimals)


def _charted(records: ReportRecords) -> tuple[TrendSeries, dict[str, str]]:
    """The series the trend charts draw and where each chart's figures are (`in the
    whole area`): the area's, or the one place's that a page of one place is about (its
    summary gives that place's change; the charts drew the area's)."""
    trend = records.trend
    if not records.places or len(trend.series) != 1:
        where = _("in the whole area")
        return trend.area_series, {name: where for name, *_rest in _TRENDS}
    series = trend.series[0]
    place = _("in {place}").format(place=series.name)
    unit = (
        place
        if series.unit is None
        else _("in {unit}, the service unit of {place}").format(unit=series.unit, place=series.name)
    )
    return series, {"unemployed": place, "rate": place, "clients-per-advisor": unit}


def _incomplete(series: TrendSeries) -> bool:
    """The place's unit has staffing known to be incomplete: its clients per advisor
    count only the staff the plan states (Kajaani's 461 over its own 3 FTE)."""
    return not series.is_area and any(p.figures.incomplete for p in series.points)


def trend_section(records: ReportRecords) -> Section:
    trend = records.trend
    series, where = _charted(records)
    points = series.points
    since = trend.reference_month in trend.months or not trend.months
    # (months before the reference month too: an area made by `init` from its latest)
    around = since and bool(trend.months) and trend.months[0] != trend.reference_month
    if around:
        title = _("Trend from {first} to {last}").format(
            first=month(trend.months[0]), last=month(trend.months[-1])
        )
        captions = _TREND_CAPTIONS_AROUND_REFERENCE
    elif since and trend.months and trend.reference_month < trend.months[-1] < trend.latest_held:
        title = _("Trend since {month} until {last}").format(
            month=month(trend.reference_month), last=month(trend.months[-1])
        )
        captions = _TREND_CAPTIONS
    elif since:
        title = _("Trend since {month}").format(month=month(trend.reference_month))
        captions = _TREND_CAPTIONS
    else:
        title = _("Trend until {month}").format(month=month(trend.months[-1]))
        captions = _TREND_CAPTIONS_WITHOUT_REFERENCE
    if len(trend.months) < 2:
        return Section("trend", title, [_too_few_months(trend.months, records.months_held)])
    figures = []
    for name, what, ylabel, decimals in _TRENDS:
        values = [(point.month, _trend_value(point, name)) for point in points]
        # ("Hollow dots: a range or a bound" under a chart of none: Hyrynsalmi's ~54)
        ranges = any(isinstance(v, Span) and not v.is_exact for _m, v in values)
        caption = _(
            captions[name if ranges or name != "clients-per-advisor" else "unemployed"]
        ).format(
            what=_(what),
            where=where[name],
            first=month(trend.months[0]),
            last=month(trend.months[-1]),
            reference=month(trend.reference_month),
        )
        # (2023-08 and 2026-06 only: a line between them drew a steady rise over 34 months)
        if months_not_held(trend.months):
            caption += " " + _(
                "A line joins months that follow one another only: the months between are not held."
            )
        incomplete = name == "clients-per-advisor" and _incomplete(series)
        if incomplete:
            caption += " " + _(
                "Grey and hollow: the staffing of {unit} is incomplete; its clients per "
                "advisor count only the staff the plan states (more staff would lower them)."
            ).format(unit=series.unit or series.name)
        figures.append(
            Figure(
                id=f"figure-trend-{name}",
                caption=caption,
                svg=trend_chart.trend_chart(
                    values,
                    name=name,
                    ylabel=_(ylabel),
                    label=f"caption-figure-trend-{name}",
                    incomplete=incomplete,
                ),
                table=Table(
                    id=f"table-trend-{name}",
                    # (`unemployed job seekers in the whole area`: each table its own)
                    caption=_(_TREND_SUBJECTS[name]).format(where=where[name]),
                    headers=[
                        Header(_("Month"), nowrap=True),
                        Header(_(ylabel), True),
                        Header(_("Change"), True),
                    ],
                    rows=[
                        Row(
                            [
                                month(p.month),
                                _text(v, decimals),
                                _trend_change(p, name, decimals),
                            ]
                        )
                        for p, (_month, v) in zip(points, values, strict=True)
                    ],
                ),
                missing=_("Fewer than two months have this figure (staffing not filled in?)."),
            )
        )
    view = trend_view(trend, records.area_name, by_option=False)
    by_place = from_view(
        view,
        table_id="table-trend",
        caption=_("Each municipality, each month held"),
        keys=(
            "municipality",
            "month",
            "unemployed",
            "unemployed_change",
            "rate",
            "rate_change",
            "clients_per_advisor",
            "clients_per_advisor_change",
            # (Kajaani's 689 read as firm beside the others: its staffing is incomplete)
            "status",
        ),
    )
    return Section("trend", title, [], figures, [by_place], view.notes)


def _too_few_months(months: list[str], held: list[str]) -> str:
    """Why the trend is not drawn: fewer than two months up to the one shown (`months`)
    of those the data hold (`held`). (The command tells the analyst what to do.)"""
    if months and len(held) > len(months):
        return _(
            "Up to {month}, the month shown, the data hold no other month: the trend needs "
            "two months or more. The data hold {held}; a report for a later month shows the "
            "trend up to it."
        ).format(month=month(months[-1]), held=", ".join(month(m) for m in held))
    if not months:
        return _("The data hold no month: the trend needs two months or more.")
    return ngettext(
        "The data hold only the month {months}: the trend needs two months or more.",
        "The data hold only the months {months}: the trend needs two months or more.",
        len(months),
    ).format(months=", ".join(month(held) for held in months))


def commuting_section(records: ReportRecords) -> Section:
    title = _("Commuting and job self-sufficiency")
    table = records.commuting
    if table is None:
        return Section(
            "commuting",
            title,
            [_("The data hold no commuting table (commuting.yaml) for this area.")],
        )
    view = commuting_view(table, records.area_name)
    figure = Figure(
        id="figure-self-sufficiency",
        caption=_(
            "Job self-sufficiency by municipality: jobs in the municipality per 100 employed "
            "residents, computed from the commuting counts (bars) beside the published "
            "figure (diamonds). Above 100 % (dashed line) a municipality has more jobs than "
            "employed residents."
        ),
        svg=place_charts.self_sufficiency_chart(table, label="caption-figure-self-sufficiency"),
        table=from_view(
            view, table_id="table-commuting", caption=_("job self-sufficiency by municipality")
        ),
        missing=_("No municipality has employed residents to compute from."),
    )
    # (its labour force beside the statistics' of another month read as a mistake)
    if table.month is None:
        intro = _(
            "The commuting table gives no month: its figures, the labour force included, "
            "are the table's own and may differ from the statistics of {month} above."
        ).format(month=month(records.month))
    elif table.month != records.month:
        intro = _(
            "The commuting table's figures are of {commuting}, not of {month}: the labour "
            "force in it is the table's own."
        ).format(commuting=month(table.month), month=month(records.month))
    else:
        intro = ""
    return Section("commuting", title, [intro] if intro else [], [figure], notes=view.notes)

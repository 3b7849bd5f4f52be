"""The trend table: one row per place and month, with the change since the plan's month."""

from __future__ import annotations

import dataclasses
from typing import Any

from tyollisyys_cli.core.trend import TrendPoint, TrendSeries, TrendTable, months_not_held
from tyollisyys_cli.i18n import N_, _, month
from tyollisyys_cli.render.model import Column, Label, Note, RowStyle, TableData, about_columns
from tyollisyys_cli.views.incomplete import WITH_POOL, incomplete_notes, unstaffed_note
from tyollisyys_cli.views.labels import area_row_name

COLUMNS = (
    Column("code", N_("Code"), give_way=6),
    Column("municipality", N_("Municipality")),
    Column(
        "served_by",
        N_("Served by"),
        description=N_("the service unit whose clients per advisor a member's row shows"),
        # (a member's clients per advisor are its unit's: a script that summed or mapped
        # them by municipality counted the unit's once per member; the tables for people
        # say so in a note)
        people=False,
    ),
    Column("month", N_("Month")),
    Column("unemployed", N_("Unemployed"), "int"),
    Column(
        "unemployed_change",
        N_("Δ unemployed"),
        "int",
        description=N_("the month's figure less the reference month's"),
        give_way=1,
        signed=True,
    ),
    Column("rate", N_("Rate %"), "number", 1, N_("unemployed / labour force × 100, computed")),
    Column(
        "rate_change",
        N_("Δ rate"),
        "number",
        1,
        N_("percentage points: the month's rate less the reference month's"),
        give_way=2,
        signed=True,
    ),
    # Gives way with the staffing status beside it: without it Kajaani's 689 (of its own
    # staff only) reads as a caseload.
    Column(
        "clients_per_advisor",
        N_("Clients / advisor"),
        "span",
        0,
        N_("over the staffing held"),
        give_way=3,
    ),
    Column(
        "clients_per_advisor_change",
        N_("Δ clients / advisor"),
        "span",
        0,
        N_("the month's figure less the reference month's"),
        give_way=4,
        signed=True,
    ),
    Column(
        "status",
        N_("Staffing"),
        description=N_("staffing incomplete where the plan leaves the unit's transfer unstated"),
        give_way=3,
        coded=True,
    ),
    # The changes are what the table is for: the pool's what-if gives way before them.
    dataclasses.replace(WITH_POOL, give_way=5),
)


#: The columns of the caseloads and staffing, which a narrow terminal leaves out together.
_CASELOAD_KEYS = (
    "clients_per_advisor",
    "clients_per_advisor_change",
    "status",
    "clients_per_advisor_with_pool",
)


def _about_caseloads(note: str) -> str:
    """`note` as a note on the caseload columns, left out with them; a note on some
    columns of its own (With pool's) as it is."""
    return note if about_columns(note) else Note(note, *_CASELOAD_KEYS)


def _row(series: TrendSeries, point: TrendPoint, name: str | Label) -> dict[str, Any]:
    figures = point.figures
    return {
        "code": series.code,
        "municipality": name,
        "served_by": series.unit,
        "month": Label(point.month, month(point.month)),
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


def _every_month(table: TrendTable) -> str:
    """`Months held: …` where every month held is shown; `Months shown: …` where
    `--month` stops before the latest (it said "held" of 2023-08 … 2026-02 of ten)."""
    if table.latest_held and table.months[-1] < table.latest_held:
        return _("Months shown: {months}.")
    return _("Months held: {months}.")


def trend_view(table: TrendTable, area_name: str, *, by_option: bool = True) -> TableData:
    """The trend table. `by_option`: the notes may name commands (not for a report)."""
    rows: list[dict[str, Any]] = []
    styles: list[RowStyle] = []
    for series in table.series:
        for point in series.points:
            rows.append(_row(series, point, series.name))
            styles.append("normal")
    area_name_shown = area_row_name(table.area_series.name, area_name)
    for point in table.area_series.points:  # (each month's area row a total, bold)
        rows.append(_row(table.area_series, point, area_name_shown))
        styles.append("total")
    shown = ", ".join(month(m) for m in table.months)
    since = table.reference_month in table.months
    # Months before the reference month (an area made by `init` from its latest month,
    # then given an earlier one): their Δ is no change "since" it.
    earlier = since and table.months[0] != table.reference_month
    months_note = (
        # (one month, the reference month: no Δ column to speak of)
        _(
            "Month shown: {months}, the area's reference month: a change (Δ) from it needs "
            "a later month."
        )
        if since and len(table.months) == 1
        else _every_month(table)
        + " "
        + _(
            "Changes (Δ) are each month's figure less that of {reference}, the area's "
            "reference month; rate changes are in percentage points."
        )
        if earlier
        else _every_month(table)
        + " "
        + _(
            "Changes (Δ) are since {reference}, the area's reference month; rate changes "
            "are in percentage points."
        )
        if since
        else _(
            "Months shown: {months}. Changes (Δ) are counted from {reference}, the area's "
            "reference month, which is not among them: none are shown."
        )
    ).format(months=shown, reference=month(table.reference_month))
    if gaps := months_not_held(table.months):
        # (2023-08, 2026-02, 2026-04 read as three months in a row: a month missed by a
        # monthly import left a hole no one was told of)
        months_note += " " + _("Months between them not held (no row): {gaps}.").format(
            gaps=", ".join(
                month(first) if first == last else f"{month(first)} – {month(last)}"
                for first, last in gaps
            )
        )
    if since and len(table.months) > 1:
        # (44 → 57 beside Δ +14: 43.83 → 57.33)
        months_note += " " + _(
            "Each change is of the figures before rounding, so it can differ by 1 in its "
            "last digit from the difference of the figures shown."
        )
    notes = [
        months_note,
        _about_caseloads(
            _(
                "Clients per advisor: {clients} over the caseload-carrying FTE of the staffing "
                "held; empty where the staffing is not filled in or the month lacks the client "
                "count."
            ).format(clients=table.client_base.describe(_("each month")))
        ),
    ]
    if any(_open_ended(point) for series in table.series for point in series.points) or any(
        _open_ended(point) for point in table.area_series.points
    ):
        notes.append(
            Note(
                _(
                    "Where the FTE is only a lower bound (≥), Δ clients / advisor runs from 0 "
                    "(the more FTE, the smaller the change) to the change at the lowest FTE."
                ),
                "clients_per_advisor_change",
            )
        )
    notes.extend(
        _about_caseloads(note)
        for note in incomplete_notes(
            table.incomplete, table.shares, month=table.months[-1], by_option=by_option
        )
    )
    notes.extend(_about_caseloads(note) for note in unstaffed_note(table.unstaffed))
    for unit, members in table.shared_units.items():
        notes.append(
            _about_caseloads(
                _("{members}: clients per advisor of the service unit {unit}.").format(
                    members=", ".join(members), unit=unit
                )
            )
        )
    return TableData(
        name="trend",
        title=(
            _("Trend, {area}, {first} – {last}").format(
                area=area_name, first=month(table.months[0]), last=month(table.months[-1])
            )
            if earlier
            else _("Trend, {area}, since {month} until {last}").format(
                area=area_name, month=month(table.reference_month), last=month(table.months[-1])
            )
            # (`--month 2026-04` with later months held: "since 2023-08" said nothing of
            # the table stopping at 2026-04)
            if since and table.reference_month < table.months[-1] < table.latest_held
            else _("Trend, {area}, since {month}").format(
                area=area_name, month=month(table.reference_month)
            )
            if since
            else _("Trend, {area}, until {month}").format(
                area=area_name, month=month(table.months[-1])
            )
        ),
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

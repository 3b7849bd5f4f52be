"""The page's content: sections of headline figures, charts with their tables, notes.

Everything here is read off the records the core computed; the texts of figures come
from the same formatting as the terminal tables (`render.text`), the tables from the
views. Nothing is computed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tyollisyys_cli.check.precision import compare
from tyollisyys_cli.core.staffing import short as is_short
from tyollisyys_cli.core.staffing import short_at_one_end, short_unless_more_staff
from tyollisyys_cli.i18n import _, language, month, month_end, ngettext, number
from tyollisyys_cli.render.text import signed, span
from tyollisyys_cli.report.tables import Header, Row, Table
from tyollisyys_cli.report.words import origin_text, severity_text, source_lines, status_text
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.caseload import caseload_decimals
from tyollisyys_cli.views.staffing import gap_decimals

if TYPE_CHECKING:
    from pathlib import Path

    from tyollisyys_cli.core.staffing import StaffingRow
    from tyollisyys_cli.core.statistics import UnemploymentRow
    from tyollisyys_cli.report.records import ReportRecords


@dataclass(frozen=True)
class Headline:
    """A headline figure: what it is, its value, and what it stands against."""

    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class Figure:
    """A chart (SVG, or None with the reason in `missing`), its caption and its figures."""

    id: str
    caption: str
    svg: str | None
    #: None where the figures are in another section's table already (no staffing at
    #: all: the staffing section's rows were the caseload section's).
    table: Table | None
    missing: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plain(value: float) -> str:
    """`value` with the digits it needs (`9`, `2.5`, `1384`); in Finnish with a decimal
    comma and the thousands apart (`2,5`, `1 384`)."""
    text = str(value) if isinstance(value, int) else f"{value:g}"
    if language() == "en" or "e" in text:
        return text
    return number(value, len(text.partition(".")[2]))


def headlines(records: ReportRecords) -> list[Headline]:
    """Unemployed, rate, clients per advisor against target, FTE gap, change since the plan:
    of the places asked about (with the area's beside them), else of the whole area."""
    table = records.unemployment
    shown = table.places_row or table.area_row
    area = table.area_row
    if table.places_row is None:
        unemployed = _("in the area at the end of {month}").format(month=month_end(records.month))
        of_labour_force = _("of a labour force of {labour_force}, computed from the counts")
    else:
        unemployed = _("in {places} at the end of {month}; the area: {count}").format(
            places=", ".join(records.places),
            month=month_end(records.month),
            count=number(area.unemployed, 0),
        )
        of_labour_force = _(
            "of a labour force of {labour_force}, computed from the counts; the area: {rate}"
        )
    detail = of_labour_force.format(labour_force=number(shown.labour_force, 0), rate=_rate(area))
    printed = area.rate_published
    if (
        table.places_row is None
        and printed is not None
        and area.rate is not None
        and compare(printed.value, area.rate, printed.decimals) is not None
    ):  # (as the check finds it: 6.25 printed 6.3 was "printed as 6.3 %: see the findings")
        detail += _("; printed as {rate} %: see the findings").format(
            rate=number(printed.value, printed.decimals)
        )
    return [
        Headline(_("Unemployed job seekers"), number(shown.unemployed, 0), unemployed),
        Headline(_("Unemployment rate"), _rate(shown), detail),
        _caseload_headline(records),
        _gap_headline(records),
        _change_headline(records),
    ]


def _rate(row: UnemploymentRow) -> str:
    return "–" if row.rate is None else number(row.rate, 1) + " %"


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else _("none")


#: The statuses whose units the caseload card names: over, or perhaps over.
MAY_BE_OVER = ("over", "within or over", "under to over")


def _caseload_headline(records: ReportRecords) -> Headline:
    units = [row for row in records.caseload.rows if row.level == "unit"]
    area = records.caseload.places_row or records.caseload.area_row
    # The places' figure with the decimals their table and chart have; the area's, which
    # is set against no target, whole (as the section's intro writes it).
    decimals = caseload_decimals(units) if records.caseload.places_row is not None else 0
    value = (
        _("not known")
        if area.clients_per_advisor is None
        else span(area.clients_per_advisor, decimals)
    )
    counts: dict[str, list[str]] = {}
    for row in units:
        counts.setdefault(row.status or "", []).append(row.name)
    parts = [
        _("{count} {status} ({names})").format(
            count=len(names), status=status_text(status), names=_names(names)
        )
        if status in MAY_BE_OVER
        else _("{count} {status}").format(count=len(names), status=status_text(status))
        for status, names in counts.items()
    ]
    statuses = ", ".join(parts) or _("no units")
    unstaffed = [row.name for row in units if row.fte is None]
    if not area.clients_per_advisor:
        detail = _("staffing not complete; units against their targets: {statuses}")
    elif records.caseload.places_row is not None and unstaffed:
        # (Utsjoki's 50 clients over Sodankylä's FTE: the card said "of Sodankylä,
        # Utsjoki over their caseload FTE", as though both had staff)
        detail = _(
            "{clients} clients of {units} over the caseload FTE of {staffed} only ({unstaffed}: "
            "no staffing yet, so the figure is a bound); against their targets: {statuses}"
        )
    elif records.caseload.places_row is not None:
        detail = _(
            "{clients} clients of {units} over their caseload FTE; against their targets: "
            "{statuses}"
        )
    else:
        detail = _("over the area's caseload FTE; units against their targets: {statuses}")
    detail = detail.format(
        clients=number(area.clients, 0),
        units=area.name,
        statuses=statuses,
        staffed=_names([row.name for row in units if row.fte is not None]),
        unstaffed=_names(unstaffed),
    )
    incomplete = [row.name for row in units if row.status == "staffing incomplete"]
    if incomplete and area.clients_per_advisor:
        # (Kajaani's page: "≤ 689" on the card, a plain 689 in its tables)
        detail += _(
            "; {names}: staffing incomplete, counting only the staff the plan states (more "
            "staff would lower the figure)"
        ).format(names=_names(incomplete))
    base = records.caseload.client_base
    if base.kind == "unemployed" and base.factor == 1:  # ("4 under" read as overstaffed)
        detail += _(
            "; the clients are the unemployed job seekers only, fewer than the plan's "
            "clients: the real caseloads are higher (see the notes)"
        )
    else:  # (a factor or all job seekers: said where the figure is, not in the notes only)
        detail += _("; clients: {base}").format(base=base.describe(records.month))
    return Headline(_("Clients per advisor"), value, detail)


def _gap_headline(records: ReportRecords) -> Headline:
    rows = records.staffing.rows
    area = records.staffing.places_row or records.staffing.area_row
    decimals = gap_decimals(rows)  # (as the staffing table writes them)
    known = [row for row in rows if row.gap is not None and row.status != "staffing incomplete"]
    # The units short, short at one end of the band only, and short unless they have
    # more staff than they state, as the staffing table's notes name them.
    short = [row for row in known if is_short(row)]
    either = [row for row in known if short_at_one_end(row)]
    perhaps = [row for row in known if short_unless_more_staff(row)]
    incomplete = [row.name for row in rows if row.status == "staffing incomplete"]
    # (the gap of places whose staffing is incomplete is no measure of a shortage: the
    # area's row gives none, and Kajaani's page gave "≥ -17.7 FTE … short: none")
    gap = None if area.status == "staffing incomplete" else area.gap
    known_at_an_end = gap is not None and (gap.low is not None or gap.high is not None)
    # (a surplus with its `+`: "≤ 3.4 FTE" of a card headed "FTE gap" read as a shortage)
    value = (
        _("{gap} FTE").format(gap=span(gap, decimals, changes=True))
        if gap and known_at_an_end
        else _("not known")
    )
    if not known:  # ("short: none" where nothing is known read as good news)
        detail = _("planned less needed at the targets; known for no unit")
    elif not short and not known_at_an_end:
        # ("not known … short: none" read as a contradiction: none of those known)
        detail = ngettext(
            "planned less needed at the targets; short: none (the gap is known for {count} "
            "unit only)",
            "planned less needed at the targets; short: none (the gap is known for {count} "
            "units only)",
            len(known),
        ).format(count=len(known))
    else:
        detail = _("planned less needed at the targets; short: {names}").format(
            names=_gaps(short, decimals)
        )
    if either:
        detail += _("; short at one end of the target band: {names}").format(
            names=_gaps(either, decimals)
        )
    if perhaps:
        detail += _("; short unless it has more staff than the plan states: {names}").format(
            names=_gaps(perhaps, decimals)
        )
    if incomplete:
        detail += _("; staffing incomplete: {names}").format(names=_names(incomplete))
    no_target = [row.name for row in rows if row.gap is None and row.planned_fte is not None]
    no_staffing = [row.name for row in rows if row.planned_fte is None]
    if no_target:
        detail += _("; no target: {names}").format(names=_names(no_target))
    if no_staffing:
        detail += _("; no staffing: {names}").format(names=_names(no_staffing))
    return Headline(_("FTE gap"), value, detail)


def _gaps(rows: list[StaffingRow], decimals: int) -> str:
    """Units with their gaps, a surplus with its `+` (`Kuusamo -3.1 – +2.9`)."""
    return _names(
        [f"{row.name} {span(row.gap, decimals, changes=True)}" for row in rows if row.gap]
    )


def _change_headline(records: ReportRecords) -> Headline:
    series = records.trend.area_series
    if not records.places:
        label = _("Change since {month}").format(month=month(records.plan_month))
    elif len(records.trend.series) == 1:  # the one place asked about
        series = records.trend.series[0]
        label = _("Change since {month}").format(month=month(records.plan_month))
    else:
        label = _("Change since {month} in the area").format(month=month(records.plan_month))
    point = next((p for p in series.points if p.month == records.month), None)
    if point is None or point.change_unemployed is None:
        if records.month == records.plan_month:
            detail = _("this is the reference month")
        elif records.month < records.plan_month:
            detail = _(
                "{month} comes before the reference month: changes are counted from the "
                "reference month on"
            ).format(month=month(records.month))
        else:
            detail = _("the data do not hold the reference month {month}").format(
                month=month(records.plan_month)
            )
        return Headline(label, "–", detail)
    parts = []
    if point.change_rate is not None:
        parts.append(
            _("rate {change} percentage points").format(change=signed(point.change_rate, 1))
        )
    change = point.change_clients_per_advisor
    if change is not None and point.figures.incomplete and not series.is_area:
        # (a unit whose staffing is incomplete: its card gives "≤ 689", as at least the
        # staff stated; over more staff its change is smaller, to 0: "0 – +227", as the
        # area's "~0 – +26", not "+227")
        ends = [end for end in (change.low, change.high) if end is not None]
        change = Span(min(0.0, *ends), max(0.0, *ends), change.approximate)
    if change is not None:
        parts.append(_("clients per advisor {change}").format(change=span(change, 0, changes=True)))
    return Headline(
        label,
        _("{change} unemployed").format(change=signed(point.change_unemployed, 0)),
        "; ".join(parts) or "",
    )


def findings_section(records: ReportRecords) -> Section:
    """The `check` findings with the file, line and column of each printed figure."""
    from tyollisyys_cli.check.reporters.paths import shown_path
    from tyollisyys_cli.check.reporters.text import counts_text

    outcome = records.findings
    rows = []
    for finding in outcome.findings:
        # Within the data folder (`statistics/2026-06.csv:4:12`): a page sent on names no
        # folder of the analyst's machine.
        where = _within(finding.file, records.data_folder) or shown_path(finding.file)
        if finding.line is not None:
            where += f":{finding.line}"
            if finding.column is not None:
                where += f":{finding.column}"
        rows.append(Row([severity_text(finding.severity), finding.code, where, finding.message]))
    intro = [
        _(
            "The figures printed or published in the data checked against the figures "
            "computed from their counts, for the whole area, statistics of {months}: "
            "{summary}."
        ).format(
            months=", ".join(month(held) for held in outcome.months),
            summary=counts_text(outcome),  # (cut at its colon, the Finnish lost its end)
        )
    ]
    table = Table(
        id="table-findings",
        caption=_("Findings, in file and line order"),
        headers=[
            Header(_("Level")),
            Header(_("Rule")),
            Header(_("Where (file:line:column)")),
            Header(_("Finding")),
        ],
        rows=rows,
        row_header=2,  # (where it is: a severity heads no row)
    )
    return Section("findings", _("Findings of the check"), intro, tables=[table] if rows else [])


def _within(file: Path, folder: Path | None) -> str | None:
    """`file` as a path within `folder` (`/`-separated), when it is there."""
    try:
        return None if folder is None else file.relative_to(folder).as_posix()
    except ValueError:
        return None


def notes_section(records: ReportRecords) -> Section:
    """Who counts as a client, and every assumption the figures rest on."""
    from tyollisyys_cli.models.amounts import APPROXIMATE_TARGET_TOLERANCE

    base = records.caseload.client_base
    low, high = records.withheld_cell
    lower_bounds = base.kind == "unemployed" and base.factor == 1
    clients = [
        _(
            "Who is a client: {base}. The plan's clients (asiakas) are every personal "
            "customer of the employment services, a broader group than the unemployed job "
            "seekers of the statistics (employed job seekers, people in services and some "
            "outside the labour force count too)."
        ).format(base=base.describe(records.month)),
        *(
            [_("Caseloads over the unemployed are therefore lower bounds of the real ones.")]
            if lower_bounds
            else []
        ),
        _(
            "The report can be made over another client base: a set number of clients per "
            "unemployed job seeker, or all job seekers where the statistics hold them."
        ),
    ]
    intro = [
        " ".join(clients),
        *(
            _(
                "The plan's {place} statement (about {claimed} clients per advisor at {fte} "
                "FTE) implies {factor} clients per unemployed job seeker ({unemployed} "
                "unemployed in {month})."
            ).format(
                place=f.place,
                claimed=plain(f.claimed_per_advisor),
                fte=plain(f.fte),
                factor=number(f.factor, 2),
                unemployed=plain(f.unemployed),
                month=month(f.month or records.plan_month),
            )
            for f in records.implied_factors
        ),
        _(
            "Caseload FTE counts only the staff lines in personal customer and placement "
            "work (advisors, transferring customer-work staff); supervisors, coordinators, "
            "business advisors and workshop staff do not carry a caseload. The decision for "
            "every line is in the table below, with the reason where the plan is ambiguous."
        ),
        _(
            "Targets: a band (100–150) is met anywhere inside it; under 100 is the band "
            "0–100; about 100 is ±{tolerance} % (90–110). FTE given as a range, a lower "
            "bound or an approximate value makes the caseload a range, a bound or "
            "approximate (~)."
        ).format(tolerance=number(APPROXIMATE_TARGET_TOLERANCE * 100, 0)),
        _(
            "Signs: ~ about; ≥ at least; ≤ at most; 2.0–2.6 anywhere from 2.0 to 2.6; ? not "
            "known (open at both ends)."
        ),
        _(
            "Area figures are computed from the summed counts of the municipalities, never "
            "as a mean of their rates or percentages; printed totals are checked, not used."
        ),
        _(
            "A withheld statistics cell (… in the statistics) holds {low}–{high} persons; "
            "group totals over such cells are ranges."
        ).format(low=low, high=high),
        _("Sources: {sources}.").format(sources="; ".join(source_lines(records))),
        _("Each section's own notes stand below its figures."),
    ]
    decisions = Table(
        id="table-staff-lines",
        caption=_("Staff lines and whether each carries a caseload"),
        headers=[
            Header(_("Unit")),
            Header(_("Role"), lang=records.plan_language),
            Header(_("FTE"), True),
            Header(_("Origin")),
            Header(_("Caseload")),
            Header(_("Reason")),
        ],
        rows=[
            Row(
                [
                    d.unit,
                    d.role,
                    span(d.fte.span(), 1),
                    origin_text(d.origin),
                    _("yes") if d.caseload else _("no"),
                    d.note or "",
                ]
            )
            for d in records.staff_decisions
        ],
    )
    return Section(
        "notes",
        _("Notes and assumptions"),
        intro,
        tables=[decisions] if decisions.rows else [],
    )

"""The page's content: sections of headline figures, charts with their tables, notes.

Everything here is read off the records the core computed; the texts of figures come
from the same formatting as the terminal tables (`render.text`), the tables from the
views. Nothing is computed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tyollisyys_cli.render.text import number, span
from tyollisyys_cli.report.tables import Header, Row, Table

if TYPE_CHECKING:
    from tyollisyys_cli.core.trend import TrendPoint
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
    table: Table
    missing: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def signed(value: float, decimals: int) -> str:
    text = number(value, decimals)
    return "+" + text if round(value, decimals) > 0 else text


def headlines(records: ReportRecords) -> list[Headline]:
    """Unemployed, rate, clients per advisor against target, FTE gap, change since the plan."""
    area = records.unemployment.area_row
    rate = "–" if area.rate is None else number(area.rate, 1) + " %"
    return [
        Headline(
            "Unemployed job seekers",
            number(area.unemployed, 0),
            f"in the area at the end of {records.month}",
        ),
        Headline(
            "Unemployment rate",
            rate,
            f"of a labour force of {number(area.labour_force, 0)}, computed from the counts",
        ),
        _caseload_headline(records),
        _gap_headline(records),
        _change_headline(records),
    ]


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else "none"


def _caseload_headline(records: ReportRecords) -> Headline:
    units = [row for row in records.caseload.rows if row.level == "unit"]
    area = records.caseload.area_row
    value = "not known" if area.clients_per_advisor is None else span(area.clients_per_advisor, 0)
    counts: dict[str, list[str]] = {}
    for row in units:
        counts.setdefault(row.status or "", []).append(row.name)
    parts = [
        f"{len(names)} {status}" + (f" ({_names(names)})" if status == "over" else "")
        for status, names in counts.items()
    ]
    what = "over the area's caseload FTE" if area.clients_per_advisor else "staffing not complete"
    return Headline(
        "Clients per advisor",
        value,
        f"{what}; units against their targets: {', '.join(parts) or 'no units'}",
    )


def _gap_headline(records: ReportRecords) -> Headline:
    rows = records.staffing.rows
    area = records.staffing.area_row
    short = [
        f"{row.name} {span(row.gap, 1)}"
        for row in rows
        if row.gap is not None
        and row.gap.high is not None
        and row.gap.high < 0
        and row.status != "staffing incomplete"
    ]
    unknown = [row.name for row in rows if row.gap is None]
    incomplete = [row.name for row in rows if row.status == "staffing incomplete"]
    value = "not known" if area.gap is None else span(area.gap, 1) + " FTE"
    detail = f"planned less needed at the targets; short: {_names(short)}"
    if incomplete:
        detail += f"; staffing incomplete: {_names(incomplete)}"
    if unknown:
        detail += f"; no staffing or no target: {_names(unknown)}"
    return Headline("FTE gap", value, detail)


def _change_headline(records: ReportRecords) -> Headline:
    label = f"Change since {records.plan_month}"
    point = _area_point(records)
    if point is None or point.change_unemployed is None:
        why = (
            "this is the plan's month"
            if records.month == records.plan_month
            else f"the plan's month {records.plan_month} is not held"
        )
        return Headline(label, "–", f"{why}; import months with `tyollisyys import statfin`")
    parts = []
    if point.change_rate is not None:
        parts.append(f"rate {signed(point.change_rate, 1)} percentage points")
    if point.change_clients_per_advisor is not None:
        parts.append(f"clients per advisor {span(point.change_clients_per_advisor, 0)}")
    return Headline(
        label, f"{signed(point.change_unemployed, 0)} unemployed", "; ".join(parts) or ""
    )


def _area_point(records: ReportRecords) -> TrendPoint | None:
    for point in records.trend.area_series.points:
        if point.month == records.month:
            return point
    return None


def findings_section(records: ReportRecords) -> Section:
    """The `check` findings with the file, line and column of each printed figure."""
    from tyollisyys_cli.check.reporters import shown_path
    from tyollisyys_cli.check.reporters.text import summary

    outcome = records.findings
    rows = []
    for finding in outcome.findings:
        where = shown_path(finding.file)
        if finding.line is not None:
            where += f":{finding.line}"
            if finding.column is not None:
                where += f":{finding.column}"
        rows.append(Row([finding.severity, finding.code, where, finding.message]))
    months = ", ".join(outcome.months)
    intro = [
        f"The plan's printed figures checked against the figures computed from its counts "
        f"(`tyollisyys check`), for the whole area, statistics of {months}: "
        f"{summary(outcome).split(':')[0]}."
    ]
    table = Table(
        id="table-findings",
        caption="Findings, in file and line order",
        headers=[
            Header("Level"),
            Header("Rule"),
            Header("Where (file:line:column)"),
            Header("Finding"),
        ],
        rows=rows,
    )
    return Section("findings", "Findings of the check", intro, tables=[table] if rows else [])


def notes_section(records: ReportRecords) -> Section:
    """Who counts as a client, and every assumption the figures rest on."""
    from tyollisyys_cli.models.amounts import APPROXIMATE_TARGET_TOLERANCE

    base = records.caseload.client_base
    low, high = records.withheld_cell
    tolerance = number(APPROXIMATE_TARGET_TOLERANCE * 100, 0)
    counted = (
        "Caseloads over the unemployed are therefore lower bounds of the real ones. "
        if base.kind == "unemployed" and base.factor == 1
        else ""
    )
    intro = [
        f"Who is a client: {base.describe(records.month)}. The plan's clients (asiakas) are "
        "every personal customer of the employment services, a broader group than the "
        "unemployed job seekers of the statistics (employed job seekers, people in services "
        f"and some outside the labour force count too). {counted}"
        "`--clients-per-unemployed FACTOR` or `--client-base job-seekers` (where the "
        "statistics hold all job seekers) choose another client base.",
        *(
            f"The plan's {f.place} statement (about {f.claimed_per_advisor:g} clients per "
            f"advisor at {f.fte:g} FTE) implies {f.factor:.2f} clients per unemployed job "
            f"seeker ({f.unemployed} unemployed in {records.plan_month})."
            for f in records.implied_factors
        ),
        "Caseload FTE counts only the staff lines in personal customer and placement work "
        "(advisors, transferring customer-work staff); supervisors, coordinators, "
        "business advisors and workshop staff do not carry a caseload. The decision for "
        "every line is in the table below, with the reason where the plan is ambiguous.",
        "Targets: a band (100–150) is met anywhere inside it; under 100 is the band 0–100; "
        f"about 100 is ±{tolerance} % (90–110). FTE given as a range, a lower bound or "
        "an approximate value makes the caseload a range, a bound or approximate (~).",
        "Area figures are computed from the summed counts of the municipalities, never as a "
        "mean of their rates or percentages; printed totals are checked, not used.",
        f"A withheld statistics cell (… in the statistics) holds {low}–{high} persons; "
        "group totals over such cells are ranges.",
        "Sources: "
        + "; ".join(f"{table}: {source}" for table, source in records.sources.items())
        + f"; statistics of {records.month}: {records.statistics_source}.",
        "Each section's own notes stand below its figures.",
    ]
    decisions = Table(
        id="table-staff-lines",
        caption="Staff lines and whether each carries a caseload",
        headers=[
            Header("Unit"),
            Header("Role"),
            Header("FTE", True),
            Header("Origin"),
            Header("Caseload"),
            Header("Reason"),
        ],
        rows=[
            Row(
                [
                    d.unit,
                    d.role,
                    span(d.fte.span(), 1),
                    d.origin.replace("_", " "),
                    "yes" if d.caseload else "no",
                    d.note or "",
                ]
            )
            for d in records.staff_decisions
        ],
    )
    return Section(
        "notes",
        "Notes and assumptions",
        intro,
        tables=[decisions] if decisions.rows else [],
    )

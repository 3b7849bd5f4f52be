"""The report's charts, drawn from the core's records; each returns inline SVG.

Every data mark (a caseload, a target band, a bar, a point) carries an id
`mark-KIND-N`, so that the marks can be counted in the page: tests do so in a browser.
A chart returns None when it has nothing to draw (say, no unit has staffing yet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.render.text import number, span
from tyollisyys_cli.report.svg import COLOURS, new_figure, styled, to_svg
from tyollisyys_cli.values import Span, Written

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tyollisyys_cli.core.caseload import CaseloadRow
    from tyollisyys_cli.core.commuting import CommutingTable
    from tyollisyys_cli.core.staffing import StaffingRow
    from tyollisyys_cli.core.statistics import UnemploymentTable

INCOMPLETE = (0, (2, 1.5))  # the dash of a range that is open on one side


def _known(spans: list[Span | None]) -> list[float]:
    return [end for s in spans if s is not None for end in (s.low, s.high) if end is not None]


def _rows_axis(ax: Axes, names: list[str], *, grey: set[int]) -> None:
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.4, -0.6)  # first row on top
    for i, label in enumerate(ax.get_yticklabels()):
        if i in grey:
            label.set_color(COLOURS["incomplete"])
            label.set_fontstyle("italic")


def caseload_chart(rows: list[CaseloadRow], *, label: str) -> str | None:
    """Each unit's clients per advisor (a dot, a line for a range) on its target band."""
    if not any(r.clients_per_advisor is not None or r.target is not None for r in rows):
        return None
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    bands = [r.target.band() if r.target is not None else None for r in rows]
    top = max([*_known([r.clients_per_advisor for r in rows]), *_known(bands), 10.0]) * 1.15
    with styled():
        figure, ax = new_figure(rows=len(rows) + 2)
        incomplete: set[int] = set()
        for i, (row, band) in enumerate(zip(rows, bands, strict=True)):
            if band is not None:
                low = band.low or 0.0
                high = top if band.high is None else band.high
                ax.barh(
                    i,
                    high - low,
                    left=low,
                    height=0.64,
                    color=COLOURS["band"],
                    gid=f"mark-band-{i}",
                )
            caseload = row.clients_per_advisor
            if caseload is None or caseload.midpoint is None:
                incomplete.add(i)
                ax.text(
                    top * 0.01,
                    i,
                    row.status or "",
                    va="center",
                    fontstyle="italic",
                    color=COLOURS["incomplete"],
                )
                continue
            complete = None not in (caseload.low, caseload.high) and band is not None
            if not complete:
                incomplete.add(i)
            colour = (
                COLOURS.get(row.status or "", COLOURS["incomplete"])
                if complete
                else (COLOURS["incomplete"])
            )
            low = 0.0 if caseload.low is None else caseload.low
            high = top if caseload.high is None else caseload.high
            if high > low:
                ax.plot(
                    [low, high],
                    [i, i],
                    color=colour,
                    linewidth=2,
                    linestyle="-" if complete else INCOMPLETE,
                )
            ax.plot(
                [caseload.midpoint],
                [i],
                linestyle="",
                marker="o",
                markersize=7,
                markeredgecolor=colour,
                markerfacecolor=colour if complete else "white",
                gid=f"mark-caseload-{i}",
            )
            ax.annotate(
                span(caseload, 0),
                (caseload.midpoint, i),
                xytext=(7, 4),
                textcoords="offset points",
                color=colour,
            )
        _rows_axis(ax, [r.name for r in rows], grey=incomplete)
        ax.set_xlim(0, top)
        ax.set_xlabel("Clients per advisor (clients / caseload-carrying FTE)")
        ax.legend(
            handles=[
                Patch(color=COLOURS["band"], label="target band"),
                Line2D([], [], color=COLOURS["within"], marker="o", linestyle="", label="within"),
                Line2D([], [], color=COLOURS["over"], marker="o", linestyle="", label="over"),
                Line2D([], [], color=COLOURS["under"], marker="o", linestyle="", label="under"),
                Line2D(
                    [],
                    [],
                    color=COLOURS["incomplete"],
                    marker="o",
                    markerfacecolor="white",
                    linestyle=INCOMPLETE,
                    label="incomplete data",
                ),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=3,
            frameon=False,
        )
        return to_svg(figure, name="caseload", label=label)


def gap_chart(rows: list[StaffingRow], *, label: str) -> str | None:
    """Each unit's planned FTE less the FTE its target needs, as a bar over the range."""
    if not any(r.gap is not None for r in rows):
        return None
    ends = [*_known([r.gap for r in rows]), 0.0]
    reach = max(abs(end) for end in ends) or 1.0
    left, right = min(min(ends), 0.0) - reach * 0.15, max(max(ends), 0.0) + reach * 0.15
    with styled():
        figure, ax = new_figure(rows=len(rows) + 1)
        missing: set[int] = set()
        for i, row in enumerate(rows):
            gap = row.gap
            if gap is None:
                missing.add(i)
                why = "no staffing" if row.planned_fte is None else "no target"
                ax.text(
                    left + reach * 0.02,
                    i,
                    why,
                    va="center",
                    fontstyle="italic",
                    color=COLOURS["incomplete"],
                )
                continue
            low = left if gap.low is None else gap.low
            high = right if gap.high is None else gap.high
            if gap.high is not None and gap.high < 0:
                colour = COLOURS["short"]
            elif gap.low is not None and gap.low >= 0:
                colour = COLOURS["surplus"]
            else:
                colour = COLOURS["uncertain"]
            open_ended = gap.low is None or gap.high is None
            ax.barh(
                i,
                max(high - low, reach * 0.01),
                left=low,
                height=0.5,
                color=colour,
                hatch="///" if open_ended else None,
                alpha=0.85,
                gid=f"mark-gap-{i}",
            )
            if open_ended:
                missing.add(i)
            # The label goes right of the bar, or left of it when the bar runs off the right.
            at_right = gap.high is not None
            ax.annotate(
                span(gap, 1),
                (high if at_right else low, i),
                va="center",
                xytext=(4 if at_right else -4, 0),
                textcoords="offset points",
                ha="left" if at_right else "right",
            )
        ax.axvline(0, color="black", linewidth=0.8)
        _rows_axis(ax, [r.name for r in rows], grey=missing)
        ax.set_xlim(left, right)
        ax.set_xlabel("FTE gap: planned caseload FTE − FTE needed at the target (below 0: short)")
        return to_svg(figure, name="gap", label=label)


def _rate_bars(
    ax: Axes,
    values: list[tuple[str, float | None, Written | None, bool]],
    *,
    kind: str,
    unit: str,
) -> None:
    """Computed values as bars, published ones as diamonds beside them."""
    for i, (_name, computed, published, is_area) in enumerate(values):
        if computed is not None:
            colour = COLOURS["area"] if is_area else COLOURS["bar"]
            ax.barh(i, computed, height=0.6, color=colour, gid=f"mark-{kind}-{i}")
            ax.annotate(
                number(computed, 1) + unit,
                (computed, i),
                xytext=(9, 0),
                textcoords="offset points",
                va="center",
            )
        if published is not None:
            ax.plot(
                [published.value],
                [i],
                linestyle="",
                marker="D",
                markersize=5,
                color=COLOURS["published"],
                gid=f"mark-published-{kind}-{i}",
            )
    _rows_axis(ax, [name for name, *_ in values], grey=set())


def rate_chart(table: UnemploymentTable, *, label: str) -> str | None:
    """The unemployment rate computed from the counts (bars) beside the published rate."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = [*table.rows, table.area_row]
    values = [(r.name, r.rate, r.rate_published, r.is_area) for r in rows]
    if not any(r.rate is not None for r in rows):
        return None
    top = max([v for _, c, p, _ in values for v in (c, p.value if p else None) if v is not None])
    with styled():
        figure, ax = new_figure(rows=len(rows) + 1)
        _rate_bars(ax, values, kind="rate", unit=" %")
        ax.set_xlim(0, top * 1.2)
        ax.set_xlabel("Unemployment rate, % (unemployed / labour force × 100)")
        ax.legend(
            handles=[
                Patch(color=COLOURS["bar"], label="computed from the counts"),
                Line2D([], [], color="black", marker="D", linestyle="", label="published"),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=2,
            frameon=False,
        )
        return to_svg(figure, name="rate", label=label)


def self_sufficiency_chart(table: CommutingTable, *, label: str) -> str | None:
    """Job self-sufficiency computed from the commuting counts beside the published one."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = [*table.rows, table.area_row]
    values = [(r.name, r.self_sufficiency, r.self_sufficiency_published, r.is_area) for r in rows]
    if not any(r.self_sufficiency is not None for r in rows):
        return None
    top = max([v for _, c, p, _ in values for v in (c, p.value if p else None) if v is not None])
    with styled():
        figure, ax = new_figure(rows=len(rows) + 1)
        _rate_bars(ax, values, kind="self-sufficiency", unit=" %")
        ax.axvline(100, color="black", linewidth=0.8, linestyle="--")
        ax.set_xlim(0, max(top, 100) * 1.2)
        ax.set_xlabel("Job self-sufficiency, % (jobs / employed residents × 100; 100 = balance)")
        ax.legend(
            handles=[
                Patch(color=COLOURS["bar"], label="computed from the counts"),
                Line2D([], [], color="black", marker="D", linestyle="", label="published"),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=2,
            frameon=False,
        )
        return to_svg(figure, name="self-sufficiency", label=label)


def _month_position(month: str) -> float:
    year, number_of_month = month.split("-")
    return int(year) + (int(number_of_month) - 1) / 12


def trend_chart(
    points: list[tuple[str, float | Span | None]], *, name: str, ylabel: str, label: str
) -> str | None:
    """One line over the months held: a dot per month (hollow where the value is a
    range or a bound), a vertical line over a range."""
    drawn = [
        (month, value if isinstance(value, Span) else Span.exact(value))
        for month, value in points
        if value is not None
    ]
    drawn = [(month, value) for month, value in drawn if value.midpoint is not None]
    if len(drawn) < 2:
        return None
    xs = [_month_position(month) for month, _ in drawn]
    ys = [value.midpoint or 0.0 for _, value in drawn]
    top = max([*ys, *_known([value for _, value in drawn])]) * 1.15 or 1.0
    with styled():
        figure, ax = new_figure(height=2.4)
        ax.plot(xs, ys, color=COLOURS["area"], linewidth=1.5)
        for i, (x, y, (_month, value)) in enumerate(zip(xs, ys, drawn, strict=True)):
            exact = value.is_exact
            if not exact:
                low = 0.0 if value.low is None else value.low
                high = top if value.high is None else value.high
                ax.plot(
                    [x, x],
                    [low, high],
                    color=COLOURS["area"],
                    linewidth=1,
                    linestyle="-" if None not in (value.low, value.high) else INCOMPLETE,
                )
            ax.plot(
                [x],
                [y],
                linestyle="",
                marker="o",
                markersize=6,
                markeredgecolor=COLOURS["area"],
                markerfacecolor=COLOURS["area"] if exact else "white",
                gid=f"mark-trend-{name}-{i}",
            )
        step = max(1, len(drawn) // 8)
        ax.set_xticks(xs[::step], [month for month, _ in drawn][::step])
        ax.set_ylim(0, top)
        ax.set_xlabel("Month (end of month)")
        ax.set_ylabel(ylabel)
        return to_svg(figure, name=f"trend-{name}", label=label)

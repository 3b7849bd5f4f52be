"""Charts of the service units: caseload against the target band, and the FTE gap.

Every data mark (a caseload, a target band, a gap) carries an id `mark-KIND-N`, so that
the marks can be counted in the page: tests do so in a browser. A chart returns None
when it has nothing to draw (say, no unit has staffing yet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.core.caseload import ACROSS_AN_END
from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.text import span
from tyollisyys_cli.report.svg import (
    COLOURS,
    INCOMPLETE,
    known_ends,
    new_figure,
    rows_axis,
    styled,
    to_svg,
)
from tyollisyys_cli.report.words import status_text
from tyollisyys_cli.values import exceeds
from tyollisyys_cli.views.caseload import caseload_decimals
from tyollisyys_cli.views.staffing import gap_decimals

if TYPE_CHECKING:
    from tyollisyys_cli.core.caseload import CaseloadRow
    from tyollisyys_cli.core.staffing import StaffingRow
    from tyollisyys_cli.values import Span

#: A caseload's status is its marker's shape as well as its colour (for readers who
#: cannot tell red from green, and for black-and-white prints): over points right.
STATUS_MARKERS = {"within": "o", "over": ">", "under": "<"}


def axis_top(rows: list[CaseloadRow], bands: list[Span | None]) -> float:
    """The caseload axis's end: past every band and every caseload set against one. A
    unit whose staffing is incomplete (Kajaani's 461 over its own 3 FTE) does not stretch
    it, which shrank every band to a sliver; its mark stands at the end, with an arrow.
    Its caseload with its part of the pool (≥ ~79) is on the scale."""
    scaled = [r for r in rows if r.status != "staffing incomplete"] or rows
    pools = [r.with_pool for r in rows if r.status == "staffing incomplete"]
    caseloads = [r.clients_per_advisor for r in scaled]
    return max([*known_ends([*caseloads, *pools]), *known_ends(bands), 10.0]) * 1.15


def caseload_chart(rows: list[CaseloadRow], *, label: str) -> str | None:
    """Each unit's clients per advisor (a dot, a line for a range) on its target band."""
    if not any(r.clients_per_advisor is not None or r.target is not None for r in rows):
        return None
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    bands = [r.target.band() if r.target is not None else None for r in rows]
    top = axis_top(rows, bands)
    decimals = caseload_decimals(rows)  # (as the table beside it)
    with styled():
        figure, ax = new_figure(rows=len(rows) + 2)
        incomplete: set[int] = set()
        drawn_across = False
        for i, (row, band) in enumerate(zip(rows, bands, strict=True)):
            if band is not None:
                low = band.low or 0.0
                high = top if band.high is None else band.high
                ax.barh(
                    i,
                    high - low,
                    left=low,
                    height=0.64,
                    facecolor=COLOURS["band"],
                    # (its edge: the pale band alone was 1.3:1 on white, WCAG 1.4.11)
                    edgecolor=COLOURS["band_edge"],
                    linewidth=0.8,
                    gid=f"mark-band-{i}",
                )
            caseload = row.clients_per_advisor
            if caseload is None or caseload.midpoint is None:
                incomplete.add(i)
                ax.text(
                    top * 0.01,
                    i,
                    status_text(row.status or ""),
                    va="center",
                    fontstyle="italic",
                    color=COLOURS["incomplete"],
                )
                continue
            complete = (
                None not in (caseload.low, caseload.high)
                and band is not None
                and row.status != "staffing incomplete"
            )
            if not complete:
                incomplete.add(i)
            status = row.status if complete and row.status in STATUS_MARKERS else None
            across = complete and row.status in ACROSS_AN_END  # (a diamond, brown)
            drawn_across = drawn_across or across
            colour = COLOURS["uncertain" if across else status or "incomplete"]
            low = 0.0 if caseload.low is None else caseload.low
            high = top if caseload.high is None else min(caseload.high, top)
            beyond = caseload.midpoint > top  # (an incomplete unit's, off the scale)
            if high > low:
                ax.plot(
                    [low, high],
                    [i, i],
                    color=colour,
                    linewidth=2,
                    linestyle="-" if complete else INCOMPLETE,
                )
            ax.plot(
                [top * 0.98 if beyond else caseload.midpoint],  # (inside the axis: whole)
                [i],
                linestyle="",
                marker=">" if beyond else "D" if across else STATUS_MARKERS.get(status or "", "o"),
                markersize=7,
                markeredgecolor=colour,
                markerfacecolor=colour if complete else "white",
                gid=f"mark-caseload-{i}",
            )
            with_pool = (
                " " + _("({caseload} with pool)").format(caseload=span(row.with_pool, 0))
                if row.with_pool is not None and row.with_pool != caseload
                else ""
            )
            ax.annotate(
                span(caseload, decimals) + with_pool + (" →" if beyond else ""),
                (top * 0.98 if beyond else caseload.midpoint, i),
                xytext=(-9, 4) if beyond else (7, 4),
                textcoords="offset points",
                color=colour,
                ha="right" if beyond else "left",
            )
        rows_axis(ax, [r.name for r in rows], grey=incomplete)
        ax.set_xlim(0, top)
        ax.set_xlabel(_("Clients per advisor (clients / caseload-carrying FTE)"))
        ax.legend(
            handles=[
                Patch(
                    facecolor=COLOURS["band"],
                    edgecolor=COLOURS["band_edge"],
                    linewidth=0.8,
                    label=_("target band"),
                ),
                *(
                    Line2D(
                        [],
                        [],
                        color=COLOURS[name],
                        marker=marker,
                        linestyle="",
                        label=status_text(name),
                    )
                    for name, marker in STATUS_MARKERS.items()
                ),
                *(
                    [
                        Line2D(
                            [],
                            [],
                            color=COLOURS["uncertain"],
                            marker="D",
                            linestyle="",
                            label=_("across an end of the band"),
                        )
                    ]
                    if drawn_across
                    else []
                ),
                Line2D(
                    [],
                    [],
                    color=COLOURS["incomplete"],
                    marker="o",
                    markerfacecolor="white",
                    linestyle=INCOMPLETE,
                    label=_("incomplete data"),
                ),
            ],
            # (right-aligned with the plot, spreading left over the names' margin: centred,
            # its third column ran off the figure's right edge)
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=3,
            frameon=False,
        )
        return to_svg(figure, name="caseload", label=label)


def gap_bar(
    gap: Span, left: float, right: float, *, incomplete: bool
) -> tuple[float, float, str, bool]:
    """Where a unit's gap bar runs (an open end to the chart's edge), its colour, and
    whether it is hatched: open-ended staffing, or staffing marked incomplete (its transfer
    unstated, so the gap is not real), which is grey too.

    A target with no lower end (under 100) leaves the gap no lower end, though more staff
    than the target needs is never short of it: that bar runs between 0 and the gap to
    the least the target needs, the FTE to spare or to add (it ran from the chart's edge,
    the widest bar, and read as the worst shortfall).
    """
    under_only = gap.low is None and gap.high is not None
    if under_only:
        low, high = sorted((0.0, gap.high or 0.0))
    else:
        low = left if gap.low is None else gap.low
        high = right if gap.high is None else gap.high
    if incomplete:
        colour = COLOURS["incomplete"]
    elif gap.high is not None and exceeds(0.0, gap.high):  # (a float's noise is no gap)
        colour = COLOURS["short"]
    elif under_only or (gap.low is not None and not exceeds(0.0, gap.low)):  # (high >= 0)
        colour = COLOURS["surplus"]
    else:
        colour = COLOURS["uncertain"]
    open_ended = (gap.low is None and not under_only) or gap.high is None or incomplete
    return low, high, colour, open_ended


def gap_chart(rows: list[StaffingRow], *, label: str) -> str | None:
    """Each unit's planned FTE less the FTE its target needs, as a bar over the range."""
    from matplotlib.patches import Patch

    if not any(r.gap is not None for r in rows):
        return None
    ends = [*known_ends([r.gap for r in rows]), 0.0]
    decimals = gap_decimals(rows)  # (as the table beside it)
    reach = max(abs(end) for end in ends) or 1.0
    left, right = min(min(ends), 0.0) - reach * 0.15, max(max(ends), 0.0) + reach * 0.15
    with styled():
        figure, ax = new_figure(rows=len(rows) + 3)  # (rows for the legend)
        missing: set[int] = set()
        for i, row in enumerate(rows):
            gap = row.gap
            if gap is None:
                missing.add(i)
                why = status_text("no staffing" if row.planned_fte is None else "no target")
                ax.text(
                    left + reach * 0.02,
                    i,
                    why,
                    va="center",
                    fontstyle="italic",
                    color=COLOURS["incomplete"],
                )
                continue
            incomplete = row.status == "staffing incomplete"
            low, high, colour, open_ended = gap_bar(gap, left, right, incomplete=incomplete)
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
            # The label goes right of the bar, or left of it when the bar runs off the right;
            # inside it, at the axis's left end, when it runs off both ends (a gap of `?`
            # stood over its unit's name: "Sodankylä?").
            at_right = gap.high is not None
            inside = not at_right and gap.low is None
            ax.annotate(
                span(gap, decimals),
                (high if at_right else low, i),
                va="center",
                xytext=(4 if at_right or inside else -4, 0),
                textcoords="offset points",
                ha="left" if at_right or inside else "right",
                # (on white, over the zero line, which struck through "~-5.3 – -2.2")
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
                zorder=4,
            )
        ax.axvline(0, color="black", linewidth=0.8)
        rows_axis(ax, [r.name for r in rows], grey=missing)
        ax.set_xlim(left, right)
        ax.set_xlabel(_("FTE gap: planned − needed at the target (below 0: short)"))
        ax.legend(
            handles=[
                Patch(color=COLOURS["short"], label=_("short")),
                Patch(color=COLOURS["surplus"], label=_("enough")),
                Patch(color=COLOURS["uncertain"], label=_("depends on the band's end")),
                Patch(facecolor="white", edgecolor="black", hatch="///", label=_("open-ended")),
                Patch(
                    facecolor=COLOURS["incomplete"],
                    hatch="///",
                    label=status_text("staffing incomplete"),
                ),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=2,
            frameon=False,
        )
        return to_svg(figure, name="gap", label=label)

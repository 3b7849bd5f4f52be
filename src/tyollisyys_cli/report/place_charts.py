"""Charts of the municipalities: a figure computed from the counts (a bar) beside the
figure as published (a diamond), for the unemployment rate and job self-sufficiency.

Marks carry ids `mark-KIND-N` (bars) and `mark-published-KIND-N` (diamonds).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tyollisyys_cli.check.precision import compare
from tyollisyys_cli.i18n import _, number
from tyollisyys_cli.report.svg import COLOURS, new_figure, rows_axis, styled, to_svg
from tyollisyys_cli.views.labels import area_row_name

if TYPE_CHECKING:
    from tyollisyys_cli.core.commuting import CommutingTable
    from tyollisyys_cli.core.statistics import UnemploymentTable
    from tyollisyys_cli.values import Written

#: One bar: the place's name, the computed and the published figure, whether it is the area.
Bar = tuple[str, float | None, "Written | None", bool]


def _bars_chart(
    bars: list[Bar], *, kind: str, xlabel: str, label: str, reference: float | None = None
) -> str | None:
    """Computed figures as bars (the area darker), published ones as diamonds, in %."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    values = [v for _, c, p, _ in bars for v in (c, p.value if p else None) if v is not None]
    if not any(computed is not None for _, computed, _, _ in bars):
        return None
    labelled_twice = False
    with styled():
        figure, ax = new_figure(rows=len(bars) + 1)
        for i, (_name, computed, published, is_area) in enumerate(bars):
            if computed is not None:
                colour = COLOURS["area"] if is_area else COLOURS["bar"]
                ax.barh(i, computed, height=0.6, color=colour, gid=f"mark-{kind}-{i}")
                # The label stands right of the published diamond too, which covered it
                # where the two differ (the findings a reader most needs to read), on
                # white, so that the 100 % line passes behind it.
                end = max(computed, published.value if published is not None else computed)
                text = number(computed, 1) + " %"
                if published is not None and compare(published.value, computed, published.decimals):
                    # (Hyrynsalmi's 78.9 % stood right of the diamond at 89.13, read as
                    # the published figure: a figure printed otherwise is given beside it,
                    # after the diamond the legend names)
                    text += f" (◆ {number(published.value, published.decimals)} %)"
                    labelled_twice = True
                ax.annotate(
                    text,
                    (end, i),
                    xytext=(9, 0),
                    textcoords="offset points",
                    va="center",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
                    zorder=4,
                )
            if published is not None:
                ax.plot(
                    [published.value],
                    [i],
                    linestyle="",
                    marker="D",
                    markersize=5,
                    color=COLOURS["published"],
                    # (a white rim: black on the area's dark bar was 1.8:1, WCAG 1.4.11)
                    markeredgecolor="white",
                    markeredgewidth=0.7,
                    gid=f"mark-published-{kind}-{i}",
                )
        rows_axis(ax, [name for name, *_ in bars], grey=set())
        if reference is not None:
            ax.axvline(reference, color="black", linewidth=0.8, linestyle="--")
        # (room right of the longest bar for its label, longer with a published figure)
        ax.set_xlim(0, max([*values, reference or 0.0]) * (1.45 if labelled_twice else 1.2))
        # (wrapped: the Finnish self-sufficiency label ran off the figure at "tasapai")
        ax.set_xlabel("\n".join(textwrap.wrap(xlabel, 78)))
        ax.legend(
            handles=[
                Patch(color=COLOURS["bar"], label=_("computed from the counts")),
                Line2D([], [], color="black", marker="D", linestyle="", label=_("published")),
            ],
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=2,
            frameon=False,
        )
        return to_svg(figure, name=kind, label=label)


def _shown(name: str, is_area: bool) -> str:
    """A row's name on the chart: the area row's (`Kainuu–Koillismaa (area)` as the core
    names it) in the run's language."""
    if not is_area:
        return name
    return area_row_name(name, name.rpartition(" (area")[0]).shown


def rate_chart(table: UnemploymentTable, *, label: str) -> str | None:
    """The unemployment rate computed from the counts beside the published rate."""
    rows = [*table.rows, table.area_row]
    return _bars_chart(
        [(_shown(r.name, r.is_area), r.rate, r.rate_published, r.is_area) for r in rows],
        kind="rate",
        xlabel=_("Unemployment rate, % (unemployed / labour force × 100)"),
        label=label,
    )


def self_sufficiency_chart(table: CommutingTable, *, label: str) -> str | None:
    """Job self-sufficiency computed from the commuting counts beside the published one."""
    rows = [*table.rows, table.area_row]
    return _bars_chart(
        [
            (_shown(r.name, r.is_area), r.self_sufficiency, r.self_sufficiency_published, r.is_area)
            for r in rows
        ],
        kind="self-sufficiency",
        xlabel=_("Job self-sufficiency, % (jobs / employed residents × 100; 100 = balance)"),
        label=label,
        reference=100.0,
    )

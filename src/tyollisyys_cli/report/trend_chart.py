"""The trend chart: one figure of the area over the months held."""

from __future__ import annotations

from tyollisyys_cli.core.trend import month_index
from tyollisyys_cli.i18n import _, month
from tyollisyys_cli.report.svg import COLOURS, INCOMPLETE, known_ends, new_figure, styled, to_svg
from tyollisyys_cli.values import Span


def _month_position(held: str) -> float:
    year, number_of_month = held.split("-")
    return int(year) + (int(number_of_month) - 1) / 12


def _labelled(xs: list[float]) -> list[int]:
    """The months to label on the axis: about eight, no two closer than an eighth of the
    span, the first and the last among them (2026-05 and 2026-06 after a gap printed
    over each other, "2026-2026-06")."""
    least = (xs[-1] - xs[0]) / 8
    shown = [0]
    for i in range(1, len(xs)):
        if xs[i] - xs[shown[-1]] >= least:
            shown.append(i)
    if shown[-1] != len(xs) - 1:
        if len(shown) > 1:
            shown[-1] = len(xs) - 1  # (the last month held, not one just before it)
        else:
            shown.append(len(xs) - 1)
    return shown


def trend_chart(
    points: list[tuple[str, float | Span | None]],
    *,
    name: str,
    ylabel: str,
    label: str,
    incomplete: bool = False,
) -> str | None:
    """One line over the months held: a dot per month (hollow where the value is a
    range or a bound), a vertical line over a range. Grey and hollow throughout
    where the figures are `incomplete` (a unit's staffing known to be incomplete)."""
    drawn = [
        (held, value if isinstance(value, Span) else Span.exact(value))
        for held, value in points
        if value is not None
    ]
    drawn = [(held, value) for held, value in drawn if value.midpoint is not None]
    if len(drawn) < 2:
        return None
    xs = [_month_position(held) for held, _value in drawn]
    ys = [value.midpoint or 0.0 for _, value in drawn]
    top = max([*ys, *known_ends([value for _, value in drawn])]) * 1.15 or 1.0
    colour = COLOURS["incomplete" if incomplete else "area"]
    with styled():
        figure, ax = new_figure(height=2.4)
        # A line joins months that follow one another only: across months not held it
        # drew a steady rise over 34 months of which it knew two.
        run = [0]
        for i in range(1, len(drawn) + 1):
            if i == len(drawn) or month_index(drawn[i][0]) != month_index(drawn[i - 1][0]) + 1:
                ax.plot(
                    [xs[j] for j in run],
                    [ys[j] for j in run],
                    color=colour,
                    linewidth=1.5,
                    linestyle=INCOMPLETE if incomplete else "-",
                )
                run = [i]
            else:
                run.append(i)
        for i, (x, y, (_month, value)) in enumerate(zip(xs, ys, drawn, strict=True)):
            filled = value.is_exact and not incomplete  # (hollow: a range, a bound, or grey)
            if not value.is_exact:
                low = 0.0 if value.low is None else value.low
                high = top if value.high is None else value.high
                ax.plot(
                    [x, x],
                    [low, high],
                    color=colour,
                    linewidth=1,
                    linestyle="-" if None not in (value.low, value.high) else INCOMPLETE,
                )
            ax.plot(
                [x],
                [y],
                linestyle="",
                marker="o",
                markersize=6,
                markeredgecolor=colour,
                markerfacecolor=colour if filled else "white",
                gid=f"mark-trend-{name}-{i}",
            )
        shown = _labelled(xs)
        ax.set_xticks([xs[i] for i in shown], [month(drawn[i][0]) for i in shown])
        ax.set_ylim(0, top)
        ax.set_xlabel(_("Month (end of month)"))
        ax.set_ylabel(ylabel)
        return to_svg(figure, name=f"trend-{name}", label=label)

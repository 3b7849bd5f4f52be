"""matplotlib figures written as SVG to put inline in the page.

Text stays text (`svg.fonttype: none`): it scales, it can be searched and copied, and
a PDF printed from the page holds it. The output is the same on every run: ids are
hashed with a fixed salt (one per chart, so that two charts in the page do not share
ids), and no date or tool name goes into the SVG's metadata. The XML prolog, the
DOCTYPE (an external URL) and the namespace declarations (which HTML does not need)
are dropped, so the page names no address outside itself.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.i18n import language, number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

    from tyollisyys_cli.values import Span

#: Colours by meaning; the charts say the same with shapes, hatching or labels too.
#: Text and marks stand out from white and from the band by WCAG's ratios (text 4.5:1,
#: marks 3:1): the grey and the brown were 4.3:1 and 2.8:1.
COLOURS = {
    "band": "#cfe8cf",
    "band_edge": "#4d8f4d",
    "within": "#2b7a2b",
    "over": "#b2182b",
    "under": "#2166ac",
    "incomplete": "#636363",
    "bar": "#4a78a8",
    "area": "#1f3b57",
    "published": "#000000",
    "surplus": "#2b7a2b",
    "short": "#b2182b",
    "uncertain": "#8a5a00",
}

_RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
}

_NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}

INCOMPLETE = (0, (2, 1.5))  # the dash of a range that is open on one side


def known_ends(spans: list[Span | None]) -> list[float]:
    """The bounds the spans have (an open side has none)."""
    return [end for s in spans if s is not None for end in (s.low, s.high) if end is not None]


def rows_axis(ax: Axes, names: list[str], *, grey: set[int]) -> None:
    """One row per name, the first on top; the rows in `grey` greyed and slanted."""
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.4, -0.6)  # first row on top
    for i, label in enumerate(ax.get_yticklabels()):
        if i in grey:
            label.set_color(COLOURS["incomplete"])
            label.set_fontstyle("italic")


#: Inches per row of a chart with one row per unit or municipality.
ROW_HEIGHT = 0.32
WIDTH = 6.4


def new_figure(*, rows: int | None = None, height: float = 2.8) -> tuple[Figure, Axes]:
    """A figure (without pyplot's global state) with one axes; tall enough for `rows`."""
    from matplotlib.figure import Figure

    if rows is not None:
        height = max(1.8, 0.9 + ROW_HEIGHT * rows)
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    ax = figure.subplots()
    if language() == "fi":
        finnish_ticks(ax)
    return figure, ax


def finnish_ticks(ax: Axes) -> None:
    """Number the axes' ticks as Finns write numbers: `2,5`, `1 000`, `−10`. The ticks
    are where matplotlib puts them, with the decimals it chooses; only the writing of
    each number changes. (Ticks given their own labels, such as names, keep them.)"""
    from matplotlib.ticker import ScalarFormatter

    class FinnishFormatter(ScalarFormatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return finnish_number(super().__call__(x, pos))

    ax.xaxis.set_major_formatter(FinnishFormatter())
    ax.yaxis.set_major_formatter(FinnishFormatter())


def finnish_number(text: str) -> str:
    """A number as matplotlib writes a tick (`2.5`, `1000`, `−10`) as `render.text`
    writes it in Finnish, with as many decimals; any other text as it is."""
    plain = text.replace("\u2212", "-")
    try:
        value = float(plain)
    except ValueError:
        return text
    return number(value, len(plain.partition(".")[2]))


def to_svg(figure: Figure, *, name: str, label: str) -> str:
    """The figure as an `<svg>` element for HTML, with id `chart-NAME` and an accessible
    name (`label`, the id of the caption that describes it)."""
    import matplotlib

    settings: dict[RcKeyType, Any] = {**_RC, "svg.hashsalt": f"tyollisyys-{name}"}
    with matplotlib.rc_context(settings):
        buffer = io.StringIO()
        # (the whole of every text: a legend wider than a one-row chart lost its first
        # letters, "avoiteväli", and a label past the axis its end)
        figure.savefig(
            buffer, format="svg", metadata=_NO_METADATA, bbox_inches="tight", pad_inches=0.04
        )
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    opening = svg[: svg.index(">") + 1]
    attributes = re.sub(r'\s+xmlns(:\w+)?="[^"]*"|\s+version="[^"]*"', "", opening[4:-1])
    head = f'<svg id="chart-{name}" class="chart" role="img" aria-labelledby="{label}"'
    return head + attributes + ">" + svg[len(opening) :].rstrip() + "\n"


def styled() -> Any:
    """The rc settings in force while a chart is drawn (fonts decide text sizes)."""
    import matplotlib

    return matplotlib.rc_context(_RC)

"""Numbers in finding messages: `3 217`, `8.29`, `67–119`, `≥ 24.5`."""

from __future__ import annotations

from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.render.text import number
from tyollisyys_cli.values import Span


def figure(value: float, decimals: int | None = None) -> str:
    """A whole number as `3 217`; otherwise with `decimals` (default 2) decimals."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return number(value, decimals)


def printed_as(value: float, decimals: int) -> str:
    """A printed figure with the decimals it was printed with."""
    return number(value, decimals)


def computed_as(value: float, printed_decimals: int) -> str:
    """A computed ratio with the decimals it was printed with, at least 2."""
    return number(value, max(2, printed_decimals))


def span_text(value: Span, decimals: int | None = None) -> str:
    """`67–119`, `≥ 24.5`, `7` for an exact span; whole numbers unless told or fractional."""
    from tyollisyys_cli.render.text import span

    if decimals is None:
        decimals = 0
        for bound in (value.low, value.high):
            if bound is not None and not float(bound).is_integer():
                decimals = 1
    return span(value, decimals)


#: Statistics columns in words, for messages (translated where they are used).
LABELS = {
    "labour_force": N_("labour force"),
    "unemployed": N_("unemployed"),
    "men": N_("unemployed men"),
    "women": N_("unemployed women"),
    "under_20": N_("unemployed under 20"),
    "under_25": N_("unemployed under 25"),
    "over_50": N_("unemployed over 50"),
    "long_term": N_("long-term unemployed"),
    "disabled_or_ill": N_("disabled and long-term ill unemployed"),
    "foreign": N_("unemployed foreign nationals"),
    "open_vacancies": N_("open vacancies"),
}


def label(column: str) -> str:
    """A column's name in words: `foreign` → `unemployed foreign nationals`."""
    text = LABELS.get(column)
    return column.replace("_", " ") if text is None else _(text)

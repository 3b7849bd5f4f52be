"""The unemployment table: rate computed beside the published one, groups and shares."""

from __future__ import annotations

from typing import Any

from tyollisyys_cli.core.statistics import SHOWN_GROUPS, UnemploymentRow, UnemploymentTable, share
from tyollisyys_cli.i18n import N_, _, language, month
from tyollisyys_cli.render.model import Column, Label, Note, TableData, with_total_row
from tyollisyys_cli.statfin.source import shown_source
from tyollisyys_cli.values import Unknown
from tyollisyys_cli.views.labels import area_row_name

GROUP_HEADERS = {
    "under_25": N_("Under 25"),
    "over_50": N_("Over 50"),
    "long_term": N_("Long-term"),
    "disabled_or_ill": N_("Disabled/ill"),
    "foreign": N_("Foreign"),
}
#: Each group's count and share, described for people.
GROUP_DESCRIPTIONS = {
    "under_25": (N_("unemployed: under 25"), N_("under 25 as % of the unemployed")),
    "over_50": (N_("unemployed: over 50"), N_("over 50 as % of the unemployed")),
    "long_term": (N_("unemployed: long-term"), N_("long-term as % of the unemployed")),
    "disabled_or_ill": (
        N_("unemployed: disabled/ill"),
        N_("disabled/ill as % of the unemployed"),
    ),
    "foreign": (N_("unemployed: foreign"), N_("foreign as % of the unemployed")),
}


def _columns() -> tuple[Column, ...]:
    columns = [
        Column("code", N_("Code"), give_way=3),
        Column("municipality", N_("Municipality")),
        Column("labour_force", N_("Labour force"), "int", give_way=2),
        Column("unemployed", N_("Unemployed"), "int"),
        Column("rate", N_("Rate %"), "number", 1, N_("unemployed / labour force × 100, computed")),
        Column(
            "rate_published", N_("Published %"), "number", 1, N_("rate as printed, same digits")
        ),
    ]
    # Groups give way last first: the first groups are the ones most read.
    for order, group in enumerate(SHOWN_GROUPS):
        header = GROUP_HEADERS[group]
        count, share_of = GROUP_DESCRIPTIONS[group]
        give_way = 4 + order
        columns.append(Column(group, header, "span", 0, count, give_way=give_way))
        columns.append(
            Column(
                f"{group}_share",
                "%",
                "span",
                1,
                share_of,
                beside=group,
                give_way=give_way,
            )
        )
    return tuple(columns)


COLUMNS = _columns()


def _row(row: UnemploymentRow, name: str | Label) -> dict[str, Any]:
    values: dict[str, Any] = {
        "code": row.code,
        "municipality": name,
        "labour_force": row.labour_force,
        "unemployed": row.unemployed,
        "rate": row.rate,
        "rate_published": row.rate_published,
    }
    for group in SHOWN_GROUPS:
        value = row.groups[group]
        values[group] = value
        values[f"{group}_share"] = share(value, row.unemployed)
    return values


def unemployment_view(table: UnemploymentTable, area_name: str) -> TableData:
    rows = [_row(r, r.name) for r in table.rows]
    rows.append(_row(table.area_row, area_row_name(table.area_row.name, area_name)))
    styles = with_total_row(len(table.rows))
    return TableData(
        name="unemployment",
        title=_("Unemployment, {area}, {month}").format(area=area_name, month=month(table.month)),
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=[
            _("Source: {source}.").format(
                source=shown_source(table.source_fi if language() == "fi" else table.source)
            ),
            *_unknown(table),
        ],
        metadata={"month": table.month, "source": table.source},
    )


def _unknown(table: UnemploymentTable) -> list[str]:
    """What a withheld or missing cell is, where the table has one (official statistics
    lose none in print: no word of `missing` beside them; an imported month has no
    printed total), about the group columns."""
    kinds = {v for r in table.rows for v in r.groups.values() if isinstance(v, Unknown)}
    if Unknown.MISSING in kinds:
        text = _(
            "withheld = a small count kept confidential (not zero); missing = lost in "
            "print. Area groups with such cells are ranges of what they can hold ({low}–"
            "{high} persons in a withheld cell), or the printed total where it lies in "
            "that range."
        )
    elif Unknown.WITHHELD in kinds and table.printed_totals:
        text = _(
            "withheld = a small count kept confidential (not zero). Area groups with such "
            "cells are ranges of what they can hold ({low}–{high} persons in a withheld "
            "cell), or the printed total where it lies in that range."
        )
    elif Unknown.WITHHELD in kinds:
        text = _(
            "withheld = a small count kept confidential (not zero). Area groups with such "
            "cells are ranges of what they can hold ({low}–{high} persons in a withheld "
            "cell)."
        )
    else:
        return []
    low, high = table.withheld_cell
    text = text.format(low=low, high=high)
    return [Note(text, *SHOWN_GROUPS)]

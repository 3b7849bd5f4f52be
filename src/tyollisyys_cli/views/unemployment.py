"""The unemployment table: rate computed beside the published one, groups and shares."""

from __future__ import annotations

from typing import Any

from tyollisyys_cli.core.statistics import GROUPS, UnemploymentRow, UnemploymentTable, share
from tyollisyys_cli.render.model import Column, TableData, with_total_row

GROUP_HEADERS = {
    "under_25": "Under 25",
    "over_50": "Over 50",
    "long_term": "Long-term",
    "disabled_or_ill": "Disabled/ill",
    "foreign": "Foreign",
}


def _columns() -> tuple[Column, ...]:
    columns = [
        Column("code", "Code", give_way=3),
        Column("municipality", "Municipality"),
        Column("labour_force", "Labour force", "int", give_way=2),
        Column("unemployed", "Unemployed", "int"),
        Column("rate", "Rate %", "number", 1, "unemployed / labour force × 100, computed"),
        Column("rate_published", "Published %", "number", 1, "rate as printed, same digits"),
    ]
    # Groups give way last first: the first groups are the ones most read.
    for order, group in enumerate(GROUPS):
        header = GROUP_HEADERS[group]
        give_way = 4 + order
        columns.append(
            Column(group, header, "span", 0, f"unemployed: {header.lower()}", give_way=give_way)
        )
        columns.append(
            Column(
                f"{group}_share",
                "%",
                "span",
                1,
                f"{header.lower()} as % of the unemployed",
                beside=group,
                give_way=give_way,
            )
        )
    return tuple(columns)


COLUMNS = _columns()


def _row(row: UnemploymentRow) -> dict[str, Any]:
    values: dict[str, Any] = {
        "code": row.code,
        "municipality": row.name,
        "labour_force": row.labour_force,
        "unemployed": row.unemployed,
        "rate": row.rate,
        "rate_published": row.rate_published,
    }
    for group in GROUPS:
        value = row.groups[group]
        values[group] = value
        values[f"{group}_share"] = share(value, row.unemployed)
    return values


def unemployment_view(table: UnemploymentTable, area_name: str) -> TableData:
    rows = [_row(r) for r in table.rows] + [_row(table.area_row)]
    styles = with_total_row(len(table.rows))
    return TableData(
        name="unemployment",
        title=f"Unemployment, {area_name}, {table.month}",
        columns=COLUMNS,
        rows=rows,
        styles=styles,
        notes=[
            f"Source: {table.source}.",
            "withheld = a small count kept confidential (not zero); missing = lost in print. "
            "Area groups with such cells are ranges of what they can hold (a withheld cell "
            "as set in area.withheld_cell), or the printed total where it lies in that range.",
        ],
        metadata={"month": table.month, "source": table.source},
    )

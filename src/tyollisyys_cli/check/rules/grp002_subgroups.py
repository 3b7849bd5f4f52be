"""Every group of the unemployed is at most the unemployed total.

Men, women, the age groups, the long-term unemployed, the disabled and ill and the
foreign nationals are all subsets of the unemployed. Loading already refuses a
municipality's row where a group exceeds its unemployed; this rule checks the totals
row, where a wrong total shows up as groups larger than it. One finding per row lists
every group that exceeds the total.
"""

from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure, label
from tyollisyys_cli.dataset import ValueRef
from tyollisyys_cli.models.area import GROUP_FIELDS, StatisticsRow

CODE = "GRP002"
NAME = "subgroup-within-total"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot in ctx.area.snapshots:
        rows: list[tuple[str, StatisticsRow, ValueRef]] = [
            (ctx.name(code), row, snapshot.row_refs[code]) for code, row in snapshot.rows.items()
        ]
        if snapshot.printed_totals is not None and snapshot.totals_ref is not None:
            rows.append(("totals row", snapshot.printed_totals, snapshot.totals_ref))
        for place, row, ref in rows:
            larger = [
                (group, value)
                for group in GROUP_FIELDS
                if isinstance(value := getattr(row, group), int) and value > row.unemployed
            ]
            if not larger:
                continue
            listed = ", ".join(f"{label(group)} {figure(v)}" for group, v in larger)
            largest = max(value for _, value in larger)
            yield ctx.finding(
                CODE,
                "error",
                ctx.cell_ref(ref, "unemployed"),
                f"{place}: unemployed is printed as {figure(row.unemployed)}, fewer than "
                f"{len(larger)} of its own groups ({listed})",
                printed=row.unemployed,
                computed=largest,
            )

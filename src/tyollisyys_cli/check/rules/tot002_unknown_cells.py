"""Totals of columns with withheld or missing cells against what those cells can hold.

A withheld cell ("..." in the statistics) holds a small count: the area file's
`withheld_cell` range (1–4 persons by default), never zero. A missing cell (lost from
the printed table) holds anything from 0 to the row's unemployed. A printed total is
consistent when it lies between the known cells plus the least the unknown cells can
hold and the known cells plus the most they can hold.

- error: the total cannot be explained by the known cells and the unknown ones;
- info: it can, and the unknown cells must then hold (printed − known) persons.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure, label, span_text
from tyollisyys_cli.core.statistics import cell_value, group_total
from tyollisyys_cli.models.rowfields import GROUP_FIELDS
from tyollisyys_cli.values import Unknown

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StatisticsRow

CODE = "TOT002"
NAME = "totals-with-unknown-cells"


def check(ctx: Context) -> Iterator[Finding]:
    for snapshot, totals, ref in ctx.totals():
        rows = list(snapshot.rows.values())
        for column in (*GROUP_FIELDS, "open_vacancies"):
            printed = getattr(totals, column)
            if not isinstance(printed, int):
                continue
            possible = group_total(ctx.area, rows, column)
            if possible.is_exact:
                continue  # every cell known: TOT001
            known, cells = known_and_unknown(ctx, snapshot.rows, column)
            name = label(column)
            cell_ref = ctx.cell_ref(ref, column)
            if possible.contains(printed):
                yield ctx.finding(
                    CODE,
                    "info",
                    cell_ref,
                    f"{name}: the total is {figure(printed)} and the known cells sum to "
                    f"{figure(known)}, "
                    f"so {cells} must hold {figure(printed - known)} persons",
                    printed=printed,
                    computed=possible,
                )
                continue
            least = possible.low if possible.low is not None else known
            reason = (
                f"falls short of the known cells ({figure(known)}) plus the least {cells} "
                f"hold ({figure(least - known)})"
                if printed < least
                else f"is more than the known cells ({figure(known)}) plus the most {cells} "
                f"can hold"
            )
            yield ctx.finding(
                CODE,
                "error",
                cell_ref,
                f"{name}: the total is printed as {figure(printed)}, which {reason}: "
                f"the total must be {span_text(possible)}",
                printed=printed,
                computed=possible,
            )


def known_and_unknown(
    ctx: Context, rows: Mapping[str, StatisticsRow], column: str
) -> tuple[int, str]:
    """The sum of a column's known cells, and its unknown cells in words."""
    known = sum(v for r in rows.values() if isinstance(v := cell_value(r, column), int))
    unknown = [
        (code, value)
        for code, r in rows.items()
        if isinstance(value := cell_value(r, column), Unknown)
    ]
    return known, _describe(ctx, unknown)


def _describe(ctx: Context, unknown: list[tuple[str, Unknown]]) -> str:
    withheld = [ctx.name(code) for code, kind in unknown if kind is Unknown.WITHHELD]
    missing = [ctx.name(code) for code, kind in unknown if kind is Unknown.MISSING]
    parts = []
    if withheld:
        parts.append(
            f"{len(withheld)} withheld cell{'s' if len(withheld) > 1 else ''} "
            f"({', '.join(withheld)})"
        )
    if missing:
        parts.append(
            f"{len(missing)} missing cell{'s' if len(missing) > 1 else ''} ({', '.join(missing)})"
        )
    return " and ".join(parts)

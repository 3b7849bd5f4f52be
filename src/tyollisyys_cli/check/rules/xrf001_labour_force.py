from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Snapshot, ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.numbers import figure
from tyollisyys_cli.i18n import N_, _, month

if TYPE_CHECKING:
    from tyollisyys_cli.models.commuting import CommutingFile

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Each municipality's labour force in the statistics table against the commuting table.

Both tables give each municipality's labour force; of the same month, the two must
agree. Each municipality whose figures differ is one finding, at the commuting table's
figure: `printed` is that figure and `computed` the statistics table's. Where
commuting.yaml names the plan's month (`month:`), counts are exact and any difference
is an error. Where it names another month, the figures may differ and nothing is
reported. Where it names none (the seed plan's table gives no month), a difference is
a warning that says it assumes the plan's month: an assumption of the tool is no error
of the plan.

A difference is reported once, where it arises. It carries into the totals rows of the
two tables and into the area's labour force the text states, so the finding says where
it does (the totals rows differing by the same amount, the text's figure following one
of the tables) instead of reporting those figures again. What the rows do not explain
is found by other rules: each totals row against its own rows (COM003, TOT001), the
text's figure against the statistics table (CLM001).
"""
)

CODE = "XRF001"
NAME = "labour-force-in-two-places"


@dataclass(frozen=True)
class _Difference:
    index: int
    code: str
    commuting: int
    statistics: int


def check(ctx: Context) -> Iterator[Finding]:
    commuting, snapshot = ctx.area.commuting, ctx.plan_snapshot()
    if commuting is None or snapshot is None:
        return
    if commuting.month is not None and commuting.month != snapshot.month:
        return  # (figures of another month may differ)
    # A table of no month is taken to be of the plan's month: said, and no error.
    assumed = commuting.month is None
    differences = [
        _Difference(i, row.municipality, row.labour_force, stats.labour_force)
        for i, row in enumerate(commuting.rows)
        if (stats := snapshot.rows.get(row.municipality)) is not None
        and stats.labour_force != row.labour_force
    ]
    for difference in differences:
        where = _line(ctx, ctx.cell_ref(snapshot.row_refs[difference.code], "labour_force"))
        consequences = [
            _totals(ctx, commuting, snapshot, differences, difference),
            _text(ctx, commuting, snapshot),
        ]
        said = _(", and ").join(part for part in consequences if part)
        if assumed:
            assumption = _(
                "the commuting table gives no month: this assumes it is of the plan's month, "
                "{month}"
            ).format(month=month(snapshot.month))
            said = f"{said}; {assumption}" if said else assumption
        yield ctx.finding(
            CODE,
            "warning" if assumed else "error",
            ValueRef("commuting", ("rows", difference.index, "labour_force")),
            _(
                "{place}: labour force is {commuting} in the commuting table but {statistics} "
                "in the statistics table{where}"
            ).format(
                place=ctx.name(difference.code),
                commuting=figure(difference.commuting),
                statistics=figure(difference.statistics),
                where=where,
            )
            + (f"; {said}" if said else ""),
            printed=difference.commuting,
            computed=difference.statistics,
        )


def _totals(
    ctx: Context,
    commuting: CommutingFile,
    snapshot: Snapshot,
    differences: list[_Difference],
    difference: _Difference,
) -> str:
    """What the rows' differences make of the totals rows (empty when they explain
    nothing there)."""
    printed = snapshot.printed_totals
    if commuting.totals is None or printed is None:
        return ""
    apart = commuting.totals.labour_force - printed.labour_force
    if apart == 0 or apart != sum(d.commuting - d.statistics for d in differences):
        return ""
    in_commuting = _at(ctx, ValueRef("commuting", ("totals", "labour_force")))
    ref = snapshot.totals_ref
    in_statistics = "" if ref is None else _at(ctx, ctx.cell_ref(ref, "labour_force"))
    totals = (
        f"({figure(commuting.totals.labour_force)}{in_commuting}, "
        f"{figure(printed.labour_force)}{in_statistics})"
    )
    others = [ctx.name(d.code) for d in differences if d is not difference]
    if not others:
        return _("the totals rows differ by the same {difference} {totals}").format(
            difference=figure(abs(apart)), totals=totals
        )
    return _(
        "with {others}, this makes the difference of {difference} between the totals rows {totals}"
    ).format(others=", ".join(others), difference=figure(abs(apart)), totals=totals)


def _text(ctx: Context, commuting: CommutingFile, snapshot: Snapshot) -> str:
    """Which table the text's figure for the area's labour force follows."""
    tables = {
        "statistics": sum(row.labour_force for row in snapshot.rows.values()),
        "commuting": sum(row.labour_force for row in commuting.rows),
    }
    said: list[str] = []
    if tables["statistics"] == tables["commuting"]:
        return ""
    for c, claim in enumerate(ctx.area.plan.claims):
        if claim.quantity != "labour_force" or claim.place is not None or claim.region:
            continue
        for table, total in tables.items():
            if claim.value == total:
                where = _line(ctx, ValueRef("municipalities", ("claims", c, "value")))
                follows = (
                    _("the text's {value}{where} follows the statistics table")
                    if table == "statistics"
                    else _("the text's {value}{where} follows the commuting table")
                )
                said.append(follows.format(value=figure(claim.value), where=where))
    return ", ".join(said)


def _line(ctx: Context, ref: ValueRef) -> str:
    """` (file line N)` for the value at `ref` (empty when its line is not known)."""
    where = ctx.area.locate(ref)
    if where.line is None:
        return ""
    return _(" ({file} line {line})").format(file=where.file.name, line=where.line)


def _at(ctx: Context, ref: ValueRef) -> str:
    """` at file line N` for the value at `ref` (empty when its line is not known)."""
    where = ctx.area.locate(ref)
    if where.line is None:
        return ""
    return _(" at {file} line {line}").format(file=where.file.name, line=where.line)

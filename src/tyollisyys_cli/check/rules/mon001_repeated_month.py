from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.area.paths import STATISTICS_DIR
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.i18n import N_, _, month
from tyollisyys_cli.models.rowfields import ROW_FIELDS

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """A month whose statistics are another month's, cell for cell.

The monthly statistics count the unemployed of every municipality anew each month: two
months never agree in every cell. A month that does is most likely a copy of another
month's file (copied to fill a gap, or linked to it), and its figures are not its own.
It is a warning at the later month's first row, naming the other; where a month's file
is a link, the warning names the link. `tyollisyys import statfin --month YYYY-MM
--replace` fetches a month's own figures (an import never writes through a link).
"""
)

CODE = "MON001"
NAME = "repeated-month"


def check(ctx: Context) -> Iterator[Finding]:
    alike: dict[tuple[object, ...], list[tuple[str, ValueRef]]] = {}
    for snapshot in ctx.area.snapshots:
        rows = list(ctx.rows(snapshot))
        if rows:
            cells = tuple(
                sorted(
                    (code, tuple(getattr(row, f, None) for f in ROW_FIELDS))
                    for code, row, _ref in rows
                )
            )
            alike.setdefault(cells, []).append((snapshot.month, rows[0][2]))
    for months in alike.values():
        if len(months) < 2:
            continue
        # (each link is a copy, whichever month it is; of the others, every one after the
        # first: a link among them hid a copy)
        files = [(held, at) for held, at in months if not _linked_month(ctx, at)]
        for held, at in months:
            if _linked_month(ctx, at):
                path = Path(ctx.area.locate(at).file)
                message = _(
                    "{file} is a link to {target}: the figures of {month} are that file's; "
                    "remove the link and import {month} from Statistics Finland"
                ).format(
                    file=f"{STATISTICS_DIR}/{path.name}",
                    target=os.readlink(path),
                    month=month(held),
                )
            elif (held, at) != files[0]:
                other, other_ref = files[0]
                message = _(
                    "every figure of {month} is that of {other} ({file}), in every row: one of "
                    "the two months is likely a copy of the other; import each from Statistics "
                    "Finland"
                ).format(month=month(held), other=month(other), file=_named(ctx, other_ref))
            else:
                continue
            # (at the row, not a cell: no other rule's finding about a value joins it)
            yield ctx.finding(CODE, "warning", at, message)


def _linked_month(ctx: Context, ref: ValueRef) -> bool:
    """Whether the rows at `ref` are of a month file in statistics/ that is a link (the
    plan's own month, in a municipalities.yaml linked in, is no copy)."""
    return ref.file_key.startswith(f"{STATISTICS_DIR}/") and (
        Path(ctx.area.locate(ref).file).is_symlink()
    )


def _named(ctx: Context, ref: ValueRef) -> str:
    """The file of the rows at `ref` as the data folder names it: `statistics/2026-05.csv`,
    or `municipalities.yaml` for the plan's own month (the message's location names the
    folder already)."""
    path = Path(ctx.area.locate(ref).file)
    return f"{STATISTICS_DIR}/{path.name}" if ref.file_key.startswith(STATISTICS_DIR) else path.name

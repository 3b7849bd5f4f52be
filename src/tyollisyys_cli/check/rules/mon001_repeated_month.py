from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
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
It is a warning at the later month's first row, naming the other; `tyollisyys import
statfin --month YYYY-MM --replace` fetches a month's own figures.
"""
)

CODE = "MON001"
NAME = "repeated-month"


def check(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[object, ...], tuple[str, ValueRef]] = {}
    for snapshot in ctx.area.snapshots:
        rows = list(ctx.rows(snapshot))
        if not rows:
            continue
        cells = tuple(
            sorted(
                (code, tuple(getattr(row, f, None) for f in ROW_FIELDS)) for code, row, _ref in rows
            )
        )
        _code, _row, ref = rows[0]
        first, first_ref = seen.setdefault(cells, (snapshot.month, ref))
        if first == snapshot.month:
            continue
        yield ctx.finding(
            CODE,
            "warning",
            ctx.cell_ref(ref, "unemployed"),
            _(
                "every figure of {month} is that of {other} ({file}), in every row: one of "
                "the two months is likely a copy of the other; import each from Statistics "
                "Finland"
            ).format(
                month=month(snapshot.month),
                other=month(first),
                file=ctx.area.locate(first_ref).file,
            ),
        )

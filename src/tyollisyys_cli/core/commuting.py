"""Commuting and job self-sufficiency.

Jobs in a municipality = residents working there + commuters in.
Employed residents = residents working there + commuters out.
Job self-sufficiency = jobs / employed residents × 100. The area's figure is the ratio
of the summed parts, never a mean of the municipalities' percentages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from tyollisyys_cli.area.dataset import Area, ValueRef
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.values import Written, as_written


class Figures(Protocol):
    """The counts of a commuting row (a row of the file, its totals, or sums)."""

    @property
    def labour_force(self) -> int: ...
    @property
    def commuting_in(self) -> int: ...
    @property
    def commuting_out(self) -> int: ...
    @property
    def working_in_own(self) -> int: ...


@dataclass(frozen=True)
class Sums:
    """Column sums of commuting rows."""

    labour_force: int
    commuting_in: int
    commuting_out: int
    working_in_own: int


def jobs(figures: Figures) -> int:
    return figures.working_in_own + figures.commuting_in


def employed_residents(figures: Figures) -> int:
    return figures.working_in_own + figures.commuting_out


def job_self_sufficiency(jobs_here: int, employed: int) -> float | None:
    """Jobs per employed resident × 100 (None without employed residents)."""
    if employed <= 0:
        return None
    return jobs_here / employed * 100


@dataclass(frozen=True)
class CommutingRow:
    code: str | None
    name: str
    labour_force: int
    commuting_in: int
    commuting_out: int
    working_in_own: int
    jobs: int
    employed_residents: int
    net_commuting: int
    self_sufficiency: float | None
    #: As printed, with the printed digits (`105`, `89.13`).
    self_sufficiency_published: Written | None
    is_area: bool = False


@dataclass(frozen=True)
class CommutingTable:
    source: str
    rows: list[CommutingRow]
    area_row: CommutingRow
    #: The area's municipalities without a row: the area row sums the others only.
    missing: list[str] = field(default_factory=list)
    #: The month the table's figures describe, where it gives one (YYYY-MM).
    month: str | None = None


def _row(
    code: str | None,
    name: str,
    figures: Figures,
    *,
    is_area: bool,
    published: Written | None,
) -> CommutingRow:
    here, employed = jobs(figures), employed_residents(figures)
    return CommutingRow(
        code=code,
        name=name,
        labour_force=figures.labour_force,
        commuting_in=figures.commuting_in,
        commuting_out=figures.commuting_out,
        working_in_own=figures.working_in_own,
        jobs=here,
        employed_residents=employed,
        net_commuting=figures.commuting_in - figures.commuting_out,
        self_sufficiency=job_self_sufficiency(here, employed),
        self_sufficiency_published=published,
        is_area=is_area,
    )


def summed(rows: list[Figures]) -> Sums:
    """The column sums of commuting rows."""
    return Sums(
        labour_force=sum(r.labour_force for r in rows),
        commuting_in=sum(r.commuting_in for r in rows),
        commuting_out=sum(r.commuting_out for r in rows),
        working_in_own=sum(r.working_in_own for r in rows),
    )


def commuting_table(area: Area, selection: Selection) -> CommutingTable | None:
    """Per selected municipality and for the area; None when the area has no commuting data."""
    if area.commuting is None:
        return None
    rows = [
        _row(
            r.municipality,
            area.municipality(r.municipality).name,
            r,
            is_area=False,
            published=_published(area, i, r.job_self_sufficiency),
        )
        for i, r in enumerate(area.commuting.rows)
        if selection.includes(r.municipality)
    ]
    totals = area.commuting.totals
    held = {r.municipality for r in area.commuting.rows}
    missing = [m.name for m in area.municipalities if m.code not in held]
    # A sum of some municipalities only says so in its name, in every format; the
    # published figure, the whole area's, is not set beside it.
    of = f", {len(area.municipalities) - len(missing)} of {len(area.municipalities)}"
    area_row = _row(
        None,
        f"{area.name} (area{of if missing else ''})",
        summed(list(area.commuting.rows)),
        is_area=True,
        published=None
        if missing or totals is None or totals.job_self_sufficiency is None
        else as_written(
            totals.job_self_sufficiency,
            area.written(ValueRef("commuting", ("totals", "job_self_sufficiency"))),
        ),
    )
    return CommutingTable(area.commuting.source, rows, area_row, missing, area.commuting.month)


def _published(area: Area, index: int, value: float | None) -> Written | None:
    """Row `index`'s printed self-sufficiency with the digits it was printed with."""
    if value is None:
        return None
    ref = ValueRef("commuting", ("rows", index, "job_self_sufficiency"))
    return as_written(value, area.written(ref))

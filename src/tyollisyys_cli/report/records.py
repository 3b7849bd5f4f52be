"""What the report shows: the records the core computed, gathered in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tyollisyys_cli.check.runner import Outcome
    from tyollisyys_cli.core.caseload import CaseloadTable, ImpliedFactor
    from tyollisyys_cli.core.commuting import CommutingTable
    from tyollisyys_cli.core.staffing import StaffingTable
    from tyollisyys_cli.core.statistics import UnemploymentTable
    from tyollisyys_cli.core.trend import TrendTable
    from tyollisyys_cli.models.amounts import Amount


@dataclass(frozen=True)
class StaffDecision:
    """One staff line of a unit and whether it carries a caseload (with the reason)."""

    unit: str
    role: str
    fte: Amount
    origin: str
    caseload: bool
    note: str | None


@dataclass(frozen=True)
class ReportRecords:
    """Everything one report shows, as computed by the core for one month."""

    area_name: str
    month: str
    plan_month: str
    #: The places named on the command line (empty: the whole area).
    places: list[str]
    #: The area's sources by table (as the data write them, and as the page shows them:
    #: in the run's language where the data give it), and the month's statistics' source.
    sources: dict[str, str]
    sources_shown: dict[str, str]
    statistics_source: str
    #: Where the reference month's figures come from (its file's, where imported anew).
    reference_source: str
    caseload: CaseloadTable
    implied_factors: list[ImpliedFactor]
    staffing: StaffingTable
    unemployment: UnemploymentTable
    trend: TrendTable
    commuting: CommutingTable | None
    findings: Outcome
    staff_decisions: list[StaffDecision] = field(default_factory=list)
    #: Fewest and most persons a withheld statistics cell holds.
    withheld_cell: tuple[int, int] = (1, 4)
    #: Every month the data hold (the trend shows those up to `month`).
    months_held: list[str] = field(default_factory=list)
    #: The area's data folder: the findings name their files within it.
    data_folder: Path | None = None
    #: What the data are where they are the bundled example's (a message marked N_(),
    #: the summary says so); empty for an area's own.
    example: str = ""
    #: The language of the plan's own words (`area.language`): the page marks them so.
    plan_language: str = "fi"

    @property
    def heading(self) -> str:
        """What the report is of: the area, or the places asked about and their area."""
        return f"{', '.join(self.places)} ({self.area_name})" if self.places else self.area_name

"""Who counts as a client: the client base a caseload is computed over.

The plan's "asiakas" is any personal customer of the employment services, a broader
group than the unemployed of the statistics table. The client base is therefore a
choice the user sees and can change, never a hidden constant: by default the unemployed
job seekers, optionally all job seekers (where the statistics hold them), either scaled
by a factor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tyollisyys_cli import i18n
from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _

if TYPE_CHECKING:
    from tyollisyys_cli.models.area import StatisticsRow


ClientKind = Literal["unemployed", "job-seekers"]


class ClientBaseUnavailable(UnknownName):
    """The chosen client base is not in the statistics of the month."""


@dataclass(frozen=True)
class ClientBase:
    """Clients = the chosen count of the statistics × factor."""

    kind: ClientKind = "unemployed"
    factor: float = 1.0

    def clients(self, row: StatisticsRow) -> float:
        """The number of clients in one municipality's statistics row."""
        if self.kind == "unemployed":
            return row.unemployed * self.factor
        if not isinstance(row.job_seekers, int):
            raise ClientBaseUnavailable(
                _(
                    "these statistics have no count of all job seekers; import a month of the "
                    "official statistics or use --client-base unemployed"
                )
            )
        return row.job_seekers * self.factor

    def words(self) -> str:
        """`unemployed job seekers × 2.08`, in the run's language, of no month."""
        label = _("unemployed job seekers") if self.kind == "unemployed" else _("all job seekers")
        return label + self._scaled()

    def describe(self, month: str) -> str:
        """`unemployed job seekers (2023-08) × 2.08`, in the run's language (`month` a
        `YYYY-MM` or words such as `each month`)."""
        when = i18n.month(month)
        if self.kind == "unemployed":
            label = _("unemployed job seekers ({month})").format(month=when)
        else:
            label = _("all job seekers ({month})").format(month=when)
        return label + self._scaled()

    def _scaled(self) -> str:
        """` × 2.08`, the factor as it was given (every digit, never `1e-09`); nothing for
        a factor of 1."""
        return "" if self.factor == 1 else f" × {i18n.every_digit(self.factor)}"

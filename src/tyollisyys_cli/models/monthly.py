"""A row of a monthly statistics file (`statistics/YYYY-MM.csv`): a statistics row with
the municipality it is for."""

from __future__ import annotations

from pydantic import Field

from tyollisyys_cli.models.area import StatisticsRow
from tyollisyys_cli.models.fields import MunicipalityCode


class MonthlyRow(StatisticsRow):
    """One municipality's statistics in one month."""

    municipality: MunicipalityCode = Field(description="Statistics Finland municipality code")

"""A monthly statistics file written as YAML (`statistics/YYYY-MM.yaml`, as earlier versions
imported them); the CSV months (`monthcsv`) are checked against the same row model."""

from __future__ import annotations

from pydantic import Field

from tyollisyys_cli.models.amounts import Strict
from tyollisyys_cli.models.area import StatisticsRow
from tyollisyys_cli.models.fields import Month, MunicipalityCode, Text


class MonthlyRow(StatisticsRow):
    """One municipality's statistics in one month."""

    municipality: MunicipalityCode = Field(description="Statistics Finland municipality code")


class MonthlyStatistics(Strict):
    """`statistics/YYYY-MM.yaml`: one month of the official statistics for the area."""

    month: Month = Field(description="the month, YYYY-MM; the same as the file name")
    source: Text = Field(description="where the figures come from")
    rows: list[MonthlyRow] = Field(min_length=1, description="one row per municipality")

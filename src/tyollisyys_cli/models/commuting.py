"""The commuting file (`commuting.yaml`): the plan's mobility table."""

from __future__ import annotations

from pydantic import Field

from tyollisyys_cli.models.amounts import Strict
from tyollisyys_cli.models.fields import Count, Month, MunicipalityCode, Phrase, Share, Text


class CommutingFigures(Strict):
    """The columns of the commuting table."""

    labour_force: Count = Field(description="työvoima")
    commuting_in: Count = Field(description="pendelöinti kuntaan: commuters into the municipality")
    commuting_out: Count = Field(description="pendelöinti kunnasta: residents working elsewhere")
    working_in_own: Count = Field(description="työssäkäynti omassa kunnassa")
    job_self_sufficiency: Share | None = Field(
        None, description="työpaikkaomavaraisuus, % as printed (may exceed 100)"
    )


class CommutingRow(CommutingFigures):
    """One municipality's row."""

    municipality: MunicipalityCode = Field(description="municipality code")
    printed_name: Text | None = Field(None, description="name as printed, where it differs")


class CommutingFile(Strict):
    """`commuting.yaml`."""

    source: Phrase = Field(description="where the table comes from")
    month: Month | None = Field(None, description="month the figures describe, YYYY-MM")
    rows: list[CommutingRow] = Field(min_length=1, description="one row per municipality")
    totals: CommutingFigures | None = Field(None, description="the totals row, as printed")

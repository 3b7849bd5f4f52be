"""The fields of a statistics row, by name, for code that must not import pydantic.

`models.area.StatisticsRow` declares the fields with their validation; these tuples name
them in the same order (a test holds the two together), so that the monthly files, the
cache and the check rules can walk a row's fields without building the models.
"""

from __future__ import annotations

from tyollisyys_cli.i18n import N_, _

#: Statistics columns that are groups of the unemployed (Table 1 / table 12r5).
GROUP_FIELDS = (
    "men",
    "women",
    "under_20",
    "under_25",
    "over_50",
    "long_term",
    "disabled_or_ill",
    "foreign",
)

#: Every field of a statistics row, in the order of `StatisticsRow` (and of the files).
ROW_FIELDS = (
    "labour_force",
    "unemployment_rate",
    "unemployed",
    *GROUP_FIELDS,
    "open_vacancies",
    "job_seekers",
    "in_services",
)

#: Whole counts that are never withheld (required).
COUNT_FIELDS = ("labour_force", "unemployed")
#: Cells: a count, `withheld` or `missing` (required).
CELL_FIELDS = (*GROUP_FIELDS, "open_vacancies")
#: Cells that may also be left empty (null).
OPTIONAL_CELL_FIELDS = ("job_seekers", "in_services")

#: The fields in words, for messages (translated where they are used).
LABELS = {
    "labour_force": N_("labour force"),
    "unemployment_rate": N_("unemployment rate"),
    "unemployed": N_("unemployed"),
    "men": N_("unemployed men"),
    "women": N_("unemployed women"),
    "under_20": N_("unemployed under 20"),
    "under_25": N_("unemployed under 25"),
    "over_50": N_("unemployed over 50"),
    "long_term": N_("long-term unemployed"),
    "disabled_or_ill": N_("disabled and long-term ill unemployed"),
    "foreign": N_("unemployed foreign nationals"),
    "open_vacancies": N_("open vacancies"),
    "job_seekers": N_("all job seekers"),
    "in_services": N_("persons in services"),
}


def label(field: str) -> str:
    """A field in words: `foreign` → `unemployed foreign nationals`."""
    text = LABELS.get(field)
    return field.replace("_", " ") if text is None else _(text)

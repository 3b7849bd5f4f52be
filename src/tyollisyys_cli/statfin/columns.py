"""How the columns of table 12r5 become the fields of a statistics row.

The plan's Table 1 has the same columns as 12r5 (`TABLE1_COLUMNS`). Two more are kept
because they are a better client base than the unemployed alone:

- `job_seekers` is `HAKIJALOPUSSA`, all job seekers (employed ones included);
- `in_services` is the sum of the six service columns of 12r5 (`SERVICE_COLUMNS`):
  subsidised employment, work try-outs/coaching, work and training trials, labour
  market training, coaching, and other services. Temporarily laid-off persons and
  those on a shortened working week are not services and are left out. When any of
  the six is withheld (`...`), the sum is not known exactly, so `in_services` is
  `withheld` too: the tool never guesses what a withheld cell holds.

A withheld (`...`) count stays `withheld`; the published rate becomes empty (`null`)
when withheld. The labour force and the unemployed must be numbers: every figure of
the tool is computed from them.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from tyollisyys_cli.errors import shortened
from tyollisyys_cli.i18n import _
from tyollisyys_cli.models.parsing import number_hint
from tyollisyys_cli.models.rowfields import COUNT_FIELDS, label

#: 12r5 column → statistics field, for the columns of the plan's Table 1.
TABLE1_COLUMNS: dict[str, str] = {
    "TYOVOIMATK": "labour_force",
    "TYOTOSUUS": "unemployment_rate",
    "TYOTTOMATLOPUSSA": "unemployed",
    "TYOTTOMATMIEHET": "men",
    "TYOTTOMATNAISET": "women",
    "TYOTTOMAT20": "under_20",
    "TYOTTOMAT25": "under_25",
    "TYOTTOMAT50": "over_50",
    "PITKAAIKAISTYOTTOMAT": "long_term",
    "TYOTTOMATSAIR": "disabled_or_ill",
    "TYOTTOMATULK": "foreign",
    "AVPAIKATLOPUSSA": "open_vacancies",
}
JOB_SEEKERS_COLUMN = "HAKIJALOPUSSA"
#: Statistics field → the 12r5 column it is read from (`in_services` sums several).
FIELD_COLUMNS = {
    **{name: column for column, name in TABLE1_COLUMNS.items()},
    "job_seekers": JOB_SEEKERS_COLUMN,
}
#: The service columns summed into `in_services`.
SERVICE_COLUMNS = (
    "TYOLLISTETTYLOP",
    "TYOHARJOITTELULOP",
    "KOKEILULOP",
    "TVKOULUTUSLOP",
    "VALMENNUSLOP",
    "MTPPALVELUTLOP",
)
#: Every column an import needs.
NEEDED_COLUMNS = (*TABLE1_COLUMNS, JOB_SEEKERS_COLUMN, *SERVICE_COLUMNS)
WITHHELD = "..."

Value = int | float | Literal["withheld"] | None

_COUNT = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")


#: More digits than any count of persons has (and than Python converts beyond 4,300).
_COUNT_DIGITS = 15


class BadValue(ValueError):
    """A cell that is neither a number nor `...` (or a withheld cell that cannot be);
    `hint`: how to write it, when it looks like a number written another way (for a
    file, which its user can mend; not for the service's answer)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def parse_value(text: object, column: str) -> int | float | Literal["withheld"]:
    """A 12r5 cell: a count (a percentage for the rate) or `withheld` for `...`."""
    if text == WITHHELD:
        return "withheld"
    if isinstance(text, float) and not math.isfinite(text):  # (NaN, Infinity: no count)
        raise BadValue(
            _("expected a number or {withheld!r}, found {value}").format(
                withheld=WITHHELD, value=as_json(text)
            )
        )
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        # (json-stat2 writes numbers; PxWeb's json format writes them in quotes)
        raise BadValue(
            _(
                "expected a number in quotes, as PxWeb's json format writes it ({quoted}), "
                "found {value}"
            ).format(quoted=as_json(as_json(text)), value=as_json(text))
        )
    if not isinstance(text, str):
        raise BadValue(
            _("expected a number or {withheld!r}, found {value}").format(
                withheld=WITHHELD, value=as_json(text)
            )
        )
    if column == "TYOTOSUUS":
        if _DECIMAL.fullmatch(text):
            return float(text)
        raise BadValue(
            _("expected a percentage or {withheld!r}, found {value!r}").format(
                withheld=WITHHELD, value=shortened(text)
            ),
            _hint(text, column),
        )
    if _COUNT.fullmatch(text):
        if len(text) > _COUNT_DIGITS:
            raise BadValue(
                _("expected a count, found a number too large to use ({digits} digits)").format(
                    digits=len(text)
                )
            )
        return int(text)
    raise BadValue(
        _("expected a whole number or {withheld!r}, found {value!r}").format(
            withheld=WITHHELD, value=shortened(text)
        ),
        _hint(text, column),
    )


def _hint(text: str, column: str) -> str:
    """How to write `text` where it looks like a number written another way: the rate a
    percentage, any other column a count."""
    if column == "TYOTOSUUS":
        return number_hint(text, limit=100, per_cent=True)
    return number_hint(text, whole=True)


def as_json(value: object) -> str:
    """`value` as the JSON it was read from (`true`, `null`, `"2066"`), not as Python
    writes it (`True`, `None`, `'2066'`); cut when long."""
    import json

    return shortened(json.dumps(value, ensure_ascii=False))


def parse_number(value: object, column: str) -> int | float:
    """A json-stat2 cell given as a JSON number: a count, or a percentage for the rate."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        # (a number in quotes, as a spreadsheet wrote it, gets the hint)
        hint = _hint(value, column) if isinstance(value, str) else ""
        raise BadValue(_("expected a number, found {value}").format(value=as_json(value)), hint)
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise BadValue(_("expected a number of 0 or more, found {value!r}").format(value=value))
    if column == "TYOTOSUUS":
        return float(value)
    if isinstance(value, float) and not value.is_integer():
        raise BadValue(_("expected a whole number, found {value!r}").format(value=value))
    return int(value)


class WithheldCount(BadValue):
    """A count the tool needs, withheld by Statistics Finland (too few persons)."""


def statistics_fields(cells: dict[str, int | float | Literal["withheld"]]) -> dict[str, Value]:
    """The statistics row's fields from one area's parsed 12r5 cells."""
    fields: dict[str, Value] = {}
    for column, name in TABLE1_COLUMNS.items():
        value = cells[column]
        if value == "withheld" and name in COUNT_FIELDS:
            raise WithheldCount(
                _("{field} ({column}) is withheld; the tool needs it").format(
                    field=label(name), column=column
                )
            )
        fields[name] = None if value == "withheld" and name == "unemployment_rate" else value
    fields["job_seekers"] = cells[JOB_SEEKERS_COLUMN]
    services = [cells[column] for column in SERVICE_COLUMNS]
    fields["in_services"] = (
        "withheld"
        if "withheld" in services
        else sum(int(value) for value in services if value != "withheld")
    )
    return fields

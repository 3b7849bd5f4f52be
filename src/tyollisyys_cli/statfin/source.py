"""The source an import names: written into the files in English, shown in the run's
language. Apart from the parsers, so that showing a source imports none of them."""

from __future__ import annotations

import re

from tyollisyys_cli.i18n import _

#: Table 12r5 (StatFin, Työnvälitystilasto).
TABLE = "12r5"
#: The `source` an import writes into a month file (and `init` into the plan's sources),
#: in English as the files are; shown in the run's language by `shown_source`.
_SOURCE = re.compile(r"Statistics Finland, table 12r5 \((?P<origin>.*)\)")


def source_text(origin: str) -> str:
    """The `source` of a month imported from `origin` (a file's name, or the API)."""
    return f"Statistics Finland, table {TABLE} ({origin})"


def shown_source(text: str) -> str:
    """A `source` for people: the one an import writes in the run's language, any other
    (the plan's, as the data give it) as it is."""
    found = _SOURCE.fullmatch(text)
    if found is None:
        return text
    return _("Statistics Finland, table {table} ({origin})").format(
        table=TABLE, origin=found["origin"]
    )

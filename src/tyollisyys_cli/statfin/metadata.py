"""The metadata of table 12r5 as the PxWeb API gives it, and queries built from it.

`GET` on a table's URL answers `{"title": ..., "variables": [{"code", "text",
"values", "valueTexts", "time", "elimination"}, ...]}`. The variables the import
needs are found by what they hold, so that their codes and texts can be anything:

- the area variable lists municipalities as `KU` + their three-digit code;
- the month variable is marked `time` (or lists only months such as `2026M06`);
- the contents variable lists the content codes of 12r5 (`TYOTTOMATLOPUSSA`, ...).

A table without one of them, or without a content the import needs, is refused with
a message that names what is missing: the table has changed and the tool with it
must change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _, ngettext
from tyollisyys_cli.statfin.columns import NEEDED_COLUMNS
from tyollisyys_cli.statfin.pxweb import MONTH_CODE, MUNICIPALITY_PREFIX

#: A month as the user gives it.
ASKED_MONTH = re.compile(r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])")


class TableChanged(Exception):
    """The table lacks a variable or a value the import needs (exit code 1)."""


class MonthNotPublished(UnknownName):
    """A month asked for that the table does not hold (yet)."""


@dataclass(frozen=True)
class Variable:
    """One variable of the table: its code, text and value codes."""

    code: str
    text: str
    values: tuple[str, ...]
    time: bool
    elimination: bool


def _variable(entry: Any) -> Variable | None:
    if not isinstance(entry, dict):
        return None
    code, values = entry.get("code"), entry.get("values")
    if not isinstance(code, str) or not isinstance(values, list):
        return None
    if not all(isinstance(value, str) for value in values):
        return None
    text = entry.get("text")
    return Variable(
        code=code,
        text=text if isinstance(text, str) else code,
        values=tuple(values),
        time=entry.get("time") is True,
        elimination=entry.get("elimination") is True,
    )


def _is_municipality(value: str) -> bool:
    rest = value[len(MUNICIPALITY_PREFIX) :]
    return value.startswith(MUNICIPALITY_PREFIX) and len(rest) == 3 and rest.isdigit()


@dataclass(frozen=True)
class TableMetadata:
    """The variables of table 12r5 that a query needs."""

    url: str
    area: Variable
    month: Variable
    contents: Variable
    #: Other variables: left out of a query (PxWeb eliminates them).
    others: tuple[Variable, ...]

    @property
    def months(self) -> list[str]:
        """The published months, oldest first, as `2026M06`."""
        return sorted(value for value in self.month.values if MONTH_CODE.fullmatch(value))

    def area_values(self, municipalities: list[str]) -> list[str]:
        """The area values of the municipalities (three-digit codes), as the table has them."""
        wanted = [MUNICIPALITY_PREFIX + code for code in municipalities]
        lacking = [value for value in wanted if value not in self.area.values]
        if lacking:
            raise TableChanged(
                _(
                    "table 12r5 at {url} lists no municipality {values} in its variable "
                    "{variable!r}; the municipalities may have merged: download the table by "
                    "hand and check it"
                ).format(url=self.url, values=", ".join(lacking), variable=self.area.code)
            )
        return wanted

    def select_months(
        self, *, month: str | None = None, since: str | None = None, latest: bool = False
    ) -> list[str]:
        """The month codes asked for: one month, every month since one, or the latest."""
        published = self.months
        if not published:
            raise TableChanged(_("table 12r5 at {url} lists no months").format(url=self.url))
        last = f"{published[-1][:4]}-{published[-1][5:]}"
        if latest:
            return [published[-1]]
        first = month or since or ""
        code = f"{first[:4]}M{first[5:]}"
        if code > published[-1]:
            raise MonthNotPublished(
                _(
                    "{month} is not published in table 12r5 yet (the latest month is "
                    "{latest}); try again after Statistics Finland publishes it, or use --latest"
                ).format(month=first, latest=last)
            )
        if month is not None:
            if code not in published:
                # (a month the table skips: "it holds 2026-01 to 2026-06" said of 2026-03)
                message = (
                    _("{month} is not in table 12r5, which holds {first} to {last} without it")
                    if published[0] < code < published[-1]
                    else _("{month} is not in table 12r5 (it holds {first} to {last})")
                )
                raise MonthNotPublished(
                    message.format(
                        month=month, first=f"{published[0][:4]}-{published[0][5:]}", last=last
                    )
                )
            return [code]
        return [value for value in published if value >= code]

    def query(self, *, areas: list[str], months: list[str], contents: list[str]) -> dict[str, Any]:
        """The POST body asking for these cells in json-stat2."""

        def item(variable: Variable, values: list[str]) -> dict[str, Any]:
            return {"code": variable.code, "selection": {"filter": "item", "values": values}}

        return {
            "query": [
                item(self.area, areas),
                item(self.month, months),
                item(self.contents, [c for c in self.contents.values if c in contents]),
            ],
            "response": {"format": "json-stat2"},
        }


def read_metadata(document: Any, url: str) -> TableMetadata:
    """The area, month and contents variables of a table's metadata."""
    entries = document.get("variables") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise TableChanged(
            _(
                "the answer of {url} is not the metadata of a PxWeb table (no `variables`); "
                "is --api-url the address of table 12r5?"
            ).format(url=url)
        )
    variables = [v for v in (_variable(entry) for entry in entries) if v is not None]
    names = ", ".join(f"{v.code} ({v.text})" for v in variables) or _("none")

    def missing(what: str) -> TableChanged:
        return TableChanged(
            _(
                "table 12r5 at {url} has no variable {what} (its variables: {names}); the "
                "table has changed: download it by hand and pass the file, and report this"
            ).format(url=url, what=what, names=names)
        )

    area = next((v for v in variables if any(map(_is_municipality, v.values))), None)
    if area is None:
        raise missing(
            _("listing municipalities as {prefix} + code").format(prefix=MUNICIPALITY_PREFIX)
        )
    month = next((v for v in variables if v.time), None) or next(
        (
            v
            for v in variables
            if v.values and all(MONTH_CODE.fullmatch(value) for value in v.values)
        ),
        None,
    )
    if month is None:
        raise missing(_("of months (marked `time`, values such as 2026M06)"))
    contents = next((v for v in variables if set(NEEDED_COLUMNS) & set(v.values)), None)
    if contents is None:
        raise missing(
            _("of contents (Tiedot) holding {columns}, ...").format(
                columns=", ".join(NEEDED_COLUMNS[:3])
            )
        )
    lacking = [code for code in NEEDED_COLUMNS if code not in contents.values]
    if lacking:
        raise TableChanged(
            ngettext(
                "table 12r5 at {url} lacks the content {columns} in its variable "
                "{variable!r}; the table has changed: download it by hand and pass the file, "
                "and report this",
                "table 12r5 at {url} lacks the contents {columns} in its variable "
                "{variable!r}; the table has changed: download it by hand and pass the file, "
                "and report this",
                len(lacking),
            ).format(url=url, columns=", ".join(lacking), variable=contents.code)
        )
    chosen = {area.code, month.code, contents.code}
    others = tuple(v for v in variables if v.code not in chosen)
    fixed = [v.code for v in others if not v.elimination]
    if fixed:
        raise TableChanged(
            ngettext(
                "table 12r5 at {url} has variable {variables} that a query must select; the "
                "table has changed",
                "table 12r5 at {url} has variables {variables} that a query must select; the "
                "table has changed",
                len(fixed),
            ).format(url=url, variables=", ".join(fixed))
        )
    return TableMetadata(url=url, area=area, month=month, contents=contents, others=others)

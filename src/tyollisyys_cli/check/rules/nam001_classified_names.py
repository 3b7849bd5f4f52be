from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.statfin.classification import CLASSIFICATION_YEAR, municipalities

#: The rule's documentation (`--explain`; its first line is the summary), also the
#: module's docstring: marked here so that the catalog holds it for translation.
__doc__ = N_(
    """Each municipality's name and region as Statistics Finland classifies its code.

A name or region typed by hand can be misspelt (`Sodankylää`, `Lapland`), and nothing
else would tell: the statistics are found by the code, and every table shows the name
as written. Each municipality is set against the municipality classification the tool
ships (its Finnish or Swedish name; the Finnish name of its region): a warning for a name
or region that differs, an info for a code the classification does not hold (a
municipality merged since, or a mistyped code). Spellings of the plan's own belong in
`printed_names`, not in `name`.
"""
)

CODE = "NAM001"
NAME = "names-as-classified"


def check(ctx: Context) -> Iterator[Finding]:
    classified = municipalities()
    for i, municipality in enumerate(ctx.area.plan.municipalities):
        where = ("municipalities", i)
        known = classified.get(municipality.code)
        if known is None:
            yield ctx.finding(
                CODE,
                "info",
                ValueRef("municipalities", (*where, "code")),
                _(
                    "{name}: code {code} is not in the municipality classification of {year} "
                    "(merged since, or mistyped?)"
                ).format(name=municipality.name, code=municipality.code, year=CLASSIFICATION_YEAR),
            )
            continue
        if municipality.name not in (known.name, known.name_sv):
            yield ctx.finding(
                CODE,
                "warning",
                ValueRef("municipalities", (*where, "name")),
                _(
                    "{code} is named {name}, but {classified} in the municipality "
                    "classification of {year}"
                ).format(
                    code=municipality.code,
                    name=municipality.name,
                    classified=known.name,
                    year=CLASSIFICATION_YEAR,
                ),
            )
        if municipality.region != known.region:
            yield ctx.finding(
                CODE,
                "warning",
                ValueRef("municipalities", (*where, "region")),
                _(
                    "{name}: the region is {region}, but {classified} in the municipality "
                    "classification of {year}"
                ).format(
                    name=municipality.name,
                    region=municipality.region,
                    classified=known.region,
                    year=CLASSIFICATION_YEAR,
                ),
            )

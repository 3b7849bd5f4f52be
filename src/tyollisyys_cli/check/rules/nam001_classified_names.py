from __future__ import annotations

from collections.abc import Iterator

from tyollisyys_cli.area.dataset import ValueRef
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.reference.classification import CLASSIFICATION_YEAR, municipalities

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
`printed_names`, not in `name`. Where the area gives its code (`area.code`), a
municipality the classification puts in another employment area is an info too: the
areas may have changed since, or the municipality is not the one meant.
"""
)

CODE = "NAM001"
NAME = "names-as-classified"


def check(ctx: Context) -> Iterator[Finding]:
    classified = municipalities()
    area = ctx.area.plan.area
    # (an area coded otherwise than the classification codes areas: no telling whose)
    coded = area.code in {m.employment_area_code for m in classified.values()}
    theirs = {
        (known.employment_area_code, known.employment_area)
        for m in ctx.area.plan.municipalities
        if (known := classified.get(m.code)) is not None
    }
    if coded and len(theirs) == 1 and len(ctx.area.plan.municipalities) > 1:
        (other_code, other), *_rest = theirs
        if other_code != area.code:  # (every one another area's: the area's code is wrong)
            coded = False
            yield ctx.finding(
                CODE,
                "info",
                ValueRef("municipalities", ("area", "code")),
                _(
                    "the municipality classification of {year} puts every municipality of "
                    "the file in the employment area {other} ({other_code}), not in "
                    "{area_code}: is area.code mistyped?"
                ).format(
                    year=CLASSIFICATION_YEAR,
                    other=other,
                    other_code=other_code,
                    area_code=area.code,
                ),
            )
    for i, municipality in enumerate(ctx.area.plan.municipalities):
        known = classified.get(municipality.code)
        at_code = ValueRef("municipalities", ("municipalities", i, "code"))
        if known is None:
            yield ctx.finding(
                CODE,
                "info",
                at_code,
                _(
                    "{name}: code {code} is not in the municipality classification of {year} "
                    "(merged since, or mistyped?)"
                ).format(name=municipality.name, code=municipality.code, year=CLASSIFICATION_YEAR),
            )
            continue
        differences = [
            (
                "name",
                municipality.name not in (known.name, known.name_sv),
                _("{code} is named {written}, but {classified} in the municipality "
                  "classification of {year}"),
                known.name,
            ),
            (
                "region",
                municipality.region != known.region,
                _("{name}: the region is {written}, but {classified} in the municipality "
                  "classification of {year}"),
                known.region,
            ),
        ]  # fmt: skip
        if coded and known.employment_area_code != area.code:
            yield ctx.finding(
                CODE,
                "info",
                at_code,
                _(
                    "{name} ({code}) is of the employment area {other} in the municipality "
                    "classification of {year}, not of {area} ({area_code}): the areas changed "
                    "since, or another municipality is meant?"
                ).format(
                    name=municipality.name,
                    code=municipality.code,
                    other=known.employment_area,
                    year=CLASSIFICATION_YEAR,
                    area=area.name,
                    area_code=area.code,
                ),
            )
        for field, differs, message, as_classified in differences:
            if differs:
                yield ctx.finding(
                    CODE,
                    "warning",
                    ValueRef("municipalities", ("municipalities", i, field)),
                    message.format(
                        code=municipality.code,
                        name=municipality.name,
                        written=getattr(municipality, field),
                        classified=as_classified,
                        year=CLASSIFICATION_YEAR,
                    ),
                )

"""Directory tables: the municipalities of the area and their service points."""

from __future__ import annotations

from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.core.places import Selection
from tyollisyys_cli.i18n import N_, _, ngettext, number
from tyollisyys_cli.models.area import SharedService
from tyollisyys_cli.render.model import Column, TableData
from tyollisyys_cli.render.text import span

MUNICIPALITY_COLUMNS = (
    Column("code", N_("Code"), give_way=2),
    Column("municipality", N_("Municipality")),
    Column("region", N_("Region"), give_way=3),
    Column("service_unit", N_("Service unit"), give_way=1),
    Column("office", N_("Office")),
)

OFFICE_COLUMNS = (
    Column("municipality", N_("Municipality")),
    Column("office", N_("Office")),
    Column("address", N_("Address")),
    Column("serves", N_("Serves"), give_way=1),
)


def municipalities_view(area: Area, selection: Selection) -> TableData:
    rows = []
    for municipality in area.municipalities:
        if not selection.includes(municipality.code):
            continue
        unit = area.unit_of(municipality.code)
        office = municipality.offices[0] if municipality.offices else None
        rows.append(
            {
                "code": municipality.code,
                "municipality": municipality.name,
                "region": municipality.region,
                "service_unit": unit.name,
                "office": None if office is None else f"{office.name}, {office.address}",
            }
        )
    responsible = area.municipality(area.plan.area.responsible_municipality).name
    return TableData(
        name="municipalities",
        title=_("Municipalities of {area} (responsible municipality {responsible})").format(
            area=area.name, responsible=responsible
        ),
        columns=MUNICIPALITY_COLUMNS,
        rows=rows,
        notes=[
            " ".join(
                (
                    ngettext(
                        "{count} municipality,", "{count} municipalities,", len(area.municipalities)
                    ).format(count=len(area.municipalities)),
                    ngettext(
                        "{count} service unit.", "{count} service units.", len(area.units)
                    ).format(count=len(area.units)),
                )
            ),
            *(
                [
                    _("Shown: {shown} of the {count} municipalities.").format(
                        shown=len(rows), count=len(area.municipalities)
                    )
                ]
                if len(rows) < len(area.municipalities)
                else []
            ),
        ],
        metadata={"responsible_municipality": area.plan.area.responsible_municipality},
    )


def offices_view(area: Area, selection: Selection) -> TableData:
    rows = []
    for municipality in area.municipalities:
        if not selection.includes(municipality.code):
            continue
        for office in municipality.offices:
            rows.append(
                {
                    "municipality": municipality.name,
                    "office": office.name,
                    "address": office.address,
                    "serves": office.serves,
                }
            )
    notes = []
    if any(m.offices for m in area.municipalities) and (not rows or not selection.everything):
        # (a place asked for without one: `offices Inkoo` said the area had none, and
        # `offices Inkoo Raasepori` left Inkoo out without a word)
        for municipality in area.municipalities:
            if not selection.includes(municipality.code) or municipality.offices:
                continue
            unit = area.unit_of(municipality.code)
            at = [area.municipality(code) for code in unit.members]
            at = [member for member in at if member.offices]
            count = sum(len(member.offices) for member in at)
            notes.append(
                ngettext(
                    "{name} has no service point of its own in the data; its unit {unit} has "
                    "one in {places}.",
                    "{name} has no service point of its own in the data; its unit {unit} has "
                    "them in {places}.",
                    count,
                ).format(
                    name=municipality.name,
                    unit=unit.name,
                    places=", ".join(member.name for member in at),
                )
                if unit.declared and at
                else _(
                    "{name} has no service point written in the data; `offices` lists the area's."
                ).format(name=municipality.name)
            )
    elif not rows:
        notes.append(
            _(
                "No service points are written in the data yet: add them under `offices:` "
                "of each municipality in municipalities.yaml."
            )
        )
    shared = [
        _shared_service(area, service)
        for service in area.plan.shared_services
        if any(selection.includes(code) for code in (service.provider, *service.serves))
    ]
    if shared:
        notes.append(_("Shared services: {services}.").format(services="; ".join(shared)))
    return TableData(
        name="offices",
        title=_("Service points of {area}").format(area=area.name),
        columns=OFFICE_COLUMNS,
        rows=rows,
        notes=notes,
    )


def _shared_service(area: Area, service: SharedService) -> str:
    """`International Info from Kajaani for every municipality of the area`, with the FTE
    the served municipalities need of it where the data give it."""
    if set(service.serves) >= {m.code for m in area.municipalities}:
        served = _("every municipality of the area")
    else:
        served = ", ".join(area.municipality(code).name for code in service.serves)
    text = _("{service} from {provider} for {served}").format(
        service=service.name, provider=area.municipality(service.provider).name, served=served
    )
    if service.fte is not None:
        text += " " + _("(they need {fte} FTE of it)").format(fte=span(service.fte.span(), 1))
    if service.split is not None:  # (what the provider's post offers: not the need)
        text += ", " + _("{fte} FTE of {provider}'s post offered").format(
            fte=number(service.split.offered_fte, 1),
            provider=area.municipality(service.provider).name,
        )
    return text

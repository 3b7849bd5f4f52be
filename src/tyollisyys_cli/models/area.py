"""The area file (`municipalities.yaml`): the area, its municipalities, staffing and claims."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from tyollisyys_cli.i18n import _, numeral
from tyollisyys_cli.models.amounts import Amount, Strict, Target
from tyollisyys_cli.models.fields import (
    Cell,
    Count,
    Flag,
    Fte,
    Month,
    MunicipalityCode,
    NonNegative,
    Percent,
    Phrase,
    Prose,
    Share,
    Text,
)
from tyollisyys_cli.models.parsing import parse_count
from tyollisyys_cli.models.rowfields import GROUP_FIELDS as GROUP_FIELDS

#: Most staff lines of one municipality or unit (a plan lists a handful; the largest
#: city's would fit many times over).
MAX_STAFF_LINES = 100


class StatisticsRow(Strict):
    """One municipality's row of the employment statistics (the plan's Table 1, table 12r5)."""

    labour_force: Count = Field(description="työvoima: employed + unemployed")
    unemployment_rate: Percent | None = Field(
        None, description="työttömien %-osuus as published (computed values come from counts)"
    )
    unemployed: Count = Field(description="työttömät työnhakijat: unemployed job seekers")
    men: Cell = Field(description="unemployed men (miehet)")
    women: Cell = Field(description="unemployed women (naiset)")
    under_20: Cell = Field(description="unemployed aged under 20 (alle 20-v.)")
    under_25: Cell = Field(description="unemployed aged under 25, includes under 20 (alle 25-v.)")
    over_50: Cell = Field(description="unemployed aged over 50 (yli 50-v.)")
    long_term: Cell = Field(description="long-term unemployed, 12 months or more (PAT)")
    disabled_or_ill: Cell = Field(description="disabled and long-term ill unemployed")
    foreign: Cell = Field(description="unemployed foreign nationals (ulk. työttömät)")
    open_vacancies: Cell = Field(description="open vacancies (avoimet työpaikat)")
    job_seekers: Cell | None = Field(
        None, description="all job seekers, employed ones included (12r5 HAKIJALOPUSSA)"
    )
    in_services: Cell | None = Field(
        None, description="persons in employment services (sum of the 12r5 service columns)"
    )


class WithheldCell(Strict):
    """How many persons a withheld cell can hold."""

    min: Count = Field(1, description="fewest persons a withheld cell holds")
    max: Count = Field(4, description="most persons a withheld cell holds")


class TransferPool(Strict):
    """Staff transferring from the state to the area's municipalities."""

    total_fte: Amount = Field(description="all transferring staff, FTE")
    customer_work_fte: Amount = Field(
        description="transferring staff in personal customer and placement work, FTE"
    )
    printed: Prose | None = Field(None, description="the statement as printed")


class AreaInfo(Strict):
    """The employment area."""

    name: Text = Field(description="the employment area's name")
    code: Text | None = Field(None, description="employment area code")
    responsible_municipality: MunicipalityCode = Field(description="vastuukunta, by code")
    reference_month: Month = Field(description="month of the plan's statistics, YYYY-MM")
    sources: dict[str, Text] = Field(default_factory=dict, description="source of each table")
    sources_fi: dict[str, Text] = Field(
        default_factory=dict,
        description="the same sources in Finnish, shown when the tool writes Finnish",
    )
    withheld_cell: WithheldCell = Field(
        default_factory=WithheldCell, description="how many persons a withheld cell holds"
    )
    transfer_pool: TransferPool | None = Field(
        None, description="staff transferring from the state to the municipalities"
    )
    language: Literal["fi", "sv"] = Field(
        "fi",
        description="the language of the plan's own words (roles as written, quoted titles): "
        "fi or sv; the report marks them so for screen readers",
    )

    def sources_in(self, language: str) -> dict[str, str]:
        """The sources, each in `language` where the data give it so."""
        finnish = self.sources_fi if language == "fi" else {}
        return {table: finnish.get(table, source) for table, source in self.sources.items()}

    def source_in(self, source: str, language: str) -> str:
        """`source` (a month's) in `language`: the Finnish of the table it is the source of,
        where the data give one."""
        for table, text in self.sources.items():
            if text == source:
                return self.sources_in(language)[table]
        return source


Origin = Literal["own", "transferring", "recruited", "transferring_or_recruited"]


class StaffLine(Strict):
    """One role in a municipality's or service unit's staffing, as the plan writes it."""

    role: Text = Field(description="the role as written in the plan")
    fte: Amount = Field(description="FTE (htv): number, {min,max}, {at_least} or {about}")
    origin: Origin = Field(description="own staff, transferring from the state, to be recruited")
    caseload: Flag = Field(description="carries a personal caseload (customer/placement work)")
    note: Prose | None = Field(None, description="why, where the plan is ambiguous")
    note_fi: Prose | None = Field(
        None, description="the same note in Finnish, shown when the tool writes Finnish"
    )

    def note_in(self, language: str) -> str | None:
        """The note in `language` where the data give it so, else as the data give it."""
        return self.note_fi if language == "fi" and self.note_fi else self.note


class StaffingIncomplete(Strict):
    """Marks staff lines the plan is known to leave incomplete (e.g. its transfer unstated)."""

    reason: Phrase = Field(description="why the staffing is incomplete, from the plan's text")
    reason_fi: Phrase | None = Field(
        None, description="the same reason in Finnish, shown when the tool writes Finnish"
    )
    printed: Phrase | None = Field(None, description="the plan's words it rests on")


class CurrentStaff(Strict):
    """A resource the municipality has now, before the reform, as the plan states it."""

    role: Text = Field(description="the resource as written in the plan")
    fte: Amount = Field(description="FTE (htv) it has now")
    customer_work: Flag = Field(description="in customer service work (asiakaspalvelu)")
    note: Phrase | None = Field(None, description="how the plan uses it")


class OtherTarget(Strict):
    """A secondary caseload target (for one team or client group)."""

    description: Phrase = Field(description="the team or client group the target is for")
    min: NonNegative | None = Field(None, description="lowest clients per advisor aimed at")
    max: NonNegative | None = Field(None, description="highest clients per advisor aimed at")
    printed: Prose | None = Field(None, description="the target as the plan words it")


class Office(Strict):
    """A service point."""

    name: Text = Field(description="name of the service point")
    address: Phrase = Field(description="street address, postcode and town")
    serves: Prose | None = Field(None, description="what the office serves")
    note: Prose | None = Field(None, description="anything else the plan says of it")
    printed: Prose | None = Field(None, description="the line as printed, where it differs")


class Municipality(Strict):
    """A municipality of the area with its statistics, staffing, target and offices."""

    code: MunicipalityCode = Field(description="Statistics Finland municipality code")
    name: Text = Field(description="official name")
    printed_names: list[Text] = Field(default_factory=list, description="spellings in the plan")
    region: Text = Field(description="region (maakunta)")
    service_unit: Text | None = Field(None, description="id of the service unit serving it")
    statistics: StatisticsRow | None = Field(
        None, description="the plan's statistics row (reference month), as printed"
    )
    target: Target | None = Field(None, description="clients per advisor aimed at")
    other_targets: list[OtherTarget] = Field(
        default_factory=list, description="targets for one team or client group"
    )
    staffing: list[StaffLine] | None = Field(
        None,
        max_length=MAX_STAFF_LINES,
        description="staff lines; leave out (or null) while not yet known",
    )
    staffing_incomplete: StaffingIncomplete | None = Field(
        None, description="the staff lines are known to be incomplete (transfer unstated), and why"
    )
    current_staffing: list[CurrentStaff] = Field(
        default_factory=list,
        max_length=MAX_STAFF_LINES,
        description="the resources it has now, as the plan states them",
    )
    offices: list[Office] = Field(default_factory=list, description="service points")


class ServiceUnit(Strict):
    """A municipality that produces the services of several (its members)."""

    id: Text = Field(description="short identifier, used by municipalities' service_unit")
    name: Text = Field(description="the unit's name")
    provider: MunicipalityCode = Field(description="the municipality producing the services")
    members: list[MunicipalityCode] = Field(min_length=1, description="municipalities served")
    target: Target | None = Field(None, description="clients per advisor aimed at")
    staffing: list[StaffLine] | None = Field(
        None,
        max_length=MAX_STAFF_LINES,
        description="the unit's staff lines; leave out while not yet known",
    )
    staffing_incomplete: StaffingIncomplete | None = Field(
        None, description="the staff lines are known to be incomplete (transfer unstated), and why"
    )


class SplitPost(Strict):
    """A post of the provider split between its own clients and the municipalities served."""

    role: Text = Field(description="the post as written in the plan")
    fte: Fte = Field(description="the whole post, FTE")
    kept_fte: Fte = Field(description="FTE kept for the provider's own clients")
    offered_fte: Fte = Field(description="FTE the served municipalities could use")
    printed: Phrase | None = Field(None, description="the statement as printed")

    @model_validator(mode="after")
    def _parts_add_up(self) -> SplitPost:
        if abs(self.kept_fte + self.offered_fte - self.fte) > 1e-9:
            raise ValueError(
                _(
                    "kept_fte {kept} + offered_fte {offered} must add up to the post's fte {fte}"
                ).format(
                    kept=numeral(f"{self.kept_fte:g}"),
                    offered=numeral(f"{self.offered_fte:g}"),
                    fte=numeral(f"{self.fte:g}"),
                )
            )
        return self


class SharedService(Strict):
    """A resource that serves clients of several municipalities (e.g. foreign-language)."""

    name: Text = Field(description="the service's name")
    provider: MunicipalityCode = Field(description="the municipality providing it, by code")
    serves: list[MunicipalityCode] = Field(
        min_length=1, description="codes of the municipalities whose clients it serves"
    )
    fte: Amount | None = Field(None, description="FTE the served municipalities need of it")
    split: SplitPost | None = Field(
        None, description="the provider's post split between its own and the served clients"
    )
    note: Prose | None = Field(None, description="what the plan says of it")


#: The quantities of a claim that are counts of persons (the others are FTE, rates and
#: ratios, whose `12.250` is a number).
COUNT_QUANTITIES = frozenset(
    ("labour_force", "unemployed", "long_term", "foreign", "foreign_language_job_seekers")
)
ClaimQuantity = Literal[
    "labour_force",
    "unemployed",
    "unemployment_rate",
    "long_term",
    "foreign",
    "foreign_language_job_seekers",
    "caseload_fte",
    "own_fte",
    "clients_per_advisor",
    "transferring_fte",
    "foreign_activation_rate",
]


class Claim(Strict):
    """A figure stated in the plan's text, to be checked against the computed one."""

    id: Text = Field(description="short identifier, unique in the file")
    section: Text = Field(description="section of the plan where it is stated")
    quantity: ClaimQuantity = Field(description="the figure the claim is about")
    place: Text | None = Field(
        None, description="municipality code or service unit id; none for the whole area"
    )
    region: Text | None = Field(None, description="a region the claim covers (not checkable)")
    value: Share | None = Field(None, description="the figure stated (or min and max)")
    min: Share | None = Field(None, description="lower end of a stated range")
    max: Share | None = Field(None, description="upper end of a stated range")
    approximate: Flag = Field(False, description="stated as about (noin, n.)")
    group: Text | None = Field(None, description="the people the figure is about (men, women)")
    month: Month | None = Field(None, description="the month the figure describes, YYYY-MM")
    source: Phrase | None = Field(None, description="the source the plan cites for it")
    printed: Prose = Field(description="the sentence as printed")

    @field_validator("value", "min", "max", mode="wrap")
    @classmethod
    def _count_without_a_thousands_dot(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """A claim of a count is a whole number, as a table's count is (`3217.5` of the
        unemployed; `38.799` written with a dot between thousands, which the reader took
        for 38.799), where a rate's `12.250` is a rate."""
        if value is not None and info.data.get("quantity") in COUNT_QUANTITIES:
            parse_count(value)  # (a count: refused as a table's is, with its hints)
        return handler(value)


class AreaFile(Strict):
    """`municipalities.yaml`."""

    area: AreaInfo = Field(description="the employment area")
    statistics_totals: StatisticsRow | None = Field(
        None, description="the statistics table's totals row (Yhteensä), as printed"
    )
    municipalities: list[Municipality] = Field(
        min_length=1, description="the area's municipalities, in the plan's order"
    )
    service_units: list[ServiceUnit] = Field(
        default_factory=list, description="municipalities producing the services of several"
    )
    shared_services: list[SharedService] = Field(
        default_factory=list, description="resources serving clients of several municipalities"
    )
    claims: list[Claim] = Field(
        default_factory=list, description="figures stated in the plan's text, to be checked"
    )

"""The bundled data is the plan as printed: golden values straight from the document."""

from __future__ import annotations

import pytest

from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.core.statistics import cell_value, unemployment_rate
from tyollisyys_cli.models.area import Municipality
from tyollisyys_cli.values import Span, Unknown

# Table 1 of the plan, row by row: labour force, printed rate, unemployed, men, women.
TABLE_1 = {
    "Hyrynsalmi": (765, 10.2, 78, 42, 36),
    "Kajaani": (16615, 8.3, 1384, 816, 568),
    "Kuhmo": (3120, 8.4, 263, 158, 105),
    "Kuusamo": (6523, 9.3, 607, 352, 255),
    "Paltamo": (1267, 8.2, 104, 62, 42),
    "Puolanka": (856, 13.8, 118, 76, 42),
    "Ristijärvi": (487, 7.0, 34, 20, 14),
    "Sotkamo": (4706, 4.6, 215, 118, 97),
    "Suomussalmi": (2874, 8.2, 237, 155, 82),
    "Taivalkoski": (1586, 11.2, 177, 112, 65),
}


def by_name(area: Area, name: str) -> Municipality:
    return next(m for m in area.municipalities if m.name == name)


def test_area_identity(area: Area) -> None:
    assert area.name == "Kainuu–Koillismaa"
    assert area.plan.area.responsible_municipality == "205"
    assert area.plan.area.reference_month == "2023-08"
    assert len(area.municipalities) == 10


def test_official_names_and_codes(area: Area) -> None:
    codes = {m.name: m.code for m in area.municipalities}
    assert codes == {
        "Hyrynsalmi": "105",
        "Kajaani": "205",
        "Kuhmo": "290",
        "Kuusamo": "305",
        "Paltamo": "578",
        "Puolanka": "620",
        "Ristijärvi": "697",
        "Sotkamo": "765",
        "Suomussalmi": "777",
        "Taivalkoski": "832",
    }
    assert by_name(area, "Hyrynsalmi").printed_names == ["Hyrnsalmi"]
    regions = {m.name: m.region for m in area.municipalities}
    assert regions["Kuusamo"] == regions["Taivalkoski"] == "Pohjois-Pohjanmaa"
    assert {r for n, r in regions.items() if n not in ("Kuusamo", "Taivalkoski")} == {"Kainuu"}


@pytest.mark.parametrize("name", sorted(TABLE_1))
def test_table_1_rows(area: Area, name: str) -> None:
    stats = by_name(area, name).statistics
    assert stats is not None
    printed = (
        stats.labour_force,
        stats.unemployment_rate,
        stats.unemployed,
        stats.men,
        stats.women,
    )
    assert printed == TABLE_1[name]


@pytest.mark.parametrize("name", sorted(TABLE_1))
def test_every_computed_rate_rounds_to_the_published_one(area: Area, name: str) -> None:
    stats = by_name(area, name).statistics
    assert stats is not None
    rate = unemployment_rate(stats.unemployed, stats.labour_force)
    assert rate is not None
    assert round(rate, 1) == stats.unemployment_rate


def test_withheld_cells_are_withheld_not_zero(area: Area) -> None:
    hyrynsalmi = by_name(area, "Hyrynsalmi").statistics
    assert hyrynsalmi is not None
    assert cell_value(hyrynsalmi, "under_20") == 0  # printed 0: a real zero
    assert cell_value(hyrynsalmi, "under_25") is Unknown.WITHHELD
    assert cell_value(hyrynsalmi, "foreign") is Unknown.WITHHELD
    withheld_under_20 = [
        m.name for m in area.municipalities if m.statistics and m.statistics.under_20 == "withheld"
    ]
    assert withheld_under_20 == [
        "Kuhmo",
        "Paltamo",
        "Puolanka",
        "Sotkamo",
        "Suomussalmi",
        "Taivalkoski",
    ]


def test_ristijarvi_short_row_is_aligned_by_the_column_totals(area: Area) -> None:
    stats = by_name(area, "Ristijärvi").statistics
    assert stats is not None
    assert (stats.under_20, stats.under_25) == ("missing", "missing")
    assert (
        stats.over_50,
        stats.long_term,
        stats.disabled_or_ill,
        stats.foreign,
        stats.open_vacancies,
    ) == (17, 11, 9, "withheld", 6)


def test_totals_row_is_kept_as_printed(area: Area) -> None:
    totals = area.plan.statistics_totals
    assert totals is not None
    assert totals.unemployed == 321  # printed so; the rows sum to 3217
    assert totals.labour_force == 38799
    assert totals.unemployment_rate == 8.9
    assert (totals.men, totals.women, totals.under_20, totals.under_25) == (1911, 1306, 76, 325)
    assert (
        totals.over_50,
        totals.long_term,
        totals.disabled_or_ill,
        totals.foreign,
        totals.open_vacancies,
    ) == (1446, 812, 599, 253, 1199)


def test_commuting_table_as_printed(area: Area) -> None:
    assert area.commuting is not None
    rows = {r.municipality: r for r in area.commuting.rows}
    assert len(rows) == 10
    assert rows["105"].job_self_sufficiency == 89.13
    assert rows["765"].labour_force == 4709  # Table 1 prints 4706
    assert (rows["205"].commuting_in, rows["205"].commuting_out, rows["205"].working_in_own) == (
        2884,
        2106,
        12769,
    )
    totals = area.commuting.totals
    assert totals is not None
    assert (
        totals.labour_force,
        totals.commuting_in,
        totals.commuting_out,
        totals.working_in_own,
        totals.job_self_sufficiency,
    ) == (38802, 6516, 6425, 28264, 91.773)
    assert area.commuting.month is None  # the plan gives no month for the table


def test_service_unit_of_the_small_municipalities(area: Area) -> None:
    unit = area.unit("paltamo")
    assert unit.provider == "578"
    assert set(unit.members) == {"578", "105", "697"}
    assert area.unit_of("105") is unit
    assert area.unit_of("290").id == "290"
    assert len(area.units) == 8


def test_staffing_lines_record_origin_and_caseload(area: Area) -> None:
    kuhmo = by_name(area, "Kuhmo")
    assert kuhmo.staffing is not None
    lines = [(line.fte.span().low, line.origin, line.caseload) for line in kuhmo.staffing]
    assert lines == [(1.0, "own", False), (2.5, "own", True), (3.5, "transferring", True)]
    sotkamo = by_name(area, "Sotkamo")
    assert sotkamo.staffing is not None
    transfer = sotkamo.staffing[-1].fte.span()
    assert (transfer.low, transfer.high) == (5.0, None)  # "vähintään 5 htv"


def test_targets_as_stated(area: Area) -> None:
    described = {u.name: (u.target.describe() if u.target else None) for u in area.units}
    assert described == {
        "Paltamo (ml. Hyrynsalmi ja Ristijärvi)": "~100–150",  # "n. 100–150"
        "Kajaani": "100–150 avg",  # "keskimäärin 100–150"
        "Kuhmo": "under 100",
        "Kuusamo": "100–150",
        "Puolanka": "about 100",
        "Sotkamo": None,
        "Suomussalmi": "~90–120",  # "n. 90–120"
        "Taivalkoski": "about 100",
    }
    qualifiers = {u.name: u.target.qualifier for u in area.units if u.target}
    assert qualifiers["Kajaani"] == "average"
    assert qualifiers["Suomussalmi"] == qualifiers["Paltamo (ml. Hyrynsalmi ja Ristijärvi)"]
    assert qualifiers["Suomussalmi"] == "about"
    assert qualifiers["Kuusamo"] is None


def test_suomussalmi_staffing_transcribed_line_by_line(area: Area) -> None:
    suomussalmi = by_name(area, "Suomussalmi")
    assert suomussalmi.staffing is not None
    lines = [
        (line.role, line.fte.span().low, line.fte.span().high, line.origin, line.caseload)
        for line in suomussalmi.staffing
    ]
    assert lines == [
        ("työllisyysohjaaja", 1.0, 1.0, "own", True),
        ("työllisyysasiantuntija", 1.0, 1.0, "own", False),
        ("työllisyysasiantuntija (esihenkilö)", 1.0, 1.0, "transferring", False),
        ("työllisyysohjaaja (henkilöasiakas- ja työnvälitystyö)", 7.0, 8.0, "transferring", True),
    ]


def test_suomussalmi_foreign_language_advisor_split(area: Area) -> None:
    [shared] = [s for s in area.plan.shared_services if s.provider == "777"]
    assert shared.split is not None
    assert (shared.split.fte, shared.split.kept_fte, shared.split.offered_fte) == (1, 0.5, 0.5)
    assert shared.fte is not None and shared.fte.span() == Span.exact(0.1, approximate=True)


def test_kuusamo_current_staffing(area: Area) -> None:
    kuusamo = by_name(area, "Kuusamo")
    current = [(c.fte.span().low, c.customer_work) for c in kuusamo.current_staffing]
    assert current == [(3.0, True), (2.0, True)]  # employment services 3, international 2


def test_incomplete_staffing_with_its_reason(area: Area) -> None:
    incomplete = {u.name: u.incomplete for u in area.units if u.incomplete}
    assert set(incomplete) == {"Kajaani", "Taivalkoski"}
    assert "transferring" in (incomplete["Kajaani"] or "")
    assert "still being discussed" in (incomplete["Taivalkoski"] or "")


def test_offices_with_addresses(area: Area) -> None:
    offices = [(m.name, o.address) for m in area.municipalities for o in m.offices]
    assert len(offices) == 13  # one per municipality, Kajaani 3, Sotkamo 2
    assert ("Kajaani", "Kalliokatu 4, 87100 Kajaani") in offices
    assert ("Hyrynsalmi", "Laskutie 1, 89400 Hyrynsalmi") in offices


def test_text_claims_kept_as_printed(area: Area) -> None:
    claims = {c.id: c for c in area.plan.claims}
    assert claims["area-unemployment-rate"].value == 8.9
    assert claims["area-unemployed"].value == 3217
    assert claims["kuusamo-clients-per-official"].value == 140
    assert claims["kainuu-foreign-language-job-seekers"].value == 734
    assert claims["suomussalmi-transferring-advisors-fte"].quantity == "transferring_fte"
    activation = [
        (c.region, c.group, c.value, c.approximate, c.month)
        for c in area.plan.claims
        if c.quantity == "foreign_activation_rate"
    ]
    assert activation == [
        ("Kainuu", "men", 69.4, False, "2018-08"),
        ("Kainuu", "women", 65.3, False, "2018-08"),
        ("muut maakunnat (other regions)", "men and women", 50, True, None),
    ]
    sources = {c.source for c in area.plan.claims if c.quantity == "foreign_activation_rate"}
    assert sources == {"TEM ulkomaalaisten työttömyys ja palveluihin osallistuminen syyskuu 2023"}
    pool = area.plan.area.transfer_pool
    assert pool is not None
    assert pool.total_fte.span().low == 80 and pool.customer_work_fte.span().low == 40

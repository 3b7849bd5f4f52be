"""`report` in Finnish: headings, headline figures, charts and notes as a Finnish
analyst writes them, `lang="fi"`; the English page stays English.

The texts of the views (column headers, notes) are the views' own; this file asserts
the report's."""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirunner import CliRunner
from lines import line_of
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.i18n import set_language
from tyollisyys_cli.report import ReportUnavailable, require_extra
from tyollisyys_cli.report.content import plain
from tyollisyys_cli.report.svg import finnish_number

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
NNBSP = "\u202f"  # between the thousands of a Finnish number
HYRYNSALMI_SELF_SUFFICIENCY = line_of(
    bundled_data_dir() / "commuting.yaml", "job_self_sufficiency: 89.13"
)

#: The report's own English phrases, none of which may be left on the Finnish page.
ENGLISH = (
    "Employment services",
    "Summary",
    "Data sources",
    "every municipality",
    "reference month:",
    "Plan section",  # (the data's sources, in Finnish where the data give them so)
    "Unemployed job seekers",
    "Unemployment rate",
    "computed from the counts",
    "Clients per advisor in",
    "Clients per advisor (clients",
    "units against their targets",
    "FTE gap",
    "Change since",
    "Caseload against the targets",
    "Figures of the chart",
    "Staffing gaps",
    "Unemployment by municipality",
    "Trend since",
    "Commuting and job self-sufficiency",
    "Findings of the check",
    "Notes and assumptions",
    "Who is a client",
    "target band",
    "incomplete data",
    "with pool)",
    "Made with",
    "end of 2023-08",
)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A Finnish run sets the language of the process: the next test starts in English."""
    yield
    set_language("en")


def report(runner: CliRunner, tmp_path: Path, *args: str, place: str | None = None) -> str:
    page = tmp_path / "r.html"
    result = runner.invoke(app, [*args, "report", "-o", str(page), *([place] if place else [])])
    assert result.exit_code == 0, result.output
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def finnish_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Finnish report of the bundled area, made once for the tests that only read it
    (outside any area's folder: in a checkout, its data/ would be found, which is the
    bundled data only in an editable install)."""
    runner = CliRunner(env={"TYOLLISYYS_DATA_DIR": None})
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("elsewhere"))
        page = report(runner, tmp_path_factory.mktemp("report"), "--lang", "fi")
    yield page
    set_language("en")


def spaced(text: str) -> str:
    """`text` with one space between words (the narrow no-break spaces kept)."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def texts(page: str) -> str:
    """What a reader sees of the page (charts' texts included; a month or range kept on
    one line stands in a span of its own, which adds no space)."""
    no_style = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    unwrapped = re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", no_style)
    return spaced(html.unescape(re.sub(r"<[^>]+>", " ", unwrapped)))


def element(page: str, element_id: str) -> str:
    found = re.search(rf'<(\w+)[^>]* id="{element_id}"[^>]*>(.*?)</\1>', page, flags=re.S)
    assert found is not None, element_id
    unwrapped = re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", found.group(2))
    return spaced(html.unescape(re.sub(r"<[^>]+>", " ", unwrapped)))


def chart_texts(page: str, chart: str) -> list[str]:
    found = re.search(rf'<svg id="{chart}".*?</svg>', page, flags=re.S)
    assert found is not None, chart
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", found.group(0))]


def test_the_page_is_finnish(finnish_page: str) -> None:
    page = finnish_page
    assert '<html lang="fi">' in page
    assert "<title>Työllisyyspalvelut: Kainuu–Koillismaa, 8/2023</title>" in page
    assert "<h1>Työllisyyspalvelut: Kainuu–Koillismaa</h1>" in page
    assert "Työttömyys elokuun 2023 lopussa ja sen mukaiset asiakasmäärät suunnitellulla" in page
    # (the end of a month in the genitive, as Finnish says it: "8/2023 lopussa" was no
    # sentence; tables and axes keep 8/2023)
    assert not re.search(r"[0-9]/[0-9]{4} lopussa", page)
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings == [
        "Yhteenveto",
        "Asiakasmäärät suhteessa tavoitteisiin",
        "Henkilöstövajeet",
        "Työttömyys kunnittain",
        "Kehitys kuukaudesta 8/2023 alkaen",
        "Pendelöinti ja työpaikkaomavaraisuus",
        "Tarkistuksen havainnot",
        "Huomautukset ja oletukset",
    ]
    assert element(page, "summary").startswith(
        "Yhteenveto Alue Kainuu–Koillismaa (mukana tuleva esimerkki: Kainuu–Koillismaan "
        "suunnitelma 2023) Kuukausi 8/2023 (vertailukuukausi: 8/2023; "
        "tallessa olevat kuukaudet: 8/2023) Kunnat kaikki kunnat Käsitteet htv: "
        "henkilötyövuosi, yhden henkilön kokoaikainen työ vuoden ajan; asiakkaita per "
        "virkailija: asiakkaat jaettuna henkilökohtaista asiakastyötä tekevillä htv:illä; "
        "alle tai yli tavoitteen: vähemmän tai enemmän asiakkaita per virkailija kuin "
        "tavoitevälillä (kevyempi tai raskaampi kuormitus). Tietolähteet tilastot: "
        "Suunnitelman luku 1, taulukko 1"
    )


def test_finnish_headline_figures(finnish_page: str) -> None:
    page = finnish_page
    assert element(page, "headline-1") == (
        f"Työttömät työnhakijat 3{NNBSP}217 alueella elokuun 2023 lopussa"
    )
    assert element(page, "headline-2") == (
        # (a no-break space before a per cent sign: printed, "12,14" / "%")
        f"Työttömien osuus 8,3\u00a0% työvoimasta (38{NNBSP}799), laskettu lukumääristä; "
        "painettu luku 8,9\u00a0%: katso tarkistuksen havainnot"
    )
    assert element(page, "headline-3") == (
        "Asiakkaita per virkailija ≤ ~71 laskettuna alueen asiakastyön htv:istä; yksiköt "
        "suhteessa tavoitteisiinsa: alle tavoitteen: 4, henkilöstö kesken: 2, tavoitteen "
        "rajoissa: 1, ei tavoitetta: 1; Kajaani, Taivalkoski: henkilöstö kesken, mukana vain "
        "suunnitelman ilmoittama henkilöstö (lisähenkilöstö pienentäisi lukua); asiakkaina "
        "ovat vain työttömät työnhakijat, vähemmän kuin suunnitelman asiakkaita: todelliset "
        "asiakasmäärät ovat suurempia (katso huomautukset)"
    )
    assert element(page, "headline-4") == (
        "Htv-vaje ei tiedossa suunniteltu miinus tavoitteiden edellyttämä; vajetta: ei "
        "yhtään (vaje tiedetään vain 5 yksiköltä); henkilöstö kesken: Kajaani, Taivalkoski; "
        "ei tavoitetta: Sotkamo"
    )
    assert element(page, "headline-5").startswith("Muutos kuukaudesta 8/2023 – tämä on")


def test_finnish_charts_tables_and_notes(finnish_page: str) -> None:
    page = finnish_page
    caseload = chart_texts(page, "chart-caseload")
    assert "Asiakkaita per virkailija (asiakkaat / asiakastyön htv)" in caseload
    # Kajaani with the pool, at the axis's end (its 461 is off the scale)
    assert "461 (≥ ~79 kohdentamaton mukana) →" in caseload
    assert caseload[-5:] == [
        "tavoiteväli",
        "tavoitteen rajoissa",
        "yli tavoitteen",
        "alle tavoitteen",
        "puutteelliset tiedot",
    ]
    gap = chart_texts(page, "chart-gap")
    assert "−2,5" in gap and "−10,8 – −6,2" in gap  # ticks and a label, decimal commas
    assert "ei tavoitetta" in gap  # Sotkamo
    # The colours had no legend on the chart, only in the caption below it.
    assert gap[-5:] == ["vajetta", "riittää", "riippuu välin päästä", "avoin", "henkilöstö kesken"]
    rate = chart_texts(page, "chart-rate")
    assert "Työttömien osuus, % (työttömät / työvoima × 100)" in rate
    assert "13,8 %" in rate and rate[-2:] == ["laskettu lukumääristä", "julkaistu"]
    assert "100 = tasapaino" in " ".join(chart_texts(page, "chart-self-sufficiency"))
    # In two lines: in one it ran off the figure at "tasapai".
    label = "Työpaikkaomavaraisuus, % (työpaikat / työlliset asukkaat × 100; 100 ="
    texts = chart_texts(page, "chart-self-sufficiency")
    assert texts[texts.index(label) + 1] == "tasapaino)"
    assert element(page, "caption-figure-rate").startswith(
        "Työttömien osuus työvoimasta kunnittain elokuun 2023 lopussa, prosentteina"
    )
    findings = element(page, "table-findings")
    assert findings.startswith(
        "Havainnot tiedoston ja rivin mukaisessa järjestyksessä Taso Sääntö "
        "Sijainti (tiedosto:rivi:sarake) Havainto virhe COM001 "
        f"commuting.yaml:{HYRYNSALMI_SELF_SUFFICIENCY}:27"  # (within the data folder)
    )
    staff = element(page, "table-staff-lines")
    assert staff.startswith(
        "Henkilöstörivit ja se, onko rivillä omaa asiakasmäärää Yksikkö Tehtävä Htv Alkuperä "
        "Asiakastyö Perustelu Paltamo (ml. Hyrynsalmi ja Ristijärvi) työllisyysohjaaja 2,0 oma "
        "kyllä"
    )
    assert "siirtyvä tai rekrytoitava" in staff
    notes = element(page, "notes")
    assert "Tavoitteet: tavoiteväli (100–150) täyttyy missä tahansa sen sisällä" in notes
    assert "noin 140 asiakasta per virkailija 9 htv:llä) tarkoittaa 2,08 asiakasta" in notes
    assert "Tilaston salattu solu (… tilastossa) sisältää 1–4 henkilöä" in notes
    assert (
        "Datassa on vain kuukausi 8/2023: kehityksen näyttämiseen tarvitaan vähintään kaksi "
        "kuukautta." in page
    )
    assert "Tehty työkalulla tyollisyys" in page


def test_no_english_of_the_report_is_left(finnish_page: str) -> None:
    seen = texts(finnish_page)
    assert [phrase for phrase in ENGLISH if phrase in seen] == []


def test_the_trend_in_finnish(runner: CliRunner, tmp_path: Path, data_copy: Path) -> None:
    imported = runner.invoke(app, ["--data-dir", str(data_copy), "import", "statfin", str(EXPORT)])
    assert imported.exit_code == 0, imported.output
    page = report(runner, tmp_path, "--lang", "fi", "--data-dir", str(data_copy))
    ticks = chart_texts(page, "chart-trend-unemployed")
    assert ticks[:3] == ["8/2023", "6/2026", "Kuukausi (kuun lopussa)"]
    assert f"5{NNBSP}000" in ticks and "Työttömät (henkilöä)" in ticks
    assert element(page, "table-trend-unemployed") == (
        "Kaavion luvut: työttömät työnhakijat koko alueella Kuukausi Työttömät (henkilöä) Muutos "
        f"8/2023 3{NNBSP}217 6/2026 4{NNBSP}422 +1{NNBSP}205"
    )
    assert element(page, "caption-figure-trend-rate") == (
        "Työttömien osuus koko alueella, kukin tallessa oleva kuukausi 8/2023–6/2026; muutos "
        "kuukaudesta 8/2023 (prosenttiyksikköä). Viiva yhdistää vain peräkkäiset kuukaudet: "
        "välissä olevia kuukausia ei ole tallessa."
    )
    assert element(page, "headline-5").startswith(
        f"Muutos kuukaudesta 8/2023 +1{NNBSP}205 työtöntä työttömien osuus +3,2 prosenttiyksikköä"
    )
    seen = texts(page)
    assert [phrase for phrase in ENGLISH if phrase in seen] == []
    # (the source the import wrote, `Statistics Finland, table 12r5 (…)`, in Finnish)
    assert "Lähde: Tilastokeskus, taulukko 12r5 (statfin-12r5-2026M06.json)." in seen
    assert "Statistics Finland" not in seen


def test_the_trend_of_one_place_in_finnish(
    runner: CliRunner, tmp_path: Path, data_copy: Path
) -> None:
    """A page of one place charts that place's trend; Finnish names it without
    inflecting the name (`kunnassa Hyrynsalmi`)."""
    imported = runner.invoke(app, ["--data-dir", str(data_copy), "import", "statfin", str(EXPORT)])
    assert imported.exit_code == 0, imported.output
    page = report(
        runner, tmp_path, "--lang", "fi", "--data-dir", str(data_copy), place="Hyrynsalmi"
    )
    assert element(page, "caption-figure-trend-rate").startswith(
        "Työttömien osuus kunnassa Hyrynsalmi, kukin tallessa oleva kuukausi 8/2023–6/2026;"
    )
    assert element(page, "caption-figure-trend-clients-per-advisor").startswith(
        "Asiakkaita per virkailija palveluyksikössä Paltamo (ml. Hyrynsalmi ja Ristijärvi), "
        "johon Hyrynsalmi kuuluu, kukin tallessa oleva kuukausi"
    )
    kajaani = report(
        runner, tmp_path, "--lang", "fi", "--data-dir", str(data_copy), place="Kajaani"
    )
    assert element(kajaani, "caption-figure-trend-clients-per-advisor").endswith(
        "Harmaat ja ontot: yksikön Kajaani henkilöstö on kesken; sen asiakkaat per "
        "virkailija lasketaan vain suunnitelman ilmoittamalle henkilöstölle (lisähenkilöstö "
        "pienentäisi lukua)."
    )
    seen = texts(kajaani)
    assert [phrase for phrase in ENGLISH if phrase in seen] == []


def test_a_page_of_places_in_finnish(runner: CliRunner, tmp_path: Path) -> None:
    """Finnish named Kuhmo "alueen Kuhmo" (area) and "yksiköiden Kuhmo, Kajaani" (the
    genitive plural, also of one unit); the places now stand first, uninflected."""
    page = tmp_path / "k.html"
    result = runner.invoke(app, ["--lang", "fi", "report", "-o", str(page), "Kuhmo", "Kajaani"])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(
        f"raportti kirjoitettiin tiedostoon {page}: Kuhmo, Kajaani (Kainuu–Koillismaa), "
        "elokuu 2023\n"
    )
    card = element(page.read_text(encoding="utf-8"), "headline-3")
    assert f"Kajaani, Kuhmo: 1{NNBSP}647 asiakasta jaettuna asiakastyön htv:illä;" in card


def test_an_initialised_areas_sources_in_finnish(runner: CliRunner, tmp_path: Path) -> None:
    """`init` writes the import's source into the plan's sources, which the page listed
    as written: in English, beside its month's Finnish form."""
    made = runner.invoke(app, ["init", str(tmp_path / "kk"), "--area", "10", "--from", str(EXPORT)])
    assert made.exit_code == 0, made.output
    seen = texts(report(runner, tmp_path, "--lang", "fi", "--data-dir", str(tmp_path / "kk")))
    assert "tilastot: Tilastokeskus, taulukko 12r5 (statfin-12r5-2026M06.json)" in seen
    assert "Statistics Finland" not in seen


def test_english_stays_english(runner: CliRunner, tmp_path: Path) -> None:
    report(runner, tmp_path, "--lang", "fi")
    page = report(runner, tmp_path, "--lang", "en")
    assert '<html lang="en">' in page
    assert "<h2>Summary</h2>" in page and "Yhteenveto" not in page
    assert element(page, "headline-2") == (
        "Unemployment rate 8.3\u00a0% of a labour force of 38\u00a0799, computed from the "
        "counts; printed as 8.9\u00a0%: see the findings"
    )
    assert "Made with tyollisyys" in page and "tyollisyys report" not in page
    assert "Clients per advisor (clients / caseload-carrying FTE)" in chart_texts(
        page, "chart-caseload"
    )
    assert "−2.5" in chart_texts(page, "chart-gap")  # matplotlib's own tick, a point


@pytest.mark.parametrize(
    ("tick", "finnish"),
    [
        ("0", "0"),
        ("2.5", "2,5"),
        ("−10.0", "−10,0"),
        ("5000", f"5{NNBSP}000"),
        ("8/2023", "8/2023"),
    ],
)
def test_ticks_in_finnish(tick: str, finnish: str) -> None:
    set_language("fi")
    assert finnish_number(tick) == finnish


@pytest.mark.parametrize(
    ("value", "english", "finnish"),
    [(9.0, "9", "9"), (2.5, "2.5", "2,5"), (1384, "1384", f"1{NNBSP}384"), (0.25, "0.25", "0,25")],
)
def test_plain_numbers(value: float, english: str, finnish: str) -> None:
    assert plain(value) == english
    set_language("fi")
    assert plain(value) == finnish


def test_missing_extra_in_finnish(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import fail as if Jinja2 were not installed.
    monkeypatch.setitem(sys.modules, "jinja2", None)
    set_language("fi")
    with pytest.raises(ReportUnavailable) as raised:
        require_extra()
    assert str(raised.value) == (
        "raportti tarvitsee kirjaston Jinja2, valinnaisen lisäosan 'report': "
        "pip install 'tyollisyys[report]' (lähdekoodikansiossa: pip install '.[report]')"
    )


@pytest.mark.parametrize(
    ("args", "shown", "not_shown"),
    [
        (
            ("--lang", "fi"),
            "ei virkasuhteessa; eläke- ja kuntoutustyö",
            "pension and rehabilitation work",
        ),
        ((), "pension and rehabilitation work", "eläke- ja kuntoutustyö"),
    ],
)
def test_staff_line_notes_in_the_language_the_data_give(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...], shown: str, not_shown: str
) -> None:
    """A staff line's `note_fi` on the Finnish page, its `note` on the English one; a note
    the data give only once (the plan's own Finnish words) on both."""
    page = texts(report(runner, tmp_path, *args))
    assert shown in page
    assert not_shown not in page
    assert "omaa resurssia noin 2,5 htv" in page


def test_the_area_row_of_a_chart_is_finnish(finnish_page: str) -> None:
    page = finnish_page
    for chart in ("chart-rate", "chart-self-sufficiency"):
        labels = chart_texts(page, chart)
        assert "Kainuu–Koillismaa (alue)" in labels, chart
        assert not any("(area)" in label for label in labels), chart

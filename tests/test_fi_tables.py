"""The tables in Finnish: headers, statuses, numbers and months for people; the data
formats (CSV header and codes, JSON keys) the same in both languages.

These run on the catalogue compiled into the package (docs/development.md).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.i18n import THIN_SPACE, set_language, short
from tyollisyys_cli.render.model import Column, Label
from tyollisyys_cli.render.text import cell, header
from tyollisyys_cli.values import Span, Unknown

NNBSP = THIN_SPACE  # U+202F between the thousands of a Finnish number
EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"


@pytest.fixture(autouse=True)
def _english_after() -> object:
    """Each test leaves the language as English, as the other tests expect it."""
    yield
    set_language("en")


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def line_of(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_caseload_kuhmo_in_finnish(runner: CliRunner) -> None:
    text = run(runner, "--lang", "fi", "caseload", "Kuhmo")
    title = text.splitlines()[0]
    assert title == (
        "Asiakasmäärä, Kainuu–Koillismaa, 8/2023 — asiakkaat: työttömät työnhakijat (8/2023)"
    )
    headers = line_of(text, "┃ Yksikkö")
    for word in ("Työvoima", "Työttömät", "Asiakkaat", "Asiakastyön htv", "Tavoite", "Kuormitus"):
        assert f"┃ {word}" in headers, word
    assert "Asiakkaita per virkailija" in headers
    assert "Kohd. mukana" in headers
    kuhmo = line_of(text, "│ Kuhmo")
    assert "│ tavoitteen rajoissa " in kuhmo
    assert f"3{NNBSP}120" in kuhmo
    assert "6,0" in kuhmo
    area = line_of(text, "│ Kainuu–Koillismaa (alue)")
    assert f"38{NNBSP}799" in area
    assert "≥ ~45,5" in area
    assert "henkilöstö kesken" in area
    assert "Asiakkaat: työttömät työnhakijat (8/2023). Muuta valitsimella" in text
    for english in ("Unit", "Status", "within", "staffing incomplete", "(area)", "2023-08"):
        assert english not in text, english


def test_a_caseload_across_the_band_and_its_column_in_finnish(runner: CliRunner) -> None:
    """Beside a surplus, "alle tavoitteen" under "Tila" read as understaffed."""
    text = run(
        runner, "--lang", "fi", "staffing", "Puolanka", "--clients-per-unemployed", "5", "--wide"
    )
    assert "┃ Kuormitus" in line_of(text, "┃ Yksikkö")
    assert "│ tavoitteen molemmin puolin " in line_of(text, "│ Puolanka")


def test_caseload_kuhmo_stays_english(runner: CliRunner) -> None:
    text = run(runner, "caseload", "Kuhmo")
    assert text.splitlines()[0] == (
        "Caseload, Kainuu–Koillismaa, 2023-08 — clients: unemployed job seekers (2023-08)"
    )
    assert "┃ Unit " in text
    assert "│ within " in line_of(text, "│ Kuhmo")
    assert "38 799" in line_of(text, "│ Kainuu–Koillismaa (area)")
    assert "tavoitteen rajoissa" not in text and NNBSP not in text


@pytest.mark.parametrize("command", [["caseload"], ["staffing"], ["allocate"], ["trend"]])
def test_csv_is_the_same_in_both_languages(runner: CliRunner, command: list[str]) -> None:
    english = run(runner, *command, "--format", "csv")
    finnish = run(runner, "--lang", "fi", *command, "--format", "csv")
    assert finnish == english
    rows = list(csv.DictReader(io.StringIO(finnish)))
    if "status" in rows[0]:
        codes = {row["status"] for row in rows} - {""}
        assert codes <= {"under", "within", "over", "no target", "staffing incomplete"}
    assert any(row.get("unit", row.get("municipality", "")).endswith(" (area)") for row in rows)


def test_caseload_csv_header_and_codes(runner: CliRunner) -> None:
    text = run(runner, "--lang", "fi", "caseload", "Kuhmo", "--format", "csv")
    lines = text.splitlines()
    assert lines[0].startswith("unit,served_by,labour_force,unemployed,clients,caseload_fte_min")
    assert lines[1].startswith("Kuhmo,,3120,263,263.0,6.0,6.0,43.83,")
    assert ",within," in lines[1]
    assert lines[2].startswith("Kainuu–Koillismaa (area),,38799,")
    assert ",staffing incomplete," in lines[2]


def keys(value: object) -> object:
    """The structure of a JSON document: its keys, without the values."""
    if isinstance(value, dict):
        return {key: keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [keys(item) for item in value]
    return None


def test_json_keys_and_rows_identical(runner: CliRunner) -> None:
    english = json.loads(run(runner, "caseload", "--format", "json"))
    finnish = json.loads(run(runner, "--lang", "fi", "caseload", "--format", "json"))
    assert keys(finnish) == keys(english)
    assert finnish["rows"] == english["rows"]
    assert [c["key"] for c in finnish["metadata"]["columns"]] == [
        c["key"] for c in english["metadata"]["columns"]
    ]
    # Prose for people is in the run's language.
    assert finnish["metadata"]["title"].startswith("Asiakasmäärä, Kainuu–Koillismaa, 8/2023")
    assert english["metadata"]["title"].startswith("Caseload, Kainuu–Koillismaa, 2023-08")
    headers = {c["key"]: c["header"] for c in finnish["metadata"]["columns"]}
    assert headers["status"] == "Kuormitus"
    assert headers["caseload_fte_min"] == "Asiakastyön htv (alaraja)"


def test_finnish_tables_fit_80_and_120_columns(runner: CliRunner) -> None:
    for width in (80, 120):
        for command in (["caseload", "Kuhmo"], ["caseload"], ["unemployment"], ["trend"]):
            result = runner.invoke(
                app, ["--lang", "fi", *command], env={"COLUMNS": str(width), "NO_COLOR": "1"}
            )
            assert result.exit_code == 0, result.output
            lines = result.stdout.splitlines()
            assert max(len(line) for line in lines) <= width, (width, command)
            assert not any("…" in line for line in lines), (width, command)
    text, wide_enough = (
        runner.invoke(
            app, ["--lang", "fi", "caseload", "Kuhmo"], env={"COLUMNS": width, "NO_COLOR": "1"}
        ).stdout
        for width in ("80", "160")
    )
    assert "Jätetty pois 80 merkin leveydellä: Suhteessa tavoitteeseen, Työvoima" in text
    # The status wraps to its narrowest Finnish word (`tavoitteen` over `rajoissa`: it
    # was the one word `tavoitteessa`), so that the area's table keeps its clients, as the
    # English one does; only `Kohd. mukana` gives way beside the English columns.
    whole = runner.invoke(app, ["--lang", "fi", "caseload"], env={"COLUMNS": "80"}).stdout
    assert " ".join(whole.split()).endswith(
        "Jätetty pois 80 merkin leveydellä: Suhteessa tavoitteeseen, Työvoima, Työttömät, "
        "Kohd. mukana. Leveämpi pääte tai --wide näyttää ne."
    )
    assert "┃ Asiakkaat ┃" in whole
    # The area's name breaks after its dash only where that keeps a column.
    assert "│ Kainuu–Koillismaa " in wide_enough
    assert "│ Kainuu–Koillismaa" not in text
    assert "│ Kainuu– " in text and "│ Koillismaa " in text and "│ (alue) " in text


def test_markdown_and_trend_in_finnish(runner: CliRunner) -> None:
    markdown = run(runner, "--lang", "fi", "caseload", "Kuhmo", "--format", "markdown")
    assert "| Yksikkö " in markdown and "**henkilöstö kesken**" in markdown
    trend = run(runner, "--lang", "fi", "trend", "Kuhmo")
    assert trend.splitlines()[0] == "Kehitys, Kainuu–Koillismaa, 8/2023 alkaen"
    assert "│ 8/2023 " in line_of(trend, "│ 290 ")


def test_cells_for_people_translate_codes_only_in_coded_columns() -> None:
    status = Column("status", "Status", coded=True)
    unit = Column("unit", "Unit")
    set_language("fi")
    assert cell("over", status) == "yli tavoitteen"  # (not a bare "yli": over what?)
    assert cell("over", unit) == "over"  # a place's own name is never translated
    assert cell(Unknown.WITHHELD, unit) == "salattu"
    assert cell(Label("Kainuu (area)", "Kainuu (alue)"), unit) == "Kainuu (alue)"
    assert cell(Span(1234.5, 2000.0), Column("fte", "Caseload FTE", "span", 1)) == (
        f"1{NNBSP}234,5–2{NNBSP}000,0"
    )
    assert header(Column("clients", "Clients", qualifier="base")) == "Asiakkaat (perustilanne)"
    set_language("en")
    assert cell("over", status) == "over"
    assert header(Column("clients", "Clients", qualifier="base")) == "Clients (base)"


def test_allocate_in_finnish_names_the_pool_it_divides(runner: CliRunner) -> None:
    """allocate divides the whole transferring pool, not only its unassigned part
    ("kohdentamaton" is that part, in caseload and staffing)."""
    text = " ".join(run(runner, "--lang", "fi", "allocate").split())
    assert "Kun siirtyvä henkilöstö on jaettu, mikään yksikkö ei jää tavoitteensa yli." in text
    assert "kohdentamaton henkilöstö" not in text


@pytest.mark.parametrize(
    ("value", "english", "finnish"),
    [
        (1260, "1 260", f"1{NNBSP}260"),  # (was 1260 in the plan's statement, both ways)
        (0.5, "0.5", "0,5"),
        (9, "9", "9"),
        (38799.5, "38 799.5", f"38{NNBSP}799,5"),
    ],
)
def test_a_short_number_keeps_its_thousands_apart(value: float, english: str, finnish: str) -> None:
    assert short(value) == english
    set_language("fi")
    assert short(value) == finnish


def test_the_source_an_import_writes_is_shown_in_the_runs_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    """It showed `Lähde: Statistics Finland, table 12r5 (…)` in a Finnish table; the month
    file and the data formats keep the words as written."""
    area = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), area)
    assert run(runner, "--data-dir", str(area), "import", "statfin", str(EXPORT))
    written = "Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"
    assert (area / "statistics" / "2026-06.csv").read_text("utf-8").count(written) == 10
    for language, shown in [
        ("fi", "Lähde: Tilastokeskus, taulukko 12r5 (statfin-12r5-2026M06.json)."),
        ("en", f"Source: {written}."),
    ]:
        text = run(runner, "--lang", language, "--data-dir", str(area), "unemployment")
        assert shown in text.splitlines()
    data = run(runner, "--lang", "fi", "--data-dir", str(area), "unemployment", "-f", "json")
    assert json.loads(data)["metadata"]["source"] == written
    # The plan's source in the language the data give it in (`sources_fi`); it read
    # `Lähde: Plan section 1, Table 1 …` in a Finnish table.
    plan = run(runner, "--lang", "fi", "unemployment", "--month", "2023-08")
    assert "Lähde: Suunnitelman luku 1, taulukko 1" in plan
    assert "Plan section" not in plan
    english = run(runner, "unemployment", "--month", "2023-08")
    assert "Source: Plan section 1, Table 1" in english
    data = run(runner, "--lang", "fi", "unemployment", "-f", "json", "--month", "2023-08")
    assert json.loads(data)["metadata"]["source"].startswith("Plan section 1, Table 1")


def test_a_trend_of_two_months_leaves_out_the_same_columns_in_both_languages(
    runner: CliRunner, tmp_path: Path
) -> None:
    """At 80 columns the Finnish trend left out Δ osuus, which the English one keeps: its
    rate header wrapped no narrower than `Työttömien`. It is `Osuus %` beside `Δ osuus`,
    as English has `Rate %` beside `Δ rate`."""
    area = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), area)
    assert run(runner, "--data-dir", str(area), "import", "statfin", str(EXPORT))
    left_out = {}
    for language in ("en", "fi"):
        result = runner.invoke(
            app, ["--lang", language, "--data-dir", str(area), "trend"], env={"COLUMNS": "80"}
        )
        assert result.exit_code == 0, result.output
        left_out[language] = " ".join(result.stdout.split()).rpartition(": ")[2]
    assert left_out["en"].startswith(
        "Code, With pool, Δ clients / advisor, Clients / advisor, Staffing. "
    )
    assert left_out["fi"].startswith(
        "Koodi, Kohd. mukana, Δ asiakkaita per virkailija, Asiakkaita per virkailija, Henkilöstö. "
    )

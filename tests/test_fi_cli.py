"""The command line in Finnish: help texts, usage problems, errors, `import statfin`.

typer reads the help texts when the commands are imported, so those run in a
subprocess (`python -m tyollisyys_cli`), where `cli.main` chooses the language first.
The catalog must be built (`docs/translating.md`) for these to pass.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import CliRunner
from pxweb_server import TABLE_PATH, PxwebServer
from test_cli import help_problems
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.i18n import set_language
from tyollisyys_cli.statfin import api


def tyollisyys(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed tool run as a process, with the locale and language of `env` only."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "TYOLLISYYS_LANG"}
    }
    clean.update(COLUMNS="100", NO_COLOR="1", TYOLLISYYS_CACHE_DIR=str(tmp_path / "cache"))
    clean.pop("TYOLLISYYS_DATA_DIR", None)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", *args],
        capture_output=True,
        text=True,
        env=clean,
        check=False,
    )


def as_installed(text: str) -> str:
    """`text` as the installed script writes it (click names `python -m tyollisyys_cli`
    so, whatever the interpreter is called)."""
    return text.replace("python -m tyollisyys_cli", "tyollisyys")


def test_completing_an_unknown_command_in_finnish_is_quiet(runner: CliRunner) -> None:
    """It printed click's UsageError as a traceback (exit 1); in English it was quiet."""
    words = {"COMP_WORDS": "tyollisyys cazeload K", "COMP_CWORD": "2"}
    env = {"_TYOLLISYYS_COMPLETE": "complete_bash", **words}
    outputs = []
    for language in ("fi", "en"):
        set_language(language)  # (a completion runs no callback: no --lang is read)
        result = runner.invoke(app, [], env=env, prog_name="tyollisyys", catch_exceptions=False)
        assert result.exit_code == 0, (language, result.output)
        outputs.append(result.output)
    assert outputs[0] == outputs[1] and not outputs[0].strip()  # (no completion, no word)


def test_main_help_in_finnish(tmp_path: Path) -> None:
    result = tyollisyys("--lang", "fi", "--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Asiakasmäärät, henkilöstö ja luvut työllisyysalueen suunnitelman takana." in out
    assert "Valitsimet:" in out
    assert "Komennot:" in out
    assert "Tulosta versio." in out
    assert "Tuo viralliset tilastot datakansioon." in out  # the `import` group
    assert as_installed(out).startswith("Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...")
    assert "Asenna täydennys nykyiseen komentotulkkiin." in out  # (typer's own options)
    assert "Caseloads, staffing" not in out


def test_command_help_in_finnish(tmp_path: Path) -> None:
    result = tyollisyys("--lang", "fi", "caseload", "--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    usage = "Käyttö: tyollisyys caseload [VALITSIMET] [[PAIKKA]...]..."
    assert as_installed(result.stdout).startswith(usage)
    assert "  -h, --help  " in result.stdout
    assert "Näytä tämä ohje ja lopeta." in result.stdout
    assert "Show this message" not in result.stdout
    scenario = tyollisyys("--lang", "fi", "scenario", "--help", tmp_path=tmp_path).stdout
    assert "\n  TIEDOSTO.yaml  Skenaariotiedosto." in scenario and "<Path>" not in scenario
    out = " ".join(result.stdout.split())  # the help is wrapped to the terminal
    assert "Asiakkaita per virkailija kunkin palveluyksikön osalta tavoitteeseen" in out
    assert "Tilastokuukausi: VVVV-KK, K/VVVV tai tilaston koodi, 2023M08 (oletus: viimeisin" in out
    assert "Argumentit:" in out
    assert "Clients per advisor" not in out


@pytest.mark.parametrize("command", [["allocate"], ["caseload"], []])
def test_finnish_help_at_80_columns_keeps_names_whole_and_says_a_default_once(
    tmp_path: Path, command: list[str]
) -> None:
    result = tyollisyys("--lang", "fi", *command, "--help", tmp_path=tmp_path, COLUMNS="80")
    assert result.returncode == 0, result.stderr
    assert help_problems(result.stdout, "oletus") == []
    if not command:
        assert "Oletus: ensimmäinen kansio työkansiosta ylöspäin" in " ".join(result.stdout.split())


def test_import_statfin_help_in_finnish(tmp_path: Path) -> None:
    result = tyollisyys("--lang", "fi", "import", "statfin", "--help", tmp_path=tmp_path)
    out = " ".join(result.stdout.split())
    assert "Tuo taulukon 12r5 kuukausia" in out
    assert "Nouda viimeisin julkaistu kuukausi." in out


def test_the_locale_gives_finnish_help_without_options(tmp_path: Path) -> None:
    result = tyollisyys("--help", tmp_path=tmp_path, LANG="fi_FI.UTF-8")
    assert "Asiakasmäärät, henkilöstö ja luvut" in result.stdout
    assert "Valitsimet:" in result.stdout


def test_tyollisyys_lang_beats_the_locale(tmp_path: Path) -> None:
    result = tyollisyys("--help", tmp_path=tmp_path, LANG="fi_FI.UTF-8", TYOLLISYYS_LANG="en")
    assert "Caseloads, staffing and the figures behind" in result.stdout
    assert "Options:" in result.stdout
    assert "Valitsimet" not in result.stdout


def test_english_help_stays_english(tmp_path: Path) -> None:
    result = tyollisyys("caseload", "--help", tmp_path=tmp_path, LANG="C.UTF-8")
    # An argument without typer's type hint (it was `[PLACE]... <list[str]>`).
    assert "\n  [PLACE]...  Municipality name" in result.stdout
    assert "<list[str]>" not in result.stdout
    out = " ".join(result.stdout.split())
    assert "Clients per advisor for each service unit against its target" in out
    assert "Month of statistics: YYYY-MM, M/YYYY or the statistics' code, 2023M08" in out
    assert "Asiakkaita" not in out


def test_a_language_the_tool_does_not_speak_is_a_usage_error(tmp_path: Path) -> None:
    result = tyollisyys("--lang", "sv", "caseload", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "'sv' is not a language of the tool; use fi or en" in result.stderr
    assert result.stdout == ""


def test_an_unknown_employment_area_in_finnish(tmp_path: Path) -> None:
    result = tyollisyys(
        "--lang", "fi", "init", str(tmp_path / "new"), "--area", "Kainu", tmp_path=tmp_path
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == "virhe: tuntematon työllisyysalue 'Kainu'; tarkoititko: Kainuu-Koillismaa?\n"
    )
    assert not (tmp_path / "new").exists()


def test_an_unknown_place_in_finnish(runner: CliRunner) -> None:
    """A name offered bare after "tarkoititko" wants the partitive (Kuhmoa), which the
    tool cannot make of every name: it read "tarkoititko Kuhmo?"."""
    result = runner.invoke(app, ["--lang", "fi", "caseload", "Kuhm"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "virhe: tuntematon paikka 'Kuhm' alueella Kainuu–Koillismaa; tarkoititko: Kuhmo?\n"
    )


#: click's own usage errors in a Finnish run: the command line after `--lang fi`, and
#: standard error line by line (the usage line and the pointer to the help first, where
#: click gives them).
FINNISH_USAGE_ERRORS = [
    (
        ("caseload", "--bogus"),
        [
            "Käyttö: tyollisyys caseload [VALITSIMET] [[PAIKKA]...]...",
            "Katso ohje: 'tyollisyys caseload --help'.",
            "",
            "virhe: tuntematon valitsin: --bogus",
        ],
    ),
    (
        ("caseload", "--mnth", "2023-08"),
        [
            "Käyttö: tyollisyys caseload [VALITSIMET] [[PAIKKA]...]...",
            "Katso ohje: 'tyollisyys caseload --help'.",
            "",
            "virhe: tuntematon valitsin: --mnth (mahdolliset valitsimet: --month)",
        ],
    ),
    (
        ("--bogus", "caseload"),
        [
            "Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys --help'.",
            "",
            "virhe: tuntematon valitsin: --bogus",
        ],
    ),
    (
        ("cazeload",),
        [
            "Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys --help'.",
            "",
            "virhe: komentoa 'cazeload' ei ole; tarkoititko: 'caseload'?",
        ],
    ),
    (
        ("henkilöstö",),  # (a command named in Finnish: the one it means)
        [
            "Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys --help'.",
            "",
            "virhe: komentoa 'henkilöstö' ei ole; tarkoititko: 'staffing'?",
        ],
    ),
    (
        ("import", "statfinn"),
        [
            "Käyttö: tyollisyys import [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys import --help'.",
            "",
            "virhe: komentoa 'statfinn' ei ole; tarkoititko: 'statfin'?",
        ],
    ),
    (
        ("--data-dir=", "caseload"),  # (click named the variable as "env var", in English)
        [
            "Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys --help'.",
            "",
            "virhe: valitsimen '--data-dir' (ympäristömuuttuja: 'TYOLLISYYS_DATA_DIR') arvo "
            "ei kelpaa: tyhjä polku; anna kansion nimi",
        ],
    ),
    (
        ("--debug",),  # (options, and no command)
        [
            "Käyttö: tyollisyys [VALITSIMET] KOMENTO [ARGUMENTIT]...",
            "Katso ohje: 'tyollisyys --help'.",
            "",
            "virhe: komento puuttuu",
        ],
    ),
    (("caseload", "--month"), ["virhe: valitsin '--month' tarvitsee arvon"]),
    (("caseload", "--wide=3"), ["virhe: valitsimelle '--wide' ei anneta arvoa"]),
    (
        ("caseload", "--month", "abc"),
        [
            "Käyttö: tyollisyys caseload [VALITSIMET] [[PAIKKA]...]...",
            "Katso ohje: 'tyollisyys caseload --help'.",
            "",
            "virhe: valitsimen '--month' arvo ei kelpaa: abc ei ole kuukausi; kirjoita "
            "VVVV-KK tai K/VVVV, esim. 2023-08 tai 8/2023",
        ],
    ),
    (
        ("check", "extra", "more"),
        [
            "Käyttö: tyollisyys check [VALITSIMET]",
            "Katso ohje: 'tyollisyys check --help'.",
            "",
            "virhe: ylimääräisiä argumentteja: extra more; check ei ota argumentteja: se "
            "käsittelee koko aluetta",
        ],
    ),
    (
        ("scenario",),
        [
            "Käyttö: tyollisyys scenario [VALITSIMET] {TIEDOSTO.yaml}",
            "Katso ohje: 'tyollisyys scenario --help'.",
            "",
            "virhe: argumentti 'TIEDOSTO.yaml' puuttuu",
        ],
    ),
]


@pytest.mark.parametrize(("args", "lines"), FINNISH_USAGE_ERRORS)
def test_the_command_lines_own_usage_errors_in_finnish(
    tmp_path: Path, args: tuple[str, ...], lines: list[str]
) -> None:
    """click writes these in English; a Finnish run writes them in Finnish (they were
    `Usage: …`, `Try … for help.` and `Error: No such option: --bogus`)."""
    result = tyollisyys("--lang", "fi", *args, tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert as_installed(result.stderr).splitlines() == lines


def test_the_command_lines_own_usage_errors_stay_clicks_in_english(tmp_path: Path) -> None:
    result = tyollisyys("caseload", "--mnth", "2023-08", tmp_path=tmp_path, LANG="C.UTF-8")
    assert result.returncode == 2
    assert as_installed(result.stderr).splitlines() == [
        "Usage: tyollisyys caseload [OPTIONS] [[PLACE]...]...",
        "Try 'tyollisyys caseload --help' for help.",
        "",
        "Error: No such option: --mnth (Possible options: --month)",
    ]
    result = tyollisyys("cazeload", tmp_path=tmp_path, LANG="C.UTF-8")
    assert result.stderr.splitlines()[-1] == (
        "Error: No such command 'cazeload'. Did you mean 'caseload'?"
    )


def test_usage_problems_in_finnish(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fi", "caseload", "--client-base", "kaikki"])
    assert result.exit_code == 2
    assert result.output == (
        "virhe: tuntematon asiakaspohja 'kaikki'; valitse unemployed tai job-seekers\n"
    )
    result = runner.invoke(app, ["--lang", "fi", "check", "--fail-on", "aina"])
    assert result.exit_code == 2
    assert "virhe: tuntematon taso 'aina' valitsimelle --fail-on" in result.output
    result = runner.invoke(app, ["--lang", "fi", "caseload", "--month", "2023-08-01"])
    assert result.exit_code == 2
    expected = "2023-08-01 ei ole kuukausi; kirjoita VVVV-KK tai K/VVVV, esim. 2023-08 tai 8/2023"
    assert expected in result.output


def test_the_same_problems_stay_english(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "en", "caseload", "--client-base", "kaikki"])
    assert result.output == (
        "error: unknown client base 'kaikki'; choose unemployed or job-seekers\n"
    )


def test_a_bad_data_file_in_finnish(runner: CliRunner, data_copy: Path) -> None:
    (data_copy / "municipalities.yaml").write_text("area: [\n", encoding="utf-8")
    result = runner.invoke(app, ["--lang", "fi", "--data-dir", str(data_copy), "caseload"])
    assert result.exit_code == 2
    assert result.output.startswith("virhe: ")
    assert result.output.endswith("1 ongelma datatiedostoissa\n")


@pytest.fixture
def area_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(api, "BACKOFF_SECONDS", 0.001)
    monkeypatch.setenv(api.ENV_TIMEOUT, "5")
    monkeypatch.delenv(api.ENV_URL, raising=False)
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    return target


def test_import_statfin_offline_in_finnish(runner: CliRunner, area_dir: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"http://127.0.0.1:{port}{TABLE_PATH}"
    args = ["--lang", "fi", "--data-dir", str(area_dir), "import", "statfin", "--latest"]
    result = runner.invoke(app, [*args, "--api-url", url])
    assert result.exit_code == 1
    assert result.output == (
        f"virhe: taulukkoa 12r5 ei voitu noutaa osoitteesta {url}: yhteys torjuttiin "
        "(yritetty 4 kertaa); yritä myöhemmin uudelleen tai lataa taulukko 12r5 käsin "
        "osoitteesta https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/ (Työnvälitystilasto; "
        "kaikki tiedot, tallennettuna JSON-muodossa) ja anna tiedosto: "
        "tyollisyys import statfin TIEDOSTO\n"
    )
    assert not (area_dir / "statistics").exists()


def test_import_statfin_in_finnish(runner: CliRunner, area_dir: Path) -> None:
    args = ["--lang", "fi", "--data-dir", str(area_dir), "import", "statfin"]
    with PxwebServer() as served:
        unpublished = runner.invoke(app, [*args, "--month", "2026-07", "--api-url", served.url])
        imported = runner.invoke(app, [*args, "--latest", "--api-url", served.url])
    assert unpublished.exit_code == 2
    assert unpublished.output == (
        "virhe: kuukautta 2026-07 ei ole vielä julkaistu taulukossa 12r5 (viimeisin kuukausi "
        "on 2026-06); yritä uudelleen, kun Tilastokeskus on julkaissut sen, tai käytä "
        "valitsinta --latest\n"
    )
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith("Kuukausi 6/2026 tuotiin alueelle Kainuu–Koillismaa (")
    assert "kuntaa) lähteestä" in imported.output


@pytest.mark.parametrize(
    ("value", "finnish", "english"),
    [
        (
            "abc",
            "Anna luku; tekstiä ei voi lukea luvuksi",
            "Input should be a valid number, unable to parse string as a number",
        ),
        ("2000", "Luvun pitää olla enintään 1000", "Input should be less than or equal to 1000"),
        ("-1", "Luvun pitää olla suurempi kuin 0", "Input should be greater than 0"),
        ("0", "Luvun pitää olla suurempi kuin 0", "Input should be greater than 0"),
    ],
)
def test_a_bad_number_option_in_each_language(
    runner: CliRunner, value: str, finnish: str, english: str
) -> None:
    option = "'--clients-per-unemployed'"
    for args, expected in (
        (["--lang", "fi"], f"virhe: valitsimen {option} arvo ei kelpaa: {finnish}"),
        ([], f"Error: Invalid value for {option}: {english}"),
    ):
        result = runner.invoke(app, [*args, "caseload", "Kuhmo", "--clients-per-unemployed", value])
        assert result.exit_code == 2
        assert result.output.splitlines()[-1] == expected


def test_allocate_help_in_finnish_names_the_floor_one_way(tmp_path: Path) -> None:
    """A unit's stated transfer is its *vähimmäisosuus* in notes and errors; the help said
    *vähimmäismäärä*, the word of a lower bound of staffing."""
    out = " ".join(
        tyollisyys("--lang", "fi", "allocate", "--help", tmp_path=tmp_path).stdout.split()
    )
    assert "Jaa henkilöstö HTV htv:n askelin; vähimmäisosuuksien ylittävän osan" in out
    assert "vähimmäismäär" not in out


def test_a_table_written_to_a_file_is_named_in_finnish(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "asiakkaat.csv"
    result = runner.invoke(app, ["--lang", "fi", "caseload", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"taulukko kirjoitettiin tiedostoon {path}\n"
    assert path.read_text(encoding="utf-8").startswith("unit,served_by,")


def test_the_finnish_export_help_names_the_sheets_as_the_workbook_does(tmp_path: Path) -> None:
    """It promised sheets named `kunnat, toimipisteet, …`; the workbook's are English, as
    every data format's keys are: the help gives each name with its Finnish."""
    from test_export import SHEETS

    said = tyollisyys("--lang", "fi", "export", "--help", tmp_path=tmp_path).stdout
    out = " ".join(said.split())
    assert all(f"{sheet} = " in out for sheet in SHEETS), out
    assert "omalle välilehdelleen (metadata)" in out
    assert "municipalities = kunnat, offices = toimipisteet" in out
    caseload = tyollisyys("--lang", "fi", "caseload", "--help", tmp_path=tmp_path).stdout
    assert "koodiarvot, kuten within, pysyvät englanninkielisinä" in " ".join(caseload.split())

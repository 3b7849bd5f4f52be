"""`tyollisyys --lang fi check`: the findings, severities and summary in Finnish, the
machine forms (JSON keys, severity and rule codes) as in English, English unchanged."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from rich.console import Console

from clirunner import CliRunner
from lines import line_of
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.reporters.text import render_terminal, summary
from tyollisyys_cli.check.runner import run
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.i18n import language, set_language

DATA = str(bundled_data_dir())
SOTKAMO = line_of(
    bundled_data_dir() / "commuting.yaml", "job_self_sufficiency: 105", after='municipality: "765"'
)
HYRYNSALMI = line_of(bundled_data_dir() / "commuting.yaml", "job_self_sufficiency: 89.13")
TYPED_TOTAL_FI = (
    "[virhe] työttömät: yhteensä-luvuksi on painettu 321, mutta 10 kunnan rivien summa on "
    "3\u202f217 (erotus \u22122\u202f896); luku on ristiriidassa myös näiden kanssa: "
    "miehet + naiset = 3\u202f217 sekä 6 sen omaa ryhmää, joista jokainen on sitä suurempi "
    "(työttömät miehet: 1\u202f911, "
)
SUMMARY_FI = (
    "5 virheellistä lukua (taso: virhe), 4 varoitusta, 8 huomiota: ei läpäise tasolla "
    "--fail-on error"
)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def finnish() -> Iterator[None]:
    """Finnish for a test that calls the library directly, English again after it."""
    before = language()
    set_language("fi")
    yield
    set_language(before)


def test_the_findings_are_in_finnish(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 17
    total = next(line for line in lines if "(TOT001" in line)
    assert TYPED_TOTAL_FI in total
    assert total.endswith("(TOT001; myös GRP001, GRP002)")
    assert (
        "[virhe] alueen työttömien osuudeksi on painettu 8,9 %, mutta rivien 3\u202f217 työtöntä "
        "/ työvoima 38\u202f799 = 8,29 %" in out
    )
    assert "[varoitus] Sotkamo: työpaikkaomavaraisuudeksi on painettu 105 %" in out
    assert "(pyöristyksen suuruinen ero) (COM001)" in out
    assert "[huomio] alle 25-v. työttömät: yhteensä-luku on 325" in out
    assert "olettaen, että kussakin salatussa solussa on 1–4 henkilöä (area.withheld_cell)" in out
    assert "tekstissä: työttömien osuus (koko alue) = noin 8,9 %" in out
    # The claims' quantities and groups the data cannot check, in words (they were the
    # data's codes, `foreign activation rate (men)`).
    assert (
        "tekstissä: ulkomaalaisten työnhakijoiden aktivointiaste (miehet), Kainuu, 8/2018 = "
        "69,4 %; tätä ei voi tarkistaa: datassa ei ole tätä lukua (CLM002)" in out
    )
    # A rate stated as about a figure keeps both ("50 %:n luokkaa"); it lost them.
    assert "(miehet ja naiset), muut maakunnat (other regions) = noin 50 %;" in out
    assert "tekstissä: vieraskieliset työnhakijat, Kainuu = 734;" in out
    # The option value stays as the command line takes it; the factor is Finnish.
    assert "2,08 × työttömät (kokeile --clients-per-unemployed 2.08)" in out
    for english in ("[error]", "[warning]", "[info]", "printed as", "but the", "also"):
        assert english not in out
    assert err.strip() == SUMMARY_FI


def test_json_keeps_its_keys_and_codes_in_finnish(runner: CliRunner) -> None:
    _, english, _ = invoke(runner, "--lang", "en", "--data-dir", DATA, "check", "-f", "json")
    code, finnish, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check", "-f", "json")
    assert (code, err) == (1, "")
    en, fi = json.loads(english), json.loads(finnish)
    assert fi["schema"] == "tyollisyys-check/1"
    assert fi["summary"] == en["summary"] == {"error": 5, "warning": 4, "info": 8}
    assert list(fi) == list(en)
    assert [list(f) for f in fi["findings"]] == [list(f) for f in en["findings"]]
    machine = ("code", "severity", "file", "line", "column", "field", "printed", "computed")
    for key in (*machine, "computed_low", "computed_high", "difference", "also"):
        assert [f[key] for f in fi["findings"]] == [f[key] for f in en["findings"]], key
    total = next(f for f in fi["findings"] if f["code"] == "TOT001")
    assert (total["severity"], total["printed"], total["computed"]) == ("error", 321, 3217)
    assert total["also"] == ["GRP001", "GRP002"]
    assert total["message"].startswith("työttömät: yhteensä-luvuksi on painettu 321, mutta")
    assert {f["severity"] for f in fi["findings"]} == {"error", "warning", "info"}


def test_github_annotations_in_finnish(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check", "-f", "github")
    assert code == 1
    total = next(line for line in out.splitlines() if "TOT001" in line)
    assert total.startswith("::error file=")
    assert ",title=TOT001; myös GRP001%2C GRP002::työttömät: yhteensä-luvuksi" in total
    assert err.strip() == SUMMARY_FI


def test_the_summary_counts_in_finnish(runner: CliRunner) -> None:
    code, _, err = invoke(
        runner, "--lang", "fi", "--data-dir", DATA, "check", "--select", "COM001,STF003"
    )
    assert (code, err.strip()) == (
        1,
        "1 virheellinen luku (taso: virhe), 1 varoitus, 1 huomio: ei läpäise tasolla "
        "--fail-on error",
    )
    code, _, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check", "--select", "STF001")
    assert (code, err.strip()) == (
        0,
        "0 virheellistä lukua (taso: virhe), 0 varoitusta, 0 huomiota: läpäisee tasolla "
        "--fail-on error",
    )


def test_an_unknown_rule_in_finnish(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check", "--select", "TOT01")
    assert code == 2
    assert "mikään sääntö ei vastaa koodia 'TOT01'; tarkoititko: TOT001?" in err


def test_the_terminal_view_in_finnish(finnish: None) -> None:
    outcome = run(load_area(bundled_data_dir()))
    stream = io.StringIO()
    render_terminal(outcome, Console(file=stream, width=200, color_system=None), "Kainuu")
    text = stream.getvalue()
    assert text.startswith("Tarkistetaan Kainuu (tilastot 8/2023)\n")
    # The severity column fits `varoitus` and a space.
    assert f"  {SOTKAMO}:27  varoitus COM001  Sotkamo: työpaikkaomavaraisuudeksi" in text
    assert f"  {HYRYNSALMI}:27  virhe    COM001  Hyrynsalmi:" in text
    assert "(myös GRP001, GRP002)" in text
    assert text.rstrip().endswith(SUMMARY_FI)
    assert summary(outcome) == SUMMARY_FI


def test_english_stays_english(runner: CliRunner) -> None:
    _, default, _ = invoke(runner, "--data-dir", DATA, "check")
    code, out, err = invoke(runner, "--lang", "fi", "--data-dir", DATA, "check")
    code, out, err = invoke(runner, "--lang", "en", "--data-dir", DATA, "check")
    assert code == 1
    assert out == default
    assert (
        "[error] unemployed: the total is printed as 321, but the 10 municipalities' rows sum "
        "to 3 217 (difference -2 896); it also disagrees with men + women = 3 217 and with"
    ) in out
    assert "[virhe]" not in out and "työttömät" not in out
    assert err.strip() == (
        "5 wrong figures (errors), 4 warnings, 8 info: fails with --fail-on error"
    )


def test_the_rules_explained_in_finnish(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--lang", "fi", "check", "--explain", "tot002")
    assert code == 0
    assert out.startswith(
        "TOT002 (totals-with-unknown-cells)\n\nSalattuja tai puuttuvia soluja sisältävien "
        "sarakkeiden yhteensä-luvut verrattuina solujen mahdolliseen sisältöön.\n"
    )
    assert "Pelkkä oletus ei koskaan tee havainnosta virhettä:" in out
    assert "(painettu − tunnettu) henkilöä" in out
    code, out, _ = invoke(runner, "--lang", "fi", "check", "--list-rules")
    assert code == 0
    assert out.splitlines()[0] == (
        "TOT001  totals-row                  "
        "Tilastotaulukon yhteensä-rivi verrattuna täysin tunnettujen sarakkeiden summiin"
    )
    assert "GRP001  men-plus-women              Työttömät miehet + työttömät naiset" in out
    code, out, _ = invoke(runner, "--lang", "en", "check", "--explain", "tot002")
    assert out.startswith("TOT002 (totals-with-unknown-cells)\n\nTotals of columns with withheld")

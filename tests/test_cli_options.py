"""The command line as a user types it (issue 14): --wide, -h, global options after the
command, a decimal comma, an impossible month, shell completion."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer

from clirunner import CliRunner
from test_installed import tyollisyys_command
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.cli.completion import as_typed, month_names, place_names
from tyollisyys_cli.cli.errors import DEBUG
from tyollisyys_cli.cli.main import SHELLS
from tyollisyys_cli.cli.options import decimal_number, month_value
from tyollisyys_cli.i18n import set_language


def invoke(runner: CliRunner, *args: str | Path) -> Any:
    return runner.invoke(app, [str(arg) for arg in args])


def process(*args: str | Path, env: dict[str, str] | None = None) -> Any:
    """`tyollisyys ARGS` as a real process (the installed console script)."""
    environment = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    environment.update({"COLUMNS": "200", **(env or {})})
    return subprocess.run(
        [*tyollisyys_command(), *(str(arg) for arg in args)],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture(autouse=True)
def _debug_off() -> Any:
    """--debug sets a process-wide flag; each test starts and ends without it."""
    DEBUG["enabled"] = False
    yield
    DEBUG["enabled"] = False


# --wide ---------------------------------------------------------------------------


def test_wide_keeps_every_column_at_80(runner: CliRunner, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    narrow = invoke(runner, "caseload")
    assert narrow.exit_code == 0, narrow.output
    assert "Left out at 80 columns: Against target" in narrow.output
    assert max(len(line) for line in narrow.output.splitlines()) <= 80
    wide = invoke(runner, "caseload", "--wide")
    assert wide.exit_code == 0, wide.output
    assert "Left out" not in wide.output
    header = next(line for line in wide.output.splitlines() if "Unit" in line)
    assert "Against target" in header and "Clients / advisor" in header
    assert max(len(line) for line in wide.output.splitlines()) > 80


@pytest.mark.parametrize(
    "command", ["municipalities", "unemployment", "staffing", "commuting", "trend", "allocate"]
)
def test_every_table_command_takes_wide(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--wide")
    assert result.exit_code == 0, result.output


def test_wide_is_for_the_table_view(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "--wide", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == "error: --wide applies to --format table, not csv\n"


# -h -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["caseload"], ["import"], ["import", "statfin"]])
def test_dash_h_is_help(runner: CliRunner, command: list[str]) -> None:
    short = invoke(runner, *command, "-h")
    long = invoke(runner, *command, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.output == long.output
    assert short.output.startswith(f"Usage: tyollisyys {' '.join(command)}".rstrip())


def test_dash_h_in_a_real_process() -> None:
    result = process("allocate", "-h")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: tyollisyys allocate [OPTIONS]")
    assert "-h, --help" in result.stdout


# global options after the command -------------------------------------------------


def metadata(output: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(output)["metadata"]
    return data


def test_data_dir_after_the_command(runner: CliRunner, data_copy: Path) -> None:
    result = invoke(runner, "caseload", "--data-dir", data_copy, "Kuhmo", "--format", "json")
    assert result.exit_code == 0, result.output
    meta = metadata(result.output)
    assert meta["data"]["folder"] == str(data_copy)
    assert meta["options"]["data_dir"] == str(data_copy)
    assert "debug" not in meta["options"]
    before = invoke(runner, "--data-dir", data_copy, "caseload", "Kuhmo", "--format", "json")
    assert json.loads(before.output)["rows"] == json.loads(result.output)["rows"]


def test_data_dir_after_the_command_wins(runner: CliRunner, data_copy: Path) -> None:
    result = invoke(
        runner, "--data-dir", data_copy / "missing", "municipalities", "--data-dir", data_copy
    )
    assert result.exit_code == 0, result.output
    assert f"Data: {data_copy} (--data-dir)" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("caseload", "--kuukausi", "2023-08"),
            "No such option: --kuukausi (Possible options: --month)",
        ),
        (("caseload", "--Leveä"), "No such option: --Leveä (Possible options: --wide)"),
        (  # (an option of other commands: said whose, not "--help")
            ("caseload", "--askel", "1"),
            "No such option: --askel; --askel is --step; it is an option of allocate, scenario",
        ),
        (("--kieli", "fi", "caseload"), "No such option: --kieli (Possible options: --lang)"),
        (("--kansio", "x", "caseload"), "No such option: --kansio (Possible options: --data-dir)"),
        (("työttömyys",), "No such command 'työttömyys'. Did you mean 'unemployment'?"),
        # (in capitals, and `jako`: no suggestion)
        (("CASELOAD",), "No such command 'CASELOAD'. Did you mean 'caseload'?"),
        (("jako",), "No such command 'jako'. Did you mean 'allocate'?"),
        (
            ("--lang", "fi", "caseload", "--muoto", "csv"),
            "virhe: tuntematon valitsin: --muoto (mahdolliset valitsimet: --format)",
        ),
    ],
)
def test_an_option_or_command_named_in_finnish_gets_the_one_it_means(
    runner: CliRunner, args: tuple[str, ...], said: str
) -> None:
    """`--kuukausi` and `työttömyys` got no "did you mean": Finnish field names in the data
    files did."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2
    assert said in result.output


def test_a_misspelt_option_after_the_command_suggests_the_right_one(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "--data-dri", "demo", "Kuhmo")
    assert result.exit_code == 2
    assert "No such option: --data-dri (Possible options: --data-dir)" in result.output


def test_debug_after_the_command(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "Nowhere", "--debug")
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert "error: unknown place 'Nowhere' in Kainuu–Koillismaa" in result.stderr
    without = invoke(runner, "caseload", "Nowhere")
    assert "Traceback" not in without.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("init", "{tmp}/new", "--area", "Nowhere"), "error: unknown employment area 'Nowhere'"),
        (("schema", "--write", "{tmp}/file"), "error: cannot write {tmp}/file: it exists and is"),
    ],
)
def test_debug_after_init_and_schema_as_after_every_command(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "file").write_text("mine\n", "utf-8")
    argv = [arg.format(tmp=tmp_path) for arg in args]
    quiet = invoke(runner, *argv)
    loud = invoke(runner, *argv, "--debug")
    assert (quiet.exit_code, loud.exit_code) == (2, 2)
    assert message.format(tmp=tmp_path) in quiet.stderr
    assert message.format(tmp=tmp_path) in loud.stderr
    assert "Traceback" not in quiet.stderr
    assert "Traceback (most recent call last)" in loud.stderr
    assert not (tmp_path / "new").exists()
    assert (tmp_path / "file").read_text("utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("args", "language", "heading"),
    [
        (("caseload", "Kuhmo", "--lang", "fi"), "fi", "Asiakasmäärä, Kainuu–Koillismaa, 8/2023"),
        (("--lang", "fi", "caseload", "Kuhmo", "--lang", "en"), "en", "Caseload, Kainuu–"),
        (("--lang", "en", "caseload", "--lang", "fi", "Kuhmo"), "fi", "Asiakasmäärä, Kainuu–"),
        (("check", "--lang", "fi"), "fi", "virheellistä lukua (taso: virhe)"),
    ],
)
def test_lang_after_the_command(
    runner: CliRunner, args: tuple[str, ...], language: str, heading: str
) -> None:
    result = invoke(runner, *args)
    assert heading in result.output
    command = [arg for arg in args if arg not in ("--lang", "fi", "en")]
    before = invoke(runner, "--lang", language, *command)
    assert (result.exit_code, result.output) == (before.exit_code, before.output)


def test_lang_after_the_command_is_not_an_option_of_the_output(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "Kuhmo", "--lang", "fi", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "lang" not in metadata(result.output)["options"]
    assert metadata(result.output)["title"].startswith("Asiakasmäärä, Kainuu–Koillismaa")


def test_lang_after_the_command_comes_first_among_its_options(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "--month", "2023-13", "--lang", "fi")
    assert result.exit_code == 2
    expected = "2023-13 ei ole kuukausi; kirjoita VVVV-KK tai K/VVVV, esim. 2023-08 tai 8/2023"
    assert expected in result.output


def test_a_language_the_tool_does_not_speak_after_the_command(runner: CliRunner) -> None:
    result = invoke(runner, "staffing", "--lang", "sv")
    assert result.exit_code == 2
    assert (
        "Invalid value for '--lang': 'sv' is not a language of the tool; use fi or en"
        in result.output
    )


def test_lang_after_the_command_comes_before_the_environment(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TYOLLISYYS_LANG", "sv")
    after = invoke(runner, "caseload", "Kuhmo", "--lang", "fi")
    assert after.exit_code == 0, after.output
    assert after.output.startswith("Asiakasmäärä, Kainuu–Koillismaa")
    before = invoke(runner, "--lang", "fi", "caseload", "Kuhmo")
    assert before.output == after.output
    set_language("en")  # (as a new process starts: the runs above left it Finnish)
    alone = invoke(runner, "caseload", "Kuhmo")
    assert alone.exit_code == 2
    assert "Invalid value: TYOLLISYYS_LANG: 'sv' " in alone.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--lang=", "caseload"), "Invalid value: --lang: '' is not a language of the tool"),
        (("caseload", "--lang="), "Invalid value for '--lang': '' is not a language of the tool"),
    ],
)
def test_an_empty_lang_is_refused_before_and_after_the_command(
    runner: CliRunner, args: tuple[str, ...], message: str
) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_lang_after_the_command_in_a_real_process() -> None:
    result = process("allocate", "--lang", "fi", "--help")
    assert result.returncode == 0, result.stderr
    assert "--lang fi|en Kuten yleinen --lang, komennon jälkeen annettuna." in " ".join(
        result.stdout.split()
    )
    table = process("unemployment", "Kuhmo", "--lang", "fi", "--format", "csv")
    assert table.returncode == 0, table.stderr
    assert table.stdout == process("--lang", "fi", "unemployment", "Kuhmo", "-f", "csv").stdout


def test_data_dir_after_the_command_in_a_real_process(data_copy: Path) -> None:
    result = process("caseload", "--data-dir", data_copy, "Kuhmo", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("Kuhmo,,3120,263,")
    typo = process("caseload", "--datadir", data_copy, "Kuhmo")
    assert typo.returncode == 2
    assert "No such option: --datadir" in typo.stderr


# a decimal comma ------------------------------------------------------------------


def test_decimal_comma_is_a_decimal_point(runner: CliRunner) -> None:
    comma = invoke(runner, "caseload", "Kuusamo", "--clients-per-unemployed", "2,08", "-f", "json")
    point = invoke(runner, "caseload", "Kuusamo", "--clients-per-unemployed", "2.08", "-f", "json")
    assert comma.exit_code == 0, comma.output
    assert json.loads(comma.output)["rows"] == json.loads(point.output)["rows"]
    assert metadata(comma.output)["options"]["clients_per_unemployed"] == 2.08


def test_decimal_comma_in_allocate(runner: CliRunner) -> None:
    comma = invoke(runner, "allocate", "--step", "0,5", "--pool", "40,0", "-f", "csv")
    point = invoke(runner, "allocate", "--step", "0.5", "--pool", "40", "-f", "csv")
    assert comma.exit_code == 0, comma.output
    assert comma.output == point.output
    assert "Kajaani,1384.0,100–150 avg,3.0,,14.5,17.5,461.33,79.09," in comma.output


@pytest.mark.parametrize(
    ("args", "fixed"),
    [
        (("caseload", "--unemployed-change", "1_0"), "numbers without underscores: 10"),
        (("allocate", "--pool", "4_0.5"), "numbers without underscores: 40.5"),
        (("caseload", "--clients-per-unemployed", "2_0,8"), "numbers without underscores: 20,8"),
        # A per-cent option given with its sign, as a scenario's line writes the change.
        (("caseload", "--unemployed-change", "+20 %"), "the number without %: +20"),
        (("staffing", "--unemployed-change", "-10%"), "the number without %: -10"),
        (("allocate", "--pool", "1 500"), "numbers without spaces: 1500"),
        (("allocate", "--pool", "1\u00a0500"), "numbers without spaces: 1500"),
        (("caseload", "--unemployed-change", "+1 000"), "numbers without spaces: +1000"),
    ],
)
def test_a_number_written_another_way_is_refused_with_how_to_write_it(
    runner: CliRunner, args: tuple[str, ...], fixed: str
) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert (
        f"Input should be a valid number, unable to parse string as a number; write {fixed}"
    ) in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,08", 2.08),
        ("2.08", 2.08),
        ("-10,5", -10.5),
        ("+20", 20.0),
        ("0,5", 0.5),
        # As a Finnish message writes them (U+2212), so that they can be typed back.
        ("\u221210,5", -10.5),
        ("1e\u2212300", 1e-300),
        (" 2,5\u00a0", 2.5),  # (spaces about it, a no-break space too)
        ("1e3", 1000.0),
        (".5", 0.5),
        # A comma before three digits that reads one way only in the range: that way (no
        # thousands group starts with 0; 2125 is out of the range).
        ("0,125", 0.125),
        ("-0,125", -0.125),
        ("2,125", 2.125),
    ],
)
def test_decimal_number_parser(text: str, value: float) -> None:
    assert decimal_number(low=-100.0, high=1000.0)(text) == value


def test_a_pool_with_a_comma_before_three_digits_is_refused(runner: CliRunner) -> None:
    """`--pool 1,500` was a pool of 1.5 FTE ("more than the pool of 1.5 FTE")."""
    result = invoke(runner, "allocate", "--pool", "1,500")
    assert result.exit_code == 2
    assert "the comma in 1,500 may separate thousands or decimals: write 1500 or 1.500" in (
        " ".join(result.output.split())
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("\uff12", "Input should be a valid number, unable to parse string as a number"),
        ("\u0661\u0662", "Input should be a valid number, unable to parse string as a number"),
        (
            "1 000",
            "Input should be a valid number, unable to parse string as a number; write numbers "
            "without spaces: 1000",
        ),
        ("10 000", "Input should be a valid number, unable to parse string as a number"),
        ("+-1 000", "Input should be a valid number, unable to parse string as a number"),
        ("0x10", "Input should be a valid number, unable to parse string as a number"),
        ("", "Input should be a valid number, unable to parse string as a number"),
        ("-inf", "Input should be a finite number"),
        ("NaN", "Input should be a finite number"),
        ("1e400", "Input should be a finite number"),
        ("1000,001", "Input should be less than or equal to 1000"),
        ("-100.5", "Input should be greater than or equal to -100"),
        # (`--pool 1,500` was 1.5: a comma before three digits reads both ways)
        ("1,000", "the comma in 1,000 may separate thousands or decimals: write 1000 or 1.000"),
    ],
)
def test_decimal_number_refusals(text: str, problem: str) -> None:
    """Digits of other scripts (which Python's float reads) and spaces inside are no
    number, as typer's own numbers take them."""
    with pytest.raises(typer.BadParameter) as refused:
        decimal_number(low=-100.0, high=1000.0)(text)
    assert str(refused.value) == problem


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--clients-per-unemployed", "2000,5"],
            "Invalid value for '--clients-per-unemployed': Input should be less than or "
            "equal to 1000",
        ),
        (
            ["--clients-per-unemployed", "2,0,8"],
            "Invalid value for '--clients-per-unemployed': Input should be a valid number, "
            "unable to parse string as a number",
        ),
        (  # (no clients: every unit was "under", exit 0)
            ["--clients-per-unemployed", "0"],
            "Invalid value for '--clients-per-unemployed': Input should be greater than 0",
        ),
        (
            ["--unemployed-change", "-150,5"],
            "Invalid value for '--unemployed-change': Input should be greater than or equal "
            "to -100",
        ),
    ],
)
def test_bad_numbers_are_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = invoke(runner, "caseload", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


# an impossible month --------------------------------------------------------------


@pytest.mark.parametrize("command", ["caseload", "unemployment", "trend", "check", "export"])
def test_month_13_is_not_a_month(runner: CliRunner, command: str, tmp_path: Path) -> None:
    extra = ["-o", str(tmp_path / "x.xlsx")] if command == "export" else []
    result = invoke(runner, command, "--month", "2023-13", *extra)
    assert result.exit_code == 2
    assert (
        "Invalid value for '--month': 2023-13 is not a month; write YYYY-MM or M/YYYY, e.g. "
        "2023-08 or 8/2023; there is no month 13 (01 to 12)" in " ".join(result.stderr.split())
    )
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    "text",
    [
        "2023-13",
        "2023-00",
        "23-08",
        "2023/08",
        "august",
        "13/2023",
        "8/23",
        "8/２０２３",
        "2023M13",
        "aug 2023",  # (a name abridged: not guessed)
        "elokuussa 2023",
        "8.23",
    ],
)
def test_not_months(text: str) -> None:
    with pytest.raises(Exception, match="is not a month; write YYYY-MM"):
        month_value(text)


@pytest.mark.parametrize("text", ["", " "])
def test_an_empty_month_is_named_as_empty(text: str) -> None:
    with pytest.raises(Exception, match=f"^{text!r} is not a month; write YYYY-MM"):
        month_value(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2023M13", "13"),
        ("2023-13", "13"),
        ("2023m13", "13"),
        ("13/2023", "13"),  # (the month as the Finnish tables show it: no hint)
        ("2023-0", "00"),  # (2023M0 was told, 2023-0 not)
        ("2023M0", "00"),
        ("0/2023", "00"),
        ("13.2023", "13"),
    ],
)
def test_a_month_of_no_month_number_is_told_so(text: str, number: str) -> None:
    with pytest.raises(Exception, match=rf"; there is no month {number} \(01 to 12\)$"):
        month_value(text)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2023-08", "2023-08"),
        ("8/2023", "2023-08"),
        ("08/2023", "2023-08"),
        ("12/2026", "2026-12"),
        ("2023M08", "2023-08"),  # (as a PxWeb export codes it)
        (" 2023-08 ", "2023-08"),  # (pasted with its blanks)
        # (typed with one digit, in lower case, with blanks: "is not a month")
        ("2023M8", "2023-08"),
        ("2023m08", "2023-08"),
        ("2023-8", "2023-08"),
        ("8 / 2023", "2023-08"),
        # (as Finns write a date's month, and as the tool says a month in Finnish)
        ("8.2023", "2023-08"),
        ("elokuu 2023", "2023-08"),
        ("Elokuun 2023", "2023-08"),
        ("joulukuu 2026", "2026-12"),
        ("August 2023", "2023-08"),
        ("kesakuu 2026", "2026-06"),  # (ä as a, as a place is typed)
    ],
)
def test_a_month_as_the_finnish_tables_show_it_is_taken(text: str, month: str) -> None:
    """The Finnish tables show 8/2023, and the exports 2023M08, which --month refused."""
    assert month_value(text) == month


def test_a_month_copied_from_a_finnish_table(runner: CliRunner) -> None:
    shown = invoke(runner, "--lang", "fi", "unemployment", "Kuhmo").stdout.splitlines()[0]
    assert shown == "Työttömyys, Kainuu–Koillismaa, 8/2023"
    copied = invoke(runner, "--lang", "fi", "unemployment", "Kuhmo", "--month", "8/2023")
    assert copied.exit_code == 0 and copied.stdout.splitlines()[0] == shown


def test_a_month_not_held_is_still_named_as_such(runner: CliRunner) -> None:
    result = invoke(runner, "caseload", "--month", "2023-09")
    assert result.exit_code == 2
    assert result.stderr == "error: no statistics for 2023-09; the data holds 2023-08\n"


# shell completion -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("incomplete", "names"),
    [
        ("Kuh", ["Kuhmo"]),
        ("kuh", ["Kuhmo"]),
        ("KU", ["Kuhmo", "Kuusamo"]),
        ("ristijarv", ["Ristijärvi"]),
        ("Ristijär", ["Ristijärvi"]),
        ("29", ["290"]),
        ("Paltamo", ["Paltamo", "Paltamo (ml. Hyrynsalmi ja Ristijärvi)"]),
        ("Helsinki", []),
    ],
)
def test_place_names_for_a_prefix(area: Area, incomplete: str, names: list[str]) -> None:
    assert place_names(area, incomplete) == names


def test_completions_continue_what_was_typed() -> None:
    assert as_typed("Kuhmo", "kuh") == "kuhmo"
    assert as_typed("Ristijärvi", "Ristijarv") == "Ristijarvi"
    assert as_typed("Kuhmo", "Ku") == "Kuhmo"


def test_month_names(area: Area) -> None:
    assert month_names(area, "2023") == ["2023-08"]
    assert month_names(area, "2024") == []


def completion_env(words: str, *, data_dir: Path | None = None) -> dict[str, str]:
    env = {
        "_TYOLLISYYS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    if data_dir is not None:
        env["TYOLLISYYS_DATA_DIR"] = str(data_dir)
    return env


def test_completion_through_the_bash_protocol(runner: CliRunner) -> None:
    result = runner.invoke(
        app, [], env=completion_env("tyollisyys caseload ku"), prog_name="tyollisyys"
    )
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["kuhmo", "kuusamo"]
    month = runner.invoke(
        app,
        [],
        env=completion_env("tyollisyys staffing --month 20"),
        prog_name="tyollisyys",
    )
    assert month.output.split() == ["2023-08"]


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        # Options of a few words completed nothing (only places and months did).
        ("tyollisyys caseload --format ", ["table", "csv", "json", "markdown", "xlsx"]),
        ("tyollisyys staffing -f x", ["xlsx"]),
        ("tyollisyys check -f ", ["text", "json", "github"]),
        ("tyollisyys check --fail-on w", ["warning"]),
        ("tyollisyys check --select TOT", ["TOT001", "TOT002"]),
        ("tyollisyys check --explain com00", ["com001", "com002", "com003"]),  # (any case)
        ("tyollisyys --lang ", ["en", "fi"]),
        ("tyollisyys trend --lang f", ["fi"]),
        ("tyollisyys caseload --client-base j", ["job-seekers"]),
        ("tyollisyys allocate --method ", ["even-caseload", "proportional"]),
        ("tyollisyys scenario --table s", ["staffing"]),
    ],
)
def test_options_of_a_few_words_complete_them(
    runner: CliRunner, words: str, offered: list[str]
) -> None:
    env = completion_env(words)
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = runner.invoke(app, [], env=env, prog_name="tyollisyys")
    assert result.exit_code == 0, result.output
    assert result.output.split() == offered


def test_completion_reads_the_area_of_the_command_line(data_copy: Path) -> None:
    text = (data_copy / "municipalities.yaml").read_text("utf-8")
    (data_copy / "municipalities.yaml").write_text(
        text.replace("name: Kuhmo\n", "name: Kuhmoinen\n"), "utf-8"
    )
    words = f"tyollisyys caseload --data-dir {data_copy} Kuh"
    result = process(env=completion_env(words))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Kuhmoinen"]
    bundled = process(env=completion_env("tyollisyys caseload Kuh"))
    assert bundled.stdout.split() == ["Kuhmo"]


def test_completion_of_an_unreadable_area_is_empty(tmp_path: Path) -> None:
    words = f"tyollisyys --data-dir {tmp_path / 'missing'} caseload Kuh"
    result = process(env=completion_env(words))
    assert result.returncode == 0
    assert (result.stdout.strip(), result.stderr) == ("", "")


@pytest.mark.parametrize(
    ("env", "words"),
    [
        # left set by hand: no words from a shell
        ({"_TYOLLISYYS_COMPLETE": "complete_bash"}, "COMP_WORDS / COMP_CWORD"),
        (
            {
                "_TYOLLISYYS_COMPLETE": "complete_bash",
                "COMP_WORDS": "tyollisyys",
                "COMP_CWORD": "x",
            },
            "COMP_WORDS / COMP_CWORD",
        ),
        # (typer listed the commands and exited 0: the command asked for never ran)
        *(
            ({"_TYOLLISYYS_COMPLETE": f"complete_{shell}"}, "_TYPER_COMPLETE_ARGS")
            for shell in SHELLS[1:]
        ),
    ],
)
def test_a_completion_request_without_the_shells_words(env: dict[str, str], words: str) -> None:
    result = process("caseload", env=env)
    assert result.returncode == 2
    assert result.stderr == (
        f"error: _TYOLLISYYS_COMPLETE is set, which asks for shell completion, but {words} "
        "(which the shell sets for it) is missing or wrong; unset _TYOLLISYYS_COMPLETE to run "
        "the tool\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("value", ["bogus", "bash_complete", "complete_tcsh", "complete_"])
def test_a_completion_variable_that_asks_for_nothing_is_named(value: str) -> None:
    """typer said `Invalid completion instruction.` or `Shell tcsh not supported.`, exit 1."""
    result = process("caseload", env={"_TYOLLISYYS_COMPLETE": value})
    assert result.returncode == 2
    assert result.stderr == (
        f"error: _TYOLLISYYS_COMPLETE is set to '{value}', which is no request for shell "
        "completion (such as complete_bash or source_zsh); unset _TYOLLISYYS_COMPLETE to run "
        "the tool\n"
    )


@pytest.mark.parametrize("shell", SHELLS)
def test_every_shell_the_tool_lets_through_is_one_typer_completes_for(shell: str) -> None:
    result = process(env={"_TYOLLISYYS_COMPLETE": f"source_{shell}"})
    assert result.returncode == 0, result.stderr
    assert "_TYOLLISYYS_COMPLETE" in result.stdout and result.stderr == ""


def test_show_completion_names_the_protocol() -> None:
    # typer makes --show-completion a flag that detects the shell from the process tree
    # when it can (it cannot under a detached test run); with detection off, as typer's
    # own tests run it, the option takes the shell's name.
    no_detection = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = process("--show-completion", "bash", env=no_detection)
    assert result.returncode == 0, result.stderr
    assert "_TYOLLISYYS_COMPLETE=complete_bash" in result.stdout


@pytest.mark.parametrize(
    ("args", "option", "kind"),
    [
        # (an output, a data file and a scenario are files; a data folder is a folder:
        # each was told to give "the name of a file or folder")
        (["caseload", "-o", ""], "'--output' / '-o'", "file"),
        (["check", "-o", ""], "'--output' / '-o'", "file"),
        (["report", "-o", ""], "'--output' / '-o'", "file"),
        (["export", "-o", ""], "'--output' / '-o'", "file"),
        (["schema", "--write", ""], "'--write'", "folder"),
        (["--data-dir", "", "caseload"], "'--data-dir' (env var: 'TYOLLISYYS_DATA_DIR')", "folder"),
        (["caseload", "--data-dir", ""], "'--data-dir'", "folder"),
        (["scenario", ""], "'FILE.yaml'", "file"),
        (["init", "", "--area", "Kainuu-Koillismaa"], "'DIR'", "folder"),
        (["init", "x", "--area", "Kainuu-Koillismaa", "--from", ""], "'--from'", "file"),
        (["import", "statfin", ""], "'FILE'", "file"),
    ],
)
def test_an_empty_path_is_a_usage_error_not_the_current_folder(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    option: str,
    kind: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, *args)
    assert result.exit_code == 2, result.output
    assert (
        f"Invalid value for {option}: an empty path; give the name of a {kind}\n" in result.output
    )
    assert list(tmp_path.iterdir()) == []  # nothing written where the user stands


@pytest.mark.parametrize(
    "args",
    [("caseload", "--clients-per-unemployed", "208%"), ("allocate", "--step", "50%")],
)
def test_no_per_cent_hint_where_the_option_is_no_per_cent(
    runner: CliRunner, args: tuple[str, ...]
) -> None:
    """208% of a factor is 2.08, not 208: the hint would lead to a hundredfold error."""
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert "without %" not in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["caseload", "--help"], "YYYY-MM, M/YYYY or the statistics' code, 2023M08"),
        (["check", "--help"], "codes, prefixes or names, comma-separated or repeated (e.g. "),
    ],
)
def test_the_help_names_every_form_an_option_takes(
    runner: CliRunner, args: list[str], said: str
) -> None:
    """`--month 2023M08` and `--select totals-row` were taken but not said."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert said in " ".join(result.output.split()).replace("│", "").replace("  ", " ")

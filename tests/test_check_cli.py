"""`tyollisyys check` on the command line: formats, exit codes, options, --output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from clirunner import CliRunner
from edits import M, copy_data
from lines import line_of
from test_check_support import SEED, area_dir
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.check.reporters.github import escape_data, escape_property
from tyollisyys_cli.check.reporters.paths import shown_path
from tyollisyys_cli.check.reporters.text import render_terminal
from tyollisyys_cli.check.rules import RULES
from tyollisyys_cli.check.runner import run
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.files.atomic import OutputError, atomic_write

#: Lines of the seed data named by what they hold.
HYRYNSALMI_SELF_SUFFICIENCY = line_of(SEED / "commuting.yaml", "job_self_sufficiency: 89.13")
TOTAL_UNEMPLOYED = line_of(SEED / "municipalities.yaml", "unemployed: 321")
TOTAL_SELF_SUFFICIENCY = line_of(SEED / "commuting.yaml", "job_self_sufficiency: 91.773")
SOTKAMO_SELF_SUFFICIENCY = line_of(
    SEED / "commuting.yaml", "job_self_sufficiency: 105", after="labour_force: 4709"
)
CUSTOMER_WORK_FTE = line_of(SEED / "municipalities.yaml", "customer_work_fte: {about: 40}")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    # Finding paths are shown relative to the working folder.
    monkeypatch.chdir(SEED.parent)
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)


def test_text_lines_when_not_a_terminal() -> None:
    code, out, err = invoke("--data-dir", "data", "check")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 17
    assert lines[0] == (
        f"data/commuting.yaml:{HYRYNSALMI_SELF_SUFFICIENCY}:27: [error] Hyrynsalmi: "
        "job self-sufficiency is printed as 89.13 %, but jobs (398 + 127) / employed residents "
        "(398 + 267) = 78.95 % (COM001)"
    )
    assert lines[6].startswith(
        f"data/municipalities.yaml:{TOTAL_UNEMPLOYED}:15: [error] unemployed: "
        "the total is printed as 321, but the 10 municipalities' rows sum to 3 217 "
        "(difference -2 896); it also disagrees with men + women = 3 217 and with 6 of "
    )
    assert lines[6].endswith(" (TOT001; also GRP001, GRP002)")
    assert err.strip() == "5 wrong figures (errors), 4 warnings, 8 info: fails with --fail-on error"


def test_text_on_a_terminal_is_grouped_by_file() -> None:
    out = io.StringIO()
    console = Console(file=out, width=250, force_terminal=True, color_system=None)
    render_terminal(run(load_area(SEED)), console, "Kainuu–Koillismaa")
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0] == "Checking Kainuu–Koillismaa (statistics of 2023-08)"
    assert lines[2] == "data/commuting.yaml"
    assert lines[3].startswith(
        f"    {HYRYNSALMI_SELF_SUFFICIENCY}:27  error   COM001  Hyrynsalmi: job self-sufficiency"
    )
    assert "data/municipalities.yaml" in lines
    # The merged finding names the other rules after its message (lines may wrap).
    assert "disabled and long-term ill unemployed: 599) (also GRP001, GRP002)" in " ".join(
        text.split()
    )
    assert lines[-1] == "5 wrong figures (errors), 4 warnings, 8 info: fails with --fail-on error"


def test_on_a_terminal_only_the_place_and_code_are_dim() -> None:
    """The whole first line of a finding was dim (the place's style was the line's): its
    message faint beside the lines it wraps to, `error` bold and dim red."""
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=True, color_system="standard")
    render_terminal(run(load_area(SEED)), console, "Kainuu–Koillismaa")
    first = next(line for line in out.getvalue().splitlines() if "COM001" in line)
    place, severity, code, message = first.split("\x1b[0m")[:4]
    assert place.startswith("\x1b[2m") and place.endswith(":27  ")
    assert severity == "\x1b[1;31merror   "
    assert code == "\x1b[2mCOM001  "
    assert message.startswith("Hyrynsalmi: job self-sufficiency") and "\x1b" not in message


def test_json_schema() -> None:
    code, out, _ = invoke("--data-dir", "data", "check", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert list(document) == [
        "schema", "area", "months", "fail_on", "failed", "exit_code", "summary", "findings",
    ]  # fmt: skip
    assert document["schema"] == "tyollisyys-check/1"
    assert document["area"] == "Kainuu–Koillismaa"
    assert document["months"] == ["2023-08"]
    assert (document["fail_on"], document["failed"], document["exit_code"]) == ("error", True, 1)
    assert document["summary"] == {"error": 5, "warning": 4, "info": 8}
    assert len(document["findings"]) == 17
    assert document["findings"][3] == {
        "code": "COM002",
        "severity": "error",
        "file": "data/commuting.yaml",
        "line": TOTAL_SELF_SUFFICIENCY,
        "column": 25,
        "field": "totals.job_self_sufficiency",
        "printed": 91.773,
        "computed": 100.262331,
        "computed_low": None,
        "computed_high": None,
        "difference": -8.489331,
        "message": document["findings"][3]["message"],
        "also": [],
    }
    merged = document["findings"][6]
    assert (merged["code"], merged["also"], merged["printed"]) == (
        "TOT001",
        ["GRP001", "GRP002"],
        321,
    )
    foreign = document["findings"][9]
    assert (foreign["code"], foreign["severity"], foreign["printed"], foreign["computed"]) == (
        "TOT002",
        "warning",
        253,
        None,
    )
    assert (foreign["computed_low"], foreign["computed_high"], foreign["difference"]) == (
        255,
        261,
        -2,
    )


def test_github_annotations() -> None:
    code, out, _ = invoke("--data-dir", "data", "check", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"::error file=data/commuting.yaml,line={HYRYNSALMI_SELF_SUFFICIENCY},col=27,"
        "title=COM001::Hyrynsalmi: job "
        "self-sufficiency is printed as 89.13 %25, but jobs (398 + 127) / employed residents "
        "(398 + 267) = 78.95 %25"
    )
    assert lines[2].startswith(
        f"::warning file=data/commuting.yaml,line={SOTKAMO_SELF_SUFFICIENCY},col=27,title=COM001::"
    )
    assert lines[4].startswith(
        f"::notice file=data/municipalities.yaml,line={CUSTOMER_WORK_FTE},col=32,title=STF003::"
    )
    assert all(line.startswith("::") for line in lines)


def test_github_escaping() -> None:
    assert escape_data("50 % of a\r\nb: c, d") == "50 %25 of a%0D%0Ab: c, d"
    assert escape_property("C:\\x,y%\n") == "C%3A\\x%2Cy%25%0A"


def test_exit_codes(tmp_path: Path) -> None:
    consistent = str(area_dir(tmp_path / "good"))
    assert invoke("--data-dir", "data", "check")[0] == 1
    assert invoke("--data-dir", "data", "check", "--fail-on", "never")[0] == 0
    assert invoke("--data-dir", consistent, "check", "--fail-on", "warning")[0] == 0

    def rounding(plan: dict[str, object], commuting: dict[str, list[dict[str, object]]]) -> None:
        commuting["rows"][6]["job_self_sufficiency"] = 105

    warned = str(area_dir(tmp_path / "warned", rounding))
    assert invoke("--data-dir", warned, "check")[0] == 0
    assert invoke("--data-dir", warned, "check", "--fail-on", "warning")[0] == 1


def test_consistent_data_passes(tmp_path: Path) -> None:
    code, out, err = invoke("--data-dir", str(area_dir(tmp_path)), "check")
    assert code == 0
    assert "[error]" not in out and "[warning]" not in out
    assert (
        err.strip() == "0 wrong figures (errors), 0 warnings, 9 info: passes with --fail-on error"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--format", "xml"),
        ("check", "--fail-on", "info"),
        ("check", "--select", "NOPE"),
        ("check", "--ignore", "TOT009"),
        ("check", "--explain", "ABC123"),
        ("--data-dir", "missing-folder", "check"),
    ],
)
def test_usage_and_data_problems_exit_2(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_format_and_level_names_ignore_case() -> None:
    upper = invoke("--data-dir", "data", "check", "--format", "GITHUB", "--fail-on", "WARNING")
    lower = invoke("--data-dir", "data", "check", "--format", "github", "--fail-on", "warning")
    assert upper == lower
    assert upper[0] == 1 and "::error " in upper[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--select", ""), "error: --select names no rule; give codes such as TOT001 or COM\n"),
        (("--select", ","), "error: --select names no rule; give codes such as TOT001 or COM\n"),
        (
            ("--select", "TOT001", "--ignore", "tot001"),
            "error: --ignore leaves none of the rules chosen to run\n",
        ),
    ],
)
def test_a_check_of_no_rule_is_refused(args: tuple[str, ...], message: str) -> None:
    # It would pass whatever the data hold.
    code, out, err = invoke("--data-dir", "data", "check", *args)
    assert (code, out, err) == (2, "", message)


def test_invalid_data_exits_2(tmp_path: Path) -> None:
    folder = area_dir(tmp_path)
    path = folder / "municipalities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("unemployed: 3217", "unemployed: 3 217")
    )
    code, _, err = invoke("--data-dir", str(folder), "check")
    assert code == 2
    assert "write numbers without spaces: 3217" in err


MINIMAL_AREA = """\
area:
  name: Pieni
  responsible_municipality: "999"
  reference_month: "2024-01"
municipalities:
  - code: "999"
    name: Pienikylä
    region: Jokin
    statistics:
      labour_force: 1000
      unemployment_rate: 5.1
      unemployed: 50
      men: 30
      women: 20
      under_20: withheld
      under_25: 6
      over_50: 20
      long_term: 10
      disabled_or_ill: 5
      foreign: 0
      open_vacancies: 12
"""


def test_any_area_without_totals_claims_or_commuting(tmp_path: Path) -> None:
    (tmp_path / "municipalities.yaml").write_text(MINIMAL_AREA, encoding="utf-8")
    # (a made-up municipality: NAM001 says that code 999 is no classified one)
    ignore = ("--ignore", "NAM001")
    code, out, err = invoke("--data-dir", str(tmp_path), "check", "--fail-on", "warning", *ignore)
    assert code == 1  # 50 / 1000 = 5.0 printed as 5.1: a rounding-level warning
    assert out == (
        f"{tmp_path / 'municipalities.yaml'}:11:26: [warning] Pienikylä: unemployment rate is "
        "printed as 5.1 %, but 50 / 1 000 = 5.00 % (RAT001)\n"
    )
    path = tmp_path / "municipalities.yaml"
    path.write_text(MINIMAL_AREA.replace("5.1", "5.0"), encoding="utf-8")
    code, out, err = invoke("--data-dir", str(tmp_path), "check", "--fail-on", "warning", *ignore)
    assert (code, out) == (0, "")
    assert err.strip() == (
        "0 wrong figures (errors), 0 warnings, 0 info: passes with --fail-on warning"
    )


def test_select_and_ignore() -> None:
    code, out, _ = invoke("--data-dir", "data", "check", "--select", "COM,XRF001")
    assert [line.rsplit("(", 1)[1] for line in out.splitlines()] == [
        "COM001)", "XRF001)", "COM001)", "COM002)",
    ]  # fmt: skip
    code, out, _ = invoke(
        "--data-dir", "data", "check", "--ignore", "tot", "--ignore", "GRP001,GRP002"
    )
    assert "(TOT00" not in out and "(GRP00" not in out
    assert len(out.splitlines()) == 13
    code, _, err = invoke("--data-dir", "data", "check", "--select", "STF001")
    assert (code, err.strip()) == (
        0,
        "0 wrong figures (errors), 0 warnings, 0 info: passes with --fail-on error",
    )
    # A rule's name, as --list-rules shows it, picks it too (it was 'no rule matches').
    code, out, _ = invoke("--data-dir", "data", "check", "--select", "totals-row")
    assert [line.rsplit("(", 1)[1] for line in out.splitlines()] == ["TOT001)"]
    code, _, err = invoke("--data-dir", "data", "check", "--ignore", "totals-rwo")
    assert (code, err.strip()) == (
        2,
        "error: no rule matches 'TOTALS-RWO'; did you mean totals-row?",
    )


def test_explain_and_list_rules() -> None:
    code, out, _ = invoke("check", "--explain", "tot002")
    assert code == 0
    assert out.startswith("TOT002 (totals-with-unknown-cells)\n\nTotals of columns with withheld")
    assert invoke("check", "--explain", "totals-with-unknown-cells")[1] == out  # (its name)
    assert "must then hold\n  (printed − known) persons" in out
    assert "An assumption never makes an error" in out
    code, out, _ = invoke("check", "--list-rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [rule.code for rule in RULES]
    assert out.splitlines()[0].startswith("TOT001  totals-row ")


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        # (a prefix, as --select takes it: "no rule 'XRF'" suggested nothing)
        ("XRF", "error: no rule 'XRF'; did you mean XRF001? (see --list-rules)\n"),
        (
            "com",
            "error: no rule 'com'; did you mean COM001, COM002 or COM003? (see --list-rules)\n",
        ),
        ("TOT01", "error: no rule 'TOT01'; did you mean TOT001"),
        ("ZZZ", "error: no rule 'ZZZ'; see --list-rules\n"),
    ],
)
def test_explain_of_no_rule_suggests_the_rules_meant(asked: str, said: str) -> None:
    code, _out, err = invoke("check", "--explain", asked)
    assert code == 2
    assert err.startswith(said)


def test_data_errors_come_in_the_format_ci_reads(tmp_path: Path) -> None:
    """A data file that cannot be read gave plain `error:` lines under `-f github` (no
    annotation on the pull request's line) and no file under `-f json -o` (the CI
    recipe's artifact was missing)."""
    data = copy_data(tmp_path)
    text = (data / M).read_text(encoding="utf-8")
    (data / M).write_text(text.replace("      unemployed: 263\n", "      unemployed: 26x\n", 1))
    line = line_of(data / M, "unemployed: 26x")
    code, out, err = invoke("--data-dir", str(data), "check", "-f", "github")
    assert code == 2
    assert out == (
        f"::error file={escape_property(shown_path(data / M))},line={line},col=19,title=data::"
        "municipalities[2].statistics.unemployed (Kuhmo): expected a whole number (0 or "
        "more), found the text '26x'\n"
    )
    assert "error: " in err  # (as ever, on standard error)
    report = tmp_path / "check.json"
    code, out, err = invoke("--data-dir", str(data), "check", "-f", "json", "-o", str(report))
    assert code == 2
    document = json.loads(report.read_text(encoding="utf-8"))
    assert (document["exit_code"], document["failed"], document["summary"]) == (
        2,
        True,
        {"error": 1, "warning": 0, "info": 0},
    )
    [finding] = document["findings"]
    assert finding["code"] == "data" and finding["line"] == line
    assert finding["field"] == "municipalities[2].statistics.unemployed"
    assert finding["message"] == "Kuhmo: expected a whole number (0 or more), found the text '26x'"
    # Data errors are not findings of a rule: the text format says them as before.
    code, out, err = invoke("--data-dir", str(data), "check")
    assert (code, out) == (2, "")
    # A folder that is not there: its report replaces the last run's (which said exit 1).
    nowhere = tmp_path / "nowhere"
    code, out, err = invoke("--data-dir", str(nowhere), "check", "-f", "json", "-o", str(report))
    assert code == 2
    [finding] = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert (finding["code"], finding["line"], finding["message"]) == (
        "data",
        None,
        "data directory not found",
    )
    code, out, err = invoke("--data-dir", str(nowhere), "check", "-f", "github")
    shown = escape_property(shown_path(nowhere))
    assert out == f"::error file={shown},title=data::data directory not found\n"


def test_output_writes_the_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    code, out, err = invoke("--data-dir", "data", "check", "-f", "json", "--output", str(target))
    assert code == 1
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 5
    assert err.strip().endswith(f"report written to {target}")
    assert os.listdir(tmp_path) == ["report.json"]


@pytest.mark.parametrize("where", ["no-such-folder/report.txt", "."])
def test_output_needs_an_existing_folder(tmp_path: Path, where: str) -> None:
    code, _, err = invoke("--data-dir", "data", "check", "--output", str(tmp_path / where))
    assert code == 2
    assert "does not exist" in err or "it is a folder" in err


def test_atomic_write_keeps_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"), atomic_write(target) as out:
        out.write(b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.txt"]


def test_as_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    bad = subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", "check", "-f", "github"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stdout.count("::error ") == 5
    assert "title=TOT001; also GRP001%2C GRP002::" in bad.stdout
    good = subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(area_dir(tmp_path)), "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert good.returncode == 0, good.stderr


@pytest.mark.parametrize("fmt", ["json", "github", "text"])
def test_reports_off_a_terminal_do_not_import_rich(tmp_path: Path, fmt: str) -> None:
    # rich is for the grouped view on a terminal; the other reports are plain strings.
    script = (
        "import sys\n"
        f"sys.argv = ['tyollisyys', '--data-dir', 'data', 'check', '-f', {fmt!r}]\n"
        "from tyollisyys_cli.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print('rich' in sys.modules, code, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    env["TYOLLISYYS_CACHE_DIR"] = str(tmp_path / "cache")
    for _run in ("cold", "warm"):
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
        )
        assert done.stderr.split()[-2:] == ["False", "1"], done.stderr
        assert "GRP001" in done.stdout or "TOT001" in done.stdout


def test_finding_paths_are_shown_as_resolving_them_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    (real / "statistics").mkdir(parents=True)
    (real / "statistics" / "2026-06.csv").write_text("")
    (tmp_path / "linked").symlink_to(real)
    (real / "moved.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    monkeypatch.chdir(real)
    paths = [
        Path("statistics/2026-06.csv"),
        tmp_path / "linked" / "statistics" / "2026-06.csv",
        Path("../linked/statistics/2026-06.csv"),
        Path("moved.yaml"),
        tmp_path / "elsewhere.yaml",
        Path("statistics/.."),
    ]
    shown = [shown_path(path) for path in paths]
    assert shown == [
        "statistics/2026-06.csv",
        "statistics/2026-06.csv",
        "statistics/2026-06.csv",
        str(Path("moved.yaml")),
        str(tmp_path / "elsewhere.yaml"),
        ".",
    ]


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "-f", "json", "-o", "-"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"] == {"error": 5, "warning": 4, "info": 8}
    assert list(tmp_path.iterdir()) == []


def test_merged_findings_follow_select_and_ignore() -> None:
    """Findings are merged among the rules that ran: a chosen rule speaks for itself."""
    _, out, _ = invoke("--data-dir", "data", "check", "--select", "GRP001")
    assert out.splitlines() == [
        f"data/municipalities.yaml:{TOTAL_UNEMPLOYED}:15: [error] totals row: unemployed is "
        "printed as 321, but men + women = 3 217 (GRP001)"
    ]
    _, out, _ = invoke("--data-dir", "data", "check", "--select", "GRP,TOT001", "-f", "json")
    (merged,) = [f for f in json.loads(out)["findings"] if f["printed"] == 321]
    assert (merged["code"], merged["also"]) == ("TOT001", ["GRP001", "GRP002"])
    _, out, _ = invoke("--data-dir", "data", "check", "--ignore", "TOT001", "--select", "GRP")
    (line,) = [line for line in out.splitlines() if "321" in line]
    assert line.startswith(
        f"data/municipalities.yaml:{TOTAL_UNEMPLOYED}:15: [error] totals row: unemployed is "
        "printed as 321, but men + women = 3 217; it also disagrees with 6 of its own groups, "
        "each larger than it (unemployed men: 1 911, "
    )
    assert line.endswith(" (GRP001; also GRP002)")


@pytest.mark.parametrize(
    "args",
    [("check",), ("--lang", "fi", "check", "-f", "github"), ("check", "--explain", "TOT002")],
)
def test_a_standard_output_that_is_not_utf8_gets_utf8(args: tuple[str, ...]) -> None:
    """As every command's output: the locale's encoding (here ASCII) cannot fail a run
    (`≥` in the report was exit 70)."""
    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    env.update(PYTHONIOENCODING="ascii", COLUMNS="200")
    ran = subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", *args],
        capture_output=True,
        env=env,
        check=False,
    )
    assert ran.returncode in (0, 1), ran.stderr
    assert b"internal error" not in ran.stderr
    in_process = CliRunner().invoke(app, ["--data-dir", "data", *args], env={"COLUMNS": "200"})
    assert ran.stdout.decode("utf-8") == in_process.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals")
def test_a_terminal_whose_encoding_is_not_utf8_gets_utf8() -> None:
    """The terminal view as well (rich, not the plain reports): `–` was exit 70."""
    import pty

    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    env.update(PYTHONIOENCODING="ascii", COLUMNS="100", NO_COLOR="1")
    leader, follower = pty.openpty()
    ran = subprocess.Popen(
        [sys.executable, "-m", "tyollisyys_cli", "--data-dir", "data", "check"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # (the other end closed)
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert ran.wait(timeout=60) == 1
    assert ran.stderr is not None and b"internal error" not in ran.stderr.read()
    text = shown.decode("utf-8")
    assert "Kainuu–Koillismaa" in text
    assert "wrong figures (errors)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--explain", "TOT001", "-o", "x.txt"),
            "--explain describes the rules and runs no check: leave out --output",
        ),
        (
            ("--list-rules", "--format", "json"),
            "--list-rules describes the rules and runs no check: leave out --format",
        ),
        (("--list-rules", "--explain", "TOT001"), "leave out --explain"),
        (
            ("--explain", "TOT001", "--select", "XYZ", "--fail-on", "never"),
            "leave out --fail-on, --select",
        ),
    ],
)
def test_an_option_of_a_check_with_explain_or_list_rules_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    """Never ignored: `--explain TOT001 -o x.txt` printed to the terminal and wrote nothing."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []

"""`report`: the page's content from the core's records, the optional extra, the output
file. What a browser renders of the page is in `test_report_browser.py`."""

from __future__ import annotations

import colorsys
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

from clirunner import CliRunner
from edits import MONTH_ROWS, M, Replace, apply, copy_data, copy_without_kuhmos_staffing, month
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.cli.commands.report import report_records
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.core.places import resolve_places
from tyollisyys_cli.core.staffing import staffing_table
from tyollisyys_cli.core.trend import month_index
from tyollisyys_cli.i18n import number, set_language
from tyollisyys_cli.render.text import signed
from tyollisyys_cli.report.charts import axis_top, gap_bar, gap_chart
from tyollisyys_cli.report.content import headlines
from tyollisyys_cli.report.page import inline_code, render_page
from tyollisyys_cli.report.sections import caseload_section, trend_section
from tyollisyys_cli.report.svg import COLOURS
from tyollisyys_cli.report.trend_chart import _labelled
from tyollisyys_cli.values import Span
from tyollisyys_cli.views.incomplete import incomplete_notes

EXTRA = "pip install 'tyollisyys[report]' (in a checkout: pip install '.[report]')"


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter, from `tmp_path`, without a data dir from the env."""
    env = {k: v for k, v in os.environ.items() if k != "TYOLLISYYS_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def cli(argv: list[str]) -> str:
    """Python code that runs the console script's `main` with `argv`, prints which of
    the report's libraries were imported, and exits with the command's code."""
    return (
        "import sys\n"
        "from tyollisyys_cli.cli.main import main\n"
        f"sys.argv = ['tyollisyys', *{argv!r}]\n"
        "code = 0\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "print('imported:', sorted(m for m in ('matplotlib', 'jinja2') if m in sys.modules))\n"
        "sys.exit(code)\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["caseload", "Kuhmo"],
        ["caseload", "--help"],
        ["--help"],
        ["check", "--format", "json"],
        ["trend", "--format", "csv"],
        ["export", "--help"],
    ],
)
def test_other_commands_do_not_import_the_report_libraries(tmp_path: Path, argv: list[str]) -> None:
    result = run_python(cli(argv), tmp_path)
    assert result.returncode in (0, 1), result.stderr  # check finds errors in the plan
    assert "imported: []" in result.stdout, result.stdout + result.stderr


def test_report_imports_them(tmp_path: Path) -> None:
    result = run_python(cli(["report", "-o", str(tmp_path / "r.html")]), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "imported: ['jinja2', 'matplotlib']" in result.stdout, result.stderr


@pytest.mark.parametrize("library", ["matplotlib", "jinja2"])
def test_missing_extra_is_named(tmp_path: Path, library: str) -> None:
    # A None entry in sys.modules makes `import library` fail as if it were not installed.
    code = f"import sys\nsys.modules[{library!r}] = None\n" + cli(["report", "-o", "r.html"])
    result = run_python(code, tmp_path)
    assert result.returncode == 2
    name = {"matplotlib": "matplotlib", "jinja2": "Jinja2"}[library]
    assert (
        result.stderr == f"error: the report needs {name}, the optional extra 'report': {EXTRA}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_headlines_of_the_bundled_plan(area: Area) -> None:
    records = report_records(area, places=[], month=None, base=ClientBase())
    figures = {h.label: (h.value, h.detail) for h in headlines(records)}
    assert figures["Unemployed job seekers"][0] == "3 217"
    assert figures["Unemployment rate"] == (
        "8.3 %",
        "of a labour force of 38 799, computed from the counts; printed as 8.9 %: see the "
        "findings",  # (the plan's 8.9 % is the mean of the rates: RAT001)
    )
    value, detail = figures["Clients per advisor"]
    assert value == "≤ ~71"
    assert "2 staffing incomplete" in detail and "1 no target" in detail
    value, detail = figures["FTE gap"]
    assert value == "not known"  # Sotkamo has no target
    # ("not known" beside "short: none" read as a contradiction: none of those known)
    assert (
        "short: none (the gap is known for 5 units only); staffing incomplete: Kajaani, Taivalkoski"
    ) in detail
    assert detail.endswith("; no target: Sotkamo")  # (it has staffing: not "no staffing or")
    assert figures["Change since 2023-08"][0] == "–"


UNEMPLOYED_ONLY = (
    "; the clients are the unemployed job seekers only, fewer than the plan's clients: the "
    "real caseloads are higher (see the notes)"
)


def page_text(page: str) -> str:
    """The page's text as a reader sees it: its markup gone (a month kept on one line
    stands in a span of its own, which adds no space)."""
    unwrapped = re.sub(r'<span (?:class="nowrap"|lang="\w+")>([^<]*)</span>', r"\1", page)
    return " ".join(html.unescape(re.sub("<[^>]+>", " ", unwrapped)).split())


#: The caseload card of a page showing Kajaani (its "≤ 461" was a plain 461 in its tables).
INCOMPLETE_KAJAANI = (
    "; Kajaani: staffing incomplete, counting only the staff the plan states (more staff "
    "would lower the figure)"
)


def test_the_caseload_headline_says_when_the_clients_are_the_unemployed_only(area: Area) -> None:
    """Four units 'under' their targets read as overstaffed; the notes at the end said
    that the caseloads over the unemployed are lower bounds."""

    def detail(base: ClientBase) -> str:
        records = report_records(area, places=[], month=None, base=base)
        return next(h.detail for h in headlines(records) if h.label == "Clients per advisor")

    assert detail(ClientBase()).endswith(UNEMPLOYED_ONLY)
    assert UNEMPLOYED_ONLY not in detail(ClientBase("unemployed", 2.08))
    # Another client base is said on the card too (it was said in the notes only, and
    # "≤ ~304" over 4.3 × the unemployed read as over the unemployed).
    assert detail(ClientBase("unemployed", 4.3)).endswith(
        "; clients: unemployed job seekers (2023-08) × 4.3"
    )


def test_the_caseload_card_names_the_units_perhaps_over(area: Area) -> None:
    """Puolanka's ≤ 148 against about 100 may be over: named, as the units over are."""
    records = report_records(area, places=[], month=None, base=ClientBase("unemployed", 5))
    detail = next(h.detail for h in headlines(records) if h.label == "Clients per advisor")
    assert "4 over (Paltamo (ml. Hyrynsalmi ja Ristijärvi), Kuhmo, Kuusamo, Suomussalmi)" in (
        detail
    )
    assert "1 under to over (Puolanka)" in detail


@pytest.mark.parametrize(
    ("factor", "perhaps"),
    [
        (5.0, "; short unless it has more staff than the plan states: Puolanka ≥ ~-2.6;"),
        (4.3, "; short unless it has more staff than the plan states: Puolanka ≥ ~-1.6;"),
        (1.0, None),  # Puolanka's at least 4 FTE is more than its 118 clients need
    ],
)
def test_the_gap_card_names_a_unit_short_unless_it_has_more_staff(
    area: Area, factor: float, perhaps: str | None
) -> None:
    """Puolanka (at least 4 FTE) was left out of the card: not short, not short at one
    end, its gap open upwards."""
    records = report_records(area, places=[], month=None, base=ClientBase("unemployed", factor))
    detail = next(h.detail for h in headlines(records) if h.label == "FTE gap")
    if perhaps is None:
        assert "short unless" not in detail
    else:
        assert perhaps in detail


@pytest.mark.parametrize(
    ("factor", "legend"),
    [
        (4.3, True),  # Suomussalmi's 113–127 across the top of ~90–120: a diamond
        (5.0, False),  # Puolanka's ≤ 148 has no lower end: drawn as incomplete data
        (1.0, False),
    ],
)
def test_the_caseload_chart_draws_a_range_across_the_band_apart(
    area: Area, factor: float, legend: bool
) -> None:
    records = report_records(area, places=[], month=None, base=ClientBase("unemployed", factor))
    page = render_page(records, tool_version="test")
    assert ("across an end of the band</text>" in page) is legend  # (so does the caption)
    assert "and within or over, under or within, or under to over where its range" in page
    assert (COLOURS["uncertain"] in page.split('id="mark-caseload-6"')[1][:400]) is legend


@pytest.mark.parametrize(
    ("places", "heading", "expected"),
    [
        (
            ["Kuhmo"],
            "Kuhmo (Kainuu–Koillismaa)",
            [
                ("Unemployed job seekers", "263",
                 "in Kuhmo at the end of 2023-08; the area: 3 217"),
                ("Unemployment rate", "8.4 %",
                 "of a labour force of 3 120, computed from the counts; the area: 8.3 %"),
                ("Clients per advisor", "44",
                 "263 clients of Kuhmo over their caseload FTE; against their targets: 1 within"
                 + UNEMPLOYED_ONLY),
                ("FTE gap", "≤ +3.4 FTE", "planned less needed at the targets; short: none"),
                ("Change since 2023-08", "–", "this is the reference month"),
            ],
        ),
        # Hyrynsalmi is served by the Paltamo unit: its caseload is the unit's, and says so
        # (~54 read as Hyrynsalmi's 78 unemployed over the unit's FTE).
        (
            ["Hyrynsalmi"],
            "Hyrynsalmi (Kainuu–Koillismaa)",
            [
                ("Unemployed job seekers", "78",
                 "in Hyrynsalmi at the end of 2023-08; the area: 3 217"),
                ("Unemployment rate", "10.2 %",
                 "of a labour force of 765, computed from the counts; the area: 8.3 %"),
                ("Clients per advisor", "~54",
                 "216 clients of Paltamo (ml. Hyrynsalmi ja Ristijärvi) over their caseload "
                 "FTE; against their targets: 1 under" + UNEMPLOYED_ONLY),
                ("FTE gap", "~+1.8 – +2.6 FTE", "planned less needed at the targets; short: none"),
                ("Change since 2023-08", "–", "this is the reference month"),
            ],
        ),
        # Kajaani's staffing is marked incomplete: it has at least the FTE it states, so
        # at most 461 clients per advisor (not "461"); its gap counts only the staff the
        # plan states, no measure of a shortage (the card led with "≥ -10.8 FTE … short:
        # none"): not known, as on the area's page.
        (
            ["Kajaani"],
            "Kajaani (Kainuu–Koillismaa)",
            [
                ("Unemployed job seekers", "1 384",
                 "in Kajaani at the end of 2023-08; the area: 3 217"),
                ("Unemployment rate", "8.3 %",
                 "of a labour force of 16 615, computed from the counts; the area: 8.3 %"),
                ("Clients per advisor", "≤ 461",
                 "1 384 clients of Kajaani over their caseload FTE; against their targets: 1 "
                 "staffing incomplete" + INCOMPLETE_KAJAANI + UNEMPLOYED_ONLY),
                ("FTE gap", "not known",
                 "planned less needed at the targets; known for no unit; staffing incomplete: "
                 "Kajaani"),
                ("Change since 2023-08", "–", "this is the reference month"),
            ],
        ),
        (
            ["Kuhmo", "Kajaani"],
            "Kuhmo, Kajaani (Kainuu–Koillismaa)",
            [
                ("Unemployed job seekers", "1 647",
                 "in Kuhmo, Kajaani at the end of 2023-08; the area: 3 217"),
                ("Unemployment rate", "8.3 %",
                 "of a labour force of 19 735, computed from the counts; the area: 8.3 %"),
                ("Clients per advisor", "≤ 183",
                 "1 647 clients of Kajaani, Kuhmo over their caseload FTE; against their "
                 "targets: 1 staffing incomplete, 1 within" + INCOMPLETE_KAJAANI
                 + UNEMPLOYED_ONLY),
                ("FTE gap", "not known",
                 "planned less needed at the targets; short: none (the gap is known for 1 "
                 "unit only); staffing incomplete: Kajaani"),
                ("Change since 2023-08 in the area", "–", "this is the reference month"),
            ],
        ),
    ],
)  # fmt: skip
def test_a_report_on_places_heads_with_their_figures(
    area: Area, places: list[str], heading: str, expected: list[tuple[str, str, str]]
) -> None:
    """`report Kuhmo` was headed "Kainuu–Koillismaa", and its summary gave the area's
    3 217 unemployed, 8.3 % and an FTE gap "not known" (Sotkamo has no target)."""
    records = report_records(area, places=places, month=None, base=ClientBase())
    assert [(h.label, h.value, h.detail) for h in headlines(records)] == expected
    page = render_page(records, tool_version="0")
    assert f"<h1>Employment services: {heading}</h1>" in page
    # (it said "Caseloads, staffing and unemployment at the end of 2023-08" of staffing
    # that is planned, not in post then)
    assert (
        '<p class="subtitle">Unemployment at the end of <span class="nowrap">2023-08</span>, '
        "and the caseloads it gives over the planned staffing</p>" in page
    )


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        # Kuusamo at 50–100 clients per advisor: its 607 clients need 6.1–12.1 FTE, its 9
        # FTE are short at one end of the band and not at the other; the headline named
        # only the units short at every end, and so not Kuusamo.
        (
            Replace(M, "      min: 100\n      max: 150\n      printed: asiakasrakenteesta",
                    "      min: 50\n      max: 100\n      printed: asiakasrakenteesta"),
            "; short at one end of the target band: Kuusamo -3.1 – +2.9;",
        ),
        # Puolanka's staff at least 1.1 FTE against ~1.07–1.31 needed: the FTE it states
        # reach the band's top (110 clients per advisor), not its bottom (90). Its gap
        # (≥ ~-0.2) is short at one end, as its status (under or within) says; it was
        # named "short unless it has more staff than the plan states".
        (
            Replace(M, "fte: {at_least: 3}", "fte: {at_least: 0.1}"),
            "short: none (the gap is known for 5 units only); short at one end of the target "
            "band: Puolanka ≥ ~-0.2; staffing",
        ),
        # At least 1.01 FTE do not reach even the band's top (1.07 needed): short unless
        # Puolanka has more staff than it states; named apart.
        (
            Replace(M, "fte: {at_least: 3}", "fte: {at_least: 0.01}"),
            "short: none (the gap is known for 5 units only); short unless it has more staff "
            "than the plan states: Puolanka "
            "≥ ~-0.3; staffing",
        ),
    ],
)  # fmt: skip
def test_a_gap_short_at_one_end_of_the_band_is_named(
    tmp_path: Path, edit: Replace, named: str
) -> None:
    data = copy_data(tmp_path)
    apply(edit, data)
    records = report_records(load_area(data), places=[], month=None, base=ClientBase())
    detail = {h.label: h.detail for h in headlines(records)}["FTE gap"]
    assert named in detail


def test_the_caseload_card_names_a_place_without_staffing(tmp_path: Path) -> None:
    """A page of Kuhmo and Kajaani, Kuhmo's staffing not filled in: the card set both
    towns' clients "over their caseload FTE", which were Kajaani's alone."""
    data = copy_without_kuhmos_staffing(tmp_path)
    area = load_area(data)
    records = report_records(area, places=["Kuhmo", "Kajaani"], month=None, base=ClientBase())
    value, detail = {h.label: (h.value, h.detail) for h in headlines(records)}[
        "Clients per advisor"
    ]
    kajaani = next(row for row in records.caseload.rows if row.name == "Kajaani")
    places = records.caseload.places_row
    assert kajaani.fte is not None and kajaani.fte.low is not None and places is not None
    assert value == f"≤ {number(places.clients / kajaani.fte.low, 0)}"
    assert detail.startswith(
        "1 647 clients of Kajaani, Kuhmo over the caseload FTE of Kajaani only (Kuhmo: no "
        "staffing yet, so the figure is a bound); against their targets: "
    )
    both = report_records(
        load_area(copy_data(tmp_path / "b")),
        places=["Kuhmo", "Kajaani"],
        month=None,
        base=ClientBase(),
    )
    assert {h.label: h.detail for h in headlines(both)}["Clients per advisor"].startswith(
        "1 647 clients of Kajaani, Kuhmo over their caseload FTE; against their targets: "
    )


def test_the_caseload_notes_speak_to_a_reader_not_to_the_command_line(area: Area) -> None:
    """The page said 'Change with --clients-per-unemployed FACTOR' under the caseload chart,
    and that the plan 'implies --clients-per-unemployed 2.08' (said in words in the notes
    on the method too)."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="0")
    text = page_text(page)
    assert "Change with --clients-per-unemployed" not in text
    assert "implies --clients-per-unemployed" not in text
    implies = (
        "The plan's Kuusamo statement (about 140 clients per advisor at 9 FTE) implies 2.08 "
        "clients per unemployed job seeker (607 unemployed in 2023-08)."
    )
    assert text.count(implies) == 1


def test_the_page_names_no_option_and_no_command_to_run(area: Area) -> None:
    """The page is for decision makers: it said `--clients-per-unemployed FACTOR` in the
    notes on the method, 'try --clients-per-unemployed 2.08' in a finding, 'a later
    --month' and 'import months with tyollisyys import statfin' for the trend. What the
    analyst can do is said on the terminal (see the next test); `check` keeps its advice."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="0")
    text = page_text(page)
    assert re.findall(r"--[a-z]|import statfin|allocate|tyollisyys (check|report)", text) == []
    assert (
        "divided among them by even caseload (each step of 0.5 FTE to the unit with the "
        "most clients per advisor): Kajaani ~14.5, Taivalkoski ~0.0 FTE." in text
    )
    assert "the statement implies about 1 260 clients, 2.08 × the unemployed info CLM002" in text
    assert (
        "The report can be made over another client base: a set number of clients per "
        "unemployed job seeker, or all job seekers where the statistics hold them." in text
    )
    assert "Change since 2023-08 – this is the reference month Caseload" in text
    assert "The data hold only the month 2023-08: the trend needs two months or more. Com" in text
    stf002 = next(f for f in records.findings.findings if f.code == "STF002")
    assert stf002.text() == stf002.message + " (try --clients-per-unemployed 2.08)"


@pytest.mark.parametrize(
    ("months", "argv", "note"),
    [
        (
            [],
            ["--data-dir", "{data}"],
            "note: the report has no trend, which needs two months: import the official "
            "statistics of another month with `tyollisyys --data-dir {data} import statfin "
            "FILE`\n",
        ),
        (  # (the import reads the same variable)
            [],
            ["TYOLLISYYS_DATA_DIR={data}"],
            "note: the report has no trend, which needs two months: import the official "
            "statistics of another month with `tyollisyys import statfin FILE`\n",
        ),
        (  # (an import run in the area's folder writes there)
            [],
            ["cd={data}"],
            "note: the report has no trend, which needs two months: import the official "
            "statistics of another month with `tyollisyys import statfin FILE`\n",
        ),
        (  # (the bundled data found from the working folder: a checkout's data/)
            [],
            ["cd={bundled}"],
            "note: the report has no trend, which needs two months: the bundled example "
            "holds its plan's month only; copy it into a folder of your own with `tyollisyys "
            "init DIR --example` and import months there with `tyollisyys --data-dir DIR "
            "import statfin FILE`\n",
        ),
        (  # (an import does not write into the bundled data: it refused that command)
            [],
            ["cd={empty}"],
            "note: the report has no trend, which needs two months: the bundled example "
            "holds its plan's month only; copy it into a folder of your own with `tyollisyys "
            "init DIR --example` and import months there with `tyollisyys --data-dir DIR "
            "import statfin FILE`\n",
        ),
        (
            ["2026-06"],
            ["--data-dir", "{data}", "--month", "2023-08"],
            "note: the report has no trend: the data hold no month before 2023-08; give a "
            "later --month\n",
        ),
        (["2026-06"], ["--data-dir", "{data}"], ""),  # the trend is drawn: nothing to say
    ],
)
def test_a_report_without_a_trend_tells_the_analyst_how_to_get_one(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    months: list[str],
    argv: list[str],
    note: str,
) -> None:
    data = copy_data(tmp_path)
    if months:
        (data / "statistics").mkdir()
    for held in months:
        (data / "statistics" / f"{held}.csv").write_text(month(), encoding="utf-8")
    empty = tmp_path_factory.mktemp("empty")  # (not beside data/: it would be found)
    places = {"data": data, "empty": empty, "bundled": bundled_data_dir()}
    args = [arg.format(**places) for arg in argv]
    for variable in [arg for arg in args if arg.startswith("TYOLLISYYS_")]:
        monkeypatch.setenv(*variable.split("=", 1))
        args.remove(variable)
    for folder in [arg for arg in args if arg.startswith("cd=")]:
        monkeypatch.chdir(folder.removeprefix("cd="))
        args.remove(folder)
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(note.format(**places) + "wrote the report of Kainuu–Koillismaa")


def test_report_for_places_keeps_their_units(area: Area) -> None:
    records = report_records(area, places=["hyrynsalmi"], month=None, base=ClientBase())
    assert records.places == ["Hyrynsalmi"]
    assert [row.name for row in records.caseload.rows] == [
        "Paltamo (ml. Hyrynsalmi ja Ristijärvi)",
        "Paltamo",
        "Hyrynsalmi",
        "Ristijärvi",
    ]
    assert [row.name for row in records.unemployment.rows] == ["Hyrynsalmi"]
    assert {d.unit for d in records.staff_decisions} == {"Paltamo (ml. Hyrynsalmi ja Ristijärvi)"}


def test_page_is_the_same_on_every_run(area: Area) -> None:
    records = report_records(area, places=[], month=None, base=ClientBase())
    first = render_page(records, tool_version="test")
    assert first == render_page(records, tool_version="test")
    assert "<script" not in first
    assert "://" not in first  # no address outside the page, not even a namespace
    assert first.count("<svg ") == 4  # caseload, gap, rate, self-sufficiency


def test_charts_carry_their_marks(area: Area) -> None:
    page = render_page(
        report_records(area, places=[], month=None, base=ClientBase()), tool_version="test"
    )
    marks = re.findall(r'id="mark-([a-z-]+)-\d+"', page)
    # 8 units, each with a caseload; 7 target bands (Sotkamo has none) and so 7 gaps;
    # 10 municipalities and the area, each beside its published figure (the area's as
    # the plan prints it in its totals row).
    assert {kind: marks.count(kind) for kind in set(marks)} == {
        "caseload": 8,
        "band": 7,
        "gap": 7,
        "rate": 11,
        "published-rate": 11,
        "self-sufficiency": 11,
        "published-self-sufficiency": 11,
    }


def test_written_atomically(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "report.html"
    target.write_text("earlier", encoding="utf-8")
    failed = runner.invoke(app, ["report", "-o", str(target), "Kuhm"])
    assert failed.exit_code == 2
    assert "did you mean Kuhmo?" in failed.output
    assert target.read_text(encoding="utf-8") == "earlier"
    written = runner.invoke(app, ["report", "-o", str(target)])
    assert written.exit_code == 0, written.output
    assert f"wrote the report of Kainuu–Koillismaa, 2023-08, to {target}" in written.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_missing_folder_and_month(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html"), "--month", "2024-01"])
    assert result.exit_code == 2
    assert "no statistics for 2024-01; the data holds 2023-08" in result.output
    assert list(tmp_path.iterdir()) == []


def test_standard_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", "-o", "-", "Kuhmo"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Places</dt><dd>Kuhmo</dd>" in result.stdout


def test_the_sources_name_the_plans_statistics_once(runner: CliRunner, tmp_path: Path) -> None:
    """The plan's month listed its statistics' source twice, word for word: among the
    plan's sources and as 'statistics of 2023-08'. A month of its own source adds it."""
    plan = runner.invoke(app, ["report", "-o", "-"]).stdout
    sources = plan[plan.index("Sources: statistics:") :].partition("</p>")[0]
    title = '&#34;<span lang="fi">Kainuu-Koillismaan'  # (the plan's words, marked Finnish)
    assert sources.count(f"Plan section 1, Table 1 {title}") == 1
    assert "statistics of 2023-08:" not in sources
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", data)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    held = runner.invoke(app, ["--data-dir", str(data), "report", "-o", "-"]).stdout
    # The month shown names its own statistics first, and the plan's by their month: a
    # page of 2026-06 listed the plan's "statistics" of 2023-08 first, as if its own.
    nowrap = '<span class="nowrap">{}</span>'.format
    listed = held[held.index("Data sources</dt>") :].partition("</dd>")[0]
    items = re.findall(r"<li>(.*?): ", listed)
    assert items == [
        f"statistics of {nowrap('2026-06')}",
        f"statistics of {nowrap('2023-08')}",
        "commuting",
        "staffing",
        "offices",
    ]
    said = held[held.index("Sources: statistics of") :].partition("</p>")[0]
    assert said.count(f"Table 1 {title}") == 1
    assert said.index(nowrap("2026-06")) < said.index(nowrap("2023-08"))


def test_a_month_imported_anew_names_only_its_own_source(runner: CliRunner, tmp_path: Path) -> None:
    """An area made by `init`, its month imported again from a revised file: the page
    listed 2026-06 twice, the second time by the file its figures no longer come from."""
    import json

    export = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
    area = tmp_path / "espoo"
    made = runner.invoke(
        app, ["init", str(area), "--area", "Espoo-Kauniainen", "--from", str(export)]
    )
    assert made.exit_code == 0, made.output
    document = json.loads(export.read_text("utf-8"))
    for entry in document["data"]:
        if entry["key"][0] == "KU049":
            entry["values"][0] = str(int(entry["values"][0]) + 1)
    revised = tmp_path / "revised.json"
    revised.write_text(json.dumps(document), "utf-8")
    replaced = runner.invoke(
        app, ["--data-dir", str(area), "import", "statfin", str(revised), "--replace"]
    )
    assert replaced.exit_code == 0, replaced.output
    page = runner.invoke(app, ["--data-dir", str(area), "report", "-o", "-"]).stdout
    listed = page[page.index("Data sources</dt>") :].partition("</dd>")[0]
    assert re.findall(r"<li>(.*?)</li>", listed) == [
        'statistics of <span class="nowrap">2026-06</span>: Statistics Finland, table 12r5 '
        "(revised.json)"
    ]
    # A page of another month names the reference month's figures by the file they now
    # come from too (it named the file init read).
    for entry in document["data"]:
        entry["key"][1] = "2026M03"
    march = tmp_path / "march.json"
    march.write_text(json.dumps(document), "utf-8")
    added = runner.invoke(app, ["--data-dir", str(area), "import", "statfin", str(march)])
    assert added.exit_code == 0, added.output
    page = runner.invoke(
        app, ["--data-dir", str(area), "report", "--month", "2026-03", "-o", "-"]
    ).stdout
    listed = page[page.index("Data sources</dt>") :].partition("</dd>")[0]
    assert re.findall(r"<li>(.*?)</li>", listed) == [
        'statistics of <span class="nowrap">2026-03</span>: Statistics Finland, table 12r5 '
        "(march.json)",
        'statistics of <span class="nowrap">2026-06</span>: Statistics Finland, table 12r5 '
        "(revised.json)",
    ]


def test_a_month_before_the_plans_month(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", data)
    (data / "statistics").mkdir()
    for held in ("2020-01", "2023-07", "2026-06"):
        (data / "statistics" / f"{held}.csv").write_text(month(), encoding="utf-8")
    area = load_area(data)
    records = report_records(area, places=[], month="2023-07", base=ClientBase())
    figures = {h.label: (h.value, h.detail) for h in headlines(records)}
    assert figures["Change since 2023-08"] == (
        "–",
        "2023-07 comes before the reference month: changes are counted from the reference month on",
    )
    # Every month held is named, not only those up to the month shown.
    assert records.months_held == ["2020-01", "2023-07", "2023-08", "2026-06"]
    page = render_page(records, tool_version="0")
    assert "months held: 2020-01, 2023-07, 2023-08, 2026-06" in page_text(page)
    section = trend_section(records)
    assert section.title == "Trend until 2023-07"
    assert section.figures[0].caption == (
        "Unemployed job seekers in the whole area, each month held, 2020-01 to 2023-07; no "
        "change is shown: the reference month 2023-08 is not among them. A line joins months "
        "that follow one another only: the months between are not held."
    )
    # Every month, the reference month among them: the earlier months' change is no
    # change "since 2023-08" (the section said so, over 2020-01's row).
    every = trend_section(report_records(area, places=[], month=None, base=ClientBase()))
    assert every.title == "Trend from 2020-01 to 2026-06"
    assert every.figures[0].caption == (
        "Unemployed job seekers in the whole area, each month held, 2020-01 to 2026-06; the "
        "change is each month's figure less that of 2023-08. A line joins months that follow "
        "one another only: the months between are not held."
    )


@pytest.mark.parametrize(
    ("places", "where", "unit_where"),
    [
        (["Kuhmo"], "in Kuhmo", "in Kuhmo"),
        (
            ["Hyrynsalmi"],
            "in Hyrynsalmi",
            "in Paltamo (ml. Hyrynsalmi ja Ristijärvi), the service unit of Hyrynsalmi",
        ),
        # (several places: the summary gives the area's change, and so do the charts)
        (["Kuhmo", "Kajaani"], "in the whole area", "in the whole area"),
    ],
)
def test_a_page_of_one_place_charts_that_places_trend(
    tmp_path: Path, area: Area, places: list[str], where: str, unit_where: str
) -> None:
    """`report Kuhmo`'s summary gave Kuhmo's change (+81) above charts of the whole
    area's (+1 205) that said "in the whole area"."""
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    loaded = load_area(data)
    records = report_records(loaded, places=places, month=None, base=ClientBase())
    section = trend_section(records)
    captions = [figure.caption for figure in section.figures]
    assert captions[0].startswith(f"Unemployed job seekers {where}, each month held, 2023-08")
    assert captions[1].startswith(f"Unemployment rate {where}, each month held")
    assert captions[2].startswith(f"Clients per advisor {unit_where}, each month held")
    # Only the area's figures are bounds here (≤ ~71): no hollow dot elsewhere to explain.
    assert ("Hollow dots: a range or a bound." in captions[2]) is (len(places) > 1)
    # The chart's figures are the place's (or the area's) own, as its summary card's.
    by_name = {m.name: m.code for m in area.municipalities}
    codes = [by_name[name] for name in places] if len(places) == 1 else None
    rows = [r for c, r in area.snapshot("2023-08").rows.items() if codes is None or c in codes]
    then = sum(row.unemployed for row in rows)
    now = sum(
        int(line.split(",")[3])
        for line in MONTH_ROWS
        if codes is None or line.split(",")[0] in codes
    )
    table = section.figures[0].table
    assert table is not None
    assert [row.cells for row in table.rows] == [
        ["2023-08", number(then, 0), ""],
        ["2026-06", number(now, 0), signed(now - then, 0)],
    ]
    change = {h.label: h.value for h in headlines(records)}
    label = "Change since 2023-08" + (" in the area" if len(places) > 1 else "")
    assert change[label].startswith(signed(now - then, 0))


def test_a_place_whose_staffing_is_incomplete_is_charted_grey(tmp_path: Path) -> None:
    """Kajaani's clients per advisor over its own 3 FTE were drawn as firm figures."""
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    loaded = load_area(data)
    for place, grey in (("Kajaani", True), ("Kuhmo", False)):
        records = report_records(loaded, places=[place], month=None, base=ClientBase())
        figure = trend_section(records).figures[2]
        assert figure.svg is not None
        assert (COLOURS["incomplete"] in figure.svg) is grey
        assert (
            figure.caption.endswith(
                "Grey and hollow: the staffing of Kajaani is incomplete; its clients per advisor "
                "count only the staff the plan states (more staff would lower them)."
            )
            is grey
        )


def test_a_month_shown_with_no_other_before_it_says_what_is_held(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", data)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    area = load_area(data)
    records = report_records(area, places=[], month="2023-08", base=ClientBase())
    section = trend_section(records)
    assert section.intro == [
        "Up to 2023-08, the month shown, the data hold no other month: the trend needs two "
        "months or more. The data hold 2023-08, 2026-06; a report for a later month shows the "
        "trend up to it."
    ]  # not "the data hold only the month 2023-08"


@pytest.mark.parametrize(
    ("gap", "incomplete", "bar"),
    [
        # Kuhmo, under 100 with 6 FTE: green from 0 to 3.4 (it ran from the chart's left
        # edge, brown and hatched, the widest bar of the chart).
        (Span(None, 3.4), False, (0.0, 3.4, "surplus", False)),
        (Span(-10.8, -6.2), False, (-10.8, -6.2, "short", False)),
        (Span(1.0, 2.0), False, (1.0, 2.0, "surplus", False)),
        (Span(-1.0, 2.0), False, (-1.0, 2.0, "uncertain", False)),
        (Span(2.8, None), False, (2.8, 20.0, "surplus", True)),  # staffing at least
        # Kuhmo with three clients per unemployed: short by 1.9 FTE, the least of all (it
        # ran from the left edge too, red, the widest bar)
        (Span(None, -1.9), False, (-1.9, 0.0, "short", False)),
        (Span(-10.8, -6.2), True, (-10.8, -6.2, "incomplete", True)),
    ],
)
def test_a_gap_bar_runs_where_the_gap_can_be(
    gap: Span, incomplete: bool, bar: tuple[float, float, str, bool]
) -> None:
    low, high, colour, hatched = gap_bar(gap, -20.0, 20.0, incomplete=incomplete)
    assert (low, high, colour, hatched) == (bar[0], bar[1], COLOURS[bar[2]], bar[3])


def test_a_gap_open_at_both_ends_is_labelled_inside_the_chart(tmp_path: Path) -> None:
    """Puolanka with at least 4 FTE against "under 100": its gap is `?`, a bar over the
    whole axis, whose label stood left of the axis, over the unit's name ("Puolanka?")."""
    data = copy_data(tmp_path)
    apply(
        Replace(
            M,
            "      about: 100\n      printed: n. 100 asiakasta per virkailija\n    "
            "staffing:\n      - role: työvoimakoordinaattori",
            "      max: 100\n      printed: n. 100 asiakasta per virkailija\n    "
            "staffing:\n      - role: työvoimakoordinaattori",
        ),
        data,
    )
    area = load_area(data)
    rows = staffing_table(area, resolve_places(area, []), area.snapshot(), ClientBase()).rows
    assert [str(row.gap) for row in rows if row.name == "Puolanka"] == [str(Span(None, None))]
    svg = gap_chart(rows, label="caption")
    assert svg is not None
    labels = re.findall(r'<text style="[^"]*text-anchor: (\w+)"[^>]*>\?</text>', svg)
    assert labels == ["start"]  # (right of the axis's left end: "end" stood left of it)


@pytest.mark.parametrize(
    ("month", "units", "expected"),
    [
        (None, 2, "divided among them by even caseload (each step of 0.5 FTE to the unit"),
        ("2026-06", 2, "most clients per advisor) by the clients of 2026-06: Kajaani"),
        # (a page of Kajaani: "given to it: Kajaani ~14.5" said nothing of Taivalkoski,
        # and Taivalkoski's page "given to it: Taivalkoski ~0.0")
        (
            None,
            1,
            "went to the units whose staffing is incomplete, divided among them by even "
            "caseload (each step of 0.5 FTE to the unit with the most clients per advisor): "
            "Kajaani ~14.5, Taivalkoski ~0.0 FTE.",
        ),
    ],
)
def test_the_pool_note_of_a_page_names_no_command(
    area: Area, month: str | None, units: int, expected: str
) -> None:
    """It said "as allocate divides a pool by default" and "allocate divides the whole
    pool among every unit"; the terminal's notes still do."""
    table = staffing_table(area, resolve_places(area, []), area.snapshot(), ClientBase())
    assert table.incomplete is not None
    incomplete = table.incomplete[:units]
    page = str(incomplete_notes(incomplete, table.shares, month=month, by_option=False)[-1])
    terminal = str(incomplete_notes(incomplete, table.shares, month=month)[-1])
    assert expected in page
    assert "allocate" not in page
    if units > 1:
        assert "allocate divides the whole pool among every unit." in terminal
    else:
        assert expected in terminal


@pytest.mark.parametrize(
    ("kind", "row", "label", "nth"),
    [
        # (the published figure beside it: "78.9 %" right of the diamond read as it)
        ("self-sufficiency", 0, "78.9 % (◆ 89.13 %)", 0),  # Hyrynsalmi, published as 89.13
        ("rate", 10, "8.3 % (◆ 8.9 %)", 0),  # the area, published as 8.9
    ],
)
def test_a_value_label_stands_clear_of_the_published_diamond(
    area: Area, kind: str, row: int, label: str, nth: int
) -> None:
    """The diamond stood on the computed figure's label ("78.◆%", "◆3 %") exactly where
    the two figures differ."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="test")
    chart = page.split(f'id="figure-{kind}"')[1].split("</svg>")[0]
    mark = chart.split(f'<g id="mark-published-{kind}-{row}">')[1]
    diamond = float(re.findall(r'<use xlink:href="#[^"]+" x="([0-9.]+)"', mark)[0])
    text = float(re.findall(rf'x="([0-9.]+)"[^>]*>{re.escape(label)}</text>', chart)[nth])
    assert text > diamond + 4  # (the diamond's half width is 3.5)


def test_a_number_is_kept_on_one_line(area: Area) -> None:
    """Printed, "4 706" broke into "4 / 706" and "3 217" into "3 / 217": the groups of a
    number are joined by a no-break space, in the text and the tables; the charts' data
    are left as they are."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="test")
    assert "commuting table but 4\u00a0706 in the statistics" in page
    assert '<td class="num">3\u00a0217</td>' in page
    text = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)  # (path data: `M 28 100`)
    assert not re.search(r"\d \d{3}(?!\d)", text)


@pytest.mark.parametrize(
    ("factor", "top"),
    [
        (1.0, 150 * 1.15),  # the bands' top: Kajaani's 461 over its own 3 FTE stretched it
        (4.3, 340 * 1.15),  # Kajaani's ~340 with its part of the pool, not its 1 984
    ],
)
def test_a_unit_whose_staffing_is_incomplete_does_not_stretch_the_caseload_axis(
    area: Area, factor: float, top: float
) -> None:
    records = report_records(area, places=[], month=None, base=ClientBase("unemployed", factor))
    units = [row for row in records.caseload.rows if row.level == "unit"]
    bands = [r.target.band() if r.target is not None else None for r in units]
    assert axis_top(units, bands) == pytest.approx(top, abs=1.2)
    page = render_page(records, tool_version="test")
    kajaani = next(i for i, row in enumerate(units) if row.name == "Kajaani")
    assert "→</text>" in page.split(f'id="mark-caseload-{kajaani}"')[1].split("</svg>")[0]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (  # (the bundled plan's: no month)
            None,
            "The commuting table gives no month: its figures, the labour force included, are "
            "the table's own and may differ from the statistics of 2023-08 above.",
        ),
        (
            'month: "2022-12"\n',
            "The commuting table's figures are of 2022-12, not of 2023-08: the labour force "
            "in it is the table's own.",
        ),
        ('month: "2023-08"\n', None),  # (the month of the page: nothing to say)
    ],
)
def test_the_commuting_section_says_which_month_its_figures_are(
    tmp_path: Path, written: str | None, said: str | None
) -> None:
    """A page of 2026-06 showed the commuting table's labour force (Hyrynsalmi 765)
    below the statistics' (708) with no word of when either is from."""
    data = copy_data(tmp_path)
    if written is not None:
        commuting = data / "commuting.yaml"
        text = commuting.read_text(encoding="utf-8")
        commuting.write_text(text.replace("\nrows:\n", f"\n{written}rows:\n", 1), "utf-8")
    records = report_records(load_area(data), places=[], month=None, base=ClientBase())
    page = page_text(render_page(records, tool_version="t"))
    section = page.split("Commuting and job self-sufficiency")[-1]
    if said is None:
        assert "commuting table gives no month" not in section
        assert "The commuting table's figures are of" not in section
    else:
        assert section.strip().startswith(said)


def test_a_page_of_the_bundled_example_says_so(tmp_path: Path) -> None:
    """A page made on the bundled example by mistake (no --data-dir, outside the area's
    folder) read as the area's own: only the terminal's tables said "Data: bundled
    example"."""
    for folder, area in ((bundled_data_dir(), True), (copy_data(tmp_path), False)):
        records = report_records(load_area(folder), places=[], month=None, base=ClientBase())
        page = render_page(records, tool_version="t")
        facts = page.split('<dl class="facts">')[1].split("</dl>")[0]
        said = "Kainuu–Koillismaa (bundled example: Kainuu–Koillismaa plan 2023)"
        assert (said in facts) is area, folder


@pytest.mark.parametrize(
    ("places", "incomplete"),
    [
        (["Kuhmo"], None),  # (it explained Kajaani's and Taivalkoski's staffing)
        (["Kajaani"], "Staffing incomplete: Kajaani: the plan names only Kajaani's own"),
        ([], "Staffing incomplete: Kajaani: "),  # (the whole area: both, as before)
    ],
)
def test_a_page_of_places_explains_the_incomplete_units_it_shows(
    area: Area, places: list[str], incomplete: str | None
) -> None:
    records = report_records(area, places=places, month=None, base=ClientBase())
    notes = [str(note) for note in caseload_section(records).notes]
    said = [note for note in notes if note.startswith("Staffing incomplete:")]
    if incomplete is None:
        assert said == []
        assert not any(note.startswith("With pool:") for note in notes)
    else:
        assert len(said) == 1 and said[0].startswith(incomplete)
        assert ("Taivalkoski" in said[0]) is (not places)


def test_the_pool_note_of_an_area_with_one_incomplete_unit() -> None:
    """It read "went to them, given to it"."""
    from tyollisyys_cli.core.units import Incomplete, PoolShares

    kajaani = [Incomplete("205", "Kajaani", "own staff only")]
    shares = PoolShares(14.5, True, {"205": 14.5}, {"205": "Kajaani"})
    page, terminal = (
        str(incomplete_notes(kajaani, shares, month=None, by_option=by_option)[-1])
        for by_option in (False, True)
    )
    assert page.endswith(
        "(at most ~14.5 FTE: the pool less the stated transfers) went to it: Kajaani ~14.5 FTE."
    )
    assert "went to it: Kajaani ~14.5 FTE. allocate divides the whole pool" in terminal


@pytest.mark.parametrize(
    ("places", "value", "detail"),
    [
        (
            ["Kajaani"],
            "not known",
            "planned less needed at the targets; known for no unit; staffing incomplete: Kajaani",
        ),
        (
            ["Kajaani", "Kuhmo"],
            "not known",
            "planned less needed at the targets; short: none (the gap is known for 1 unit only); "
            "staffing incomplete: Kajaani",
        ),
        (["Kuhmo"], "≤ +3.4 FTE", "planned less needed at the targets; short: none"),
    ],
)
def test_the_gap_card_of_places_with_incomplete_staffing_gives_no_gap(
    area: Area, places: list[str], value: str, detail: str
) -> None:
    """Kajaani's page led its FTE gap card with "≥ -17.7 FTE … short: none" (a gap of
    staffing the plan states only in part; the area's page says "not known")."""
    records = report_records(area, places=places, month=None, base=ClientBase())
    card = {h.label: (h.value, h.detail) for h in headlines(records)}["FTE gap"]
    assert card == (value, detail)


def test_a_month_is_kept_on_one_line(tmp_path: Path) -> None:
    """Printed, "2026-06" broke into "2026-" and "06", in a card and in the trend table."""
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    records = report_records(load_area(data), places=["Kuhmo"], month=None, base=ClientBase())
    page = render_page(records, tool_version="t")
    card = page.split('id="headline-1"')[1].split("</li>")[0]
    assert 'at the end of <span class="nowrap">2026-06</span>' in card
    assert (
        '<td class="nowrap"><span class="nowrap">2026-06</span></td>'
        in (page.split('id="table-trend"')[1])
    )
    # (a figure's caption and a file name in code: kept whole and left as it is)
    caption = page.split('id="caption-figure-trend-unemployed"')[1].split("</figcaption>")[0]
    assert '<span class="nowrap">2023-08</span> to <span class="nowrap">2026-06</span>' in caption
    assert inline_code("`statistics/2026-06.csv`") == "<code>statistics/2026-06.csv</code>"
    assert "span.nowrap" in page and "tbody .nowrap" in page  # (the style that keeps them)


@pytest.mark.parametrize(
    ("months", "labelled"),
    [
        # (after a gap, 2026-05 and 2026-06 printed over each other: "2026-2026-06")
        (["2023-08", "2026-05", "2026-06"], ["2023-08", "2026-06"]),
        (["2023-08", "2026-06"], ["2023-08", "2026-06"]),
        (
            [f"{year}-{number:02d}" for year in range(2016, 2027) for number in range(1, 13)][
                6:126
            ],
            [
                "2016-07",
                "2017-10",
                "2019-01",
                "2020-04",
                "2021-07",
                "2022-10",
                "2024-01",
                "2026-06",
            ],
        ),
    ],
)
def test_the_months_labelled_on_a_trend_axis_stand_apart(
    months: list[str], labelled: list[str]
) -> None:
    xs = [month_index(held) / 12 for held in months]
    assert [months[i] for i in _labelled(xs)] == labelled


@pytest.mark.parametrize(
    ("place", "change"),
    [
        # (its card gives "≤ 689" over at least the staff stated: the change, "+227",
        # is then one over that staff only, smaller over more)
        ("Kajaani", "clients per advisor 0 – +227"),
        ("Kuhmo", "clients per advisor +14"),
    ],
)
def test_the_change_card_of_a_place_with_incomplete_staffing_is_a_bound(
    tmp_path: Path, place: str, change: str
) -> None:
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    records = report_records(load_area(data), places=[place], month=None, base=ClientBase())
    detail = {h.label: h.detail for h in headlines(records)}["Change since 2023-08"]
    assert detail.endswith(change)


def test_a_trend_up_to_a_month_before_the_latest_says_so(tmp_path: Path) -> None:
    """`report --month 2026-04` with 2026-06 held was titled "Trend since 2023-08"."""
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    for held in ("2026-04", "2026-06"):
        (data / "statistics" / f"{held}.csv").write_text(month(), encoding="utf-8")
    area = load_area(data)
    until = report_records(area, places=[], month="2026-04", base=ClientBase())
    assert trend_section(until).title == "Trend since 2023-08 until 2026-04"
    latest = report_records(area, places=[], month=None, base=ClientBase())
    assert trend_section(latest).title == "Trend since 2023-08"


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two `#rrggbb` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("colour", "background", "least"),
    [
        # Text: a greyed unit's name and label (on white, and where it stands on the
        # band), a brown label: 4.5:1 (WCAG 1.4.3). They were 4.3:1 and 2.8:1.
        ("incomplete", "#ffffff", 4.5),
        ("incomplete", "band", 4.5),
        ("uncertain", "#ffffff", 4.5),
        ("uncertain", "band", 4.5),
        # Marks: 3:1 (WCAG 1.4.11); the pale band is told by its edge (it was 1.3:1).
        ("band_edge", "#ffffff", 3),
        ("short", "#ffffff", 3),
        ("surplus", "#ffffff", 3),
        ("under", "#ffffff", 3),
        ("over", "#ffffff", 3),
        ("bar", "#ffffff", 3),
    ],
)
def test_the_charts_colours_stand_out(colour: str, background: str, least: float) -> None:
    assert contrast(COLOURS[colour], COLOURS.get(background, background)) >= least


def test_the_captions_name_the_colour_the_charts_draw(area: Area) -> None:
    """#8a5a00 (dark enough for 4.5:1) is a brown, not the amber the captions once said."""
    hue, lightness, _ = colorsys.rgb_to_hls(
        *(int(COLOURS["uncertain"][i : i + 2], 16) / 255 for i in (1, 3, 5))
    )
    assert 20 / 360 <= hue <= 45 / 360 and lightness < 0.35  # a dark orange: brown
    page = render_page(
        report_records(area, places=[], month=None, base=ClientBase()), tool_version="test"
    )
    assert "a brown diamond marks a range across an end of the band" in page
    assert "brown: depends on the band&#39;s end" in page  # (the apostrophe escaped)
    assert "amber" not in page


def test_a_published_diamond_has_a_white_rim(area: Area) -> None:
    """The black diamond on the area's dark bar was 1.8:1: its white rim sets it apart."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="t")
    diamond = page.split('id="mark-published-rate-0"')[1].split("</g>")[0]
    assert "stroke: #ffffff; stroke-width: 0.7" in diamond


def test_each_table_is_named_and_its_rows_headed(tmp_path: Path) -> None:
    """A screen reader lists the tables by their captions: six were "Figures of the
    chart". A row is announced by its first cell (its place, or its month), and a box
    that scrolls sideways takes the keyboard's focus, named by what it holds."""
    data = copy_data(tmp_path)
    (data / "statistics").mkdir()
    (data / "statistics" / "2026-06.csv").write_text(month(), encoding="utf-8")
    records = report_records(load_area(data), places=[], month=None, base=ClientBase())
    page = render_page(records, tool_version="t")
    captions = re.findall(r"<caption>(.*?)</caption>", page)
    assert len(captions) == len(set(captions)) == page.count("<table ")
    assert "Figures of the chart: staffing gap per service unit" in captions
    assert "Figures of the chart: clients per advisor in the whole area" in captions
    bodies = re.findall(r'<table id="([^"]+)".*?<tbody>(.*?)</tbody>', page, flags=re.S)
    heads: dict[str, list[str]] = {}
    for table_id, body in bodies:
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S):
            (head,) = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', row)
            assert head.strip(), (table_id, row)  # (the area row's code was empty)
            heads.setdefault(table_id, []).append(html.unescape(re.sub("<[^>]+>", "", head)))
    # The place heads its row, not its code (the first column), nor a severity.
    assert heads["table-unemployment"][:2] == ["Hyrynsalmi", "Kajaani"]
    assert heads["table-unemployment"][-1] == "Kainuu–Koillismaa (area)"
    assert heads["table-commuting"][-1] == "Kainuu–Koillismaa (area)"
    assert all(re.fullmatch(r"\w+\.yaml:\d+:\d+", where) for where in heads["table-findings"])
    assert heads["table-trend-unemployed"] == ["2023-08", "2026-06"]
    boxes = re.findall(r'<div class="(?:figures|table-box|chart-box)"[^>]*>', page)
    assert boxes and all('tabindex="0" role="region" aria-' in box for box in boxes)
    assert '<div class="table-box" tabindex="0" role="region" aria-label="Each municipality, ' in (
        page
    )


def test_the_summary_says_what_its_words_mean(area: Area) -> None:
    """FTE was never spelt out, and "under" the target could read as falling short."""
    records = report_records(area, places=[], month=None, base=ClientBase())
    summary = page_text(render_page(records, tool_version="t")).split("Data sources")[0]
    assert "Terms FTE: full-time equivalent (htv), one person's full-time work for a year" in (
        summary
    )
    assert "fewer or more clients per advisor than the target band (a lighter" in summary


def _roles_and_titles(page: str) -> tuple[list[str], list[str]]:
    """The languages the staff roles' cells are marked in, and the source titles marked."""
    table = page[page.index('id="table-staff-lines"') :]
    table = table[: table.index("</table>")]
    roles = [re.findall(r"<td( lang=\"\w+\")?>", row)[0] for row in table.split("<tr")[2:]]
    titles = re.findall(r'[^(]<span lang="(\w+)">([^<]*)</span>', page)  # (no gloss)
    return roles, [f"{lang}: {title}" for lang, title in titles]


@pytest.mark.parametrize(
    ("plan_language", "page_language", "marked"),
    [
        ("fi", "en", ' lang="fi"'),  # a Finnish plan's words on an English page
        ("fi", "fi", ""),  # on a Finnish page: the page's own language
        ("sv", "fi", ' lang="sv"'),  # a Swedish plan's words on a Finnish page
        ("sv", "en", ' lang="sv"'),
    ],
)
def test_the_plans_own_words_are_marked_in_the_plans_language(
    tmp_path: Path, plan_language: str, page_language: Literal["en", "fi"], marked: str
) -> None:
    """WCAG 2.1 3.1.2: a screen reader spoke työllisyysohjaaja with English sounds."""
    data = copy_data(tmp_path)
    reference = '  reference_month: "2023-08"\n'
    apply(Replace(M, reference, f"{reference}  language: {plan_language}\n"), data)
    set_language(page_language)
    try:
        records = report_records(load_area(data), places=[], month=None, base=ClientBase())
        page = render_page(records, tool_version="test")
    finally:
        set_language("en")
    roles, titles = _roles_and_titles(page)
    area = load_area(data)
    assert len(roles) == sum(len(unit.staffing or ()) for unit in area.units)
    assert set(roles) == {marked}
    sources = area.plan.area.sources_in(page_language).values()
    quoted = {title for text in sources for title in re.findall(r'"(.+?)"', text)}
    assert "Kuvausta kunnittain henkilöstövoimavarojen kohdentumisesta" in quoted
    assert set(titles) == ({f"{plan_language}: {title}" for title in quoted} if marked else set())
    # The Finnish terms an English page glosses its own with, whatever the plan's language.
    glosses = set(re.findall(r'\(<span lang="fi">(\w+)</span>\)', page))
    assert glosses == ({"htv", "asiakas"} if page_language == "en" else set())


def test_a_commuting_area_row_of_some_municipalities_is_charted_as_such(area: Area) -> None:
    """The self-sufficiency chart named a sum of 9 municipalities the area's."""
    import dataclasses

    from tyollisyys_cli.core.commuting import commuting_table
    from tyollisyys_cli.report.place_charts import self_sufficiency_chart

    assert area.commuting is not None
    partial = dataclasses.replace(
        area, commuting=area.commuting.model_copy(update={"rows": area.commuting.rows[1:]})
    )
    table = commuting_table(partial, resolve_places(partial, []))
    assert table is not None
    svg = self_sufficiency_chart(table, label="x")
    assert svg is not None
    total = len(area.municipalities)
    assert f"{area.name} (area, {total - 1} of {total})" in svg
    assert f"{area.name} (area)<" not in svg

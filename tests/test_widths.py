"""Every table command fits 80, 100, 120 and 200 columns without breaking a word.

For each command and width: no line is wider than the terminal, every municipality
name the table lists appears whole on a line, and (at 80, 120 and 200 columns, on the
bundled area) the screen is the snapshot in `tests/snapshots/widths/`. Set
`TYOLLISYYS_UPDATE_SNAPSHOTS=1` to write the snapshots anew after a deliberate change,
then read the difference before committing it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clirunner import CliRunner
from snapshot import HOW_TO_UPDATE, UPDATE
from tyollisyys_cli.cli.app import app

REPO = Path(__file__).resolve().parents[1]
SNAPSHOTS = REPO / "tests" / "snapshots" / "widths"
EXPORT = REPO / "tests" / "data" / "statfin-12r5-2026M06.json"
MUNICIPALITIES_CSV = REPO / "src" / "tyollisyys_cli" / "reference" / "municipalities-2025.csv"

#: (command line, whether it lists every municipality of the area by name)
COMMANDS = [
    ("caseload Kuhmo", False),
    ("caseload", True),
    ("unemployment", True),
    ("staffing", False),
    ("commuting", True),
    ("municipalities", True),
    ("offices", True),
    ("trend", True),
    ("allocate", False),
]
WIDTHS = [80, 100, 120, 200]
SNAPSHOT_WIDTHS = {80, 120, 200}
BUNDLED_NAMES = [
    "Hyrynsalmi",
    "Kajaani",
    "Kuhmo",
    "Kuusamo",
    "Paltamo",
    "Puolanka",
    "Ristijärvi",
    "Sotkamo",
    "Suomussalmi",
    "Taivalkoski",
]


def screen(width: int, args: list[str]) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output  # check exits 1 on the plan's errors
    return result.stdout


def assert_fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[0]!r}"
    cut = [line for line in text.splitlines() if "│" in line and "…" in line]
    assert not cut, f"a word cut short in a cell: {cut[0]!r}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("command", "lists_all"), COMMANDS)
def test_bundled_area_fits(command: str, lists_all: bool, width: int) -> None:
    text = screen(width, command.split())
    assert_fits(text, width)
    if lists_all:
        for name in BUNDLED_NAMES:
            assert any(name in line for line in text.splitlines()), name
    if width in SNAPSHOT_WIDTHS:
        snapshot = SNAPSHOTS / f"{command.replace(' ', '-')}-{width}.txt"
        if UPDATE:
            snapshot.write_text(text, encoding="utf-8")
        assert text == snapshot.read_text(encoding="utf-8"), HOW_TO_UPDATE


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(("command", "lists_all"), COMMANDS)
def test_bundled_area_fits_in_finnish(command: str, lists_all: bool, width: int) -> None:
    text = screen(width, ["--lang", "fi", *command.split()])
    assert_fits(text, width)
    if lists_all:
        for name in BUNDLED_NAMES:
            assert any(name in line for line in text.splitlines()), name


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All of Finland as one area (308 municipalities), two months."""
    folder = tmp_path_factory.mktemp("national")
    reference = folder / "reference"
    reference.mkdir()
    shutil.copy(REPO / "tests" / "data" / "statfin-12r5-2026M06.json", reference)
    shutil.copy(
        REPO / "src" / "tyollisyys_cli" / "reference" / "municipalities-2025.csv", reference
    )
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate_national.py"),
            str(folder / "area"),
            "--months",
            "2",
            "--reference",
            str(reference),
        ],
        check=True,
        capture_output=True,
    )
    return folder / "area"


def national_names() -> list[str]:
    import csv

    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        return [row["name_fi"] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", ["caseload", "unemployment", "municipalities", "staffing"])
def test_national_area_fits(national: Path, command: str, width: int) -> None:
    text = screen(width, ["--data-dir", str(national), command])
    assert_fits(text, width)
    if command in ("unemployment", "municipalities"):
        lines = text.splitlines()
        missing = [name for name in national_names() if not any(name in line for line in lines)]
        assert not missing, missing[:5]


def test_the_staffing_table_says_what_the_sign_of_a_gap_means() -> None:
    text = screen(120, ["staffing"])
    assert "Gap = planned FTE − FTE needed: negative is short of the target" in text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("table", ["caseload", "staffing", "allocate"])
def test_a_scenario_against_the_base_fits(table: str, width: int) -> None:
    scenario = REPO / "examples" / "scenario-unemployment-up.yaml"
    text = screen(width, ["scenario", str(scenario), "--table", table])
    assert_fits(text, width)  # columns give way, as in every table: no cell cut short
    joined = " ".join(text.splitlines())
    left_out = joined.partition(f"Left out at {width} columns:")[2].partition("shows them")[0]
    assert bool(left_out) == (width == 80) or 80 < width < 200
    # What the comparison is about stays, base and scenario.
    kept = {"caseload": "Status", "staffing": "Gap", "allocate": "Allocated FTE"}[table]
    assert f"{kept} (base)" not in left_out and f"{kept} (scenario)" not in left_out


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("width", [80, 120])
def test_every_rules_explanation_fits(width: int, lang: str) -> None:
    from tyollisyys_cli.check.rules import RULES

    for rule in RULES:
        text = screen(width, ["--lang", lang, "check", "--explain", rule.code])
        assert_fits(text, width)
        # Only re-wrapped: the same words in the same order as at full width.
        whole = screen(250, ["--lang", lang, "check", "--explain", rule.code])
        assert text.split() == whole.split(), rule.code


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_rule_list_fits(width: int, lang: str) -> None:
    from tyollisyys_cli.check.rules import RULES

    text = screen(width, ["--lang", lang, "check", "--list-rules"])
    assert_fits(text, width)
    starts = [line.split()[0] for line in text.splitlines() if not line.startswith(" ")]
    assert starts == [rule.code for rule in RULES]
    # A summary wrapped goes on under its first line.
    first = text.splitlines()[0]
    column = first.index(first.split()[2])
    wrapped = [line for line in text.splitlines() if line.startswith(" ")]
    assert all(not line[:column].strip() and line[column] != " " for line in wrapped)
    if width == 80 and lang == "en":
        assert text.splitlines()[:2] == [
            "TOT001  totals-row                  Totals row of the statistics table against",
            "                                    the sums of its fully known columns",
        ]


@pytest.mark.parametrize("command", ["caseload Kuhmo", "trend", "offices"])
def test_a_data_folder_of_a_long_path_fits(tmp_path: Path, command: str) -> None:
    folder = tmp_path.joinpath(*(["tyollisyysalue-kainuu-koillismaa"] * 3))
    shutil.copytree(REPO / "data", folder)
    assert len(str(folder)) > 80
    text = screen(80, ["--data-dir", str(folder), *command.split()])
    assert_fits(text, 80)
    lines = text.splitlines()
    start, end = lines.index("Data:") + 1, lines.index("(--data-dir)")
    # The path, cut after a `/` (into as many lines as its length needs), stands whole
    # when its lines are joined.
    assert "".join(lines[start:end]) == str(folder)


def test_offices_of_an_area_without_any_says_so(tmp_path: Path) -> None:
    area = tmp_path / "helsinki"
    CliRunner().invoke(
        app,
        ["init", str(area), "--area", "Helsinki", "--from", str(EXPORT)],
        catch_exceptions=False,
    )
    text = screen(80, ["--data-dir", str(area), "offices"])
    lines = text.splitlines()
    assert lines[0] == "Service points of Helsinki"
    assert lines[1].startswith("Data:")  # its path on the same line, or below when long
    assert lines[-2:] == [
        "No service points are written in the data yet: add them under `offices:` of each",
        "municipality in municipalities.yaml.",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_check_terminal_view_fits_and_keeps_figures_whole(width: int) -> None:
    import io
    import itertools
    import re

    from rich.console import Console

    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.check.reporters.text import render_terminal
    from tyollisyys_cli.check.runner import run

    area = load_area(Path("data"))  # as the bundled area's findings show from a checkout
    buffer = io.StringIO()
    render_terminal(run(area), Console(file=buffer, width=width, no_color=True), area.name)
    text = buffer.getvalue()
    assert_fits(text, width)
    lines = text.splitlines()
    for before, after in itertools.pairwise(lines):
        # a thousands group never starts a line: `1` / `911` would be a broken `1 911`
        assert not (re.search(r"\d$", before) and re.match(r" {8}\d{3}\b", after)), (before, after)
    assert "3 217" in text and "38 799" in text
    if width in SNAPSHOT_WIDTHS:
        snapshot = SNAPSHOTS / f"check-terminal-{width}.txt"
        if UPDATE:
            snapshot.write_text(text, encoding="utf-8")
        assert text == snapshot.read_text(encoding="utf-8"), HOW_TO_UPDATE


@pytest.mark.parametrize("width", [40, 60])
def test_the_check_terminal_view_never_cuts_a_word(width: int, data_copy: Path) -> None:
    import io
    import itertools

    from rich.console import Console

    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.check.reporters.text import render_terminal
    from tyollisyys_cli.check.runner import run
    from tyollisyys_cli.i18n import set_language

    folder = data_copy.parent / "a-long-folder-name" / "and-another-long-one" / "data"
    folder.parent.mkdir(parents=True)
    data_copy.rename(folder)
    set_language("fi")  # the longer words: `ulkomaalaiset:`, `pitkäaikaistyöttömät:`
    area = load_area(folder)
    outcome = run(area)

    def shown(columns: int) -> list[str]:
        buffer = io.StringIO()
        render_terminal(outcome, Console(file=buffer, width=columns, no_color=True), area.name)
        return buffer.getvalue().splitlines()

    def paths(lines: list[str]) -> list[list[str]]:
        """The lines of each file's heading: those above its indented findings."""
        blocks = "\n".join(lines).split("\n\n")
        return [
            list(itertools.takewhile(lambda line: not line.startswith(" "), block.split("\n")))
            for block in blocks
            if "\n " in block
        ]

    narrow, wide = shown(width), shown(1000)
    assert_fits("\n".join(narrow), width)
    # A file's path is cut only after a `/`: its pieces give the path whole.
    assert ["".join(pieces) for pieces in paths(narrow)] == [p[0] for p in paths(wide)]
    assert all(piece.endswith("/") for pieces in paths(narrow) for piece in pieces[:-1])
    # No word of a finding is cut: every word shown is a word of the wide view.
    headings = {line for pieces in paths(narrow) for line in pieces}
    words = {word for line in wide for word in line.split()}
    assert {word for line in narrow if line not in headings for word in line.split()} <= words


@pytest.mark.parametrize("width", [1, 5, 29])
def test_below_the_narrowest_text_lines_are_as_wide_as_the_narrowest(width: int) -> None:
    """`COLUMNS=3` gave a title broken after every three letters: text keeps its words
    and is 30 wide (the terminal wraps what does not fit)."""
    from tyollisyys_cli.render.wrap import MIN_WIDTH

    text = screen(width, ["caseload", "Kuhmo"])
    assert text == screen(MIN_WIDTH, ["caseload", "Kuhmo"])
    assert text.splitlines()[0].startswith("Caseload, ")


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "1e3", " "])
def test_a_columns_that_is_no_width_is_as_if_unset(columns: str) -> None:
    """Off a terminal, a table is 200 wide unless COLUMNS gives a width (rich read `abc`
    as 80)."""
    runner = CliRunner()
    unset = runner.invoke(app, ["caseload"], env={"COLUMNS": None})
    odd = runner.invoke(app, ["caseload"], env={"COLUMNS": columns})
    assert odd.exit_code == unset.exit_code == 0
    assert odd.stdout == unset.stdout
    assert max(len(line) for line in unset.stdout.splitlines()) > 80

"""Scenario files: validated like the data files, run side by side with the base case."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.area.scenario_file import load_scenario
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.models.amounts import Target

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "scenario-unemployment-up.yaml"


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables at a fixed width, so that rows are not folded whatever the terminal."""
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture(scope="module")
def area() -> Area:
    return load_area(bundled_data_dir())


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, area: Area) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_scenario(path, area, ClientBase())
    return [str(error).replace(str(path), "FILE") for error in caught.value.errors]


def test_the_example_scenario_loads(area: Area) -> None:
    scenario = load_scenario(EXAMPLE, area, ClientBase())
    assert scenario.name == "unemployment up a fifth"
    assert scenario.unemployed_change == 20
    assert scenario.target == Target(min=100, max=150)
    assert scenario.unemployed_changes == {"205": 33}
    assert scenario.unit_targets == {"paltamo": Target(min=90, max=120)}
    assert scenario.client_base is None


def test_names_codes_and_units_are_resolved(tmp_path: Path, area: Area) -> None:
    path = write(
        tmp_path,
        "name: spread\n"
        "municipalities:\n"
        "  ristijarvi: {unemployed_change: 5}\n"
        '  "777": {unemployed_change: -5}\n'
        "  Paltamo (ml. Hyrynsalmi ja Ristijärvi): {unemployed_change: 1}\n"
        "units:\n"
        "  Kuhmo: {target: {max: 90}}\n"
        "clients_per_unemployed: 2\n",
    )
    with pytest.raises(DataErrors) as caught:
        load_scenario(path, area, ClientBase())
    # The unit's name stands for all three members; Ristijärvi is then changed twice.
    assert [e.message for e in caught.value.errors] == [
        "Ristijärvi is already changed under 'ristijarvi'; change it once"
    ]
    path.write_text(path.read_text().replace("  ristijarvi: {unemployed_change: 5}\n", ""))
    scenario = load_scenario(path, area, ClientBase("unemployed", 1.5))
    assert scenario.unemployed_changes == {"777": -5, "578": 1, "105": 1, "697": 1}
    assert scenario.unit_targets == {"290": Target(max=90)}
    assert scenario.client_base == ClientBase("unemployed", 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: x\nunemployed_chnage: 20\n",
            "FILE:2:1: unemployed_chnage: unknown field 'unemployed_chnage'; "
            "did you mean 'unemployed_change'?",
        ),
        (
            "name: x\nunemployed_change: +20 %\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), "
            "found the text '+20 %'; write a plain number of per cent, e.g. 20",
        ),
        (
            "name: x\nunemployed_change: '2,5'\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), "
            "found the text '2,5'; write a plain number of per cent, e.g. 2.5",
        ),
        (  # the hint never repeats a text that is no number
            "name: x\nunemployed_change: .inf\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), "
            "found the text '.inf'; write a plain number of per cent, e.g. 20",
        ),
        (
            "name: x\nunemployed_change: -150\n",
            "FILE:2:20: unemployed_change: a change cannot be below -100 %, found -150",
        ),
        (  # (every digit, not a rounded -100 that reads as allowed)
            "name: x\nunemployed_change: -100.0001\n",
            "FILE:2:20: unemployed_change: a change cannot be below -100 %, found -100.0001",
        ),
        ("unemployed_change: 5\n", "FILE:1:1: name: the required field 'name' is missing"),
        (
            "name: x\ntarget: {min: 150, max: 100}\n",
            "FILE:2:9: target: target min 150 is larger than max 100",
        ),
        (  # a scenario has no withheld cells: no hint to write one
            "name: x\ntarget: {min: '...', max: 120}\n",
            "FILE:2:15: target.min: expected a number of clients per advisor, 1 or more, found "
            "the text '...'",
        ),
        (
            "name: x\nmunicipalities:\n  Kajani: {unemployed_change: 5}\n",
            "FILE:3:3: municipalities.Kajani: unknown place 'Kajani' in Kainuu–Koillismaa; "
            "did you mean Kajaani?",
        ),
        (
            "name: x\nunits:\n  Hyrynsalmi: {target: {min: 90, max: 120}}\n",
            "FILE:3:3: units.Hyrynsalmi: Hyrynsalmi is served by the unit Paltamo (ml. "
            "Hyrynsalmi ja Ristijärvi); a target belongs to the whole unit: write it under "
            "'paltamo'",
        ),
        (
            "name: x\nunits:\n  paltamo: {target: {min: 90, max: 120}}\n"
            "  Paltamo (ml. Hyrynsalmi ja Ristijärvi): {target: {max: 100}}\n",
            "FILE:4:3: units.Paltamo (ml. Hyrynsalmi ja Ristijärvi): Paltamo (ml. Hyrynsalmi "
            "ja Ristijärvi) is already given a target under 'paltamo'; give it once",
        ),
        (
            "name: x\nclient_base: everyone\n",
            "FILE:2:14: client_base: expected one of 'unemployed' or 'job-seekers', "
            "found the text 'everyone'",
        ),
        # An empty value is refused, never taken as left out: `min: ,` would silently
        # make the band "under 150".
        (
            "name: x\ntarget: {min: , max: 150}\n",
            "FILE:2:14: target.min: found nothing: write a value, or leave the field out",
        ),
        (
            "name: x\nclients_per_unemployed:\n",
            "FILE:2:24: clients_per_unemployed: found nothing: write a value, or leave the "
            "field out",
        ),
        (
            "name: x\nclient_base:\n",
            "FILE:2:13: client_base: found nothing: write a value, or leave the field out",
        ),
        (  # every form a target takes, named
            "name: x\ntarget: {}\n",
            "FILE:2:9: target: a target needs min and max (a band), max (under), min (at "
            "least) or about",
        ),
        # A target below one client per advisor is a slip, not a target.
        (
            "name: x\ntarget: {min: 5e-324, max: 2}\n",
            "FILE:2:15: target.min: expected a number of clients per advisor, 1 or more, "
            "found 5e-324",
        ),
        # What was found, in words; the number meant where the text holds one.
        (
            "name: x\nunemployed_change:\n",
            "FILE:2:19: unemployed_change: expected a change in per cent (a number), found nothing",
        ),
        (
            "name: x\nunemployed_change: {a: 1}\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), found a "
            "mapping",
        ),
        (
            "name: x\nunemployed_change: 010\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), found the "
            "text '010'; write a plain number of per cent, e.g. 10",
        ),
        (  # every digit of the number meant is kept
            "name: x\nunemployed_change: '12,3456789'\n",
            "FILE:2:20: unemployed_change: expected a change in per cent (a number), found the "
            "text '12,3456789'; write a plain number of per cent, e.g. 12.3456789",
        ),
        # A misspelt field of a unit: one problem, with its "did you mean".
        (
            "name: x\nunits:\n  paltamo:\n    targte:\n      min: 1\n      max: 2\n",
            "FILE:4:5: units.paltamo.targte: unknown field 'targte'; did you mean 'target'?",
        ),
        # A place whose value is a block below it: the problem is placed at the key.
        (
            "name: x\nmunicipalities:\n  Kajani:\n    unemployed_change: 5\n",
            "FILE:3:3: municipalities.Kajani: unknown place 'Kajani' in Kainuu–Koillismaa; "
            "did you mean Kajaani?",
        ),
        (
            "name: x\nmunicipalities:\n  Kajaani:\n    unemployed_change: 5\n"
            "  '205':\n    unemployed_change: 3\n",
            "FILE:5:3: municipalities.205: Kajaani is already changed under 'Kajaani'; "
            "change it once",
        ),
        (
            "name: x\nunits:\n  Hyrynsalmi:\n    target: {min: 90, max: 120}\n",
            "FILE:3:3: units.Hyrynsalmi: Hyrynsalmi is served by the unit Paltamo (ml. "
            "Hyrynsalmi ja Ristijärvi); a target belongs to the whole unit: write it under "
            "'paltamo'",
        ),
        (
            "name: x\nunits:\n  Kajaanii:\n    target: {max: 90}\n",
            "FILE:3:3: units.Kajaanii: unknown place 'Kajaanii' in Kainuu–Koillismaa; "
            "did you mean Kajaani?",
        ),
        # Under units, a misspelt member is told its unit, which takes the target (not
        # the member, which would be refused next).
        (
            "name: x\nunits:\n  Hyrynsalmii:\n    target: {max: 90}\n",
            "FILE:3:3: units.Hyrynsalmii: unknown place 'Hyrynsalmii' in Kainuu–Koillismaa; "
            "did you mean Paltamo (ml. Hyrynsalmi ja Ristijärvi)?",
        ),
        (  # (a municipality that is its own unit: by its name)
            "name: x\nunits:\n  Sotkamoo:\n    target: {max: 90}\n",
            "FILE:3:3: units.Sotkamoo: unknown place 'Sotkamoo' in Kainuu–Koillismaa; "
            "did you mean Sotkamo?",
        ),
        # An unknown field is placed at its key, on the value's line too (quoted or not).
        (
            'name: x\ntarget: {min: 5, "maxx": 10}\n',
            "FILE:2:18: target.maxx: unknown field 'maxx'; did you mean 'max'?",
        ),
        (
            "name: x\nmunicipalities:\n  Kajaani: {unemployed_chnge: 5}\n",
            "FILE:3:13: municipalities.Kajaani.unemployed_chnge: unknown field "
            "'unemployed_chnge'; did you mean 'unemployed_change'?",
        ),
        (  # (a key written with an escape; the invisible character shown as one)
            'name: x\nmunicipalities:\n  "Kaj\\u200baani": {unemployed_change: 5}\n',
            "FILE:3:3: municipalities.Kaj\\u200baani: unknown place 'Kaj\\u200baani' in "
            "Kainuu–Koillismaa; did you mean Kajaani?",
        ),
        # A field written in Finnish finds its English name (`maks` had no suggestion).
        (
            "name: x\ntarget: {min: 100, maks: 150}\n",
            "FILE:2:20: target.maks: unknown field 'maks'; did you mean 'max'?",
        ),
        (
            "name: x\ntarget: {noin: 100}\n",  # (difflib's nearest is 'min')
            "FILE:2:10: target.noin: unknown field 'noin'; did you mean 'about'?",
        ),
        (  # (a key without a value in a flow mapping)
            "name: x\ntarget: {min: 5, maxx}\n",
            "FILE:2:18: target.maxx: unknown field 'maxx'; did you mean 'max'?",
        ),
        # Nothing close: under units, the units are listed, not the members of one.
        (
            "name: x\nunits:\n  Zzzz: {target: {max: 90}}\n",
            "FILE:3:3: units.Zzzz: unknown place 'Zzzz' in Kainuu–Koillismaa; known "
            "municipalities: Kajaani, Kuhmo, Kuusamo, Puolanka, Sotkamo, Suomussalmi, "
            "Taivalkoski; service units: Paltamo (ml. Hyrynsalmi ja Ristijärvi)",
        ),
        # Under municipalities, the member itself.
        (
            "name: x\nmunicipalities:\n  Hyrynsalmii:\n    unemployed_change: 5\n",
            "FILE:3:3: municipalities.Hyrynsalmii: unknown place 'Hyrynsalmii' in "
            "Kainuu–Koillismaa; did you mean Hyrynsalmi?",
        ),
        # A field written beside its place, not under it: once, as that (it was an empty
        # place, an unknown place and a value of no place).
        (
            "name: x\nmunicipalities:\n  Kajaani:\n  unemployed_change: 20\n",
            "FILE:4:3: municipalities.unemployed_change: unemployed_change is a field of "
            "Kajaani, not a place: indent it under Kajaani",
        ),
        (
            "name: x\nunits:\n  Kuhmo:\n  target: {max: 90}\n",
            "FILE:4:3: units.target: target is a field of Kuhmo, not a place: indent it under "
            "Kuhmo",
        ),
    ],
)
def test_problems_name_file_line_and_column(
    tmp_path: Path, area: Area, text: str, expected: str
) -> None:
    assert problems(write(tmp_path, text), area) == [expected]


def test_a_field_beside_an_unknown_place_keeps_the_places_did_you_mean(
    tmp_path: Path, area: Area
) -> None:
    path = write(tmp_path, "name: x\nmunicipalities:\n  Kajani:\n  unemployed_change: 20\n")
    assert problems(path, area) == [
        "FILE:3:3: municipalities.Kajani: unknown place 'Kajani' in Kainuu–Koillismaa; did "
        "you mean Kajaani?",
        "FILE:4:3: municipalities.unemployed_change: unemployed_change is a field of Kajani, "
        "not a place: indent it under Kajani",
    ]


def test_a_municipality_takes_only_an_unemployed_change(tmp_path: Path, area: Area) -> None:
    path = write(tmp_path, "name: x\nmunicipalities:\n  Kajaani: {target: {max: 90}}\n")
    assert problems(path, area) == [
        "FILE:3:12: municipalities.Kajaani.unemployed_change: "
        "the required field 'unemployed_change' is missing",
        "FILE:3:13: municipalities.Kajaani.target: unknown field 'target'; known fields: "
        "unemployed_change",
    ]


def test_a_decimal_comma_inside_braces_is_told_as_one(tmp_path: Path, area: Area) -> None:
    """`{unemployed_change: 2,5}` is read as `{unemployed_change: 2, 5: null}`: it was an
    "unknown field '5'", with no word of the comma."""
    path = write(tmp_path, "name: x\nmunicipalities:\n  Kajaani: {unemployed_change: 2,5}\n")
    assert problems(path, area) == [
        "FILE:3:34: municipalities.Kajaani.5: unknown field '5': a comma inside {…} starts "
        "another field; use a decimal point, not a comma: unemployed_change: 2.5",
    ]


def test_one_run_names_every_problem_of_the_file(tmp_path: Path, area: Area) -> None:
    # A wrong value and an unknown place: both, from the top of the file down.
    path = write(
        tmp_path,
        "name: x\n"
        "municipalities:\n"
        "  Kajaanii: {unemployed_change: 5}\n"
        "  Kuhmo: {unemployed_change: '2,5'}\n",
    )
    assert problems(path, area) == [
        "FILE:3:3: municipalities.Kajaanii: unknown place 'Kajaanii' in Kainuu–Koillismaa; "
        "did you mean Kajaani?",
        "FILE:4:30: municipalities.Kuhmo.unemployed_change: expected a change in per cent "
        "(a number), found the text '2,5'; write a plain number of per cent, e.g. 2.5",
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("'2,08'", "; use a decimal point, not a comma: 2.08"),
        # (2000 is above the 1000 a factor may be: it is not suggested)
        ("'2 000'", ""),
        ("lots", ""),
        ("'…'", ""),  # a scenario has no withheld cells: no hint to write one
        ("'0,0'", ""),  # (no hint to write 0.0, which is refused too)
    ],
)
def test_a_factor_written_as_text_gets_a_hint(
    tmp_path: Path, area: Area, written: str, hint: str
) -> None:
    path = write(tmp_path, f"name: x\nclients_per_unemployed: {written}\n")
    found = written.strip("'")
    assert problems(path, area) == [
        "FILE:2:25: clients_per_unemployed: expected a number above 0 and at most 1000, "
        f"found the text '{found}'{hint}"
    ]


def test_a_factor_of_zero_is_refused(tmp_path: Path, area: Area) -> None:
    """It left no clients: every unit "under"."""
    path = write(tmp_path, "name: x\nclients_per_unemployed: 0\n")
    assert problems(path, area) == [
        "FILE:2:25: clients_per_unemployed: expected a number above 0 and at most 1000, found 0"
    ]


def test_an_unknown_field_holding_a_mapping_is_placed_at_its_key(
    tmp_path: Path, area: Area
) -> None:
    path = write(tmp_path, "name: x\nmunicipality:\n  Kajaani: {unemployed_change: 5}\n")
    assert problems(path, area) == [
        "FILE:2:1: municipality: unknown field 'municipality'; did you mean 'municipalities'?"
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # (the command line's advice, "name no place", was given in a file)
        (
            "municipalities:\n  Kainuu-Koillismaa: {unemployed_change: 5}\n",
            "unknown place 'Kainuu-Koillismaa' in Kainuu–Koillismaa: it is the area itself; a "
            "change of the whole area is written at the top of the file",
        ),
        # (a member's code under units: its unit takes the target, not "Hyrynsalmi (105)")
        (
            "units:\n  KU105: {target: {min: 100, max: 150}}\n",
            "unknown place 'KU105' in Kainuu–Koillismaa; did you mean Paltamo (ml. Hyrynsalmi "
            "ja Ristijärvi)?",
        ),
    ],
)
def test_a_place_of_a_scenario_file_is_told_what_the_file_takes(
    tmp_path: Path, area: Area, text: str, said: str
) -> None:
    path = write(tmp_path, "name: t\n" + text)
    with pytest.raises(DataErrors) as refused:
        load_scenario(path, area, ClientBase())
    assert [error.message for error in refused.value.errors] == [said]


def test_a_file_that_is_not_a_mapping(tmp_path: Path, area: Area) -> None:
    assert problems(write(tmp_path, "- name: x\n"), area) == [
        "FILE:1:1: expected a mapping of fields (name: value), found a list"
    ]


# ---------------------------------------------------------------- the command


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_scenario_shows_base_and_scenario_side_by_side() -> None:
    code, out = run("scenario", str(EXAMPLE))
    assert code == 0, out
    assert "base case against scenario 'unemployment up a fifth'" in out
    header = "".join(line for line in out.splitlines() if line.startswith("┃"))
    assert "(base)" in header and "(scenario)" in header
    assert (
        "Scenario 'unemployment up a fifth': unemployed +20 %, target 100–150 for every unit, "
        "Kajaani unemployed +33 %, Paltamo (ml. Hyrynsalmi ja Ristijärvi) target 90–120."
    ) in out
    kajaani = next(line for line in out.splitlines() if "Kajaani" in line and "│" in line)
    cells = [cell.strip() for cell in kajaani.split("│")[1:-1]]
    # unit, unemployed base/scenario, clients base/scenario, target ×2, caseload ×2,
    # status ×2, with the pool ×2
    assert cells == [
        "Kajaani",
        "1 384",
        "1 841",
        "1 384",
        "1 841",
        "100–150 avg",
        "100–150",
        "461",
        "614",
        "staffing incomplete",
        "staffing incomplete",
        "≥ ~79",  # 1 384 / (3 + 14.5): at least, of at most ~14.5 left
        "≥ ~105",  # 1 841 / (3 + 14.5)
    ]


def test_a_scenarios_data_rows_name_a_members_unit_so_that_units_sum_to_the_area() -> None:
    # (the members were rows like their unit's, and a sum of the rows counted them twice)
    code, out = run("scenario", str(EXAMPLE), "-f", "csv")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    by_unit = {row["unit"]: row for row in rows}
    assert by_unit["Hyrynsalmi"]["served_by"] == "Paltamo (ml. Hyrynsalmi ja Ristijärvi)"
    assert by_unit["Kajaani"]["served_by"] == ""
    area, units = rows[-1], rows[:-1]
    for side in ("base", "scenario"):
        key = f"unemployed_{side}"
        summed = sum(int(row[key]) for row in units if not row["served_by"])
        assert summed == int(area[key])
    assert area["unemployed_base"] == "3217"


@pytest.mark.parametrize(
    ("table", "unit", "expected"),
    [
        # clients, target, planned FTE, FTE needed, gap (base, scenario each)
        (
            "staffing",
            "Kuhmo",
            ["Kuhmo", "263", "316", "under 100", "100–150", "6.0", "6.0", "≥ 2.6", "2.1–3.2",
             "≤ 3.4", "2.8–3.9", "within", "under", "", ""],
        ),
        # clients, target, allocated FTE, caseload after, status, more FTE needed (the
        # status was not shown, even with --wide)
        (
            "allocate",
            "Kajaani",
            # (the "more FTE needed" columns are empty in every row, so the table view
            # leaves them out)
            ["Kajaani", "1 384", "1 841", "100–150 avg", "100–150", "14.5", "14.5", "79", "105",
             "under", "within"],
        ),
    ],
)  # fmt: skip
def test_scenario_other_tables(table: str, unit: str, expected: list[str]) -> None:
    code, out = run("scenario", str(EXAMPLE), "--table", table)
    assert code == 0, out
    line = next(line for line in out.splitlines() if f"│ {unit} " in line)
    assert [cell.strip() for cell in line.split("│")[1:-1]] == expected


@pytest.mark.parametrize("table", ["caseload", "staffing", "allocate"])
def test_a_scenario_of_plus_zero_shows_the_base_case_on_both_sides(
    tmp_path: Path, table: str
) -> None:
    path = write(tmp_path, "name: nothing changes\nunemployed_change: +0\n")
    code, out = run("scenario", str(path), "--table", table)
    assert code == 0, out
    rows = [line.split("│")[1:-1] for line in out.splitlines() if line.startswith("│")]
    assert len(rows) >= 9
    for cells in rows:
        values = [cell.strip() for cell in cells[1:]]
        assert values[0::2] == values[1::2]  # base, scenario, base, scenario, ...


def test_a_scenario_client_base_applies_to_the_scenario_only(tmp_path: Path) -> None:
    path = write(tmp_path, "name: broad clients\nclients_per_unemployed: 2\n")
    code, out = run("scenario", str(path))
    assert code == 0, out
    kuhmo = next(line for line in out.splitlines() if "│ Kuhmo " in line)
    cells = [cell.strip() for cell in kuhmo.split("│")[1:-1]]
    assert cells[1:5] == ["263", "263", "263", "526"]
    assert "client base unemployed job seekers × 2" in out
    # The file sets the scenario's factor: the option changes the base case only.
    said = " ".join(out.split())
    assert (
        "Base: Clients: unemployed job seekers (2023-08). Change with --clients-per-unemployed "
        "FACTOR. "
    ) in said
    assert "Scenario: Clients: unemployed job seekers (2023-08) × 2. Base:" not in said
    assert "Scenario: Clients: unemployed job seekers (2023-08) × 2. " in said
    # each side's own note where the base case's stands, before the notes both share
    assert said.index("Base: Clients:") < said.index("Staffing incomplete: Kajaani")
    assert said.count("Change with --clients-per-unemployed") == 1
    # A file that sets the client base only takes the option's factor: the note stays.
    path = write(tmp_path, "name: same base\nclient_base: unemployed\n")
    code, out = run("scenario", str(path), "--clients-per-unemployed", "2")
    assert code == 0, out
    said = " ".join(out.split())
    # The same as the base case's: said once, of both sides (it read "Base: Clients:", as
    # if the scenario's clients were other).
    assert "Scenario: Clients:" not in said and "Base: Clients:" not in said
    assert (
        "Clients: unemployed job seekers (2023-08) × 2. Change with "
        "--clients-per-unemployed FACTOR."
    ) in said
    assert said.count("Change with --clients-per-unemployed FACTOR") == 1


def test_a_gap_of_no_known_end_is_explained(tmp_path: Path) -> None:
    """With a target for every unit, Kajaani's `under 120` among them, the area needs at
    least 33.4 FTE and plans at least 45.5: its gap was a `?` that nothing explained."""
    units = "units:\n  Kajaani: {target: {max: 120}}\n  Sotkamo: {target: {about: 110}}\n"
    path = write(tmp_path, f"name: targets\n{units}")
    code, out = run("scenario", str(path), "--table", "staffing")
    assert code == 0, out
    area = next(line for line in out.splitlines() if "│ Kainuu–Koillismaa" in line)
    cells = [cell.strip() for cell in area.split("│")[1:-1]]
    assert cells[9:11] == ["", "?"]  # gap (base): no target for Sotkamo; (scenario): ?
    assert (
        "Scenario: Gap ? for Kainuu–Koillismaa (area): the planned FTE and the FTE needed are "
        "both lower bounds (≥), so the gap between them is not known."
    ) in " ".join(out.split())


def test_a_bad_scenario_file_exits_2_with_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, "name: x\nunemployed_change: lots\n")
    code, out = run("scenario", str(path))
    assert code == 2
    assert f"{path}:2:20: unemployed_change: expected a change in per cent" in out
    assert "1 problem in the scenario file" in out


def test_a_client_base_the_statistics_lack_is_placed_at_the_files_client_base(
    tmp_path: Path,
) -> None:
    # The plan's month counts the unemployed only, not every job seeker.
    path = write(tmp_path, "name: x\nclient_base: job-seekers\n")
    result = CliRunner().invoke(app, ["scenario", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"error: {path}:2:14: client_base: these statistics have no count of all job "
        "seekers; import a month of the official statistics or write client_base: unemployed",
        "1 problem in the scenario file",
    ]
    finnish = CliRunner().invoke(app, ["--lang", "fi", "scenario", str(path)])
    assert finnish.exit_code == 2
    assert "kirjoita client_base: unemployed" in finnish.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--table", "commuting"), "unknown table 'commuting'"),
        (("--table", "allocate", "--step", "2"), "not a whole number of 2 FTE steps"),
        # The allocation's options are never silently ignored.
        (("--pool", "50"), "error: --pool applies to --table allocate, not caseload"),
        (
            ("--table", "staffing", "--step", "1", "--method", "proportional", "--ignore-stated"),
            "error: --step, --method, --ignore-stated apply to --table allocate, not staffing",
        ),
        # Given at its default value, too: given is given.
        (("--table", "staffing", "--step", "0.5"), "error: --step applies to --table allocate"),
        (
            ("--method", "even-caseload"),
            "error: --method applies to --table allocate, not caseload",
        ),
    ],
)
def test_scenario_usage_problems(args: tuple[str, ...], message: str) -> None:
    code, out = run("scenario", str(EXAMPLE), *args)
    assert code == 2
    assert message in out


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A municipality's own change: at that change.
        ("name: x\nmunicipalities:\n  Hyrynsalmi: {unemployed_change: 900}\n", "3:35"),
        # The file's change, for a municipality without one of its own: at the file's.
        (
            "name: x\nunemployed_change: 900\nmunicipalities:\n  Kajaani: {unemployed_change: 1}\n",
            "2:20",
        ),
    ],
)
def test_a_change_more_than_the_labour_force_is_placed_in_the_file(
    tmp_path: Path, text: str, place: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    code, out = run("scenario", str(path))
    assert code == 2
    assert out.startswith(f"error: {path}:{place}: ")
    assert "gives Hyrynsalmi 780 unemployed in 2023-08, more than its labour force of 765" in out


def test_every_change_that_does_not_fit_is_placed_in_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name: x\n"
        "unemployed_change: 2000\n"
        "municipalities:\n"
        "  Kuhmo:\n"
        "    unemployed_change: 3000\n"
        "  Sotkamo: {unemployed_change: 1}\n"
        "  Hyrynsalmi: {unemployed_change: 1}\n",
    )
    code, out = run("scenario", str(path))
    assert code == 2
    lines = out.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems in the scenario file"
    places = [line.split(": unemployed +")[0].removeprefix(f"error: {path}:") for line in lines]
    named = [line.split(" gives ")[1].split(" ")[0] for line in lines[:-1]]
    # The file's own change, for each municipality it bars, then Kuhmo's own (line 5).
    assert places[-2] == "5:24: municipalities.Kuhmo.unemployed_change"
    assert named[-1] == "Kuhmo"
    assert set(places[:-2]) == {"2:20: unemployed_change"}
    assert "Kajaani" in named and "Kuusamo" in named
    assert not {"Sotkamo", "Hyrynsalmi"} & set(named)  # changed by 1 % only
    assert len(named) == len(set(named))


@pytest.mark.parametrize(
    ("name", "column", "problem"),
    [
        ("\\U0011FFFF", 10, "\\U0011FFFF names no character"),  # was an internal error
        ("\\ud800", 10, "\\ud800 names no character"),
        ("\\q", 10, "\\q is not an escape YAML knows in double quotes"),
    ],
)
def test_a_bad_escape_in_a_scenario_file(
    tmp_path: Path, name: str, column: int, problem: str
) -> None:
    path = write(tmp_path, f'name: "ab{name}"\nunemployed_change: 5\n')
    code, out = run("scenario", str(path))
    assert code == 2
    assert out.startswith(f"error: {path}:1:{column}: YAML syntax error: {problem}")
    assert out.endswith("1 problem in the scenario file\n")


def test_a_key_given_twice_does_not_hide_the_other_problems(tmp_path: Path, area: Area) -> None:
    path = write(tmp_path, "name: x\nname: y\nunemployed_change: lots\ntarget: {max: 0}\n")
    assert problems(path, area) == [
        "FILE:2:1: name: the key 'name' appears twice in this mapping, on line 1 and on line "
        "2; keep one",
        "FILE:3:20: unemployed_change: expected a change in per cent (a number), found the "
        "text 'lots'; write a plain number of per cent, e.g. 20",
        "FILE:4:15: target.max: expected a number of clients per advisor, 1 or more, found 0",
    ]


def test_a_missing_scenario_file(tmp_path: Path) -> None:
    code, out = run("scenario", str(tmp_path / "none.yaml"))
    assert code == 2
    assert "none.yaml: file not found" in out


def test_the_output_may_not_be_the_scenario_file(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.yaml"
    scenario.write_bytes(EXAMPLE.read_bytes())
    code, out = run("scenario", str(scenario), "-f", "csv", "-o", str(scenario))
    assert code == 2
    assert out == (
        f"error: cannot write {scenario}: it is a data file this run reads; choose another "
        "name for the output\n"
    )
    assert scenario.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "name: x\nunemployed_change: [\n",
            "2:20: YAML syntax error: the [ opened",
        ),  # the reader's
        ("name: x\nunemployed_change: -150 %\n", "2:20: unemployed_change"),  # the model's
        (
            "name: x\nmunicipalities:\n  Kuhmoo: {unemployed_change: 5}\n",
            "3:3: municipalities.Kuhmoo: unknown",
        ),  # a name
        (
            "name: x\nmunicipalities:\n  Kajaani: {unemployed_change: 10000}\n",
            "3:32: municipalities.Kajaani.unemployed_change: unemployed +10000 % gives Kajaani",
        ),  # the month's figures
    ],
)
def test_a_scenario_files_problems_are_counted_in_the_scenario_file(
    tmp_path: Path, text: str, where: str
) -> None:
    path = write(tmp_path, text)
    result = CliRunner().invoke(app, ["scenario", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {path}:{where}"), lines
    assert lines[-1] == "1 problem in the scenario file"


def test_large_counts_in_a_refusal_have_their_thousands_apart(tmp_path: Path) -> None:
    """As the tables write the same counts: `139 784` (it said `139,784`, which a Finnish
    reader of an English run takes for 139.784)."""
    path = write(tmp_path, "name: x\nmunicipalities:\n  Kajaani: {unemployed_change: 10000}\n")
    result = CliRunner().invoke(app, ["scenario", str(path)])
    assert result.exit_code == 2, result.output
    assert "gives Kajaani 139 784 unemployed in 2023-08, more than its labour force of 16 615" in (
        result.stderr
    )
    finnish = CliRunner().invoke(app, ["--lang", "fi", "scenario", str(path)])
    assert "139\u202f784" in finnish.stderr and "16\u202f615" in finnish.stderr


def test_a_change_in_a_finnish_message_has_the_decimal_comma(tmp_path: Path) -> None:
    path = write(tmp_path, "name: x\nmunicipalities:\n  Kajaani: {unemployed_change: 9000.5}\n")
    result = CliRunner().invoke(app, ["--lang", "fi", "scenario", str(path)])
    assert result.exit_code == 2, result.output
    said = "työttömien muutos +9000,5 % antaa kunnalle Kajaani 125\u202f951 työtöntä"
    assert said in result.stderr


def test_an_empty_value_in_finnish(tmp_path: Path) -> None:
    path = write(tmp_path, "name: x\nunemployed_change:\ntarget: {min: , max: 150}\n")
    result = CliRunner().invoke(app, ["--lang", "fi", "scenario", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[:2] == [
        f"virhe: {path}:2:19: unemployed_change: odotettiin muutosta prosentteina (luku), "
        "löytyi tyhjä arvo",
        f"virhe: {path}:3:14: target.min: löytyi tyhjä arvo: kirjoita arvo tai jätä kenttä pois",
    ]

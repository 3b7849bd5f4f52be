"""Which data a run reads: --data-dir, TYOLLISYYS_DATA_DIR, the area found from the
working folder, the bundled example, in that order, and every table says which."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area.paths import bundled_data_dir, data_source, find_area
from tyollisyys_cli.cli.app import app


def area_copy(folder: Path, *, kuhmo_unemployed: int = 263) -> Path:
    folder.mkdir(parents=True)
    for source in bundled_data_dir().glob("*.yaml"):
        shutil.copyfile(source, folder / source.name)
    plan = folder / "municipalities.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("      unemployed: 263\n") == 1
    plan.write_text(
        text.replace("      unemployed: 263\n", f"      unemployed: {kuhmo_unemployed}\n"),
        encoding="utf-8",
    )
    return folder


def kuhmo(args: list[str]) -> tuple[str, str]:
    """(the caption line, Kuhmo's unemployed) of `caseload Kuhmo --format markdown`."""
    result = CliRunner().invoke(app, [*args, "caseload", "Kuhmo", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("| Kuhmo"))
    return lines[1], row.split("|")[4].strip()


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_outside_any_area_the_bundled_example(elsewhere: Path) -> None:
    assert kuhmo([]) == ("*Data: bundled example: Kainuu–Koillismaa plan 2023*", "263")


def test_an_edited_area_is_found_from_a_folder_inside_it(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = area_copy(elsewhere / "kainuu", kuhmo_unemployed=300)
    (area / "notes").mkdir()
    monkeypatch.chdir(area / "notes")
    assert kuhmo([]) == (f"*Data: {area} (found from the working folder)*", "300")


def test_a_checkout_with_a_data_folder_is_found(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    area_copy(elsewhere / "checkout" / "data", kuhmo_unemployed=301)
    monkeypatch.chdir(elsewhere / "checkout")
    assert kuhmo([]) == ("*Data: data (found from the working folder)*", "301")


def test_the_environment_comes_before_the_found_area_and_the_option_before_both(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    area_copy(elsewhere / "data", kuhmo_unemployed=300)
    area_copy(elsewhere / "env", kuhmo_unemployed=302)
    area_copy(elsewhere / "option", kuhmo_unemployed=303)
    assert kuhmo([]) == ("*Data: data (found from the working folder)*", "300")
    monkeypatch.setenv("TYOLLISYYS_DATA_DIR", "env")
    assert kuhmo([]) == ("*Data: env (TYOLLISYYS_DATA_DIR)*", "302")
    assert kuhmo(["--data-dir", "option"]) == ("*Data: option (--data-dir)*", "303")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="owners of files")
@pytest.mark.parametrize("in_data", [False, True])
@pytest.mark.parametrize(("mode", "found"), [(0o1777, False), (0o755, True), (0o777, True)])
def test_another_users_area_in_a_folder_open_to_all_is_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int, found: bool, in_data: bool
) -> None:
    """A municipalities.yaml another user put in /tmp (or in a `data/` of theirs there)
    was found by every run below it, its figures taken silently (csv and json say
    nothing of the folder). A team's folder that is not sticky is the team's own."""
    shared = tmp_path / "shared"
    area = area_copy(shared / "data" if in_data else shared, kuhmo_unemployed=1263)
    shared.chmod(mode)
    (shared / "mywork").mkdir()
    owner = os.stat(area / "municipalities.yaml").st_uid
    if owner == 0:  # (root's file is trusted as the system's own: another's, then)
        os.chown(area / "municipalities.yaml", 12345, 12345)
    monkeypatch.setattr(os, "geteuid", lambda: 54321 if owner == 0 else owner + 1)
    monkeypatch.chdir(shared / "mywork")
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    assert (find_area(shared / "mywork") == area) is found
    result = CliRunner().invoke(app, ["caseload", "Kuhmo", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert ("Kuhmo,,3120,1263," in result.stdout) is found
    note = (
        f"note: passed over {area / 'municipalities.yaml'}: another user's, in a folder all "
        "may write, which anyone there could have put; give --data-dir to read it\n"
    )
    assert (note in result.stderr) is not found


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="root owns links")
def test_an_area_file_planted_as_a_link_to_roots_file_is_passed_over(tmp_path: Path) -> None:
    """A link another user put in /tmp to a file of root's counted as root's: it was
    taken, and every run below stopped at it (a link out of the data folder)."""
    shared = tmp_path / "shared"
    (shared / "data").mkdir(parents=True)
    shared.chmod(0o1777)
    marker = shared / "data" / "municipalities.yaml"
    marker.symlink_to(bundled_data_dir() / "municipalities.yaml")
    os.lchown(marker, 12345, 12345)
    (shared / "work").mkdir()
    passed: list[Path] = []
    assert find_area(shared / "work", passed) != marker.parent
    assert passed == [marker]


def test_find_area_stops_at_the_first_area_upwards(tmp_path: Path) -> None:
    outer = area_copy(tmp_path / "outer")
    inner = area_copy(outer / "inner" / "data")
    (inner.parent / "deep" / "er").mkdir(parents=True)
    assert find_area(inner.parent / "deep" / "er") == inner
    assert find_area(outer / "inner") == inner
    assert find_area(outer) == outer
    assert find_area(tmp_path) is None or find_area(tmp_path) not in (outer, inner)


def test_data_source_says_how_it_was_chosen(elsewhere: Path) -> None:
    assert data_source(None).origin == "bundled"
    assert data_source(Path("x")).describe() == "x (--data-dir)"


@pytest.mark.parametrize(
    ("left", "message"),
    [
        (
            ["commuting.yaml"],
            "municipalities.yaml: file not found, beside commuting.yaml of an area: put the "
            "area's municipalities.yaml back, or give --data-dir to read another area",
        ),
        (
            ["commuting.yaml", "statistics/2026-06.csv"],
            "municipalities.yaml: file not found, beside commuting.yaml of an area: put the "
            "area's municipalities.yaml back, or give --data-dir to read another area",
        ),
        (
            ["statistics/2026-06.csv"],
            "municipalities.yaml: file not found, beside statistics/2026-06.csv of an area: "
            "put the area's municipalities.yaml back, or give --data-dir to read another area",
        ),
        (
            ["municipalities.yml"],
            "municipalities.yaml: file not found; there is municipalities.yml: rename it to "
            "municipalities.yaml",
        ),
        (
            ["commuting.yaml", "municipalities.yaml/"],
            "municipalities.yaml: is a directory, expected a YAML file",
        ),
    ],
)
def test_an_area_that_lost_its_municipalities_file_is_not_taken_for_the_bundled_one(
    elsewhere: Path, left: list[str], message: str
) -> None:
    """A folder with an area's other files was passed over, and its runs showed the
    bundled example's figures of 2023 (the Data line the only clue)."""
    for name in left:
        path = elsewhere / name
        path.parent.mkdir(exist_ok=True)
        if name.endswith("/"):
            path.mkdir()
        elif name == "commuting.yaml":
            shutil.copyfile(bundled_data_dir() / name, path)
        elif name == "municipalities.yml":
            shutil.copyfile(bundled_data_dir() / "municipalities.yaml", path)
        else:  # (a month's file as import writes it: its header)
            path.write_text("municipality,labour_force,unemployed\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["trend", "Kuhmo"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"error: {message}", "1 problem in the data files"]


@pytest.mark.parametrize(
    "left",
    [
        "statistics/",
        "statistics/notes.txt",
        "data/commuting.csv",
        # What the tool itself writes, and a folder's other files, are no signs of an area:
        # every later run there failed (exit 2).
        "commuting.yaml",  # (a table written as JSON under that name)
        "municipalities.yml",
        "statistics/2026-06.csv",  # (a table's CSV)
        "statistics/2026-05-report.pdf",
    ],
)
def test_a_folder_with_none_of_an_areas_files_reads_the_bundled_example(
    elsewhere: Path, left: str
) -> None:
    path = elsewhere / left
    path.parent.mkdir(parents=True, exist_ok=True)
    if left.endswith(".yaml") or left.endswith(".yml"):
        assert CliRunner().invoke(app, ["commuting", "-f", "json", "-o", left]).exit_code == 0
    elif left.endswith(".csv"):
        assert CliRunner().invoke(app, ["trend", "-f", "csv", "-o", left]).exit_code == 0
    elif not left.endswith("/"):
        path.write_text("kept\n", encoding="utf-8")
    assert kuhmo([]) == ("*Data: bundled example: Kainuu–Koillismaa plan 2023*", "263")


def test_the_statistics_folder_given_as_the_data_folder_is_told_the_areas(
    elsewhere: Path,
) -> None:
    area = area_copy(elsewhere / "kk")
    (area / "statistics").mkdir()
    result = CliRunner().invoke(app, ["--data-dir", "kk/statistics", "caseload"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        "error: kk/statistics/municipalities.yaml: file not found: kk/statistics is the folder "
        "of the monthly statistics of the area in kk; give --data-dir kk",
        "1 problem in the data files",
    ]


def test_another_users_sign_of_an_area_in_a_folder_open_to_all_is_named_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commuting.yaml planted in /tmp was passed over, and the note named a
    municipalities.yaml that is not there."""
    shared = tmp_path / "shared"
    (shared / "mywork").mkdir(parents=True)
    planted = shared / "commuting.yaml"
    shutil.copyfile(bundled_data_dir() / "commuting.yaml", planted)
    shared.chmod(0o1777)
    owner = os.stat(planted).st_uid
    if owner == 0:  # (root's file is trusted as the system's own: another's, then)
        os.chown(planted, 12345, 12345)
    monkeypatch.setattr(os, "geteuid", lambda: 54321 if owner == 0 else owner + 1)
    monkeypatch.chdir(shared / "mywork")
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    result = CliRunner().invoke(app, ["caseload", "Kuhmo", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"note: passed over {planted}: another user's, in a folder all may write, which "
        "anyone there could have put; give --data-dir to read it\n"
    )


def test_the_statistics_folder_given_as_dot_is_told_the_areas(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = area_copy(elsewhere / "kk")
    (area / "statistics").mkdir()
    monkeypatch.chdir(area / "statistics")
    result = CliRunner().invoke(app, ["--data-dir", ".", "caseload"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == (
        "error: municipalities.yaml: file not found: . is the folder of the monthly "
        f"statistics of the area in {area.resolve()}; give --data-dir {area.resolve()}"
    )
    # Through a link to it: the area where the link leads, not the link's folder.
    monkeypatch.chdir(elsewhere)
    Path("linked").symlink_to(area / "statistics")
    linked = CliRunner().invoke(app, ["--data-dir", "linked", "caseload"])
    assert linked.stderr.splitlines()[0] == (
        "error: linked/municipalities.yaml: file not found: linked is the folder of the "
        "monthly statistics of the area in kk; give --data-dir kk"
    )
    # An area's statistics folder that is a link to another area's: the area it stands
    # in (it named the other area), and no such word of a folder of another name.
    mine = area_copy(elsewhere / "mine")
    (mine / "statistics").symlink_to(area / "statistics")
    (mine / "notes").mkdir()
    for folder, said in (
        ("mine/statistics", "file not found: mine/statistics is the folder of the monthly "
         "statistics of the area in mine; give --data-dir mine"),
        ("mine/notes", "file not found"),
    ):  # fmt: skip
        result = CliRunner().invoke(app, ["--data-dir", folder, "caseload"])
        assert result.stderr.splitlines()[0] == f"error: {folder}/municipalities.yaml: {said}"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # (a month saved by a spreadsheet in a Finnish locale, `;` between its cells)
        ("statistics/2026-06.csv", "municipality;labour_force;unemployed\n"),
        ("statistics/2026-06.csv", '"municipality","labour_force"\n'),
        ("statistics/2023-09.yaml", "rows:\n  - municipality: '205'\n    labour_force: 1\n"),
        # (a commuting.yaml whose rows come after a long comment, or a byte order mark)
        ("commuting.yaml", "# " + "x" * 5000 + "\nrows:\n  - municipality: '205'\n"),
        ("commuting.yaml", "\ufeffsource: TEM\r\nrows:\r\n  - municipality: '205'\r\n"),
    ],
)
def test_an_areas_file_as_a_user_may_have_saved_it_is_a_sign_too(
    elsewhere: Path, name: str, text: str
) -> None:
    """Such a folder was passed over for the bundled example (exit 0, its 2023 figures)."""
    path = elsewhere / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["caseload"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: municipalities.yaml: file not found, beside {name} ")


def test_another_tools_commuting_yaml_below_an_area_does_not_hide_it(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commuting.yaml of another tool, with a `rows:` key among others, in a folder
    below an area was taken for that area's, and every run there failed."""
    area = area_copy(elsewhere / "kainuu", kuhmo_unemployed=300)
    other = area / "tools" / "other"
    other.mkdir(parents=True)
    (other / "commuting.yaml").write_text(
        "name: routes\n" + "# padding\n" * 600 + "rows:\n  - from: a\n    to: b\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(other)
    assert kuhmo([]) == (f"*Data: {area} (found from the working folder)*", "300")


@pytest.mark.parametrize(
    ("folders", "note"),
    [
        # (the layout of the CI example in docs/monthly-routine.md, run from the
        # repository's root: csv and -o gave no sign that the bundled plan was read)
        (
            ["kainuu"],
            "note: this reads the bundled example: no data folder was given and none was "
            "found from the working folder up, but kainuu below holds an area; give "
            "--data-dir kainuu to read it",
        ),
        (
            ["b-area/data", "a-area"],
            "note: this reads the bundled example: no data folder was given and none was "
            "found from the working folder up, but a-area, b-area/data below hold areas; "
            "give --data-dir a-area (or another) to read one",
        ),
        (["notes/deeper/area", ".hidden"], None),  # (only the folders just below)
        (
            ["a", "b", "c", "d", "e", "f"],  # (the first few named: twenty made a paragraph)
            "note: this reads the bundled example: no data folder was given and none was "
            "found from the working folder up, but a, b, c, d and 2 more below hold areas; "
            "give --data-dir a (or another) to read one",
        ),
        # (as a shell takes it: `--data-dir area one` ran `one` as a command)
        (
            ["area one"],
            "note: this reads the bundled example: no data folder was given and none was "
            "found from the working folder up, but 'area one' below holds an area; give "
            "--data-dir 'area one' to read it",
        ),
    ],
)
def test_an_area_just_below_the_working_folder_is_named(
    elsewhere: Path, folders: list[str], note: str | None
) -> None:
    for folder in folders:
        area_copy(elsewhere / folder, kuhmo_unemployed=300)
    # (a loop of links beside them: passed, not every folder with it)
    (elsewhere / "l1").symlink_to("l2")
    (elsewhere / "l2").symlink_to("l1")
    for command in (["caseload", "Kuhmo", "--format", "csv"], ["check", "--select", "TOT001"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code in (0, 1), result.output
        assert [line for line in result.stderr.splitlines() if line.startswith("note:")] == (
            [note] if note else []
        )  # (check said nothing: it never wrote the run's notes)
    assert (
        "\nKuhmo,,3120,263," in CliRunner().invoke(app, ["caseload", "Kuhmo", "-f", "csv"]).stdout
    )


def test_a_report_that_cannot_be_written_says_only_why(elsewhere: Path) -> None:
    # (check wrote the run's notes before its report, also when the report could not be
    # written: every other command says only why not)
    area_copy(elsewhere / "kainuu")
    result = CliRunner().invoke(app, ["check", "-o", str(elsewhere / "no" / "such" / "x.json")])
    assert result.exit_code != 0
    assert [line for line in result.stderr.splitlines() if line.startswith("note:")] == []

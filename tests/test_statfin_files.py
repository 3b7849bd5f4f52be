"""The monthly statistics files: validation with file:line:col, names, the plan's month."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from clirunner import CliRunner
from edits import MONTH_HEADER
from lines import line_of
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.reference.classification import (
    UnknownEmploymentArea,
    find_employment_area,
    municipalities,
)

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"


@pytest.fixture
def month_file(tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    result = CliRunner().invoke(app, ["--data-dir", str(target), "import", "statfin", str(EXPORT)])
    assert result.exit_code == 0, result.output
    return target / "statistics" / "2026-06.csv"


def errors_after(path: Path, old: str, new: str) -> list[str]:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return errors_of(path.parent.parent)


def errors_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_area(data_dir)
    return [str(error) for error in caught.value.errors]


KAJAANI = "205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,"


def column_of(line: str, cell: int) -> int:
    """1-based character column of the cell numbered `cell` (0-based) of a plain line."""
    return len(",".join(line.split(",")[:cell])) + (2 if cell else 1)


def test_bad_value_is_placed(month_file: Path) -> None:
    line = KAJAANI.replace(",2066,", ",2 066,")
    errors = errors_after(month_file, KAJAANI, line)
    # Kajaani is the second row (rows[1]); unemployed is its fourth cell.
    assert column_of(line, 3) == len("205,16917,12.2,") + 1 == 16
    assert errors == [
        f"{month_file}:{line_of(month_file, line)}:16: rows[1].unemployed (Kajaani): "
        "expected a whole number (0 or more), found the text '2 066'; "
        "write numbers without spaces: 2066"
    ]


def test_cells_are_validated_as_in_yaml(month_file: Path) -> None:
    line = KAJAANI.replace(",132,", ",-5,").replace(",287,", ",...,").replace(",899,", ",yes,")
    text = month_file.read_text("utf-8").replace(KAJAANI, line, 1)
    month_file.write_text(text, "utf-8")
    assert errors_of(month_file.parent.parent) == [
        f"{month_file}:3:{column_of(line, 5)}: rows[1].women (Kajaani): expected a whole number (0 "
        "or more), `withheld` or `missing`, found the text 'yes'; this is a yes/no word, not a "
        "number",
        f"{month_file}:3:{column_of(line, 6)}: rows[1].under_20 (Kajaani): expected a whole number "
        "(0 or more), `withheld` or `missing`, found -5, a negative count",
        f"{month_file}:3:{column_of(line, 11)}: rows[1].foreign (Kajaani): write a withheld cell "
        '("..." in the plan) as `withheld`',
    ]


def test_unknown_column_is_rejected(month_file: Path) -> None:
    errors = errors_after(month_file, ",in_services,", ",in_service,")
    column = MONTH_HEADER.index(",in_services,") + 2
    assert errors == [
        f"{month_file}:1:{column}: unknown column 'in_service' in the header; "
        "did you mean 'in_services'?"
    ]


def test_unknown_municipality_and_missing_row(month_file: Path) -> None:
    errors = errors_after(month_file, "\n205,", "\n564,")
    assert errors == [
        # (errors come in file order)
        f"{month_file}: rows: no row for Kajaani (205): a month imported before the area had "
        "it? Move this file out of statistics/ and import the month again",
        f"{month_file}:{line_of(month_file, '564,16917,')}:1: rows[1].municipality (564): "
        "unknown municipality code 564: Oulu (564) is a municipality of the employment area "
        "Oulun seutu, not of this one",
    ]


def test_plan_month_file_is_refused(month_file: Path) -> None:
    # (reference_month moved on to a month held, as in a new plan whose figures are not
    # yet written: "remove this file" was all it said, and removing it showed the old
    # plan's figures as the new month's)
    target = month_file.with_name("2023-08.csv")
    month_file.rename(target)
    assert errors_of(target.parent.parent) == [
        f"{target}: month: 2023-08 is the plan's own month (area.reference_month in "
        "municipalities.yaml), whose statistics are written there, but this file's differ "
        "from them (Hyrynsalmi (105) labour force: 765 in municipalities.yaml, 708 here; 19 "
        "more counts differ). If the plan is now of 2023-08, those in municipalities.yaml "
        "are of another month: remove them (each municipality's statistics and "
        "statistics_totals) to read 2023-08 from this file; otherwise remove this file, or "
        "write the plan's month as reference_month"
    ]


@pytest.mark.parametrize(
    ("misprint", "said"),
    [
        (
            0,
            "whose statistics are written there; remove this file, or if the plan's month is "
            "not 2023-08, write it as reference_month",
        ),
        # (one count off, as a misprint of the plan is, kept as printed: it was told that
        # the plan's statistics were all of another month, to be removed)
        (
            1,
            "whose statistics are written there as the plan prints them; this file's differ "
            "from them (Kajaani (205) unemployed: 1 384 in municipalities.yaml, 1 385 here), "
            "but the unemployed of most municipalities compared agree, as the same month's do: "
            "the plan's figures are kept as printed; remove this file, or if the plan's month "
            "is not 2023-08, write its month as reference_month",
        ),
    ],
)
def test_plan_month_file_of_the_plans_figures_is_told_to_go(
    month_file: Path, misprint: int, said: str
) -> None:
    target = month_file.with_name("2023-08.csv")
    month_file.rename(target)
    plan = yaml.safe_load((target.parent.parent / "municipalities.yaml").read_text("utf-8"))
    rows = {str(m["code"]): m["statistics"] for m in plan["municipalities"]}
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines[1:], 1):
        code, _labour_force, rate, _unemployed, rest = line.split(",", 4)
        figures = rows[code]
        unemployed = figures["unemployed"] + (misprint if code == "205" else 0)
        lines[i] = f"{code},{figures['labour_force']},{rate},{unemployed},{rest}"
    target.write_text("".join(lines), encoding="utf-8")
    assert errors_of(target.parent.parent) == [
        f"{target}: month: 2023-08 is the plan's own month (area.reference_month in "
        f"municipalities.yaml), {said}"
    ]


def test_counts_are_checked(month_file: Path) -> None:
    line = KAJAANI.replace(",626,", ",3000,")
    errors = errors_after(month_file, KAJAANI, line)
    assert errors == [
        f"{month_file}:3:{column_of(line, 9)}: rows[1].long_term (Kajaani): "
        "3000 is larger than the unemployed total 2066"
    ]


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        # (a copy kept beside the month stopped every command with no word of moving it)
        (
            "june.csv",
            "; every .csv file in statistics/ is read as a month: rename it, or move it out "
            "of the folder",
        ),
        (
            "2026-06 - kopio.csv",
            "; every .csv file in statistics/ is read as a month: rename it, or move it out "
            "of the folder",
        ),
        ("2026-6.csv", "; rename it to 2026-06.csv"),
        ("2026-00.csv", "; there is no month 00 (01 to 12)"),
        ("2026-06.Csv", "; rename it to 2026-06.csv"),
        # A month saved under another ending was left out of every table without a word.
        ("2026-06.csv.txt", "; only .csv files are read: rename it to 2026-06.csv"),
        ("2026-06.TXT", "; only .csv files are read: rename it to 2026-06.csv"),
        (
            "2026-06.tsv",
            "; only .csv files are read: save it as CSV (commas between cells) named 2026-06.csv",
        ),
        ("2026-06.xlsm", "; a workbook is not read: save it as CSV UTF-8 named 2026-06.csv"),
        ("2026-06", "; only .csv files are read: rename it to 2026-06.csv"),
        ("2026-06.xlsx", "; a workbook is not read: save it as CSV UTF-8 named 2026-06.csv"),
        ("2026-06.ods", "; a workbook is not read: save it as CSV UTF-8 named 2026-06.csv"),
    ],
)
def test_badly_named_file(month_file: Path, name: str, hint: str) -> None:
    month_file.rename(month_file.with_name(name))
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    assert [e.message for e in caught.value.errors] == [
        "a monthly statistics file is named YYYY-MM.csv, e.g. 2026-06.csv" + hint
    ]


@pytest.mark.parametrize(
    "name",
    [
        "2026-06.csv.bak",
        "2026-06.csv~",
        "2026-06.json",
        "2026-06/",
        # (the workbook the month's CSV was saved from, beside it: every run failed, and
        # its hint was to rename it onto the month held)
        "2026-06.xlsx",
        "2026-06.tsv",  # (an export of the month with tabs: taking its place would fail)
    ],
)
def test_a_backup_the_export_or_a_folder_beside_the_months_is_left_alone(
    month_file: Path, name: str
) -> None:
    kept = month_file.with_name(name.rstrip("/"))
    if name.endswith("/"):
        month_file.rename(month_file.with_name("2026-05.csv"))
        kept.mkdir()
    else:
        kept.write_bytes(month_file.read_bytes())
    held = "2026-05" if name.endswith("/") else "2026-06"
    assert load_area(month_file.parent.parent).months == ["2023-08", held]


@pytest.mark.parametrize("name", ["2026-06.yaml", "2026-06.yml", "june.yaml"])
def test_a_month_written_as_yaml_says_how_to_convert_it(month_file: Path, name: str) -> None:
    month_file.rename(month_file.with_name(name))
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    (error,) = caught.value.errors
    assert (error.file.name, error.line, error.column) == (name, 1, 1)
    assert error.message.startswith(
        "monthly statistics written as YAML (as earlier versions imported them) are no longer "
        "read; re-import the month with `tyollisyys import statfin FILE`, or write it as "
        "YYYY-MM.csv with the header row municipality,labour_force,"
    )


def test_cli_reports_place_and_exits_2(month_file: Path) -> None:
    month_file.write_text(month_file.read_text("utf-8").replace("12.2", "8,9", 1), "utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(month_file.parent.parent), "unemployment"])
    assert result.exit_code == 2
    assert f"error: {month_file}:3:" in result.output
    assert "rows[1] (Kajaani): the row has 17 cells, the header 16" in result.output


def test_classification_is_package_data() -> None:
    classification = municipalities()
    assert len(classification) == 308
    assert classification["205"].employment_area == "Kainuu-Koillismaa"
    assert classification["091"].region == "Uusimaa"
    assert find_employment_area("kainuu–koillismaa").code == "10"
    assert find_employment_area("TYOLAKEUS").name == "TyöLakeus"
    assert find_employment_area("24").name == "Oulun seutu"


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Vasa", "Pohjanmaa"),  # (a municipality in Swedish: was "did you mean Vantaa?")
        ("Vaasa", "Pohjanmaa"),
        ("Jakobstad", "Pietarsaaren seutu"),
        ("Kajana", "Kainuu-Koillismaa"),
        # A municipality spelt a little otherwise: all areas were listed.
        ("Hyrnsalmi", "Kainuu-Koillismaa?"),
        ("Kuusmo", "Kainuu-Koillismaa?"),
    ],
)
def test_an_area_asked_for_by_a_municipality_suggests_its_area_first(
    typed: str, first: str
) -> None:
    with pytest.raises(UnknownEmploymentArea) as raised:
        find_employment_area(typed)
    assert str(raised.value).startswith(f"unknown employment area {typed!r}; did you mean {first}")


def test_no_run_time_reads_outside_the_package() -> None:
    source = Path(__file__).parents[1] / "src" / "tyollisyys_cli"
    for path in source.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "shared/reference" not in text and "../shared" not in text, path


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # A region of four areas: they, listed, and no area spelt alike (Lahti) besides.
        ("Lappi", "Meri-Lappi, Pohjois- ja Itä-Lappi, Rovaseutu or Tunturi-Lappi - Pello"),
        ("Savo", "Keski-Savo, Savonlinna or Ylä-Savo"),
        # Every area of a region, however many, and no area that shares a word besides.
        (
            "Uusimaa",
            "Espoo-Kauniainen, Hanko-Inkoo-Raasepori, Helsinki, Kerava-Sipoo, Keski-Uusimaa, "
            "Kirkkonummi-Vihti-Siuntio, Lohja-Karkkila, Porvoon seutu or Vantaa",
        ),
        ("Pohjois-Savo", "Keski-Savo, Kuopio or Ylä-Savo"),
        # A region spelt a letter off: its areas, not those sharing a word with it (the
        # Lappi and Karjala areas were suggested for Pohjois-Savoo).
        ("Pohjois-Savoo", "Keski-Savo, Kuopio or Ylä-Savo"),
        ("Pohjois-Pohjanma", "Kainuu-Koillismaa, Oulun seutu, Raahe or Ylivieska-Kalajoki-Nivala"),
        # Two letters swapped: Pirkanmaa's areas (it said Pohjanmaa).
        ("Prikanmaa", "Eteläinen Keski-Suomi, Läntinen Pirkanmaa or Tampereen seutu"),
        ("Turkku", "Turku"),  # (spelt alike, where nothing else is found)
    ],
)
def test_an_area_asked_for_by_a_region_lists_its_areas(typed: str, said: str) -> None:
    with pytest.raises(UnknownEmploymentArea) as raised:
        find_employment_area(typed)
    assert str(raised.value) == f"unknown employment area {typed!r}; did you mean {said}?"


@pytest.mark.parametrize(
    "start",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # (an old Excel workbook, .xls)
        "xlsx",
    ],
)
def test_a_workbook_saved_under_a_months_name_is_told_so(month_file: Path, start: object) -> None:
    if start == "xlsx":
        import io
        import zipfile

        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        start = packed.getvalue()
    assert isinstance(start, bytes)
    month_file.write_bytes(start)
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    said = "a workbook" if start.startswith(b"PK") else "an old Office file (an .xls workbook?)"
    assert [e.message for e in caught.value.errors] == [
        f"the file is {said}, not text; save it as CSV UTF-8"
    ]


def test_a_copy_saved_as_text_beside_the_month_is_told_to_take_its_place(
    month_file: Path,
) -> None:
    """Notepad's `2026-06.csv.txt` beside the month was left out without a word (its
    edits unused), or told to be renamed onto the month held."""
    copy = month_file.with_name("2026-06.csv.txt")
    copy.write_bytes(month_file.read_bytes())
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    assert [(e.file.name, e.message) for e in caught.value.errors] == [
        (
            "2026-06.csv.txt",
            "a monthly statistics file is named YYYY-MM.csv, e.g. 2026-06.csv; only .csv files "
            "are read, and 2026-06.csv is there: if this file holds the month as it should be, "
            "put it in place of 2026-06.csv, else move it out of the folder",
        )
    ]


@pytest.mark.parametrize("damaged", [False, True])
def test_a_zip_whose_kind_unpacks_huge_or_damaged_is_no_crash(
    month_file: Path, damaged: bool
) -> None:
    """A zip's `mimetype` was unpacked whole (a 3 MB file to 3 GB: out of memory), and a
    damaged one ended in an internal error."""
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", bytes(64 * 1024 * 1024))
    raw = bytearray(packed.getvalue())
    if damaged:
        start = raw.index(b"mimetype") + len(b"mimetype")
        raw[start : start + 8] = b"\xff" * 8  # (block type 3: no such packing)
    month_file.write_bytes(bytes(raw))
    with pytest.raises(DataErrors) as caught:
        load_area(month_file.parent.parent)
    assert [e.message for e in caught.value.errors] == [
        "the file is a zip archive, not text (unpack it)"
    ]


def test_a_plan_month_with_no_statistics_anywhere_says_how_to_get_them(tmp_path: Path) -> None:
    # (a new plan's month written before its statistics came: "the data holds no
    # statistics" was all it said)
    from test_check_support import area_dir

    def move_on(plan: dict[str, Any], commuting: dict[str, Any]) -> None:
        for entry in plan["municipalities"]:
            del entry["statistics"]
        del plan["statistics_totals"]
        plan["area"]["reference_month"] = "2026-06"

    folder = area_dir(tmp_path, move_on)
    result = CliRunner().invoke(app, ["--data-dir", str(folder), "caseload"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: the data holds no statistics: the plan's month, 2026-06, has none in "
        f"municipalities.yaml nor in statistics/; import it with tyollisyys --data-dir {folder} "
        "import statfin --month 2026-06 (or from a file saved from PxWeb)"
    ]  # (with the folder given: run from elsewhere, the command without it was refused)


@pytest.mark.parametrize(
    ("changed", "moved_on"),
    [
        ({"205": (0, 1)}, False),  # one misprint
        ({"205": (7, 1)}, False),  # two counts: still no reason to remove the plan's
        # every unemployed count (the labour force is yearly, alike within a year)
        ({code: (0, 1) for code in ("105", "205", "290", "305", "578")}
         | {code: (0, 1) for code in ("620", "697", "765", "777", "832")}, True),
        # every labour force and four unemployed: six unemployed agree, as the same month's
        # do (its labour force of another year); every labour force alone; half the rows
        # off by one: no telling, both ways given (a tie was taken for the same month)
        ({code: (7, int(i < 4)) for i, code in enumerate(
            ("105", "205", "290", "305", "578", "620", "697", "765", "777", "832"))}, False),
        ({code: (7, 0) for code in (
            "105", "205", "290", "305", "578", "620", "697", "765", "777", "832")}, False),
        ({code: (1, 1) for code in ("105", "205", "290", "305", "578")}, True),
        ({code: (0, 1) for code in ("105", "205", "290", "305", "578", "620")}, True),
    ],
)  # fmt: skip
def test_a_plan_month_moved_on_is_told_from_a_misprint(
    changed: dict[str, tuple[int, int]], moved_on: bool
) -> None:
    from tyollisyys_cli.area.months import unlike_the_plan

    plan = load_area(bundled_data_dir()).plan

    def figure(code: str, field: str) -> int:
        written = getattr(next(m for m in plan.municipalities if m.code == code).statistics, field)
        labour_force, unemployed = changed.get(code, (0, 0))
        return int(written) + (labour_force if field == "labour_force" else unemployed)

    text, judged = unlike_the_plan(plan, figure, "here")
    assert text and judged is moved_on


def test_in_an_area_of_few_counts_both_ways_are_given() -> None:
    # (one municipality compared, or the rest withheld: one count cannot tell a misprint
    # from another month, so the message gives both ways: if the plan is now of the
    # month, remove its figures; otherwise remove this file)
    from tyollisyys_cli.area.months import unlike_the_plan

    plan = load_area(bundled_data_dir()).plan

    def only_kajaani(code: str, field: str) -> int:
        if code != "205":
            return -1
        kajaani = next(m for m in plan.municipalities if m.code == "205").statistics
        assert kajaani is not None
        return int(getattr(kajaani, field)) + 1

    assert unlike_the_plan(plan, only_kajaani, "here") == (
        "Kajaani (205) labour force: 16 615 in municipalities.yaml, 16 616 here; 1 more count "
        "differs",
        True,
    )

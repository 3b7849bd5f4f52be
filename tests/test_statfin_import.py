"""`import statfin`: the real June 2026 export of table 12r5 into the Kainuu–Koillismaa data."""

from __future__ import annotations

import errno
import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clirunner import CliRunner
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.core.places import resolve_places
from tyollisyys_cli.core.statistics import unemployment_table
from tyollisyys_cli.files.lock import import_lock

EXPORT = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
runner = CliRunner(env={"COLUMNS": "250"})


def run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative name → bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    return target


@pytest.fixture
def imported(area_dir: Path) -> Path:
    result = run("--data-dir", area_dir, "import", "statfin", EXPORT)
    assert result.exit_code == 0, result.output
    return area_dir


def edited_export(tmp_path: Path, edit: Any, name: str = "edited.json") -> Path:
    document = json.loads(EXPORT.read_text("utf-8"))
    edit(document)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def entry(document: dict[str, Any], key: str) -> dict[str, Any]:
    return next(e for e in document["data"] if e["key"][0] == key)


def column(document: dict[str, Any], code: str) -> int:
    contents_codes = [c["code"] for c in document["columns"] if c["type"] == "c"]
    return contents_codes.index(code)


def test_import_writes_the_month_file(imported: Path) -> None:
    text = (imported / "statistics" / "2026-06.csv").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == (
        "municipality,labour_force,unemployment_rate,unemployed,men,women,under_20,under_25,"
        "over_50,long_term,disabled_or_ill,foreign,open_vacancies,job_seekers,in_services,source"
    )
    assert len(lines) == 11  # the header and the area's ten municipalities, in its order
    assert [line[:3] for line in lines[1:]] == [
        "105",
        "205",
        "290",
        "305",
        "578",
        "620",
        "697",
        "765",
        "777",
        "832",
    ]
    source = '"Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"'
    # in_services: 21 + 0 + 49 + 189 + 0 + 253
    assert lines[2] == f"205,16917,12.2,2066,1167,899,132,422,619,626,294,287,253,3248,512,{source}"
    assert all(line.endswith("," + source) for line in lines[1:])
    assert text.endswith("\n") and "\r" not in text


def test_the_global_options_may_follow_import(area_dir: Path) -> None:
    """`import --lang fi statfin` was "no such option: --lang", though the global options
    may follow any command."""
    result = run("import", "--data-dir", area_dir, "--lang", "fi", "statfin", EXPORT)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kuukausi 6/2026 tuotiin alueelle Kainuu–Koillismaa")
    assert (area_dir / "statistics" / "2026-06.csv").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="file names are UTF-16 there")
@pytest.mark.parametrize(
    ("name", "source"),
    [
        (b"kes\xe4kuu.json", "kes\\xe4kuu.json"),  # (Latin-1, from an old zip): exit 70
        (b"x\ny.json", "x\\ny.json"),  # (blamed the export's rows, one error each)
        ("kesäkuu.json".encode(), "kesäkuu.json"),
    ],
)
def test_an_export_with_an_odd_file_name_is_imported_under_it(
    area_dir: Path, tmp_path: Path, name: bytes, source: str
) -> None:
    """The month file's `source` holds the export's name on one line, its control
    characters and bytes that are not UTF-8 written out."""
    path = os.fsencode(tmp_path) + b"/" + name
    shutil.copyfile(EXPORT, path)
    result = run("--data-dir", area_dir, "import", "statfin", os.fsdecode(path))
    assert result.exit_code == 0, result.output
    lines = (area_dir / "statistics" / "2026-06.csv").read_text("utf-8").splitlines()
    assert len(lines) == 11
    assert lines[1].endswith(f',"Statistics Finland, table 12r5 ({source})"')


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("missing.json", "file not found"),
        (
            "-",  # (`curl … | tyollisyys import statfin -`: '-: file not found')
            "an export is read from a file, not from standard input: save it first and give "
            "the file's name",
        ),
    ],
)
def test_an_export_that_is_no_file_is_named_so(
    area_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, problem: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data-dir", area_dir, "import", "statfin", given)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {given}: {problem}"
    assert not (area_dir / "statistics").exists()


def test_the_month_file_opens_as_plain_csv(imported: Path) -> None:
    import csv

    with (imported / "statistics" / "2026-06.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    hyrynsalmi = rows[0]
    assert (hyrynsalmi["municipality"], hyrynsalmi["under_25"], hyrynsalmi["in_services"]) == (
        "105",
        "withheld",
        "withheld",
    )
    assert {row["source"] for row in rows} == {
        "Statistics Finland, table 12r5 (statfin-12r5-2026M06.json)"
    }


def test_imported_month_is_the_latest_and_exact(imported: Path) -> None:
    area = load_area(imported)
    assert area.months == ["2023-08", "2026-06"]
    latest = area.snapshot()
    assert latest.month == "2026-06"
    kajaani = latest.rows["205"]
    assert (kajaani.labour_force, kajaani.unemployed, kajaani.unemployment_rate) == (
        16917,
        2066,
        12.2,
    )
    # Withheld cells stay withheld; a withheld service column makes in_services withheld.
    hyrynsalmi = latest.rows["105"]
    assert (hyrynsalmi.under_25, hyrynsalmi.foreign, hyrynsalmi.in_services) == (
        "withheld",
        "withheld",
        "withheld",
    )
    assert latest.rows["305"].job_seekers == 1197
    table = unemployment_table(area, resolve_places(area, ["Kajaani"]), latest)
    assert table.rows[0].rate == pytest.approx(2066 / 16917 * 100)
    assert round(table.rows[0].rate or 0, 1) == 12.2
    assert (table.area_row.labour_force, table.area_row.unemployed) == (38394, 4422)
    assert area.locate(latest.row_refs["205"], field_name="unemployed").line is not None


def test_unemployment_uses_the_latest_month_and_takes_month(imported: Path) -> None:
    latest = run("--data-dir", imported, "unemployment", "Kajaani")
    assert latest.exit_code == 0, latest.output
    assert "2026-06" in latest.output
    line = next(x for x in latest.output.splitlines() if "Kajaani" in x and "205" in x)
    assert "16 917" in line and "2 066" in line and "12.2" in line
    plan = run("--data-dir", imported, "unemployment", "Kajaani", "--month", "2023-08")
    line = next(x for x in plan.output.splitlines() if "Kajaani" in x and "205" in x)
    assert "16 615" in line and "1 384" in line and "8.3" in line
    missing = run("--data-dir", imported, "unemployment", "--month", "2025-01")
    assert missing.exit_code == 2
    assert "no statistics for 2025-01; the data holds 2023-08, 2026-06" in missing.output


def test_reimport_changes_nothing(imported: Path) -> None:
    before = contents(imported)
    again = run("--data-dir", imported, "import", "statfin", EXPORT)
    assert again.exit_code == 0, again.output
    assert "already held with the same figures" in again.output
    assert "nothing changed" in again.output
    assert contents(imported) == before


def test_hand_written_files_survive_byte_for_byte(area_dir: Path, tmp_path: Path) -> None:
    area_file = area_dir / "municipalities.yaml"
    area_file.write_bytes(area_file.read_bytes() + b"# a note of the analyst, 2026\n")
    hand = {
        name: (area_dir / name).read_bytes() for name in ("municipalities.yaml", "commuting.yaml")
    }
    assert run("--data-dir", area_dir, "import", "statfin", EXPORT).exit_code == 0
    changed = edited_export(tmp_path, lambda d: entry(d, "KU205")["values"].__setitem__(1, "2070"))
    assert run("--data-dir", area_dir, "import", "statfin", changed, "--replace").exit_code == 0
    for name, data in hand.items():
        assert (area_dir / name).read_bytes() == data


def test_changed_month_needs_replace_and_lists_changes(imported: Path, tmp_path: Path) -> None:
    def edit(document: dict[str, Any]) -> None:
        entry(document, "KU205")["values"][column(document, "TYOTTOMATLOPUSSA")] = "2070"
        entry(document, "KU305")["values"][column(document, "HAKIJALOPUSSA")] = "1200"

    changed = edited_export(tmp_path, edit)
    before = contents(imported)
    refused = run("--data-dir", imported, "import", "statfin", changed)
    assert refused.exit_code == 2
    assert "already held" in refused.output and "--replace" in refused.output
    assert "Kajaani (205) unemployed: 2066 → 2070" in refused.output
    assert "Kuusamo (305) job_seekers: 1197 → 1200" in refused.output
    assert contents(imported) == before

    replaced = run("--data-dir", imported, "import", "statfin", changed, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "2 values changed" in replaced.output
    assert "Kajaani (205) unemployed: 2066 → 2070" in replaced.output
    assert load_area(imported).snapshot().rows["205"].unemployed == 2070
    assert sorted(p.name for p in (imported / "statistics").iterdir()) == ["2026-06.csv"]


@pytest.mark.parametrize(
    ("start", "ending"), [(b"", b"\r\n"), (b"\xef\xbb\xbf", b"\r\n"), (b"", b"\n")]
)
def test_a_replaced_month_keeps_its_line_endings(
    imported: Path, tmp_path: Path, start: bytes, ending: bytes
) -> None:
    # (saved on Windows and committed so, a month replaced for one value was rewritten
    # whole: its diff showed every line)
    month = imported / "statistics" / "2026-06.csv"
    month.write_bytes(start + month.read_bytes().replace(b"\n", ending))
    before = month.read_bytes().split(ending)
    revised = _set("KU205", "TYOTTOMATLOPUSSA", "2070")
    changed = edited_export(tmp_path, revised, name=EXPORT.name)  # (the source cell alike)
    replaced = run("--data-dir", imported, "import", "statfin", changed, "--replace")
    assert replaced.exit_code == 0, replaced.output
    after = month.read_bytes().split(ending)
    assert after[0].startswith(start + b"municipality,")
    assert [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new] == [2]
    assert after[2].startswith(b"205,16917,12.2,2070,")


def test_a_refused_month_of_several_says_that_none_went_in(imported: Path, tmp_path: Path) -> None:
    """A new 2026-05 beside a revised 2026-06: the refusal of 2026-06 read as if 2026-05
    had gone in."""

    def edit(document: dict[str, Any]) -> None:
        may = [{**e, "key": [e["key"][0], "2026M05"]} for e in document["data"]]
        entry(document, "KU205")["values"][column(document, "TYOTTOMATLOPUSSA")] = "2070"
        document["data"] += may

    before = contents(imported)
    refused = run("--data-dir", imported, "import", "statfin", edited_export(tmp_path, edit))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        "Nothing was written: the months 2026-05, 2026-06 are imported together or not at all."
    )
    assert contents(imported) == before
    one = run("--data-dir", imported, "import", "statfin", edited_export(tmp_path, edit_june))
    assert one.exit_code == 2 and "Nothing was written" not in one.output


def edit_june(document: dict[str, Any]) -> None:
    entry(document, "KU205")["values"][column(document, "TYOTTOMATLOPUSSA")] = "2070"


def test_the_changes_in_finnish_name_the_column_in_words(imported: Path, tmp_path: Path) -> None:
    def edit(document: dict[str, Any]) -> None:
        entry(document, "KU205")["values"][column(document, "TYOTTOMATLOPUSSA")] = "2070"
        entry(document, "KU305")["values"][column(document, "HAKIJALOPUSSA")] = "1200"
        entry(document, "KU105")["values"][column(document, "TYOTTOMATULK")] = "4"

    changed = edited_export(tmp_path, edit)
    refused = run("--lang", "fi", "--data-dir", imported, "import", "statfin", changed)
    # (a withheld cell in Finnish words too: it was `withheld → 4`)
    withheld = "Hyrynsalmi (105) ulkomaalaiset työttömät (foreign): salattu (withheld) → 4"
    assert withheld in refused.output, refused.output
    assert refused.exit_code == 2
    assert "virhe: 6/2026 on jo tallessa tiedostossa " in refused.output  # (as tables write it)
    missing = run("--lang", "fi", "--data-dir", imported, "caseload", "--month", "2025-01")
    assert (
        missing.stderr == "virhe: kuukaudelta 1/2025 ei ole tilastoja; datassa on 8/2023, 6/2026\n"
    )
    assert "Kajaani (205) työttömät (unemployed): 2066 → 2070" in refused.output
    assert "Kuusamo (305) kaikki työnhakijat (job_seekers): 1197 → 1200" in refused.output


def test_an_export_with_fewer_job_seekers_than_unemployed_is_refused(
    area_dir: Path, tmp_path: Path
) -> None:
    def edit(document: dict[str, Any]) -> None:
        entry(document, "KU305")["values"][column(document, "HAKIJALOPUSSA")] = "1"

    changed = edited_export(tmp_path, edit)
    before = contents(area_dir)
    refused = run("--data-dir", area_dir, "import", "statfin", changed)
    assert refused.exit_code == 2, refused.output
    assert "fewer job seekers (1) than unemployed (805), who are job seekers too" in (
        refused.output
    )
    assert contents(area_dir) == before


@pytest.mark.skipif(sys.platform == "win32", reason="no flock: imports are not serialised")
def test_two_imports_of_a_month_at_once_never_overwrite_silently(
    area_dir: Path, tmp_path: Path
) -> None:
    def edit(document: dict[str, Any]) -> None:
        entry(document, "KU205")["values"][column(document, "TYOTTOMATLOPUSSA")] = "2070"

    exports = {2066: EXPORT, 2070: edited_export(tmp_path, edit)}
    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(area_dir)]
    note = f"note: waiting for another import into {area_dir} to finish\n".encode()
    with import_lock(area_dir):  # as an import holds it, from reading to writing
        runs = {
            kajaani: subprocess.Popen(
                [*command, "import", "statfin", str(export)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for kajaani, export in exports.items()
        }
        for waiting in runs.values():  # each finds the folder locked, says so and waits
            stderr = waiting.stderr
            assert stderr is not None
            assert select.select([stderr], [], [], 120)[0]
            assert stderr.readline() == note
        assert not (area_dir / "statistics").exists()
    codes = {kajaani: run.wait(timeout=120) for kajaani, run in runs.items()}
    # One after the other: the first writes the month, the second reads it and is
    # refused without --replace (whichever of the two gets the folder first).
    assert sorted(codes.values()) == [0, 2]
    [written] = [kajaani for kajaani, code in codes.items() if code == 0]
    [refused] = [kajaani for kajaani, code in codes.items() if code == 2]
    assert b"already held" in runs[refused].communicate()[1]
    assert load_area(area_dir).snapshot().rows["205"].unemployed == written


def test_an_import_where_the_file_system_refuses_the_lock(
    area_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")

    def refused(descriptor: int, operation: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")  # as NFS for a folder

    monkeypatch.setattr(fcntl, "flock", refused)
    result = run("--data-dir", area_dir, "import", "statfin", EXPORT)
    assert result.exit_code == 0, result.output  # runs without the lock
    assert (area_dir / "statistics" / "2026-06.csv").is_file()


def _drop_column(document: dict[str, Any], code: str) -> None:
    at = column(document, code)
    document["columns"] = [c for c in document["columns"] if c["code"] != code]
    for item in document["data"]:
        del item["values"][at]


def _set(key: str, code: str, value: Any) -> Any:
    def edit(document: dict[str, Any]) -> None:
        entry(document, key)["values"][column(document, code)] = value

    return edit


def _add_municipality(document: dict[str, Any]) -> None:
    document["data"].append({"key": ["KU999", "2026M06"], "values": ["1"] * 23})


def _second_month(document: dict[str, Any]) -> None:
    document["data"].append({"key": ["KU205", "2026M05"], "values": ["1"] * 23})


def _twice(document: dict[str, Any]) -> None:
    document["data"].append(entry(document, "KU205"))


def _drop_kajaani(document: dict[str, Any]) -> None:
    document["data"] = [e for e in document["data"] if e["key"][0] != "KU205"]


def _other_table(document: dict[str, Any]) -> None:
    for c in document["columns"]:
        if c["type"] == "c":
            c["code"] = "VAKIY" + c["code"][:3]


BAD_EXPORTS = [
    ("text", None, "the JSON ends before its last value does"),  # (cut short)
    ("list", lambda d: d.clear(), "not a PxWeb JSON export of table 12r5"),
    (
        "other-table",
        _other_table,
        # (it said "none of its columns is in the file": whose?)
        "not an export of table 12r5: the file has none of its content columns (TYOVOIMATK, "
        "TYOTOSUUS, TYOTTOMATLOPUSSA, …)",
    ),
    ("no-foreign", lambda d: _drop_column(d, "TYOTTOMATULK"), "lacks column TYOTTOMATULK"),
    ("comma", _set("KU205", "TYOTTOMATLOPUSSA", "2,066"), "KU205 2026-06 TYOTTOMATLOPUSSA"),
    ("dash", _set("KU765", "TYOTTOMAT20", "-"), "expected a whole number or '...', found '-'"),
    ("number", _set("KU205", "TYOVOIMATK", 16917), "found 16917"),
    ("unknown", _add_municipality, "unknown municipality 999"),
    ("two-months", _second_month, "no row for Hyrynsalmi (105, KU105) in 2026-05"),
    ("twice", _twice, "KU205 has two rows for 2026-06"),
    ("no-kajaani", _drop_kajaani, "no row for Kajaani (205, KU205)"),
    (
        "withheld",
        _set("KU205", "TYOTTOMATLOPUSSA", "..."),
        "unemployed (TYOTTOMATLOPUSSA) is withheld",
    ),
    (
        "plan-month",
        lambda d: [e["key"].__setitem__(1, "2023M08") for e in d["data"]],
        # (its figures named: the plan's month moved on with the old plan's figures was
        # told only that the import does not replace them)
        "2023-08 is the plan's own month: its statistics are written by hand in "
        "municipalities.yaml and are not replaced by an import. The export's differ from "
        "them (Hyrynsalmi (105) labour force: 765 in municipalities.yaml, 708 in the "
        "export; 19 more counts differ): if the plan is now of 2023-08, those in "
        "municipalities.yaml are of another month: remove them (each municipality's "
        "statistics and statistics_totals) and import again; otherwise the plan's figures are "
        "kept as printed",
    ),
]


@pytest.mark.parametrize(("name", "edit", "message"), BAD_EXPORTS, ids=[b[0] for b in BAD_EXPORTS])
def test_bad_exports_are_refused_and_change_nothing(
    imported: Path, tmp_path: Path, name: str, edit: Any, message: str
) -> None:
    if edit is None:
        bad = tmp_path / "bad.json"
        bad.write_text('{"columns": [', "utf-8")
    elif name == "list":
        bad = tmp_path / "bad.json"
        bad.write_text("[1, 2]", "utf-8")
    else:
        bad = edited_export(tmp_path, edit)
    before = contents(imported)
    result = run("--data-dir", imported, "import", "statfin", bad, "--replace")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert contents(imported) == before


def test_a_refused_first_import_creates_nothing(area_dir: Path, tmp_path: Path) -> None:
    before = contents(area_dir)
    bad = edited_export(tmp_path, _drop_kajaani)
    assert run("--data-dir", area_dir, "import", "statfin", bad).exit_code == 2
    assert contents(area_dir) == before
    assert not (area_dir / "statistics").exists()


def test_failed_write_leaves_no_trace(area_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tyollisyys_cli.area import months as monthly
    from tyollisyys_cli.files import atomic

    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tyollisyys_cli.files.atomic.os.replace", broken)
    with pytest.raises(atomic.OutputError, match="No space left on device"):
        monthly.write_atomic(area_dir / "statistics" / "2026-06.csv", "municipality\n")
    assert list((area_dir / "statistics").iterdir()) == []


def test_job_seekers_client_base_end_to_end(imported: Path) -> None:
    caseload = run("--data-dir", imported, "caseload", "Kuusamo", "--client-base", "job-seekers")
    assert caseload.exit_code == 0, caseload.output
    line = next(x for x in caseload.output.splitlines() if x.strip("│ ").startswith("Kuusamo"))
    cells = [c.strip() for c in line.split("│")]
    # 1,197 job seekers over 9 FTE: 133 per advisor, close to the plan's "about 140".
    assert cells[4:7] == ["1 197", "9.0", "133"]  # (no "served by" column for Kuusamo)
    assert "all job seekers (2026-06)" in caseload.output
    default = run("--data-dir", imported, "caseload", "Kuusamo")
    line = next(x for x in default.output.splitlines() if x.strip("│ ").startswith("Kuusamo"))
    assert [c.strip() for c in line.split("│")][4:7] == ["805", "9.0", "89"]
    staffing = run("--data-dir", imported, "staffing", "Kuusamo", "--client-base", "job-seekers")
    assert staffing.exit_code == 0, staffing.output
    line = next(x for x in staffing.output.splitlines() if x.strip("│ ").startswith("Kuusamo"))
    # FTE needed for 100–150 clients per advisor: 1197/150 = 8.0 to 1197/100 = 12.0.
    assert [c.strip() for c in line.split("│")][2:6] == ["1 197", "100–150", "9.0", "8.0–12.0"]
    plan_month = run(
        "--data-dir", imported, "caseload", "--month", "2023-08", "--client-base", "job-seekers"
    )
    assert plan_month.exit_code == 2
    assert "no count of all job seekers" in plan_month.output


def test_bundled_data_is_not_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # (no area's folder here: the bundled data)
    before = contents(bundled_data_dir())
    result = run("import", "statfin", EXPORT)
    assert result.exit_code == 2
    assert "give --data-dir DIR (or set TYOLLISYYS_DATA_DIR, or run it in the area's folder)" in (
        " ".join(result.output.split())
    )
    assert contents(bundled_data_dir()) == before
    assert list(tmp_path.iterdir()) == []


def test_an_import_in_the_areas_folder_goes_there(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder found from the working folder is the analyst's, as for every other
    command: import refused it with "give --data-dir DIR; the bundled data is not
    changed", and the report's note named that command."""
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    monkeypatch.chdir(data_copy)
    result = run("import", "statfin", EXPORT)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("into statistics/2026-06.csv.\n")
    assert (data_copy / "statistics" / "2026-06.csv").is_file()


@pytest.mark.parametrize("how", ["--data-dir", "TYOLLISYYS_DATA_DIR", "a link"])
def test_the_bundled_data_is_not_changed_when_named_either(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy stands for the bundled data: were the guard to fail, it, not the
    # checkout's data/, would be written into.
    bundled = tmp_path / "package" / "data"
    shutil.copytree(bundled_data_dir(), bundled)
    monkeypatch.setattr("tyollisyys_cli.area.paths.bundled_data_dir", lambda: bundled)
    before = contents(bundled)
    named = bundled / ".." / bundled.name  # (another spelling of it)
    if how == "a link":
        named = tmp_path / "data"
        named.symlink_to(bundled, target_is_directory=True)
    if how == "TYOLLISYYS_DATA_DIR":
        monkeypatch.setenv("TYOLLISYYS_DATA_DIR", str(named))
        result = run("import", "statfin", EXPORT)
    else:
        result = run("--data-dir", named, "import", "statfin", EXPORT)
    assert result.exit_code == 2
    assert (
        f"{named} is the bundled data, which import does not change: copy it into a folder of "
        "your own with `tyollisyys init DIR --example` and import into that"
    ) in " ".join(result.output.split())
    assert contents(bundled) == before


def test_import_as_a_real_process(area_dir: Path) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "tyollisyys_cli", "--data-dir", str(area_dir)]
    first = subprocess.run(
        [*command, "import", "statfin", str(EXPORT)], capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Imported 2026-06 for Kainuu–Koillismaa (10 municipalities)")
    bad = subprocess.run(
        [*command, "import", "statfin", str(area_dir / "commuting.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "not a PxWeb JSON export of table 12r5" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_an_area_of_one_municipality_is_counted_in_the_singular(tmp_path: Path) -> None:
    helsinki = tmp_path / "helsinki"
    made = run("init", helsinki, "--area", "Helsinki", "--from", EXPORT)
    assert made.exit_code == 0, made.output
    again = run("--data-dir", helsinki, "import", "statfin", EXPORT)
    assert again.exit_code == 0, again.output
    assert again.stdout == (
        f"2026-06 for Helsinki (1 municipality) is already held with the same figures in "
        f"{helsinki / 'statistics' / '2026-06.csv'}; nothing changed.\n"
    )


@pytest.mark.parametrize(
    ("off_by", "said"),
    [
        # (one misprinted count: the refusal told the user to remove every statistics
        # block of the plan, as of another month)
        (
            {"205": 1},
            "error: 2023-08 is the plan's own month: its statistics are written by hand in "
            "municipalities.yaml and are not replaced by an import. The export's differ from "
            "them (Kajaani (205) unemployed: 1 384 in municipalities.yaml, 1 385 in the "
            "export), but the unemployed of most municipalities compared agree, as the same "
            "month's do: the plan's figures are kept as printed",
        ),
        # (every unemployed count off, the labour force alike, as within a year, since it
        # is a yearly figure in table 12r5: it was told it had a misprint)
        (
            dict.fromkeys(
                ("105", "205", "290", "305", "578", "620", "697", "765", "777", "832"), 1
            ),
            "error: 2023-08 is the plan's own month: its statistics are written by hand in "
            "municipalities.yaml and are not replaced by an import. The export's differ from "
            "them (Hyrynsalmi (105) unemployed: 78 in municipalities.yaml, 79 in the export; 9 "
            "more counts differ): if the plan is now of 2023-08, those in municipalities.yaml "
            "are of another month: remove them (each municipality's statistics and "
            "statistics_totals) and import again; otherwise the plan's figures are kept as "
            "printed",
        ),
    ],
)
def test_an_export_of_the_plans_month_tells_a_misprint_from_another_month(
    area_dir: Path, tmp_path: Path, off_by: dict[str, int], said: str
) -> None:
    import yaml

    plan = yaml.safe_load((area_dir / "municipalities.yaml").read_text("utf-8"))

    def as_the_plan(document: dict[str, Any]) -> None:
        for e in document["data"]:
            e["key"][1] = "2023M08"
        for m in plan["municipalities"]:
            row = entry(document, f"KU{m['code']}")["values"]
            row[column(document, "TYOVOIMATK")] = str(m["statistics"]["labour_force"])
            unemployed = m["statistics"]["unemployed"] + off_by.get(m["code"], 0)
            row[column(document, "TYOTTOMATLOPUSSA")] = str(unemployed)

    result = run("--data-dir", area_dir, "import", "statfin", edited_export(tmp_path, as_the_plan))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [said]

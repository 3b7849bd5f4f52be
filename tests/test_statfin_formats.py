"""12r5 files in every format PxWeb gives: json, json-stat2, several months; hostile files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from clirunner import CliRunner
from pxweb_server import REFERENCE, PxwebServer, month_codes
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.files.positions import json_position
from tyollisyys_cli.statfin import document as reading
from tyollisyys_cli.statfin.jsonstat import parse_jsonstat2

runner = CliRunner(env={"COLUMNS": "250"})
FORMATS = "accepted: the PxWeb `json` format (`columns` and `data`) or `json-stat2`"


def run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    target = tmp_path / "area"
    shutil.copytree(bundled_data_dir(), target)
    return target


def saved(tmp_path: Path, document: Any, name: str = "12r5.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def answer(months: list[str], answer_format: str, areas: list[str] | None = None) -> Any:
    """What the PxWeb API answers for every area (or `areas`) and `months`."""
    table = PxwebServer(months=months)
    query = {
        "query": [
            {"code": "Kuukausi", "selection": {"filter": "item", "values": months}},
            *(
                [{"code": "Alue", "selection": {"filter": "item", "values": areas}}]
                if areas
                else []
            ),
        ],
        "response": {"format": answer_format},
    }
    status, document = table.answer(query)
    assert status == 200
    return document


def test_a_jsonstat2_file_imports_as_the_json_export(area_dir: Path, tmp_path: Path) -> None:
    path = saved(tmp_path, answer(["2026M06"], "json-stat2"), "statfin-12r5.jsonstat2.json")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 0, result.output
    kajaani = load_area(area_dir).snapshot().rows["205"]
    assert (kajaani.labour_force, kajaani.unemployed, kajaani.unemployment_rate) == (
        16917,
        2066,
        12.2,
    )
    from_jsonstat = (area_dir / "statistics" / "2026-06.csv").read_text("utf-8")
    again = run("--data-dir", area_dir, "import", "statfin", REFERENCE)
    assert "already held with the same figures" in again.output
    assert from_jsonstat.splitlines()[1].startswith("105,708,11.4,81,54,27,0,withheld,53,")


@pytest.mark.parametrize("answer_format", ["json", "json-stat2"])
def test_a_file_of_several_months_imports_each(
    area_dir: Path, tmp_path: Path, answer_format: str
) -> None:
    path = saved(tmp_path, answer(month_codes("2026M04", "2026M06"), answer_format))
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 0, result.output
    assert [line.split()[1] for line in result.output.splitlines()] == [
        "2026-04",
        "2026-05",
        "2026-06",
    ]
    area = load_area(area_dir)
    assert area.months == ["2023-08", "2026-04", "2026-05", "2026-06"]
    assert [s.rows["205"].unemployed for s in area.snapshots[1:]] == [2064, 2065, 2066]


def test_init_from_a_file_of_several_months_starts_from_the_latest(tmp_path: Path) -> None:
    """A file of several months was refused ("export one month"): the area starts from
    its latest month, as when fetched, and the others are imported into it."""
    path = saved(tmp_path, answer(month_codes("2026M04", "2026M06"), "json"))
    new = tmp_path / "new"
    result = run("init", new, "--area", "Kainuu-Koillismaa", "--from", path)
    assert result.exit_code == 0, result.output
    told = "The file's other months (2026-04, 2026-05) are imported with: tyollisyys "
    assert f"{told}--data-dir {new} import statfin {path}" in result.output
    assert load_area(new).months == ["2026-06"]
    imported = run("--data-dir", new, "import", "statfin", path)
    assert imported.exit_code == 0, imported.output
    assert load_area(new).months == ["2026-04", "2026-05", "2026-06"]


# ------------------------------------------------------------------ what is refused, and why


def _without_hyrynsalmis_may(document: dict[str, Any]) -> None:
    document["data"] = [e for e in document["data"] if e["key"] != ["KU105", "2026M05"]]


def _too_many_unemployed_in_kajaanis_may(document: dict[str, Any]) -> None:
    codes = [c["code"] for c in document["columns"] if c["type"] == "c"]
    for entry in document["data"]:
        if entry["key"] == ["KU205", "2026M05"]:
            entry["values"][codes.index("TYOTTOMATLOPUSSA")] = "200000"


@pytest.mark.parametrize(
    ("edit", "told"),
    [
        (_without_hyrynsalmis_may, "the export has no row for Hyrynsalmi (105, KU105) in 2026-05"),
        # (checked as the import checks it, not only for rows)
        (
            _too_many_unemployed_in_kajaanis_may,
            "KU205 2026-05 TYOTTOMATLOPUSSA (Kajaani): 200000 unemployed is more than the "
            "labour force",
        ),
    ],
)
def test_init_says_when_the_files_other_months_cannot_be_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Any, told: str
) -> None:
    """The command printed failed on a month the area could not take."""
    document = answer(month_codes("2026M04", "2026M06"), "json")
    edit(document)
    monkeypatch.chdir(tmp_path)
    saved(tmp_path, document, "edited.json")
    result = run("init", "a", "--area", "Kainuu-Koillismaa", "--from", "edited.json")
    assert result.exit_code == 0, result.output
    assert f"The file's other months (2026-04, 2026-05) cannot be imported: {told}" in (
        result.output
    )


def test_init_names_a_file_of_a_leading_dash_as_no_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named `-m.json` was printed as an option in the command that imports it."""
    monkeypatch.chdir(tmp_path)
    saved(tmp_path, answer(month_codes("2026M04", "2026M06"), "json"), "-m.json")
    result = run("init", "b", "--area", "Kainuu-Koillismaa", "--from=-m.json")
    assert result.exit_code == 0, result.output
    assert "import statfin ./-m.json" in result.output
    imported = run("--data-dir", "b", "import", "statfin", "./-m.json")
    assert imported.exit_code == 0, imported.output


def test_init_with_force_checks_the_other_months_against_those_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --force into a folder holding 2026-05 with other figures, the command printed
    failed: 2026-05 was already held."""
    monkeypatch.chdir(tmp_path)
    document = answer(month_codes("2026M05", "2026M06"), "json")
    saved(tmp_path, document, "two.json")
    assert run("init", "first", "--area", "Kainuu-Koillismaa", "--from", "two.json").exit_code == 0
    assert run("--data-dir", "first", "import", "statfin", "two.json").exit_code == 0
    (tmp_path / "again" / "statistics").mkdir(parents=True)
    shutil.copy(
        tmp_path / "first" / "statistics" / "2026-05.csv", tmp_path / "again" / "statistics"
    )
    (tmp_path / "again" / "note.txt").write_text("mine", "utf-8")
    codes = [c["code"] for c in document["columns"] if c["type"] == "c"]
    for entry in document["data"]:
        if entry["key"] == ["KU205", "2026M05"]:
            at = codes.index("HAKIJALOPUSSA")
            entry["values"][at] = str(int(entry["values"][at]) + 1)
    saved(tmp_path, document, "revised.json")
    result = run(
        "init", "again", "--area", "Kainuu-Koillismaa", "--from", "revised.json", "--force"
    )
    assert result.exit_code == 0, result.output
    assert (
        "The file's other months (2026-05) cannot be imported: 2026-05 is already held in "
        "again/statistics/2026-05.csv with different figures; import with --replace to "
        "replace them."
    ) in result.output


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _sized(sizes: list[int]) -> dict[str, Any]:
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU205"])
    document["size"] = sizes
    return document


def _cell(index: int, value: Any, status: Any = None) -> dict[str, Any]:
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU205"])
    document["value"][index] = value
    document["status"] = status if status is not None else {}
    return document


def _twice(code: str) -> dict[str, Any]:
    """Two municipalities, the second listed as the first again (a list index)."""
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU105", "KU205"])
    area = document["dimension"]["Alue"]["category"]
    area["index"] = ["KU105", code]
    return document


def _odd_key(where: str) -> dict[str, Any]:
    """A `status` or a sparse `value` keyed by a digit that is no ASCII digit."""
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU205"])
    if where == "value":
        document["value"] = {str(i): v for i, v in enumerate(document["value"])}
    document[where]["\u00b2"] = 1 if where == "value" else "..."
    return document


def _json_cell(value: Any) -> dict[str, Any]:
    """The PxWeb `json` format (cells as text) with one cell of another JSON type."""
    document: dict[str, Any] = answer(["2026M06"], "json", ["KU205"])
    document["data"][0]["values"][1] = value
    return document


def _json_entry(part: str, value: Any) -> dict[str, Any]:
    """The `json` format with the key or values of its data row replaced."""
    document: dict[str, Any] = answer(["2026M06"], "json", ["KU205"])
    document["data"][0][part] = value(document["data"][0][part]) if callable(value) else value
    return document


CUT_SHORT = "the JSON ends before its last value does: was the download cut short?"


def _workbook() -> bytes:
    """The start of an xlsx workbook: a zip archive of `xl/` parts."""
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return packed.getvalue()


BAD_FILES: list[tuple[str, Any, str]] = [
    # "data entry 1 does not match the columns of the export": which, and how, was not said
    (
        "json-value-short",
        _json_entry("values", lambda v: v[:-1]),
        "KU205 2026M06: 22 values for the 23 content columns",
    ),
    (
        "json-values-text",
        _json_entry("values", "12"),
        "KU205 2026M06: expected a list of 23 values, found the text '12'",
    ),
    (
        "json-key-short",
        _json_entry("key", ["KU205"]),
        "data entry 1: expected a key of Alue, Kuukausi",
    ),
    ("json-null", _json_cell(None), "expected a number or '...', found null"),  # (was None)
    # "expected a number or '...', found 542318": a number, as JSON writes it, unquoted
    (
        "json-number",
        _json_cell(542318),
        'expected a number in quotes, as PxWeb\'s json format writes it ("542318"), found 542318',
    ),
    # ("NaN" was the advice: in quotes, as a number is, and then refused as no number)
    ("json-nan", _json_cell(float("nan")), "expected a number or '...', found NaN"),
    ("json-infinity", _json_cell(float("inf")), "expected a number or '...', found Infinity"),
    # The last of two was taken (Kajaani's figures from the second); now refused.
    ("twice", _twice("KU105"), "json-stat2 dimension 'Alue' lists 'KU105' twice"),
    # int('²') was an internal error; a status at such a key is no cell, a value refused.
    ("odd-value-key", _odd_key("value"), "has a cell at '²', which is no position (0, 1,"),
    ("other-json", {"rows": [1, 2]}, f"not a PxWeb JSON export of table 12r5; {FORMATS}"),
    ("csv-text", "Alue;Kuukausi\nKU205;2026M06\n", f"not valid JSON (Expecting value); {FORMATS}"),
    # (a month file of the tool's own, however a spreadsheet saved it, was "not valid JSON
    # (Expecting value)", with no word of what it is)
    *(
        (
            f"month-file-{number}",
            header + "\n205,16917\n",
            "a month file of the tool, not a 12r5 export: a month file is read where it is, "
            "as statistics/YYYY-MM.csv in a data folder",
        )
        for number, header in enumerate(
            ["municipality,labour_force", '"municipality";"labour_force"', "Municipality,x"]
        )
    ),
    ("comma-text", "Too many requests, try later\n", "not valid JSON (Expecting value)"),
    # A download cut short said "not valid JSON (Unterminated string starting at)".
    ("cut-short", json.dumps(answer(["2026M06"], "json", ["KU205"]))[:300], CUT_SHORT),
    ("cut-in-a-string", '{"columns": [{"code": "Al', CUT_SHORT),
    ("cut-in-a-null", '{"version": "2.0", "value": [1, nu', CUT_SHORT),
    ("empty", "", "the file is empty: a 12r5 export holds a JSON document"),
    ("blank", " \n", "the file is empty: a 12r5 export holds a JSON document"),
    ("deep-valid", _deep(40), "nested deeper than 32 levels"),
    ("deep-hostile", _deep(200_000), "nested deeper than 32 levels"),
    ("long-number", "[" + "9" * 20_000 + "]", "holds a number too long to read"),
    ("sizes-huge", _sized([100_000, 100_000, 23]), "has 230,000,000,000 cells, more than"),
    ("sizes-wrong", _sized([1, 1, 24]), "dimension 'Tiedot' has 23 categories, size says 24"),
    (
        "no-status",
        _cell(1, None),
        "KU205 2026-06 TYOTTOMATLOPUSSA (Kajaani): expected a number or a",
    ),
    ("other-status", _cell(1, None, {"1": ".."}), "found null (status '..')"),
    ("negative", _cell(1, -3), "expected a number of 0 or more, found -3"),
    ("boolean", _cell(1, True), "expected a number, found true"),  # (as JSON writes it)
    ("fraction", _cell(1, 2066.5), "expected a whole number, found 2066.5"),
    ("text", _cell(1, "2066"), 'expected a number, found "2066"'),
    # Imported, and then every command refused its file ("has not come yet").
    (
        "month-to-come",
        json.loads(
            json.dumps(answer(["2026M06"], "json", ["KU205"])).replace("2026M06", "2099M01")
        ),
        "the export holds 2099-01, a month that has not come yet by this computer's date",
    ),
    # Each was "not UTF-8 text", with no place and no word of what the file is.
    (
        "latin-1",
        '{\n  "label": "Työttömät"\n}'.encode("latin-1"),
        ":2:15: not a PxWeb JSON export of table 12r5: the file is not UTF-8 text (byte 0xf6, "
        "ö in Latin-1); accepted",
    ),
    (  # (the byte order mark is not counted, as an editor does not show it)
        "latin-1-after-a-byte-order-mark",
        b"\xef\xbb\xbf" + '{"label": "Työttömät"}'.encode("latin-1"),
        ":1:14: not a PxWeb JSON export of table 12r5: the file is not UTF-8 text (byte 0xf6, "
        "ö in Latin-1); accepted",
    ),
    (
        "utf-16",
        json.dumps(answer(["2026M06"], "json", ["KU205"])).encode("utf-16"),
        ":1:1: not a PxWeb JSON export of table 12r5: the file is UTF-16 text (what Windows "
        "calls Unicode), not UTF-8; accepted",
    ),
    (
        "zip",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xa3",
        ":1:1: not a PxWeb JSON export of table 12r5: the file is a zip archive, not text "
        "(unpack it); accepted",
    ),
    # PxWeb's own workbook downloads, whatever their name: no archive to unpack (it said
    # so of an xlsx), and an .xls was "not UTF-8 text (byte 0xd0, Ð in Latin-1)".
    (
        "12r5.xlsx",
        _workbook(),
        ":1:1: not a PxWeb JSON export of table 12r5: the file is a workbook, not text; accepted",
    ),
    (
        "workbook-named-json",
        _workbook(),
        ":1:1: not a PxWeb JSON export of table 12r5: the file is a workbook, not text; accepted",
    ),
    (
        "12r5.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        ":1:1: not a PxWeb JSON export of table 12r5: the file is an old Office file (an .xls "
        "workbook?), not text; accepted",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_a_reason(
    area_dir: Path, tmp_path: Path, name: str, content: Any, message: str
) -> None:
    path = tmp_path / (name if "." in name else f"{name}.json")
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_text(json.dumps(content), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (area_dir / "statistics").exists()


def _json_month(month: str) -> dict[str, Any]:
    document: dict[str, Any] = answer(["2026M06"], "json", ["KU205"])
    document["data"][0]["key"][1] = month
    return document


def _jsonstat_month(listed: bool) -> dict[str, Any]:
    """A month that is none (2026M13), in a category index that is an object or a list."""
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU205"])
    category = document["dimension"]["Kuukausi"]["category"]
    category["index"] = ["2026M13"] if listed else {"2026M13": 0}
    category["label"] = {"2026M13": "2026M13"}
    return document


def _jsonstat_key(key: str) -> dict[str, Any]:
    """A sparse value with a cell at `key`."""
    document: dict[str, Any] = answer(["2026M06"], "json-stat2", ["KU205"])
    document["value"] = {str(i): v for i, v in enumerate(document["value"])}
    document["value"][key] = 1
    return document


def _json_twice() -> dict[str, Any]:
    document: dict[str, Any] = answer(["2026M06"], "json", ["KU105", "KU205"])
    document["data"][1]["key"] = ["KU105", "2026M06"]
    return document


#: (case, file, the text around the value named, `|` before it, and which of the texts
#: in the file it is, from 0)
LOCATED: list[tuple[str, Any, str, int]] = [
    ("json-cell", _json_cell("20x6"), '|"20x6"', 0),
    ("json-month", _json_month("2026-06"), '|"2026-06"', 0),
    ("json-row-twice", _json_twice(), '"key": |[', 1),
    ("json-values-short", _json_entry("values", ["1"]), '"values": |[', 0),
    ("jsonstat-cell", _cell(1, "2066x"), '|"2066x"', 0),
    ("jsonstat-sparse", {**_cell(0, 0), "value": {"0": 1, "1": False}}, '"1": |false', 0),
    ("jsonstat-month-object", _jsonstat_month(listed=False), '"2026M13": |0', 0),
    ("jsonstat-month-list", _jsonstat_month(listed=True), '|"2026M13"', 0),
    # (`01` beside `1` is one cell twice: which was read was not said)
    ("jsonstat-leading-zero", _jsonstat_key("01"), '"01": |1', 0),
    ("jsonstat-outside", _jsonstat_key("999"), '"999": |1', 0),
]


@pytest.mark.parametrize(("name", "content", "around", "nth"), LOCATED, ids=[c[0] for c in LOCATED])
def test_a_problem_at_one_value_of_a_file_names_its_line_and_column(
    area_dir: Path, tmp_path: Path, name: str, content: Any, around: str, nth: int
) -> None:
    """A bad cell was named by its municipality, month and column only."""
    text = json.dumps(content, indent=1)
    start = -1
    for _time in range(nth + 1):
        start = text.index(around.replace("|", ""), start + 1)
    before = text[: start + around.index("|")]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    path = tmp_path / f"{name}.json"
    path.write_text(text, "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {path}:{line}:{column}: "), result.output


@pytest.mark.parametrize(
    ("text", "path", "place"),
    [
        ('{"a": [1, {"b": 2}]}', ("a", 1, "b"), (1, 17)),
        ('{"a": 1,\n "a": {"b": [true,\n  null]}}', ("a", "b", 1), (3, 3)),  # the last "a"
        ('{"[a]": 1, "a": 2}', ("a",), (1, 17)),  # a key holding brackets
        ('{"a":\r [1,\r\n  2]}', ("a", 1), (3, 3)),  # lines as an editor counts them
        ('{"a": [1, 2]}', ("a", 2), None),
        ('{"a": [1, 2]}', ("b",), None),
        ('{"a": 1}', ("a", 0), None),
    ],
)
def test_json_position(text: str, path: tuple[str | int, ...], place: Any) -> None:
    found = json_position(text, path)
    assert (found.line, found.column) == place if found else place is None


def test_a_file_too_large_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    with pytest.raises(DataErrors, match="file is larger than 1,000 bytes"):
        reading.read_exports(REFERENCE)


# ------------------------------------------------------------ json-stat2's other spellings


def test_jsonstat2_with_a_list_index_a_sparse_value_and_a_status_list(tmp_path: Path) -> None:
    document = answer(["2026M06"], "json-stat2", ["KU105", "KU205"])
    for dimension in document["dimension"].values():
        index = dimension["category"]["index"]
        dimension["category"]["index"] = sorted(index, key=index.get)
    withheld = set(document["status"])
    document["status"] = [
        "..." if str(i) in withheld else None for i in range(len(document["value"]))
    ]
    document["value"] = {str(i): v for i, v in enumerate(document["value"])}
    del document["role"]
    (export,) = parse_jsonstat2(document, tmp_path / "x.json")
    hyrynsalmi, kajaani = export.areas["KU105"], export.areas["KU205"]
    assert kajaani["TYOTTOMATLOPUSSA"] == 2066 and kajaani["TYOTOSUUS"] == 12.2
    assert hyrynsalmi["TYOTTOMAT25"] == "withheld"
    assert hyrynsalmi["TYOVOIMATK"] == 708


def test_a_status_at_a_key_of_no_cell_is_no_cell(tmp_path: Path) -> None:
    """`²` reads as a digit to `str.isdigit` but names no cell (it was int('²'): an
    internal error); the statuses of real cells still count."""
    document = _odd_key("status")
    (export,) = parse_jsonstat2(document, tmp_path / "x.json")
    assert export.areas["KU205"]["TYOTTOMATLOPUSSA"] == 2066


def _bad_cells(answer_format: str) -> dict[str, Any]:
    """Kajaani's job seekers `1 127`, its unemployed `2,066`, its rate `12,5 %`."""
    document: dict[str, Any] = answer(["2026M06"], answer_format, ["KU205"])
    cells = {"HAKIJALOPUSSA": "1 127", "TYOTTOMATLOPUSSA": "2,066", "TYOTOSUUS": "12,5 %"}
    if answer_format == "json":
        codes = [c["code"] for c in document["columns"] if c["type"] == "c"]
        for code, value in cells.items():
            document["data"][0]["values"][codes.index(code)] = value
    else:
        codes = list(document["dimension"]["Tiedot"]["category"]["index"])
        for code, value in cells.items():
            document["value"][codes.index(code)] = value
    return document


@pytest.mark.parametrize("answer_format", ["json", "json-stat2"])
def test_every_bad_cell_of_an_export_is_named_in_one_run(
    area_dir: Path, tmp_path: Path, answer_format: str
) -> None:
    """An export with four cells a spreadsheet had mangled named the first: four runs to
    find them all. Each now has its place and, where it looks like a number written
    another way, how to write it."""
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(_bad_cells(answer_format), indent=1), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    expected = {
        # (PxWeb's json writes every cell in quotes; json-stat2 writes numbers)
        "json": ("a whole number or '...', found '1 127'", "a whole number or '...', found "
                 "'2,066'", "a percentage or '...', found '12,5 %'"),
        "json-stat2": ('a number, found "1 127"', 'a number, found "2,066"',
                       'a number, found "12,5 %"'),
    }[answer_format]  # fmt: skip
    assert [line.partition(": KU205 2026-06 ")[2] for line in lines[:-1]] == [
        f"HAKIJALOPUSSA (Kajaani): expected {expected[0]}; write numbers without spaces: 1127",
        f"TYOTTOMATLOPUSSA (Kajaani): expected {expected[1]}; write a count without a "
        "thousands separator: 2066",
        f"TYOTOSUUS (Kajaani): expected {expected[2]}; write the number without %: 12.5",
    ]
    assert all(re.match(rf"error: {re.escape(str(path))}:\d+:\d+: ", line) for line in lines[:3])
    assert lines[-1] == "3 problems in the export"
    assert not (area_dir / "statistics").exists()


@pytest.mark.parametrize("answer_format", ["json", "json-stat2"])
def test_the_services_answer_gets_no_advice_on_writing_its_cells(answer_format: str) -> None:
    """How to write a number is advice for a file a user saved, not for the service's
    answer, which the user cannot mend."""
    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.statfin.document import parse_document

    with pytest.raises(DataErrors) as refused:
        parse_document(_bad_cells(answer_format), Path("answer"), origin="PxWeb API, 12r5")
    messages = [error.message for error in refused.value.errors]
    assert len(messages) == 3
    assert messages[0].endswith("found '1 127'" if answer_format == "json" else 'found "1 127"')
    assert not any("write" in message for message in messages)


def test_the_count_of_cells_not_shown_follows_the_cells(area_dir: Path, tmp_path: Path) -> None:
    """25 bad cells and a row short of a value: the count of the 5 not shown came after
    the row's problem, as if it counted rows."""
    document: dict[str, Any] = json.loads(REFERENCE.read_text("utf-8"))
    for entry in document["data"][:2]:
        entry["values"][:13] = ["1 0"] * 13
    document["data"][-1]["values"].pop()
    path = tmp_path / "mangled.json"
    path.write_text(json.dumps(document, indent=1), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    lines = result.output.splitlines()
    assert "22 values for the 23 content columns" in lines[0]
    assert all("found '1 0'" in line for line in lines[1:21])
    assert lines[21:] == [
        f"error: {path}: 6 more problems like the above (not shown)",
        "27 problems in the export",
    ]


def test_the_bad_cells_of_an_export_are_named_up_to_twenty_then_counted(
    area_dir: Path, tmp_path: Path
) -> None:
    """An export whose every cell a spreadsheet had mangled printed 9,684 lines."""
    document: dict[str, Any] = json.loads(REFERENCE.read_text("utf-8"))
    for entry in document["data"]:
        entry["values"] = ["1 0"] * len(entry["values"])
    path = tmp_path / "mangled.json"
    path.write_text(json.dumps(document), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2
    cells = sum(len(entry["values"]) for entry in document["data"])
    lines = result.output.splitlines()
    assert len(lines) == 22
    assert all(line.startswith(f"error: {path}:") and "found '1 0'" in line for line in lines[:20])
    assert lines[20] == f"error: {path}: {cells - 20:,} more problems like the above (not shown)"
    assert lines[21] == f"{cells:,} problems in the export"


@pytest.mark.parametrize("answer_format", ["json", "json-stat2"])
def test_bad_cells_found_before_a_row_that_is_wrong_are_said_with_it(
    area_dir: Path, tmp_path: Path, answer_format: str
) -> None:
    """A row short of a value after a bad cell: the cell was dropped, named only after
    the row was mended."""
    document: dict[str, Any] = answer(["2026M06"], answer_format, ["KU205", "KU290"])
    if answer_format == "json":
        document["data"][0]["values"][0] = "1 127"
        document["data"][1]["values"].pop()
    else:  # (a sparse dataset: KU290's unemployed, its cell 23 + 1, left out)
        values = {str(at): value for at, value in enumerate(document["value"])}
        values["0"] = "1 127"
        del values["24"]
        document["value"] = values
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(document, indent=1), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert "KU290" in lines[0]  # (the file's own problem first)
    assert "KU205 2026-06 HAKIJALOPUSSA" in lines[1] and "1 127" in lines[1]
    assert lines[-1] == "2 problems in the export"


def test_a_bad_cell_of_a_municipality_outside_the_area_is_named_too(
    area_dir: Path, tmp_path: Path
) -> None:
    """`KU020 … found '10 13'` stopped a Kainuu import, and named no municipality."""
    document = json.loads(REFERENCE.read_text("utf-8"))
    row = next(entry for entry in document["data"] if entry["key"][0] == "KU020")
    row["values"][1] = "10 13"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), "utf-8")
    result = run("--data-dir", area_dir, "import", "statfin", path)
    assert result.exit_code == 2, result.output
    assert ": KU020 2026-06 TYOTTOMATLOPUSSA (Akaa): expected a whole number or '...', " in (
        result.stderr
    )

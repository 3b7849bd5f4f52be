"""CSV: RFC 4180, the Excel flavour's bytes, formula neutralisation, numbers as numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.render.csv_out import render_csv
from tyollisyys_cli.render.model import Column, TableData
from tyollisyys_cli.values import Span, Unknown

DATA = Path(__file__).resolve().parents[1] / "data"

COLUMNS = (
    Column("name", "Name"),
    Column("count", "Count", "int"),
    Column("share", "Share %", "number", 1),
    Column("fte", "FTE", "span", 1),
    Column("picture", "Picture", "bar"),
)


def table(*rows: dict[str, object]) -> TableData:
    return TableData(name="sample", title="Sample", columns=COLUMNS, rows=list(rows))


def parse(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_header_spans_split_and_bars_dropped() -> None:
    text = render_csv(table({"name": "a", "count": 1, "share": 2.5, "fte": Span(7, 8)}))
    assert parse(text) == [
        ["name", "count", "share", "fte_min", "fte_max"],
        ["a", "1", "2.5", "7", "8"],
    ]


def test_rfc4180_quoting_and_crlf() -> None:
    text = render_csv(table({"name": 'Kalliokatu 4, "A"\nB', "count": 2}))
    assert text == ('name,count,share,fte_min,fte_max\r\n"Kalliokatu 4, ""A""\nB",2,,,\r\n')


def test_unknown_values_are_empty_and_half_open_spans_have_one_bound() -> None:
    rows = parse(
        render_csv(
            table(
                {"name": "x", "count": Unknown.WITHHELD, "share": Unknown.MISSING},
                {"name": "y", "fte": Span(5, None)},
                {"name": "z", "fte": Span(None, 29.5)},
            )
        )
    )
    assert rows[1] == ["x", "", "", "", ""]
    assert rows[2] == ["y", "", "", "5", ""]
    assert rows[3] == ["z", "", "", "", "29.5"]


def test_float_noise_is_rounded_away() -> None:
    noisy = 8.3 - 0.01
    assert repr(noisy) == "8.290000000000001"
    rows = parse(render_csv(table({"name": "k", "share": noisy, "fte": Span(0.1 + 0.2, 9.0)})))
    assert rows[1][2:] == ["8.29", "0.3", "9.0"]


def test_excel_flavour_bytes() -> None:
    data = render_csv(
        table(
            {"name": "Hyrynsalmi; Paltamo", "count": 16615, "share": 8.29, "fte": Span(-10.84, 2.5)}
        ),
        excel=True,
    ).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbfname;count;share;fte_min;fte_max\r\n")
    assert data.endswith(b'\r\n"Hyrynsalmi; Paltamo";16615;8,29;-10,84;2,5\r\n')


def test_excel_flavour_through_the_command() -> None:
    result = CliRunner().invoke(app, ["caseload", "Kuhmo", "-f", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.split(b"\r\n")
    assert lines[0].startswith(b"\xef\xbb\xbfunit;served_by;labour_force;unemployed;clients;")
    assert lines[1] == b"Kuhmo;;3120;263;263,0;6,0;6,0;43,83;43,83;under 100;within;;"
    assert "Kainuu–Koillismaa (area);;38799;".encode() in lines[2]


def test_formulas_neutralised_numbers_untouched() -> None:
    texts = ["=SUM(A1:A9)", "+358 40", "-x", "@cmd", "\tTab", "\rCR", "\nLF", "safe = text"]
    rows = parse(render_csv(table(*({"name": t, "count": -140, "share": -0.5} for t in texts))))
    assert [row[0] for row in rows[1:]] == [
        "'=SUM(A1:A9)",
        "'+358 40",
        "'-x",
        "'@cmd",
        "'\tTab",
        "'\rCR",
        "'\nLF",
        "safe = text",
    ]
    assert {(row[1], row[2]) for row in rows[1:]} == {("-140", "-0.5")}


def test_negative_numbers_from_the_plan_stay_numbers() -> None:
    result = CliRunner().invoke(app, ["commuting", "Hyrynsalmi", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["net_commuting"] == "-140"


def test_no_json_or_notes_in_csv() -> None:
    result = CliRunner().invoke(app, ["staffing", "-f", "csv"])
    assert "Transferring pool" not in result.stdout
    assert len(parse(result.stdout)) == 1 + 8 + 1  # header, units, area


@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20),
            st.integers(min_value=-(10**12), max_value=10**12),
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
        ),
        max_size=5,
    ),
    st.booleans(),
)
def test_round_trip(values: list[tuple[str, int, float]], excel: bool) -> None:
    """Whatever the cells hold, csv reads back the same text (or its neutralised form),
    the same integers, and each float rounded to the column's decimals + 2."""
    rows = [{"name": name, "count": count, "share": share} for name, count, share in values]
    text = render_csv(table(*rows), excel=excel)
    if excel:
        assert text.startswith("\ufeff")
        text = text[1:]
    back = parse(text, ";" if excel else ",")[1:]
    assert len(back) == len(values)
    for (name, count, share), row in zip(values, back, strict=True):
        starts_formula = name.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))
        assert row[0] == ("'" + name if starts_formula else name)
        assert int(row[1]) == count
        number = float(row[2].replace(",", ".")) if excel else float(row[2])
        assert number == round(share, 3) or (number == 0 and round(share, 3) == 0)
        assert json.loads(row[2].replace(",", ".")) == number  # no exponent, plain digits


def test_formulas_in_the_data_files_are_neutralised(tmp_path: Path) -> None:
    """An office name written as a formula in municipalities.yaml stays inert text."""
    data = tmp_path / "area"
    data.mkdir()
    source = (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    original = "      - name: Hyrynsalmen kunnantalo\n        address: Laskutie 1, 89400 Hyrynsalmi"
    assert original in source
    formula = '=HYPERLINK("http://example.invalid","Hyrynsalmen kunnantalo")'
    edited = f"      - name: '{formula}'\n        address: '-2+3'"
    (data / "municipalities.yaml").write_text(source.replace(original, edited), encoding="utf-8")
    base = ["--data-dir", str(data), "offices", "Hyrynsalmi"]

    plain = CliRunner().invoke(app, [*base, "-f", "csv"])
    assert plain.exit_code == 0, plain.output
    assert parse(plain.stdout_bytes.decode())[1] == ["Hyrynsalmi", "'" + formula, "'-2+3", ""]
    excel = CliRunner().invoke(app, [*base, "-f", "csv", "--excel"])
    assert parse(excel.stdout_bytes.decode("utf-8-sig"), ";")[1][1:3] == ["'" + formula, "'-2+3"]
    path = tmp_path / "offices.xlsx"
    assert CliRunner().invoke(app, [*base, "-f", "xlsx", "-o", str(path)]).exit_code == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    # (in a workbook a text cell is never run: it keeps its text as written, no `'`)
    assert [cell.value for cell in sheet[2]] == ["Hyrynsalmi", formula, "-2+3", None]
    assert sheet["B2"].data_type == "s"
    as_json = json.loads(CliRunner().invoke(app, [*base, "-f", "json"]).stdout)
    assert as_json["rows"][0]["office"] == formula  # JSON is for programs: text as is

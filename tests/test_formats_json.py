"""JSON: `{"metadata": {...}, "rows": [...]}`, stable, with the run's metadata."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clirunner import CliRunner
from tyollisyys_cli import __version__
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.i18n import rounded
from tyollisyys_cli.render.json_out import render_json
from tyollisyys_cli.render.model import Column, TableData
from tyollisyys_cli.values import Span, Unknown

DATA = Path(__file__).resolve().parents[1] / "data"


def run_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout_bytes)
    return document


def test_caseload_metadata_records_area_month_source_version_and_options() -> None:
    metadata = run_json("caseload", "Kuusamo", "--clients-per-unemployed", "2.08")["metadata"]
    assert isinstance(metadata, dict)
    assert metadata["table"] == "caseload"
    assert metadata["tool"] == "tyollisyys"
    assert metadata["tool_version"] == __version__
    assert metadata["command"] == "caseload"
    assert metadata["area"] == "Kainuu–Koillismaa"
    assert metadata["area_code"] == "10"
    assert metadata["month"] == "2023-08"
    assert metadata["client_base"] == "unemployed"
    assert metadata["clients_per_unemployed"] == 2.08
    assert metadata["options"] == {
        "places": ["Kuusamo"],
        "month": None,
        "clients_per_unemployed": 2.08,
        "client_base": "unemployed",
        "unemployed_change": 0.0,
        "target": None,
    }
    assert metadata["data_sources"]["statistics"].startswith("Plan section 1, Table 1")
    assert metadata["notes"][0].startswith("Clients: unemployed job seekers (2023-08) × 2.08")
    keys = [column["key"] for column in metadata["columns"]]
    assert keys == [
        "unit",
        "served_by",
        "labour_force",
        "unemployed",
        "clients",
        "caseload_fte_min",
        "caseload_fte_max",
        "clients_per_advisor_min",
        "clients_per_advisor_max",
        "target",
        "status",
        "clients_per_advisor_with_pool_min",
        "clients_per_advisor_with_pool_max",
    ]
    assert "position" not in keys  # the bar is a picture for people


def test_the_bundled_example_names_no_folder_of_the_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`data.folder` was the installed package's path: a file sent on named the home
    folder the tool was installed in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    result = CliRunner().invoke(app, ["caseload", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metadata"]["data"] == {
        "folder": None,
        "chosen_by": "bundled",
        "description": "bundled example: Kainuu–Koillismaa plan 2023",
    }
    assert str(bundled_data_dir()) not in result.stdout
    assert str(Path.home()) not in result.stdout


def test_scaled_clients_without_float_noise() -> None:
    result = CliRunner().invoke(
        app, ["caseload", "Kuusamo", "--clients-per-unemployed", "2.08", "-f", "json"]
    )
    rows = json.loads(result.stdout)["rows"]
    assert rows[0]["clients"] == 1262.56
    assert rows[0]["clients_per_advisor_min"] == 140.28  # the plan's "about 140"
    assert "00000" not in result.stdout


def test_data_dir_is_recorded_when_given() -> None:
    metadata = run_json("--data-dir", str(DATA), "offices", "Kajaani")["metadata"]
    assert isinstance(metadata, dict)
    assert metadata["options"] == {"places": ["Kajaani"], "data_dir": str(DATA)}


def test_withheld_and_missing_are_null() -> None:
    rows = run_json("unemployment", "Hyrynsalmi", "Ristijärvi")["rows"]
    assert isinstance(rows, list)
    hyrynsalmi, ristijarvi, area = rows
    assert hyrynsalmi["under_25_min"] is None and hyrynsalmi["under_25_share_max"] is None
    assert hyrynsalmi["foreign_min"] is None
    assert ristijarvi["under_25_max"] is None
    assert area["municipality"] == "Kainuu–Koillismaa (area)"
    assert area["code"] is None


def test_output_is_stable() -> None:
    first = CliRunner().invoke(app, ["staffing", "-f", "json"]).stdout
    second = CliRunner().invoke(app, ["staffing", "-f", "json"]).stdout
    assert first == second
    assert first.endswith("}\n")
    metadata = json.loads(first)["metadata"]
    assert list(metadata)[:4] == ["table", "title", "tool", "tool_version"]
    assert list(metadata)[-2:] == ["notes", "columns"]
    assert metadata["transfer_pool"]["unassigned_max"] == 14.5


def test_unusual_values_stay_valid_json() -> None:
    columns = (Column("a", "A", "number"), Column("b", "B", "span"), Column("c", "C"))
    table = TableData(
        name="t",
        title="T",
        columns=columns,
        rows=[
            {"a": math.nan, "b": Unknown.WITHHELD, "c": True},
            {"a": -0.0, "b": Span(None, None), "c": 3},
        ],
        metadata={"span": Span(1, 2), "path": Path("x"), "unknown": Unknown.MISSING},
    )
    document = json.loads(render_json(table))
    assert document["rows"] == [
        {"a": None, "b_min": None, "b_max": None, "c": True},
        {"a": 0.0, "b_min": None, "b_max": None, "c": 3},
    ]
    assert document["metadata"]["span"] == {"min": 1, "max": 2, "approximate": False}
    assert document["metadata"]["path"] == "x"
    assert document["metadata"]["unknown"] is None


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=-1e6, max_value=1e6),
            st.floats(min_value=0, max_value=1e6),
            st.integers(min_value=0, max_value=3),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_spans_keep_their_order_and_precision(spans: list[tuple[float, float, int]]) -> None:
    """A span's bounds stay ordered, within one unit of the column's decimals + 2 of the
    value, and round to the figure the table shows (148.496 is kept as 148.49)."""
    rows = []
    for low, width, decimals in spans:
        columns = (Column("s", "S", "span", decimals),)
        table = TableData(
            name="t", title="T", columns=columns, rows=[{"s": Span(low, low + width)}]
        )
        [row] = json.loads(render_json(table))["rows"]
        rows.append(row)
        assert row["s_min"] <= row["s_max"]
        assert abs(row["s_min"] - low) <= 10 ** -(decimals + 2) * (1 + 1e-9)
        assert rounded(row["s_min"], decimals) == rounded(low, decimals)
        assert row["s_min"] == round(row["s_min"], decimals + 2)
    assert len(rows) == len(spans)


def test_a_bound_column_says_what_its_empty_cell_means() -> None:
    """Puolanka's FTE of at least 4 is `caseload_fte_max: null`, as is a member's (no
    value): the columns said only "upper bound", and a spreadsheet's blank read as 0."""
    document = run_json("caseload", "Puolanka", "Paltamo")
    metadata = document["metadata"]
    assert isinstance(metadata, dict)
    described = {c["key"]: c["description"] for c in metadata["columns"]}
    assert described["caseload_fte_min"] == (
        "FTE carrying a personal caseload: lower bound; empty (null) where there is none (≤: "
        "at most) or no value"
    )
    assert described["caseload_fte_max"] == (
        "FTE carrying a personal caseload: upper bound; empty (null) where there is none (≥: "
        "at least) or no value"
    )
    rows = document["rows"]
    assert isinstance(rows, list)
    puolanka = next(row for row in rows if row["unit"] == "Puolanka")
    assert (puolanka["caseload_fte_min"], puolanka["caseload_fte_max"]) == (4.0, None)


def test_a_share_column_is_named_with_its_count() -> None:
    """A share shown beside its count in the table view was headed "% (min)" in JSON
    and in an xlsx's metadata sheet, with nothing to say of which count."""
    metadata = run_json("unemployment", "Kuhmo")["metadata"]
    assert isinstance(metadata, dict)
    headers = {c["key"]: c["header"] for c in metadata["columns"]}
    assert headers["under_25_share_min"] == "Under 25 % (min)"
    assert headers["long_term_min"] == "Long-term (min)"

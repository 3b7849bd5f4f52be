"""Markdown: a GitHub pipe table with the title and notes, for pasting into documents."""

from __future__ import annotations

import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.render.markdown import render_markdown
from tyollisyys_cli.render.model import Column, TableData


def test_caseload_markdown() -> None:
    result = CliRunner().invoke(app, ["caseload", "Paltamo", "Kuhmo", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "**Caseload, Kainuu–Koillismaa, 2023-08 — clients: unemployed job seekers (2023-08)**"
    )
    assert lines[1] == "*Data: data (found from the working folder)*"
    assert lines[3].startswith("| Unit ")
    assert lines[4].startswith("|:---") and lines[4].endswith("---:|")  # With pool: a number
    assert "---:|" in lines[4]  # numbers aligned right
    assert "Against target" not in result.stdout  # bar columns are left out
    assert lines[6].startswith("| ↳ Paltamo ")  # (under its unit: no served_by column)
    assert "Served by" not in result.stdout
    kuhmo = [cell.strip() for cell in lines[9].split("|")]
    assert kuhmo[1:-1] == [
        "Kuhmo", "3 120", "263", "263", "6.0", "44", "under 100", "within", "",
    ]  # fmt: skip
    assert lines[10].startswith("| **Kainuu–Koillismaa (area)**")
    assert "**38 799**" in lines[10]
    assert lines[-1].startswith("The plan's Kuusamo statement")


def test_pipes_and_line_breaks_are_escaped() -> None:
    table = TableData(
        name="t",
        title="T",
        columns=(Column("a", "A|B"), Column("n", "N", "int")),
        rows=[{"a": "x|y\nz", "n": 1234}],
    )
    assert render_markdown(table).splitlines()[2:] == [
        "| A\\|B   |     N |",
        "|:-------|------:|",
        "| x\\|y z | 1 234 |",
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        # HTML from a data file is shown as text, never made live by a Markdown viewer.
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        # So are links and autolinks.
        ("Kuhmo [x](javascript:alert(1))", "Kuhmo \\[x\\](javascript:alert(1))"),
        ("<https://example.org>", "\\<https://example.org>"),
        ("a\\b", "a\\\\b"),
        (
            "Paltamo (ml. Hyrynsalmi ja Ristijärvi) ~66",
            "Paltamo (ml. Hyrynsalmi ja Ristijärvi) ~66",
        ),
    ],
)
def test_text_from_the_data_is_shown_as_written(written: str, shown: str) -> None:
    table = TableData(
        name="t", title=written, columns=(Column("a", "A"),), rows=[{"a": written}], notes=[written]
    )
    lines = render_markdown(table).splitlines()
    assert lines[0] == f"**{shown}**"
    assert lines[4].strip("| ").rstrip() == shown
    assert lines[-1] == shown

"""The table view: styled only on a terminal, no colour with NO_COLOR, plain elsewhere."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys

import pytest

from screen import by, table
from tyollisyys_cli.render.model import Column, Note, TableData
from tyollisyys_cli.render.rich_table import write_table

TABLE = TableData(
    name="t",
    title="Sample",
    columns=(Column("name", "Name"), Column("count", "Count", "int")),
    rows=[{"name": "Kajaani", "count": 16615}, {"name": "Kuhmo", "count": 3120}],
    styles=["normal", "member"],
    notes=["A note."],
)
BOLD_CYAN = "\x1b[1;36m"


def render(**options: bool) -> str:
    out = io.BytesIO()
    write_table(TABLE, out, width=60, **options)
    return out.getvalue().decode("utf-8")


def test_plain_off_a_terminal() -> None:
    text = render(terminal=False)
    assert "\x1b" not in text
    assert "│   Kuhmo │  3 120 │" in text  # member rows indented
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.endswith("A note.\n")


def test_styled_on_a_terminal_and_no_colour_with_no_color() -> None:
    assert BOLD_CYAN in render(terminal=True, color=True)
    plain = render(terminal=True, color=False)
    assert "\x1b[1m" in plain  # bold stays: NO_COLOR is about colour
    assert "36m" not in plain


def run_module(
    *args: str, env: dict[str, str], capture_output: bool = False
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tyollisyys_cli", *args],
        env=env,
        check=False,
        capture_output=capture_output,
    )


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "COLUMNS", "FORCE_COLOR"}}
    env.update({"TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8"})
    return env


def test_pipe_gets_plain_wide_text() -> None:
    result = run_module("unemployment", env=base_env(), capture_output=True)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 200
    kajaani = by(table(text), "Municipality")["Kajaani"]
    assert (kajaani["Code"], kajaani["Labour force"], kajaani["Rate %"]) == ("205", "16 615", "8.3")


@pytest.mark.parametrize(
    ("force", "no_color", "styled", "coloured"),
    [
        ("1", "", True, True),
        ("1", "1", True, False),
        ("0", "", False, False),
        ("", "", False, False),
    ],
)
def test_force_color_styles_a_pipe(force: str, no_color: str, styled: bool, coloured: bool) -> None:
    """FORCE_COLOR (https://force-color.org), as CI logs that show colour set it, was
    ignored: a pipe got plain text."""
    env = {**base_env(), "FORCE_COLOR": force, "NO_COLOR": no_color}
    result = run_module("caseload", "Kuhmo", env=env, capture_output=True)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert ("\x1b[1m" in text) is styled
    assert (BOLD_CYAN in text) is coloured
    plain = re.sub("\x1b\\[[0-9;]*m", "", text)
    assert max(len(line) for line in plain.splitlines()) <= 200  # (the pipe's width)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", [False, True])
def test_real_terminal(no_color: bool) -> None:
    import pty

    env = base_env()
    env["COLUMNS"] = "200"
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "tyollisyys_cli", "caseload", "Kuhmo"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    text = b"".join(chunks).decode("utf-8")
    assert "Kuhmo" in text
    assert "\x1b[" in text
    assert (BOLD_CYAN in text) is not no_color


AREA = TableData(
    name="t",
    title="Area",
    columns=(
        Column("name", "Name"),
        Column("count", "Count", "int"),
        Column("extra", "Extra", "int", give_way=1),
    ),
    rows=[{"name": "Kajaani", "count": 16615, "extra": 1}, {"name": "Kainuu–Koillismaa"}],
)


@pytest.mark.parametrize(
    ("width", "first_cells", "left_out"),
    [
        # Room for every column with the name whole: it stays whole.
        (38, ["Name", "Kajaani", "Kainuu–Koillismaa"], False),
        # Only with the name broken after its dash does Extra stay: it breaks.
        (31, ["Name", "Kajaani", "Kainuu–", "Koillismaa"], False),
        # Not even then: Extra gives way, and the name fits whole again.
        (30, ["Name", "Kajaani", "Kainuu–Koillismaa"], True),
        # Nothing left to give way: the name breaks.
        (24, ["Name", "Kajaani", "Kainuu–", "Koillismaa"], True),
    ],
)
def test_a_name_breaks_at_its_dash_only_to_keep_a_column(
    width: int, first_cells: list[str], left_out: bool
) -> None:
    out = io.BytesIO()
    write_table(AREA, out, width=width)
    lines = out.getvalue().decode("utf-8").splitlines()
    rows = [line[1:].split(line[0])[0].strip() for line in lines if line[0] in "│┃"]
    assert [cell for cell in rows if cell] == first_cells
    assert max(len(line) for line in lines) <= width
    assert ("Left out at" in "\n".join(lines)) is left_out


GAVE_WAY = TableData(
    name="t",
    title="Columns",
    columns=(
        Column("name", "Name"),
        Column("count", "Count", "int"),
        Column("extra", "Extra", "int", give_way=2),
        Column("wide", "Wide", "int", give_way=1),
    ),
    rows=[{"name": "Kuhmo", "count": 3120, "extra": 1, "wide": 123456789}],
)


@pytest.mark.parametrize(
    ("width", "headers", "left_out"),
    [
        (39, ["Name", "Count", "Extra", "Wide"], ""),
        # Extra gives way first, then Wide; in the room Wide leaves, Extra is given back.
        (30, ["Name", "Count", "Extra"], "Wide"),
        (24, ["Name", "Count"], "Extra, Wide"),
    ],
)
def test_a_column_that_gave_way_is_given_back_where_it_fits(
    width: int, headers: list[str], left_out: str
) -> None:
    out = io.BytesIO()
    write_table(GAVE_WAY, out, width=width)
    text = out.getvalue().decode("utf-8")
    header_line = next(line for line in text.splitlines() if line.startswith("┃"))
    assert [cell.strip() for cell in header_line.strip("┃").split("┃")] == headers
    said = " ".join(text.split())
    if left_out:
        assert f"Left out at {width} columns: {left_out}." in said
    else:
        assert "Left out" not in said


@pytest.mark.parametrize(("width", "notes"), [(38, ["whole", "extra"]), (30, ["whole"])])
def test_a_note_on_a_column_left_out_is_left_out_with_it(width: int, notes: list[str]) -> None:
    """A note that explains a column only is left out where the column gave way (a note
    on a column not shown misleads); data formats and a wide view keep it."""
    said = {"whole": "Counts are of persons.", "extra": Note("Extra: what extra is.", "extra")}
    table = dataclasses.replace(AREA, notes=list(said.values()))
    out = io.BytesIO()
    write_table(table, out, width=width)
    text = " ".join(out.getvalue().decode("utf-8").split())
    assert [key for key, note in said.items() if note in text] == notes
    assert ("Left out at 30 columns: Extra." in text) is (width == 30)


@pytest.mark.parametrize(("width", "said"), [(24, False), (18, True)])
def test_a_table_too_narrow_for_its_cells_says_so(width: int, said: bool) -> None:
    # At 24 every cell stands whole (Extra gave way); at 18 rich must cut some.
    out = io.BytesIO()
    write_table(AREA, out, width=width)
    text = " ".join(out.getvalue().decode("utf-8").split())
    assert (f"At {width} columns some cells are cut short (…) or split." in text) is said
    assert ("│ Kajaa │" in text) is said  # (split, not squeezed away)
    assert "┃ Name ┃ Count ┃" in text


@pytest.mark.parametrize("width", [12, 14, 16, 18, 20, 24, 30])
def test_no_kept_column_is_squeezed_to_nothing(width: int) -> None:
    """A column rich would squeeze below three cells gives way instead, and is named."""
    out = io.BytesIO()
    write_table(GAVE_WAY, out, width=width)
    text = out.getvalue().decode("utf-8")
    header = next(line for line in text.splitlines() if line.startswith("┃"))
    cells = header.strip("┃").split("┃")
    assert all(len(cell) >= 3 + 2 for cell in cells), header  # (3 cells and the padding)
    shown = {cell.strip().rstrip("…") for cell in cells}
    left = " ".join(text.split()).partition(f"Left out at {width} columns: ")[2]
    for name in ("Name", "Count", "Extra", "Wide"):
        assert any(name.startswith(cell) for cell in shown if cell) or name in left, name


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # A figure in a text cell stands whole: rich alone would end a line with `16`.
        ("over by 16 615 at ≥ 5 %", 16, ["over by", "16 615 at", "≥ 5 %"]),
        ("over by 16 615 at ≥ 5 %", 12, ["over by", "16 615", "at ≥ 5 %"]),
        # A CJK name that just fills its column is not cut with `…`.
        ("Kajaani 東京都–大阪府 Mänttä", 17, ["Kajaani", "東京都–大阪府", "Mänttä"]),
    ],
)
def test_a_text_cell_wraps_between_words_never_inside_a_figure(
    text: str, width: int, lines: list[str]
) -> None:
    table = TableData(name="t", title="T", columns=(Column("note", "Note"),), rows=[{"note": text}])
    out = io.BytesIO()
    write_table(table, out, width=width)
    rows = out.getvalue().decode("utf-8").splitlines()
    cells = [row.strip("│").strip() for row in rows if row.startswith("│")]
    assert cells == lines

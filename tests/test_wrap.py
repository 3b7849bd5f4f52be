"""Wrapping text for people: between words, never inside a figure; a word longer than
the line (a path, a long name) broken after a `/`, else at the width."""

from __future__ import annotations

import pytest

from tyollisyys_cli.render.wrap import (
    break_names,
    cut_path,
    longest_name_part,
    longest_word,
    wrap,
)

PATH = "/home/analyst/tyollisyysalueet/kainuu-koillismaa/suunnitelma-2026/data"


@pytest.mark.parametrize(
    ("text", "width", "indents", "lines"),
    [
        ("a b c", 80, ("", ""), ["a b c"]),
        # A figure's spaces hold: `16 615` and `8.3 %` are never split over two lines.
        ("labour force 16 615", 17, ("", ""), ["labour force", "16 615"]),
        ("rate 8.3 %", 8, ("", ""), ["rate", "8.3 %"]),
        ("at least ≥ 5 FTE", 11, ("", ""), ["at least", "≥ 5 FTE"]),
        # A suffix joined by a dash stays with its word: a line began "-luku".
        (
            "asiakkaita per virkailija -luku on",
            26,
            ("", ""),
            ["asiakkaita per", "virkailija -luku on"],
        ),
        ("use --wide here", 10, ("", ""), ["use --wide", "here"]),
        # (an option of one letter is no suffix: a run of them breaks as words do)
        ("x -a -b -c -d -e -f -g -h", 10, ("", ""), ["x -a -b -c", "-d -e -f", "-g -h"]),
        # A hanging indent.
        ("one two three four", 12, ("- ", "  "), ["- one two", "  three four"]),
        # A path longer than the line: cut after the last `/` that fits.
        (
            f"Data: {PATH}",
            40,
            ("", ""),
            [
                "Data:",
                "/home/analyst/tyollisyysalueet/",
                "kainuu-koillismaa/suunnitelma-2026/data",
            ],
        ),
        (
            f"Data: {PATH}",
            40,
            ("", "    "),
            [
                "Data:",
                "    /home/analyst/tyollisyysalueet/",
                "    kainuu-koillismaa/suunnitelma-2026/",
                "    data",
            ],
        ),
        # A `/` that begins the word is no place to cut.
        ("Data: /" + "a" * 25, 20, ("", ""), ["Data:", "/" + "a" * 19, "a" * 6]),
        # A word without a `/`: cut at the width.
        ("x" * 25, 10, ("", ""), ["x" * 10, "x" * 10, "x" * 5]),
        ("", 10, ("", ""), [""]),
        # A first word that does not fit after the first line's lead starts the next
        # line whole (check's findings on a narrow terminal).
        ("ulkomaalaiset: 5", 20, (" " * 10, "  "), [" " * 10, "  ulkomaalaiset: 5"]),
    ],
)
def test_wrap(text: str, width: int, indents: tuple[str, str], lines: list[str]) -> None:
    first, rest = indents
    assert wrap(text, width, first=first, rest=rest) == lines
    assert all(len(line) <= width for line in lines)


def test_the_longest_word_holds_a_figure_whole() -> None:
    assert longest_word("labour force 16 615 persons") == len("persons")
    assert longest_word("123 456 789") == len("123 456 789")
    # An indent (a member row's) stands on the first line with the first word.
    assert longest_word("  Hyrynsalmi") == len("  Hyrynsalmi")
    # A member row's name broken at its dash: both lines indented.
    assert longest_name_part("  Mänttä-Vilppula") == len("  Vilppula")
    assert break_names("  Mänttä-Vilppula", 10) == "  Mänttä-\n  Vilppula"


def test_widths_are_terminal_cells() -> None:
    # A CJK character takes two cells: 東京都– is 7 cells, 大阪府 6, the whole 13.
    assert longest_word("東京都–大阪府") == 13
    assert longest_name_part("東京都–大阪府") == 7
    assert break_names("東京都–大阪府", 12) == "東京都–\n大阪府"
    assert break_names("東京都–大阪府", 13) == "東京都–大阪府"


@pytest.mark.parametrize(
    ("text", "width", "broken", "longest"),
    [
        # A name longer than its column breaks after its dash; one that fits stays whole.
        ("Kainuu–Koillismaa (area)", 11, "Kainuu–\nKoillismaa (area)", 10),
        ("Kainuu–Koillismaa (area)", 17, "Kainuu–Koillismaa (area)", 10),
        ("Hanko-Inkoo-Raasepori", 12, "Hanko-Inkoo-\nRaasepori", 9),
        ("Hanko-Inkoo-Raasepori", 6, "Hanko-\nInkoo-\nRaasepori", 9),
        # A minus sign, a dash between figures or a spaced dash is no dash of a name.
        ("-10.8 – -6.2", 3, "-10.8 – -6.2", 5),
        ("100–150", 4, "100–150", 7),
        ("Tunturi-Lappi - Pello", 8, "Tunturi-\nLappi - Pello", 8),
    ],
)
def test_a_name_breaks_after_its_dash(text: str, width: int, broken: str, longest: int) -> None:
    assert break_names(text, width) == broken
    assert longest_name_part(text) == longest


def test_after_a_lead_wider_than_the_line_the_rest_keeps_the_width() -> None:
    # check's place and label (27 characters) on a 24-column terminal.
    lines = wrap("ulkomaalaiset: kaksi kolme neljä viisi kuusi", 24, first=" " * 27, rest=" " * 8)
    assert lines[0] == " " * 27
    assert [line.strip() for line in lines[1:]] == [
        "ulkomaalaiset:",
        "kaksi kolme",
        "neljä viisi",
        "kuusi",
    ]
    assert all(len(line) <= 24 for line in lines[1:])


def test_a_path_is_cut_only_after_a_slash() -> None:
    path = "ws/My Documents/abc/data/commuting.yaml"
    assert cut_path(path, 20) == ["ws/My Documents/abc/", "data/commuting.yaml"]
    assert "".join(cut_path(path, 12)) == path

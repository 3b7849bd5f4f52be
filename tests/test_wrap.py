"""Wrapping text for people: between words, never inside a figure; a word longer than
the line (a path, a long name) broken after a `/`, else at the width."""

from __future__ import annotations

import pytest

from tyollisyys_cli.render.wrap import longest_word, wrap

PATH = "/home/analyst/tyollisyysalueet/kainuu-koillismaa/suunnitelma-2026/data"


@pytest.mark.parametrize(
    ("text", "width", "indents", "lines"),
    [
        ("a b c", 80, ("", ""), ["a b c"]),
        # A figure's spaces hold: `16 615` and `8.3 %` are never split over two lines.
        ("labour force 16 615", 17, ("", ""), ["labour force", "16 615"]),
        ("rate 8.3 %", 8, ("", ""), ["rate", "8.3 %"]),
        ("at least ≥ 5 FTE", 11, ("", ""), ["at least", "≥ 5 FTE"]),
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
    ],
)
def test_wrap(text: str, width: int, indents: tuple[str, str], lines: list[str]) -> None:
    first, rest = indents
    assert wrap(text, width, first=first, rest=rest) == lines
    assert all(len(line) <= width for line in lines)


def test_the_longest_word_holds_a_figure_whole() -> None:
    assert longest_word("labour force 16 615 persons") == len("persons")
    assert longest_word("123 456 789") == len("123 456 789")

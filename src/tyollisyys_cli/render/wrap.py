"""Wrapping text for people at word boundaries, never inside a figure.

`16 615`, `≥ 5` and `8.3 %` hold spaces, but a reader must never find half of a number
at the end of one line and the rest on the next. Such spaces are held together while
the text is wrapped, then given back.
"""

from __future__ import annotations

import re
import textwrap

#: Spaces inside a figure: thousands (`16 615`), after a bound (`≥ 5`), before a unit.
_INSIDE_FIGURE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))|(?<=[≥≤~]) (?=[~\d])|(?<=\d) (?=%)")
#: A space before a suffix joined by a dash (Finnish `per virkailija -luku`): a line that
#: began "-luku" read as a list's dash or an option.
_BEFORE_SUFFIX = re.compile(r"(?<=[^\W\d_]) (?=-[^\W\d_]{3,})")  # (not `-o`, nor ` -5`)
#: The narrowest text for people: below it (`COLUMNS=3`) a line is not broken after every
#: few letters; the terminal wraps what does not fit.
MIN_WIDTH = 30
#: Stands for a held space while wrapping: textwrap breaks only at ASCII white space.
_HELD = "\u00a0"
#: A dash between two letters of a name (`Kainuu–Koillismaa`, `Mänttä-Vilppula`), where
#: a name may break after it; never a minus sign.
_NAME_DASH = re.compile(r"(?<=[^\W\d_])[-–](?=[^\W\d_])")


def wrap(text: str, width: int, *, first: str = "", rest: str = "") -> list[str]:
    """`text` as lines of at most `width` characters, broken between words; a word
    longer than `width` (a path, a long name) goes on a line of its own and is broken
    after a `/` where it has one, else at the width. `first` and `rest` begin the first
    line and the lines after it (a hanging indent)."""
    held = _BEFORE_SUFFIX.sub(_HELD, _INSIDE_FIGURE.sub(_HELD, text))
    word = _words(text.strip())[1][0]
    if len(first) + len(word) > width >= len(rest) + len(word):
        # The first word fits on a line of its own but not after `first`: it starts the
        # next line, whole, rather than being cut at the width.
        return [first, *wrap(text, width, first=rest, rest=rest)]
    width = max(width, len(first) + 1, len(rest) + 1)
    lines = textwrap.wrap(
        held,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    folded = [piece for line in lines for piece in _fold(line, width, len(rest))]
    return [line.replace(_HELD, " ") for line in folded] or [first]


def cut_path(path: str, width: int) -> list[str]:
    """`path` in pieces of at most `width` characters, each cut after a `/` where one
    fits (never at a space: a folder's name may hold one)."""
    return _fold(path, width, 0)


def _fold(line: str, width: int, indent: int) -> list[str]:
    """A line longer than `width` (one word that long) in pieces of at most `width`:
    each cut after the last `/` that fits, else at the width. The pieces after the
    first begin with `indent` spaces."""
    pieces: list[str] = []
    while len(line) > width:
        start = len(line) - len(line.lstrip(" "))  # (the word, after its indent)
        cut = line.rfind("/", start + 1, width) + 1  # (not after a `/` that begins it)
        if cut <= start + 1:
            cut = width
        pieces.append(line[:cut])
        line = " " * indent + line[cut:]
    return [*pieces, line]


def longest_word(text: str) -> int:
    """The width, in terminal cells, of the longest piece of `text` that `wrap` never
    breaks (an indent counts with the first word: it stands on the first line)."""
    indent, words = _words(text)
    return max([_cells(indent + words[0]), *(_cells(word) for word in words[1:])])


def longest_name_part(text: str) -> int:
    """As `longest_word`, where a name may also break after a dash between letters (the
    first word's indent stands on each of its lines)."""
    indent, words = _words(text)
    parts = [indent + part for part in _name_parts(words[0])]
    parts += [part for word in words[1:] for part in _name_parts(word)]
    return max(_cells(part) for part in parts)


def break_names(text: str, width: int) -> str:
    """`text` with a line break after the dashes of a name wider than `width` cells, each
    line as long as fits (`Kainuu–\nKoillismaa`); a name that fits stays whole. The
    lines of the first word keep its indent (a member row's)."""
    body = text.lstrip(" ")
    indent = text[: len(text) - len(body)]
    words = body.split(" ")
    for index, word in enumerate(words):
        lead = indent if index == 0 else ""
        if _cells(lead + word) > width:
            lines = [""]
            for part in _name_parts(word):
                if lines[-1] and _cells(lead + lines[-1] + part) > width:
                    lines.append("")
                lines[-1] += part
            words[index] = ("\n" + lead).join(lines)
    return indent + " ".join(words)


def _words(text: str) -> tuple[str, list[str]]:
    """The indent of `text` and its words, split where textwrap breaks (ASCII white
    space, not a space inside a figure)."""
    held = _BEFORE_SUFFIX.sub(_HELD, _INSIDE_FIGURE.sub(_HELD, text))
    body = held.lstrip(" ")
    words = re.split(r"[\t\n\x0b\x0c\r ]+", body)
    return held[: len(held) - len(body)], words


def _name_parts(word: str) -> list[str]:
    """`word` in the pieces a name breaks into: each ends at a dash between letters."""
    return _NAME_DASH.sub(lambda dash: dash.group() + "\n", word).split("\n")


def _cells(text: str) -> int:
    """How many terminal cells `text` takes (a CJK character two)."""
    from rich.cells import cell_len  # (here: the text reports of `check` never load rich)

    return cell_len(text)

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
    held = _INSIDE_FIGURE.sub(_HELD, text)
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
    """The length of the longest piece of `text` that `wrap` never breaks (an indent
    counts with the first word: it stands on the first line)."""
    return max(len(piece) for piece in _pieces(_INSIDE_FIGURE.sub(_HELD, text)))


def longest_name_part(text: str) -> int:
    """As `longest_word`, where a name may also break after a dash between letters."""
    spaced = _NAME_DASH.sub(lambda dash: dash.group() + " ", text)
    return max(len(piece) for piece in _pieces(_INSIDE_FIGURE.sub(_HELD, spaced)))


def _pieces(held: str) -> list[str]:
    """`held` split where textwrap breaks (ASCII white space, not a held space), with
    its indent kept on the first piece."""
    body = held.lstrip(" ")
    pieces = re.split(r"[\t\n\x0b\x0c\r ]+", body)
    pieces[0] = held[: len(held) - len(body)] + pieces[0]
    return pieces


def break_names(text: str, width: int) -> str:
    """`text` with a line break after the dashes of a name longer than `width`, each
    piece as long as fits (`Kainuu–\nKoillismaa`); a name that fits stays whole."""
    body = text.lstrip(" ")
    indent = len(text) - len(body)
    words = body.split(" ")
    for index, word in enumerate(words):
        room = width - indent if index == 0 else width  # (the indent shares the first line)
        if len(word) > room:
            lines = [""]
            for part in _NAME_DASH.sub(lambda dash: dash.group() + "\n", word).split("\n"):
                if lines[-1] and len(lines[-1]) + len(part) > room:
                    lines.append("")
                    room = width
                lines[-1] += part
            words[index] = "\n".join(lines)
    return text[:indent] + " ".join(words)

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
    """The length of the longest piece of `text` that `wrap` never breaks."""
    held = _INSIDE_FIGURE.sub(_HELD, text)
    # (split where textwrap breaks: at ASCII white space, not at a held space)
    return max((len(word) for word in re.split(r"[\t\n\x0b\x0c\r ]+", held)), default=0)

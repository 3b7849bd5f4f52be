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
    """`text` as lines of at most `width` characters where its words allow; a word
    longer than `width` stands whole on a line of its own. `first` and `rest` begin the
    first line and the lines after it (a hanging indent)."""
    held = _INSIDE_FIGURE.sub(_HELD, text)
    lines = textwrap.wrap(
        held,
        width=max(width, len(first) + 1, len(rest) + 1),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_HELD, " ") for line in lines] or [first]


def longest_word(text: str) -> int:
    """The length of the longest piece of `text` that `wrap` never breaks."""
    held = _INSIDE_FIGURE.sub(_HELD, text)
    return max((len(word) for word in held.split()), default=0)

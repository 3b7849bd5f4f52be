"""Find a line of a data file by its content, never by its number.

The bundled files in data/ change (a municipality gains an office, a note grows a
line); a test that names a line of them names it by what the line holds.
"""

from __future__ import annotations

from pathlib import Path


def line_in(text: str, needle: str, *, after: str | None = None) -> int:
    """The 1-based number of the line of `text` that holds `needle`.

    Without `after`, exactly one line may hold it; with `after`, the first line holding
    `needle` below the (one) line holding `after`.
    """
    lines = text.splitlines()
    start = 0 if after is None else line_in(text, after)
    hits = [number for number, line in enumerate(lines, 1) if number > start and needle in line]
    if not hits or (after is None and len(hits) > 1):
        where = "" if after is None else f" below {after!r}"
        raise AssertionError(f"{len(hits)} lines hold {needle!r}{where}; expected one")
    return hits[0]


def line_of(path: Path, needle: str, *, after: str | None = None) -> int:
    """The 1-based number of the line of the file `path` that holds `needle` (see `line_in`)."""
    return line_in(path.read_text(encoding="utf-8", errors="replace"), needle, after=after)

"""The table of a command's output for people, read back by its headers.

A test asks for a figure by its row and column (`rows["Kajaani"]["Labour force"]`), not
by its position among the cells shown: a column added to the table, or an empty cell,
leaves it standing. Reads rich's box tables as the tool prints them to a wide console
(one line a row: at 240 columns nothing wraps).
"""

from __future__ import annotations

import re

_HEADER_OPEN, _HEADER_CLOSE = "┏", "┡"
_CELL_SEPARATOR = re.compile(r"[│┃]")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SEPARATOR.split(line)[1:-1]]


def table(output: str) -> list[dict[str, str]]:
    """The first table of `output`: a row a dict of header → cell text ("" where empty).
    A header written over several lines is joined with spaces ("Clients / advisor")."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(_HEADER_OPEN))
    end = next(i for i, line in enumerate(lines) if line.startswith(_HEADER_CLOSE))
    parts = [_cells(line) for line in lines[start + 1 : end]]
    headers = [" ".join(part for part in column if part) for column in zip(*parts, strict=True)]
    rows = []
    for line in lines[end + 1 :]:
        if line.startswith("└"):
            break
        if line.startswith("│"):
            rows.append(dict(zip(headers, _cells(line), strict=True)))
    return rows


def by(rows: list[dict[str, str]], header: str) -> dict[str, dict[str, str]]:
    """The rows by the cell of one column (`by(table(output), "Municipality")`)."""
    return {row[header]: row for row in rows}

"""Where a value stands in its file, without the YAML reader (warm runs do not import it)."""

from __future__ import annotations

from dataclasses import dataclass

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """Where a value stands in its file (1-based) and how it was written."""

    line: int
    column: int
    text: str | None = None


def field_name(path: PathKey) -> str:
    """`municipalities[3].statistics.unemployed` from a path tuple."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

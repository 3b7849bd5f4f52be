"""Where a value stands in its file, without the YAML reader (warm runs do not import it)."""

from __future__ import annotations

from dataclasses import dataclass

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, init=False)
class Position:
    """Where a value stands in its file (1-based) and how it was written."""

    line: int
    column: int
    text: str | None = None

    def __init__(self, line: int, column: int, text: str | None = None) -> None:
        # A frozen dataclass's own __init__ sets each field through object.__setattr__;
        # writing the instance's dict is twice as fast, and a large area file has a
        # position for each of its 14,000 values.
        fields = self.__dict__
        fields["line"] = line
        fields["column"] = column
        fields["text"] = text


def field_name(path: PathKey) -> str:
    """`municipalities[3].statistics.unemployed` from a path tuple."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

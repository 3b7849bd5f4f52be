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


def json_position(text: str, path: PathKey) -> Position | None:
    """Where the value at `path` (keys and list indexes) stands in the JSON `text`, or
    None where `path` leads nowhere. Found again only when a problem is reported: the
    standard reader keeps no positions. Of a key given twice, the last one (the one
    `json.loads` keeps)."""
    import json

    skip = json.JSONDecoder().raw_decode
    at = _blank(text, 0)
    for step in path:
        if isinstance(step, int) and text.startswith("[", at):
            at = _blank(text, at + 1)
            for _index in range(step):
                if text.startswith("]", at):
                    return None
                at = _blank(text, skip(text, at)[1])
                if not text.startswith(",", at):
                    return None
                at = _blank(text, at + 1)
            if text.startswith("]", at):
                return None
        elif isinstance(step, str) and text.startswith("{", at):
            at, found = _blank(text, at + 1), None
            while text.startswith('"', at):
                key, at = skip(text, at)
                at = _blank(text, _blank(text, at) + 1)  # past the colon
                found = at if key == step else found
                at = _blank(text, skip(text, at)[1])
                at = _blank(text, at + 1) if text.startswith(",", at) else at
            if found is None:
                return None
            at = found
        else:
            return None
    return Position(*line_and_column(text, at))


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """The line and column (1-based) of `text[index]`, as an editor counts them (a lone
    carriage return ends a line too)."""
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return line + 1, index - line_start + 1


def _blank(text: str, at: int) -> int:
    """The first position from `at` that is not JSON white space."""
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at

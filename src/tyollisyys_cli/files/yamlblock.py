"""A fast reader for data files in plain block YAML, without PyYAML.

Data files are mostly written one way: mappings of `key: value` lines, lists of `- `
items, values on one line (plain, in quotes without escapes, `{min: 1, max: 4}`,
`["091", "205"]`), comments. `read_block` reads exactly that, line by line, about three
times faster than PyYAML's C parser hands its events to Python, and gives what the
event reader of `yamlfile` gives: the same data, the same positions.

Anything else makes it answer None, and `yamlfile` reads the file with PyYAML: a block
scalar (`|`, `>`), an escape or a quote doubled inside quotes, a key without a value, a
tag, an anchor or alias, a key in quotes or with other characters than letters, digits
and `_`, a value running on to the next line, a tab, a carriage return, a character YAML
does not print, and every syntax error. So a file is either read here exactly as PyYAML
reads it, or by PyYAML, whose messages are the ones shown.
"""

from __future__ import annotations

import re
from typing import Any

from tyollisyys_cli.files.positions import PathKey, Position

#: Where the reader leaves a file to PyYAML: tabs, carriage returns and the line breaks
#: of YAML 1.1 (NEL, LS, PS), a byte-order mark inside the text, and what YAML calls
#: non-printable (PyYAML refuses it, and its error is the one to show).
_GIVE_UP = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
#: A plain key and the spaces after its colon (a colon at the end of the line too).
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|$)")
#: What may follow a value in quotes or brackets: spaces and a comment.
_END = re.compile(r" *(?: #.*)?")
#: A value inside brackets, then the `,`, `]` or `}` after it: text in quotes without
#: escapes, or a plain value of one line (no flow indicator, colon, quote or `#`).
_FLOW_ITEM = re.compile(
    r"""(?:"([^"\\]*)"|'([^']*)'|((?:-(?=[0-9.]))?[^\s,\[\]{}#:'"&*!|>%@`?\-]"""
    r"""(?:[^,\[\]{}#:'"]*[^\s,\[\]{}#:'"])?)) *([,\]}])"""
)
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): +")
#: Characters that cannot start a plain value (a `-` can, before a digit or a point).
_INDICATORS = frozenset("-?:,[]{}#&*!|>%@`")
#: Deepest nesting read here (`yamlfile.MAX_DEPTH` is the limit; PyYAML reports it).
_DEPTH = 48

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# YAML 1.2 core floats, except that a leading zero before digits keeps the value text.
_FLOAT = re.compile(r"[-+]?((0|[1-9][0-9]*)(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def _int(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4300): too large to use anyway
        return float(text)  # inf, which the models refuse as a number too large to use


def plain_scalar(value: str) -> Any:
    """The YAML 1.2 core-schema value of a plain (unquoted, untagged) scalar's text."""
    if value.isdigit() and value.isascii() and (value[0] != "0" or len(value) == 1):
        return _int(value)  # what most values are (the checks below say the same)
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return _int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _GiveUp(Exception):
    """Something this reader does not take: PyYAML reads the file."""


def read_block(text: str) -> tuple[Any, dict[PathKey, Position]] | None:
    """The data of a plain block YAML document and each value's position, or None."""
    if _GIVE_UP.search(text) is not None:
        return None
    try:
        return _read(text)
    except _GiveUp:
        return None


def _read(text: str) -> tuple[Any, dict[PathKey, Position]]:
    positions: dict[PathKey, Position] = {}
    # Open block collections, innermost last: [container, path, indentation, the key
    # whose value starts on the next line (mappings)].
    stack: list[list[Any]] = []
    root: Any = None
    for number, line in enumerate(text.split("\n"), 1):
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        while stack and stack[-1][2] > indent:
            if stack.pop()[3] is not None:
                raise _GiveUp  # a key without a value
        frame = stack[-1] if stack else None
        if content[0] == "-" and content[1:2] == " ":
            if frame is not None and frame[2] == indent and type(frame[0]) is list:
                items = frame
            elif frame is not None and frame[3] is not None:  # the list is a key's value
                items = _open(stack, frame, [], number, indent, positions)
            elif frame is None and root is None:
                root = []
                positions[()] = Position(number, indent + 1)
                items = [root, (), indent, None]
                stack.append(items)
            else:
                raise _GiveUp
            start = len(line) - len(content[1:].lstrip(" "))
            if start == len(line):
                raise _GiveUp  # an empty item, or one that starts on the next line
            where = (*items[1], len(items[0]))
            key = _KEY.match(line, start)
            if key is None:
                items[0].append(_value(line, start, number, where, positions))
                continue
            if len(stack) >= _DEPTH:
                raise _GiveUp
            mapping: dict[str, Any] = {}
            items[0].append(mapping)
            positions[where] = Position(number, start + 1)
            frame = [mapping, where, start, None]
            stack.append(frame)
        else:
            key = _KEY.match(line, indent)
            if key is None:
                raise _GiveUp
            if frame is not None and frame[2] == indent and type(frame[0]) is list:
                stack.pop()  # a list written at its key's indentation has ended
                frame = stack[-1] if stack else None
            if frame is not None and frame[2] == indent and type(frame[0]) is dict:
                if frame[3] is not None:
                    raise _GiveUp  # the key before has no value
            elif frame is not None and frame[3] is not None and indent > frame[2]:
                frame = _open(stack, frame, {}, number, indent, positions)
            elif frame is None and root is None:
                root = {}
                positions[()] = Position(number, indent + 1)
                frame = [root, (), indent, None]
                stack.append(frame)
            else:
                raise _GiveUp
        name = key.group(1)
        mapping = frame[0]
        if name in mapping:
            raise _GiveUp  # a key written twice: the checking reader names both lines
        start = key.end()
        if start == len(line):
            frame[3] = name  # the value starts on a later line
        elif line[start].isalnum():  # most values: plain, and nothing special at the start
            comment = line.find(" #", start)
            text = (line[start:] if comment < 0 else line[start:comment]).rstrip(" ")
            if ": " in text or text[-1] == ":":
                raise _GiveUp
            positions[(*frame[1], name)] = Position(number, start + 1, text)
            mapping[name] = plain_scalar(text)
        elif line[start] == "#":
            frame[3] = name
        else:
            mapping[name] = _value(line, start, number, (*frame[1], name), positions)
    if root is None or any(frame[3] is not None for frame in stack):
        raise _GiveUp
    return root, positions


def _open(
    stack: list[list[Any]],
    frame: list[Any],
    container: Any,
    number: int,
    indent: int,
    positions: dict[PathKey, Position],
) -> list[Any]:
    """Open the block collection that is the value of `frame`'s waiting key (a mapping
    below the key, a list below it or at its indentation: the callers see to that)."""
    if len(stack) >= _DEPTH:
        raise _GiveUp
    name = frame[3]
    frame[3] = None
    where = (*frame[1], name)
    frame[0][name] = container
    positions[where] = Position(number, indent + 1)
    opened = [container, where, indent, None]
    stack.append(opened)
    return opened


def _value(
    line: str, start: int, number: int, where: PathKey, positions: dict[PathKey, Position]
) -> Any:
    """The one-line value that starts at `line[start]` (not a space), with its position."""
    first = line[start]
    if first == '"' or first == "'":
        close = line.find(first, start + 1)
        if close < 0 or _END.fullmatch(line, close + 1) is None:
            raise _GiveUp  # runs on, or a quote doubled inside
        text = line[start + 1 : close]
        if first == '"' and "\\" in text:
            raise _GiveUp
        positions[where] = Position(number, start + 1, text)
        return text
    if first == "{" or first == "[":
        return _flow(line, start, number, where, positions)
    if first in _INDICATORS and not (first == "-" and line[start + 1 : start + 2] in _NUMBER):
        raise _GiveUp
    comment = line.find(" #", start)
    text = (line[start:comment] if comment >= 0 else line[start:]).rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _GiveUp
    positions[where] = Position(number, start + 1, text)
    return plain_scalar(text)


_NUMBER = frozenset("0123456789.")


def _flow(
    line: str, start: int, number: int, where: PathKey, positions: dict[PathKey, Position]
) -> Any:
    """A `{key: value, ...}` or `[value, ...]` of plain or quoted values, on one line."""
    is_mapping = line[start] == "{"
    closing = "}" if is_mapping else "]"
    container: Any = {} if is_mapping else []
    positions[where] = Position(number, start + 1)
    at = start + 1
    while line.startswith(" ", at):
        at += 1
    if line.startswith(closing, at):
        at += 1
    else:
        while True:
            if is_mapping:
                key = _FLOW_KEY.match(line, at)
                if key is None or key.group(1) in container:
                    raise _GiveUp
                name = key.group(1)
                at = key.end()
                path: PathKey = (*where, name)
            else:
                path = (*where, len(container))
            item = _FLOW_ITEM.match(line, at)
            if item is None:
                raise _GiveUp
            double, single, plain, after = item.groups()
            if plain is not None:
                text, value = plain, plain_scalar(plain)
            else:
                text = value = double if double is not None else single
            positions[path] = Position(number, at + 1, text)
            if is_mapping:
                container[name] = value
            else:
                container.append(value)
            at = item.end()
            if after == closing:
                break
            if after != ",":
                raise _GiveUp
            while line.startswith(" ", at):
                at += 1
    if _END.fullmatch(line, at) is None:
        raise _GiveUp
    return container

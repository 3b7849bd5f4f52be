"""Why the YAML reader refused a file, worded for people.

`yamlfile` reads a file in one pass over the parser's events and stops at the first
anchor, alias, second document, nesting too deep or syntax error. `explain` then reads
it again with the pure-Python parser, so that the words are the same whether or not
PyYAML has libyaml (whose wording differs): `scan` reads the tokens and names each
anchor and alias with its position, or the first nesting too deep, or the scanner's
complaint with the [ or { still open around it; then the composer gives the parser's
complaint. `syntax_error` turns a complaint ("mapping values are not allowed here") into
what to change ("put a value that contains ': ' in quotes"), placed where the fix goes:
the opening quote or bracket that is never closed, not the end of the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.i18n import _, ngettext

#: Deepest nesting of lists and mappings accepted; the data files need about eight.
MAX_DEPTH = 64

_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def explain(text: str, path: Path, exc: yaml.YAMLError | None) -> DataErrors | None:
    """The located errors for `text`, read again with the pure-Python parser; `exc` is
    the reader's own complaint, shown if the pure-Python parser finds none. None when
    neither finds anything wrong."""
    try:
        scan(text, path, yaml.SafeLoader)
        loader = yaml.SafeLoader(text)
        try:
            loader.get_single_node()
        finally:
            loader.dispose()
    except DataErrors as errors:
        return errors
    except yaml.YAMLError as again:
        exc = again
    return None if exc is None else DataErrors([syntax_error(path, exc, text)])


def scan(text: str, path: Path, loader_class: type[Any]) -> None:
    """Refuse anchors, aliases and nesting deeper than `MAX_DEPTH`; a scanner error
    inside an unclosed [ or { carries where it opened (`open_flow`)."""
    scanner = loader_class(text)
    anchors: dict[str, tuple[yaml.Token, list[int]]] = {}
    strays: list[yaml.Token] = []
    flows: list[yaml.Token] = []  # the [ and { still open, to explain a scanner error
    depth = 0
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    message = _("lists and mappings are nested more than {depth} deep").format(
                        depth=MAX_DEPTH
                    )
                    raise DataErrors([_at(path, token, message)])
                if isinstance(token, yaml.FlowMappingStartToken | yaml.FlowSequenceStartToken):
                    flows.append(token)
            elif isinstance(token, _CLOSE):
                depth -= 1
                if not isinstance(token, yaml.BlockEndToken) and flows:
                    flows.pop()
            elif isinstance(token, yaml.AnchorToken):
                anchors.setdefault(token.value, (token, []))
            elif isinstance(token, yaml.AliasToken):
                if token.value in anchors:
                    anchors[token.value][1].append(token.start_mark.line + 1)
                else:
                    strays.append(token)
    except yaml.MarkedYAMLError as exc:
        if flows:
            # The message then points at the [ or { never closed, not at the end.
            exc.open_flow = flows[-1].start_mark  # type: ignore[attr-defined]  # PyYAML's error has no such field
        raise
    finally:
        scanner.dispose()
    errors = [_anchor_error(path, token, lines) for token, lines in anchors.values()]
    errors += [_anchor_error(path, token, []) for token in strays]
    if errors:
        raise DataErrors(sorted(errors, key=lambda e: (e.line or 0, e.column or 0)))


def _anchor_error(path: Path, token: yaml.Token, used_on: list[int]) -> DataError:
    name: str = getattr(token, "value", "")
    if isinstance(token, yaml.AnchorToken):
        used = sorted(set(used_on))
        lines = ", ".join(str(line) for line in used)
        if used:
            what = ngettext(
                "anchor &{name} (used again on line {lines})",
                "anchor &{name} (used again on lines {lines})",
                len(used),
            ).format(name=name, lines=lines)
        else:
            what = _("anchor &{name}").format(name=name)
    else:
        what = _("alias *{name}").format(name=name)
    return _at(
        path,
        token,
        _(
            "{what}: anchors and aliases (&name, *name) are not allowed in data files; "
            "write the value out each time"
        ).format(what=what),
    )


def _at(path: Path, token: yaml.Token, message: str) -> DataError:
    mark = token.start_mark
    return DataError(path, message, line=mark.line + 1, column=mark.column + 1)


_TOKEN_FOUND = re.compile(r"found character (.*) that cannot start any token")


def syntax_error(path: Path, exc: yaml.YAMLError, text: str) -> DataError:
    """A parser's complaint about `text` as a located message saying what to change."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_error(path, exc, text)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return DataError(path, _("YAML syntax error: {problem}").format(problem=exc))
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark
    open_flow = getattr(exc, "open_flow", None)
    if open_flow is None and ("flow sequence" in context or "flow mapping" in context):
        open_flow = opened
    if "quoted scalar" in context and opened is not None:
        mark = opened
        if _char_at(text, opened) == '"':
            message = _(
                "the double quote opened here is never closed; end the text with a matching quote"
            )
        else:
            message = _(
                "the single quote opened here is never closed; end the text with a matching quote"
            )
    elif open_flow is not None and mark is not None:
        bracket = _char_at(text, open_flow)
        closing = "]" if bracket == "[" else "}"
        message = _(
            "the {bracket} opened here has no matching {closing} before line {line}, where "
            "the parser gave up; close it, or put the value in quotes"
        ).format(bracket=bracket, closing=closing, line=mark.line + 1)
        mark = open_flow
    elif "single document" in context:
        message = _("a second document starts here (a line `---`); a data file holds one")
    elif "\\t" in problem or "tab" in problem:
        message = _("a tab character; indent with spaces, not tabs")
    elif (found := _TOKEN_FOUND.search(problem)) is not None:
        message = _(
            "the character {character} cannot start a value; put the value in quotes"
        ).format(character=found.group(1))
    elif problem.startswith("sequence entries are not allowed"):
        message = _(
            "a list item ('- ') where none can start: check the indentation of this line "
            "and the lines above"
        )
    elif problem.startswith("mapping values are not allowed"):
        message = _(
            "a key where none can start: check the indentation of this line and the "
            "lines above, or put a value that contains ': ' in quotes"
        )
    elif "an anchor" in context or "an alias" in context:
        sign = "&" if "anchor" in context else "*"
        message = _(
            "{sign} starts an anchor or alias in YAML; put a value that starts with {sign} "
            "in quotes"
        ).format(sign=sign)
    elif "simple key" in context:
        mark = opened or mark
        message = _(
            "this line has no ': ' after its key, or a value runs on to the next line; "
            "check the line, or put the text in quotes"
        )
    elif "<document start>" in problem:
        message = _("the data cannot start here; check the lines above for a stray %, --- or ...")
    elif "<scalar>" in problem and mark is not None and _after_quote(text, mark):
        message = _("text follows a quoted value; put the whole value inside the quotes")
    elif "block" in context and opened is not None:
        message = _(
            "this line's indentation does not fit the block that starts on line {line}; "
            "indent each key of a mapping by the same number of spaces"
        ).format(line=opened.line + 1)
    else:
        message = f"{problem} {context}".strip()
    return DataError(
        path,
        _("YAML syntax error: {problem}").format(problem=message),
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )


def _after_quote(text: str, mark: Any) -> bool:
    """Whether the last character before `mark` on its line, spaces aside, is a quote."""
    lines = text.split("\n")
    line: int = mark.line
    column: int = mark.column
    before = lines[line][:column].rstrip() if line < len(lines) else ""
    return before.endswith(('"', "'"))


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    line: int = mark.line
    column: int = mark.column
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _reader_error(path: Path, exc: yaml.reader.ReaderError, text: str) -> DataError:
    line = text.count("\n", 0, exc.position) + 1
    column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return DataError(
        path,
        _(
            "the file holds the control character {code}, which YAML does not allow; "
            "delete it (it is often invisible: retype the line)"
        ).format(code=f"U+{code:04X}"),
        line=line,
        column=column,
    )

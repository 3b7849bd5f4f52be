"""Reading a YAML data file safely, remembering where every value stands.

The data files are written by hand, so the reader is strict where PyYAML is lenient:

- only plain data: any explicit tag other than the standard ones (`!!python/...`,
  `!custom`) is an error, and nothing is ever constructed from a tag;
- anchors and aliases are refused, each named with its place; nothing is ever
  composed or expanded (an alias bomb is a few events like any other, and a flood of
  aliases counts toward `MAX_VALUES`), and nesting deeper than `MAX_DEPTH` stops the
  reading at once;
- a key written twice in one mapping is an error naming both lines;
- scalars follow the YAML 1.2 core rules, not YAML 1.1: `yes`/`no`/`on`/`off` stay text,
  `091` stays text (municipality codes), `8,9` and `38 799` stay text (and validation
  then says how to write them);
- one document per file;
- files larger than `files.MAX_FILE_BYTES` are refused, and the text must be UTF-8
  (`files.text`);
- a syntax error is reworded to say what to change (`syntax_error`), and the first in
  the file is the one named.

PyYAML's parser (libyaml's where it is built) reads the file, and one pass over its
events (`_walk`) gives the plain data plus a map from each value's path to its
`Position` (line, column and the text as written, from the event's mark), so that any
later error can point at it. Nothing is composed or constructed. When libyaml refuses
the file, or finds an anchor, an alias, a second document, nesting too deep or a block
text's header that only libyaml reads (`>-#`), the same pass runs again with PyYAML's
pure-Python parser, whose complaints `syntax_error` knows how to reword. A file that
holds a tab is read by the pure-Python parser from the start: libyaml reads tabs in
places where that parser refuses them. So a file is read, or refused with the same
message, alike with or without libyaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from tyollisyys_cli.errors import DataError, DataErrors, in_file_order, shortened
from tyollisyys_cli.files.positions import PathKey, Position, field_name, line_and_column
from tyollisyys_cli.files.text import read_text
from tyollisyys_cli.i18n import N_, _, ngettext, numeral

__all__ = ["YamlDocument", "load_yaml", "parse_yaml", "plain_scalar", "syntax_error"]

#: Most entries of one list (or keys of one mapping): what an area can hold, with room
#: to spare (Finland has 308 municipalities; an area's file lists tens of each thing).
MAX_ENTRIES = 1000
#: Most values in one file: the bundled area's file holds about 600, a file for every
#: municipality of Finland about 20,000. Beyond this a file is refused, not parsed on.
MAX_VALUES = 100_000
#: Deepest nesting of lists and mappings accepted; the data files need about eight.
MAX_DEPTH = 64

#: PyYAML's loader class, chosen when PyYAML is first needed (`_loader_class`).
_Loader: type[Any] | None = None


def _loader_class() -> type[Any]:
    """PyYAML's C parser when it is built (several times faster, the same behaviour)."""
    global _Loader
    if _Loader is None:
        import yaml

        _Loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    return _Loader


_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class YamlDocument:
    """A parsed data file: its plain data and where each value stands (`keys`: where
    the key of a value stands, for the values that start on a later line than their key,
    such as a block mapping)."""

    path: Path
    data: Any
    positions: Mapping[PathKey, Position]
    keys: Mapping[PathKey, Position] = field(default_factory=dict)
    #: The text read (None for a document made otherwise, such as a month's CSV).
    source: _Text | None = field(default=None, repr=False, compare=False)
    #: Names for the codes that entries name (`municipality: "290"`): messages name the
    #: entry Kuhmo, not 290.
    names: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: The area's code, for a file beside municipalities.yaml: a message on a
    #: municipality that the area does not list says where it belongs.
    area_code: str | None = field(default=None, repr=False, compare=False)

    def position(self, path: PathKey) -> Position | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def error(self, path: PathKey, message: str, *, at_key: bool = False) -> DataError:
        """A `DataError` for the value at `path` (`at_key`: placed at its key, for a
        problem of the key itself, such as an unknown field)."""
        pos = (self.key_position(path) if at_key else None) or self.position(path)
        return DataError(
            file=self.path,
            message=message,
            line=pos.line if pos else None,
            column=pos.column if pos else None,
            field=field_name(path),
            where=self.names_along(path),
        )

    def key_position(self, path: PathKey) -> Position | None:
        """Where the key of the value at `path` stands. The reader keeps it for a value on
        a later line than its key; for one on the key's line (`{unemployed_chnge: 5}`),
        the key is looked for before the value on that line of the text read."""
        if path in self.keys:
            return self.keys[path]
        value = self.positions.get(path)
        if self.source is None or value is None or not path or not isinstance(path[-1], str):
            return None
        before = self.source.line(value.line - 1)[: value.column - 1]
        for written in (path[-1], f'"{path[-1]}"', f"'{path[-1]}'"):
            found = before.rfind(written)
            after = before[found + len(written) :].lstrip()
            if found >= 0 and (not after or after[0] in ":,}"):  # (`{min: 5, maxx}`)
                return Position(value.line, found + 1, path[-1])
        # A key written otherwise than it reads (`"Kaj\u00e4ani":`): the quoted text just
        # before the value's `:`.
        head = before.rstrip()
        if head.endswith(":") and head[:-1].rstrip()[-1:] in ('"', "'"):
            quoted = head[:-1].rstrip()
            found = quoted.rfind(quoted[-1], 0, len(quoted) - 1)
            if found >= 0:
                return Position(value.line, found + 1, path[-1])
        return None

    def names_along(self, path: PathKey) -> str:
        """The names of the list entries on the way to `path`: `Kajaani, koto-ohjaaja`."""
        names: list[str] = []
        node = self.data
        for part in path:
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                name = _entry_name(node)
                if name:
                    names.append(self.names.get(name, name))
            else:
                break
        return ", ".join(names)


_NAME_KEYS = ("name", "id", "role", "municipality", "description")


def _entry_name(entry: Any) -> str:
    if isinstance(entry, dict):
        for key in _NAME_KEYS:
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                name = " ".join(value.split())
                return name if len(name) <= 40 else name[:39] + "…"
    return ""


def load_yaml(path: Path, *, inside: Path | None = None) -> YamlDocument:
    """Read and parse one YAML data file (`inside`: as for `read_text`)."""
    return parse_yaml(read_text(path, inside=inside), path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse YAML text; `path` is only used in messages."""
    if not text.strip():
        raise DataErrors([DataError(path, _("the file is empty"))])
    if _INVISIBLE.search(text, 1):  # a byte order mark at the very start is read away
        raise DataErrors(_invisible_characters(text, path))
    import yaml

    # libyaml accepts a tab in places where the pure-Python parser refuses it (between
    # values, inside a plain value): a file with a tab is read by the pure-Python parser,
    # so that it is read, or refused, alike wherever the tool runs.
    loader = yaml.SafeLoader if "\t" in text else _loader_class()
    try:
        return _read(loader, text, path)
    except yaml.YAMLError as exc:
        # libyaml's complaint, in its own words: the same pass with the pure-Python
        # parser gives the words that `syntax_error` rewords.
        _read(yaml.SafeLoader, text, path)
        # Only libyaml refused the file (they have always agreed).
        raise DataErrors([syntax_error(path, exc, text)]) from None


#: Characters that a reader of the file does not see where YAML does: three that YAML
#: reads as line breaks (editors and `wc -l` do not: PyYAML's line numbers after one are
#: off by one, and a value holding one is cut in two), and a byte order mark after the
#: start (which libyaml refuses as a misplaced key and its pure-Python parser keeps).
_INVISIBLE = re.compile("[\x85\u2028\u2029\ufeff]")
_BREAK_NAMES = {
    "\x85": N_("NEXT LINE (U+0085)"),
    "\u2028": N_("LINE SEPARATOR (U+2028)"),
    "\u2029": N_("PARAGRAPH SEPARATOR (U+2029)"),
}


def _invisible_characters(text: str, path: Path) -> list[DataError]:
    """Each such character, at its line and column as an editor counts them."""
    errors = []
    for found in _INVISIBLE.finditer(text, 1):
        line, column = line_and_column(text, found.start())
        if found.group() == "\ufeff":
            message = _(
                "the invisible character byte order mark (BOM, U+FEFF), which belongs only at "
                "the very start of a file; remove it (joining two files leaves one inside)"
            )
        else:
            message = _(
                "the invisible character {name}, which YAML reads as a line break; remove "
                "it (a copy from a web page or a word processor brings it)"
            ).format(name=_(_BREAK_NAMES[found.group()]))
        errors.append(DataError(path, message, line=line, column=column))
    return errors


#: The mapping is waiting for a key (`None`), or is to drop the next value (`_SKIP`).
_SKIP = object()
_REPEATED = object()  # (a key given twice: left out as _SKIP is, and counted)
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"


def _read(loader_class: type[Any], text: str, path: Path) -> YamlDocument:
    """The data and positions from one pass over the parser's events (`_walk`).

    With libyaml, a parser error is raised as it is (its words are not ours), and a file
    refused for what it holds is read again by the pure-Python parser, whose reading
    decides (the two differ on a few files, tabs mostly). With the pure-Python parser, a
    parser error becomes the located message, unless an anchor, an alias or a second
    document came before it.
    """
    import yaml

    python = loader_class is yaml.SafeLoader
    refused = _Refused(path)
    source = _Text(text)
    stack: list[list[Any]] = []
    try:
        loader = loader_class(text)  # the pure-Python reader checks the characters here
        try:
            document, errors, repeated = _walk(
                loader.get_event, source, path, refused, stack, python
            )
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        if not python:
            raise  # libyaml's words: `parse_yaml` reads the file again for ours
        raise refused.parser_error(exc, stack, source) from None
    except ValueError:  # (`chr()` of an escape in the pure-Python parser)
        if not python:
            raise
        raise DataErrors([_beyond_unicode(path, source, loader)]) from None
    except _TooDeep:
        if not python:
            return _read(yaml.SafeLoader, text, path)  # as for a refused file, below
        raise
    except _Lenient:
        return _read(yaml.SafeLoader, text, path)
    if refused.found() and not python:
        # libyaml stopped at the first thing refused: the pure-Python parser reads the
        # whole file, to name every anchor and alias, and has the say, as on a syntax error.
        return _read(yaml.SafeLoader, text, path)
    refused.check(source)
    if errors:
        # Keys given twice leave the document sound (each first value kept): the file's
        # other problems can be found in the same run.
        raise DataErrors(errors, document=document if repeated == len(errors) else None)
    return document


def _walk(
    get: Any, source: _Text, path: Path, refused: _Refused, stack: list[list[Any]], whole: bool
) -> tuple[YamlDocument, list[DataError], int]:
    """One pass over the parser's events (`get`): the document, the errors found and how
    many of them are keys given twice.

    A tag, a duplicate, merge or complex key is recorded with its place, its value left
    out, and the pass goes on to find the rest. An anchor, an alias or a second document
    is recorded in `refused`, and from there on nothing is kept (nothing is ever
    expanded): with `whole`, the pass goes on only to find every anchor and alias, as
    the message names them all (counting them as values, so that a flood of aliases is
    refused as too many); without, it stops there. Nesting deeper than `MAX_DEPTH`
    stops the pass at once.

    `stack` holds the open collections, innermost last: [the container (None for one
    left out), its path, the key waiting for its value (mappings), the line of each key
    (mappings), the depth of nesting as the scanner counts it, the event if it opened
    a [ or {, the start of the key waiting for its value].
    """
    from yaml import events

    scalar_event, mapping_start = events.ScalarEvent, events.MappingStartEvent
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    # The rare events: an alias, a document's start or end, the stream's end.
    others = {
        events.AliasEvent,
        events.DocumentStartEvent,
        events.DocumentEndEvent,
        events.StreamEndEvent,
    }
    positions: dict[PathKey, Position] = {}
    keys: dict[PathKey, Position] = {}
    errors: list[DataError] = []
    repeated = 0  # of the errors, keys given twice (their first value is kept)
    root: Any = None
    keeping = True  # until an anchor, an alias or a second document
    refused_values = 0  # anchors, aliases and refused keys, counted toward MAX_VALUES

    def count_refused(mark: Any) -> None:
        """One more value not kept: the file is refused once it holds too many."""
        nonlocal refused_values
        refused_values += 1
        if len(positions) + refused_values > MAX_VALUES:
            raise DataErrors([_too_many(path, mark, (), MAX_VALUES, values=True)])

    get()  # the stream's start
    if get().__class__ is events.StreamEndEvent:
        raise DataErrors([DataError(path, _("the file holds no data (only comments)"))])
    while True:
        event = get()
        kind = event.__class__
        if kind in ends:
            stack.pop()
            continue
        if kind in others:
            if kind is events.StreamEndEvent:
                break
            if kind is events.AliasEvent:
                refused.alias(event)
            elif kind is events.DocumentStartEvent:  # a second document
                refused.second = refused.second or event.start_mark
            else:
                continue  # a document's end
            if not whole:
                break
            keeping = False
            if kind is events.AliasEvent:
                count_refused(event.start_mark)
            continue
        if event.anchor is not None:
            refused.anchor(event)
            if not whole:
                break
            keeping = False
            count_refused(event.start_mark)
        scalar = kind is scalar_event
        if scalar and not whole and event.style in _BLOCK_STYLES:
            mark = event.start_mark
            if _HEADER_COMMENT.match(source.line(mark.line), mark.column):
                raise _Lenient  # `>-#`: libyaml reads a comment that YAML does not allow
        if not scalar:
            depth = stack[-1][4] if stack else 0
            bracket = None
            if event.flow_style:
                # A [ or {, not a pair in a list: `[a: 1]` covers no token, `[? a : 1]`
                # its ? (a pair stands only in a [, so the text is read only there).
                if (event.anchor or event.tag or _apart(event)) and (
                    kind is not mapping_start
                    or not stack
                    or stack[-1][5] is None
                    or source.char_at(_bracket_place(event)) == "{"
                ):
                    bracket = event
                    depth += 1
            elif kind is mapping_start or _opens_list(event, source):
                depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep([_too_deep(path, event, bracket)])
        tag = event.tag
        mark = event.start_mark
        value_text: str | None = event.value if scalar else None
        if value_text is not None and not value_text.isascii():
            # (`ä` typed as a + U+0308, as macOS and some editors save it, is the `ä` of
            # the classification and of the command line: text is compared as NFC)
            value_text = unicodedata.normalize("NFC", value_text)
        if whole and scalar and _SURROGATE.search(event.value):  # (libyaml refuses them)
            raise DataErrors([_surrogate_escape(path, source, mark)])
        where: PathKey = ()
        if stack:
            frame = stack[-1]
            container, key = frame[0], frame[2]
            if container is None or key is _SKIP or not keeping:  # left out
                frame[2] = None
                if not scalar:
                    stack.append([None, (), None, None, depth, bracket, None])
                continue
            if container.__class__ is list:
                where = (*frame[1], len(container))
            elif key is None:  # this node is a key
                lines = frame[3]
                if scalar and tag is None and value_text not in lines and value_text != "<<":
                    lines[value_text] = mark.line + 1  # the usual key, checked in line
                    frame[2] = value_text
                    frame[6] = mark
                    continue
                frame[2] = _key(event, frame, path, errors)
                frame[6] = mark
                if frame[2] is _REPEATED:
                    repeated += 1
                    frame[2] = _SKIP
                # A key refused (with its value) counts too: a file of a million
                # duplicates is refused as too large, not listed.
                if frame[2] is _SKIP:
                    count_refused(mark)
                if not scalar:
                    stack.append([None, (), None, None, depth, bracket, None])
                continue
            else:
                frame[2] = None
                where = (*frame[1], key)
                at = frame[6]
                if at.line != mark.line:
                    keys[where] = Position(at.line + 1, at.column + 1, key)
        elif not keeping:  # a root with an anchor, or a document after the first
            if not scalar:
                stack.append([None, (), None, None, depth, bracket, None])
            continue
        if len(positions) >= MAX_VALUES:
            raise DataErrors([_too_many(path, mark, (), MAX_VALUES, values=True)])
        if value_text == "" and not event.style and tag is None:
            positions[where] = _empty_value_place(source, mark)
        else:
            positions[where] = Position(mark.line + 1, mark.column + 1, value_text)
        value: Any = None
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            errors.append(_tag_error(path, mark, tag, where))
        elif value_text is not None:  # a scalar
            value = value_text if event.style or tag == _STR else plain_scalar(value_text)
        else:
            value = {} if kind is mapping_start else []
        if stack:
            container = stack[-1][0]
            if len(container) >= MAX_ENTRIES:
                raise DataErrors([_too_many(path, mark, where, MAX_ENTRIES, values=False)])
            if container.__class__ is list:
                container.append(value)
            else:
                container[where[-1]] = value
        else:
            root = value
        if not scalar:
            lines = {} if kind is mapping_start else None
            stack.append([value, where, None, lines, depth, bracket, None])
    document = YamlDocument(path=path, data=root, positions=positions, keys=keys, source=source)
    return document, errors, repeated


def _empty_value_place(source: _Text, mark: Any) -> Position:
    """Where an empty value stands: just after its colon, as both parsers place it in a
    block (in braces, `{min: , max: 4}` or `{min:` with the brace on a later line,
    libyaml places it at the comma or brace after)."""
    line, before = mark.line, source.line(mark.line)[: mark.column].rstrip(" ")
    while not before and line > 0:  # (only spaces before it: the colon may end a line)
        line -= 1
        before = source.line(line).rstrip(" ")
    if before.endswith(":"):
        return Position(line + 1, len(before) + 1, "")
    return Position(mark.line + 1, mark.column + 1, "")


def _opens_list(event: Any, source: _Text) -> bool:
    """Whether a block list opens a level of nesting as the scanner counts them (a
    block mapping always does): a list written at its key's own indentation opens none
    (its first `- ` stands where the event ends, not where it starts)."""
    if event.anchor is None and event.tag is None:
        return not _apart(event)
    return source.char_at(event.end_mark) == "-"


def _apart(event: Any) -> bool:
    """Whether an event's start and end marks differ (it covers a token of its own)."""
    start, end = event.start_mark, event.end_mark
    return bool(start.line != end.line or start.column != end.column)


class _Refused:
    """What the pass found that a data file must not hold: anchors (each with the
    lines it is used again on), aliases to no anchor, a second document."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.anchors: dict[str, tuple[Any, set[int]]] = {}
        self.strays: list[Any] = []
        self.second: Any = None

    def anchor(self, event: Any) -> None:
        self.anchors.setdefault(event.anchor, (event, set()))

    def alias(self, event: Any) -> None:
        if event.anchor in self.anchors:
            self.anchors[event.anchor][1].add(event.start_mark.line + 1)
        else:
            self.strays.append(event)

    def found(self) -> bool:
        return bool(self.anchors or self.strays or self.second is not None)

    def check(self, source: _Text) -> None:
        """Raise what was found, anchors and aliases first."""
        path = self.path
        errors = [
            _anchor_error(path, event, lines, source) for event, lines in self.anchors.values()
        ]
        errors += [_anchor_error(path, event, set(), source) for event in self.strays]
        if errors:
            raise DataErrors(in_file_order(errors))
        if self.second is not None:
            problem = _("a second document starts here (a line `---`); a data file holds one")
            message = _("YAML syntax error: {problem}").format(problem=problem)
            raise DataErrors([_at(path, self.second, message)])

    def parser_error(self, exc: Any, stack: list[list[Any]], source: _Text) -> DataErrors:
        """The pure-Python parser's complaint, unless what was found before it comes first.
        A scanner's complaint comes first in any case, and on a line after a [ or { still
        open it points there (`open_flow`)."""
        import yaml

        if isinstance(exc, yaml.scanner.ScannerError):
            brackets = (_bracket_place(frame[5]) for frame in stack if frame[5] is not None)
            opened = [place for place in brackets if source.char_at(place) in ("[", "{")]
            mark = exc.problem_mark
            # On a later line than its [ or {, and indented no deeper than the keys of the
            # bracket's line, the character is on a line the bracket swallowed (`note: |`
            # after `[1, 2`): the bracket is named. On the bracket's line or on a line
            # that continues it (indented deeper), the character itself (`[1, @x]`).
            if (
                opened
                and mark is not None
                and "\\t" not in (exc.problem or "")  # a tab is a tab wherever it stands
                and opened[-1].line < mark.line
                and _indent(source.line(mark.line)) <= _indent(source.line(opened[-1].line))
            ):
                exc.open_flow = opened[-1]  # type: ignore[attr-defined]  # ours: `syntax_error`
        elif not isinstance(exc, yaml.reader.ReaderError):
            self.check(source)
        return DataErrors([syntax_error(self.path, exc, source.text)])


_INDENT = re.compile(r"[ ]*(?:-[ ]+)*")
#: A line that starts a key (`name:`) or a list item (`- `).
_KEY_OR_ITEM = re.compile(r"[ ]*(?:-(?:[ ]|$)|[^\s#][^#]*?:(?:[ ]|$))")


def _indent(line: str) -> int:
    """Where the first key or value of a line stands (after its spaces and `- `s)."""
    found = _INDENT.match(line)
    return found.end() if found is not None else 0


def _too_many(path: Path, mark: Any, where: PathKey, limit: int, *, values: bool) -> DataError:
    """The file holds more than an area can: refused here, before it takes memory."""
    holder = field_name(where[:-1])
    if values:
        message = _(
            "the file holds more than {limit} values, more than an area's data needs "
            "(Finland has 308 municipalities); is it the right file?"
        )
    elif holder:
        message = _(
            "{holder} holds more than {limit} entries, more than an area's data needs "
            "(Finland has 308 municipalities); is it the right file?"
        )
    else:
        message = _(
            "the file holds more than {limit} entries, more than an area's data needs "
            "(Finland has 308 municipalities); is it the right file?"
        )
    return _at(path, mark, message.format(holder=holder, limit=numeral(f"{limit:,}")), where)


def _key(event: Any, frame: list[Any], path: Path, errors: list[DataError]) -> object:
    """The key `event` names in the mapping of `frame`, or `_SKIP` after recording why
    neither it nor its value is kept."""
    from yaml import events

    mark = event.start_mark
    tag = event.tag
    if (
        event.__class__ is not events.ScalarEvent
        or tag == _MERGE
        or (event.value == "<<" and (tag == "!" or (tag is None and not event.style)))
    ):
        message = _("keys must be plain names (no merge keys or complex keys)")
        errors.append(_at(path, mark, message, frame[1]))
        return _SKIP
    key: str = event.value
    if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
        errors.append(_tag_error(path, mark, tag, (*frame[1], key)))
        return _SKIP
    lines: dict[str, int] = frame[3]
    if key in lines:
        message = _(
            "the key {key!r} appears twice in this mapping, on line {first} and on "
            "line {second}; keep one"
        ).format(key=shortened(key), first=lines[key], second=mark.line + 1)
        errors.append(_at(path, mark, message, (*frame[1], key)))
        return _REPEATED
    lines[key] = mark.line + 1
    return key


def _tag_error(path: Path, mark: Any, tag: str, where: PathKey) -> DataError:
    shown = shortened(tag.replace("tag:yaml.org,2002:", "!!"))
    message = _(
        "the tag {tag} is not allowed in data files; write plain values "
        "(nothing in the file is ever run or turned into objects)"
    ).format(tag=shown)
    return _at(path, mark, message, where)


def _anchor_error(path: Path, event: Any, used_on: set[int], source: _Text) -> DataError:
    """An anchor (with the lines it is used again on) or an alias with no anchor."""
    from yaml import events

    name: str = event.anchor
    if event.__class__ is events.AliasEvent:
        what = _("alias *{name}").format(name=name)
        mark: Any = event.start_mark
    else:
        used = sorted(used_on)
        lines = ", ".join(str(line) for line in used)
        if used:
            what = ngettext(
                "anchor &{name} (used again on line {lines})",
                "anchor &{name} (used again on lines {lines})",
                len(used),
            ).format(name=name, lines=lines)
        else:
            what = _("anchor &{name}").format(name=name)
        # The node starts at its tag when one comes first (`!!str &a x`): point at the &.
        mark = event.start_mark if event.tag is None else source.find(event.start_mark, "&" + name)
    return _at(
        path,
        mark,
        _(
            "{what}: anchors and aliases (&name, *name) are not allowed in data files; "
            "write the value out each time"
        ).format(what=what),
    )


#: A block text's indicators, and its header with a `#` right after them (a comment
#: needs a space before it): libyaml reads such a header, the pure-Python parser refuses it.
_BLOCK_STYLES = ("|", ">")
_HEADER_COMMENT = re.compile(r"[|>][-+1-9]{0,2}#")


class _Lenient(Exception):
    """libyaml read something that the pure-Python parser refuses: the latter decides."""


class _TooDeep(DataErrors):
    """Nesting deeper than `MAX_DEPTH`: raised by the pass as soon as it is found."""


def _too_deep(path: Path, event: Any, bracket: Any) -> DataError:
    """At the [ or {, or at the first key or `-` of a block (not at an anchor or tag
    written before it)."""
    if bracket is not None:
        mark: Any = _bracket_place(bracket)
    elif event.anchor is not None or event.tag is not None:
        mark = event.end_mark
    else:
        mark = event.start_mark
    message = _("lists and mappings are nested more than {depth} deep").format(depth=MAX_DEPTH)
    return _at(path, mark, message)


class _Place(NamedTuple):
    """A place in the text (0-based), as a parser's mark gives it."""

    line: int
    column: int


def _bracket_place(event: Any) -> _Place:
    """Where the [ or { of a flow collection's start event stands: just before the
    event's end (its start is that of an anchor or tag written before the bracket)."""
    end = event.end_mark
    return _Place(end.line, end.column - 1)


def _indented_first_key(source: _Text) -> _Place | None:
    """Where the file's first line of data stands, if it is indented (comments, blank
    lines, directives and `---` aside)."""
    for number, line in enumerate(source.lines()):
        content = line.strip()
        if not content or content.startswith(("#", "%", "---")):
            continue
        indent = len(line) - len(line.lstrip(" "))
        return _Place(number, indent) if indent else None
    return None


class _Text:
    """The file's text, cut into lines once, when a place in it is first looked at (a
    file may ask for many: each anchor after a tag, each list with a tag or anchor)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def lines(self) -> list[str]:
        if self._lines is None:
            # The line breaks PyYAML counts (the ones only YAML counts are refused before).
            self._lines = self.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return self._lines

    def line(self, number: int) -> str:
        lines = self.lines()
        return lines[number] if number < len(lines) else ""

    def char_at(self, mark: Any) -> str:
        line = self.line(mark.line)
        column: int = mark.column
        return line[column] if column < len(line) else ""

    def after_quote(self, mark: Any) -> bool:
        """Whether the last character before `mark` on its line, spaces aside, is a quote."""
        return self.line(mark.line)[: mark.column].rstrip().endswith(('"', "'"))

    def find(self, mark: Any, needle: str) -> _Place:
        """Where `needle` first stands from `mark` on on its line (or `mark`)."""
        found = self.line(mark.line).find(needle, mark.column)
        return _Place(mark.line, found if found >= 0 else mark.column)


def _unclosed_flow(text: str) -> Any:
    """Where the last [ or { that is never closed stands (the scanner's mark), if any."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    opened: list[Any] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                opened.append(token.start_mark)
            elif opened and isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                opened.pop()
    except yaml.YAMLError:
        pass  # (the tokens before the scanner stops)
    return opened[-1] if opened else None


#: A line of a mapping (`  code: "290"`, `- name: x`), inside what a quote swallowed.
_KEY_LINE = re.compile(r"\n[ \t]*(- )?[^\s:#\-\"'][^:\n]*:( |\n|$)")


def _quoted_over_lines(text: str, mark: Any) -> Any:
    """Where a quoted value that ends just before `mark` starts, when it runs over lines
    that hold keys: `name: "Kajaani` left open is closed by the first quote of a value
    lines below (`code: "290"`), where the parser finds text after it. None for any other
    (a value meant to run over lines keeps the message at the text after it)."""
    import yaml

    before = None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (the C scanner: a large file)
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= mark.index:
                break
            before = token
    except yaml.YAMLError:
        pass  # (the scanner stops where the text stops being YAML: the tokens before it)
    if (
        isinstance(before, yaml.ScalarToken)
        and before.style in {'"', "'"}
        and before.start_mark.line < before.end_mark.line
        and _KEY_LINE.search(text, before.start_mark.index, before.end_mark.index)
    ):
        return before.start_mark
    return None


def _at(path: Path, mark: Any, message: str, where: PathKey = ()) -> DataError:
    """An error at a parser's mark (0-based), of the value at `where`."""
    return DataError(path, message, mark.line + 1, mark.column + 1, field_name(where))


_TOKEN_FOUND = re.compile(r"found character (.*) that cannot start any token")


def syntax_error(path: Path, exc: Any, text: str) -> DataError:
    """A parser's complaint about `text` as a located message saying what to change."""
    import yaml

    source = _Text(text)
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_error(path, exc, text)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return DataError(path, _("YAML syntax error: {problem}").format(problem=exc))
    problem = exc.problem or ""
    context = exc.context or ""
    mark: Any = exc.problem_mark or exc.context_mark
    opened = exc.context_mark
    open_flow = getattr(exc, "open_flow", None)
    if open_flow is None and ("flow sequence" in context or "flow mapping" in context):
        open_flow = opened
    escape = (
        _bad_escape(source, opened)
        if opened is not None and ("escape" in problem or "hexdecimal" in problem)
        else None
    )
    if escape is not None:
        return _escape_error(path, *escape)
    if "quoted scalar" in context and opened is not None:
        mark = opened
        if source.char_at(opened) == '"':
            message = _(
                "the double quote opened here is never closed; end the text with a matching quote"
            )
        else:
            message = _(
                "the single quote opened here is never closed; end the text with a matching quote"
            )
    elif (
        "<stream end>" in problem
        and "flow" in context
        and ((unclosed := _unclosed_flow(text)) is not None)
    ):
        # (`foo: [` and the file ends: "expected the node content, but found '<stream
        # end>' while parsing a flow node", in English whatever the language)
        bracket = source.char_at(unclosed)
        mark = unclosed
        message = _(
            "the {bracket} opened here is never closed; close it with {closing}, or put "
            "the value in quotes"
        ).format(bracket=bracket, closing="]" if bracket == "[" else "}")
    elif open_flow is not None and mark is not None:
        bracket = source.char_at(open_flow)
        closing = "]" if bracket == "[" else "}"
        message = _(
            "the {bracket} opened here has no matching {closing} before line {line}, where "
            "the parser gave up; close it, or put the value in quotes"
        ).format(bracket=bracket, closing=closing, line=mark.line + 1)
        mark = open_flow
    elif "\\t" in problem or "tab" in problem:
        if mark is None or not source.line(mark.line)[: mark.column].strip(" -"):
            message = _("a tab character; indent with spaces, not tabs")
        else:  # after a key or a value on its line
            message = _(
                "a tab character; write spaces between and inside values (a tab may stand "
                "only in quotes, in a text after | or >, or in a comment)"
            )
    elif "block scalar" in context:
        message = _(
            "after | or > (a text on the lines below) the line may hold only - or +, a "
            "digit from 1 to 9 and, after a space, a comment"
        )
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
    elif (
        "<document start>" in problem
        and mark is not None
        and (first := _indented_first_key(source)) is not None
        and mark.column < first.column  # (not a file indented alike throughout)
    ):
        # (` area:` as the file's first key: the next key, at the line's start, "cannot
        # start here", 35 lines below the edit)
        below = mark.line + 1
        mark = first
        message = _(
            "the file's first key is indented, unlike the key on line {line}; start it at "
            "the beginning of its line"
        ).format(line=below)
    elif "<document start>" in problem:
        message = _("the data cannot start here; check the lines above for a stray %, --- or ...")
    elif "<scalar>" in problem and mark is not None and source.after_quote(mark):
        message = _("text follows a quoted value; put the whole value inside the quotes")
        run_on = _quoted_over_lines(text, mark)
        if run_on is not None:  # (a quote left open closed at the next value's quote)
            message = _(
                "the quote opened here is closed only on line {line}, where text follows "
                "it; close it on this line"
            ).format(line=mark.line + 1)
            mark = run_on
    elif "block" in context and opened is not None and mark is not None:
        message = _(
            "this line's indentation does not fit the block that starts on line {line}; "
            "indent each key of a mapping by the same number of spaces"
        ).format(line=_block_above(source, mark.line, opened.line) + 1)
    else:
        message = f"{problem} {context}".strip()
    return DataError(
        path,
        _("YAML syntax error: {problem}").format(problem=message),
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )


#: The characters after the backslash of an escape that takes a number (`\\x41`), and an
#: example of each.
_ESCAPE_DIGITS = {"x": 2, "u": 4, "U": 8}
_ESCAPE_EXAMPLES = {"x": "\\x41", "u": "\\u00e4", "U": "\\U0001F600"}
#: The letters YAML knows after a backslash in double quotes (besides x, u and U).
_SIMPLE_ESCAPES = frozenset('0abt\tnvfre "/\\N_LP')
_HEX = frozenset("0123456789abcdefABCDEF")


def _bad_escape(source: _Text, quote: Any) -> tuple[_Place, str] | None:
    """The first bad escape of the double-quoted text whose opening quote stands at
    `quote`, at its backslash, with what to write instead: a letter YAML does not know
    (`\\q`), too few digits (`\\x4`), or a code that names no character (`\\ud800`)."""
    number, column = quote.line, quote.column + 1
    while number < len(source.lines()):
        line = source.line(number)
        while column < len(line) and line[column] != '"':
            if line[column] != "\\" or column + 1 == len(line):  # (`\\` ending a line: folded)
                column += 1
                continue
            letter = line[column + 1]
            place = _Place(number, column)
            if letter in _SIMPLE_ESCAPES:
                column += 2
                continue
            if letter not in _ESCAPE_DIGITS:
                return place, _(
                    "{escape} is not an escape YAML knows in double quotes; write \\\\ for a "
                    "backslash, or put the text in single quotes, where \\ is only a backslash"
                ).format(escape="\\" + letter)
            wanted = _ESCAPE_DIGITS[letter]
            digits = line[column + 2 : column + 2 + wanted]
            digits = digits[: next((i for i, c in enumerate(digits) if c not in _HEX), wanted)]
            escape = line[column : column + 2 + len(digits)]
            if len(digits) < wanted:
                return place, _(
                    "{escape}: \\{letter} takes {count} hexadecimal digits, as in {example}"
                ).format(
                    escape=escape, letter=letter, count=wanted, example=_ESCAPE_EXAMPLES[letter]
                )
            code = int(digits, 16)
            if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                return place, _no_character(escape)
            column += 2 + wanted
        if column < len(line):  # the closing quote
            return None
        number, column = number + 1, 0
    return None


def _no_character(escape: str) -> str:
    return _(
        "{escape} names no character (U+D800 to U+DFFF and codes above U+10FFFF are "
        "none); write the character itself"
    ).format(escape=escape)


def _escape_error(path: Path, place: _Place, message: str) -> DataError:
    problem = _("YAML syntax error: {problem}").format(problem=message)
    return DataError(path, problem, line=place.line + 1, column=place.column + 1)


def _beyond_unicode(path: Path, source: _Text, loader: Any) -> DataError:
    """The `\\U` escape above U+10FFFF that stopped the pure-Python parser with a
    ValueError (not a parser error): the parser stands just after its `\\U`."""
    mark = loader.get_mark()
    start = max(mark.column - 2, 0)
    escape = source.line(mark.line)[start : start + 10]
    return _escape_error(path, _Place(mark.line, start), _no_character(escape))


#: A lone surrogate, which the pure-Python parser makes of `\\ud800` (libyaml refuses it).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_escape(path: Path, source: _Text, quote: Any) -> DataError:
    """The escape of a surrogate in the double-quoted text that starts at `quote`."""
    found = _bad_escape(source, quote)
    place, message = found if found else (_Place(quote.line, quote.column), _no_character(""))
    return _escape_error(path, place, message)


def _block_above(source: _Text, line: int, outer: int) -> int:
    """The line (0-based) where the block just above `line` starts, when that block is
    indented deeper than `line` and below the `outer` block the parser names: the block
    that `line` most likely belongs to, or that is itself indented wrong."""
    indent = _indent(source.line(line))
    start = outer
    for above in range(line - 1, outer - 1, -1):
        text = source.line(above)
        if not _KEY_OR_ITEM.match(text):
            continue  # blank, a comment, or a line of a text that runs on (`>-`, `|`, "…)
        if _indent(text) <= indent:
            return start
        start = above
    return outer


def _reader_error(path: Path, exc: Any, text: str) -> DataError:
    line, column = line_and_column(text, exc.position)
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


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# YAML 1.2 core floats, except that a leading zero before digits keeps the value text.
_FLOAT = re.compile(r"[-+]?((0|[1-9][0-9]*)(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
#: A number with a dot between every three digits, as German and some spreadsheet
#: locales write thousands: `38.000` is 38.0 as a decimal number, which a count takes.
THOUSANDS_DOT = re.compile(r"\+?[1-9][0-9]{0,2}(\.[0-9]{3})+")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def _int(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4300): too large to use anyway
        return float(text)  # inf, which the models refuse as a number too large to use


class DottedNumber(float):
    """A decimal number written as `THOUSANDS_DOT`, with the text it was written as
    (`written`): a count refuses it, which its value alone (`38.0`) would not tell."""

    written: str


def _float(text: str) -> float:
    if THOUSANDS_DOT.fullmatch(text):
        number = DottedNumber(text)
        number.written = text
        return number
    return float(text)


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
        return _float(value)
    return value


def iter_paths(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    """Every (path, value) in plain data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_paths(value, (*path, i))

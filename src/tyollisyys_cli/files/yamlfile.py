"""Reading a YAML data file safely, remembering where every value stands.

The data files are written by hand, so the reader is strict where PyYAML is lenient:

- only plain data: any explicit tag other than the standard ones (`!!python/...`,
  `!custom`) is an error, and nothing is ever constructed from a tag;
- anchors and aliases are refused before anything is composed (an alias bomb fails
  at once, nothing is expanded), and so is nesting deeper than `MAX_DEPTH`;
- a key written twice in one mapping is an error naming both lines;
- scalars follow the YAML 1.2 core rules, not YAML 1.1: `yes`/`no`/`on`/`off` stay text,
  `091` stays text (municipality codes), `8,9` and `38 799` stay text (and validation
  then says how to write them);
- files larger than `files.MAX_FILE_BYTES` are refused;
- the text must be UTF-8;
- syntax errors are reworded to say what to change, from the pure-Python parser's
  report so that they read the same whether or not PyYAML has its C extension
  (`yamlsyntax`).

PyYAML's parser (libyaml's where it is built) reads the file, and one pass over its
events gives the plain data plus a map from each value's path to its `Position` (line,
column and the text as written, from the event's mark), so that any later error can
point at it. Nothing is composed or constructed.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tyollisyys_cli import files as limits
from tyollisyys_cli.errors import DataError, DataErrors, shortened
from tyollisyys_cli.files.positions import PathKey, Position, field_name
from tyollisyys_cli.i18n import N_, _, numeral

__all__ = ["YamlDocument", "iter_paths", "load_yaml", "parse_yaml", "plain_scalar", "read_text"]

#: Most entries of one list (or keys of one mapping): what an area can hold, with room
#: to spare (Finland has 308 municipalities; an area's file lists tens of each thing).
MAX_ENTRIES = 1000
#: Most values in one file: the bundled area's file holds about 600, a file for every
#: municipality of Finland about 20,000. Beyond this a file is refused, not parsed on.
MAX_VALUES = 100_000

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
    """A parsed data file: its plain data and where each value stands."""

    path: Path
    data: Any
    positions: Mapping[PathKey, Position]

    def position(self, path: PathKey) -> Position | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def error(self, path: PathKey, message: str) -> DataError:
        """A `DataError` for the value at `path`."""
        pos = self.position(path)
        return DataError(
            file=self.path,
            message=message,
            line=pos.line if pos else None,
            column=pos.column if pos else None,
            field=field_name(path),
            where=self.names_along(path),
        )

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
                    names.append(name)
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


def read_text(path: Path, *, inside: Path | None = None) -> str:
    """The file's text, or a `DataErrors` saying why it cannot be read.

    Only a regular file is read: a named pipe, a device or a socket is refused (reading
    one would wait for ever, or without end). With `inside` (the data folder), a file
    that resolves outside it, through a symbolic link, is refused and nothing of it read.
    """
    if not path.exists():
        other = path.with_suffix(".yml" if path.suffix == ".yaml" else ".yaml")
        if other.is_file():
            message = _("file not found; there is {other}: rename it to {name}").format(
                other=other.name, name=path.name
            )
        else:
            message = _("file not found")
        raise DataErrors([DataError(path, message)])
    if path.is_dir():
        kind = "CSV" if path.suffix == ".csv" else "YAML"
        message = _("is a directory, expected a {kind} file").format(kind=kind)
        raise DataErrors([DataError(path, message)])
    if inside is not None:
        _check_inside(path, inside)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            message = _("{kind}, not a regular file").format(kind=_(_kind_of(status.st_mode)))
            raise DataErrors([DataError(path, message)])
        size = status.st_size
        if size > limits.MAX_FILE_BYTES:
            message = _(
                "file is {size} bytes, larger than the limit of {limit} bytes for a data file"
            ).format(size=numeral(f"{size:,}"), limit=numeral(f"{limits.MAX_FILE_BYTES:,}"))
            raise DataErrors([DataError(path, message)])
        raw = path.read_bytes()
    except PermissionError:
        message = _("cannot read the file: permission denied")
        raise DataErrors([DataError(path, message)]) from None
    except OSError as exc:
        message = _("cannot read the file: {reason}").format(reason=exc.strerror)
        raise DataErrors([DataError(path, message)]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataErrors(
            [
                DataError(
                    path,
                    _("the file is not UTF-8 text (byte {byte}); save it as UTF-8").format(
                        byte=f"0x{raw[exc.start]:02x}"
                    ),
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return N_("is a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return N_("is a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("is a device")
    return N_("is not a file")


def _check_inside(path: Path, folder: Path) -> None:
    """Refuse `path` when it resolves (through links) to a file outside `folder`."""
    try:
        real, home = path.resolve(), folder.resolve()
    except (OSError, RuntimeError):  # a loop of links
        message = _("cannot read the file: a loop of links")
        raise DataErrors([DataError(path, message)]) from None
    if not real.is_relative_to(home):
        raise DataErrors(
            [
                DataError(
                    path,
                    _(
                        "is a link to {target}, outside the data folder {folder}; data files "
                        "must lie in the data folder (copy the file in instead of linking to it)"
                    ).format(target=real, folder=folder),
                )
            ]
        )


def load_yaml(path: Path, *, inside: Path | None = None) -> YamlDocument:
    """Read and parse one YAML data file (`inside`: as for `read_text`)."""
    return parse_yaml(read_text(path, inside=inside), path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse YAML text; `path` is only used in messages."""
    if not text.strip():
        raise DataErrors([DataError(path, _("the file is empty"))])
    if _YAML_ONLY_BREAKS.search(text):
        raise DataErrors(_yaml_only_breaks(text, path))
    import yaml

    from tyollisyys_cli.files.yamlsyntax import MAX_DEPTH, explain

    # Only nesting brings a second round: the events counted deeper than the token
    # pass, which counts a list written at its key's own indentation as no level.
    for depth_limit in (MAX_DEPTH, None):
        try:
            loader = _loader_class()(text)  # the pure-Python reader checks the characters here
            try:
                return _read(loader.get_event, path, depth_limit)
            finally:
                loader.dispose()
        except yaml.YAMLError as exc:
            errors = explain(text, path, exc)
        except _Explain:
            errors = explain(text, path, None)
        if errors is not None:
            raise errors from None
    # The pure-Python parser took what libyaml stopped at (they have always agreed).
    message = _("the file holds more than plain data (an anchor, an alias or a second document)")
    raise DataErrors([DataError(path, message)])


#: Characters YAML reads as line breaks but editors and `wc -l` do not: PyYAML's line
#: numbers after one are off by one, and a value holding one is cut in two.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\x85": N_("NEXT LINE (U+0085)"),
    "\u2028": N_("LINE SEPARATOR (U+2028)"),
    "\u2029": N_("PARAGRAPH SEPARATOR (U+2029)"),
}


def _yaml_only_breaks(text: str, path: Path) -> list[DataError]:
    """Each such character, at its line and column as an editor counts them."""
    errors = []
    for found in _YAML_ONLY_BREAKS.finditer(text):
        start = found.start()
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        line = (
            text.count("\n", 0, start) + text.count("\r", 0, start) - text.count("\r\n", 0, start)
        )
        errors.append(
            DataError(
                path,
                _(
                    "the invisible character {name}, which YAML reads as a line break; remove "
                    "it (a copy from a web page or a word processor brings it)"
                ).format(name=_(_BREAK_NAMES[found.group()])),
                line=line + 1,
                column=start - line_start + 1,
            )
        )
    return errors


class _Explain(Exception):
    """The file holds an anchor, an alias, a second document or deep nesting: the
    token pass of `yamlsyntax.explain` names each, as it always has."""


#: The mapping is waiting for a key (`None`), or is to drop the next value (`_SKIP`).
_SKIP = object()
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"


def _read(get: Any, path: Path, depth_limit: int | None) -> YamlDocument:
    """The data and positions from one pass over the parser's events.

    Refuses as it goes: an anchor, an alias or nesting past `depth_limit` stops the
    pass at once (nothing is expanded); a tag, a duplicate, merge or complex key is
    recorded with its place, its value left out, and the pass goes on to find the rest.
    """
    from yaml import events

    scalar_event, mapping_start = events.ScalarEvent, events.MappingStartEvent
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    get()  # the stream's start
    if isinstance(get(), events.StreamEndEvent):
        raise DataErrors([DataError(path, _("the file holds no data (only comments)"))])
    positions: dict[PathKey, Position] = {}
    errors: list[DataError] = []
    root: Any = None
    # Open collections, innermost last: [the container (None for one left out), its
    # path, the key waiting for its value (mappings), the line of each key (mappings)].
    stack: list[list[Any]] = []
    while True:
        event = get()
        kind = event.__class__
        if kind in ends:
            stack.pop()
            if not stack:
                break
            continue
        if kind is events.AliasEvent or event.anchor is not None:
            raise _Explain
        scalar = kind is scalar_event
        if not scalar and depth_limit is not None and len(stack) >= depth_limit:
            raise _Explain
        tag = event.tag
        mark = event.start_mark
        text: str | None = event.value if scalar else None
        where: PathKey = ()
        if stack:
            frame = stack[-1]
            container, key = frame[0], frame[2]
            if container is None or key is _SKIP:  # left out: only its nesting counts
                frame[2] = None
                if not scalar:
                    stack.append([None, (), None, None])
                continue
            if container.__class__ is list:
                where = (*frame[1], len(container))
            elif key is None:  # this node is a key
                lines = frame[3]
                if scalar and tag is None and text not in lines and text != "<<":
                    lines[text] = mark.line + 1  # the usual key, checked in line
                    frame[2] = text
                    continue
                frame[2] = _key(event, frame, path, errors)
                if not scalar:
                    stack.append([None, (), None, None])
                continue
            else:
                frame[2] = None
                where = (*frame[1], key)
        if len(positions) >= MAX_VALUES:
            raise DataErrors([_too_many(path, mark, (), MAX_VALUES, values=True)])
        positions[where] = Position(mark.line + 1, mark.column + 1, text)
        value: Any = None
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            errors.append(_tag_error(path, mark, tag, where))
        elif scalar:
            value = text if event.style or tag == _STR else plain_scalar(event.value)
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
            stack.append([value, where, None, {} if kind is mapping_start else None])
        elif not stack:
            break  # a document of one scalar
    get()  # the document's end
    if not isinstance(get(), events.StreamEndEvent):
        raise _Explain  # a second document
    if errors:
        raise DataErrors(errors)
    return YamlDocument(path=path, data=root, positions=positions)


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
    return DataError(
        path,
        message.format(holder=holder, limit=numeral(f"{limit:,}")),
        line=mark.line + 1,
        column=mark.column + 1,
        field=field_name(where),
    )


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
        errors.append(
            DataError(
                path,
                message,
                line=mark.line + 1,
                column=mark.column + 1,
                field=field_name(frame[1]),
            )
        )
        return _SKIP
    key: str = event.value
    if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
        errors.append(_tag_error(path, mark, tag, (*frame[1], key)))
        return _SKIP
    lines: dict[str, int] = frame[3]
    if key in lines:
        errors.append(
            DataError(
                path,
                _(
                    "the key {key!r} appears twice in this mapping, on line {first} and on "
                    "line {second}; keep one"
                ).format(key=shortened(key), first=lines[key], second=mark.line + 1),
                line=mark.line + 1,
                column=mark.column + 1,
                field=field_name((*frame[1], key)),
            )
        )
        return _SKIP
    lines[key] = mark.line + 1
    return key


def _tag_error(path: Path, mark: Any, tag: str, where: PathKey) -> DataError:
    shown = shortened(tag.replace("tag:yaml.org,2002:", "!!"))
    return DataError(
        path,
        _(
            "the tag {tag} is not allowed in data files; write plain values "
            "(nothing in the file is ever run or turned into objects)"
        ).format(tag=shown),
        line=mark.line + 1,
        column=mark.column + 1,
        field=field_name(where),
    )


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


def iter_paths(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    """Every (path, value) in plain data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_paths(value, (*path, i))

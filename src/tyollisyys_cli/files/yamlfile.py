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
- files larger than `MAX_FILE_BYTES` are refused;
- the text must be UTF-8;
- syntax errors are reworded to say what to change, from the pure-Python parser's
  report so that they read the same whether or not PyYAML has its C extension.

The result is the plain data plus a `Positions` map from each value's path to its
line, column and the text as written, so that any later error can point at it.

A file in plain block YAML (most data files) is read by `yamlblock` without PyYAML;
PyYAML reads every other file, and decides every error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tyollisyys_cli.errors import DataError, DataErrors
from tyollisyys_cli.files.positions import PathKey, Position, field_name
from tyollisyys_cli.files.yamlblock import plain_scalar, read_block

if TYPE_CHECKING:
    import yaml

__all__ = ["YamlDocument", "iter_paths", "load_yaml", "parse_yaml", "plain_scalar", "read_text"]

#: Largest data file read, in bytes. A whole country's monthly statistics for one
#: month take about 150 KB; hand-written files are far smaller.
MAX_FILE_BYTES = 10 * 1024 * 1024

#: PyYAML's loader class, chosen when PyYAML is first needed (`_loader_class`).
_Loader: type[Any] | None = None


def _loader_class() -> type[Any]:
    """PyYAML's C parser when it is built (several times faster, the same behaviour)."""
    global _Loader
    if _Loader is None:
        import yaml

        _Loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    return _Loader


_IMPLICIT: list[Any] = []


def _implicit_tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar of text `value`."""
    import yaml

    if not _IMPLICIT:
        _IMPLICIT.append(yaml.resolver.Resolver())
    tag: str = _IMPLICIT[0].resolve(yaml.ScalarNode, value, (True, False))
    return tag


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


def read_text(path: Path) -> str:
    """The file's text, or a `DataErrors` saying why it cannot be read."""
    if not path.exists():
        other = path.with_suffix(".yml" if path.suffix == ".yaml" else ".yaml")
        hint = f"; there is {other.name}: rename it to {path.name}" if other.is_file() else ""
        raise DataErrors([DataError(path, f"file not found{hint}")])
    if path.is_dir():
        kind = "CSV" if path.suffix == ".csv" else "YAML"
        raise DataErrors([DataError(path, f"is a directory, expected a {kind} file")])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataErrors(
                [
                    DataError(
                        path,
                        f"file is {size:,} bytes, larger than the limit of "
                        f"{MAX_FILE_BYTES:,} bytes for a data file",
                    )
                ]
            )
        raw = path.read_bytes()
    except PermissionError:
        raise DataErrors([DataError(path, "cannot read the file: permission denied")]) from None
    except OSError as exc:
        raise DataErrors([DataError(path, f"cannot read the file: {exc.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataErrors(
            [
                DataError(
                    path,
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                    line=line,
                    column=column,
                )
            ]
        ) from None


def load_yaml(path: Path) -> YamlDocument:
    """Read and parse one YAML data file."""
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse YAML text; `path` is only used in messages."""
    if not text.strip():
        raise DataErrors([DataError(path, "the file is empty")])
    block = read_block(text)
    if block is not None:
        return YamlDocument(path=path, data=block[0], positions=block[1])
    document = _plain_document(text, path)
    if document is not None:
        return document
    import yaml

    from tyollisyys_cli.files.yamlsyntax import syntax_error

    try:
        node = _compose(text, path, _loader_class())
    except yaml.YAMLError as exc:
        raise DataErrors(
            [syntax_error(path, _python_parser_error(text, path, exc), text)]
        ) from None
    if node is None:
        raise DataErrors([DataError(path, "the file holds no data (only comments)")])
    builder = _Builder(path)
    data = builder.build(node, ())
    if builder.errors:
        raise DataErrors(builder.errors)
    return YamlDocument(path=path, data=data, positions=builder.positions)


def _python_parser_error(text: str, path: Path, exc: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python parser's error for `text`, else `exc`.

    libyaml words its errors differently; the message is taken from the pure-Python
    parser, so that it is the same whichever parser PyYAML was built with.
    """
    import yaml

    if _loader_class() is yaml.SafeLoader:
        return exc
    try:
        _compose(text, path, yaml.SafeLoader)
    except yaml.YAMLError as again:
        return again
    return exc


def _compose(text: str, path: Path, loader_class: type[Any]) -> yaml.Node | None:
    """The document's node tree, after a token pass that refuses anchors and deep nesting.

    The token pass runs before anything is composed, so an alias bomb or a file nested
    thousands deep is refused at once, and each anchor is named with its own position.
    """
    from tyollisyys_cli.files.yamlsyntax import scan

    scan(text, path, loader_class)
    loader = loader_class(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


def _plain_document(text: str, path: Path) -> YamlDocument | None:
    """The document when it holds only what a data file may: one document of mappings,
    lists and untagged scalars, no anchors, aliases, merge or complex keys, no key twice,
    no nesting past `MAX_DEPTH`, no syntax error; else None, and the checking reader
    (token pass, composer, `_Builder`) reads it and says what is wrong.

    One pass over the parser's events builds the data and the positions (the same as
    `_Builder` makes of the composed nodes) without composing node objects: most of
    the time of reading a large area file.
    """
    import yaml

    try:
        loader = _loader_class()(text)
    except yaml.YAMLError:  # the pure-Python reader checks the characters at once
        return None
    try:
        return _from_events(loader.get_event, path)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _from_events(get: Any, path: Path) -> YamlDocument | None:
    from yaml import events

    from tyollisyys_cli.files.yamlsyntax import MAX_DEPTH

    scalar_event, mapping_start, sequence_start = (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.SequenceStartEvent,
    )
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    if not isinstance(get(), events.StreamStartEvent):
        return None
    if not isinstance(get(), events.DocumentStartEvent):
        return None  # no document: the checking reader says what the file holds
    positions: dict[PathKey, Position] = {}
    root: Any = None
    # Open containers: (the container, its path, the key waiting for its value).
    stack: list[list[Any]] = []
    while True:
        event = get()
        kind = event.__class__
        if kind in ends:
            stack.pop()
            if not stack:
                break
            continue
        if event.anchor is not None:
            return None  # an anchor (or an alias, whose anchor is the name it uses)
        if kind is scalar_event:
            if event.tag is not None:
                return None
            text: str = event.value
            value: Any = text if event.style else plain_scalar(text)
        elif kind is mapping_start or kind is sequence_start:
            if event.tag is not None or len(stack) >= MAX_DEPTH:
                return None
            value = {} if kind is mapping_start else []
            text = None  # type: ignore[assignment]
        else:
            return None  # an alias
        if stack:
            frame = stack[-1]
            container, where = frame[0], frame[1]
            if container.__class__ is list:
                where = (*where, len(container))
                container.append(value)
            elif frame[2] is None:  # a key
                if kind is not scalar_event or (text == "<<" and not event.style):
                    return None
                if text in container:
                    return None
                frame[2] = text
                continue
            else:
                key = frame[2]
                frame[2] = None
                where = (*where, key)
                container[key] = value
        else:
            where = ()
            root = value
        mark = event.start_mark
        positions[where] = Position(mark.line + 1, mark.column + 1, text)
        if text is None:
            stack.append([value, where, None])
        elif not stack:
            break  # a document of one scalar
    if not isinstance(get(), events.DocumentEndEvent) or not isinstance(
        get(), events.StreamEndEvent
    ):
        return None
    return YamlDocument(path=path, data=root, positions=positions)


class _Builder:
    """Turns composed nodes into plain data, refusing what a data file must not hold."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.positions: dict[PathKey, Position] = {}
        self.errors: list[DataError] = []

    def _error(self, node: yaml.Node, message: str, path: PathKey) -> None:
        self.errors.append(
            DataError(
                self.path,
                message,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
                field=field_name(path),
            )
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        import yaml

        # Aliases never get here: the token pass refused them, so the tree is a tree
        # (the composer would hand back the same node object for each alias).
        text = node.value if isinstance(node, yaml.ScalarNode) else None
        self.positions[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1, text)
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._error(
                node,
                f"the tag {tag} is not allowed in data files; write plain values "
                "(nothing in the file is ever run or turned into objects)",
                path,
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        import yaml

        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                self._error(
                    key_node, "keys must be plain names (no merge keys or complex keys)", path
                )
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_line:
                self._error(
                    key_node,
                    f"the key {key!r} appears twice in this mapping, on line "
                    f"{first_line[key]} and on line {line}; keep one",
                    (*path, key),
                )
                continue
            first_line[key] = line
            result[key] = self.build(value_node, (*path, key))
        return result


def _scalar(node: yaml.ScalarNode) -> Any:
    """YAML 1.2 core-schema value of a scalar; quoted or explicitly tagged text stays text."""
    value: str = node.value
    if node.style:  # quoted or block scalar (plain is None or '' depending on the parser)
        return value
    if node.tag == "tag:yaml.org,2002:str" and _implicit_tag(value) != node.tag:
        return value  # explicitly tagged !!str
    return plain_scalar(value)


def iter_paths(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    """Every (path, value) in plain data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_paths(value, (*path, i))

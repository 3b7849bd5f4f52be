"""The safe YAML reader: values as YAML 1.2 reads them, unsafe YAML refused, errors placed.

In yamllint's style: each case is a snippet and what it must give, one line each. Every
test runs with the libyaml parser and with the pure-Python one, which must agree.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

import tyollisyys_cli.files
from clirunner import CliRunner
from edits import copy_data
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.files import yamlfile
from tyollisyys_cli.files.positions import Position
from tyollisyys_cli.files.yamlfile import load_yaml, parse_yaml

FILE = Path("area.yaml")


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    loader = yaml.SafeLoader if request.param == "python" else yaml.CSafeLoader
    monkeypatch.setattr(yamlfile, "_Loader", loader)
    return str(request.param)


def value(text: str) -> Any:
    return parse_yaml(f"x: {text}\n", FILE).data["x"]


def messages(text: str) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        parse_yaml(text, FILE)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("12", 12),
        ("+5", 5),
        ("-0.5", -0.5),
        ("8.9", 8.9),
        ("1e3", 1000.0),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        # YAML 1.1 would read these as booleans, octal or sexagesimal numbers:
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("091", "091"),
        ("007", "007"),
        ("12:30", "12:30"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        # Numbers written the Finnish way stay text for the validators to explain:
        ("8,9", "8,9"),
        ("38 799", "38 799"),
        ("2023-08", "2023-08"),
        ("2023-08-31", "2023-08-31"),
        # Quoted or tagged text stays text:
        ('"105"', "105"),
        ("'true'", "true"),
        ("!!str 12", "12"),
        ("|\n  12", "12\n"),
    ],
)
def test_scalars_follow_yaml_1_2(written: str, read: Any) -> None:
    assert value(written) == read
    assert type(value(written)) is type(read)


def test_a_position_is_a_frozen_value() -> None:
    position = Position(2, 10, "2")
    assert position == Position(2, 10, "2") != Position(2, 10)
    assert hash(position) == hash(Position(2, 10, "2"))
    assert Position(3, 4).text is None
    assert repr(position) == "Position(line=2, column=10, text='2')"
    with pytest.raises(AttributeError):
        position.line = 3  # type: ignore[misc]  # the write mypy refuses, shown failing at run time


def test_positions_are_one_based_with_the_text_as_written() -> None:
    document = parse_yaml("a:\n  b: [1, 2]\n  c: 8,9\n", FILE)
    assert document.positions[("a", "b", 1)] == Position(2, 10, "2")
    assert document.positions[("a", "c")] == Position(3, 6, "8,9")
    assert document.position(("a", "b", 1, "missing")) == Position(2, 10, "2")


def test_text_is_read_as_nfc_at_the_place_written() -> None:
    """`ä` saved as a + U+0308 (macOS, some editors) is the `ä` typed elsewhere: NAM001
    warned that `Ristijärvi` is named `Ristijärvi` in the classification."""
    nfd = unicodedata.normalize("NFD", "Ristijärvi")
    assert len(nfd) == len("Ristijärvi") + 1
    document = parse_yaml(f"name: {nfd}\nquoted: '{nfd}'\n{nfd}: {nfd} x\n", FILE)
    assert document.data == {
        "name": "Ristijärvi",
        "quoted": "Ristijärvi",
        "Ristijärvi": "Ristijärvi x",
    }
    assert document.positions[("Ristijärvi",)] == Position(3, 14, "Ristijärvi x")


def test_a_municipality_named_in_nfd_is_its_classified_name(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("name: Ristijärvi\n") == 1
    path.write_text(text.replace("name: Ristijärvi\n", f"name: {NFD_RISTIJARVI}\n"), "utf-8")
    result = CliRunner().invoke(app, ["--data-dir", str(data), "check", "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert [f for f in findings if f["code"] == "NAM001"] == []
    assert result.exit_code == 1  # (the plan's own errors, as without the edit)


NFD_RISTIJARVI = unicodedata.normalize("NFD", "Ristijärvi")


def test_windows_line_ends_and_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "area.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: x\r\n")
    document = load_yaml(path)
    assert document.data == {"a": 1, "b": "x"}
    assert document.positions[("b",)] == Position(2, 4, "x")


def test_entry_names_on_the_way_to_a_value() -> None:
    document = parse_yaml(
        "municipalities:\n  - name: Kuhmo\n    staffing:\n      - role: ohjaaja\n", FILE
    )
    error = document.error(("municipalities", 0, "staffing", 0, "fte"), "expected a number")
    assert str(error) == (
        "area.yaml:4:9: municipalities[0].staffing[0].fte (Kuhmo, ohjaaja): expected a number"
    )


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (
            "a:\n  b: [1, {c: d, e: ['f']}]\n  g: {}\n",
            {"a": {"b": [1, {"c": "d", "e": ["f"]}], "g": {}}},
        ),
        ("- 1\n- [2, 3]\n", [1, [2, 3]]),
        ("just text\n", "just text"),
        ("'quoted key': yes\n", {"quoted key": "yes"}),
        (
            "a: |\n  two\n  lines\nb: >-\n  folded\n  text\n",
            {"a": "two\nlines\n", "b": "folded text"},
        ),
        ("a:\n- b: 1\n  c:\n  - - d\n", {"a": [{"b": 1, "c": [["d"]]}]}),
        (
            "a: !!int 5\nb: !!map {c: 1}\nc: ! 7\nd: !!str 1e5\n",
            {"a": 5, "b": {"c": 1}, "c": 7, "d": "1e5"},
        ),
        ("---\na: 1\n...\n", {"a": 1}),
        ("--- \n", None),
        ("a: =\nb: <<\n", {"a": "=", "b": "<<"}),
        # A tab where both parsers read it: in quotes, in a text after | or >, in a comment.
        ('a: "x\ty"\nb: |\n  c\td\n# e\tf\n', {"a": "x\ty", "b": "c\td\n"}),
        ("a: >-  # a comment after a space\n  x\n", {"a": "x"}),
    ],
)
def test_documents_read_as_plain_data(text: str, data: Any) -> None:
    assert parse_yaml(text, FILE).data == data


@pytest.mark.parametrize(
    ("text", "path", "position"),
    [
        ("a:\n  b: [1, 2]\n", ("a", "b", 1), Position(2, 10, "2")),
        ("a:\n  b: [1, 2]\n", ("a", "b"), Position(2, 6)),
        ("a:\n  b: [1, 2]\n", ("a",), Position(2, 3)),
        ("a:\n  c: 8,9\n", ("a", "c"), Position(2, 6, "8,9")),
        ("a:\n- b: 'x y'\n", ("a", 0, "b"), Position(2, 6, "x y")),
        ("- |\n  text\n", (0,), Position(1, 3, "text\n")),
        ("a: !!str 12\n", ("a",), Position(1, 4, "12")),
        ("just text\n", (), Position(1, 1, "just text")),
        # An empty value stands just after its colon, in a block and in braces alike.
        ("a:\n  min:\n  max: 4\n", ("a", "min"), Position(2, 7, "")),
        ("a: {min: , max: 4}\n", ("a", "min"), Position(1, 9, "")),
        ("a: {min:   , max: 4}\n", ("a", "min"), Position(1, 9, "")),
        ("a: {min: }\n", ("a", "min"), Position(1, 9, "")),
        ("a: [1, {x: }]\n", ("a", 1, "x"), Position(1, 11, "")),
        ("a: {b: 1, min:\n}\n", ("a", "min"), Position(1, 15, "")),
        ("a: {min: \n  }\n", ("a", "min"), Position(1, 9, "")),
        ("-\n- 1\n", (0,), Position(1, 2, "")),
    ],
)
def test_positions(text: str, path: tuple[str | int, ...], position: Position) -> None:
    assert parse_yaml(text, FILE).positions[path] == position


ANCHORS = (
    "anchors and aliases (&name, *name) are not allowed in data files; write the value out "
    "each time"
)
TAG = (
    "is not allowed in data files; write plain values (nothing in the file is ever run or "
    "turned into objects)"
)
TWICE = "appears twice in this mapping, on line {} and on line {}; keep one"
KEYS = "keys must be plain names (no merge keys or complex keys)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb:\n  c: 2\n  c: 3\n",
            [f"4:3: b.c: the key 'c' {TWICE.format(3, 4)}"],
        ),
        (
            "a: 1\na: {b: 1, b: 2}\n",
            [f"2:1: a: the key 'a' {TWICE.format(1, 2)}"],
        ),
        ("x: !!python/name:os.system abc\n", [f"1:4: x: the tag !!python/name:os.system {TAG}"]),
        ("x: !!binary abc\n", [f"1:4: x: the tag !!binary {TAG}"]),
        ("x: !!set {a: 1}\n", [f"1:4: x: the tag !!set {TAG}"]),
        ("x: !include other.yaml\n", [f"1:4: x: the tag !include {TAG}"]),
        (
            "- !x {a: !y 1}\n- !z 2\n",
            [f"1:3: [0]: the tag !x {TAG}", f"2:3: [1]: the tag !z {TAG}"],
        ),
        ("!x a: 1\n", [f"1:1: a: the tag !x {TAG}"]),
        ("a: &x 1\nb: *x\nc: *x\n", [f"1:4: anchor &x (used again on lines 2, 3): {ANCHORS}"]),
        ("a: *nowhere\n", [f"1:4: alias *nowhere: {ANCHORS}"]),
        ("a: &x 1\nb: 1\nb: !t 2\n", [f"1:4: anchor &x: {ANCHORS}"]),
        ("<<: {a: 1}\n", [f"1:1: {KEYS}"]),
        ("a:\n  !!merge b: 1\n", [f"2:3: a: {KEYS}"]),
        ("? [a, b]\n: 1\n", [f"1:3: {KEYS}"]),
        (
            "{[a]: 1, b: 2, b: 3}\n",
            [
                f"1:2: {KEYS}",
                f"1:16: b: the key 'b' {TWICE.format(1, 1)}",
            ],
        ),
    ],
)
def test_unsafe_yaml_is_refused_with_its_place(text: str, expected: list[str]) -> None:
    assert messages(text) == [f"area.yaml:{line}" for line in expected]


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"x: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n"
    assert messages(text) == [
        f"area.yaml:1:4: x: the tag !!python/object/apply:pathlib.Path.touch {TAG}"
    ]
    assert not marker.exists()


def test_an_alias_bomb_is_refused_before_anything_is_expanded() -> None:
    # Thirty levels of ten aliases each would expand to 10**30 strings.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 30):
        refs = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{refs}]")
    found = messages("\n".join(lines) + "\n")
    assert len(found) == 30
    assert found[0] == f"area.yaml:1:5: anchor &l0 (used again on line 2): {ANCHORS}"
    assert found[29] == f"area.yaml:30:6: anchor &l29: {ANCHORS}"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # The values kept before the first anchor or alias, then each anchor and alias:
        # the root and the anchored value, then nine aliases.
        ("a: &x 1\nb:\n" + "- *x\n" * 20, "11:3"),
        # The root, a, b's list, then eight aliases.
        ("a: 1\nb:\n" + "- *nowhere\n" * 20, "10:3"),
        # The root and a's value, then nine keys named again (each refused with its value).
        ("a: 1\n" * 20, "10:1"),
    ],
)
def test_a_flood_of_aliases_is_refused_as_too_many_values(
    text: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 10)
    assert messages(text) == [
        f"area.yaml:{where}: the file holds more than 10 values, more than an area's data "
        "needs (Finland has 308 municipalities); is it the right file?"
    ]


def test_a_value_refused_for_its_tag_counts_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Six values (the root and five tagged) and a key named again: seven, not twelve.
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 10)
    text = "".join(f"k{i}: !foo {i}\n" for i in range(5)) + "k0: 1\n"
    assert messages(text) == [
        *(f"area.yaml:{i + 1}:5: k{i}: the tag !foo {TAG}" for i in range(5)),
        f"area.yaml:6:1: k0: the key 'k0' {TWICE.format(1, 6)}",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ten values in all (the root list, eight numbers, the alias): not too many.
        ("- 1\n" + "- 2\n" * 7 + "- *x\n", f"9:3: alias *x: {ANCHORS}"),
        # Values after an anchor that are neither anchors nor aliases are not counted.
        ("a: &x 1\n" + "".join(f"k{i}: {i}\n" for i in range(20)), f"1:4: anchor &x: {ANCHORS}"),
    ],
)
def test_values_within_the_limit_keep_their_message(
    text: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlfile, "MAX_VALUES", 10)
    assert messages(text) == [f"area.yaml:{expected}"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 100_000 + "]" * 100_000, "1:65"),
        ("".join(f"{'  ' * i}-\n" for i in range(200)), "65:"),
        ("".join(f"{'  ' * i}k:\n" for i in range(70)), "65:"),
        ("[" * 70 + "&a x" + "]" * 70, "1:65"),
        ("[" * 64 + "{k: 1}" + "]" * 64, "1:65"),
        # At the key or the `-` that opens the block, not at the tag or anchor before it.
        ("".join(f"{'  ' * i}k: !!map\n" for i in range(70)), "65:129"),
        ("".join(f"{'  ' * i}k: &a{i}\n" for i in range(70)), "65:129"),
        ("".join(f"{'  ' * i}- !!seq\n" for i in range(70)), "65:129"),
    ],
)
def test_deep_nesting_is_refused(text: str, where: str) -> None:
    (message,) = messages(text)
    assert "lists and mappings are nested more than 64 deep" in message
    assert f"area.yaml:{where}" in message


@pytest.mark.parametrize(
    "text",
    [
        "[" * 64 + "1" + "]" * 64,
        # A list at its key's own indentation is no level of its own: 40 levels, not 80.
        "".join(f"{'  ' * i}- k:\n" for i in range(40)) + "  " * 40 + "- 1\n",
        # A pair in a list, written with `? `, is no level of its own either.
        "[" * 63 + "[? k : 1]" + "]" * 63,
    ],
)
def test_nesting_within_the_limit_is_read(text: str) -> None:
    data = parse_yaml(text, FILE).data
    while isinstance(data, list | dict):
        data = data[0] if isinstance(data, list) else data["k"]
    assert data == 1


NO_ESCAPE = (
    "YAML syntax error: {escape} is not an escape YAML knows in double quotes; write \\\\ "
    "for a backslash, or put the text in single quotes, where \\ is only a backslash"
)
TOO_FEW = "YAML syntax error: {escape}"
NO_CHARACTER = (
    "YAML syntax error: {escape} names no character (U+D800 to U+DFFF and codes above "
    "U+10FFFF are none); write the character itself"
)
TAB_IN_LINE = (
    "YAML syntax error: a tab character; write spaces between and inside values (a tab "
    "may stand only in quotes, in a text after | or >, or in a comment)"
)
BLOCK_HEADER = (
    "YAML syntax error: after | or > (a text on the lines below) the line may hold only - "
    "or +, a digit from 1 to 9 and, after a space, a comment"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\n\tb: 2\n",
            "area.yaml:2:1: YAML syntax error: a tab character; indent with spaces, not tabs",
        ),
        (
            "a: 'x\nb: 2\n",
            "area.yaml:1:4: YAML syntax error: the single quote opened here is "
            "never closed; end the text with a matching quote",
        ),
        (
            'a: "x\n',
            "area.yaml:1:4: YAML syntax error: the double quote opened here is never "
            "closed; end the text with a matching quote",
        ),
        # The first key indented: the next key, at its line's start, "cannot start here".
        (
            "# comment\n\n area:\n  name: x\nmunicipalities: []\n",
            "area.yaml:3:2: YAML syntax error: the file's first key is indented, unlike the "
            "key on line 5; start it at the beginning of its line",
        ),
        # A file indented alike throughout, with a stray `...`: not its first key's fault.
        (
            "  area:\n    name: x\n...\n  municipalities: []\n",
            "area.yaml:4:3: YAML syntax error: the data cannot start here; check the lines "
            "above for a stray %, --- or ...",
        ),
        # A bracket left open as the file ends: "expected the node content, but found
        # '<stream end>' while parsing a flow node", in English in a Finnish run too.
        (
            "a: 1\nfoo: [\n",
            "area.yaml:2:6: YAML syntax error: the [ opened here is never closed; close it "
            "with ], or put the value in quotes",
        ),
        (
            "a: 1\nfoo: {b: [1, 2],\n",
            "area.yaml:2:6: YAML syntax error: the { opened here is never closed; close it "
            "with }, or put the value in quotes",
        ),
        (
            "a: [1, 2\nb: 3\n",
            "area.yaml:1:4: YAML syntax error: the [ opened here has no "
            "matching ] before line 2, where the parser gave up; close it, or put the value in "
            "quotes",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "area.yaml:3:2: YAML syntax error: this line's indentation "
            "does not fit the block that starts on line 2; indent each key of a mapping by the "
            "same number of spaces",
        ),
        (
            "a: b: c\n",
            "area.yaml:1:5: YAML syntax error: a key where none can start: check "
            "the indentation of this line and the lines above, or put a value that contains "
            "': ' in quotes",
        ),
        (
            "a: @x\n",
            "area.yaml:1:4: YAML syntax error: the character '@' cannot start a "
            "value; put the value in quotes",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "area.yaml:2:1: YAML syntax error: a second document starts "
            "here (a line `---`); a data file holds one",
        ),
        (
            "a: x\x00y\n",
            "area.yaml:1:5: the file holds the control character U+0000, which "
            "YAML does not allow; delete it (it is often invisible: retype the line)",
        ),
        (
            "a: 1\rb: x\x01\r",
            "area.yaml:2:5: the file holds the control character U+0001, which "
            "YAML does not allow; delete it (it is often invisible: retype the line)",
        ),
        (
            "a: 1\nb\nc: 2\n",
            "area.yaml:2:1: YAML syntax error: this line has no ': ' after its key, or a value "
            "runs on to the next line; check the line, or put the text in quotes",
        ),
        (
            'a: "x" y\n',
            "area.yaml:1:8: YAML syntax error: text follows a quoted value; put the whole "
            "value inside the quotes",
        ),
        # A quote left open is closed by the next value's first quote, lines below, where
        # text follows it: the mistake is where it opened (it was placed lines below).
        (
            'a:\n  name: "Kajaani\n  b: 1\nc:\n  code: "290"\n',
            "area.yaml:2:9: YAML syntax error: the quote opened here is closed only on line 5, "
            "where text follows it; close it on this line",
        ),
        (
            "a:\n  name: 'Kajaani\n  b: 1\n  # the area's\n",
            "area.yaml:2:9: YAML syntax error: the quote opened here is closed only on line 4, "
            "where text follows it; close it on this line",
        ),
        # A value meant to run over lines (no key in it) keeps the place of the text after.
        (
            'a:\n  name: "Hyrynsalmi,\n    the northern one" kunta\n',
            "area.yaml:3:23: YAML syntax error: text follows a quoted value; put the whole "
            "value inside the quotes",
        ),
        (
            "a: & x\n",
            "area.yaml:1:5: YAML syntax error: & starts an anchor or alias in YAML; put a "
            "value that starts with & in quotes",
        ),
        (
            "a: 1\n%YAML 1.2\n",
            "area.yaml:3:1: YAML syntax error: the data cannot start here; check the lines "
            "above for a stray %, --- or ...",
        ),
        (
            'a: ["x, 1]\n',
            "area.yaml:1:5: YAML syntax error: the double quote opened here is never closed; "
            "end the text with a matching quote",
        ),
        (
            "a: {b: [1, 2}\n",
            "area.yaml:1:8: YAML syntax error: the [ opened here has no matching ] before "
            "line 1, where the parser gave up; close it, or put the value in quotes",
        ),
        # libyaml reads these; the pure-Python parser does not, so neither does the tool.
        ("name: Kain\tuu\n", f"area.yaml:1:11: {TAB_IN_LINE}"),
        ("name:\tKainuu\n", f"area.yaml:1:6: {TAB_IN_LINE}"),
        ("name: Kainuu\t# c\n", f"area.yaml:1:13: {TAB_IN_LINE}"),
        ("name: Kainuu\t\n", f"area.yaml:1:13: {TAB_IN_LINE}"),
        ("a: [1,\t2]\n", f"area.yaml:1:7: {TAB_IN_LINE}"),
        ("a: >-#c\n  x\n", f"area.yaml:1:6: {BLOCK_HEADER}"),
        ("a: |+2#\n    x\n", f"area.yaml:1:7: {BLOCK_HEADER}"),
        ("a: >x\n  x\n", f"area.yaml:1:5: {BLOCK_HEADER}"),
        ("a: |0\n  x\n", f"area.yaml:1:5: {BLOCK_HEADER}"),
        (
            "a: 1\n\ufeffb: 2\n",
            "area.yaml:2:1: the invisible character byte order mark (BOM, U+FEFF), which "
            "belongs only at the very start of a file; remove it (joining two files leaves one "
            "inside)",
        ),
    ],
)
def test_syntax_errors_say_where_and_what_to_change(text: str, expected: str) -> None:
    assert messages(text) == [expected]


@pytest.mark.parametrize(
    ("text", "place", "message", "escape"),
    [
        # A bad escape in double quotes is named at its backslash (not "never closed").
        ('name: "ab\\q"\n', "1:10", NO_ESCAPE, "\\q"),
        ('name: "ab\\x4"\n', "1:10", TOO_FEW, "\\x4: \\x takes 2 hexadecimal digits, as in \\x41"),
        # The escape that is bad, not an escaped backslash after it, and no more of it.
        ('name: "\\x\\\\"\n', "1:8", TOO_FEW, "\\x: \\x takes 2 hexadecimal digits, as in \\x41"),
        ('n: "\\u12\\n"\n', "1:5", TOO_FEW, "\\u12: \\u takes 4 hexadecimal digits, as in \\u00e4"),
        ('a: "x\\\\\\q"\n', "1:8", NO_ESCAPE, "\\q"),
        ('a: "first\n  then \\q"\n', "2:8", NO_ESCAPE, "\\q"),
        ('name: "\\ud800"\n', "1:8", NO_CHARACTER, "\\ud800"),
        ('n: "ab\\U0011FFFF"\n', "1:7", NO_CHARACTER, "\\U0011FFFF"),
        # The pure-Python parser (a tab in the file) keeps a surrogate, and stops on a
        # code above U+10FFFF with a ValueError: both are named alike, at the escape
        # (not at an escaped backslash before it, nor at the same text in a comment).
        ('a: "x\\udc00 \tb"\n', "1:6", NO_CHARACTER, "\\udc00"),
        ('a: "\\\\ud800 \\udc00\t"\n', "1:13", NO_CHARACTER, "\\udc00"),
        ('a: "\\U0000D800\tb"\n', "1:5", NO_CHARACTER, "\\U0000D800"),
        (
            '# see \\U00110000\na: "b\tc"\nd: "\\U00110000"\n',
            "3:5",
            NO_CHARACTER,
            "\\U00110000",
        ),
    ],
)
def test_a_bad_escape_is_named_at_its_backslash(
    text: str, place: str, message: str, escape: str
) -> None:
    assert messages(text) == [f"area.yaml:{place}: " + message.format(escape=escape)]


def test_escapes_in_single_quotes_and_known_ones_are_read() -> None:
    document = parse_yaml("a: 'x\\ud800\tb'\nc: \"\\u00e4\\x41\\\\q\"\n", Path("area.yaml"))
    assert document.data == {"a": "x\\ud800\tb", "c": "äA\\q"}


CANNOT_START = "YAML syntax error: the character '@' cannot start a value; put the value in quotes"
OFF_BLOCK = (
    "YAML syntax error: this line's indentation does not fit the block that starts on line "
    "{}; indent each key of a mapping by the same number of spaces"
)
SHALLOW = OFF_BLOCK.format(2)
KEY_HERE = (
    "YAML syntax error: a key where none can start: check the indentation of this line and "
    "the lines above, or put a value that contains ': ' in quotes"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first problem in the file is the one named, whatever kind comes later.
        ('a:\n  b: 1\n c: 2\nd: "open\n', f"3:2: {SHALLOW}"),
        ("a:\n  b: 1\n c: 2\nd: \tx\n", f"3:2: {SHALLOW}"),
        ("a: x\n b: 1\nc: *x\n", f"2:3: {KEY_HERE}"),
        ("a:\n  b: 1\n c: 2\n---\nd: 3\n", f"3:2: {SHALLOW}"),
        # An anchor or alias before a problem of structure is named instead of it.
        ("a: &x 1\nb:\n  c: 1\n d: 2\n", f"1:4: anchor &x: {ANCHORS}"),
        # Anchors in a second document are named with their places, like any other.
        ("a: 1\n---\nb: &x 2\n", f"3:4: anchor &x: {ANCHORS}"),
        # The place is that of the & or the bracket, after a tag or an anchor.
        ("a: !!str &x b\nc: *x\n", f"1:10: anchor &x (used again on line 2): {ANCHORS}"),
        # Lines that end in a lone carriage return (old Mac files) are lines too.
        ("a: 1\rb: !!str &x c\rd: *x\r", f"2:10: anchor &x (used again on line 3): {ANCHORS}"),
        ("[" * 64 + "&a [" + "]" * 65, "1:68: lists and mappings are nested more than 64 deep"),
        # A character that cannot start a value, in a [ that is closed on its line or
        # in one that swallowed the lines after it.
        (
            "a: !!seq [1, @x]\n",
            "1:14: YAML syntax error: the character '@' cannot start a value; put the value "
            "in quotes",
        ),
        (
            "a: !!seq [1, 2\nb: |\n  text\n",
            "1:10: YAML syntax error: the [ opened here has no matching ] before line 2, where "
            "the parser gave up; close it, or put the value in quotes",
        ),
        (
            'l:\n  - members: ["578", "105"\n    fte: |\n      x\n',
            "2:14: YAML syntax error: the [ opened here has no matching ] before line 3, where "
            "the parser gave up; close it, or put the value in quotes",
        ),
        # The block named is the one just above the line, where it is indented deeper
        # (the line or that block is the one to fix), not the block the parser was in.
        ("area:\n  name: x\nt:\n   a: 1\n  b: 2\n", f"5:3: {OFF_BLOCK.format(4)}"),
        ("a:\n  b:\n    c: 1\n    # note\n\n   d: 2\n", f"6:4: {OFF_BLOCK.format(3)}"),
        ("l:\n  - id: p\n    name: x\n   s: 1\n", f"4:4: {OFF_BLOCK.format(2)}"),
        # The lines of a text that runs on are no block.
        ("a:\n  note: >-\n    text\n   b: 1\n", f"4:4: {OFF_BLOCK.format(2)}"),
        ('a:\n note: "long\n    text"\n  c: 2\n', f"4:3: {OFF_BLOCK.format(2)}"),
        # A line that continues the list (indented deeper), or a list inside it.
        ("a: [1,\n  @x]\n", f"2:3: {CANNOT_START}"),
        ("a: [\n  [1, @x]]\n", f"2:7: {CANNOT_START}"),
        (
            "a: [1,\n\t@x]\n",
            "2:1: YAML syntax error: a tab character; indent with spaces, not tabs",
        ),
    ],
)
def test_which_problem_is_named_and_where(text: str, expected: str) -> None:
    assert messages(text) == [f"area.yaml:{expected}"]


def test_numbers_out_of_range_and_empty_text_are_named() -> None:
    from tyollisyys_cli.models.parsing import parse_count, parse_text

    with pytest.raises(ValueError, match="found a number too large to use"):
        parse_count(value("1e999"))
    with pytest.raises(
        ValueError, match=r"expected a whole number \(0 or more\), found empty text"
    ):
        parse_count(value('""'))
    with pytest.raises(ValueError, match="expected text, found an empty value"):
        parse_text(value("' '"))
    with pytest.raises(ValueError, match="write numbers without underscores: 1000"):
        parse_count(value("1_000"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "area.yaml: the file is empty"),
        (b"  \n\n", "area.yaml: the file is empty"),
        (b"# only a comment\n", "area.yaml: the file holds no data (only comments)"),
        (
            b"name: Hyrynsalmi\nwhere: Hyrynsalmen kunta\nbad: \xe4\n",
            "area.yaml:3:6: the file is not UTF-8 text (byte 0xe4, ä in Latin-1); save it as UTF-8",
        ),
        (  # (after a byte order mark: byte 0x64 `d` at 1:7 was named)
            b"\xef\xbb\xbf# Pendel\xf6inti\nname: Hyrynsalmi\n",
            "area.yaml:1:9: the file is not UTF-8 text (byte 0xf6, ö in Latin-1); save it as UTF-8",
        ),
    ],
)
def test_files_that_hold_no_data(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "area.yaml"
    path.write_bytes(content)
    with pytest.raises(DataErrors) as caught:
        load_yaml(path)
    assert [str(e).replace(f"{tmp_path}/", "") for e in caught.value.errors] == [expected]


def test_a_directory_or_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "area.yaml").mkdir()
    for name, expected in [
        ("area.yaml", "is a directory, expected a YAML file"),
        ("other.yaml", "file not found"),
    ]:
        with pytest.raises(DataErrors) as caught:
            load_yaml(tmp_path / name)
        assert str(caught.value) == f"{tmp_path / name}: {expected}"


def test_a_missing_file_spelt_yml(tmp_path: Path) -> None:
    (tmp_path / "area.yml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_yaml(tmp_path / "area.yaml")
    assert str(caught.value) == (
        f"{tmp_path / 'area.yaml'}: file not found; there is area.yml: rename it to area.yaml"
    )


@pytest.mark.parametrize("written", ["Area.yaml", "AREA.YML", "area.Yaml"])
def test_a_missing_file_written_in_other_capitals(tmp_path: Path, written: str) -> None:
    (tmp_path / written).write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_yaml(tmp_path / "area.yaml")
    assert str(caught.value) == (
        f"{tmp_path / 'area.yaml'}: file not found; there is {written}: rename it to area.yaml"
    )


def test_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "area.yaml"
    path.write_text("a: 1\n" * 30, encoding="utf-8")
    monkeypatch.setattr(tyollisyys_cli.files, "MAX_FILE_BYTES", 100)
    with pytest.raises(DataErrors) as caught:
        load_yaml(path)
    assert str(caught.value) == (
        f"{path}: file is 150 bytes, larger than the limit of 100 bytes for a data file"
    )


def test_the_bundled_files_read_the_same_with_both_parsers() -> None:
    data = Path(__file__).resolve().parents[1] / "data"
    for name in ("municipalities.yaml", "commuting.yaml"):
        text = (data / name).read_text(encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
            python = parse_yaml(text, FILE)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yamlfile, "_Loader", yaml.CSafeLoader)
            libyaml = parse_yaml(text, FILE)
        assert python.data == libyaml.data
        assert python.positions == libyaml.positions

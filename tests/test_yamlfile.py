"""The safe YAML reader: values as YAML 1.2 reads them, unsafe YAML refused, errors placed.

Every test runs with the libyaml parser and with the pure-Python one, which must agree,
and with the block reader in front of them (`yamlblock`, which reads plain block YAML
itself and leaves the rest to PyYAML).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.files import yamlfile
from tyollisyys_cli.files.yamlfile import Position, load_yaml, parse_yaml

FILE = Path("area.yaml")


@pytest.fixture(params=["block", "libyaml", "python"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    loader = yaml.SafeLoader if request.param == "python" else yaml.CSafeLoader
    monkeypatch.setattr(yamlfile, "_Loader", loader)
    if request.param != "block":
        monkeypatch.setattr(yamlfile, "read_block", lambda text: None)
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
        position.line = 3  # type: ignore[misc]


def test_positions_are_one_based_with_the_text_as_written() -> None:
    document = parse_yaml("a:\n  b: [1, 2]\n  c: 8,9\n", FILE)
    assert document.positions[("a", "b", 1)] == Position(2, 10, "2")
    assert document.positions[("a", "c")] == Position(3, 6, "8,9")
    assert document.position(("a", "b", 1, "missing")) == Position(2, 10, "2")


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


def test_duplicate_keys_name_both_lines() -> None:
    assert messages("a: 1\nb:\n  c: 2\n  c: 3\n") == [
        "area.yaml:4:3: b.c: the key 'c' appears twice in this mapping, on line 3 and on "
        "line 4; keep one"
    ]


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"x: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n"
    assert messages(text) == [
        "area.yaml:1:4: x: the tag !!python/object/apply:pathlib.Path.touch is not allowed "
        "in data files; write plain values (nothing in the file is ever run or turned into "
        "objects)"
    ]
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!binary", "!!set", "!include"])
def test_other_tags_are_refused(tag: str) -> None:
    (message,) = messages(f"x: {tag} abc\n")
    assert f"the tag {tag} is not allowed in data files" in message


def test_an_alias_bomb_is_refused_before_anything_is_expanded() -> None:
    # Thirty levels of ten aliases each would expand to 10**30 strings.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 30):
        refs = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{refs}]")
    found = messages("\n".join(lines) + "\n")
    assert len(found) == 30
    assert found[0] == (
        "area.yaml:1:5: anchor &l0 (used again on line 2): anchors and aliases (&name, "
        "*name) are not allowed in data files; write the value out each time"
    )


def test_an_alias_without_anchor_is_named() -> None:
    assert messages("a: *nowhere\n") == [
        "area.yaml:1:4: alias *nowhere: anchors and aliases (&name, *name) are not allowed "
        "in data files; write the value out each time"
    ]


def test_merge_and_complex_keys_are_refused() -> None:
    assert messages("<<: {a: 1}\n") == [
        "area.yaml:1:1: keys must be plain names (no merge keys or complex keys)"
    ]
    assert messages("? [a, b]\n: 1\n") == [
        "area.yaml:1:3: keys must be plain names (no merge keys or complex keys)"
    ]


@pytest.mark.parametrize("opening", ["[", "- "])
def test_deep_nesting_is_refused(opening: str) -> None:
    if opening == "[":
        text = "[" * 100_000 + "]" * 100_000
        where = "1:65"
    else:
        text = "".join(f"{'  ' * i}-\n" for i in range(200))
        where = "65:"
    (message,) = messages(text)
    assert "lists and mappings are nested more than 64 deep" in message
    assert f"area.yaml:{where}" in message


def test_nesting_within_the_limit_is_read() -> None:
    text = "[" * 60 + "1" + "]" * 60
    data = parse_yaml(text, FILE).data
    for _ in range(60):
        data = data[0]
    assert data == 1


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
        (
            "a: [1, 2\nb: 3\n",
            "area.yaml:1:4: YAML syntax error: the [ opened here has no "
            "matching ] before line 2, where the parser gave up; close it, or put the value in "
            "quotes",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "area.yaml:3:2: YAML syntax error: this line's indentation "
            "does not fit the block that starts on line 1; indent each key of a mapping by the "
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
            "a: 1\nb\nc: 2\n",
            "area.yaml:2:1: YAML syntax error: this line has no ': ' after its key, or a value "
            "runs on to the next line; check the line, or put the text in quotes",
        ),
        (
            'a: "x" y\n',
            "area.yaml:1:8: YAML syntax error: text follows a quoted value; put the whole "
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
    ],
)
def test_syntax_errors_say_where_and_what_to_change(text: str, expected: str) -> None:
    assert messages(text) == [expected]


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
            "area.yaml:3:6: the file is not UTF-8 text (byte 0xe4); save it as UTF-8",
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


def test_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "area.yaml"
    path.write_text("a: 1\n" * 30, encoding="utf-8")
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 100)
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


def checked(text: str) -> yamlfile.YamlDocument:
    """The document as the checking reader (token pass, composer, builder) makes it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlfile, "_plain_document", lambda text, path: None)
        return parse_yaml(text, FILE)


REPO = Path(__file__).resolve().parents[1]
PLAIN = {
    "bundled area": (REPO / "data" / "municipalities.yaml").read_text("utf-8"),
    "bundled commuting": (REPO / "data" / "commuting.yaml").read_text("utf-8"),
    "scalars": 'a: 1\nb: "2"\nc: |\n  three\n  lines\nd: >-\n  folded\ne: ~\nf: 091\ng: 1.5e3\n',
    "flow": "a: [1, {b: c, d: [e, 'f']}]\nb: {}\nc: []\n'quoted key': yes\n",
    "tagged text": "a: !!str 12\n",
    "list root": "- 1\n- [2, 3]\n",
    "scalar root": "just text\n",
    "nested": "a:\n  b:\n    - c: 1\n      d:\n        - - e\n",
}


@pytest.mark.parametrize("text", PLAIN.values(), ids=list(PLAIN))
def test_the_one_pass_reader_reads_as_the_checking_one(text: str) -> None:
    fast = yamlfile._plain_document(text, FILE)
    slow = checked(text)
    if fast is not None:
        assert fast.data == slow.data
        assert dict(fast.positions) == dict(slow.positions)
    else:
        assert text == PLAIN["tagged text"]  # a tag: left to the checking reader


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: 2\n",
        "a: *x\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? [a]\n: 1\n",
        "a: !custom 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",
        "a:\tb\n\tc: 1\n",
        "# only a comment\n",
        "[" * 70 + "]" * 70 + "\n",
    ],
)
def test_the_one_pass_reader_leaves_anything_unusual_to_the_checking_one(text: str) -> None:
    assert yamlfile._plain_document(text, FILE) is None

"""The block reader (`yamlblock`) reads a file exactly as PyYAML's event reader does, or
leaves it to PyYAML: never other data, other positions, or a file PyYAML refuses."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from edits import prepare
from test_bad_input import CASES
from tyollisyys_cli.files import yamlfile
from tyollisyys_cli.files.positions import Position
from tyollisyys_cli.files.yamlblock import read_block

REPO = Path(__file__).resolve().parents[1]
FILE = Path("area.yaml")


def by_pyyaml(text: str) -> tuple[Any, dict[Any, Position]] | None:
    """What the event reader (PyYAML's parser) makes of `text`; None when it leaves the
    file to the checking reader or the parser fails."""
    loader = yamlfile._loader_class()(text)
    try:
        document = yamlfile._from_events(loader.get_event, FILE)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None if document is None else (document.data, dict(document.positions))


def assert_same_or_left(text: str) -> bool:
    """The block reader gives what PyYAML gives, or None; whether it read the text."""
    block = read_block(text)
    if block is None:
        return False
    expected = by_pyyaml(text)
    assert expected is not None, f"read what PyYAML refuses or leaves to the checks: {text!r}"
    assert block[0] == expected[0]
    assert block[1] == expected[1]
    assert list(block[1]) == list(expected[1])  # the same order
    assert [type(v) for v in _scalars(block[0])] == [type(v) for v in _scalars(expected[0])]
    return True


def _scalars(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _scalars(value)]
    if isinstance(data, list):
        return [v for value in data for v in _scalars(value)]
    return [data]


READ = {
    "mapping": "a: 1\nb: text\n",
    "nested": "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
    "list of mappings": "rows:\n  - code: \"091\"\n    n: 5\n  - code: '092'\n    n: 6\n",
    "list at the key's indentation": "a:\n- x\n- y: 1\n  z: 2\nb: 3\n",
    "list in a list item": "- a:\n  - 1\n  - 2\n  b: 3\n- 4\n",
    "wide dashes": "-   a: 1\n    b: 2\n-  3\n",
    "scalars": "a: 1\nb: -2\nc: 1.5\nd: 091\ne: ~\nf: true\ng: 1e3\nh: 8,9\ni: 38 799\nj: .5\n",
    "words": "a: withheld\nb: työllisyysasiantuntija (valtiolta siirtyvä)\nc: a:b\nd: C#\n",
    "quotes": 'a: "x: y, z # w"\nb: \'it is\'\nc: ""\nd: \'\'\ne: "ä"\n',
    "comments": "# head\na: 1  # one\n  # indented comment\nb:   # later\n  c: x # y\n\n",
    "trailing spaces": "a: 1   \nb:    \n  c: d  \n   \n",
    "flow": "a: {min: 1, max: 4}\nb: [\"091\", '205', x y]\nc: {}\nd: []\ne: [-1, .5]\n",
    "flow after other text": '- [Hyrnsalmi, Kärsämäki, "ÄÖ"]\n- {about: 1.5}  # ok\n',
    "indented root": "  a: 1\n  b: 2\n",
    "list root": "- 1\n- two\n",
    "quoted text with a quote inside": 'a: \'say "hi"\'\nb: "it\'s"\nc: he said "hi"\n',
    "no final line break": "a: 1\nb: 2",
}

LEFT = {
    "block scalar": "a: |\n  text\n",
    "folded": "a: >-\n  text\n",
    "empty value": "a:\nb: 1\n",
    "empty value at the end": "a: 1\nb:\n",
    "empty value before a shallower key": "a:\n  b:\nc: 1\n",
    "deeper item after an item": "- a\n  - b\n",
    "deeper item after a value": "a:\n  - b\n    - c\n",
    "empty item": "- \n- 1\n",
    "dash alone": "-\n  a: 1\n",
    "escape": 'a: "x\\ty"\n',
    "doubled quote": "a: 'it''s'\n",
    "multi-line plain": "a: one\n  two\n",
    "multi-line item": "- one\n  two\n",
    "multi-line quoted": 'a: "one\n  two"\n',
    "multi-line flow": "a: [1,\n  2]\n",
    "tab": "a:\t1\n",
    "carriage return": "a: 1\r\nb: 2\r\n",
    "next line": "a: 1\x85b: 2\n",
    "control character": "a: x\x07y\n",
    "quoted key": "'a': 1\n",
    "key with a space": "a b: 1\n",
    "non-ASCII key": "työ: 1\n",
    "key with a dash": "a-b: 1\n",
    "duplicate key": "a: 1\na: 2\n",
    "duplicate flow key": "a: {b: 1, b: 2}\n",
    "merge key": "<<: {a: 1}\n",
    "anchor": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "custom tag": "a: !custom 1\n",
    "mapping value in a plain value": "a: b: c\n",
    "colon at the end": "a: b:\n",
    "text after quotes": 'a: "x" y\n',
    "comment glued to quotes": 'a: "x"#y\n',
    "deeper key after a value": "a: 1\n  b: 2\n",
    "shallower key": "a:\n    b: 1\n  c: 2\n",
    "list inside a value's line": "a: - 1\n",
    "nested flow": "a: [[1], 2]\n",
    "trailing comma": "a: [1, 2, ]\n",
    "flow key without a space": "a: {b:1}\n",
    "document start": "---\na: 1\n",
    "document end": "a: 1\n...\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "scalar document": "just text\n",
    "only comments": "# nothing\n",
    "question mark": "? a\n: 1\n",
    "list after a mapping key at the same indentation": "a: 1\n- 2\n",
    "mapping after a list": "- 1\na: 2\n",
    "flow plain with a colon": "a: [b:c]\n",
    "plain starting with an indicator": "a: @x\n",
    "BOM inside": "a: 1\n\ufeffb: 2\n",
}


@pytest.mark.parametrize("text", READ.values(), ids=list(READ))
def test_plain_block_yaml_is_read_as_pyyaml_reads_it(text: str) -> None:
    assert assert_same_or_left(text)


@pytest.mark.parametrize("text", LEFT.values(), ids=list(LEFT))
def test_anything_else_is_left_to_pyyaml(text: str) -> None:
    assert read_block(text) is None


def corpus(tmp_path: Path) -> list[Path]:
    """The YAML files of the repository and of every bad-input case's edited copy."""
    folders = [REPO / "data", REPO / "examples", REPO / "benchmarks"]
    for bad in CASES:
        folders.append(prepare(bad, tmp_path / bad.name)[0])
    return sorted(p for folder in folders for p in folder.rglob("*.y*ml") if p.is_file())


def test_every_yaml_file_of_the_repository_reads_the_same(tmp_path: Path) -> None:
    read = 0
    for path in corpus(tmp_path):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the file that is not UTF-8 (a bad-input case)
        read += assert_same_or_left(text)
    assert read >= 20  # the corpus has plain files enough to mean something


def test_the_national_area_file_is_read_here(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate_national
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    reference = generate_national.find_reference()
    if not (reference / generate_national.MUNICIPALITIES_CSV).is_file():
        pytest.skip("no shared/reference/ beside the repository")
    generate_national.generate(tmp_path, month_count=1, reference=reference)
    text = (tmp_path / "municipalities.yaml").read_text(encoding="utf-8")
    assert assert_same_or_left(text)
    data, positions = read_block(text)  # type: ignore[misc]
    assert len(data["municipalities"]) == 308
    assert len(positions) > 13_000


# ------------------------------------------------------------------ generated documents

KEYS = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=12,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10_000, 10_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    TEXT,
    st.sampled_from(["withheld", "091", "8,9", "a: b", "x #y", "- a", "'q'", '"q"', "{a}", "~"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(
    data=st.dictionaries(KEYS, DATA, min_size=1, max_size=5),
    indent=st.integers(2, 5),
    flow=st.sampled_from([False, None]),
)
def test_documents_pyyaml_writes(data: dict[str, Any], indent: int, flow: bool | None) -> None:
    text = yaml.safe_dump(
        data, indent=indent, default_flow_style=flow, allow_unicode=True, sort_keys=False
    )
    assert_same_or_left(text)


@settings(max_examples=500, deadline=None)
@given(
    data=st.dictionaries(KEYS, DATA, min_size=1, max_size=5),
    edits=st.lists(
        st.tuples(
            st.integers(0, 10_000), st.integers(0, 3), st.sampled_from(list(" -:#\n'\"[]{},ax1\t"))
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_damaged_documents(data: dict[str, Any], edits: list[tuple[int, int, str]]) -> None:
    # Whatever an edit makes of a document, what the block reader reads, PyYAML reads
    # the same way; all else (syntax errors included) is left to PyYAML.
    text = yaml.safe_dump(data, default_flow_style=None, allow_unicode=True, sort_keys=False)
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut :]
    assert_same_or_left(text)


KEY_WORDS = ["a", "b", "code", "fte", "x_1", "under_20", "yes", "null", "True"]
VALUES = [
    *("1", "-2", "1.5", "091", "0", "~", "null", "true", "withheld", "työ (x)", "a:b", "C#"),
    *("x #c", '"q"', "'s'", '"a: b"', '""', "''", "{min: 1, max: 4}", "[1, 2]", "{}", "[]"),
    *('["091", x y]', "-1", ".5", "8,9", "38 799", 'he said "hi"', "[a, {b: c}]", "&x 1"),
    *("*x", "!t v", "|", ">-", "a: b", "b:", "- x", "@", "? q", "'it''s'", '"\\t"'),
]


def hand_written(rng: Any, depth: int, indent: int, out: list[str]) -> None:
    """Lines as people write data files, with their slips: indentation off by one,
    values YAML reads otherwise, comments anywhere."""
    pre = " " * indent
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        dash = rng.choice([" ", " ", "  "])
        if depth > 3 or choice < 0.35:
            gap, after = rng.choice([" ", "  ", ""]), rng.choice(["", "  ", " # c", "#c"])
            out.append(f"{pre}{rng.choice(KEY_WORDS)}:{gap}{rng.choice(VALUES)}{after}")
        elif choice < 0.55:
            out.append(f"{pre}{rng.choice(KEY_WORDS)}:{rng.choice(['', ' ', '  # c'])}")
            if rng.random() < 0.2:
                out.append(rng.choice(["", "   ", "# z", "      # deeper comment"]))
            hand_written(rng, depth + 1, indent + rng.choice([0, 1, 2, 2, 4]), out)
        elif choice < 0.75:
            out.append(f"{pre}-{dash}{rng.choice(KEY_WORDS)}: {rng.choice(VALUES)}")
            for _ in range(rng.randint(0, 2)):
                shift = indent + 1 + len(dash) + rng.choice([0, 0, 0, 1, -1])
                out.append(f"{' ' * shift}{rng.choice(KEY_WORDS)}: {rng.choice(VALUES)}")
        elif choice < 0.85:
            out.append(f"{pre}-{dash}{rng.choice(KEY_WORDS)}:")
            hand_written(rng, depth + 1, indent + 1 + len(dash) + rng.choice([0, 0, 2]), out)
        else:
            out.append(f"{pre}-{dash}{rng.choice(VALUES)}")


@settings(max_examples=1000, deadline=None)
@given(rng=st.randoms(use_true_random=False), damage=st.booleans())
def test_hand_written_documents(rng: Any, damage: bool) -> None:
    lines: list[str] = []
    hand_written(rng, 0, rng.choice([0, 0, 2]), lines)
    text = "\n".join(lines) + rng.choice(["\n", "", "\n\n"])
    if damage:
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(list(" -:#\n'\"[]{},ax1")) + text[at + rng.randint(0, 2) :]
    assert_same_or_left(text)

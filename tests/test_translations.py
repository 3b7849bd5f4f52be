"""The Finnish catalog: every message translated, placeholders kept, compiled as shipped.

The messages are extracted from the source as `pybabel extract` does (`babel.cfg`),
so a text wrapped in `_()` without a Finnish translation fails here, naming it.
"""

from __future__ import annotations

import io
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tyollisyys_cli.i18n import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE_DIR / "fi" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")

#: What `parse_mapping_cfg` reads from babel.cfg: the method map and the options map, as
#: `extract_from_dir` takes them. Babel leaves that function unannotated; typed here.
MappingConfig = tuple[list[tuple[str, str]], dict[str, dict[str, Any]]]
_parse_mapping_cfg: Callable[[IO[str]], MappingConfig] = parse_mapping_cfg


def extracted() -> Iterator[tuple[str, int, str | tuple[str, ...]]]:
    """(file, line, message) of every message in the source and templates."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = _parse_mapping_cfg(config)
    for file, line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        yield file, line, message


def finnish() -> Catalog:
    with PO.open("rb") as file:
        return read_po(file, locale="fi", domain=DOMAIN)


def placeholders(text: str) -> set[tuple[str, str, str | None]]:
    """`{name!r:>5}` → (name, spec, conversion) for every placeholder of a format string."""
    return {
        (name, spec or "", conversion)
        for _text, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def test_every_message_has_a_finnish_translation() -> None:
    catalog = finnish()
    missing = []
    for file, line, message in extracted():
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(msgid)
        strings = [] if entry is None else entry.string
        texts = list(strings) if isinstance(strings, tuple | list) else [strings]
        if entry is None or entry.fuzzy or not all(texts):
            missing.append(f"{file}:{line}: {msgid!r}")
    assert missing == [], f"{len(missing)} messages without Finnish:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders_of_the_original() -> None:
    different = []
    for entry in finnish():
        if not entry.id:
            continue
        originals = entry.id if isinstance(entry.id, tuple | list) else (entry.id,)
        texts = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        wanted = set().union(*(placeholders(o) for o in originals))
        for text in texts:
            if text and placeholders(text) != wanted:
                different.append(f"{originals[0]!r}: {sorted(wanted)} ≠ {text!r}")
    assert different == []


def test_the_catalog_passes_babels_own_checks() -> None:
    """`%(name)s` placeholders (the report's template) and plural forms, as `pybabel
    compile` checks them."""
    problems = [(message.id, [str(e) for e in errors]) for message, errors in finnish().check()]
    assert problems == []


def test_the_shipped_catalog_is_the_compiled_po() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, finnish())
    assert MO.read_bytes() == compiled.getvalue(), "run: pybabel compile (docs/translating.md)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unit {name} has {count:,} clients", {("name", "", None), ("count", ",", None)}),
        ("{where}: {value!r}", {("where", "", None), ("value", "", "r")}),
        ("no placeholders, {{braces}}", set()),
    ],
)
def test_placeholders_are_read_from_format_strings(
    text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    assert placeholders(text) == expected

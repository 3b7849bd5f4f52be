"""Choosing the language, and the forms of numbers and months in each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tyollisyys_cli import i18n
from tyollisyys_cli.i18n import LanguageError, choose, early_language, from_locale, month, number
from tyollisyys_cli.render.text import span
from tyollisyys_cli.values import Span


@pytest.fixture
def finnish() -> Iterator[None]:
    i18n.set_language("fi")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "fi_FI"}, "fi"),
        ({"LANG": "fi"}, "fi"),
        ({"LANG": "sv_FI.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fi_FI.UTF-8", "LANG": "en_GB.UTF-8"}, "fi"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "fi_FI.UTF-8"}, "fi"),  # an empty variable is not set
    ],
)
def test_the_locale_chooses_finnish_for_fi(environ: dict[str, str], expected: str) -> None:
    assert from_locale(environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("fi", {}, "fi"),
        ("en", {"LANG": "fi_FI.UTF-8"}, "en"),
        ("FI", {}, "fi"),
        (None, {"TYOLLISYYS_LANG": "fi"}, "fi"),
        (None, {"TYOLLISYYS_LANG": "en", "LANG": "fi_FI.UTF-8"}, "en"),
        ("en", {"TYOLLISYYS_LANG": "fi"}, "en"),
        (None, {"LANG": "fi_FI.UTF-8"}, "fi"),
        (None, {}, "en"),
    ],
)
def test_option_then_variable_then_locale(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ", "named"),
    [("sv", {}, "--lang"), (None, {"TYOLLISYYS_LANG": "de"}, "TYOLLISYYS_LANG")],
)
def test_a_language_the_tool_does_not_speak_is_refused_by_name(
    option: str | None, environ: dict[str, str], named: str
) -> None:
    with pytest.raises(LanguageError, match=f"^{named}: "):
        choose(option, environ)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "fi", "--help"], "fi"),
        (["--lang=fi", "caseload", "--help"], "fi"),
        (["caseload", "--help"], "en"),
        (["--lang", "xx", "--help"], "en"),  # the option itself reports the bad value
        (["caseload", "--", "--lang", "fi"], "en"),
        # The last --lang that names a language: the bad one is reported in Finnish, and
        # the usage line is not half English (it was [OPTIONS] in a Finnish run).
        (["--lang", "fi", "caseload", "--lang", "sv"], "fi"),
        (["--lang", "fi", "caseload", "--lang", "en"], "en"),
    ],
)
def test_the_language_for_help_texts_is_read_before_typer(
    argv: list[str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TYOLLISYYS_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert early_language(argv) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "english", "finnish"),
    [
        (38799, 0, "38 799", "38\u202f799"),
        (8.29, 1, "8.3", "8,3"),
        (1234567.891, 2, "1 234 567.89", "1\u202f234\u202f567,89"),
        (-10.8, 1, "-10.8", "\u221210,8"),
        (0, 0, "0", "0"),
        (-0.04, 1, "0.0", "0,0"),  # rounds to zero: no minus sign
        (-0.4, 0, "0", "0"),
        (-0.05, 2, "-0.05", "\u22120,05"),
        # A tie goes away from zero, as people and spreadsheets round: Posio's 297 clients
        # over 2 FTE were "148" (Python rounds an exact tie to even), 2.675 was "2.67".
        (148.5, 0, "149", "149"),
        (147.5, 0, "148", "148"),
        (-148.5, 0, "-149", "\u2212149"),
        (2.675, 2, "2.68", "2,68"),
        (0.125, 2, "0.13", "0,13"),
        (1234567.5, 0, "1 234 568", "1\u202f234\u202f568"),
        (2.674999, 2, "2.67", "2,67"),  # (no tie)
    ],
)
def test_numbers_as_each_language_writes_them(
    value: float, decimals: int, english: str, finnish: str
) -> None:
    assert number(value, decimals) == english
    i18n.set_language("fi")
    try:
        assert number(value, decimals) == finnish
    finally:
        i18n.set_language("en")


@pytest.mark.usefixtures("finnish")
def test_a_finnish_span_uses_the_decimal_comma() -> None:
    assert span(Span(29.5, 45.5), 1) == "29,5–45,5"
    assert span(Span(None, 29.5, approximate=True), 1) == "≤ ~29,5"


@pytest.mark.parametrize(
    ("text", "prose", "english", "finnish"),
    [
        ("2023-08", False, "2023-08", "8/2023"),
        ("2023-08", True, "2023-08", "elokuu 2023"),
        ("2026-12", True, "2026-12", "joulukuu 2026"),
        ("2023-13", False, "2023-13", "2023-13"),
        ("kesä 2023", False, "kesä 2023", "kesä 2023"),
    ],
)
def test_months_as_each_language_writes_them(
    text: str, prose: bool, english: str, finnish: str
) -> None:
    assert month(text, prose=prose) == english
    i18n.set_language("fi")
    try:
        assert month(text, prose=prose) == finnish
    finally:
        i18n.set_language("en")


@pytest.mark.usefixtures("finnish")
def test_typer_words_come_from_our_catalog() -> None:
    from gettext import gettext

    assert gettext("Options") == "Valitsimet"
    assert i18n._("yes") == "kyllä"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (-10.8, -6.2, "-10.8 – -6.2"),  # negative: a spaced dash
        (-0.04, 0.3, "0.0–0.3"),  # shown as 0.0, not negative
        (0.2, 0.3, "0.2–0.3"),
    ],
)
def test_the_dash_of_a_range_follows_the_numbers_shown(
    low: float, high: float, expected: str
) -> None:
    assert span(Span(low, high), 1) == expected


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("fi", "2026-06", "kesäkuun 2026"),
        ("fi", "2023-08", "elokuun 2023"),
        ("fi", "2024-01", "tammikuun 2024"),
        ("fi", "2024-13", "2024-13"),
        ("en", "2026-06", "2026-06"),
    ],
)
def test_the_end_of_a_month(lang: str, text: str, said: str) -> None:
    """`{month} lopussa` takes the month's name in the genitive (`kesäkuun 2026 lopussa`)."""
    i18n.set_language("fi" if lang == "fi" else "en")
    try:
        assert i18n.month_end(text) == said
    finally:
        i18n.set_language("en")

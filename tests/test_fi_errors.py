"""Data errors in Finnish: bad input in a copy of data/, read with `--lang fi`.

Each case edits one line of a copy of the bundled data and runs `caseload`: the message
is Finnish, placed at `file:line:column` of the edited value, and the exit code is 2.
Numbers in messages are written as Finns write them (`108,3`). The same edit read in
English gives the English message.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import BaseModel, Field, ValidationError

from clirunner import CliRunner
from tyollisyys_cli.area.paths import DataSource
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataError, summarized, system_reason
from tyollisyys_cli.files.yamlfile import YamlDocument
from tyollisyys_cli.i18n import set_language
from tyollisyys_cli.models.amounts import Target
from tyollisyys_cli.models.validation import validation_errors

M = "municipalities.yaml"


def edit(data: Path, name: str, old: str, new: str) -> int:
    """Replace the one `old` in `data/name` by `new`; the line (1-based) where it stands."""
    path = data / name
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def run(runner: CliRunner, data: Path, *lang: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, [*lang, "--data-dir", str(data), "caseload"])
    return result.exit_code, result.stderr.splitlines()


@pytest.fixture
def finnish() -> Iterator[None]:
    """Finnish texts for an in-process call, English again afterwards."""
    set_language("fi")
    yield
    set_language("en")


CASES = [
    pytest.param(
        M,
        "      unemployed: 78\n",
        "      unemployed: yes\n",
        (
            "{file}:{line}:19: municipalities[0].statistics.unemployed (Hyrynsalmi): "
            "odotettiin kokonaislukua (0 tai enemmän), löytyi teksti 'yes'; tämä on "
            "kyllä/ei-sana, ei luku"
        ),
        id="yes-as-count",
    ),
    pytest.param(
        M,
        "unemployment_rate: 10.2\n",
        "unemployment_rate: 108.3\n",
        (
            "{file}:{line}:26: municipalities[0].statistics.unemployment_rate (Hyrynsalmi): "
            "odotettiin prosenttilukua väliltä 0–100, löytyi 108.3"  # (as the file has it)
        ),
        id="percent-over-100",
    ),
    pytest.param(
        M,
        "labour_force: 16615\n",
        "labour_force: 16 615\n",
        (
            "{file}:{line}:21: municipalities[1].statistics.labour_force (Kajaani): "
            "odotettiin kokonaislukua (0 tai enemmän), löytyi teksti '16 615'; kirjoita "
            "luvut ilman välilyöntejä: 16615"
        ),
        id="spaced-thousands",
    ),
    pytest.param(
        M,
        "  reference_month:",
        "  refrence_month: 2023-08\n  reference_month:",
        (
            "{file}:{line}:3: area.refrence_month: tuntematon kenttä 'refrence_month'; "
            "tarkoititko 'reference_month'?"
        ),
        id="unknown-field",
    ),
    pytest.param(
        M,
        "      unemployed: 78\n",
        "      unemployed: -78\n",
        (
            "{file}:{line}:19: municipalities[0].statistics.unemployed (Hyrynsalmi): "
            "odotettiin kokonaislukua (0 tai enemmän), löytyi -78, negatiivinen lukumäärä"
        ),
        id="negative-count",
    ),
    pytest.param(
        M,
        "      unemployed: 78\n",
        "      unemployed: 78\n\tmen: 1\n",
        (
            "{file}:{line+1}:1: YAML-syntaksivirhe: sarkainmerkki; sisennä välilyönneillä, "
            "ei sarkaimilla"
        ),
        id="tab",
    ),
    pytest.param(
        "commuting.yaml",
        'municipality: "832"',
        'municipality: "833"',
        (
            "{file}:{line}:19: rows[9].municipality (833): tuntematon kuntanumero 833: "
            "Taivassalo (833) on työllisyysalueen Turku kunta, ei tämän alueen"
        ),
        id="municipality-of-another-area",
    ),
    pytest.param(
        M,
        "fte: {min: 2, max: 4}",
        "fte: {min: 2, max: 4,5}",
        (
            "{file}:{line}:30: municipalities[5].staffing[4].fte.5 (Puolanka, "
            "elinvoimapalvelut / yritysneuvonta): tuntematon kenttä '5': pilkku {{…}}:n sisällä "
            "aloittaa uuden kentän; käytä desimaalipistettä, ei pilkkua: max: 4.5"
        ),
        id="decimal-comma-in-braces",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES)
def test_bad_input_in_finnish(
    runner: CliRunner, data_copy: Path, name: str, old: str, new: str, expected: str
) -> None:
    line = edit(data_copy, name, old, new)
    code, errors = run(runner, data_copy, "--lang", "fi")
    message = expected.replace("{line+1}", str(line + 1)).format(file=data_copy / name, line=line)
    assert code == 2
    assert f"virhe: {message}" in errors


def test_choice_with_did_you_mean(runner: CliRunner, data_copy: Path) -> None:
    """A misspelt coded value: the choices joined with "tai", and "tarkoititko"."""
    text = (data_copy / M).read_text("utf-8")
    first = text.index("origin: own")
    line = text[:first].count("\n") + 1
    (data_copy / M).write_text(text.replace("origin: own", "origin: transfering", 1), "utf-8")
    code, errors = run(runner, data_copy, "--lang", "fi")
    assert code == 2
    located = [e for e in errors if e.startswith(f"virhe: {data_copy / M}:{line}:17: ")]
    assert len(located) == 1
    assert located[0].endswith(
        ": odotettiin jotakin arvoista 'own', 'transferring', 'recruited' tai "
        "'transferring_or_recruited', löytyi teksti 'transfering'; tarkoititko 'transferring'?"
    )


def test_month_csv_header_in_finnish(runner: CliRunner, data_copy: Path) -> None:
    """A month file whose header misspells a column: placed at the cell, in Finnish."""
    from tyollisyys_cli.files.monthcsv import HEADER_LINE

    folder = data_copy / "statistics"
    folder.mkdir()
    header = HEADER_LINE.replace(",unemployed,", ",unemploydd,")
    (folder / "2026-06.csv").write_text(header + "\n205,1,1.0\n", "utf-8")
    code, errors = run(runner, data_copy, "--lang", "fi")
    column = header.index("unemploydd") + 1
    assert code == 2
    assert (
        f"virhe: {folder / '2026-06.csv'}:1:{column}: tuntematon sarake 'unemploydd' "
        "otsikkorivillä; tarkoititko 'unemployed'?"
    ) in errors


def test_english_stays_english(runner: CliRunner, data_copy: Path) -> None:
    line = edit(data_copy, M, "unemployment_rate: 10.2\n", "unemployment_rate: 108.3\n")
    code, errors = run(runner, data_copy)
    assert code == 2
    assert (
        f"error: {data_copy / M}:{line}:26: municipalities[0].statistics.unemployment_rate "
        "(Hyrynsalmi): expected a percentage between 0 and 100, found 108.3"
    ) in errors


def _many(count: int) -> list[DataError]:
    return [
        DataError(Path("m.yaml"), "x", line=i + 1, column=1, field=f"rows[{i}].labour_force")
        for i in range(count)
    ]


@pytest.mark.usefixtures("finnish")
def test_problems_not_shown_counted_in_finnish() -> None:
    lines = summarized(_many(21))
    assert lines[-1] == (
        "m.yaml: vielä 1 samanlainen ongelma kuin yllä: rows[].labour_force (ei näytetty)"
    )
    lines = summarized(_many(1_025))
    assert lines[-1] == (
        "m.yaml: vielä 1\u202f005 samanlaista ongelmaa kuin yllä: rows[].labour_force (ei näytetty)"
    )


def test_problems_not_shown_counted_in_english() -> None:
    assert summarized(_many(1_025))[-1] == (
        "m.yaml: 1,005 more problems like the above in rows[].labour_force (not shown)"
    )
    assert summarized(_many(21))[-1] == (
        "m.yaml: 1 more problem like the above in rows[].labour_force (not shown)"
    )


TARGETS = [
    (Target(max=100), "under 100", "alle 100"),
    (Target(about=2.5), "about 2.5", "noin 2,5"),
    (Target(min=90), "at least 90", "vähintään 90"),
    (Target(min=100, max=150, qualifier="average"), "100–150 avg", "100–150 keskim."),
    (Target(min=100, max=150, qualifier="about"), "~100–150", "~100–150"),
]


@pytest.mark.parametrize(("target", "english", "finnish_text"), TARGETS)
def test_target_texts(target: Target, english: str, finnish_text: str) -> None:
    assert target.describe() == english
    set_language("fi")
    try:
        assert target.describe() == finnish_text
    finally:
        set_language("en")


def test_data_source_found_in_finnish(finnish: None) -> None:
    source = DataSource(Path("alue/data"), "found")
    assert source.describe() == "alue/data (löytyi työkansiosta)"
    assert DataSource(Path("x"), "option").describe() == "x (--data-dir)"


class _Ranged(BaseModel):
    """pydantic's own checks, which the data-file models do not use but may come to."""

    low: Annotated[float, Field(ge=0)] = 0.0
    high: Annotated[float, Field(le=10.5)] = 0.0
    count: int = 0
    name: str = ""
    flag: bool = False


PYDANTIC = [
    ({"low": -1}, "odotettiin lukua, joka on vähintään 0, löytyi \u22121"),
    ({"high": 11}, "odotettiin lukua, joka on enintään 10,5, löytyi 11"),
    ({"count": "x"}, "odotettiin kokonaislukua, löytyi teksti 'x'"),
    ({"high": "y"}, "odotettiin lukua, löytyi teksti 'y'"),
    ({"name": 3}, "odotettiin tekstiä, löytyi 3"),
    ({"flag": "maybe"}, "odotettiin arvoa true tai false, löytyi teksti 'maybe'"),
]


def _messages(data: dict[str, object]) -> list[tuple[str, str]]:
    """(pydantic's own English, ours) for each error of `data`."""
    try:
        _Ranged.model_validate(data)
    except ValidationError as exc:
        document = YamlDocument(Path("f.yaml"), data, {})
        ours = [e.message for e in validation_errors(exc, document, _Ranged)]
        return list(zip([e["msg"] for e in exc.errors()], ours, strict=True))
    raise AssertionError("valid")


@pytest.mark.parametrize(("data", "finnish_text"), PYDANTIC)
def test_pydantic_messages(data: dict[str, object], finnish_text: str) -> None:
    """In English pydantic's own words (as before), in Finnish ours."""
    [(theirs, english)] = _messages(data)
    assert english.startswith(theirs + ", found ")
    set_language("fi")
    try:
        [(_, finnish_message)] = _messages(data)
    finally:
        set_language("en")
    assert finnish_message == finnish_text


def test_allocation_numbers_in_finnish(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fi", "allocate", "--step", "0,7"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "virhe: vähimmäisosuuksien (25,5 htv) ylittävä 14,5 htv ei ole kokonainen määrä "
        "0,7 htv:n askelia; käytä sen jakavaa --step-arvoa tai --pool-arvoa 39,5 tai 40,2 "
        "htv\n"
    )  # the decimal comma, as the options also take it
    english = runner.invoke(app, ["allocate", "--step", "0.7"])
    assert "(25.5 FTE)" in english.stderr and "--pool of 39.5 or 40.2 FTE" in english.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["allocate", "--pool", "99999.3", "--step", "0.25"],
            "or a --pool of 99999.25 or 99999.5 FTE",  # every digit: the value works
        ),
        (
            ["allocate", "--step", "0.0000001"],
            "error: 145,000,000 steps of 0.0000001 FTE is too many",  # no exponent
        ),
        (
            ["--lang", "fi", "allocate", "--step", "0,0000001"],
            "virhe: 145\u202f000\u202f000 askelta 0,0000001 htv:n kokoisina on liikaa",
        ),
        (["--lang", "fi", "allocate", "--step", "-0,5"], "ei \u22120,5"),
    ],
)
def test_allocation_numbers_are_written_to_be_typed_back(
    runner: CliRunner, args: list[str], expected: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    if "99999.25" in expected:  # and the value suggested is taken
        again = runner.invoke(app, ["allocate", "--pool", "99999.25", "--step", "0.25"])
        assert again.exit_code == 0, again.output


@pytest.mark.parametrize(
    ("code", "finnish"),
    [
        (errno.ENOSPC, "laitteella ei ole tilaa"),
        (errno.EROFS, "tiedostojärjestelmään ei voi kirjoittaa (vain luku)"),
        (errno.ECONNRESET, "palvelin katkaisi yhteyden"),
        (errno.EXDEV, os.strerror(errno.EXDEV)),  # one the catalog lacks: the system's words
    ],
)
def test_the_systems_reasons_in_finnish(code: int, finnish: str) -> None:
    # Python gives the C library's English whatever the locale.
    error = OSError(code, os.strerror(code))
    set_language("fi")
    assert system_reason(error) == finnish
    set_language("en")
    assert system_reason(error) == os.strerror(code)


def test_a_reason_of_its_own_under_a_system_number_is_kept() -> None:
    """An SSL error carries 1 (EPERM's number) with its own words: it was 'toiminto ei ole
    sallittu' in Finnish."""
    import ssl

    error = ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number")
    set_language("fi")
    assert system_reason(error) == "[SSL: WRONG_VERSION_NUMBER] wrong version number"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
def test_a_full_disk_in_finnish(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fi", "caseload", "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.stderr == (
        "virhe: tiedostoa /dev/full ei voi kirjoittaa: laitteella ei ole tilaa\n"
    )


@pytest.mark.parametrize(
    ("text", "english", "finnish"),
    [
        ('{"columns": 1 2}', "Expecting ',' delimiter", "odotettiin pilkkua (,)"),
        ('{"columns" 1}', "Expecting ':' delimiter", "odotettiin kaksoispistettä (:)"),
        ('{"a": "\\q"}', "Invalid \\escape", "merkkijonossa on tuntematon \\-merkintä"),
        ('{"a": "b\x01"}', "Invalid control character at", "merkkijonossa on ohjausmerkki"),
    ],
)
def test_a_statistics_file_that_is_no_json_in_finnish(
    runner: CliRunner, data_copy: Path, tmp_path: Path, text: str, english: str, finnish: str
) -> None:
    # The json module says why in English whatever the locale.
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    for language, reason in (("en", english), ("fi", finnish)):
        args = ["--lang", language, "--data-dir", str(data_copy), "import", "statfin", str(bad)]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert f"({reason});" in result.stderr.splitlines()[0]

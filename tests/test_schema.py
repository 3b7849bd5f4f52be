"""`tyollisyys schema`: the committed schemas are its output, and the bundled data fits them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clirunner import CliRunner
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.files.yamlfile import load_yaml

REPO = Path(__file__).resolve().parents[1]
STEMS = ("municipalities", "commuting")


def schema_output(*args: str) -> str:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize("stem", STEMS)
def test_committed_schema_is_what_the_command_prints(stem: str) -> None:
    committed = (REPO / "schemas" / f"{stem}.schema.json").read_text(encoding="utf-8")
    assert schema_output(stem) == committed, "run: tyollisyys schema --write schemas"


@pytest.mark.parametrize("stem", STEMS)
def test_bundled_data_names_its_schema(stem: str) -> None:
    first = (REPO / "data" / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"


@pytest.mark.parametrize("stem", STEMS)
def test_bundled_data_is_valid_against_the_emitted_schema(stem: str) -> None:
    schema = json.loads(schema_output(stem))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load_yaml(REPO / "data" / f"{stem}.yaml").data
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [e.message for e in errors] == []


def test_the_schema_catches_what_a_person_gets_wrong() -> None:
    schema = json.loads(schema_output("municipalities"))
    data = load_yaml(REPO / "data" / "municipalities.yaml").data
    data["municipalities"][2]["statistics"]["unemployed"] = "263 "
    data["municipalities"][2]["code"] = 290
    data["municipalities"][2]["staffing"][1]["fte"] = "2,5"
    data["municipalities"][2]["regoin"] = "Kainuu"
    data["municipalities"][3]["name"] = "Kuusamo "  # (a blank the tool refuses too)
    data["municipalities"][4]["name"] = "Paltamo\n"  # (a line break at the end: the same)
    # (an address is no name: a blank around it is dropped, a second line refused)
    data["municipalities"][5]["offices"][0]["address"] = "Maaherrankatu 7, 89200 Puolanka "
    data["municipalities"][6]["offices"][0]["address"] = "Aholantie 25,\n88400 Ristijärvi"
    validator = jsonschema.Draft202012Validator(schema)
    wrong = sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))
    # Optional sections are "this or null", so the schema reports them at the section.
    assert wrong == [
        "municipalities/2",
        "municipalities/2/code",
        "municipalities/2/staffing",
        "municipalities/2/statistics",
        "municipalities/3/name",
        "municipalities/4/name",
        "municipalities/6/offices/0/address",
    ]


def test_fields_carry_descriptions() -> None:
    schema = json.loads(schema_output("municipalities"))
    statistics = schema["$defs"]["StatisticsRow"]["properties"]
    assert statistics["unemployed"]["description"] == (
        "työttömät työnhakijat: unemployed job seekers"
    )
    amount = schema["$defs"]["Amount"]
    assert amount["anyOf"][0] == {"type": "number", "minimum": 0, "maximum": 10_000}
    assert set(amount["anyOf"][1]["properties"]) == {"exact", "min", "max", "at_least", "about"}
    for name, definition in {**schema["$defs"], "top": schema}.items():
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_both_schemas_at_once_and_written_to_a_folder(tmp_path: Path) -> None:
    both = json.loads(schema_output())
    assert list(both) == ["municipalities.yaml", "commuting.yaml"]
    assert both["commuting.yaml"] == json.loads(schema_output("commuting"))
    result = CliRunner().invoke(app, ["schema", "--write", str(tmp_path / "out")])
    assert result.exit_code == 0
    for stem in STEMS:
        written = (tmp_path / "out" / f"{stem}.schema.json").read_text(encoding="utf-8")
        assert written == schema_output(stem)
    assert result.stderr.splitlines() == [
        f"wrote {tmp_path / 'out' / 'municipalities.schema.json'}",
        f"wrote {tmp_path / 'out' / 'commuting.schema.json'}",
    ]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("foo", "unknown file 'foo'; choose municipalities or commuting\n"),
        ("comuting", "unknown file 'comuting'; choose municipalities or commuting; "),
    ],
)
def test_an_unknown_file_is_named_with_the_two_there_are(name: str, said: str) -> None:
    """It was pydantic's 'Value error, 'foo' is not one of …', in Finnish runs too."""
    result = CliRunner().invoke(app, ["schema", name])
    assert result.exit_code == 2
    assert "Value error" not in result.stderr
    assert f"Error: Invalid value for 'FILE': {said}" in result.stderr
    if name == "comuting":
        assert result.stderr.endswith("did you mean 'commuting'?\n")
    named = CliRunner().invoke(app, ["schema", "commuting.yaml"])  # as the file is called
    assert named.exit_code == 0 and json.loads(named.stdout)["title"] == "commuting.yaml"

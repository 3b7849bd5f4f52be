"""PLACE arguments: names in any case and without diacritics, codes, units, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirunner import CliRunner
from edits import M, Replace, apply, copy_data
from screen import by, table
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.core.places import UnknownPlace, fold, resolve_places


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("Kuhmo", ("290",)),
        ("KUHMO", ("290",)),
        ("ristijarvi", ("697",)),
        ("Ristijärvi", ("697",)),
        ("290", ("290",)),
        ("Hyrnsalmi", ("105",)),
        ("paltamo", ("578",)),
        ("Paltamo (ml. Hyrynsalmi ja Ristijärvi)", ("578", "105", "697")),
    ],
)
def test_place_forms(area: Area, typed: str, codes: tuple[str, ...]) -> None:
    selection = resolve_places(area, [typed])
    assert selection.codes == codes
    assert not selection.everything


def test_no_place_means_everything(area: Area) -> None:
    selection = resolve_places(area, [])
    assert selection.everything and len(selection.codes) == 10


def test_repeated_places_are_listed_once(area: Area) -> None:
    assert resolve_places(area, ["Kuhmo", "kuhmo", "290"]).codes == ("290",)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("Kuhm", "Kuhmo"),
        ("Kajani", "Kajaani"),
        ("Sotkamoo", "Sotkamo"),
        ("ristjarvi", "Ristijärvi"),
        # (the start of a name, and a code as 12r5 writes it or with a zero too many:
        # all ten municipalities were listed)
        ("Ku", "Kuhmo or Kuusamo"),
        ("kaj", "Kajaani"),
        ("KU205", "Kajaani\\?"),
        ("ku290", "Kuhmo\\?"),
        ("0205", "Kajaani\\?"),
        ("KU0205", "Kajaani\\?"),
        # A code with two digits swapped or one mistyped: the codes it may be.
        ("209", "205 \\(Kajaani\\) or 290 \\(Kuhmo\\)\\?"),
        ("KU209", "205 \\(Kajaani\\) or 290 \\(Kuhmo\\)\\?"),
        # Another area's municipality, mistyped: it, and whose it is.
        (
            "Helsinky",
            "Helsinki\\? Helsinki \\(091\\) is a municipality of the employment area Helsinki, "
            "not of this one",
        ),
    ],
)
def test_unknown_place_suggests_the_closest_name(area: Area, typed: str, suggestion: str) -> None:
    with pytest.raises(UnknownPlace, match=f"did you mean {suggestion}"):
        resolve_places(area, [typed])


def test_unknown_place_without_close_names_lists_the_municipalities(area: Area) -> None:
    with pytest.raises(UnknownPlace, match="known municipalities: Hyrynsalmi, Kajaani"):
        resolve_places(area, ["Atlantis"])


@pytest.mark.parametrize(
    ("typed", "code"), [("Kajana", "205"), ("kajana", "205"), ("Kuhmo", "290")]
)
def test_a_swedish_name_of_a_municipality_of_the_area_finds_it(
    area: Area, typed: str, code: str
) -> None:
    """`Kajana` was told that Kajaani "belongs to this employment area but is not among
    the municipalities of municipalities.yaml: add it there first", then "did you mean
    Kajaani?": both official names are the municipality's (Vasa and Vaasa)."""
    assert resolve_places(area, [typed]).codes == (code,)


def test_the_finnish_name_finds_a_municipality_the_data_name_in_swedish(
    tmp_path: Path,
) -> None:
    """Where municipalities.yaml writes `Kajana`, `caseload Kajaani` was "did you mean
    Kajana?"; the table still shows the name as the data write it."""
    data = copy_data(tmp_path)
    apply(Replace(M, "name: Kajaani\n", "name: Kajana\n"), data)
    result = CliRunner().invoke(app, ["--data-dir", str(data), "unemployment", "Kajaani"])
    assert result.exit_code == 0, result.output
    assert list(by(table(result.stdout), "Municipality")) == ["Kajana", "Kainuu–Koillismaa (area)"]


@pytest.mark.parametrize("typed", ["Inari", "inari", "148", "Enare", "KU148"])  # (Enare: Swedish)
def test_a_municipality_of_another_area_is_said_to_be_one(area: Area, typed: str) -> None:
    """`caseload Kuhmo` in a Lapland area's folder listed Lapland's municipalities only:
    the place is right, the data folder wrong."""
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, [typed])
    assert str(raised.value) == (
        f"unknown place {typed!r} in Kainuu–Koillismaa: Inari (148) is a municipality of "
        "the employment area Pohjois- ja Itä-Lappi, not of this one"
    )


def test_fold() -> None:
    assert fold(" Ristijärvi ") == "ristijarvi"
    assert fold("Åland") == "aland"


def _with_unit(area: Area, unit_id: str, name: str) -> Area:
    """The area with its declared unit given another id and name."""
    import dataclasses

    units = tuple(
        dataclasses.replace(unit, id=unit_id, name=name) if unit.declared else unit
        for unit in area.units
    )
    return dataclasses.replace(area, units=units)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("etla", "etela"),  # the unit's id, not its first member (Paltamo)
        ("Etelainen palvelu", "Eteläinen palvelualue"),
        ("Paltmo", "Paltamo"),
    ],
)
def test_a_unit_is_suggested_by_its_own_id_or_name(area: Area, typed: str, suggestion: str) -> None:
    renamed = _with_unit(area, "etela", "Eteläinen palvelualue")
    with pytest.raises(UnknownPlace, match=f"did you mean {suggestion}\\?"):
        resolve_places(renamed, [typed])


def test_the_known_places_name_the_service_units_too(area: Area) -> None:
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, ["Atlantis"])
    # Its name only: its id `paltamo` selects the municipality Paltamo.
    assert str(raised.value.args[0]).endswith(
        "Suomussalmi, Taivalkoski; service units: Paltamo (ml. Hyrynsalmi ja Ristijärvi)"
    )
    renamed = _with_unit(area, "etela", "Eteläinen palvelualue")
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(renamed, ["Atlantis"])
    assert str(raised.value.args[0]).endswith("; service units: etela (Eteläinen palvelualue)")
    assert resolve_places(renamed, ["etela"]).codes == ("578", "105", "697")


def test_every_unknown_place_is_named_in_one_run() -> None:
    """Only the first was named: a user mended one and ran again, twice more."""
    result = CliRunner().invoke(app, ["caseload", "Kuhomo", "Kuhmo", "Kajani", "kuhomo"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: unknown place 'Kuhomo' in Kainuu–Koillismaa; did you mean Kuhmo or Kuusamo?",
        "error: unknown place 'Kajani' in Kainuu–Koillismaa; did you mean Kajaani?",
    ]
    assert result.stdout == ""


def test_many_unknown_places_are_named_up_to_twenty_then_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """3,000 unknown places printed 3,000 lines (100 here: each is matched)."""
    monkeypatch.chdir(tmp_path)
    places = [f"X{number}" for number in range(100)]
    result = CliRunner().invoke(app, ["--data-dir", str(bundled_data_dir()), "caseload", *places])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split("'")[1] for line in lines[:20]] == places[:20]
    assert lines[20] == "80 more problems like the above (not shown)"
    assert len(lines) == 21


def test_a_swedish_name_where_a_code_belongs_is_told_the_code() -> None:
    """`Borgå` (Porvoo), far from its Finnish name, was told that Porvoo "belongs to this
    employment area but is not among the municipalities": it is listed."""
    from tyollisyys_cli.models.validation import _code_hint

    assert _code_hint("Borgå", {"638": "Porvoo"}, "31") == '; write its code: "638" (Porvoo)'


@pytest.mark.parametrize(
    ("typed", "places"),
    [
        ("Hyrynsalmi, Kajaani", "2 places; name each on its own: Hyrynsalmi Kajaani"),
        ("Kajaani Kuhmo", "2 places; name each on its own: Kajaani Kuhmo"),
        ("kuhmo;290,Sotkamo", "3 places; name each on its own: kuhmo 290 Sotkamo"),
        ("Kajana, Kuhmo", "2 places; name each on its own: Kajana Kuhmo"),  # (in Swedish)
        (  # (a unit's name holds spaces: parted at the comma; in quotes, as a shell takes it)
            "Paltamo (ml. Hyrynsalmi ja Ristijärvi), Kuhmo",
            "2 places; name each on its own: 'Paltamo (ml. Hyrynsalmi ja Ristijärvi)' Kuhmo",
        ),
    ],
)
def test_several_places_in_one_argument_are_told_apart(area: Area, typed: str, places: str) -> None:
    """`"Hyrynsalmi, Kajaani"` got "did you mean Hyrynsalmi?", which left Kajaani out."""
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, [typed])
    assert str(raised.value.args[0]) == (
        f"unknown place {typed!r} in Kainuu–Koillismaa: it names {places}"
    )
    assert raised.value.of_this_area


@pytest.mark.parametrize(
    "typed",
    [
        "Kainuu–Koillismaa",
        "kainuu-koillismaa",
        "Kainuu–Koillismaa (area)",
        "Kainuu–Koillismaa (area) ",
    ],
)
def test_the_areas_own_name_is_told_that_no_place_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """`caseload Kainuu–Koillismaa` was an unknown place, with the bundled example's hint
    to give another area's folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    result = CliRunner().invoke(app, ["caseload", typed])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: unknown place '{typed}' in Kainuu–Koillismaa: it is the area itself, whose "
        "figures are every table's last row; name no place to show every municipality and "
        "the area"
    ]


def test_places_joined_in_the_bundled_example_get_no_hint_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled example's hint (give --data-dir) is for a place the data do not hold."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TYOLLISYYS_DATA_DIR", raising=False)
    joined = CliRunner().invoke(app, ["caseload", "Kajaani, Kuhmo"])
    assert joined.exit_code == 2
    assert joined.stderr.splitlines() == [
        "error: unknown place 'Kajaani, Kuhmo' in Kainuu–Koillismaa: it names 2 places; name "
        "each on its own: Kajaani Kuhmo"
    ]
    misspelt = CliRunner().invoke(app, ["caseload", "Kajaani, Kuhmo", "Kuhomo"])
    assert misspelt.stderr.splitlines()[-1].startswith("These are the bundled example's data")


@pytest.mark.parametrize(
    ("area_code", "typed", "suggestion"),
    [
        # The area's own municipality by its Swedish name, mistyped: it was told to be
        # added to municipalities.yaml, as if another area's, or to be Imatra.
        ("1", "Grankula", "Grankulla (Kauniainen)?"),
        ("1", "Kaunianen", "Kauniainen?"),
        ("3", "Vilmanstrand", "Villmanstrand (Lappeenranta)"),
    ],
)
def test_a_near_spelling_of_an_own_municipality_is_no_other_areas(
    tmp_path: Path, area_code: str, typed: str, suggestion: str
) -> None:
    from tyollisyys_cli.area.load import load_area

    export = Path(__file__).parent / "data" / "statfin-12r5-2026M06.json"
    folder = tmp_path / "a"
    made = CliRunner().invoke(
        app, ["init", str(folder), "--area", area_code, "--from", str(export)]
    )
    assert made.exit_code == 0, made.output
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(load_area(folder), [typed])
    assert f"; did you mean {suggestion}" in str(raised.value)


def test_a_mistyped_code_of_a_member_suggests_its_unit_for_a_target(area: Area) -> None:
    """A scenario's `units:` took `679` for Ristijärvi's 697, which it then refused."""
    member = next(m for m in area.municipalities if area.unit_of(m.code).declared)
    typed = member.code[0] + member.code[2] + member.code[1]
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, [typed], for_units=True)
    assert str(raised.value).endswith(f"; did you mean {area.unit_of(member.code).name}?")


def test_a_units_id_that_is_a_municipalitys_swedish_name_yields_to_the_municipality(
    tmp_path: Path,
) -> None:
    """A unit `id: hangö` beside Hanko took `caseload Hangö` (wrong figures, exit 0),
    where its Finnish name would have been Hanko's."""
    from tyollisyys_cli.area.load import load_area

    data = copy_data(tmp_path)
    plan = data / "municipalities.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        .replace("id: paltamo", "id: kajana")
        .replace("service_unit: paltamo", "service_unit: kajana")
        .replace("place: paltamo", "place: kajana"),
        encoding="utf-8",
    )
    area = load_area(data)
    kajaani = next(m for m in area.municipalities if m.name == "Kajaani")
    assert resolve_places(area, ["Kajana"]).codes == (kajaani.code,)
    unit = next(u for u in area.units if u.declared)
    assert unit.id == "kajana"
    assert resolve_places(area, [unit.name]).codes == tuple(unit.members)
    # Nor is the id offered as the unit's spelling: typed, it gives Kajaani.
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, ["Atlantis"])
    assert str(raised.value).endswith(f"; service units: {unit.name}")
    with pytest.raises(UnknownPlace) as raised:
        resolve_places(area, ["Kajanaa"])
    assert "kajana" not in str(raised.value).split("did you mean")[1]


def test_offices_of_a_place_without_its_own_name_its_units(tmp_path: Path) -> None:
    """`offices Inkoo` said the area had no service points written yet, though its unit
    has them in Raasepori."""
    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.views.directory import offices_view

    data = copy_data(tmp_path)
    plan = data / "municipalities.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("    offices:\n      - name: Hyrynsalmen kunnantalo")
    end = text.index('Hyrnsalmi"\n', start) + len('Hyrnsalmi"\n')
    plan.write_text(text[:start] + "    offices: []\n" + text[end:], encoding="utf-8")
    area = load_area(data)
    hyrynsalmi = next(m for m in area.municipalities if m.name == "Hyrynsalmi")
    unit = area.unit_of(hyrynsalmi.code)
    members = [area.municipality(c) for c in unit.members if area.municipality(c).offices]
    at = ", ".join(m.name for m in members)
    form = "one" if sum(len(m.offices) for m in members) == 1 else "them"
    said = (
        f"Hyrynsalmi has no service point of its own in the data; its unit {unit.name} has "
        f"{form} in {at}."
    )
    view = offices_view(area, resolve_places(area, ["Hyrynsalmi"]))
    assert view.rows == []
    assert view.notes[0] == said
    # Beside a place that has one: it was left out without a word.
    mixed = offices_view(area, resolve_places(area, ["Hyrynsalmi", "Kajaani"]))
    assert {row["municipality"] for row in mixed.rows} == {"Kajaani"}
    assert mixed.notes[0] == said

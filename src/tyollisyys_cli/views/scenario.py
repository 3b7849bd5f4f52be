"""Showing a scenario: a table marked with the scenario it shows, and base and scenario
side by side."""

from __future__ import annotations

import dataclasses
from typing import Any

from tyollisyys_cli.i18n import N_, _
from tyollisyys_cli.render.model import Column, Note, TableData, about_columns

#: The columns compared side by side, per table.
COMPARED = {
    "caseload": (
        "unemployed",
        "clients",
        "target",
        "clients_per_advisor",
        "status",
        "clients_per_advisor_with_pool",
    ),
    "staffing": (
        "clients",
        "target",
        "planned_fte",
        "fte_needed",
        "gap",
        "status",
        "clients_per_advisor_with_pool",
    ),
    "allocation": (
        "clients",
        "target",
        "allocated_fte",
        "clients_per_advisor_after",
        "status",
        "more_fte_needed",
    ),
}


#: The columns that say which row is which, before the compared ones: the unit, and a
#: member municipality's unit (a script that sums the units must tell the members apart).
NAMING = ("unit", "served_by")

#: On a narrow terminal, the compared columns that give way, first to last (base and
#: scenario of each together); the others (what the comparison is about) always stay.
GIVE_WAY = {
    "caseload": ("clients_per_advisor_with_pool", "unemployed", "target", "clients"),
    "staffing": ("clients_per_advisor_with_pool", "clients", "fte_needed", "target", "planned_fte"),
    "allocation": ("more_fte_needed", "clients", "target", "status"),
}


def with_scenario(table: TableData, name: str, changes: list[str]) -> TableData:
    """`table` with the scenario named in its title and metadata."""
    said = ", ".join(changes) if changes else _("no changes")
    if name == "command line":
        title = _("{title} — scenario: {changes}")
    else:
        title = _("{title} — scenario {name!r}: {changes}")
    return dataclasses.replace(
        table,
        title=title.format(title=table.title, name=name, changes=said),
        notes=[
            *table.notes,
            _("Scenario ({name}): {changes}.").format(name=_scenario_name(name), changes=said),
        ],
        metadata={**table.metadata, "scenario": {"name": name, "changes": changes}},
    )


#: The names the command line gives a scenario it was not given a name for.
SCENARIO_NAMES = {"command line": N_("command line"), "base case": N_("base case")}
SIDES = {"base": N_("base"), "scenario": N_("scenario")}


def _scenario_name(name: str) -> str:
    return _(SCENARIO_NAMES[name]) if name in SCENARIO_NAMES else name


def _column(column: Column, side: str, give_way: int) -> Column:
    return dataclasses.replace(
        column, key=f"{column.key}_{side}", qualifier=SIDES[side], give_way=give_way
    )


def _side_note(form: str, note: str) -> str:
    """A note of one side, about the columns of both sides that it explains."""
    keys = [f"{key}_{side}" for key in about_columns(note) for side in ("base", "scenario")]
    return Note(form.format(note=note), *keys) if keys else form.format(note=note)


def side_by_side(
    base: TableData, scenario: TableData, *, name: str, changes: list[str]
) -> TableData:
    """One table: the columns naming the row, then each compared column for base and
    scenario."""
    if [r.get("unit") for r in base.rows] != [r.get("unit") for r in scenario.rows]:
        raise ValueError("base and scenario tables must have the same rows")
    # (each side's column: its decimals may differ, `caseload_decimals`)
    sides = {
        side: {c.key: c for c in t.columns} for side, t in (("base", base), ("scenario", scenario))
    }
    by_key = sides["base"]
    compared = [key for key in COMPARED.get(base.name, ()) if key in by_key]
    order = GIVE_WAY.get(base.name, ())
    naming = [key for key in NAMING if key in by_key]
    columns = [by_key[key] for key in naming]
    for key in compared:
        give_way = len(order) - order.index(key) if key in order else 0
        columns.extend(_column(sides[side][key], side, give_way) for side in ("base", "scenario"))
    rows: list[dict[str, Any]] = []
    for base_row, scenario_row in zip(base.rows, scenario.rows, strict=True):
        row: dict[str, Any] = {key: base_row.get(key) for key in naming}
        for key in compared:
            row[f"{key}_base"] = base_row.get(key)
            row[f"{key}_scenario"] = scenario_row.get(key)
        rows.append(row)
    said = ", ".join(changes) if changes else _("no changes")
    return TableData(
        name=f"{base.name}-scenario",
        title=_("{title} — base case against scenario {name!r}").format(
            title=base.title, name=name
        ),
        columns=tuple(columns),
        rows=rows,
        styles=list(base.styles),
        notes=[
            # A note both sides share is said once, as it is; one side's own is named.
            *(
                _side_note("{note}" if note in scenario.notes else _("Base: {note}"), note)
                for note in base.notes
            ),
            *(
                _side_note(_("Scenario: {note}"), note)
                for note in scenario.notes
                if note not in base.notes
            ),
            _("Scenario {name!r}: {changes}.").format(name=name, changes=said),
        ],
        metadata={
            "scenario": {"name": name, "changes": changes},
            "base": base.metadata,
            "scenario_case": scenario.metadata,
        },
    )

"""Wiring what-if scenarios into commands: options → `Scenario`, area, marked tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.cli.errors import UsageProblem

if TYPE_CHECKING:
    from tyollisyys_cli.core.scenario import Scenario
    from tyollisyys_cli.dataset import Area
    from tyollisyys_cli.render.model import TableData


def scenario_option(unemployed_change: float, target: str | None) -> Scenario:
    """The scenario set by --unemployed-change and --target."""
    from tyollisyys_cli.core.scenario import Scenario, parse_target

    try:
        override = None if target is None else parse_target(target)
    except ValueError as exc:
        raise UsageProblem(f"--target: {exc}") from None
    return Scenario(name="command line", unemployed_change=unemployed_change, target=override)


def scenario_area(area: Area, scenario: Scenario) -> Area:
    """The area as the scenario has it (the area itself for the base case)."""
    from tyollisyys_cli.core.scenario import ScenarioError, apply_scenario

    if scenario.is_base:
        return area
    try:
        return apply_scenario(area, scenario)
    except ScenarioError as exc:
        raise UsageProblem(str(exc)) from None


def marked(table: TableData, area: Area, scenario: Scenario) -> TableData:
    """`table` with the scenario in its title and metadata (unchanged for the base case)."""
    from tyollisyys_cli.core.scenario import describe
    from tyollisyys_cli.views.scenario import with_scenario

    if scenario.is_base:
        return table
    return with_scenario(table, scenario.name, describe(area, scenario))

"""Wiring what-if scenarios into commands: options → `Scenario`, area, marked tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tyollisyys_cli.cli.errors import UsageProblem
from tyollisyys_cli.i18n import _

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.core.scenario import Scenario
    from tyollisyys_cli.render.model import TableData


def scenario_option(unemployed_change: float, target: str | None) -> Scenario | None:
    """The scenario set by --unemployed-change and --target (None when neither is)."""
    if unemployed_change == 0 and target is None:
        return None
    from tyollisyys_cli.core.scenario import Scenario, parse_target

    try:
        override = None if target is None else parse_target(target)
    except ValueError as exc:
        raise UsageProblem(_("--target: {message}").format(message=exc)) from None
    return Scenario(name="command line", unemployed_change=unemployed_change, target=override)


def scenario_area(area: Area, scenario: Scenario | None, month: str | None) -> Area:
    """The area as the scenario has it in `month` (the area itself for the base case)."""
    if scenario is None or scenario.is_base:
        return area
    from tyollisyys_cli.core.scenario import ScenarioError, apply_scenario

    try:
        return apply_scenario(area, scenario, month)
    except ScenarioError as exc:
        raise UsageProblem(*(message for message, _code in exc.problems)) from None


def marked(table: TableData, area: Area, scenario: Scenario | None) -> TableData:
    """`table` with the scenario in its title and metadata (unchanged for the base case)."""
    if scenario is None or scenario.is_base:
        return table
    from tyollisyys_cli.core.scenario import describe
    from tyollisyys_cli.views.scenario import with_scenario

    return with_scenario(table, scenario.name, describe(area, scenario))

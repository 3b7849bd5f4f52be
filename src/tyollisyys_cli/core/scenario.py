"""What-if scenarios: changed inputs, the same computations.

A scenario does not compute anything itself: it transforms the area's data (the
statistics of every month, the units' targets) and the existing caseload, staffing and
allocation computations run on the result, so no formula is written twice.

- An unemployed change of P per cent scales each municipality's unemployed job seekers
  by (1 + P/100), rounded to whole persons (half up). All job seekers change by the same
  number of persons (the unemployed are job seekers too), so the client base moves
  whichever base is chosen. The labour force stays as it is, the published rate is
  dropped (it is no longer published), and the groups of the unemployed are left as
  printed: a scenario is about caseloads, not about the make-up of the unemployed.
- A target replaces every unit's target (Sotkamo, which states none, gets one too).
- Per municipality: its own change replaces the global one; per unit: its own target
  replaces the global one.
A municipality whose change is 0 % keeps its statistics row untouched, so a scenario of
+0 % is exactly the base case.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from tyollisyys_cli.area.dataset import Area, Snapshot, Unit
from tyollisyys_cli.core.clients import ClientBase
from tyollisyys_cli.i18n import _, every_digit, numeral
from tyollisyys_cli.i18n import month as month_text

if TYPE_CHECKING:  # the models (and pydantic) load only when a scenario needs them
    from tyollisyys_cli.models.amounts import Target
    from tyollisyys_cli.models.area import StatisticsRow


class ScenarioError(ValueError):
    """A scenario that cannot be applied to the data (e.g. more unemployed than workers).

    `problems` holds every one found, each with the municipality whose change it is
    (None: the scenario's own); the message is the first."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.problems: list[tuple[str, str | None]] = [(message, code)]

    @classmethod
    def of(cls, problems: list[tuple[str, str | None]]) -> ScenarioError:
        """One error for several problems."""
        error = cls(*problems[0])
        error.problems = problems
        return error


@dataclass(frozen=True)
class Scenario:
    """A named set of changes to the inputs. The default changes nothing (the base case)."""

    name: str = "base case"
    unemployed_change: float = 0.0
    target: Target | None = None
    unemployed_changes: dict[str, float] = field(default_factory=dict)
    unit_targets: dict[str, Target] = field(default_factory=dict)
    client_base: ClientBase | None = None
    #: The scenario's own clients per unemployed (not the base case's, from the options).
    sets_factor: bool = False

    @property
    def is_base(self) -> bool:
        """True when the scenario changes nothing."""
        return (
            self.unemployed_change == 0
            and self.target is None
            and all(change == 0 for change in self.unemployed_changes.values())
            and not self.unit_targets
            and self.client_base is None
        )

    def change_for(self, code: str) -> float:
        """The unemployed change (per cent) that applies to a municipality."""
        return self.unemployed_changes.get(code, self.unemployed_change)

    def target_for(self, unit: Unit) -> Target | None:
        """The target a unit has in the scenario."""
        return self.unit_targets.get(unit.id, self.target or unit.target)


_BAND = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*[-–—]\s*([0-9]+(?:\.[0-9]+)?)\s*")


def parse_target(text: str) -> Target:
    """A target band from `MIN-MAX` (`100-150`, `100–150`, `90 - 120`)."""
    match = _BAND.fullmatch(text)
    if match is None:
        raise ValueError(
            _("write the target as MIN-MAX clients per advisor, e.g. 100-150, not {text!r}").format(
                text=text
            )
        )
    from tyollisyys_cli.models.amounts import Target
    from tyollisyys_cli.models.parsing import MAX_TARGET

    low, high = float(match[1]), float(match[2])
    if not 1 <= low <= high <= MAX_TARGET:  # (as a target in a data file)
        raise ValueError(
            _("the target {text!r} needs 1 ≤ MIN ≤ MAX ≤ {most}").format(
                text=text, most=numeral(f"{MAX_TARGET:,}")
            )
        )

    return Target(min=low, max=high, printed=f"scenario: {low:g}–{high:g}")


def percent_text(value: float) -> str:
    """`+20 %`, `-10 %`, `+0 %` (`−10 %`, `+2,5 %` in Finnish), with every digit given:
    `-99.9999999 %` is not rounded to a `-100 %` that would empty every municipality."""
    return ("" if math.copysign(1, value) < 0 else "+") + every_digit(value) + " %"


def describe(area: Area, scenario: Scenario) -> list[str]:
    """The scenario's changes in words, one per change, for titles and notes."""
    parts: list[str] = []
    if scenario.unemployed_change != 0:
        parts.append(
            _("unemployed {change}").format(change=percent_text(scenario.unemployed_change))
        )
    if scenario.target is not None:
        parts.append(_("target {target} for every unit").format(target=scenario.target.describe()))
    for code, change in scenario.unemployed_changes.items():
        if change != scenario.unemployed_change:
            parts.append(
                _("{place} unemployed {change}").format(
                    place=area.municipality(code).name, change=percent_text(change)
                )
            )
    for unit_id, target in scenario.unit_targets.items():
        parts.append(
            _("{unit} target {target}").format(
                unit=area.unit(unit_id).name, target=target.describe()
            )
        )
    if scenario.client_base is not None:
        parts.append(_("client base {base}").format(base=scenario.client_base.words()))
    return parts


def scaled_count(count: int, percent: float) -> int:
    """`count` changed by `percent` per cent, rounded to whole persons (half up)."""
    exact = Fraction(count) * (100 + Fraction(repr(float(percent)))) / 100
    return max(0, math.floor(exact + Fraction(1, 2)))


def _scaled_row(
    area: Area, month: str, code: str, row: StatisticsRow, percent: float
) -> StatisticsRow:
    unemployed = scaled_count(row.unemployed, percent)
    if unemployed > row.labour_force:
        from tyollisyys_cli.i18n import number  # (counts as the tables write them)

        raise ScenarioError(
            _(
                "unemployed {change} gives {place} {unemployed} unemployed in {month}, more "
                "than its labour force of {labour_force}"
            ).format(
                change=percent_text(percent),
                place=area.municipality(code).name,
                unemployed=number(unemployed, 0),
                month=month_text(month),
                labour_force=number(row.labour_force, 0),
            ),
            code,
        )
    update: dict[str, object] = {"unemployed": unemployed, "unemployment_rate": None}
    if isinstance(row.job_seekers, int):
        update["job_seekers"] = max(0, row.job_seekers + unemployed - row.unemployed)
    return row.model_copy(update=update)


def _snapshot(area: Area, snapshot: Snapshot, scenario: Scenario) -> Snapshot:
    """The month's rows changed; a change that does not fit raises every municipality's
    problem together."""
    rows: dict[str, StatisticsRow] = {}
    problems: list[tuple[str, str | None]] = []
    for code, row in snapshot.rows.items():
        change = scenario.change_for(code)
        try:
            rows[code] = _scaled_row(area, snapshot.month, code, row, change) if change else row
        except ScenarioError as error:
            problems += error.problems
    if problems:
        raise ScenarioError.of(problems)
    return dataclasses.replace(snapshot, rows=rows)


def apply_scenario(area: Area, scenario: Scenario, month: str | None = None) -> Area:
    """The area as the scenario has it in `month` (the latest held by default): that
    month's statistics scaled, targets replaced. It holds that month only: a scenario
    is a what-if of the month shown, and no other month's figures can bar it."""
    if scenario.unemployed_change < -100 or any(
        change < -100 for change in scenario.unemployed_changes.values()
    ):
        raise ScenarioError(_("an unemployed change cannot be below -100 %"))
    units = tuple(
        dataclasses.replace(unit, target=scenario.target_for(unit)) for unit in area.units
    )
    shown = _snapshot(area, area.snapshot(month), scenario)
    return dataclasses.replace(area, units=units, snapshots=(shown,))


def client_base_for(scenario: Scenario, base: ClientBase) -> ClientBase:
    """The scenario's own client base, or the one chosen for the base case."""
    return scenario.client_base or base

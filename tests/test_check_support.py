"""Helpers for the `check` tests: copies of the seed data, edited, under tmp_path.

(This module holds no tests; it is named so that it belongs with the check tests.)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.paths import bundled_data_dir
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.check.rules import rule
from tyollisyys_cli.check.runner import Outcome, run
from tyollisyys_cli.files.yamlfile import load_yaml

SEED = bundled_data_dir()
Edit = Callable[[dict[str, Any], dict[str, Any]], None]


def seed_data() -> tuple[dict[str, Any], dict[str, Any]]:
    """Plain copies of the seed files (municipalities, commuting)."""
    plan = load_yaml(SEED / "municipalities.yaml").data
    commuting = load_yaml(SEED / "commuting.yaml").data
    return copy.deepcopy(plan), copy.deepcopy(commuting)


def municipality(plan: dict[str, Any], name: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = plan["municipalities"]
    for entry in entries:
        if entry["name"] == name:
            return entry
    raise KeyError(name)


def claim(plan: dict[str, Any], claim_id: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = plan["claims"]
    for entry in entries:
        if entry["id"] == claim_id:
            return entry
    raise KeyError(claim_id)


def make_consistent(plan: dict[str, Any], commuting: dict[str, Any]) -> None:
    """Correct every figure the seed prints wrongly (see test_check_seed for the list)."""
    totals = plan["statistics_totals"]
    totals["unemployed"] = 3217
    totals["unemployment_rate"] = 8.3
    totals["foreign"] = 256
    claim(plan, "area-unemployment-rate")["value"] = 8.3
    claim(plan, "area-foreign-unemployed")["value"] = 256
    commuting["rows"][0]["job_self_sufficiency"] = 78.95
    commuting["rows"][6]["labour_force"] = 4706
    commuting["rows"][6]["job_self_sufficiency"] = 104
    commuting["totals"]["labour_force"] = 38799
    commuting["totals"]["job_self_sufficiency"] = 100.26


def write_area(folder: Path, plan: dict[str, Any], commuting: dict[str, Any] | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)

    def dump(data: dict[str, Any]) -> str:
        # (libyaml's emitter where PyYAML has it: the pure-Python one took most of the
        # time of the tests that write an area)
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True)

    (folder / "municipalities.yaml").write_text(dump(plan), encoding="utf-8")
    if commuting is not None:
        (folder / "commuting.yaml").write_text(dump(commuting), encoding="utf-8")
    return folder


def area_dir(tmp_path: Path, edit: Edit | None = None, *, consistent: bool = True) -> Path:
    """A data folder under tmp_path: the seed, corrected when `consistent`, then edited."""
    plan, commuting = seed_data()
    if consistent:
        make_consistent(plan, commuting)
    if edit is not None:
        edit(plan, commuting)
    return write_area(tmp_path / "area", plan, commuting)


def area(tmp_path: Path, edit: Edit | None = None, *, consistent: bool = True) -> Area:
    return load_area(area_dir(tmp_path, edit, consistent=consistent))


def findings(area: Area, code: str) -> list[Finding]:
    """The findings of one rule."""
    outcome: Outcome = run(area, [rule(code)])
    return outcome.findings

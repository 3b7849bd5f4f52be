"""The rule registry: every rule's code, name, documentation and check function.

A rule is a module in this package with `CODE` (stable, e.g. `TOT001`), `NAME` (a short
kebab-case name), a module docstring (its documentation, shown by `--explain`; the first
line is its summary) and `check(ctx)`, which yields findings. The docstring is set as
`__doc__ = N_(...)` so that the catalog holds it: `--explain` and `--list-rules` show it
in the run's language (code and name stay as they are).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import Finding
from tyollisyys_cli.i18n import _


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    #: The documentation as written (the catalog's key).
    text: str
    check: Callable[[Context], Iterable[Finding]]

    @property
    def doc(self) -> str:
        """The documentation in the run's language."""
        return inspect.cleandoc(_(self.text)) if self.text else ""

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0].rstrip(".") if self.doc else ""


def _rule(module: ModuleType) -> Rule:
    return Rule(
        code=module.CODE,
        name=module.NAME,
        text=module.__doc__ or "",
        check=module.check,
    )


#: Every rule's module, in the order `--list-rules` lists them and a finding about one
#: value names the others (`check.merge`): the one list a new rule is added to.
MODULES = (
    "tot001_totals",
    "tot002_unknown_cells",
    "rat001_unemployment_rate",
    "grp001_men_women",
    "grp002_subgroups",
    "grp003_under_20",
    "com001_self_sufficiency",
    "com002_area_self_sufficiency",
    "com003_commuting_totals",
    "xrf001_labour_force",
    "mon001_repeated_month",
    "clm001_text_claims",
    "clm002_uncheckable_claims",
    "stf001_stated_fte",
    "stf002_clients_per_official",
    "stf003_transfer_pool",
    "stf004_repeated_staff_line",
    "nam001_classified_names",
)

RULES: tuple[Rule, ...] = tuple(
    _rule(importlib.import_module(f"{__name__}.{module}")) for module in MODULES
)


def rule(code: str) -> Rule:
    """The rule with `code` or name (any case); KeyError when there is none."""
    for candidate in RULES:
        if code.upper() in {candidate.code, candidate.name.upper()}:
            return candidate
    raise KeyError(code)

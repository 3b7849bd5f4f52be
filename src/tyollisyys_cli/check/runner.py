"""Running the rules over an area: choosing rules, collecting findings, the outcome."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.check.context import Context
from tyollisyys_cli.check.finding import SEVERITIES, Finding, Severity, rank
from tyollisyys_cli.check.merge import merge
from tyollisyys_cli.check.rules import RULES, Rule
from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _

FailOn = Literal["error", "warning", "never"]
FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "never")


class UnknownRule(UnknownName):
    """A code given to --select, --ignore or --explain matches no rule."""


def split_codes(values: Sequence[str]) -> list[str]:
    """`["TOT001,COM", "grp003"]` → `["TOT001", "COM", "GRP003"]`."""
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def _matches(rule: Rule, selector: str) -> bool:
    """A rule's code or a prefix of it (`COM`), or its name as --list-rules shows it."""
    return rule.code.startswith(selector) or rule.name.upper() == selector


def _known(selector: str) -> None:
    if not any(_matches(rule, selector) for rule in RULES):
        import difflib  # (only for a code that matches no rule)

        known = {r.code: r.code for r in RULES} | {r.name.upper(): r.name for r in RULES}
        close = [known[c] for c in difflib.get_close_matches(selector, list(known), n=1)]
        message = (
            _("no rule matches {code!r}; did you mean {close}?").format(
                code=selector, close=close[0]
            )
            if close
            else _("no rule matches {code!r}; see --list-rules").format(code=selector)
        )
        raise UnknownRule(message)


def choose_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules to run: those matching `select` (all when empty) less those in `ignore`.

    A code matches a rule by prefix, so `COM` chooses COM001, COM002 and COM003.
    """
    selected, ignored = split_codes(select), split_codes(ignore)
    if select and not selected:  # `--select ""`: a choice of nothing, not of everything
        raise UnknownRule(_("--select names no rule; give codes such as TOT001 or COM"))
    for selector in (*selected, *ignored):
        _known(selector)
    chosen = [
        rule
        for rule in RULES
        if (not selected or any(_matches(rule, s) for s in selected))
        and not any(_matches(rule, s) for s in ignored)
    ]
    if not chosen:  # a check of nothing would pass whatever the data hold
        raise UnknownRule(_("--ignore leaves none of the rules chosen to run"))
    return chosen


@dataclass(frozen=True)
class Outcome:
    """The findings of one run and whether they reach the fail threshold.

    Each finding is about one value (see `merge`): the count of errors is the count of
    wrong figures."""

    findings: list[Finding]
    fail_on: FailOn
    #: The months whose statistics were checked.
    months: tuple[str, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def counts(self) -> dict[Severity, int]:
        return {severity: self.count(severity) for severity in reversed(SEVERITIES)}

    @property
    def failed(self) -> bool:
        if self.fail_on == "never":
            return False
        return any(rank(f.severity) >= rank(self.fail_on) for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 when nothing reaches the threshold, 1 when something does."""
        return 1 if self.failed else 0


def for_month(area: Area, month: str) -> Area:
    """The area as `check --month` sees it: the statistics of `month`, of the plan's own
    month (which the plan's totals and text are checked against) and of the months the
    text's claims give, no other month.

    Raises LookupError, naming the months held, for a month the data does not hold.
    """
    area.snapshot(month)
    kept = {month, area.plan.area.reference_month, *(c.month for c in area.plan.claims)}
    return dataclasses.replace(area, snapshots=tuple(s for s in area.snapshots if s.month in kept))


def run(
    area: Area,
    rules: Sequence[Rule] = RULES,
    *,
    fail_on: FailOn = "error",
    month: str | None = None,
) -> Outcome:
    """Every finding of `rules` over `area`, in file and line order, the findings about
    one value merged into one (see `merge`): over the statistics of every month held, or
    with `month` only of that month and the plan's own."""
    if month is not None:
        area = for_month(area, month)
    context = Context(area)
    findings = merge(
        (finding for rule in rules for finding in rule.check(context)),
        [rule.code for rule in RULES],
    )
    return Outcome(sorted(findings, key=Finding.sort_key), fail_on, tuple(area.months))

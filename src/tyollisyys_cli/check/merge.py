"""Each wrong figure once: findings of several rules about the same printed value merged.

A typed total (321 for 3 217) disagrees with the rows' sum (TOT001), with men + women
(GRP001) and with its own groups (GRP002): one wrong value, so one finding. The findings
at the same value (file and field) become the finding of the most serious severity, the
first rule in the registry's order among those (the main rule, whose code it keeps); its
message goes on with what the others found ("it also disagrees with men + women =
3 217 and with ..."), and `also` lists their codes.

Merging happens among the rules that ran: with `--select GRP001` the GRP001 finding
stands alone, in its own words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from tyollisyys_cli.check.finding import Finding, rank
from tyollisyys_cli.i18n import _


def merge(findings: Iterable[Finding], order: Sequence[str]) -> list[Finding]:
    """One finding per value: `findings` grouped by file and field, in first-seen order;
    `order` is the rule codes in the registry's order (the main rule is the earliest)."""
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((str(finding.file), finding.field), []).append(finding)
    return [_merged(group, order) for group in grouped.values()]


def _merged(group: list[Finding], order: Sequence[str]) -> Finding:
    if len(group) == 1:
        return group[0]
    position = {code: i for i, code in enumerate(order)}
    ranked = sorted(group, key=lambda f: (-rank(f.severity), position.get(f.code, len(order))))
    main, others = ranked[0], ranked[1:]
    clauses = [other.against or other.message for other in others]
    return dataclasses.replace(
        main,
        message=_("{message}; it also disagrees with {others}").format(
            message=main.message, others=_(" and with ").join(clauses)
        ),
        also=tuple(other.code for other in others),
    )

"""A consistency finding: which rule, how serious, where, and what was printed and computed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tyollisyys_cli.errors import location
from tyollisyys_cli.i18n import N_, _

if TYPE_CHECKING:
    from tyollisyys_cli.errors import DataError

Severity = Literal["error", "warning", "info"]

#: Severities as people read them (translated where they are shown); the codes stay.
SEVERITY_WORDS: dict[Severity, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
}

#: Severities from the least to the most serious.
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


def shown(severity: Severity) -> str:
    """A severity as people read it: `error` in English, `virhe` in Finnish."""
    return _(SEVERITY_WORDS[severity])


def rank(severity: Severity) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One disagreement (or note) about a printed figure.

    `printed` is the figure as the plan prints it; `computed` the value the base counts
    give, or `computed_low`/`computed_high` when they only allow a range (None: open
    on that side). `difference` is printed − computed; against a range it is the
    distance to the nearest end (0 inside the range).

    `against` says in a few words what the figure disagrees with (`men + women = 3 217`),
    for the finding that other rules' findings about the same figure are merged into;
    `also` lists the codes of the rules merged into this finding (see `merge`).

    `advice` is what the analyst can do about it on the command line (`try
    --clients-per-unemployed 2.08`): check's reports write it after the message, in
    brackets (`text`); the report for decision makers leaves it out.
    """

    code: str
    severity: Severity
    file: Path
    line: int | None
    column: int | None
    field: str
    message: str
    printed: float | None = None
    computed: float | None = None
    computed_low: float | None = None
    computed_high: float | None = None
    difference: float | None = None
    against: str | None = None
    also: tuple[str, ...] = ()
    advice: str = ""

    def text(self) -> str:
        """The message with its advice, as check reports it."""
        return f"{self.message} ({self.advice})" if self.advice else self.message

    def location(self) -> str:
        """`file:line:col` (or as much of it as is known)."""
        return location(self.file, self.line, self.column)

    def codes(self) -> str:
        """`TOT001`, or with the rules merged into it `TOT001; also GRP001, GRP002`."""
        if not self.also:
            return self.code
        return _("{code}; also {codes}").format(code=self.code, codes=", ".join(self.also))

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file), self.line or 0, self.column or 0, self.code)


def data_finding(error: DataError, message: str) -> Finding:
    """A problem that kept the data files from being read, as a finding of code `data`
    (severity error), for the formats CI reads (`message`: as that format words it)."""
    return Finding(
        code="data",
        severity="error",
        file=error.file,
        line=error.line,
        column=error.column,
        field=error.field,
        message=message,
    )

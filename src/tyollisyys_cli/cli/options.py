"""The command-line options several commands share, declared once as typer annotations.

A command's own options are declared beside it. An option whose default is None is
optional (`T | None`); the default itself is the command function's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from tyollisyys_cli.cli.completion import (
    choices,
    client_bases,
    complete_month,
    complete_place,
    languages,
    methods,
    table_formats,
)
from tyollisyys_cli.i18n import N_, Language, _, pgettext
from tyollisyys_cli.models.parsing import as_month

#: A month as the commands take it: YYYY-MM with a month 01 to 12.
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def month_value(value: str | None) -> str | None:
    """`--month` as YYYY-MM, given so, as M/YYYY or as YYYYMmm, blanks around it left
    out (`"2023-08 "`, pasted); else a usage error (exit 2)."""
    if value is None:
        return None
    text = value.strip()
    if not MONTH.fullmatch(as_month(text)):
        from tyollisyys_cli.errors import shortened
        from tyollisyys_cli.models.parsing import month_hint

        raise typer.BadParameter(
            _("{value} is not a month; write YYYY-MM or M/YYYY, e.g. 2023-08 or 8/2023").format(
                value=shortened(text) or repr(value)  # ('': no blank between two spaces)
            )
            + month_hint(text)  # (2023-13, 13/2023: no month 13)
        )
    return as_month(text)


def decimal_number(
    *, low: float | None, high: float, per_cent: bool = False, above: bool = False
) -> Callable[[str], float]:
    """A parser of a number from low to high that may be written with a decimal comma,
    as Finnish users write it: `2,08` is read as 2.08. A comma before three digits
    (`1,500`) may be a thousands separator as well: a usage error naming both readings.
    Out of range (`above`: `low` itself is too) or not a number: a usage error (exit 2)
    with pydantic's message, as typer gives for the other numbers."""

    def parse(text: str | float) -> float:
        from pydantic import Field, TypeAdapter, ValidationError

        if isinstance(text, str) and "_" in text:  # (Python's float takes 1_0 as 10)
            raise typer.BadParameter(
                _(_NUMBER_PROBLEMS["float_parsing"])
                + _("; write numbers without underscores: {fixed}").format(
                    fixed=text.replace("_", "")
                )
            )
        if per_cent and isinstance(text, str) and text.rstrip().endswith("%"):  # (`+20 %`)
            fixed = text.rstrip().removesuffix("%").rstrip()
            raise typer.BadParameter(
                _(_NUMBER_PROBLEMS["float_parsing"])
                + _("; write the number without %: {fixed}").format(fixed=fixed)
            )
        from tyollisyys_cli.models.parsing import SPACED_NUMBER

        unsigned = text.strip()[1:] if isinstance(text, str) and text.strip()[:1] in "+-" else text
        spaced = isinstance(unsigned, str) and SPACED_NUMBER.fullmatch(unsigned.strip())
        fixed = "".join(str(text).split()).replace(",", ".")
        if spaced and (low is None or float(fixed) >= low) and float(fixed) <= high:
            raise typer.BadParameter(  # (`--pool "1 500"`; not `"1 500"` of a factor to 1000)
                _(_NUMBER_PROBLEMS["float_parsing"])
                + _("; write numbers without spaces: {fixed}").format(fixed=fixed)
            )
        if isinstance(text, str):
            text = text.replace("\u2212", "-")  # the minus sign Finnish messages write
        if isinstance(text, str) and re.fullmatch(r"\s*[+-]?[1-9]\d{0,2},\d{3}\s*", text):
            # (`--pool 1,500` was taken as 1.5: its comma may separate thousands too; where
            # one reading only is in range, `--clients-per-unemployed 2,125`, it is that)
            whole, _comma, part = text.strip().partition(",")
            thousands, decimal = whole + part, f"{whole}.{part}"

            def in_range(reading: str) -> bool:
                value = float(reading)
                return (low is None or value > low or (value == low and not above)) and (
                    value <= high
                )

            if in_range(thousands) and in_range(decimal):
                raise typer.BadParameter(
                    _(
                        "the comma in {text} may separate thousands or decimals: write "
                        "{thousands} or {decimal}"
                    ).format(text=text.strip(), thousands=thousands, decimal=decimal)
                )
            text = thousands if in_range(thousands) else decimal
        if isinstance(text, str) and "," in text and "." not in text:
            text = text.replace(",", ".", 1)
        adapter: TypeAdapter[float] = TypeAdapter(
            Annotated[
                float,
                Field(
                    gt=low if above else None,
                    ge=None if above else low,
                    le=high,
                    allow_inf_nan=False,
                ),
            ]
        )
        try:
            return adapter.validate_python(text)
        except ValidationError as error:
            problem = error.errors()[0]
            template = _NUMBER_PROBLEMS.get(problem["type"])
            if template is None:
                raise typer.BadParameter(str(problem["msg"])) from None
            bounds = {key: f"{value:g}" for key, value in (problem.get("ctx") or {}).items()}
            raise typer.BadParameter(_(template).format(**bounds)) from None

    return parse


#: pydantic's messages for a number option, in its words (English) and ours (Finnish).
_NUMBER_PROBLEMS = {
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "float_type": N_("Input should be a valid number"),
    "finite_number": N_("Input should be a finite number"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
}


def file_value(text: str | Path) -> Path:
    """A file given on the command line. An empty name is a usage error (exit 2), not
    the current folder that `Path("")` would make of it."""
    return _path(text, _("an empty path; give the name of a file"))


def folder_value(text: str | Path) -> Path:
    """A folder given on the command line; an empty name is a usage error, as for a file."""
    return _path(text, _("an empty path; give the name of a folder"))


def _path(text: str | Path, empty: str) -> Path:
    if isinstance(text, Path):
        return text
    if not text:
        raise typer.BadParameter(empty)
    return Path(text)


def output_path(text: str | Path) -> Path:
    """A file to write, given on the command line: as `file_value`, and a name that names
    a folder (`out/`, `x.csv/.`, `..`) is a usage error, not a file of the folder's name."""
    if isinstance(text, str):
        last = text.replace(os.sep, "/").rstrip("/").rpartition("/")[2]
        if (text.replace(os.sep, "/").endswith("/") and last) or last in {".", ".."}:
            raise typer.BadParameter(
                _("{path} names a folder; give the name of a file").format(path=text)
            )
    return file_value(text)


def decimal_option(
    name: str,
    *,
    low: float | None,
    high: float,
    per_cent: bool = False,
    above: bool = False,
    **settings: Any,
) -> Any:
    """A float option that takes a decimal comma too; its range is shown in --help (a
    range `above` its low end only to the high end: its help says so). A `per_cent`
    option given with a % sign is told to drop it (another is not: `208%` of a factor is
    no 208)."""
    parser = decimal_number(low=low, high=high, per_cent=per_cent, above=above)
    return typer.Option(name, min=None if above else low, max=high, parser=parser, **settings)


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="TYOLLISYYS_DATA_DIR",
        metavar=_("DIR"),
        parser=folder_value,
        help=_(
            "Folder with the area's municipalities.yaml (and commuting.yaml). "
            "Default: the first folder from the working folder upwards that holds "
            "municipalities.yaml, or whose data/ folder does; else the bundled "
            "Kainuu–Koillismaa area."
        ),
        show_default=False,
    ),
]


def choose_language(value: str | None) -> Language:
    """The run's language (`--lang`, `TYOLLISYYS_LANG`, the locale); a language the
    tool does not speak is a usage error (exit 2)."""
    from tyollisyys_cli.i18n import LanguageError, choose

    try:
        return choose(value)
    except LanguageError as error:
        raise typer.BadParameter(str(error)) from None


Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="fi|en",
        autocompletion=choices(languages),
        help=_(
            "Language of what the tool writes for people: fi (suomi) or en. Default: "
            "TYOLLISYYS_LANG, else the locale (LANG=fi_FI… is Finnish), else English."
        ),
        show_default=False,
    ),
]
Debug = Annotated[bool, typer.Option("--debug", help=_("Show Python tracebacks (for developers)."))]
#: The global options again on each command (--data-dir on each that reads the area), so
#: that they may also be given after the command (`tyollisyys caseload --data-dir demo
#: Kuhmo`). `state()` applies them (--lang its callback); given in both places, the one
#: after the command wins.
CommandDataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar=_("DIR"),
        parser=folder_value,
        help=_("As the global --data-dir, given after the command."),
        show_default=False,
    ),
]
CommandDebug = Annotated[
    bool, typer.Option("--debug", help=_("As the global --debug, given after the command."))
]


def command_language(value: str | None) -> str | None:
    """`--lang` given after the command: the run speaks it from here on. The option is
    eager, so the command's other options are checked in that language already."""
    if value is not None:
        from tyollisyys_cli.i18n import LanguageError, choose, set_language

        try:
            set_language(choose(value))
        except LanguageError as error:
            raise typer.BadParameter(error.problem) from None
    return value


CommandLang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="fi|en",
        autocompletion=choices(languages),
        callback=command_language,
        is_eager=True,
        help=_("As the global --lang, given after the command."),
        show_default=False,
    ),
]
Places = Annotated[
    list[str] | None,
    typer.Argument(
        metavar=_("[PLACE]..."),
        help=_(
            "Municipality name (any case, ä/ö optional), code, or service unit. "
            "None: every municipality."
        ),
        show_default=False,
        autocompletion=complete_place,
    ),
]
Month = Annotated[
    str | None,
    typer.Option(
        "--month",
        metavar=_("YYYY-MM"),
        help=_(
            "Month of statistics: YYYY-MM, M/YYYY or the statistics' code, 2023M08 (default: "
            "latest held)."
        ),
        callback=month_value,
        autocompletion=complete_month,
    ),
]
ClientsPerUnemployed = Annotated[
    float,
    decimal_option(
        "--clients-per-unemployed",
        low=0.0,
        above=True,  # (no clients: every unit "under")
        high=1000.0,  # also keeps out inf, which no client base can be
        metavar=_("FACTOR"),
        help=_("Clients per unemployed job seeker, above 0: scales the client base (default 1)."),
        show_default=False,
    ),
]


def one_of(words: Callable[[], tuple[str, ...]]) -> Callable[[str], str]:
    """An option's word in any case as its own (`Proportional`: `proportional`, so that
    the run's metadata says it as the tool does); another left as typed, for the command
    to refuse as it was typed."""

    def parse(value: str) -> str:
        return value.lower() if value.lower() in words() else value

    return parse


ClientBaseKind = Annotated[
    str,
    typer.Option(
        "--client-base",
        parser=one_of(client_bases),
        metavar=_("BASE"),
        autocompletion=choices(client_bases),
        help=_(
            "Who counts as a client: unemployed (default) or job-seekers (all job "
            "seekers, where the statistics hold them)."
        ),
        show_default=False,
    ),
]
UnemployedChange = Annotated[
    float,
    decimal_option(
        "--unemployed-change",
        low=-100.0,
        high=10000.0,
        per_cent=True,
        metavar=_("PERCENT"),
        help=_(
            "What if: change every municipality's unemployed job seekers by PERCENT per "
            "cent (e.g. +20 or -10); the clients follow. Default 0."
        ),
        show_default=False,
    ),
]
TargetOverride = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="MIN-MAX",
        help=_(
            "What if: replace every unit's target with MIN-MAX clients per advisor (e.g. 100-150)."
        ),
        show_default=False,
    ),
]
Format = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar=_("FORMAT"),
        autocompletion=choices(table_formats),
        help=_("Output format: table (for people), csv, json, markdown or xlsx (needs --output)."),
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar=_("PATH"),
        parser=output_path,
        help=_(
            "Write to PATH instead of standard output. A name ending .csv, .json, .md or "
            ".xlsx writes that format unless --format names another."
        ),
    ),
]
Wide = Annotated[
    bool,
    typer.Option(
        "--wide",
        help=_(
            "Table view: keep every column, however long the lines grow (no columns "
            "left out to fit the terminal)."
        ),
    ),
]
Excel = Annotated[
    bool,
    typer.Option(
        "--excel", help=_("CSV for Finnish-locale Excel: BOM, semicolons, decimal comma.")
    ),
]
Pool = Annotated[
    float | None,
    decimal_option(
        "--pool",
        low=0.0,
        high=100000.0,
        metavar=pgettext("metavar", "FTE"),
        help=_(
            "FTE to divide. Default: the plan's transferring customer-work pool "
            "(its lower bound where the plan gives a range)."
        ),
        show_default=False,
    ),
]
Step = Annotated[
    float,
    decimal_option(
        "--step",
        low=None,
        high=10000.0,
        metavar=pgettext("metavar", "FTE"),
        help=_(
            "Divide the pool in steps of FTE; the pool above the floors must be a whole "
            "number of steps."
        ),
    ),
]
AllocationMethod = Annotated[
    str,
    typer.Option(
        "--method",
        parser=one_of(methods),
        metavar=_("METHOD"),
        autocompletion=choices(methods),
        help=_(
            "even-caseload (each step to the unit with the highest clients per advisor) "
            "or proportional (largest remainder by clients)."
        ),
    ),
]
IgnoreStated = Annotated[
    bool,
    typer.Option(
        "--ignore-stated",
        help=_(
            "Ignore the transfers the units state: no floors, only own staff count "
            "before the division."
        ),
    ),
]

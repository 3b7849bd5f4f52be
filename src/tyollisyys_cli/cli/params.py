"""The command-line parameters of the commands, declared once and without typer.

A `Param` says everything about one parameter: its Python name, its flags, the kind
of value, the default, the bounds and the help text. Two readers use the same
declarations: `cli.options` turns them into typer's `Annotated` types (help, usage
errors, every unusual spelling), and `cli.fast` parses the common spellings itself
so that an everyday run need not import typer at all. A `Command` is a body (a plain
function of the run's `State` and the parameter values that returns an exit code or
None) and its parameters. The options several commands share are declared here; a
command's own ones beside its body.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from tyollisyys_cli.cli.state import State

#: text: a string; texts: a string each time the option is given (comma lists are the
#: body's to split); number: a float within [minimum, maximum]; flag: on when given;
#: path: a file path; file: a positional file path; places: the positional PLACE...
Kind = Literal["text", "texts", "number", "flag", "path", "file", "places"]


@dataclass(frozen=True)
class Param:
    """One command-line parameter of a command."""

    name: str  # the body's keyword
    kind: Kind
    flags: tuple[str, ...] = ()  # long first; empty for the positional places
    default: Any = None
    metavar: str | None = None
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    show_default: bool = True
    envvar: str | None = None  # read when the option is not given
    required: bool = False  # no default: the command line must give it

    @property
    def positional(self) -> bool:
        return self.kind in ("file", "places")


@dataclass(frozen=True)
class Command:
    """A command: its name, its parameters, and the body that runs it."""

    name: str
    params: tuple[Param, ...]
    body: Callable[..., int | None]  # returns the exit code (None: 0)

    @property
    def help(self) -> str:
        return self.body.__doc__ or ""

    def defaults(self) -> dict[str, Any]:
        """The values of the parameters not given (required ones left out)."""
        return {param.name: param.default for param in self.params if not param.required}

    def run(self, state: State, values: dict[str, Any]) -> int:
        """Run the body; its exit code."""
        return self.body(state, **values) or 0


DATA_DIR = Param(
    "data_dir",
    "path",
    ("--data-dir",),
    envvar="TYOLLISYYS_DATA_DIR",
    metavar="DIR",
    help="Folder with the area's municipalities.yaml (and commuting.yaml). "
    "Default: the bundled Kainuu–Koillismaa area.",
    show_default=False,
)
DEBUG = Param(
    "debug", "flag", ("--debug",), default=False, help="Show Python tracebacks (for developers)."
)
#: The options of `tyollisyys` itself, before the command (and --version, --help).
GLOBAL = (DATA_DIR, DEBUG)

PLACES = Param(
    "places",
    "places",
    metavar="[PLACE]...",
    help="Municipality name (any case, ä/ö optional), code, or service unit. "
    "None: every municipality.",
    show_default=False,
)
MONTH = Param(
    "month",
    "text",
    ("--month",),
    metavar="YYYY-MM",
    help="Month of statistics (default: latest held).",
)
CLIENTS_PER_UNEMPLOYED = Param(
    "clients_per_unemployed",
    "number",
    ("--clients-per-unemployed",),
    default=1.0,
    minimum=0.0,
    maximum=1000.0,  # also keeps out inf, which no client base can be
    metavar="FACTOR",
    help="Clients per unemployed job seeker: scales the client base (default 1).",
)
CLIENT_BASE = Param(
    "client_base",
    "text",
    ("--client-base",),
    default="unemployed",
    metavar="BASE",
    help="Who counts as a client: unemployed (default) or job-seekers (all job seekers, "
    "where the statistics hold them).",
)
UNEMPLOYED_CHANGE = Param(
    "unemployed_change",
    "number",
    ("--unemployed-change",),
    default=0.0,
    minimum=-100.0,
    maximum=10000.0,
    metavar="PERCENT",
    help="What if: change every municipality's unemployed job seekers by PERCENT per "
    "cent (e.g. +20 or -10); the clients follow. Default 0.",
    show_default=False,
)
TARGET = Param(
    "target",
    "text",
    ("--target",),
    metavar="MIN-MAX",
    help="What if: replace every unit's target with MIN-MAX clients per advisor (e.g. 100-150).",
    show_default=False,
)
FORMAT = Param(
    "fmt",
    "text",
    ("--format", "-f"),
    default="table",
    metavar="FORMAT",
    help="Output format: table (for people), csv, json, markdown or xlsx (needs --output).",
)
OUTPUT = Param(
    "output",
    "path",
    ("--output", "-o"),
    metavar="PATH",
    help="Write to PATH instead of standard output.",
)
EXCEL = Param(
    "excel",
    "flag",
    ("--excel",),
    default=False,
    help="CSV for Finnish-locale Excel: BOM, semicolons, decimal comma.",
)
POOL = Param(
    "pool",
    "number",
    ("--pool",),
    minimum=0.0,
    maximum=100000.0,
    metavar="FTE",
    help="FTE to divide. Default: the plan's transferring customer-work pool "
    "(its lower bound where the plan gives a range).",
    show_default=False,
)
STEP = Param(
    "step",
    "number",
    ("--step",),
    default=0.5,
    maximum=10000.0,
    metavar="FTE",
    help="Divide the pool in steps of FTE; the pool above the floors must be a whole "
    "number of steps.",
)
ALLOCATION_METHOD = Param(
    "method",
    "text",
    ("--method",),
    default="even-caseload",
    metavar="METHOD",
    help="even-caseload (each step to the unit with the highest clients per advisor) "
    "or proportional (largest remainder by clients).",
)
IGNORE_STATED = Param(
    "ignore_stated",
    "flag",
    ("--ignore-stated",),
    default=False,
    help="Ignore the transfers the units state: no floors, only own staff count "
    "before the division.",
)

#: Where and how a table is written: the last parameters of every table command.
TABLE_OUTPUT = (FORMAT, OUTPUT, EXCEL)
#: Who the clients are.
CLIENTS = (CLIENTS_PER_UNEMPLOYED, CLIENT_BASE)
#: The what-if options of the caseload and staffing commands.
WHAT_IF = (UNEMPLOYED_CHANGE, TARGET)

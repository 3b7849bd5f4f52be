"""`tyollisyys import statfin`: bring months of the official statistics in."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from tyollisyys_cli.cli.group import HELP_OPTIONS, Command, Group
from tyollisyys_cli.cli.options import CommandDataDir, CommandDebug, CommandLang, file_value
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.i18n import _, ngettext

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.area.paths import DataSource
    from tyollisyys_cli.cli.state import State
    from tyollisyys_cli.statfin.importing import ImportResult, Skipped
    from tyollisyys_cli.statfin.pxweb import Export12r5

app = typer.Typer(
    cls=Group,
    name="import",
    help=_("Bring official statistics into the data directory."),
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
    rich_markup_mode=None,
    options_metavar=_("[OPTIONS]"),
    subcommand_metavar=_("COMMAND [ARGS]..."),
)


@app.callback()
def group(
    ctx: typer.Context,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """The global options given after `import` as after any command (`import --lang fi
    statfin`): they were refused there."""
    state(ctx)


ApiUrl = Annotated[
    str | None,
    typer.Option(
        "--api-url",
        metavar="URL",
        help=_(
            "Address of table 12r5 in a PxWeb API (default: TYOLLISYYS_STATFIN_URL, else "
            "Statistics Finland's service)."
        ),
        show_default=False,
    ),
]


STATFIN_HELP = _(
    "Import months of table 12r5 (unemployed, groups, job seekers, persons in "
    "services) for the area's municipalities into DIR/statistics/YYYY-MM.csv (DIR: the "
    "data folder), from FILE or fetched from Statistics Finland's PxWeb API (--month, --since, "
    "--latest).\n\n"
    "The hand-written municipalities.yaml and commuting.yaml are never touched. "
    "Importing the same month again changes nothing; a month held with other "
    "figures needs --replace, and the changed values are listed. Every month is "
    "checked before any is written. A network failure exits with 1 and writes "
    "nothing."
)


@app.command(
    "statfin",
    help=STATFIN_HELP,
    short_help=_("Months of table 12r5, from a file or fetched."),
    cls=Command,
    options_metavar=_("[OPTIONS]"),
)
def statfin(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar=_("FILE"),
            parser=file_value,
            help=_(
                "Table 12r5 saved from Statistics Finland's PxWeb (json or json-stat2); "
                "one month or several."
            ),
            show_default=False,
        ),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            metavar=_("YYYY-MM"),
            help=_("Fetch this month from the API."),
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar=_("YYYY-MM"),
            help=_("Fetch every month from this one to the latest published."),
            show_default=False,
        ),
    ] = None,
    latest: Annotated[
        bool, typer.Option("--latest", help=_("Fetch the latest month published."))
    ] = False,
    api_url: ApiUrl = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help=_("Replace a month already held with different figures.")),
    ] = False,
    data_dir: CommandDataDir = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys import statfin`; STATFIN_HELP is its --help, in the run's language."""
    from tyollisyys_cli.area.paths import is_bundled
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.files.lock import import_lock
    from tyollisyys_cli.i18n import month as month_text
    from tyollisyys_cli.statfin.importing import ImportRefused, Skipped, describe, import_months

    sources = {_("FILE"): file is not None, "--month": month is not None}
    sources.update({"--since": since is not None, "--latest": latest})
    asked = [name for name, given in sources.items() if given]
    if len(asked) != 1:
        raise UsageProblem(
            _("give FILE, --month YYYY-MM, --since YYYY-MM or --latest (one of them)")
            if not asked
            else _("give only one of {options}").format(options=", ".join(asked))
        )
    if api_url is not None and file is not None:
        raise UsageProblem(_("--api-url is for fetching; FILE is read as it is"))
    run = state(ctx)
    data_dir = run.source().folder
    # The bundled area is the plan as published; months go into a copy of it, even when
    # --data-dir names the bundled folder itself. A folder found from the working folder
    # is the analyst's, as for every other command.
    if run.source().origin == "bundled":
        raise UsageProblem(
            _(
                "import writes into a data directory: give --data-dir DIR (or set "
                "TYOLLISYYS_DATA_DIR, or run it in the area's folder); the bundled data is "
                "not changed, but `tyollisyys init DIR --example` copies it into a folder "
                "of your own"
            )
        )
    if is_bundled(data_dir):
        raise UsageProblem(
            _(
                "{folder} is the bundled data, which import does not change: copy it into a "
                "folder of your own with `tyollisyys init DIR --example` and import into that"
            ).format(folder=data_dir)
        )

    def waiting() -> None:
        note = _("waiting for another import into {folder} to finish").format(folder=data_dir)
        typer.echo(_("note: {message}").format(message=note), err=True)

    # Another import of this folder waits until this one has written its months, then
    # reads them (and is refused without --replace if its figures differ).
    with import_lock(data_dir, waiting):
        area = _held_area(run)
        if file is not None:
            from tyollisyys_cli.statfin.document import read_exports

            exports = read_exports(file)
        else:
            codes = [m.code for m in area.plan.municipalities]
            exports = fetch_exports(
                api_url,
                codes,
                month=_month(month, "--month"),
                since=_month(since, "--since"),
                latest=latest,
            )
        held = {s.month: s.rows for s in area.snapshots}
        try:
            results = import_months(
                data_dir=data_dir, plan=area.plan, held=held, exports=exports, replace=replace
            )
        except ImportRefused as exc:
            refused = str(exc)
            if len(exports) > 1:  # (it read as if the other months had gone in)
                refused += "\n" + _(
                    "Nothing was written: the months {months} are imported together or not at all."
                ).format(months=", ".join(month_text(export.month) for export in exports))
            raise UsageProblem(refused) from None
    source = {export.month: export.label for export in exports}
    for result in results:
        if isinstance(result, Skipped):
            typer.echo(
                _("{month} skipped: {reason}.").format(
                    month=month_text(result.month), reason=result.reason
                )
            )
            continue
        count = result.municipalities
        names = {
            "month": month_text(result.month),
            "area": area.name,
            "municipalities": ngettext(
                "{count} municipality", "{count} municipalities", count
            ).format(count=count),
            "path": result.path,
        }
        if result.status == "unchanged":
            typer.echo(
                _(
                    "{month} for {area} ({municipalities}) is already held with the "
                    "same figures in {path}; nothing changed."
                ).format(**names)
            )
        elif result.status == "added":
            typer.echo(
                _(
                    "Imported {month} for {area} ({municipalities}) from {source} into {path}."
                ).format(source=source[result.month], **names)
            )
        else:
            changed = len(result.changes)
            typer.echo(
                ngettext(
                    "Replaced {month} for {area} ({municipalities}) in {path} from "
                    "{source}; {changed} value changed:",
                    "Replaced {month} for {area} ({municipalities}) in {path} from "
                    "{source}; {changed} values changed:",
                    changed,
                ).format(source=source[result.month], changed=changed, **names)
            )
            for change in result.changes:
                typer.echo(f"  {describe(change)}")
    _say_months_not_held(area, results, run.source())


def _say_months_not_held(
    area: Area, results: list[ImportResult | Skipped], source: DataSource
) -> None:
    """A note of the months between the imported ones that are not held (a monthly
    `--latest` run missed one: the gap stayed, and nothing said so), with the import that
    fetches them; said on every import until they are held."""
    import shlex

    from tyollisyys_cli.core.trend import months_not_held
    from tyollisyys_cli.i18n import month as month_text
    from tyollisyys_cli.statfin.importing import Skipped

    imported = {key.partition("/")[2] for key in area.files if key.startswith("statistics/")}
    imported.update(result.month for result in results if not isinstance(result, Skipped))
    if not imported:
        return
    # (the plan's own month, held in municipalities.yaml, among them: not missing)
    held = imported | {m for m in area.months if min(imported) <= m <= max(imported)}
    gaps = months_not_held(sorted(held))
    if not gaps:
        return
    folder = f"--data-dir {shlex.quote(str(source.folder))} " if source.origin == "option" else ""
    shown = ", ".join(
        month_text(first) if first == last else f"{month_text(first)} – {month_text(last)}"
        for first, last in gaps
    )
    first = gaps[0][0]
    if len(gaps) == 1 and gaps[0][0] == gaps[0][1]:
        note = _(
            "months between those imported are not held: {gaps}; `tyollisyys {folder}import "
            "statfin --month {first}` fetches it"
        ).format(gaps=shown, folder=folder, first=first)
    else:
        note = _(
            "months between those imported are not held: {gaps}; `tyollisyys {folder}import "
            "statfin --since {first}` fetches every month from the first of them (a month "
            "held that Statistics Finland has since revised is refused, with its changes)"
        ).format(gaps=shown, folder=folder, first=first)
    typer.echo(_("note: {message}").format(message=note), err=True)


def _month(value: str | None, option: str) -> str | None:
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.models.parsing import as_month, month_hint
    from tyollisyys_cli.statfin.metadata import ASKED_MONTH

    if value is not None and not ASKED_MONTH.fullmatch(as_month(value)):
        raise UsageProblem(
            _(
                "{option} expects a month as YYYY-MM or M/YYYY (such as 2026-06 or 6/2026), "
                "not {value!r}"
            ).format(option=option, value=value)
            + month_hint(as_month(value))  # (13.2023: no month 13, as --month of a table)
        )
    return None if value is None else as_month(value)


def fetch_exports(
    api_url: str | None,
    municipalities: list[str],
    *,
    month: str | None = None,
    since: str | None = None,
    latest: bool = False,
    by_hand: str = "",
) -> list[Export12r5]:
    """The months asked for, fetched from the API; failures become exit codes.

    A network or service failure prints one line and exits with 1; a bad URL or a
    month not published is a usage problem (2). `by_hand`: the command that takes the
    table downloaded by hand, for the advice after a failure (default: import statfin).
    """
    import sys

    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.statfin import api
    from tyollisyys_cli.statfin.metadata import TableChanged

    from_environment = os.environ.get(api.ENV_URL)
    # (`--api-url ""`, an unset variable of a script's: refused, not the real service)
    url = api_url if api_url is not None else from_environment or api.DEFAULT_URL
    given_by = "--api-url" if api_url is not None else api.ENV_URL if from_environment else ""
    try:
        client = api.Client(
            url=api.check_url(url, where=given_by or "--api-url"),
            given_by=given_by,
            timeout=_timeout(),
            backoff=api.BACKOFF_SECONDS,
            progress=progress_bar(sys.stderr),
            tell=_note_on(sys.stderr) if sys.stderr.isatty() else None,  # (a log: one line)
            by_hand=by_hand,
        )
        metadata = client.metadata()
        codes = metadata.select_months(month=month, since=since, latest=latest)
        first = metadata.months[0]  # (select_months refuses a table of none)
        if since is not None and f"{since[:4]}M{since[5:]}" < first:
            # (--since before the table's first month: fetched from it without a word)
            note = _("table 12r5 begins at {first}: the months from it are fetched").format(
                first=f"{first[:4]}-{first[5:]}"
            )
            typer.echo(_("note: {message}").format(message=note), err=True)
        return client.fetch(metadata, municipalities=municipalities, months=codes)
    except api.BadApiUrl as exc:
        raise UsageProblem(str(exc)) from None
    except (api.FetchFailed, TableChanged) as exc:
        typer.echo(_("error: {message}").format(message=exc), err=True)
        raise typer.Exit(1) from None


def _held_area(run: State) -> Area:
    """The area the months are imported into; when a month file of it does not load, the
    problems end with how an import mends that file."""
    from tyollisyys_cli.errors import DataErrors

    try:
        return run.area()
    except DataErrors as exc:
        months = sorted({e.file.name for e in exc.errors if _is_month_file(e.file)})
        if months:
            exc.hint = _(
                "A month file that does not load can be moved away (or restored from "
                "version control) and its month imported again: {files}"
            ).format(files=", ".join(months))
        raise


def _is_month_file(path: Path) -> bool:
    """Whether `path` is a month file of an area: `statistics/*.csv` beside the area's
    municipalities.yaml (a data folder may itself be named statistics)."""
    from tyollisyys_cli.area.paths import MARKER, STATISTICS_DIR

    folder = path.parent
    return (
        path.suffix.lower() == ".csv"
        and folder.name == STATISTICS_DIR
        and not folder.is_symlink()  # (another checkout's folder: its files are not ours)
        and (folder.parent / MARKER).is_file()
    )


def _timeout() -> float:
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.statfin.api import DEFAULT_TIMEOUT, ENV_TIMEOUT

    text = os.environ.get(ENV_TIMEOUT)
    if not text:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text) if "_" not in text else -1.0  # (`1_0`: refused, as in files)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 3600:
        raise UsageProblem(
            _(
                "{variable} expects seconds more than 0 and less than 3600 (such as 30), "
                "not {value!r}"
            ).format(variable=ENV_TIMEOUT, value=text)
        )
    return seconds


def _note_on(stream: TextIO) -> Callable[[str], None]:
    """A note on the terminal `stream`, on a line of its own (a progress bar's line
    cleared first): a person waiting minutes in silence took the run for hung; a log
    gets the failure's one line."""

    def note(message: str) -> None:
        stream.write("\r\x1b[K" + _("note: {message}").format(message=message) + "\n")
        stream.flush()

    return note


def progress_bar(stream: TextIO) -> Callable[[int, int], None] | None:
    """A progress bar on `stream` when it is a terminal; nothing otherwise."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        filled = round(20 * done / total)
        bar = "#" * filled + " " * (20 - filled)
        stream.write(
            "\r"
            + _("Fetching table 12r5 [{bar}] {done}/{total}").format(
                bar=bar, done=done, total=total
            )
        )
        if done == total:
            stream.write("\n")
        stream.flush()

    return show

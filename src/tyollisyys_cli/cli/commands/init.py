"""`tyollisyys init DIR --area NAME [--from FILE]`: a data directory for any area."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyollisyys_cli.cli.options import CommandDebug, CommandLang, file_value, folder_value
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.errors import escaped, home_folder_to_make
from tyollisyys_cli.i18n import _, month, ngettext

if TYPE_CHECKING:
    from tyollisyys_cli.area.dataset import Area
    from tyollisyys_cli.statfin.pxweb import Export12r5

HELP = _(
    "Create a data directory for any employment area of Finland: "
    "municipalities.yaml with the area's municipalities (code, name, region), the "
    "month of the 12r5 file as the reference month and empty target, staffing and "
    "offices to fill in (with a commented example of each), commuting.example.yaml "
    "(a commented template), the JSON Schemas the YAML files name in their first "
    "line (schemas/), plus statistics/YYYY-MM.csv from the file, or from the latest "
    "month of Statistics Finland's PxWeb API when no --from is given (a network "
    "failure exits with 1).\n\n"
    "A new directory is built whole and then put in place, and into an empty one the "
    "files are moved together: an interrupted init leaves nothing half-made. A "
    "directory that holds other files is refused unless --force.\n\n"
    "The responsible municipality is proposed as the one with the largest labour "
    "force; confirm it in municipalities.yaml.\n\n"
    "--example copies the bundled Kainuu–Koillismaa plan instead, into a folder of your "
    "own to import months into and try the tool on."
)


def init(
    ctx: typer.Context,
    directory: Annotated[
        Path,
        typer.Argument(
            metavar=_("DIR"),
            parser=folder_value,
            help=_("New data directory to create."),
            show_default=False,
        ),
    ],
    area_name: Annotated[
        str | None,
        typer.Option(
            "--area",
            metavar=_("NAME"),
            help=_(
                "Employment area: its name (any case, ä/ö optional) or its code. Required "
                "unless --example is given."
            ),
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar=_("FILE"),
            parser=file_value,
            help=_(
                "Table 12r5 saved from Statistics Finland's PxWeb (json or json-stat2): its "
                "latest month (import the others after); without it the latest month is "
                "fetched from the API."
            ),
            show_default=False,
        ),
    ] = None,
    api_url: Annotated[
        str | None,
        typer.Option(
            "--api-url",
            metavar="URL",
            help=_(
                "Address of table 12r5 in a PxWeb API (default: TYOLLISYYS_STATFIN_URL, "
                "else Statistics Finland's service)."
            ),
            show_default=False,
        ),
    ] = None,
    example: Annotated[
        bool,
        typer.Option(
            "--example",
            help=_(
                "Copy the bundled Kainuu–Koillismaa plan (municipalities.yaml, "
                "commuting.yaml and their schemas) instead of making a new area."
            ),
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_(
                "Write into a directory that holds other files (never replacing or deleting any)."
            ),
        ),
    ] = False,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys init`; HELP is its --help, in the run's language."""
    state(ctx)  # (for --debug given after the command)
    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.reference.classification import find_employment_area
    from tyollisyys_cli.statfin.document import read_exports
    from tyollisyys_cli.statfin.scaffold import DirectoryInUse, held_entries, init_area

    _refuse_what_is_in_the_way(directory)
    # A link to a folder: the area is made in that folder (the link stays), and messages
    # name the link as the user gave it.
    written = Path(os.path.realpath(directory)) if directory.is_symlink() else directory

    def as_given(text: str) -> str:
        """`text` naming the folder as the user gave it, its odd bytes written out."""
        return escaped(text.replace(str(written), str(directory)) if written != directory else text)

    if example:
        if area_name is not None or source is not None or api_url is not None:
            raise UsageProblem(
                _("--example copies the bundled plan: it takes no --area, --from or --api-url")
            )
        _copy_example(directory, written, force=force, as_given=as_given)
        return
    if area_name is None:
        raise UsageProblem(
            _("give the employment area: --area NAME (or --example, for the bundled plan)")
        )
    if api_url is not None and source is not None:
        raise UsageProblem(_("--api-url is for fetching; the --from file is read as it is"))
    area = find_employment_area(area_name)
    if written.is_dir():  # (before the statistics are fetched)
        try:
            held_entries(written, force=force)
        except DirectoryInUse as exc:
            raise UsageProblem(as_given(str(exc))) from None
    others: list[Export12r5] = []
    if source is not None:
        # (a file of several months: the area starts from the latest, as when fetched,
        # and the others are imported into it; it was refused, "export one month")
        *others, export = sorted(read_exports(source), key=lambda held: held.month)
    else:
        from tyollisyys_cli.cli.commands.importing import fetch_exports

        codes = [municipality.code for municipality in area.municipalities]
        by_hand = _("tyollisyys init {folder} --area {area} --from FILE").format(
            folder=shlex.quote(str(directory)), area=shlex.quote(area_name)
        )
        export = fetch_exports(api_url, codes, latest=True, by_hand=by_hand)[0]
    try:
        result = init_area(written, area, export, force=force)
    except DirectoryInUse as exc:
        raise UsageProblem(as_given(str(exc))) from None
    code, name = result.responsible
    count = len(area.municipalities)
    typer.echo(
        ngettext(
            "Created {path} for {area} (area {code}, {count} municipality, statistics of {month}).",
            "Created {path} for {area} (area {code}, {count} municipalities, statistics of "
            "{month}).",
            count,
        ).format(
            path=as_given(str(directory)),
            area=area.name,
            code=area.code,
            count=count,
            month=month(result.month),
        )
    )
    for path in result.files:
        typer.echo(as_given(f"  {path}"))
    if result.kept:
        typer.echo(_("Already there, left as they were:"))
        for path in result.kept:
            typer.echo(as_given(f"  {path}"))
    # What was written loads as it is; beside what was there (--force) it may not: said
    # after what was written, which the error does not undo.
    made = load_area(written)
    typer.echo(
        _(
            "Responsible municipality proposed: {name} ({code}), the largest labour force; "
            "confirm it in municipalities.yaml. Fill in targets and staffing there."
        ).format(name=name, code=code)
    )

    if others:
        _say_how_to_import(others, source, (directory, written), made, as_given)
    command = f"tyollisyys --data-dir {shlex.quote(str(directory))} unemployment"
    typer.echo(_("Try: {command}").format(command=command))


def _say_how_to_import(
    others: list[Export12r5],
    source: Path | None,
    folders: tuple[Path, Path],
    made: Area,
    as_given: Callable[[str], str],
) -> None:
    """The command that imports the file's other months, or why it would not: each is
    checked as the import checks it (the command printed failed on a month that lacked
    a municipality's row, or held more unemployed than its labour force)."""
    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.statfin.importing import ImportRefused, prepare_month

    given, written = folders  # (as the user gave it, and where it was written)
    months = ", ".join(month(held.month) for held in others)
    # (against what the folder holds: with --force, a month may be there already)
    rows = {snapshot.month: snapshot.rows for snapshot in made.snapshots}
    for held in others:
        try:
            prepare_month(
                data_dir=written,
                plan=made.plan,
                held=rows.get(held.month),
                export=held,
                replace=False,
            )
        except (DataErrors, ImportRefused) as exc:
            problem = str(exc).splitlines()[0]
            if problem.endswith(":"):  # (the list of values that would change left out)
                problem = problem.rsplit(". ", 1)[0] + "."
            if isinstance(exc, DataErrors):  # (its first, with the field it is of)
                first = exc.errors[0]
                problem = str(first).removeprefix(f"{first.location()}: ")
            typer.echo(
                _("The file's other months ({months}) cannot be imported: {problem}").format(
                    months=months, problem=problem
                )
            )
            return

    def argument(path: Path | None) -> str:
        """`path` as a shell takes it, never as an option (`./-m.json`)."""
        name = str(path)
        return shlex.quote(f"./{name}" if name.startswith("-") else name)

    command = f"tyollisyys --data-dir {argument(given)} import statfin {argument(source)}"
    typer.echo(
        _("The file's other months ({months}) are imported with: {command}").format(
            months=months, command=as_given(command)
        )
    )


def _copy_example(
    directory: Path, written: Path, *, force: bool, as_given: Callable[[str], str]
) -> None:
    """`init DIR --example`: the bundled plan in a folder of the analyst's own."""
    from tyollisyys_cli.area.load import load_area
    from tyollisyys_cli.area.paths import bundled_data_dir
    from tyollisyys_cli.cli.errors import UsageProblem
    from tyollisyys_cli.statfin.scaffold import DirectoryInUse, copy_example

    try:
        files, kept = copy_example(written, force=force)
    except DirectoryInUse as exc:
        raise UsageProblem(as_given(str(exc))) from None
    typer.echo(
        _("Created {path} with a copy of the bundled plan of {area}:").format(
            path=as_given(str(directory)), area=load_area(bundled_data_dir()).name
        )
    )
    for path in files:
        typer.echo(as_given(f"  {path}"))
    if kept:
        typer.echo(_("Already there, left as they were:"))
        for path in kept:
            typer.echo(as_given(f"  {path}"))
    load_area(written)  # (as init: said after what was written)
    folder = shlex.quote(str(directory))
    typer.echo(
        _("Import a month into it: {command}").format(
            command=f"tyollisyys --data-dir {folder} import statfin {_('FILE')}"
        )
    )
    typer.echo(_("Try: {command}").format(command=f"tyollisyys --data-dir {folder} caseload"))


def _refuse_what_is_in_the_way(directory: Path) -> None:
    """A usage problem where `directory` starts with a `~` that a shell did not expand
    (it would make a folder `~` here), or where it, or a folder above it, is a link to
    nothing or not a folder: it could be neither made nor written (`cannot make the folder DIR:
    File exists`, exit 1, was all a link to nothing above it got)."""
    from tyollisyys_cli.cli.errors import UsageProblem

    unexpanded = home_folder_to_make(directory)
    if unexpanded is not None:
        raise UsageProblem(unexpanded)
    for path in (directory, *directory.parents):
        if path.is_symlink() and not path.exists():
            raise UsageProblem(_broken_link(path))
        if path.exists():
            if path.is_dir():
                return
            if path == directory:
                raise UsageProblem(_("{path} exists and is not a directory").format(path=path))
            raise UsageProblem(
                _("{path} is not a folder: {directory} cannot be made in it").format(
                    path=path, directory=directory
                )
            )


def _broken_link(path: Path) -> str:
    """`new is a link to …`: the link `path`, where a folder is to be, leads nowhere."""
    from tyollisyys_cli.files.text import folder_link_problem

    return f"{path} {folder_link_problem(path)}"

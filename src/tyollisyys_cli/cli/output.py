"""Sending a table to the user in the chosen format.

`emit` is what every command calls: it picks the renderer from the registry
(`tyollisyys_cli.render.registry`) by `--format`, adds what the run knows to the
table's metadata (tool version, area, options used), and writes to standard output or,
atomically, to `--output`. The table view is styled only on a terminal, without colour
when NO_COLOR is set, and plain text (no escape codes) anywhere else.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
import sys
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

from tyollisyys_cli.cli.errors import UsageProblem
from tyollisyys_cli.errors import DEVICE_ERRORS, system_reason
from tyollisyys_cli.i18n import _, every_digit

if TYPE_CHECKING:
    from rich.console import Console

    from tyollisyys_cli.cli.state import State
    from tyollisyys_cli.core.clients import ClientBase
    from tyollisyys_cli.render.model import TableData

#: Width used when standard output is not a terminal and COLUMNS is not set, so that
#: tables written to files or pipes are not folded to 80 columns.
PIPE_WIDTH = 200

#: Command parameters that say where and how to write, not what was computed.
OUTPUT_PARAMETERS = frozenset({"fmt", "output", "excel", "wide"})


def color_allowed() -> bool:
    """False when NO_COLOR is set to a non-empty value (https://no-color.org), or
    FORCE_COLOR to 0 or false."""
    forced = os.environ.get("FORCE_COLOR", "").strip().lower()
    return not os.environ.get("NO_COLOR") and forced not in {"0", "false"}


def color_forced() -> bool:
    """Whether FORCE_COLOR asks for styles and colour off a terminal (any value but
    empty, 0 or false: https://force-color.org), as CI logs that show colour do."""
    return os.environ.get("FORCE_COLOR", "").strip().lower() not in {"", "0", "false"}


def pipe_width() -> int | None:
    """The table width off a terminal: COLUMNS if set to a width (None: read from it),
    else PIPE_WIDTH (also for a COLUMNS that is no width, such as `0` or `abc`)."""
    columns = os.environ.get("COLUMNS", "").strip()
    return None if columns.isdigit() and int(columns) > 0 else PIPE_WIDTH


def text_width(terminal: bool | None = None) -> int:
    """The width of tables and text for people: the terminal's (COLUMNS if set), else off a
    terminal (`terminal` false; by default whether standard output is one) the width of
    piped tables; never below `MIN_WIDTH` (the terminal wraps what does not fit)."""
    import shutil

    from tyollisyys_cli.render.wrap import MIN_WIDTH

    if terminal is None:
        terminal = sys.stdout.isatty()
    width = None if terminal else pipe_width()
    return max(width or shutil.get_terminal_size().columns, MIN_WIDTH)


def console() -> Console:
    """A rich console that honours NO_COLOR and writes plain text when not on a terminal."""
    from rich.console import Console

    stdout = sys.stdout
    if (getattr(stdout, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8":
        # As every output of the tool: UTF-8, whatever the locale (`PYTHONIOENCODING=ascii`
        # failed a terminal's `check` on its first `–`).
        with contextlib.suppress(AttributeError, ValueError):
            stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # (a TextIOWrapper)
    return Console(
        width=text_width(), no_color=not color_allowed(), highlight=False, soft_wrap=False
    )


@contextlib.contextmanager
def write_atomically(
    output: Path, inputs: Iterable[Path] = (), data_dir: Path | None = None
) -> Iterator[BinaryIO]:
    """`atomic.atomic_write` with its failures as usage problems (exit 2, a message),
    except those of the device (a full disk: exit 1). `output` may not be one of the
    `inputs` (the data files the run read): it would replace what the user wrote; nor a
    file that runs would read from `data_dir`: every later run would fail on it.

    A run terminated (SIGTERM) while writing still removes its temporary file (the
    command runs under `cli.group.terminated_as_exit`).
    """
    from tyollisyys_cli.files.atomic import DeviceError, OutputError, atomic_write

    for path in inputs:
        with contextlib.suppress(OSError):  # (no file at `output` yet: not one of them)
            if os.path.samefile(output, path):
                message = (
                    _("it is a data file this run reads")
                    if Path(output) == path
                    else _("it is {path}, a data file this run reads").format(path=path)
                )
                raise UsageProblem(
                    _("cannot write {output}: {reason}; choose another name for the output").format(
                        output=output, reason=message
                    )
                )
    if data_dir is not None:
        from tyollisyys_cli.area.paths import data_folder_reading, marks_an_area

        if marks_an_area(Path(output)):
            raise UsageProblem(
                _(
                    "cannot write {output}: runs in its folder would take that folder for an "
                    "area's data; choose another name for the output"
                ).format(output=output)
            )
        folder = data_folder_reading(Path(output), data_dir)
        if folder is not None:
            raise UsageProblem(
                _(
                    "cannot write {output}: runs read it as a data file of {folder}; choose "
                    "another name for the output"
                ).format(output=output, folder=folder)
            )
    try:
        with atomic_write(output) as stream:
            yield stream
    except DeviceError:
        raise
    except OutputError as error:
        raise UsageProblem(str(error)) from None


def _path_text(path: Any) -> str:
    """A path as text that any output can hold (a name that is not UTF-8 shows `\\xff`)."""
    from tyollisyys_cli.errors import escaped

    return escaped(str(path))


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return _path_text(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def run_metadata(state: State | None = None) -> dict[str, Any]:
    """What the current run knows beyond the table: tool, command, area, options used
    (only the tool outside a command)."""
    from tyollisyys_cli import __version__

    metadata: dict[str, Any] = {"tool": "tyollisyys", "tool_version": __version__}
    if state is None or state.command is None:
        return metadata
    metadata["command"] = state.command
    # Only an area the command has loaded already: emitting never loads data itself.
    area = state.loaded_area
    if area is not None:
        metadata["area"] = area.name
        metadata["area_code"] = area.plan.area.code
        metadata["plan_month"] = area.plan.area.reference_month
    options = {k: _plain(v) for k, v in state.values.items() if k not in OUTPUT_PARAMETERS}
    if state.data_dir is not None:
        options["data_dir"] = _path_text(state.data_dir)
    metadata["options"] = options
    if area is not None:
        metadata["data_sources"] = dict(area.plan.area.sources)
        source = state.source()
        # (not the bundled example's: its path is where the tool was installed, which a
        # file sent on would tell, the user's home folder among it)
        bundled = source.origin == "bundled"
        metadata["data"] = {
            "folder": None if bundled else _path_text(source.folder),
            "chosen_by": source.origin,
            "description": source.describe(),
        }
    return metadata


def _month_source(state: State | None, month: object) -> str | None:
    """The source of the statistics of `month` (a table's month), as its file names it."""
    area = None if state is None else state.loaded_area
    if area is None or not isinstance(month, str):
        return None
    try:
        return area.snapshot(month).source
    except LookupError:  # (a table's month is one held)
        return None


def name_month_source(metadata: dict[str, Any], state: State | None) -> None:
    """`data_sources.statistics_of_month` in `metadata`: the source of its month's
    statistics, where that is not the plan's table (an imported month)."""
    sources = metadata.get("data_sources")
    month_source = _month_source(state, metadata.get("month"))
    if isinstance(sources, dict) and month_source not in (None, sources.get("statistics")):
        metadata["data_sources"] = {**sources, "statistics_of_month": month_source}


def with_run_metadata(table: TableData, state: State | None = None) -> TableData:
    """The table with the run's metadata added (the table's own keys win)."""
    metadata = run_metadata(state)
    options = metadata.pop("options", None)
    sources = metadata.pop("data_sources", None)
    metadata.update(table.metadata)
    if options is not None:
        metadata.setdefault("options", options)
    if sources is not None:
        metadata.setdefault("data_sources", sources)
        name_month_source(metadata, state)
    data = metadata.get("data")
    caption = (
        _("Data: {description}").format(description=data["description"]) if data else table.caption
    )
    return dataclasses.replace(table, metadata=metadata, caption=caption)


@contextlib.contextmanager
def _stdout_errors(stream: BinaryIO) -> Iterator[None]:
    """A full disk (or quota, or an I/O error) under standard output as an `OutputError`.

    What could not be written is dropped, so that the interpreter does not try again
    (and fail again) when it flushes standard output at exit.
    """
    from tyollisyys_cli.files.atomic import OutputError

    try:
        yield
    except OSError as error:
        if error.errno not in DEVICE_ERRORS:
            raise  # (a closed one among them: `cli.errors.report` says so, as for --help)
        _discard(stream)
        raise OutputError(
            _("cannot write to standard output: {reason}").format(reason=system_reason(error))
        ) from None


def write_stdout(text: str) -> None:
    """`text` on standard output in UTF-8, as every output of the tool is, whatever
    encoding the locale gives the stream (`PYTHONIOENCODING=ascii` cannot fail a run)."""
    stream, _terminal = _stdout_binary()
    with _stdout_errors(stream):
        stream.write(text.encode("utf-8"))
        stream.flush()


def _discard(stream: BinaryIO) -> None:
    """Drop what standard output still holds: its file descriptor goes to /dev/null."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def onto_a_terminal(output: Path) -> bool:
    """Whether `output` names a terminal: a descriptor of this run that is one (`-o
    /dev/stdout` at a prompt), or one by its own name (`/dev/tty`): a binary file there
    is refused as for `-o -`; it wrote a workbook's bytes onto the screen."""
    from tyollisyys_cli.files.atomic import OutputError, followed

    try:
        path, descriptor = followed(output)
        if descriptor is not None:
            return os.isatty(descriptor)
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        # (a terminal by its own name, /dev/tty or /dev/pts/N: asked without taking it)
        opened = os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except (OutputError, OSError):  # (said when the output is written)
        return False
    try:
        return os.isatty(opened)
    finally:
        os.close(opened)


def _stdout_binary() -> tuple[BinaryIO, bool]:
    """Standard output as a binary stream, and whether it is a terminal."""
    stdout = cast(IO[str], sys.stdout)
    stdout.flush()
    is_terminal = stdout.isatty()
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text-only stream (e.g. contextlib.redirect_stdout)
        import codecs
        import io

        decoder = codecs.getincrementaldecoder("utf-8")()

        class _TextBridge(io.RawIOBase):
            def writable(self) -> bool:
                return True

            def write(self, data: Any) -> int:
                stdout.write(decoder.decode(bytes(data)))
                return len(data)

        return cast(BinaryIO, _TextBridge()), is_terminal
    from tyollisyys_cli.files.atomic import whole_writes

    return whole_writes(cast(BinaryIO, buffer)), is_terminal


#: The data format a file's name asks for: a table for people is never written into a
#: file named `.csv`, `.json`, `.md` or `.xlsx` (`-o caseload.xlsx` writes a workbook).
SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".md": "markdown", ".xlsx": "xlsx"}
#: Names of formats the tool never writes, each with the name a table command suggests
#: instead: `-o plan.xls` would be a text table that no spreadsheet opens.
FOREIGN_SUFFIXES = {
    **dict.fromkeys((".xls", ".xlsm", ".xlsb", ".ods"), ".xlsx"),
    **dict.fromkeys((".pdf", ".doc", ".docx", ".odt", ".rtf", ".html", ".htm"), ".md"),
    ".tsv": ".csv",
}


def refuse_other_format(output: Path, *suffixes: str) -> None:
    """A command that writes one format (`export` a workbook, `report` a page) refuses a
    name that asks for another (`-o plan.csv`): a usage error, not a file of the wrong
    kind under a name that says otherwise. A name of no known format is taken; the first
    of `suffixes` is the one suggested."""
    asked = output.suffix.casefold()
    if asked not in suffixes and asked in {*SUFFIX_FORMATS, *FOREIGN_SUFFIXES, ".html", ".htm"}:
        message = _("{path} names a {asked} file, but this command writes {suffix}; name it {name}")
        if asked == ".pdf" and suffixes[0] == ".html":  # (the report: a page to print)
            message += _("; for a PDF, print the page from a browser")
        raise UsageProblem(
            message.format(
                path=output,
                asked=asked,
                suffix=suffixes[0],
                name=output.with_suffix(suffixes[0]).name,
            )
        )


def refuse_named_otherwise(fmt: str, output: Path | None, formats: Collection[str]) -> None:
    """A --format given with an -o whose name asks for another format (`-f csv -o
    t.xlsx`, `-f table -o t.xlsx`, `-f csv -o t.xls`) is a usage error: such a file is
    of one format under the name of another, which no program opens as named. A name of
    no known format (`t.txt`, `t`) takes any; a format not among the command's `formats`
    is left for the command to refuse as unknown."""
    fmt = fmt.casefold()
    if output is None or str(output) == "-" or fmt not in formats:
        return
    asked = output.suffix.casefold()
    if SUFFIX_FORMATS.get(asked) == fmt or (
        asked not in SUFFIX_FORMATS and asked not in FOREIGN_SUFFIXES
    ):
        return
    message = (
        _(
            "{path} names a {asked} file, but --format {format} was given; name it {name}, "
            "or leave --format out"
        )
        # (without --format, the name's own format is written, where the command has it)
        if SUFFIX_FORMATS.get(asked, "") in formats
        else _("{path} names a {asked} file, but --format {format} was given; name it {name}")
    )
    suffix = {format: suffix for suffix, format in SUFFIX_FORMATS.items()}.get(fmt, ".txt")
    raise UsageProblem(
        message.format(path=output, asked=asked, format=fmt, name=output.with_suffix(suffix).name)
    )


def format_for(
    fmt: str, output: Path | None, *, for_people: str = "table", formats: Iterable[str] = ()
) -> str:
    """`fmt`, or the data format `output`'s name asks for when `fmt` is the default one
    for people (`table`, or `text` for `check`, whose `formats` are fewer). Called only
    when no --format was given. A name of a format the tool does not write (`.xls`,
    `.pdf`) is refused for a table."""
    if output is not None and for_people == "table":
        foreign = FOREIGN_SUFFIXES.get(output.suffix.casefold())
        if foreign is not None:
            message = _(
                "{path} names a {asked} file, which a table is not written as; name it "
                "{name} (a table is written as .csv, .json, .md, .xlsx or text)"
            ).format(
                path=output, asked=output.suffix.casefold(), name=output.with_suffix(foreign).name
            )
            if output.suffix.casefold() in {".html", ".htm"}:  # (a page may be what was meant)
                message += _("; a page for decision makers: tyollisyys report -o {path}").format(
                    path=output
                )
            raise UsageProblem(message)
    asked = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if fmt != for_people or asked is None or (formats and asked not in formats):
        return fmt
    return asked


def emit(
    table: TableData,
    fmt: str = "table",
    output: Path | None = None,
    *,
    excel: bool = False,
    wide: bool = False,
    state: State | None = None,
    inputs: Iterable[Path] = (),
) -> None:
    """Write `table` in format `fmt` to `output` (standard output when None or `-`);
    `wide` keeps every column of the table view. `output` may be none of the files the
    run read: the area's, and `inputs` (a scenario file)."""
    # (Imported here, not at the top: every command module imports this one, and
    # `check` renders no table.)
    from tyollisyys_cli.render.model import RenderOptions
    from tyollisyys_cli.render.registry import FormatUnavailable, UnknownFormat, renderer

    if state is None or "fmt" not in state.given:
        fmt = format_for(fmt, output)
    else:
        from tyollisyys_cli.render.registry import FORMATS

        refuse_named_otherwise(fmt, output, FORMATS)
    try:
        chosen = renderer(fmt)
        chosen.check_available()
    except (UnknownFormat, FormatUnavailable) as error:
        raise UsageProblem(str(error)) from None
    if excel and not chosen.excel_flavour:
        problem = _("--excel applies to --format csv, not {format}").format(format=chosen.name)
        if chosen.name == "table" and (state is None or "fmt" not in state.given):
            # (no format asked for, by option or by the output's name: say how)
            problem += _("; add --format csv (or -f csv)")
        raise UsageProblem(problem)
    if wide and chosen.name != "table":
        raise UsageProblem(
            _("--wide applies to --format table, not {format}").format(format=chosen.name)
        )
    if chosen.binary and (output is None or str(output) == "-" or onto_a_terminal(output)):
        raise UsageProblem(
            _(
                "--format {format} writes a binary file: give it a name with --output, "
                "e.g. --output {name}.{format}"
            ).format(format=chosen.name, name=table.name)
        )
    if output is not None and str(output) == "-":
        output = None
    table = with_run_metadata(table, state)

    def say_notes() -> None:  # (once the output is sure to be written: else only why not)
        if state is not None:
            state.say_notes()
        if excel:
            from tyollisyys_cli.render.csv_out import lost_in_spreadsheets

            for warning in lost_in_spreadsheets(table):
                sys.stderr.write(_("note: {message}").format(message=warning) + "\n")

    if output is None:
        stream, is_terminal = _stdout_binary()
        options = RenderOptions(
            excel=excel,
            terminal=is_terminal or color_forced(),
            color=color_allowed(),
            width=text_width(is_terminal),
            wide=wide,
        )
        say_notes()
        with _stdout_errors(stream):
            chosen.write(table, stream, options)
            stream.flush()
        return
    read = [*(state.loaded_area.files.values() if state and state.loaded_area else ()), *inputs]
    folder = state.source().folder if state and state.loaded_area else None
    with write_atomically(output, read, folder) as stream:
        say_notes()
        chosen.write(table, stream, RenderOptions(excel=excel, width=text_width(False), wide=wide))
    # As export, report and check say what they wrote (on standard error: scripts read
    # the file).
    sys.stderr.write(_("wrote the table to {path}").format(path=_path_text(output)) + "\n")


def scales_all_job_seekers(factor: float) -> str:
    """The note on --clients-per-unemployed over all job seekers."""
    return _(
        "--clients-per-unemployed {factor} scales all job seekers here, who already count "
        "more than the unemployed"
    ).format(factor=every_digit(factor))


def client_base_option(kind: str, factor: float, run: State) -> ClientBase:
    """The client base chosen by --client-base and --clients-per-unemployed (a note for
    the run when the factor scales all job seekers)."""
    from tyollisyys_cli.core.clients import ClientBase

    if kind == "unemployed":  # (in any case: options.one_of)
        return ClientBase("unemployed", factor)
    if kind == "job-seekers":
        if factor != 1:  # (the factor the plan's statements imply is over the unemployed)
            run.notes.append(scales_all_job_seekers(factor))
        return ClientBase("job-seekers", factor)
    raise UsageProblem(
        _("unknown client base {kind!r}; choose unemployed or job-seekers").format(kind=kind)
    )

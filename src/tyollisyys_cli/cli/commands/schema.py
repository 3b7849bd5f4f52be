"""`tyollisyys schema`: the JSON Schema of each data file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tyollisyys_cli.cli.options import CommandDebug, CommandLang, folder_value
from tyollisyys_cli.cli.state import state
from tyollisyys_cli.errors import system_reason
from tyollisyys_cli.i18n import _


class DataFile(StrEnum):
    """The data files that have a schema."""

    municipalities = "municipalities"
    commuting = "commuting"


def data_file_value(text: str | DataFile) -> DataFile:
    """FILE as a data file's name (`municipalities`, or `municipalities.yaml` as the file
    is called); any other is a usage error that names the two (exit 2)."""
    if isinstance(text, DataFile):
        return text
    try:
        return DataFile(text.removesuffix(".yaml"))
    except ValueError:
        import difflib

        message = _("unknown file {name!r}; choose municipalities or commuting").format(name=text)
        close = difflib.get_close_matches(text.removesuffix(".yaml"), [f.value for f in DataFile])
        if close:
            message += "; " + _("did you mean {names}?").format(names=repr(close[0]))
        raise typer.BadParameter(message) from None


HELP = _(
    "Print the JSON Schema (draft 2020-12) of the data files, with the description "
    "of every field. Editors with a YAML language server use it to complete and "
    "check the files as they are typed: each bundled file names its schema in its "
    "first line."
)


def schema(
    ctx: typer.Context,
    data_file: Annotated[
        DataFile | None,
        typer.Argument(
            metavar=_("FILE"),
            parser=data_file_value,
            help=_(
                "municipalities or commuting. None: both, as one JSON object keyed by file name."
            ),
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar=_("DIR"),
            parser=folder_value,
            help=_(
                "Write <file>.schema.json into DIR instead of printing "
                "(the repository keeps them in schemas/)."
            ),
        ),
    ] = None,
    debug: CommandDebug = False,
    lang: CommandLang = None,
) -> None:
    """`tyollisyys schema`; HELP is its --help, in the run's language."""
    state(ctx)  # (for --debug given after the command)
    from tyollisyys_cli.models.schema import DATA_FILES, file_schema, schema_text

    stems = [data_file.value] if data_file is not None else list(DATA_FILES)
    if write is not None:
        import errno

        from tyollisyys_cli.cli.errors import UsageProblem
        from tyollisyys_cli.cli.output import write_atomically
        from tyollisyys_cli.errors import home_folder_to_make

        unexpanded = home_folder_to_make(write)
        if unexpanded is not None:
            raise UsageProblem(unexpanded)
        try:
            write.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file, a device or a pipe of that name
            raise UsageProblem(
                _("cannot write {path}: {reason}").format(
                    path=write, reason=_("it exists and is not a folder")
                )
            ) from None
        except OSError as error:
            if error.errno == errno.ENAMETOOLONG:
                raise  # (named as for every path)
            raise UsageProblem(
                _("cannot make the folder {path}: {reason}").format(
                    path=write, reason=system_reason(error)
                )
            ) from None
        for stem in stems:
            target = write / f"{stem}.schema.json"
            with write_atomically(target) as stream:
                stream.write(schema_text(file_schema(stem)).encode("utf-8"))
            typer.echo(_("wrote {path}").format(path=target), err=True)
        return
    from tyollisyys_cli.cli.output import write_stdout  # (whole, on any standard output)

    if data_file is not None:
        write_stdout(schema_text(file_schema(data_file.value)))
    else:
        combined = {f"{stem}.yaml": file_schema(stem) for stem in stems}
        write_stdout(schema_text(combined))

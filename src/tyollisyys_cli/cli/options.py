"""typer's view of the parameters declared in `cli.params`, and commands built from them.

`annotated(param)` is the `Annotated[type, typer.Option(...)]` typer reads;
`typer_command(command)` is a function typer can register: its signature is built
from the command's parameters, and it calls the command's body with the run's state.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any

import typer

from tyollisyys_cli.cli import params
from tyollisyys_cli.cli.params import Command, Param
from tyollisyys_cli.cli.state import state

_TYPES: dict[str, Any] = {
    "text": str,
    "texts": list[str],
    "number": float,
    "flag": bool,
    "path": Path,
    "file": Path,
    "places": list[str],
}


def annotated(param: Param) -> Any:
    """The typer annotation of `param` (optional where its default is None)."""
    python_type = _TYPES[param.kind]
    if param.default is None and not param.required:
        python_type = python_type | None
    if param.positional:
        info: Any = typer.Argument(
            metavar=param.metavar, help=param.help, show_default=param.show_default
        )
    else:
        info = typer.Option(
            *param.flags,
            metavar=param.metavar,
            help=param.help,
            min=param.minimum,
            max=param.maximum,
            show_default=param.show_default,
            envvar=param.envvar,
        )
    return Annotated[python_type, info]


def typer_command(command: Command) -> Any:
    """A function with the signature typer expects that runs `command`'s body."""

    def run(ctx: typer.Context, **values: Any) -> None:
        run_state = state(ctx)
        run_state.command = command.name
        run_state.values = values
        code = command.run(run_state, values)
        if code:
            raise typer.Exit(code)

    signature = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    signature += [
        inspect.Parameter(
            param.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=inspect.Parameter.empty if param.required else param.default,
            annotation=annotated(param),
        )
        for param in command.params
    ]
    run.__signature__ = inspect.Signature(signature)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in signature}
    run.__name__ = command.name.replace("-", "_")
    run.__qualname__ = run.__name__
    run.__doc__ = command.help
    return run


# The annotations of the commands that declare their typer signature themselves.
DataDir = annotated(params.DATA_DIR)
Debug = annotated(params.DEBUG)
Places = annotated(params.PLACES)
Month = annotated(params.MONTH)
ClientsPerUnemployed = annotated(params.CLIENTS_PER_UNEMPLOYED)
Format = annotated(params.FORMAT)
Output = annotated(params.OUTPUT)
Excel = annotated(params.EXCEL)
ClientBaseKind = annotated(params.CLIENT_BASE)
UnemployedChange = annotated(params.UNEMPLOYED_CHANGE)
TargetOverride = annotated(params.TARGET)
Pool = annotated(params.POOL)
Step = annotated(params.STEP)
AllocationMethod = annotated(params.ALLOCATION_METHOD)
IgnoreStated = annotated(params.IGNORE_STATED)

"""Running everyday command lines without importing typer.

Importing typer (and the click inside it) takes longer than the rest of a warm
`tyollisyys caseload Kuhmo` together. The commands declared with `cli.params` are
parsed here directly when the command line is plain: the global options, the command
name, the command's declared options in the spellings click accepts (`--option value`,
`--option=value`, `-f value`, `-fvalue`; the last of a repeated option wins), the
places, and `--`. Anything else returns None and typer parses the command line
instead: `--help`, `--version`, an unknown command or option, a missing value, a
number that does not parse or is out of range. So every usage message stays typer's
own, and a command line means the same on both paths: both call the same body with
the same values (the tests run command lines through both and compare).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tyollisyys_cli.cli.params import GLOBAL, Command, Param

#: A number as typer's float conversion reads it (no inf, nan or hex).
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


class _Typer(Exception):
    """The command line is not plain: leave it to typer."""


@dataclass(frozen=True)
class Parsed:
    """A plain command line: the global options, the command and its values."""

    command: Command
    values: dict[str, Any]
    data_dir: Path | None
    debug: bool


def commands() -> dict[str, Command]:
    """The commands the fast path runs, by name."""
    from tyollisyys_cli.cli.commands.allocate import ALLOCATE
    from tyollisyys_cli.cli.commands.check import CHECK
    from tyollisyys_cli.cli.commands.export import EXPORT
    from tyollisyys_cli.cli.commands.scenario import SCENARIO
    from tyollisyys_cli.cli.commands.tables import COMMANDS
    from tyollisyys_cli.cli.commands.trend import TREND

    declared = (*COMMANDS, TREND, ALLOCATE, SCENARIO, CHECK, EXPORT)
    return {command.name: command for command in declared}


def convert(param: Param, text: str) -> Any:
    """The value typer would give `param` for `text`; `_Typer` where typer must decide."""
    if param.kind == "text":
        return text
    if param.kind in ("path", "file"):
        if not text:
            raise _Typer
        return Path(text)
    if param.kind == "number":
        if not NUMBER.fullmatch(text):
            raise _Typer
        number = float(text)
        if (param.minimum is not None and number < param.minimum) or (
            param.maximum is not None and number > param.maximum
        ):
            raise _Typer
        return number
    raise _Typer  # pragma: no cover - flags and places take no option value


def _options(params: Sequence[Param]) -> dict[str, Param]:
    return {flag: param for param in params for flag in param.flags}


def _take(token: str, rest: list[str], options: dict[str, Param], values: dict[str, Any]) -> None:
    """Read one option (and its value) from `token` and, if needed, `rest`."""
    if token.startswith("--"):
        flag, has_value, attached = token.partition("=")
    else:  # -fVALUE or -f VALUE: click reads the rest of a short option as its value
        flag, attached = token[:2], token[2:]
        has_value = "=" if attached else ""
    param = options.get(flag)
    if param is None:
        raise _Typer
    if param.kind == "flag":
        if has_value:
            raise _Typer
        values[param.name] = True
        return
    if not has_value:
        if not rest:
            raise _Typer
        attached = rest.pop(0)
    if param.kind == "texts":
        values[param.name] = [*(values.get(param.name) or []), attached]
    else:
        values[param.name] = convert(param, attached)


def _place(command: Command, positionals: list[str], values: dict[str, Any]) -> None:
    """Give the positional arguments to the command's file and places parameters."""
    for param in command.params:
        if param.kind == "file" and positionals:
            values[param.name] = convert(param, positionals.pop(0))
        elif param.kind == "places" and positionals:
            values[param.name] = positionals
            positionals = []
    if positionals:
        raise _Typer  # more arguments than the command takes


def _environment(param: Param) -> Any:
    if param.envvar is None or param.envvar not in os.environ:
        return param.default
    text = os.environ[param.envvar]
    if not text:
        raise _Typer
    return convert(param, text)


def parse(argv: Sequence[str], known: dict[str, Command]) -> Parsed | None:
    """The plain command line `argv`, or None to leave it to typer."""
    try:
        return _parse(list(argv), known)
    except _Typer:
        return None


def _parse(rest: list[str], known: dict[str, Command]) -> Parsed:
    given: dict[str, Any] = {}
    global_options = _options(GLOBAL)
    while rest and rest[0].startswith("-"):
        _take(rest.pop(0), rest, global_options, given)
    if not rest or rest[0] not in known:
        raise _Typer
    command = known[rest.pop(0)]
    options = _options(command.params)
    values = command.defaults()
    positionals: list[str] = []
    while rest:
        token = rest.pop(0)
        if token == "--":
            positionals.extend(rest)
            break
        if token == "--help":
            raise _Typer
        if token.startswith("-") and token != "-":
            _take(token, rest, options, values)
        else:
            positionals.append(token)
    _place(command, positionals, values)
    if any(param.name not in values for param in command.params):
        raise _Typer  # a required parameter is missing
    values = {param.name: values[param.name] for param in command.params}  # typer's order
    data_dir, debug = (given[p.name] if p.name in given else _environment(p) for p in GLOBAL)
    return Parsed(command, values, data_dir, bool(debug))


def run(parsed: Parsed) -> int:
    """Run a parsed command line; its exit code."""
    from tyollisyys_cli.cli.errors import DEBUG, report
    from tyollisyys_cli.cli.state import State

    DEBUG["enabled"] = parsed.debug
    state = State(data_dir=parsed.data_dir, command=parsed.command.name, values=parsed.values)
    try:
        return parsed.command.run(state, parsed.values)
    except Exception as exc:  # every failure becomes a message and an exit code
        return report(exc)
    except KeyboardInterrupt:  # as click reports an interrupt
        sys.stderr.write("\nAborted!\n")
        return 1


def dispatch(argv: Sequence[str]) -> int | None:
    """Run `argv` if it is a plain command line (its exit code), else None."""
    parsed = parse(argv, commands())
    return None if parsed is None else run(parsed)

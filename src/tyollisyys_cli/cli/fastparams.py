"""Converting plain option values without building a pydantic adapter per parameter.

typer (0.2x) converts every command-line value through a pydantic `TypeAdapter` it
builds on first use: importing pydantic and building the adapters takes longer than
the rest of a warm `tyollisyys caseload` together. The values of this tool's options
are plain (text, a number with a lower bound, a path, a list of text), so they are
converted here directly, with the same result. Anything unusual (a value that does
not parse, a number out of range, a path option with checks) goes to typer's own
conversion, so that its error messages stay exactly typer's.

When typer's internals differ from what this expects (another typer version), nothing
is changed and typer converts as usual.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
except ImportError:  # pragma: no cover - another typer version: leave typer alone
    RuntimeParam = None  # type: ignore[assignment,misc]

_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_PLAIN_PATH_FLAGS = {
    "exists": False,
    "resolve_path": False,
    "allow_dash": False,
    "path_type": None,
    "writable": False,
    "file_okay": True,
    "dir_okay": True,
    "clamp": False,
}


def _kind(annotation: Any, info: Any) -> str | None:
    """Which plain conversion fits a parameter, or None for typer's own."""
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None):
        return None
    if annotation is str:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation is float or annotation is int:
        return "number" if not getattr(info, "clamp", False) else None
    if annotation == list[str]:
        return "str-list"
    if annotation is Path and all(
        getattr(info, flag, default) == default for flag, default in _PLAIN_PATH_FLAGS.items()
    ):
        return "path"
    return None


if RuntimeParam is not None:

    class PlainRuntimeParam(RuntimeParam):
        """typer's runtime conversion contract, for plain values."""

        @property
        def kind(self) -> str | None:
            return _kind(self.annotation, self.parameter_info)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            converted = self._plain(value, param, ctx)
            if converted is _TYPER:
                descriptor = param.type_descriptor
                return build_runtime_param(descriptor)._coerce_value(value, param=param, ctx=ctx)
            return converted

        def _plain(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.kind == "str":
                return value if isinstance(value, str) else _TYPER
            if self.kind == "bool":
                return value if isinstance(value, bool) else _TYPER
            if self.kind == "str-list":
                items = list(value) if isinstance(value, list | tuple) else [value]
                return items if all(isinstance(item, str) for item in items) else _TYPER
            if self.kind == "path":
                if not isinstance(value, str | Path) or value == "":
                    return _TYPER
                return coerce_cli_path(
                    Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            return self._number(value)

        def _number(self, value: Any) -> Any:
            if isinstance(value, bool):
                return _TYPER
            if isinstance(value, str):
                if not _NUMBER.fullmatch(value):
                    return _TYPER
                number: float = float(value)
            elif isinstance(value, int | float):
                number = value
            else:
                return _TYPER
            low, high = self.parameter_info.min, self.parameter_info.max
            if (low is not None and number < low) or (high is not None and number > high):
                return _TYPER
            if self.annotation is int:
                return int(number) if float(number).is_integer() else _TYPER
            return float(number)


_TYPER = object()  # "let typer convert this value"


def use_plain_conversion(params: list[Any]) -> None:
    """Give each plain parameter (of a typer command) the plain conversion."""
    if RuntimeParam is None:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", 0) is not None:
            continue
        if descriptor.file_annotation is not None:
            continue
        if _kind(descriptor.annotation, descriptor.parameter_info) is not None:
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )

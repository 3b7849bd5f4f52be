"""The registry of output formats: one `--format NAME` picks one renderer.

A renderer writes one `TableData` as bytes to a binary stream. The registry knows each
format's name, what it is for, whether it can go to a terminal, whether it takes the
Excel flavour, and which optional module it needs. Renderer modules are imported only
when used, so that `--help` stays fast and a missing optional library only matters to
the format that needs it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from tyollisyys_cli.errors import UnknownName
from tyollisyys_cli.i18n import _
from tyollisyys_cli.render.model import RenderOptions, TableData

WriteFunction = Callable[[TableData, BinaryIO, RenderOptions], None]


class UnknownFormat(UnknownName):
    """No renderer has this name."""


class FormatUnavailable(Exception):
    """The renderer needs an optional library that is not installed."""


@dataclass(frozen=True)
class Renderer:
    """One output format."""

    name: str
    module: str  # the module with `write(table, out, options)`
    summary: str
    binary: bool = False  # not for a terminal: needs an output file
    excel_flavour: bool = False  # takes --excel
    requires: str | None = None  # optional module it imports
    extra: str = ""  # the optional extra that installs it

    def check_available(self) -> None:
        """Raise `FormatUnavailable` when the optional library is missing."""
        if self.requires is None:
            return
        try:
            importlib.import_module(self.requires)
        except ImportError as exc:
            raise FormatUnavailable(
                _(
                    "--format {name} needs the {library} library, which is not installed; "
                    "install it with: {command}"
                ).format(name=self.name, library=self.requires, command=install_hint(self.extra))
            ) from exc

    def write(self, table: TableData, out: BinaryIO, options: RenderOptions) -> None:
        """Write `table` to `out` in this format."""
        self.check_available()
        module = importlib.import_module(self.module)
        write: WriteFunction = module.write
        write(table, out, options)


_PACKAGE = "tyollisyys_cli.render"

RENDERERS: dict[str, Renderer] = {
    renderer.name: renderer
    for renderer in (
        Renderer("table", f"{_PACKAGE}.rich_table", "a table for people"),
        Renderer(
            "csv",
            f"{_PACKAGE}.csv_out",
            "RFC 4180 CSV; with --excel for Finnish-locale Excel",
            excel_flavour=True,
        ),
        Renderer("json", f"{_PACKAGE}.json_out", '{"metadata": {...}, "rows": [...]}'),
        Renderer("markdown", f"{_PACKAGE}.markdown", "a GitHub pipe table for documents"),
        Renderer(
            "xlsx",
            f"{_PACKAGE}.xlsx",
            "an Excel workbook of one sheet (needs --output)",
            binary=True,
            requires="openpyxl",
            extra="xlsx",
        ),
    )
}


def install_hint(extra: str) -> str:
    """How to install the optional `extra`, from the package index or a checkout."""
    return _("pip install 'tyollisyys[{extra}]' (in a checkout: pip install '.[{extra}]')").format(
        extra=extra
    )


FORMATS: tuple[str, ...] = tuple(RENDERERS)


#: Formats called by a file's suffix or a spreadsheet's name: the one the tool writes.
MEANT = {"md": "markdown", "xls": "xlsx", "xlsm": "xlsx", "ods": "xlsx"}


def renderer(name: str) -> Renderer:
    """The renderer called `name` (case-insensitive)."""
    try:
        return RENDERERS[name.strip().lower()]
    except KeyError:
        import difflib  # (only for a name that is no format)

        message = _("unknown format {name!r}; choose one of {formats}").format(
            name=name, formats=", ".join(FORMATS)
        )
        folded = name.strip().lower()
        meant = MEANT.get(folded) or next(iter(difflib.get_close_matches(folded, FORMATS, 1)), None)
        if meant is not None:  # (`md`, as a file is named: markdown)
            message += "; " + _("did you mean {names}?").format(names=repr(meant))
        raise UnknownFormat(message) from None

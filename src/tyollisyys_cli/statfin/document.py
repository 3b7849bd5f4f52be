"""Reading table 12r5 from a file or an API answer, in either format PxWeb gives.

Accepted: the PxWeb `json` format (`statfin.pxweb`) and `json-stat2`
(`statfin.jsonstat`), each holding one month or several. What is parsed is bounded
so that a hostile file can neither crash nor hang the tool: at most `MAX_BYTES` of
text, nested at most `MAX_DEPTH` levels, at most `jsonstat.MAX_CELLS` cells.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from tyollisyys_cli.errors import DataError, home_in_quotes, system_reason
from tyollisyys_cli.files import MAX_FILE_BYTES
from tyollisyys_cli.files.positions import PathKey, json_position, line_and_column
from tyollisyys_cli.i18n import N_, _, language, ngettext
from tyollisyys_cli.statfin.pxweb import (
    ACCEPTED_FORMATS,
    Export12r5,
    ExportProblem,
    count_text,
    fail,
    not_an_export,
    parse_pxweb_json,
)

MAX_BYTES = MAX_FILE_BYTES
#: 12r5 in either format nests five levels; anything far deeper is not an export.
MAX_DEPTH = 32
#: The json module's reasons, in English whatever the locale, for the catalog (a reason
#: ends with its place in the Python reader: `Invalid control character '\\n' at`).
_JSON_REASONS = (
    N_("Expecting value"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
    # (Python 3.13 names a comma before a closing bracket so, where 3.11 expects a value)
    N_("Illegal trailing comma before end of array"),
    N_("Illegal trailing comma before end of object"),
)


def json_reason(reason: str) -> str:
    """The json module's `reason` as it says it; in Finnish where the catalog has it."""
    if language() == "en":
        return reason
    for known in _JSON_REASONS:
        if reason == known or reason.startswith(known.removesuffix(" at")):
            return _(known)
    return reason


def read_exports(path: Path) -> list[Export12r5]:
    """Every month of a 12r5 file (PxWeb `json` or `json-stat2`), in month order."""
    if str(path) == "-" and not path.exists():  # (`curl … | tyollisyys import statfin -`)
        fail(
            path,
            _(
                "an export is read from a file, not from standard input: save it first "
                "and give the file's name"
            ),
        )
    if not path.is_file():
        fail(
            path,
            _("file not found") + home_in_quotes(path) if not path.exists() else _("is not a file"),
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # (a file of /proc may say it is empty)
    except PermissionError:
        fail(path, _("cannot read the file: permission denied"))
    except OSError as error:  # an I/O error of the disk: the file's, not an output's
        fail(path, _("cannot read the file: {reason}").format(reason=system_reason(error)))
    if len(data) > MAX_BYTES:
        fail(
            path,
            _("file is larger than {limit} bytes; is it a 12r5 export?").format(
                limit=count_text(MAX_BYTES)
            ),
        )
    exports = parse_exports(data, path)
    later = months_to_come(exports)
    if later is not None:
        message = _("the export holds {months}; check the month of the export, or the date")
        fail(path, message.format(months=later))
    return exports


def parse_exports(data: bytes, path: Path) -> list[Export12r5]:
    """Every month of a 12r5 file given as bytes; a problem at one value names its line
    and column."""
    document = decode_json(data, path)
    try:
        return parse_document(document, path)
    except ExportProblem as exc:
        text = data.decode("utf-8-sig")
        placed: list[tuple[DataError, PathKey]] = []
        for error, at in exc.places:
            found = json_position(text, at) if at else None
            if found is not None:
                error = replace(error, line=found.line, column=found.column)
            placed.append((error, at))
        raise ExportProblem(placed, exc.not_kept) from None


def parse_document(document: Any, path: Path, *, origin: str = "") -> list[Export12r5]:
    """Every month of a parsed 12r5 document, whichever accepted format it is in."""
    from tyollisyys_cli.statfin.jsonstat import is_jsonstat, parse_jsonstat2

    if is_jsonstat(document):
        return parse_jsonstat2(document, path, origin=origin)
    if isinstance(document, dict) and "columns" in document and "data" in document:
        return parse_pxweb_json(document, path, origin=origin)
    fail(path, not_an_export())


def months_to_come(exports: list[Export12r5]) -> str | None:
    """`2099-06, 2099-07, months that have not come yet by this computer's date
    (2026-12)` where exports are of months after today's, else None: the loader refuses
    such a month's file (`area.months`), so every command would fail on it."""
    from tyollisyys_cli.area.months import this_month

    today = this_month()
    later = [export.month for export in exports if export.month > today]
    if not later:
        return None
    return ngettext(
        "{months}, a month that has not come yet by this computer's date ({today})",
        "{months}, months that have not come yet by this computer's date ({today})",
        len(later),
    ).format(months=", ".join(later), today=today)


def decode_json(data: bytes, path: Path) -> Any:
    """The JSON value of `data`, refused when too large, not UTF-8 JSON or too deep."""
    if len(data) > MAX_BYTES:
        fail(
            path,
            _("larger than {limit} bytes; is it a 12r5 export?").format(
                limit=count_text(MAX_BYTES)
            ),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from tyollisyys_cli.files.text import not_utf8

        what, line, column = not_utf8(data, exc.start)
        message = _("not a PxWeb JSON export of table 12r5: {what}; {accepted}")
        fail(
            path, message.format(what=what, accepted=_(ACCEPTED_FORMATS)), line=line, column=column
        )
    if not text.strip():
        fail(path, _("the file is empty: a 12r5 export holds a JSON document"))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        # The text ends inside a value (`Unterminated string` names where the string
        # began; `nu` is the start of a null): a download cut short, not a file of
        # another kind.
        rest = text[exc.pos :].strip()
        if exc.msg.startswith("Unterminated string") or any(
            word.startswith(rest) for word in ("null", "true", "false")
        ):
            line, column = line_and_column(text, len(text))
            fail(
                path,
                _("the JSON ends before its last value does: was the download cut short?"),
                line=line,
                column=column,
            )
        line, column = line_and_column(text, exc.pos)  # (json counts a lone CR in a line)
        if path.is_file() and _a_month_file(text):  # (a file of the user's, not an answer)
            fail(
                path,
                _(
                    "a month file of the tool, not a 12r5 export: a month file is read where "
                    "it is, as statistics/YYYY-MM.csv in a data folder"
                ),
                line=1,
                column=1,
            )
        fail(
            path,
            _(
                "not a PxWeb JSON export of table 12r5: not valid JSON ({reason}); {accepted}"
            ).format(reason=json_reason(exc.msg), accepted=_(ACCEPTED_FORMATS)),
            line=line,
            column=column,
        )
    except RecursionError:
        fail(path, _too_deep())
    except ValueError:  # a number of more digits than Python converts
        fail(path, _("not a 12r5 export: it holds a number too long to read"))
    if _depth_exceeds(document, MAX_DEPTH):
        fail(path, _too_deep())
    return document


def _a_month_file(text: str) -> bool:
    """Whether `text` is a month file of the tool: its first cell `municipality`, however
    a spreadsheet quoted, cased or separated it."""
    from tyollisyys_cli.files.monthcsv import HEADER  # (only for a file that is no JSON)

    first = text.lstrip().partition("\n")[0]
    cell = rf"""["']?{HEADER[0]}["']?\s*[,;\t]"""
    return re.match(cell, first, re.IGNORECASE) is not None


def _too_deep() -> str:
    return _("not a 12r5 export: nested deeper than {levels} levels").format(levels=MAX_DEPTH)


def _depth_exceeds(document: Any, limit: int) -> bool:
    """Whether any value lies more than `limit` containers deep (without recursion)."""
    level: list[Any] = [document]
    for _depth in range(limit + 1):
        children: list[Any] = []
        for value in level:
            if isinstance(value, dict):
                children.extend(v for v in value.values() if isinstance(v, dict | list))
            elif isinstance(value, list):
                children.extend(v for v in value if isinstance(v, dict | list))
        if not children:
            return False
        level = children
    return True

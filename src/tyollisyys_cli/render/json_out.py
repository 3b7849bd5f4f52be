"""JSON: `{"metadata": {...}, "rows": [{...}, ...]}`, UTF-8, keys in a stable order.

`metadata` holds the table's name and title, whatever the command recorded (area,
month, source, tool version, options used), the notes, and the data columns with
their JSON types. `rows` holds one object per row keyed by the data column keys; an
unknown value (withheld, missing, not applicable) is `null`, numbers are numbers.
"""

from __future__ import annotations

import json
import math
from enum import Enum
from pathlib import PurePath
from typing import Any, BinaryIO

from tyollisyys_cli.render.model import RenderOptions, TableData
from tyollisyys_cli.render.records import data_columns, records
from tyollisyys_cli.values import Span, Unknown


def document(table: TableData) -> dict[str, Any]:
    """The JSON document of a table, as plain Python data."""
    metadata: dict[str, Any] = {"table": table.name, "title": table.title}
    metadata.update(table.metadata)
    metadata["notes"] = list(table.notes)
    metadata["columns"] = [
        {
            "key": column.key,
            "header": column.header,
            "type": column.type,
            "description": column.description,
        }
        for column in data_columns(table)
    ]
    return {"metadata": metadata, "rows": records(table)}


def _plain(value: Any) -> Any:
    """Metadata values JSON cannot take as they are."""
    if isinstance(value, Span):
        return {"min": value.low, "max": value.high, "approximate": value.approximate}
    if isinstance(value, Unknown):
        return None
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def render_json(table: TableData) -> str:
    """The table as indented JSON text ending in a newline."""
    data = json.loads(json.dumps(document(table), default=_plain))  # plain types only
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(table: TableData, out: BinaryIO) -> None:
    """Write the table as UTF-8 JSON."""
    out.write(render_json(table).encode("utf-8"))


def write(table: TableData, out: BinaryIO, options: RenderOptions) -> None:
    """The registry's entry point."""
    write_json(table, out)

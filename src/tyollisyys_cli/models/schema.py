"""JSON Schemas of the data files, for editors that complete and check YAML as it is typed.

The schemas come from the pydantic models, so the field descriptions an editor shows
are the ones in the models. Each data file names its schema in its first line
(`# yaml-language-server: $schema=../schemas/<name>.schema.json`); the files in
`schemas/` are this module's output, and a test keeps them equal to it.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from tyollisyys_cli.models.area import AreaFile
from tyollisyys_cli.models.commuting import CommutingFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Data file stem → (model, what the file holds).
DATA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "municipalities": (
        AreaFile,
        "The area file: the employment area, its municipalities with their statistics, "
        "staffing, caseload targets and offices, service units, shared services and the "
        "figures the plan states in its text.",
    ),
    "commuting": (
        CommutingFile,
        "The commuting table: labour force, commuting in and out, working in the own "
        "municipality and job self-sufficiency, one row per municipality.",
    ),
}


def file_schema(stem: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data file `<stem>.yaml`."""
    model, description = DATA_FILES[stem]
    schema = model.model_json_schema()
    return {
        "$schema": DIALECT,
        "title": f"{stem}.yaml",
        "description": description,
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as the committed files hold it: indented JSON, UTF-8, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"

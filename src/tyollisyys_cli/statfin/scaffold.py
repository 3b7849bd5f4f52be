"""A new data directory for any employment area: `tyollisyys init`.

The area's municipalities come from the shipped classification; the month and the
statistics from a 12r5 export. The classification does not name the responsible
municipality (vastuukunta), so `init` proposes the municipality with the largest labour
force in the export and marks it in the file to be confirmed. Targets and staffing are
left empty (not yet known), with commented examples of how to fill them in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from tyollisyys_cli.area.months import month_path, write_atomic, yaml_month_path
from tyollisyys_cli.errors import escaped, shortened
from tyollisyys_cli.files.monthcsv import render
from tyollisyys_cli.models.area import AreaFile
from tyollisyys_cli.statfin.classification import EmploymentArea
from tyollisyys_cli.statfin.importing import Row, area_rows, source_text, validate_rows
from tyollisyys_cli.statfin.pxweb import Export12r5

AREA_FILE = "municipalities.yaml"


class DirectoryInUse(Exception):
    """The directory already holds an area's data."""


@dataclass(frozen=True)
class InitResult:
    """What `init` wrote."""

    directory: Path
    area: EmploymentArea
    month: str
    responsible: tuple[str, str]
    files: list[Path]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def responsible_municipality(rows: list[Row]) -> tuple[str, str]:
    """The proposed responsible municipality: the largest labour force (code, name)."""
    code, name, _ = max(rows, key=lambda row: (row[2]["labour_force"], row[0]))
    return code, name


def area_text(area: EmploymentArea, export: Export12r5, responsible: tuple[str, str]) -> str:
    """The text of a new `municipalities.yaml`."""
    code, name = responsible
    lines = [
        f"# {area.name} employment area, created by `tyollisyys init` from the municipality\n",
        f"# classification and table 12r5 of {export.month} ({export.label}).\n",
        "#\n",
        "# This file is yours to edit: fill in each municipality's target and staffing.\n",
        "# Monthly statistics live in statistics/YYYY-MM.csv and are written by\n",
        "# `tyollisyys import statfin FILE`; an import never rewrites this file.\n",
        "#\n",
        "# How to write values: counts without spaces (38799), decimals with a dot (8.9),\n",
        '# municipality codes as three-digit text ("091"); FTE as a number (3.5), a range\n',
        "# {min: 7, max: 8}, a lower bound {at_least: 5} or an approximate value {about: 2}.\n",
        "\n",
        "area:\n",
        f"  name: {_q(area.name)}\n",
        f"  code: {_q(area.code)}\n",
        "  # Proposed by `tyollisyys init`: the municipality with the largest labour force.\n",
        "  # CONFIRM: write the area's responsible municipality (vastuukunta) here.\n",
        f"  responsible_municipality: {_q(code)}   # {name}\n",
        f"  reference_month: {_q(export.month)}\n",
        "  sources:\n",
        f"    statistics: {_q(source_text(export))}\n",
        "  # A withheld cell (... in the statistics) holds 1 to 4 persons.\n",
        "  withheld_cell: {min: 1, max: 4}\n",
        "\n",
        "# Fill in target and staffing for each municipality; while they are empty\n",
        '# (not yet known), caseload and staffing show "no staffing". For example:\n',
        "#\n",
        "#   target: {min: 100, max: 150}   # or {max: 100} (under), {about: 120}\n",
        "#   staffing:\n",
        "#     - role: työllisyysohjaaja\n",
        "#       fte: 3\n",
        "#       origin: own      # own, transferring, recruited, transferring_or_recruited\n",
        "#       caseload: true   # carries a personal caseload\n",
        "#\n",
        "\n",
        "municipalities:\n",
    ]
    for municipality in area.municipalities:
        lines += [
            "\n",
            f"  - code: {_q(municipality.code)}\n",
            f"    name: {_q(municipality.name)}\n",
            f"    region: {_q(municipality.region)}\n",
            "    target:     # clients per advisor aimed at: not yet known\n",
            "    staffing:   # staff lines: not yet known\n",
        ]
    return "".join(lines)


def init_area(
    directory: Path, area: EmploymentArea, export: Export12r5, *, force: bool = False
) -> InitResult:
    """Write `municipalities.yaml` and the export's month into `directory`.

    A new or empty `directory` is built whole in a temporary folder beside it and
    renamed into place, so that a killed `init` leaves no half-made area. A folder that
    holds anything is refused unless `force`; then the two files are written into it
    (each atomically), beside what is there. A file of either name is never replaced.
    """
    from tyollisyys_cli.files.atomic import OutputError, atomic_folder

    area_path = directory / AREA_FILE
    statistics_path = month_path(directory, export.month)
    for path in (area_path, statistics_path, yaml_month_path(directory, export.month)):
        if path.exists():
            raise DirectoryInUse(
                f"{path} already exists; init writes only into a new or empty directory"
            )
    held = _entries(directory)
    if held and not force:
        shown = ", ".join(escaped(shortened(name, 40)) for name in held[:3])
        more = f" and {len(held) - 3} more" if len(held) > 3 else ""
        raise DirectoryInUse(
            f"{directory} is not empty (it holds {shown}{more}); init writes into a new or "
            "empty directory: choose another, or give --force to add the area's files "
            "beside what is there"
        )
    rows = area_rows(export, [(m.code, m.name) for m in area.municipalities])
    responsible = responsible_municipality(rows)
    text = area_text(area, export, responsible)
    plan = _validated_plan(text, area_path)
    statistics = render(source=source_text(export), rows=rows)
    validate_rows(plan=plan, month=export.month, text=statistics, path=statistics_path)
    if held:
        write_atomic(statistics_path, statistics)
        write_atomic(area_path, text)
    else:
        try:
            directory.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            message = f"cannot make the folder {directory.parent}: {error.strerror}"
            raise OutputError(message) from None
        with atomic_folder(directory) as building:
            write_atomic(month_path(building, export.month), statistics)
            write_atomic(building / AREA_FILE, text)
    return InitResult(directory, area, export.month, responsible, [area_path, statistics_path])


def _entries(directory: Path) -> list[str]:
    """The names in `directory` (none when it does not exist), sorted."""
    try:
        return sorted(entry.name for entry in os.scandir(directory))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DirectoryInUse(f"cannot read {directory}: {error.strerror}") from None


def _validated_plan(text: str, path: Path) -> AreaFile:
    from pydantic import ValidationError

    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.files.yamlfile import parse_yaml
    from tyollisyys_cli.models.validation import validation_errors

    document = parse_yaml(text, path)
    try:
        return AreaFile.model_validate(document.data)
    except ValidationError as exc:  # pragma: no cover - the template is fixed
        raise DataErrors(validation_errors(exc, document, AreaFile)) from None

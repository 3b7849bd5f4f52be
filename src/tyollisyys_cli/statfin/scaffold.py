"""A new data directory for any employment area: `tyollisyys init`.

The area's municipalities come from the shipped classification; the month and the
statistics from a 12r5 export. The classification does not name the responsible
municipality (vastuukunta), so `init` proposes the municipality with the largest labour
force in the export and marks it in the file to be confirmed. Targets, staffing and
offices are left empty (not yet known), with a commented, worked example of each; the
commuting table is a commented template (`commuting.example.yaml`) to fill in and rename.

Each YAML file names its JSON Schema in its first line (the yaml-language-server
modeline), so that editors complete and check it as it is typed. The schemas are
written beside the data, in `schemas/`: the folder then works anywhere, offline, and
`tyollisyys schema --write DIR/schemas` brings them up to date after an upgrade.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tyollisyys_cli.area.months import month_path, write_atomic, yaml_month_path
from tyollisyys_cli.area.paths import MARKER
from tyollisyys_cli.errors import escaped, shortened, system_reason
from tyollisyys_cli.files.monthcsv import render
from tyollisyys_cli.i18n import _
from tyollisyys_cli.models.area import AreaFile
from tyollisyys_cli.models.parsing import fold
from tyollisyys_cli.reference.classification import EmploymentArea
from tyollisyys_cli.statfin.importing import Row, area_rows, validate_rows
from tyollisyys_cli.statfin.pxweb import Export12r5
from tyollisyys_cli.statfin.source import source_text

AREA_FILE = MARKER
COMMUTING_TEMPLATE = "commuting.example.yaml"
SCHEMA_FOLDER = "schemas"


def modeline(stem: str) -> str:
    """The first line of a data file: where editors find its schema (relative path)."""
    return f"# yaml-language-server: $schema={SCHEMA_FOLDER}/{stem}.schema.json\n"


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
    #: Templates already there (under --force), left as they were.
    kept: list[Path] = field(default_factory=list)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def responsible_municipality(rows: list[Row]) -> tuple[str, str]:
    """The proposed responsible municipality: the largest labour force (code, name)."""
    code, name, _ = max(rows, key=lambda row: (row[2]["labour_force"], row[0]))
    return code, name


def _unit_id(name: str) -> str:
    """A service unit's id made of its provider's name: `Pudasjärvi` → `pudasjarvi`."""
    return "-".join(fold(name).split())


def _comments(text: str, indent: str = "") -> list[str]:
    """`text` as YAML comment lines: `# ` before each line, `#` alone for an empty one."""
    return [f"{indent}# {line}\n" if line else f"{indent}#\n" for line in text.split("\n")]


def area_text(area: EmploymentArea, export: Export12r5, responsible: tuple[str, str]) -> str:
    """The text of a new `municipalities.yaml`, its comments in the run's language."""
    code, name = responsible
    header = _(
        "{area} employment area, created by `tyollisyys init` from the municipality\n"
        "classification and table 12r5 of {month} ({label}).\n"
        "\n"
        "This file is yours to edit: fill in each municipality's target and staffing.\n"
        "Monthly statistics live in statistics/YYYY-MM.csv and are written by\n"
        "`tyollisyys import statfin FILE`; an import never rewrites this file.\n"
        "\n"
        "How to write values: counts without spaces (38799), decimals with a dot (8.9),\n"
        'municipality codes as three-digit text ("091"); FTE as a number (3.5), a range\n'
        "{{min: 7, max: 8}}, a lower bound {{at_least: 5}} or an approximate value {{about: 2}}."
    ).format(area=area.name, month=export.month, label=export.label)
    responsible_note = _(
        "Proposed by `tyollisyys init`: the municipality with the largest labour force.\n"
        "CONFIRM: write the area's responsible municipality (vastuukunta) here."
    )
    example = _(
        "Fill in target, staffing and offices for each municipality; while they are\n"
        'empty (not yet known), caseload and staffing show "no staffing". For example:\n'
        "\n"
        "  target: {min: 100, max: 150}   # or {max: 100} (under), {about: 120}\n"
        "  staffing:\n"
        "    - role: työllisyysohjaaja\n"
        "      fte: 3\n"
        "      origin: own      # own, transferring, recruited, transferring_or_recruited\n"
        "      caseload: true   # carries a personal caseload\n"
        "  offices:\n"
        "    - name: Työllisyyspalvelut, kaupungintalo\n"
        "      address: Kauppakatu 1, 00100 Kaupunki   # street, postcode and town\n"
        "      serves: kaikki asiakkaat                # optional: what it serves\n"
    )
    first, other = area.municipalities[0], area.municipalities[-1]
    pool = _(
        "Where the plan has them (optional). The staff transferring from the state, under\n"
        "area: (allocate divides the customer-work part among the units):\n"
        "\n"
        "  transfer_pool:\n"
        "    total_fte: {about: 80}\n"
        "    customer_work_fte: {about: 40}\n"
    )
    # (an area of one municipality has no service unit of several)
    units = _(
        "Municipalities served together, by one of them, as a service unit: a list\n"
        "service_units: after municipalities:, each unit with its target and staffing\n"
        "written as a municipality's are; each member names its unit in its\n"
        "service_unit field (service_unit: {id}) and has no target or staffing of its own:\n"
        "\n"
        "  service_units:\n"
        "    - id: {id}\n"
        "      name: {name} (ml. {other})\n"
        '      provider: "{provider}"\n'
        '      members: ["{provider}", "{member}"]\n'
        "      target: {{min: 100, max: 150}}\n"
        "      staffing:\n"
        "        - role: työllisyysohjaaja\n"
        "          fte: 3\n"
        "          origin: own\n"
        "          caseload: true"
    ).format(
        id=_unit_id(first.name),
        name=first.name,
        other=other.name,
        provider=first.code,
        member=other.code,
    )
    optional = (pool + ("\n" + units if first.code != other.code else "")).rstrip("\n")
    lines = [
        modeline("municipalities"),
        "#\n",
        *_comments(header),
        "\n",
        "area:\n",
        f"  name: {_q(area.name)}\n",
        f"  code: {_q(area.code)}\n",
        *_comments(responsible_note, "  "),
        f"  responsible_municipality: {_q(code)}   # {name}\n",
        f"  reference_month: {_q(export.month)}\n",
        "  sources:\n",
        f"    statistics: {_q(source_text(export.label))}\n",
        *_comments(_("A withheld cell (... in the statistics) holds 1 to 4 persons."), "  "),
        "  withheld_cell: {min: 1, max: 4}\n",
        "\n",
        *_comments(example),
        *_comments(optional),
        "\n",
        "municipalities:\n",
    ]
    target = _("clients per advisor aimed at: not yet known")
    staffing = _("staff lines: not yet known")
    offices = _("service points: not yet known")
    for municipality in area.municipalities:
        lines += [
            "\n",
            f"  - code: {_q(municipality.code)}\n",
            f"    name: {_q(municipality.name)}\n",
            f"    region: {_q(municipality.region)}\n",
            f"    target:     # {target}\n",
            f"    staffing:   # {staffing}\n",
            f"    offices: []   # {offices}\n",
        ]
    return "".join(lines)


def commuting_template(area: EmploymentArea, month: str, labour_force: int) -> str:
    """The text of `commuting.example.yaml`: the commuting table to fill in, all comments
    (a `commuting.yaml` must hold rows, so the template has another name). Its first row
    is the first municipality with its labour force of `month` and a `~` to fill in for
    each commuting figure, made-up, consistent ones in its comments. Its comments are in
    the run's language."""
    first = area.municipalities[0]
    working_in_own = round(labour_force * 0.6)
    commuting_in = round(labour_force * 0.15)
    commuting_out = round(labour_force * 0.25)
    jobs = working_in_own + commuting_in
    employed = working_in_own + commuting_out
    header = _(
        "The commuting table of {area} (optional): fill it in and rename this file\n"
        "to commuting.yaml; `tyollisyys commuting` then shows it and `tyollisyys check`\n"
        "checks it. Write the figures as the source prints them, one row per municipality\n"
        "(its Statistics Finland code). The first row has the labour force of {month};\n"
        "each ~ is yours to fill in (its comment shows made-up figures of the right kind):\n"
        "the table does not load while a count or the source is left so.\n"
        "\n"
        "  labour_force          työvoima\n"
        "  commuting_in          pendelöinti kuntaan (working here, living elsewhere)\n"
        "  commuting_out         pendelöinti kunnasta (living here, working elsewhere)\n"
        "  working_in_own        työssäkäynti omassa kunnassa\n"
        "  job_self_sufficiency  työpaikkaomavaraisuus, % as printed (optional): jobs\n"
        "                        (working_in_own + commuting_in) over employed residents\n"
        "                        (working_in_own + commuting_out) × 100"
    ).format(area=area.name, month=month)
    worked = _("{jobs} jobs / {employed} employed residents × 100").format(
        jobs=jobs, employed=employed
    )
    # (made-up figures as comments beside a ~: uncommented as they were, they loaded and
    # passed check, credited to the source the template named)
    example = _("e.g. {figure}")
    lines = [
        modeline("commuting"),
        "#\n",
        *_comments(header),
        "#\n",
        "# source: ~   # " + _("the table's source as printed") + "\n",
        f"# month: {_q(month)}\n",
        "#\n",
        "# rows:\n",
        f"#   - municipality: {_q(first.code)}   # {first.name}\n",
        f"#     labour_force: {labour_force}\n",
        f"#     commuting_in: ~   # {example.format(figure=commuting_in)}\n",
        f"#     commuting_out: ~   # {example.format(figure=commuting_out)}\n",
        f"#     working_in_own: ~   # {example.format(figure=working_in_own)}\n",
        f"#     job_self_sufficiency: ~   # "
        f"{example.format(figure=f'{jobs / employed * 100:.2f}')}: {worked}\n",
    ]
    for municipality in area.municipalities[1:]:
        lines.append(f"#   - municipality: {_q(municipality.code)}   # {municipality.name}\n")
    return "".join(lines)


def schema_files() -> dict[str, str]:
    """The JSON Schema of each data file, by its path in the new area's folder."""
    from tyollisyys_cli.models.schema import DATA_FILES, file_schema, schema_text

    return {
        f"{SCHEMA_FOLDER}/{stem}.schema.json": schema_text(file_schema(stem)) for stem in DATA_FILES
    }


def _refuse_existing(path: Path, *, force: bool) -> None:
    """`DirectoryInUse` when a file (or a link, to nothing too) stands at `path`."""
    if path.exists() or path.is_symlink():
        raise DirectoryInUse(
            (
                _(
                    "{path} already exists; init never replaces a file, not even with "
                    "--force: move it away first"
                )
                if force
                else _("{path} already exists; init writes only into a new or empty directory")
            ).format(path=path)
        )


def held_entries(directory: Path, *, force: bool) -> list[str]:
    """What `directory` holds; `DirectoryInUse` when it holds an area already, or anything
    and not `force` (checked before the statistics are fetched, and again before
    writing)."""
    _refuse_existing(directory / AREA_FILE, force=force)
    held = _entries(directory)
    if held and not force:
        shown = ", ".join(escaped(shortened(name, 40)) for name in held[:3])
        if len(held) > 3:
            shown = _("{names} and {count} more").format(names=shown, count=len(held) - 3)
        raise DirectoryInUse(
            _(
                "{path} is not empty (it holds {names}); init writes into a new or empty "
                "directory: choose another, or give --force to add the area's files beside "
                "what is there"
            ).format(path=directory, names=shown)
        )
    return held


def init_area(
    directory: Path, area: EmploymentArea, export: Export12r5, *, force: bool = False
) -> InitResult:
    """Write `municipalities.yaml` and the export's month into `directory`.

    A new `directory` is built whole in a temporary folder beside it and renamed into
    place, so that a killed `init` leaves no half-made area; into an empty one the files
    are moved together. A folder that
    holds anything is refused unless `force`; then the two files are written into it
    (each atomically), beside what is there. A file of either name is never replaced.
    """
    area_path = directory / AREA_FILE
    statistics_path = month_path(directory, export.month)
    for path in (area_path, statistics_path, yaml_month_path(directory, export.month)):
        _refuse_existing(path, force=force)
    held = held_entries(directory, force=force)
    rows = area_rows(export, [(m.code, m.name) for m in area.municipalities])
    responsible = responsible_municipality(rows)
    text = area_text(area, export, responsible)
    plan = _validated_plan(text, area_path)
    statistics = render(source=source_text(export.label), rows=rows)
    validate_rows(plan=plan, export=export, text=statistics, path=statistics_path)
    first = next(row for row in rows if row[0] == area.municipalities[0].code)
    commuting = commuting_template(area, export.month, first[2]["labour_force"])
    templates = {COMMUTING_TEMPLATE: commuting, **schema_files()}
    # The month first and municipalities.yaml last: a folder with municipalities.yaml is
    # an area, and what it names is then there.
    files = {month_path(Path(), export.month): statistics}
    files.update({Path(name): template for name, template in templates.items()})
    files[Path(AREA_FILE)] = text
    kept = _write_area(directory, files, held)
    written = [area_path, statistics_path, *(directory / name for name in templates)]
    created = [path for path in written if path not in kept]
    return InitResult(directory, area, export.month, responsible, created, kept)


def copy_example(directory: Path, *, force: bool = False) -> tuple[list[Path], list[Path]]:
    """The bundled plan (municipalities.yaml, commuting.yaml and the JSON Schemas their
    first lines name) in `directory`, a folder of the analyst's own to import months
    into: the files written and those already there (under `force`, left as they were).
    Built and put in place as `init_area` builds an area."""
    from tyollisyys_cli.area.paths import DATA_FILES, bundled_data_dir

    for name in DATA_FILES:
        _refuse_existing(directory / name, force=force)
    held = held_entries(directory, force=force)
    files: dict[Path, str] = {Path(name): text for name, text in schema_files().items()}
    # municipalities.yaml last: a folder with it is an area, and what it names is there
    for name in reversed(DATA_FILES):
        text = (bundled_data_dir() / name).read_text(encoding="utf-8")
        if text.startswith("# yaml-language-server:"):  # (`../schemas/`, from data/)
            text = modeline(Path(name).stem) + text.partition("\n")[2]
        files[Path(name)] = text
    kept = _write_area(directory, files, held)
    return [directory / name for name in files if directory / name not in kept], kept


def _write_area(directory: Path, files: Mapping[Path, str], held: list[str]) -> list[Path]:
    """Write `files` (by their paths within it) into `directory`: a new one built whole
    beside it and renamed into place; an empty one written into, all files together;
    one that `held` something (under --force) file by file, beside what is there. The
    files already there, left as they were."""
    from tyollisyys_cli.files.atomic import OutputError, atomic_folder

    _check_path_length(directory, files)
    kept = []
    if held:  # --force: beside what is there; a template already there is left as it is
        # A file or a link (to nothing, or to a folder elsewhere, which the loader
        # refuses) where a folder of the area's goes would stop the writing half-way:
        # refused before anything is written.
        for folder in sorted({(directory / name).parent for name in files} - {directory}):
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise DirectoryInUse(
                    _(
                        "{path} is in the way: init writes files into a folder of that "
                        "name; move it away first (nothing was written)"
                    ).format(path=folder)
                )
        for name, content in files.items():
            if (directory / name).exists() or (directory / name).is_symlink():
                kept.append(directory / name)
            else:
                write_atomic(directory / name, content)
    elif directory.is_dir():
        # An empty folder is written into, not replaced: it may be the working folder
        # (`init .`, which has no name to build beside), a shell's, or a mount point.
        _write_into_empty(directory, files)
    else:
        try:
            directory.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            message = _("cannot make the folder {path}: {reason}").format(
                path=directory.parent, reason=system_reason(error)
            )
            raise OutputError(message) from None
        with atomic_folder(directory) as building:
            for name, content in files.items():
                write_atomic(building / name, content)
    return kept


def _write_into_empty(directory: Path, files: Mapping[Path, str]) -> None:
    """Write `files` into the empty folder `directory` together (`months.write_together`:
    all of them, or none), and remove the folders made for them when that fails."""
    from tyollisyys_cli.area.months import write_together

    folders = sorted({(directory / name).parent for name in files} - {directory})
    try:
        # (`new`: a file made there since the folder was found empty is never replaced)
        write_together([(directory / name, content) for name, content in files.items()], new=True)
    except BaseException:
        for folder in reversed(folders):  # (each made by this run: the folder was empty)
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


#: What the temporary names add to a file's path while it is written: the folder's
#: (`.NAME.1234abcd.tmp`) and the file's own (`.FILE.1234abcd.tmp`), 14 bytes each.
_TEMPORARY_EXTRA = 2 * 14


def _check_path_length(directory: Path, files: Mapping[Path, str]) -> None:
    """A folder whose files' paths would be longer than the file system takes is the
    user's path to shorten (exit 2, naming it), found before anything is written: not
    a failure half-way with the name of the temporary folder."""
    import errno

    try:
        longest = os.pathconf(_existing_ancestor(directory), "PC_PATH_MAX")
    except (OSError, ValueError):
        longest = 4096
    for name in files:
        written = os.fsencode(str(directory / name))
        if len(written) + _TEMPORARY_EXTRA >= longest:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(directory))


def _existing_ancestor(path: Path) -> Path:
    for folder in (path, *path.parents):
        if folder.is_dir():
            return folder
    return Path(".")


def _entries(directory: Path) -> list[str]:
    """The names in `directory` (none when it does not exist), sorted."""
    try:
        return sorted(entry.name for entry in os.scandir(directory))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DirectoryInUse(
            _("cannot read {path}: {reason}").format(path=directory, reason=system_reason(error))
        ) from None


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

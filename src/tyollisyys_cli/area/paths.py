"""Which area's data a run reads, and how it was chosen.

In this order: `--data-dir`, then `TYOLLISYYS_DATA_DIR`, then the area found from the
working folder, then the bundled example. An area is found the way git and ruff find
their configuration: from the working folder up to the root, the first folder that
holds `municipalities.yaml`, or whose `data/` folder does (so a run anywhere inside a
checkout of this repository, or of an area's own repository, reads that area), or that
holds an area's other files without it (`sign_of_an_area`: then its runs say what is
missing). `init` writes `municipalities.yaml`, so a new area is found at once.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tyollisyys_cli.i18n import N_, _

ENV_DATA_DIR = "TYOLLISYYS_DATA_DIR"
#: The file that makes a folder an area's data folder.
MARKER = "municipalities.yaml"
#: The files and the folder of month files that every run reads from a data folder.
DATA_FILES = (MARKER, "commuting.yaml")
STATISTICS_DIR = "statistics"
#: A month's file saved under another ending (Notepad's `2026-05.csv.txt`, a workbook,
#: a name without one), which the loader refuses, where the month has no `.csv` beside
#: it, rather than leave the month out of every table without a word. A backup
#: (`2026-05.csv.bak`, `~`) is left alone.
MONTH_SAVED_OTHERWISE = re.compile(
    r"((?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2]))(\.csv)?"
    r"(\.txt|\.tsv|\.xlsx|\.xlsm|\.xls|\.ods|\.numbers)?",
    re.IGNORECASE,
)
BUNDLED_DESCRIPTION = N_("bundled example: Kainuu–Koillismaa plan 2023")

Origin = Literal["option", "environment", "found", "bundled"]


@dataclass(frozen=True)
class DataSource:
    """The data folder of a run and how it was chosen."""

    folder: Path
    origin: Origin
    #: The files of areas found from the working folder but passed over (`find_area`:
    #: another user's, in a folder all may write), for a note.
    passed_over: tuple[Path, ...] = ()
    #: For the bundled example: the folders just below the working folder that hold an
    #: area (`areas_below`), which a run there may have meant, for a note.
    below: tuple[Path, ...] = ()

    def describe(self) -> str:
        """`data (found from the working folder)`, or the bundled example's name."""
        if self.origin == "bundled":
            return _(BUNDLED_DESCRIPTION)
        from tyollisyys_cli.errors import escaped  # a folder name that is not UTF-8, say

        folder = escaped(shown(self.folder))
        if self.origin == "found":
            return _("{folder} (found from the working folder)").format(folder=folder)
        how = "--data-dir" if self.origin == "option" else ENV_DATA_DIR
        return f"{folder} ({how})"


def shown(path: Path) -> str:
    """`path` relative to the working folder when it lies below it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd())) or "."
    except (ValueError, OSError):
        return str(path)


def is_bundled(folder: Path) -> bool:
    """Whether `folder` is the bundled data's (through links, `..` or another spelling;
    in a source checkout, its `data/` is)."""
    bundled = bundled_data_dir()
    try:
        return folder.exists() and bundled.exists() and os.path.samefile(folder, bundled)
    except OSError:
        return False


def bundled_data_dir() -> Path:
    """The Kainuu–Koillismaa data shipped inside the package.

    In an installed package the files are at `tyollisyys_cli/data/`; in a source
    checkout (an editable install) they are the repository's `data/` folder.
    """
    # What importlib.resources.files("tyollisyys_cli") gives for a package on disk,
    # without importing importlib.resources (a few milliseconds of every run).
    packaged = Path(__file__).parents[1] / "data"
    if (packaged / MARKER).is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def find_area(start: Path, passed: list[Path] | None = None) -> Path | None:
    """The first folder from `start` up to the root that is, or has as `data/`, an area;
    one another user may have planted (`_planted`) is passed over (the file that made it
    one added to `passed`)."""
    try:
        folder = start.resolve()
    except OSError:
        return None
    for candidate in (folder, *folder.parents):
        for area in (candidate, candidate / "data"):
            mark = MARKER if (area / MARKER).is_file() else sign_of_an_area(area)
            if mark is None:
                continue
            if not _planted(area, mark):
                return area
            if passed is not None:
                passed.append(area / mark)
    return None


#: What only an area's folder holds beside its municipalities.yaml, each with the keys
#: it may have and one it must: a folder that holds one but no
#: municipalities.yaml file (renamed, saved as .yml, a folder in its place) is still
#: taken for an area's, to be told what is missing, not passed over for the bundled
#: example (whose figures of 2023 read as the area's own). A table written as
#: `commuting.yaml` (JSON), another tool's YAML of that name, a report in
#: `statistics/`, is no sign.
_SIGNS = {
    "commuting.yaml": ({"source", "month", "rows", "totals"}, "rows"),
    "municipalities.yml": (
        {
            "area",
            "statistics_totals",
            "municipalities",
            "service_units",
            "shared_services",
            "claims",
        },
        "municipalities",
    ),
}
_SIGNS["Municipalities.yaml"] = _SIGNS["municipalities.yml"]
#: A month's file as `import` writes it, named and headed so (its header saved by a
#: spreadsheet with `;` or tabs, or quoted, too; or a month kept as YAML by an earlier
#: version).
MONTH_FILE = re.compile(r"((?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2]))\.csv")
_MONTH_HEADER = re.compile(r'^\ufeff?"?municipality"?[,;\t]"?labour_force')
_OLD_MONTH_FILE = re.compile(r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])\.ya?ml")


def sign_of_an_area(folder: Path) -> str | None:
    """What makes `folder` an area's though it has no municipalities.yaml file (that
    name as a folder or a link to nothing, a file of `_SIGNS`, a month's file in its
    statistics folder), as a path within it; else None."""
    if os.path.lexists(folder / MARKER) and not (folder / MARKER).is_file():
        return MARKER
    for name, (keys, needed) in _SIGNS.items():
        if _holds_keys(folder / name, keys, needed):
            return name
    statistics = folder / STATISTICS_DIR
    if not statistics.is_dir():
        return None
    try:
        months = sorted(
            p
            for p in statistics.iterdir()
            if MONTH_FILE.fullmatch(p.name) or _OLD_MONTH_FILE.fullmatch(p.name)
        )
    except OSError:
        return None
    for path in months:
        head = _first_lines(path, 4096)
        if _MONTH_HEADER.match(head) or (path.suffix != ".csv" and "labour_force:" in head):
            return f"{STATISTICS_DIR}/{path.name}"
    return None


def _holds_keys(path: Path, keys: set[str], needed: str) -> bool:
    """Whether the YAML file at `path` (read as every data file is) is a mapping with
    `needed` among its keys and no key but `keys`; False for no such file, or one that
    does not read."""
    if not path.is_file():  # (a pipe is never read: it could wait for ever)
        return False
    from tyollisyys_cli.errors import DataErrors
    from tyollisyys_cli.files.yamlfile import load_yaml

    try:
        data = load_yaml(path).data
    except DataErrors:
        return False
    return isinstance(data, dict) and needed in data and set(data) <= keys


def _first_lines(path: Path, most: int) -> str:
    """The regular file at `path` as text, its first `most` bytes; "" where there is
    none."""
    try:
        if not path.is_file():
            return ""
        with path.open("rb") as stream:
            return stream.read(most).decode("utf-8", "replace")
    except OSError:
        return ""


def _planted(area: Path, mark: str = MARKER) -> bool:
    """Whether the area's file (`mark`) is another user's in, or in a `data/` of, a sticky
    folder all may write (/tmp): any user could have put it there, to be found by every
    run below it (as git refuses a repository another user owns)."""
    if not hasattr(os, "geteuid"):
        return False
    try:
        owner = os.lstat(area / mark).st_uid  # (a link planted is the planter's)
        folders = [os.stat(area).st_mode]
        if area.name == "data":  # (`/tmp/data/`, a folder of anyone's own)
            folders.append(os.stat(area.parent).st_mode)
    except OSError:
        return False
    shared = any(mode & stat.S_ISVTX and mode & stat.S_IWOTH for mode in folders)
    return owner not in (0, os.geteuid()) and shared


def data_source(option: Path | None) -> DataSource:
    """The data folder to use, and how it was chosen."""
    if option is not None:
        return DataSource(option, "option")
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return DataSource(Path(from_env), "environment")
    passed: list[Path] = []
    try:
        found = find_area(Path.cwd(), passed)
    except OSError:  # the working folder was removed
        found = None
    if found is not None:
        return DataSource(Path(shown(found)), "found", tuple(passed))
    return DataSource(bundled_data_dir(), "bundled", tuple(passed), areas_below(Path(".")))


#: The most entries of the working folder looked at for `areas_below` (a home folder
#: of thousands is not walked on every run).
_BELOW_LIMIT = 500


def areas_below(folder: Path) -> tuple[Path, ...]:
    """The folders just below `folder`, hidden ones aside, that hold an area's
    municipalities.yaml, or whose `data/` does (a checkout of an area's repository): a
    run in `folder` reads the bundled example, and the user may have meant one of them."""
    found: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            for i, entry in enumerate(entries):
                if i >= _BELOW_LIMIT:
                    break
                try:  # (a loop of links, a folder not ours to read: passed, not the rest)
                    if entry.name.startswith(".") or not entry.is_dir():
                        continue
                    for area in (Path(entry.name), Path(entry.name) / "data"):
                        if (area / MARKER).is_file():
                            found.append(area)
                            break
                except OSError:
                    continue
    except OSError:
        return ()
    return tuple(sorted(found))


def marks_an_area(path: Path) -> bool:
    """Whether a file at `path` (or where a link there leads) would make its folder an
    area's data folder for the runs in it and below (a table written as
    `municipalities.yaml`)."""
    return MARKER in {path.name.casefold(), Path(os.path.realpath(path)).name.casefold()}


def data_folder_reading(path: Path, data_dir: Path) -> Path | None:
    """The area folder whose runs would read a file at `path` as data (its commuting.yaml,
    or a file of its statistics folder that the loader reads or refuses), whether or not
    it is there yet; a link is followed to where it leads, there or not. An area folder
    is `data_dir` (given as it is) or any folder that holds a municipalities.yaml."""
    try:
        given = data_dir.resolve()
        # as written, its folder resolved, and where a link leads: a linked statistics
        # folder is still the statistics folder of the area it stands in
        places = {
            Path(os.path.abspath(path)),
            path.parent.resolve() / path.name,
            Path(os.path.realpath(path)),
        }
    except (OSError, RuntimeError):  # (a loop of links: the write will say so)
        return None
    for place in places:
        name, parent = place.name, place.parent
        if name.casefold() in DATA_FILES:  # (`Commuting.yaml` too: runs would fail on it)
            folder = parent
        elif (
            parent.name == STATISTICS_DIR
            and not name.startswith(".")
            and (
                name.lower().endswith((".csv", ".yaml", ".yml"))
                or MONTH_SAVED_OTHERWISE.fullmatch(name)
            )
        ):
            folder = parent.parent
        else:
            continue
        if folder == given:
            return data_dir
        if (folder / MARKER).is_file():
            return folder
    return None

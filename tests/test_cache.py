"""The validated-data cache: keyed by content, never stale, safe to lose or damage, and
invisible in every command's output."""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from tyollisyys_cli.area import cache
from tyollisyys_cli.area.dataset import Area
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.records import Record
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors

ROOT = Path(__file__).resolve().parents[1]


class CountingLoader:
    """`load_area` that counts how often the files are really read."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data_dir: Path) -> Area:
        self.calls += 1
        return load_area(data_dir)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_NO_CACHE, raising=False)
    return folder


def only_cache_file(cache_dir: Path) -> Path:
    files = [p for p in cache_dir.iterdir() if not p.name.startswith(".")]
    assert len(files) == 1, files
    return files[0]


# ------------------------------------------------------------------ hits and misses


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(
    data_copy: Path, cache_dir: Path
) -> None:
    loader = CountingLoader()
    first = cache.load_area_cached(data_copy, loader)
    second = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    assert second.name == first.name == "Kainuu–Koillismaa"
    assert [m.code for m in second.municipalities] == [m.code for m in first.municipalities]
    assert second.municipality("290").statistics.unemployed == 263  # Kuhmo, as printed
    assert second.unit("290").target.describe() == "under 100"
    assert second.files == first.files
    assert dict(second.positions["municipalities"]) == first.positions["municipalities"]


def test_changing_one_byte_of_a_data_file_invalidates_the_cache(
    data_copy: Path, cache_dir: Path
) -> None:
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    path = data_copy / "municipalities.yaml"
    text = path.read_bytes()
    # Kuhmo's 263 unemployed become 264: one byte, same size.
    changed = text.replace(b"unemployed: 263\n", b"unemployed: 264\n", 1)
    assert len(changed) == len(text) and changed != text
    path.write_bytes(changed)
    os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns))
    area = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert area.municipality("290").statistics.unemployed == 264
    assert (
        cache.load_area_cached(data_copy, loader).municipality("290").statistics.unemployed == 264
    )
    assert loader.calls == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda d: (d / "statistics").mkdir(),
        lambda d: (
            (d / "statistics" / "2026-06.yaml").parent.mkdir()
            or (d / "statistics" / "2026-06.yaml").write_text("month: '2026-06'\n")
        ),
        lambda d: (d / "commuting.yaml").unlink(),
        lambda d: (d / "notes.txt").write_text("a new file beside the data\n"),
    ],
    ids=["new statistics folder", "new month file", "file removed", "new other file"],
)
def test_the_key_covers_the_folder_listing_and_every_yaml_below(
    data_copy: Path, cache_dir: Path, change: Callable[[Path], object]
) -> None:
    before = cache.data_key(data_copy)
    change(data_copy)
    assert cache.data_key(data_copy) != before


def test_the_key_changes_with_the_tools_code(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache.data_key(data_copy)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another version")
    assert cache.data_key(data_copy) != before


def test_invalid_data_is_reported_and_not_cached(data_copy: Path, cache_dir: Path) -> None:
    path = data_copy / "municipalities.yaml"
    path.write_text(path.read_text().replace("unemployed: 263", "unemployed: 26 3"))
    for _ in range(2):
        with pytest.raises(DataErrors, match=r"municipalities\[2\]\.statistics\.unemployed"):
            cache.load_area_cached(data_copy)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


# ------------------------------------------------------------------ damage


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"not a cache file at all"),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(p.read_bytes()[:-9] + b"\xff" * 9),
        lambda p: p.write_bytes(cache.FORMAT + p.read_bytes()[len(cache.FORMAT) :][::-1]),
    ],
    ids=["empty", "garbage", "truncated", "index damaged", "body damaged"],
)
def test_a_corrupt_cache_is_ignored_and_rebuilt(
    data_copy: Path, cache_dir: Path, damage: Callable[[Path], object]
) -> None:
    loader = CountingLoader()
    fresh = cache.load_area_cached(data_copy, loader)
    damage(only_cache_file(cache_dir))
    again = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert again.municipality("290").name == fresh.municipality("290").name
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2  # rebuilt: the next run hits again


def test_a_damaged_deferred_part_is_read_from_the_files_instead(
    data_copy: Path, cache_dir: Path
) -> None:
    fresh = cache.load_area_cached(data_copy)
    path = only_cache_file(cache_dir)
    data = bytearray(path.read_bytes())
    index_at = int.from_bytes(data[-8:], "little")
    index = pickle.loads(bytes(data[index_at:-8]))
    offset, length, _crc = index["parts"][0]  # the positions of municipalities.yaml
    data[offset + length // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    warm = cache.load_area_cached(data_copy)
    assert dict(warm.positions["municipalities"]) == fresh.positions["municipalities"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_can_write_is_not_trusted(data_copy: Path, cache_dir: Path) -> None:
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    only_cache_file(cache_dir).chmod(0o666)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert only_cache_file(cache_dir).stat().st_mode & 0o077 == 0  # rewritten, private


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() == 0, reason="root reads unreadable files"
)
def test_an_unreadable_cache_is_ignored(data_copy: Path, cache_dir: Path) -> None:
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    only_cache_file(cache_dir).chmod(0)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2


def test_an_unwritable_cache_folder_only_costs_time(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV_CACHE_DIR, str(blocker / "cache"))
    loader = CountingLoader()
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert loader.calls == 2


def test_a_failed_write_leaves_the_old_cache_file_and_no_temporary_file(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load_area_cached(data_copy)
    written = only_cache_file(cache_dir)
    old = written.read_bytes()
    assert written.stat().st_mode & 0o777 == 0o600
    (data_copy / "notes.txt").write_text("a new file: another key\n")

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full_disk)
    assert cache.load_area_cached(data_copy).name == "Kainuu–Koillismaa"
    assert os.listdir(cache_dir) == [written.name]
    assert written.read_bytes() == old


def test_writing_imports_pydantic_only_when_a_model_may_be_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cache._model_reductions()  # pydantic is imported here: its models are reduced
    for name in [m for m in sys.modules if m == "pydantic" or m.startswith("pydantic.")]:
        monkeypatch.delitem(sys.modules, name)
    assert cache._model_reductions() == {}
    assert "pydantic" not in sys.modules


def test_no_cache_setting_reads_the_files_and_writes_nothing(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert not cache_dir.exists()


def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_CACHE_DIR, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg/cache")
    assert cache.cache_dir() == Path("/xdg/cache/tyollisyys")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache.cache_dir() == Path.home() / ".cache" / "tyollisyys"
    monkeypatch.setenv(cache.ENV_CACHE_DIR, "/somewhere/else")
    assert cache.cache_dir() == Path("/somewhere/else")


def test_the_cache_is_written_outside_the_data_folder(data_copy: Path, cache_dir: Path) -> None:
    before = sorted(p.name for p in data_copy.rglob("*"))
    cache.load_area_cached(data_copy)
    cache.load_area_cached(data_copy)
    assert sorted(p.name for p in data_copy.rglob("*")) == before
    assert only_cache_file(cache_dir).name.startswith("area-")


# ------------------------------------------------------------------ records


def test_records_stand_in_for_models(data_copy: Path, cache_dir: Path) -> None:
    fresh = load_area(data_copy)
    cache.load_area_cached(data_copy)
    warm = cache.load_area_cached(data_copy)
    kuhmo_unit = warm.unit("290")
    assert isinstance(kuhmo_unit.target, Record)
    assert kuhmo_unit.target.band() == fresh.unit("290").target.band()
    staffing = kuhmo_unit.staffing
    assert [line.fte.span() for line in staffing] == [
        line.fte.span() for line in fresh.unit("290").staffing
    ]
    assert kuhmo_unit.target == warm.unit("290").target
    assert repr(kuhmo_unit.target).endswith(
        "(min=None, max=100.0, about=None, printed='alle sata henkilöasiakasta per "
        "työllisyysohjaaja htv')"
    )
    with pytest.raises(AttributeError, match="frozen"):
        kuhmo_unit.target.max = 120  # type: ignore[misc]
    # Anything the record lacks is answered by the real model.
    assert kuhmo_unit.target.model_dump() == fresh.unit("290").target.model_dump()
    assert warm.plan == fresh.plan  # the plain validation made records too
    assert warm.plan.to_model() == fresh.plan.to_model()


# ------------------------------------------------------------------ the commands


def command_lines() -> list[list[str]]:
    """Every command of the tool, with no arguments and with typical ones."""
    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    lines = [[name] for name in names]
    lines += [
        ["caseload", "Kuhmo"],
        ["caseload", "Hyrynsalmi", "--clients-per-unemployed", "2.08"],
        ["staffing", "Kajaani", "Kuhmo"],
        ["unemployment", "ristijarvi"],
        ["caseload", "Kuhm"],
        ["check", "--format", "json"],
        ["check", "--format", "github"],
    ]
    return lines


def run_all(runner: CliRunner, data_dir: Path) -> list[tuple[int, str]]:
    return [
        (result.exit_code, result.output)
        for line in command_lines()
        for result in [runner.invoke(app, ["--data-dir", str(data_dir), *line])]
    ]


def test_every_command_gives_the_same_output_with_and_without_the_cache(
    runner: CliRunner, data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    without = run_all(runner, data_copy)
    monkeypatch.delenv(cache.ENV_NO_CACHE)
    cold = run_all(runner, data_copy)
    assert only_cache_file(cache_dir)
    warm = run_all(runner, data_copy)
    assert cold == without
    assert warm == without
    assert any("Kuhmo" in output for code, output in without if code == 0)


@pytest.mark.parametrize(
    "command",
    [
        ["caseload", "Kuhmo"],
        ["staffing"],
        ["municipalities"],
        ["offices", "Kuhmo"],
        ["unemployment"],
        ["commuting"],
        ["trend"],
        ["allocate"],
        ["check", "--format", "json"],
    ],
)
def test_a_warm_run_reads_no_yaml(tmp_path: Path, command: list[str]) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['tyollisyys', *{command!r}]\n"
        "from tyollisyys_cli.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'typer', 'yaml'})\n"
        "print('heavy:', ' '.join(heavy) or 'none', file=sys.stderr)\n"
    )
    env = {**os.environ, cache.ENV_CACHE_DIR: str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("TYOLLISYYS_DATA_DIR", None)
    cold, warm = (
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    )
    # typer parses the command line (and imports pydantic for it); the cache spares YAML.
    assert "heavy: pydantic typer yaml" in cold.stderr, cold.stderr
    assert warm.stderr.strip() == "heavy: pydantic typer", warm.stderr
    assert warm.stdout == cold.stdout
    assert "Kuhmo" in warm.stdout or "Kajaani" in warm.stdout


# ------------------------------------------------------------------ plain option values


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--clients-per-unemployed", "-1"], "Input should be greater than or equal to 0"),
        (["--clients-per-unemployed", "lots"], "Input should be a valid number"),
    ],
)
def test_bad_option_values_get_typers_own_messages(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["caseload", "Kuhmo", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_plain_values_convert_as_typer_would(runner: CliRunner) -> None:
    scaled = runner.invoke(app, ["caseload", "Kuhmo", "--clients-per-unemployed", "2"])
    assert scaled.exit_code == 0, scaled.output
    assert "unemployed job seekers (2023-08) × 2" in scaled.output
    assert "526" in scaled.output  # Kuhmo's 263 unemployed × 2


# ------------------------------------------------------------------ only the command run


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["caseload", "Kuhmo"], "caseload"),
        (["--data-dir", "check", "caseload"], "caseload"),
        (["--debug", "check", "--format", "json"], "check"),
        (["--help"], None),
        (["--version", "caseload"], None),
        ([], None),
    ],
)
def test_the_command_run_is_found_past_the_global_options(
    args: list[str], name: str | None
) -> None:
    from tyollisyys_cli.cli.app import command_run

    assert command_run(args) == name


def test_the_console_script_runs_the_command_and_still_knows_the_others(tmp_path: Path) -> None:
    env = {**os.environ, cache.ENV_CACHE_DIR: str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("TYOLLISYYS_DATA_DIR", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tyollisyys_cli", *args],
            env=env,
            capture_output=True,
            text=True,
        )

    caseload = run("caseload", "Kuhmo")
    assert caseload.returncode == 0, caseload.stderr
    assert "under 100" in caseload.stdout
    typo = run("casload")
    assert typo.returncode == 2
    assert "Did you mean 'caseload'?" in typo.stderr
    assert "caseload" in run("--help").stdout


def test_large_statistics_are_read_only_when_used(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "DEFER_OVER", 3)  # the bundled area's 10 rows count as large
    fresh = load_area(data_copy)
    plan_month = fresh.snapshots[0]
    later = dataclasses.replace(plan_month, month="2023-09")
    area = dataclasses.replace(fresh, snapshots=(plan_month, later))
    key = cache.data_key(data_copy)
    target = cache.cache_file(data_copy)
    cache.write(target, key, area)
    warm = cache.read(target, key, lambda: area)
    assert warm is not None
    assert warm.months == ["2023-08", "2023-09"]
    assert not isinstance(warm.snapshot().rows, cache.DeferredMapping)  # the latest month
    rows = warm.snapshots[0].rows
    assert isinstance(rows, cache.DeferredMapping)
    assert rows._data is None  # not read yet
    assert rows["290"].unemployed == 263
    assert rows.copy() == (rows | {}) == ({} | rows) == dict(rows)
    assert len(rows) == 10 and "205" in rows
    assert dict(warm.snapshots[0].row_refs) == plan_month.row_refs


def test_without_a_home_folder_the_files_are_read(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.ENV_CACHE_DIR, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    loader = CountingLoader()
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert loader.calls == 1


def _files_look_old(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the data files had last changed an hour before the run."""
    in_an_hour = time.time_ns() + 3_600_000_000_000
    monkeypatch.setattr(cache, "time", types.SimpleNamespace(time_ns=lambda: in_an_hour))


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read whole from now on (a list that grows)."""
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


def _edit_one_figure(path: Path) -> None:
    """The same number of bytes, another figure."""
    path.write_text(path.read_text().replace("unemployed: 263", "unemployed: 264"))


@pytest.mark.parametrize("files", ["just written", "an hour old"])
def test_files_changed_while_loading_are_not_cached(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, files: str
) -> None:
    if files == "an hour old":
        _files_look_old(monkeypatch)
    path = data_copy / "municipalities.yaml"

    def edited_meanwhile(data_dir: Path) -> Area:
        area = load_area(data_dir)
        _edit_one_figure(path)
        return area

    cache.load_area_cached(data_copy, edited_meanwhile)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())
    assert cache.load_area_cached(data_copy).municipality("290").statistics.unemployed == 264


def test_unchanged_old_files_are_not_read_again_after_loading(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their status (size, times, inode) shows that they are as they were hashed.
    _files_look_old(monkeypatch)
    reads = _count_reads(monkeypatch)
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    assert only_cache_file(cache_dir)
    # Once hashed, once loaded (hashing again after loading would make it three times).
    assert reads.count("municipalities.yaml") == reads.count("commuting.yaml") == 2
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1


def test_a_file_changed_just_before_it_was_read_is_hashed_again(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system whose times did not move (two writes in one tick): within the racy
    # window the status is not trusted, and the bytes tell the change.
    monkeypatch.setattr(cache, "_status", lambda stat: (stat.st_size, 0, 0, 0, 0))
    path = data_copy / "municipalities.yaml"

    def edited_meanwhile(data_dir: Path) -> Area:
        area = load_area(data_dir)
        _edit_one_figure(path)
        return area

    cache.load_area_cached(data_copy, edited_meanwhile)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1  # unchanged files are cached all the same


def test_a_warm_run_over_settled_files_reads_none_of_them(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files unchanged since the cache was written (by name and status) are not read."""
    _files_look_old(monkeypatch)
    loader = CountingLoader()
    cold = cache.load_area_cached(data_copy, loader)
    reads = _count_reads(monkeypatch)
    warm = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    assert reads == []
    assert warm.municipality("290").statistics == cold.municipality("290").statistics


def test_an_edit_of_a_settled_file_is_seen(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _files_look_old(monkeypatch)
    cache.load_area_cached(data_copy)
    _edit_one_figure(data_copy / "municipalities.yaml")  # same size: the change time moves
    assert cache.load_area_cached(data_copy).municipality("290").statistics.unemployed == 264


def test_racy_files_are_never_recognised_by_their_status(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files just written leave no status digest: the next run compares their bytes."""
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    (cached,) = [p for p in cache_dir.iterdir() if not p.name.startswith(".")]
    start = len(cache.FORMAT) + 20
    assert cached.read_bytes()[start : start + 20] == cache.UNSETTLED
    # Even a file system whose times never move cannot hide an edit then.
    monkeypatch.setattr(cache, "_status", lambda stat: (stat.st_size, 0, 0, 0, 0))
    _edit_one_figure(data_copy / "municipalities.yaml")
    assert cache.load_area_cached(data_copy).municipality("290").statistics.unemployed == 264


def test_a_file_written_back_meanwhile_is_not_cached(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edited and written back while the area was read: same bytes, other area."""
    _files_look_old(monkeypatch)
    path = data_copy / "municipalities.yaml"
    original = path.read_bytes()

    def edited_and_restored(data_dir: Path) -> Area:
        _edit_one_figure(path)
        area = load_area(data_dir)  # reads 264
        path.write_bytes(original)  # the files hold 263 again
        return area

    cache.load_area_cached(data_copy, edited_and_restored)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())
    assert cache.load_area_cached(data_copy).municipality("290").statistics.unemployed == 263


def test_a_cache_written_over_fresh_files_learns_their_status_later(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)  # files just written: no status digest
    (cached,) = [p for p in cache_dir.iterdir() if not p.name.startswith(".")]
    start = len(cache.FORMAT) + 20
    assert cached.read_bytes()[start : start + 20] == cache.UNSETTLED
    _files_look_old(monkeypatch)  # a later run, the files settled
    cache.load_area_cached(data_copy, loader)  # matched by key, and stamped
    assert cached.read_bytes()[start : start + 20] != cache.UNSETTLED
    reads = _count_reads(monkeypatch)
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert (loader.calls, reads) == (1, [])


def test_without_trustworthy_change_times_files_are_always_hashed(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows `st_ctime` is the creation time: the status proves nothing there."""
    monkeypatch.setattr(cache, "_status_trusted", lambda: False)
    _files_look_old(monkeypatch)
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    reads = _count_reads(monkeypatch)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    assert "municipalities.yaml" in reads
    (cached,) = [p for p in cache_dir.iterdir() if not p.name.startswith(".")]
    start = len(cache.FORMAT) + 20
    assert cached.read_bytes()[start : start + 20] == cache.UNSETTLED

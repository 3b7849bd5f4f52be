"""The validated-data cache: keyed by content, never stale, private, safe to lose or damage,
and invisible in every command's output."""

from __future__ import annotations

import dataclasses
import os
import pickle
import stat
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.core
import typer.main

from clirunner import CliRunner
from tyollisyys_cli.area import cache
from tyollisyys_cli.area.dataset import Area, Positions, ValueRef
from tyollisyys_cli.area.load import load_area
from tyollisyys_cli.area.months import month_path
from tyollisyys_cli.cli.app import app
from tyollisyys_cli.errors import DataErrors
from tyollisyys_cli.files import MAX_FILE_BYTES
from tyollisyys_cli.files.monthcsv import render
from tyollisyys_cli.models.area import AreaFile, StatisticsRow
from tyollisyys_cli.models.commuting import CommutingFile


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


@pytest.fixture
def with_month(data_copy: Path) -> Path:
    """The data copy with an imported month (`statistics/2023-09.csv`) beside the plan's."""
    plan = load_area(data_copy)
    rows = [
        (m.code, m.name, m.statistics.model_dump())
        for m in plan.municipalities
        if m.statistics is not None
    ]
    path = month_path(data_copy, "2023-09")
    path.parent.mkdir()
    path.write_text(render(source="Test source", rows=rows), encoding="utf-8")
    return data_copy


def cache_files(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.iterdir()) if cache_dir.exists() else []


def only_cache_file(cache_dir: Path) -> Path:
    [found] = cache_files(cache_dir)
    return found


def edit_one_figure(path: Path) -> None:
    """Kuhmo's 263 unemployed become 264: the same number of bytes, another figure."""
    text = path.read_bytes()
    changed = text.replace(b"unemployed: 263\n", b"unemployed: 264\n", 1)
    assert len(changed) == len(text) and changed != text
    path.write_bytes(changed)


def write_raw(path: Path, key: bytes, main: bytes, positions: bytes) -> None:
    """A cache file in the cache's own layout, with any content."""
    crc = zlib.crc32(positions, zlib.crc32(main))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(cache.MAGIC + key + cache._LENGTHS.pack(len(main), crc) + main + positions)
    path.chmod(0o600)


# ------------------------------------------------------------------ hits and misses


def test_a_warm_area_equals_a_cold_one_with_the_same_types(
    with_month: Path, cache_dir: Path
) -> None:
    loader = CountingLoader()
    cold = cache.load_area_cached(with_month, loader)
    warm = cache.load_area_cached(with_month, loader)
    assert loader.calls == 1
    assert warm == cold
    assert type(cold.plan) is type(warm.plan) is AreaFile
    assert type(cold.commuting) is type(warm.commuting) is CommutingFile
    assert type(cold.positions) is type(warm.positions) is Positions
    assert warm.months == cold.months == ["2023-08", "2023-09"]
    for month in warm.months:
        cold_row, warm_row = cold.snapshot(month).rows["290"], warm.snapshot(month).rows["290"]
        assert type(cold_row) is type(warm_row) and isinstance(warm_row, StatisticsRow)
        assert warm_row == cold_row and warm_row.unemployed == 263
        assert type(cold.snapshot(month).rows) is type(warm.snapshot(month).rows)
    target = warm.unit("290").target
    assert target is not None
    assert target.describe() == "under 100"
    assert dict(warm.positions) == dict(cold.positions)
    ref = ValueRef("statistics/2023-09", ("rows", 2, "unemployed"))
    assert warm.locate(ref) == cold.locate(ref)
    assert warm.locate(ref).line == 4


def test_changing_one_byte_of_a_data_file_reloads_it(data_copy: Path, cache_dir: Path) -> None:
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    edit_one_figure(data_copy / "municipalities.yaml")
    area = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    statistics = area.municipality("290").statistics
    assert statistics is not None
    assert statistics.unemployed == 264
    again = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert again.municipality("290").statistics == area.municipality("290").statistics


@pytest.mark.parametrize(
    "name", ["municipalities.yaml", "commuting.yaml", "statistics/2023-09.csv"]
)
def test_the_key_changes_with_any_byte_of_a_data_file(with_month: Path, name: str) -> None:
    path = with_month / name
    original = path.read_bytes()
    key, _ = cache.data_key(with_month)
    for at in [0, *range(1, len(original), 331), len(original) - 1]:
        changed = bytearray(original)
        changed[at] ^= 0x01
        path.write_bytes(changed)
        assert cache.data_key(with_month)[0] != key, at
    path.write_bytes(original)
    assert cache.data_key(with_month)[0] == key


@pytest.mark.parametrize(
    "change",
    [
        lambda d: (d / "statistics").mkdir(),
        lambda d: (d / "statistics").mkdir() or (d / "statistics" / "2026-06.csv").write_text(""),
        lambda d: (d / "commuting.yaml").unlink(),
        lambda d: (d / "municipalities.yml").write_text("area: {}\n"),
        lambda d: (d / "notes.txt").write_text("a new file beside the data\n"),
    ],
    ids=["new statistics folder", "new month file", "file removed", "new .yml", "new other file"],
)
def test_the_key_covers_the_names_beside_the_data(
    data_copy: Path, change: Callable[[Path], object]
) -> None:
    before = cache.data_key(data_copy)[0]
    change(data_copy)
    assert cache.data_key(data_copy)[0] != before


def test_the_key_changes_with_the_tools_code_and_the_folder_as_given(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache.data_key(data_copy)[0]
    monkeypatch.chdir(data_copy.parent)
    assert cache.data_key(Path(data_copy.name))[0] != before  # messages name it so
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another version")
    assert cache.data_key(data_copy)[0] != before


def test_invalid_data_is_reported_and_not_cached(data_copy: Path, cache_dir: Path) -> None:
    path = data_copy / "municipalities.yaml"
    path.write_text(path.read_text().replace("unemployed: 263", "unemployed: 26 3"))
    for _ in range(2):
        with pytest.raises(DataErrors, match=r"municipalities\[2\]\.statistics\.unemployed"):
            cache.load_area_cached(data_copy)
    assert cache_files(cache_dir) == []


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk."""
    path.parent.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_a_file_over_the_limit_is_not_read_for_the_key(data_copy: Path, cache_dir: Path) -> None:
    cache.load_area_cached(data_copy)  # (the loader's modules imported before measuring)
    cached = only_cache_file(cache_dir).read_bytes()
    sparse(data_copy / "statistics" / "2024-01.csv", 64 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(DataErrors, match=r"2024-01\.csv: file is .* larger than the limit"):
            cache.load_area_cached(data_copy)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_FILE_BYTES  # neither the key nor the loader read the 64 MiB
    assert only_cache_file(cache_dir).read_bytes() == cached


def test_a_large_file_the_loader_does_not_read_leaves_the_cache_on(
    data_copy: Path, cache_dir: Path
) -> None:
    stray = sparse(data_copy / "old-export.csv", MAX_FILE_BYTES + 1)  # beside the data
    loader = CountingLoader()
    for _ in range(2):
        cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    key = cache.data_key(data_copy)[0]
    os.utime(stray, ns=(1, 1))  # its status stands for its content in the key
    assert cache.data_key(data_copy)[0] != key


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_keyed_without_waiting_for_a_writer(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (found by name as a file, then swapped for a pipe before it is opened)
    pipe = tmp_path / "2024-01.csv"
    os.mkfifo(pipe, 0o600)
    entries = [*cache._entries(data_copy), ("statistics/2024-01.csv", pipe)]
    monkeypatch.setattr(cache, "_entries", lambda _folder: entries)
    _key, statuses = cache.data_key(data_copy)
    assert len(statuses) == len([path for _name, path in entries if path is not None])


def test_files_changed_while_loading_are_not_cached(data_copy: Path, cache_dir: Path) -> None:
    path = data_copy / "municipalities.yaml"

    def edited_meanwhile(data_dir: Path) -> Area:
        area = load_area(data_dir)  # reads 263
        edit_one_figure(path)
        return area

    cache.load_area_cached(data_copy, edited_meanwhile)
    assert cache_files(cache_dir) == []
    area = cache.load_area_cached(data_copy)
    statistics = area.municipality("290").statistics
    assert statistics is not None
    assert statistics.unemployed == 264


def test_a_file_written_back_while_loading_is_not_cached(data_copy: Path, cache_dir: Path) -> None:
    """Edited and written back while the area was read: the same bytes, another area."""
    path = data_copy / "municipalities.yaml"
    original = path.read_bytes()

    def edited_and_restored(data_dir: Path) -> Area:
        edit_one_figure(path)
        area = load_area(data_dir)  # reads 264
        path.write_bytes(original)  # the files hold 263 again
        return area

    cache.load_area_cached(data_copy, edited_and_restored)
    assert cache_files(cache_dir) == []
    area = cache.load_area_cached(data_copy)
    statistics = area.municipality("290").statistics
    assert statistics is not None
    assert statistics.unemployed == 263


# ------------------------------------------------------------------ positions


def test_positions_are_read_only_when_asked_for(data_copy: Path, cache_dir: Path) -> None:
    cold = cache.load_area_cached(data_copy)
    assert cold.positions.loaded
    warm = cache.load_area_cached(data_copy)
    assert not warm.positions.loaded
    assert warm.snapshot().rows["290"].unemployed == 263
    assert not warm.positions.loaded
    ref = ValueRef("municipalities", ("municipalities", 2, "statistics", "unemployed"))
    assert warm.written(ref) == "263"
    assert warm.positions.loaded
    assert warm.locate(ref) == cold.locate(ref)


@pytest.mark.parametrize(("command", "reads"), [(["caseload", "Kuhmo"], 0), (["check"], 1)])
def test_only_the_commands_that_place_values_read_the_positions(
    runner: CliRunner,
    data_copy: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    reads: int,
) -> None:
    line = ["--data-dir", str(data_copy), *command]
    assert runner.invoke(app, line).exit_code in (0, 1)  # writes the cache
    calls: list[int] = []
    unpickle = cache._positions

    def counted(data: memoryview, reload: Callable[[], Area]) -> object:
        calls.append(1)
        return unpickle(data, reload)

    monkeypatch.setattr(cache, "_positions", counted)
    result = runner.invoke(app, line)
    assert result.exit_code in (0, 1), result.output
    assert len(calls) == reads


def test_unreadable_positions_are_taken_from_the_files(data_copy: Path, cache_dir: Path) -> None:
    fresh = load_area(data_copy)
    key, _ = cache.data_key(data_copy)
    main = pickle.dumps(dataclasses.replace(fresh, positions=Positions({})))
    write_raw(cache.cache_file(data_copy), key, main, b"not a pickle")
    loader = CountingLoader()
    warm = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 0
    assert dict(warm.positions) == dict(fresh.positions)
    assert loader.calls == 1


# ------------------------------------------------------------------ damage and trust


def _rebuilt(data_copy: Path, cache_dir: Path) -> None:
    """The cache file is not used, and a sound one takes its place."""
    loader = CountingLoader()
    area = cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    assert area.name == "Kainuu–Koillismaa"
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 1
    target = only_cache_file(cache_dir)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b[:-1] + bytes([b[-1] ^ 0xFF]),
        lambda b: b[:100] + bytes([b[100] ^ 0xFF]) + b[101:],
        lambda b: b"",
        lambda b: b"garbage" * 100,
    ],
    ids=["truncated", "last byte", "a byte of the key", "empty", "garbage"],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(
    data_copy: Path, cache_dir: Path, damage: Callable[[bytes], bytes]
) -> None:
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    target.write_bytes(damage(target.read_bytes()))
    _rebuilt(data_copy, cache_dir)


def test_a_cache_file_far_larger_than_its_data_is_not_read_whole(
    data_copy: Path, cache_dir: Path
) -> None:
    """Its head sound, a file grown to gigabytes was read whole: a run under a memory
    limit ended in an internal error (MemoryError), every time."""
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    with target.open("r+b") as handle:  # (sparse: no disk taken)
        handle.truncate(2**24 + 32 * 2**21)
    tracemalloc.start()
    try:
        assert cache.load_area_cached(data_copy).name == "Kainuu–Koillismaa"
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**24  # (the file is 80 MiB)
    assert target.stat().st_size < 2**20  # (rebuilt)
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 0


def test_temporary_files_a_killed_run_left_are_removed_an_hour_on(
    data_copy: Path, cache_dir: Path
) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    old, young = cache_dir / ".tmp-0123456789abcdef", cache_dir / ".tmp-fedcba9876543210"
    notes = cache_dir / ".tmp-notes.txt"  # (the folder may be any: only names of ours go)
    for left in (old, young, notes):
        left.write_bytes(b"x" * 1000)
    for aged in (old, notes):
        os.utime(aged, (time.time() - 7200, time.time() - 7200))
    cache.load_area_cached(data_copy)
    assert not old.exists() and young.exists() and notes.exists()


def test_a_cache_file_of_the_wrong_type_is_ignored_and_rebuilt(
    data_copy: Path, cache_dir: Path
) -> None:
    key, _ = cache.data_key(data_copy)
    write_raw(cache.cache_file(data_copy), key, pickle.dumps({"plan": None}), pickle.dumps({}))
    _rebuilt(data_copy, cache_dir)


def test_a_cache_file_others_can_write_is_ignored_and_rebuilt(
    data_copy: Path, cache_dir: Path
) -> None:
    cache.load_area_cached(data_copy)
    only_cache_file(cache_dir).chmod(0o666)
    _rebuilt(data_copy, cache_dir)


def test_a_cache_file_of_another_user_is_ignored_and_not_replaced(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "getuid"):
        pytest.skip("no file owners on this platform")
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    seen = target.stat()  # (a valid file: only its owner makes it ignored)
    theirs = (seen.st_ino, seen.st_mtime_ns, seen.st_ctime_ns)
    mine = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: mine + 1)  # the file's owner is someone else
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    seen = target.stat()  # (it was replaced by one of this user's)
    assert (seen.st_ino, seen.st_mtime_ns, seen.st_ctime_ns) == theirs


def test_only_a_regular_file_is_read_and_only_one_replaced(
    data_copy: Path, cache_dir: Path, tmp_path: Path
) -> None:
    """A link or a pipe in the cache file's place is neither read nor replaced (the link
    was replaced by a file): the runs are not cached."""
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    elsewhere = tmp_path / "elsewhere"
    target.rename(elsewhere)
    target.symlink_to(elsewhere)
    loader = CountingLoader()
    cache.load_area_cached(data_copy, loader)
    cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert target.is_symlink() and target.readlink() == elsewhere
    assert [p.name for p in cache_dir.iterdir()] == [target.name]  # no temporary left
    if hasattr(os, "mkfifo"):
        target.unlink()
        os.mkfifo(target, 0o600)
        cache.load_area_cached(data_copy, loader)  # does not wait for a writer
        assert loader.calls == 3
        assert stat.S_ISFIFO(target.lstat().st_mode)
    target.unlink()
    cache.load_area_cached(data_copy, loader)
    cache.load_area_cached(data_copy, loader)  # a file again: cached
    assert loader.calls == (4 if hasattr(os, "mkfifo") else 3)


def test_a_place_taken_costs_no_write(
    data_copy: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run pickled the whole area into a temporary file, then threw it away."""
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    target.unlink()
    target.symlink_to(tmp_path / "elsewhere")
    written: list[Path] = []
    monkeypatch.setattr(cache, "write", lambda path, *_args: written.append(path))
    cache.load_area_cached(data_copy)
    assert written == []
    target.unlink()
    cache.load_area_cached(data_copy)
    assert written == [target]


def test_the_cache_is_private(data_copy: Path, cache_dir: Path) -> None:
    cache.load_area_cached(data_copy)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(only_cache_file(cache_dir).stat().st_mode) == 0o600
    assert not any(p.name.startswith(".") for p in data_copy.iterdir())


def test_an_unwritable_cache_folder_only_costs_time(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir.write_text("a file where the folder should be")
    loader = CountingLoader()
    for _ in range(2):
        assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert loader.calls == 2


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load_area_cached(data_copy)
    target = only_cache_file(cache_dir)
    old = target.read_bytes()

    def fail(source: object, destination: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    edit_one_figure(data_copy / "municipalities.yaml")
    assert cache.load_area_cached(data_copy).name == "Kainuu–Koillismaa"
    assert cache_files(cache_dir) == [target]
    assert target.read_bytes() == old


# ------------------------------------------------------------------ settings


def test_no_cache_setting_reads_the_files_and_writes_nothing(
    data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    loader = CountingLoader()
    for _ in range(2):
        cache.load_area_cached(data_copy, loader)
    assert loader.calls == 2
    assert cache_files(cache_dir) == []
    for keeps_it in ("0", "false", "no", "off", "Off", ""):
        monkeypatch.setenv(cache.ENV_NO_CACHE, keeps_it)
        assert cache.enabled(), keeps_it
    for turns_it_off in ("1", "true", "yes", "on"):
        monkeypatch.setenv(cache.ENV_NO_CACHE, turns_it_off)
        assert not cache.enabled(), turns_it_off


def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_CACHE_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    if os.name != "nt":
        assert cache.cache_dir() == Path("/somewhere/cache/tyollisyys")
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
        assert cache.cache_dir() == Path.home() / ".cache" / "tyollisyys"
    monkeypatch.setenv(cache.ENV_CACHE_DIR, "/explicit")
    assert cache.cache_dir() == Path("/explicit")


@pytest.mark.parametrize("home", ["", "relative"])
def test_an_empty_or_relative_home_keeps_no_cache(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: str
) -> None:
    """`HOME= tyollisyys …` made /.cache/tyollisyys; `HOME=rel` a cache in the working
    folder, which the docs say never holds one."""
    for name in (cache.ENV_CACHE_DIR, "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    monkeypatch.setenv("HOME", home)
    with pytest.raises(RuntimeError):
        cache.cache_dir()
    loader = CountingLoader()
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert loader.calls == 1
    assert list((tmp_path / "work").iterdir()) == []


def test_without_a_home_folder_the_files_are_read(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (cache.ENV_CACHE_DIR, "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    loader = CountingLoader()
    assert cache.load_area_cached(data_copy, loader).name == "Kainuu–Koillismaa"
    assert loader.calls == 1


# ------------------------------------------------------------------ the commands


def command_lines() -> list[list[str]]:
    """Every command of the tool, with no arguments and with typical ones."""
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    names = list(root.commands)
    lines = [[name] for name in names]
    lines += [
        ["caseload", "Kuhmo"],
        ["caseload", "Hyrynsalmi", "--clients-per-unemployed", "2.08"],
        ["staffing", "Kajaani", "Kuhmo"],
        ["unemployment", "ristijarvi"],
        ["unemployment", "--month", "2023-09"],
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
    runner: CliRunner, with_month: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    without = run_all(runner, with_month)
    monkeypatch.delenv(cache.ENV_NO_CACHE)
    cold = run_all(runner, with_month)
    assert only_cache_file(cache_dir)
    warm = run_all(runner, with_month)
    assert cold == without
    assert warm == without
    assert any("Kuhmo" in output for code, output in without if code == 0)
    assert any("2023-09" in output for code, output in without if code == 0)

"""Time whole `tyollisyys` processes against Python's floor and the eager-import baseline.

    python benchmarks/run.py [--national DIR] [--runs 15] [--markdown] [--json FILE]
                             [--before PYTHON]

Standard library only. Every benchmark is a whole process, as a user or CI runs it.
All benchmarks run in rounds (each once per round, in the same order), so that a
slower or faster stretch of the machine touches them all alike; the table shows the
median of `--runs` rounds after `--warmup` rounds, the ratio to the floor
(`python -c pass`), to the stack floor (`python -c "import typer; from pydantic import
TypeAdapter"`: typer 0.29 builds a pydantic adapter for every parameter, so no typer
command that takes options starts faster) and to the eager-import baseline (`python -c
"import typer, pydantic, yaml, rich.table, tabulate"`), and the peak memory (maximum
resident set size of the process, from `os.wait4`). With `--hyperfine`, hyperfine
(where installed) times each benchmark instead, one after another.

Warm runs use a cache folder filled by the warm-up; cold runs get an empty cache folder
each time (so they read and validate every file, and write the cache); "after an edit"
runs change a copy of the bundled data (a comment line more) before each run, so the
cache is there but stale; "no cache" runs set `TYOLLISYYS_NO_CACHE=1`. The national
data set comes from `generate_national.py`; it is measured with all of its months and
with the latest 1/2 and 1/4 of them, to show how time grows with the data. The peer
(`peer_pandas.py`, pandas and PyYAML) is timed where pandas is installed and prints
the tool's figure. `--before PYTHON` also times the tool installed beside another
Python (the code before a change) in the same rounds, and tables the two side by side.
Commands the installed tool does not have (or formats it does not offer) are reported
as skipped. The last table holds the targets of issue 12, each with its result.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_NATIONAL = HERE / "out" / "national"
BUNDLED = HERE.parent / "data"
PEER = HERE / "peer_pandas.py"
TYPER_PROGRAM = HERE / "floor_typer.py"
BASELINE_IMPORTS = "import typer, pydantic, yaml, rich.table, tabulate"
#: typer 0.29 builds a pydantic adapter for every parameter: no typer command that takes
#: options can start faster than this.
STACK_IMPORTS = "import typer; from pydantic import TypeAdapter"
FLOOR = "python -c pass"
BASE = "eager imports (baseline)"
STACK = "stack floor (typer + TypeAdapter)"
#: The smallest typer program given an option: the stack floor plus typer's first
#: adapter (what any typer command with an option pays).
TYPER_OPTION = "typer program given one option"
#: The same program doing the least that a measured command must (`floor_typer.py`): the
#: least each target's command can cost with the libraries issue 12 chose.
TYPER_TABLE = "typer program printing a rich table"
TYPER_READ_BUNDLED = "typer program reading the bundled files, rich table"
TYPER_READ_NATIONAL = "typer program reading the national files"
PEER_NAME = "peer: pandas + PyYAML, Kuhmo"
BEFORE = "before: "
MIB = 1024 * 1024
#: How long copied data folders are left before they are measured (see month_subsets).
SETTLE_SECONDS = 3.5


@dataclass
class Benchmark:
    """One command line to time."""

    name: str
    argv: list[str]
    group: str
    cache: str = "none"  # "warm": a primed cache folder; "cold": an empty one per run;
    # "off": TYOLLISYYS_NO_CACHE=1
    ok_codes: tuple[int, ...] = (0,)
    edit: Path | None = None  # a file changed before every run (a warm cache gone stale)
    tool: list[str] = field(default_factory=list)  # the tool's command, where it runs the tool
    data: str = ""  # the data set, for the scaling table
    months: int | None = None
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    skipped: str = ""
    cache_dir: Path | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> int:
        return max(self.peaks) if self.peaks else 0


# ------------------------------------------------------------------ running


#: Runs a command from a small Python process and prints the command's peak memory.
#: A process forked from this (larger) script would count the script's own pages
#: towards its peak; one forked from a bare interpreter counts at most that (~9 MiB).
MEMORY_PROBE = """
import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_pid, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024))
"""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall time (s), exit code and standard error of one process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        code = subprocess.call(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        elapsed = time.perf_counter() - start
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    return elapsed, code, message


def peak_memory(python: str, argv: list[str], env: dict[str, str]) -> int:
    """Peak resident memory (bytes) of one run, 0 where it cannot be measured."""
    if not hasattr(os, "fork"):
        return 0
    probe = subprocess.run(
        [python, "-c", MEMORY_PROBE, *argv], env=env, capture_output=True, text=True, check=False
    )
    return int(probe.stdout) if probe.stdout.strip().isdigit() else 0


def edit(bench: Benchmark) -> None:
    """Change the benchmark's data file (a comment line more), as a user's edit would."""
    if bench.edit is not None:
        with bench.edit.open("a", encoding="utf-8") as file:
            file.write("# edited\n")


def plain_environment() -> dict[str, str]:
    """This environment without the tool's settings, no colour, a wide console."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TYOLLISYYS_")}
    env.update({"NO_COLOR": "1", "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": ""})
    return env


def environment(bench: Benchmark, scratch: Path) -> dict[str, str]:
    env = plain_environment()
    if bench.cache == "warm":
        assert bench.cache_dir is not None
        env["TYOLLISYYS_CACHE_DIR"] = str(bench.cache_dir)
    elif bench.cache == "cold":
        env["TYOLLISYYS_CACHE_DIR"] = tempfile.mkdtemp(prefix="cold-", dir=scratch)
    elif bench.cache == "off":
        env["TYOLLISYYS_NO_CACHE"] = "1"
    return env


def measure_memory(benchmarks: list[Benchmark], *, python: str, scratch: Path) -> None:
    """One more run of each benchmark for its peak memory."""
    for bench in benchmarks:
        if not bench.skipped:
            edit(bench)
            bench.peaks.append(peak_memory(python, bench.argv, environment(bench, scratch)))


def measure(benchmarks: list[Benchmark], *, runs: int, warmup: int, scratch: Path) -> None:
    """Time every benchmark `runs` times, in rounds, after `warmup` rounds."""
    for bench in benchmarks:
        if bench.cache == "warm":
            bench.cache_dir = Path(tempfile.mkdtemp(prefix="warm-", dir=scratch))
    for round_number in range(warmup + runs):
        for bench in benchmarks:
            if bench.skipped:
                continue
            env = environment(bench, scratch)
            edit(bench)
            elapsed, code, message = run_once(bench.argv, env)
            if code not in bench.ok_codes:
                first = message.strip().splitlines()[-1:] or [f"exit code {code}"]
                bench.skipped = f"exit code {code}: {first[0][:100]}"
                continue
            if round_number >= warmup:
                bench.times.append(elapsed)
            if bench.cache == "cold":
                shutil.rmtree(env["TYOLLISYYS_CACHE_DIR"], ignore_errors=True)
        done = round_number + 1
        print(f"\rround {done}/{warmup + runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def measure_hyperfine(
    benchmarks: list[Benchmark], *, runs: int, warmup: int, scratch: Path
) -> None:
    """Time with hyperfine (one benchmark after another); memory from one extra run."""
    for bench in benchmarks:
        if bench.cache == "warm":
            bench.cache_dir = Path(tempfile.mkdtemp(prefix="warm-", dir=scratch))
        env = environment(bench, scratch)
        _elapsed, code, message = run_once(bench.argv, env)
        if code not in bench.ok_codes:
            bench.skipped = f"exit code {code}: {message.strip().splitlines()[-1:]}"
            continue
        export = scratch / "hyperfine.json"
        command = [
            "hyperfine",
            "--style",
            "none",
            "--runs",
            str(runs),
            "--warmup",
            str(warmup),
            "-N",
            "--export-json",
            str(export),
            *(
                ["--prepare", f"rm -rf {env['TYOLLISYYS_CACHE_DIR']}"]
                if bench.cache == "cold"
                else []
            ),
            *(["--prepare", f"echo '# edited' >> {bench.edit}"] if bench.edit else []),
            *(["-i"] if bench.ok_codes != (0,) else []),
            subprocess.list2cmdline(bench.argv),
        ]
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        bench.times = json.loads(export.read_text())["results"][0]["times"]


# ------------------------------------------------------------------ what to run


def tool_command(python: str) -> list[str]:
    """The installed `tyollisyys` script beside `python`, else `python -m tyollisyys_cli`."""
    folder = Path(python).parent
    for name in ("tyollisyys", "tyollisyys.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [python, "-m", "tyollisyys_cli"]


def month_subsets(national: Path, scratch: Path) -> Iterator[tuple[str, Path, int]]:
    """The data set with its latest 1/4, 1/2 and all months: (label, folder, months)."""
    months = sorted(
        [*(national / "statistics").glob("*.csv"), *(national / "statistics").glob("*.yaml")]
    )
    if not months:
        yield "national", national, 0
        return
    for share, label in ((4, "1/4"), (2, "1/2")):
        count = max(1, len(months) // share)
        folder = scratch / f"national-{count}"
        (folder / "statistics").mkdir(parents=True)
        for path in national.glob("*.yaml"):
            shutil.copyfile(path, folder / path.name)
        for path in months[-count:]:
            shutil.copyfile(path, folder / "statistics" / path.name)
        yield f"national, {label} of the months", folder, count
    # Data folders in use were written well before they are read. The tool's cache trusts
    # a file's status (not re-reading it) only when the file had not changed within 3 s
    # before it was read, so the copies just made are left to settle first.
    time.sleep(SETTLE_SECONDS)
    yield "national, all months", national, len(months)


def references(python: str, national: Path | None = None) -> list[Benchmark]:
    """What a command cannot do without, measured beside it."""
    program = [python, str(TYPER_PROGRAM), "--place", "Kuhmo"]
    result = [
        Benchmark(FLOOR, [python, "-c", "pass"], "reference"),
        Benchmark(BASE, [python, "-c", BASELINE_IMPORTS], "reference"),
        Benchmark(STACK, [python, "-c", STACK_IMPORTS], "reference"),
        Benchmark(TYPER_OPTION, program, "reference"),
        Benchmark(TYPER_TABLE, [*program, "--table"], "reference"),
        Benchmark(TYPER_READ_BUNDLED, [*program, "--table", "--read", str(BUNDLED)], "reference"),
        Benchmark("import typer", [python, "-c", "import typer"], "reference"),
        Benchmark(
            "import typer, rich.table",
            [python, "-c", "import typer, rich.console, rich.table"],
            "reference",
        ),
    ]
    if national is not None:
        result.append(
            Benchmark(TYPER_READ_NATIONAL, [*program, "--read", str(national)], "reference")
        )
    return result


def bundled_benchmarks(tool: list[str], edited: Path) -> list[Benchmark]:
    """The bundled area: warm, cold, after an edit (of the copy `edited`) and without cache."""
    result = [Benchmark("tyollisyys --help", [*tool, "--help"], "bundled", tool=tool)]
    for cache in ("warm", "cold"):
        result += [
            Benchmark(
                f"caseload Kuhmo ({cache})",
                [*tool, "caseload", "Kuhmo"],
                "bundled",
                cache,
                data="bundled",
                months=1,
                tool=tool,
            ),
            Benchmark(
                f"caseload Kuhmo --format csv ({cache})",
                [*tool, "caseload", "Kuhmo", "--format", "csv"],
                "bundled",
                cache,
                tool=tool,
            ),
            Benchmark(
                f"check --format json ({cache})",
                [*tool, "check", "--format", "json"],
                "bundled",
                cache,
                (0, 1),
                data="bundled",
                months=1,
                tool=tool,
            ),
        ]
    # The first run after a user edits a data file: the cache is there, but stale.
    result += [
        Benchmark(
            "caseload Kuhmo (after an edit)",
            [*tool, "--data-dir", str(edited), "caseload", "Kuhmo"],
            "bundled",
            "warm",
            edit=edited / "municipalities.yaml",
            tool=tool,
        ),
        Benchmark(
            "caseload Kuhmo (no cache)",
            [*tool, "caseload", "Kuhmo"],
            "bundled",
            "off",
            tool=tool,
        ),
        # A pool of 400,000 steps: even-caseload's division, not start-up, is the cost.
        Benchmark(
            "allocate --pool 99999.25 --step 0.25 (warm)",
            [*tool, "allocate", "--pool", "99999.25", "--step", "0.25", "--format", "csv"],
            "bundled",
            "warm",
            tool=tool,
        ),
    ]
    return result


def national_benchmarks(tool: list[str], subsets: list[tuple[str, Path, int]]) -> list[Benchmark]:
    """The national data set with a share of its months: (label, folder, months) each."""
    result: list[Benchmark] = []
    for label, folder, months in subsets:
        data = [*tool, "--data-dir", str(folder)]
        result += [
            Benchmark(
                f"caseload Kuhmo (warm), {label}",
                [*data, "caseload", "Kuhmo"],
                label,
                "warm",
                data=label,
                months=months,
                tool=tool,
            ),
            Benchmark(
                f"caseload Kuhmo --format csv (warm), {label}",
                [*data, "caseload", "Kuhmo", "--format", "csv"],
                label,
                "warm",
                tool=tool,
            ),
            Benchmark(
                f"check --format json (warm), {label}",
                [*data, "check", "--format", "json"],
                label,
                "warm",
                (0, 1),
                data=label,
                months=months,
                tool=tool,
            ),
            Benchmark(
                f"caseload Kuhmo (cold), {label}",
                [*data, "caseload", "Kuhmo"],
                label,
                "cold",
                data=label,
                months=months,
                tool=tool,
            ),
            Benchmark(
                f"check --format json (cold), {label}",
                [*data, "check", "--format", "json"],
                label,
                "cold",
                (0, 1),
                data=label,
                months=months,
                tool=tool,
            ),
        ]
    if subsets:
        label, folder, _months = subsets[-1]
        result.append(
            Benchmark(
                f"check --format json (no cache), {label}",
                [*tool, "--data-dir", str(folder), "check", "--format", "json"],
                label,
                "off",
                (0, 1),
                tool=tool,
            ),
        )
    return result


def peer_benchmark(python: str, tool: list[str]) -> Benchmark:
    """The pandas peer, skipped where pandas is missing or its figure is not the tool's."""
    bench = Benchmark(PEER_NAME, [python, str(PEER), str(BUNDLED), "Kuhmo"], "peer")
    probe = subprocess.run([python, "-c", "import pandas"], capture_output=True, check=False)
    if probe.returncode != 0:
        bench.skipped = "pandas is not installed (pip install pandas: not a project dependency)"
        return bench
    peer = subprocess.run(bench.argv, capture_output=True, text=True, check=False)
    ours = subprocess.run(
        [*tool, "caseload", "Kuhmo", "--format", "csv"],
        capture_output=True,
        text=True,
        env={**plain_environment(), "TYOLLISYYS_NO_CACHE": "1"},
        check=False,
    )
    theirs = {row["municipality"]: row["clients_per_advisor"] for row in read_csv(peer.stdout)}
    tools = {row["unit"]: row["clients_per_advisor_min"] for row in read_csv(ours.stdout)}
    if theirs.get("Kuhmo") is None or theirs.get("Kuhmo") != tools.get("Kuhmo"):
        bench.skipped = (
            f"the peer prints {theirs.get('Kuhmo')} clients per advisor for Kuhmo, "
            f"the tool {tools.get('Kuhmo')}: {peer.stderr.strip()[-200:]}"
        )
    return bench


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def copy_data(source: Path, target: Path) -> Path:
    """A copy of a data folder's files (the top-level YAML and statistics/)."""
    target.mkdir(parents=True)
    for path in source.glob("*.yaml"):
        shutil.copyfile(path, target / path.name)
    if (source / "statistics").is_dir():
        shutil.copytree(source / "statistics", target / "statistics")
    return target


def benchmarks(
    python: str,
    tool: list[str],
    national: Path | None,
    scratch: Path,
    *,
    before: list[str] | None = None,
) -> list[Benchmark]:
    """Every benchmark; with `before` (another installation's tool) its runs too."""
    edited = copy_data(BUNDLED, scratch / "bundled-edited")
    subsets = list(month_subsets(national, scratch)) if national is not None else []
    ours = [*bundled_benchmarks(tool, edited), *national_benchmarks(tool, subsets)]
    theirs: list[Benchmark] = []
    if before is not None:
        for bench in [*bundled_benchmarks(before, edited), *national_benchmarks(before, subsets)]:
            bench.name = f"{BEFORE}{bench.name}"
            theirs.append(bench)
    return [*references(python, national), *ours, peer_benchmark(python, tool), *theirs]


def skip_missing_commands(items: list[Benchmark]) -> None:
    """Mark benchmarks of commands the tool does not have as skipped."""
    known: dict[tuple[str, ...], bool] = {}
    for bench in items:
        if not bench.tool or bench.argv == [*bench.tool, "--help"]:
            continue
        args = bench.argv[len(bench.tool) :]
        if args[0] == "--data-dir":
            args = args[2:]
        command = (*bench.tool, args[0])
        if command not in known:
            probe = subprocess.run([*command, "--help"], capture_output=True, check=False)
            known[command] = probe.returncode == 0
        if not known[command]:
            bench.skipped = f"no `{args[0]}` command in this build"


# ------------------------------------------------------------------ reporting


def by_name(items: list[Benchmark], name: str) -> Benchmark | None:
    return next((b for b in items if b.name == name and b.times), None)


def ratio(items: list[Benchmark], name: str, reference: str) -> float | None:
    bench, ref = by_name(items, name), by_name(items, reference)
    return None if bench is None or ref is None else bench.median / ref.median


def min_ratio(items: list[Benchmark], name: str, reference: str) -> float | None:
    """The ratio of the fastest runs: steadier than medians on a busy machine."""
    bench, ref = by_name(items, name), by_name(items, reference)
    return None if bench is None or ref is None else min(bench.times) / min(ref.times)


#: How much more a month may cost from half to all of the months than from a quarter
#: to half of them, for time to count as linear in the months (noise on a shared machine
#: makes the two slopes differ a little even when they do not).
LINEAR_SLACK = 1.5
#: Slopes under this (ms a month) are noise: compared as this.
LINEAR_NOISE_MS = 0.1


def month_slopes(items: list[Benchmark], prefix: str, pick: str) -> tuple[float, float] | None:
    """ms per month from 1/4 to 1/2 of the months and from 1/2 to all of them."""
    runs = [by_name(items, f"{prefix}, national, {share}") for share in LINEAR_SHARES]
    if any(bench is None or bench.months is None for bench in runs):
        return None
    points = [
        (float(b.months or 0), 1000 * (b.median if pick == "median" else min(b.times)))
        for b in runs
        if b is not None
    ]
    (m1, t1), (m2, t2), (m3, t3) = points
    if m1 == m2 or m2 == m3:
        return None
    return (t2 - t1) / (m2 - m1), (t3 - t2) / (m3 - m2)


LINEAR_SHARES = ("1/4 of the months", "1/2 of the months", "all months")


#: The heading of `targets`' columns.
TARGET_HEADER = ["what", "target", "result", "fastest runs", "met", "floor program"]


def targets(items: list[Benchmark]) -> list[list[str]]:
    """[what, target, result (medians), fastest runs, met, floor program] for each target
    of issue 12; whether it is met is decided on the medians. The floor program is the
    same ratio for the `floor_typer.py` run that does the least the command must (for the
    peer: the most the tool could be ahead of it)."""
    rows: list[list[str]] = []

    def add(
        label: str,
        name: str,
        reference: str,
        limit: float,
        *,
        at_least: bool = False,
        floor: str | None = None,
    ) -> None:
        measured, fastest = ratio(items, name, reference), min_ratio(items, name, reference)
        target = f"{'≥' if at_least else '≤'} {limit:g}×"
        least = None
        if floor is not None:
            least = ratio(items, name, floor) if at_least else ratio(items, floor, reference)
        shown = "–" if least is None else f"{least:.2f}×"
        if measured is None or fastest is None:
            rows.append([label, target, "skipped", "", "–", shown])
            return
        met = measured >= limit if at_least else measured <= limit
        rows.append([label, target, f"{measured:.2f}×", f"{fastest:.2f}×", yes(met), shown])

    csv_warm = "caseload Kuhmo --format csv (warm)"
    add("caseload Kuhmo --format csv (warm) / baseline", csv_warm, BASE, 1.0, floor=TYPER_OPTION)
    add(
        "caseload Kuhmo --format csv (warm) / stack floor", csv_warm, STACK, 1.2, floor=TYPER_OPTION
    )
    table_warm = "caseload Kuhmo (warm)"
    add("caseload Kuhmo (warm, table) / baseline", table_warm, BASE, 1.1, floor=TYPER_TABLE)
    add("tyollisyys --help / baseline", "tyollisyys --help", BASE, 0.7, floor="import typer")
    edited = "caseload Kuhmo (after an edit)"
    add(
        "caseload Kuhmo, first run after an edit / baseline",
        edited,
        BASE,
        1.6,
        floor=TYPER_READ_BUNDLED,
    )
    national_check = "check --format json (cold), national, all months"
    add("national cold check / baseline", national_check, BASE, 4, floor=TYPER_READ_NATIONAL)
    national = "caseload Kuhmo (warm), national, all months"
    add("national warm caseload / bundled warm caseload", national, table_warm, 1.3)
    rows.append([*peak_target(items), "–"])
    rows.append([*linear_target(items), "–"])
    add(
        "peer (pandas) / caseload Kuhmo --format csv (warm)",
        PEER_NAME,
        csv_warm,
        3,
        at_least=True,
        floor=TYPER_OPTION,
    )
    return rows


def yes(met: bool) -> str:
    return "met" if met else "NOT met"


def peak_target(items: list[Benchmark]) -> list[str]:
    """Peak memory: the highest of the tool's runs (not the references, the peer, before)."""
    tool_runs = [b for b in items if b.tool and b.peak and not b.name.startswith(BEFORE)]
    if not tool_runs:
        return ["peak memory of the tool", "≤ 60 MiB", "skipped", "", "–"]
    top = max(tool_runs, key=lambda b: b.peak)
    peak = top.peak / MIB
    return [
        f"peak memory of the tool ({top.name})",
        "≤ 60 MiB",
        f"{peak:.1f} MiB",
        "",
        yes(peak <= 60),
    ]


def linear_target(items: list[Benchmark]) -> list[str]:
    """Linear in the months: the cold national check's ms per month does not grow."""
    label = "linear in months: cold national check, ms a month (1/4→1/2, 1/2→all)"
    target = f"later ≤ {LINEAR_SLACK:g}× earlier"
    medians = month_slopes(items, "check --format json (cold)", "median")
    fastest = month_slopes(items, "check --format json (cold)", "min")
    if medians is None or fastest is None:
        return [label, target, "skipped", "", "–"]
    earlier, later = medians
    met = later <= LINEAR_SLACK * max(earlier, LINEAR_NOISE_MS)
    return [
        label,
        target,
        f"{earlier:.2f} → {later:.2f} ms",
        f"{fastest[0]:.2f} → {fastest[1]:.2f} ms",
        yes(met),
    ]


def table(items: list[Benchmark], markdown: bool) -> str:
    floor, stack, base = by_name(items, FLOOR), by_name(items, STACK), by_name(items, BASE)
    header = [
        "benchmark",
        "median ms",
        "min ms",
        "× floor",
        "× stack",
        "× baseline",
        "(min)",
        "peak MiB",
    ]
    rows = []
    for bench in items:
        if bench.skipped or not bench.times:
            rows.append([bench.name, "skipped", "", "", "", "", "", bench.skipped])
            continue
        rows.append(
            [
                bench.name,
                f"{bench.median * 1000:.1f}",
                f"{min(bench.times) * 1000:.1f}",
                f"{bench.median / floor.median:.2f}" if floor else "",
                f"{bench.median / stack.median:.2f}" if stack else "",
                f"{bench.median / base.median:.2f}" if base else "",
                f"{min(bench.times) / min(base.times):.2f}" if base else "",
                f"{bench.peak / MIB:.1f}" if bench.peaks and bench.peak else "",
            ]
        )
    return render(header, rows, markdown)


def scaling(items: list[Benchmark], markdown: bool) -> str:
    """Time per month of data for the national runs: flat or falling means linear or better."""
    header = ["benchmark", "months", "median ms", "ms above bundled"]
    rows = []
    for prefix in ("caseload Kuhmo (warm)", "caseload Kuhmo (cold)", "check --format json (cold)"):
        bundled = by_name(items, prefix)
        for bench in items:
            if bench.name.startswith(prefix + ", national") and bench.times:
                extra = bench.median - bundled.median if bundled else 0.0
                rows.append(
                    [
                        bench.name,
                        str(bench.months),
                        f"{bench.median * 1000:.1f}",
                        f"{extra * 1000:.1f}",
                    ]
                )
    return render(header, rows, markdown)


def before_and_after(items: list[Benchmark], markdown: bool) -> str:
    """Each benchmark of the other installation (`--before`) beside this one's."""
    header = ["benchmark", "before ms", "after ms", "after / before", "before ×", "after ×"]
    base = by_name(items, BASE)
    rows = []
    for then in items:
        now = by_name(items, then.name.removeprefix(BEFORE))
        if not then.name.startswith(BEFORE) or not then.times or now is None:
            continue
        rows.append(
            [
                now.name,
                f"{then.median * 1000:.1f}",
                f"{now.median * 1000:.1f}",
                f"{now.median / then.median:.2f}",
                f"{then.median / base.median:.2f}" if base else "",
                f"{now.median / base.median:.2f}" if base else "",
            ]
        )
    return render(header, rows, markdown)


def render(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*row) for row in [header, *rows])


def machine() -> str:
    """The machine: system, processor, CPUs."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs"


def versions(python: str) -> str:
    """Python and the versions of the tool and its libraries in `python`'s environment."""
    probe = (
        "import sys, importlib.metadata as m, yaml\n"
        "def v(p):\n"
        "    try:\n        return f'{p} {m.version(p)}'\n"
        "    except m.PackageNotFoundError:\n        return f'no {p}'\n"
        "print(sys.version.split()[0], *map(v, ('tyollisyys', 'typer', 'pydantic', 'rich',"
        " 'PyYAML', 'tabulate', 'pandas')), "
        "'libyaml' if yaml.__with_libyaml__ else 'no libyaml', sep=', ')"
    )
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return f"Python {done.stdout.strip() or '?'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--national", type=Path, default=DEFAULT_NATIONAL, help="data set of generate_national.py"
    )
    parser.add_argument("--no-national", action="store_true", help="bundled area only")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (2)")
    parser.add_argument("--python", default=sys.executable, help="Python with tyollisyys installed")
    parser.add_argument(
        "--before",
        metavar="PYTHON",
        help="also time the tool installed beside this Python (the code before a change)",
    )
    parser.add_argument("--only", default="", help="only benchmarks whose name contains this")
    parser.add_argument("--hyperfine", action="store_true", help="time with hyperfine")
    parser.add_argument("--markdown", action="store_true", help="Markdown tables")
    parser.add_argument("--json", type=Path, help="also write the raw times here")
    args = parser.parse_args()

    national: Path | None = None if args.no_national else args.national
    if national is not None and not (national / "municipalities.yaml").is_file():
        sys.exit(
            f"no national data set in {national}: run `python benchmarks/generate_national.py "
            f"{national}` first, or pass --no-national"
        )
    tool = tool_command(args.python)
    before = tool_command(args.before) if args.before else None
    with tempfile.TemporaryDirectory(prefix="tyollisyys-bench-") as scratch_name:
        scratch = Path(scratch_name)
        items = benchmarks(args.python, tool, national, scratch, before=before)
        if args.only:
            keep = {b.name for b in items if b.group == "reference"}
            items = [b for b in items if args.only in b.name or b.name in keep]
        skip_missing_commands(items)
        if args.hyperfine and not shutil.which("hyperfine"):
            print("hyperfine is not installed: timing with the standard library", file=sys.stderr)
        if args.hyperfine and shutil.which("hyperfine"):
            measure_hyperfine(items, runs=args.runs, warmup=args.warmup, scratch=scratch)
        else:
            measure(items, runs=args.runs, warmup=args.warmup, scratch=scratch)
        measure_memory(items, python=args.python, scratch=scratch)
    print(f"Machine: {machine()}")
    print(f"Measured: {versions(args.python)}")
    if args.before:
        print(f"Before: {versions(args.before)}")
    when = time.strftime("%Y-%m-%d %H:%M %Z")
    print(f"Median of {args.runs} runs after {args.warmup} warm-up runs; {when}.\n")
    print(table(items, args.markdown), end="\n\n")
    if national is not None:
        print(scaling(items, args.markdown), end="\n\n")
    if args.before:
        print(before_and_after(items, args.markdown), end="\n\n")
    print(render(TARGET_HEADER, targets(items), args.markdown))
    if args.json:
        raw = {
            b.name: {"times": b.times, "peak_bytes": b.peak, "skipped": b.skipped} for b in items
        }
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

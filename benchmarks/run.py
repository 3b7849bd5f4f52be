"""Time whole `tyollisyys` processes against Python's floor and the eager-import baseline.

    python benchmarks/run.py [--national DIR] [--runs 15] [--markdown] [--json FILE]

Standard library only. Every benchmark is a whole process, as a user or CI runs it.
All benchmarks run in rounds (each once per round, in the same order), so that a
slower or faster stretch of the machine touches them all alike; the table shows the
median of `--runs` rounds after `--warmup` rounds, the ratio to the floor
(`python -c pass`) and to the eager-import baseline (`python -c "import typer,
pydantic, yaml, rich.table, tabulate"`), and the peak memory (maximum resident set
size of the process, from `os.wait4`). With `--hyperfine`, hyperfine (where installed)
times each benchmark instead, one after another.

Warm runs use a cache folder filled by the warm-up; cold runs get an empty cache folder
each time (so they read and validate every file, and write the cache). The national
data set comes from `generate_national.py`; it is measured with all of its months and
with the latest 1/2 and 1/4 of them, to show how time grows with the data. Commands
the installed tool does not have (or formats it does not offer) are reported as
skipped.
"""

from __future__ import annotations

import argparse
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
BASELINE_IMPORTS = "import typer, pydantic, yaml, rich.table, tabulate"
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


def environment(bench: Benchmark, scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TYOLLISYYS_")}
    env.update({"NO_COLOR": "1", "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": ""})
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


def benchmarks(
    python: str, tool: list[str], national: Path | None, scratch: Path
) -> list[Benchmark]:
    result = [
        Benchmark("python -c pass", [python, "-c", "pass"], "reference"),
        Benchmark("eager imports (baseline)", [python, "-c", BASELINE_IMPORTS], "reference"),
        # What a command cannot do without: typer (every command), rich (the table view).
        Benchmark("import typer", [python, "-c", "import typer"], "reference"),
        Benchmark(
            "import typer, rich.table",
            [python, "-c", "import typer, rich.console, rich.table"],
            "reference",
        ),
        Benchmark("tyollisyys --help", [*tool, "--help"], "bundled"),
    ]
    for cache in ("warm", "cold"):
        result += [
            Benchmark(
                f"caseload Kuhmo ({cache})",
                [*tool, "caseload", "Kuhmo"],
                "bundled",
                cache,
                data="bundled",
                months=1,
            ),
            Benchmark(
                f"caseload Kuhmo --format csv ({cache})",
                [*tool, "caseload", "Kuhmo", "--format", "csv"],
                "bundled",
                cache,
            ),
            Benchmark(
                f"check --format json ({cache})",
                [*tool, "check", "--format", "json"],
                "bundled",
                cache,
                (0, 1),
                data="bundled",
                months=1,
            ),
        ]
    if national is not None:
        for label, folder, months in month_subsets(national, scratch):
            data = [*tool, "--data-dir", str(folder)]
            result += [
                Benchmark(
                    f"caseload Kuhmo (warm), {label}",
                    [*data, "caseload", "Kuhmo"],
                    label,
                    "warm",
                    data=label,
                    months=months,
                ),
                Benchmark(
                    f"caseload Kuhmo --format csv (warm), {label}",
                    [*data, "caseload", "Kuhmo", "--format", "csv"],
                    label,
                    "warm",
                ),
                Benchmark(
                    f"check --format json (warm), {label}",
                    [*data, "check", "--format", "json"],
                    label,
                    "warm",
                    (0, 1),
                    data=label,
                    months=months,
                ),
                Benchmark(
                    f"caseload Kuhmo (cold), {label}",
                    [*data, "caseload", "Kuhmo"],
                    label,
                    "cold",
                    data=label,
                    months=months,
                ),
                Benchmark(
                    f"check --format json (cold), {label}",
                    [*data, "check", "--format", "json"],
                    label,
                    "cold",
                    (0, 1),
                    data=label,
                    months=months,
                ),
            ]
        result.append(
            Benchmark(
                "check --format json (no cache), national, all months",
                [*data, "check", "--format", "json"],
                label,
                "off",
                (0, 1),
            ),
        )
    return result


def skip_missing_commands(items: list[Benchmark], tool: list[str]) -> None:
    """Mark benchmarks of commands the tool does not have as skipped."""
    known: dict[str, bool] = {}
    for bench in items:
        if bench.argv[: len(tool)] != tool or bench.name.startswith("tyollisyys --help"):
            continue
        args = bench.argv[len(tool) :]
        if args[0] == "--data-dir":
            args = args[2:]
        command = args[0]
        if command not in known:
            probe = subprocess.run([*tool, command, "--help"], capture_output=True, check=False)
            known[command] = probe.returncode == 0
        if not known[command]:
            bench.skipped = f"no `{command}` command in this build"


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


def targets(items: list[Benchmark]) -> list[list[str]]:
    """[target, limit, measured (medians), fastest runs, verdict] for each target of
    the issue; the verdict is on the medians."""
    base = "eager imports (baseline)"
    rows: list[list[str]] = []

    def add(label: str, name: str, reference: str, limit: float) -> None:
        measured, fastest = ratio(items, name, reference), min_ratio(items, name, reference)
        if measured is None or fastest is None:
            rows.append([label, f"≤ {limit:g}×", "skipped", "", "–"])
            return
        verdict = "met" if measured <= limit else "NOT met"
        rows.append([label, f"≤ {limit:g}×", f"{measured:.2f}×", f"{fastest:.2f}×", verdict])

    csv = "caseload Kuhmo --format csv (warm)"
    add("caseload Kuhmo --format csv / baseline", csv, base, 0.5)
    add("caseload Kuhmo (table) / baseline", "caseload Kuhmo (warm)", base, 0.8)
    add("tyollisyys --help / baseline", "tyollisyys --help", base, 0.8)
    cold = "check --format json (cold), national, all months"
    add("national cold check / baseline", cold, base, 3)
    national = "caseload Kuhmo (warm), national, all months"
    add("national warm caseload / bundled", national, "caseload Kuhmo (warm)", 1.2)
    warm = by_name(items, "caseload Kuhmo (warm)")
    if warm is None:
        rows.append(["peak memory, warm caseload Kuhmo", "≤ 60 MiB", "skipped", "", "–"])
    else:
        peak = warm.peak / MIB
        verdict = "met" if peak <= 60 else "NOT met"
        rows.append(
            ["peak memory, warm caseload Kuhmo", "≤ 60 MiB", f"{peak:.1f} MiB", "", verdict]
        )
    return rows


def table(items: list[Benchmark], markdown: bool) -> str:
    floor = by_name(items, "python -c pass")
    base = by_name(items, "eager imports (baseline)")
    header = ["benchmark", "median ms", "min ms", "× floor", "× baseline", "(min)", "peak MiB"]
    rows = []
    for bench in items:
        if bench.skipped or not bench.times:
            rows.append([bench.name, "skipped", "", "", "", "", bench.skipped])
            continue
        rows.append(
            [
                bench.name,
                f"{bench.median * 1000:.1f}",
                f"{min(bench.times) * 1000:.1f}",
                f"{bench.median / floor.median:.2f}" if floor else "",
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


def render(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*row) for row in [header, *rows])


def machine(python: str) -> str:
    """One paragraph on the machine and the software measured."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    probe = (
        "import sys, importlib.metadata as m, yaml; "
        "print(sys.version.split()[0], *(f'{p} {m.version(p)}' for p in "
        "('tyollisyys', 'typer', 'pydantic', 'rich', 'PyYAML', 'tabulate')), "
        "'libyaml' if yaml.__with_libyaml__ else 'no libyaml', sep=', ')"
    )
    versions = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs; "
        f"Python {versions.stdout.strip() or '?'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--national", type=Path, default=DEFAULT_NATIONAL, help="data set of generate_national.py"
    )
    parser.add_argument("--no-national", action="store_true", help="bundled area only")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (2)")
    parser.add_argument("--python", default=sys.executable, help="Python with tyollisyys installed")
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
    with tempfile.TemporaryDirectory(prefix="tyollisyys-bench-") as scratch_name:
        scratch = Path(scratch_name)
        items = benchmarks(args.python, tool, national, scratch)
        if args.only:
            keep = {b.name for b in items if b.group == "reference"}
            items = [b for b in items if args.only in b.name or b.name in keep]
        skip_missing_commands(items, tool)
        if args.hyperfine and not shutil.which("hyperfine"):
            print("hyperfine is not installed: timing with the standard library", file=sys.stderr)
        if args.hyperfine and shutil.which("hyperfine"):
            measure_hyperfine(items, runs=args.runs, warmup=args.warmup, scratch=scratch)
        else:
            measure(items, runs=args.runs, warmup=args.warmup, scratch=scratch)
        measure_memory(items, python=args.python, scratch=scratch)
    print(f"Machine: {machine(args.python)}")
    when = time.strftime("%Y-%m-%d %H:%M %Z")
    print(f"Median of {args.runs} runs after {args.warmup} warm-up runs; {when}.\n")
    print(table(items, args.markdown), end="\n\n")
    if national is not None:
        print(scaling(items, args.markdown), end="\n\n")
    header = ["target", "limit", "medians", "fastest runs", "verdict"]
    print(render(header, targets(items), args.markdown))
    if args.json:
        raw = {
            b.name: {"times": b.times, "peak_bytes": b.peak, "skipped": b.skipped} for b in items
        }
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

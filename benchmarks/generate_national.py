"""Generate the national benchmark data set: all of Finland as one large area.

    python benchmarks/generate_national.py [OUT_DIR] [--months 120]

Writes `OUT_DIR/municipalities.yaml` (the schema of `src/tyollisyys_cli/models/area.py`)
and `OUT_DIR/statistics/YYYY-MM.csv` (one file per month, the format written by
`tyollisyys import statfin`). Standard library only; the output is the same byte for
byte on every run and every machine.

- Municipalities: the 308 of `municipalities-2025.csv` (code, Finnish name, region).
  Each has its own staffing and target; each employment area with more than one
  municipality becomes a shared service served by its largest municipality.
- Statistics: the plan's month is June 2026, taken as published in the 12r5 export
  (`statfin-12r5-2026M06.json`); the export's whole-country row is the printed totals.
- Staffing and targets are generated from a fixed seed: a caseload of about 60–180
  clients per advisor, some FTE written as ranges, lower bounds or about-values.
- Monthly statistics: the `--months` months ending June 2026. June 2026 is the export,
  the plan's own month, written in municipalities.yaml; the earlier months are files;
  earlier months follow it with a trend, a seasonal swing and a per-municipality jitter,
  keeping every group within the unemployed and `withheld` cells withheld.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out" / "national"
MUNICIPALITIES_CSV = "municipalities-2025.csv"
STATFIN_JSON = "statfin-12r5-2026M06.json"
LAST_MONTH = (2026, 6)
SEED = "tyollisyys national benchmark v1"

#: 12r5 column code → field of a statistics row.
COLUMNS = {
    "labour_force": "TYOVOIMATK",
    "unemployment_rate": "TYOTOSUUS",
    "unemployed": "TYOTTOMATLOPUSSA",
    "men": "TYOTTOMATMIEHET",
    "women": "TYOTTOMATNAISET",
    "under_20": "TYOTTOMAT20",
    "under_25": "TYOTTOMAT25",
    "over_50": "TYOTTOMAT50",
    "long_term": "PITKAAIKAISTYOTTOMAT",
    "disabled_or_ill": "TYOTTOMATSAIR",
    "foreign": "TYOTTOMATULK",
    "open_vacancies": "AVPAIKATLOPUSSA",
    "job_seekers": "HAKIJALOPUSSA",
}
#: Persons in services: the sum of the 12r5 service columns.
SERVICE_COLUMNS = (
    "TYOLLISTETTYLOP",
    "TYOHARJOITTELULOP",
    "KOKEILULOP",
    "TVKOULUTUSLOP",
    "VALMENNUSLOP",
    "MTPPALVELUTLOP",
)
#: Groups of the unemployed, scaled with them month by month.
GROUPS = ("over_50", "long_term", "disabled_or_ill", "foreign")
FIELD_ORDER = (
    "labour_force",
    "unemployment_rate",
    "unemployed",
    "men",
    "women",
    "under_20",
    "under_25",
    "over_50",
    "long_term",
    "disabled_or_ill",
    "foreign",
    "open_vacancies",
    "job_seekers",
    "in_services",
)

Row = dict[str, int | float | str]


def find_reference() -> Path:
    """`shared/reference/` beside the repository or one of its parent folders."""
    for folder in HERE.parents:
        candidate = folder / "shared" / "reference"
        if (candidate / MUNICIPALITIES_CSV).is_file():
            return candidate
    return HERE.parent.parent / "shared" / "reference"


@dataclass(frozen=True)
class Place:
    """A municipality of the CSV."""

    code: str
    name: str
    region: str
    employment_area: str


def read_places(path: Path) -> list[Place]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Place(row["code"], row["name_fi"], row["region_fi"], row["employment_area_fi"])
            for row in csv.DictReader(handle)
        ]


def read_statfin(path: Path) -> tuple[dict[str, Row], Row]:
    """Rows by municipality code, and the whole-country row."""
    export = json.loads(path.read_text(encoding="utf-8"))
    codes = [column["code"] for column in export["columns"][2:]]
    rows: dict[str, Row] = {}
    country: Row = {}
    for entry in export["data"]:
        area = entry["key"][0]
        values = dict(zip(codes, entry["values"], strict=True))
        row = _row(values)
        if area == "SSS":
            country = row
        elif area.startswith("KU"):
            rows[area[2:]] = _counted(row)
    return rows, country


#: Stand-in for an unemployed count the export withholds (a withheld cell holds 1–4).
WITHHELD_STAND_IN = 2


def _counted(row: Row) -> Row:
    """The row with counts the data model needs where the export withholds them.

    The model computes everything from the labour force and the unemployed, so a few
    small municipalities (Åland's) whose unemployed count is withheld get a stand-in of
    WITHHELD_STAND_IN persons; a group then larger than that is withheld too.
    """
    labour_force = row["labour_force"]
    if isinstance(row["unemployed"], int) and isinstance(labour_force, int) and labour_force > 0:
        return row
    fixed = dict(row)
    if not isinstance(labour_force, int) or labour_force <= 0:
        fixed["labour_force"] = 100 * WITHHELD_STAND_IN
    fixed["unemployed"] = WITHHELD_STAND_IN
    fixed["unemployment_rate"] = round(100 * WITHHELD_STAND_IN / int(fixed["labour_force"]), 1)
    for field in ("men", "women", "under_20", "under_25", *GROUPS):
        value = fixed[field]
        if isinstance(value, int) and value > WITHHELD_STAND_IN:
            fixed[field] = "withheld"
    return fixed


def _cell(text: str) -> int | str:
    return "withheld" if text == "..." else int(text)


def _row(values: dict[str, str]) -> Row:
    row: Row = {}
    for field, column in COLUMNS.items():
        text = values[column]
        row[field] = float(text) if field == "unemployment_rate" and text != "..." else _cell(text)
    services = [_cell(values[column]) for column in SERVICE_COLUMNS]
    row["in_services"] = (
        "withheld" if any(isinstance(v, str) for v in services) else sum(map(int, services))
    )
    return row


def months(count: int) -> list[str]:
    """The `count` months ending with LAST_MONTH, oldest first."""
    year, month = LAST_MONTH
    result = []
    for back in range(count):
        index = year * 12 + (month - 1) - back
        result.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return result[::-1]


def month_row(base: Row, *, back: int, rng: random.Random) -> Row:
    """The row `back` months before the export's month (0: the export itself)."""
    if back == 0:
        return dict(base)
    season = 1 + 0.12 * math.sin(2 * math.pi * (back % 12) / 12)
    trend = 1 - 0.25 * math.sin(math.pi * back / 60)  # a dip and a recovery over the decade
    factor = season * trend * rng.uniform(0.93, 1.07)

    def scaled(value: int | float | str, scale: float, cap: int | None = None) -> int | str:
        if isinstance(value, str):
            return value  # withheld stays withheld
        result = round(float(value) * scale)
        return result if cap is None else min(result, cap)

    labour_force = round(int(base["labour_force"]) * (1 + 0.002 * back / 12))
    row: Row = {"labour_force": labour_force}
    unemployed = scaled(base["unemployed"], factor, labour_force)
    cap = unemployed if isinstance(unemployed, int) else None
    row["unemployment_rate"] = (
        round(100 * unemployed / labour_force, 1)
        if isinstance(unemployed, int) and labour_force
        else "withheld"
    )
    row["unemployed"] = unemployed
    men = scaled(base["men"], factor, cap)
    women = scaled(base["women"], factor, cap)
    if isinstance(men, int) and isinstance(women, int) and cap is not None:
        women = cap - men  # the two add up to the unemployed, as in the statistics
    row["men"], row["women"] = men, women
    under_25 = scaled(base["under_25"], factor, cap)
    row["under_25"] = under_25
    row["under_20"] = scaled(
        base["under_20"], factor, under_25 if isinstance(under_25, int) else cap
    )
    for group in GROUPS:
        row[group] = scaled(base[group], factor, cap)
    row["open_vacancies"] = scaled(base["open_vacancies"], season * rng.uniform(0.8, 1.2))
    job_seekers = scaled(base["job_seekers"], factor)
    if isinstance(job_seekers, int) and cap is not None:
        job_seekers = max(job_seekers, cap)
    row["job_seekers"] = job_seekers
    row["in_services"] = scaled(base["in_services"], factor)
    return row


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _value(value: int | float | str) -> str:
    return value if isinstance(value, str) else repr(value)


def plan_row(row: Row) -> Row:
    """The row as the area file takes it: a withheld published rate is left out."""
    return {k: v for k, v in row.items() if not (k == "unemployment_rate" and v == "withheld")}


def statistics_lines(row: Row, indent: str) -> list[str]:
    return [f"{indent}{field}: {_value(row[field])}" for field in FIELD_ORDER if field in row]


def staffing_lines(place: Place, clients: int, rng: random.Random) -> list[str]:
    """A target and staff lines giving about 60–180 clients per caseload FTE."""
    target = rng.choice(
        (
            ["    target: {min: 100, max: 150}"],
            ["    target: {min: 90, max: 120}"],
            ["    target: {max: 100}"],
            ["    target: {about: 100}"],
        )
    )
    advisors = max(0.5, round(clients / rng.uniform(60, 180) * 2) / 2)
    own = max(0.5, round(advisors * rng.uniform(0.4, 0.8) * 2) / 2)
    transferring = round(advisors - own, 1)
    lines = [
        *target,
        "    staffing:",
        "      - role: työllisyysohjaaja",
        f"        fte: {own:g}",
        "        origin: own",
        "        caseload: true",
    ]
    if transferring > 0:
        form = rng.choice(("exact", "range", "about", "at_least"))
        fte = {
            "exact": f"{transferring:g}",
            "range": f"{{min: {transferring:g}, max: {transferring + 1:g}}}",
            "about": f"{{about: {transferring:g}}}",
            "at_least": f"{{at_least: {transferring:g}}}",
        }[form]
        lines += [
            "      - role: työllisyysasiantuntija (valtiolta siirtyvä)",
            f"        fte: {fte}",
            "        origin: transferring",
            "        caseload: true",
        ]
    lines += [
        "      - role: esihenkilö",
        f"        fte: {1 if advisors >= 4 else 0.5:g}",
        "        origin: own",
        "        caseload: false",
        "        note: supervisor",
        "    offices:",
        f"      - name: {_text(f'Työllisyyspalvelut {place.name}')}",
        f"        address: {_text(f'Kunnantalo, {place.name}')}",
        f"        serves: {_text(f'työllisyysalue {place.employment_area}')}",
    ]
    return lines


def area_file(places: list[Place], rows: dict[str, Row], country: Row, rng: random.Random) -> str:
    lines = [
        "# Generated by benchmarks/generate_national.py: all municipalities of Finland as one",
        "# area, statistics of June 2026 from table 12r5, staffing generated. Not real plans.",
        "area:",
        '  name: "Koko maa (benchmark)"',
        '  code: "00"',
        '  responsible_municipality: "091"',
        '  reference_month: "2026-06"',
        "  sources:",
        f"    statistics: {_text(f'Statistics Finland, table 12r5 ({STATFIN_JSON})')}",
        '    staffing: "generated by benchmarks/generate_national.py"',
        "",
        "statistics_totals:",
        *statistics_lines(plan_row(country), "  "),
        "",
        "municipalities:",
    ]
    for place in places:
        row = rows[place.code]
        lines += [
            f"  - code: {_text(place.code)}",
            f"    name: {_text(place.name)}",
            f"    region: {_text(place.region)}",
        ]
        if isinstance(row["unemployed"], int):
            lines += ["    statistics:", *statistics_lines(plan_row(row), "      ")]
        else:  # the area file needs the counts: the month files keep the withheld row
            lines += ["    # statistics withheld in the export (a small count)"]
        clients = row["unemployed"] if isinstance(row["unemployed"], int) else 2
        lines += staffing_lines(place, clients, rng)
    lines += ["", "shared_services:"]
    by_area: dict[str, list[Place]] = {}
    for place in places:
        by_area.setdefault(place.employment_area, []).append(place)
    for name, members in sorted(by_area.items()):
        if len(members) < 2:
            continue
        provider = max(members, key=lambda p: int(rows[p.code]["labour_force"]))
        codes = ", ".join(_text(p.code) for p in members)
        lines += [
            f"  - name: {_text(f'Työllisyysalue {name}: vieraskieliset palvelut')}",
            f"    provider: {_text(provider.code)}",
            f"    serves: [{codes}]",
            f"    fte: {{about: {max(0.5, len(members) / 4):g}}}",
        ]
    return "\n".join(lines) + "\n"


#: The columns of a monthly file, as `tyollisyys import statfin` writes them.
MONTH_HEADER = ("municipality", *FIELD_ORDER, "source")


def _csv_value(value: int | float | str | None) -> str:
    return "" if value is None else _value(value)


def month_file(places: list[Place], rows: dict[str, Row]) -> str:
    """A monthly CSV file: the header, then a row per municipality, the source in each."""
    source = f"Statistics Finland, table 12r5 ({STATFIN_JSON})"
    source_cell = '"' + source.replace('"', '""') + '"'
    lines = [",".join(MONTH_HEADER)]
    for place in places:
        row = rows[place.code]
        cells = [place.code, *(_csv_value(row.get(field)) for field in FIELD_ORDER)]
        lines.append(",".join([*cells, source_cell]))
    return "\n".join(lines) + "\n"


def generate(out: Path, *, month_count: int, reference: Path) -> list[Path]:
    """Write the data set to `out`; returns the files written."""
    places = read_places(reference / MUNICIPALITIES_CSV)
    rows, country = read_statfin(reference / STATFIN_JSON)
    missing = [p.code for p in places if p.code not in rows]
    if missing:
        raise SystemExit(f"no 12r5 row for municipalities {', '.join(missing)}")
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "municipalities.yaml"]
    written[0].write_text(area_file(places, rows, country, rng), encoding="utf-8")
    statistics = out / "statistics"
    statistics.mkdir(exist_ok=True)
    for stale in [*statistics.glob("*.yaml"), *statistics.glob("*.csv")]:
        stale.unlink()
    all_months = months(month_count)
    for back, month in enumerate(reversed(all_months)):
        if back == 0:
            continue  # the plan's own month: its statistics are in municipalities.yaml
        month_rng = random.Random(f"{SEED} {month}")
        month_rows = {p.code: month_row(rows[p.code], back=back, rng=month_rng) for p in places}
        path = statistics / f"{month}.csv"
        path.write_text(month_file(places, month_rows), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--months", type=int, default=120, help="monthly snapshots (120)")
    parser.add_argument(
        "--reference",
        type=Path,
        default=None,
        help="folder with the CSV and the 12r5 JSON (default: the nearest shared/reference/)",
    )
    args = parser.parse_args()
    reference = args.reference or find_reference()
    written = generate(args.out, month_count=args.months, reference=reference)
    size = sum(path.stat().st_size for path in written)
    print(f"wrote {len(written)} files, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()

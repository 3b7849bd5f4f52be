"""A peer for the benchmarks: one municipality's clients per advisor with pandas and PyYAML.

    python benchmarks/peer_pandas.py [DATA_DIR] [MUNICIPALITY]

What an analyst might write instead of using the tool: load `municipalities.yaml`,
take the municipality's unemployed as its clients and the sum of the FTE of its staff
lines that carry a caseload, and divide. The same figure as `tyollisyys caseload
Kuhmo --format csv` (clients_per_advisor, two decimals). Only what the peer needs is
handled: a municipality served by a service unit, or FTE given as a range, a lower
bound or an about-value, is refused with a message. pandas is not a dependency of the
project; `run.py` skips the peer where it is not installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import yaml

BUNDLED = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLED
    name = sys.argv[2] if len(sys.argv) > 2 else "Kuhmo"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(folder / "municipalities.yaml", encoding="utf-8") as file:
        plan = yaml.load(file, Loader=loader)  # a safe loader: libyaml's where present

    towns = pd.json_normalize(plan["municipalities"]).set_index("name")
    town = towns.loc[name]
    if isinstance(town.get("service_unit"), str):
        sys.exit(f"{name} is served by the unit {town['service_unit']}: not handled here")
    staff = pd.DataFrame(town["staffing"])
    if not staff["fte"].map(lambda fte: isinstance(fte, int | float)).all():
        sys.exit(f"{name} has FTE given as a range or an approximate amount: not handled here")
    clients = town["statistics.unemployed"]
    fte = staff.loc[staff["caseload"], "fte"].sum()
    print("municipality,clients,caseload_fte,clients_per_advisor")
    print(f"{name},{clients},{fte:.1f},{clients / fte:.2f}")


if __name__ == "__main__":
    main()

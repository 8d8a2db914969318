"""National view (a benchmark, not a test): plan every authorised adult site of the bundled SAE year with at least
100 ACT3 acts, one scenario per site, default ratios and budgets (``planner.publicdata``), and print the time,
the statuses and what the plans buy by device family.

Run: ``python -m bench.bench_national [--min-acts 100] [--year 2024] [--time-limit 60]``. Prints Markdown.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections import Counter
from importlib.metadata import version

import pulp

from planner import Plan, load_catalog, make_plan
from planner.catalog import Catalog
from planner.publicdata import sae
from planner.publicdata.checks import PCI_THRESHOLD
from planner.publicdata.scenario import sites_scenario
from planner.scenario import SolverOptions

MCS_FAMILIES = ("iabp", "impella", "ecmo")


def eligible(data: sae.SaeYear, min_acts: int) -> list[sae.SaeSite]:
    """Authorised sites with at least ``min_acts`` adult ischaemic and structural acts."""
    return [s for s in data.sites if s.authorised and (s.acts_adult_ischaemic_structural or 0) >= min_acts]


def bought_families(plan: Plan) -> set[str]:
    """Families of which the plan acquires at least one new unit."""
    return {a.family for a in plan.acquisitions if a.units_new > 0}


def run(catalog: Catalog, rows: list[sae.SaeSite], time_limit: float) -> list[tuple[sae.SaeSite, Plan, float, bool]]:
    """Plan each site alone; return (row, plan, seconds, cardiac surgery) per site."""
    out = []
    for row in rows:
        scenario = sites_scenario([row])
        t0 = time.perf_counter()
        plan = make_plan(catalog, scenario, SolverOptions("highs", time_limit, 0.0))
        out.append((row, plan, time.perf_counter() - t0, "cardiac_surgery" in scenario.sites[0].roles))
    return out


def report(results: list[tuple[sae.SaeSite, Plan, float, bool]], catalog: Catalog, year: int, min_acts: int) -> str:
    """The Markdown tables: run summary, then families bought (all sites, surgical sites)."""
    times = [r[2] for r in results]
    statuses = Counter(r[1].status for r in results)
    surgical = [r for r in results if r[3]]
    below = sum(1 for r in results if float(r[1].scenario["sites"][0]["activity"]["pci"]) < PCI_THRESHOLD)
    lines = [f"SAE {year}: {len(results)} authorised sites with >= {min_acts} ACT3 acts ({len(surgical)} with "
             f"cardiac surgery, {below} below {PCI_THRESHOLD} derived PCI); highspy {version('highspy')}, "
             f"PuLP {pulp.__version__}, Python {platform.python_version()}", "",
             "| sites | total s | mean s | median s | max s | statuses |", "|---|---|---|---|---|---|",
             f"| {len(results)} | {sum(times):.1f} | {statistics.mean(times):.3f} | {statistics.median(times):.3f} "
             f"| {max(times):.3f} | {', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))} |", "",
             "| family | sites buying it (of all) | surgical sites buying it | new units | capex EUR |",
             "|---|---|---|---|---|"]
    for family in sorted({d.family for d in catalog.devices.values()}):
        buying = [r for r in results if family in bought_families(r[1])]
        units = sum(a.units_new for r in results for a in r[1].acquisitions if a.family == family)
        capex = sum(a.capex_eur for r in results for a in r[1].acquisitions if a.family == family)
        lines.append(f"| {family} | {len(buying)} | {sum(1 for r in buying if r[3])} | {units} | {capex:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    """Plan every eligible site and print the tables."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--min-acts", type=int, default=100)
    p.add_argument("--year", type=int)
    p.add_argument("--time-limit", type=float, default=60.0)
    args = p.parse_args()
    data = sae.load_year(args.year)
    catalog = load_catalog()
    results = run(catalog, eligible(data, args.min_acts), args.time_limit)
    print(report(results, catalog, data.year, args.min_acts))


if __name__ == "__main__":
    main()

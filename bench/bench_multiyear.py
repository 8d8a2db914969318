"""Benchmark of the multi-year model: time to a 0.5 % gap.

Cases: the university hospital PPI example stretched to 6 rooms over 10 years, and a hospital group of 30
sites (generated around the bundled catalogue) over 10 years, all acquisition modes. Also the one-year
baseline of each for comparison. Run: ``python -m bench.bench_multiyear [--time-limit S] [--gap G]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import random
import time
from pathlib import Path

import pulp

from planner import load_catalog, load_scenario
from planner.catalog import Catalog
from planner.inputs import prepare
from planner.model import build_model
from planner.scenario import Scenario, Site, SolverOptions
from planner.schema import ANGIO_VENDORS
from planner.solve import solve

ROOT = Path(__file__).resolve().parents[1]


def university(years: int) -> tuple[Catalog, Scenario]:
    """The PPI example with 6 rooms (4 + 2) over ``years`` years."""
    sc = load_scenario(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    sites = (dataclasses.replace(sc.sites[0], rooms=4), sc.sites[1])
    envelopes = {sc.start_year + i: 250000.0 if i == 0 else 150000.0 for i in range(years)}
    sc = dataclasses.replace(sc, sites=sites, horizon_years=years,
                             budget=dataclasses.replace(sc.budget, capex_eur_by_year=envelopes))
    return load_catalog(), sc


def group(sites: int, years: int, seed: int = 7) -> tuple[Catalog, Scenario]:
    """A hospital group of ``sites`` sites on the bundled catalogue, installed equipment of various ages."""
    rng = random.Random(seed)
    catalog = load_catalog()
    base = load_scenario(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    devices = sorted(catalog.devices)
    rows = []
    for s in range(sites):
        cag = rng.randint(900, 3200)
        pci = int(cag * rng.uniform(0.45, 0.6))
        installed = {d: 1 for d in rng.sample(devices, 3) if catalog.devices[d].compatible_angio == ("any",)}
        rows.append(Site(f"s{s:02d}", f"Site {s}", rng.randint(1, 4), rng.choice(ANGIO_VENDORS),
                         {"cag": cag, "pci": pci, "stemi": int(pci * 0.25)}, {}, installed,
                         {d: rng.randint(2016, 2025) for d in installed}))
    envelopes = {base.start_year + i: 120000.0 * sites for i in range(years)}
    sc = dataclasses.replace(base, name=f"group {sites} sites", sites=tuple(rows), horizon_years=years,
                             must_include=(), budget=dataclasses.replace(base.budget, capex_eur_by_year=envelopes,
                                                                         opex_eur_per_year=400000.0 * sites))
    return catalog, sc


def run(name: str, catalog: Catalog, scenario: Scenario, limit: float, gap: float) -> None:
    """Build and solve; print one table row."""
    t0 = time.perf_counter()
    built = build_model(prepare(catalog, scenario))
    build_s = time.perf_counter() - t0
    res = solve(built, SolverOptions("highs", limit, gap))
    n_int = sum(1 for v in built.prob.variables() if v.cat == pulp.LpInteger)
    g = "n/a" if res.mip_gap is None else f"{res.mip_gap:.3%}"
    n_vars = len(built.prob.variables())
    print(f"| {name} | {scenario.horizon_years} | {n_vars} | {n_int} | "
          f"{len(built.prob.constraints())} | {build_s:.2f} | {res.time_s:.2f} | {res.status.value} | {g} |",
          flush=True)


def main() -> None:
    """Print the benchmark table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-limit", type=float, default=600.0)
    ap.add_argument("--gap", type=float, default=0.005)
    args = ap.parse_args()
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, PuLP {pulp.__version__}, HiGHS; "
          f"requested gap {args.gap:g}, time limit {args.time_limit:g} s (both phases)")
    print("| case | years | vars | int vars | constraints | build s | solve s | status | gap |")
    print("|---|---|---|---|---|---|---|---|---|")
    for years in (1, 10):
        run("university hospital, 6 rooms, 2 sites", *university(years), args.time_limit, args.gap)
    for years in (1, 10):
        run("hospital group, 30 sites", *group(30, years), args.time_limit, args.gap)


if __name__ == "__main__":
    main()

"""Benchmark of group plans with referrals (issue 15): the GHT example and a generated 15-site group (two
hubs, 13 spokes placed around them, links from coordinates), solved to a 0.5 % gap with HiGHS.

``python -m bench.bench_network`` prints one line per instance (docs/performance.md)."""

from __future__ import annotations

import dataclasses
import math
import random
import time
from pathlib import Path

from planner import load_catalog, load_scenario, make_plan
from planner.scenario import Scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[1]
RULES = {"max_minutes": {"cardiogenic_shock": 90, "refractory_shock_ecpr": 60, "mechanical_complication": 120,
                         "anoca": 600}, "speed_kmh": 70, "transport_eur_per_case": 900}
HUB_ROLES = ["cardiac_surgery", "shock_centre", "ecmo_centre", "ccs_programme"]


def generated_group(n_sites: int = 15, seed: int = 15) -> Scenario:
    """Two hubs 150 km apart and spokes within 20-90 km of one of them (seeded)."""
    rng = random.Random(seed)
    hubs = [(45.8, 1.3), (45.8, 3.2)]
    sites = []
    for i in range(n_sites):
        hub = i < len(hubs)
        lat, lon = hubs[i % 2]
        if not hub:
            r, a = rng.uniform(20, 90) / 111.0, rng.uniform(0, 2 * math.pi)
            lat, lon = lat + r * math.sin(a), lon + r * math.cos(a) / math.cos(math.radians(lat))
        cag = rng.randint(2500, 3200) if hub else rng.randint(600, 1600)
        sites.append({"id": f"site{i:02d}", "rooms": 3 if hub else rng.choice([1, 2]),
                      "angio_vendor": rng.choice(["philips", "siemens", "ge"]),
                      "activity": {"cag": cag, "pci": cag // 2, "stemi": cag // 7},
                      "roles": HUB_ROLES if hub else [], "latitude": round(lat, 4), "longitude": round(lon, 4)})
    return parse_scenario({"name": f"generated group of {n_sites}", "start_year": 2027, "sites": sites,
                           "budget": {"capex_eur": 400000 * n_sites, "opex_eur_per_year": 450000 * n_sites},
                           "referral_rules": RULES, "solver": {"name": "highs", "time_limit_s": 300,
                                                               "mip_gap": 0.005}}, "generated")


def measure(sc: Scenario) -> str:
    """Solve once and describe the run."""
    cat = load_catalog(sc.catalog_path())
    start = time.perf_counter()
    plan = make_plan(cat, sc)
    wall = time.perf_counter() - start
    assert plan.costs is not None and plan.benefit is not None
    return (f"{sc.name}: {len(sc.sites)} sites, {len({(f.from_site, f.to_site) for f in plan.flows})} links used, "
            f"{len(plan.flows)} flows, status {plan.status}, gap {plan.mip_gap or 0:.3%}, solver "
            f"{plan.solver.time_s:.2f} s, make_plan {wall:.2f} s, value {plan.benefit:.2f}, "
            f"TCO {plan.costs.tco_eur:,.0f} EUR")


def main() -> None:
    """Print the benchmark lines."""
    ght = load_scenario(ROOT / "examples" / "ght_network.yaml")
    ght = dataclasses.replace(ght, solver=dataclasses.replace(ght.solver, mip_gap=0.005))
    print(measure(ght))
    print(measure(generated_group()))


if __name__ == "__main__":
    main()

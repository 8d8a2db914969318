"""Generated instances of growing size for benchmarks: synthetic catalogue + hospital-group scenario.

Deterministic for a seed. Shapes follow the real catalogue: families of competing devices, a few per-room
modules, some vendor-specific ones, software requiring a console, mobile consoles with capacity limits.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from typing import Any

from planner.catalog import Catalog, build_catalog, parse_rows
from planner.scenario import Scenario, parse_scenario
from planner.schema import ACTIVITIES, ANGIO_VENDORS, TABLES

N_INDICATIONS = 12


def _indications(rng: random.Random) -> list[dict[str, Any]]:
    return [{"id": f"k{i:02d}", "name_en": f"Indication {i}", "name_fr": f"Indication {i}",
             "base_activity": ACTIVITIES[i % 3], "default_share": round(rng.uniform(0.01, 0.3), 3),
             "default_weight": rng.randint(1, 5), "default_min_coverage": 0.2 if i < 2 else 0.0,
             "source": "generated"} for i in range(N_INDICATIONS)]


def _device(rng: random.Random, i: int, family: int) -> dict[str, Any]:
    capex = rng.choice([5, 10, 20, 40, 60, 90, 150, 200]) * 1000
    requires = f"d{i - 1:03d}" if family > 0 and i > 0 and rng.random() < 0.1 else ""
    return {"id": f"d{i:03d}", "family": f"f{family:02d}", "name": f"Device {i}", "vendor": f"Vendor {i % 7}",
            "capex_eur": capex, "maintenance_eur_per_year": round(capex * rng.uniform(0.02, 0.1)),
            "consumable_eur_per_case": rng.choice([0, 15, 300, 700, 1500, 2800]),
            "lifetime_years": rng.randint(5, 10), "capacity_cases_per_year": rng.choice([30, 60, 500, 1000, 1500]),
            "deployment": "per_room" if rng.random() < 0.15 else "shared", "requires": requires,
            "compatible_angio": rng.choice(ANGIO_VENDORS) if rng.random() < 0.2 else "any",
            "source": "generated", "price_date": "2026-01", "estimate": "yes", "notes": ""}


def synthetic_value_rows(pairs: list[tuple[str, str, float]]) -> dict[str, list[dict[str, Any]]]:
    """Value tables giving each (device, indication, v) pair its own strategy that avoids v weighted events
    per case: one outcome "event" (severity 1), an evidence row with a control rate of 100 v % and a treated
    rate of 0. Plans of such catalogues have the value sum v x cases, known by construction."""
    evidence = [{"id": f"e_{d}_{k}", "citation": "synthetic", "year": 2024, "design": "rct", "population": "synthetic",
                 "outcome_id": "event", "measure": "none", "control_rate_pct": round(100 * v, 9),
                 "treated_rate_pct": 0, "reliability": "H"} for d, k, v in pairs]
    effects = [{"strategy": f"s_{d}_{k}", "indication_id": k, "outcome_id": "event", "evidence_id": f"e_{d}_{k}"}
               for d, k, _v in pairs]
    outcomes = [{"id": "event", "name_en": "Event", "name_fr": "Événement", "default_severity": 1,
                 "source": "synthetic"}]
    return {"evidence": evidence, "effects": effects, "outcomes": outcomes}


def generate_catalog(devices: int, seed: int = 0) -> Catalog:
    """A synthetic catalogue of ``devices`` devices in families of about 10."""
    rng = random.Random(seed)
    inds = _indications(rng)
    devs = [_device(rng, i, i // 10) for i in range(devices)]
    cov, pairs = [], []
    for dev in devs:
        fam = int(dev["family"][1:])
        for k in sorted({fam % N_INDICATIONS, (fam * 5 + 3) % N_INDICATIONS}):
            value = round(rng.uniform(0.4, 1.0), 2) / 100  # weighted events avoided per case
            cov.append({"device_id": dev["id"], "indication_id": f"k{k:02d}", "effectiveness": 1,
                        "guideline_class": "I", "source": "generated", "strategy": f"s_{dev['id']}_k{k:02d}"})
            pairs.append((dev["id"], f"k{k:02d}", value))
    value_rows = synthetic_value_rows(pairs)
    tables = {name: parse_rows(name, [{k: str(v) for k, v in r.items()} for r in rows], f"{name}.csv",
                               [c.name for c in TABLES[name]])
              for name, rows in (("devices", devs), ("indications", inds), ("coverage", cov), *value_rows.items())}
    return build_catalog(tables, "generated", f"gen{devices}_{seed}")


def generate_scenario(sites: int, catalog: Catalog, seed: int = 0) -> Scenario:
    """A hospital group of ``sites`` sites with budgets of about 120 k EUR capex per site."""
    rng = random.Random(seed + 1)
    site_rows = []
    for s in range(sites):
        cag = rng.randint(800, 3000)
        pci = int(cag * rng.uniform(0.45, 0.6))
        site_rows.append({"id": f"s{s:02d}", "name": f"Site {s}", "rooms": rng.randint(1, 5),
                          "angio_vendor": rng.choice(ANGIO_VENDORS),
                          "activity": {"cag": cag, "pci": pci, "stemi": int(pci * 0.25)}})
    data = {"name": f"generated {sites} sites x {len(catalog.devices)} devices",
            "budget": {"capex_eur": 120000 * sites, "opex_eur_per_year": 250000 * sites}, "sites": site_rows}
    return parse_scenario(data, "generated")


def generate(sites: int, devices: int, seed: int = 0, years: int | None = None) -> tuple[Catalog, Scenario]:
    """Catalogue and scenario of the given size (over ``years`` years when given: a multi-year plan)."""
    catalog = generate_catalog(devices, seed)
    scenario = generate_scenario(sites, catalog, seed)
    return catalog, scenario if years is None else dataclasses.replace(scenario, horizon_years=years)


def add_instance_arguments(ap: argparse.ArgumentParser, sites: int, devices: int, time_limit: float) -> None:
    """The options of a multi-year benchmark: ``--sites``, ``--devices``, ``--years`` (10), ``--time-limit`` and
    ``--gap`` (0.005), with the script's own defaults for the size and the limit."""
    ap.add_argument("--sites", type=int, default=sites)
    ap.add_argument("--devices", type=int, default=devices)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--time-limit", type=float, default=time_limit)
    ap.add_argument("--gap", type=float, default=0.005)

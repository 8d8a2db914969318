"""Property: on tiny random instances the MILP's benefit equals a brute-force enumeration's.

Brute force enumerates unit counts of every device (0..4), derives which devices can be in use (per-room
rule, required companions), checks the capex budget, and solves the case allocation as an LP with scipy
(independent of the PuLP model). The best benefit over all unit vectors must equal the MILP's.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from planner import make_plan
from tests.builders import make_catalog, make_scenario

MAX_UNITS = 4  # demand <= 200 cases and capacity >= 60: more units never serve more


@st.composite
def instances(draw):
    n_dev = draw(st.integers(2, 3))
    n_ind = draw(st.integers(1, 2))
    rooms = draw(st.integers(1, 2))
    devices = []
    for i in range(n_dev):
        devices.append({
            "id": f"d{i}", "capex_eur": draw(st.sampled_from([0, 5000, 10000, 20000, 40000])),
            "maintenance_eur_per_year": draw(st.sampled_from([0, 1000, 3000])),
            "consumable_eur_per_case": draw(st.sampled_from([0, 50, 200])),
            "capacity_cases_per_year": draw(st.sampled_from([60, 120, 1000])),
            "deployment": draw(st.sampled_from(["shared", "shared", "per_room"])),
            "requires": "d0" if i == n_dev - 1 and i > 0 and draw(st.booleans()) else "",
        })
    inds = [{"id": f"k{j}", "base_activity": "pci", "default_share": draw(st.sampled_from([0.02, 0.05, 0.1])),
             "default_weight": draw(st.integers(1, 4)),
             "default_min_coverage": draw(st.sampled_from([0.0, 0.0, 0.3]))} for j in range(n_ind)]
    cov = [(d["id"], k["id"], draw(st.sampled_from([0.5, 0.8, 1.0])))
           for d in devices for k in inds if draw(st.booleans())]
    if not cov:
        cov = [("d0", "k0", 1.0)]
    budget = {"capex_eur": draw(st.sampled_from([0, 10000, 25000, 60000, 200000]))}
    if draw(st.booleans()):
        budget["opex_eur_per_year"] = draw(st.sampled_from([2000, 10000, 50000]))
    return devices, inds, cov, rooms, budget


def brute_force(devices, inds, cov, rooms, budget):
    """Best benefit over all unit vectors, or None if no vector is feasible."""
    demand = {k["id"]: 1000 * k["default_share"] for k in inds}  # pci activity 1000 at the default site
    eff = {(d, k): e for d, k, e in cov}
    best = None
    for units in itertools.product(range(MAX_UNITS + 1), repeat=len(devices)):
        capex = sum(u * d["capex_eur"] for u, d in zip(units, devices, strict=True))
        if capex > budget["capex_eur"] + 1e-9:
            continue
        usable = _usable(devices, units, rooms)
        value = _allocation_lp(devices, inds, units, usable, demand, eff, budget)
        if value is not None and (best is None or value > best):
            best = value
    return best


def _usable(devices, units, rooms):
    ok = {d["id"] for d, u in zip(devices, units, strict=True)
          if u >= (rooms if d["deployment"] == "per_room" else 1)}
    return {i for i in ok if not next(d for d in devices if d["id"] == i)["requires"]
            or next(d for d in devices if d["id"] == i)["requires"] in ok}


def _allocation_lp(devices, inds, units, usable, demand, eff, budget):
    pairs = [(d, k) for d in devices for k in inds if d["id"] in usable and (d["id"], k["id"]) in eff]
    maint = sum(u * d["maintenance_eur_per_year"] for u, d in zip(units, devices, strict=True))
    a_ub, b_ub = [], []
    for k in inds:  # demand and floor
        row = [1.0 if kk["id"] == k["id"] else 0.0 for _, kk in pairs]
        a_ub += [row, [-x for x in row]]
        b_ub += [demand[k["id"]], -k["default_min_coverage"] * demand[k["id"]]]
    for d, u in zip(devices, units, strict=True):  # capacity
        a_ub.append([1.0 if dd["id"] == d["id"] else 0.0 for dd, _ in pairs])
        b_ub.append(u * d["capacity_cases_per_year"])
    if "opex_eur_per_year" in budget:
        a_ub.append([float(d["consumable_eur_per_case"]) for d, _ in pairs])
        b_ub.append(budget["opex_eur_per_year"] - maint)
    if not pairs:
        feasible = all(b >= -1e-9 for b in b_ub)
        return 0.0 if feasible else None
    c = [-k["default_weight"] * eff[(d["id"], k["id"])] for d, k in pairs]  # value = multiplier x events per case
    res = linprog(c, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=(0, None), method="highs")
    return -res.fun if res.status == 0 else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
@pytest.mark.slow
def test_milp_benefit_equals_brute_force(inst):
    devices, inds, cov, rooms, budget = inst
    expected = brute_force(devices, inds, cov, rooms, budget)
    cat = make_catalog(devices, inds, cov)
    plan = make_plan(cat, make_scenario([{"rooms": rooms}], budget=budget))
    if expected is None:
        assert plan.status == "infeasible"
    else:
        assert plan.status == "optimal"
        assert plan.benefit == pytest.approx(expected, rel=1e-5, abs=1e-4)
        assert plan.costs.capex_eur <= budget["capex_eur"] + 1e-6


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(0, 2))
@pytest.mark.slow
def test_removing_a_device_never_increases_the_value(inst, which):
    """A device taken out of the catalogue's choice (excluded) can only lose value: the optimum with fewer
    options is never above the optimum with more."""
    devices, inds, cov, rooms, budget = inst
    cat = make_catalog(devices, inds, cov)
    full = make_plan(cat, make_scenario([{"rooms": rooms}], budget=budget))
    removed = devices[which % len(devices)]["id"]
    fewer = make_plan(cat, make_scenario([{"rooms": rooms}], budget=budget, exclude=[removed]))
    if not fewer.has_solution:
        return
    assert full.has_solution  # a plan without the device is a plan with it available
    assert fewer.benefit <= full.benefit + 1e-5 * max(1.0, abs(full.benefit))  # each phase 2 may give up 1e-6

"""Dominated devices removed before building (``planner.model.reduce``): the reduced model has the same optimum
as the full one (value, then cost), on random small instances built to contain dominated devices."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.generate import generate
from planner import make_plan
from planner.inputs import prepare
from planner.model import build_model
from planner.model import reduce as reduce_module
from planner.model.reduce import dominated_candidates, reduce_dominated, worth_reducing
from planner.scenario import SolverOptions
from planner.solve import solve
from tests.builders import make_catalog, make_scenario

EXACT = SolverOptions("highs", 60, 0.0)


def _optimum(inputs):
    """(status, best value, best cost objective at that value): the objective values of both phases."""
    res = solve(build_model(inputs), EXACT)
    if not res.status.has_solution:
        return res.status.value, None, None
    assert all(p.mip_gap is not None and p.mip_gap <= 1e-5 for p in res.phases), res.phases  # solved to optimality
    return "solved", res.phases[0].objective_value, res.phases[-1].objective_value


def _assert_same_optimum(inputs):
    red = reduce_dominated(inputs)
    full, reduced = _optimum(inputs), _optimum(red.inputs)
    assert full[0] == reduced[0]
    if full[1] is not None:
        assert reduced[1] == pytest.approx(full[1], rel=1e-6, abs=1e-9)
        assert reduced[2] == pytest.approx(full[2], rel=1e-5, abs=1e-6)
    return red


DEVICE = st.fixed_dictionaries({
    "capex_eur": st.sampled_from([10000, 20000, 40000]),
    "maintenance_eur_per_year": st.sampled_from([0, 1000, 3000]),
    "consumable_eur_per_case": st.sampled_from([0, 100, 500]),
    "lifetime_years": st.sampled_from([2, 3, 8]),
    "capacity_cases_per_year": st.sampled_from([40, 100, 1000]),
    "deployment": st.sampled_from(["shared", "shared", "per_room"]),
    "family": st.sampled_from(["fa", "fb"]),
    "values": st.tuples(st.sampled_from([0.0, 0.01, 0.02]), st.sampled_from([0.0, 0.01, 0.02])),
})


@st.composite
def instances(draw):
    devs = draw(st.lists(DEVICE, min_size=2, max_size=6))
    rows, cov = [], []
    for i, dev in enumerate(devs):
        d = f"d{i}"
        row = {k: v for k, v in dev.items() if k != "values"} | {"id": d}
        if i > 0 and draw(st.booleans()) and draw(st.booleans()):
            row["requires"] = "d0"
        rows.append(row)
        cov += [(d, k, v) for k, v in zip(("k1", "k2"), dev["values"], strict=True) if v > 0 or k == "k1"]
    inds = [{"id": "k1", "default_share": 0.1, "default_min_coverage": draw(st.sampled_from([0, 0.2]))},
            {"id": "k2", "default_share": 0.05}]
    catalog = make_catalog(rows, inds, cov)
    sites = [{"id": f"s{j}", "name": f"S{j}", "rooms": draw(st.integers(1, 3)), "angio_vendor": "philips",
              "activity": {"cag": 1000, "pci": draw(st.sampled_from([300, 1000])), "stemi": 100}}
             for j in range(draw(st.integers(1, 2)))]
    years = draw(st.sampled_from([1, 1, 3]))
    budget = {"capex_eur": draw(st.sampled_from([15000, 45000, 90000])),
              "opex_eur_per_year": draw(st.sampled_from([20000, 200000]))}
    scenario = make_scenario(sites, budget=budget, horizon_years=years)
    return prepare(catalog, scenario)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_reduced_model_has_the_full_optimum(inputs):
    _assert_same_optimum(inputs)


@pytest.mark.parametrize(("sites", "devices", "years", "seed"), [(2, 30, 1, 1), (3, 40, 1, 2), (2, 30, 3, 3)])
def test_generated_instances_lose_devices_and_keep_their_optimum(sites, devices, years, seed):
    catalog, scenario = generate(sites, devices, seed=seed)
    inputs = prepare(catalog, dataclasses.replace(scenario, horizon_years=years))
    red = _assert_same_optimum(inputs)
    assert red.removed  # the generated catalogues hold dominated devices
    kept = set(red.inputs.candidates)
    for (s, d), d2 in red.removed.items():
        assert (s, d2) in kept and inputs.family(d) == inputs.family(d2)


def test_nothing_required_installed_or_must_include_is_removed():
    catalog, scenario = generate(2, 30, seed=1)
    inputs = prepare(catalog, scenario)
    removed = dominated_candidates(inputs)
    target = sorted(removed)[0]
    pinned = dataclasses.replace(inputs, must_include=(target[1],))
    assert target not in dominated_candidates(pinned)
    pinned = dataclasses.replace(inputs, installed={**inputs.installed, target: 1})
    assert target not in dominated_candidates(pinned)


def test_make_plan_reports_every_candidate_of_the_full_model(monkeypatch):
    monkeypatch.setattr(reduce_module, "MIN_SIZE", 0)  # reduce even this small model
    catalog, scenario = generate(2, 30, seed=1)
    plan = make_plan(catalog, scenario, SolverOptions("highs", 60, 0.0))
    assert plan.status == "optimal"
    full = _optimum(prepare(catalog, scenario))
    assert plan.benefit == pytest.approx(-full[1], rel=1e-5)  # phase 1 minimises -value


def test_small_models_are_solved_whole():
    catalog, scenario = generate(1, 30, seed=1)
    assert not worth_reducing(prepare(catalog, scenario))
    catalog, scenario = generate(30, 300, seed=1)
    assert worth_reducing(prepare(catalog, scenario))

"""Invariants on real and generated plans: costs reconcile with the objective, every rule holds."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from bench.generate import generate
from planner import load_catalog, load_scenario, make_plan
from planner.inputs import prepare

ROOT = Path(__file__).resolve().parents[2]
CASES = [("example", p) for p in sorted((ROOT / "examples").glob("*.yaml"))] + \
        [("generated", (3, 40, seed)) for seed in range(3)]


def load(kind, arg):
    if kind == "example":
        sc = load_scenario(arg)
        return load_catalog(sc.catalog_path()), sc
    return generate(*arg)


@pytest.fixture(scope="module", params=CASES, ids=lambda c: Path(str(c[1])).stem if c[0] == "example" else
                f"gen{c[1]}")
def solved(request):
    catalog, scenario = load(*request.param)
    plan = make_plan(catalog, scenario)
    assert plan.status == "optimal" or (plan.status == "feasible" and plan.mip_gap <= scenario.solver.mip_gap)
    return catalog, scenario, plan


def test_plan_costs_equal_objective_terms(solved):
    _, _, plan = solved
    c = plan.costs
    assert c.tco_eur == pytest.approx(plan.solver.objective_annualised_cost_eur, rel=1e-6)
    assert c.annualised_eur_per_year == pytest.approx(c.tco_eur / c.horizon_years)
    assert plan.benefit == pytest.approx(plan.solver.objective_benefit, rel=1e-6)
    assert c.opex_eur_per_year == pytest.approx(c.maintenance_eur_per_year + c.consumables_eur_per_year
                                                + c.lease_eur_per_year + c.shortfall_eur_per_year)
    assert c.capex_eur == pytest.approx(sum(a.capex_eur for a in plan.acquisitions))
    assert c.capex_eur == pytest.approx(sum(y.capex_eur for y in plan.costs_by_year))
    # phase 2 minimised exactly this value
    assert plan.solver.phases[-1].objective_value * 1000 == pytest.approx(c.tco_eur, rel=1e-6)


def test_budgets_floors_demand_hold(solved):
    _, scenario, plan = solved
    budget = scenario.budget
    if budget.capex_eur is not None:
        assert plan.costs.capex_eur <= budget.capex_eur + 1e-6
    for use in plan.budgets:
        if use.limit_eur is not None:
            assert use.used_eur <= use.limit_eur * (1 + 1e-9) + 1e-6, use.name
    if budget.opex_eur_per_year is not None:
        assert all(y.opex_eur <= budget.opex_eur_per_year * (1 + 1e-9) + 1e-6 for y in plan.costs_by_year)
    for row in plan.coverage:
        assert row.served_cases <= row.demand_cases + 1e-6
        assert row.served_cases >= row.min_coverage * row.demand_cases - 1e-6


def test_capacity_per_room_and_requires_hold(solved):
    catalog, scenario, plan = solved
    if len(plan.years) > 1:
        pytest.skip("per-year units in service: covered by tests/model/test_multiyear.py")
    inputs = prepare(catalog, scenario)
    units = {(a.site_id, a.device_id): a.units_new + a.units_installed for a in plan.acquisitions}
    in_use = {(a.site_id, a.device_id) for a in plan.acquisitions if a.in_use}
    cases = defaultdict(float)
    for row in plan.allocation:
        cases[(row.site_id, row.device_id)] += row.cases_per_year
        assert (row.site_id, row.device_id) in in_use
    for (s, d), n in cases.items():
        assert n <= inputs.devices[d].capacity_cases_per_year * units[(s, d)] + 1e-6
    for s, d in in_use:
        if inputs.devices[d].deployment == "per_room":
            assert units[(s, d)] >= inputs.rooms[s]
        if inputs.devices[d].requires:
            assert any((s, r) in in_use for r in inputs.devices[d].requires)
        assert inputs.devices[d].works_with(next(x.angio_vendor for x in scenario.sites if x.id == s)) \
            or units[(s, d)] == inputs.installed.get((s, d), 0)


def test_min_cost_objective_meets_floors_at_lower_cost(solved):
    import dataclasses
    catalog, scenario, plan = solved
    cheap = make_plan(catalog, dataclasses.replace(scenario, objective="min_cost"))
    assert cheap.has_solution
    gap = cheap.mip_gap or 0.0
    assert cheap.costs.tco_eur <= plan.costs.tco_eur * (1 + gap) + 1e-6
    assert cheap.costs.tco_eur == pytest.approx(cheap.solver.objective_annualised_cost_eur, rel=1e-6)
    for row in cheap.coverage:
        assert row.served_cases >= row.min_coverage * row.demand_cases - 1e-6

"""Invariants on real and generated plans: costs reconcile with the objective, every rule holds."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest

from bench.generate import generate
from planner import load_catalog, load_scenario, make_plan
from planner.inputs import prepare

ROOT = Path(__file__).resolve().parents[2]
CASES = [("example", p) for p in sorted((ROOT / "examples").glob("*.yaml"))] + \
        [("generated", (3, 40, seed)) for seed in range(3)] + \
        [("en_sus", (3, 40, 0, perspective)) for perspective in ("hospital", "health_system")]


def load(kind, arg):
    if kind == "example":
        sc = load_scenario(arg)
        return load_catalog(sc.catalog_path()), sc
    if kind == "en_sus":  # a generated group where every other device with consumables is on the liste en sus
        catalog, scenario = generate(*arg[:3])
        billed = [d for d, dev in sorted(catalog.devices.items()) if dev.consumable_eur_per_case > 0][::2]
        devices = {d: dataclasses.replace(dev, funding="liste_en_sus", lpp_code="3100000",
                                          lpp_tariff_eur=round(0.8 * dev.consumable_eur_per_case))
                   if d in billed else dev for d, dev in catalog.devices.items()}
        return dataclasses.replace(catalog, devices=devices), dataclasses.replace(scenario, perspective=arg[3])
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
    assert c.tco_eur == pytest.approx(plan.solver.objective_tco_eur, rel=1e-6)
    assert c.annualised_eur_per_year == pytest.approx(c.tco_eur / c.horizon_years)
    assert plan.benefit == pytest.approx(plan.solver.objective_benefit, rel=1e-6)
    assert c.opex_eur_per_year == pytest.approx(c.maintenance_eur_per_year + c.consumables_eur_per_year
                                                + c.lease_eur_per_year + c.shortfall_eur_per_year
                                                + c.transport_eur_per_year)
    assert c.capex_eur == pytest.approx(sum(a.capex_eur for a in plan.acquisitions))
    assert c.capex_eur == pytest.approx(sum(y.capex_eur for y in plan.costs_by_year))
    # phase 2 minimised exactly this value: the TCO plus 0.1 EUR per unit acquired and per device in use a year
    units = sum(a.units_new for a in plan.acquisitions)
    in_use_last_year = {(a.site_id, a.device_id) for a in plan.acquisitions if a.in_use and a.year == plan.years[-1]}
    assert plan.solver.objective_tie_break >= units + len(in_use_last_year) - 1e-6
    assert plan.solver.phases[-1].objective_value * 1000 == pytest.approx(
        c.tco_eur + 0.1 * plan.solver.objective_tie_break, rel=1e-6)


def test_costs_of_both_perspectives_reconcile(solved):
    """The objective counts the scenario's perspective; the plan shows both: the health system's TCO less the
    discounted liste en sus billing is the hospital's, per device and in total."""
    _, scenario, plan = solved
    c = plan.costs
    assert c.perspective == scenario.perspective
    assert c.tco_eur == pytest.approx(c.tco_hospital_eur if c.perspective == "hospital" else c.tco_health_system_eur)
    billed_npv = sum(y.billed_on_top_eur * y.discount_factor for y in plan.costs_by_year)
    assert c.tco_health_system_eur - c.tco_hospital_eur == pytest.approx(billed_npv, abs=1e-6)
    assert c.billed_on_top_eur_per_year * c.horizon_years == pytest.approx(
        sum(y.billed_on_top_eur for y in plan.costs_by_year))
    assert c.billed_on_top_eur_per_year <= c.consumables_eur_per_year + 1e-6
    transport = sum(y.transport_eur * y.discount_factor for y in plan.costs_by_year)
    for field in ("tco_eur", "tco_health_system_eur", "tco_hospital_eur"):
        assert sum(getattr(r, field) for r in plan.tco_by_device) + transport == pytest.approx(getattr(c, field))
    assert sum(r.billed_on_top_eur for r in plan.tco_by_device) == pytest.approx(
        sum(y.billed_on_top_eur for y in plan.costs_by_year))


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
    for row in plan.coverage:  # with referrals: own patients = served - received, served here or referred
        assert row.served_cases <= row.demand_cases + row.received_cases + 1e-6
        assert own_treated(row) >= row.min_coverage * row.demand_cases - 1e-3


def units_in_service(plan, inputs):
    """Units of each (site, device) in service each year, recomputed from the plan alone: installed units until
    their retirement year, each acquisition from its year for its mode's term (to the end when none)."""
    out = defaultdict(int)
    for a in plan.acquisitions:
        retire = inputs.horizon.retire_year.get((a.site_id, a.device_id))
        term = {o.mode: o.term_years for o in inputs.offers(a.device_id)}.get(a.mode)
        for y in plan.years:
            if a.units_installed and (retire is None or y < retire):
                out[(a.site_id, a.device_id, y)] += a.units_installed
            if a.units_new and a.year <= y and (term is None or y < a.year + term):
                out[(a.site_id, a.device_id, y)] += a.units_new
    return out


def test_capacity_per_room_and_requires_hold_every_year(solved):
    catalog, scenario, plan = solved
    inputs = prepare(catalog, scenario)
    units = units_in_service(plan, inputs)
    cases = defaultdict(float)
    for row in plan.allocation:
        cases[(row.site_id, row.device_id, row.year)] += row.cases_per_year
    assert {y for (_, _, y) in cases} <= set(plan.years)
    vendor = {x.id: x.angio_vendor for x in scenario.sites}
    for (s, d, y), n in cases.items():
        dev = inputs.devices[d]
        assert n <= dev.capacity_cases_per_year * units[(s, d, y)] + 1e-6, (s, d, y)
        if n <= 1e-6:
            continue
        if dev.deployment == "per_room":
            assert units[(s, d, y)] >= inputs.rooms[s], (s, d, y)
        if dev.requires:
            assert any(units[(s, r, y)] >= 1 for r in dev.requires), (s, d, y)
        new = sum(a.units_new for a in plan.acquisitions if (a.site_id, a.device_id) == (s, d))
        assert dev.works_with(vendor[s]) or new == 0, (s, d)


def test_min_cost_objective_meets_floors_at_lower_cost(solved):
    import dataclasses
    catalog, scenario, plan = solved
    cheap = make_plan(catalog, dataclasses.replace(scenario, objective="min_cost"))
    assert cheap.has_solution
    gap = cheap.mip_gap or 0.0
    assert cheap.costs.tco_eur <= plan.costs.tco_eur * (1 + gap) + 1e-6
    assert cheap.costs.tco_eur == pytest.approx(cheap.solver.objective_tco_eur, rel=1e-6)
    for row in cheap.coverage:
        assert own_treated(row) >= row.min_coverage * row.demand_cases - 1e-3


def own_treated(row):
    """The site's own patients served there or referred (without referral routes: its served cases)."""
    return row.served_cases - row.received_cases + row.referred_cases

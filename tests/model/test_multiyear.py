"""Multi-year horizon: one year equals today's model, replacements, acquisition modes, envelopes, NPV by hand."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from tests.builders import make_catalog, make_scenario
from tests.model.reference_costs import solver_tco_eur

ROOT = Path(__file__).resolve().parents[2]
IND = [{"id": "k1", "base_activity": "pci", "default_share": 0.05}]  # 50 cases a year at the default site


def approx(x):
    """Phase 2 holds the benefit within 1e-6 relative: cases, and costs that follow them, move that much."""
    return pytest.approx(x, rel=1e-5, abs=1e-3)


def bought(plan):
    return sorted((a.site_id, a.device_id, a.year, a.mode, a.units_new) for a in plan.acquisitions if a.units_new)


ONE_YEAR_EXAMPLES = [p for p in sorted((ROOT / "examples").glob("*.yaml")) if load_scenario(p).horizon_years == 1]


def test_examples_include_one_year_scenarios():
    assert len(ONE_YEAR_EXAMPLES) >= 2


@pytest.mark.parametrize("example", ONE_YEAR_EXAMPLES, ids=lambda p: p.stem)
def test_one_year_horizon_equals_the_single_period_model(example):
    sc = load_scenario(example)
    cat = load_catalog(sc.catalog_path())
    base = make_plan(cat, sc)
    one = make_plan(cat, dataclasses.replace(sc, horizon_years=1, discount_rate=0.0, start_year=2031))
    assert bought(one) == [(s, d, 2031, m, n) for s, d, _y, m, n in bought(base)]
    assert one.benefit == approx(base.benefit)
    assert dataclasses.replace(one.costs) == dataclasses.replace(base.costs)
    assert [(r.site_id, r.room, r.devices) for r in one.rooms] == [(r.site_id, r.room, r.devices) for r in base.rooms]


def test_npv_by_hand():
    """2 years, 5 % discount rate: buy a 10,000 EUR console (life 5, maintenance 1,000) in year 1,
    serve 50 cases a year at 100 EUR. TCO = capex - residual (3/5 of 10,000, discounted 2 years)
    + maintenance and consumables of both years, discounted."""
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "lifetime_years": 5, "maintenance_eur_per_year": 1000,
                         "consumable_eur_per_case": 100}], IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(horizon_years=2, start_year=2027, discount_rate=0.05))
    r = 1.05
    expected = 10000 - 6000 / r**2 + 1000 + 1000 / r + 5000 + 5000 / r
    assert plan.status == "optimal" and bought(plan) == [("s1", "a", 2027, "purchase", 1)]
    assert plan.costs.tco_eur == approx(expected)
    assert plan.costs.tco_eur == approx(solver_tco_eur(plan))
    assert plan.costs.residual_value_eur == approx(6000)
    assert plan.benefit == approx(50 + 50 / r)
    assert [y.capex_eur for y in plan.costs_by_year] == [10000, 0]
    assert [y.opex_eur for y in plan.costs_by_year] == [approx(6000), approx(6000)]


def test_growth_and_escalation():
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "consumable_eur_per_case": 100}], IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(horizon_years=3, start_year=2027, activity_growth={"pci": 0.1},
                                        price_escalation={"consumables": 0.02}))
    demand = [c.demand_cases for c in plan.coverage]
    assert demand == [approx(50), approx(55), approx(60.5)]
    assert [y.consumables_eur for y in plan.costs_by_year] == [approx(5000), approx(55 * 102), approx(60.5 * 104.04)]


def test_end_of_life_console_is_replaced_in_its_retirement_year():
    cat = make_catalog([{"id": "old", "family": "ivus", "lifetime_years": 7, "capex_eur": 30000},
                        {"id": "new", "family": "ivus", "lifetime_years": 7, "capex_eur": 40000}], IND,
                       [("old", "k1", 1.0), ("new", "k1", 1.0)])
    sc = make_scenario([{"installed": {"old": {"units": 1, "acquisition_year": 2021}}}], horizon_years=4,
                       start_year=2027, budget={"capex_eur_by_year": {2027: 0, 2028: 50000, 2029: 0, 2030: 0}})
    plan = make_plan(cat, sc)
    assert plan.status == "optimal"
    new = [a for a in plan.acquisitions if a.units_new]
    assert len(new) == 1 and new[0].year == 2028 and new[0].device_id in ("old", "new")
    assert new[0].replaces is not None and "old" in new[0].replaces
    (ret,) = plan.retirements
    assert (ret.device_id, ret.year, ret.replaced_by) == ("old", 2028, (new[0].device_id,))
    assert all(c.served_cases == approx(c.demand_cases) for c in plan.coverage)
    poor = make_plan(cat, dataclasses.replace(sc, budget=dataclasses.replace(sc.budget, capex_eur_by_year={
        2027: 0, 2028: 0, 2029: 0, 2030: 0})))
    assert poor.retirements[0].replaced_by == () and not [a for a in poor.acquisitions if a.units_new]
    assert [c.served_cases for c in poor.coverage] == [approx(50), 0, 0, 0]


def _placement_catalog(placement_price):
    return make_catalog([{"id": "ivl", "capex_eur": 30000, "lifetime_years": 8, "maintenance_eur_per_year": 2000,
                          "consumable_eur_per_case": 2000, "placement_available": "yes",
                          "placement_consumable_eur_per_case": placement_price,
                          "placement_min_commitment_eur_per_year": 50000}], IND, [("ivl", "k1", 1.0)])


def test_placement_chosen_when_cheaper_over_the_horizon_and_purchase_otherwise():
    sc = make_scenario(horizon_years=5, start_year=2027, acquisition_modes=["purchase", "placement"])
    # purchase: 30,000 + 5 x 2,000 maintenance (life 8: residual 3/8) -> capex charge 18,750 + 10,000;
    # placement at 2,050/case costs 50 x 50 x 5 = 12,500 more in consumables: placement is cheaper
    cheap = make_plan(_placement_catalog(2050), sc)
    assert bought(cheap) == [("s1", "ivl", 2027, "placement", 1)] and cheap.costs.capex_eur == 0
    dear = make_plan(_placement_catalog(2200), sc)  # +50,000 in consumables: purchase is cheaper
    assert bought(dear) == [("s1", "ivl", 2027, "purchase", 1)]
    for plan in (cheap, dear):
        assert plan.costs.tco_eur == approx(solver_tco_eur(plan))
    # the commitment: 50 cases x 2,050 = 102,500 >= 50,000, no shortfall
    assert cheap.costs.shortfall_eur_per_year == 0


def test_placement_commitment_shortfall_is_paid():
    cat = make_catalog([{"id": "ivl", "capex_eur": 500000, "consumable_eur_per_case": 1000,
                         "placement_available": "yes", "placement_min_commitment_eur_per_year": 80000}], IND,
                       [("ivl", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(horizon_years=2, start_year=2027, acquisition_modes=["purchase", "placement"]))
    assert bought(plan) == [("s1", "ivl", 2027, "placement", 1)]
    assert [y.shortfall_eur for y in plan.costs_by_year] == [approx(30000), approx(30000)]  # 80k - 50 x 1k


def test_yearly_envelopes_hold_and_carry_over_lets_a_purchase_wait():
    cat = make_catalog([{"id": "a", "capex_eur": 60000}], IND, [("a", "k1", 1.0)])
    budget = {"capex_eur_by_year": {2027: 40000, 2028: 40000}}
    strict = make_plan(cat, make_scenario(horizon_years=2, start_year=2027, budget=budget))
    assert not [a for a in strict.acquisitions if a.units_new]
    assert {b.name: b.limit_eur for b in strict.budgets}["capex_2028"] == 40000
    carried = make_plan(cat, make_scenario(horizon_years=2, start_year=2027, budget={**budget, "carry_over": True}))
    assert bought(carried) == [("s1", "a", 2028, "purchase", 1)]
    uses = {b.name: b for b in carried.budgets}
    assert uses["capex_2028"].limit_eur == 80000 and uses["capex_2028"].used_eur == 60000
    for y in carried.costs_by_year:
        assert y.capex_eur <= 80000


def test_lease_term_ends_and_must_be_renewed():
    cat = make_catalog([{"id": "oct", "capex_eur": 200000, "lifetime_years": 7, "lease_available": "yes",
                         "lease_eur_per_year": 25000, "lease_term_years": 2}], IND, [("oct", "k1", 1.0)])
    # 3 years: purchase charges 200,000 x 3/7 = 85,714; leasing twice costs 3 x 25,000 = 75,000
    plan = make_plan(cat, make_scenario(horizon_years=3, start_year=2027, acquisition_modes=["purchase", "lease"]))
    assert bought(plan) == [("s1", "oct", 2027, "lease", 1), ("s1", "oct", 2029, "lease", 1)]
    assert [y.lease_eur for y in plan.costs_by_year] == [approx(25000)] * 3


def test_installed_ages_are_checked():
    from planner.checks import run_checks

    cat = make_catalog([{"id": "a", "lifetime_years": 5}], IND, [("a", "k1", 1.0)])
    future = make_scenario([{"installed": {"a": {"units": 1, "acquisition_year": 2030}}}], start_year=2027)
    assert [i.severity for i in run_checks(cat, future)] == ["error"]
    old = make_scenario([{"installed": {"a": {"units": 1, "acquisition_year": 2015}}}], start_year=2027)
    (warning,) = run_checks(cat, old)
    assert warning.severity == "warning" and "past its end of life" in warning.message
    plan = make_plan(cat, old)
    assert plan.warnings and [a.units_new for a in plan.acquisitions if a.device_id == "a"][0] == 1


@pytest.mark.slow
def test_tco_by_device_adds_up_to_the_plan_tco():
    sc = load_scenario(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    plan = make_plan(load_catalog(), sc)
    assert plan.tco_by_device
    assert sum(r.tco_eur for r in plan.tco_by_device) == approx(plan.costs.tco_eur)
    assert sum(r.capex_eur for r in plan.tco_by_device) == approx(plan.costs.capex_eur)
    assert sum(r.residual_value_eur for r in plan.tco_by_device) == approx(plan.costs.residual_value_eur)
    total_cons = sum(y.consumables_eur for y in plan.costs_by_year)
    assert sum(r.consumables_eur for r in plan.tco_by_device) == approx(total_cons)


def test_two_devices_of_a_family_retiring_together_are_both_named():
    cat = make_catalog([{"id": "old1", "family": "ivus", "lifetime_years": 5, "capacity_cases_per_year": 30},
                        {"id": "old2", "family": "ivus", "lifetime_years": 5, "capacity_cases_per_year": 30},
                        {"id": "new", "family": "ivus", "lifetime_years": 7, "capex_eur": 5000}], IND,
                       [("old1", "k1", 1.0), ("old2", "k1", 1.0), ("new", "k1", 1.0)])
    sc = make_scenario([{"installed": {"old1": {"units": 1, "acquisition_year": 2023},
                                       "old2": {"units": 1, "acquisition_year": 2023}}}],
                       horizon_years=2, start_year=2027, exclude=["old1", "old2"])
    plan = make_plan(cat, sc)
    (new,) = [a for a in plan.acquisitions if a.units_new]
    assert new.year == 2028 and "old1" in new.replaces and "old2" in new.replaces


def test_infeasible_multi_year_plan_names_the_first_years_envelope():
    cat = make_catalog([{"id": "a", "capex_eur": 48000}], IND, [("a", "k1", 1.0)])
    sc = make_scenario(horizon_years=3, start_year=2027, indications={"k1": {"min_coverage": 0.8}},
                       budget={"capex_eur_by_year": {2027: 30000, 2028: 30000, 2029: 30000}})
    plan = make_plan(cat, sc)
    assert plan.status == "infeasible"
    text = " ".join(map(str, plan.diagnosis))
    assert "raise the 2027 capital envelope by €18,000" in text
    assert "2028 capital envelope" not in text  # buying in 2028 would leave the 2027 floor unmet
    assert "lower the floor to 0%" in text

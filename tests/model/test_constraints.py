"""One tiny scenario per constraint family, with an optimum known by construction."""

from __future__ import annotations

import dataclasses

import pytest

from planner import make_plan
from planner.inputs import prepare
from planner.messages import Msg
from planner.model import build_model
from planner.model.build import CONSTRAINT_FAMILIES
from tests.builders import make_catalog, make_scenario


def approx(x):
    """Phase 2 holds the benefit within a 1e-6 relative tolerance, so cases may move by that much."""
    return pytest.approx(x, rel=1e-5, abs=1e-3)


ONE_IND = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]  # demand 100 at the default site


def units(plan, device_id, site="s1"):
    return {(a.site_id, a.device_id): a.units_new for a in plan.acquisitions}.get((site, device_id), 0)


def served(plan, indication="k1", site="s1"):
    return {(c.site_id, c.indication_id): c.served_cases for c in plan.coverage}[(site, indication)]


def test_every_family_is_named_in_the_model():
    cat = make_catalog([{"id": "a", "deployment": "per_room", "requires": "b"}, {"id": "b"}], ONE_IND,
                       [("a", "k1", 1.0), ("b", "k1", 0.5)])
    sc = make_scenario([{"rooms": 2}], budget={"capex_eur": 1e6, "opex_eur_per_year": 1e6}, must_include=["b"],
                       indications={"k1": {"min_coverage": 0.1}})
    names = [c.name for c in build_model(prepare(cat, sc)).prob.constraints()]
    for family in CONSTRAINT_FAMILIES:
        assert any(n.startswith(family + "_") or n == family for n in names), family


def test_demand_caps_cases_served():
    cat = make_catalog([{"id": "a"}], ONE_IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario())
    assert plan.status == "optimal"
    assert served(plan) == approx(100.0)
    assert plan.benefit == approx(100.0)


def test_coverage_floor_forces_exactly_the_floor_under_min_cost():
    cat = make_catalog([{"id": "a", "consumable_eur_per_case": 10}], ONE_IND, [("a", "k1", 1.0)])
    sc = make_scenario(objective="min_cost", indications={"k1": {"min_coverage": 0.4}})
    plan = make_plan(cat, sc)
    assert served(plan) == approx(40.0)
    assert units(plan, "a") == 1
    assert plan.costs.capex_eur == 10000
    assert plan.costs.consumables_eur_per_year == approx(400.0)


def test_capacity_needs_enough_units():
    cat = make_catalog([{"id": "a", "capacity_cases_per_year": 30}], ONE_IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario())
    assert units(plan, "a") == 4  # ceil(100 / 30)
    limited = make_plan(cat, make_scenario(budget={"capex_eur": 20000}))
    assert units(limited, "a") == 2 and served(limited) == approx(60.0)


def test_presence_no_cases_without_units_and_no_idle_purchases():
    cat = make_catalog([{"id": "a"}, {"id": "b"}], ONE_IND, [("a", "k1", 1.0)])  # b serves nothing
    plan = make_plan(cat, make_scenario(exclude=["a"]))
    assert served(plan) == 0 and units(plan, "a") == 0 and units(plan, "b") == 0
    assert plan.status == "optimal" and plan.costs.capex_eur == 0


def test_per_room_device_needs_one_unit_per_room():
    cat = make_catalog([{"id": "integrated", "deployment": "per_room", "capex_eur": 10000},
                        {"id": "cart", "capex_eur": 25000}], ONE_IND,
                       [("integrated", "k1", 1.0), ("cart", "k1", 0.9)])
    plan = make_plan(cat, make_scenario([{"rooms": 3}]))
    assert units(plan, "integrated") == 3 and units(plan, "cart") == 0
    assert all("integrated" in r.devices for r in plan.rooms if r.room != "shared")
    tight = make_plan(cat, make_scenario([{"rooms": 3}], budget={"capex_eur": 29000}))
    assert units(tight, "integrated") == 0 and units(tight, "cart") == 1  # 3 x 10k does not fit
    assert [r.devices for r in tight.rooms if r.room == "shared"] == [("cart",)]


def test_requires_buys_the_companion_console():
    cat = make_catalog([{"id": "software", "capex_eur": 5000, "requires": "console_a;console_b"},
                        {"id": "console_a", "capex_eur": 20000}, {"id": "console_b", "capex_eur": 15000}],
                       [{"id": "k1", "base_activity": "cag", "default_share": 0.05}],
                       [("software", "k1", 1.0)])
    plan = make_plan(cat, make_scenario())
    assert units(plan, "software") == 1 and units(plan, "console_b") == 1 and units(plan, "console_a") == 0
    assert plan.costs.capex_eur == 20000
    poor = make_plan(cat, make_scenario(budget={"capex_eur": 19999}))
    assert units(poor, "software") == 0 and poor.costs.capex_eur == 0


def test_capex_budget_picks_the_better_device_that_fits():
    cat = make_catalog([{"id": "good", "capex_eur": 60000}, {"id": "ok", "capex_eur": 40000}], ONE_IND,
                       [("good", "k1", 1.0), ("ok", "k1", 0.8)])
    plan = make_plan(cat, make_scenario(budget={"capex_eur": 50000}))
    assert units(plan, "ok") == 1 and units(plan, "good") == 0
    assert plan.budgets[0].used_eur == 40000 and not plan.budgets[0].binding


def test_opex_budget_caps_consumables():
    cat = make_catalog([{"id": "a", "consumable_eur_per_case": 100, "maintenance_eur_per_year": 1000}], ONE_IND,
                       [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(budget={"opex_eur_per_year": 6000}))
    assert served(plan) == approx(50.0)  # (6000 - 1000 maintenance) / 100
    opex = {b.name: b for b in plan.budgets}["opex_per_year"]
    assert opex.binding and opex.used_eur == approx(6000.0)


def test_must_include_buys_a_useless_device_once():
    cat = make_catalog([{"id": "a"}, {"id": "spare", "capex_eur": 7000}], ONE_IND, [("a", "k1", 1.0)])
    sc = make_scenario([{"id": "s1"}, {"id": "s2"}], must_include=["spare"])
    plan = make_plan(cat, sc)
    assert units(plan, "spare", "s1") + units(plan, "spare", "s2") == 1


def test_exclude_keeps_installed_units_in_use():
    cat = make_catalog([{"id": "a", "capacity_cases_per_year": 60}], ONE_IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario([{"installed": {"a": 1}}], exclude=["a"]))
    assert units(plan, "a") == 0 and served(plan) == approx(60.0)
    assert plan.acquisitions[0].units_installed == 1 and plan.acquisitions[0].in_use


def test_incompatible_angio_vendor_is_never_bought():
    cat = make_catalog([{"id": "siemens_only", "compatible_angio": "siemens"}, {"id": "any_cart", "capex_eur": 90000}],
                       ONE_IND, [("siemens_only", "k1", 1.0), ("any_cart", "k1", 1.0)])
    sites = [{"id": "p", "angio_vendor": "philips"}, {"id": "s", "angio_vendor": "siemens"}]
    plan = make_plan(cat, make_scenario(sites))
    assert units(plan, "siemens_only", "s") == 1 and units(plan, "siemens_only", "p") == 0
    assert units(plan, "any_cart", "p") == 1


def test_lexicographic_same_benefit_cheaper_wins():
    cat = make_catalog([{"id": "dear", "capex_eur": 50000}, {"id": "cheap", "capex_eur": 20000}], ONE_IND,
                       [("dear", "k1", 1.0), ("cheap", "k1", 1.0)])
    plan = make_plan(cat, make_scenario())
    assert units(plan, "cheap") == 1 and units(plan, "dear") == 0
    assert plan.costs.annualised_eur_per_year == approx(2000.0)


def test_infeasible_floor_is_reported_with_a_diagnosis():
    cat = make_catalog([{"id": "a", "capex_eur": 48000}], ONE_IND, [("a", "k1", 1.0)])
    sc = make_scenario(budget={"capex_eur": 30000}, indications={"k1": {"min_coverage": 0.8}})
    plan = make_plan(cat, sc)
    assert plan.status == "infeasible" and not plan.has_solution and plan.costs is None
    assert plan.diagnosis and all(isinstance(d, Msg) and str(d) for d in plan.diagnosis)


def test_floor_with_no_usable_device_is_diagnosed_structurally():
    cat = make_catalog([{"id": "a", "compatible_angio": "ge"}], ONE_IND, [("a", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(indications={"k1": {"min_coverage": 0.5}}))
    assert plan.status == "infeasible"
    assert any("k1" in str(d) and "s1" in str(d) for d in plan.diagnosis)


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_both_solvers_agree(solver):
    cat = make_catalog([{"id": "a", "capacity_cases_per_year": 30, "capex_eur": 9000},
                        {"id": "b", "capex_eur": 30000}], ONE_IND, [("a", "k1", 1.0), ("b", "k1", 0.7)])
    sc = make_scenario(budget={"capex_eur": 40000}, solver={"name": solver})
    plan = make_plan(cat, sc)
    assert plan.status == "optimal" and plan.solver.name == solver
    # 4 x a = 36k serves 100 at e=1 (benefit 100) beats any mix with b
    assert units(plan, "a") == 4 and plan.benefit == approx(100.0)


def test_class_iii_pairs_unused_unless_allowed():
    cat = make_catalog([{"id": "a"}], ONE_IND, [("a", "k1", 1.0)])
    not_recommended = tuple(dataclasses.replace(c, guideline_class="III") for c in cat.coverage)
    cat = dataclasses.replace(cat, coverage=not_recommended)
    assert make_plan(cat, make_scenario()).benefit == 0
    assert make_plan(cat, make_scenario(allow_not_recommended=True)).benefit == approx(100.0)

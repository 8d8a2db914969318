"""Sensitivity ranges on planted break points; scenario comparison."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from planner.decision.compare import compare_plans, compare_scenarios
from planner.decision.sensitivity import price_sensitivity, sensitivity, weight_sensitivity
from planner.scenario import IndicationOverride
from tests.builders import make_catalog, make_scenario

DECISION = Path(__file__).resolve().parents[2] / "tests" / "data" / "catalog_decision"
TOL = 0.02


def two_choices(opex: float | None = None):
    """A serves k1 (100 cases, weight 2), B serves k2 (100 cases, weight 1); 10,000 EUR each, budget for one.

    Weight of k1 x m: A stays while 2m >= 1, so down to m = 0.5. Weight of k2 x m: B wins above m = 2.
    With an opex budget of 10,000 EUR and A's consumable at 50 EUR/case x m, A serves min(100, 200/m) cases:
    benefit 400/m against B's 100, so A stays up to m = 4 (at 4 the tie goes to B, cheaper to run).
    """
    devices = [{"id": "a", "consumable_eur_per_case": 50 if opex else 0}, {"id": "b"}]
    inds = [{"id": "k1", "default_weight": 2}, {"id": "k2", "default_weight": 1}]
    budget = {"capex_eur": 10000, **({"opex_eur_per_year": opex} if opex else {})}
    return make_catalog(devices, inds, [("a", "k1", 1.0), ("b", "k2", 1.0)]), make_scenario(budget=budget)


def test_weight_ranges_find_the_planted_break_points():
    catalog, scenario = two_choices()
    sens = weight_sensitivity(catalog, scenario, tolerance=TOL)
    assert sens.status == "optimal" and [c.device_id for c in sens.configuration] == ["a"]
    k1, k2 = (next(r for r in sens.ranges if r.subject == k) for k in ("k1", "k2"))
    assert 0.5 <= k1.low_multiplier <= 0.5 + TOL and not k1.low_open
    assert k1.high_open and k1.high_multiplier == 4.0
    assert "b" in str(k1.low_change) and "a" in str(k1.low_change)
    assert k2.low_open and k2.low_multiplier == 0.0
    assert 2 / (1 + TOL) <= k2.high_multiplier <= 2.0 and not k2.high_open
    assert k1.low_value == pytest.approx(2 * k1.low_multiplier)


def test_price_range_finds_the_planted_break_point():
    catalog, scenario = two_choices(opex=10000)
    sens = price_sensitivity(catalog, scenario, max_price_change=4.0, tolerance=TOL)
    (a,) = sens.ranges
    assert a.subject == "a" and a.base_value == 50
    assert a.low_open and a.low_multiplier == 0.0
    assert 4.0 - TOL <= a.high_multiplier < 4.0 and not a.high_open
    assert json.loads(json.dumps(sens.to_dict()))["ranges"][0]["high_value"] == pytest.approx(50 * a.high_multiplier)


def test_min_cost_objective_ignores_weights():
    catalog, scenario = two_choices()
    floors = dataclasses.replace(scenario, objective="min_cost",
                                 indications={"k1": IndicationOverride(min_coverage=0.5)})
    sens = weight_sensitivity(catalog, floors, tolerance=TOL)
    assert [c.device_id for c in sens.configuration] == ["a"]
    assert all(r.low_open and r.high_open for r in sens.ranges)


def test_no_break_within_the_limits():
    catalog, scenario = two_choices(opex=10000)
    (a,) = price_sensitivity(catalog, scenario, tolerance=TOL).ranges  # +-100 %: A holds
    assert a.low_open and a.high_open


@pytest.mark.slow
def test_sensitivity_on_the_general_hospital_is_bounded_and_consistent():
    scenario = load_scenario(Path(__file__).resolve().parents[2] / "examples" / "general_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    sens = sensitivity(catalog, scenario, weights=["intermediate_stenosis"], prices=["boston_rotapro"], tolerance=0.1)
    for r in sens.ranges:
        assert r.low_multiplier <= 1.0 <= r.high_multiplier
        assert r.low_open or r.low_change
        assert r.high_open or r.high_change


def test_infeasible_sensitivity_has_the_diagnosis():
    scenario = load_scenario(DECISION / "shock_floor_infeasible.yaml")
    sens = sensitivity(load_catalog(scenario.catalog_path()), scenario)
    assert sens.status == "infeasible" and sens.diagnosis and not sens.ranges


def test_compare_plans_flags_differences():
    catalog, scenario = two_choices()
    more = dataclasses.replace(scenario, name="more", budget=dataclasses.replace(scenario.budget, capex_eur=20000))
    comp = compare_plans([make_plan(catalog, scenario), make_plan(catalog, more)])
    assert comp.names == ("test", "more")
    assert [(r.device_id, r.units, r.differs) for r in comp.devices] == [("a", (1, 1), False), ("b", (0, 1), True)]
    assert [(r.indication_id, r.differs) for r in comp.coverage_differences] == [("k2", True)]
    assert comp.plans[1].capex_eur == 20000 and comp.plans[1].benefit > comp.plans[0].benefit
    assert json.loads(json.dumps(comp.to_dict()))["names"] == ["test", "more"]


def test_compare_scenarios_with_an_infeasible_one():
    why = load_scenario(DECISION / "why_not.yaml")
    bad = load_scenario(DECISION / "shock_floor_infeasible.yaml")
    catalog = load_catalog(why.catalog_path())
    comp = compare_scenarios([(catalog, why), (catalog, bad), (catalog, why)])
    assert comp.names == ("why not", "shock floor infeasible", "why not (2)")
    assert comp.plans[1].status == "infeasible" and comp.plans[1].diagnosis
    assert all(r.differs for r in comp.devices)  # the infeasible plan has no devices
    with pytest.raises(ValueError, match="names"):
        compare_plans([make_plan(catalog, why)], names=["a", "b"])

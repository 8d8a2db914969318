"""Budget ladder: monotonic frontier, tiers consistent with the ladder, optimiser >= greedy at every budget."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from planner.decision import budget_ladder
from planner.decision.engine import present_pairs
from planner.errors import PlannerInputError
from tests.builders import make_catalog, make_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [p for p in sorted((ROOT / "examples").glob("*.yaml")) if load_scenario(p).horizon_years == 1]
DECISION = ROOT / "tests" / "data" / "catalog_decision"


def load(path: Path):
    scenario = load_scenario(path)
    return load_catalog(scenario.catalog_path()), scenario


#: Ladders measured at 4 s and more (slow: out of the fast loop)
SLOW_LADDERS = ("ght_network", "university_hospital")


@pytest.fixture(scope="module", params=[pytest.param(p, marks=pytest.mark.slow) if p.stem in SLOW_LADDERS else p
                                        for p in [*EXAMPLES, DECISION / "why_not.yaml"]], ids=lambda p: p.stem)
def ladder(request):
    catalog, scenario = load(request.param)
    return catalog, scenario, budget_ladder(catalog, scenario, steps=20)


def test_ladder_spans_min_to_max_budget(ladder):
    catalog, scenario, lad = ladder
    assert lad.status == "optimal"
    assert 2 <= len(lad.points) <= 20
    budgets = [p.budget_eur for p in lad.points]
    assert budgets == sorted(budgets) and budgets[0] == lad.min_budget_eur and budgets[-1] == lad.max_budget_eur
    # the top point is the benefit of an unlimited-capex plan
    unlimited = make_plan(catalog, dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget,
                                                                                            capex_eur=None)))
    assert lad.points[-1].benefit == pytest.approx(unlimited.benefit, rel=1e-5)
    # below the lowest point no plan exists
    if lad.min_budget_eur > 1:
        low = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget,
                                                                       capex_eur=lad.min_budget_eur - 1))
        assert make_plan(catalog, low).status == "infeasible"


def test_ladder_is_monotonic_and_within_budget(ladder):
    _, _, lad = ladder
    for p in lad.points:
        assert p.capex_eur <= p.budget_eur + 1e-6
    for a, b in zip(lad.points, lad.points[1:], strict=False):
        assert b.benefit >= a.benefit - 1e-6 * max(1.0, a.benefit)


def test_each_point_matches_make_plan_at_that_budget(ladder):
    catalog, scenario, lad = ladder
    for p in lad.points[:: max(1, len(lad.points) // 4)]:
        at = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, capex_eur=p.budget_eur))
        plan = make_plan(catalog, at)
        assert p.benefit == pytest.approx(plan.benefit, rel=1e-5, abs=1e-6)
        assert p.annualised_eur_per_year == pytest.approx(plan.costs.annualised_eur_per_year, rel=1e-5, abs=1.0)


def test_optimiser_at_least_greedy_at_every_budget(ladder):
    _, _, lad = ladder
    for p in lad.points:
        assert p.greedy is not None
        assert p.greedy.capex_eur <= p.budget_eur + 1e-6
        if p.greedy.feasible:
            assert p.benefit >= p.greedy.benefit - 1e-6 * max(1.0, p.benefit)
            assert p.gain_over_greedy >= -1e-6 * max(1.0, p.benefit)


def test_tiers_consistent_with_ladder(ladder):
    _, _, lad = ladder
    configs = [present_pairs(p.configuration) for p in lad.points]
    assert {(t.site_id, t.device_id) for t in lad.tiers} == set(configs[-1])
    for t in lad.tiers:
        sd = (t.site_id, t.device_id)
        entry = next(i for i, p in enumerate(lad.points) if p.budget_eur == t.entry_budget_eur)
        assert all(sd in c for c in configs[entry:]), "a tiered device stays from its entry budget on"
        if entry > 0:
            assert sd not in configs[entry - 1], "and is absent just below it"
        assert (t.tier == "essential") == (entry == 0)
        if t.tier != "essential":
            total = lad.points[-1].benefit - lad.points[0].benefit
            gained = (lad.points[entry - 1].benefit - lad.points[0].benefit) / total
            assert (t.tier == "recommended") == (gained < lad.recommended_share)


def test_changes_describe_each_step(ladder):
    _, _, lad = ladder
    for prev, cur in zip(lad.points, lad.points[1:], strict=False):
        step = [c for c in lad.changes if c.to_budget_eur == cur.budget_eur]
        before, after = present_pairs(prev.configuration), present_pairs(cur.configuration)
        added = {(c.site_id, c.device_id) for c in step if c.kind in ("added", "replaced")}
        removed = {(c.site_id, c.device_id) for c in step if c.kind == "removed"}
        removed |= {(c.site_id, c.replaced_device_id) for c in step if c.kind == "replaced"}
        assert added == after - before and removed == before - after
        assert set(cur.entering) == {f"{s}/{d}" for s, d in added}


def test_ladder_json_round_trip(ladder):
    import json
    _, _, lad = ladder
    data = json.loads(lad.to_json())
    assert data["status"] == "optimal" and len(data["points"]) == len(lad.points)
    assert data["points"][-1]["gain_over_greedy"] == pytest.approx(lad.points[-1].gain_over_greedy)


def greedy_trap():
    """Greedy by benefit per euro buys A (ratio 1.018) and then nothing fits; B + C is better."""
    devices = [{"id": "a", "capex_eur": 55000}, {"id": "b", "capex_eur": 50000}, {"id": "c", "capex_eur": 50000}]
    inds = [{"id": f"k{x}", "default_weight": w} for x, w in (("a", 0.56), ("b", 0.5), ("c", 0.5))]
    cov = [("a", "ka", 1.0), ("b", "kb", 1.0), ("c", "kc", 1.0)]
    return make_catalog(devices, inds, cov), make_scenario(budget={"capex_eur": 100000})


def test_optimiser_beats_greedy_on_a_knapsack_trap():
    catalog, scenario = greedy_trap()
    lad = budget_ladder(catalog, scenario, steps=32)
    assert lad.max_budget_eur == 155000 and lad.points[-1].benefit == pytest.approx(156.0, rel=1e-5)
    mid = next(p for p in lad.points if 100000 <= p.budget_eur < 105000)
    assert mid.benefit == pytest.approx(100.0, rel=1e-5)  # b + c
    assert mid.greedy.benefit == pytest.approx(56.0, rel=1e-5)  # a, then nothing fits
    assert {c.device_id for c in mid.greedy.purchases} == {"a"}


def test_tiers_on_a_planted_ladder():
    """Budgets every 5,000 EUR: c alone at 50k, a at 55k, b + c at 100k (a dropped), all but b at 105k, all
    three at 155k. So c stays from 100k, a from 105k, b from 155k."""
    catalog, scenario = greedy_trap()
    lad = budget_ladder(catalog, scenario, steps=32, recommended_share=0.65)
    assert [p.benefit for p in lad.points[9:12]] == pytest.approx([0, 50, 56], rel=1e-5)
    assert any(c.kind == "removed" and c.device_id == "a" and c.to_budget_eur == 100000 for c in lad.changes)
    entry = {t.device_id: (t.tier, t.entry_budget_eur) for t in lad.tiers}
    assert entry == {"c": ("recommended", 100000), "a": ("recommended", 105000), "b": ("advanced", 155000)}


def test_infeasible_ladder_carries_a_diagnosis():
    catalog, scenario = load(DECISION / "shock_floor_infeasible.yaml")
    no_opex = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, opex_eur_per_year=1000.0))
    lad = budget_ladder(catalog, no_opex)
    assert lad.status == "infeasible" and not lad.points
    assert any("operating budget" in str(line) for line in lad.diagnosis)


def test_steps_must_be_at_least_two():
    catalog, scenario = load(DECISION / "why_not.yaml")
    with pytest.raises(PlannerInputError):
        budget_ladder(catalog, scenario, steps=1)


def test_explanation_refuses_a_multi_year_scenario_and_says_why():
    from planner.decision import explain_plan  # noqa: PLC0415

    catalog, scenario = load(ROOT / "examples" / "university_hospital_ppi_2027_2031.yaml")
    with pytest.raises(PlannerInputError, match="single-year.*one year's.*ladder, the purchase path and the sens"):
        explain_plan(catalog, scenario)

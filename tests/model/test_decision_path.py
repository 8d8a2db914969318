"""Nested purchase path: nested, within each step's budget, never above the frontier, equal to a brute-force
nested optimum on tiny instances; the model's named linking constraints; multi-year plans."""

from __future__ import annotations

import itertools
from pathlib import Path

import pulp
import pytest
from hypothesis import HealthCheck, given, settings

from planner import load_catalog, load_scenario
from planner.decision.engine import EUR_TOL
from planner.decision.nested import build_nested, solve_nested
from planner.decision.path import PurchasePath, purchase_path
from planner.inputs import prepare
from tests.builders import make_catalog, make_scenario
from tests.model.test_property_bruteforce import MAX_UNITS, _allocation_lp, _usable, instances

ROOT = Path(__file__).resolve().parents[2]
#: Every bundled example, with the steps it is tested at (the multi-year PPI is a large MILP per step).
EXAMPLES = {p: (2 if load_scenario(p).horizon_years > 1 else 6) for p in sorted((ROOT / "examples").glob("*.yaml"))}
TOL = 1e-5


def owned(step) -> dict[tuple[str, str], int]:
    return {(c.site_id, c.device_id): c.units_new for c in step.configuration if c.units_new}


def check_path(path: PurchasePath) -> None:
    """Nested, each step within its budget, never above the frontier, losses consistent."""
    assert path.has_solution and len(path.steps) == len(path.frontier.points)
    for before, after in itertools.pairwise(path.steps):
        assert after.budget_eur > before.budget_eur
        for sd, n in owned(before).items():
            assert owned(after).get(sd, 0) >= n, f"{sd} leaves the path at {after.budget_eur}"
        added = {(c.site_id, c.device_id): c.units_new for c in after.purchases}
        assert added == {sd: n - owned(before).get(sd, 0) for sd, n in owned(after).items()
                         if n > owned(before).get(sd, 0)}
    # a frontier solved to a gap (the PPI's 0.5 %) may be below its own optimum by that gap
    gap = 0.0 if path.frontier.status == "optimal" else 0.01
    for step, point in zip(path.steps, path.frontier.points, strict=True):
        assert step.capex_eur <= step.budget_eur + EUR_TOL + 1e-6
        assert step.frontier_benefit == point.benefit
        assert step.benefit <= point.benefit + TOL * max(1.0, abs(point.benefit)) + gap * abs(point.benefit)
        assert step.value_lost >= -gap * abs(point.benefit)
    assert path.max_value_lost == max(s.value_lost for s in path.steps)


@pytest.fixture(scope="module", ids=lambda p: p.stem, params=[
    pytest.param(p, marks=[pytest.mark.slow] if EXAMPLES[p] == 2 else []) for p in sorted(EXAMPLES)])
def example_path(request):
    scenario = load_scenario(request.param)
    catalog = load_catalog(scenario.catalog_path())
    return purchase_path(catalog, scenario, EXAMPLES[request.param], with_greedy=False)


def test_every_example_has_a_nested_path_within_budget_and_below_the_frontier(example_path):
    assert example_path.status in ("optimal", "feasible")
    check_path(example_path)
    assert example_path.to_dict()["frontier"]["points"]  # the frontier travels with the path in JSON
    # tiers come from the path: every device of its last step, entering where the path buys it
    assert {(t.site_id, t.device_id) for t in example_path.tiers} \
        == {(c.site_id, c.device_id) for c in example_path.steps[-1].configuration}


def test_the_model_has_named_nesting_constraints_per_step():
    scenario = make_scenario()
    cat = make_catalog([{"id": "a", "capex_eur": 10000}, {"id": "b", "capex_eur": 20000}],
                       [{"id": "k0", "base_activity": "pci", "default_share": 0.1}],
                       [("a", "k0", 1.0), ("b", "k0", 0.8)])
    model = build_nested(prepare(cat, scenario), [10000.0, 20000.0, 30000.0])
    rows = {c.name: c for c in model.built.prob.constraints()}
    assert {"nested_s1_a_step0", "nested_s1_b_step0", "nested_s1_a_step1", "nested_s1_b_step1"} <= set(rows)
    assert not any(n.startswith("nested_") and n.endswith("_step2") for n in rows)
    link = rows["nested_s1_a_step0"]
    assert {v.name: a for v, a in link.items()} == {"buy_s1_a_step0": 1, "buy_s1_a_step1": -1}
    assert link.sense == pulp.LpConstraintLE
    # each step is the planner's model with its own capex budget (k EUR), the first with the rounding tolerance
    assert -rows["capex_budget_step1"].constant == pytest.approx(20.0)
    assert -rows["capex_budget_step0"].constant == pytest.approx((10000.0 + EUR_TOL) / 1000)


def test_a_console_bought_early_is_kept_where_the_frontier_swaps_it():
    """Planted: at 10 kEUR the frontier buys A (value 60), at 20 kEUR it swaps A for B (value 100 > 60 + 30).
    The path keeps A at 20 kEUR (nothing else fits beside it) and loses value there, but gains at 10 kEUR
    over the alternative of waiting: sum 60 + 60 > 0 + 100."""
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "capacity_cases_per_year": 1000},
                        {"id": "b", "capex_eur": 20000, "capacity_cases_per_year": 1000}],
                       [{"id": "k0", "base_activity": "pci", "default_share": 0.1, "default_weight": 1}],
                       [("a", "k0", 0.6), ("b", "k0", 1.0)])
    scenario = make_scenario(budget={"capex_eur": 20000})
    path = purchase_path(cat, scenario, steps=3, with_greedy=False)
    check_path(path)
    frontier = [sorted(c.device_id for c in p.configuration) for p in path.frontier.points]
    assert frontier[1] == ["a"] and frontier[-1] == ["b"]  # the frontier un-buys a
    assert [sorted(c.device_id for c in s.configuration) for s in path.steps][1:] == [["a"], ["a"]]
    assert path.steps[-1].idle == () and path.steps[-1].value_lost == pytest.approx(
        path.frontier.points[-1].benefit - path.steps[-1].benefit)
    assert path.steps[-1].value_lost_share == pytest.approx(0.4, rel=1e-4)
    assert [(c.kind, c.device_id, c.to_budget_eur) for c in path.changes] == [("added", "a", 10000.0)]


def brute_force_nested(devices, inds, cov, rooms, budget, budgets):
    """Best sum of step values over chains x_0 <= x_1 <= ... of unit vectors with capex(x_i) <= B_i."""
    demand = {k["id"]: 1000 * k["default_share"] for k in inds}
    eff = {(d, k): e for d, k, e in cov}
    vectors = {}
    for units in itertools.product(range(MAX_UNITS + 1), repeat=len(devices)):
        value = _allocation_lp(devices, inds, units, _usable(devices, units, rooms), demand, eff, budget)
        if value is not None:
            vectors[units] = (sum(u * d["capex_eur"] for u, d in zip(units, devices, strict=True)), value)
    best: dict[tuple[int, ...], float] = {x: v for x, (c, v) in vectors.items() if c <= budgets[0] + EUR_TOL}
    for b in budgets[1:]:
        best = {x: v + max(bv for y, bv in best.items() if all(a <= z for a, z in zip(y, x, strict=True)))
                for x, (c, v) in vectors.items() if c <= b + 1e-9
                and any(all(a <= z for a, z in zip(y, x, strict=True)) for y in best)}
    return max(best.values())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_path_equals_the_brute_force_nested_optimum(inst):
    devices, inds, cov, rooms, budget = inst
    cat = make_catalog(devices, inds, cov)
    path = purchase_path(cat, make_scenario([{"rooms": rooms}], budget=budget), steps=3, with_greedy=False)
    if not path.frontier.has_solution:
        assert path.status == "infeasible" and not path.steps
        return
    assert path.status == "optimal"
    check_path(path)
    budgets = [s.budget_eur for s in path.steps]
    expected = brute_force_nested(devices, inds, cov, rooms, budget, budgets)
    assert sum(s.benefit for s in path.steps) == pytest.approx(expected, rel=1e-5, abs=1e-4)


def test_multi_year_path_keeps_every_acquisition_year_and_mode():
    """Two years, purchase or lease: by every year each step owns at least the units (per mode) the step before has
    acquired by then (read on the model's own variables), and the path is below the frontier."""
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "lease_available": "yes", "lease_eur_per_year": 4000},
                        {"id": "b", "capex_eur": 25000}],
                       [{"id": "k0", "base_activity": "pci", "default_share": 0.1},
                        {"id": "k1", "base_activity": "pci", "default_share": 0.05}],
                       [("a", "k0", 0.6), ("b", "k0", 1.0), ("b", "k1", 1.0)])
    scenario = make_scenario(horizon_years=2, start_year=2027, acquisition_modes=["purchase", "lease"])
    path = purchase_path(cat, scenario, steps=4, with_greedy=False)
    assert path.status == "optimal"
    check_path(path)
    inputs = prepare(cat, scenario)
    model = build_nested(inputs, [s.budget_eur for s in path.steps])
    nested = solve_nested(model, scenario.solver)
    assert any(n.startswith("nested_s1_a_purchase_2028_step") for n in (c.name for c in model.built.prob.constraints()))
    for low, high in itertools.pairwise(model.steps):
        for (s, d, m, t) in low.variables.acquire:
            def by(step, s=s, d=d, m=m, t=t):
                return sum(round(x.varValue) for (s2, d2, m2, y), x in step.variables.acquire.items()
                           if (s2, d2, m2) == (s, d, m) and y <= t)
            assert by(low) <= by(high)
    assert sum(p.benefit for p in nested.plans) == pytest.approx(sum(s.benefit for s in path.steps), rel=1e-5)


def _two_year():
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "consumable_eur_per_case": 50},
                        {"id": "b", "capex_eur": 25000, "consumable_eur_per_case": 100}],
                       [{"id": "k0", "base_activity": "pci", "default_share": 0.1, "default_weight": 2},
                        {"id": "k1", "base_activity": "pci", "default_share": 0.05}],
                       [("a", "k0", 0.6), ("b", "k0", 1.0), ("b", "k1", 1.0)])
    return cat, make_scenario(horizon_years=2, start_year=2027, budget={"capex_eur": 30000})


def test_multi_year_ladder_is_monotone_without_the_one_year_greedy_baseline():
    from planner.decision import budget_ladder  # noqa: PLC0415

    cat, scenario = _two_year()
    lad = budget_ladder(cat, scenario, steps=4)
    assert lad.status == "optimal" and len(lad.points) == 4
    assert all(p.greedy is None for p in lad.points)  # the greedy fill is one year's purchases: left out
    for a, b in itertools.pairwise(lad.points):
        assert b.benefit >= a.benefit - TOL * max(1.0, a.benefit)
        assert b.capex_eur <= b.budget_eur + 1e-6
    assert lad.points[-1].benefit > lad.points[0].benefit


def test_multi_year_sensitivity_runs_and_explanation_refuses():
    from planner.decision import explain_plan, weight_sensitivity  # noqa: PLC0415
    from planner.errors import PlannerInputError  # noqa: PLC0415

    cat, scenario = _two_year()
    sens = weight_sensitivity(cat, scenario, ["k0"], tolerance=0.2)
    assert sens.status == "optimal" and [r.subject for r in sens.ranges] == ["k0"]
    r = sens.ranges[0]
    assert r.low_multiplier <= 1.0 <= r.high_multiplier
    with pytest.raises(PlannerInputError, match="yearly envelopes"):
        explain_plan(cat, scenario)


@pytest.mark.parametrize("weights", [[1.0, 2.0], [1.0, 0.0, 1.0], [1.0, float("nan"), 1.0]])
def test_bad_step_weights_are_an_input_error(weights):
    from planner.errors import PlannerInputError  # noqa: PLC0415

    cat, scenario = _two_year()
    with pytest.raises(PlannerInputError, match="one per budget step"):
        build_nested(prepare(cat, scenario), [0.0, 1.0, 2.0], weights)


def test_weighted_path_favours_the_heavy_step():
    """With the last step weighted 10, the planted swap is worth waiting for: the path buys b at the top."""
    cat = make_catalog([{"id": "a", "capex_eur": 10000, "capacity_cases_per_year": 1000},
                        {"id": "b", "capex_eur": 20000, "capacity_cases_per_year": 1000}],
                       [{"id": "k0", "base_activity": "pci", "default_share": 0.1, "default_weight": 1}],
                       [("a", "k0", 0.6), ("b", "k0", 1.0)])
    path = purchase_path(cat, make_scenario(budget={"capex_eur": 20000}), steps=3, with_greedy=False,
                         weights=[1.0, 1.0, 10.0])
    check_path(path)
    assert [sorted(c.device_id for c in s.configuration) for s in path.steps] == [[], [], ["b"]]
    assert path.weights == (1.0, 1.0, 10.0)

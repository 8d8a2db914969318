"""The warm-started ladder (``planner.decision.resolve.BudgetSession``: one model, only the capital budget
changes between steps, each step started from the previous plan) gives the same points as cold solves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario
from planner.decision import budget_ladder
from planner.decision.engine import NO_TWEAK, solve_plan, with_capex_budget
from planner.decision.resolve import BudgetSession
from planner.inputs import prepare

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("general_hospital", "university_hospital")


def _inputs(name):
    scenario = load_scenario(ROOT / "examples" / f"{name}.yaml")
    inputs = dataclasses.replace(prepare(load_catalog(scenario.catalog_path()), scenario), objective="max_benefit")
    return scenario, inputs


def _same(warm, cold):
    assert warm.status == cold.status
    if cold.has_solution:
        assert warm.benefit == pytest.approx(cold.benefit, rel=1e-6, abs=1e-9)
        assert warm.costs.annualised_eur_per_year == pytest.approx(cold.costs.annualised_eur_per_year, rel=1e-6,
                                                                   abs=0.5)


@pytest.mark.parametrize("name", EXAMPLES)
def test_session_steps_up_and_down_equal_cold_solves(name):
    scenario, inputs = _inputs(name)
    session = BudgetSession(inputs, scenario.solver)
    top = scenario.budget.capex_eur or 2_000_000.0
    for budget in (top, 0.3 * top, 0.6 * top, 0.45 * top, top, 0.05 * top):  # down, up, down: starts fit or not
        _same(session.plan(budget), solve_plan(with_capex_budget(inputs, budget), scenario.solver, NO_TWEAK))


@pytest.mark.parametrize("name", EXAMPLES)
def test_ladder_points_equal_cold_solves(name):
    scenario, inputs = _inputs(name)
    ladder = budget_ladder(load_catalog(scenario.catalog_path()), scenario, steps=20, with_greedy=False)
    assert ladder.status == "optimal"
    for point in ladder.points:
        cold = solve_plan(with_capex_budget(inputs, point.budget_eur), scenario.solver, NO_TWEAK)
        assert point.benefit == pytest.approx(cold.benefit, rel=1e-6, abs=1e-9)
        assert point.annualised_eur_per_year == pytest.approx(cold.costs.annualised_eur_per_year, rel=1e-6, abs=0.5)

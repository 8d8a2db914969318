"""Status classification: a time-limited solve is never optimal (PuLP 3.x returns 1 for it)."""

from __future__ import annotations

from types import SimpleNamespace

import pulp
import pytest

from planner.scenario import SolverOptions
from planner.solve import SolveStatus, run_phase


class FakeProb:
    """Stands in for an LpProblem whose solve() returns ``code`` and sets ``sol_status``."""

    def __init__(self, code, sol_status, gap=None):
        self.code, self.sol_status, self.objective = code, sol_status, 12.5
        self.solverModel = None if gap is None else SimpleNamespace(getInfo=lambda: SimpleNamespace(mip_gap=gap))

    def solve(self, solver):
        return self.code


@pytest.mark.parametrize(("code", "sol", "gap", "expected"), [
    (1, 1, 0.0, SolveStatus.OPTIMAL),
    (1, 2, 0.03, SolveStatus.FEASIBLE),  # time limit with incumbent: solve() says 1, sol_status says 2
    (1, 1, 0.02, SolveStatus.FEASIBLE),  # stopped at a requested gap
    (0, 0, None, SolveStatus.TIME_LIMIT_NO_SOLUTION),
    (-1, -1, None, SolveStatus.INFEASIBLE),
])
def test_highs_status_mapping(monkeypatch, code, sol, gap, expected):
    monkeypatch.setattr(pulp, "value", lambda x: 12.5)
    phase = run_phase(FakeProb(code, sol, gap), "x", SolverOptions("highs", 5, 0.0), 5)
    assert phase.status == expected
    if expected == SolveStatus.FEASIBLE:
        assert phase.mip_gap == gap


def test_cbc_with_requested_gap_is_feasible_not_optimal(monkeypatch):
    monkeypatch.setattr(pulp, "value", lambda x: 1.0)
    phase = run_phase(FakeProb(1, 1), "x", SolverOptions("cbc", 5, 0.05), 5)
    assert phase.status == SolveStatus.FEASIBLE and phase.mip_gap == 0.05
    exact = run_phase(FakeProb(1, 1), "x", SolverOptions("cbc", 5, 0.0), 5)
    assert exact.status == SolveStatus.OPTIMAL


@pytest.mark.slow
def test_real_time_limit_on_a_large_instance_is_not_optimal():
    from bench.generate import generate  # noqa: PLC0415
    from planner import make_plan
    catalog, scenario = generate(sites=30, devices=300, seed=1)
    plan = make_plan(catalog, scenario, SolverOptions("highs", time_limit_s=0.2, mip_gap=0.0))
    if plan.status == "optimal":  # only acceptable when HiGHS proved optimality within the limit
        assert plan.mip_gap == 0.0 and plan.solver.time_s < 5
    else:
        assert plan.status in ("feasible", "time_limit_no_solution")


def test_phase_two_without_solution_keeps_phase_one_plan_as_feasible(monkeypatch):
    from planner.solve import PhaseResult, _result
    first = PhaseResult("max_benefit", SolveStatus.OPTIMAL, -10.0, 0.0, 1.0)
    second = PhaseResult("min_cost_at_max_benefit", SolveStatus.TIME_LIMIT_NO_SOLUTION, None, None, 1.0)
    snap = {"buy": {}, "present": {}, "cases": {}, "acquire": {}, "present_t": {}, "cases_t": {},
            "benefit": {(): 10.0}, "cost": {(): 5.0}, "tie_break": {(): 0.0}}
    res = _result((first, second), snap, SolverOptions("highs", 5, 0.0), 2.0)
    assert res.status == SolveStatus.FEASIBLE and res.mip_gap == 0.0

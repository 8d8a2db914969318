"""The nested purchase model: one MILP over every budget step, each step keeping what the step before bought.

Step i (budget B_i, ascending) is a full copy of the planner's model (:func:`planner.model.build_model`, through
:func:`planner.decision.engine.build_tweaked`, so every rule of the plan holds at every step) with its capex budget
set to B_i. Its variables and constraints carry the suffix ``_step{i}``. The copies are linked by

    nested: sum_{y <= t} u^i_sdmy <= sum_{y <= t} u^{i+1}_sdmy    for every site s, device d, mode m, year t and
    step i < K - 1,

named ``nested_{s}_{d}_step{i}`` (single period: u^i_sd <= u^{i+1}_sd) or ``nested_{s}_{d}_{m}_{t}_step{i}``: a
larger budget owns, by every year, at least the units the smaller one has acquired by then (same mode); it may
add units, or acquire one earlier, never fewer. Nothing links the case allocations or
the presences: an owned device may stand idle at a later step (its running costs then stop), it is never sold.

Objective, lexicographic as the planner's own solve (:func:`planner.solve.solve`): maximise sum_i w_i V^i (the
weighted sum of the steps' values; w_i = 1 by default), then at that value minimise sum_i TCO^i (with the
planner's tie-break). The value of a step can therefore not exceed the unconstrained optimum at its budget (the
frontier): the nested feasible set of step i is a subset of the frontier's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulp

from planner.decision.engine import EUR_TOL, Tweak, build_tweaked, with_capex_budget
from planner.errors import Issue, PlannerInputError
from planner.inputs import ModelInputs, SiteDevice
from planner.messages import msg
from planner.model.build import BuiltModel
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.scenario import SolverOptions
from planner.solve import SolveResult, solve


@dataclass(frozen=True)
class NestedModel:
    """The joint model (a :class:`BuiltModel` whose objective terms are the sums over steps) and its steps."""

    built: BuiltModel
    steps: tuple[BuiltModel, ...]
    budgets_eur: tuple[float, ...]
    weights: tuple[float, ...]


@dataclass(frozen=True)
class NestedSolve:
    """The joint solve and each step's plan, costs recomputed from the inputs by the planner's Plan builder."""

    result: SolveResult
    plans: tuple[Plan, ...]  # empty when the joint solve has no solution
    variables: int
    constraints: int


def step_weights(n: int, weights: Sequence[float] | None) -> tuple[float, ...]:
    """The weights w_i of the steps' values (default 1 each); raise :class:`PlannerInputError` on a bad list.

    >>> step_weights(3, None)
    (1.0, 1.0, 1.0)
    """
    if weights is None:
        return (1.0,) * n
    out = tuple(float(w) for w in weights)
    if len(out) != n or any(not 0 < w < float("inf") for w in out):
        raise PlannerInputError([Issue(msg("src.purchase_path"), "", "weights", str(list(out)),
                                       msg("path.bad_weights", n=n))])
    return out


def _all_variables(built: BuiltModel) -> list[pulp.LpVariable]:
    """Every variable of a step (its constraints' and its objective terms'), each once, in a stable order."""
    seen: dict[int, pulp.LpVariable] = {}
    exprs = [built.benefit, built.tco, *([built.tie_break] if built.tie_break is not None else [])]
    for var in [*built.prob.variables(), *(v for e in exprs for v in e)]:
        seen.setdefault(id(var), var)
    return list(seen.values())


def add_step(prob: pulp.LpProblem, inputs: ModelInputs, budget_eur: float, index: int,
             exclude: tuple[SiteDevice, ...]) -> BuiltModel:
    """Step ``index``: the planner's model at capex budget ``budget_eur``, built on a scratch problem, its variables
    and constraints renamed with the suffix ``_step{index}`` and its constraints copied into ``prob``."""
    step = build_tweaked(with_capex_budget(inputs, budget_eur), Tweak(exclude=exclude))
    suffix = f"_step{index}"
    for var in _all_variables(step):
        var.name = f"{var.name}{suffix}"
    for con in step.prob.constraints():
        prob += (con, f"{con.name}{suffix}")
    return step


def add_nested_constraints(prob: pulp.LpProblem, steps: Sequence[BuiltModel]) -> None:
    """nested: sum_{y <= t} u^i_sdmy <= sum_{y <= t} u^{i+1}_sdmy. By every year, each step owns at least the units
    (same site, device and mode) that the step before has acquired by then: it keeps them and may add to them."""
    for i, (low, high) in enumerate(zip(steps, steps[1:], strict=False)):
        single = low.inputs.horizon.single_period
        years = low.inputs.horizon.years
        for (s, d, m, t) in sorted(low.variables.acquire):
            before = [y for y in years if y <= t]
            lhs = pulp.lpSum(low.variables.acquire[(s, d, m, y)] for y in before)
            rhs = pulp.lpSum(high.variables.acquire[(s, d, m, y)] for y in before)
            name = f"nested_{s}_{d}_step{i}" if single else f"nested_{s}_{d}_{m}_{t}_step{i}"
            prob += (lhs <= rhs, name)


def build_nested(inputs: ModelInputs, budgets_eur: Sequence[float], weights: Sequence[float] | None = None,
                 exclude: tuple[SiteDevice, ...] = ()) -> NestedModel:
    """The joint model over ascending budgets (the first one allows :data:`EUR_TOL` for the rounding of the
    cheapest plan's capex, as the frontier does)."""
    w = step_weights(len(budgets_eur), weights)
    prob = pulp.LpProblem("cathlab_purchase_path", pulp.LpMinimize)
    steps = tuple(add_step(prob, inputs, b + (EUR_TOL if i == 0 else 0.0), i, exclude)
                  for i, b in enumerate(budgets_eur))
    add_nested_constraints(prob, steps)
    benefit = pulp.lpSum(wi * s.benefit for wi, s in zip(w, steps, strict=True))
    tco = pulp.lpSum(s.tco for s in steps)
    tie = pulp.lpSum(s.tie_break for s in steps if s.tie_break is not None)
    built = BuiltModel(prob, steps[-1].variables, benefit, tco, inputs, tie)
    return NestedModel(built, steps, tuple(budgets_eur), w)


def _values(d: dict[Any, Any]) -> dict[Any, float]:
    return {k: float(pulp.value(x) or 0.0) for k, x in d.items()}


def step_result(joint: SolveResult, step: BuiltModel) -> SolveResult:
    """The joint solve's statuses with one step's values (read from its renamed variables)."""
    v = step.variables
    tie = 0.0 if step.tie_break is None else float(pulp.value(step.tie_break) or 0.0)
    return dataclasses.replace(
        joint, buy=_values(v.buy), present=_values(v.present), cases=_values(v.cases), acquire=_values(v.acquire),
        present_t=_values(v.present_t), cases_t=_values(v.cases_t), refer=_values(v.refer),
        benefit_value=float(pulp.value(step.benefit) or 0.0), tco_value=float(pulp.value(step.tco) or 0.0),
        tie_break_value=tie)


def solve_nested(model: NestedModel, options: SolverOptions, scenario: dict[str, Any] | None = None) -> NestedSolve:
    """Solve the joint model lexicographically (sum of values, then sum of costs); one Plan per step."""
    prob = model.built.prob
    result = solve(model.built, options)
    size = (len(prob.variables()), len(prob.constraints()))
    if not result.status.has_solution:
        return NestedSolve(result, (), *size)
    plans = tuple(from_solution(step.inputs, step_result(result, step), scenario or {}) for step in model.steps)
    return NestedSolve(result, plans, *size)

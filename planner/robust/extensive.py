"""The two-stage stochastic program in extensive form: equipment once, use per future.

First stage (shared by every future): units acquired u_sdmt and devices in use p_sdt, under the rules that
involve only them (presence, per-room, requires, the capital budget at today's prices, must-include).
Second stage (one block per future i): cases n^i_sdmkt (and placement shortfalls) under the future's
demand, prices and case values: demand, coverage floor, capacity, cases need presence, running budget,
placement commitment, minimum volume, share cap. Each block is built by the model's own constraint
builders (``planner.model.constraints``) on a scratch problem whose first-stage variables are the shared
ones; its second-stage constraints are copied into the extensive form with the suffix ``_f{i}``.

Objective: the expected value (1/N) sum_i V^i, then at that value the expected total cost of ownership
(the lexicographic solve of :func:`planner.solve.solve`). With ``confidence`` c < 1 the running budget is a
chance constraint: opex^i_t <= B_t + M_i z_i, z_i binary, sum_i z_i <= floor((1 - c) N), M_i an upper bound
of the future's running cost.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pulp

from planner import costs
from planner.inputs import ModelInputs
from planner.model import constraints as c
from planner.model.build import BuiltModel
from planner.model.money import opex_in_year
from planner.model.objective import tco_expr, tie_break_expr, value_expr
from planner.model.variables import Variables, add_variables

Builder = Callable[[pulp.LpProblem, ModelInputs, Variables], None]
FIRST_STAGE_BUILDERS: tuple[Builder, ...] = (
    c.add_presence_constraints, c.add_per_room_constraints, c.add_requires_constraints,
    c.add_capex_budget_constraints, c.add_must_include_constraints)
SECOND_STAGE_BUILDERS: tuple[Builder, ...] = (
    c.add_demand_constraints, c.add_coverage_floor_constraints, c.add_capacity_constraints,
    c.add_presence_constraints, c.add_opex_budget_constraints, c.add_commitment_constraints,
    c.add_min_volume_constraints, c.add_share_cap_constraints)
#: Constraint families of a future's block (names start with these); the rest belong to the first stage.
SECOND_STAGE_FAMILIES = ("demand_", "coverage_floor_", "capacity_", "cases_need_presence_", "opex_budget",
                         "placement_commitment_", "min_volume_", "share_cap_")


@dataclass(frozen=True)
class ExtensiveModel:
    """The extensive form as a :class:`BuiltModel` (first-stage variables) and its size."""

    built: BuiltModel
    futures: int
    variables: int
    constraints: int


def first_stage_inputs(base: ModelInputs, futures: Sequence[ModelInputs]) -> ModelInputs:
    """Base inputs with bounds on new units wide enough for every future."""
    widest = {sd: max([n, *(f.max_new[sd] for f in futures)]) for sd, n in base.max_new.items()}
    return replace(base, max_new=widest)


def build_extensive(base: ModelInputs, futures: Sequence[ModelInputs], confidence: float = 1.0,
                    name: str = "cathlab_robust") -> ExtensiveModel:
    """The extensive form over ``futures`` (each a transformed copy of ``base``)."""
    first = first_stage_inputs(base, futures)
    prob = pulp.LpProblem(name, pulp.LpMinimize)
    v0 = add_variables(pulp.LpProblem("first_stage"), first)
    shared = replace(v0, cases_t={}, shortfall={}, cases={})
    for builder in FIRST_STAGE_BUILDERS:
        builder(prob, first, shared)
    chance = confidence < 1.0 and _has_opex_budget(base)
    blocks = [future_block(prob, fut, shared, i, skip_opex=chance) for i, fut in enumerate(futures)]
    if chance:
        add_chance_opex_constraints(prob, futures, blocks, confidence)
    n = len(futures)
    benefit = pulp.lpSum(value_expr(f, b) for f, b in zip(futures, blocks, strict=True)) * (1.0 / n)
    tco = pulp.lpSum(tco_expr(f, b) for f, b in zip(futures, blocks, strict=True)) * (1.0 / n)
    built = BuiltModel(prob, shared, benefit, tco, first, tie_break_expr(shared))
    size = len(v0.acquire) + len(v0.present_t) + sum(len(b.cases_t) + len(b.shortfall) for b in blocks)
    return ExtensiveModel(built, n, size + (n if chance else 0), len(prob.constraints()))


def future_block(prob: pulp.LpProblem, future: ModelInputs, shared: Variables, index: int,
                 skip_opex: bool = False) -> Variables:
    """Second-stage variables of future ``index`` and its constraints, added to ``prob`` (suffix ``_f{i}``)."""
    scratch = pulp.LpProblem(f"future_{index}")
    own = add_variables(scratch, future)
    for var in [*own.cases_t.values(), *own.shortfall.values()]:
        var.name = f"{var.name}_f{index}"
    v = replace(own, acquire=shared.acquire, present_t=shared.present_t, buy=shared.buy, present=shared.present)
    for builder in SECOND_STAGE_BUILDERS:
        builder(scratch, future, v)
    for con in scratch.constraints():
        cname = str(con.name)
        if cname.startswith(SECOND_STAGE_FAMILIES) and not (skip_opex and cname.startswith("opex_budget")):
            prob += (con, f"{cname}_f{index}")
    return v


def _has_opex_budget(inputs: ModelInputs) -> bool:
    return inputs.opex_budget_eur is not None or bool(inputs.horizon.opex_by_year)


def add_chance_opex_constraints(prob: pulp.LpProblem, futures: Sequence[ModelInputs], blocks: Sequence[Variables],
                                confidence: float) -> None:
    """opex_budget_{t}_f{i}: opex^i_t <= B_t + M_i z_i; opex_budget_chance: sum_i z_i <= floor((1 - c) N).

    The running budget holds in at least the share c of the futures."""
    misses = []
    for i, (fut, v) in enumerate(zip(futures, blocks, strict=True)):
        z = prob.add_variable(f"opex_over_f{i}", 0, 1, pulp.LpBinary)
        misses.append(z)
        for t in fut.horizon.years:
            limit = fut.horizon.opex_by_year.get(t, fut.opex_budget_eur)
            if limit is None:
                continue
            expr = opex_in_year(fut, v, t)
            big_m = max(upper_bound(fut, expr) - costs.to_model_money(limit), 0.0)
            prob += (expr <= costs.to_model_money(limit) + big_m * z, f"opex_budget{fut.horizon.suffix(t)}_f{i}")
    allowed = math.floor((1.0 - confidence) * len(futures) + 1e-9)
    prob += (pulp.lpSum(misses) <= allowed, "opex_budget_chance")


def upper_bound(future: ModelInputs, expr: pulp.LpAffineExpression) -> float:
    """An upper bound of a running-cost expression: each positive term at its variable's largest value
    (cases: the demand; shortfalls: the commitment of every unit that may be placed)."""
    demand = max(future.horizon.demand.values(), default=0.0)
    units = max([*future.max_new.values(), *future.installed.values(), 1])
    commit = max((costs.to_model_money(d.placement_min_commitment_eur_per_year) for d in future.devices.values()),
                 default=0.0)
    total = float(expr.constant)
    for var, coef in expr.items():
        if coef <= 0:
            continue
        ub = var.upBound
        if ub is None:
            ub = commit * units if var.name.startswith("shortfall") else demand
        total += coef * ub
    return total

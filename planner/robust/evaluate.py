"""One future: the plan's equipment kept and its use re-optimised, or the future's own optimum.

``evaluate_future`` fixes the acquisitions to the plan's (bounds on the ``acquire`` variables) and lets a
device be in use only where the plan has it in use; the model code is untouched. When the future cannot be
served within the rules (the floors cost more than the running budget, the fixed equipment cannot serve
the floors, a family falls below its minimum volume), the rules are relaxed step by step and the level says
which: ``hard`` (every rule), ``no_opex_budget`` (the running budget dropped: an overrun), ``relaxed``
(floors and minimum volumes dropped too). The capital budget does not apply to a fixed plan (it is spent).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pulp

from planner import costs
from planner.inputs import ModelInputs
from planner.model import build_model
from planner.model.build import BuiltModel
from planner.model.money import capex_expr, opex_in_year
from planner.scenario import SolverOptions
from planner.solve import SolveResult, solve

LEVELS: tuple[str, ...] = ("hard", "no_opex_budget", "relaxed")
#: Relative tolerance of "the running budget is exceeded".
BUDGET_TOL = 1e-6


@dataclass(frozen=True)
class Equipment:
    """A plan's first-stage decisions: units acquired (s, d, mode, year) and devices in use (s, d, year)."""

    acquire: Mapping[tuple[str, str, str, int], int]
    present_t: Mapping[tuple[str, str, int], int]

    def devices_in_use(self) -> tuple[tuple[str, str], ...]:
        """(site, device) in use in some year, sorted."""
        return tuple(sorted({(s, d) for (s, d, _t), p in self.present_t.items() if p}))


def equipment_of(result: SolveResult) -> Equipment:
    """The equipment of a solved model (integers rounded)."""
    return Equipment({k: round(x) for k, x in result.acquire.items() if round(x) > 0},
                     {k: round(x) for k, x in result.present_t.items() if round(x) > 0})


@dataclass(frozen=True)
class FutureOutcome:
    """What one future gives: the plan's (or the optimum's) value, costs and use."""

    index: int
    status: str
    level: str  # hard | no_opex_budget | relaxed
    value: float  # weighted events avoided per year (discounted sum over a horizon)
    cost_eur: float  # total cost of ownership (one year: annualised cost)
    opex_eur_per_year: float  # largest yearly running cost
    opex_exceeded: bool
    capex_eur: float
    coverage: tuple[tuple[str, float], ...]  # indication -> share of its demand served
    device_cases: tuple[tuple[str, float], ...]  # device -> cases a year
    in_use: tuple[tuple[str, str], ...]  # (site, device) in use


def relaxed(inputs: ModelInputs, level: str, fixed: bool) -> ModelInputs:
    """Inputs with the rules of ``level`` dropped (and the capital budget when the equipment is fixed)."""
    out = inputs
    if fixed:
        out = replace(out, capex_budget_eur=None, horizon=replace(out.horizon, capex_by_year={}))
    if level in ("no_opex_budget", "relaxed"):
        out = replace(out, opex_budget_eur=None, horizon=replace(out.horizon, opex_by_year={}))
    if level == "relaxed":
        out = replace(out, floor=dict.fromkeys(out.floor, 0.0), required=frozenset(), min_volume={},
                      must_include=())
    return out


def fix_equipment(built: BuiltModel, equipment: Equipment) -> None:
    """Bound acquisitions to the plan's and presence to where the plan uses a device."""
    v = built.variables
    for key, var in v.acquire.items():
        n = equipment.acquire.get(key, 0)
        var.lowBound, var.upBound = n, n
    for key, var in v.present_t.items():
        var.upBound = equipment.present_t.get(key, 0)


def solve_future(inputs: ModelInputs, equipment: Equipment | None, options: SolverOptions,
                 name: str = "future") -> tuple[str, BuiltModel, SolveResult]:
    """(level, model, result) at the first level of :data:`LEVELS` with a solution (the last level tried
    when none has one), the plan's equipment fixed (free when ``equipment`` is None)."""
    for level in LEVELS:
        built = build_model(relaxed(inputs, level, equipment is not None), name=name)
        if equipment is not None:
            fix_equipment(built, equipment)
        result = solve(built, options)
        if result.status.has_solution:
            break
    return level, built, result


def evaluate_future(inputs: ModelInputs, index: int, equipment: Equipment | None,
                    options: SolverOptions) -> FutureOutcome:
    """Solve future ``index`` with the plan's equipment (or freely when ``equipment`` is None)."""
    level, built, result = solve_future(inputs, equipment, options, f"future_{index}")
    if not result.status.has_solution:
        return FutureOutcome(index, result.status.value, "failed", 0.0, 0.0, 0.0, False, 0.0, (), (), ())
    return outcome(inputs, built, result, index, level)


def outcome(inputs: ModelInputs, built: BuiltModel, result: SolveResult, index: int, level: str) -> FutureOutcome:
    """Read the figures of a solved future (the variables hold the last phase's solution)."""
    v = built.variables
    opex = max(costs.from_model_money(float(pulp.value(opex_in_year(built.inputs, v, t)) or 0.0))
               for t in inputs.horizon.years)
    exceeded = any(opex_over(inputs, built, t) for t in inputs.horizon.years)
    return FutureOutcome(
        index=index, status=result.status.value, level=level, value=float(result.benefit_value or 0.0),
        cost_eur=costs.from_model_money(float(result.tco_value or 0.0)), opex_eur_per_year=opex,
        opex_exceeded=exceeded, capex_eur=costs.from_model_money(float(pulp.value(capex_expr(built.inputs, v)) or 0.0)),
        coverage=coverage_shares(inputs, result.cases), device_cases=device_cases(result.cases),
        in_use=tuple(sorted(sd for sd, p in result.present.items() if p > 0.5)))


def opex_over(inputs: ModelInputs, built: BuiltModel, year: int) -> bool:
    """Whether the running cost of ``year`` exceeds the scenario's running budget for that year."""
    limit = inputs.horizon.opex_by_year.get(year, inputs.opex_budget_eur)
    if limit is None:
        return False
    spent = costs.from_model_money(float(pulp.value(opex_in_year(built.inputs, built.variables, year)) or 0.0))
    return spent > limit * (1 + BUDGET_TOL) + 1e-6


def coverage_shares(inputs: ModelInputs, cases: Mapping[tuple[str, str, str], float]) -> tuple[tuple[str, float], ...]:
    """Share of each indication's demand (all sites, all years) that is served."""
    served: dict[str, float] = defaultdict(float)
    for (_s, _d, k), n in cases.items():
        served[k] += n
    demand: dict[str, float] = defaultdict(float)
    for (_s, k, _t), dem in inputs.horizon.demand.items():
        demand[k] += dem
    return tuple((k, min(served[k] / demand[k], 1.0)) for k in sorted(demand) if demand[k] > 0)


def device_cases(cases: Mapping[tuple[str, str, str], float]) -> tuple[tuple[str, float], ...]:
    """Cases served by each device (all sites and indications)."""
    out: dict[str, float] = defaultdict(float)
    for (_s, d, _k), n in cases.items():
        out[d] += n
    return tuple(sorted((d, n) for d, n in out.items() if n > 1e-7))

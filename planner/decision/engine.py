"""Re-solving a scenario with small changes: the machinery shared by the decision tools.

Every decision tool (ladder, why / why not, sensitivity) answers "what if?" by re-solving the planner's own
model with a change. Changes to *parameters* (a budget, a weight, a price) are made on the frozen
:class:`~planner.inputs.ModelInputs` with :func:`dataclasses.replace`; changes to *decisions* (keep a device
out, force it in, fix what is bought) are a :class:`Tweak`, added to the built model as extra named
constraints (``decision_exclude_*``, ``decision_force_*``, ``decision_fix_*``). The model itself is always
:func:`planner.model.build_model`, so every answer obeys exactly the rules of the plan it explains.

Building the model costs a few milliseconds and HiGHS is rebuilt by PuLP at each solve anyway, so a
re-solve rebuilds the model; what is reused between solves is the prepared inputs and, in the ladder, the
solutions themselves (see :mod:`planner.decision.ladder`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pulp

from planner import costs
from planner.errors import Issue, PlannerInputError
from planner.inputs import ModelInputs, SiteDevice
from planner.messages import Opt, msg
from planner.model import BuiltModel, build_model
from planner.model.constraints import capex_expr
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.scenario import Scenario, SolverOptions
from planner.solve import SolveStatus, run_phase, solve
from planner.specs.twins import twin_groups, twins_left_out

#: Relative tolerance with which a lexicographic step holds the previous optimum.
LOCK_TOL = 1e-6
#: Benefit difference (weighted cases/year) below which two plans count as equally good.
BENEFIT_TOL = 1e-4
#: Money difference (EUR) below which two amounts count as equal.
EUR_TOL = 0.5


class SolverFailureError(RuntimeError):
    """A re-solve ended without a usable answer for a reason other than infeasibility."""

    def __init__(self, status: SolveStatus, what: str) -> None:
        self.status = status
        super().__init__(f"{what}: solver status {status.value}")


@dataclass(frozen=True)
class Tweak:
    """Decision changes added on top of the model as named constraints.

    ``exclude``: (site, device) pairs that must not be in use; ``force``: pairs that must be in use;
    ``fix_buy``: new units fixed for the listed pairs (see :func:`fixed_purchases` to fix every candidate).
    """

    exclude: tuple[SiteDevice, ...] = ()
    force: tuple[SiteDevice, ...] = ()
    fix_buy: tuple[tuple[SiteDevice, int], ...] = ()


NO_TWEAK = Tweak()


@dataclass(frozen=True)
class ConfigItem:
    """A device in use at a site (or bought there): new and installed units."""

    site_id: str
    device_id: str
    units_new: int
    units_installed: int

    @property
    def units(self) -> int:
        """Units at the site at the end of the plan."""
        return self.units_new + self.units_installed


Configuration = tuple[ConfigItem, ...]


def configuration(plan: Plan) -> Configuration:
    """The plan's configuration: devices in use or bought, per site, sorted (comparable with ``==``)."""
    items = (ConfigItem(a.site_id, a.device_id, a.units_new, a.units_installed)
             for a in plan.acquisitions if a.in_use or a.units_new > 0)
    return tuple(sorted(items, key=lambda c: (c.site_id, c.device_id)))


def present_pairs(config: Configuration) -> frozenset[SiteDevice]:
    """(site, device) pairs of a configuration."""
    return frozenset((c.site_id, c.device_id) for c in config)


def interchangeable(inputs: ModelInputs, prefer: frozenset[SiteDevice] = frozenset(),
                    drop: tuple[SiteDevice, ...] = ()) -> dict[SiteDevice, tuple[str, ...]]:
    """Groups of devices that are interchangeable at a site: representative -> the others (sorted).

    The model twins of :func:`planner.specs.twins.twin_groups` (the rule ``make_plan`` merges before solving):
    any plan using one has a twin using the other with the same benefit and costs. The representative is a
    device of ``prefer`` if the group has one, else the canonical one (sourced figures first, then by id);
    devices in ``drop`` are left out of the groups.
    """
    return twin_groups(inputs, prefer, drop)


def twins_excluded(inputs: ModelInputs, prefer: frozenset[SiteDevice] = frozenset(),
                   drop: tuple[SiteDevice, ...] = ()) -> tuple[SiteDevice, ...]:
    """The non-representative interchangeable devices: excluding them changes no optimum (the representative
    can do all they do) and removes symmetry, so solves are faster and never swap between twins."""
    return twins_left_out(twin_groups(inputs, prefer, drop))


def with_capex_budget(inputs: ModelInputs, budget_eur: float | None) -> ModelInputs:
    """The inputs with another capex budget (``None`` = unlimited)."""
    return dataclasses.replace(inputs, capex_budget_eur=budget_eur)


def unlimited(inputs: ModelInputs) -> ModelInputs:
    """The inputs with both budgets removed."""
    return dataclasses.replace(inputs, capex_budget_eur=None, opex_budget_eur=None)


def build_tweaked(inputs: ModelInputs, tweak: Tweak = NO_TWEAK) -> BuiltModel:
    """:func:`planner.model.build_model` plus the tweak's constraints."""
    built = build_model(inputs)
    prob, v = built.prob, built.variables
    for s, d in tweak.exclude:
        if (s, d) in v.present:
            prob += (v.present[(s, d)] <= 0, f"decision_exclude_{s}_{d}")
    for s, d in tweak.force:
        force = v.present[(s, d)] if (s, d) in v.present else pulp.lpSum([])
        prob += (force >= 1, f"decision_force_{s}_{d}")
    for sd, n in tweak.fix_buy:
        if sd in v.buy:
            prob += (v.buy[sd] == n, f"decision_fix_{sd[0]}_{sd[1]}")
    return built


def fixed_purchases(inputs: ModelInputs, bought: Mapping[SiteDevice, int],
                    free: tuple[SiteDevice, ...] = ()) -> tuple[tuple[SiteDevice, int], ...]:
    """``fix_buy`` entries fixing every candidate's new units to ``bought`` (0 if absent), except ``free``."""
    return tuple((sd, int(bought.get(sd, 0))) for sd in inputs.candidates if sd not in free)


def purchases(plan: Plan) -> dict[SiteDevice, int]:
    """New units of a plan."""
    return {(a.site_id, a.device_id): a.units_new for a in plan.acquisitions if a.units_new > 0}


def solve_plan(inputs: ModelInputs, options: SolverOptions, tweak: Tweak = NO_TWEAK,
               scenario: Mapping[str, Any] | None = None) -> Plan:
    """Build and solve like :func:`planner.api.make_plan` (same lexicographic objective); return the Plan.

    The plan may be infeasible (no configuration, no diagnosis: callers decide whether to diagnose).
    """
    result = solve(build_tweaked(inputs, tweak), options)
    return from_solution(inputs, result, scenario or {})


def require_solution(plan: Plan, what: str) -> Plan | None:
    """The plan if it has a solution, ``None`` if infeasible; raise on time limit or solver error."""
    if plan.has_solution:
        return plan
    if plan.status == SolveStatus.INFEASIBLE.value:
        return None
    raise SolverFailureError(SolveStatus(plan.status), what)


ExprFn = Callable[[BuiltModel], pulp.LpAffineExpression]


def benefit_of(built: BuiltModel) -> pulp.LpAffineExpression:
    """The benefit expression (weighted cases/year)."""
    return built.benefit


def capex_of(built: BuiltModel) -> pulp.LpAffineExpression:
    """Capex of the new units, k EUR."""
    return capex_expr(built.inputs, built.variables)


def optimise_sequence(inputs: ModelInputs, steps: tuple[tuple[str, ExprFn, bool], ...], options: SolverOptions,
                      tweak: Tweak = NO_TWEAK) -> BuiltModel | None:
    """Lexicographic optimisation: each step (name, expression, maximise) holds the previous optima.

    Returns the built model with the final solution loaded in its variables, ``None`` if infeasible; raises
    :class:`SolverFailureError` on a time limit without solution or a solver error.
    """
    built = build_tweaked(inputs, tweak)
    for i, (name, expr_fn, maximise) in enumerate(steps):
        expr = expr_fn(built)
        built.prob.setObjective(-1 * expr if maximise else expr)
        phase = run_phase(built.prob, name, options, options.time_limit_s)
        if not phase.status.has_solution:
            if phase.status == SolveStatus.INFEASIBLE and i == 0:
                return None
            raise SolverFailureError(phase.status, name)
        best = float(pulp.value(expr) or 0.0)
        tol = LOCK_TOL * max(abs(best), 1.0)
        lock = expr >= best - tol if maximise else expr <= best + tol
        built.prob.addConstraint(lock, f"decision_lock_{i}_{name}")
    return built


def new_units(built: BuiltModel) -> dict[SiteDevice, int]:
    """Rounded new units of the solution loaded in ``built``."""
    return {sd: round(float(pulp.value(var) or 0.0)) for sd, var in built.variables.buy.items()}


def capex_eur(inputs: ModelInputs, buy: Mapping[SiteDevice, int]) -> float:
    """Capex of new units in EUR, with :mod:`planner.costs`."""
    return float(sum(costs.capex_cost(inputs.unit_capex(d), n) for (_s, d), n in buy.items()))


def min_capex_eur(inputs: ModelInputs, options: SolverOptions, tweak: Tweak = NO_TWEAK,
                  max_benefit_first: bool = False) -> float | None:
    """Smallest capex of a plan (``None`` if none exists). With ``max_benefit_first``: of a max-benefit plan."""
    steps: tuple[tuple[str, ExprFn, bool], ...] = (("min_capex", capex_of, False),)
    if max_benefit_first:
        steps = (("max_benefit", benefit_of, True), *steps)
    built = optimise_sequence(inputs, steps, options, tweak)
    if built is None:
        return None
    if inputs.horizon.single_period:
        return capex_eur(inputs, new_units(built))
    # several years or modes: the escalated capital of the acquisitions, as the capex budget counts it
    return round(costs.from_model_money(float(pulp.value(capex_of(built)) or 0.0)), 2)


#: What each decision tool does with a multi-year or multi-mode scenario (``docs/decision.md``).
#: Tools refusing multi-year plans, and why (message codes ``single_period_why.<tool>``).
MULTI_PERIOD_REASONS = ("why / why-not explanation", "scenario comparison")


def require_single_period(scenario: Scenario, what: str) -> None:
    """Refuse a multi-year or multi-mode scenario for a tool that reasons on one year with purchases only.

    The budget ladder, the purchase path and the sensitivity analysis take multi-year plans; the explanation
    and the comparison do not (:data:`MULTI_PERIOD_REASONS`)."""
    if scenario.horizon_years != 1 or scenario.acquisition_modes != ("purchase",):
        why = what if what in MULTI_PERIOD_REASONS else "other"
        raise PlannerInputError([Issue(
            scenario.name or "scenario", "horizon_years / acquisition_modes", "horizon_years",
            str(scenario.horizon_years),
            msg("dec.single_period", what=Opt("tool", what), why=Opt("single_period_why", why)))])

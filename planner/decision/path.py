"""Nested purchase path: "buy this first, then this", budget step by budget step.

The budget ladder (:mod:`planner.decision.ladder`) is the unconstrained frontier: each budget is solved alone, so
a device may enter at one budget and leave at the next. A hospital cannot un-buy a console. The purchase path
solves every step at once with nesting (:mod:`planner.decision.nested`): each step keeps every unit bought at
the step before and adds to it, and the sum of the steps' values is maximised (then the sum of their costs
minimised). The path is solved at the frontier's budgets, and each step says what nesting costs against the
frontier: the value lost, in weighted events avoided per year and in % of the frontier's value.

Tiers of the path: the devices of the last step's configuration, classified as the ladder's tiers are
(:func:`planner.decision.ladder.tiers`): essential from the first step, recommended if bought while the path
had gained less than ``recommended_share`` of its total gain, advanced otherwise.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from planner.catalog import Catalog
from planner.decision.engine import BENEFIT_TOL, ConfigItem, Configuration, configuration, twins_excluded
from planner.decision.ladder import (
    RECOMMENDED_SHARE,
    Ladder,
    LadderChange,
    LadderPoint,
    Tier,
    budget_ladder,
    diff,
    tiers,
)
from planner.decision.nested import build_nested, solve_nested
from planner.inputs import ModelInputs, prepare
from planner.plan import Plan
from planner.progress import Progress, part, silent
from planner.scenario import Scenario, SolverOptions


@dataclass(frozen=True)
class PathStep:
    """One step of the purchase path: what is owned and used at this budget, what it adds, and the frontier."""

    budget_eur: float
    status: str  # the joint solve's: optimal (the path as a whole is optimal) or feasible (with its gap)
    benefit: float
    capex_eur: float  # capital of every unit bought up to this step
    annualised_eur_per_year: float
    opex_eur_per_year: float
    configuration: Configuration  # devices owned (new units) or in use, per site
    purchases: tuple[ConfigItem, ...]  # units bought at this step (units_new: the units added)
    idle: tuple[str, ...]  # "site/device" owned (bought on the path) but not in use at this step
    frontier_benefit: float  # the unconstrained optimum at this budget (the ladder's point)

    @property
    def value_lost(self) -> float:
        """Value the nesting costs at this step: frontier - path (weighted events avoided per year), >= 0 when both
        solves are optimal; below 0 only if the frontier's own solve stopped at a gap under the path's value."""
        lost = self.frontier_benefit - self.benefit
        return 0.0 if abs(lost) <= BENEFIT_TOL * max(1.0, abs(self.frontier_benefit)) else lost

    @property
    def value_lost_share(self) -> float | None:
        """The value lost as a share of the frontier's value (``None`` when the frontier's value is 0)."""
        return None if self.frontier_benefit <= 0 else self.value_lost / self.frontier_benefit

    @property
    def entering(self) -> tuple[str, ...]:
        """"site/device" of the purchases of this step."""
        return tuple(f"{c.site_id}/{c.device_id}" for c in self.purchases)

    def as_point(self) -> LadderPoint:
        """The step as a ladder point (for the ladder's changes and tiers)."""
        return LadderPoint(self.budget_eur, self.benefit, self.capex_eur, self.annualised_eur_per_year,
                           self.opex_eur_per_year, self.configuration, self.entering)


@dataclass(frozen=True)
class PurchasePath:
    """The nested purchase path beside the unconstrained frontier (the ladder) at the same budgets."""

    scenario_name: str
    status: str  # optimal | feasible | infeasible | time_limit_no_solution | solver_error
    frontier: Ladder
    steps: tuple[PathStep, ...] = ()
    changes: tuple[LadderChange, ...] = ()
    tiers: tuple[Tier, ...] = ()
    weights: tuple[float, ...] = ()
    mip_gap: float | None = None
    variables: int = 0
    constraints: int = 0
    time_s: float = 0.0  # the path's own build and solve (the frontier's time is ``frontier.time_s``)
    diagnosis: tuple[str, ...] = ()

    @property
    def has_solution(self) -> bool:
        """Whether the path has steps."""
        return bool(self.steps)

    @property
    def max_value_lost(self) -> float:
        """Largest value lost against the frontier over the steps."""
        return max((s.value_lost for s in self.steps), default=0.0)

    @property
    def mean_value_lost(self) -> float:
        """Mean value lost against the frontier over the steps."""
        return sum(s.value_lost for s in self.steps) / len(self.steps) if self.steps else 0.0

    @property
    def max_value_lost_share(self) -> float:
        """Largest value lost as a share of the frontier's value."""
        return max((s.value_lost_share or 0.0 for s in self.steps), default=0.0)

    @property
    def mean_value_lost_share(self) -> float:
        """Mean of the steps' value lost as a share of the frontier's value."""
        return sum(s.value_lost_share or 0.0 for s in self.steps) / len(self.steps) if self.steps else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready): the path's steps with their losses, the frontier (the ladder's own dict)."""
        data = {k: v for k, v in asdict(self).items() if k != "frontier"}
        for step, raw in zip(self.steps, data["steps"], strict=True):
            raw.update(value_lost=step.value_lost, value_lost_share=step.value_lost_share, entering=step.entering)
        data.update(max_value_lost=self.max_value_lost, mean_value_lost=self.mean_value_lost,
                    max_value_lost_share=self.max_value_lost_share, mean_value_lost_share=self.mean_value_lost_share,
                    frontier=self.frontier.to_dict())
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def purchase_path(catalog: Catalog, scenario: Scenario, steps: int = 20, *, options: SolverOptions | None = None,
                  with_greedy: bool = True, recommended_share: float = RECOMMENDED_SHARE,
                  weights: Sequence[float] | None = None, frontier: Ladder | None = None,
                  progress: Progress | None = None) -> PurchasePath:
    """The frontier (:func:`budget_ladder`, or ``frontier`` if given) and the nested path at its budgets.

    ``weights``: one positive weight per budget step for the path's objective (default: equal). ``progress`` is
    told the share done (:mod:`planner.progress`): the frontier's budgets, then the path's one joint solve. Raises
    :class:`~planner.errors.PlannerInputError` as :func:`budget_ladder` does.
    """
    opts = options or scenario.solver
    ladder = frontier or budget_ladder(catalog, scenario, steps, options=opts, with_greedy=with_greedy,
                                       recommended_share=recommended_share, progress=part(progress, 0.0, 0.5))
    base = {"scenario_name": scenario.name, "frontier": ladder}
    if not ladder.has_solution:
        return PurchasePath(**base, status=ladder.status, diagnosis=ladder.diagnosis)  # type: ignore[arg-type]
    start = time.perf_counter()
    inputs = dataclasses.replace(prepare(catalog, scenario), objective="max_benefit")
    model = build_nested(inputs, [p.budget_eur for p in ladder.points], weights, twins_excluded(inputs))
    nested = solve_nested(model, opts)
    (progress or silent)(1.0)
    common = {**base, "status": nested.result.status.value, "weights": model.weights,
              "mip_gap": nested.result.mip_gap, "variables": nested.variables, "constraints": nested.constraints}
    if not nested.plans:
        return PurchasePath(**common, time_s=time.perf_counter() - start)  # type: ignore[arg-type]
    path_steps = _steps(inputs, ladder, nested.plans)
    points = tuple(s.as_point() for s in path_steps)
    changes = tuple(c for a, b in zip(points, points[1:], strict=False)
                    for c in diff(inputs, a.configuration, b.configuration, a.budget_eur, b.budget_eur))
    return PurchasePath(**common, steps=path_steps, changes=changes,  # type: ignore[arg-type]
                        tiers=tiers(inputs, points, ladder.recommended_share), time_s=time.perf_counter() - start)


def _steps(inputs: ModelInputs, ladder: Ladder, plans: tuple[Plan, ...]) -> tuple[PathStep, ...]:
    out: list[PathStep] = []
    before: dict[tuple[str, str], int] = {}
    for point, plan in zip(ladder.points, plans, strict=True):
        assert plan.costs is not None and plan.benefit is not None
        config = configuration(plan)
        owned = {(c.site_id, c.device_id): c.units_new for c in config}
        bought = tuple(ConfigItem(s, d, n - before.get((s, d), 0), inputs.installed.get((s, d), 0))
                       for (s, d), n in sorted(owned.items()) if n > before.get((s, d), 0))
        in_use = {(a.site_id, a.device_id) for a in plan.acquisitions if a.in_use}
        idle = tuple(f"{s}/{d}" for (s, d), n in sorted(owned.items()) if n > 0 and (s, d) not in in_use)
        out.append(PathStep(point.budget_eur, plan.status, plan.benefit, plan.costs.capex_eur,
                            plan.costs.annualised_eur_per_year, plan.costs.opex_eur_per_year, config, bought, idle,
                            point.benefit))
        before = owned
    return tuple(out)

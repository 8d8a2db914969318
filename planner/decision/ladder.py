"""Budget ladder: "what do we add first?" — the efficient frontier of benefit against the capex budget.

``budget_ladder(catalog, scenario, steps)`` solves the scenario at ``steps`` capex budgets spread evenly from
the cheapest feasible plan (minimum capex meeting the floors, must-includes and the opex budget) to the
budget at which benefit stops growing (minimum capex among the plans of maximum benefit with unlimited
capex). Each point is the planner's own lexicographic optimum (maximum benefit, then minimum annualised
cost) at that budget, so the benefit never decreases along the ladder.

Reuse between solves: the inputs are prepared once, and the budgets are solved from the top down. A plan
that is optimal at budget B and spends c <= B is also optimal at every budget in [c, B] (it is feasible there,
and nothing better exists because a smaller budget only removes options), so it is reused for every ladder
point in that interval without solving. The ladder therefore costs one solve per distinct configuration
met, plus two for the ends.

Tiers of the final (maximum-benefit) configuration: **essential** devices are already in the plan at the
lowest feasible budget; a device entering later is **recommended** if, at the budget just below its entry,
the ladder had gained less than ``recommended_share`` (default 80 %) of the benefit it gains in all,
otherwise **advanced**. A device "enters" at the lowest ladder budget from which it stays in every plan.
"""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import asdict, dataclass
from typing import Any, Literal

from planner.catalog import Catalog
from planner.checks import validate
from planner.decision import greedy
from planner.decision.engine import (
    EUR_TOL,
    NO_TWEAK,
    ConfigItem,
    Configuration,
    SolverFailureError,
    Tweak,
    configuration,
    fixed_purchases,
    min_capex_eur,
    require_solution,
    solve_plan,
    twins_excluded,
    with_capex_budget,
)
from planner.decision.resolve import BudgetSession
from planner.diagnose import diagnose
from planner.errors import Issue, PlannerInputError
from planner.inputs import ModelInputs, SiteDevice, prepare
from planner.messages import Device, Msg, Site, msg, plain
from planner.plan import Plan
from planner.progress import Progress, part, silent
from planner.scenario import Scenario, SolverOptions
from planner.solve import SolveStatus

TierName = Literal["essential", "recommended", "advanced"]
ChangeKind = Literal["added", "removed", "replaced", "units"]
#: Share of the ladder's total benefit gain under which an entering device is "recommended".
RECOMMENDED_SHARE = 0.8


@dataclass(frozen=True)
class GreedyPoint:
    """The greedy rank-order fill at one budget (see :mod:`planner.decision.greedy`)."""

    budget_eur: float
    feasible: bool  # False: its purchases cannot meet the floors / opex budget
    benefit: float | None
    capex_eur: float
    purchases: tuple[ConfigItem, ...]


@dataclass(frozen=True)
class LadderPoint:
    """The optimal plan at one capex budget."""

    budget_eur: float
    benefit: float
    capex_eur: float
    annualised_eur_per_year: float
    opex_eur_per_year: float
    configuration: Configuration
    entering: tuple[str, ...]  # "site/device" added or replacing another since the previous point
    greedy: GreedyPoint | None = None

    @property
    def gain_over_greedy(self) -> float | None:
        """Benefit the optimiser gets beyond the greedy fill at this budget (None if greedy fails)."""
        if self.greedy is None or self.greedy.benefit is None:
            return None
        return self.benefit - self.greedy.benefit


@dataclass(frozen=True)
class LadderChange:
    """What changes at a site from one ladder point to the next."""

    from_budget_eur: float
    to_budget_eur: float
    site_id: str
    kind: ChangeKind
    device_id: str
    replaced_device_id: str | None
    units_before: int
    units_after: int
    text: Msg  # the change in words (codes ``chg.*``)


@dataclass(frozen=True)
class Tier:
    """A device of the final configuration, its tier and the budget at which it enters."""

    site_id: str
    device_id: str
    family: str
    tier: TierName
    entry_budget_eur: float
    units: int
    units_installed: int


@dataclass(frozen=True)
class Ladder:
    """Frontier points (ascending budgets), changes between them, tiers; status and diagnosis."""

    scenario_name: str
    status: str  # optimal | infeasible | time_limit_no_solution | solver_error
    points: tuple[LadderPoint, ...] = ()
    changes: tuple[LadderChange, ...] = ()
    tiers: tuple[Tier, ...] = ()
    min_budget_eur: float | None = None
    max_budget_eur: float | None = None
    scenario_budget_eur: float | None = None
    recommended_share: float = RECOMMENDED_SHARE
    solves: int = 0
    time_s: float = 0.0
    diagnosis: tuple[Msg, ...] = ()

    @property
    def has_solution(self) -> bool:
        """Whether the ladder has points."""
        return bool(self.points)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready), with the optimiser's gain over greedy at each point."""
        data = plain(asdict(self))
        for p, raw in zip(self.points, data["points"], strict=True):
            raw["gain_over_greedy"] = p.gain_over_greedy
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


class _Counter:
    """Counts solves; every ladder solve leaves out the interchangeable twins (same optimum, less symmetry)."""

    def __init__(self, inputs: ModelInputs) -> None:
        self.solves = 0
        self.twins = twins_excluded(inputs)
        self.session: BudgetSession | None = None  # the grid's model, built once (warm-started steps)

    def at_budget(self, inputs: ModelInputs, budget: float, options: SolverOptions) -> Plan:
        """The plan at a capital budget: one model for every grid step, only its budget changes."""
        self.solves += 1
        if self.session is None:
            self.session = BudgetSession(inputs, options, Tweak(exclude=self.twins))
        return self.session.plan(budget)

    def plan(self, inputs: ModelInputs, options: SolverOptions, tweak: Tweak = NO_TWEAK, dedup: bool = True) -> Plan:
        self.solves += 1
        if dedup:
            tweak = dataclasses.replace(tweak, exclude=tweak.exclude + self.twins)
        return solve_plan(inputs, options, tweak)


def budget_grid(low: float, high: float, steps: int) -> tuple[float, ...]:
    """``steps`` budgets from ``low`` to ``high`` (inner ones rounded to the euro), or one if equal.

    >>> budget_grid(100.0, 500.0, 5)
    (100.0, 200.0, 300.0, 400.0, 500.0)
    """
    if high - low <= EUR_TOL or steps < 2:
        return (high,)
    inner = [float(round(low + (high - low) * i / (steps - 1))) for i in range(1, steps - 1)]
    return (low, *inner, high)


def budget_ladder(catalog: Catalog, scenario: Scenario, steps: int = 20, *, options: SolverOptions | None = None,
                  with_greedy: bool = True, recommended_share: float = RECOMMENDED_SHARE,
                  progress: Progress | None = None) -> Ladder:
    """Solve the scenario across capex budgets; return the frontier, the changes, the tiers and greedy.

    The ladder always maximises benefit (then minimises annualised cost), whatever the scenario's objective.
    ``progress`` is told the share of the budgets solved (:mod:`planner.progress`). Raises
    :class:`~planner.errors.PlannerInputError` on input errors or ``steps < 2``.
    """
    report = progress or silent
    if steps < 2:
        raise PlannerInputError([Issue(msg("src.ladder"), "", "steps", str(steps), msg("ladder.few_steps"))])
    validate(catalog, scenario)
    start = time.perf_counter()
    inputs = dataclasses.replace(prepare(catalog, scenario), objective="max_benefit")
    opts = options or scenario.solver
    counter = _Counter(inputs)
    base = {"scenario_name": scenario.name, "scenario_budget_eur": scenario.budget.capex_eur,
            "recommended_share": recommended_share}
    try:
        open_capex = with_capex_budget(inputs, None)
        low = min_capex_eur(open_capex, opts)
        counter.solves += 1
        if low is None:
            return Ladder(**base, status="infeasible", solves=counter.solves,  # type: ignore[arg-type]
                          time_s=time.perf_counter() - start, diagnosis=diagnose(open_capex, opts))
        high = min_capex_eur(open_capex, opts, max_benefit_first=True)
        counter.solves += 1
        report(0.1)
        budgets = budget_grid(low, max(high or low, low), steps)
        plans = _solve_grid(inputs, budgets, opts, counter, part(report, 0.1, 0.85 if with_greedy else 1.0))
        with_greedy = with_greedy and inputs.horizon.single_period  # the greedy fill is one year's purchases
        greedy_points: list[GreedyPoint | None] = (_greedy_points(inputs, budgets, opts, counter) if with_greedy
                                                    else [None] * len(budgets))
    except SolverFailureError as exc:
        return Ladder(**base, status=exc.status.value, solves=counter.solves,  # type: ignore[arg-type]
                      time_s=time.perf_counter() - start)
    points, changes = _points_and_changes(inputs, budgets, plans, greedy_points)
    report(1.0)
    return Ladder(**base, status=_status(plans), points=points, changes=changes,  # type: ignore[arg-type]
                  tiers=tiers(inputs, points, recommended_share), min_budget_eur=budgets[0],
                  max_budget_eur=budgets[-1], solves=counter.solves, time_s=time.perf_counter() - start)


def _status(plans: list[Plan]) -> str:
    return "optimal" if all(p.status == "optimal" for p in plans) else "feasible"


def _solve_grid(inputs: ModelInputs, budgets: tuple[float, ...], options: SolverOptions,
                counter: _Counter, progress: Progress = silent) -> list[Plan]:
    """Optimal plans at each budget, solving from the top and reusing a plan down to its own capex."""
    plans: list[Plan | None] = [None] * len(budgets)
    i = len(budgets) - 1
    while i >= 0:
        budget = budgets[i]
        plan = require_solution(counter.at_budget(inputs, budget, options), f"ladder at {budget}")
        if plan is None:  # the lowest budget, hit by rounding: allow the tolerance
            plan = require_solution(counter.at_budget(inputs, budget + EUR_TOL, options), "ladder")
        if plan is None or plan.costs is None:
            raise SolverFailureError(SolveStatus.INFEASIBLE, f"ladder at {budget}")
        plans[i] = plan  # its own budget always (a multi-year plan's capex may exceed one step's budget)
        j = i - 1
        while j >= 0 and budgets[j] >= plan.costs.capex_eur - EUR_TOL:  # within the solver's tolerance
            plans[j] = plan
            j -= 1
        i = j
        progress((len(budgets) - 1 - i) / len(budgets))
    return [p for p in plans if p is not None]


def _greedy_points(inputs: ModelInputs, budgets: tuple[float, ...], options: SolverOptions,
                   counter: _Counter) -> list[GreedyPoint | None]:
    cache: dict[tuple[tuple[SiteDevice, int], ...], Plan] = {}
    out: list[GreedyPoint | None] = []
    for budget in budgets:
        bought = tuple(greedy.greedy_purchases(inputs, budget).items())
        if bought not in cache:
            fixed = Tweak(fix_buy=fixed_purchases(inputs, dict(bought)))
            cache[bought] = counter.plan(with_capex_budget(inputs, budget), options, fixed, dedup=False)
        plan = cache[bought]
        items = tuple(ConfigItem(s, d, n, inputs.installed.get((s, d), 0)) for (s, d), n in bought)
        out.append(GreedyPoint(budget, plan.has_solution, plan.benefit if plan.has_solution else None,
                               greedy.purchases_capex_eur(inputs, dict(bought)), items))
    return out


def _points_and_changes(inputs: ModelInputs, budgets: tuple[float, ...], plans: list[Plan],
                        greedy_points: list[GreedyPoint | None]) -> tuple[tuple[LadderPoint, ...],
                                                                         tuple[LadderChange, ...]]:
    points: list[LadderPoint] = []
    changes: list[LadderChange] = []
    previous: Configuration | None = None
    for budget, plan, g in zip(budgets, plans, greedy_points, strict=True):
        assert plan.costs is not None and plan.benefit is not None
        config = configuration(plan)
        step = [] if previous is None else diff(inputs, previous, config, points[-1].budget_eur, budget)
        entering = tuple(f"{c.site_id}/{c.device_id}" for c in step if c.kind in ("added", "replaced"))
        points.append(LadderPoint(budget, plan.benefit, plan.costs.capex_eur, plan.costs.annualised_eur_per_year,
                                  plan.costs.opex_eur_per_year, config, entering, g))
        changes += step
        previous = config
    return tuple(points), tuple(changes)


def diff(inputs: ModelInputs, before: Configuration, after: Configuration, from_budget: float,
         to_budget: float) -> list[LadderChange]:
    """Devices added, removed, replaced (a removed device and an added one serving a common indication at the
    same site) and unit changes between two configurations."""
    old = {(c.site_id, c.device_id): c.units for c in before}
    new = {(c.site_id, c.device_id): c.units for c in after}
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    out: list[LadderChange] = []

    def change(sd: SiteDevice, kind: ChangeKind, other: str | None, text: Msg) -> None:
        out.append(LadderChange(from_budget, to_budget, sd[0], kind, sd[1], other, old.get(sd, 0), new.get(sd, 0),
                                msg("chg.at_site", change=text, site=Site(sd[0]))))

    for sd in added:
        partner = next((r for r in removed if r[0] == sd[0] and _share_indication(inputs, r[1], sd[1])), None)
        if partner is not None:
            removed.remove(partner)
            change(sd, "replaced", partner[1], msg("chg.replace", device=Device(sd[1]), other=Device(partner[1])))
        else:
            change(sd, "added", None, msg("chg.add", device=Device(sd[1]), n=new[sd]))
    for sd in removed:
        change(sd, "removed", None, msg("chg.drop", device=Device(sd[1])))
    for sd in sorted(set(old) & set(new)):
        if old[sd] != new[sd]:
            change(sd, "units", None, msg("chg.units", device=Device(sd[1]), before=old[sd], after=new[sd]))
    return out


def _share_indication(inputs: ModelInputs, a: str, b: str) -> bool:
    serves = {k for (d, k) in inputs.effectiveness if d == a}
    return any((b, k) in inputs.effectiveness for k in serves)


def tiers(inputs: ModelInputs, points: tuple[LadderPoint, ...], recommended_share: float) -> tuple[Tier, ...]:
    """Tier of each device of the final configuration (see the module docstring)."""
    if not points:
        return ()
    first, total = points[0].benefit, points[-1].benefit - points[0].benefit
    out = []
    for item in points[-1].configuration:
        sd = (item.site_id, item.device_id)
        entry = len(points) - 1
        while entry > 0 and sd in {(c.site_id, c.device_id) for c in points[entry - 1].configuration}:
            entry -= 1
        if entry == 0:
            tier: TierName = "essential"
        else:
            gained = (points[entry - 1].benefit - first) / total if total > 0 else 1.0
            tier = "recommended" if gained < recommended_share else "advanced"
        out.append(Tier(item.site_id, item.device_id, inputs.devices[item.device_id].family, tier,
                        points[entry].budget_eur, item.units, item.units_installed))
    return tuple(sorted(out, key=lambda t: (t.entry_budget_eur, t.site_id, t.device_id)))

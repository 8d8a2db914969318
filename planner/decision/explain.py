"""Why and why not: what each chosen device brings, why every other catalogue device is left out, and which
constraints bind.

**Chosen devices.** Cases served per indication, benefit, costs, and what the plan would lose without it:
a re-solve with the device kept out of that site.

**Devices not chosen**, per site, the first reason that applies:

1. structural rules, in order (:data:`STRUCTURAL_RULES`): excluded by the user, excluded by the scenario's
   security rules (operating system out of support, no MDS2, risk score), incompatible with the site's
   angiography vendor, no usable indication with demand (including pairs left out as guideline class III),
   required device absent (none of its required devices can be at the site);
2. any other device the model cannot use at the site: ``unavailable``;
3. economic reasons, from the plan re-solved with both budgets lifted (the *ideal* plan):
   *dominated* if even the ideal plan does not use it at the site (other devices serve those cases better
   or for less; the values per case are quoted), *not affordable* if the ideal plan uses it: its
   cases and benefit there, its capex and running costs, the extra capex and opex it needs beyond what the
   plan leaves, and how the benefit changes when it is forced into the current budgets.

Interchangeable twins (identical prices, capacity and value per case) of a chosen device are reported as
dominated by it, and every re-solve keeps the plan's twin, so results never swap between twins.

**Extension point.** Rules live in :mod:`planner.decision.reasons` (a new reason is a new
:class:`ReasonCode` member and a new rule); binding constraints in :mod:`planner.decision.binding`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from planner import costs
from planner.catalog import Catalog
from planner.checks import validate
from planner.decision.binding import BindingConstraint, binding_constraints
from planner.decision.engine import (
    EUR_TOL,
    NO_TWEAK,
    SolverFailureError,
    Tweak,
    configuration,
    interchangeable,
    present_pairs,
    require_single_period,
    require_solution,
    solve_plan,
    twins_excluded,
    unlimited,
)
from planner.decision.reasons import STRUCTURAL_RULES, ReasonCode, RuleContext, WhyNot, WhyNotRule
from planner.diagnose import diagnose
from planner.inputs import ModelInputs, SiteDevice, prepare
from planner.messages import Device, Eur, Indication, Join, Msg, Num, msg, plain
from planner.plan import Plan
from planner.scenario import Scenario, SolverOptions


@dataclass(frozen=True)
class IndicationCases:
    """Cases of an indication a chosen device serves, and the benefit."""

    indication_id: str
    cases_per_year: float
    benefit: float


@dataclass(frozen=True)
class ChosenDevice:
    """A device in use at a site: what it serves, what it costs, what the plan loses without it."""

    site_id: str
    device_id: str
    units_new: int
    units_installed: int
    cases: tuple[IndicationCases, ...]
    benefit: float
    capex_eur: float
    maintenance_eur_per_year: float
    consumables_eur_per_year: float
    annualised_eur_per_year: float
    feasible_without: bool
    benefit_loss_without: float | None  # None when no plan exists without it
    cost_change_without_eur_per_year: float | None
    replaced_by: tuple[str, ...]  # devices that enter the plan when it is kept out
    equivalents: tuple[str, ...]  # interchangeable devices (same prices, capacity, value per case)
    text: Msg  # why it is in the plan, in words (codes ``chosen.*``)


@dataclass(frozen=True)
class Explanation:
    """The plan explained: chosen devices, devices not chosen, binding constraints (or the diagnosis)."""

    scenario_name: str
    status: str
    benefit: float | None
    chosen: tuple[ChosenDevice, ...] = ()
    not_chosen: tuple[WhyNot, ...] = ()
    binding: tuple[BindingConstraint, ...] = ()
    diagnosis: tuple[Msg, ...] = ()
    solves: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return plain(asdict(self))

    def reasons(self) -> dict[tuple[str, str], ReasonCode]:
        """(site, device) -> reason, for every device not chosen."""
        return {(w.site_id, w.device_id): w.reason for w in self.not_chosen}


class _Solver:
    """Counts re-solves; knows the base plan's devices so that interchangeable twins never swap."""

    def __init__(self, inputs: ModelInputs, options: SolverOptions) -> None:
        self.inputs, self.options, self.solves = inputs, options, 0
        self.in_plan: frozenset[SiteDevice] = frozenset()

    def plan(self, inputs: ModelInputs, tweak: Tweak = NO_TWEAK, dedup: bool = True) -> Plan | None:
        """Lexicographic solve; with ``dedup``, twins of the plan's devices (or of ``tweak.force``) stay out."""
        self.solves += 1
        if dedup:
            prefer = self.in_plan | frozenset(tweak.force)
            twins = twins_excluded(self.inputs, prefer, drop=tweak.exclude)
            tweak = dataclasses.replace(tweak, exclude=tweak.exclude + tuple(t for t in twins if t not in prefer))
        return require_solution(solve_plan(inputs, self.options, tweak), "explain")


def explain_plan(catalog: Catalog, scenario: Scenario, options: SolverOptions | None = None, *,
                 rules: Sequence[WhyNotRule] = STRUCTURAL_RULES) -> Explanation:
    """Solve the scenario as :func:`planner.make_plan` does and explain the plan (re-solves included)."""
    require_single_period(scenario, "why / why-not explanation")
    validate(catalog, scenario)
    inputs = prepare(catalog, scenario)
    solver = _Solver(inputs, options or scenario.solver)
    try:
        base = solver.plan(inputs)  # the model make_plan solves: model twins left out, canonical ones kept
        if base is None:
            return Explanation(scenario.name, "infeasible", None, diagnosis=diagnose(inputs, solver.options),
                               solves=solver.solves)
        solver.in_plan = present_pairs(configuration(base))
        ctx = RuleContext(catalog, scenario, inputs)
        chosen = tuple(_chosen(solver, base, sd) for sd in sorted(solver.in_plan))
        not_chosen = _not_chosen(solver, ctx, base, rules)
        binding = binding_constraints(inputs, base, solver.plan)
    except SolverFailureError as exc:
        return Explanation(scenario.name, exc.status.value, None, solves=solver.solves)
    return Explanation(scenario.name, base.status, base.benefit, chosen, not_chosen, binding, solves=solver.solves)


def _money_of(inputs: ModelInputs, plan: Plan, sd: SiteDevice) -> tuple[float, float, float, float]:
    """capex, maintenance, consumables, annualised cost (EUR) of one device of the plan."""
    s, d = sd
    dev = inputs.devices[d]
    acq = next(a for a in plan.acquisitions if (a.site_id, a.device_id) == sd)
    capex = float(costs.capex_cost(inputs.unit_capex(d), acq.units_new))
    maint = float(costs.maintenance_cost(dev.maintenance_eur_per_year, acq.units_new + acq.units_installed))
    cons = float(sum(costs.consumables_cost(dev.consumable_eur_per_case, r.cases_per_year)
                     for r in plan.allocation if (r.site_id, r.device_id) == sd))
    return capex, maint, cons, float(costs.annualised_capex(capex, dev.lifetime_years)) + maint + cons


def _served_text(solver: _Solver, sd: SiteDevice, cases: tuple[IndicationCases, ...]) -> Msg:
    if cases:
        return msg("chosen.serves", cases=Join(tuple(msg("chosen.cases", n=Num(c.cases_per_year, 1),
                                                         indication=Indication(c.indication_id)) for c in cases)))
    needed_by = sorted(d for s, d in solver.in_plan if s == sd[0] and sd[1] in solver.inputs.devices[d].requires)
    if needed_by:
        return msg("chosen.required_by_one" if len(needed_by) == 1 else "chosen.required_by",
                   devices=Join(tuple(Device(d) for d in needed_by), "and"))
    if sd[1] in solver.inputs.must_include:
        return msg("chosen.must_include")
    return msg("chosen.no_case")


def _chosen(solver: _Solver, base: Plan, sd: SiteDevice) -> ChosenDevice:
    inputs = solver.inputs
    s, d = sd
    rows = [r for r in base.allocation if (r.site_id, r.device_id) == sd]
    cases = tuple(IndicationCases(r.indication_id, r.cases_per_year, r.benefit) for r in rows)
    benefit = sum(r.benefit for r in rows)
    capex, maint, cons, annual = _money_of(inputs, base, sd)
    acq = next(a for a in base.acquisitions if (a.site_id, a.device_id) == sd)
    equivalents = interchangeable(inputs, solver.in_plan).get(sd, ())
    without = solver.plan(inputs, Tweak(exclude=(sd,)))
    assert base.benefit is not None and base.costs is not None
    head = msg("chosen.head", served=_served_text(solver, sd, cases), benefit=Num(benefit, 1))
    if without is None or without.benefit is None or without.costs is None:
        text = msg("chosen.indispensable", head=head)
        return ChosenDevice(s, d, acq.units_new, acq.units_installed, cases, benefit, capex, maint, cons, annual,
                            False, None, None, (), equivalents, text)
    loss = max(base.benefit - without.benefit, 0.0)
    dcost = without.costs.annualised_eur_per_year - base.costs.annualised_eur_per_year
    entering = tuple(sorted(d2 for s2, d2 in present_pairs(configuration(without)) - solver.in_plan if s2 == s))
    cost = msg("chosen.cost", sign="+" if dcost > 0 else "", eur=Eur(dcost)) if abs(dcost) > EUR_TOL else ""
    enter = (msg("chosen.enters" if len(entering) == 1 else "chosen.enter",
                 devices=Join(tuple(Device(d) for d in entering), "and")) if entering else "")
    text = msg("chosen.loss", head=head, loss=Num(loss, 1), cost=cost, entering=enter)
    return ChosenDevice(s, d, acq.units_new, acq.units_installed, cases, benefit, capex, maint, cons, annual, True,
                        loss, dcost, entering, equivalents, text)


def _not_chosen(solver: _Solver, ctx: RuleContext, base: Plan, rules: Sequence[WhyNotRule]) -> tuple[WhyNot, ...]:
    inputs = solver.inputs
    candidates = set(inputs.candidates)
    twins = {(s, d): rep for (s, rep), others in interchangeable(inputs, solver.in_plan).items() for d in others}
    ideal = solver.plan(unlimited(inputs))  # the plan with budgets lifted
    out: list[WhyNot] = []
    for site in ctx.scenario.sites:
        for dev in ctx.catalog.devices.values():
            sd = (site.id, dev.id)
            if sd in solver.in_plan:
                continue
            found = next((w for rule in rules if (w := rule(ctx, site, dev)) is not None), None)
            if found is None and sd not in candidates:
                found = WhyNot(site.id, dev.id, ReasonCode.UNAVAILABLE, msg("why.unavailable"))
            if found is None and sd in twins and (site.id, twins[sd]) in solver.in_plan:
                found = WhyNot(site.id, dev.id, ReasonCode.DOMINATED, msg("why.twin", device=Device(twins[sd])),
                               alternatives=(twins[sd],))
            out.append(found or _economic(solver, base, ideal, sd, twins.get(sd)))
    return tuple(out)


def _economic(solver: _Solver, base: Plan, ideal: Plan | None, sd: SiteDevice, twin_of: str | None) -> WhyNot:
    """Dominated (not in the plan even with budgets lifted) or not affordable (in it), with figures."""
    inputs = solver.inputs
    s, d = sd
    as_in_ideal = twin_of or d  # twins are interchangeable: the ideal plan holds the representative
    ideal_rows = [] if ideal is None else [r for r in ideal.allocation if (r.site_id, r.device_id) == (s, as_in_ideal)]
    serves = sorted({k for (d2, k) in inputs.effectiveness if d2 == d and inputs.demand[(s, k)] > 0})
    if ideal is None or not ideal_rows:
        others = tuple(sorted({r.device_id for r in (ideal or base).allocation
                               if r.site_id == s and r.indication_id in serves}))
        with_ = Join(tuple(Device(o) for o in others)) if others else msg("why.other_devices")
        return WhyNot(s, d, ReasonCode.DOMINATED, msg("why.dominated", devices=with_), alternatives=others)
    return _not_affordable(solver, base, ideal_rows, sd)


def _not_affordable(solver: _Solver, base: Plan, ideal_rows: list[Any], sd: SiteDevice) -> WhyNot:
    inputs = solver.inputs
    s, d = sd
    assert base.costs is not None and base.benefit is not None
    dev = inputs.devices[d]
    benefit = sum(r.benefit for r in ideal_rows)
    cases = sum(r.cases_per_year for r in ideal_rows)
    need = max(math.ceil(cases / dev.capacity_cases_per_year - 1e-9), inputs.rooms[s] if inputs.per_room(d) else 1)
    new = max(need - inputs.installed.get(sd, 0), 0)
    capex = float(costs.capex_cost(inputs.unit_capex(d), new))
    opex = float(costs.maintenance_cost(dev.maintenance_eur_per_year, need)
                 + costs.consumables_cost(dev.consumable_eur_per_case, cases))
    left_capex = math.inf if inputs.capex_budget_eur is None else inputs.capex_budget_eur - base.costs.capex_eur
    left_opex = math.inf if inputs.opex_budget_eur is None else inputs.opex_budget_eur - base.costs.opex_eur_per_year
    extra_capex, extra_opex = max(capex - left_capex, 0.0), max(opex - left_opex, 0.0)
    forced = solver.plan(inputs, Tweak(force=(sd,)))
    needs = tuple(m for m, x in ((msg("why.more_capex", eur=Eur(extra_capex, up=True)), extra_capex),
                                 (msg("why.more_opex", eur=Eur(extra_opex, up=True)), extra_opex)) if x > EUR_TOL)
    text = msg("why.not_affordable", benefit=Num(benefit, 1),
               needs=Join(needs, "and") if needs else msg("why.displaces"))
    if forced is None or forced.benefit is None:
        text = msg("concat", a=text, b=msg("why.forced_none"))
    else:
        change = forced.benefit - base.benefit
        text = msg("concat", a=text, b=msg("why.forced", change=msg("signed", sign="+" if change > 0 else "",
                                                                      value=Num(change, 1))))
    return WhyNot(s, d, ReasonCode.NOT_AFFORDABLE, text, benefit, extra_capex, extra_opex)


__all__ = ["STRUCTURAL_RULES", "BindingConstraint", "ChosenDevice", "Explanation", "IndicationCases", "ReasonCode",
           "RuleContext", "WhyNot", "WhyNotRule", "explain_plan"]

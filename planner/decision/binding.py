"""Constraints that limit a plan, in plain words: budgets used to the euro, floors met exactly, devices at
full capacity, must-include devices that cost benefit, per-room and requires rules in force."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from planner.decision.engine import BENEFIT_TOL, EUR_TOL, configuration
from planner.inputs import ModelInputs, SiteDevice
from planner.plan import Plan

#: Re-solve the (changed) inputs like the plan; ``None`` if infeasible.
Resolve = Callable[[ModelInputs], Plan | None]


@dataclass(frozen=True)
class BindingConstraint:
    """A constraint that limits the plan, in words."""

    family: str  # capex_budget, opex_budget, coverage_floor, capacity, must_include, per_room, requires
    constraint: str  # the model's constraint name
    text: str


def _plural(n: int) -> str:
    return "s" if n > 1 else ""


def binding_constraints(inputs: ModelInputs, base: Plan, resolve: Resolve) -> tuple[BindingConstraint, ...]:
    """Budgets used to the euro, floors met exactly, devices at full capacity, must-includes that cost
    benefit, per-room and requires rules in force (``resolve`` re-solves without a must-include)."""
    out = [BindingConstraint(f"{b.name.removesuffix('_per_year')}_budget", f"{b.name.removesuffix('_per_year')}_budget",
                             f"{b.name.replace('_per_year', '')} budget used to the euro: {b.used_eur:,.0f} of "
                             f"{b.limit_eur:,.0f} EUR{'/year' if 'opex' in b.name else ''}")
           for b in base.budgets if b.binding and b.limit_eur is not None]
    for row in base.coverage:
        need = row.min_coverage * row.demand_cases
        if need > 0 and row.served_cases <= need * (1 + 1e-6) + 1e-6:
            out.append(BindingConstraint("coverage_floor", f"coverage_floor_{row.site_id}_{row.indication_id}",
                                         f"{row.indication_id} floor of {row.min_coverage:.0%} binding at site "
                                         f"{row.site_id}: only the required {need:,.1f} cases/year are served"))
    out += _capacity_binding(inputs, base)
    out += _must_include_binding(inputs, base, resolve)
    for item in configuration(base):
        dev = inputs.devices[item.device_id]
        if dev.deployment == "per_room" and inputs.rooms[item.site_id] > 1:
            out.append(BindingConstraint("per_room", f"per_room_{item.site_id}_{item.device_id}",
                                         f"{item.device_id} is per-room: it equips all {inputs.rooms[item.site_id]} "
                                         f"rooms of {item.site_id}"))
        if dev.requires:
            out.append(BindingConstraint("requires", f"requires_{item.site_id}_{item.device_id}",
                                         f"{item.device_id} is usable only with one of {', '.join(dev.requires)} "
                                         f"at {item.site_id}, which the plan keeps"))
    return tuple(out)


def _capacity_binding(inputs: ModelInputs, base: Plan) -> list[BindingConstraint]:
    cases: dict[SiteDevice, float] = defaultdict(float)
    for r in base.allocation:
        cases[(r.site_id, r.device_id)] += r.cases_per_year
    out = []
    for item in configuration(base):
        cap = inputs.devices[item.device_id].capacity_cases_per_year * item.units
        if cap > 0 and cases[(item.site_id, item.device_id)] >= cap * (1 - 1e-6):
            out.append(BindingConstraint("capacity", f"capacity_{item.site_id}_{item.device_id}",
                                         f"{item.device_id} at {item.site_id} runs at full capacity "
                                         f"({cap:,.0f} cases/year on {item.units} unit{_plural(item.units)})"))
    return out


def _must_include_binding(inputs: ModelInputs, base: Plan, resolve: Resolve) -> list[BindingConstraint]:
    """Must-include devices without which the plan would be better (more benefit, or as much for less)."""
    out: list[BindingConstraint] = []
    for d in inputs.must_include:
        free = resolve(dataclasses.replace(inputs, must_include=tuple(x for x in inputs.must_include if x != d)))
        if free is None or free.benefit is None or free.costs is None or base.benefit is None or base.costs is None:
            continue
        gain = free.benefit - base.benefit
        saving = base.costs.annualised_eur_per_year - free.costs.annualised_eur_per_year
        if gain > BENEFIT_TOL or (gain > -BENEFIT_TOL and saving > EUR_TOL):
            out.append(BindingConstraint("must_include", f"must_include_{d}",
                                         f"must-include {d} binds: without it the plan would gain {gain:.1f} "
                                         f"weighted cases/year and save {saving:,.0f} EUR/year"))
    return out

"""Constraints that limit a plan, in plain words: budgets used to the euro, floors met exactly, devices at
full capacity, must-include devices that cost benefit, per-room and requires rules in force."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from planner.decision.engine import BENEFIT_TOL, EUR_TOL, configuration
from planner.inputs import ModelInputs, SiteDevice
from planner.messages import Device, Eur, Indication, Join, Msg, Num, Pct, Site, msg
from planner.plan import Plan

#: Re-solve the (changed) inputs like the plan; ``None`` if infeasible.
Resolve = Callable[[ModelInputs], Plan | None]


@dataclass(frozen=True)
class BindingConstraint:
    """A constraint that limits the plan, in words."""

    family: str  # capex_budget, opex_budget, coverage_floor, capacity, must_include, per_room, requires
    constraint: str  # the model's constraint name
    text: Msg  # the constraint in words (codes ``bind.*``)


def _at(site_id: str, text: Msg) -> Msg:
    return msg("chg.at_site", change=text, site=Site(site_id))


def binding_constraints(inputs: ModelInputs, base: Plan, resolve: Resolve) -> tuple[BindingConstraint, ...]:
    """Budgets used to the euro, floors met exactly, devices at full capacity, must-includes that cost
    benefit, per-room and requires rules in force (``resolve`` re-solves without a must-include)."""
    out = [BindingConstraint(f"{b.name.removesuffix('_per_year')}_budget", f"{b.name.removesuffix('_per_year')}_budget",
                             msg(f"bind.{b.name.removesuffix('_per_year')}_budget", used=Eur(b.used_eur),
                                 limit=Eur(b.limit_eur)))
           for b in base.budgets if b.binding and b.limit_eur is not None]
    for row in base.coverage:
        need = row.min_coverage * row.demand_cases
        if need > 0 and row.served_cases <= need * (1 + 1e-6) + 1e-6:
            out.append(BindingConstraint("coverage_floor", f"coverage_floor_{row.site_id}_{row.indication_id}",
                                         _at(row.site_id, msg("bind.floor", indication=Indication(row.indication_id),
                                                              floor=Pct(row.min_coverage), cases=Num(need, 1)))))
    out += _capacity_binding(inputs, base)
    out += _must_include_binding(inputs, base, resolve)
    for item in configuration(base):
        dev = inputs.devices[item.device_id]
        if dev.deployment == "per_room" and inputs.rooms[item.site_id] > 1:
            out.append(BindingConstraint("per_room", f"per_room_{item.site_id}_{item.device_id}",
                                         _at(item.site_id, msg("bind.per_room", device=Device(item.device_id),
                                                               rooms=inputs.rooms[item.site_id]))))
        if dev.requires:
            out.append(BindingConstraint("requires", f"requires_{item.site_id}_{item.device_id}",
                                         _at(item.site_id, msg("bind.requires", device=Device(item.device_id),
                                                               devices=Join(tuple(map(Device, dev.requires)), "or")))))
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
                                         _at(item.site_id, msg("bind.capacity", device=Device(item.device_id),
                                                               cases=Num(cap), units=item.units))))
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
                                         msg("bind.must_include", device=Device(d), gain=Num(gain, 1),
                                             saving=Eur(saving))))
    return out

"""Constraint families, one builder each. Every constraint is named ``<rule>_<index...>``.

Symbols follow ``docs/model.md``: u new units, p presence, n annual cases, o installed units,
D demand, c coverage floor, cap capacity per unit, R rooms.
"""

from __future__ import annotations

from collections import defaultdict

import pulp

from planner import costs
from planner.inputs import ModelInputs, SiteDevice, SiteIndication
from planner.model.variables import Variables


def _cases_by_site_indication(v: Variables) -> dict[SiteIndication, list[pulp.LpVariable]]:
    out: dict[SiteIndication, list[pulp.LpVariable]] = defaultdict(list)
    for (s, _d, k), var in v.cases.items():
        out[(s, k)].append(var)
    return out


def _cases_by_site_device(v: Variables) -> dict[SiteDevice, list[pulp.LpVariable]]:
    out: dict[SiteDevice, list[pulp.LpVariable]] = defaultdict(list)
    for (s, d, _k), var in v.cases.items():
        out[(s, d)].append(var)
    return out


def units(inputs: ModelInputs, v: Variables, sd: SiteDevice) -> pulp.LpAffineExpression:
    """o_sd + u_sd: units at the site at the end of the plan."""
    return v.buy[sd] + inputs.installed.get(sd, 0)


def add_demand_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """demand: sum_d n_sdk <= D_sk. No more cases are served than there are."""
    for (s, k), terms in sorted(_cases_by_site_indication(v).items()):
        prob += (pulp.lpSum(terms) <= inputs.demand[(s, k)], f"demand_{s}_{k}")


def add_coverage_floor_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """coverage_floor: sum_d n_sdk >= c_k D_sk. At least the floor share of each demand is served.

    Added also where no device can serve the indication at the site (then it is infeasible, and says so).
    """
    grouped = _cases_by_site_indication(v)
    for s in inputs.sites:
        for k in inputs.indications:
            need = inputs.floor[k] * inputs.demand[(s, k)]
            if need > 0:
                prob += (pulp.lpSum(grouped.get((s, k), [])) >= need, f"coverage_floor_{s}_{k}")


def add_capacity_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """capacity: sum_k n_sdk <= cap_d (o_sd + u_sd). Each unit serves at most cap_d cases a year."""
    for (s, d), terms in sorted(_cases_by_site_device(v).items()):
        cap = inputs.devices[d].capacity_cases_per_year
        prob += (pulp.lpSum(terms) <= cap * units(inputs, v, (s, d)), f"capacity_{s}_{d}")


def add_presence_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """presence: p_sd <= o_sd + u_sd (in use only if units exist); u_sd <= Ubar_sd p_sd (buy only
    what is used); cases need presence: n_sdk <= D_sk p_sd.

    Installed units do not force presence: an installed device that cannot be used (e.g. its required
    companion is gone) simply stays idle.
    """
    for sd in inputs.candidates:
        s, d = sd
        prob += (v.present[sd] <= units(inputs, v, sd), f"presence_lower_{s}_{d}")
        if inputs.max_new[sd] > 0:
            prob += (v.buy[sd] <= inputs.max_new[sd] * v.present[sd], f"presence_upper_{s}_{d}")
    for (s, d, k), var in v.cases.items():
        prob += (var <= inputs.demand[(s, k)] * v.present[(s, d)], f"cases_need_presence_{s}_{d}_{k}")


def add_per_room_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """per_room: o_sd + u_sd >= R_s p_sd for a per-room device: in use only if every room has one."""
    for sd in inputs.candidates:
        s, d = sd
        if inputs.per_room(d) and inputs.rooms[s] > 1:
            prob += (units(inputs, v, sd) >= inputs.rooms[s] * v.present[sd], f"per_room_{s}_{d}")


def add_requires_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """requires: p_sd <= sum_{r in Req_d} p_sr. A device needs one of its required devices at the site."""
    for (s, d), reqs in sorted(inputs.requires.items()):
        prob += (v.present[(s, d)] <= pulp.lpSum(v.present[(s, r)] for r in reqs), f"requires_{s}_{d}")


def capex_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Capital spent on new units, k EUR."""
    return pulp.lpSum(costs.capex_cost(costs.to_model_money(inputs.unit_capex(d)), v.buy[(s, d)])
                      for s, d in inputs.candidates)


def maintenance_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Annual maintenance of installed and new units, k EUR/year."""
    return pulp.lpSum(costs.maintenance_cost(costs.to_model_money(inputs.devices[d].maintenance_eur_per_year),
                                             units(inputs, v, (s, d))) for s, d in inputs.candidates)


def consumables_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Annual consumables, k EUR/year."""
    return pulp.lpSum(costs.consumables_cost(costs.to_model_money(inputs.devices[d].consumable_eur_per_case), var)
                      for (s, d, k), var in v.cases.items())


def add_capex_budget_constraint(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """capex_budget: sum capex_d u_sd <= B_capex."""
    if inputs.capex_budget_eur is None:
        return
    prob += (capex_expr(inputs, v) <= costs.to_model_money(inputs.capex_budget_eur), "capex_budget")


def add_opex_budget_constraint(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """opex_budget: sum maint_d (o_sd + u_sd) + sum cons_d n_sdk <= B_opex."""
    if inputs.opex_budget_eur is None:
        return
    opex = maintenance_expr(inputs, v) + consumables_expr(inputs, v)
    prob += (opex <= costs.to_model_money(inputs.opex_budget_eur), "opex_budget")


def add_must_include_constraints(prob: pulp.LpProblem, inputs: ModelInputs, v: Variables) -> None:
    """must_include: sum_s p_sd >= 1. The device is in use at one site at least."""
    for d in inputs.must_include:
        prob += (pulp.lpSum(v.present[sd] for sd in inputs.candidates if sd[1] == d) >= 1, f"must_include_{d}")

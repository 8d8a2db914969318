"""Objective terms: weighted clinical benefit and annualised cost (k EUR/year)."""

from __future__ import annotations

import pulp

from planner import costs
from planner.inputs import ModelInputs
from planner.model.constraints import capex_expr, consumables_expr, maintenance_expr
from planner.model.variables import Variables


def benefit_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """B = sum w_k e_dk n_sdk, in weighted cases per year."""
    return pulp.lpSum(inputs.weight[k] * inputs.effectiveness[(d, k)] * var for (s, d, k), var in v.cases.items())


def annualised_capex_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """sum capex_d u_sd / life_d, k EUR/year."""
    return pulp.lpSum(
        costs.annualised_capex(costs.capex_cost(costs.to_model_money(inputs.unit_capex(d)), v.buy[(s, d)]),
                               inputs.devices[d].lifetime_years)
        for s, d in inputs.candidates)


def annualised_cost_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Annualised cost = annualised capex + maintenance + consumables, k EUR/year."""
    return annualised_capex_expr(inputs, v) + maintenance_expr(inputs, v) + consumables_expr(inputs, v)


__all__ = ["annualised_capex_expr", "annualised_cost_expr", "benefit_expr", "capex_expr"]

"""Objective terms: weighted clinical benefit and total cost of ownership (k EUR)."""

from __future__ import annotations

import pulp

from planner.inputs import ModelInputs
from planner.model.money import capex_expr, tco_expr
from planner.model.variables import Variables


def benefit_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """B = sum_t delta_t sum w_k e_dk n_sdmkt, in (discounted) weighted cases per year."""
    h = inputs.horizon
    return pulp.lpSum(h.discount(t) * inputs.weight[k] * inputs.effectiveness[(d, k)] * var
                      for (s, d, m, k, t), var in v.cases_t.items())


def annualised_cost_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """The cost objective K: total cost of ownership over the horizon, k EUR.

    With one year, purchase only and no discounting: capex / life + maintenance + consumables (EUR/year).
    """
    return tco_expr(inputs, v)


__all__ = ["annualised_cost_expr", "benefit_expr", "capex_expr"]

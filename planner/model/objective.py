"""Objective terms: the clinical value (weighted events avoided) and the total cost of ownership (k EUR)."""

from __future__ import annotations

import pulp

from planner.inputs import ModelInputs
from planner.model.money import capex_expr, tco_expr
from planner.model.variables import Variables


def value_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """V = sum_t delta_t sum m_k v_dk n_sdmkt: (discounted) weighted events avoided per year.

    v_dk comes from the evidence table (``planner.value``); pairs without outcome value, and required
    indications, contribute nothing."""
    h = inputs.horizon
    value = {(d, k): inputs.case_value(d, k) for d, k in inputs.effectiveness}
    return pulp.lpSum(h.discount(t) * value[(d, k)] * var
                      for (s, d, m, k, t), var in v.cases_t.items() if value[(d, k)] != 0.0)



def annualised_cost_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """The cost objective K: total cost of ownership over the horizon, k EUR.

    With one year, purchase only and no discounting: capex / life + maintenance + consumables (EUR/year).
    """
    return tco_expr(inputs, v)


__all__ = ["annualised_cost_expr", "capex_expr", "value_expr"]

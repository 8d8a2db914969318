"""Objective terms: the clinical value (weighted events avoided) and the total cost of ownership (k EUR,
:func:`planner.model.money.tco_expr`; with one year and no discounting it is the annualised cost)."""

from __future__ import annotations

import pulp

from planner.inputs import ModelInputs
from planner.model.money import capex_expr, tco_expr, weighted_sum
from planner.model.variables import Variables


def value_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """V = sum_t delta_t (sum m_k v_dk n_sdmkt - sum l r): (discounted) weighted events avoided per year, less the
    value lost on the cases referred (``referral_loss_expr``).

    v_dk comes from the evidence table (``planner.value``); pairs without outcome value, and required
    indications, contribute nothing."""
    h = inputs.horizon
    value = {(d, k): inputs.case_value(d, k) for d, k in inputs.effectiveness}
    served = weighted_sum((var, h.discount(t) * value[(d, k)])
                          for (s, d, m, k, t), var in v.cases_t.items() if value[(d, k)] != 0.0)
    return served - referral_loss_expr(inputs, v) if v.refer else served


def referral_loss_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """sum_t delta_t sum_routes l_route r_route,t: weighted events lost by the delay of the cases referred."""
    h = inputs.horizon
    return pulp.lpSum(h.discount(t) * r.value_loss_per_case * v.refer[(r.sender, r.receiver, r.indication, t)]
                      for r in inputs.routes if r.value_loss_per_case for t in h.years)


def tie_break_expr(v: Variables) -> pulp.LpAffineExpression:
    """Units acquired plus devices in use (each year): among plans of equal cost the cost phase prefers the one
    with the fewest, so a free device (zero capex and maintenance, such as balloon preparation) is neither
    bought nor kept in use for nothing."""
    return pulp.lpSum(v.acquire.values()) + pulp.lpSum(v.present_t.values())


__all__ = ["capex_expr", "tco_expr", "tie_break_expr", "value_expr"]

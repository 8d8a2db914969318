"""Objective terms: the clinical value (weighted events avoided) and the total cost of ownership (k EUR,
:func:`planner.model.money.tco_expr`; with one year and no discounting it is the annualised cost)."""

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


def tie_break_expr(v: Variables) -> pulp.LpAffineExpression:
    """Units acquired plus devices in use (each year): among plans of equal cost the cost phase prefers the one
    with the fewest, so a free device (zero capex and maintenance, such as balloon preparation) is neither
    bought nor kept in use for nothing."""
    return pulp.lpSum(v.acquire.values()) + pulp.lpSum(v.present_t.values())


__all__ = ["capex_expr", "tco_expr", "tie_break_expr", "value_expr"]

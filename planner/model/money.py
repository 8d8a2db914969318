"""Money expressions of the model (k EUR), built with the formulas of :mod:`planner.costs`.

Cash flows per year (capex, maintenance, lease fees, consumables, commitment shortfalls) feed the budgets;
the total cost of ownership (discounted cash flows less the residual value of purchases at the end of the
horizon) is the cost objective, for the scenario's perspective: the health system pays every consumable in
full; the hospital's cost is less what it bills on top of the GHS tariff for liste en sus consumables. With one
year, purchase only and no discounting it is today's annualised cost: capex / life + maintenance + consumables.
The budgets count the cash the hospital spends (consumables at their whole price) in either perspective.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pulp

from planner import costs
from planner.horizon import Offer
from planner.inputs import ModelInputs
from planner.model.service import in_service
from planner.model.variables import Variables


def _k(eur: float) -> float:
    return costs.to_model_money(eur)


def weighted_sum(terms: Iterable[tuple[Any, float]]) -> Any:
    """sum coef x over (x, coef) pairs, each x once: one expression built from its coefficients when the x are
    variables (no expression per term), a number when they are numbers (the Plan's recomputation)."""
    pairs = list(terms)
    if all(isinstance(x, pulp.LpVariable) for x, _c in pairs):
        return pulp.LpAffineExpression(pairs)
    return pulp.lpSum(c * x for x, c in pairs)


def offer(inputs: ModelInputs, d: str, m: str) -> Offer:
    """The offer of device d in mode m."""
    return next(o for o in inputs.offers(d) if o.mode == m)


def unit_capex_in_year(inputs: ModelInputs, d: str, m: str, t: int) -> float:
    """Capital paid per unit acquired in year t: the offer's price plus network segmentation, escalated."""
    return inputs.horizon.price("capex", offer(inputs, d, m).capex_eur + inputs.segmentation_eur.get(d, 0.0), t)


def capex_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Capital spent in year t, k EUR."""
    return weighted_sum((var, costs.capex_cost(_k(unit_capex_in_year(inputs, d, m, y)), 1.0))
                        for (s, d, m, y), var in v.by_year("acquire").get(t, ()))


def capex_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Capital spent over the horizon, k EUR (the single-period model: sum capex_d u_sd)."""
    return pulp.lpSum(capex_in_year(inputs, v, t) for t in inputs.horizon.years)


def maintenance_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Maintenance of owned units serving in year t, k EUR (placement and lease include it)."""
    h = inputs.horizon
    return pulp.lpSum(
        costs.maintenance_cost(_k(h.price("maintenance", o.maintenance_eur_per_year, t)),
                               in_service(inputs, v, s, d, o.mode, t))
        for s, d in inputs.candidates for o in inputs.offers(d) if o.maintenance_eur_per_year)


def lease_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Lease fees of leased units serving in year t, k EUR (fixed over the term, not escalated)."""
    return pulp.lpSum(costs.maintenance_cost(_k(o.lease_eur_per_year), in_service(inputs, v, s, d, "lease", t))
                      for s, d in inputs.candidates for o in inputs.offers(d) if o.mode == "lease")


def consumables_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Consumables of year t at the offer's price, escalated, k EUR."""
    h = inputs.horizon
    return weighted_sum(
        (var, costs.consumables_cost(_k(h.price("consumables", offer(inputs, d, m).consumable_eur_per_case, y)), 1.0))
        for (s, d, m, k, y), var in v.by_year("cases_t").get(t, ()))


def shortfall_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Placement commitments not consumed in year t, k EUR."""
    return pulp.lpSum(var for (s, d, y), var in v.by_year("shortfall").get(t, ()))


def transport_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Transport of the cases referred in year t, k EUR (price of the route per case; not escalated)."""
    return pulp.lpSum(costs.consumables_cost(_k(r.transport_eur_per_case), v.refer[r.key(t)])
                      for r in inputs.routes if r.transport_eur_per_case and r.key(t) in v.refer)


def opex_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """Running costs of year t: maintenance + lease + consumables + shortfalls + transport, k EUR.

    Built once per year and variables (the opex budget row and the TCO both read it; ``Variables.memo``);
    callers never change it in place."""
    key = ("opex_in_year", t)
    if key not in v.memo:
        out = (maintenance_in_year(inputs, v, t) + lease_in_year(inputs, v, t) + consumables_in_year(inputs, v, t)
               + shortfall_in_year(inputs, v, t))
        v.memo[key] = out + transport_in_year(inputs, v, t) if v.refer else out
    return v.memo[key]  # type: ignore[no-any-return]


def maintenance_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Maintenance in the start year, k EUR/year (the single-period model's maintenance)."""
    return maintenance_in_year(inputs, v, inputs.horizon.start)


def consumables_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Consumables in the start year, k EUR/year (the single-period model's consumables)."""
    return consumables_in_year(inputs, v, inputs.horizon.start)


def net_capex_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Capital charged to the horizon: discounted price less discounted residual value, k EUR."""
    h = inputs.horizon
    return weighted_sum(
        (var, costs.capex_cost(_k(costs.net_capex(unit_capex_in_year(inputs, d, m, t), inputs.devices[d].lifetime_years,
                                                  h.years_used(t, offer(inputs, d, m).term_years), h.discount(t),
                                                  h.end_discount())), 1.0))
        for (s, d, m, t), var in v.acquire.items())


def billed_in_year(inputs: ModelInputs, v: Variables, t: int) -> pulp.LpAffineExpression:
    """What the hospital bills on top of the GHS tariff in year t, k EUR: for each case served by a liste en sus
    device, the consumable's (escalated) price up to its LPP tariff (``costs.billed_on_top``; tariffs are not
    escalated). Zero when no device of the plan is on the liste en sus."""
    h = inputs.horizon

    def billed(d: str, m: str, y: int) -> float:
        price = h.price("consumables", offer(inputs, d, m).consumable_eur_per_case, y)
        return _k(costs.billed_on_top(price, inputs.lpp_tariff[d]))

    return pulp.lpSum(costs.consumables_cost(billed(d, m, y), var)
                      for (s, d, m, k, y), var in v.by_year("cases_t").get(t, ()) if d in inputs.lpp_tariff)


def health_system_tco_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Total cost of ownership over the horizon for the health system (k EUR): net capex + discounted running
    costs, consumables at their whole price whoever pays them."""
    h = inputs.horizon
    return net_capex_expr(inputs, v) + pulp.lpSum(h.discount(t) * opex_in_year(inputs, v, t) for t in h.years)


def billed_npv_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Discounted sum over the horizon of what the hospital bills on top of the GHS tariff, k EUR."""
    h = inputs.horizon
    return pulp.lpSum(h.discount(t) * billed_in_year(inputs, v, t) for t in h.years)


def tco_expr(inputs: ModelInputs, v: Variables) -> pulp.LpAffineExpression:
    """Total cost of ownership of the scenario's perspective (k EUR), the cost objective: the health system's
    TCO, less what the hospital bills on top of the GHS tariff when the perspective is the hospital's."""
    if inputs.perspective == "hospital" and inputs.lpp_tariff:
        return health_system_tco_expr(inputs, v) - billed_npv_expr(inputs, v)
    return health_system_tco_expr(inputs, v)

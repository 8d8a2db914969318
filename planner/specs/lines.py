"""Purchase lines stated as functions: ``purchase_specs(inputs, plan, functions, twins, tolerance)``.

For each (site, device) the plan buys, the line names the family's functional requirement, the reference
product (the device the plan priced) and the catalogue devices that meet the same function at the site within a
relative tolerance of value and of annual cost. A device *e* is compared with the reference *d* serving the
same cases at the same site:

* value distance = (V_e - V_d) / |V_d|, with V = sum_k n_k m_k v_k (weighted events avoided a year by the
  line's cases n_k; 0 when both are 0, e.g. required equipment outside the value);
* cost distance = (K_e - K_d) / K_d, with K = units x (unit capex / life + maintenance) + sum_k n_k x consumable at
  start-year purchase prices (``planner.costs.annualised_capex``); *e* gets the units it needs for the same
  cases (one per room if it is per-room, else enough for its capacity, at least one);
* *e* is an equivalent when it is of the same family, may be bought at the site (compatible with the site's
  angiography, not excluded, role held), can serve every indication the line serves, has one of its required
  devices in use at the site, is itself accepted by every device in use that requires the reference, and both
  distances are within the tolerance (absolute value).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

from planner import costs
from planner.inputs import ModelInputs
from planner.plan import EquivalentProduct, Plan, PurchaseSpec
from planner.specs.functions import FunctionSpec

Cases = Mapping[str, float]  # indication -> cases a year of the line


def line_value(inputs: ModelInputs, device_id: str, cases: Cases) -> float | None:
    """Weighted events avoided a year if ``device_id`` served ``cases``; ``None`` if it cannot serve one of them."""
    if any(n > 0 and inputs.effectiveness.get((device_id, k), 0.0) <= 0 for k, n in cases.items()):
        return None
    return sum(n * inputs.case_value(device_id, k) for k, n in cases.items())


def units_needed(inputs: ModelInputs, site_id: str, device_id: str, cases: Cases) -> int:
    """Units of ``device_id`` that serve ``cases`` at the site: one per room if per-room, else by capacity.

    Never fewer than one unit, and for a per-room device never fewer than the site's rooms.
    """
    dev = inputs.devices[device_id]
    total = sum(cases.values())
    need = math.ceil(total / dev.capacity_cases_per_year - 1e-9) if total > 0 else 0
    return max(inputs.rooms[site_id] if inputs.per_room(device_id) else 1, need)


def line_cost(inputs: ModelInputs, device_id: str, units: int, cases: Cases) -> float:
    """Annual cost (EUR) of ``units`` of the device serving ``cases``, at start-year purchase prices."""
    dev = inputs.devices[device_id]
    return (costs.annualised_capex(costs.capex_cost(inputs.unit_capex(device_id), units), dev.lifetime_years)
            + costs.maintenance_cost(dev.maintenance_eur_per_year, units)
            + costs.consumables_cost(dev.consumable_eur_per_case, sum(cases.values())))


def relative(new: float, base: float) -> float:
    """(new - base) / |base|; 0 when both are 0, infinite when only the base is 0.

    >>> relative(105.0, 100.0), relative(0.0, 0.0), relative(1.0, 0.0)
    (0.05, 0.0, inf)
    """
    if base == 0:
        return 0.0 if new == 0 else math.inf
    return (new - base) / abs(base)


def _usable(inputs: ModelInputs, site_id: str, device_id: str, in_use: frozenset[str], reference: str) -> bool:
    """Whether a device may be bought at the site, has one of its required devices in use there, and can stand
    in for the reference where a device in use requires it (an IMR option needs its own wire console)."""
    if inputs.max_new.get((site_id, device_id), 0) <= 0:
        return False
    reqs = inputs.devices[device_id].requires
    if reqs and not any(r in in_use for r in reqs):
        return False
    return all(device_id in inputs.devices[x].requires for x in in_use
               if reference in inputs.devices[x].requires)


def equivalents(inputs: ModelInputs, site_id: str, device_id: str, cases: Cases, units: int,
                in_use: frozenset[str], tolerance: float,
                twins: tuple[str, ...] = ()) -> tuple[EquivalentProduct, ...]:
    """The devices that meet the line's function within ``tolerance``, closest first (cost, then value, id)."""
    base_value = line_value(inputs, device_id, cases) or 0.0
    base_cost = line_cost(inputs, device_id, units, cases)
    family = inputs.family(device_id)
    out = []
    for e in sorted(inputs.devices):
        if e == device_id or inputs.family(e) != family or not _usable(inputs, site_id, e, in_use, device_id):
            continue
        value = line_value(inputs, e, cases)
        if value is None:
            continue
        cost = line_cost(inputs, e, units_needed(inputs, site_id, e, cases), cases)
        dv, dc = relative(value, base_value), relative(cost, base_cost)
        if abs(dv) <= tolerance + 1e-12 and abs(dc) <= tolerance + 1e-12:
            out.append(EquivalentProduct(e, round(dv, 6), round(dc, 6), e in twins))
    return tuple(sorted(out, key=lambda x: (abs(x.cost_distance), abs(x.value_distance), x.device_id)))


def _line_cases(plan: Plan) -> dict[tuple[str, str], dict[str, float]]:
    """(site, device) -> indication -> cases a year (average over the plan's years)."""
    years = max(1, len(plan.years))
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in plan.allocation:
        out[(row.site_id, row.device_id)][row.indication_id] += row.cases_per_year / years
    return out


def purchase_specs(inputs: ModelInputs, plan: Plan, functions: Mapping[str, FunctionSpec],
                   twins: Mapping[tuple[str, str], tuple[str, ...]], tolerance: float) -> tuple[PurchaseSpec, ...]:
    """One :class:`PurchaseSpec` per (site, device) with new units in the plan, in site and family order.

    ``inputs`` are the full inputs (before the model twins were merged), ``twins`` the merged groups
    ((site, representative) -> the devices it stands for).
    """
    if not plan.has_solution:
        return ()
    new: dict[tuple[str, str], int] = defaultdict(int)
    units: dict[tuple[str, str], int] = defaultdict(int)
    in_use: dict[str, set[str]] = defaultdict(set)
    for a in plan.acquisitions:
        new[(a.site_id, a.device_id)] += a.units_new
        units[(a.site_id, a.device_id)] += a.units_new + a.units_installed
        if a.in_use:
            in_use[a.site_id].add(a.device_id)
    cases = _line_cases(plan)
    order = {s: i for i, s in enumerate(inputs.sites)}
    out = []
    for (s, d), n in sorted(new.items(), key=lambda kv: (order.get(kv[0][0], 0), inputs.family(kv[0][1]), kv[0][1])):
        if n <= 0:
            continue
        fn, line = functions[inputs.family(d)], cases.get((s, d), {})
        found = equivalents(inputs, s, d, line, units[(s, d)], frozenset(in_use[s]), tolerance, twins.get((s, d), ()))
        out.append(PurchaseSpec(s, fn.family, fn.requirement_en, fn.requirement_fr, d, n, tolerance, found,
                                fn.criteria_en, fn.criteria_fr, fn.source, round(sum(line.values()), 6),
                                round(line_value(inputs, d, line) or 0.0, 6),
                                round(line_cost(inputs, d, units[(s, d)], line), 2)))
    return tuple(out)


__all__ = ["equivalents", "line_cost", "line_value", "purchase_specs", "relative", "units_needed"]

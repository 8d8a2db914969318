"""The greedy rank-order fill that procurement committees use, as a baseline for the optimiser.

Definition (also in ``docs/decision.md``):

1. **Requests.** One per (site, device) that may be bought there (compatible, not excluded): enough new units
   to serve all the demand the device can serve at the site (every room for a per-room device), less the
   units already installed. Its *score* is its stand-alone benefit per euro of capex:
   ``sum_k w_k e_dk D_sk / capex`` (a request with zero capex ranks first).
2. **Mandatory first.** Must-include devices not in use anywhere: the cheapest request for it. Then, for each
   coverage floor not already met by the devices at the site: the cheapest request (by capex) that serves it.
3. **Rank-order fill.** Requests in decreasing score (ties by site, then device id) are bought while the
   budget lasts. A request is skipped, never revisited, when it does not fit the remaining budget, when
   none of its required devices is at the site yet, or when it would add nothing: every indication it
   serves is already fully covered (in cases, up to capacity) by devices at the site that are at least as
   effective for it.
4. **Evaluation.** The purchases are fixed and the planner's own model allocates the cases (maximum benefit
   under the same budgets, floors and rules, then minimum annualised cost). If no allocation meets the
   floors and the opex budget, the greedy plan fails at that budget.

Because the greedy purchases cost at most the budget, they are a feasible choice for the optimiser at the
same budget: the optimiser's benefit is never lower (tested).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from planner import costs
from planner.inputs import ModelInputs, SiteDevice, SiteIndication


@dataclass(frozen=True)
class Request:
    """A purchase request of the rank-order fill."""

    site_id: str
    device_id: str
    units: int
    capex_eur: float
    standalone_benefit: float

    @property
    def score(self) -> float:
        """Stand-alone benefit per euro of capex (infinite when free)."""
        return math.inf if self.capex_eur <= 0 else self.standalone_benefit / self.capex_eur

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return {**asdict(self), "score": None if math.isinf(self.score) else self.score}


def requests(inputs: ModelInputs) -> tuple[Request, ...]:
    """Every purchase request, in rank order (score descending, then site, device)."""
    out = []
    for s, d in inputs.candidates:
        if inputs.max_new[(s, d)] <= 0:
            continue
        dev = inputs.devices[d]
        served = {k: inputs.demand[(s, k)] for s2, d2, k in inputs.allocations if s2 == s and d2 == d}
        need = math.ceil(sum(served.values()) / dev.capacity_cases_per_year - 1e-9)
        units = max(need, inputs.rooms[s] if inputs.per_room(d) else 1) - inputs.installed.get((s, d), 0)
        units = min(units, inputs.max_new[(s, d)])
        if units <= 0:
            continue
        benefit = sum(inputs.case_value(d, k) * v for k, v in served.items())
        out.append(Request(s, d, units, float(costs.capex_cost(inputs.unit_capex(d), units)), benefit))
    return tuple(sorted(out, key=lambda r: (-r.score, r.site_id, r.device_id)))


class _Fill:
    """State of the fill: units at each site, and the cases of each indication covered, by value per case."""

    def __init__(self, inputs: ModelInputs, budget_eur: float | None) -> None:
        self.inputs = inputs
        self.remaining = math.inf if budget_eur is None else budget_eur
        self.bought: dict[SiteDevice, int] = {}
        self.residual: dict[SiteIndication, float] = dict(inputs.demand)
        self.best: dict[SiteIndication, float] = {}  # highest value per case among devices covering (s, k)
        self._alloc = set(inputs.allocations)
        candidates = set(inputs.candidates)
        for sd, n in sorted(inputs.installed.items()):
            if sd in candidates:
                self._cover(sd, n)

    def serves(self, sd: SiteDevice) -> list[str]:
        return [k for k in self.inputs.indications if (sd[0], sd[1], k) in self._alloc]

    def _cover(self, sd: SiteDevice, units: int) -> None:
        capacity = units * self.inputs.devices[sd[1]].capacity_cases_per_year
        for k in self.serves(sd):
            key = (sd[0], k)
            self.best[key] = max(self.best.get(key, 0.0), self.inputs.case_value(sd[1], k))
            used = min(self.residual[key], capacity)
            self.residual[key] -= used
            capacity -= used

    def present(self, s: str, d: str) -> bool:
        return self.bought.get((s, d), 0) + self.inputs.installed.get((s, d), 0) > 0

    def can_buy(self, r: Request) -> bool:
        reqs = self.inputs.requires.get((r.site_id, r.device_id), ())
        if self.inputs.devices[r.device_id].requires and not any(self.present(r.site_id, q) for q in reqs):
            return False
        return (r.site_id, r.device_id) not in self.bought and r.capex_eur <= self.remaining + 1e-9

    def adds_benefit(self, r: Request) -> bool:
        """Some indication it serves has uncovered cases, or is covered only by devices of lower value per case."""
        return any(self.residual[(r.site_id, k)] > 1e-9
                   or self.inputs.case_value(r.device_id, k) > self.best.get((r.site_id, k), 0.0) + 1e-12
                   for k in self.serves((r.site_id, r.device_id)))

    def buy(self, r: Request) -> None:
        self.bought[(r.site_id, r.device_id)] = r.units
        self.remaining -= r.capex_eur
        self._cover((r.site_id, r.device_id), r.units)


def greedy_purchases(inputs: ModelInputs, budget_eur: float | None) -> dict[SiteDevice, int]:
    """New units bought by the rank-order fill with a capex budget (``None`` = unlimited)."""
    ranked = requests(inputs)
    fill = _Fill(inputs, budget_eur)
    for d in inputs.must_include:
        if not any(fill.present(s, d) for s in inputs.sites):
            options = sorted((r for r in ranked if r.device_id == d and fill.can_buy(r)), key=lambda r: r.capex_eur)
            if options:
                fill.buy(options[0])
    for s in inputs.sites:
        for k in inputs.indications:
            floor = inputs.site_floor(s, k) * inputs.demand[(s, k)]
            uncovered = inputs.demand[(s, k)] - fill.residual[(s, k)] < floor - 1e-9
            if uncovered:
                serving = [r for r in ranked if r.site_id == s and k in fill.serves((s, r.device_id))
                           and fill.can_buy(r)]
                if serving:
                    fill.buy(min(serving, key=lambda r: (r.capex_eur, r.device_id)))
    for r in ranked:
        if fill.can_buy(r) and fill.adds_benefit(r):
            fill.buy(r)
    return dict(sorted(fill.bought.items()))


def purchases_capex_eur(inputs: ModelInputs, bought: Mapping[SiteDevice, int]) -> float:
    """Capex of the purchases, EUR."""
    return float(sum(costs.capex_cost(inputs.unit_capex(d), n) for (_s, d), n in bought.items()))

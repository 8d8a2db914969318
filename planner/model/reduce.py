"""Dominated devices, removed exactly before building (issue 12).

A candidate (s, d) is *dominated* by another candidate (s, d') of the same site when d' can do everything d
does, at least as well and no dearer, under every rule of the model:

- same family (minimum volumes, share caps, fallback families and roles act per family);
- d' serves every indication d serves at s, each with a value per case at least d's (m_k v_d'k >= m_k v_dk);
- the same acquisition modes; for purchase, every cost term of d' is at most d's: capital paid and capital
  charged (net of the residual value) in every year, maintenance, consumables; the same service term
  (ceil(life)); any other mode (placement, lease) offered on identical terms;
- capacity per unit at least d's; d' per room only if d is;
- d' needs no required device, or needs a superset of d's;
- d' may be bought (Ū_sd' >= 1).

and d is not installed at s, not a must-include, and not required by any device at s.

*Proof that removing dominated candidates keeps the optimum.* Take any feasible plan using d at s and move
it onto d': per mode and year, u_d'ma := min(Ū_sd', u_dma + u_d'ma), p_d't := max(p_dt, p_d't), n_d'mkt :=
n_dmkt + n_d'mkt, and d's variables to 0. Demand, floors, referrals and family rules (minimum volume, share
cap) see the same sums; capacity holds because cap_d' >= cap_d, and where a sum was cut at Ū_sd' because
Ū_sd' cap_d' is at least every case d' can serve (a superset of d's indications) and Ū_sd' >= R_s; presence,
per-room and requires rules hold by the conditions above; nothing that required d loses its support (nothing
does). Every cost term of the objective and of the budgets is a sum of per-unit or per-case coefficients,
each no larger for d', over no more units and the same cases, so the costs (and the tie-break: units plus
devices in use) do not increase while the value does not decrease. So every plan of the full model has a
plan of the reduced model at least as good in both phases: the optima are equal.
Dominance is a preorder; only *strictly* dominated candidates are removed (d' dominates d, d does not dominate
d'): devices that dominate each other (interchangeable twins) are all kept, so the solver's choice among them is
unchanged. Every removed candidate is strictly dominated by a kept one (the strict part of a preorder is a
strict order: follow the chain). ``tests/model/test_reduce.py`` checks the optima of
reduced and full models on generated instances.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner import costs
from planner.inputs import ModelInputs, SiteDevice
from planner.model.money import offer, unit_capex_in_year

if TYPE_CHECKING:
    from planner.solve import SolveResult


@dataclass(frozen=True)
class Reduction:
    """The inputs without the dominated candidates, and which candidate dominates each removed one."""

    inputs: ModelInputs
    removed: dict[SiteDevice, str]  # (s, d) -> d' kept at s that dominates it


def _purchase_costs(inputs: ModelInputs, d: str) -> tuple[float, ...]:
    """Per-unit capital paid and charged in each year, maintenance and consumables: the purchase cost terms."""
    h = inputs.horizon
    buy = offer(inputs, d, "purchase")
    life = inputs.devices[d].lifetime_years
    out = []
    for t in h.years:
        price = unit_capex_in_year(inputs, d, "purchase", t)
        out += [price, costs.net_capex(price, life, h.years_used(t, buy.term_years), h.discount(t), h.end_discount())]
    return (*out, buy.maintenance_eur_per_year, buy.consumable_eur_per_case)


@dataclass(frozen=True)
class _Profile:
    """What the dominance test compares for one candidate."""

    group: tuple[Any, ...]  # must be equal: family, term, other modes' offers
    costs: tuple[float, ...]  # each at most the dominated one's
    capacity: float
    per_room: bool
    requires: frozenset[str]
    values: dict[str, float]  # indication -> m_k v_dk at this site
    can_buy: bool


def _group(inputs: ModelInputs, d: str) -> tuple[Any, ...]:
    """What must be equal: family, years of service within the horizon, the other modes' offers."""
    term = offer(inputs, d, "purchase").term_years
    served = len(inputs.horizon.years) if term is None else min(term, len(inputs.horizon.years))
    return (inputs.family(d), served, tuple(o for o in inputs.offers(d) if o.mode != "purchase"))


def _profile(inputs: ModelInputs, s: str, d: str, values: dict[str, float],
             terms: dict[str, tuple[tuple[Any, ...], tuple[float, ...]]]) -> _Profile:
    if d not in terms:  # the device's own terms, the same at every site: computed once
        terms[d] = (_group(inputs, d), _purchase_costs(inputs, d))
    return _Profile(*terms[d], inputs.devices[d].capacity_cases_per_year,
                    inputs.per_room(d), frozenset(inputs.requires.get((s, d), ())), values,
                    inputs.max_new.get((s, d), 0) >= 1)


def dominates(a: _Profile, b: _Profile) -> bool:
    """Whether candidate ``a`` can do all candidate ``b`` does, as well and no dearer (same site)."""
    return (a.group == b.group and a.can_buy and a.capacity >= b.capacity and (b.per_room or not a.per_room)
            and (not a.requires or (bool(b.requires) and b.requires <= a.requires))
            and all(x <= y for x, y in zip(a.costs, b.costs, strict=True))
            and all(k in a.values and a.values[k] >= v for k, v in b.values.items()))


def _removable(inputs: ModelInputs) -> set[SiteDevice]:
    """Candidates that may be removed if dominated: not installed, not a must-include, required by nothing."""
    required = {(s, r) for (s, _d), reqs in inputs.requires.items() for r in reqs}
    return {(s, d) for s, d in inputs.candidates
            if not inputs.installed.get((s, d), 0) and d not in inputs.must_include and (s, d) not in required}


def dominated_candidates(inputs: ModelInputs) -> dict[SiteDevice, str]:
    """(s, d) -> a kept device of the same site that dominates d there."""
    values: dict[SiteDevice, dict[str, float]] = defaultdict(dict)
    for s, d, k in inputs.allocations:
        values[(s, d)][k] = inputs.case_value(d, k)
    by_family: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, d in inputs.candidates:
        by_family[(s, inputs.family(d))].append(d)
    removable = _removable(inputs)
    out: dict[SiteDevice, str] = {}
    terms: dict[str, tuple[tuple[Any, ...], tuple[float, ...]]] = {}
    for (s, _f), devices in sorted(by_family.items()):
        if len(devices) < 2 or not any((s, d) in removable for d in devices):
            continue
        prof = {d: _profile(inputs, s, d, values[(s, d)], terms) for d in devices}
        for d in devices:
            if (s, d) not in removable:
                continue
            for d2 in devices:
                # strictly: d2 dominates d and not the other way round (interchangeable twins are all kept: which
                # one a plan uses is the solver's tie, and merging them is another module's job)
                if d2 != d and dominates(prof[d2], prof[d]) and not dominates(prof[d], prof[d2]):
                    out[(s, d)] = d2
                    break
    return {sd: _kept(out, sd) for sd in out}


def _kept(out: dict[SiteDevice, str], sd: SiteDevice) -> str:
    """Follow the chain of strict dominators to a kept device (a strict order: no cycle)."""
    s, d = sd
    while (s, d) in out:
        d = out[(s, d)]
    return d


#: Models smaller than this (candidate pairs x years) are solved whole: they take milliseconds, and a reduction
#: would only change which of two equally good plans the solver returns (the examples' plans stay as they were).
MIN_SIZE = 1000


def worth_reducing(inputs: ModelInputs) -> bool:
    """Whether the model is large enough for the reduction to pay (see :data:`MIN_SIZE`)."""
    return len(inputs.candidates) * len(inputs.horizon.years) >= MIN_SIZE


def reduce_dominated(inputs: ModelInputs) -> Reduction:
    """The inputs without their dominated candidates (same optimum; see the module docstring)."""
    removed = dominated_candidates(inputs)
    if not removed:
        return Reduction(inputs, {})
    keep = tuple(sd for sd in inputs.candidates if sd not in removed)
    reduced = dataclasses.replace(
        inputs, candidates=keep,
        max_new={sd: n for sd, n in inputs.max_new.items() if sd not in removed},
        requires={sd: r for sd, r in inputs.requires.items() if sd not in removed},
        allocations=tuple(a for a in inputs.allocations if (a[0], a[1]) not in removed))
    return Reduction(reduced, removed)


def with_removed(result: SolveResult, inputs: ModelInputs) -> SolveResult:
    """A solve of the reduced model as a solve of the full ``inputs``: the removed candidates at zero."""
    if not result.status.has_solution:
        return result
    h = inputs.horizon
    acquire = {(s, d, o.mode, t): 0.0 for s, d in inputs.candidates for o in inputs.offers(d) for t in h.years}
    cases_t = {(s, d, o.mode, k, t): 0.0 for s, d, k in inputs.allocations for o in inputs.offers(d) for t in h.years}
    return dataclasses.replace(
        result, buy={**dict.fromkeys(inputs.candidates, 0.0), **result.buy},
        present={**dict.fromkeys(inputs.candidates, 0.0), **result.present},
        cases={**dict.fromkeys(inputs.allocations, 0.0), **result.cases},
        acquire={**acquire, **result.acquire},
        present_t={**{(s, d, t): 0.0 for s, d in inputs.candidates for t in h.years}, **result.present_t},
        cases_t={**cases_t, **result.cases_t})

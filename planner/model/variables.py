"""Decision variables: units acquired ``buy`` (per mode and year), presence ``present`` (per year),
annual cases ``cases`` (per mode and year), placement commitment shortfalls.

In the single-period model (one year, purchase only) they are exactly u_sd, p_sd and n_sdk, named
``buy_{s}_{d}``, ``present_{s}_{d}``, ``cases_{s}_{d}_{k}``. The aggregate views ``buy``, ``present`` and
``cases`` (new units, in use in some year, cases over the horizon) are those variables themselves there, and
expressions (``present``: ``used_{s}_{d}``, continuous but 0 or 1 in every solution) in a multi-year model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pulp

from planner.inputs import Allocation, ModelInputs, SiteDevice

Acq = tuple[str, str, str, int]  # (site, device, mode, year)
SiteDeviceYear = tuple[str, str, int]
CaseKey = tuple[str, str, str, str, int]  # (site, device, mode, indication, year)
ReferKey = tuple[str, str, str, int]  # (sender, receiver, indication, year)


@dataclass(frozen=True)
class Variables:
    """The model's variables and their aggregate views."""

    acquire: dict[Acq, pulp.LpVariable]  # units acquired at s of d in mode m in year t
    present_t: dict[SiteDeviceYear, pulp.LpVariable]  # p_sdt, binary
    cases_t: dict[CaseKey, pulp.LpVariable]  # n_sdmkt >= 0
    shortfall: dict[SiteDeviceYear, pulp.LpVariable]  # placement commitment not consumed, k EUR
    buy: dict[SiteDevice, Any]  # new units over the horizon (a variable in the single-period model)
    present: dict[SiteDevice, Any]  # in use in some year (a binary)
    cases: dict[Allocation, Any]  # cases over the horizon
    refer: dict[ReferKey, Any] = field(default_factory=dict)  # r_{s,r,k,t} >= 0: cases referred a year
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)  # expressions built once

    def by_year(self, part: str) -> dict[int, list[tuple[tuple[Any, ...], Any]]]:
        """``acquire`` or ``cases_t`` items grouped by their year (the last key part), computed once."""
        key = ("by_year", part)
        if key not in self.memo:
            grouped: dict[int, list[tuple[tuple[Any, ...], Any]]] = {}
            for k, var in getattr(self, part).items():
                grouped.setdefault(k[-1], []).append((k, var))
            self.memo[key] = grouped
        return self.memo[key]  # type: ignore[no-any-return]


def _name(base: str, *parts: object) -> str:
    return "_".join([base, *(str(p) for p in parts)])


def add_variables(prob: pulp.LpProblem, inputs: ModelInputs) -> Variables:
    """Create the variables for candidate pairs, their offers and the horizon's years."""
    h = inputs.horizon
    single = h.single_period
    acquire, present_t, cases_t, shortfall = {}, {}, {}, {}
    for s, d in inputs.candidates:
        for t in h.years:
            present_t[(s, d, t)] = prob.add_variable(
                _name("present", s, d) if single else _name("present", s, d, t), 0, 1, pulp.LpBinary)
            for offer in inputs.offers(d):
                m = offer.mode
                acquire[(s, d, m, t)] = prob.add_variable(
                    _name("buy", s, d) if single else _name("buy", s, d, m, t), 0, inputs.max_new[(s, d)],
                    pulp.LpInteger)
                if offer.min_commitment_eur_per_year > 0:
                    shortfall[(s, d, t)] = prob.add_variable(_name("shortfall", s, d, t), 0, None, pulp.LpContinuous)
    for s, d, k in inputs.allocations:
        for t in h.years:
            for offer in inputs.offers(d):
                cases_t[(s, d, offer.mode, k, t)] = prob.add_variable(
                    _name("cases", s, d, k) if single else _name("cases", s, d, offer.mode, k, t), 0, None,
                    pulp.LpContinuous)
    return Variables(acquire, present_t, cases_t, shortfall, *_aggregates(prob, inputs, acquire, present_t, cases_t),
                     refer=add_refer_variables(prob, inputs))


def add_refer_variables(prob: pulp.LpProblem, inputs: ModelInputs) -> dict[ReferKey, pulp.LpVariable]:
    """``refer_{from}_{to}_{k}{_t}``: cases of indication k referred a year along each route (none without
    routes: the model is then today's)."""
    single = inputs.horizon.single_period
    return {(r.sender, r.receiver, r.indication, t): prob.add_variable(
        _name("refer", r.sender, r.receiver, r.indication) if single
        else _name("refer", r.sender, r.receiver, r.indication, t), 0, None, pulp.LpContinuous)
        for r in inputs.routes for t in inputs.horizon.years}


def _aggregates(prob: pulp.LpProblem, inputs: ModelInputs, acquire: dict[Acq, pulp.LpVariable],
                present_t: dict[SiteDeviceYear, pulp.LpVariable],
                cases_t: dict[CaseKey, pulp.LpVariable]) -> tuple[dict[SiteDevice, Any], ...]:
    if inputs.horizon.single_period:
        t = inputs.horizon.start
        return ({(s, d): acquire[(s, d, "purchase", t)] for s, d in inputs.candidates},
                {(s, d): present_t[(s, d, t)] for s, d in inputs.candidates},
                {(s, d, k): cases_t[(s, d, "purchase", k, t)] for s, d, k in inputs.allocations})
    buy: dict[SiteDevice, Any] = {sd: [] for sd in inputs.candidates}
    for (s, d, _m, _t), var in acquire.items():
        buy[(s, d)].append(var)
    cases: dict[Allocation, Any] = {a: [] for a in inputs.allocations}
    for (s, d, _m, k, _t), var in cases_t.items():
        cases[(s, d, k)].append(var)
    # "in use in some year": continuous, yet 0 or 1 in every solution (used_upper/used_lower pin it to max_t p_sdt
    # when the p_sdt are 0 or 1), so the solver branches on it never
    used = {(s, d): prob.add_variable(_name("used", s, d), 0, 1, pulp.LpContinuous) for s, d in inputs.candidates}
    return ({k: pulp.lpSum(v) for k, v in buy.items()}, used, {k: pulp.lpSum(v) for k, v in cases.items()})

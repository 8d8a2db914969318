"""An independent formulation of the single-year model, for the engine benchmark (not used by the planner).

It writes the same rules as ``docs/model.md`` (demand, floors, capacity, presence, per-room, requires, budgets,
must-include, minimum volumes, share caps) straight into HiGHS as sparse arrays from the prepared
:class:`~planner.inputs.ModelInputs`, without PuLP and without the planner's builders, and solves the same
lexicographic objective (value, then total cost with the same tie-break) in one HiGHS model. Purchase only,
one year: the shape of the generated benchmark instances. Its optimum must equal the planner's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import highspy
import numpy as np

from planner import costs
from planner.inputs import ModelInputs
from planner.solve import BENEFIT_LOCK_TOL, TIE_BREAK_K_EUR

INF = highspy.kHighsInf


class _Rows:
    """Rows collected as (indices, values, lower, upper)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.index: list[int] = []
        self.value: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(self, terms: list[tuple[int, float]], lower: float, upper: float) -> None:
        self.starts.append(len(self.index))
        for i, a in terms:
            self.index.append(i)
            self.value.append(a)
        self.lower.append(lower)
        self.upper.append(upper)

    def load(self, h: highspy.Highs) -> None:
        h.addRows(len(self.lower), np.array(self.lower), np.array(self.upper), len(self.index),
                  np.array(self.starts, dtype=np.int32), np.array(self.index, dtype=np.int32), np.array(self.value))


@dataclass(frozen=True)
class IndependentResult:
    """Objective values and time of the independent solve."""

    value: float
    tco_k_eur: float
    time_s: float
    status: str


def solve_independent(inputs: ModelInputs, mip_gap: float, time_limit_s: float = 600.0) -> IndependentResult:
    """Build and solve the model directly in HiGHS; return the value and the cost (k EUR)."""
    start = time.perf_counter()
    cand = list(inputs.candidates)
    alloc = list(inputs.allocations)
    u = {sd: i for i, sd in enumerate(cand)}
    p = {sd: len(cand) + i for i, sd in enumerate(cand)}
    n = {a: 2 * len(cand) + i for i, a in enumerate(alloc)}
    ncol = 2 * len(cand) + len(alloc)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", mip_gap)
    h.setOptionValue("time_limit", time_limit_s)
    lower = np.zeros(ncol)
    upper = np.array([inputs.max_new[sd] for sd in cand] + [1.0] * len(cand) + [INF] * len(alloc))
    h.addVars(ncol, lower, upper)
    ints = np.arange(2 * len(cand), dtype=np.int32)
    h.changeColsIntegrality(len(ints), ints, np.array([highspy.HighsVarType.kInteger] * len(ints)))
    rows = _Rows()
    _demand_and_presence_rows(inputs, rows, u, p, n)
    _device_rows(inputs, rows, u, p, n)
    _budget_rows(inputs, rows, u, n)
    rows.load(h)
    value = np.zeros(ncol)
    for (_s, d, k), i in n.items():
        value[i] = inputs.case_value(d, k)
    h.changeColsCost(ncol, np.arange(ncol, dtype=np.int32), -value)
    h.run()
    if h.getInfo().primal_solution_status != 2:
        return IndependentResult(float("nan"), float("nan"), time.perf_counter() - start, "no solution")
    best = float(value @ np.array(h.getSolution().col_value))
    lock = best - BENEFIT_LOCK_TOL * max(abs(best), 1.0)
    nz = np.nonzero(value)[0].astype(np.int32)
    h.addRow(lock, INF, len(nz), nz, value[nz])
    cost, constant = _cost_vector(inputs, u, p, n, ncol)
    h.changeColsCost(ncol, np.arange(ncol, dtype=np.int32), cost + TIE_BREAK_K_EUR * _tie(len(cand), ncol))
    sol = highspy.HighsSolution()
    sol.col_value = list(h.getSolution().col_value)
    h.setSolution(sol)
    h.run()
    x = np.array(h.getSolution().col_value)
    status = "optimal" if h.getModelStatus() == highspy.HighsModelStatus.kOptimal else str(h.getModelStatus())
    return IndependentResult(float(value @ x), float(cost @ x) + constant, time.perf_counter() - start, status)


def _tie(ncand: int, ncol: int) -> np.ndarray:
    tie = np.zeros(ncol)
    tie[: 2 * ncand] = 1.0
    return tie


def _demand_and_presence_rows(inputs: ModelInputs, rows: _Rows, u: dict, p: dict, n: dict) -> None:
    by_sk: dict[tuple[str, str], list[int]] = {}
    for (s, d, k), i in n.items():
        by_sk.setdefault((s, k), []).append(i)
        rows.add([(i, 1.0), (p[(s, d)], -inputs.demand[(s, k)])], -INF, 0.0)  # cases need presence
    for s in inputs.sites:
        for k in inputs.indications:
            cols = by_sk.get((s, k), [])
            demand = inputs.demand[(s, k)]
            if cols:
                rows.add([(i, 1.0) for i in cols], -INF, demand)
            need = inputs.site_floor(s, k) * demand
            if need > 0:
                rows.add([(i, 1.0) for i in cols], need, INF)
            for f, k2 in inputs.share_cap:
                if k2 == k:
                    capped = [n[(s2, d, k3)] for (s2, d, k3) in n if (s2, k3) == (s, k) and inputs.family(d) == f]
                    if capped:
                        rows.add([(i, 1.0) for i in capped], -INF, inputs.share_cap[(f, k)] * demand)


def _device_rows(inputs: ModelInputs, rows: _Rows, u: dict, p: dict, n: dict) -> None:
    by_sd: dict[tuple[str, str], list[int]] = {}
    by_sf: dict[tuple[str, str], list[int]] = {}
    for (s, d, _k), i in n.items():
        by_sd.setdefault((s, d), []).append(i)
        by_sf.setdefault((s, inputs.family(d)), []).append(i)
    for s, d in inputs.candidates:
        dev = inputs.devices[d]
        old = inputs.installed.get((s, d), 0)
        cap = dev.capacity_cases_per_year
        if by_sd.get((s, d)):
            rows.add([(i, 1.0) for i in by_sd[(s, d)]] + [(u[(s, d)], -cap)], -INF, cap * old)
        rows.add([(p[(s, d)], 1.0), (u[(s, d)], -1.0)], -INF, old)
        if inputs.max_new[(s, d)] > 0:
            rows.add([(u[(s, d)], 1.0), (p[(s, d)], -inputs.max_new[(s, d)])], -INF, 0.0)
        if inputs.per_room(d) and inputs.rooms[s] > 1:
            rows.add([(u[(s, d)], 1.0), (p[(s, d)], -inputs.rooms[s])], -old, INF)
        low = inputs.min_volume.get(dev.family, 0.0)
        if low > 0:
            rows.add([(i, 1.0) for i in by_sf.get((s, dev.family), [])] + [(p[(s, d)], -low)], 0.0, INF)
    for (s, d), reqs in inputs.requires.items():
        rows.add([(p[(s, d)], 1.0)] + [(p[(s, r)], -1.0) for r in reqs], -INF, 0.0)
    for d in inputs.must_include:
        rows.add([(p[sd], 1.0) for sd in inputs.candidates if sd[1] == d], 1.0, INF)


def _budget_rows(inputs: ModelInputs, rows: _Rows, u: dict, n: dict) -> None:
    k = costs.to_model_money
    if inputs.capex_budget_eur is not None:
        rows.add([(i, k(inputs.unit_capex(d))) for (s, d), i in u.items()], -INF, k(inputs.capex_budget_eur))
    if inputs.opex_budget_eur is not None:
        fixed = sum(k(inputs.devices[d].maintenance_eur_per_year) * inputs.installed.get((s, d), 0) for s, d in u)
        terms = [(i, k(inputs.devices[d].maintenance_eur_per_year)) for (s, d), i in u.items()]
        terms += [(i, k(inputs.devices[d].consumable_eur_per_case)) for (s, d, _k), i in n.items()]
        rows.add(terms, -INF, k(inputs.opex_budget_eur) - fixed)


def _cost_vector(inputs: ModelInputs, u: dict, p: dict, n: dict, ncol: int) -> tuple[np.ndarray, float]:
    """capex / life + maintenance (new units) + consumables, k EUR; maintenance of installed units is the
    constant."""
    k = costs.to_model_money
    cost = np.zeros(ncol)
    constant = 0.0
    for (s, d), i in u.items():
        dev = inputs.devices[d]
        cost[i] = k(inputs.unit_capex(d)) / dev.lifetime_years + k(dev.maintenance_eur_per_year)
        constant += k(dev.maintenance_eur_per_year) * inputs.installed.get((s, d), 0)
    for (_s, d, _k), i in n.items():
        cost[i] = k(inputs.devices[d].consumable_eur_per_case)
    return cost, constant

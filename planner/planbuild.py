"""``from_solution(inputs, result, ...) -> Plan``: the plan from the solver's values.

Every cost is recomputed from the inputs and the rounded chosen quantities with the same money expressions
as the objective (:mod:`planner.model.money`, built on :mod:`planner.costs`) evaluated on numbers instead of
variables; tests check they equal the solver's objective terms.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import pulp

from planner import clinical, costs
from planner.errors import Issue
from planner.inputs import ModelInputs
from planner.limits import capex_envelopes, opex_limits
from planner.mds2 import open_questions
from planner.model import money
from planner.model.service import in_service
from planner.model.variables import Variables
from planner.plan import (
    Acquisition,
    AllocationRow,
    BudgetUse,
    Costs,
    DeviceSecurity,
    DeviceTco,
    FamilyCosts,
    PhaseInfo,
    Plan,
    ReferralFlow,
    Retirement,
    RoomConfig,
    SecurityExclusion,
    SolverInfo,
    YearCosts,
)
from planner.prices import PriceBasis
from planner.security import SCORED_FIELDS, advisory_text, risk_score
from planner.solve import SolveResult

#: Largest distance of an integer variable's solver value from its rounded value.
INTEGRALITY_TOL = 1e-5
#: Slack (EUR) under which a budget counts as binding.
BINDING_TOL_EUR = 1.0
#: Relative slack under which a budget counts as binding (phase 2 may free up to ~1e-6 of the benefit).
BINDING_TOL_REL = 1e-5


def from_solution(inputs: ModelInputs, result: SolveResult, scenario: Mapping[str, Any],
                  warnings: tuple[Issue, ...] = (), fingerprint: str = "") -> Plan:
    """Build the plan from the solver's values; recompute every cost from the inputs."""
    solver = SolverInfo(
        result.solver_name, result.solver_version, round(result.time_s, 4),
        tuple(PhaseInfo(p.objective, p.status.value, p.objective_value, p.mip_gap, round(p.time_s, 4))
              for p in result.phases),
        result.benefit_value,
        None if result.tco_value is None else costs.from_model_money(result.tco_value),
        result.tie_break_value,
    )
    base = {"scenario": scenario, "status": result.status.value, "objective": inputs.objective,
            "mip_gap": result.mip_gap, "solver": solver, "warnings": warnings, "catalog_fingerprint": fingerprint,
            "years": inputs.horizon.years,
            "security_exclusions": tuple(SecurityExclusion(d, r) for d, r in sorted(inputs.security_excluded.items()))}
    if not result.status.has_solution:
        return Plan(**base)
    v = numeric_variables(inputs, {k: _integral(x, k) for k, x in result.acquire.items()},
                          {k: _integral(x, k) for k, x in result.present_t.items()},
                          {k: (x if x > 1e-7 else 0.0) for k, x in result.cases_t.items()},
                          {k: (x if x > 1e-7 else 0.0) for k, x in result.refer.items()})
    allocation = _allocation(inputs, v)
    flows = clinical.flow_rows(inputs, v.refer)
    plan_costs, by_year = _costs(inputs, v, allocation, flows)
    acquisitions = _acquisitions(inputs, v)
    coverage = clinical.coverage_rows(inputs, allocation, flows)
    disc = inputs.horizon.discount
    lost = sum(disc(f.year) * f.value_lost for f in flows)
    return Plan(**base, benefit=sum(disc(a.year) * a.benefit for a in allocation) - lost,
                benefit_low=sum(disc(a.year) * a.benefit_low for a in allocation) - lost,
                benefit_high=sum(disc(a.year) * a.benefit_high for a in allocation) - lost, flows=flows,
                costs=plan_costs, costs_by_year=by_year, acquisitions=acquisitions, allocation=allocation,
                coverage=coverage, budgets=_budgets(inputs, v, plan_costs),
                rooms=_rooms(inputs, v), retirements=_retirements(inputs, v),
                security=_security(inputs, acquisitions), tco_by_device=_tco_by_device(inputs, v),
                outcomes=clinical.outcome_rows(inputs, allocation),
                alerts=clinical.alerts(inputs, coverage, allocation, v.present_t),
                price_basis=_plan_prices(inputs, acquisitions),
                costs_by_family=_costs_by_family(inputs, acquisitions, allocation))


def _costs_by_family(inputs: ModelInputs, acquisitions: tuple[Acquisition, ...],
                     allocation: tuple[AllocationRow, ...]) -> tuple[FamilyCosts, ...]:
    """Capex and yearly costs of each device family's lines (the costs chart of the Plan page): each family's
    acquisitions and cases costed alone; the rows add up to ``Plan.costs``."""
    out = []
    for family in sorted({a.family for a in acquisitions}):
        buy = {(a.site_id, a.device_id): a.units_new for a in acquisitions if a.family == family}
        cases = {(r.site_id, r.device_id, r.indication_id): r.cases_per_year for r in allocation
                 if inputs.devices[r.device_id].family == family}
        c = compute_costs(inputs, buy, cases)
        out.append(FamilyCosts(family, c.capex_eur, c.annualised_capex_eur_per_year, c.maintenance_eur_per_year,
                               c.consumables_eur_per_year, c.annualised_eur_per_year))
    return tuple(out)


def _plan_prices(inputs: ModelInputs, acquisitions: tuple[Acquisition, ...]) -> PriceBasis | None:
    """The price basis of the catalogue, restricted to the devices of the plan (acquired or installed)."""
    basis = inputs.price_basis
    if basis is None:
        return None
    used = {a.device_id for a in acquisitions}
    return dataclasses.replace(basis, devices=tuple(b for b in basis.devices if b.device_id in used))


def _integral(value: float, key: object) -> int:
    rounded = round(value)
    if abs(value - rounded) > INTEGRALITY_TOL:
        msg = f"solver value of {key} is not integral: {value}"
        raise ArithmeticError(msg)
    return int(rounded)


def numeric_variables(inputs: ModelInputs, acquire: Mapping[tuple[str, str, str, int], int],
                      present_t: Mapping[tuple[str, str, int], int],
                      cases_t: Mapping[tuple[str, str, str, str, int], float],
                      refer: Mapping[tuple[str, str, str, int], float] | None = None) -> Variables:
    """A :class:`Variables` holding numbers: the money expressions then evaluate to the plan's costs.

    Commitment shortfalls are recomputed as max(0, commitment x placed units - placement consumables).
    """
    buy: dict[Any, float] = defaultdict(float)
    cases: dict[Any, float] = defaultdict(float)
    for (s, d, _m, _t), n in acquire.items():
        buy[(s, d)] += n
    for (s, d, _m, k, _t), n in cases_t.items():
        cases[(s, d, k)] += n
    used = {(s, d): float(any(present_t.get((s, d, t), 0) for t in inputs.horizon.years)) for s, d in inputs.candidates}
    v = Variables(dict(acquire), dict(present_t), dict(cases_t), {}, dict(buy), used, dict(cases))  # type: ignore[arg-type]
    placed_cases: dict[tuple[str, str, int], list[float]] = defaultdict(list)
    for (s, d, m, _k, t), n in cases_t.items():
        if m == "placement":
            placed_cases[(s, d, t)].append(n)
    shortfall = {}
    for s, d in inputs.candidates:
        for o in inputs.offers(d):
            if o.min_commitment_eur_per_year > 0:
                for t in inputs.horizon.years:
                    price = costs.to_model_money(inputs.horizon.price("consumables", o.consumable_eur_per_case, t))
                    bought = sum(price * n for n in placed_cases.get((s, d, t), ()))
                    placed = _num(in_service(inputs, v, s, d, "placement", t))
                    commit = costs.to_model_money(o.min_commitment_eur_per_year)
                    shortfall[(s, d, t)] = max(0.0, commit * placed - bought)
    return Variables(v.acquire, v.present_t, v.cases_t, shortfall, v.buy, v.present, v.cases, dict(refer or {}))


def _num(expr: Any) -> float:
    """The value of a money or unit expression evaluated on numbers."""
    return float(pulp.value(expr) or 0.0)


def _eur(expr: Any) -> float:
    return costs.from_model_money(_num(expr))


def compute_costs(inputs: ModelInputs, buy: Mapping[Any, int], cases: Mapping[Any, float]) -> Costs:
    """Costs of a configuration. Keys are (s, d, mode, year) / (s, d, mode, k, year), or for a single-period
    model (s, d) / (s, d, k) (purchases in the start year)."""
    t0 = inputs.horizon.start
    given = {(k if len(k) == 4 else (k[0], k[1], "purchase", t0)): n for k, n in buy.items()}
    cases_t = {(k if len(k) == 5 else (k[0], k[1], "purchase", k[2], t0)): n for k, n in cases.items()}
    pairs = tuple(sorted({(k[0], k[1]) for k in given}))  # only these (s, d): a subset gives its own costs
    sub = dataclasses.replace(inputs, candidates=pairs)
    acquire = {(s, d, o.mode, t): given.get((s, d, o.mode, t), 0)
               for s, d in pairs for o in sub.offers(d) for t in sub.horizon.years}
    present = {(s, d, t): 1 for s, d in pairs for t in sub.horizon.years}
    v = numeric_variables(sub, acquire, present, {k: n for k, n in cases_t.items() if (k[0], k[1]) in pairs})
    return _costs(sub, v, _allocation(sub, v))[0]


def _costs(inputs: ModelInputs, v: Variables, allocation: tuple[AllocationRow, ...],
           referrals: tuple[ReferralFlow, ...] = ()) -> tuple[Costs, tuple[YearCosts, ...]]:
    h = inputs.horizon
    rows = []
    for t in h.years:
        flows = [_eur(f(inputs, v, t)) for f in (money.capex_in_year, money.maintenance_in_year,
                                                 money.lease_in_year, money.consumables_in_year,
                                                 money.shortfall_in_year, money.transport_in_year)]
        opex = sum(flows[1:])
        benefit = sum(a.benefit for a in allocation if a.year == t) - sum(f.value_lost for f in referrals
                                                                          if f.year == t)
        rows.append(YearCosts(t, flows[0], flows[1], flows[2], flows[3], flows[4], opex, flows[0] + opex,
                              h.discount(t), benefit, flows[5], _eur(money.billed_in_year(inputs, v, t))))
    n = len(h.years)
    net_capex = _eur(money.net_capex_expr(inputs, v))
    tco = _eur(money.tco_expr(inputs, v))
    tco_system = _eur(money.health_system_tco_expr(inputs, v))
    capex = sum(r.capex_eur for r in rows)
    seg = sum(costs.capex_cost(h.price("capex", inputs.segmentation_eur.get(d, 0.0), t), u)
              for (s, d, m, t), u in v.acquire.items())
    avg = [sum(getattr(r, f) for r in rows) / n for f in ("maintenance_eur", "consumables_eur", "opex_eur",
                                                          "lease_eur", "shortfall_eur", "transport_eur",
                                                          "billed_on_top_eur")]
    return Costs(capex, net_capex / n, avg[0], avg[1], avg[2], tco / n, seg, avg[3], avg[4],
                 _residual(inputs, v), tco, n, avg[5], inputs.perspective, avg[6], tco_system,
                 tco_system - _eur(money.billed_npv_expr(inputs, v))), tuple(rows)


def _tco_by_device(inputs: ModelInputs, v: Variables) -> tuple[DeviceTco, ...]:
    """The money expressions restricted to one (site, device) at a time: rows add up to the plan's TCO.

    The variables are grouped by (site, device) once, so the work is linear in their number."""
    parts = (v.acquire, v.present_t, v.cases_t, v.shortfall, v.buy, v.present, v.cases)
    groups: dict[tuple[str, str], list[dict[Any, Any]]] = defaultdict(lambda: [{} for _ in parts])
    for i, part in enumerate(parts):
        for key, x in part.items():
            groups[key[:2]][i][key] = x
    rows = []
    for s, d in inputs.candidates:
        mine = Variables(*groups[(s, d)])  # type: ignore[arg-type]
        if not inputs.installed.get((s, d)) and not any(mine.acquire.values()):
            continue
        sub = dataclasses.replace(inputs, candidates=((s, d),))
        flows = [sum(_eur(f(sub, mine, t)) for t in inputs.horizon.years)
                 for f in (money.capex_in_year, money.maintenance_in_year, money.lease_in_year,
                           money.consumables_in_year, money.shortfall_in_year)]
        system, billed_npv = _eur(money.health_system_tco_expr(sub, mine)), _eur(money.billed_npv_expr(sub, mine))
        billed = sum(_eur(money.billed_in_year(sub, mine, t)) for t in inputs.horizon.years)
        rows.append(DeviceTco(s, d, *flows, _residual(sub, mine), _eur(money.tco_expr(sub, mine)), billed, system,
                              system - billed_npv))
    return tuple(rows)


def _residual(inputs: ModelInputs, v: Variables) -> float:
    h = inputs.horizon
    return sum(costs.capex_cost(money.unit_capex_in_year(inputs, d, m, t), u)
               * costs.residual_share(inputs.devices[d].lifetime_years,
                                      h.years_used(t, money.offer(inputs, d, m).term_years))
               for (s, d, m, t), u in v.acquire.items())


def _allocation(inputs: ModelInputs, v: Variables) -> tuple[AllocationRow, ...]:
    total: dict[tuple[str, str, str, int], float] = defaultdict(float)
    for (s, d, _m, k, t), n in v.cases_t.items():
        total[(s, d, k, t)] += n
    return clinical.allocation_rows(inputs, total)


def _acquisitions(inputs: ModelInputs, v: Variables) -> tuple[Acquisition, ...]:
    h = inputs.horizon
    replaces = _replacements(inputs, v)
    rows = []
    for s, d in inputs.candidates:
        for t in h.years:
            for o in inputs.offers(d):
                new = int(v.acquire[(s, d, o.mode, t)])
                old = inputs.installed.get((s, d), 0) if (t, o.mode) == (h.start, "purchase") else 0
                if new or old:
                    price = money.unit_capex_in_year(inputs, d, o.mode, t)
                    seg = h.price("capex", inputs.segmentation_eur.get(d, 0.0), t)
                    rows.append(Acquisition(s, d, inputs.devices[d].family, new, old, bool(v.present_t[(s, d, t)]),
                                            price, float(costs.capex_cost(price, new)),
                                            float(costs.capex_cost(seg, new)), t, o.mode,
                                            replaces.get((s, d, t)) if new else None))
    return tuple(sorted(rows, key=lambda a: (a.year, a.site_id, a.device_id, a.mode)))


def _replacements(inputs: ModelInputs, v: Variables) -> dict[tuple[str, str, int], str]:
    """(site, device, year) of an acquisition -> the retiring installed units of its family it replaces
    (all of them, "; "-separated, when several retire at the site that year)."""
    out: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for (s, old), year in sorted(inputs.horizon.retire_year.items()):
        fam = inputs.devices[old].family
        for (s2, d, _m, t), n in v.acquire.items():
            if n and s2 == s and t == year and inputs.devices[d].family == fam:
                text = f"{old} x{inputs.installed.get((s, old), 0)} (end of life {year})"
                if text not in out[(s, d, t)]:
                    out[(s, d, t)].append(text)
    return {key: "; ".join(texts) for key, texts in out.items()}


def _retirements(inputs: ModelInputs, v: Variables) -> tuple[Retirement, ...]:
    rows = []
    for (s, d), year in sorted(inputs.horizon.retire_year.items()):
        if year in inputs.horizon.years and inputs.installed.get((s, d), 0):
            fam = inputs.devices[d].family
            by = sorted({d2 for (s2, d2, _m, t), n in v.acquire.items()
                         if n and s2 == s and t == year and inputs.devices[d2].family == fam})
            rows.append(Retirement(s, d, inputs.installed[(s, d)], year, tuple(by)))
    return tuple(rows)


def _binding(limit: float | None, used: float) -> bool:
    return limit is not None and limit - used <= max(BINDING_TOL_EUR, BINDING_TOL_REL * limit)


def _budgets(inputs: ModelInputs, v: Variables, c: Costs) -> tuple[BudgetUse, ...]:
    h = inputs.horizon
    out = [BudgetUse("capex", inputs.capex_budget_eur, c.capex_eur, _binding(inputs.capex_budget_eur, c.capex_eur))]
    capex_t = {t: _eur(money.capex_in_year(inputs, v, t)) for t in h.years}
    for env in capex_envelopes(inputs):  # the model's own limits (planner.limits)
        spent = sum(capex_t[y] for y in env.years)
        out.append(BudgetUse(f"capex_{env.year}", env.limit_eur, spent, _binding(env.limit_eur, spent)))
    limits = {lim.year: lim.limit_eur for lim in opex_limits(inputs)}
    for t in h.years:
        used = _eur(money.opex_in_year(inputs, v, t))
        if h.single_period or t in limits:
            name = "opex_per_year" if h.single_period else f"opex_{t}"
            out.append(BudgetUse(name, limits.get(t), used, _binding(limits.get(t), used)))
    return tuple(out)


def _rooms(inputs: ModelInputs, v: Variables) -> tuple[RoomConfig, ...]:
    """Configuration at the end of the plan (the last year)."""
    last = inputs.horizon.years[-1]
    rooms = []
    for s in inputs.sites:
        in_use = [d for d in inputs.devices_at(s) if v.present_t[(s, d, last)]]
        per_room = tuple(d for d in in_use if inputs.per_room(d))
        rooms += [RoomConfig(s, str(r), per_room) for r in range(1, inputs.rooms[s] + 1)]
        rooms.append(RoomConfig(s, "shared", tuple(d for d in in_use if not inputs.per_room(d))))
    return tuple(rooms)


def _security(inputs: ModelInputs, acquisitions: tuple[Acquisition, ...]) -> tuple[DeviceSecurity, ...]:
    rows = []
    for d in sorted({a.device_id for a in acquisitions}):
        dev = inputs.devices[d]
        score = risk_score(dev, inputs.reference_date)
        eos = dev.os_end_of_support.isoformat() if dev.os_end_of_support else None
        rows.append(DeviceSecurity(d, dev.network_connected, dev.os_family, eos, score.os_status,
                                   dev.mds2_available, dev.sbom_available, dev.patch_policy, dev.remote_access,
                                   dev.encryption_at_rest, score.score, score.os_status in ("ended", "soon"),
                                   dev.security_source, score.known, len(SCORED_FIELDS),
                                   tuple(advisory_text(a) for a in dev.advisories), open_questions(score.unknown)))
    return tuple(rows)

"""Invariants on real and generated plans: costs reconcile with the objective, every rule holds.

The costs are checked against :mod:`tests.model.reference_costs`, an independent computation from the catalogue
figures and the solver's variable values, and against the objective value HiGHS reports; never against the
planner's own money code evaluated a second time.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest

from bench.generate import generate
from planner import api, load_catalog, load_scenario, make_plan
from planner.inputs import prepare
from planner.solve import solve
from tests.model.reference_costs import K_EUR, TIE_BREAK_EUR, reference_costs, tie_break

ROOT = Path(__file__).resolve().parents[2]
CASES = [("example", p) for p in sorted((ROOT / "examples").glob("*.yaml"))] + \
        [("generated", (3, 40, seed)) for seed in range(3)] + \
        [("en_sus", (3, 40, 0, perspective)) for perspective in ("hospital", "health_system")]
#: Cases measured at 4 s and more (slow: out of the fast loop)
SLOW_CASES = ("university_hospital_ppi_2027_2031", "gen(3, 40, 2)")


def case_id(case):
    return Path(str(case[1])).stem if case[0] == "example" else f"{case[0]}{case[1]}"


def load(kind, arg):
    if kind == "example":
        sc = load_scenario(arg)
        return load_catalog(sc.catalog_path()), sc
    if kind == "en_sus":  # a generated group where every other device with consumables is on the liste en sus
        catalog, scenario = generate(*arg[:3])
        billed = [d for d, dev in sorted(catalog.devices.items()) if dev.consumable_eur_per_case > 0][::2]
        devices = {d: dataclasses.replace(dev, funding="liste_en_sus", lpp_code="3100000",
                                          lpp_tariff_eur=round(0.8 * dev.consumable_eur_per_case))
                   if d in billed else dev for d, dev in catalog.devices.items()}
        return dataclasses.replace(catalog, devices=devices), dataclasses.replace(scenario, perspective=arg[3])
    return generate(*arg)


def plan_and_solution(catalog, scenario):
    """``make_plan`` as the app calls it, and the solver's result it was built from."""
    seen = []

    def keep(*args, **kwargs):
        seen.append(solve(*args, **kwargs))
        return seen[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(api, "solve", keep)
        plan = make_plan(catalog, scenario)
    assert len(seen) == 1
    return plan, seen[0]


@dataclasses.dataclass(frozen=True)
class Solved:
    catalog: object
    scenario: object
    plan: object
    result: object
    acquire: dict  # the solver's integer values, rounded
    present_t: dict
    reference: object  # reference_costs of the solution


def solved_case(catalog, scenario):
    plan, result = plan_and_solution(catalog, scenario)
    assert result.status.has_solution
    acquire = {k: round(x) for k, x in result.acquire.items()}
    present_t = {k: round(x) for k, x in result.present_t.items()}
    ref = reference_costs(catalog, scenario, acquire, result.cases_t, result.refer,
                          prepare(catalog, scenario).segmentation_eur)
    return Solved(catalog, scenario, plan, result, acquire, present_t, ref)


@pytest.fixture(scope="module", params=[pytest.param(c, marks=pytest.mark.slow) if case_id(c) in SLOW_CASES else c
                                        for c in CASES], ids=case_id)
def solved(request):
    catalog, scenario = load(*request.param)
    case = solved_case(catalog, scenario)
    plan = case.plan
    assert plan.status == "optimal" or (plan.status == "feasible" and plan.mip_gap <= scenario.solver.mip_gap)
    return case


def assert_costs_reconcile(case):
    """The solver's cost objective, the plan's cost views and the reference computation agree."""
    plan, ref, years = case.plan, case.reference, case.plan.years
    cost_phase = case.result.phases[-1]
    assert cost_phase.objective.startswith("min_cost") and cost_phase.status.has_solution
    # HiGHS's objective value (k EUR): the TCO plus 0.1 EUR per unit acquired and per device in use a year;
    # HiGHS evaluates it on its own (presolved) solution, hence a relative tolerance of 1e-6
    assert cost_phase.objective_value * K_EUR == pytest.approx(
        ref.tco + TIE_BREAK_EUR * tie_break(case.acquire, case.present_t), rel=1e-6, abs=1e-3)
    c = plan.costs
    assert ref.tco > 0
    assert c.tco_eur == pytest.approx(ref.tco, rel=1e-9)
    assert c.annualised_eur_per_year == pytest.approx(ref.tco / len(years), rel=1e-9)
    assert c.capex_eur == pytest.approx(sum(ref.capex.values()), rel=1e-9, abs=1e-6)
    assert sum(a.capex_eur for a in plan.acquisitions) == pytest.approx(sum(ref.capex.values()), rel=1e-9, abs=1e-6)
    assert c.residual_value_eur == pytest.approx(ref.residual_value, rel=1e-9, abs=1e-6)
    assert c.opex_eur_per_year == pytest.approx(sum(ref.opex(t) for t in years) / len(years), rel=1e-9)
    for row in plan.costs_by_year:
        t = row.year
        got = (row.capex_eur, row.maintenance_eur, row.lease_eur, row.consumables_eur, row.shortfall_eur,
               row.transport_eur, row.opex_eur)
        want = (ref.capex[t], ref.maintenance[t], ref.lease[t], ref.consumables[t], ref.shortfall[t],
                ref.transport[t], ref.opex(t))
        assert got == pytest.approx(want, rel=1e-9, abs=1e-6), t
    assert [r.year for r in plan.costs_by_year] == list(years)
    # per (site, device): the rows and the discounted transport add up to the TCO
    for r in plan.tco_by_device:
        assert r.tco_eur == pytest.approx(ref.tco_by_pair[(r.site_id, r.device_id)], rel=1e-9, abs=1e-6), r
    rate = case.scenario.discount_rate
    transport = sum(ref.transport[t] / (1 + rate) ** (t - years[0]) for t in years)
    assert sum(r.tco_eur for r in plan.tco_by_device) + transport == pytest.approx(ref.tco, rel=1e-9)


def test_plan_costs_reconcile_with_the_objective(solved):
    assert_costs_reconcile(solved)


def test_benefit_reconciles_with_the_objective(solved):
    plan, result = solved.plan, solved.result
    value_phase = result.phases[0]
    assert value_phase.objective == "max_benefit"
    assert plan.benefit > 0
    best = -value_phase.objective_value  # HiGHS minimises -V in the value phase
    # phase 2 keeps the phase-1 value up to its relative tolerance
    assert plan.benefit == pytest.approx(best, rel=1e-5)
    assert plan.benefit <= best * (1 + 1e-9) + 1e-9


def test_costs_of_both_perspectives_reconcile(solved):
    """The objective counts the scenario's perspective; the plan shows both: the health system's TCO less the
    discounted liste en sus billing is the hospital's, per device and in total."""
    scenario, plan = solved.scenario, solved.plan
    c = plan.costs
    assert c.perspective == scenario.perspective
    assert c.tco_eur == pytest.approx(c.tco_hospital_eur if c.perspective == "hospital" else c.tco_health_system_eur)
    billed_npv = sum(y.billed_on_top_eur * y.discount_factor for y in plan.costs_by_year)
    assert c.tco_health_system_eur - c.tco_hospital_eur == pytest.approx(billed_npv, abs=1e-6)
    assert c.billed_on_top_eur_per_year * c.horizon_years == pytest.approx(
        sum(y.billed_on_top_eur for y in plan.costs_by_year))
    assert c.billed_on_top_eur_per_year <= c.consumables_eur_per_year + 1e-6
    transport = sum(y.transport_eur * y.discount_factor for y in plan.costs_by_year)
    for field in ("tco_eur", "tco_health_system_eur", "tco_hospital_eur"):
        assert sum(getattr(r, field) for r in plan.tco_by_device) + transport == pytest.approx(getattr(c, field))
    assert sum(r.billed_on_top_eur for r in plan.tco_by_device) == pytest.approx(
        sum(y.billed_on_top_eur for y in plan.costs_by_year))


def test_budgets_floors_demand_hold(solved):
    scenario, plan, ref = solved.scenario, solved.plan, solved.reference
    budget = scenario.budget
    if budget.capex_eur is not None:
        assert sum(ref.capex.values()) <= budget.capex_eur + 1e-6
    for use in plan.budgets:
        if use.limit_eur is not None:
            assert use.used_eur <= use.limit_eur * (1 + 1e-9) + 1e-6, use.name
    if budget.opex_eur_per_year is not None:
        assert all(ref.opex(t) <= budget.opex_eur_per_year * (1 + 1e-9) + 1e-6 for t in plan.years)
    limits = budget.capex_eur_by_year  # yearly envelopes; with carry-over, what is unspent moves on
    for year, limit in limits.items():
        spent, allowed = ref.capex[year], limit
        if budget.carry_over:
            spent = sum(ref.capex[y] for y in plan.years if y <= year)
            allowed = sum(lim for y, lim in limits.items() if y <= year)
        assert spent <= allowed * (1 + 1e-9) + 1e-6, year
    for row in plan.coverage:  # with referrals: own patients = served - received, served here or referred
        assert row.served_cases <= row.demand_cases + row.received_cases + 1e-6
        assert own_treated(row) >= row.min_coverage * row.demand_cases - 1e-3


def units_in_service(plan, inputs):
    """Units of each (site, device) in service each year, recomputed from the plan alone: installed units until
    their retirement year, each acquisition from its year for its mode's term (to the end when none)."""
    out = defaultdict(int)
    for a in plan.acquisitions:
        retire = inputs.horizon.retire_year.get((a.site_id, a.device_id))
        term = {o.mode: o.term_years for o in inputs.offers(a.device_id)}.get(a.mode)
        for y in plan.years:
            if a.units_installed and (retire is None or y < retire):
                out[(a.site_id, a.device_id, y)] += a.units_installed
            if a.units_new and a.year <= y and (term is None or y < a.year + term):
                out[(a.site_id, a.device_id, y)] += a.units_new
    return out


def test_capacity_per_room_and_requires_hold_every_year(solved):
    catalog, scenario, plan = solved.catalog, solved.scenario, solved.plan
    inputs = prepare(catalog, scenario)
    units = units_in_service(plan, inputs)
    cases = defaultdict(float)
    for row in plan.allocation:
        cases[(row.site_id, row.device_id, row.year)] += row.cases_per_year
    assert {y for (_, _, y) in cases} <= set(plan.years)
    vendor = {x.id: x.angio_vendor for x in scenario.sites}
    for (s, d, y), n in cases.items():
        dev = inputs.devices[d]
        assert n <= dev.capacity_cases_per_year * units[(s, d, y)] + 1e-6, (s, d, y)
        if n <= 1e-6:
            continue
        if dev.deployment == "per_room":
            assert units[(s, d, y)] >= inputs.rooms[s], (s, d, y)
        if dev.requires:
            assert any(units[(s, r, y)] >= 1 for r in dev.requires), (s, d, y)
        new = sum(a.units_new for a in plan.acquisitions if (a.site_id, a.device_id) == (s, d))
        assert dev.works_with(vendor[s]) or new == 0, (s, d)


def test_min_cost_objective_meets_floors_at_lower_cost(solved):
    cheap_case = solved_case(solved.catalog, dataclasses.replace(solved.scenario, objective="min_cost"))
    cheap = cheap_case.plan
    assert [p.objective for p in cheap_case.result.phases] == ["min_cost"]
    assert_costs_reconcile(cheap_case)
    gap = cheap.mip_gap or 0.0
    assert cheap_case.reference.tco <= solved.reference.tco * (1 + gap) + 1e-6
    for row in cheap.coverage:
        assert own_treated(row) >= row.min_coverage * row.demand_cases - 1e-3


def own_treated(row):
    """The site's own patients served there or referred (without referral routes: its served cases)."""
    return row.served_cases - row.received_cases + row.referred_cases

"""The bundled examples give plans a cardiologist would sign (issue 11, "done when")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, make_plan
from planner.scenario import load_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MCS_FAMILIES = {"impella", "ecmo", "iabp"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _plan(catalog, name, **changes):
    scenario = load_scenario(EXAMPLES / name)
    budget = changes.pop("budget", None)
    if budget:
        scenario = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, **budget))
    return make_plan(catalog, dataclasses.replace(scenario, **changes))


def _families_in_use(plan):
    return {a.family for a in plan.acquisitions if a.in_use}


def test_general_hospital_requires_act_outside_the_value_and_buys_no_mcs(catalog):
    plan = _plan(catalog, "general_hospital.yaml")
    assert plan.status == "optimal"
    act = next(c for c in plan.coverage if c.indication_id == "anticoagulation_monitoring")
    assert act.required and act.coverage_share == pytest.approx(1.0) and act.events_avoided == 0.0
    assert "act" in _families_in_use(plan)
    assert not MCS_FAMILIES & _families_in_use(plan)
    shock = next(c for c in plan.coverage if c.indication_id == "cardiogenic_shock")
    assert shock.referred_cases == pytest.approx(shock.demand_cases) and shock.served_cases == 0
    assert any(a.code == "referred" and a.indication_id == "cardiogenic_shock" for a in plan.alerts)


def test_a_shock_centre_serves_lv_shock_with_a_microaxial_pump_not_va_ecmo(catalog):
    plan = _plan(catalog, "university_hospital.yaml")
    shock = [a for a in plan.allocation if (a.site_id, a.indication_id) == ("nord", "cardiogenic_shock")]
    assert {a.device_id for a in shock} == {"abiomed_impella_cp_aic"}
    assert sum(a.cases_per_year for a in shock) == pytest.approx(20.0, rel=1e-5)
    ecpr = [a for a in plan.allocation if a.indication_id == "refractory_shock_ecpr"]
    assert {catalog.devices[a.device_id].family for a in ecpr} == {"ecmo"}


@pytest.mark.parametrize("name", ["general_hospital.yaml", "university_hospital.yaml"])
@pytest.mark.parametrize("opex", [None, 0.8])
def test_angio_ffr_never_runs_without_a_wire_console_at_the_site(catalog, name, opex):
    scenario = load_scenario(EXAMPLES / name)
    budget = {"opex_eur_per_year": scenario.budget.opex_eur_per_year * opex} if opex else None
    plan = _plan(catalog, name, **({"budget": budget} if budget else {}))
    assert plan.has_solution
    for site in {a.site_id for a in plan.acquisitions}:
        families = {a.family for a in plan.acquisitions if a.site_id == site and a.in_use}
        if "angio_ffr" in families:
            assert "physiology" in families, site
        served = sum(a.cases_per_year for a in plan.allocation if a.site_id == site
                     and catalog.devices[a.device_id].family == "angio_ffr")
        demand = sum(c.demand_cases for c in plan.coverage if (c.site_id, c.indication_id)
                     == (site, "intermediate_stenosis"))
        assert served <= 0.85 * demand + 1e-6


def test_a_tight_running_budget_gives_up_the_least_valuable_events_not_shock(catalog):
    wide = _plan(catalog, "university_hospital.yaml")
    tight = _plan(catalog, "university_hospital.yaml", budget={"opex_eur_per_year": 800_000})
    assert tight.status == "optimal" and tight.benefit < wide.benefit
    shock = {(c.site_id, c.indication_id): c.coverage_share for c in tight.coverage}
    assert shock[("nord", "cardiogenic_shock")] == pytest.approx(1.0)
    deaths = {p.outcome_id: p.events_avoided for p in wide.outcomes if p.indication_id == "cardiogenic_shock"}
    deaths_tight = {p.outcome_id: p.events_avoided for p in tight.outcomes if p.indication_id == "cardiogenic_shock"}
    assert deaths_tight["death"] == pytest.approx(deaths["death"])
    # what is given up: physiology by wire first (0.72 weighted events per 100 for EUR 890 a case in 2027), then
    # imaging (2.73 per 100 for EUR 737): the lowest value per euro goes first
    cases = {(a.site_id, a.device_id): a.cases_per_year for a in tight.allocation}
    wire = sum(n for (_s, d), n in cases.items() if catalog.devices[d].family == "physiology")
    assert wire == pytest.approx(0.0, abs=1e-6)


def test_mcs_in_a_2_room_hospital_only_with_the_role(catalog):
    with_role = load_scenario(EXAMPLES / "general_hospital.yaml")
    site = dataclasses.replace(with_role.sites[0], roles=("cardiac_surgery", "shock_centre"))
    plan = make_plan(catalog, dataclasses.replace(with_role, sites=(site,),
                                                  budget=dataclasses.replace(with_role.budget,
                                                                             opex_eur_per_year=500_000)))
    assert plan.status == "optimal"
    assert "impella" in _families_in_use(plan)

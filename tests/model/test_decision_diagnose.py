"""Elastic infeasibility diagnosis: the right constraint is named, with the right amount, on planted cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from planner.cli import main
from planner.diagnose import diagnose, elastic_diagnosis
from planner.inputs import prepare
from tests.builders import make_catalog, make_scenario

DECISION = Path(__file__).resolve().parents[2] / "tests" / "data" / "catalog_decision"

DEVICES = [
    {"id": "wire", "capex_eur": 10000, "consumable_eur_per_case": 500},
    {"id": "pump", "family": "impella", "capex_eur": 48000, "capacity_cases_per_year": 35},
    {"id": "iabp", "family": "iabp", "capex_eur": 60000, "capacity_cases_per_year": 50},
    {"id": "philips_only", "family": "ivus", "capex_eur": 20000, "compatible_angio": "philips"},
]
INDICATIONS = [
    {"id": "intermediate_stenosis", "base_activity": "cag", "default_min_coverage": 0.5},
    {"id": "cardiogenic_shock", "base_activity": "stemi", "default_share": 0.05, "default_weight": 5},
    {"id": "complex_pci", "base_activity": "pci", "default_share": 0.1},
]
COVERAGE = [("wire", "intermediate_stenosis", 1.0), ("pump", "cardiogenic_shock", 1.0),
            ("iabp", "cardiogenic_shock", 0.4), ("philips_only", "complex_pci", 1.0)]
CATALOG = make_catalog(DEVICES, INDICATIONS, COVERAGE)


def run(installed=None, **top):
    site = {"installed": {"wire": 1} if installed is None else installed, "angio_vendor": "siemens"}
    scenario = make_scenario(sites=[site], **top)
    inputs = prepare(CATALOG, scenario)
    assert make_plan(CATALOG, scenario).status == "infeasible"
    return inputs, elastic_diagnosis(inputs)


def names(relaxations):
    return {r.constraint for r in relaxations}


def english(diag: object) -> list[str]:
    """The diagnosis lines in English, with ids."""
    return [str(m) for m in diag.messages]  # type: ignore[attr-defined]


def test_shock_floor_against_capex_budget_names_both_ways_out():
    """The issue's example: an 80% shock floor, the cheapest MCS costs €48,000, the budget is 30,000."""
    _, diag = run(budget={"capex_eur": 30000}, indications={"cardiogenic_shock": {"min_coverage": 0.8}})
    assert names(diag.relaxations) == {"capex_budget"}
    capex = next(r for r in diag.relaxations if r.constraint == "capex_budget")
    assert capex.amount == pytest.approx(18000) and capex.relaxed == pytest.approx(48000)
    assert names(diag.single_fixes) == {"capex_budget", "coverage_floor_s1_cardiogenic_shock"}
    floor = next(r for r in diag.single_fixes if r.family == "coverage_floor")
    assert floor.current == 0.8 and floor.relaxed == 0.0 and floor.site_id == "s1"
    text = "\n".join(map(str, diag.messages))
    assert ("the cardiogenic_shock floor of 80% (4.0 cases/year) needs a device that serves it; the cheapest, "
            "pump, costs €48,000 capex but the capital budget is €30,000: raise the capital budget by "
            "€18,000 or lower the floor to 0%") in text


def test_partial_floor_cut_is_the_largest_feasible_floor():
    """The operating budget caps the shock cases served: the floor can stay at the share the budget pays for."""
    _, diag = run(budget={"opex_eur_per_year": 60000}, indications={"cardiogenic_shock": {"min_coverage": 1.0}},
                  devices={"pump": {"consumable_eur_per_case": 10000}}, exclude=["iabp"])
    # wire floor 50 of 100 cases x 500 = 25,000; 5 shock cases x 10,000 = 50,000 > 35,000 left: 3.5 cases
    floor = next(r for r in diag.single_fixes if r.constraint == "coverage_floor_s1_cardiogenic_shock")
    assert floor.relaxed == pytest.approx(0.70)
    opex = next(r for r in diag.single_fixes if r.constraint == "opex_budget")
    assert opex.amount == pytest.approx(15000)
    assert any("raise the operating budget by €15,000/year or lower the floor to 70%" in m for m in english(diag))


def test_opex_budget_below_the_floors_running_costs():
    """50% of 100 intermediate-stenosis cases at €500 = €25,000/year against 20,000: raising the opex
    budget by 25% or cutting the floor by a fifth (to 40%); the smaller relative change is the floor."""
    _, diag = run(budget={"opex_eur_per_year": 20000})
    assert names(diag.relaxations) == {"coverage_floor_s1_intermediate_stenosis"}
    assert diag.relaxations[0].relaxed == pytest.approx(0.40)
    assert next(r for r in diag.single_fixes if r.constraint == "opex_budget").amount == pytest.approx(5000)
    assert any("intermediate_stenosis floor of 50%" in m and "costs €25,000/year to run" in m
               and "raise the operating budget by €5,000/year or lower the floor to 40%" in m for m in english(diag))


def test_must_include_too_expensive():
    _, diag = run(budget={"capex_eur": 40000}, must_include=["iabp"])
    assert names(diag.single_fixes) == {"capex_budget", "must_include_iabp"}
    assert next(r for r in diag.single_fixes if r.family == "capex_budget").amount == pytest.approx(20000)
    assert any("must-include device iabp costs €60,000 capex per unit" in m and "drop it from must_include" in m
               for m in english(diag))


def test_structural_floor_no_device_at_the_site():
    inputs, diag = run(indications={"complex_pci": {"min_coverage": 0.2}})
    assert names(diag.relaxations) == {"coverage_floor_s1_complex_pci"}
    assert diag.structural and "no usable device at this site serves it" in str(diag.structural[0])
    assert any("cannot be met" in m and "lower the floor to 0%" in m for m in english(diag))
    assert diagnose(inputs) == diag.messages


def test_two_floors_together_exceed_the_budget():
    """The wire (10,000) and the pump (48,000) each fit a 50,000 budget, not both: raising the budget by 8,000
    is the smallest relaxation, and dropping either floor is a way out too."""
    _, diag = run(installed={}, budget={"capex_eur": 50000}, exclude=["iabp"],
                  indications={"cardiogenic_shock": {"min_coverage": 0.8}})
    assert names(diag.relaxations) == {"capex_budget"} and diag.relaxations[0].amount == pytest.approx(8000)
    assert names(diag.single_fixes) == {"capex_budget", "coverage_floor_s1_cardiogenic_shock",
                                        "coverage_floor_s1_intermediate_stenosis"}
    culprits = [m for m in english(diag) if "raise the capital budget by €8,000 or lower the floor to 0%" in m]
    assert len(culprits) == 2


def test_make_plan_and_cli_report_the_diagnosis(capsys):
    scenario = load_scenario(DECISION / "shock_floor_infeasible.yaml")
    plan = make_plan(load_catalog(scenario.catalog_path()), scenario)
    assert plan.status == "infeasible"
    assert any("raise the capital budget by €40,000 or lower the floor to 0%" in d for d in map(str, plan.diagnosis))
    assert main(["solve", str(DECISION / "shock_floor_infeasible.yaml")]) == 1
    assert "raise the capital budget by €40,000 or lower the floor to 0%" in capsys.readouterr().out

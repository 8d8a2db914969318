"""One home per limit: the diagnosis builds the model with the same builders (soft switch), the plan's
budget view reads the same limits, and a blank yearly envelope has no ceiling."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, make_plan
from planner.diagnose import build_elastic, relaxable
from planner.inputs import prepare
from planner.model import build_model
from planner.scenario import load_scenario
from tests.builders import make_catalog, make_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _rows(prob):
    return {c.name: ({v.name: a for v, a in c.items()}, c.constant, c.sense) for c in prob.constraints()}


@pytest.mark.parametrize("name", ["general_hospital.yaml", "university_hospital_ppi_2027_2031.yaml"])
def test_the_elastic_model_is_the_model_with_slacks_on_the_limits_it_relaxes(name):
    inputs = prepare(load_catalog(), load_scenario(EXAMPLES / name))
    model = _rows(build_model(inputs).prob)
    assert _rows(build_elastic(inputs, ()).built.prob) == model  # nothing soft: the very same rows
    soft = relaxable(inputs)
    elastic = build_elastic(inputs, soft)
    assert set(elastic.slacks) == set(soft)
    rows = _rows(elastic.built.prob)
    assert set(rows) == set(model)
    for row, (coefs, constant, sense) in rows.items():
        mine = {v: a for v, a in coefs.items() if not v.startswith("slack_")}
        assert (mine, constant, sense) == model[row], row
        slacks = [v for v in coefs if v.startswith("slack_")]
        family = row if row in soft else row.rsplit("_", 1)[0]  # multi-year floors: one slack for every year
        assert slacks == ([f"slack_{family}"] if family in soft else []), row


def test_a_blank_envelope_with_carry_over_has_no_ceiling():
    """Demand 100, 125, 156 cases (PCI +25 %/year) must be served in full by 60-case units at 15 k each: 2 units
    in 2027, a third in 2028. Envelopes 2027: 30 k, 2028: blank, 2029: 0, carried over. The 2028 purchase
    counts against no envelope; read as 0, the blank year would put 45 k against the 30 k cumulated in 2029."""
    cat = make_catalog([{"id": "a", "capex_eur": 15000, "capacity_cases_per_year": 60}],
                       [{"id": "k1", "base_activity": "pci", "default_share": 0.1, "default_min_coverage": 1.0}],
                       [("a", "k1", 1.0)])
    sc = make_scenario(horizon_years=3, start_year=2027, activity_growth={"pci": 0.25},
                       budget={"capex_eur_by_year": {2027: 30000, 2029: 0}, "carry_over": True})
    plan = make_plan(cat, sc)
    assert plan.status == "optimal"
    bought = {(a.year, a.device_id): a.units_new for a in plan.acquisitions if a.units_new}
    assert bought == {(2027, "a"): 2, (2028, "a"): 1}
    uses = {b.name: (b.limit_eur, b.used_eur) for b in plan.budgets}
    assert uses["capex_2027"] == (30000, 30000) and uses["capex_2029"] == (30000, 30000)
    assert "capex_2028" not in uses


@pytest.mark.slow
def test_the_plan_budget_view_reads_the_model_limits():
    sc = load_scenario(EXAMPLES / "university_hospital_ppi_2027_2031.yaml")
    plan = make_plan(load_catalog(), sc)
    envelopes = sc.budget.capex_eur_by_year
    cumulated = 0.0
    for year in sorted(envelopes):
        cumulated += envelopes[year]
        use = next(b for b in plan.budgets if b.name == f"capex_{year}")
        assert use.limit_eur == pytest.approx(cumulated)
        assert use.used_eur <= use.limit_eur + 1e-6
    tight = dataclasses.replace(sc, budget=dataclasses.replace(sc.budget, opex_eur_per_year=1000))
    assert make_plan(load_catalog(), tight).status == "infeasible"

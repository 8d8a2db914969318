"""Why / why not: every reason produced by a scenario built to trigger it; chosen devices; binding constraints."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario
from planner.decision.explain import (
    STRUCTURAL_RULES,
    ReasonCode,
    WhyNot,
    explain_plan,
)
from planner.scenario import IndicationOverride
from tests.builders import make_catalog, make_scenario

DECISION = Path(__file__).resolve().parents[2] / "tests" / "data" / "catalog_decision"


@pytest.fixture(scope="module")
def why_not():
    scenario = load_scenario(DECISION / "why_not.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, explain_plan(catalog, scenario)


EXPECTED = {
    "wire_dear": ReasonCode.DOMINATED,
    "old_os_console": ReasonCode.EXCLUDED_SECURITY,
    "base_console": ReasonCode.EXCLUDED_BY_USER,
    "oct_excluded": ReasonCode.EXCLUDED_BY_USER,
    "imr_option": ReasonCode.REQUIRES_ABSENT,
    "ivus_philips": ReasonCode.INCOMPATIBLE_ANGIO,
    "hrpci_pump": ReasonCode.NO_DEMAND,
    "shock_pump": ReasonCode.NOT_AFFORDABLE,
}


def test_every_reason_is_triggered_by_its_device(why_not):
    _, _, expl = why_not
    assert expl.status == "optimal"
    assert {d: r for (_s, d), r in expl.reasons().items()} == EXPECTED
    assert {c.device_id for c in expl.chosen} == {"wire_cheap", "ivus_any"}


@pytest.mark.parametrize(("device", "words"), [
    ("wire_dear", "wire_cheap"),
    ("old_os_console", "operating system Windows 7 out of vendor support since 2015-01-14"),
    ("imr_option", "base_console"),
    ("ivus_philips", "Siemens Healthineers"),
    ("hrpci_pump", "high_risk_pci"),
    ("shock_pump", "€80,000 more capital"),
])
def test_reasons_say_why_in_words(why_not, device, words):
    _, _, expl = why_not
    assert words in str(next(w.text for w in expl.not_chosen if w.device_id == device))


def test_not_affordable_gives_benefit_and_extra_budget(why_not):
    _, _, expl = why_not
    pump = next(w for w in expl.not_chosen if w.device_id == "shock_pump")
    # 5 shock cases x weight 5 ; 100,000 capex against the 20,000 left of 50,000
    assert pump.benefit_gain == pytest.approx(25.0, abs=0.01)  # phase 2 may give up 1e-6 of the total
    assert pump.extra_capex_eur == pytest.approx(80000)
    assert pump.extra_opex_eur_per_year == 0


def test_dominated_names_the_better_device(why_not):
    _, _, expl = why_not
    assert next(w for w in expl.not_chosen if w.device_id == "wire_dear").alternatives == ("wire_cheap",)


def test_chosen_devices_cases_costs_and_loss(why_not):
    _, _, expl = why_not
    ivus = next(c for c in expl.chosen if c.device_id == "ivus_any")
    assert [(c.indication_id, c.cases_per_year) for c in ivus.cases] == [
        ("complex_pci", pytest.approx(150.0, abs=0.01))]
    assert ivus.benefit == pytest.approx(600.0, abs=0.01)
    assert ivus.capex_eur == 20000 and ivus.consumables_eur_per_year == pytest.approx(30000, abs=1)
    assert ivus.annualised_eur_per_year == pytest.approx(2000 + 30000, abs=1)
    assert ivus.feasible_without and ivus.benefit_loss_without == pytest.approx(600.0, abs=0.01)
    wire = next(c for c in expl.chosen if c.device_id == "wire_cheap")
    assert wire.benefit_loss_without == pytest.approx(0.0, abs=1e-3) and wire.replaced_by == ("wire_dear",)


def test_explanation_to_dict_is_json(why_not):
    _, _, expl = why_not
    data = json.loads(json.dumps(expl.to_dict()))
    assert data["not_chosen"][0]["reason"] in {r.value for r in ReasonCode}


def test_extension_point_a_new_rule_comes_first(why_not):
    catalog, scenario, _ = why_not

    def rule_policy(ctx, site, dev):
        if dev.family == "impella":
            return WhyNot(site.id, dev.id, ReasonCode.UNAVAILABLE, "hospital policy: no MCS at this site")
        return None

    expl = explain_plan(catalog, scenario, rules=(rule_policy, *STRUCTURAL_RULES))
    assert expl.reasons()[("main", "shock_pump")] == ReasonCode.UNAVAILABLE
    assert expl.reasons()[("main", "wire_dear")] == ReasonCode.DOMINATED


def test_infeasible_explanation_has_the_diagnosis():
    scenario = load_scenario(DECISION / "shock_floor_infeasible.yaml")
    expl = explain_plan(load_catalog(scenario.catalog_path()), scenario)
    assert expl.status == "infeasible" and expl.benefit is None
    assert any("raise the capital budget by €40,000" in str(d) for d in expl.diagnosis)


def binding_case():
    devices = [
        {"id": "console", "capex_eur": 20000, "capacity_cases_per_year": 50},
        {"id": "option", "family": "microcirculation", "capex_eur": 10000, "requires": "console"},
        {"id": "module", "family": "ivus", "capex_eur": 10000, "deployment": "per_room"},
    ]
    inds = [{"id": "k1", "default_weight": 2, "default_min_coverage": 0.3},
            {"id": "k2", "default_weight": 1}, {"id": "k3", "default_weight": 1.5}]
    cov = [("console", "k1", 1.0), ("option", "k2", 1.0), ("module", "k3", 1.0)]
    scenario = make_scenario(sites=[{"rooms": 2}], budget={"capex_eur": 50000})
    return make_catalog(devices, inds, cov), scenario


def test_binding_constraints_in_words():
    """pci 1000 x 0.1 = 100 cases per indication. console (cap 50) serves k1 at full capacity; the k1 floor
    of 30 % is met with room to spare; capex 20 + 10 + 2 x 10 = 50 kEUR = the budget."""
    catalog, scenario = binding_case()
    expl = explain_plan(catalog, scenario)
    assert {b.family for b in expl.binding} == {"capex_budget", "capacity", "per_room", "requires"}
    text = " | ".join(str(b.text) for b in expl.binding)
    assert "capital budget used to the euro: €50,000 of €50,000" in text
    assert "console at full capacity (50 cases/year on 1 unit(s)) (s1)" in text
    assert "module is per-room: it equips all 2 rooms (s1)" in text
    assert "option is usable only with console, which the plan keeps (s1)" in text


def test_binding_floor():
    catalog, scenario = binding_case()
    tight = dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, capex_eur=20000),
                                indications={"k1": IndicationOverride(min_coverage=0.5)})
    binding = {b.constraint: str(b.text) for b in explain_plan(catalog, tight).binding}
    assert "only the required 50.0 cases/year are served" in binding["coverage_floor_s1_k1"]


def test_binding_must_include():
    """A (weight 1) and P (weight 0.1) serve 100 cases each and cost 10,000 EUR; the budget buys one. P is a
    must-include device: without that rule the plan would take A and gain 90 weighted cases/year."""
    catalog = make_catalog([{"id": "a"}, {"id": "p"}], [{"id": "ka"}, {"id": "kp", "default_weight": 0.1}],
                           [("a", "ka", 1.0), ("p", "kp", 1.0)])
    expl = explain_plan(catalog, make_scenario(budget={"capex_eur": 10000}, must_include=["p"]))
    binding = {b.constraint: str(b.text) for b in expl.binding}
    assert "without it the plan would avoid 90.0 more weighted events/year" in binding["must_include_p"]
    p = next(c for c in expl.chosen if c.device_id == "p")
    assert not p.feasible_without and "indispensable" in str(p.text)

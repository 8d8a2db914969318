"""Clinical needs page: demand (derived or entered), multiplier, minimum coverage, required equipment, the role
an indication needs, the devices' class, level, evidence and value; the outcome severity weights."""

from __future__ import annotations

import pytest

from planner import load_catalog
from tests.app.conftest import errors, goto, scenario
from ui import edits
from ui.i18n import Translator
from ui.tables import indication_order
from ui.views import state

FR = Translator("fr")
EN = Translator("en")


def test_one_row_per_indication_with_derived_demand(at):
    goto(at, "needs")
    sc = scenario(at)
    cag = sc.sites[0].activity["cag"] - sc.sites[0].activity["stemi"]  # chronic and NSTE-ACS angiographies
    assert at.number_input(key="in.need.intermediate_stenosis.demand.main").value == pytest.approx(cag * 0.10)
    default = load_catalog().indications["intermediate_stenosis"].default_weight
    assert at.number_input(key="in.need.intermediate_stenosis.weight").value == default
    assert at.number_input(key="in.need.intermediate_stenosis.weight").label == FR("needs.multiplier")
    assert at.slider(key="in.need.intermediate_stenosis.floor").value == 50
    captions = "\n".join(c.value for c in at.caption)
    assert "Calculée : 10,0\u00a0% × Coronarographies hors SCA ST+" in captions


def test_weight_and_floor_become_scenario_overrides(at):
    goto(at, "needs")
    at.number_input(key="in.need.complex_pci.weight").set_value(6.5).run()
    at.slider(key="in.need.complex_pci.floor").set_value(35).run()
    override = scenario(at).indications["complex_pci"]
    assert (override.weight, override.min_coverage, override.share) == (6.5, 0.35, None)
    assert at.session_state["plan_stale"] is True
    assert "anoca" not in scenario(at).indications  # untouched rows add no override


@pytest.mark.slow
def test_demand_can_be_entered_per_site_and_reset(at):
    goto(at, "needs")
    at.number_input(key="in.need.calcified_lesion.demand.main").set_value(120.0).run()
    assert dict(scenario(at).sites[0].volumes) == {"calcified_lesion": 120.0}
    assert "Volume saisi" in "\n".join(c.value for c in at.caption)
    goto(at, "scenario")
    at.number_input(key="in.site.0.act.pci").set_value(2000).run()  # activity no longer drives this demand
    goto(at, "needs")
    assert at.number_input(key="in.need.calcified_lesion.demand.main").value == 120.0
    assert at.number_input(key="in.need.complex_pci.demand.main").value == 2000 * 0.3
    at.button(key="ui.reset_volumes").click().run()
    assert dict(scenario(at).sites[0].volumes) == {}
    assert at.number_input(key="in.need.calcified_lesion.demand.main").value == 2000 * 0.055


@pytest.mark.slow
def test_blank_demand_is_rejected_with_its_field(at):
    goto(at, "needs")
    before = scenario(at).to_json()
    at.number_input(key="in.need.anoca.demand.main").set_value(None).run()
    assert "Site 1 — Demande (cas/an) — ANOCA/INOCA" in errors(at)
    assert FR("in.number") in errors(at)
    assert scenario(at).to_json() == before


@pytest.mark.slow
def test_demand_per_site_for_two_sites(at):
    at.selectbox(key="ui.example").set_value("university_hospital").run()
    at.button(key="ui.load").click().run()
    goto(at, "needs")
    assert at.number_input(key="in.need.cardiogenic_shock.demand.nord").value == 20  # a direct volume
    assert "nord" in at.number_input(key="in.need.cardiogenic_shock.demand.nord").label.lower()
    at.number_input(key="in.need.anoca.demand.sud").set_value(99.0).run()
    assert scenario(at).sites[1].volumes["anoca"] == 99.0
    assert "anoca" not in scenario(at).sites[0].volumes


def test_class_level_strategy_evidence_and_value_of_each_device_beside_the_row(at):
    goto(at, "needs")
    order = indication_order(load_catalog())  # one table per row, in the page's order
    tables = dict(zip(order, (d.value for d in at.dataframe), strict=False))
    table = tables["intermediate_stenosis"]
    assert list(table.columns) == [FR("col.recommendation"), "Équipement", FR("col.value_per_100"),
                                   FR("col.strategy"), FR("col.evidence"), FR("col.family")]
    assert any(r.startswith("I") for r in table[FR("col.recommendation")])
    assert "Guide PressureWire X (FFR/RFR) sur console Quantien / CoroFlow" in set(table["Équipement"])
    shock = tables["cardiogenic_shock"]
    classes = [r.split(" ")[0] for r in shock["Classe et niveau ESC"]]
    assert classes == sorted(classes, key=["I", "IIa", "IIb", "III", "aucune"].index)


def test_required_switch_and_role_needed(at):
    goto(at, "needs")
    act = at.toggle(key="in.need.anticoagulation_monitoring.required")
    assert act.label == FR("needs.required")
    at.toggle(key="in.need.complex_pci.required").set_value(True).run()
    assert scenario(at).indications["complex_pci"].required is True
    captions = "\n".join(c.value for c in at.caption)
    assert "Rôle requis : centre de choc cardiogénique" in captions
    at.radio(key="ui.lang").set_value("en").run()
    assert at.toggle(key="in.need.complex_pci.required").label == EN("needs.required")
    assert at.toggle(key="in.need.complex_pci.required").value is True


def test_outcome_severity_weights_are_edited_and_reset(at):
    catalog = load_catalog()
    goto(at, "needs")
    assert at.subheader[-1].value == FR("needs.weights")
    if not catalog.outcomes:
        pytest.skip("the bundled catalogue has no outcomes yet")
    outcome = next(o for o in catalog.outcomes if o != "death")
    at.session_state[state.SCENARIO] = edits.checked({**scenario(at).to_dict(), "outcome_weights": {outcome: 0.05}},
                                                     catalog)
    at.run()
    assert not at.exception
    editor = at.data_editor[0].value
    assert editor.loc[outcome, "severity"] == 0.05
    assert editor.loc[outcome, "default_severity"] == catalog.outcomes[outcome].default_severity
    at.button(key="ui.reset_weights").click().run()
    assert dict(scenario(at).outcome_weights) == {}

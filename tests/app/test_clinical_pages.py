"""The clinical value in the app: site roles on the Scenario page, the cardiologist's view of the plan (value
with its range, coverage, patients not covered and referred, events by outcome, alerts in words, what changed
since the previous plan), the evidence on the About page and on a device's card, budget priorities."""

from __future__ import annotations

import pytest

from planner import load_catalog, make_plan
from planner.schema import ROLES
from tests.app.conftest import goto, optimise, plan, scenario
from ui import clinical
from ui.i18n import Translator
from ui.views import state

CATALOG = load_catalog()
FR, EN = Translator("fr"), Translator("en")


def _university(at):
    at.selectbox(key="ui.example").set_value("university_hospital").run()
    at.button(key="ui.load").click().run()
    assert not at.exception


# ---------------------------------------------------------------- scenario: roles


def test_site_roles_in_words_are_saved_into_the_scenario(at):
    roles = at.multiselect(key="in.site.0.roles")
    assert roles.label == FR("sc.roles") and roles.value == []
    assert set(roles.options) == {clinical.role_option(FR, r) for r in ROLES}
    roles.select("shock_centre").run()
    assert scenario(at).sites[0].roles == ("shock_centre",)
    assert at.session_state[state.STALE] is True
    assert "roles" in scenario(at).to_dict()["sites"][0]
    at.radio(key="ui.lang").set_value("en").run()
    assert at.multiselect(key="in.site.0.roles").label == EN("sc.roles")
    assert at.multiselect(key="in.site.0.roles").value == ["shock_centre"]
    at.multiselect(key="in.site.0.roles").unselect("shock_centre").run()
    assert scenario(at).sites[0].roles == () and "roles" not in scenario(at).to_dict()["sites"][0]


def test_roles_of_a_loaded_example_are_shown(at):
    _university(at)
    assert at.multiselect(key="in.site.0.roles").value == list(scenario(at).sites[0].roles)
    assert at.multiselect(key="in.site.1.roles").value == []


# ---------------------------------------------------------------- plan: cardiologist view


def test_value_metric_range_cost_per_event_and_clinical_table(at):
    optimise(at)
    p = plan(at)
    metric = at.metric[0]
    assert metric.label == FR("plan.benefit") == "Événements pondérés évités par an"
    assert metric.value == FR.num(p.benefit, 2)
    caption = "\n".join(c.value for c in at.caption)
    assert FR("value.cost_per_event") in caption and "Un décès évité compte 1" in caption
    if p.benefit_low is not None:
        assert FR("value.range", low=FR.num(p.benefit_low, 2), high=FR.num(p.benefit_high, 2)) in caption
    table = next(d.value for d in at.dataframe if FR("col.not_covered") in d.value.columns)
    assert list(table.columns) == ["Indication", "Demande (cas/an)", FR("col.coverage_pct"), FR("col.not_covered"),
                                   FR("col.referred"), FR("col.role_needed"), "Événements pondérés évités/an",
                                   FR("col.events_range"), FR("col.required")]
    assert len(table) == len({(c.site_id, c.indication_id) for c in p.coverage})
    assert FR("plan.clinical") in [s.value for s in at.subheader]


def test_referred_cases_and_alerts_in_words_at_a_site_without_roles(at):
    optimise(at)
    p = plan(at)
    referred = [c for c in p.coverage if c.referred_cases > 0]
    if not referred:
        pytest.skip("the general hospital refers no case with this catalogue")
    table = next(d.value for d in at.dataframe if FR("col.referred") in d.value.columns)
    row = table[table["Indication"] == CATALOG.indications[referred[0].indication_id].name_fr].iloc[0]
    assert row[FR("col.role_needed")] == clinical.role_name(FR, referred[0].required_role)
    warning = "\n".join(w.value for w in at.warning)
    assert "Alertes cliniques" in warning and "à adresser" in warning
    assert "main" not in warning.split("**Alertes cliniques**")[1]  # the site by its name, never its id


def test_events_by_outcome(at):
    optimise(at)
    p = plan(at)
    if not any(abs(o.events_avoided) > 1e-6 for o in p.outcomes):
        pytest.skip("no event avoided with this catalogue")
    table = next(d.value for d in at.dataframe if FR("col.outcome") in d.value.columns)
    assert set(table[FR("col.outcome")]) <= {o.name_fr for o in CATALOG.outcomes.values()}


def test_what_changed_after_a_multiplier_changes_and_the_plan_is_optimised_again(at):
    optimise(at)
    first = plan(at)
    assert state.PREVIOUS in at.session_state and at.session_state[state.PREVIOUS] is None
    goto(at, "needs")
    at.number_input(key="in.need.cardiogenic_shock.weight").set_value(0.0).run()
    at.slider(key="in.need.cardiogenic_shock.floor").set_value(0).run()
    at.number_input(key="in.need.intermediate_stenosis.weight").set_value(5.0).run()
    optimise(at)
    assert at.session_state[state.PREVIOUS] is first
    second = plan(at)
    diff = clinical.plan_changes(first, second)
    expanders = [e.label for e in at.expander]
    assert FR("plan.changes") in expanders
    assert not diff.empty and diff.indications
    text = "\n".join(m.value for m in at.markdown)
    assert f"Événements pondérés évités par an : {FR.num(first.benefit, 2)} → {FR.num(second.benefit, 2)}" in text
    changes = next(d.value for d in at.dataframe if FR("col.coverage_before") in d.value.columns)
    assert len(changes) == len(diff.indications)
    at.button(key="ui.optimise").click().run()  # the same inputs again: the previous plan stays
    assert at.session_state[state.PREVIOUS] is first


def test_the_same_view_in_english(at):
    optimise(at)
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    assert at.metric[0].label == "Weighted events avoided per year"
    assert EN("plan.clinical") in [s.value for s in at.subheader]
    assert any(EN("col.not_covered") in d.value.columns for d in at.dataframe)


def test_university_hospital_alerts_name_devices_and_sites(at):
    _university(at)
    optimise(at)
    p = plan(at)
    sites = {s["id"]: s["name"] for s in p.scenario["sites"]}
    expected = [clinical.alert_text(a, CATALOG, FR, sites) for a in p.alerts]
    warning = "\n".join(w.value for w in at.warning)
    assert all(line in warning for line in expected)


# ---------------------------------------------------------------- about, catalogue card, decisions


def test_about_page_shows_the_evidence_table_and_the_outcome_weights(at):
    goto(at, "about")
    headers = [s.value for s in at.subheader]
    assert FR("about.value") in headers
    evidence = next(d.value for d in at.dataframe if FR("col.citation") in d.value.columns)
    assert len(evidence) == len(CATALOG.evidence)
    assert list(evidence.columns) == [FR("col.citation"), "Année", FR("col.design"), FR("col.population"),
                                      FR("col.outcome"),
                                      FR("col.effect"), FR("col.rates"), FR("col.reliability"), FR("col.notes")]
    weights = next(d.value for d in at.dataframe if FR("col.default_severity") in d.value.columns)
    assert len(weights) == len(CATALOG.outcomes)


def test_device_card_cites_the_studies_behind_it(at):
    goto(at, "catalog")
    device = next(c.device_id for c in CATALOG.coverage if c.evidence_ids)
    at.selectbox(key="ui.cat.card").set_value(device).run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    row = next(c for c in CATALOG.coverage if c.device_id == device and c.evidence_ids)
    ev = CATALOG.evidence[row.evidence_ids[0]]
    assert f"{ev.citation} ({ev.year})" in text
    assert clinical.recommendation(FR, row.guideline_class, row.evidence_level) in text


def test_budget_priorities_carry_class_and_level():
    from planner.decision.ladder import budget_ladder
    from ui import decision_tables, edits

    sc = edits.load_example("general_hospital")
    ladder = budget_ladder(CATALOG, sc, steps=4)
    tiers = decision_tables.ladder_tiers(ladder, CATALOG, FR, {"main": "main"})
    assert set(tiers["tier"]) <= {f"Priorité budgétaire {n}" for n in (1, 2, 3)}
    for device, rec in zip(tiers["device"], tiers["recommendation"], strict=True):
        dev_id = next(d for d, x in CATALOG.devices.items() if x.label("fr") == device)
        assert rec == clinical.device_recommendations(CATALOG, dev_id, FR)
    assert make_plan(CATALOG, sc).has_solution

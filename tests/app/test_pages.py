"""Every page renders; the language switch translates and keeps every input; page switches lose nothing."""

from __future__ import annotations

import pytest

from planner import load_catalog
from tests.app.conftest import PAGES, goto, scenario
from ui import edits
from ui.i18n import Translator
from ui.views import state

EN = Translator("en")

TITLES = {"scenario": ("Scénario", "Scenario"), "needs": ("Besoins cliniques", "Clinical needs"),
          "catalog": ("Catalogue", "Catalogue"), "plan": ("Plan d'équipement", "Equipment plan"),
          "decisions": ("Aide à la décision", "Decision support"),
          "compare": ("Comparer des scénarios", "Compare scenarios"),
          "robustness": ("Robustesse du plan", "How robust is the plan"),
          "about": ("À propos et données", "About and data")}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_french_then_english(at, page):
    goto(at, page)
    assert at.title[0].value == TITLES[page][0]
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == TITLES[page][1]


def test_french_is_the_default_with_the_general_hospital_example(at):
    assert at.session_state["lang"] == "fr"
    assert at.radio(key="ui.lang").value == "fr"
    assert scenario(at).name == "Centre hospitalier 2027"
    assert at.text_input(key="in.name").value == "Centre hospitalier 2027"
    assert at.number_input(key="in.budget.capex").label == "Budget d'investissement (€)"


def test_language_switch_keeps_what_was_typed(at):
    at.number_input(key="in.budget.capex").set_value(123_456).run()
    at.text_input(key="in.name").set_value("Mon scénario").run()
    at.number_input(key="in.site.0.rooms").set_value(3).run()
    before = scenario(at).to_json()

    at.radio(key="ui.lang").set_value("en").run()
    assert not at.exception
    assert at.number_input(key="in.budget.capex").label == "Capital budget (€)"
    assert at.number_input(key="in.budget.capex").value == 123_456
    assert at.text_input(key="in.name").value == "Mon scénario"
    assert at.number_input(key="in.site.0.rooms").value == 3
    assert scenario(at).to_json() == before

    at.radio(key="ui.lang").set_value("fr").run()
    assert at.number_input(key="in.budget.capex").value == 123_456
    assert scenario(at).to_json() == before


@pytest.mark.slow
def test_indication_names_follow_the_language(at):
    catalog = load_catalog()
    goto(at, "needs")
    text = "\n".join(m.value for m in at.markdown)
    assert all(ind.name_fr in text for ind in catalog.indications.values())
    at.radio(key="ui.lang").set_value("en").run()
    text = "\n".join(m.value for m in at.markdown)
    assert all(ind.name_en in text for ind in catalog.indications.values())
    assert at.number_input(key="in.need.complex_pci.weight").label == EN("needs.multiplier")


def test_nothing_is_lost_when_switching_pages(at):
    at.number_input(key="in.budget.opex").set_value(250_000).run()
    goto(at, "needs")
    at.number_input(key="in.need.complex_pci.weight").set_value(7.5).run()
    for page in ("catalog", "plan", "about", "scenario"):
        goto(at, page)
    assert at.number_input(key="in.budget.opex").value == 250_000
    goto(at, "needs")
    assert at.number_input(key="in.need.complex_pci.weight").value == 7.5
    assert scenario(at).budget.opex_eur_per_year == 250_000
    assert scenario(at).indications["complex_pci"].weight == 7.5


def test_session_state_holds_only_the_declared_keys(at):
    for page in PAGES:
        goto(at, page)
    keys = set(at.session_state.keys())
    declared = {state.SCENARIO, state.PLAN, state.PREVIOUS, state.LANG, state.STALE, state.NOTICE, state.REQUESTS,
                state.EXTENSION}
    assert declared <= keys
    assert all(k.startswith((state.INPUT, state.UI)) for k in keys - declared)


@pytest.mark.slow
def test_a_multi_year_scenario_survives_every_page(at):
    """The multi-year fields have inputs on the Scenario page: visiting the pages must not change them."""
    at.selectbox(key="ui.example").set_value("university_hospital_ppi_2027_2031").run()
    at.button(key="ui.load").click().run()
    before = scenario(at).to_json()
    assert scenario(at).horizon_years == 5
    for page in PAGES:
        if page != "plan":
            goto(at, page)
    goto(at, "scenario")
    assert not at.error
    assert scenario(at).to_json() == before


@pytest.mark.parametrize("example", ["general_hospital", "university_hospital"])
def test_one_year_examples_survive_every_page_unchanged(at, example):
    """The horizon section and the acquisition-year inputs leave a one-year scenario exactly as loaded."""
    at.selectbox(key="ui.example").set_value(example).run()
    at.button(key="ui.load").click().run()
    loaded = edits.load_example(example)
    assert scenario(at).to_json() == loaded.to_json()
    for page in (*PAGES, "scenario"):
        goto(at, page)
    at.radio(key="ui.lang").set_value("en").run()
    assert not at.error and not at.exception
    assert scenario(at).to_json() == loaded.to_json()
    assert scenario(at).horizon_years == 1 and scenario(at).acquisition_modes == ("purchase",)

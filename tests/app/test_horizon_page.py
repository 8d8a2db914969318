"""Multi-year plans in the app (issue 6): the horizon section of the Scenario page, and the Plan page of a
multi-year plan (schedule, retirements, costs by year, spend against the envelope, TCO, coverage by year)."""

from __future__ import annotations

import time

import pytest

from planner import load_catalog
from tests.app.conftest import APP, APP_TIMEOUT_S, charts, errors, goto, optimise, plan, scenario, table
from ui.i18n import Translator
from ui.views import cached

PPI = "university_hospital_ppi_2027_2031"
CATALOG = load_catalog()
FR, EN = Translator("fr"), Translator("en")


def _load(at, example: str):
    at.selectbox(key="ui.example").set_value(example).run()
    at.button(key="ui.load").click().run()
    assert not at.exception, at.exception
    return at


def _envelope_edit(at, row: int, **cells: float):
    """Edit the yearly envelope editor the way the browser does (edit state on the widget key)."""
    editor = next(e for e in at.data_editor if e.key.startswith("in.hz.envelopes."))
    at.session_state[editor.key] = {"edited_rows": {row: cells}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def ppi(at):
    """The app on the Plan page with the optimised 2027-2031 example."""
    _load(at, PPI)
    return optimise(at)


# ---------------------------------------------------------------- Plan page of a multi-year plan


def test_headline_metrics_over_the_horizon(ppi):
    p = plan(ppi)
    assert p.years == (2027, 2028, 2029, 2030, 2031)
    metrics = {m.label: m.value for m in ppi.metric}
    assert metrics["Horizon (5 ans)"] == "2027–2031"
    assert metrics[FR("hz.capex_total")] == FR.eur(p.costs.capex_eur)
    assert metrics[FR("hz.opex_avg")] == FR.eur(p.costs.opex_eur_per_year)
    assert metrics[FR("hz.tco")] == FR.eur(p.costs.tco_eur)
    assert metrics[FR("hz.tco_year")] == FR.eur(p.costs.annualised_eur_per_year)
    assert metrics["Valeur résiduelle fin 2031"] == FR.eur(p.costs.residual_value_eur)
    assert "Configuration type en 2031 (dernière année), salle par salle" in [h.value for h in ppi.subheader]


def test_procurement_schedule_lists_every_acquisition_by_year_and_mode(ppi):
    p = plan(ppi)
    new = [a for a in p.acquisitions if a.units_new > 0]
    schedule = table(ppi, "Remplace")
    assert list(schedule.columns) == ["Année", "Site", "Équipement", FR("col.mode"), FR("col.units"), "Investissement",
                                      FR("col.replaces")]
    assert len(schedule) == len(new)
    assert schedule[FR("col.units")].sum() == sum(a.units_new for a in new)
    assert list(schedule["Année"]) == sorted(str(a.year) for a in new)
    assert set(schedule[FR("col.mode")]) <= {"achat", "location (5 ans)", FR("mode.placement")}
    assert "achat" in set(schedule[FR("col.mode")])
    assert (schedule[FR("col.replaces")] != "").sum() == sum(a.replaces is not None for a in new)
    assert schedule[FR("col.replaces")].str.contains(r"\(fin de vie 2027\)").any()
    assert set(schedule["Investissement"]) == {FR.eur(a.capex_eur) for a in new}


def test_retirements_say_what_replaces_each_unit_or_that_none_does(ppi):
    p = plan(ppi)
    retired = table(ppi, "Remplacé par")
    assert len(retired) == len(p.retirements)
    dropped = [r for r in p.retirements if not r.replaced_by]
    assert (retired[FR("col.replaced_by")] == "non remplacé").sum() == len(dropped)
    assert list(retired[FR("col.retire_year")]) == sorted(str(r.year) for r in p.retirements)


def test_spend_by_year_against_the_cumulative_envelope(ppi):
    p = plan(ppi)
    spend = charts(ppi)["ui.chart.spend"]
    years = [str(y) for y in p.years]
    traces = {tr["name"]: tr for tr in spend["data"]}
    capex, running = traces["Investissement"], traces["Fonctionnement (maintenance, loyers, consommables)"]
    assert capex["type"] == running["type"] == "bar"
    assert capex["x"] == running["x"] == years
    assert capex["y"] == pytest.approx([y.capex_eur for y in p.costs_by_year])
    assert running["y"] == pytest.approx([y.opex_eur for y in p.costs_by_year])
    envelope = traces["Enveloppe d'investissement cumulée (report)"]  # carry_over: cumulative, and said so
    limits = {b.name: b.limit_eur for b in p.budgets}
    assert envelope["x"] == years
    assert envelope["y"] == [limits[f"capex_{y}"] for y in p.years] == [250_000, 400_000, 550_000, 700_000, 850_000]
    assert traces[FR("chart.capex_cum")]["y"][-1] == pytest.approx(p.costs.capex_eur)
    assert spend["layout"]["barmode"] == "stack"
    assert "cumulés depuis 2027" in "\n".join(c.value for c in ppi.caption)


def test_costs_by_year_and_cost_of_ownership_tables(ppi):
    p = plan(ppi)
    by_year = table(ppi, "Facteur d'actualisation")
    assert list(by_year["Année"]) == [*(str(y) for y in p.years), "Total"]
    assert by_year["Investissement"].iloc[-1] == FR.eur(p.costs.capex_eur)
    assert by_year[FR("col.lease")].iloc[0] == FR.eur(p.costs_by_year[0].lease_eur)
    assert FR("col.shortfall") not in by_year.columns  # no placement shortfall in this plan
    tco = table(ppi, "Coût de possession (VAN)")
    assert tco["Équipement"].iloc[-1] == "Total"
    assert tco[FR("col.tco")].iloc[-1] == FR.eur(p.costs.tco_eur)
    assert len(tco) - 1 == sum(d.tco_eur != 0 or d.capex_eur != 0 for d in p.tco_by_device)
    budgets = table(ppi, "Saturé")
    assert "Enveloppe d'investissement cumulée jusqu'à 2029" in set(budgets[FR("col.budget")])
    assert "Fonctionnement 2029" in set(budgets[FR("col.budget")])


def test_coverage_by_year_defaults_to_the_last_year(ppi):
    p = plan(ppi)
    slider = ppi.select_slider(key="ui.plan.year.2027_2031")
    assert slider.value == 2031

    def demand():
        chart = charts(ppi)["ui.chart.coverage"]
        return sorted(next(tr for tr in chart["data"] if tr["type"] == "scatter")["x"])

    assert demand() == pytest.approx(sorted(c.demand_cases for c in p.coverage if c.year == 2031))
    slider.set_value(2027).run()
    assert not ppi.exception
    assert demand() == pytest.approx(sorted(c.demand_cases for c in p.coverage if c.year == 2027))
    assert demand() != pytest.approx(sorted(c.demand_cases for c in p.coverage if c.year == 2031))  # PCI grows


def test_input_warnings_in_the_users_words(ppi):
    text = "\n".join(w.value for w in ppi.warning)
    assert "Avertissements sur les entrées" in text
    assert "Année d'acquisition (sites[0].installed.getinge_cardiosave_hybrid.acquisition_year)" in text
    assert "en fin de vie avant 2027 (durée de vie 10 ans)" in text


def test_multi_year_plan_in_english(ppi):
    p = plan(ppi)
    ppi.radio(key="ui.lang").set_value("en").run()
    assert not ppi.exception
    metrics = {m.label: m.value for m in ppi.metric}
    assert metrics[EN("hz.tco")] == EN.eur(p.costs.tco_eur)
    assert metrics[EN("hz.tco")].startswith("€")
    assert metrics["Horizon (5 years)"] == "2027–2031"
    schedule = table(ppi, "Replaces")
    assert {"purchase", "lease (5 years)"} <= set(schedule[FR("col.mode")])
    assert schedule[EN("col.replaces")].str.contains(r"\(end of life 2027\)").any()
    spend = charts(ppi)["ui.chart.spend"]
    assert spend["layout"]["separators"] == ".,"
    assert {tr["name"] for tr in spend["data"]} >= {"Capital", EN("chart.envelope_cum")}
    assert "not replaced" in set(table(ppi, EN("col.replaced_by"))[EN("col.replaced_by")])


def test_a_three_year_horizon_on_the_general_hospital(at):
    at.number_input(key="in.hz.years").set_value(3).run()
    assert not at.error
    assert scenario(at).horizon_years == 3
    assert scenario(at).years == (2027, 2028, 2029)
    optimise(at)
    p = plan(at)
    assert p.status == "optimal" and p.years == (2027, 2028, 2029)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Horizon (3 ans)"] == "2027–2029"
    assert metrics[FR("hz.tco")] == FR.eur(p.costs.tco_eur)
    schedule = table(at, "Remplace")
    assert "Site" not in schedule.columns  # one site
    assert len(schedule) == sum(a.units_new > 0 for a in p.acquisitions)
    spend = charts(at)["ui.chart.spend"]
    assert [tr["type"] for tr in spend["data"]] == ["bar", "bar"]  # no yearly envelope, no envelope line
    assert spend["data"][0]["x"] == ["2027", "2028", "2029"]
    assert FR("hz.no_retirement") in [c.value for c in at.caption]


# ---------------------------------------------------------------- Scenario page: the horizon section


def test_horizon_section_shows_the_multi_year_example(at):
    _load(at, PPI)
    assert at.number_input(key="in.hz.years").value == 5
    assert at.number_input(key="in.hz.start").value == 2027
    assert at.number_input(key="in.hz.discount").value == 3.0
    assert at.number_input(key="in.hz.esc.consumables").value == 1.5
    assert at.number_input(key="in.hz.growth.pci").value == 2.0
    assert at.toggle(key="in.hz.placement").value and at.toggle(key="in.hz.lease").value
    assert at.toggle(key="in.hz.carry").value
    editor = next(e for e in at.data_editor if e.key.startswith("in.hz.envelopes."))
    assert list(editor.value["year"]) == ["2027", "2028", "2029", "2030", "2031"]
    assert list(editor.value["capex"]) == [250_000, 150_000, 150_000, 150_000, 150_000]
    assert at.number_input(key="in.site.0.year.boston_avvigo_opticross").value == 2020
    assert at.number_input(key="in.site.0.units.werfen_hemochron_signature_elite").value == 2


def test_horizon_inputs_edit_the_scenario(at):
    at.number_input(key="in.hz.discount").set_value(4.0).run()
    at.number_input(key="in.hz.esc.consumables").set_value(1.5).run()
    at.number_input(key="in.hz.growth.pci").set_value(2.0).run()
    at.toggle(key="in.hz.placement").set_value(True).run()
    at.number_input(key="in.hz.years").set_value(2).run()
    _envelope_edit(at, 1, capex=120_000.0)
    at.toggle(key="in.hz.carry").set_value(True).run()
    assert not at.error
    sc = scenario(at)
    assert sc.discount_rate == 0.04
    assert dict(sc.price_escalation) == {"consumables": 0.015}  # only what changed
    assert dict(sc.activity_growth) == {"pci": 0.02}
    assert sc.acquisition_modes == ("purchase", "placement")
    assert dict(sc.budget.capex_eur_by_year) == {2028: 120_000.0}
    assert sc.budget.carry_over and sc.budget.capex_eur == 300_000  # the horizon-wide budget is kept
    at.toggle(key="in.hz.placement").set_value(False).run()
    assert scenario(at).acquisition_modes == ("purchase",)


@pytest.mark.slow
def test_installed_acquisition_year(at):
    key = "in.site.0.year.abbott_pressurewire_coroflow"
    assert at.number_input(key=key).value is None  # no year: the unit never retires
    at.number_input(key=key).set_value(2016).run()
    site = scenario(at).sites[0]
    assert dict(site.installed_year) == {"abbott_pressurewire_coroflow": 2016}
    assert dict(site.installed) == {"abbott_pressurewire_coroflow": 1}
    before = scenario(at).to_json()
    at.number_input(key=key).set_value(2030).run()  # after the first year: refused, field named
    text = errors(at)
    assert "Année d'acquisition (sites[0].installed.abbott_pressurewire_coroflow.acquisition_year)" in text
    assert "postérieure à la première année du plan (2027)" in text
    assert scenario(at).to_json() == before
    at.number_input(key=key).set_value(None).run()
    assert dict(scenario(at).sites[0].installed_year) == {}


@pytest.mark.slow
def test_a_negative_envelope_names_the_field_and_keeps_the_scenario(at):
    _load(at, PPI)
    before = scenario(at).to_json()
    _envelope_edit(at, 1, capex=-5.0)
    text = errors(at)
    assert "Entrée refusée, le scénario précédent est conservé" in text
    assert "Enveloppe d'investissement 2028 (budget.capex_eur_by_year.2028)" in text
    assert "`-5.0`" in text and "doit être ≥ 0" in text
    assert scenario(at).to_json() == before
    at.radio(key="ui.lang").set_value("en").run()
    assert "Capital envelope 2028 (budget.capex_eur_by_year.2028)" in errors(at)


def test_a_blank_first_year_is_refused_without_a_crash(at):
    before = scenario(at).to_json()
    at.number_input(key="in.hz.start").set_value(None).run()
    assert not at.exception
    assert "Première année (start_year)" in errors(at)
    assert scenario(at).to_json() == before


def test_multi_year_plan_solves_and_renders_quickly():
    """The 3-year general hospital: solve and render the Plan page (server time, a real solve)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S).run()
    at.number_input(key="in.hz.years").set_value(3).run()
    goto(at, "plan")
    cached.plan.clear()
    start = time.perf_counter()
    at.button(key="ui.optimise").click().run()
    elapsed = time.perf_counter() - start
    assert not at.exception
    assert plan(at).years == (2027, 2028, 2029)
    print(f"\nPlan page, 3-year general hospital, solve + render: {elapsed * 1000:.0f} ms server time")
    assert elapsed < 2.0



@pytest.mark.slow
def test_an_infeasible_multi_year_scenario_shows_the_diagnosis_and_the_ways_out(at):
    _load(at, PPI)
    at.number_input(key="in.budget.capex").set_value(0).run()
    at.number_input(key="in.budget.opex").set_value(1000).run()
    optimise(at)
    assert plan(at).status == "infeasible"
    assert "Statut : aucun plan possible" in errors(at)
    ways = "\n".join(i.value for i in at.info)
    assert "Plus petite modification qui donne un plan" in ways
    assert "relever le budget de fonctionnement 2027" in ways
    assert not at.metric

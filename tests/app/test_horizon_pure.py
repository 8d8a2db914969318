"""Pure helpers of the multi-year views (no running app): horizon edits, issue places, tables, the spend chart."""

from __future__ import annotations

import pytest

from planner import Plan, load_catalog, make_plan
from planner.errors import Issue
from planner.messages import Device, msg
from ui import charts, edits, tables_horizon
from ui.i18n import Translator
from ui.views.widgets import issue_line, place

CATALOG = load_catalog()
FR, EN = Translator("fr"), Translator("en")


@pytest.fixture(scope="module")
def ppi_plan():
    return make_plan(CATALOG, edits.load_example("university_hospital_ppi_2027_2031"))


# ---------------------------------------------------------------- edits


def test_rates_typed_as_percentages_round_trip_exactly():
    assert edits.pct(0.07) == 7.0 and edits.pct(None) == 0.0
    assert edits.rate(edits.pct(0.07), 0.07) == 0.07  # 0.07 * 100 / 100 != 0.07 in floats
    assert edits.rate(2.5, 0.07) == 0.025
    assert edits.rate(None, 0.07) == 0.0


def test_with_rates_writes_only_what_changed():
    old = {"pci": 0.02, "cardiogenic_shock": 0.05}
    assert edits.with_rates(old, {"cag": 0.0, "pci": 2.0, "stemi": None}) == old  # untouched: same dict
    assert edits.with_rates({}, {"capex": 0.0, "maintenance": None}) == {}  # a one-year scenario stays bare
    assert edits.with_rates(old, {"cag": 1.0, "pci": 0.0}) == {"cag": 0.01, "pci": 0.0, "cardiogenic_shock": 0.05}


def test_modes_always_include_purchase_in_the_planner_order():
    assert edits.with_modes(False, False) == ["purchase"]
    assert edits.with_modes(True, True) == ["purchase", "placement", "lease"]
    assert edits.with_modes(False, True) == ["purchase", "lease"]


def test_envelope_years_cover_the_horizon_and_every_envelope():
    data = {"start_year": 2027, "horizon_years": 3, "budget": {"capex_eur_by_year": {2035: 1.0}}}
    assert edits.envelope_years(data) == [2027, 2028, 2029, 2035]
    assert edits.envelope_years({**data, "start_year": None}) == [2035]  # blank first year: no crash


def test_with_envelopes_keeps_the_layout_of_scenario_to_dict():
    budget = {"capex_eur": 300_000.0, "capex_eur_by_year": {2027: 250_000.0}, "carry_over": True}
    same = edits.with_envelopes(budget, [(2027, 250_000.0, float("nan")), (2028, None, None)], carry_over=True)
    assert same == budget
    off = edits.with_envelopes(budget, [(2027, float("nan"), 90_000.0)], carry_over=False)
    assert off == {"capex_eur": 300_000.0, "opex_eur_by_year": {2027: 90_000.0}}
    bad = edits.with_envelopes(budget, [(2028, -5.0, None)], carry_over=False)
    assert bad["capex_eur_by_year"] == {2028: -5.0}  # validation names it
    with pytest.raises(edits.PlannerInputError) as err:
        edits.checked({**edits.load_example("general_hospital").to_dict(), "budget": bad}, CATALOG)
    assert err.value.issues[0].location == "budget.capex_eur_by_year.2028"


def test_one_year_examples_round_trip_through_the_horizon_edits():
    for name in edits.bundled_examples():
        data = edits.load_example(name).to_dict()
        budget = data["budget"]
        rows = [(y, budget.get("capex_eur_by_year", {}).get(y), budget.get("opex_eur_by_year", {}).get(y))
                for y in edits.envelope_years(data)]
        assert edits.with_envelopes(budget, rows, bool(budget.get("carry_over"))) == budget, name
        shown = {k: edits.pct(v) for k, v in data["price_escalation"].items()}
        assert edits.with_rates(data["price_escalation"], shown) == data["price_escalation"], name
        assert edits.with_modes("placement" in data["acquisition_modes"],
                                "lease" in data["acquisition_modes"]) == data["acquisition_modes"], name


# ---------------------------------------------------------------- issue places


@pytest.mark.parametrize(("location", "fr", "en"), [
    ("budget.capex_eur_by_year.2028", "Enveloppe d'investissement 2028", "Capital envelope 2028"),
    ("budget.opex_eur_by_year.2029", "Enveloppe de fonctionnement 2029", "Running-cost envelope 2029"),
    ("budget.carry_over", "Report de l'enveloppe", "Carry-over"),
    ("horizon_years", "Horizon (années)", "Horizon (years)"),
    ("start_year", "Première année", "First year"),
    ("discount_rate", "Taux d'actualisation", "Discount rate"),
    ("price_escalation.consumables", "Révision des prix (%/an) — Consommables",
     "Price escalation (%/year) — Consumables"),
    ("activity_growth.pci", "Croissance de l'activité (%/an) — Angioplasties (ATL)", "Activity growth (%/year) — PCI"),
    ("sites[0].installed.boston_rotapro.acquisition_year",
     "Site 1 — Équipements déjà installés — Console Rotablator RotaPro + fraise et avanceur + RotaWire — Année "
     "d'acquisition", "Site 1 — Equipment already installed — Rotablator RotaPro console + burr/advancer + "
                      "RotaWire — Acquisition year"),
])
def test_horizon_fields_are_named_in_the_users_words(location, fr, en):
    assert place(location, FR, CATALOG) == f"{fr} ({location})"
    assert place(location, EN, CATALOG) == f"{en} ({location})"


def test_growth_of_an_indication_is_named_by_the_indication():
    name = CATALOG.indications["cardiogenic_shock"].name("fr")
    where = place("activity_growth.cardiogenic_shock", FR, CATALOG)
    assert where.startswith(f"Croissance de l'activité (%/an) — {name}")


def test_planner_warnings_become_issue_lines(ppi_plan):
    issue = Issue("CHU", "sites[1].installed.abbott_istat_act.acquisition_year", "acquisition_year", "2010",
                  msg("chk.past_life", device=Device("abbott_istat_act"), life="6", year=2027), "warning")
    plan_json = {"warnings": [str(issue)]}  # a plan saved when warnings were English text still reads
    again = Plan.from_dict({**ppi_plan.to_dict(), **plan_json}).warnings[0]
    assert again.message == str(issue).removeprefix("warning: ")
    line = issue_line(issue, FR, CATALOG)
    assert line.endswith(f"= `2010` : {CATALOG.devices['abbott_istat_act'].label('fr')} est en fin de vie avant 2027 "
                         "(durée de vie 6 ans) : compté hors service sur toute la période")


# ---------------------------------------------------------------- tables and chart of a multi-year plan


@pytest.mark.slow
def test_schedule_and_retirements_frames(ppi_plan):
    schedule = tables_horizon.schedule_frame(ppi_plan, CATALOG, FR)
    new = [a for a in ppi_plan.acquisitions if a.units_new > 0]
    assert len(schedule) == len(new)
    assert schedule["capex"].sum() == pytest.approx(ppi_plan.costs.capex_eur)
    assert list(schedule["year"]) == sorted(str(a.year) for a in new)
    lease = [a for a in new if a.mode == "lease"]
    assert (schedule["mode"] == "location (5 ans)").sum() == len(lease)
    retired = tables_horizon.retirements_frame(ppi_plan, CATALOG, EN)
    assert len(retired) == len(ppi_plan.retirements)
    assert (retired["replaced_by"] == "not replaced").sum() == sum(not r.replaced_by for r in ppi_plan.retirements)


def test_costs_by_year_and_tco_frames_add_up_to_the_plan(ppi_plan):
    by_year = tables_horizon.costs_by_year_frame(ppi_plan, FR)
    assert list(by_year["year"]) == [*(str(y) for y in ppi_plan.years), "Total"]
    total = by_year.iloc[-1]
    assert total["capex"] == pytest.approx(ppi_plan.costs.capex_eur)
    assert total["opex"] == pytest.approx(ppi_plan.costs.opex_eur_per_year * len(ppi_plan.years))
    assert "shortfall" not in by_year and "lease" in by_year  # zero throughout / leases in this plan
    tco = tables_horizon.tco_frame(ppi_plan, CATALOG, FR)
    assert tco.iloc[-1]["tco"] == pytest.approx(ppi_plan.costs.tco_eur)
    assert tco.iloc[-1]["residual"] == pytest.approx(ppi_plan.costs.residual_value_eur)
    assert list(tco["tco"].iloc[:-1]) == sorted(tco["tco"].iloc[:-1], reverse=True)


def test_spend_frame_and_figure(ppi_plan):
    spend = tables_horizon.spend_frame(ppi_plan)
    assert list(spend["envelope"]) == [250_000, 400_000, 550_000, 700_000, 850_000]  # carry-over: cumulative
    assert spend["capex_to_date"].iloc[-1] == pytest.approx(ppi_plan.costs.capex_eur)
    fig = charts.spend_figure(spend, EN, cumulative=True)
    assert [tr.name for tr in fig.data] == ["Capital", EN("chart.running"),
                                            EN("chart.envelope_cum"), EN("chart.capex_cum")]
    assert all(list(tr.x) == [str(y) for y in ppi_plan.years] for tr in fig.data)
    yearly = charts.spend_figure(spend, FR, cumulative=False)
    assert [tr.name for tr in yearly.data][2:] == [FR("chart.envelope")]
    assert yearly.layout.separators == ",\u202f"
    bare = charts.spend_figure(spend.assign(envelope=None), FR, cumulative=False)
    assert len(bare.data) == 2


def test_budget_labels():
    assert tables_horizon.budget_label("capex", FR, False) == FR("budget.capex_horizon")
    assert tables_horizon.budget_label("capex_2028", FR, True) == "Enveloppe d'investissement cumulée jusqu'à 2028"
    assert tables_horizon.budget_label("capex_2028", EN, False) == "Capital envelope 2028"
    assert tables_horizon.budget_label("opex_2030", EN, False) == "Running costs 2030"
    assert tables_horizon.budget_label("opex_per_year", FR, False) == "Fonctionnement / an"


def test_one_year_acquisitions_get_a_mode_column_only_when_a_unit_is_not_bought():
    import dataclasses

    from ui import tables

    general = make_plan(CATALOG, edits.load_example("general_hospital"))
    assert "mode" not in tables.acquisitions_frame(general, CATALOG, FR).columns  # as before: purchases only
    leased = dataclasses.replace(general, acquisitions=(dataclasses.replace(general.acquisitions[0], mode="lease"),
                                                        *general.acquisitions[1:]))
    frame = tables.acquisitions_frame(leased, CATALOG, FR)
    assert list(frame.columns)[-1] == "mode"
    assert set(frame["mode"]) == {"achat", "location"}


def test_ways_out_name_the_year_of_an_envelope():
    from planner.diagnose import describe, yearly_limits
    from planner.inputs import prepare

    inputs = prepare(CATALOG, edits.load_example("university_hospital_ppi_2027_2031"))
    limits = yearly_limits(inputs)
    capex = next(n for n, (_y, _l, kind) in limits.items() if kind == "capex")
    year, limit, _ = limits[capex]
    text = FR.say(describe(inputs, capex, 50.0).text, CATALOG, {})
    cumulative = "cumulée jusqu'à " if inputs.horizon.carry_over else ""
    assert text.startswith(f"relever l'enveloppe d'investissement {cumulative}{year} de ")
    assert FR.eur(limit) in text and "EUR" not in text
    opex = next(n for n, (_y, _l, kind) in limits.items() if kind == "opex")
    assert EN.say(describe(inputs, opex, 1.0).text).startswith(f"raise the {limits[opex][0]} operating budget by €")

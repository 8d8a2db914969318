"""Funding, perspective and dated prices in the app: Catalogue columns, the Scenario option, the Plan's costs
for each payer (issue 14)."""

from __future__ import annotations

from tests.app.conftest import goto, optimise, scenario


def test_catalogue_shows_price_years_and_funding(at):
    goto(at, "catalog")
    table = at.data_editor[0].value
    assert {"price_basis", "funding", "funding_source"} <= set(table.columns)
    assert table.loc["abbott_pressurewire_coroflow", "funding"] == "payé dans le tarif du GHS (intra-GHS)"
    assert "2014 en GBP" in table.loc["abbott_pressurewire_coroflow", "price_basis"]
    assert table.loc["philips_intrasight_mobile_ivus", "price_basis"].startswith("prix de 2009 en USD")
    assert "estimation" in table.loc["philips_intrasight_mobile_ivus", "price_basis"]
    assert table.loc["boston_rotapro", "funding"].startswith("inconnu")


def test_perspective_and_index_rate_are_scenario_options(at):
    goto(at, "scenario")
    assert scenario(at).perspective == "hospital"
    at.radio(key="in.perspective").set_value("health_system").run()
    assert not at.exception, at.exception
    assert scenario(at).perspective == "health_system"
    at.number_input(key="in.price_index_rate").set_value(2.0).run()
    assert scenario(at).price_index_rate == 0.02


def test_plan_shows_costs_for_both_payers(at):
    optimise(at)
    frames = [d.value for d in at.dataframe if "Point de vue" in d.value.columns]
    assert frames, "no table of costs by perspective"
    table = frames[0]
    assert list(table["Point de vue"]) == ["établissement", "système de santé"]
    assert list(table["Optimisé"]) == ["oui", "non"]
    assert any("indice de prix du catalogue" in c.value for c in at.caption)

"""Catalogue page: filters, sources and estimates, local prices (good and bad), must-include / exclude."""

from __future__ import annotations

import pytest

from planner import load_catalog
from tests.app.conftest import errors, goto, optimise, scenario
from ui.i18n import Translator

FR = Translator("fr")


def _edit(at, device_id: str, **fields: float):
    """Edit one row of the price editor the way the browser does (edit state on the widget key)."""
    editor = at.data_editor[0]
    row = editor.value.index.get_loc(device_id)
    at.session_state[editor.key] = {"edited_rows": {row: fields}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    return at


def test_catalogue_shows_every_device_with_sources_and_estimate_flags(at, ):
    goto(at, "catalog")
    table = at.data_editor[0].value
    assert len(table) == len(load_catalog().devices)
    assert {"source", "estimate", "price_date", "local", "capex_eur"} <= set(table.columns)
    assert table["estimate"].dtype == bool
    assert table.loc["boston_rotapro", "source"]
    assert at.data_editor[0].editing_mode == "fixed"


def test_filters_by_family_vendor_and_estimate(at):
    goto(at, "catalog")
    at.multiselect(key="ui.cat.family").set_value(["ivus"]).run()
    assert set(at.data_editor[0].value["family"]) == {FR("family.ivus")}
    at.multiselect(key="ui.cat.vendor").set_value(["Philips"]).run()
    assert list(at.data_editor[0].value.index) == ["philips_intrasight_integrated_ivus",
                                                   "philips_intrasight_mobile_ivus"]
    assert f"2 équipements affichés sur {len(load_catalog().devices)}" in at.caption[1].value
    goto(at, "plan")
    goto(at, "catalog")
    assert at.multiselect(key="ui.cat.family").value == ["ivus"]  # filters persist for the session


def test_a_negative_price_names_the_field_and_keeps_the_previous_scenario(at):
    goto(at, "catalog")
    before = scenario(at).to_json()
    _edit(at, "boston_rotapro", capex_eur=-5.0)
    text = errors(at)
    assert "Entrée refusée, le scénario précédent est conservé" in text
    assert "Console Rotablator RotaPro + fraise et avanceur + RotaWire — Prix d'achat (€)" in text
    assert "devices.boston_rotapro.capex_eur" in text
    assert "`-5.0`" in text and "doit être ≥ 0" in text
    assert scenario(at).to_json() == before


def test_a_zero_lifetime_is_rejected_too(at):
    goto(at, "catalog")
    _edit(at, "shockwave_c2_ivl", lifetime_years=0.0)
    assert FR("col.lifetime_years") in errors(at)
    assert "doit être > 0" in errors(at)
    assert not scenario(at).devices


def test_a_local_price_becomes_a_scenario_override_used_by_the_plan(at):
    goto(at, "catalog")
    _edit(at, "acist_hdi_kodama", capex_eur=50_000.0, consumable_eur_per_case=300.0)
    assert dict(scenario(at).devices) == {"acist_hdi_kodama": {"capex_eur": 50_000.0, "consumable_eur_per_case": 300.0}}
    table = at.data_editor[0].value
    assert table.loc["acist_hdi_kodama", "capex_eur"] == 50_000.0
    assert bool(table.loc["acist_hdi_kodama", "local"]) is True
    assert "1 avec prix locaux" in at.caption[1].value
    optimise(at)
    kodama = [a for a in at.session_state["plan"].acquisitions if a.device_id == "acist_hdi_kodama"]
    assert all(a.unit_capex_eur == 50_000.0 for a in kodama)
    goto(at, "catalog")
    at.button(key="ui.reset_prices").click().run()
    assert not scenario(at).devices
    # the catalogue price again: USD 150,000 of 2009 at the ECB 2009 rate, brought to 2027 with the INSEE index
    assert at.data_editor[0].value.loc["acist_hdi_kodama", "capex_eur"] == pytest.approx(107_542 * 119.75 / 93.29)


def test_editing_back_to_the_catalogue_price_drops_the_override(at):
    goto(at, "catalog")
    _edit(at, "boston_rotapro", capex_eur=1.0)
    assert "boston_rotapro" in scenario(at).devices
    catalogue_price = 17_500.0
    _edit(at, "boston_rotapro", capex_eur=catalogue_price)
    assert "boston_rotapro" not in scenario(at).devices


def test_must_include_and_exclude(at):
    goto(at, "catalog")
    at.multiselect(key="in.must_include").set_value(["boston_rotapro"]).run()
    at.multiselect(key="in.exclude").set_value(["shockwave_c2_ivl"]).run()
    assert scenario(at).must_include == ("boston_rotapro",)
    assert scenario(at).exclude == ("shockwave_c2_ivl",)
    optimise(at)
    in_use = {a.device_id for a in at.session_state["plan"].acquisitions if a.in_use}
    assert "boston_rotapro" in in_use and "shockwave_c2_ivl" not in in_use


def test_a_device_both_required_and_excluded_is_rejected(at):
    goto(at, "catalog")
    at.multiselect(key="in.must_include").set_value(["boston_rotapro"]).run()
    at.multiselect(key="in.exclude").set_value(["boston_rotapro"]).run()
    assert FR("chk.required_and_excluded") in errors(at)
    assert scenario(at).exclude == ()

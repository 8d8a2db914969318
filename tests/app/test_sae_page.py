"""Scenario page, "Partir d'un établissement": search, pick, compare, adjust ratios, load; errors keep the scenario."""

from __future__ import annotations

from tests.app.conftest import errors, optimise, plan, scenario, table
from ui.i18n import Translator

FR = Translator("fr")
EN = Translator("en")


def _pick(at, query: str, *finess: str):
    at.text_input(key="ui.sae.query").set_value(query).run()
    at.multiselect(key="ui.sae.pick").set_value(list(finess)).run()
    assert not at.exception, at.exception
    return at


def test_search_pick_compare_and_load_then_plan(at):
    _pick(at, "saint quentin", "020000162")
    compared = table(at, "ACT3")
    assert compared[FR("sae.col.act3")].tolist() == ["1101"]
    assert compared[FR("sae.col.pci")].tolist() == [991]
    at.button(key="ui.sae.load").click().run()
    assert not at.exception, at.exception
    sc = scenario(at)
    (site,) = sc.sites
    assert site.id == "ch_st_quentin_020000162" and dict(site.activity) == {"cag": 2051, "pci": 991, "stemi": 178}
    assert sc.provenance[site.id].year == 2024
    assert "chargé(s) comme sites du scénario" in at.success[0].value
    assert "issu des données publiques SAE 2024" in at.warning[0].value
    shown = table(at, "Statut")
    assert "dérivé (SAE 2024)" in shown["Statut"].tolist()
    # the site form holds the derived figures; a value typed there becomes "changed by you"
    assert at.number_input(key="in.site.0.act.pci").value == 991
    at.number_input(key="in.site.0.act.pci").set_value(1300).run()
    shown = table(at, "Statut")
    assert FR("sae.status.changed") in shown["Statut"].tolist()
    optimise(at)
    result = plan(at)
    assert result is not None and result.has_solution
    assert result.scenario["provenance"][site.id]["finess"] == "020000162"


def test_several_sites_and_adjusted_ratios(at):
    _pick(at, "brest", "290004324", "290019777")
    at.number_input(key="ui.sae.ratio.pci_per_act3").set_value(0.8).run()
    at.selectbox(key="ui.sae.vendor").set_value("philips").run()
    at.button(key="ui.sae.load").click().run()
    assert not at.exception, at.exception
    cavale, keraudren = scenario(at).sites
    # 0.8 x 1372 = 1097.6 -> 1098; 0.8 x 789 = 631.2 -> 631
    assert (cavale.activity["pci"], keraudren.activity["pci"]) == (1098, 631)
    assert cavale.roles == ("cardiac_surgery",) and keraudren.roles == ()
    assert cavale.angio_vendor == keraudren.angio_vendor == "philips"


def test_low_activity_site_is_flagged_in_english(at):
    at.sidebar.radio(key="ui.lang").set_value("en").run()
    _pick(at, "fleyriat", "010000024")
    assert table(at, EN("sae.col.threshold"))[EN("sae.col.threshold")].tolist() == ["yes"]
    at.button(key="ui.sae.load").click().run()
    assert "below 400 PCI a year" in "\n".join(w.value for w in at.warning)


def test_a_failing_load_keeps_the_previous_scenario(at):
    before = scenario(at)
    # the example must-includes nothing; force a failure: a device required that no site can have
    at.session_state["scenario"] = before.__class__(**{**before.__dict__, "must_include": ("no_such_device",)})
    _pick(at, "soissons", "020000519")
    kept = scenario(at)
    at.button(key="ui.sae.load").click().run()
    assert not at.exception, at.exception
    assert scenario(at) == kept
    assert "le scénario précédent est conservé" in errors(at)

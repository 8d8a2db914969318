"""Compare page: the current scenario against a bundled example or an uploaded file, side by side."""

from __future__ import annotations

from planner import load_catalog, load_scenario, make_plan
from planner.decision import compare_plans
from tests.app.conftest import charts, errors, goto, scenario, table
from ui.i18n import Translator

FR = Translator("fr")
EN = Translator("en")

CATALOG = load_catalog()


def test_compares_with_another_bundled_example_by_default(at):
    goto(at, "compare")
    assert at.title[0].value == FR("cmp.title")
    assert at.radio(key="ui.cmp.with").value == "university_hospital"  # not the current scenario itself
    summary = table(at, "Indicateur")
    assert list(summary.columns) == [FR("col.figure"), "Courant : Centre hospitalier 2027",
                                     "CHU 2027"]
    university = make_plan(CATALOG, load_scenario("examples/university_hospital.yaml"))
    row = summary.set_index("Indicateur").loc["Coût annualisé / an"]
    assert row["CHU 2027"] == f"{university.costs.annualised_eur_per_year:,.0f}".replace(
        ",", "\u202f") + "\u00a0€"
    figure = charts(at)["ui.chart.compare"]
    assert [tr["name"] for tr in figure["data"]] == ["Événements pondérés évités par an", "Coût annualisé / an"]
    assert figure["data"][0]["y"][1] == university.benefit


def test_differences_are_flagged_and_can_be_filtered(at):
    goto(at, "compare")
    devices = table(at, "Équipement")
    expected = compare_plans([make_plan(CATALOG, scenario(at)),
                              make_plan(CATALOG, load_scenario("examples/university_hospital.yaml"))])
    assert len(devices) == len(expected.devices)
    assert devices["Différent"].tolist() == ["oui" if r.differs else "non" for r in expected.devices]
    assert "Site" in devices.columns  # three sites in all
    assert f"{len(expected.device_differences)} lignes différentes sur {len(expected.devices)}." in [
        c.value for c in at.caption]
    at.toggle(key="ui.cmp.only").set_value(True).run()
    assert set(table(at, "Équipement")["Différent"]) == {"oui"}


def test_the_same_scenario_shows_no_difference(at):
    goto(at, "compare")
    at.radio(key="ui.cmp.with").set_value("general_hospital").run()
    assert "Centre hospitalier 2027" in table(at, FR("col.figure")).columns  # the current one says "Courant"
    assert set(table(at, "Équipement")["Différent"]) == {"non"}
    assert set(table(at, "Indication")["Différent"]) == {"non"}


def test_compare_with_an_uploaded_yaml(at):
    goto(at, "compare")
    at.radio(key="ui.cmp.with").set_value("upload").run()
    assert "Importez un scénario" in at.info[0].value
    other = scenario(at).to_dict()
    other["name"] = "Budget serré"
    other["budget"] = {"capex_eur": 150000, "opex_eur_per_year": 300000}
    import yaml

    at.file_uploader(key="ui.cmp.upload").set_value(("serre.yaml", yaml.safe_dump(other).encode(),
                                                     "application/x-yaml")).run()
    assert not at.exception, at.exception
    summary = table(at, "Indicateur").set_index("Indicateur")
    assert summary.loc["Investissement", "Budget serré"] != summary.loc["Investissement",
                                                                        "Courant : Centre hospitalier 2027"]
    assert "Site" not in table(at, "Équipement").columns  # one site on both sides


def test_a_bad_upload_is_named_and_nothing_is_compared(at):
    goto(at, "compare")
    at.radio(key="ui.cmp.with").set_value("upload").run()
    at.file_uploader(key="ui.cmp.upload").set_value(("x.yaml", b"name: x\nsites: []\nfoo: 1\n",
                                                     "application/x-yaml")).run()
    assert not at.exception, at.exception
    assert "Fichier x.yaml refusé" in errors(at)
    assert not at.get("plotly_chart")


def test_compare_in_english(at):
    goto(at, "compare")
    at.radio(key="ui.lang").set_value("en").run()
    assert list(table(at, EN("col.figure")).columns)[1] == "Current: Centre hospitalier 2027"
    assert "Differs" in table(at, "Device").columns

"""Scenario page: sites, budgets, objective; examples, uploads (good and bad), download."""

from __future__ import annotations

from planner import scenario_from_yaml
from tests.app.conftest import APP_TIMEOUT_S, errors, goto, optimise, plan, scenario
from ui.i18n import Translator

FR = Translator("fr")

UNIVERSITY = "examples/university_hospital.yaml"


def _upload(at, name: str, text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    at.file_uploader(key="ui.upload").set_value((name, data, "application/x-yaml")).run()
    assert not at.exception, at.exception
    return at


def test_budget_objective_and_activity_edit_the_scenario(at):
    at.number_input(key="in.budget.capex").set_value(150_000).run()
    at.number_input(key="in.budget.opex").set_value(None).run()
    at.radio(key="in.objective").set_value("min_cost").run()
    at.number_input(key="in.site.0.act.pci").set_value(1200).run()
    at.selectbox(key="in.site.0.vendor").set_value("siemens").run()
    sc = scenario(at)
    assert sc.budget.capex_eur == 150_000
    assert sc.budget.opex_eur_per_year is None  # blank = unlimited
    assert sc.objective == "min_cost"
    assert sc.sites[0].activity["pci"] == 1200
    assert sc.sites[0].angio_vendor == "siemens"
    assert not at.error


def test_any_input_change_marks_the_plan_stale(at):
    optimise(at)
    assert at.session_state["plan_stale"] is False
    assert "Plan à jour" in at.sidebar.success[0].value
    goto(at, "scenario")
    at.number_input(key="in.site.0.rooms").set_value(3).run()
    assert at.session_state["plan_stale"] is True
    assert "plan à recalculer" in at.sidebar.warning[0].value
    goto(at, "plan")
    assert "Les entrées ont changé" in at.warning[0].value
    assert plan(at) is not None  # the last plan stays visible until re-optimised


def test_installed_equipment_and_units(at):
    at.multiselect(key="in.site.0.installed").set_value(["abbott_pressurewire_coroflow", "boston_rotapro"]).run()
    at.number_input(key="in.site.0.units.boston_rotapro").set_value(2).run()
    assert dict(scenario(at).sites[0].installed) == {"abbott_pressurewire_coroflow": 1, "boston_rotapro": 2}
    at.multiselect(key="in.site.0.installed").set_value([]).run()
    assert dict(scenario(at).sites[0].installed) == {}


def test_add_and_remove_sites(at):
    assert at.button(key="ui.remove_site.0").disabled  # the last site cannot be removed
    at.button(key="ui.add_site").click().run()
    assert [s.id for s in scenario(at).sites] == ["main", "site_2"]
    at.text_input(key="in.site.1.name").set_value("Annexe").run()
    at.number_input(key="in.site.1.act.cag").set_value(500).run()
    assert scenario(at).sites[1].name == "Annexe"
    at.button(key="ui.remove_site.0").click().run()
    assert [s.id for s in scenario(at).sites] == ["site_2"]
    assert at.text_input(key="in.site.0.name").value == "Annexe"  # widgets re-seeded after the shift


def test_invalid_site_id_names_the_field_and_keeps_the_scenario(at):
    before = scenario(at).to_json()
    at.text_input(key="in.site.0.id").set_value("Site Nord").run()
    text = errors(at)
    assert "Site 1 — Identifiant (sites[0].id)" in text
    assert "`Site Nord`" in text
    assert "identifiant en minuscules" in text
    assert scenario(at).to_json() == before


def test_load_the_other_example_then_back(at):
    at.selectbox(key="ui.example").set_value("university_hospital").run()
    at.button(key="ui.load").click().run()
    assert scenario(at).name == "CHU 2027"
    assert at.text_input(key="in.name").value == "CHU 2027"
    assert at.text_input(key="in.site.1.id").value == "sud"
    at.selectbox(key="ui.example").set_value("general_hospital").run()
    at.button(key="ui.load").click().run()
    assert at.number_input(key="in.budget.capex").value == scenario(at).budget.capex_eur
    assert len(scenario(at).sites) == 1


def test_upload_valid_yaml_replaces_the_scenario(at, repo_root):
    _upload(at, "chu.yaml", (repo_root / UNIVERSITY).read_text(encoding="utf-8"))
    assert scenario(at).name == "CHU 2027"
    assert at.text_input(key="in.name").value == "CHU 2027"
    assert not at.error


def test_bad_upload_shows_every_wrong_field_and_keeps_the_previous_scenario(at):
    before = scenario(at).to_json()
    bad = ("name: broken\nbudget: {capex_eur: -5}\nsites:\n  - id: main\n    rooms: 0\n"
           "    angio_vendor: toshiba\n    activity: {cag: 100, pci: 50, stemi: 10}\n")
    _upload(at, "broken.yaml", bad)
    text = errors(at)
    assert "Fichier broken.yaml refusé" in text
    assert "ligne 2 : Budget d'investissement (€) (budget.capex_eur)" in text
    assert "Site 1 — Salles (sites[0].rooms)" in text
    assert "Site 1 — Angiographe (sites[0].angio_vendor)" in text
    assert "`toshiba`" in text
    assert scenario(at).to_json() == before
    assert at.number_input(key="in.budget.capex").value == scenario(at).budget.capex_eur


def test_upload_with_unknown_device_or_bad_syntax_is_rejected(at):
    before = scenario(at).to_json()
    text = scenario(at).to_yaml().replace("abbott_pressurewire_coroflow", "acme_wire")
    _upload(at, "unknown.yaml", text)
    assert "acme_wire" in errors(at)
    assert FR("cat.unknown_device") in errors(at)
    _upload(at, "syntax.yaml", "name: [unclosed\n")
    assert "YAML invalide" in errors(at)
    _upload(at, "binary.yaml", b"\xff\xfe\x00name")
    assert FR("app.not_utf8") in errors(at)
    assert scenario(at).to_json() == before


def test_a_good_upload_clears_the_previous_rejection(at, repo_root):
    _upload(at, "syntax.yaml", "name: [unclosed\n")
    assert at.error
    _upload(at, "chu.yaml", (repo_root / UNIVERSITY).read_text(encoding="utf-8"))
    assert not at.error


def test_download_offers_the_current_scenario_as_yaml(monkeypatch):
    import streamlit.testing.v1.app_test as app_test_module
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    files: dict[str, bytes] = {}

    class Capture(MemoryMediaFileStorage):
        def load_and_get_id(self, data, mimetype, kind, filename=None):
            file_id = super().load_and_get_id(data, mimetype, kind, filename)
            files[file_id] = data if isinstance(data, bytes) else str(data).encode()
            return file_id

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Capture)
    at = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S).run()
    at.number_input(key="in.budget.capex").set_value(111_000).run()
    button = at.download_button(key="ui.download")
    assert button.label == FR("sc.download")
    data = files[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]
    downloaded = scenario_from_yaml(data.decode("utf-8"), "download")
    assert downloaded.budget.capex_eur == 111_000
    assert downloaded.to_json() == scenario(at).to_json()

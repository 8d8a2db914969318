"""Issue 19 in the app: the device security card (Catalogue), what the rules leave (Scenario), MDS2
questionnaires out and completed forms in (Plan page security view)."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from planner import load_catalog
from planner.report.xlsx_mds2 import sheet_name
from tests.app.conftest import APP_TIMEOUT_S, errors, optimise, plan, scenario
from tests.app.test_plan_extras import downloaded, media  # noqa: F401  (fixture)
from tests.unit.test_mds2 import HN_ANSWERS, vendor_form
from ui.i18n import Translator

FR = Translator("fr")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _card_script() -> None:
    """The card alone (the Catalogue page around it is being reworked by the clinical value model)."""
    from planner import load_catalog
    from tests.builders import make_scenario
    from ui.i18n import Translator
    from ui.views import mds2_view

    catalog = load_catalog()
    mds2_view.device_card(catalog, make_scenario(), list(catalog.devices), Translator("fr"))


def test_the_security_card_shows_the_advisory_and_how_much_is_known():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_card_script, default_timeout=APP_TIMEOUT_S).run()
    assert not at.exception, at.exception
    assert any(e.label == FR("card.title") for e in at.expander)
    at.selectbox(key="ui.card.device").set_value("abiomed_impella_cp_aic").run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[FR("card.known")] == "2 sur 7" and metrics["Alertes publiées"] == "1"
    assert metrics[FR("card.score")].startswith("8 / ")
    assert "Automated Impella Controller" in errors(at) and "statut open" in errors(at)
    assert any("Questions MDS2 encore ouvertes : " in c.value and "SBOM-1" in c.value for c in at.caption)


def test_the_scenario_page_says_what_require_mds2_leaves(at):
    at.toggle(key="in.sec.mds2").set_value(True).run()
    note = "\n".join(w.value for w in at.warning)
    assert "Les règles de sécurité laissent 0 équipements sur 31." in note
    assert "31 sans MDS2 connue (à demander au fabricant), 0 sans MDS2" in note


def test_questionnaires_out_and_a_vendor_form_in(media, at):  # noqa: F811
    optimise(at)
    devices = [s.device_id for s in plan(at).security]
    name, data = downloaded(at, "ui.mds2.download")
    assert name.endswith(".zip")
    files = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert files and all(f.startswith("mds2_") and f.endswith(".xlsx") for f in files)
    sheets = [s for f in files for s in openpyxl.load_workbook(
        io.BytesIO(zipfile.ZipFile(io.BytesIO(data)).read(f))).sheetnames]
    catalog = load_catalog()
    assert sorted(sheets) == sorted(sheet_name(catalog.devices[d].label("fr"), set()) for d in devices)  # names
    device = devices[0]
    at.selectbox(key="ui.mds2.device").set_value(device).run()
    at.file_uploader(key="ui.mds2.upload").set_value(("bad.xlsx", vendor_form({**HN_ANSWERS, "SBOM-1": "Maybe"}),
                                                      XLSX)).run()
    assert not at.exception, at.exception
    assert "Formulaire bad.xlsx refusé" in errors(at) and "SBOM-1" in errors(at)
    assert not scenario(at).security.device_profiles
    at.file_uploader(key="ui.mds2.upload").set_value(("acme.xlsx", vendor_form(HN_ANSWERS), XLSX)).run()
    assert not at.exception, at.exception
    profile = scenario(at).security.device_profiles[device]
    assert profile.sbom_available == "no" and profile.mds2_available == "yes"
    assert any("Réponses de acme.xlsx importées" in s.value for s in at.success)
    assert at.session_state["plan_stale"] is True

"""Plan page additions: Excel download (issue 4), why / why not (issue 5), security view (issue 7),
infeasible scenarios with the ways out."""

from __future__ import annotations

import io

import openpyxl
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from planner import load_catalog, make_plan
from planner.decision import explain_plan
from planner.report.excel import XLSX_MIME
from planner.security import MAX_RISK_SCORE
from tests.app.conftest import APP_TIMEOUT_S, errors, goto, optimise, plan, scenario, table
from ui import tables
from ui.i18n import Translator
from ui.views import files

FR = Translator("fr")
EN = Translator("en")

CATALOG = load_catalog()


class Manager(MediaFileManager):
    """The app's media file manager, remembered so that a test can "click" a deferred download."""

    last: MediaFileManager | None = None

    def __init__(self, storage: MemoryMediaFileStorage) -> None:
        super().__init__(storage)
        Manager.last = self


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> type[Manager]:
    """Patch the app's media file manager (request this fixture before ``at``)."""
    Manager.last = None
    monkeypatch.setattr(app_test_module, "MediaFileManager", Manager)
    return Manager


def downloaded(at, key: str) -> tuple[str, bytes]:
    """Click a deferred download button: its file name and the bytes the callable produces."""
    file_id = at.download_button(key=key).proto.deferred_file_id
    assert file_id, "not a deferred download"
    mgr = Manager.last
    assert mgr is not None
    name = mgr._deferred_callables[file_id]["filename"]  # noqa: SLF001
    url = mgr.execute_deferred(file_id)
    return name, mgr._storage.get_file(url.rsplit("/", 1)[-1]).content  # noqa: SLF001


# ---------------------------------------------------------------- Excel download


def test_excel_download_in_the_interface_language(media):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    at = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S).run()
    optimise(at)
    assert at.download_button(key="ui.plan.xlsx").label == FR("plan.download_xlsx")
    name, data = downloaded(at, "ui.plan.xlsx")  # built when clicked, not at every render
    assert name == "plan_equipement_centre_hospitalier_2027.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert "scenario.yaml" in book.sheetnames and len(book.sheetnames) >= 5
    french = set(book.sheetnames)

    at.radio(key="ui.lang").set_value("en").run()
    assert at.download_button(key="ui.plan.xlsx").label == EN("plan.download_xlsx")
    name, data = downloaded(at, "ui.plan.xlsx")
    assert name == "equipment_plan_centre_hospitalier_2027.xlsx"
    assert set(openpyxl.load_workbook(io.BytesIO(data)).sheetnames) != french  # sheet names follow the language
    assert at.download_button(key="ui.plan.download").label == EN("plan.download")


def test_the_excel_bytes_come_from_the_plan_shown(at):
    optimise(at)
    p = plan(at)
    sc = tables.plan_scenario(p)
    assert sc.to_json() == scenario(at).to_json()
    from ui.views import cached

    data = cached.plan_xlsx(sc.to_json(), CATALOG.fingerprint, "fr", CATALOG)
    assert data[:2] == b"PK"
    assert XLSX_MIME.endswith("spreadsheetml.sheet")
    assert files.MAX_MB == 5


# ---------------------------------------------------------------- why / why not


def _loss(expl, lang: str) -> str:
    """What the plan loses without the first chosen device it can do without, in ``lang``."""
    c = next(c for c in expl.chosen if c.feasible_without and c.benefit_loss_without)
    t = Translator(lang)
    return t("why.loss", loss=t.num(c.benefit_loss_without, 1))


@pytest.mark.slow
def test_why_and_why_not_on_a_button(at):
    optimise(at)
    assert at.button(key="ui.explain").label == FR("why.run")
    at.button(key="ui.explain").click().run()
    assert not at.exception, at.exception
    expected = explain_plan(CATALOG, scenario(at))
    text = "\n".join(m.value for m in at.markdown)
    for c in expected.chosen:  # each chosen device: its name, cases, benefit, loss without it
        assert f"**{CATALOG.devices[c.device_id].label('fr')}**" in text
    assert "Angioplastie complexe nécessitant une imagerie endocoronaire (tronc commun" in text
    assert _loss(expected, "fr") in text
    assert "budget de fonctionnement utilisé à l'euro près" in text  # binding constraint in plain words
    assert "trop cher dans les budgets" in text and "d'investissement en plus" not in text.split("Impella")[0]
    assert "surpassé : même sans limite de budget" in text
    expanders = [e.label for e in at.expander]
    assert "Hors budget (1)" in expanders and any(x.startswith("Surpassé par un autre équipement (") for x in expanders)
    numbers = table(at, "Sans lui")
    assert len(numbers) == len(expected.chosen)
    assert not at.get("button") or all(b.key != "ui.explain" for b in at.button)  # the button made way


@pytest.mark.slow
def test_the_explanation_follows_the_language_and_the_plan(at):
    optimise(at)
    at.button(key="ui.explain").click().run()
    at.radio(key="ui.lang").set_value("en").run()
    text = "\n".join(m.value for m in at.markdown)
    assert _loss(explain_plan(CATALOG, scenario(at)), "en") in text
    assert "operating budget used to the euro" in text
    goto(at, "needs")
    at.number_input(key="in.need.calcified_lesion.weight").set_value(9.0).run()
    optimise(at)  # a new plan: its explanation is asked for again
    assert at.button(key="ui.explain").label == EN("why.run")


# ---------------------------------------------------------------- security view


def test_security_view_of_the_plan(at):
    optimise(at)
    metrics = {m.label: m.value for m in at.metric}
    highest = max(s.risk_score for s in plan(at).security)
    assert metrics["Score de risque maximal"] == f"{highest} / {MAX_RISK_SCORE}"
    assert metrics["Segmentation réseau"] == "0\u00a0€"
    view = table(at, "Fin de support")
    assert len(view) == len(plan(at).security)
    assert set(view[FR("col.risk_score")]) == {s.risk_score for s in plan(at).security}
    assert set(view[FR("col.os_status")]) == {"inconnu"}
    assert "⚠ : fin de support du système passée" in "\n".join(c.value for c in at.caption)


def test_segmentation_cost_enters_capex(at):
    at.number_input(key="in.sec.segmentation").set_value(5000).run()
    assert scenario(at).security.segmentation_cost_eur_per_connected_device == 5000
    optimise(at)
    p = plan(at)
    assert p.costs.segmentation_eur == pytest.approx(5000 * sum(a.units_new for a in p.acquisitions
                                                                 if a.segmentation_eur > 0))
    assert p.costs.segmentation_eur > 0  # only devices known to be connected (the DICOM QFR workstation) pay it
    assert all(CATALOG.devices[a.device_id].network_connected not in ("none", "unknown")
               for a in p.acquisitions if a.segmentation_eur > 0)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Segmentation réseau"] != "0\u00a0€"


def test_max_risk_score_zero_excludes_only_what_is_known_to_carry_risk(at):
    at.number_input(key="in.sec.max_score").set_value(0).run()
    assert scenario(at).security.max_risk_score == 0
    optimise(at)
    from planner.security import risk_score

    risky = {d for d, dev in CATALOG.devices.items() if risk_score(dev, scenario(at).security.reference_date).score}
    assert {x.device_id for x in plan(at).security_exclusions} == risky  # unknown is not risky by default
    assert "abiomed_impella_cp_aic" in risky


def test_require_mds2_lists_the_security_exclusions_and_the_ways_out(at):
    at.toggle(key="in.sec.mds2").set_value(True).run()
    assert "Exiger une MDS2 en écarte 31 : 31 sans MDS2 connue" in "\n".join(w.value for w in at.warning)
    optimise(at)
    assert plan(at).status == "infeasible"
    assert "Statut : aucun plan possible" in errors(at)
    exclusions = table(at, "Raison")
    assert len(exclusions) == len(CATALOG.devices)
    assert exclusions[FR("col.reason")].str.contains("pas de déclaration MDS2 \\(inconnu\\)").any()
    assert any(e.label.startswith("Équipements exclus par les règles de sécurité (31)") for e in at.expander)
    ways = "\n".join(i.value for i in at.info)
    assert "Plus petite modification qui donne un plan" in ways
    assert "abaisser la couverture minimale de Angioplastie complexe" in ways


def test_exclude_unsupported_os_and_require_mds2_reach_the_scenario(at):
    at.toggle(key="in.sec.os").set_value(True).run()
    at.toggle(key="in.sec.mds2").set_value(True).run()
    sec = scenario(at).security
    assert sec.exclude_unsupported_os and sec.require_mds2
    expected = make_plan(CATALOG, scenario(at))
    optimise(at)
    assert plan(at).status == expected.status
    assert {x.device_id for x in plan(at).security_exclusions} == {x.device_id for x in expected.security_exclusions}


def test_security_options_on_the_scenario_page_in_both_languages(at):
    import datetime

    assert FR("sc.security") in [h.value for h in at.subheader]
    at.date_input(key="in.sec.date").set_value(datetime.date(2030, 1, 1)).run()
    assert scenario(at).security.reference_date == datetime.date(2030, 1, 1)
    at.number_input(key="in.sec.max_score").set_value(None).run()
    assert scenario(at).security.max_risk_score is None
    at.radio(key="ui.lang").set_value("en").run()
    assert at.toggle(key="in.sec.os").label == EN("sc.exclude_unsupported_os")
    assert at.number_input(key="in.sec.max_score").label == "Maximum risk score"
    assert at.date_input(key="in.sec.date").value == datetime.date(2030, 1, 1)

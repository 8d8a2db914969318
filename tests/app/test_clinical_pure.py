"""The clinical value in the app's words (no running app): alert wording, what changed between two plans,
the cardiologist's tables, the devices' value per 100 cases, the outcome weights, the evidence table."""

from __future__ import annotations

import re

import pytest

from planner import make_plan
from planner.messages import catalogue
from planner.plan import Acquisition, ClinicalAlert, CoverageRow, OutcomeRow, Plan, SolverInfo
from planner.schema import ROLES
from tests.builders import make_catalog, make_scenario
from ui import clinical, edits
from ui.i18n import Translator
from ui.labels.clinical import ALERT_CODES

FR, EN = Translator("fr"), Translator("en")
CATALOG = make_catalog(
    devices=[{"id": "wire", "name": "Wire console"}, {"id": "mcs_x", "name": "Micro pump", "family": "impella"}],
    indications=[{"id": "stenosis", "name_en": "Intermediate stenosis", "name_fr": "Sténose intermédiaire"},
                 {"id": "shock", "name_en": "Cardiogenic shock", "name_fr": "Choc cardiogénique",
                  "required_role": "shock_centre"}],
    coverage=[("wire", "stenosis", 0.2), {"device_id": "mcs_x", "indication_id": "shock", "effectiveness": 0.5,
                                          "guideline_class": "IIa", "evidence_level": "B"}],
    families=[{"id": "physiology"}, {"id": "impella", "required_role": "shock_centre"}])


def _plan(devices: dict[str, int], coverage: dict[str, tuple[float, float]], benefit: float) -> Plan:
    """A hand-made one-site plan: units in use per device, (share, events) per indication."""
    return Plan(scenario={"name": "t", "sites": [{"id": "s1", "name": "Site 1"}]}, status="optimal",
                objective="max_benefit", mip_gap=None, solver=SolverInfo("highs", "", 0.0), benefit=benefit,
                acquisitions=tuple(Acquisition("s1", d, "f", n, 0, n > 0, 0.0, 0.0) for d, n in devices.items()),
                coverage=tuple(CoverageRow("s1", k, 100.0, 100.0 * share, share, 0.0, 1.0, events_avoided=events)
                               for k, (share, events) in coverage.items()))


# ---------------------------------------------------------------- alerts


@pytest.mark.parametrize("code", ALERT_CODES)
def test_every_alert_code_has_french_and_english_words_without_ids(code):
    assert catalogue()[f"alert.{code}"]["fr"].strip() and catalogue()[f"alert.{code}"]["en"].strip()
    alert = ClinicalAlert(code, "s1", "mcs_x", "shock", "shock_centre", 12.0)
    sites = {"s1": "Site Nord"}
    for t, name, role in ((FR, "Choc cardiogénique", "centre de choc"), (EN, "Cardiogenic shock", "shock centre")):
        text = clinical.alert_text(alert, CATALOG, t, sites)
        assert "Site Nord" in text and "{" not in text
        assert not re.search(r"\b(s1|mcs_x|shock_centre)\b", text)  # names, never ids
        placeholders = catalogue()[f"alert.{code}"][t.lang]
        if "{indication}" in placeholders:
            assert name in text
        if "{device}" in placeholders:
            assert "Micro pump" in text
        if "{role}" in placeholders:
            assert role in text


def test_the_alert_codes_are_the_plans():
    doc = ClinicalAlert.__doc__ or ""
    assert set(re.findall(r"``(\w+)``", doc)) == set(ALERT_CODES)


def test_every_role_has_words_in_both_languages():
    for role in ROLES:
        assert clinical.role_name(FR, role) != role and clinical.role_name(EN, role) != role
        assert clinical.role_option(EN, role)[0].isupper()


# ---------------------------------------------------------------- what changed


def test_plan_changes_devices_in_and_out_and_indication_deltas():
    before = _plan({"wire": 1}, {"stenosis": (1.0, 20.0), "shock": (0.0, 0.0)}, 20.0)
    after = _plan({"mcs_x": 1, "wire": 0}, {"stenosis": (0.5, 10.0), "shock": (1.0, 50.0)}, 60.0)
    diff = clinical.plan_changes(before, after)
    assert diff.devices_in == (("s1", "mcs_x"),) and diff.devices_out == (("s1", "wire"),)
    assert [(c.indication_id, c.coverage_before, c.coverage_after, c.events_before, c.events_after)
            for c in diff.indications] == [("shock", 0.0, 1.0, 0.0, 50.0), ("stenosis", 1.0, 0.5, 20.0, 10.0)]
    assert (diff.value_before, diff.value_after) == (20.0, 60.0) and not diff.empty
    frame = clinical.changes_frame(diff, CATALOG, EN, {"s1": "Site 1"})
    assert list(frame["indication"]) == ["Cardiogenic shock", "Intermediate stenosis"]
    assert list(frame["events_delta"]) == [50.0, -10.0]
    lines = clinical.changes_lines(diff, CATALOG, FR, {"s1": "Site 1"})
    assert lines == ["Événements pondérés évités par an : 20,00 → 60,00 (+40,00)", "Entrent : Micro pump",
                     "Sortent : Wire console"]


def test_the_same_plan_has_no_change():
    plan = _plan({"wire": 1}, {"stenosis": (1.0, 20.0)}, 20.0)
    assert clinical.plan_changes(plan, plan).empty


# ---------------------------------------------------------------- plan tables (a solved plan)


@pytest.fixture(scope="module")
def solved():
    """Site 1 without roles refers its shock cases; the wire serves every stenosis case (0.2 events per case)."""
    scenario = make_scenario(indications={"shock": {"share": 0.01}})
    return make_plan(CATALOG, scenario)


def test_clinical_frame_shows_coverage_referred_cases_and_events(solved):
    frame = clinical.clinical_frame(solved, CATALOG, EN).set_index("indication")
    stenosis, shock = frame.loc["Intermediate stenosis"], frame.loc["Cardiogenic shock"]
    assert stenosis["coverage_pct"] == pytest.approx(1.0, rel=1e-4)
    assert stenosis["events"] == pytest.approx(0.2 * 100, rel=1e-4)
    assert shock["referred"] == pytest.approx(10.0) and shock["role_needed"] == EN("role.shock_centre")
    assert shock["events"] == 0.0
    assert any(a.code == "referred" for a in solved.alerts)


def test_outcomes_frame_names_the_outcomes(solved):
    frame = clinical.outcomes_frame(solved, CATALOG, FR)
    assert list(frame["outcome"]) == [FR("col.outcome")] and frame["avoided"].iloc[0] == pytest.approx(20.0, rel=1e-4)


def test_outcomes_frame_keeps_harms():
    plan = Plan(scenario={}, status="optimal", objective="max_benefit", mip_gap=None,
                solver=SolverInfo("highs", "", 0.0),
                outcomes=(OutcomeRow("shock", "event", -1.5, -3.0, 0.5, 1.0),))
    frame = clinical.outcomes_frame(plan, CATALOG, EN)
    assert frame["avoided"].iloc[0] == -1.5 and frame["events_range"].iloc[0] == "-1.50 (-3.00 – 0.50)"


# ---------------------------------------------------------------- clinical needs


def test_device_values_per_100_cases_follow_the_multiplier_and_show_class_and_level():
    plain = clinical.device_values_frame(CATALOG, make_scenario(), "shock", EN)
    assert list(plain["recommendation"]) == ["IIa B"] and list(plain["value_per_100"]) == ["50.0"]
    doubled = clinical.device_values_frame(CATALOG, make_scenario(indications={"shock": {"weight": 2}}), "shock", FR)
    assert list(doubled["value_per_100"]) == ["100,0"]


def test_required_indication_has_no_value():
    scenario = make_scenario(indications={"stenosis": {"required": True}})
    assert list(clinical.device_values_frame(CATALOG, scenario, "stenosis", EN)["value_per_100"]) == ["—"]


def test_required_switch_becomes_a_scenario_override():
    scenario = make_scenario()
    shown = edits.need_values(CATALOG, scenario, "stenosis")
    assert shown["required"] is False
    data = scenario.to_dict()
    assert edits.with_need(data, shown, "stenosis", shown["weight"], shown["floor_pct"], shown["demand"],
                           False) == data
    changed = edits.with_need(data, shown, "stenosis", shown["weight"], shown["floor_pct"], shown["demand"], True)
    assert changed["indications"]["stenosis"] == {"required": True}
    assert "stenosis" in edits.checked(changed, CATALOG).indications


def test_outcome_weights_keep_only_differences():
    assert edits.outcome_weights([("event", 1.0)], CATALOG, {}) == {}
    assert edits.outcome_weights([("event", 0.5)], CATALOG, {}) == {"event": 0.5}
    assert edits.outcome_weights([("event", None)], CATALOG, {"event": 0.5}) == {"event": None}
    assert edits.outcome_weights([("event", 1.0)], CATALOG, {"event": 0.5}) == {}
    scenario = edits.checked({**make_scenario().to_dict(), "outcome_weights": {"event": 0.5}}, CATALOG)
    frame = clinical.outcome_weights_frame(CATALOG, scenario, EN)
    assert frame.loc["event", "severity"] == 0.5 and frame.loc["event", "default_severity"] == 1.0
    assert edits.without_outcome_weights(scenario, CATALOG).outcome_weights == {}


# ---------------------------------------------------------------- evidence


def test_evidence_table_and_device_card():
    frame = clinical.evidence_frame(CATALOG, FR)
    assert len(frame) == 2 and set(frame["outcome"]) == {FR("col.outcome")}
    assert set(frame["rates"]) == {"20,0\u00a0% → 0,0\u00a0%", "50,0\u00a0% → 0,0\u00a0%"}
    assert set(frame["design"]) == {FR("design.rct")} and set(frame["reliability"]) == {FR("reliability.H")}
    card = clinical.device_evidence(CATALOG, "mcs_x", EN)
    assert card == ["**Cardiogenic shock** — IIa B; strategy: s mcs x shock"]
    assert clinical.device_recommendations(CATALOG, "mcs_x", EN) == "IIa B (Cardiogenic shock)"

"""Device security in the app (issue 19): a device's security card (Catalogue page), what the security rules
leave (Scenario page), MDS2 questionnaires out and completed forms in (Plan page, security view)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from planner import Catalog, Plan, Scenario
from planner.catalog import Device
from planner.mds2 import open_questions
from planner.security import MAX_RISK_SCORE, SCORED_FIELDS, apply_profiles, risk_score, rule_effect
from ui import tables, wording
from ui.i18n import Translator
from ui.views import state
from ui.views.files import MAX_MB, SPREADSHEETS
from ui.views.widgets import guarded, show_notice

ZIP_MIME = "application/zip"


def device_card(catalog: Catalog, scenario: Scenario, device_ids: Sequence[str], t: Translator) -> None:
    """One device's security: score on what is known, how much is known, advisories, open MDS2 questions."""
    if not device_ids:
        return
    with st.expander(t("card.title"), icon=":material/shield:"):
        dev_id = st.selectbox(t("card.device"), list(device_ids), key="ui.card.device",
                              format_func=lambda d: tables.device_option(catalog, t, d))
        dev = apply_profiles(catalog.devices, scenario.security)[dev_id]
        score = risk_score(dev, scenario.security.reference_date)
        c1, c2, c3 = st.columns(3)
        c1.metric(t("card.score"), f"{score.score} / {MAX_RISK_SCORE}", help=t("card.score_help", max=MAX_RISK_SCORE),
                  border=True)
        c2.metric(t("card.known"), t("card.known_value", known=score.known, total=len(SCORED_FIELDS)), border=True)
        c3.metric(t("card.advisories"), len(dev.advisories), border=True)
        st.dataframe(_points_frame(score.points, t), hide_index=True, key="ui.card.points")
        for a in dev.advisories:
            text = t("card.advisory", issuer=a.issuer, reference=a.reference, date=a.date.isoformat(),
                     severity=a.severity, status=a.status, summary=a.summary, source=a.source)
            (st.error if a.status == "open" else st.warning)(text, icon=":material/gpp_maybe:")
        ids = open_questions(score.unknown)
        st.caption(t("card.questions", ids=", ".join(ids)) if ids else t("card.no_questions"))
        st.caption(t("card.source", source=dev.security_source or "—"))


def _points_frame(points: Sequence[tuple[str, str, int]], t: Translator) -> pd.DataFrame:
    rows = [{t("col.field"): t(f"field.{f}"), t("col.value"): v, t("col.points"): p} for f, v, p in points]
    return pd.DataFrame(rows)


def rule_effect_note(catalog: Catalog, scenario: Scenario, t: Translator) -> None:
    """How many devices the scenario's security rules leave, and which rule excludes how many, and why."""
    sec = scenario.security
    if not (sec.require_mds2 or sec.max_risk_score is not None or sec.exclude_unsupported_os):
        return
    effect = rule_effect(catalog.devices, sec)
    parts = [t("rules.effect", allowed=effect.allowed, total=effect.total)]
    if sec.require_mds2:
        parts.append(t("rules.mds2", n=effect.mds2_unknown + effect.mds2_no, unknown=effect.mds2_unknown,
                       no=effect.mds2_no))
    if sec.max_risk_score is not None:
        parts.append(t("rules.score", n=effect.risk_score))
    if sec.exclude_unsupported_os:
        parts.append(t("rules.os", n=effect.unsupported_os))
    if effect.mds2_unknown:
        parts.append(t("rules.hint"))
    (st.warning if effect.allowed < effect.total else st.info)(" ".join(parts), icon=":material/policy:")


def _devices(plan: Plan, catalog: Catalog, scenario: Scenario) -> list[Device]:
    devices = apply_profiles(catalog.devices, scenario.security)
    return [devices[s.device_id] for s in plan.security if s.device_id in devices]


def _upload_form(catalog: Catalog, t: Translator) -> None:
    """Callback: read the uploaded form for the chosen device into the scenario's security profiles."""
    from planner.mds2_import import read_mds2, with_device_profile

    file = st.session_state.get("ui.mds2.upload")
    device = st.session_state.get("ui.mds2.device")
    if file is None or device is None:
        return
    fields: list[str] = []

    def apply() -> None:
        result = read_mds2(file.getvalue(), file.name, device, catalog)
        fields.extend(f"{k}={v}" for k, v in result.profile.given().items())
        state.replace(with_device_profile(state.scenario(), device, result.profile))

    if guarded(apply, scope="mds2", title="mds2.rejected", name=file.name):
        state.set_notice("mds2", state.Notice("success", "mds2.imported", (
            ("name", file.name), ("device", wording.device(catalog, device, t.lang)), ("fields", ", ".join(fields)))))


def plan_section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Download the questionnaires of the plan's devices (zip of one workbook per vendor); import a completed
    form into the scenario's profile of a device."""
    from planner.report.xlsx_mds2 import questionnaires, zip_bytes

    scenario = state.scenario()
    devices = _devices(plan, catalog, scenario)
    if not devices:
        return
    st.markdown(f"**{t('mds2.title')}**")
    st.caption(t("mds2.intro"))
    c1, c2, c3 = st.columns([2, 2, 3], vertical_alignment="bottom")
    c1.download_button(t("mds2.download"), data=lambda: zip_bytes(questionnaires(
                           devices, t.lang, scenario.security.reference_date)),
                       file_name=f"{t('file.mds2')}_{tables.slug(scenario.name)}.zip", mime=ZIP_MIME,
                       key="ui.mds2.download", icon=":material/download:")
    c2.selectbox(t("mds2.device"), [d.id for d in devices], key="ui.mds2.device",
                 format_func=lambda d: tables.device_option(catalog, t, d))
    c3.file_uploader(t("mds2.upload"), type=SPREADSHEETS, key="ui.mds2.upload", on_change=_upload_form,
                     args=(catalog, t), help=t("mds2.upload_help"), max_upload_size=MAX_MB)
    show_notice(t, catalog, "mds2")
    if scenario.security.device_profiles:
        st.caption(t("mds2.profiles", n=len(scenario.security.device_profiles)))

"""The cardiologist's view of a plan: the value with its range, the clinical alerts, coverage and events
avoided per indication and per outcome, and what changed since the previous plan (frames from
:mod:`ui.clinical`)."""

from __future__ import annotations

import streamlit as st

from planner import Catalog, Plan
from ui import clinical, tables
from ui.i18n import Translator
from ui.views import state


def value_caption(plan: Plan, t: Translator) -> None:
    """Under the headline figures: the value's range, its cost per weighted event, what it means."""
    parts = []
    if plan.benefit_low is not None and plan.benefit_high is not None:
        parts.append(t("value.range", low=t.num(plan.benefit_low, 2), high=t.num(plan.benefit_high, 2)))
    cost = plan.cost_per_weighted_event_eur
    sep = " : " if t.lang == "fr" else ": "
    parts.append(t("value.none") if cost is None else f"{t('value.cost_per_event')}{sep}{t.eur(cost)}")
    st.caption(f"{t('plan.benefit')} — {' · '.join(parts)}. {t('value.definition')}")


def alerts(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The plan's clinical alerts in plain words (one bullet each)."""
    if not plan.alerts:
        return
    sites = tables.site_names(plan)
    lines = [f"- {clinical.alert_text(a, catalog, t, sites)}" for a in plan.alerts]
    st.warning("\n".join([f"**{t('plan.alerts')}**", "", *lines]), icon=":material/ecg_heart:")


def section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Per indication: coverage, patients not covered and to refer, events avoided with their range; the events
    by outcome; what changed since the previous plan."""
    st.subheader(t("plan.clinical"))
    st.caption(t("plan.clinical_intro"))
    frame = clinical.clinical_frame(plan, catalog, t)
    st.dataframe(tables.display(frame, t, {"demand": "num1", "coverage_pct": "pct", "not_covered": "num1",
                                           "referred": "num1", "events": "num2", "required": "bool"}),
                 hide_index=True, key="ui.plan.clinical",
                 column_config={t("col.indication"): st.column_config.TextColumn(width="large")})
    outcomes = clinical.outcomes_frame(plan, catalog, t)
    if not outcomes.empty:
        st.markdown(f"**{t('plan.outcomes')}**")
        st.caption(t("plan.outcomes_help"))
        st.dataframe(tables.display(outcomes, t, {"avoided": "num2", "severity": "num2"}), hide_index=True,
                     key="ui.plan.outcomes")
    changes(plan, catalog, t)


def changes(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """What changed since the previous plan (made from other inputs): value, devices in and out, and the
    coverage and events of each indication that moved."""
    previous = state.previous_plan()
    if previous is None or not previous.has_solution or previous is plan:
        return
    diff = clinical.plan_changes(previous, plan)
    sites = tables.site_names(plan)
    with st.expander(t("plan.changes"), expanded=True, icon=":material/difference:"):
        if diff.empty:
            st.markdown(t("plan.changes_none"))
            return
        st.markdown("\n".join(f"- {line}" for line in clinical.changes_lines(diff, catalog, t, sites)))
        if diff.indications:
            st.dataframe(tables.display(clinical.changes_frame(diff, catalog, t, sites), t,
                                        {"coverage_before": "pct", "coverage_after": "pct", "events_before": "num2",
                                         "events_after": "num2", "events_delta": "num2"}),
                         hide_index=True, key="ui.plan.changes")

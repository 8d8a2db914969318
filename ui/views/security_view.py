"""Security view of a plan: each device's profile and risk score, end of support flagged, exclusions."""

from __future__ import annotations

import streamlit as st

from planner import Catalog, Plan
from planner.security import MAX_RISK_SCORE
from ui import decision_tables, tables, wording
from ui.i18n import Translator
from ui.views import mds2_view


def exclusions(plan: Plan, catalog: Catalog, t: Translator, expanded: bool = False) -> None:
    """Devices the scenario's security rules forbid buying, and why (nothing when there are none)."""
    if not plan.security_exclusions:
        return
    with st.expander(t("secv.exclusions", n=len(plan.security_exclusions)), expanded=expanded,
                     icon=":material/block:"):
        frame = decision_tables.exclusions_frame(plan, catalog, t)
        st.dataframe(tables.display(frame, t), hide_index=True, key="ui.plan.exclusions",
                     column_config={t("col.reason"): st.column_config.TextColumn(width="large")})


def section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Risk scores of the plan's devices, end of operating-system support flagged, segmentation capex."""
    st.subheader(t("secv.title"))
    rows = plan.security
    c = plan.costs
    cols = st.columns(4)
    cols[0].metric(t("secv.max_score"), f"{max((s.risk_score for s in rows), default=0)} / {MAX_RISK_SCORE}",
                   help=t("cat.risk_help", max=MAX_RISK_SCORE), border=True)
    cols[1].metric(t("secv.connected"), sum(s.network_connected not in ("none", "unknown") for s in rows),
                   help=t("secv.connected_help"), border=True)
    cols[2].metric(t("secv.flagged_count"), sum(s.flagged for s in rows), border=True)
    cols[3].metric(t("secv.segmentation"), t.eur(c.segmentation_eur if c else 0.0), help=t("secv.segmentation_help"),
                   border=True)
    flagged = [s for s in rows if s.flagged]
    if flagged:
        st.warning(t("secv.flagged", devices="; ".join(
            f"{wording.device(catalog, s.device_id, t.lang)} ({t.opt('os', s.os_status)}, {s.os_end_of_support})"
            for s in flagged)), icon=":material/warning:")
    frame = decision_tables.security_frame(plan, catalog, t)
    st.dataframe(tables.display(frame, t, {"flagged": "bool"}), hide_index=True, key="ui.plan.security",
                 column_config={t("col.risk_score"): st.column_config.ProgressColumn(
                                    t("col.risk_score"), min_value=0, max_value=MAX_RISK_SCORE, format="%d"),
                                t("col.device"): st.column_config.TextColumn(width="large"),
                                t("col.source"): st.column_config.TextColumn(width="large")})
    st.caption(t("secv.caption"))
    exclusions(plan, catalog, t)
    mds2_view.plan_section(plan, catalog, t)

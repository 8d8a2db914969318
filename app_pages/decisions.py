"""Decisions page: the budget ladder ("what do we add first?") and the sensitivity of the configuration."""

import streamlit as st

from ui.views import cached, decision_view, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("dec.title"))
st.caption(t("dec.intro", name=scenario.name))
ladder_tab, sensitivity_tab = st.tabs([t("dec.ladder"), t("dec.sensitivity")])
with ladder_tab:
    decision_view.ladder_section(scenario, catalog, t)
with sensitivity_tab:
    decision_view.sensitivity_section(scenario, catalog, t)

"""Compare page: the current scenario against a bundled example or an uploaded scenario, side by side."""

import streamlit as st

from planner import PlannerInputError
from ui import cached, compare_view, decision_tables, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("cmp.title"))
st.caption(t("cmp.intro"))
other = compare_view.other_scenario(scenario, catalog, t)
if other is not None:
    try:
        with st.spinner(t("cmp.solving")):
            comparison = compare_view.compare(scenario, other, catalog, t)
    except PlannerInputError as exc:
        widgets.show_issues(t("plan.input_error"), [widgets.issue_line(i, t, catalog) for i in exc.issues])
    else:
        sites = {**decision_tables.sites_of(other), **decision_tables.sites_of(scenario)}
        compare_view.render(comparison, sites, catalog, t)

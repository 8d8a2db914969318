"""Compare page: two plans side by side. Each side is the current scenario, a bundled example, an uploaded
scenario, or a saved version of the store (solved, or a plan saved with it)."""

import streamlit as st

from planner import PlannerInputError
from ui import decision_tables
from ui.views import cached, compare_sources, compare_view, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("cmp.title"))
st.caption(t("cmp.intro"))
store = compare_sources.open_store(t)
left = compare_sources.left_side(scenario, store, t)
right = compare_sources.right_side(scenario, catalog, store, t)
if left is not None and right is not None:
    try:
        with st.spinner(t("cmp.solving")):
            comparison = compare_view.compare(left, right, catalog)
    except PlannerInputError as exc:
        widgets.show_issues(t("plan.input_error"), [widgets.issue_line(i, t, catalog) for i in exc.issues])
    else:
        compare_view.other_catalogue((left, right), catalog, t)
        sites = {**decision_tables.sites_of(right.scenario), **decision_tables.sites_of(left.scenario)}
        compare_view.render(comparison, sites, catalog, t)

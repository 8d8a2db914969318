"""Plan page: optimise the current scenario and show the result; why / why not on demand."""

import streamlit as st

from planner import PlannerInputError
from planner.errors import PlannerSolverError
from ui.views import cached, explain_view, plan_view, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()

st.title(t("plan.title"))
st.caption(t("plan.intro"))
if st.button(t("plan.optimise"), key="ui.optimise", type="primary", icon=":material/play_arrow:"):
    scenario = state.scenario()
    try:
        plan = widgets.optimised(scenario, t, catalog)
    except PlannerInputError as exc:
        widgets.show_issues(t("plan.input_error"), [widgets.issue_line(i, t, catalog) for i in exc.issues])
    except PlannerSolverError as exc:
        st.error(t("plan.solver_failed", reason=exc.reason), icon=":material/error:")
    else:
        state.set_plan(plan)

plan = state.plan()
if plan is None:
    st.info(t("plan.none"), icon=":material/info:")
elif plan.catalog_fingerprint != catalog.fingerprint:  # made before the catalogue was extended or restored
    st.info(t("plan.other_catalog"), icon=":material/update:")
else:
    if state.stale():
        st.warning(t("plan.stale"), icon=":material/update:")
    plan_view.render(plan, catalog, t)
    if plan.has_solution:
        explain_view.section(plan, catalog, t)

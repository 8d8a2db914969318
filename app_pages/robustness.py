"""Robustness page: sample futures, evaluate the plan, its stability, or a robust plan (issue 17)."""

import streamlit as st

from planner.errors import PlannerInputError
from planner.robust.backends import BackendError
from planner.robust.run import MODES, RobustRunError
from ui.views import cached, robust_view, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("rb.title"))
st.caption(t("rb.intro", name=scenario.name))
seed_default = scenario.uncertainty.seed if scenario.uncertainty else 0
c1, c2, c3, c4 = st.columns(4)
mode = c1.selectbox(t("rb.mode"), MODES, format_func=lambda m: t(f"rb.mode.{m}"), key="ui.robust.mode")
samples = int(c2.number_input(t("rb.samples"), min_value=1, max_value=500, value=20, key="ui.robust.samples"))
workers = int(c3.number_input(t("rb.workers"), min_value=1, max_value=16, value=1, key="ui.robust.workers"))
seed = int(c4.number_input(t("rb.seed"), min_value=0, max_value=2**31, value=seed_default, key="ui.robust.seed"))
b1, b2 = st.columns([1, 6])
go_clicked = b1.button(t("rb.run"), key="ui.robust.run", type="primary")
if b2.button(t("rb.cancel"), key="ui.robust.cancel"):
    st.info(t("rb.cancelled"))
if go_clicked:
    try:
        st.session_state[state.ROBUST] = robust_view.run(scenario, catalog, mode, samples, workers, seed, t)
    except (PlannerInputError, RobustRunError, BackendError) as exc:
        st.error(t("rb.error", error=str(exc)))
report = st.session_state.get(state.ROBUST)
if report is None:
    st.info(t("rb.none"))
else:
    robust_view.render(report, catalog, t, {s.id: s.name for s in state.scenario().sites})

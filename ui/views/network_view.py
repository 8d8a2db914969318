"""Plan page section of a group planned as a network (issue 15): the network figure, per site what it serves,
refers and receives, and "what if this site became a shock centre", a one-click comparison.

The what-if request is remembered in ``state.REQUESTS`` (the plan's scenario JSON and the site); the solve
goes through :func:`ui.views.cached.plan`, so a rerun or a language switch does not solve again.
"""

from __future__ import annotations

import json

import streamlit as st

from planner import Catalog, Plan, PlannerInputError
from planner.decision import compare_plans
from ui import charts_network, network, tables
from ui.i18n import Translator
from ui.views import cached, compare_view, state
from ui.views.widgets import issue_line, show_issues

WHAT_IF = "shock_centre_what_if"  #: kind of the request in ``state.REQUESTS``
ROLE = "shock_centre"
COUNTS = {"own": "num1", "refers": "num1", "receives": "num1", "no_receiver": "num1"}


def section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The network section, shown when the plan refers cases between sites."""
    if not plan.flows:
        return
    st.subheader(t("netw.title"))
    st.caption(t("netw.intro", year=network.flow_year(plan)))
    fig = charts_network.network_figure(network.nodes(plan, t), network.edges(plan, catalog, t), t)
    st.plotly_chart(fig, key="ui.chart.network")
    st.markdown(f"##### {t('netw.sites')}")
    names = tables.site_names(plan)
    for tab, site_id in zip(st.tabs(list(names.values())), names, strict=True):
        with tab:
            st.dataframe(tables.display(network.site_table(plan, site_id, catalog, t), t, COUNTS), hide_index=True,
                         key=f"ui.netw.site.{site_id}")
    what_if(plan, catalog, t)


def what_if(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """A site selector and a button; once asked, the plan against the plan with that site a shock centre."""
    st.markdown(f"##### {t('netw.what_if')}")
    candidates = {s["id"]: s.get("name", s["id"]) for s in plan.scenario.get("sites", [])
                  if ROLE not in s.get("roles", [])}
    if not candidates:
        st.caption(t("netw.all_shock_centres"))
        return
    scenario = tables.plan_scenario(plan)
    site = st.selectbox(t("netw.what_if_site"), list(candidates), format_func=candidates.__getitem__,
                        key="ui.netw.what_if_site")
    st.button(t("netw.what_if_run"), key="ui.netw.what_if", icon=":material/compare_arrows:",
              on_click=state.request, args=(WHAT_IF, json.dumps([scenario.to_json(), site])))
    raw = state.requested(WHAT_IF)
    asked_json, asked_site = json.loads(raw) if raw else ("", "")
    if asked_json != scenario.to_json() or asked_site not in candidates:
        return
    changed = network.with_role(scenario, asked_site, ROLE)
    try:
        with st.spinner(t("netw.what_if_solving")):
            other = cached.plan(changed.to_json(), catalog.fingerprint, catalog)
    except PlannerInputError as exc:
        show_issues(t("plan.input_error"), [issue_line(i, t, catalog) for i in exc.issues])
        return
    names = [t("netw.current"), t("netw.as_shock_centre", site=candidates[asked_site])]
    compare_view.render(compare_plans([plan, other], names), tables.site_names(plan), catalog, t)

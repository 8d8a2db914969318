"""Why / why not on the Plan page: computed on demand (a button), cached on the plan's scenario JSON."""

from __future__ import annotations

import streamlit as st

from planner import Catalog, Plan, Scenario
from planner.decision import Explanation
from ui import decision_tables, tables, wording
from ui.i18n import Translator
from ui.views import cached, state
from ui.views.widgets import computed, text_columns


def section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """A button that explains the plan shown; once asked, the explanation of that plan."""
    st.subheader(t("why.title"))
    scenario = tables.plan_scenario(plan)
    key = scenario.to_json()
    if state.requested("explain") != key:
        st.caption(t("why.intro"))
        st.button(t("why.run"), key="ui.explain", icon=":material/psychology_alt:", on_click=state.request,
                  args=("explain", key))
        return
    expl = computed(lambda: cached.explanation(key, catalog.fingerprint, catalog), t, catalog, t("why.refused"),
                    t("why.running"))
    if expl is not None:
        render(expl, plan, scenario, catalog, t)


def render(expl: Explanation, plan: Plan, scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Chosen devices (sentences, figures on demand), binding constraints, devices not chosen by reason."""
    sites = decision_tables.sites_of(scenario)
    if expl.benefit is None:
        st.error("\n".join([t("why.no_plan"), "", *(f"- {t.say(d, catalog, sites)}" for d in expl.diagnosis)]))
        return
    st.markdown(f"**{t('why.chosen')}**")
    st.markdown("\n".join(f"- {wording.chosen_line(c, expl.chosen, catalog, t, sites)}"
                          for c in sorted(expl.chosen, key=lambda c: (c.site_id, -c.benefit, c.device_id))))
    with st.expander(t("why.numbers")):
        chosen = decision_tables.chosen_frame(expl, catalog, t, sites)
        st.dataframe(tables.display(chosen, t, {"benefit": "num1", "capex": "eur", "annualised": "eur"}),
                     hide_index=True, key="ui.why.chosen",
                     column_config=text_columns(t, "serves", "without", width="large"))
    st.markdown(f"**{t('why.binding')}**")
    lines = decision_tables.binding_lines(expl, plan, catalog, t)
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else f"_{t('why.no_binding')}_")
    st.markdown(f"**{t('why.not_chosen')}**")
    others = decision_tables.not_chosen_frame(expl, catalog, scenario, t, sites)
    for reason, rows in others.groupby("reason", sort=False):
        open_ = reason in (t("reason.not_affordable"), t("reason.excluded_security"))
        with st.expander(t("why.group", reason=str(reason).capitalize(), n=len(rows)), expanded=open_):
            st.markdown("\n".join(f"- **{r.device}**" + (f" ({r.site})" if "site" in rows else "") + f" — {r.detail}"
                                  for r in rows.itertuples()))
    st.caption(t("why.caption", solves=expl.solves))

"""Rendering of a multi-year :class:`~planner.Plan`: headline figures over the horizon, the procurement schedule
and the retirements, spend by year against the capital envelope, costs by year, budgets, cost of ownership by
device. (The coverage, with its year selector, is :func:`ui.views.plan_view.coverage`.)"""

from __future__ import annotations

import streamlit as st

from planner import Catalog, Plan
from ui import charts, tables, tables_horizon
from ui.i18n import Translator
from ui.views.widgets import table_height, text_columns

MAX_PX = 740  #: tables show about 20 rows before they scroll


def metrics(plan: Plan, t: Translator) -> None:
    """Headline numbers in two rows: the years, total capex, average running cost and TCO (NPV); then the
    benefit over the horizon, the TCO per year and the residual value of the purchases."""
    c = plan.costs
    if c is None:
        return
    years = plan.years
    cols = st.columns(4)
    cols[0].metric(t("hz.horizon", n=len(years)), f"{years[0]}–{years[-1]}", border=True)
    cols[1].metric(t("hz.capex_total"), t.eur(c.capex_eur), help=t("hz.capex_total_help"), border=True)
    cols[2].metric(t("hz.opex_avg"), t.eur(c.opex_eur_per_year), help=t("hz.opex_avg_help"), border=True)
    cols[3].metric(t("hz.tco"), t.eur(c.tco_eur), border=True,
                   help=t("hz.tco_help", start=years[0], rate=t.pct(tables_horizon.discount_rate(plan), 1),
                          residual=t.eur(c.residual_value_eur), annual=t.eur(c.annualised_eur_per_year)))
    cols = st.columns(4)
    cols[0].metric(t("hz.benefit"), t.num(plan.benefit or 0.0, 1), help=t("hz.benefit_help"), border=True)
    cols[1].metric(t("hz.tco_year"), t.eur(c.annualised_eur_per_year), help=t("hz.tco_year_help"), border=True)
    cols[2].metric(t("hz.residual", year=years[-1]), t.eur(c.residual_value_eur), help=t("hz.residual_help"),
                   border=True)


def schedule(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """What to acquire in which year and how, then the installed units reaching the end of their life."""
    st.subheader(t("hz.schedule"))
    frame = tables_horizon.schedule_frame(plan, catalog, t)
    if frame.empty:
        st.info(t("hz.no_acquisition"), icon=":material/info:")
    else:
        st.dataframe(tables.display(frame, t, {"capex": "eur"}), hide_index=True, key="ui.plan.schedule",
                     height=table_height(len(frame), MAX_PX),
                     column_config=text_columns(t, "site", "device", "replaces"))
        st.caption(t("hz.schedule_caption"))
    st.subheader(t("hz.retirements"))
    retired = tables_horizon.retirements_frame(plan, catalog, t)
    if retired.empty:
        st.caption(t("hz.no_retirement"))
    else:
        st.dataframe(tables.display(retired, t), hide_index=True, key="ui.plan.retirements",
                     height=table_height(len(retired), MAX_PX),
                     column_config=text_columns(t, "site", "device", "replaced_by"))


def costs(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Spend by year against the capital envelope, costs by year, budgets, cost of ownership by device."""
    c = plan.costs
    cumulative = tables_horizon.carry_over(plan)
    st.subheader(t("hz.costs"))
    st.plotly_chart(charts.spend_figure(tables_horizon.spend_frame(plan), t, cumulative), key="ui.chart.spend")
    if cumulative:
        st.caption(t("hz.envelope_note_cum", start=plan.years[0]))
    st.markdown(f"**{t('hz.costs_table')}**")
    by_year = tables_horizon.costs_by_year_frame(plan, t)
    money = {c: "eur" for c in tables_horizon.YEAR_COSTS if c in by_year}
    st.dataframe(tables.display(by_year, t, {**money, "factor": "num4"}), hide_index=True,
                 key="ui.plan.costs_by_year")
    if c is not None:
        st.caption(t("hz.tco_caption", residual=t.eur(c.residual_value_eur), tco=t.eur(c.tco_eur),
                     rate=t.pct(tables_horizon.discount_rate(plan), 1)))
    with st.expander(t("plan.budgets")):
        budgets = tables_horizon.budget_frame(plan, t)
        st.dataframe(tables.display(budgets, t, {"limit": "limit", "used": "eur", "binding": "bool"}),
                     hide_index=True, key="ui.plan.budgets")
    st.subheader(t("hz.tco_title"))
    tco = tables_horizon.tco_frame(plan, catalog, t)
    st.dataframe(tables.display(tco, t, {c: "eur" for c in tables_horizon.TCO_COSTS if c in tco}), hide_index=True,
                 key="ui.plan.tco", height=table_height(len(tco), MAX_PX),
                     column_config=text_columns(t, "site", "device"))
    st.caption(t("hz.tco_table_caption"))

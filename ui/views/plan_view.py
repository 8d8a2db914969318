"""Rendering of a :class:`~planner.Plan`: status, metrics, rooms, acquisitions, coverage, costs, budgets; a
multi-year plan's schedule, costs by year and cost of ownership come from :mod:`ui.views.horizon_view`."""

from __future__ import annotations

import streamlit as st

from planner import Catalog, Plan
from ui import charts, tables, tables_horizon
from ui.i18n import Translator
from ui.views import (
    cached,
    clinical_view,
    files,
    horizon_view,
    money_view,
    network_view,
    security_view,
    specs_view,
    widgets,
)


def status(plan: Plan, t: Translator, catalog: Catalog | None = None) -> None:
    """Status line; when there is no configuration, the diagnosis in plain words; the input warnings."""
    label = t.opt("status", plan.status)
    if plan.has_solution:
        gap = f" ({t('plan.gap', gap=t.pct(plan.mip_gap, 2))})" if plan.mip_gap else ""
        st.success(t("plan.status", status=label) + gap, icon=":material/task_alt:")
    else:
        sites = tables.site_names(plan)
        lines = [f"- {t.say(d, catalog, sites)}" for d in plan.diagnosis] or [f"- {t('plan.no_diagnosis')}"]
        st.error("\n".join([t("plan.status", status=label), "", t(f"plan.why.{plan.status}"), "", *lines]),
                 icon=":material/error:")
    if plan.warnings:
        st.warning("\n".join([t("plan.warnings"), "", *(f"- {widgets.issue_line(w, t, catalog)}"
                                                       for w in plan.warnings)]), icon=":material/warning:")


def ways_out(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """For a plan without solution: the smallest relaxation and the single fixes, in the user's words."""
    if plan.status != "infeasible":
        return
    scenario = tables.plan_scenario(plan)
    diag = cached.diagnosis(scenario.to_json(), catalog.fingerprint, catalog)
    sites = tables.site_names(plan)
    parts = []
    if diag.relaxations:
        parts += [f"**{t('plan.fix_smallest')}**", "",
                  *(f"- {t.say(r.text, catalog, sites)}" for r in diag.relaxations), ""]
    if diag.single_fixes:
        parts += [f"**{t('plan.fix_single')}**", "",
                  *(f"- {t.say(r.text, catalog, sites)}" for r in diag.single_fixes)]
    if parts:
        st.info("\n".join(parts), icon=":material/lightbulb:")


def metrics(plan: Plan, t: Translator) -> None:
    """Headline numbers: weighted events avoided per year, capex, opex per year, annualised cost per year."""
    c = plan.costs
    if c is None:
        return
    cols = st.columns(4)
    cols[0].metric(t("plan.benefit"), t.num(plan.benefit or 0.0, 2), help=t("value.definition"), border=True)
    cols[1].metric(t("plan.capex"), t.eur(c.capex_eur), border=True)
    cols[2].metric(t("plan.opex"), t.eur(c.opex_eur_per_year), help=t("plan.opex_help"), border=True)
    cols[3].metric(t("plan.annualised"), t.eur(c.annualised_eur_per_year), help=t("plan.annualised_help"),
                   border=True)


def room_cards(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The standard configuration: one card per room, then the site's shared devices."""
    names = tables.site_names(plan)
    for site_id, rooms in tables.rooms(plan).items():
        st.markdown(f"##### {names.get(site_id, site_id)}")
        cols = st.columns(min(len(rooms), 4))
        for j, (room, devices) in enumerate(rooms):
            with cols[j % len(cols)], st.container(border=True):
                title = t("plan.shared") if room == "shared" else t("plan.room", room=room)
                items = [f"- {t.opt('family', catalog.devices[d].family)} — {catalog.devices[d].label(t.lang)}"
                         for d in devices if d in catalog.devices]
                st.markdown("\n".join([f"**{title}**", "", *(items or [f"_{t('plan.no_device')}_"])]))


def coverage(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Demand against cases served per indication, by device; for a multi-year plan, of the year chosen (the
    last by default)."""
    st.subheader(t("plan.coverage"))
    year = None
    if tables_horizon.is_multi_year(plan):
        years = list(plan.years)
        year = st.select_slider(t("hz.coverage_year"), options=years, value=years[-1],
                                key=f"ui.plan.year.{years[0]}_{years[-1]}")
    cov = tables.coverage_frame(plan, catalog, t, year)
    st.plotly_chart(charts.coverage_figure(cov, tables.served_frame(plan, catalog, t, year), t),
                    key="ui.chart.coverage")
    with st.expander(t("plan.coverage_table")):
        st.dataframe(tables.display(cov, t, {"demand": "num1", "served": "num1", "share": "pct", "floor": "pct",
                                             "weight": "num1"}), hide_index=True, key="ui.plan.coverage")


def details(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """Acquisitions, coverage, cost breakdown and budgets (a one-year plan)."""
    st.subheader(t("plan.acquisitions"))
    acq = tables.acquisitions_frame(plan, catalog, t)
    st.dataframe(tables.display(acq, t, {"in_use": "bool", "unit_capex": "eur", "capex": "eur"}),
                 hide_index=True, key="ui.plan.acquisitions",
                 column_config={t("col.device"): st.column_config.TextColumn(width="large")})
    coverage(plan, catalog, t)
    left, right = st.columns(2)
    with left:
        st.subheader(t("plan.costs"))
        st.plotly_chart(charts.cost_figure(tables.cost_by_family(plan), t), key="ui.chart.costs")
    with right:
        st.subheader(t("plan.budgets"))
        budgets = tables.budget_frame(plan)
        st.plotly_chart(charts.budget_figure(budgets, t), key="ui.chart.budgets")
        shown = budgets.assign(budget=[t(f"budget.{b}") for b in budgets["budget"]])
        st.dataframe(tables.display(shown, t, {"limit": "limit", "used": "eur", "binding": "bool"}),
                     hide_index=True, key="ui.plan.budgets")


def render(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The whole plan: status, figures and clinical alerts, downloads, configuration, details (by year over a
    multi-year horizon), the cardiologist's view, security view."""
    status(plan, t, catalog)
    if not plan.has_solution:
        ways_out(plan, catalog, t)
        security_view.exclusions(plan, catalog, t, expanded=True)
        return
    multi = tables_horizon.is_multi_year(plan)
    (horizon_view.metrics if multi else metrics)(plan, t)
    clinical_view.value_caption(plan, t)
    clinical_view.alerts(plan, catalog, t)
    files.plan_downloads(plan, catalog, t)
    specs_view.section(plan, catalog, t)
    st.subheader(t("hz.rooms", year=plan.years[-1]) if multi else t("plan.rooms"))
    room_cards(plan, catalog, t)
    if multi:
        horizon_view.schedule(plan, catalog, t)
        coverage(plan, catalog, t)
        horizon_view.costs(plan, catalog, t)
    else:
        details(plan, catalog, t)
    money_view.section(plan, t)
    network_view.section(plan, catalog, t)
    clinical_view.section(plan, catalog, t)
    security_view.section(plan, catalog, t)
    s = plan.solver
    st.caption(t("plan.solver_info", solver=s.version or s.name, time=t.num(s.time_s, 2),
                 fingerprint=plan.catalog_fingerprint))

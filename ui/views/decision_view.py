"""Decisions page sections: the budget ladder and the sensitivity analysis, each run on a button.

What the user asked for is remembered in ``state.REQUESTS`` (the scenario JSON and the options); the
results come from :mod:`ui.views.cached`, so a page switch or a language switch does not re-solve. A result made
for inputs that changed since is still shown, flagged as out of date.
"""

from __future__ import annotations

import dataclasses
import json

import streamlit as st

from planner import Catalog, Plan, PlannerInputError, Scenario, parse_scenario
from planner.decision import Ladder, Sensitivity
from planner.decision.path import PurchasePath
from planner.inputs import effective_devices
from ui import charts_decision, decision_tables, tables
from ui.i18n import Translator
from ui.views import cached, state
from ui.views.widgets import issue_line, show_issues, table_height, with_progress

TWELVE_ROWS_PX = 38 + 35 * 12  #: the ladder's tables scroll after 12 rows

DEFAULT_STEPS = 20


def _ask(kind: str, scenario_json: str, *option_keys: str) -> None:
    """Button callback: remember the request (the scenario JSON and the options' widget values)."""
    options = [st.session_state.get(k) for k in option_keys]
    state.request(kind, json.dumps([scenario_json, *options]))


def _asked(kind: str, current: str, t: Translator) -> list[object] | None:
    """The options of the last ``kind`` request (scenario JSON first); warns when the inputs changed since."""
    raw = state.requested(kind)
    if raw is None:
        return None
    asked: list[object] = json.loads(raw)
    if asked[0] != current:
        st.warning(t("dec.stale"), icon=":material/update:")
    return asked


def _sites(scenario_json: str) -> dict[str, str]:
    return decision_tables.sites_of(parse_scenario(json.loads(scenario_json), source="scenario"))


# ---------------------------------------------------------------- budget ladder


def ladder_section(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Steps and a button; the frontier, the tiers, the steps and the changes of the last ladder asked for."""
    st.caption(t("dec.ladder_intro"))
    c1, c2 = st.columns([1, 4], vertical_alignment="bottom")
    c1.number_input(t("dec.steps"), min_value=3, max_value=40, value=DEFAULT_STEPS, step=1, key="ui.ladder.steps")
    current = scenario.to_json()
    c2.button(t("dec.ladder_run"), key="ui.ladder.run", type="primary", icon=":material/stairs:",
              on_click=_ask, args=("ladder", current, "ui.ladder.steps"))
    asked = _asked("ladder", current, t)
    if asked is None:
        st.info(t("dec.ladder_none"), icon=":material/info:")
        return
    scenario_json, n = str(asked[0]), int(str(asked[1]))
    path = cached.held("path", cached.path_key(scenario_json, catalog.fingerprint, n)) or with_progress(
        lambda progress: cached.purchase_path(scenario_json, catalog.fingerprint, n, catalog, progress), t, catalog,
        t("dec.refused"), t("dec.ladder_running"), "ladder")
    if path is not None:
        render_path(path, catalog, t, _sites(scenario_json))
        if path.frontier.has_solution:
            st.subheader(t("path.frontier_title"))
        # the tiers shown are the path's: a device is prioritised where the hospital buys it for good
        ladder = dataclasses.replace(path.frontier, tiers=path.tiers) if path.steps else path.frontier
        render_ladder(ladder, catalog, t, _sites(scenario_json))


def render_path(path: PurchasePath, catalog: Catalog, t: Translator, sites: dict[str, str]) -> None:
    """The nested purchase path: its status, the gap to the frontier, the chart with both, the step table."""
    if not path.frontier.has_solution:
        return  # render_ladder says why there is no plan
    st.subheader(t("path.title"))
    st.caption(t("path.intro"))
    if not path.steps:
        st.error(t("path.no_path", status=path.status), icon=":material/error:")
        return
    if path.status != "optimal":
        st.warning(t("path.gap", gap=t.pct(path.mip_gap or 0.0, 2)), icon=":material/warning:")
    cols = st.columns(3)
    cols[0].metric(t("path.max_lost"), f"{t.num(path.max_value_lost, 2)} ({t.pct(path.max_value_lost_share, 1)})",
                   border=True)
    cols[1].metric(t("path.mean_lost"), f"{t.num(path.mean_value_lost, 2)} ({t.pct(path.mean_value_lost_share, 1)})",
                   border=True)
    cols[2].metric(t("path.status"), t(f"status.{path.status}"), border=True)
    st.plotly_chart(charts_decision.path_frontier(path, catalog, t, sites), key="ui.chart.path")
    steps = decision_tables.path_steps(path, catalog, sites, t.lang)
    st.dataframe(tables.display(steps, t, {"budget": "eur", "path_benefit": "num2", "frontier_benefit": "num2",
                                           "value_lost": "num2", "value_lost_share": "pct1", "capex_used": "eur",
                                           "annualised": "eur"}),
                 hide_index=True, key="ui.path.table", height=table_height(len(steps), TWELVE_ROWS_PX),
                 column_config={t("col.buy"): st.column_config.TextColumn(width="large")})
    st.caption(t("path.caption", variables=path.variables, constraints=path.constraints, time=t.num(path.time_s, 2),
                 frontier=t.num(path.frontier.time_s, 2)))


def render_ladder(ladder: Ladder, catalog: Catalog, t: Translator, sites: dict[str, str]) -> None:
    """Headline budgets, the frontier chart (optimiser vs greedy), the tiers, the steps, the changes."""
    if not ladder.has_solution:
        st.error("\n".join([t("dec.ladder_no_plan"), "", *(f"- {t.say(d, catalog, sites)}" for d in ladder.diagnosis)]),
                 icon=":material/error:")
        return
    gains = [p.gain_over_greedy for p in ladder.points if p.gain_over_greedy is not None]
    cols = st.columns(4)
    cols[0].metric(t("dec.min_budget"), t.eur(ladder.min_budget_eur), help=t("dec.min_budget_help"), border=True)
    cols[1].metric(t("dec.max_budget"), t.eur(ladder.max_budget_eur), help=t("dec.max_budget_help"), border=True)
    cols[2].metric(t("dec.scenario_budget"), t.eur(ladder.scenario_budget_eur), border=True)
    cols[3].metric(t("dec.max_gain"), t.num(max(gains, default=0.0), 1), help=t("dec.max_gain_help"), border=True)
    show_greedy = st.toggle(t("dec.show_greedy"), value=True, key="ui.ladder.greedy", help=t("dec.greedy_help"))
    st.plotly_chart(charts_decision.frontier(ladder, catalog, t, sites, show_greedy), key="ui.chart.frontier")
    st.subheader(t("dec.tiers"))
    st.caption(t("dec.tiers_help", share=t.pct(ladder.recommended_share)))
    st.dataframe(tables.display(decision_tables.ladder_tiers(ladder, catalog, t, sites), t, {"entry_budget": "eur"}),
                 hide_index=True, key="ui.ladder.tiers")
    st.subheader(t("dec.steps_title"))
    steps = decision_tables.ladder_steps(ladder, catalog, sites, t.lang)
    st.dataframe(tables.display(steps, t, {"budget": "eur", "benefit": "num1", "greedy": "num1", "gain": "num1",
                                           "capex_used": "eur", "annualised": "eur"}),
                 hide_index=True, key="ui.ladder.table",
                 height=table_height(len(steps), TWELVE_ROWS_PX),
                 column_config={t("col.entering"): st.column_config.TextColumn(width="large")})
    st.subheader(t("dec.changes"))
    changes = decision_tables.ladder_changes(ladder, catalog, t, sites)
    st.dataframe(tables.display(changes, t, {"budget": "eur"}), hide_index=True, key="ui.ladder.changes",
                 height=table_height(max(len(changes), 1), TWELVE_ROWS_PX),
                 column_config={t("col.change"): st.column_config.TextColumn(width="large")})
    st.caption(t("dec.ladder_caption", points=len(ladder.points), solves=ladder.solves, time=t.num(ladder.time_s, 2)))


# ---------------------------------------------------------------- sensitivity


def _subjects(plan: Plan, scenario: Scenario, catalog: Catalog) -> tuple[list[str], list[str]]:
    """Indications with demand (weights) and chosen devices with a consumable price (prices)."""
    with_demand = {c.indication_id for c in plan.coverage if c.demand_cases > 0}
    weights = [k for k in tables.indication_order(catalog) if k in with_demand]
    eff = effective_devices(catalog, scenario)
    prices = sorted({a.device_id for a in plan.acquisitions if a.in_use and a.device_id in eff
                     and eff[a.device_id].consumable_eur_per_case > 0})
    return weights, prices


def sensitivity_section(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Choose the weights and prices to test, run on a button (slow: many re-solves), show the tornado."""
    st.caption(t("dec.sens_intro"))
    current = scenario.to_json()
    try:
        plan = cached.plan(current, catalog.fingerprint, catalog)
    except PlannerInputError as exc:
        show_issues(t("plan.input_error"), [issue_line(i, t, catalog) for i in exc.issues])
        return
    if not plan.has_solution:
        st.info(t("dec.sens_no_plan"), icon=":material/info:")
        return
    weights, prices = _subjects(plan, scenario, catalog)
    c1, c2 = st.columns(2)
    chosen_w = c1.multiselect(t("dec.sens_weights"), weights, default=weights, key="ui.sens.weights",
                              format_func=lambda k: catalog.indications[k].name(t.lang), placeholder=t("ui.none"))
    chosen_p = c2.multiselect(t("dec.sens_prices"), prices, default=prices, key="ui.sens.prices",
                              format_func=lambda d: tables.device_name(catalog, d, t.lang), placeholder=t("ui.none"))
    n = len(chosen_w) + len(chosen_p)
    st.caption(t("dec.sens_cost", n=n, low=10 * n, high=16 * n))
    st.button(t("dec.sens_run"), key="ui.sens.run", type="primary", icon=":material/tune:", disabled=n == 0,
              on_click=_ask, args=("sensitivity", current, "ui.sens.weights", "ui.sens.prices"))
    asked = _asked("sensitivity", current, t)
    if asked is None:
        return
    scenario_json = str(asked[0])
    ws: tuple[str, ...] = tuple(str(k) for k in asked[1])  # type: ignore[attr-defined]
    ps: tuple[str, ...] = tuple(str(d) for d in asked[2])  # type: ignore[attr-defined]
    sens = cached.held("sensitivity", cached.sensitivity_key(scenario_json, catalog.fingerprint, ws, ps)) or \
        with_progress(lambda progress: cached.sensitivity(scenario_json, catalog.fingerprint, ws, ps, catalog,
                                                          progress), t, catalog, t("dec.refused"),
                      t("dec.sens_running"), "sensitivity")
    if sens is not None:
        render_sensitivity(sens, catalog, t, _sites(scenario_json))


def render_sensitivity(sens: Sensitivity, catalog: Catalog, t: Translator, sites: dict[str, str]) -> None:
    """The tornado chart and the table of ranges."""
    if not sens.ranges:
        why = [f"- {t.say(d, catalog, sites)}" for d in sens.diagnosis]
        st.error("\n".join([t("dec.sens_none"), "", *why]), icon=":material/error:")
        return
    st.plotly_chart(charts_decision.tornado(sens, catalog, t, sites), key="ui.chart.tornado")
    frame = decision_tables.sensitivity_ranges(sens, catalog, t, sites)
    st.dataframe(tables.display(frame, t), hide_index=True, key="ui.sens.table",
                 column_config={t("col.below"): st.column_config.TextColumn(width="large"),
                                t("col.above"): st.column_config.TextColumn(width="large")})
    st.caption(t("dec.sens_caption", solves=sens.solves, time=t.num(sens.time_s, 1),
                 tolerance=t.pct(sens.tolerance)))

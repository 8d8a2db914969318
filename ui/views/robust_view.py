"""Robustness page pieces: the run (progress bar) and the report (metrics, histograms, frequency, regret)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from planner.catalog import Catalog
from planner.messages import msg
from planner.report import charts_robust
from planner.robust.backends import Backend
from planner.robust.run import RobustOptions, RobustReport, run_robustness
from planner.robust_cli import in_use_message
from planner.scenario import Scenario
from ui.i18n import Translator

Translate = Translator


def run(scenario: Scenario, catalog: Catalog, mode: str, samples: int, workers: int, seed: int,
        t: Translate) -> RobustReport:
    """Run with a progress bar (a click on Cancel reruns the page, which stops this run and its workers)."""
    bar = st.progress(0.0, text=t("rb.progress", done=0, total=samples))

    def progress(done: int, total: int) -> None:
        bar.progress(done / max(total, 1), text=t("rb.progress", done=done, total=total))

    options = RobustOptions(mode=mode, samples=samples, seed=seed, fit_samples=min(samples, 10),  # type: ignore[arg-type]
                            backend=Backend(workers=workers))
    return run_robustness(catalog, scenario, options, progress=progress)


def render(report: RobustReport, catalog: Catalog, t: Translate, sites: dict[str, str]) -> None:
    """Metrics, histograms, selection frequency, regret and the robust plan beside the deterministic one (sites:
    id -> name)."""
    if report.notes:
        st.caption(t("rb.note"))
    cols = st.columns(2 * len(report.plans))
    for i, p in enumerate(report.plans):
        name = t.opt("robust.plan", p.name)
        cols[2 * i].metric(t("rb.value", plan=name), t.num(p.value.mean, 2),
                           help=t("rb.range", low=t.num(p.value.p5, 2), high=t.num(p.value.p95, 2)))
        cols[2 * i + 1].metric(t("rb.overrun", plan=name), t.pct(p.opex_overrun_probability))
    left, right = st.columns(2)
    with left:
        st.subheader(t("rb.hist_value"))
        st.plotly_chart(charts_robust.histogram(report, "values", t("rb.value_axis")), key="ui.chart.rb_value")
    with right:
        st.subheader(t("rb.hist_cost"))
        st.plotly_chart(charts_robust.histogram(report, "costs_eur", t("rb.cost_axis")), key="ui.chart.rb_cost")
    if report.stability is not None:
        _stability(report, catalog, t)
    if len(report.plans) > 1:
        st.subheader(t("rb.compare"))
        st.dataframe(comparison(report, t, catalog, sites), hide_index=True)
    st.download_button(t("rb.download"), data=report.to_json(), file_name="robustness.json",
                       mime="application/json", key="ui.robust.json")


def _stability(report: RobustReport, catalog: Catalog, t: Translate) -> None:
    def name(d: str) -> str:
        return catalog.devices[d].label(t.lang) if d in catalog.devices else d

    st.subheader(t("rb.frequency"))
    st.plotly_chart(charts_robust.selection_frequency(report, name), key="ui.chart.rb_frequency")
    st.subheader(t("rb.regret"))
    regrets = list(report.stability.regrets) if report.stability else []
    fig = go.Figure(go.Histogram(x=regrets)).update_layout(xaxis_title=t("rb.regret_axis"), height=280)
    st.plotly_chart(fig, key="ui.chart.rb_regret")


def comparison(report: RobustReport, t: Translate, catalog: Catalog, sites: dict[str, str]) -> pd.DataFrame:
    """One row per plan: out-of-sample mean value, nominal value, overrun probability, equipment in use (by
    name)."""
    return pd.DataFrame([{t("rb.col.plan"): t.opt("robust.plan", p.name), t("rb.col.mean"): round(p.value.mean, 3),
                          t("rb.col.nominal"): round(nominal, 3),
                          t("rb.col.overrun"): t.pct(p.opex_overrun_probability),
                          t("rb.col.equipment"): t.say(msg("text_list", items=in_use_message(uses)), catalog, sites)}
                         for p, nominal, uses in zip(report.plans, report.nominal_value, report.in_use, strict=True)])

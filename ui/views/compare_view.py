"""Compare page: two plans side by side (the sides come from :mod:`ui.views.compare_sources`), what differs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Catalog
from planner.decision import Comparison, compare_plans
from ui import charts_decision, decision_tables, tables
from ui.i18n import Translator
from ui.views import cached
from ui.views.compare_sources import Side

HIGHLIGHT = "background-color: rgba(255, 193, 7, 0.25)"


def compare(left: Side, right: Side, catalog: Catalog) -> Comparison:
    """Both plans side by side: a saved plan as it was saved, any other side solved (cached)."""
    plans = [cached.plan(side.scenario.to_json(), catalog.fingerprint, catalog) if side.plan is None else side.plan
             for side in (left, right)]
    names = [left.name, right.name]
    if names[1] == names[0]:
        names[1] += " (2)"
    return compare_plans(plans, names)


def other_catalogue(sides: tuple[Side, ...], catalog: Catalog, t: Translator) -> None:
    """A note when a saved plan was made with another catalogue than the one in use."""
    for side in sides:
        if side.plan is not None and side.plan.catalog_fingerprint != catalog.fingerprint:
            st.caption(t("cmp.other_catalogue", name=side.name, fingerprint=side.plan.catalog_fingerprint[:12]))


def _highlighted(frame: pd.DataFrame, shown: pd.DataFrame) -> object:
    """The displayed table with the rows that differ highlighted."""
    differs = list(frame["differs"])
    return shown.style.apply(lambda row: [HIGHLIGHT if differs[row.name] else "" for _ in row], axis=1)


def render(comp: Comparison, sites: dict[str, str], catalog: Catalog, t: Translator) -> None:
    """Headline figures and chart, then devices and coverage with the differences highlighted."""
    names = {n: n for n in comp.names}
    st.dataframe(tables.display(decision_tables.comparison_summary(comp, t), t, labels=names), hide_index=True,
                 key="ui.cmp.summary")
    st.plotly_chart(charts_decision.comparison(comp, t), key="ui.chart.compare")
    only = st.toggle(t("cmp.only_differences"), key="ui.cmp.only", value=False)
    for kind, frame in (("devices", decision_tables.comparison_devices(comp, catalog, t, sites)),
                        ("coverage", decision_tables.comparison_coverage(comp, catalog, t, sites))):
        if only:
            frame = frame[frame["differs"]].reset_index(drop=True)
        st.subheader(t(f"cmp.{kind}"))
        st.caption(t("cmp.differences", n=int(frame["differs"].sum()), total=len(frame)))
        if kind == "devices" and comp.equivalent_products:
            st.caption(t("cmp.equivalent_note", n=len(comp.equivalent_products)))
        shown = tables.display(frame, t, {"differs": "bool"}, labels={**names, "differs": t("cmp.differs"),
                                                                          "difference": t("cmp.difference")})
        st.dataframe(_highlighted(frame, shown), hide_index=True, key=f"ui.cmp.{kind}",
                     column_config={t("col.device"): st.column_config.TextColumn(width="medium"),
                                    t("col.indication"): st.column_config.TextColumn(width="medium")})
    for summary in comp.plans:
        if summary.diagnosis:
            why = [f"- {t.say(d, catalog, sites)}" for d in summary.diagnosis]
            st.error("\n".join([t("cmp.no_plan", name=summary.name), "", *why]),
                     icon=":material/error:")

"""Compare page: the current scenario against a bundled example or an uploaded scenario, side by side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Catalog, PlannerInputError, Scenario
from planner.decision import Comparison, compare_plans
from ui import cached, charts_decision, decision_tables, edits, tables
from ui.i18n import Translator
from ui.widgets import issue_line, show_issues

UPLOAD = "upload"
HIGHLIGHT = "background-color: rgba(255, 193, 7, 0.25)"


def other_scenario(current: Scenario, catalog: Catalog, t: Translator) -> Scenario | None:
    """The scenario to compare with: a bundled example (another than the current one by default) or an upload."""
    examples = list(edits.bundled_examples())
    names = {e: edits.load_example(e).name for e in examples}
    # the first other example, network examples (with referral links) last
    order = sorted(range(len(examples)), key=lambda i: bool(edits.load_example(examples[i]).referral_rules))
    default = next((i for i in order if names[examples[i]] != current.name), 0)
    choice = st.radio(t("cmp.with"), [*examples, UPLOAD], index=default, key="ui.cmp.with", horizontal=True,
                      format_func=lambda e: t("cmp.upload_option") if e == UPLOAD else t.opt("example", e))
    if choice != UPLOAD:
        return edits.load_example(choice)
    file = st.file_uploader(t("cmp.upload"), type=["yaml", "yml", "xlsx"], key="ui.cmp.upload",
                            help=t("sc.upload_help"))
    if file is None:
        st.info(t("cmp.upload_none"), icon=":material/info:")
        return None
    try:
        return edits.checked_upload(file.getvalue(), file.name, catalog)
    except PlannerInputError as exc:
        show_issues(t("cmp.upload_rejected", name=file.name), [issue_line(i, t, catalog) for i in exc.issues])
        return None


def compare(current: Scenario, other: Scenario, catalog: Catalog, t: Translator) -> Comparison:
    """Both plans (cached solves) side by side; the current scenario's column says it is the current one."""
    plans = [cached.plan(s.to_json(), catalog.fingerprint, catalog) for s in (current, other)]
    names = [t("cmp.current", name=current.name), other.name]
    if names[1] == names[0]:
        names[1] += " (2)"
    return compare_plans(plans, names)


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
        shown = tables.display(frame, t, {"differs": "bool"}, labels={**names, "differs": t("cmp.differs")})
        st.dataframe(_highlighted(frame, shown), hide_index=True, key=f"ui.cmp.{kind}",
                     column_config={t("col.device"): st.column_config.TextColumn(width="medium"),
                                    t("col.indication"): st.column_config.TextColumn(width="medium")})
    for summary in comp.plans:
        if summary.diagnosis:
            st.error("\n".join([t("cmp.no_plan", name=summary.name), "", *(f"- {d}" for d in summary.diagnosis)]),
                     icon=":material/error:")

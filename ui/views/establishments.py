"""The "Start from an establishment" section of the Scenario page: search the public SAE data, pick one or several
establishments, see their public and derived figures side by side, adjust the ratios, load them as the sites.

Loading runs in a callback through :func:`ui.views.widgets.guarded`: on any input error the previous scenario is kept
and every problem is shown; on success the public-data warnings (400-PCI threshold...) come with the notice.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner import Catalog, Scenario
from planner.publicdata import sae
from planner.publicdata.checks import public_data_issues
from planner.publicdata.mapping import DEFAULT_VENDOR
from planner.publicdata.ratios import DEFAULT_RATIOS, Ratios, with_overrides
from planner.publicdata.scenario import mapped_sites, sites_scenario
from planner.schema import ANGIO_VENDORS
from ui import edits, establishments_tables
from ui.i18n import Translator
from ui.views import state, widgets

QUERY, PICK, VENDOR, BUDGET, LOAD = "ui.sae.query", "ui.sae.pick", "ui.sae.vendor", "ui.sae.budget", "ui.sae.load"
RATIO = "ui.sae.ratio."  #: + ratio key
MAX_HITS = 50


def _ratios() -> Ratios:
    return with_overrides({r.key: float(st.session_state.get(RATIO + r.key, r.value)) for r in DEFAULT_RATIOS},
                          source="app")


def _load(catalog: Catalog) -> None:
    picked: list[str] = list(st.session_state.get(PICK, []))
    loaded: list[Scenario] = []

    def apply() -> None:
        rows = sae.find(picked)
        new = sites_scenario(rows, _ratios(), vendor=st.session_state.get(VENDOR, DEFAULT_VENDOR),
                             base=state.scenario(), keep_budget=not st.session_state.get(BUDGET, True))
        loaded.append(edits.checked(new.to_dict(), catalog))
        state.replace(loaded[0])

    if widgets.guarded(apply, title="sae.rejected"):
        state.set_notice("scenario", state.Notice("success", "sae.loaded", (("n", len(picked)),),
                                                  tuple(public_data_issues(loaded[0]))))


def _picker(data: sae.SaeYear, t: Translator) -> list[str]:
    """Search box and the multiselect of establishments (the ones already chosen stay listed)."""
    query = st.text_input(t("sae.search"), key=QUERY, placeholder="CH Saint-Quentin, Brest, 020000162…")
    hits = sae.search(query, data, limit=MAX_HITS) if query else []
    if query:
        st.caption(t("sae.found", n=len(hits)) if hits else t("sae.none"))
    labels = data.by_finess()
    chosen = [f for f in st.session_state.get(PICK, []) if f in labels]
    options = list(dict.fromkeys([*chosen, *(h.finess for h in hits)]))
    return list(st.multiselect(t("sae.pick"), options, key=PICK, format_func=lambda f: labels[f].label))


def _settings(t: Translator) -> None:
    """The ratios (with their sources as help), the default vendor and the budget choice."""
    st.markdown(f"**{t('sae.ratios')}**")
    for col, r in zip(st.columns(len(DEFAULT_RATIOS)), DEFAULT_RATIOS, strict=True):
        # the default as the widget's own value: a ratio input never starts at its minimum, whatever the order
        # in which the browser sends the widgets of a rerun
        col.number_input(t(f"sae.ratio.{r.key}"), key=RATIO + r.key, min_value=r.low, max_value=r.high,
                         value=float(st.session_state.get(RATIO + r.key, r.value)),
                         step=0.01 if r.value < 10 else 25.0, help=r.source)
    c1, c2 = st.columns([1, 2], vertical_alignment="bottom")
    st.session_state.setdefault(VENDOR, DEFAULT_VENDOR)
    c1.selectbox(t("sae.vendor"), ANGIO_VENDORS, key=VENDOR, format_func=lambda v: t.opt("vendor", v))
    st.session_state.setdefault(BUDGET, True)
    c2.toggle(t("sae.budget"), key=BUDGET)


def _table(frame: Any) -> None:
    st.dataframe(frame, hide_index=True, height=widgets.table_height(len(frame), 400))


def section(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Search, pick, compare, adjust and load establishments; then where the sites' figures come from."""
    data = sae.load_year()
    with st.expander(t("sae.title"), icon=":material/domain:"):  # a constant `expanded`: no remount on reruns
        st.caption(t("sae.intro", year=data.year))
        picked = _picker(data, t)
        _settings(t)
        if picked:
            st.markdown(f"**{t('sae.compare')}**")
            vendor = st.session_state.get(VENDOR, DEFAULT_VENDOR)
            mapped = mapped_sites(sae.find(picked, data), _ratios(), vendor=vendor)
            _table(establishments_tables.comparison_frame(mapped, t))
        st.button(t("sae.load"), key=LOAD, on_click=_load, args=(catalog,), disabled=not picked, type="primary",
                  icon=":material/domain_add:")
    if scenario.provenance:
        with st.expander(t("sae.provenance"), icon=":material/fact_check:", expanded=True):
            _table(establishments_tables.provenance_frame(scenario, t))

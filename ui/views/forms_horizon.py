"""The horizon section of the Scenario page: years, discounting, price escalation, activity growth, acquisition
modes, yearly envelopes and carry-over. Returns candidate scenario data for :func:`ui.views.widgets.submit`.

Rates are typed as percentages; :mod:`ui.edits` turns them back into the scenario's rates and writes only
what changed, so that a one-year scenario leaves this section exactly as it came.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pandas as pd
import streamlit as st

from planner.scenario import ESCALATION_KEYS
from planner.schema import ACTIVITIES
from ui import edits
from ui.i18n import Translator
from ui.views.widgets import number, table_height, toggle


def horizon_form(data: dict[str, Any], t: Translator) -> dict[str, Any]:
    """Horizon, first year, discount rate; escalation and growth; modes; yearly envelopes and carry-over."""
    st.caption(t("hz.intro"))
    c1, c2, c3, _ = st.columns([2, 2, 2, 3])
    with c1:
        data["horizon_years"] = number(t("hz.years"), "in.hz.years", data["horizon_years"], min_value=1,
                                       max_value=50, step=1)
    with c2:
        data["start_year"] = number(t("hz.start"), "in.hz.start", data["start_year"], min_value=1990,
                                    max_value=2200, step=1)
    with c3:
        shown = number(t("hz.discount"), "in.hz.discount", edits.pct(data["discount_rate"]), min_value=0.0,
                       max_value=100.0, step=0.5, format="%.2f", help=t("hz.discount_help"))
        data["discount_rate"] = edits.rate(shown, data["discount_rate"])
    left, right = st.columns(2)
    with left:
        data["price_escalation"] = _rates(t("hz.escalation"), "in.hz.esc", data["price_escalation"],
                                          {k: t(f"esc.{k}") for k in ESCALATION_KEYS}, t("hz.escalation_help"))
    with right:
        data["activity_growth"] = _rates(t("hz.growth"), "in.hz.growth", data["activity_growth"],
                                         {k: t(f"activity.{k}") for k in ACTIVITIES}, t("hz.growth_help"))
        others = {k: v for k, v in data["activity_growth"].items() if k not in ACTIVITIES}
        if others:
            st.caption(t("hz.growth_other", items=", ".join(f"{k} {t.pct(v, 1)}" for k, v in others.items())))
    left, right = st.columns([3, 2])
    with left:
        data["budget"] = _envelopes(data, t)
    with right:
        data["acquisition_modes"] = _modes(data["acquisition_modes"], t)
    return data


def _rates(title: str, key: str, old: dict[str, float], labels: dict[str, str], help_text: str) -> dict[str, float]:
    """Three percentages side by side under a title; the rates that changed."""
    st.markdown(f"**{title}**", help=help_text)
    shown = {}
    for col, (k, label) in zip(st.columns(len(labels)), labels.items(), strict=True):
        with col:
            shown[k] = number(label, f"{key}.{k}", edits.pct(old.get(k, 0.0)), min_value=-50.0, max_value=100.0,
                              step=0.5, format="%.2f")
    return edits.with_rates(old, shown)


def _modes(modes: list[str], t: Translator) -> list[str]:
    """Purchase (always on), placement and lease."""
    st.markdown(f"**{t('hz.modes')}**", help=t("hz.modes_help"))
    st.markdown(f":material/check_box: {t('hz.mode_purchase')}")
    placement = toggle(t("hz.mode_placement"), "in.hz.placement", "placement" in modes)
    lease = toggle(t("hz.mode_lease"), "in.hz.lease", "lease" in modes)
    return edits.with_modes(placement, lease)


def _envelopes(data: dict[str, Any], t: Translator) -> dict[str, Any]:
    """One row per year: capital and running-cost envelopes (blank = none); the carry-over switch below."""
    budget = data.get("budget", {})
    years = edits.envelope_years(data)
    capex, opex = budget.get("capex_eur_by_year", {}), budget.get("opex_eur_by_year", {})
    frame = pd.DataFrame({"year": [str(y) for y in years],
                          "capex": [capex.get(y) for y in years], "opex": [opex.get(y) for y in years]},
                         dtype=object).astype({"capex": float, "opex": float})
    digest = hashlib.sha1(json.dumps([years, sorted(capex.items()), sorted(opex.items())]).encode()
                          ).hexdigest()[:12]
    money = "%d €" if t.lang == "fr" else "€%,d"
    st.markdown(f"**{t('hz.envelopes')}**", help=t("hz.envelopes_help"))
    edited = st.data_editor(frame, key=f"in.hz.envelopes.{digest}", hide_index=True, num_rows="fixed",
                            disabled=["year"], height=table_height(len(frame), 390),
                            column_config={"year": st.column_config.TextColumn(t("col.year"), width="small"),
                                           "capex": st.column_config.NumberColumn(t("col.capex_envelope"),
                                                                                  format=money),
                                           "opex": st.column_config.NumberColumn(t("col.opex_envelope"),
                                                                                 format=money)})
    carry = toggle(t("hz.carry_over"), "in.hz.carry", bool(budget.get("carry_over", False)),
                   help=t("hz.carry_over_help"))
    rows = [(int(r["year"]), r["capex"], r["opex"]) for r in edited.to_dict("records")]
    return edits.with_envelopes(budget, rows, carry)

"""The plan's costs for each payer (hospital, health system) and how catalogue prices were dated."""

from __future__ import annotations

import streamlit as st

from planner import Plan
from planner.report.money_labels import basis_caveat
from ui import tables
from ui.i18n import Translator


def section(plan: Plan, t: Translator) -> None:
    """Costs by perspective (the one optimised ticked) and the sentence on the price index."""
    if plan.costs is None:
        return
    with st.expander(t("plan.perspective")):
        frame = tables.perspective_frame(plan, t)
        st.dataframe(tables.display(frame, t, {"tco_payer": "eur", "billed_y": "eur", "optimised": "bool"}),
                     hide_index=True, key="ui.plan.perspective")
        if plan.price_basis is not None:
            st.caption(basis_caveat(plan.price_basis, t.lang, t("col.price_basis")))

"""Plan page: what to buy stated as functions first (``Plan.specifications``), then the reference product and
its equivalents within the tolerance (issue 14)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import Catalog, Plan
from planner.plan import EquivalentProduct, PurchaseSpec
from ui import tables
from ui.i18n import Translator


def signed(t: Translator, share: float) -> str:
    """A relative distance as a signed percentage ("+3 %", "-1.5 %", "0 %")."""
    text = t.pct(abs(share), 1 if 0 < abs(share) < 0.1 else 0)
    return text if abs(share) < 5e-4 else ("+" if share > 0 else "-") + text


def equivalent_text(e: EquivalentProduct, catalog: Catalog, t: Translator) -> str:
    """One equivalent: its name, vendor and distances (or "identical for the model")."""
    dev = catalog.devices.get(e.device_id)
    name = f"{dev.label(t.lang)} ({dev.vendor})" if dev else e.device_id
    if e.model_twin:
        return f"{name}: {t('spec.twin')}"
    return f"{name}: {t('spec.distance', value=signed(t, e.value_distance), cost=signed(t, e.cost_distance))}"


def specs_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """One row per purchase line: site (several sites only), function, reference product, new units,
    equivalents."""
    names = tables.site_names(plan)
    rows = [{"site": names.get(s.site_id, s.site_id), "function": s.requirement(t.lang),
             "reference": tables.device_name(catalog, s.device_id, t.lang), "new": s.units_new,
             "equivalents": "; ".join(tables.device_name(catalog, e.device_id, t.lang) for e in s.equivalents)
             or t("spec.no_equivalent", tol=t.pct(s.tolerance))} for s in plan.specifications]
    columns = (["site"] if len(names) > 1 else []) + ["function", "reference", "new", "equivalents"]
    return pd.DataFrame(rows, columns=columns)


def _card(spec: PurchaseSpec, catalog: Catalog, t: Translator, site: str) -> None:
    dev = catalog.devices.get(spec.device_id)
    tol = t.pct(spec.tolerance)
    colon = "\u00a0:" if t.lang == "fr" else ":"
    lines = [f"**{spec.requirement(t.lang)}**" + (f" — {site}" if site else ""), "",
             f"{t('spec.reference')}{colon} {dev.label(t.lang) + ' (' + dev.vendor + ')' if dev else spec.device_id}, "
             f"{t('spec.units', n=spec.units_new)}", ""]
    if spec.equivalents:
        lines += [f"{t('spec.equivalents', tol=tol)}{colon}", "",
                  *(f"- {equivalent_text(e, catalog, t)}" for e in spec.equivalents)]
    else:
        lines.append(f"{t('spec.equivalents', tol=tol)}{colon} {t('spec.no_equivalent', tol=tol)}")
    st.markdown("\n".join(lines))
    with st.expander(t("spec.criteria")):
        crit = spec.criteria(t.lang)
        st.markdown("\n".join(f"- {c}" for c in crit) if crit else t("spec.generic"))
        st.caption(t("spec.source", source=spec.function_source))


def section(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The purchase lines as functions, one card each (nothing when the plan buys nothing)."""
    if not plan.specifications:
        return
    st.subheader(t("spec.title"))
    st.caption(t("spec.intro", tol=t.pct(plan.specifications[0].tolerance)))
    names = tables.site_names(plan)
    for spec in plan.specifications:
        with st.container(border=True, key=f"ui.spec.{spec.site_id}.{spec.device_id}"):
            _card(spec, catalog, t, names.get(spec.site_id, spec.site_id) if len(names) > 1 else "")

"""About / data page: the model in one screen, the value and its evidence table, the outcome weights, the
catalogue's sources, versions."""

import streamlit as st

import planner
from ui import clinical, tables
from ui.views import cached, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()

st.title(t("about.title"))
st.markdown(t("about.model"))

st.subheader(t("about.value"))
st.markdown(t("about.value_text"))
st.markdown(f"**{t('about.evidence')}**")
if catalog.evidence:
    st.dataframe(tables.display(clinical.evidence_frame(catalog, t), t), hide_index=True, key="ui.about.evidence",
                 column_config={t("col.citation"): st.column_config.TextColumn(width="large"),
                                t("col.notes"): st.column_config.TextColumn(width="large")})
else:
    st.caption(t("about.no_evidence"))
st.markdown(f"**{t('about.outcomes')}**")
st.dataframe(tables.display(clinical.outcome_weights_frame(catalog, state.scenario(), t), t,
                            {"default_severity": "num2", "severity": "num2"}),
             hide_index=True, key="ui.about.outcomes")

st.subheader(t("about.sources"))
st.markdown(t("about.sources_intro", devices=len(catalog.devices),
              estimates=sum(d.estimate for d in catalog.devices.values()),
              indications=len(catalog.indications), pairs=len(catalog.coverage)))
wide = {t("col.source"): st.column_config.TextColumn(width="large")}
st.dataframe(tables.display(tables.indication_sources(catalog, t), t, {"share": "pct1", "floor": "pct"}),
             hide_index=True, key="ui.about.indications", column_config=wide)
with st.expander(t("about.device_sources")):
    st.dataframe(tables.display(tables.device_sources(catalog, t), t, {"estimate": "bool"}), hide_index=True,
                 key="ui.about.devices", column_config=wide)

st.subheader(t("about.version"))
st.markdown(t("about.versions", version=planner.__version__, fingerprint=catalog.fingerprint,
              streamlit=st.__version__))

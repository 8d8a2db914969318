"""Clinical needs page (for the cardiologist): demand, multiplier, minimum coverage and required equipment per
indication, beside the devices' evidence and value; the severity weights of the outcomes."""

import streamlit as st

from ui import tables
from ui.views import cached, forms, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("needs.title"))
st.caption(t("needs.intro"))
forms.reset_volumes_button(catalog, t, disabled=not any(s.volumes for s in scenario.sites))
errors = st.container()

data = scenario.to_dict()
for ind_id in tables.indication_order(catalog):
    data = forms.need_row(data, scenario, catalog, ind_id, t)
data = forms.outcome_weights_editor(data, scenario, catalog, t)
widgets.submit(data, catalog, t, errors)

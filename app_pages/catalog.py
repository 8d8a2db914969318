"""Catalogue page: browse and filter devices, sources, estimates and risk scores, local prices (edited or
imported from a price list), must-include / exclude."""

import streamlit as st

from ui import cached, files, forms, state, widgets

t = widgets.translator()
catalog = cached.catalog()
scenario = state.scenario()

st.title(t("cat.title"))
st.caption(t("cat.intro"))
errors = st.container()

data = forms.device_choices(scenario.to_dict(), catalog, t)
shown = forms.catalogue_filters(catalog, t)
st.caption(t("cat.count", n=len(shown), total=len(catalog.devices), local=len(scenario.devices)))
data = forms.price_editor(data, scenario, catalog, shown, t)
forms.reset_prices_button(catalog, t, disabled=not scenario.devices)
with st.expander(t("cat.prices_files"), icon=":material/upload_file:",
                 expanded=state.notice_of("catalog") is not None):
    files.price_files(scenario, catalog, t)
widgets.show_notice(t, catalog, "catalog")
widgets.submit(data, catalog, t, errors)

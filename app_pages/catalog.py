"""Catalogue page: browse and filter devices, sources and estimates, local prices, must-include / exclude."""

import streamlit as st

from ui import cached, forms, state, widgets

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
widgets.submit(data, catalog, t, errors)

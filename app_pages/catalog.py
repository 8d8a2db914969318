"""Catalogue page: browse and filter devices, sources, estimates and risk scores, local prices (edited or
imported from a price list), must-include / exclude, catalogue extension (new devices from a file); price lists
and extensions saved in and opened from the store."""

import streamlit as st

from ui.views import cached, files, forms, mds2_view, state, store_items, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("cat.title"))
st.caption(t("cat.intro"))
errors = st.container()

data = forms.device_choices(scenario.to_dict(), catalog, t)
shown = forms.catalogue_filters(catalog, t)
st.caption(t("cat.count", n=len(shown), total=len(catalog.devices), local=len(scenario.devices)))
data = forms.price_editor(data, scenario, catalog, shown, t)
mds2_view.device_card(catalog, scenario, shown, t)
forms.reset_prices_button(catalog, t, disabled=not scenario.devices)
with st.expander(t("cat.card"), icon=":material/menu_book:"):
    forms.device_card(catalog, t)
with st.expander(t("cat.prices_files"), icon=":material/upload_file:",
                 expanded=state.notice_of("catalog") is not None):
    files.price_files(scenario, catalog, t)
    store_items.item_section(store_items.PRICES, scenario, catalog, t)
widgets.show_notice(t, catalog, "catalog")
with st.expander(t("cat.ext_files"), icon=":material/library_add:",
                 expanded=state.notice_of("extension") is not None or state.extension() is not None):
    files.extension_files(catalog, t)
    store_items.item_section(store_items.EXTENSION, scenario, catalog, t)
widgets.show_notice(t, catalog, "extension")
widgets.submit(data, catalog, t, errors)

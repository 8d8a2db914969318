"""Scenario page: sites, rooms, angiography vendor, activity, installed equipment, budgets, objective."""

import streamlit as st

from ui import cached, forms, state, widgets

t = widgets.translator()
catalog = cached.catalog()
scenario = state.scenario()

st.title(t("sc.title"))
st.caption(t("sc.intro"))
forms.scenario_files(scenario, catalog, t)
widgets.show_notice()
errors = st.container()

data = forms.general_form(scenario.to_dict(), t)
st.subheader(t("sc.sites"))
data["sites"] = [forms.site_form(i, site, catalog, t, removable=len(data["sites"]) > 1)
                 for i, site in enumerate(data["sites"])]
forms.add_site_button(catalog, t)
widgets.submit(data, catalog, t, errors)

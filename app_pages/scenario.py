"""Scenario page: sites, rooms, angiography vendor, activity, installed equipment, budgets, objective, horizon
(multi-year plan), security."""

import streamlit as st

from ui.views import cached, establishments, files, forms, forms_horizon, mds2_view, state, widgets

t = widgets.translator()
catalog = cached.session_catalog()
scenario = state.scenario()

st.title(t("sc.title"))
st.caption(t("sc.intro"))
files.scenario_files(scenario, catalog, t)
widgets.show_notice(t, catalog)
establishments.section(scenario, catalog, t)  # start from a French establishment (public SAE data)
errors = st.container()

data = forms.general_form(scenario.to_dict(), t)
st.subheader(t("sc.sites"))
data["sites"] = [forms.site_form(i, site, catalog, t, removable=len(data["sites"]) > 1)
                 for i, site in enumerate(data["sites"])]
forms.add_site_button(catalog, t)
with st.expander(t("sc.installed_files"), icon=":material/inventory:"):
    files.installed_files(scenario, catalog, t)
widgets.show_notice(t, catalog, "installed")
st.subheader(t("hz.title"))
data = forms_horizon.horizon_form(data, t)
st.subheader(t("sc.security"))
data = forms.security_form(data, t)
widgets.submit(data, catalog, t, errors)
mds2_view.rule_effect_note(catalog, state.scenario(), t)  # what the security rules leave, and why

"""cathlab-planner web app: ``streamlit run app.py``.

Navigation and the shared sidebar only; the pages live in ``app_pages/``, the Streamlit helpers in ``ui/``.
"""

import streamlit as st

from ui import edits
from ui.views import state, store_view, widgets
from ui.views.files import MAX_MB

st.set_page_config(page_title="cathlab-planner", page_icon=":material/cardiology:", layout="wide")
state.init(edits.load_example)
t = widgets.translator()
widgets.uploader_words(t, MAX_MB)  # Streamlit's own English words of the upload widget, in French

with st.sidebar:
    widgets.language_switch()
if not store_view.login_gate(t):  # accounts defined and nobody logged in yet
    st.stop()

page = st.navigation([
    st.Page("app_pages/scenario.py", title=t("nav.scenario"), icon=":material/domain:", default=True),
    st.Page("app_pages/needs.py", title=t("nav.needs"), icon=":material/stethoscope:"),
    st.Page("app_pages/catalog.py", title=t("nav.catalog"), icon=":material/inventory_2:"),
    st.Page("app_pages/plan.py", title=t("nav.plan"), icon=":material/calculate:"),
    st.Page("app_pages/decisions.py", title=t("nav.decisions"), icon=":material/insights:"),
    st.Page("app_pages/robustness.py", title=t("nav.robustness"), icon=":material/ssid_chart:"),
    st.Page("app_pages/compare.py", title=t("nav.compare"), icon=":material/compare_arrows:"),
    st.Page("app_pages/scenarios.py", title=t("nav.scenarios"), icon=":material/history:"),
    st.Page("app_pages/about.py", title=t("nav.about"), icon=":material/info:"),
])
page.run()

with st.sidebar:  # after the page: reflects the changes made in this run
    widgets.plan_status(widgets.translator())
    store_view.sidebar(widgets.translator())

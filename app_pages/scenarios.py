"""Scenarios page: save the current scenario as a new version, open a saved one, history and differences,
restore, the audit trail. Every refusal (version conflict, role) comes from the store and is shown as is."""

import streamlit as st

from planner.store.errors import StoreError, VersionConflict
from ui.views import scenarios_page, state, store_view, widgets

t = widgets.translator()
st.title(t("store.title"))
try:
    store = store_view.store()
except StoreError as exc:
    st.error(t("store.unavailable", error=str(exc)))
    st.stop()
me = store_view.actor()
st.caption(t("store.where", url=store.url, who=me.name, roles=", ".join(me.roles)))
saved = store_view.current()
st.markdown(t("store.current", name=saved[0], version=saved[1]) if saved else t("store.current_none"))
if store_view.unsaved():
    st.warning(t("store.unsaved"), icon=":material/edit_note:")
widgets.show_notice(t, scope="store")

st.subheader(t("store.save"))
st.session_state.setdefault("ui.store.name", saved[0] if saved else state.scenario().name)
name = st.text_input(t("store.name"), key="ui.store.name")
comment = st.text_input(t("store.comment"), key="ui.store.comment")
if st.button(t("store.save_button"), key="ui.store.save", type="primary"):
    try:
        scenarios_page.save(store, me, name, comment)
        st.rerun()
    except VersionConflict as exc:
        st.session_state[store_view.CONFLICT] = (exc.name, exc.expected, exc.latest)
    except StoreError as exc:
        st.error(t("store.refused", error=str(exc)))
scenarios_page.conflict(store, t)

summaries = store.scenarios()
if not summaries:
    st.info(t("store.empty"))
    st.stop()
st.subheader(t("store.open"))
scenarios_page.open_and_history(store, me, summaries, t)
scenarios_page.plan_and_audit(store, me, t)

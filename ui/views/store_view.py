"""The app's side of the scenario store: the open store, who is logged in, which saved version the current
scenario came from, and the pieces of the Scenarios page. The store itself (and every permission check) is
:mod:`planner.store`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from planner import Scenario, scenario_from_yaml
from planner.errors import message_of
from planner.store.diff import Change
from planner.store.errors import StoreError
from ui.i18n import Translator
from ui.views import cached, sso_view, state

CURRENT = "ui.store.current"  #: tuple[str, int] | None: the saved scenario and version the inputs came from
BASELINE = "ui.store.baseline"  #: str | None: the scenario JSON of that version (unsaved changes = differs)
ACTOR = "ui.store.actor"  #: Actor | None: who is logged in (single-user mode: the system user)
CONFLICT = "ui.store.conflict"  #: tuple[str, int, int] | None: name, version started from, latest, after a refusal


def store() -> Any:
    """The store of ``$CATHLAB_DB_URL`` (default SQLite in the user's data folder), opened once per URL."""
    from planner.store.engine import resolve_url

    return cached.store(resolve_url())


def actor() -> Any:
    """Who acts in this session."""
    return st.session_state.get(ACTOR)


def current() -> tuple[str, int] | None:
    """The saved scenario and version the current inputs came from."""
    value: tuple[str, int] | None = st.session_state.get(CURRENT)
    return value


def unsaved() -> bool:
    """Whether the current scenario differs from the saved version it came from (or was never saved)."""
    return st.session_state.get(BASELINE) != state.scenario().to_json()


def mark_saved(name: str, version: int, scenario: Scenario) -> None:
    """The current inputs are version ``version`` of ``name``."""
    st.session_state[CURRENT] = (name, version)
    st.session_state[BASELINE] = scenario.to_json()
    st.session_state[CONFLICT] = None


def login_gate(t: Translator) -> bool:
    """Log the session in: single-user mode without accounts, else a login form. Returns whether to go on
    (the app works without a store: a store error is shown in the sidebar and the pages still run)."""
    if actor() is not None:
        return True
    try:
        opened = store()
        if not opened.has_accounts():
            st.session_state[ACTOR] = opened.local_actor()
            return True
    except StoreError as exc:
        st.sidebar.warning(t("store.unavailable", error=t.say(message_of(exc))), icon=":material/database:")
        return True
    auth = sso_view.auth_config()  # single sign-on when [auth] is configured
    signed = sso_view.sign_in(opened, auth)
    if signed is not None:
        st.session_state[ACTOR] = signed
        return True
    st.title(t("store.login"))
    st.caption(t("store.login_intro"))
    sso_view.login_options(auth, t)
    with st.form("ui.store.login"):
        name = st.text_input(t("store.user"), key="ui.store.user")
        password = st.text_input(t("store.password"), type="password", key="ui.store.password")
        if st.form_submit_button(t("store.login_button")):
            try:
                st.session_state[ACTOR] = opened.login(name, password)
                st.rerun()
            except StoreError:
                st.error(t("store.login_failed"))
    return False


def sidebar(t: Translator) -> None:
    """The saved version of the current scenario, and the unsaved-changes mark."""
    saved = current()
    st.caption(t("store.side", name=saved[0], version=saved[1]) if saved else t("store.side_none"))
    if saved and unsaved():
        st.caption(f":orange[● {t('store.unsaved')}]")
    _leave_warning(bool(saved and unsaved()))
    sso_view.sidebar(sso_view.auth_config(), t)


def _leave_warning(on: bool) -> None:
    """The browser asks before closing or reloading the tab while saved work has unsaved changes."""
    handler = "function(e){e.preventDefault(); e.returnValue='';}" if on else "null"
    st.html(f"<script>window.onbeforeunload = {handler};</script>", unsafe_allow_javascript=True)


def _show(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, default=str)


def changes_table(changes: Sequence[Change], t: Translator) -> pd.DataFrame:
    """One row per changed setting."""
    return pd.DataFrame([{t("store.col.setting"): c.label, t("store.col.old"): _show(c.old),
                          t("store.col.new"): _show(c.new)} for c in changes],
                        columns=[t("store.col.setting"), t("store.col.old"), t("store.col.new")])


def history_table(history: Sequence[Any], t: Translator) -> pd.DataFrame:
    """One row per version, newest first."""
    return pd.DataFrame([{t("store.col.version"): v.version, t("store.col.author"): v.author,
                          t("store.col.at"): v.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                          t("store.col.comment"): v.comment, t("store.col.changes"): len(v.changes)}
                         for v in history])


def open_version(name: str, version: int) -> None:
    """Make a saved version the current scenario (callback)."""
    saved = store().version(name, version)
    scenario = scenario_from_yaml(saved.yaml, f"store:{name}@{version}")
    state.replace(scenario)
    mark_saved(name, saved.version, scenario)
    st.session_state["ui.store.name"] = name

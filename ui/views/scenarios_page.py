"""The sections of the Scenarios page (``app_pages/scenarios.py``): save, conflict, open/history, plan/audit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st
import yaml

from planner import parse_scenario
from planner.errors import message_of
from planner.store.diff import merge
from planner.store.errors import StoreError
from ui.i18n import Translator
from ui.views import state, store_view


def save(store: Any, me: Any, name: str, comment: str) -> None:
    """Save the current scenario: on top of the opened version when the name is the same, else as new."""
    saved = store_view.current()
    expected = saved[1] if saved and saved[0] == name.strip() else None
    version = store.save_scenario(me, name, state.scenario(), comment, expected)
    store_view.mark_saved(version.scenario, version.version, state.scenario())
    state.set_notice("store", state.Notice("success", "store.saved", (("name", version.scenario),
                                                                         ("version", version.version))))


def conflict(store: Any, t: Translator) -> None:
    """After a refused save: who saved in between, what changed, merge or reload."""
    refused = st.session_state.get(store_view.CONFLICT)
    if not refused:
        return
    name, expected, latest = refused
    info = store.version(name, latest)
    at = info.created_at.strftime("%Y-%m-%d %H:%M UTC")
    if expected is None:
        st.error(t("store.exists", name=name, latest=latest, author=info.author), icon=":material/sync_problem:")
        return
    st.error(t("store.conflict", name=name, expected=expected, latest=latest, author=info.author, at=at),
             icon=":material/sync_problem:")
    st.caption(t("store.their_changes", latest=latest))
    st.dataframe(store_view.changes_table(store.diff(name, expected, latest), t), hide_index=True)
    left, right = st.columns(2)
    if left.button(t("store.merge", latest=latest), key="ui.store.merge"):
        _merge(store, name, expected, latest, t)
    right.button(t("store.reload", latest=latest), key="ui.store.reload", on_click=store_view.open_version,
                 args=(name, latest))


def _merge(store: Any, name: str, expected: int, latest: int, t: Translator) -> None:
    base = yaml.safe_load(store.version(name, expected).yaml)
    theirs = yaml.safe_load(store.version(name, latest).yaml)
    result = merge(base, state.scenario().to_dict(), theirs)
    if result.data is None:
        st.error(t("store.merge_conflicts", paths=", ".join(".".join(p) for p in result.conflicts)))
        return
    merged = parse_scenario(result.data, f"merge:{name}")
    state.replace(merged)
    st.session_state[store_view.CURRENT] = (name, latest)  # the merge sits on top of the latest version
    st.session_state[store_view.CONFLICT] = None
    state.set_notice("store", state.Notice("success", "store.merged", (("latest", latest),)))
    st.rerun()


def open_and_history(store: Any, me: Any, summaries: Sequence[Any], t: Translator) -> None:
    """Pick a saved scenario: open a version, see its history, compare two versions, restore one."""
    names = [s.name for s in summaries]
    saved = store_view.current()
    pick = st.selectbox(t("store.pick"), names, key="ui.store.pick",
                        index=names.index(saved[0]) if saved and saved[0] in names else 0)
    history = store.history(pick)
    versions = [v.version for v in history]
    version = st.selectbox(t("store.version"), versions, key="ui.store.version")
    if store_view.unsaved():
        st.caption(t("store.unsaved_warning"))
    st.button(t("store.open_button"), key="ui.store.open", on_click=store_view.open_version, args=(pick, version))
    st.subheader(t("store.history"))
    st.dataframe(store_view.history_table(history, t), hide_index=True)
    st.caption(t("store.compare"))
    left, right = st.columns(2)
    v1 = left.selectbox(t("store.from"), versions, index=min(1, len(versions) - 1), key="ui.store.v1")
    v2 = right.selectbox(t("store.to"), versions, index=0, key="ui.store.v2")
    changes = store.diff(pick, v1, v2)
    if changes:
        st.dataframe(store_view.changes_table(changes, t), hide_index=True)
    else:
        st.caption(t("store.no_change"))
    if version != versions[0] and st.button(t("store.restore", version=version), key="ui.store.restore"):
        try:
            restored = store.restore(me, pick, version, versions[0])
            store_view.open_version(pick, restored.version)
            st.rerun()
        except StoreError as exc:
            st.error(t("store.refused", error=t.say(message_of(exc))))


def plan_and_audit(store: Any, me: Any, t: Translator) -> None:
    """Save the current plan with its saved version; the audit trail for administrators."""
    saved, plan = store_view.current(), state.plan()
    if saved and plan is not None and not state.stale() and not store_view.unsaved() and st.button(
            t("store.plan_save", version=saved[1]), key="ui.store.plan"):
        try:
            st.success(t("store.plan_saved", id=store.save_plan(me, saved[0], saved[1], plan).id))
        except StoreError as exc:
            st.error(t("store.refused", error=t.say(message_of(exc))))
    if "administrator" not in me.roles:
        return
    from planner.store.audit_xlsx import audit_workbook

    st.subheader(t("store.audit"))
    rows = store.audit()
    st.dataframe([{"at": r.at.strftime("%Y-%m-%d %H:%M:%S"), "who": r.actor, "action": r.action,
                   "target": r.target, "outcome": r.outcome, "detail": r.detail} for r in rows[:200]],
                 hide_index=True)
    st.download_button(t("store.audit_download"), data=lambda: audit_workbook(rows, state.lang()),
                       file_name="audit.xlsx", key="ui.store.audit_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click=lambda: store.record(me.name, "export audit", "audit.xlsx", "ok", "app"))

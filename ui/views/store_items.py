"""Catalogue page: price lists and catalogue extensions saved in the store as named, versioned items
("save to the store", "open from the store"), next to the price import and the extension upload.

Saving a price list saves the local prices as the workbook the download button gives (it imports back as
is); saving an extension saves the extension file in use. Opening applies the saved file as an upload would.
The store checks the roles (administrator or buyer) and the version (a save on top of a version that is no
longer the latest is refused); every refusal is shown as the store words it.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from planner import Catalog, Scenario
from planner.errors import message_of
from planner.report.excel import price_overrides_to_xlsx_bytes
from planner.store.errors import StoreError, VersionConflict
from ui import tables
from ui.i18n import Translator
from ui.views import files, state, store_view

PRICES, EXTENSION = "price_list", "catalog_extension"
SCOPE = {PRICES: "catalog", EXTENSION: "extension"}  #: where the page shows the notice of each kind


def _key(kind: str, what: str) -> str:
    return f"ui.items.{kind}.{what}"


def _content(kind: str, scenario: Scenario, catalog: Catalog, t: Translator) -> tuple[str, bytes] | None:
    """What "save" stores: the local prices as a workbook, or the extension file in use (``None``: nothing)."""
    if kind == PRICES:
        if not scenario.devices:
            return None
        return f"{t('file.prices')}_{tables.slug(scenario.name)}.xlsx", price_overrides_to_xlsx_bytes(scenario, catalog)
    ext = state.extension()
    return None if ext is None else (ext.name, ext.data)


def _save(store: Any, kind: str, filename: str, data: bytes) -> None:
    """Callback: save as the next version of the item named in the form (on top of the one opened, if same)."""
    name = str(st.session_state.get(_key(kind, "name"), "")).strip()
    comment = str(st.session_state.get(_key(kind, "comment"), ""))
    opened = st.session_state.get(_key(kind, "opened"))
    expected = opened[1] if opened and opened[0] == name else None
    try:
        saved = store.save_item(store_view.actor(), kind, name, filename, data, comment, expected)
    except VersionConflict as exc:
        state.set_notice(SCOPE[kind], state.Notice("error", "items.conflict", (("name", name), ("latest", exc.latest))))
        return
    except StoreError as exc:
        reason = Translator(state.lang()).say(message_of(exc))
        state.set_notice(SCOPE[kind], state.Notice("error", "store.refused", (("error", reason),)))
        return
    st.session_state[_key(kind, "opened")] = (saved.name, saved.version)
    state.set_notice(SCOPE[kind], state.Notice("success", "items.saved", (("name", saved.name),
                                                                          ("version", saved.version))))


def _open(store: Any, kind: str, name: str, version: int, catalog: Catalog) -> None:
    """Callback: apply a saved version as an upload would; remember it as the version opened."""
    info, data = store.item(kind, name, version)
    done = files.apply_prices(data, info.filename, catalog) if kind == PRICES else files.apply_extension(
        info.filename, data)
    if done:
        st.session_state[_key(kind, "opened")] = (name, info.version)
        st.session_state[_key(kind, "name")] = name


def item_section(kind: str, scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Save to the store, open from the store (a caption when the store cannot be opened)."""
    try:
        store = store_view.store()
        saved = store.items(kind)
    except StoreError as exc:
        st.caption(t("items.unavailable", error=t.say(message_of(exc))))
        return
    content = _content(kind, scenario, catalog, t)
    st.markdown(t(f"items.title.{kind}"))
    c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
    c1.text_input(t("items.name"), key=_key(kind, "name"))
    c2.text_input(t("store.comment"), key=_key(kind, "comment"))
    c3.button(t("items.save"), key=_key(kind, "save"), icon=":material/save:", on_click=_save,
              args=(store, kind, *(content or ("", b""))),
              disabled=content is None or not st.session_state.get(_key(kind, "name"), "").strip())
    if not saved:
        st.caption(t("items.none"))
        return
    c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
    name = c1.selectbox(t("items.pick"), [i.name for i in saved], key=_key(kind, "pick"))
    versions = [i.version for i in store.item_history(kind, name)]
    version = c2.selectbox(t("store.version"), versions, key=_key(kind, f"version.{name}"))
    c3.button(t("items.open"), key=_key(kind, "open"), icon=":material/folder_open:", on_click=_open,
              args=(store, kind, name, version, catalog))

"""Catalogue page and the store (AppTest, a real SQLite store per test): price lists and catalogue extensions
saved as named, versioned items, opened back, a stale save refused."""

from __future__ import annotations

import dataclasses

from streamlit.testing.v1 import AppTest

from planner.store.api import open_store
from planner.store.records import Actor
from tests.app.conftest import APP, APP_TIMEOUT_S, errors, goto, scenario
from tests.store.test_items_cli import EXTENSION
from ui.views import state


def _upload(at: AppTest, key: str, name: str, data: bytes) -> None:
    at.file_uploader(key=key).set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception


def _save(at: AppTest, kind: str, name: str) -> None:
    at.text_input(key=f"ui.items.{kind}.name").set_value(name).run()
    at.button(key=f"ui.items.{kind}.save").click().run()
    assert not at.exception, at.exception


def test_price_list_saved_then_opened_back(at: AppTest, store_url: str) -> None:
    goto(at, "catalog")
    assert at.button(key="ui.items.price_list.save").disabled  # no name yet
    _upload(at, "ui.prices.upload", "a.csv", b"id,capex_eur\nboston_rotapro,15000\n")
    prices = dict(scenario(at).devices)
    _save(at, "price_list", "ugap 2027")
    assert "ugap 2027 enregistré dans la base : version 1." in [s.value for s in at.success]
    store = open_store(store_url)
    info, data = store.item("price_list", "ugap 2027")
    assert info.filename.endswith(".xlsx") and data[:2] == b"PK"
    at.session_state[state.SCENARIO] = dataclasses.replace(scenario(at), devices={})
    at.run()
    at.selectbox(key="ui.items.price_list.pick").set_value("ugap 2027")
    at.button(key="ui.items.price_list.open").click().run()
    assert not at.exception, at.exception
    assert dict(scenario(at).devices) == prices
    # someone saves version 2 meanwhile: my save on top of version 1 is refused, nothing saved
    store.save_item(Actor("bob", ("buyer",)), "price_list", "ugap 2027", "b.xlsx", data, expected_version=1)
    at.button(key="ui.items.price_list.save").click().run()
    assert "Conflit de version : ugap 2027 a une version 2" in errors(at)
    assert [i.version for i in store.item_history("price_list", "ugap 2027")] == [2, 1]


def test_extension_saved_then_opened_back(at: AppTest, store_url: str) -> None:
    goto(at, "catalog")
    assert at.button(key="ui.items.catalog_extension.save").disabled  # no extension in use
    _upload(at, "ui.extension.upload", "ext.csv", EXTENSION)
    assert at.session_state[state.EXTENSION].name == "ext.csv"
    _save(at, "catalog_extension", "local devices")
    assert open_store(store_url).item("catalog_extension", "local devices")[1] == EXTENSION
    at.button(key="ui.extension.remove").click().run()
    assert at.session_state[state.EXTENSION] is None
    at.button(key="ui.items.catalog_extension.open").click().run()
    assert not at.exception, at.exception
    assert at.session_state[state.EXTENSION].data == EXTENSION


def test_a_reader_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    store.add_account(store.local_actor(), "root", "correct horse", ["administrator"])
    store.add_account(store.login("root", "correct horse"), "rita", "correct horse", ["reader"])
    app = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S)
    app.session_state["ui.store.actor"] = Actor("rita", ("reader",))
    app.run()
    goto(app, "catalog")
    _upload(app, "ui.prices.upload", "a.csv", b"id,capex_eur\nboston_rotapro,15000\n")
    _save(app, "price_list", "mine")
    assert "Refusé : rita (lecteur) ne peut pas enregistrer une liste de prix" in errors(app)
    assert store.items() == []

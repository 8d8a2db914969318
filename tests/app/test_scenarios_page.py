"""Scenarios page (AppTest, a real SQLite store per test): save, version in the sidebar, unsaved mark,
conflict with merge, login once accounts exist."""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from planner.store.api import open_store
from planner.store.records import Actor
from tests.app.conftest import APP, APP_TIMEOUT_S, goto, scenario
from ui.i18n import Translator
from ui.views import state

FR = Translator("fr")


def _sidebar(at: AppTest) -> str:
    return "\n".join(c.value for c in at.sidebar.caption)


def test_save_then_conflict_then_merge(at: AppTest, store_url: str) -> None:
    goto(at, "scenarios")
    at.text_input(key="ui.store.name").set_value("ch")
    at.text_input(key="ui.store.comment").set_value("first")
    at.button(key="ui.store.save").click().run()
    assert not at.exception, at.exception
    assert "ch v1" in _sidebar(at) and "non enregistr" not in _sidebar(at).lower()
    # someone else saves version 2 meanwhile (another budget)
    other = open_store(store_url)
    theirs = scenario(at)
    theirs = dataclasses.replace(theirs, budget=dataclasses.replace(theirs.budget, capex_eur=111.0))
    other.save_scenario(Actor("bob", ("administrator",)), "ch", theirs, "bob's", expected_version=1)
    # my own change: another objective... in a section bob did not touch
    mine = dataclasses.replace(scenario(at), discount_rate=0.04)
    at.session_state[state.SCENARIO] = mine
    at.run()
    assert FR("store.unsaved") in _sidebar(at)
    at.button(key="ui.store.save").click().run()
    assert "Conflit de version" in at.error[0].value and "bob" in at.error[0].value
    at.button(key="ui.store.merge").click().run()
    merged = scenario(at)
    assert (merged.budget.capex_eur, merged.discount_rate) == (111.0, 0.04)
    at.button(key="ui.store.save").click().run()
    assert not at.error
    assert other.version("ch").version == 3 and "ch v3" in _sidebar(at)


@pytest.mark.slow
def test_login_is_asked_once_accounts_exist(store_url: str) -> None:
    store = open_store(store_url)
    store.add_account(store.local_actor(), "root", "correct horse", ["administrator"])
    store.add_account(store.login("root", "correct horse"), "ada", "correct horse", ["reader"])
    app = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S).run()
    assert app.title[0].value == "Connexion"
    app.text_input(key="ui.store.user").set_value("ada")
    app.text_input(key="ui.store.password").set_value("wrong one")
    app.button[0].click().run()
    assert "mot de passe" in app.error[0].value
    app.text_input(key="ui.store.password").set_value("correct horse")
    app.button[0].click().run()
    goto(app, "scenarios")
    app.button(key="ui.store.save").click().run()
    assert "Refusé" in app.error[0].value and "reader" in app.error[0].value

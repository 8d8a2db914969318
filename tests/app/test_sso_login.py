"""Single sign-on in the app (AppTest with fake ``st.secrets["auth"]`` and ``st.user``, a real SQLite store):
"Sign in with ..." on the login page, the identity mapped to its account, an unknown identity refused and
audited, and no change without ``[auth]``."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner.store.api import Store, open_store
from planner.store.records import Actor
from tests.app.conftest import APP, APP_TIMEOUT_S, goto
from ui.i18n import Translator
from ui.views import store_view

FR = Translator("fr")

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "c" * 32, "client_id": "id",
        "client_secret": "secret", "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
ADA = {"is_logged_in": True, "email": "ada@chu.fr", "name": "Ada", "iss": "https://accounts.google.com"}


@pytest.fixture
def store(store_url: str) -> Store:
    """A store with accounts: root (password) and ada@chu.fr (cardiologist, single sign-on)."""
    opened = open_store(store_url)
    opened.add_account(opened.local_actor(), "root", "correct horse", ["administrator"])
    opened.add_account(Actor("root", ("administrator",)), "ada@chu.fr", "x" * 40, ["cardiologist"])
    return opened


def _app(user: dict[str, object], auth: dict[str, object] | None = AUTH) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_S)
    if auth is not None:
        app.secrets["auth"] = auth
    app.user = dict(user)
    return app.run()


def test_login_page_offers_the_provider(store: Store) -> None:
    app = _app({"is_logged_in": False})
    assert not app.exception, app.exception
    assert app.title[0].value == "Connexion"
    assert app.button(key="ui.store.sso.default").label == "Se connecter avec Google"
    assert app.text_input(key="ui.store.password")  # password accounts still log in


def test_a_known_identity_is_signed_in_as_its_account(store: Store) -> None:
    app = _app(ADA)
    assert not app.exception, app.exception
    assert app.session_state[store_view.ACTOR] == Actor("ada@chu.fr", ("cardiologist",))
    assert app.title[0].value != "Connexion"
    assert app.sidebar.button(key="ui.store.sso_sidebar_logout").label == FR("store.sso_logout")
    goto(app, "scenarios")
    assert "ada@chu.fr (cardiologist)" in app.caption[0].value
    last = store.audit(1)[0]
    assert (last.actor, last.action, last.outcome, last.detail) == (
        "ada@chu.fr", "login", "ok", "single sign-on (accounts.google.com)")


def test_an_unknown_identity_is_refused_and_audited_once(store: Store) -> None:
    app = _app({**ADA, "email": "eve@evil.com"})
    assert not app.exception, app.exception
    assert app.title[0].value == "Connexion"
    assert "eve@evil.com signed in, but the store has no account" in app.error[0].value
    assert app.button(key="ui.store.sso_logout").label == FR("store.sso_logout")
    app.run()  # a rerun does not record the refusal again
    refused = [r for r in store.audit() if r.outcome == "refused"]
    assert [(r.actor, r.action) for r in refused] == [("eve@evil.com", "login")]
    assert store_view.ACTOR not in app.session_state or app.session_state[store_view.ACTOR] is None


def test_without_auth_nothing_changes(store: Store) -> None:
    app = _app(ADA, auth=None)  # a signed-in user without [auth] is ignored: password login as before
    assert app.title[0].value == "Connexion"
    assert not [b for b in app.button if b.key and b.key.startswith("ui.store.sso")]
    assert not [r for r in store.audit() if r.action == "login"]

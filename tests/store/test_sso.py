"""Single sign-on, pure side (:mod:`planner.store.sso`): providers of an ``[auth]`` section, identity ->
account, refusal recorded in the audit trail (real SQLite and PostgreSQL); ``users add EMAIL --sso``."""

from __future__ import annotations

import pytest

from planner.cli import main
from planner.store.api import Store
from planner.store.errors import LoginFailed
from planner.store.records import Actor
from planner.store.sso import Provider, account_for, identity, providers, sso_login

GOOGLE = "https://accounts.google.com/.well-known/openid-configuration"
KEYCLOAK = "https://sso.chu-nord.fr/realms/chu/.well-known/openid-configuration"
SHARED = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32}


def test_providers_of_an_auth_section() -> None:
    one = {**SHARED, "client_id": "id", "client_secret": "x", "server_metadata_url": GOOGLE}
    assert providers(one) == [Provider(None, "Google")]
    two = {**SHARED, "microsoft": {"client_id": "a", "client_secret": "b", "server_metadata_url":
                                   "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration"},
           "chu_nord": {"client_id": "c", "client_secret": "d", "server_metadata_url": KEYCLOAK}}
    assert providers(two) == [Provider("chu_nord", "Chu Nord"), Provider("microsoft", "Microsoft")]
    assert providers(SHARED) == [] and providers({**SHARED, "google": {"client_id": "no metadata url"}}) == []


def test_identity_and_account_mapping() -> None:
    accounts = [("ada@chu.fr", ("cardiologist",)), ("Bob@chu.fr", ("buyer",)), ("bob@CHU.fr", ("reader",))]
    assert account_for(identity({"email": " ada@chu.fr "}), accounts) == Actor("ada@chu.fr", ("cardiologist",))
    assert account_for("ADA@chu.fr", accounts).name == "ada@chu.fr"  # case ignored when only one matches
    assert account_for("Bob@chu.fr", accounts).roles == ("buyer",)  # exact first
    with pytest.raises(LoginFailed, match=r"no account of that name.*users add BOB@chu.fr --role \.\.\. --sso"):
        account_for("BOB@chu.fr", accounts)  # two accounts differ only by case: no guess
    with pytest.raises(LoginFailed, match="no e-mail address"):
        identity({"name": "Ada", "is_logged_in": True})
    with pytest.raises(LoginFailed, match="not verified"):
        identity({"email": "ada@chu.fr", "email_verified": False})


def test_sign_in_and_refusal_are_audited(store: Store) -> None:
    admin = store.local_actor()
    store.add_account(admin, "root", "correct horse", ["administrator"])
    store.add_account(Actor("root", ("administrator",)), "ada@chu.fr", "x" * 40, ["cardiologist"])
    user = {"is_logged_in": True, "email": "ada@chu.fr", "iss": "https://accounts.google.com"}
    assert sso_login(store, user) == Actor("ada@chu.fr", ("cardiologist",))
    with pytest.raises(LoginFailed, match="eve@evil.com signed in, but the store has no account"):
        sso_login(store, {**user, "email": "eve@evil.com"})
    rows = [(r.actor, r.action, r.outcome, r.detail) for r in store.audit(2)]
    assert rows[1] == ("ada@chu.fr", "login", "ok", "single sign-on (accounts.google.com)")
    assert rows[0][:3] == ("eve@evil.com", "login", "refused") and "no account of that name" in rows[0][3]


def test_users_add_sso_asks_no_password(store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CATHLAB_USER", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda *_: pytest.fail("no password may be asked with --sso"))
    assert main(["users", "add", "ada@chu.fr", "--role", "administrator", "--sso", "--db", store_url]) == 0
    assert store.accounts() == [("ada@chu.fr", ("administrator",))]
    assert sso_login(store, {"email": "ada@chu.fr"}).roles == ("administrator",)

"""Single sign-on in the app (Streamlit's OIDC login, when ``.streamlit/secrets.toml`` has an ``[auth]``
section): the "Sign in with ..." buttons of the login page, the signed-in identity mapped to its store account
(:mod:`planner.store.sso`), the refusal of an unknown identity, and signing out. Without ``[auth]`` nothing
here shows."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from typing import Any

import streamlit as st

from planner.store import sso
from planner.store.errors import LoginFailed
from ui.i18n import Translator

REFUSED = "ui.store.sso_refused"  #: tuple[str, str] | None: the refused identity and why (recorded once)


def _plain(value: Any) -> Any:
    return {str(k): _plain(v) for k, v in value.items()} if isinstance(value, Mapping) else value


def auth_config() -> dict[str, Any]:
    """The ``[auth]`` section of the secrets (empty: single sign-on not configured)."""
    try:
        section = st.secrets.get("auth")
    except (FileNotFoundError, OSError, ValueError):  # no or unreadable secrets file: no single sign-on
        return {}
    plain = _plain(section) if isinstance(section, Mapping) else {}
    return plain if sso.providers(plain) else {}


def signed_in() -> dict[str, Any] | None:
    """The claims of the signed-in user (``st.user``), or ``None``."""
    user = st.user.to_dict()
    return user if user.get("is_logged_in") else None


def sign_in(store: Any, auth: Mapping[str, Any]) -> Any | None:
    """The store actor of the signed-in identity, or ``None`` (not signed in, or refused: see :func:`refusal`).
    A refused identity is recorded in the audit trail once per session."""
    user = signed_in() if auth else None
    if user is None:
        return None
    refused = st.session_state.get(REFUSED)
    if refused and refused[0] == user.get("email"):
        return None
    try:
        return sso.sso_login(store, user)
    except LoginFailed as exc:
        st.session_state[REFUSED] = (user.get("email"), str(exc))
        return None


def login_options(auth: Mapping[str, Any], t: Translator) -> None:
    """On the login page: the refusal of the signed-in identity if any, and one button per provider."""
    if not auth:
        return
    refused = st.session_state.get(REFUSED)
    if refused and signed_in() is not None:
        st.error(t("store.sso_refused", error=refused[1]), icon=":material/no_accounts:")
        st.button(t("store.sso_logout"), key="ui.store.sso_logout", on_click=st.logout)
        return
    if importlib.util.find_spec("authlib") is None:
        st.warning(t("store.sso_missing"), icon=":material/warning:")
        return
    for provider in sso.providers(auth):
        st.button(t("store.sso_button", provider=provider.label), key=f"ui.store.sso.{provider.key or 'default'}",
                  on_click=st.login, args=(provider.key,) if provider.key else (), type="primary")
    st.caption(t("store.sso_or_password"))


def sidebar(auth: Mapping[str, Any], t: Translator) -> None:
    """Sign out, for a session signed in through single sign-on."""
    user = signed_in() if auth else None
    if user is not None:
        st.button(t("store.sso_logout"), key="ui.store.sso_sidebar_logout", on_click=st.logout)

"""Single sign-on: the providers of an ``[auth]`` section (Streamlit's OIDC login) and the store account of a
signed-in identity.

Pure functions on plain data (no Streamlit): the app reads ``st.secrets["auth"]`` and ``st.user`` and hands
them over. An identity is its e-mail address; it maps to the store account of that name, which an
administrator creates beforehand (``cathlab-planner users add EMAIL --role ... --sso``). An identity without
an account is refused, and the refusal is recorded in the audit trail like a failed password login.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from planner.messages import msg
from planner.store.errors import LoginFailed
from planner.store.records import Actor

if TYPE_CHECKING:
    from planner.store.api import Store

#: Settings of a provider (a section with these is one).
PROVIDER_KEYS = ("client_id", "server_metadata_url")
#: Well-known identity providers by host suffix, for the "Sign in with ..." button.
KNOWN_HOSTS = {"accounts.google.com": "Google", "login.microsoftonline.com": "Microsoft", "okta.com": "Okta",
               "auth0.com": "Auth0", "onelogin.com": "OneLogin"}


@dataclass(frozen=True)
class Provider:
    """One identity provider: the name ``st.login`` takes (``None``: the ``[auth]`` section's own) and a label."""

    key: str | None
    label: str


def _is_provider(section: Any) -> bool:
    return isinstance(section, Mapping) and all(section.get(k) for k in PROVIDER_KEYS)


def provider_label(key: str | None, section: Mapping[str, Any]) -> str:
    """A readable name: the well-known provider of the metadata URL, else the section name, else the host.

    >>> provider_label(None, {"server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"})
    'Google'
    >>> provider_label("hopital", {"server_metadata_url": "https://sso.chu.fr/realms/x/.well-known/openid-configuration"})
    'Hopital'
    """
    host = urlparse(str(section.get("server_metadata_url", ""))).hostname or ""
    known = next((name for suffix, name in KNOWN_HOSTS.items() if host == suffix or host.endswith("." + suffix)),
                 None)
    return known or (key.replace("_", " ").title() if key else host or "SSO")


def providers(auth: Mapping[str, Any] | None) -> list[Provider]:
    """The providers of an ``[auth]`` section (empty: single sign-on not configured).

    >>> [p.key for p in providers({"redirect_uri": "r", "cookie_secret": "s",
    ...                            "google": {"client_id": "i", "server_metadata_url": "https://accounts.google.com/x"}})]
    ['google']
    >>> providers({}), providers(None)
    ([], [])
    """
    if not auth:
        return []
    found = [Provider(None, provider_label(None, auth))] if _is_provider(auth) else []
    found += [Provider(str(k), provider_label(str(k), v)) for k, v in sorted(auth.items()) if _is_provider(v)]
    return found


def identity(user: Mapping[str, Any]) -> str:
    """The e-mail address of a signed-in user; refused when there is none or the provider says it is unverified."""
    email = str(user.get("email") or "").strip()
    if not email:
        raise LoginFailed(msg("sso.no_email"))
    if user.get("email_verified") is False:
        raise LoginFailed(msg("sso.unverified", email=email))
    return email


def account_for(email: str, accounts: Sequence[tuple[str, tuple[str, ...]]]) -> Actor:
    """The store account named ``email`` (exactly, else ignoring case when only one matches).

    >>> account_for("Ada@CHU.fr", [("ada@chu.fr", ("cardiologist",))])
    Actor(name='ada@chu.fr', roles=('cardiologist',))
    """
    exact = [a for a in accounts if a[0] == email]
    folded = [a for a in accounts if a[0].casefold() == email.casefold()]
    match = exact or (folded if len(folded) == 1 else [])
    if not match:
        raise LoginFailed(msg("sso.no_account", email=email))
    return Actor(match[0][0], match[0][1])


def issuer(user: Mapping[str, Any]) -> str:
    """Who vouched for the identity: the host of the token's issuer (``iss``), for the audit trail."""
    return urlparse(str(user.get("iss", ""))).hostname or str(user.get("iss", "")) or "identity provider"


def sso_login(store: Store, user: Mapping[str, Any]) -> Actor:
    """The actor of a signed-in user; the login, or its refusal, is recorded in the audit trail."""
    how = msg("audit.sso", issuer=issuer(user))
    try:
        actor = account_for(identity(user), store.accounts())
    except LoginFailed as exc:
        who = str(user.get("email") or "?")
        store.record(who, "login", who, "refused", msg("colon", head=how, tail=exc.message))
        raise
    store.record(actor.name, "login", actor.name, "ok", how)
    return actor

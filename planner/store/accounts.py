"""Passwords (argon2) and role lists of accounts."""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from planner.messages import Msg, msg
from planner.store.roles import ROLES

_HASHER = PasswordHasher()
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    """The argon2 hash of ``password``."""
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches the stored hash."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def role_problems(roles: Iterable[str]) -> list[Msg]:
    """Why a role list is wrong (empty: it is fine)."""
    given = list(roles)
    problems = [msg("store.unknown_role", role=r, known=", ".join(ROLES)) for r in given if r not in ROLES]
    return problems if given else [msg("store.role_needed")]


def join_roles(roles: Iterable[str]) -> str:
    """Roles as stored: ``cardiologist,buyer``."""
    return ",".join(dict.fromkeys(roles))


def split_roles(text: str) -> tuple[str, ...]:
    """Inverse of :func:`join_roles`."""
    return tuple(r for r in text.split(",") if r)

"""Errors of the store. Each says where (the store, the scenario, the version) and why, in plain words: a
catalogue message (``message``, rendered in the user's language; ``str()`` is the English).

Kept free of SQLAlchemy imports so the CLI can map them to exit codes cheaply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.errors import MessageError
from planner.messages import Join, Msg, Opt, msg


class StoreError(MessageError):
    """Base class: a store operation refused or impossible."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened."""


class SchemaMismatch(StoreError):
    """The database schema is not the one this program knows (run ``cathlab-planner db upgrade``)."""


class NotFound(StoreError):
    """No scenario, version, plan or item of that name."""


class LoginFailed(StoreError):
    """Unknown account or wrong password."""


class ArchiveError(StoreError):
    """An archive that cannot be imported (bad format, or the target store is not empty)."""


class VersionConflict(StoreError):
    """Saving on top of a version that is no longer the latest (optimistic locking)."""

    def __init__(self, name: str, expected: int | None, latest: int, latest_author: str, latest_at: str,
                 message: Msg | None = None) -> None:
        """A scenario's conflict (``message``: another thing's, e.g. a saved price list's)."""
        self.name, self.expected, self.latest = name, expected, latest
        self.latest_author, self.latest_at = latest_author, latest_at
        at = dict(name=name, latest=latest, author=latest_author, at=latest_at)
        super().__init__(message or (msg("store.conflict_exists", **at) if expected is None
                                     else msg("store.conflict_from", expected=expected, **at)))


@dataclass(frozen=True)
class Refusal:
    """One change a role may not make: the setting, its section and the roles that may change it."""

    path: str
    section: str
    allowed: tuple[str, ...]

    def __str__(self) -> str:
        return str(self.message)

    @property
    def message(self) -> Msg:
        """The refusal as a message: the setting, its section, the roles that may change it."""
        return msg("store.refusal", setting=self.path, section=self.section, roles=roles_arg(self.allowed))


def roles_arg(roles: Sequence[str]) -> Join | Msg:
    """Account roles by their labels (``no role`` when there is none)."""
    return Join(tuple(Opt("account_role", r) for r in roles)) if roles else msg("store.no_role")


class PermissionRefused(StoreError):
    """The actor's roles do not allow the action or the change of a section."""

    def __init__(self, actor: str, roles: Sequence[str], what: Msg, refusals: Sequence[Refusal] = ()) -> None:
        self.actor, self.roles, self.refusals = actor, tuple(roles), tuple(refusals)
        items = [r.message for r in refusals[:8]]
        if len(refusals) > 8:
            items.append(msg("store.and_more", n=len(refusals) - 8))
        detail = msg("store.refusals", items=Join(tuple(items), "semicolon")) if refusals else ""
        super().__init__(msg("store.refused_to", actor=actor, roles=roles_arg(roles), what=what, detail=detail))

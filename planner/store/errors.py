"""Errors of the store. Each says where (the store, the scenario, the version) and why, in plain words.

Kept free of SQLAlchemy imports so the CLI can map them to exit codes cheaply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class StoreError(Exception):
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

    def __init__(self, name: str, expected: int | None, latest: int, latest_author: str, latest_at: str) -> None:
        self.name, self.expected, self.latest = name, expected, latest
        self.latest_author, self.latest_at = latest_author, latest_at
        if expected is None:
            start = f"scenario {name!r} already exists"
            see = f"See it with `cathlab-planner scenarios show {name}`"
        else:
            start = f"scenario {name!r}: you started from version {expected}"
            see = f"See what changed with `cathlab-planner scenarios diff {name} {expected} {latest}`"
        super().__init__(
            f"{start}, but version {latest} is the latest (saved by {latest_author} at {latest_at}). "
            f"Nothing was saved. {see}, then merge your changes into version {latest} and save with "
            f"--expect-version {latest}, or reload version {latest}.")


@dataclass(frozen=True)
class Refusal:
    """One change a role may not make: the setting, its section and the roles that may change it."""

    path: str
    section: str
    allowed: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path} (section {self.section}: {', '.join(self.allowed)})"


class PermissionRefused(StoreError):
    """The actor's roles do not allow the action or the change of a section."""

    def __init__(self, actor: str, roles: Sequence[str], what: str, refusals: Sequence[Refusal] = ()) -> None:
        self.actor, self.roles, self.refusals = actor, tuple(roles), tuple(refusals)
        detail = "" if not refusals else ": " + "; ".join(str(r) for r in refusals[:8]) + (
            f"; and {len(refusals) - 8} more" if len(refusals) > 8 else "")
        super().__init__(f"{actor} ({', '.join(roles) or 'no role'}) may not {what}{detail}. Nothing was saved.")

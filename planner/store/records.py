"""What the store hands out: frozen records, free of SQLAlchemy sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from planner.store.diff import Change


def utc(value: datetime) -> datetime:
    """A timestamp read back from the database, as aware UTC (SQLite returns naive ones)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stamp(value: datetime) -> str:
    """A timestamp for messages: ``2026-03-01 14:02:11 UTC``."""
    return utc(value).strftime("%Y-%m-%d %H:%M:%S UTC")


@dataclass(frozen=True)
class Actor:
    """Who acts: an account name and its roles (single-user mode: the system user, administrator)."""

    name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class VersionInfo:
    """One saved version of a scenario."""

    scenario: str
    version: int
    author: str
    created_at: datetime
    comment: str
    changes: tuple[Change, ...]
    yaml: str
    restored_from: int | None = None


@dataclass(frozen=True)
class ScenarioSummary:
    """A scenario of the store and its latest version."""

    name: str
    latest_version: int
    latest_author: str
    updated_at: datetime


@dataclass(frozen=True)
class SavedPlan:
    """A plan saved with the scenario version and the catalogue fingerprint it was made with."""

    id: int
    scenario: str
    scenario_version: int
    catalog_fingerprint: str
    status: str
    author: str
    created_at: datetime
    plan_json: str


@dataclass(frozen=True)
class ItemInfo:
    """One version of a named item (catalogue extension or price list)."""

    kind: str
    name: str
    version: int
    filename: str
    digest: str
    author: str
    created_at: datetime
    comment: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit trail."""

    at: datetime
    actor: str
    action: str
    target: str
    outcome: str
    detail: str

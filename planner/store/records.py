"""What the store hands out: frozen records, free of SQLAlchemy sessions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from planner.messages import Msg, has, msg
from planner.store.diff import Change


def utc(value: datetime) -> datetime:
    """A timestamp read back from the database, as aware UTC (SQLite returns naive ones)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def stamp(value: datetime) -> str:
    """A timestamp for messages: ``2026-03-01 14:02:11 UTC``."""
    return utc(value).strftime("%Y-%m-%d %H:%M:%S UTC")



def stored_detail(detail: str | Msg) -> str:
    """An audit detail as stored: a message as its JSON (read back in the reader's language), a text as it is."""
    return json.dumps(detail.to_dict(), ensure_ascii=False) if isinstance(detail, Msg) else detail


def detail_message(stored: str) -> Msg:
    """A stored audit detail as a message (a plain text, or a row recorded before the codes, as it is)."""
    if stored.startswith('{"code"'):
        try:
            found = Msg.from_dict(json.loads(stored))
        except (ValueError, KeyError, TypeError, AttributeError):
            found = None
        if found is not None and has(found.code):
            return found
    return msg("text", text=stored)

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
    detail: str  # English (the app, the workbook)
    message: Msg | None = None  # the detail as a message (the command line renders it in its language)

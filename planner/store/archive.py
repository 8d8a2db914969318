"""Portable archive of a whole store (JSON): accounts, scenarios with every version and plan, items, audit.

Written by ``cathlab-planner db export FILE`` and read back by ``db import FILE`` into an empty store of
either kind (SQLite or PostgreSQL): timestamps are ISO 8601 UTC, file contents base64.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.messages import msg
from planner.store.errors import ArchiveError
from planner.store.models import (
    Account,
    AuditEvent,
    ItemRecord,
    ItemVersion,
    PlanRecord,
    ScenarioRecord,
    ScenarioVersion,
)
from planner.store.records import utc

FORMAT = "cathlab-planner-store"
FORMAT_VERSION = 1
_TABLES = (Account, ScenarioRecord, ItemRecord, AuditEvent)


def _iso(value: datetime) -> str:
    return utc(value).isoformat()


def _time(value: Any, where: str) -> datetime:
    try:
        return utc(datetime.fromisoformat(str(value)))
    except ValueError:
        raise ArchiveError(msg("archive.bad_time", where=where, value=str(value))) from None


def _row(obj: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in obj.__table__.columns:
        if col.name in skip:
            continue
        value = getattr(obj, col.name)
        out[col.name] = _iso(value) if isinstance(value, datetime) else (
            base64.b64encode(value).decode() if isinstance(value, bytes) else value)
    return out


def dump(s: Session) -> dict[str, Any]:
    """Everything in the store, as JSON-ready data."""
    scenarios = []
    for rec in s.scalars(select(ScenarioRecord).order_by(ScenarioRecord.id)):
        versions = s.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == rec.id)
                             .order_by(ScenarioVersion.version))
        plans = s.scalars(select(PlanRecord).where(PlanRecord.scenario_id == rec.id).order_by(PlanRecord.id))
        scenarios.append({**_row(rec, ("id",)), "versions": [_row(v, ("id", "scenario_id")) for v in versions],
                          "plans": [_row(p, ("id", "scenario_id")) for p in plans]})
    items = []
    for rec in s.scalars(select(ItemRecord).order_by(ItemRecord.id)):
        versions = s.scalars(select(ItemVersion).where(ItemVersion.item_id == rec.id).order_by(ItemVersion.version))
        items.append({**_row(rec, ("id",)), "versions": [_row(v, ("id", "item_id")) for v in versions]})
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "accounts": [_row(a, ("id",)) for a in s.scalars(select(Account).order_by(Account.id))],
            "scenarios": scenarios, "items": items,
            "audit": [_row(e, ("id",)) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]}


def _build(model: Any, data: Mapping[str, Any], where: str, **extra: Any) -> Any:
    values: dict[str, Any] = {}
    for col in model.__table__.columns:
        if col.name == "id" or col.name in extra:
            continue
        if col.name not in data and not col.nullable:
            raise ArchiveError(msg("archive.missing_field", where=where, field=col.name))
        value = data.get(col.name)
        if value is not None and col.type.python_type is datetime:
            value = _time(value, f"{where}.{col.name}")
        elif value is not None and col.type.python_type is bytes:
            value = base64.b64decode(value)
        values[col.name] = value
    return model(**values, **extra)


def _check(s: Session, data: Mapping[str, Any]) -> None:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ArchiveError(msg("archive.bad_format", format=FORMAT))
    if data.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(msg("archive.bad_version", version=repr(data.get("format_version")), reads=FORMAT_VERSION))
    used = [m.__tablename__ for m in _TABLES if s.scalar(select(func.count()).select_from(m))]
    if used:
        raise ArchiveError(msg("archive.not_empty", tables=", ".join(used)))


def _parent(s: Session, model: Any, data: Mapping[str, Any], where: str,
            children: Mapping[str, tuple[Any, str]]) -> None:
    """Insert one row and its child rows (``key in data -> (child model, foreign-key column)``)."""
    rec = _build(model, data, where)
    s.add(rec)
    s.flush()
    for key, (child, fk) in children.items():
        for j, row in enumerate(data.get(key, [])):
            s.add(_build(child, row, f"{where}.{key}[{j}]", **{fk: rec.id}))


def load(s: Session, data: Mapping[str, Any]) -> None:
    """Insert an archive into an empty store (the caller's transaction: all or nothing)."""
    _check(s, data)
    for i, acc in enumerate(data.get("accounts", [])):
        s.add(_build(Account, acc, f"accounts[{i}]"))
    for i, sc in enumerate(data.get("scenarios", [])):
        _parent(s, ScenarioRecord, sc, f"scenarios[{i}]",
                {"versions": (ScenarioVersion, "scenario_id"), "plans": (PlanRecord, "scenario_id")})
    for i, it in enumerate(data.get("items", [])):
        _parent(s, ItemRecord, it, f"items[{i}]", {"versions": (ItemVersion, "item_id")})
    for i, e in enumerate(data.get("audit", [])):
        s.add(_build(AuditEvent, e, f"audit[{i}]"))

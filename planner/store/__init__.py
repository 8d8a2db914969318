"""Scenario store: versioned scenarios, plans, items, accounts and roles, audit trail (SQLite or PostgreSQL).

No Streamlit here. The heavy parts (SQLAlchemy) load on first use, so that ``import planner.store.errors`` and
the CLI's parser stay cheap::

    from planner.store import open_store
    store = open_store()                      # CATHLAB_DB_URL, else SQLite in the user's data folder
    actor = store.local_actor()               # single-user mode (no account defined)
    store.save_scenario(actor, "chu-nord", scenario, comment="first draft")
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "open_store": "planner.store.api", "Store": "planner.store.api", "default_url": "planner.store.engine",
    "resolve_url": "planner.store.engine", "upgrade": "planner.store.engine",
    "Actor": "planner.store.records", "VersionInfo": "planner.store.records", "SavedPlan": "planner.store.records",
    "AuditEntry": "planner.store.records", "ScenarioSummary": "planner.store.records",
    "ItemInfo": "planner.store.records",
    "Change": "planner.store.diff", "diff_dicts": "planner.store.diff", "merge": "planner.store.diff",
    "ROLES": "planner.store.roles",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        msg = f"module 'planner.store' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    return getattr(importlib.import_module(_LAZY[name]), name)

"""Writer processes for the concurrency and crash tests (module-level, so ``spawn`` can import them)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from planner import load_scenario
from planner.store.api import open_store
from planner.store.errors import VersionConflict
from planner.store.records import Actor
from tests.store.conftest import EXAMPLE, with_capex


def write_many(url: str, writer: int, saves: int) -> list[tuple[int, float, str]]:
    """Read the latest version, change it, save on top of it; ``saves`` times. Returns each attempt as
    (version stored or 0 for a conflict, the capex written, the author)."""
    store = open_store(url)
    actor = Actor(f"writer{writer}", ("administrator",))
    example = load_scenario(EXAMPLE)
    out = []
    for i in range(saves):
        latest = store.version("shared").version
        capex = writer * 1_000_000 + i  # unique per attempt: proves which save a version holds
        try:
            saved = store.save_scenario(actor, "shared", with_capex(example, capex), f"w{writer} #{i}", latest)
            out.append((saved.version, capex, actor.name))
        except VersionConflict:
            out.append((0, capex, actor.name))
    store.engine.dispose()
    return out


def crash_in_save(url: str, marker: str) -> None:
    """Save version 2, and stop inside the transaction (rows written, not committed) until killed."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    def hold(_session: Session) -> None:
        Path(marker).write_text("in transaction")
        time.sleep(120)

    event.listen(Session, "before_commit", hold)
    store = open_store(url)
    store.save_scenario(Actor("crasher", ("administrator",)), "shared", with_capex(load_scenario(EXAMPLE), 7.0),
                        "never committed", expected_version=1)


if __name__ == "__main__":
    crash_in_save(sys.argv[1], sys.argv[2])

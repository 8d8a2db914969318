"""Several writer processes on one scenario: every save is stored or refused as a conflict, never lost; a
writer killed inside a save leaves the previous version intact and the store usable."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import Scenario, scenario_from_yaml
from planner.store.api import Store
from planner.store.records import Actor
from tests.store.conftest import with_capex
from tests.store.writers import write_many

WRITERS, SAVES = 4, 6
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_concurrent_writers_never_lose_a_save(store: Store, store_url: str, admin: Actor, example: Scenario) -> None:
    store.save_scenario(admin, "shared", example, "base")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(WRITERS) as pool:
        results = pool.starmap(write_many, [(store_url, w, SAVES) for w in range(1, WRITERS + 1)])
    attempts = [a for r in results for a in r]
    stored = {version: (capex, author) for version, capex, author in attempts if version}
    conflicts = [a for a in attempts if not a[0]]
    history = {v.version: v for v in store.history("shared")}
    print(f"\n{store.engine.dialect.name}: {len(attempts)} saves, {len(stored)} stored, {len(conflicts)} conflicts")
    assert len(stored) + len(conflicts) == WRITERS * SAVES
    assert len(stored) == len(history) - 1  # every stored save is a version; versions 2..N, no gap
    assert sorted(history) == list(range(1, len(stored) + 2))
    for version, (capex, author) in stored.items():  # each version holds exactly what its writer saved
        assert history[version].author == author
        assert scenario_from_yaml(history[version].yaml).budget.capex_eur == capex
    assert all(len(history[v].changes) == 1 for v in stored)  # each on top of the version it read
    assert len(stored) >= WRITERS  # progress: a conflict means someone else saved


def test_writer_killed_mid_save_leaves_the_store_intact(store: Store, store_url: str, admin: Actor,
                                                        example: Scenario, tmp_path: Path) -> None:
    base = store.save_scenario(admin, "shared", example, "base")
    marker = tmp_path / "in-transaction"
    proc = subprocess.Popen([sys.executable, "-m", "tests.store.writers", store_url, str(marker)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, f"writer exited early ({proc.returncode})"
            assert time.monotonic() < deadline, "writer never reached the transaction"
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert [v.version for v in store.history("shared")] == [1]
    assert store.version("shared").yaml == base.yaml
    after = store.save_scenario(admin, "shared", with_capex(example, 9.0), "after the crash", expected_version=1)
    assert after.version == 2  # the killed writer's lock is gone
    assert "crasher" not in {a.actor for a in store.audit()}

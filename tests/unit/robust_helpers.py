"""Fixtures of the robustness tests and a top-level task function spawned workers can import."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from planner.catalog import load_catalog
from planner.inputs import prepare
from planner.robust.run import DEFAULT_UNCERTAINTY, deterministic_equipment
from planner.robust.tasks import Job, run_chunk
from planner.scenario import SolverOptions, load_scenario


def kill_once(payload: tuple[str, Any], indices: Sequence[int]) -> list[Any]:
    """Run the chunk, but kill this worker process the first time sample 3 comes (a marker file remembers)."""
    marker, job = payload
    if 3 in indices and not Path(marker).exists():
        Path(marker).write_text("killed")
        os._exit(1)
    return run_chunk(job, indices)


@pytest.fixture(scope="session", name="general")
def general_fixture():
    scenario = load_scenario("examples/general_hospital.yaml")
    return load_catalog(scenario.catalog_path()), scenario


@pytest.fixture(scope="session", name="job")
def job_fixture(general):
    catalog, scenario = general
    base = prepare(catalog, scenario)
    return Job(base, DEFAULT_UNCERTAINTY, (deterministic_equipment(base, scenario.solver),), SolverOptions(), True)

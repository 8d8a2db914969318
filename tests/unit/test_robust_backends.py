"""Same seed, same results on every backend; a killed worker loses no sample; a run can be cancelled."""

from __future__ import annotations

import threading

import pytest

from planner.robust.backends import Backend, run_chunks
from planner.robust.tasks import run_chunk
from tests.unit.robust_helpers import general_fixture, job_fixture, kill_once  # noqa: F401 (fixtures)

N = 8


@pytest.fixture(scope="module")
def inline(job):
    return run_chunks(run_chunk, job, range(N), Backend(workers=1)).results


@pytest.mark.slow
def test_process_pool_matches_this_process(job, inline):
    seen = []
    out = run_chunks(run_chunk, job, range(N), Backend(workers=2, chunk_size=3), progress=lambda d, t: seen.append(d))
    assert out.results == inline and not out.cancelled
    assert seen[-1] == N and seen == sorted(seen)


def test_dask_local_cluster_threads_matches(job, inline):
    pytest.importorskip("distributed")
    out = run_chunks(run_chunk, job, range(N), Backend(workers=2, dask="local", processes=False, chunk_size=2))
    assert out.results == inline


@pytest.mark.slow
def test_dask_local_cluster_processes_matches(job, inline):
    pytest.importorskip("distributed")
    out = run_chunks(run_chunk, job, range(N), Backend(workers=2, dask="local", processes=True, chunk_size=4))
    assert out.results == inline


@pytest.mark.slow
def test_killed_worker_loses_no_sample(job, inline, tmp_path):
    out = run_chunks(kill_once, (str(tmp_path / "killed"), job), range(N), Backend(workers=2, chunk_size=2))
    assert (tmp_path / "killed").exists()  # the worker was killed once
    assert out.retried >= 1
    assert [r.index for r in out.results] == list(range(N))
    assert out.results == inline


def test_cancel_stops_early(job):
    cancel = threading.Event()
    out = run_chunks(run_chunk, job, range(N), Backend(workers=1, chunk_size=2),
                     progress=lambda done, total: cancel.set(), cancel=cancel)
    assert out.cancelled and len(out.results) == 2

"""The Dask side of :mod:`planner.robust.backends` (imported only when a Dask backend is asked for)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

from planner.messages import msg
from planner.robust.backends import Backend, BackendError, ChunkFn


def _client(backend: Backend, stack: ExitStack) -> Any:
    """A client of the backend's scheduler; a local cluster is started (and closed with ``stack``)."""
    from distributed import Client, LocalCluster

    if backend.dask == "local":
        cluster = stack.enter_context(LocalCluster(n_workers=backend.n_workers, threads_per_worker=1,
                                                   processes=backend.processes, dashboard_address=None))
        return stack.enter_context(Client(cluster))
    try:
        return stack.enter_context(Client(backend.dask, timeout="10s"))
    except OSError as exc:
        raise BackendError(msg("robust.dask_unreachable", address=str(backend.dask), problem=str(exc))) from exc


def run_dask(fn: ChunkFn, payload: Any, parts: list[tuple[int, ...]], backend: Backend,
             cancel: threading.Event | None) -> Iterator[tuple[list[Any], int]]:
    """Submit every chunk (the payload scattered once), yield results as they complete."""
    from distributed import as_completed

    with ExitStack() as stack:
        client = _client(backend, stack)
        shared = client.scatter(payload, broadcast=True)
        tag = uuid.uuid4().hex[:8]
        futures = [client.submit(fn, shared, part, key=f"robust-{tag}-{i}", retries=backend.retries, pure=False)
                   for i, part in enumerate(parts)]
        try:
            for fut in as_completed(futures):
                if cancel is not None and cancel.is_set():
                    return
                try:
                    out = fut.result()
                except Exception as exc:
                    why = msg("robust.dask_task_failed", retries=backend.retries, problem=repr(exc))
                    raise BackendError(why) from exc
                yield out, 0
        finally:
            client.cancel(futures)

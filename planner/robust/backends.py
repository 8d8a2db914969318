"""Where the futures run: in this process, on a local process pool, or on a Dask cluster.

``run_chunks(fn, payload, indices, backend)`` sends the sample indices in chunks, streams the results
back (``progress(done, total)`` after each chunk), retries a chunk whose task failed or whose worker died,
and stops early when ``cancel`` is set (the results so far are returned, ``cancelled`` is true). Results are
sorted by sample index; since each sample draws from its own seed, the backend never changes them.

- ``workers == 1``: in this process (one extra process would only add its start-up time).
- local pool: ``concurrent.futures.ProcessPoolExecutor`` with the *spawn* start method; the payload is sent
  once per worker (initializer). A dead worker breaks the pool: the pool is rebuilt and the unfinished
  chunks are sent again.
- Dask: ``address`` of a scheduler, or ``"local"`` to start a ``distributed.LocalCluster`` of ``workers``
  single-threaded workers. The payload is scattered to every worker once; Dask reschedules the tasks of a
  dead worker, and a task that raises is retried ``retries`` times.
"""

from __future__ import annotations

import concurrent.futures as cf
import math
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from planner.errors import MessageError
from planner.messages import Msg, msg

P = TypeVar("P")


class Indexed(Protocol):
    """A result that knows its sample index."""

    @property
    def index(self) -> int: ...  # noqa: D102


R = TypeVar("R", bound=Indexed)
ChunkFn = Callable[[Any, Sequence[int]], list[Any]]
Progress = Callable[[int, int], None]


class BackendError(MessageError, RuntimeError):
    """The work could not be done: a chunk kept failing, or the Dask scheduler is unreachable."""


@dataclass(frozen=True)
class Backend:
    """Where to run: ``workers`` local processes (None: every core), or a Dask scheduler ``dask`` (an address
    or ``"local"``)."""

    workers: int | None = None
    dask: str | None = None
    processes: bool = True  # Dask local cluster: worker processes (False: threads of this process)
    chunk_size: int | None = None
    retries: int = 3

    @property
    def n_workers(self) -> int:
        """Workers used (local pool or local Dask cluster)."""
        return max(1, self.workers if self.workers else (os.cpu_count() or 1))

    def describe(self) -> str:
        """A short label: ``process pool (2 workers)``, ``dask local (2 workers)``, ``dask tcp://...``."""
        if self.dask == "local":
            return f"dask local cluster ({self.n_workers} workers)"
        if self.dask:
            return f"dask {self.dask}"
        return "this process" if self.n_workers == 1 else f"process pool ({self.n_workers} workers)"

    def label(self) -> Msg:
        """:meth:`describe` as a catalogue message (the command line's language)."""
        if self.dask == "local":
            return msg("robust.backend.dask_local", n=self.n_workers)
        if self.dask:
            return msg("robust.backend.dask", address=self.dask)
        return msg("robust.backend.inline") if self.n_workers == 1 else msg("robust.backend.pool", n=self.n_workers)


@dataclass(frozen=True)
class RunOutcome(Generic[R]):
    """Results sorted by sample index, whether the run was cancelled, and how many chunks were re-sent."""

    results: tuple[R, ...]
    cancelled: bool
    retried: int


def chunks(indices: Sequence[int], size: int) -> list[tuple[int, ...]]:
    """Consecutive chunks of at most ``size`` indices.

    >>> chunks(range(5), 2)
    [(0, 1), (2, 3), (4,)]
    """
    items = list(indices)
    return [tuple(items[i:i + size]) for i in range(0, len(items), size)]


def chunk_size(backend: Backend, n: int) -> int:
    """The backend's chunk size, else about four chunks per worker (at most 25 samples each)."""
    if backend.chunk_size:
        return backend.chunk_size
    return max(1, min(25, math.ceil(n / (4 * backend.n_workers))))


def run_chunks(fn: ChunkFn, payload: Any, indices: Sequence[int], backend: Backend,
               progress: Progress | None = None, cancel: threading.Event | None = None) -> RunOutcome[Any]:
    """Run ``fn(payload, chunk)`` over every chunk of ``indices`` on ``backend``."""
    parts = chunks(indices, chunk_size(backend, len(indices)))
    if backend.dask:
        from planner.robust.dask_backend import run_dask  # distributed only when asked for

        stream = run_dask(fn, payload, parts, backend, cancel)
    elif backend.n_workers == 1:
        stream = _run_inline(fn, payload, parts, backend.retries, cancel)
    else:
        stream = _run_pool(fn, payload, parts, backend, cancel)
    return collect(stream, len(indices), progress, cancel)


def collect(stream: Iterator[tuple[list[Any], int]], total: int, progress: Progress | None,
            cancel: threading.Event | None) -> RunOutcome[Any]:
    """Gather (results, retries so far) pairs from a backend's stream, reporting progress."""
    results: list[Any] = []
    retried = 0
    for part, so_far in stream:
        results.extend(part)
        retried = so_far
        if progress is not None:
            progress(len(results), total)
    cancelled = cancel is not None and cancel.is_set() and len(results) < total
    return RunOutcome(tuple(sorted(results, key=lambda r: r.index)), cancelled, retried)


def _run_inline(fn: ChunkFn, payload: Any, parts: list[tuple[int, ...]], retries: int,
                cancel: threading.Event | None) -> Iterator[tuple[list[Any], int]]:
    retried = 0
    for part in parts:
        if cancel is not None and cancel.is_set():
            return
        for attempt in range(retries + 1):
            try:
                out = fn(payload, part)
                break
            except Exception as exc:
                if attempt == retries:
                    raise BackendError(chunk_failed(part, retries + 1, str(exc))) from exc
                retried += 1
        yield out, retried


# ---------------------------------------------------------------- local process pool (spawn-safe)

_PAYLOAD: Any = None


def _init_worker(payload: Any) -> None:
    global _PAYLOAD  # noqa: PLW0603 (one payload per worker process, set once by the pool's initializer)
    _PAYLOAD = payload


def _call(fn: ChunkFn, part: tuple[int, ...]) -> list[Any]:
    return fn(_PAYLOAD, part)


def _new_pool(backend: Backend, payload: Any) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(max_workers=backend.n_workers, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=_init_worker, initargs=(payload,))


def _run_pool(fn: ChunkFn, payload: Any, parts: list[tuple[int, ...]], backend: Backend,
              cancel: threading.Event | None) -> Iterator[tuple[list[Any], int]]:
    attempts = dict.fromkeys(parts, 0)
    todo = list(parts)
    retried = 0
    while todo:
        pool = _new_pool(backend, payload)
        try:
            pending = {pool.submit(_call, fn, part): part for part in todo}
            todo = []
            while pending:
                done, _ = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                if cancel is not None and cancel.is_set():
                    return
                for fut in done:
                    part = pending.pop(fut)
                    try:
                        out = fut.result()
                    except Exception as exc:  # a task raised, or a worker died (BrokenProcessPool: all pending fail)
                        _count_failure(attempts, part, backend.retries, exc)
                        todo.append(part)
                        retried += 1
                        continue
                    yield out, retried
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _count_failure(attempts: dict[tuple[int, ...], int], part: tuple[int, ...], retries: int,
                   exc: BaseException) -> None:
    attempts[part] += 1
    if attempts[part] > retries:
        raise BackendError(chunk_failed(part, attempts[part], repr(exc))) from exc


def chunk_failed(part: Sequence[int], times: int, problem: str) -> Msg:
    """Why a chunk of samples was given up."""
    return msg("robust.chunk_failed", first=part[0], last=part[-1], times=times, problem=problem)

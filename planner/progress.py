"""Progress of long analyses (budget ladder, purchase path, sensitivity): a callback given the share done; and
of one optimisation (:class:`SolveReport`: its stage, time and the solver's bounds).

The planner calls ``progress(share)`` with a share in [0, 1] between solves, never during one, so a caller may
stop the work there (the app's Cancel button: Streamlit stops the page at its next progress update). A
:data:`SolveWatch` is also called during a solve: what it raises stops the solver cleanly first
(:class:`planner.highs_session.Watcher`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.messages import Msg

#: A progress callback: the share of the work done, from 0 to 1.
Progress = Callable[[float], None]


def silent(_share: float) -> None:
    """No progress report."""


def part(progress: Progress | None, start: float, end: float) -> Progress:
    """The callback of a sub-task that covers ``[start, end]`` of the whole.

    >>> seen = []
    >>> part(seen.append, 0.5, 1.0)(0.5)
    >>> seen
    [0.75]
    """
    if progress is None:
        return silent
    report = progress
    return lambda share: report(start + (end - start) * min(max(share, 0.0), 1.0))


@dataclass(frozen=True)
class SolveReport:
    """Where one optimisation stands: its ``stage`` (``check``, ``build``, ``value`` (phase 1: the best value),
    ``cost`` (phase 2: the lowest cost at that value), ``min_cost`` (a cost-only objective), ``plan`` or
    ``diagnosis``), the seconds since the run began and its time
    limit, and during a phase the solver's best plan so far (``best``, in the phase's own objective), its
    ``bound`` and the relative ``gap`` between them (``None`` until known)."""

    stage: str
    elapsed_s: float
    limit_s: float
    best: float | None = None
    bound: float | None = None
    gap: float | None = None

    @property
    def share(self) -> float:
        """The share of the time limit spent, in [0, 1] (the run never takes longer than its limit).

        >>> SolveReport("value", 15.0, 60.0).share
        0.25
        """
        return min(max(self.elapsed_s / self.limit_s, 0.0), 1.0) if self.limit_s > 0 else 1.0


#: A callback given a :class:`SolveReport` at each stage of an optimisation and, during a phase, every
#: fraction of a second (from the solver's own callbacks; an exception it raises stops the solver at once and is
#: raised again once the solver has returned: the app's Cancel button).
SolveWatch = Callable[[SolveReport], None]


def describe(report: SolveReport) -> Msg:
    """The report as a catalogue message (the app's progress bar, the command line's progress lines).

    >>> from planner.messages import render
    >>> stage, state = render(describe(SolveReport("value", 4.2, 60.0, 8.5, 9.0, 0.0556)), "en").split(": ")
    >>> stage
    'Phase 1 of 2, the most clinical value'
    >>> state
    'best plan so far 8.50, at most 9.00 possible, gap 5.6% (4 s, time limit 60 s)'
    """
    from planner.messages import Num, Pct, msg  # noqa: PLC0415 (the catalogue only when a report is shown)

    stage = msg(f"solve.stage.{report.stage}")
    timing = {"elapsed": Num(report.elapsed_s), "limit": Num(report.limit_s)}
    if report.gap is None:
        return msg("solve.progress", stage=stage, **timing)
    if report.stage == "value" and report.best is not None and report.bound is not None:
        return msg("solve.progress.value", stage=stage, best=Num(report.best, 2), bound=Num(report.bound, 2),
                   gap=Pct(report.gap, 1), **timing)
    return msg("solve.progress.gap", stage=stage, gap=Pct(report.gap, 1), **timing)

"""Progress of long analyses (budget ladder, purchase path, sensitivity): a callback given the share done.

The planner calls ``progress(share)`` with a share in [0, 1] between solves, never during one, so a caller may
stop the work there (the app's Cancel button: Streamlit stops the page at its next progress update) and the
solver is never interrupted in the middle of a solve.
"""

from __future__ import annotations

from collections.abc import Callable

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

"""The work one task does: draw the futures of a chunk of sample indices and solve them.

Top-level, picklable functions and frozen dataclasses only, so the spawn start method and Dask can run them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.inputs import ModelInputs
from planner.robust.evaluate import Equipment, FutureOutcome, evaluate_future
from planner.robust.sampling import sample_inputs
from planner.robust.uncertainty import Uncertainty
from planner.scenario import SolverOptions


@dataclass(frozen=True)
class Job:
    """What every task of a run shares: the base inputs, the laws, the plans to evaluate, the solver options.

    ``optimum``: also re-optimise fully in each future (stability: selection frequency and regret)."""

    base: ModelInputs
    uncertainty: Uncertainty
    plans: tuple[Equipment, ...]
    options: SolverOptions
    optimum: bool = False


@dataclass(frozen=True)
class SampleResult:
    """One future: each plan's outcome (same order as ``Job.plans``) and the future's own optimum."""

    index: int
    plans: tuple[FutureOutcome, ...]
    optimum: FutureOutcome | None = None

    def regret(self, plan: int = 0) -> float | None:
        """Value the plan gives up against the future's optimum (>= 0 up to the solver's tolerance)."""
        if self.optimum is None:
            return None
        return self.optimum.value - self.plans[plan].value


def run_sample(job: Job, index: int) -> SampleResult:
    """Draw future ``index`` and solve it for each plan (and freely for the optimum)."""
    future = sample_inputs(job.base, job.uncertainty, index)
    plans = tuple(evaluate_future(future, index, eq, job.options) for eq in job.plans)
    optimum = evaluate_future(future, index, None, job.options) if job.optimum else None
    return SampleResult(index, plans, optimum)


def run_chunk(job: Job, indices: Sequence[int]) -> list[SampleResult]:
    """The futures of a chunk of sample indices."""
    return [run_sample(job, i) for i in indices]

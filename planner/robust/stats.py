"""Summaries of sampled outcomes: distributions of value and cost, budget overruns, use, selection, regret."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planner.robust.evaluate import FutureOutcome
from planner.robust.tasks import SampleResult


@dataclass(frozen=True)
class Spread:
    """Mean, standard deviation and the 5th, 50th and 95th percentiles of a sample."""

    mean: float
    sd: float
    p5: float
    p50: float
    p95: float

    @staticmethod
    def of(xs: Sequence[float]) -> Spread:
        """The spread of ``xs`` (zeros for an empty sample).

        >>> Spread.of([1.0, 2.0, 3.0]).mean
        2.0
        """
        if not xs:
            return Spread(0.0, 0.0, 0.0, 0.0, 0.0)
        a = np.asarray(xs, dtype=float)
        p5, p50, p95 = (float(x) for x in np.percentile(a, [5, 50, 95]))
        return Spread(float(a.mean()), float(a.std()), p5, p50, p95)


@dataclass(frozen=True)
class PlanStats:
    """One plan over the sampled futures."""

    name: str
    values: tuple[float, ...]  # per future, in sample order
    costs_eur: tuple[float, ...]
    opex_eur: tuple[float, ...]
    value: Spread
    cost_eur: Spread
    opex_overrun_probability: float  # share of futures whose running cost exceeds the running budget
    relaxed_share: float  # share of futures where floors or minimum volumes could not be held
    coverage: tuple[tuple[str, float], ...]  # indication -> mean share of its demand served
    device_cases: tuple[tuple[str, float], ...]  # device -> mean cases a year


@dataclass(frozen=True)
class Stability:
    """Full re-optimisation per future: how often each device is chosen, and the plan's regret."""

    frequency: tuple[tuple[str, str, float], ...]  # (site, device, share of futures where it is in use)
    regrets: tuple[float, ...]
    regret: Spread
    optimum_value: Spread


def plan_stats(name: str, outcomes: Sequence[FutureOutcome]) -> PlanStats:
    """Summarise one plan's outcomes."""
    n = max(len(outcomes), 1)
    return PlanStats(
        name=name, values=tuple(o.value for o in outcomes), costs_eur=tuple(o.cost_eur for o in outcomes),
        opex_eur=tuple(o.opex_eur_per_year for o in outcomes), value=Spread.of([o.value for o in outcomes]),
        cost_eur=Spread.of([o.cost_eur for o in outcomes]),
        opex_overrun_probability=sum(o.opex_exceeded for o in outcomes) / n,
        relaxed_share=sum(o.level in ("relaxed", "failed") for o in outcomes) / n,
        coverage=_means([o.coverage for o in outcomes], n), device_cases=_means([o.device_cases for o in outcomes], n))


def _means(rows: Sequence[tuple[tuple[str, float], ...]], n: int) -> tuple[tuple[str, float], ...]:
    total: dict[str, float] = defaultdict(float)
    for row in rows:
        for key, x in row:
            total[key] += x
    return tuple((k, total[k] / n) for k in sorted(total))


def stability(samples: Sequence[SampleResult]) -> Stability:
    """Selection frequency of each (site, device) in the futures' optima, and the plan's regret."""
    optima = [s.optimum for s in samples if s.optimum is not None]
    count: dict[tuple[str, str], int] = defaultdict(int)
    for o in optima:
        for sd in o.in_use:
            count[sd] += 1
    n = max(len(optima), 1)
    regrets = tuple(max(r, 0.0) for s in samples if (r := s.regret()) is not None)
    return Stability(tuple((s, d, count[(s, d)] / n) for s, d in sorted(count, key=lambda sd: (-count[sd], sd))),
                     regrets, Spread.of(list(regrets)), Spread.of([o.value for o in optima]))

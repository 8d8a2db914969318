"""Sensitivity: over which range of a parameter does the chosen configuration stay the same?

For each indication weight (and each consumable price of a chosen device), the parameter is multiplied by
``m`` and the scenario re-solved. The *configuration* is the set of devices in use at each site with their
units (:func:`planner.decision.engine.configuration`); case allocations may shift inside a range.

Search, per side: first the limit of the search (weights x0 and x``max_multiplier``; prices
-``max_change`` and +``max_change``); if the configuration is unchanged there, the range reaches the limit.
Otherwise bisection between 1 (unchanged) and the limit (changed) until the bracket is narrower than
``tolerance`` (as a multiplier; on a log scale above 1 for weights). The reported bound is the last
multiplier *known* to keep the configuration, so ranges are conservative by at most ``tolerance``.
Interchangeable twin devices never count as a change (the base plan's twin is kept).
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from planner.catalog import Catalog
from planner.checks import validate
from planner.decision.engine import (
    EUR_TOL,
    Configuration,
    SolverFailureError,
    Tweak,
    configuration,
    fixed_purchases,
    present_pairs,
    require_solution,
    solve_plan,
    twins_excluded,
)
from planner.decision.ladder import diff
from planner.diagnose import diagnose
from planner.inputs import ModelInputs, prepare
from planner.messages import Join, Msg, msg, plain
from planner.progress import Progress, silent
from planner.scenario import Scenario, SolverOptions

Parameter = Literal["weight", "consumable_price"]
#: Default search limits and bracket width.
MAX_MULTIPLIER = 4.0
MAX_PRICE_CHANGE = 1.0
TOLERANCE = 0.05
#: Relative benefit difference under which the base configuration counts as still optimal.
BENEFIT_REL_TOL = 1e-5


@dataclass(frozen=True)
class SensitivityRange:
    """Multipliers [low, high] of one parameter over which the configuration stays the same."""

    parameter: Parameter
    subject: str  # indication id (weight) or device id (consumable price)
    base_value: float  # weight, or EUR per case
    low_multiplier: float
    high_multiplier: float
    low_open: bool  # True: unchanged down to the search limit, no break found
    high_open: bool
    low_change: Msg | None  # what changes just below the range (None if none found)
    high_change: Msg | None

    @property
    def low_value(self) -> float:
        """Lowest parameter value known to keep the configuration."""
        return self.base_value * self.low_multiplier

    @property
    def high_value(self) -> float:
        """Highest parameter value known to keep the configuration."""
        return self.base_value * self.high_multiplier

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the values."""
        return {**plain(asdict(self)), "low_value": self.low_value, "high_value": self.high_value}


@dataclass(frozen=True)
class Sensitivity:
    """Ranges of every parameter analysed, around the base configuration."""

    scenario_name: str
    status: str
    configuration: Configuration = ()
    ranges: tuple[SensitivityRange, ...] = ()
    solves: int = 0
    time_s: float = 0.0
    tolerance: float = TOLERANCE
    diagnosis: tuple[Msg, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        data = plain(asdict(self))
        data["ranges"] = [r.to_dict() for r in self.ranges]
        return data


class _Probe:
    """Re-solves with a changed parameter and tells whether the base configuration is still optimal."""

    def __init__(self, inputs: ModelInputs, options: SolverOptions, base: Configuration) -> None:
        self.inputs, self.options, self.base, self.solves = inputs, options, base, 0
        pairs = present_pairs(base)
        self.free = Tweak(exclude=twins_excluded(inputs, pairs))
        bought = {(c.site_id, c.device_id): c.units_new for c in base}
        self.fixed = Tweak(force=tuple(sorted(pairs)), exclude=tuple(sd for sd in inputs.candidates if sd not in pairs),
                           fix_buy=fixed_purchases(inputs, bought))

    def still_optimal(self, changed: ModelInputs) -> tuple[bool, Configuration | None]:
        """(base configuration still optimal, the optimal configuration found)."""
        self.solves += 1
        best = require_solution(solve_plan(changed, self.options, self.free), "sensitivity")
        if best is None or best.benefit is None or best.costs is None:
            return False, None
        found = configuration(best)
        if found == self.base:
            return True, found
        self.solves += 1
        kept = require_solution(solve_plan(changed, self.options, self.fixed), "sensitivity")
        if kept is None or kept.benefit is None or kept.costs is None:
            return False, found
        as_good = (changed.objective == "min_cost"
                   or kept.benefit >= best.benefit - BENEFIT_REL_TOL * max(abs(best.benefit), 1.0))
        as_cheap = kept.costs.annualised_eur_per_year <= best.costs.annualised_eur_per_year * (1 + 1e-6) + EUR_TOL
        return as_good and as_cheap, found

    def search(self, change: Callable[[float], ModelInputs], limit: float, tolerance: float,
               log_scale: bool) -> tuple[float, bool, Msg | None]:
        """(last multiplier keeping the configuration, limit reached, change found beyond it)."""
        seen: dict[float, tuple[bool, Configuration | None]] = {}

        def same(m: float) -> bool:
            if m not in seen:
                seen[m] = self.still_optimal(change(m))
            return seen[m][0]

        if same(limit):
            return limit, True, None
        good, bad = 1.0, limit
        while _wide(good, bad, tolerance, log_scale):
            mid = math.sqrt(good * bad) if log_scale else (good + bad) / 2
            good, bad = (mid, bad) if same(mid) else (good, mid)
        return good, False, self._describe(seen[bad][1])

    def _describe(self, other: Configuration | None) -> Msg:
        if other is None:
            return msg("sens.no_plan")
        return msg("text_list", items=Join(tuple(c.text for c in diff(self.inputs, self.base, other, 0.0, 0.0)),
                                           "semicolon"))


def _wide(a: float, b: float, tolerance: float, log_scale: bool) -> bool:
    """Whether the bracket [a, b] (either order) is wider than the tolerance."""
    if log_scale and a > 0 and b > 0:
        return abs(math.log(b / a)) > math.log(1 + tolerance)
    return abs(b - a) > tolerance


def _with_weight(inputs: ModelInputs, k: str, m: float) -> ModelInputs:
    return dataclasses.replace(inputs, weight={**inputs.weight, k: inputs.weight[k] * m})


def _with_price(inputs: ModelInputs, d: str, m: float) -> ModelInputs:
    dev = inputs.devices[d]
    devices = {**inputs.devices, d: dataclasses.replace(dev, consumable_eur_per_case=dev.consumable_eur_per_case * m)}
    return dataclasses.replace(inputs, devices=devices)


def sensitivity(catalog: Catalog, scenario: Scenario, *, weights: Sequence[str] | None = None,
                prices: Sequence[str] | None = None, max_multiplier: float = MAX_MULTIPLIER,
                max_price_change: float = MAX_PRICE_CHANGE, tolerance: float = TOLERANCE,
                options: SolverOptions | None = None, progress: Progress | None = None) -> Sensitivity:
    """Weight ranges (indications with demand, or ``weights``) and consumable price ranges (chosen devices with
    a consumable, or ``prices``); pass an empty sequence to skip one kind. ``progress`` is told the share of the
    ranges searched (:mod:`planner.progress`)."""
    validate(catalog, scenario)
    start = time.perf_counter()
    inputs = prepare(catalog, scenario)
    opts = options or scenario.solver
    try:
        plan = require_solution(solve_plan(inputs, opts), "sensitivity")
        if plan is None:
            return Sensitivity(scenario.name, "infeasible", diagnosis=diagnose(inputs, opts))
        base = configuration(plan)
        probe = _Probe(inputs, opts, base)
        searches = [(_weight_range, k, max_multiplier) for k in _weight_subjects(inputs, weights)]
        searches += [(_price_range, d, max_price_change) for d in _price_subjects(inputs, base, prices)]
        report = progress or silent
        report(0.0)
        ranges = []
        for done, (search, subject, limit) in enumerate(searches, start=1):
            ranges.append(search(probe, subject, limit, tolerance))
            report(done / len(searches))
    except SolverFailureError as exc:
        return Sensitivity(scenario.name, exc.status.value)
    return Sensitivity(scenario.name, plan.status, base, tuple(ranges), probe.solves + 1,
                       time.perf_counter() - start, tolerance)


def weight_sensitivity(catalog: Catalog, scenario: Scenario, indications: Sequence[str] | None = None,
                       **kw: Any) -> Sensitivity:
    """Weight ranges only (see :func:`sensitivity`)."""
    return sensitivity(catalog, scenario, weights=indications, prices=(), **kw)


def price_sensitivity(catalog: Catalog, scenario: Scenario, devices: Sequence[str] | None = None,
                      **kw: Any) -> Sensitivity:
    """Consumable price ranges only (see :func:`sensitivity`)."""
    return sensitivity(catalog, scenario, weights=(), prices=devices, **kw)


def _weight_subjects(inputs: ModelInputs, chosen: Sequence[str] | None) -> list[str]:
    if chosen is not None:
        return list(chosen)
    return [k for k in inputs.indications if any(inputs.demand[(s, k)] > 0 for s in inputs.sites)
            and any(k2 == k for _s, _d, k2 in inputs.allocations)]


def _price_subjects(inputs: ModelInputs, base: Configuration, chosen: Sequence[str] | None) -> list[str]:
    if chosen is not None:
        return list(chosen)
    return sorted({c.device_id for c in base if inputs.devices[c.device_id].consumable_eur_per_case > 0})


def _weight_range(probe: _Probe, k: str, max_multiplier: float, tolerance: float) -> SensitivityRange:
    inputs = probe.inputs
    hi, hi_open, hi_change = probe.search(lambda m: _with_weight(inputs, k, m), max_multiplier, tolerance, True)
    lo, lo_open, lo_change = probe.search(lambda m: _with_weight(inputs, k, m), 0.0, tolerance, False)
    return SensitivityRange("weight", k, inputs.weight[k], lo, hi, lo_open, hi_open, lo_change, hi_change)


def _price_range(probe: _Probe, d: str, max_change: float, tolerance: float) -> SensitivityRange:
    inputs = probe.inputs
    price = inputs.devices[d].consumable_eur_per_case
    hi, hi_open, hi_change = probe.search(lambda m: _with_price(inputs, d, m), 1 + max_change, tolerance, False)
    lo, lo_open, lo_change = probe.search(lambda m: _with_price(inputs, d, m), max(1 - max_change, 0.0), tolerance,
                                          False)
    return SensitivityRange("consumable_price", d, price, lo, hi, lo_open, hi_open, lo_change, hi_change)

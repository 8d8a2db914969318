"""Side-by-side comparison of two or more plans: configuration, costs, coverage, and what differs.

``compare_plans(plans)`` only reads the plans (no solve). ``compare_scenarios(pairs)`` solves each
(catalogue, scenario) pair with :func:`planner.make_plan` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from planner.api import make_plan
from planner.catalog import Catalog
from planner.decision.engine import Configuration, configuration, require_single_period
from planner.messages import Msg, plain
from planner.plan import Plan
from planner.scenario import Scenario
from planner.specs.swaps import equivalent_swaps

#: Coverage shares closer than this count as equal.
SHARE_TOL = 1e-4


@dataclass(frozen=True)
class PlanSummary:
    """The headline figures of one plan."""

    name: str
    status: str
    benefit: float | None
    capex_eur: float | None
    opex_eur_per_year: float | None
    annualised_eur_per_year: float | None
    configuration: Configuration
    diagnosis: tuple[Msg, ...]


@dataclass(frozen=True)
class DeviceRow:
    """Units in use of a device at a site in each plan (0 when absent)."""

    site_id: str
    device_id: str
    units: tuple[int, ...]
    differs: bool
    equivalent: bool = False  # the units differ only by a swap between equivalent products (not a difference)


@dataclass(frozen=True)
class CoverageRow:
    """Coverage share of an indication at a site in each plan (``None`` when the plan has no such row)."""

    site_id: str
    indication_id: str
    shares: tuple[float | None, ...]
    differs: bool


@dataclass(frozen=True)
class Comparison:
    """Plans side by side; rows flagged ``differs`` are the differences to highlight."""

    names: tuple[str, ...]
    plans: tuple[PlanSummary, ...]
    devices: tuple[DeviceRow, ...]
    coverage: tuple[CoverageRow, ...]

    @property
    def device_differences(self) -> tuple[DeviceRow, ...]:
        """Device rows that differ between plans."""
        return tuple(r for r in self.devices if r.differs)

    @property
    def equivalent_products(self) -> tuple[DeviceRow, ...]:
        """Device rows that differ only by an equivalent product (same function, within the tolerance)."""
        return tuple(r for r in self.devices if r.equivalent)

    @property
    def coverage_differences(self) -> tuple[CoverageRow, ...]:
        """Coverage rows that differ between plans."""
        return tuple(r for r in self.coverage if r.differs)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return plain(asdict(self))


def _summary(name: str, plan: Plan) -> PlanSummary:
    c = plan.costs
    return PlanSummary(name, plan.status, plan.benefit, None if c is None else c.capex_eur,
                       None if c is None else c.opex_eur_per_year, None if c is None else c.annualised_eur_per_year,
                       configuration(plan) if plan.has_solution else (), plan.diagnosis)


def compare_plans(plans: Sequence[Plan], names: Sequence[str] | None = None) -> Comparison:
    """Compare plans (names default to the scenario names, made unique with a suffix)."""
    labels = list(names) if names is not None else _unique([p.scenario_name or f"plan {i + 1}"
                                                            for i, p in enumerate(plans)])
    if len(labels) != len(plans):
        msg = f"{len(labels)} names for {len(plans)} plans"
        raise ValueError(msg)
    summaries = tuple(_summary(n, p) for n, p in zip(labels, plans, strict=True))
    units = [{(c.site_id, c.device_id): c.units for c in s.configuration} for s in summaries]
    keys = sorted(set().union(*units)) if units else []
    swaps = equivalent_swaps(plans)  # same function, within the tolerance: an equivalent product, not a difference
    devices = []
    for s, d in keys:
        row = tuple(u.get((s, d), 0) for u in units)
        same = (s, d) in swaps
        devices.append(DeviceRow(s, d, row, len(set(row)) > 1 and not same, same and len(set(row)) > 1))
    shares = [{(r.site_id, r.indication_id): r.coverage_share for r in p.coverage} for p in plans]
    cov_keys = sorted(set().union(*shares)) if shares else []
    coverage = []
    for s, k in cov_keys:
        row_s = tuple(x.get((s, k)) for x in shares)
        known = [v for v in row_s if v is not None]
        differs = None in row_s or (max(known) - min(known) > SHARE_TOL if known else False)
        coverage.append(CoverageRow(s, k, row_s, differs))
    return Comparison(tuple(labels), summaries, tuple(devices), tuple(coverage))


def compare_scenarios(cases: Sequence[tuple[Catalog, Scenario]], names: Sequence[str] | None = None) -> Comparison:
    """Solve each (catalogue, scenario) with :func:`planner.make_plan` and compare the plans."""
    for _catalog, scenario in cases:
        require_single_period(scenario, "scenario comparison")
    return compare_plans([make_plan(cat, sc) for cat, sc in cases], names)


def _unique(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        candidate, n = label, 2
        while candidate in out:
            candidate, n = f"{label} ({n})", n + 1
        out.append(candidate)
    return out

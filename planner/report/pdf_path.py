"""The purchase path the committee PDF prints: steps of increasing capital budget and the tier of each device.

The PDF receives a :class:`PurchasePath`; it never computes one. :func:`purchase_path_from_ladder` makes it
from the budget ladder of :mod:`planner.decision.ladder` (the only place that knows the ladder's shape), so a
change of the ladder changes this adapter and nothing in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.decision.ladder import Ladder

#: Benefit gain (weighted events a year) under which a ladder point adds nothing to show.
_GAIN_TOL = 1e-6


@dataclass(frozen=True)
class PathStep:
    """One step of the path: the capital budget, what the optimal plan spends and gains there, and the
    devices it adds (site id, device id)."""

    budget_eur: float
    capex_eur: float
    benefit: float
    entering: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PathTier:
    """A device of the final configuration, its tier (essential, recommended, advanced) and entry budget."""

    site_id: str
    device_id: str
    family: str
    tier: str
    entry_budget_eur: float
    units: int


@dataclass(frozen=True)
class PurchasePath:
    """Steps (ascending budgets: the cheapest plan, with what it buys, then each budget that adds a device,
    gains value or spends more, and the last) and tiers."""

    steps: tuple[PathStep, ...]
    tiers: tuple[PathTier, ...] = ()


def _pair(text: str) -> tuple[str, str]:
    site, _, device = text.partition("/")
    return site, device


def purchase_path_from_ladder(ladder: Ladder) -> PurchasePath | None:
    """The path of a budget ladder; ``None`` when the ladder has no point (no solution)."""
    if not ladder.has_solution:
        return None
    first = ladder.points[0]
    bought = tuple((c.site_id, c.device_id) for c in first.configuration if c.units_new > 0)
    steps = [PathStep(first.budget_eur, first.capex_eur, first.benefit, bought)]
    for i, p in enumerate(ladder.points[1:], start=1):
        gains = p.benefit > steps[-1].benefit + _GAIN_TOL or p.capex_eur > steps[-1].capex_eur + 0.5
        if p.entering or gains or i == len(ladder.points) - 1:
            steps.append(PathStep(p.budget_eur, p.capex_eur, p.benefit, tuple(_pair(e) for e in p.entering)))
    tiers = tuple(PathTier(t.site_id, t.device_id, t.family, t.tier, t.entry_budget_eur, t.units)
                  for t in sorted(ladder.tiers, key=lambda t: (t.entry_budget_eur, t.site_id, t.device_id)))
    return PurchasePath(tuple(steps), tiers)

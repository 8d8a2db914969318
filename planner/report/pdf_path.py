"""The purchase path the committee PDF prints: steps of increasing capital budget and the tier of each device.

The PDF receives a :class:`PrintedPath`; it never computes one. :func:`printed_path` makes it from the nested
purchase path of :mod:`planner.decision.path` (each step keeps what the step before bought: "buy this first,
then this"), the only place that knows the path's shape, so a change there changes this adapter and nothing in
the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.decision.path import PurchasePath

#: Benefit gain (weighted events a year) under which a step adds nothing to show.
_GAIN_TOL = 1e-6


@dataclass(frozen=True)
class PrintedStep:
    """One step of the path: the capital budget, what the path has spent and gains there, and the devices the
    step adds (site id, device id)."""

    budget_eur: float
    capex_eur: float
    benefit: float
    entering: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PrintedTier:
    """A device of the final configuration, its tier (essential, recommended, advanced) and entry budget."""

    site_id: str
    device_id: str
    family: str
    tier: str
    entry_budget_eur: float
    units: int


@dataclass(frozen=True)
class PrintedPath:
    """Steps (ascending budgets: the first step, with what it buys, then each step that adds a device, gains
    value or spends more, and the last) and tiers."""

    steps: tuple[PrintedStep, ...]
    tiers: tuple[PrintedTier, ...] = ()


def printed_path(path: PurchasePath) -> PrintedPath | None:
    """The steps of a nested purchase path worth printing; ``None`` when the path has no solution."""
    if not path.has_solution or not path.steps:
        return None
    steps: list[PrintedStep] = []
    for i, s in enumerate(path.steps):
        bought = tuple((c.site_id, c.device_id) for c in s.purchases if c.units_new > 0)
        first, last = i == 0, i == len(path.steps) - 1
        gains = bool(steps) and (s.benefit > steps[-1].benefit + _GAIN_TOL or s.capex_eur > steps[-1].capex_eur + 0.5)
        if first or last or bought or gains:
            steps.append(PrintedStep(s.budget_eur, s.capex_eur, s.benefit, bought))
    tiers = tuple(PrintedTier(t.site_id, t.device_id, t.family, t.tier, t.entry_budget_eur, t.units)
                  for t in sorted(path.tiers, key=lambda t: (t.entry_budget_eur, t.site_id, t.device_id)))
    return PrintedPath(tuple(steps), tiers)

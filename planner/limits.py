"""The budget limits of a plan, written once: the model's constraints, the Plan's budget view and the
infeasibility diagnosis all read them from here.

- the capital budget over the horizon (``budget.capex_eur``);
- yearly capital envelopes: the spending of year t against the year's envelope; with ``carry_over`` the
  spending of the years that have an envelope, up to t, against their envelopes up to t (a year left blank has
  no ceiling: its spending counts against no envelope);
- the running-cost limit of each year: the year's envelope, else the yearly budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.inputs import ModelInputs


@dataclass(frozen=True)
class CapexEnvelope:
    """A yearly capital envelope: the spending of ``years`` must stay within ``limit_eur``."""

    name: str  # the constraint's name: capex_budget_{year}
    year: int
    limit_eur: float
    years: tuple[int, ...]  # years whose capital spending counts against it


@dataclass(frozen=True)
class OpexLimit:
    """The running-cost limit of one year."""

    name: str  # opex_budget (single period) or opex_budget_{year}
    year: int
    limit_eur: float


def capex_envelopes(inputs: ModelInputs) -> tuple[CapexEnvelope, ...]:
    """The yearly capital envelopes, cumulative with carry-over.

    >>> from planner.horizon import Horizon
    >>> from planner.inputs import ModelInputs
    >>> h = Horizon((2027, 2028, 2029), capex_by_year={2027: 100.0, 2029: 50.0}, carry_over=True)
    >>> inputs = ModelInputs(("s",), {"s": 1}, (), {}, {}, {}, {}, {}, (), {}, {}, {}, (), None, None, (), "x",
    ...                      horizon=h)
    >>> [(e.year, e.limit_eur, e.years) for e in capex_envelopes(inputs)]
    [(2027, 100.0, (2027,)), (2029, 150.0, (2027, 2029))]
    """
    h = inputs.horizon
    out: list[CapexEnvelope] = []
    total, counted = 0.0, ()
    for t in h.years:
        if t not in h.capex_by_year:
            continue
        total = total + h.capex_by_year[t] if h.carry_over else h.capex_by_year[t]
        counted = (*counted, t) if h.carry_over else (t,)
        out.append(CapexEnvelope(f"capex_budget_{t}", t, total, counted))
    return tuple(out)


def opex_limits(inputs: ModelInputs) -> tuple[OpexLimit, ...]:
    """The running-cost limit of each year that has one (the single-period model: ``opex_budget``)."""
    h = inputs.horizon
    out = []
    for t in h.years:
        limit = h.opex_by_year.get(t, inputs.opex_budget_eur)
        if limit is not None:
            out.append(OpexLimit("opex_budget" if h.single_period else f"opex_budget_{t}", t, limit))
    return tuple(out)

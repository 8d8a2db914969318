"""The clinical value: weighted adverse events avoided per case, derived from the evidence table.

One place for each formula of the value (``docs/model.md``, "Value"):

- events avoided per 100 treated, for one outcome, from one evidence row (rates are % of patients with the
  adverse event, standard care = control)::

      central = control_rate - treated_rate            (negative: the strategy adds events, a harm)
      range   = the 95 % CI of the relative measure applied to the control rate
                RR: c - c*RR;  HR: c - 100*(1 - (1 - c/100)**HR);  OR: through the odds;  RD: -RD
                (widened to contain the central value; no CI: the central value alone)

- value of one case served by device d for indication k (weighted events avoided per case)::

      v_dk = m_k * e_dk * sum_o severity_o * applicability_o * avoided_o / 100

  m_k the cardiologists' multiplier (scenario ``indications.k.weight``, default 1), e_dk the share of the
  strategy's effect the product achieves (``coverage.csv`` ``effectiveness``), severity_o the outcome
  weight (death = 1; scenario ``outcome_weights``). A pair without a strategy, and every case of a required
  indication (required equipment, such as ACT during PCI), has no value.

The low and high values take every outcome at its pessimistic, resp. optimistic, bound.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planner.catalog import Catalog, Evidence


@dataclass(frozen=True)
class Interval:
    """A central estimate and its range."""

    central: float
    low: float
    high: float

    def scaled(self, factor: float) -> Interval:
        """The interval times a non-negative factor."""
        return Interval(self.central * factor, self.low * factor, self.high * factor)


@dataclass(frozen=True)
class OutcomeValue:
    """Events of one outcome avoided per case (not weighted), and the evidence row behind them."""

    outcome_id: str
    evidence_id: str
    per_case: Interval


@dataclass(frozen=True)
class CaseValue:
    """Value of one case of an indication served by a device: weighted events avoided per case (before the
    cardiologists' multiplier), its range, and the events avoided per outcome."""

    device_id: str
    indication_id: str
    strategy: str
    weighted: Interval
    outcomes: tuple[OutcomeValue, ...]


def treated_risk(control_pct: float, measure: str, ratio: float) -> float:
    """Event rate (%) with the strategy, from the control rate and a relative measure.

    >>> round(treated_risk(58.5, "RR", 0.5), 2)
    29.25
    >>> round(treated_risk(58.5, "HR", 0.74), 1)   # DanGer Shock: 1 - 0.415 ** 0.74
    47.8
    >>> round(treated_risk(50.0, "OR", 1.0), 1)
    50.0
    """
    c = control_pct / 100.0
    if measure == "RR":
        risk = c * ratio
    elif measure == "HR":
        risk = 1.0 - (1.0 - c) ** ratio
    elif measure == "OR":
        odds = c / (1.0 - c) * ratio if c < 1.0 else float("inf")
        risk = odds / (1.0 + odds) if odds != float("inf") else 1.0
    else:
        msg = f"no relative measure {measure!r}"
        raise ValueError(msg)
    return min(max(risk, 0.0), 1.0) * 100.0


def avoided_per_100(ev: Evidence) -> Interval:
    """Events avoided per 100 treated (negative: events added), with the range from the CI.

    >>> from planner.catalog import Evidence
    >>> e = Evidence("x", "", 2024, "rct", "", "HR", "H", "death", "", 0.74, 0.55, 0.99, 58.5, 45.8)
    >>> iv = avoided_per_100(e)
    >>> round(iv.central, 1), round(iv.low, 1), round(iv.high, 1)
    (12.7, 0.4, 20.1)
    >>> rd = Evidence("y", "", 2022, "rct", "", "RD", "H", "death", "", -9.5, -20.1, 1.3, 78.0, 68.5)
    >>> i2 = avoided_per_100(rd)
    >>> round(i2.central, 1), round(i2.low, 1), round(i2.high, 1)
    (9.5, -1.3, 20.1)
    """
    if ev.control_rate_pct is None or ev.treated_rate_pct is None:
        msg = f"evidence {ev.id} has no event rates"
        raise ValueError(msg)
    c = ev.control_rate_pct
    central = c - ev.treated_rate_pct
    bounds = _ci_bounds(ev, c)
    if bounds is None:
        return Interval(central, central, central)
    low, high = min(bounds), max(bounds)
    return Interval(central, min(low, central), max(high, central))


def _ci_bounds(ev: Evidence, control_pct: float) -> tuple[float, float] | None:
    if ev.ci_low is None or ev.ci_high is None:
        return None
    if ev.measure == "RD":
        return -ev.ci_low, -ev.ci_high
    if ev.measure in ("RR", "HR", "OR"):
        return (control_pct - treated_risk(control_pct, ev.measure, ev.ci_low),
                control_pct - treated_risk(control_pct, ev.measure, ev.ci_high))
    return None


def severities(catalog: Catalog, overrides: Mapping[str, float]) -> dict[str, float]:
    """Severity weight of each outcome: the scenario's value, else the catalogue default."""
    return {o: overrides.get(o, out.default_severity) for o, out in catalog.outcomes.items()}


def strategy_outcomes(catalog: Catalog, strategy: str, indication_id: str) -> tuple[OutcomeValue, ...]:
    """Events avoided per case by a strategy in an indication, one row per outcome (applicability applied)."""
    rows = []
    for eff in catalog.effects:
        if eff.strategy == strategy and eff.indication_id == indication_id:
            per_100 = avoided_per_100(catalog.evidence[eff.evidence_id])
            rows.append(OutcomeValue(eff.outcome_id, eff.evidence_id, per_100.scaled(eff.applicability / 100.0)))
    return tuple(sorted(rows, key=lambda r: r.outcome_id))


def weigh(outcomes: tuple[OutcomeValue, ...], severity: Mapping[str, float]) -> Interval:
    """Weighted events avoided: sum over outcomes of severity x events (each bound taken per outcome)."""
    return Interval(sum(severity.get(o.outcome_id, 0.0) * o.per_case.central for o in outcomes),
                    sum(severity.get(o.outcome_id, 0.0) * o.per_case.low for o in outcomes),
                    sum(severity.get(o.outcome_id, 0.0) * o.per_case.high for o in outcomes))


def case_values(catalog: Catalog, severity: Mapping[str, float],
                required: frozenset[str] = frozenset()) -> dict[tuple[str, str], CaseValue]:
    """Value of a case for every coverage pair with a strategy (required indications excluded)."""
    out: dict[tuple[str, str], CaseValue] = {}
    for row in catalog.coverage:
        if not row.strategy or row.indication_id in required:
            continue
        outcomes = tuple(OutcomeValue(o.outcome_id, o.evidence_id, o.per_case.scaled(row.effectiveness))
                         for o in strategy_outcomes(catalog, row.strategy, row.indication_id))
        out[(row.device_id, row.indication_id)] = CaseValue(row.device_id, row.indication_id, row.strategy,
                                                            weigh(outcomes, severity), outcomes)
    return out

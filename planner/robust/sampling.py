"""One sampled future: the draws of the ``uncertainty:`` laws, applied to ``ModelInputs``.

A future is the base inputs transformed with :func:`dataclasses.replace` (the model code is untouched):
demand D_skt times the site's and the indication's factors, device prices times the price factors,
each trial's effect moved within its 95 % CI, and the bounds on new units widened to serve the new demand.

Draws depend only on (seed, sample index) (``numpy.random.SeedSequence([seed, index])``), never on the
worker that runs them: the same seed gives the same futures on any backend and any number of workers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from planner.catalog import Device
from planner.inputs import ModelInputs
from planner.robust.uncertainty import MAX_CHANGE, Distribution, Uncertainty
from planner.value import CaseValue, Interval, weigh

#: z of the 95 % confidence bounds: a drawn effect has a 95 % chance to fall within the published CI.
Z95 = 1.959964


@dataclass(frozen=True)
class Draws:
    """The multiplicative factors of one future (1 = as in the scenario) and the evidence z-scores."""

    index: int
    site: Mapping[str, float]
    indication: Mapping[str, float]
    price: Mapping[tuple[str, str], float]  # (kind, device id or "*") -> factor
    evidence: Mapping[str, float]  # evidence id -> standard normal draw

    def price_factor(self, kind: str, device_id: str) -> float:
        """Factor of a device's price of this kind."""
        return self.price.get((kind, device_id), self.price.get((kind, "*"), 1.0))


def rng_for(seed: int, index: int) -> np.random.Generator:
    """The random generator of sample ``index``: independent of the worker and of the other samples."""
    return np.random.default_rng(np.random.SeedSequence([seed, index]))


def draw_change(rng: np.random.Generator, law: Distribution) -> float:
    """One relative change x drawn from ``law``, kept within [-1, MAX_CHANGE]."""
    if law.dist == "normal":
        x = law.mean + law.sd * float(rng.standard_normal())
    elif law.dist == "uniform":
        x = float(rng.uniform(law.low, law.high))
    else:
        x = law.low if law.high <= law.low else float(rng.triangular(law.low, law.mode, law.high))
    return min(max(x, -1.0), MAX_CHANGE)


def evidence_ids(inputs: ModelInputs) -> tuple[str, ...]:
    """Evidence rows behind the inputs' case values, sorted."""
    return tuple(sorted({o.evidence_id for cv in inputs.value.values() for o in cv.outcomes}))


def draw(unc: Uncertainty, inputs: ModelInputs, index: int) -> Draws:
    """The factors of future ``index``, drawn in a fixed order (group, sites, indications, prices, evidence)."""
    rng = rng_for(unc.seed, index)
    group = 1.0 + (draw_change(rng, unc.activity) if unc.activity else 0.0)
    site = {s: group * (1.0 + (draw_change(rng, unc.sites[s]) if s in unc.sites else 0.0)) for s in inputs.sites}
    indication = {}
    for k in inputs.indications:
        law = unc.indications.get(k, unc.indication_shares)
        indication[k] = 1.0 if law is None or k in inputs.required else 1.0 + draw_change(rng, law)
    targets = sorted(inputs.devices) if unc.prices.per_device else ["*"]
    price = {(kind, d): 1.0 + draw_change(rng, law) for kind, law in sorted(unc.prices.laws.items()) for d in targets}
    evidence = {e: float(rng.standard_normal()) for e in evidence_ids(inputs)} if unc.evidence else {}
    return Draws(index, site, indication, price, evidence)


def sample_inputs(base: ModelInputs, unc: Uncertainty, index: int) -> ModelInputs:
    """The inputs of future ``index``."""
    return apply_draws(base, draw(unc, base, index))


def apply_draws(base: ModelInputs, d: Draws) -> ModelInputs:
    """Base inputs with a future's draws applied (demand, prices, case values, bounds on new units)."""
    scale = {(s, k): d.site[s] * d.indication[k] for s in base.sites for k in base.indications}
    demand = {sk: v * scale[sk] for sk, v in base.demand.items()}
    horizon = replace(base.horizon, demand={(s, k, t): v * scale[(s, k)]
                                            for (s, k, t), v in base.horizon.demand.items()})
    devices = {i: _priced(dev, d) for i, dev in base.devices.items()}
    value = {pair: _moved(cv, d.evidence, base.severity) for pair, cv in base.value.items()} if d.evidence \
        else base.value
    out = replace(base, demand=demand, horizon=horizon, devices=devices, value=value)
    return replace(out, max_new=widened_max_new(base, out))


def _priced(dev: Device, d: Draws) -> Device:
    cap, maint, cons = (d.price_factor(kind, dev.id) for kind in ("capex", "maintenance", "consumables"))
    if cap == maint == cons == 1.0:
        return dev
    placement = dev.placement_consumable_eur_per_case
    return replace(dev, capex_eur=dev.capex_eur * cap, maintenance_eur_per_year=dev.maintenance_eur_per_year * maint,
                   consumable_eur_per_case=dev.consumable_eur_per_case * cons,
                   placement_consumable_eur_per_case=None if placement is None else placement * cons,
                   lease_eur_per_year=dev.lease_eur_per_year * cap)


def moved_effect(iv: Interval, z: float) -> float:
    """An effect drawn within its CI: central + z/1.96 x (high - central) above, (central - low) below.

    A split normal whose 95 % interval is the published CI (asymmetric when the CI is).

    >>> moved_effect(Interval(10.0, 4.0, 20.0), Z95)
    20.0
    >>> moved_effect(Interval(10.0, 4.0, 20.0), -Z95)
    4.0
    """
    spread = iv.high - iv.central if z >= 0 else iv.central - iv.low
    return iv.central + z / Z95 * spread


def _moved(cv: CaseValue, z: Mapping[str, float], severity: Mapping[str, float]) -> CaseValue:
    outcomes = tuple(replace(o, per_case=_point(moved_effect(o.per_case, z.get(o.evidence_id, 0.0))))
                     for o in cv.outcomes)
    return replace(cv, outcomes=outcomes, weighted=weigh(outcomes, severity))


def _point(x: float) -> Interval:
    return Interval(x, x, x)


def widened_max_new(base: ModelInputs, future: ModelInputs) -> dict[tuple[str, str], int]:
    """Bounds on new units: the base bound, or more where the future's peak demand needs more units."""
    out = dict(base.max_new)
    for (s, dev_id), n in base.max_new.items():
        if n <= 0:
            continue
        served = sum(max(future.horizon.demand[(s, k, t)] for t in future.horizon.years)
                     for k in future.indications
                     if future.effectiveness.get((dev_id, k), 0.0) > 0 and (s, k) in future.serves)
        cap = future.devices[dev_id].capacity_cases_per_year
        out[(s, dev_id)] = max(n, math.ceil(served / cap - 1e-9))
    return out

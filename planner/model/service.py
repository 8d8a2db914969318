"""Units in service: the one expression of how many units of a device serve at a site in a year, used by the
constraints and by the money expressions (so that neither imports the other)."""

from __future__ import annotations

import pulp

from planner.inputs import ModelInputs
from planner.model.variables import Variables


def in_service(inputs: ModelInputs, v: Variables, s: str, d: str, m: str, t: int) -> pulp.LpAffineExpression:
    """Units of d at s in mode m serving in year t: installed (purchase) still in service + acquisitions.

    Built once per (s, d, m, t) and variables (``Variables.memo``); callers never change it in place."""
    key = ("in_service", s, d, m, t)
    if key not in v.memo:
        h = inputs.horizon
        term = next(o.term_years for o in inputs.offers(d) if o.mode == m)
        installed = h.installed_in_service((s, d), inputs.installed.get((s, d), 0), t) if m == "purchase" else 0
        serving = [v.acquire[(s, d, m, a)] for a in h.years if h.in_service(a, t, term)]
        v.memo[key] = (pulp.LpAffineExpression([(x, 1) for x in serving], constant=installed)
                       if all(isinstance(x, pulp.LpVariable) for x in serving) else sum(serving) + installed)
    return v.memo[key]  # type: ignore[no-any-return]


def units(inputs: ModelInputs, v: Variables, s: str, d: str, t: int) -> pulp.LpAffineExpression:
    """Units of d at s serving in year t, all modes."""
    return pulp.lpSum(in_service(inputs, v, s, d, o.mode, t) for o in inputs.offers(d))

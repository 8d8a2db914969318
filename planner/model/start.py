"""A simple starting plan handed to the solver, so that a time limit still returns a plan (issue 12).

Where the floors allow it, a plan is easy to write down: at each site, each coverage floor is met by the
cheapest device (capital per unit) that serves the indication there on its own (no required device, its
family allowed that share), with enough units bought in the first year and again when they retire; nothing
else is bought or used. Without floors this is the empty plan. The solver checks the point against every
rule (budgets, envelopes, minimum volumes...) and ignores it if it breaks one; it never changes the optimum.
"""

from __future__ import annotations

import math
from collections import defaultdict

from planner.inputs import ModelInputs, SiteDevice
from planner.model.variables import Variables


def _floor_device(inputs: ModelInputs, s: str, k: str, serving: dict[SiteDevice, list[str]]) -> str | None:
    """The cheapest device that may meet the floor of k at s alone (None if there is none)."""
    share = inputs.site_floor(s, k)
    options = [d for d in serving.get((s, k), ())  # type: ignore[call-overload]
               if not inputs.requires.get((s, d)) and inputs.max_new.get((s, d), 0) >= 1
               and inputs.share_cap.get((inputs.family(d), k), 1.0) >= share]
    return min(options, key=lambda d: (inputs.unit_capex(d), inputs.devices[d].consumable_eur_per_case, d),
               default=None)


def _floor_cases(inputs: ModelInputs) -> dict[tuple[str, str, str, int], float] | None:
    """(s, d, k, t) -> cases at each floor; None if a floor has no device that can meet it alone."""
    serving: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, d, k in inputs.allocations:
        serving[(s, k)].append(d)
    out: dict[tuple[str, str, str, int], float] = {}
    for s in inputs.sites:
        for k in inputs.indications:
            if inputs.site_floor(s, k) * inputs.demand[(s, k)] <= 0:
                continue
            d = _floor_device(inputs, s, k, serving)  # type: ignore[arg-type]
            if d is None:
                return None
            for t in inputs.horizon.years:
                out[(s, d, k, t)] = inputs.site_floor(s, k) * inputs.horizon.demand[(s, k, t)]
    return out


def _purchases(inputs: ModelInputs, s: str, d: str, cases: dict[int, float]) -> dict[int, int] | None:
    """Units bought each year so that enough serve every year (None beyond the upper bound)."""
    h, dev = inputs.horizon, inputs.devices[d]
    term = next(o.term_years for o in inputs.offers(d) if o.mode == "purchase")
    rooms = inputs.rooms[s] if inputs.per_room(d) and inputs.rooms[s] > 1 else 1
    bought: dict[int, int] = {}
    for t in h.years:
        need = max(math.ceil(cases.get(t, 0.0) / dev.capacity_cases_per_year - 1e-9), rooms)
        serving = h.installed_in_service((s, d), inputs.installed.get((s, d), 0), t) + sum(
            n for a, n in bought.items() if h.in_service(a, t, term))
        if need > serving:
            if need - serving > inputs.max_new[(s, d)]:
                return None
            bought[t] = need - serving
    return bought


def starting_point(inputs: ModelInputs, v: Variables) -> dict[str, float] | None:
    """Variable name -> value of the starting plan (unnamed variables at 0), or None where the floors, the
    must-includes or the referral routes do not allow so simple a plan."""
    if inputs.must_include or inputs.routes:
        return None
    floors = _floor_cases(inputs)
    if floors is None:
        return None
    per_device: dict[SiteDevice, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (s, d, _k, t), n in floors.items():
        per_device[(s, d)][t] += n
    out: dict[str, float] = {}
    try:
        for (s, d), cases in per_device.items():
            bought = _purchases(inputs, s, d, cases)
            if bought is None:
                return None
            for t, n in bought.items():
                out[v.acquire[(s, d, "purchase", t)].name] = float(n)
            for t in inputs.horizon.years:
                out[v.present_t[(s, d, t)].name] = 1.0
            if hasattr(v.present[(s, d)], "name"):
                out[v.present[(s, d)].name] = 1.0
        for (s, d, k, t), n in floors.items():
            out[v.cases_t[(s, d, "purchase", k, t)].name] = n
    except KeyError:  # a model whose variables are not these inputs' own (the robust extensive form)
        return None
    return out

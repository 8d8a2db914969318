"""Which differences between plans are only a swap between equivalent products (for the comparison).

Two plans that buy, at a site, the same number of units of a family, where every device one plan has and the
other lacks is listed as an equivalent (same function, within the tolerance: ``Plan.specifications``) of a
device the other plan has there, differ by an *equivalent product*, not by what they do: the comparison shows
those rows as "equivalent product" and does not count them as differences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from planner.plan import Plan

SiteFamily = tuple[str, str]


def _holdings(plan: Plan) -> dict[SiteFamily, dict[str, int]]:
    """(site, family) -> device -> units in use or bought (new + installed)."""
    out: dict[SiteFamily, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for a in plan.acquisitions:
        if a.in_use or a.units_new:
            out[(a.site_id, a.family)][a.device_id] += a.units_new + a.units_installed
    return out


def _equivalents(plan: Plan) -> dict[tuple[str, str], frozenset[str]]:
    """(site, device) -> the devices listed as its equivalents on the plan's purchase line."""
    return {(s.site_id, s.device_id): frozenset(s.equivalent_ids) for s in plan.specifications}


def _covered(site: str, mine: set[str], theirs: set[str], eq_mine: dict[tuple[str, str], frozenset[str]],
             eq_theirs: dict[tuple[str, str], frozenset[str]]) -> bool:
    """Every device of ``mine`` is an equivalent of a device of ``theirs`` (as either plan lists it)."""
    return all(any(y in eq_mine.get((site, x), ()) or x in eq_theirs.get((site, y), ()) for y in theirs)
               for x in mine)


def equivalent_swaps(plans: Sequence[Plan]) -> frozenset[tuple[str, str]]:
    """(site, device) rows whose units differ between the plans only by a swap between equivalent products."""
    holdings = [_holdings(p) for p in plans]
    eqs = [_equivalents(p) for p in plans]
    keys = set().union(*holdings) if holdings else set()
    out: set[tuple[str, str]] = set()
    for site, fam in keys:
        per_plan = [h.get((site, fam), {}) for h in holdings]
        if len({sum(units.values()) for units in per_plan}) > 1:
            continue
        ok = True
        for i, a in enumerate(per_plan):
            for j, b in enumerate(per_plan):
                only_a, only_b = set(a) - set(b), set(b) - set(a)
                if i != j and only_a and not (only_b and _covered(site, only_a, only_b, eqs[i], eqs[j])):
                    ok = False
        if ok:
            out.update((site, d) for units in per_plan for d in units
                       if len({u.get(d, 0) for u in per_plan}) > 1)
    return frozenset(out)


__all__ = ["equivalent_swaps"]

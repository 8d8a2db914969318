"""Pure tables of the decision tools and of the plan's security view -> pandas DataFrames (no streamlit).

Same conventions as :mod:`ui.tables`: stable snake_case columns, headers translated by
:func:`ui.tables.display`; every figure comes from the planner's result objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from planner import Catalog, Plan, Scenario
from planner.decision import Comparison, Explanation, Ladder, Sensitivity
from planner.decision.path import PurchasePath
from ui import clinical, wording
from ui.i18n import Translator
from ui.tables import site_names

TIER_ORDER = ("essential", "recommended", "advanced")
#: Devices not chosen, shown in this order of reasons: the closest calls first.
REASON_ORDER = ("not_affordable", "excluded_security", "excluded_by_user", "incompatible_angio", "requires_absent",
                "no_demand", "unavailable", "dominated")


def sites_of(scenario: Scenario) -> dict[str, str]:
    """Site id -> name."""
    return {s.id: s.name for s in scenario.sites}


def _site_col(frame: pd.DataFrame, sites: Mapping[str, str]) -> pd.DataFrame:
    """Drop the site column for a single-site scenario."""
    return frame if len(sites) > 1 else frame.drop(columns=["site"], errors="ignore")


def _entering(items: tuple[str, ...], catalog: Catalog, sites: Mapping[str, str], lang: str) -> str:
    out = []
    for item in items:
        site, _, dev = item.partition("/")
        out.append(wording.device(catalog, dev, lang) + (f" ({sites.get(site, site)})" if len(sites) > 1 else ""))
    return ", ".join(out)


# ---------------------------------------------------------------- budget ladder


def ladder_steps(ladder: Ladder, catalog: Catalog, sites: Mapping[str, str], lang: str) -> pd.DataFrame:
    """One row per budget: benefit of the optimiser and of the greedy fill, capex used, what enters."""
    rows = [{"budget": p.budget_eur, "benefit": p.benefit,
             "greedy": None if p.greedy is None else p.greedy.benefit, "gain": p.gain_over_greedy,
             "capex_used": p.capex_eur, "annualised": p.annualised_eur_per_year,
             "entering": _entering(p.entering, catalog, sites, lang)} for p in ladder.points]
    return pd.DataFrame(rows, columns=["budget", "benefit", "greedy", "gain", "capex_used", "annualised", "entering"])


def path_steps(path: PurchasePath, catalog: Catalog, sites: Mapping[str, str], lang: str) -> pd.DataFrame:
    """One row per step of the purchase path: its value beside the frontier's, the gap, what it buys."""
    rows = [{"budget": s.budget_eur, "path_benefit": s.benefit, "frontier_benefit": s.frontier_benefit,
             "value_lost": s.value_lost, "value_lost_share": s.value_lost_share, "capex_used": s.capex_eur,
             "annualised": s.annualised_eur_per_year,
             "buy": ", ".join(f"{_entering((f'{c.site_id}/{c.device_id}',), catalog, sites, lang)} × {c.units_new}"
                              for c in s.purchases),
             "idle": _entering(s.idle, catalog, sites, lang)} for s in path.steps]
    return pd.DataFrame(rows, columns=["budget", "path_benefit", "frontier_benefit", "value_lost", "value_lost_share",
                                       "capex_used", "annualised", "buy", "idle"])


def ladder_changes(ladder: Ladder, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """What changes from one budget to the next, in words."""
    rows = [{"budget": c.to_budget_eur, "change": t.say(c.text, catalog, sites)} for c in ladder.changes]
    return pd.DataFrame(rows, columns=["budget", "change"])


def ladder_tiers(ladder: Ladder, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """Devices of the maximum-value configuration with their budget priority (tier), their ESC class and level
    per indication, and the budget at which they enter."""
    rows = [{"tier": t(f"tier.{x.tier}"), "device": wording.device(catalog, x.device_id, t.lang),
             "recommendation": clinical.device_recommendations(catalog, x.device_id, t),
             "family": t.opt("family", x.family), "entry_budget": x.entry_budget_eur, "units": x.units,
             "installed": x.units_installed, "site": sites.get(x.site_id, x.site_id)}
            for x in sorted(ladder.tiers, key=lambda x: (TIER_ORDER.index(x.tier), x.entry_budget_eur, x.device_id))]
    frame = pd.DataFrame(rows, columns=["tier", "device", "recommendation", "family", "entry_budget", "units",
                                        "installed", "site"])
    return _site_col(frame, sites)


# ---------------------------------------------------------------- sensitivity


def _bound(multiplier: float, is_open: bool, low: bool, t: Translator) -> str:
    sign = ("≤ " if low else "≥ ") if is_open else ""
    change = multiplier - 1
    return sign + ("+" if change > 0 else "") + t.pct(change)


def sensitivity_ranges(sens: Sensitivity, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """One row per parameter: the range over which the configuration stays the same, what changes beyond."""
    rows = []
    for r in sorted(sens.ranges, key=lambda r: (r.high_multiplier - r.low_multiplier)):
        weight = r.parameter == "weight"
        rows.append({"parameter": t("sens.weight") if weight else t("sens.price"),
                     "subject": wording.indication(catalog, t, r.subject) if weight else
                     wording.device(catalog, r.subject, t.lang),
                     "base_value": t.num(r.base_value, 1) if weight else t.eur(r.base_value),
                     "low": _bound(r.low_multiplier, r.low_open, True, t),
                     "high": _bound(r.high_multiplier, r.high_open, False, t),
                     "below": t.say(r.low_change, catalog, sites) if r.low_change else "",
                     "above": t.say(r.high_change, catalog, sites) if r.high_change else ""})
    return pd.DataFrame(rows, columns=["parameter", "subject", "base_value", "low", "high", "below", "above"])


# ---------------------------------------------------------------- why / why not


def chosen_frame(expl: Explanation, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """Each chosen device: cases per indication, benefit, costs, and what the plan loses without it."""
    rows = [{"device": wording.device(catalog, c.device_id, t.lang),
             "serves": wording.served(c, expl.chosen, catalog, t),
             "benefit": c.benefit, "capex": c.capex_eur, "annualised": c.annualised_eur_per_year,
             "without": wording.without(c, catalog, t), "site": sites.get(c.site_id, c.site_id)}
            for c in sorted(expl.chosen, key=lambda c: (c.site_id, -c.benefit, c.device_id))]
    frame = pd.DataFrame(rows, columns=["device", "serves", "benefit", "capex", "annualised", "without", "site"])
    return _site_col(frame, sites)


def not_chosen_frame(expl: Explanation, catalog: Catalog, scenario: Scenario, t: Translator,
                     sites: Mapping[str, str]) -> pd.DataFrame:
    """Each catalogue device not in the plan: the reason (a label) and the detail in words."""
    order = {code: i for i, code in enumerate(REASON_ORDER)}
    rows = [{"device": wording.device(catalog, w.device_id, t.lang),
             "family": t.opt("family", catalog.devices[w.device_id].family) if w.device_id in catalog.devices else "",
             "reason": t(f"reason.{w.reason.value}"), "detail": t.say(w.text, catalog, sites_of(scenario)),
             "site": sites.get(w.site_id, w.site_id), "order": order.get(w.reason.value, len(order))}
            for w in expl.not_chosen]
    rows.sort(key=lambda r: (r["order"], r["site"], r["family"], r["device"]))
    frame = pd.DataFrame(rows, columns=["device", "family", "reason", "detail", "site"])
    return _site_col(frame, sites)


def binding_lines(expl: Explanation, plan: Plan, catalog: Catalog, t: Translator) -> list[str]:
    """The binding constraints in plain words."""
    sites = site_names(plan)
    return [t.say(b.text, catalog, sites) for b in expl.binding]


# ---------------------------------------------------------------- comparison


def comparison_summary(comp: Comparison, t: Translator) -> pd.DataFrame:
    """Headline figures, one column per plan."""
    rows = [("status", [t.opt("status", p.status) for p in comp.plans]),
            ("benefit", [None if p.benefit is None else t.num(p.benefit, 1) for p in comp.plans]),
            ("capex", [None if p.capex_eur is None else t.eur(p.capex_eur) for p in comp.plans]),
            ("opex", [None if p.opex_eur_per_year is None else t.eur(p.opex_eur_per_year) for p in comp.plans]),
            ("annualised", [None if p.annualised_eur_per_year is None else t.eur(p.annualised_eur_per_year)
                            for p in comp.plans])]
    return pd.DataFrame([[t(f"cmp.{k}"), *v] for k, v in rows], columns=["figure", *comp.names])


def comparison_devices(comp: Comparison, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """Units in use of each device in each plan; ``differs`` marks the differences, ``equivalent`` (a column only
    when there are some) the rows that differ only by an equivalent product."""
    rows = [{"device": wording.device(catalog, r.device_id, t.lang), **dict(zip(comp.names, r.units, strict=True)),
             "difference": _difference(r.units, lambda x: f"{x:+d}"),
             "differs": r.differs, "equivalent": t("cmp.equivalent") if r.equivalent else "",
             "site": sites.get(r.site_id, r.site_id),
             "family": t.opt("family", catalog.devices[r.device_id].family) if r.device_id in catalog.devices else ""}
            for r in comp.devices]
    columns = ["device", *comp.names, "difference", "differs", *(["equivalent"] if comp.equivalent_products else []),
               "site", "family"]
    return _site_col(pd.DataFrame(rows, columns=columns), sites)


def comparison_coverage(comp: Comparison, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> pd.DataFrame:
    """Share of the demand served of each indication in each plan (blank: no such site in that plan)."""
    rows = [{"indication": wording.indication(catalog, t, r.indication_id),
             **{n: "" if v is None else t.pct(v) for n, v in zip(comp.names, r.shares, strict=True)},
             "difference": _difference(r.shares, lambda x: ("+" if x > 0 else "") + t.pct(x)),
             "differs": r.differs, "site": sites.get(r.site_id, r.site_id)} for r in comp.coverage]
    return _site_col(pd.DataFrame(rows, columns=["indication", *comp.names, "difference", "differs", "site"]),
                     sites)


def _difference(values: Sequence[float | None], fmt: Callable[[Any], str]) -> str:
    """Last plan minus first (two plans), or the spread max - min (more plans); blank when equal or missing.

    >>> _difference([1, 3], lambda x: f"{x:+d}"), _difference([2, 2], str), _difference([None, 1], str)
    ('+2', '', '')
    """
    known = [v for v in values if v is not None]
    if len(known) < len(values) or len(known) < 2:  # noqa: PLR2004
        return ""
    delta = known[-1] - known[0] if len(known) == 2 else max(known) - min(known)  # noqa: PLR2004
    return "" if abs(delta) < 1e-9 else fmt(delta)


# ---------------------------------------------------------------- security view of a plan


def security_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Each device of the plan (bought or installed): its security profile, risk score, end-of-support flag."""
    rows = []
    for s in sorted(plan.security, key=lambda s: (-s.risk_score, s.device_id)):
        status = t.opt("os", s.os_status)
        rows.append({"device": wording.device(catalog, s.device_id, t.lang), "risk_score": s.risk_score,
                     "os_status": f"⚠ {status}" if s.flagged else status,
                     "os_end_of_support": s.os_end_of_support or t("sec.unknown_date"),
                     "network_connected": t.opt("net", s.network_connected), "os_family": s.os_family or "—",
                     "mds2_available": t.opt("sec", s.mds2_available), "sbom_available": t.opt("sec", s.sbom_available),
                     "patch_policy": t.opt("patch", s.patch_policy), "remote_access": t.opt("remote", s.remote_access),
                     "encryption_at_rest": t.opt("sec", s.encryption_at_rest), "flagged": s.flagged,
                     "known": f"{s.known_fields}/{s.scored_fields}", "advisories": "; ".join(s.advisories),
                     "questions": ", ".join(s.open_questions), "source": s.source})
    return pd.DataFrame(rows, columns=["device", "risk_score", "known", "os_status", "os_end_of_support",
                                       "network_connected", "os_family", "mds2_available", "sbom_available",
                                       "patch_policy", "remote_access", "encryption_at_rest", "flagged", "advisories",
                                       "questions", "source"])


def exclusions_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Devices the scenario's security rules forbid buying, and why."""
    rows = [{"device": wording.device(catalog, x.device_id, t.lang),
             "family": t.opt("family", catalog.devices[x.device_id].family) if x.device_id in catalog.devices else "",
             "reason": t.say(x.reason, catalog)} for x in plan.security_exclusions]
    return pd.DataFrame(rows, columns=["device", "family", "reason"])

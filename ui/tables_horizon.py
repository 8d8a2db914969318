"""Pure tables of a multi-year plan (no streamlit): schedule, retirements, costs by year, spend against the
capital envelope, budgets, cost of ownership by device.

Same conventions as :mod:`ui.tables`: stable snake_case columns, headers and numbers translated by
:func:`ui.tables.display`; years are text (never ``2 027``). Every figure is read from the :class:`Plan`;
only totals of its columns are added here.
"""

from __future__ import annotations

import pandas as pd

from planner import Catalog, Plan
from planner.inputs import effective_devices
from ui.i18n import Translator
from ui.tables import device_name, plan_scenario, site_names

#: Cash columns of the costs-by-year table, as in :class:`planner.plan.YearCosts`.
YEAR_COSTS = ("capex", "maintenance", "lease", "consumables", "shortfall", "opex", "total")
#: Columns of the cost-of-ownership table, as in :class:`planner.plan.DeviceTco` (the TCO first).
TCO_COSTS = ("tco", "capex", "maintenance", "lease", "consumables", "shortfall", "residual")
#: Columns left out of a table when they are zero throughout (no lease, no placement commitment).
OPTIONAL = ("lease", "shortfall")


def is_multi_year(plan: Plan) -> bool:
    """Whether the plan spans several years."""
    return len(plan.years) > 1


def carry_over(plan: Plan) -> bool:
    """Whether the plan's unspent capital envelopes carry over (cumulative envelopes)."""
    return bool(plan.scenario.get("budget", {}).get("carry_over", False))


def discount_rate(plan: Plan) -> float:
    """The discount rate of the plan's scenario."""
    return float(plan.scenario.get("discount_rate", 0.0) or 0.0)


def _site_order(plan: Plan) -> dict[str, int]:
    return {site_id: i for i, site_id in enumerate(site_names(plan))}


def _with_site(frame: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """Drop the site column of a one-site plan."""
    return frame if len(site_names(plan)) > 1 else frame.drop(columns="site")


def _without_zeros(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the optional cost columns (lease fees, placement shortfalls) that are zero in every row."""
    return frame.drop(columns=[c for c in OPTIONAL if c in frame and not (frame[c].abs() > 0.005).any()])


def mode_label(mode: str, lease_term_years: float, t: Translator) -> str:
    """An acquisition mode in words; a lease with its term.

    >>> mode_label("lease", 5.0, Translator("fr")), mode_label("placement", 0.0, Translator("en"))
    ('location (5 ans)', 'placement (against consumables)')
    """
    if mode == "lease" and lease_term_years > 0:
        return t("mode.lease_term", n=f"{lease_term_years:g}")
    return t.opt("mode", mode)


def replaces_text(plan: Plan, catalog: Catalog, t: Translator, site_id: str, device_id: str, year: int,
                  fallback: str | None) -> str:
    """The retiring installed units an acquisition replaces, in words ("" when none)."""
    replaced = plan.replaced(site_id, device_id, year)
    return t.say(replaced, catalog) if replaced is not None else (fallback or "")


def schedule_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """What to acquire, in which year and how: one row per acquisition of new units."""
    names, order = site_names(plan), _site_order(plan)
    devices = effective_devices(catalog, plan_scenario(plan))
    lines = sorted((a for a in plan.acquisitions if a.units_new > 0),
                   key=lambda a: (a.year, order.get(a.site_id, 0), a.family, a.device_id, a.mode))
    rows = [{"year": str(a.year), "site": names.get(a.site_id, a.site_id),
             "device": device_name(catalog, a.device_id, t.lang),
             "mode": mode_label(a.mode, devices[a.device_id].lease_term_years if a.device_id in devices else 0.0, t),
             "units": a.units_new, "capex": a.capex_eur,
             "replaces": replaces_text(plan, catalog, t, a.site_id, a.device_id, a.year, a.replaces)} for a in lines]
    columns = ["year", "site", "device", "mode", "units", "capex", "replaces"]
    return _with_site(pd.DataFrame(rows, columns=columns), plan)


def retirements_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Installed units reaching the end of their life: from when, and what replaces them."""
    names, order = site_names(plan), _site_order(plan)
    rows = [{"retire_year": str(r.year), "site": names.get(r.site_id, r.site_id),
             "device": device_name(catalog, r.device_id, t.lang), "units": r.units,
             "replaced_by": "; ".join(device_name(catalog, d, t.lang) for d in r.replaced_by) or t("hz.not_replaced")}
            for r in sorted(plan.retirements, key=lambda r: (r.year, order.get(r.site_id, 0), r.device_id))]
    return _with_site(pd.DataFrame(rows, columns=["retire_year", "site", "device", "units", "replaced_by"]), plan)


def costs_by_year_frame(plan: Plan, t: Translator) -> pd.DataFrame:
    """Cash flows of each year (escalated, not discounted), the discount factor, and a total row; no lease or
    shortfall column when there is none."""
    rows: list[dict[str, object]] = [
        {"year": str(y.year), "capex": y.capex_eur, "maintenance": y.maintenance_eur, "lease": y.lease_eur,
         "consumables": y.consumables_eur, "shortfall": y.shortfall_eur, "opex": y.opex_eur, "total": y.total_eur,
         "factor": y.discount_factor} for y in plan.costs_by_year]
    frame = pd.DataFrame(rows, columns=["year", *YEAR_COSTS, "factor"])
    total = {"year": t("hz.total"), **{c: float(frame[c].sum()) for c in YEAR_COSTS}, "factor": None}
    return _without_zeros(pd.concat([frame, pd.DataFrame([total])], ignore_index=True))


def tco_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Cost of ownership per device and site, highest first (devices with no cost left out), and a total row;
    no lease or shortfall column when there is none."""
    names = site_names(plan)
    rows: list[dict[str, object]] = [
        {"site": names.get(d.site_id, d.site_id), "device": device_name(catalog, d.device_id, t.lang),
         "capex": d.capex_eur,
         "maintenance": d.maintenance_eur, "lease": d.lease_eur, "consumables": d.consumables_eur,
         "shortfall": d.shortfall_eur, "residual": d.residual_value_eur, "tco": d.tco_eur}
        for d in sorted(plan.tco_by_device, key=lambda d: -d.tco_eur)
        if any(abs(v) > 0.005 for v in (d.capex_eur, d.maintenance_eur, d.lease_eur, d.consumables_eur,
                                         d.shortfall_eur, d.tco_eur))]
    frame = pd.DataFrame(rows, columns=["device", "site", *TCO_COSTS])
    total = {"site": "", "device": t("hz.total"), **{c: float(frame[c].sum()) for c in TCO_COSTS}}
    return _without_zeros(_with_site(pd.concat([frame, pd.DataFrame([total])], ignore_index=True), plan))


def spend_frame(plan: Plan) -> pd.DataFrame:
    """Per year: capital and running costs paid, the capital envelope (None: no envelope that year) and the
    capital spent to date. With carry-over the envelope is cumulative, as the planner reports it."""
    budgets = {b.name: b for b in plan.budgets}
    rows = []
    for y in plan.costs_by_year:
        use = budgets.get(f"capex_{y.year}")
        rows.append({"year": str(y.year), "capex": y.capex_eur, "opex": y.opex_eur,
                     "envelope": None if use is None else use.limit_eur,
                     "capex_to_date": sum(c.capex_eur for c in plan.costs_by_year if c.year <= y.year)})
    return pd.DataFrame(rows, columns=["year", "capex", "opex", "envelope", "capex_to_date"])


def budget_label(name: str, t: Translator, cumulative: bool) -> str:
    """A budget of the plan in words: ``capex``, ``capex_2028``, ``opex_2028``, ``opex_per_year``."""
    kind, _, year = name.rpartition("_")
    if year.isdigit() and kind == "capex":
        return t("budget.capex_year_cum" if cumulative else "budget.capex_year", year=year)
    if year.isdigit() and kind == "opex":
        return t("budget.opex_year", year=year)
    return t("budget.capex_horizon") if name == "capex" else t.opt("budget", name)


def budget_frame(plan: Plan, t: Translator) -> pd.DataFrame:
    """Budgets of a multi-year plan in words: limit (None = unlimited), use and whether binding."""
    cumulative = carry_over(plan)
    rows = [{"budget": budget_label(b.name, t, cumulative), "limit": b.limit_eur, "used": b.used_eur,
             "binding": b.binding} for b in plan.budgets]
    return pd.DataFrame(rows, columns=["budget", "limit", "used", "binding"])


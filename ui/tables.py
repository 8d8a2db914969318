"""Pure tables for the app's views: catalogue, clinical needs and plan -> pandas DataFrames (no streamlit).

Frames use stable snake_case column names; :func:`display` translates headers and formats numbers for
the chosen language. Money never gets recomputed here: per-family costs are ``Plan.costs_by_family``, made
with the plan (:mod:`planner.planbuild`).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from planner import Catalog, Plan, Scenario, parse_scenario
from planner.inputs import effective_devices
from planner.prices import PriceBasis, dated_devices
from planner.report.money_labels import dating_label, funding_text
from planner.schema import PRICE_FIELDS
from planner.security import risk_score
from ui.i18n import Translator

CLASS_ORDER = {"I": 0, "IIa": 1, "IIb": 2, "III": 3, "none": 4}


def wrap(text: str, width: int = 44) -> str:
    """Wrap a long label for a chart axis (``<br>`` between lines)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def slug(name: str) -> str:
    """A file-name-safe version of a scenario name.

    >>> slug("CH général 2027 !")
    'ch_g_n_ral_2027'
    """
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "scenario"


def device_name(catalog: Catalog, device_id: str, lang: str) -> str:
    """A device's product name in ``lang`` (its id when unknown)."""
    dev = catalog.devices.get(device_id)
    return dev.label(lang) if dev else device_id


def device_option(catalog: Catalog, t: Translator, device_id: str) -> str:
    """A device as an option of a selector: family and product name."""
    dev = catalog.devices.get(device_id)
    return device_id if dev is None else f"{t.opt('family', dev.family)} · {dev.label(t.lang)}"


def indication_order(catalog: Catalog) -> list[str]:
    """Indication ids by base activity (angiography, PCI, STEMI), then by default multiplier, heaviest first."""
    base = {"cag": 0, "cag_non_stemi": 0, "pci": 1, "stemi": 2}
    inds = catalog.indications
    return sorted(inds, key=lambda k: (base.get(inds[k].base_activity, 9), -inds[k].default_weight, k))


def devices_by_family(catalog: Catalog) -> list[str]:
    """Device ids sorted by family, then id."""
    return sorted(catalog.devices, key=lambda d: (catalog.devices[d].family, d))


# ---------------------------------------------------------------- catalogue and needs


def filter_devices(catalog: Catalog, families: Iterable[str] = (), vendors: Iterable[str] = (),
                   estimates_only: bool = False) -> list[str]:
    """Device ids matching the filters (an empty selection means all)."""
    fam, ven = set(families), set(vendors)
    return [d for d in devices_by_family(catalog)
            if (not fam or catalog.devices[d].family in fam) and (not ven or catalog.devices[d].vendor in ven)
            and (not estimates_only or catalog.devices[d].estimate)]


def catalogue_frame(catalog: Catalog, scenario: Scenario, device_ids: Sequence[str], t: Translator) -> pd.DataFrame:
    """One row per device (index: id) with its effective (local or catalogue) prices and provenance."""
    eff = effective_devices(catalog, scenario)
    basis = dated_devices(catalog, scenario.start_year, scenario.price_index_rate)[1]
    rows = []
    for d in device_ids:
        dev = eff[d]
        rows.append({"id": d, "name": dev.label(t.lang), "family": t.opt("family", dev.family), "vendor": dev.vendor,
                     "risk_score": risk_score(catalog.devices[d], scenario.security.reference_date).score,
                     **{f: float(getattr(dev, f)) for f in PRICE_FIELDS},
                     "local": d in scenario.devices, "estimate": dev.estimate,
                     "deployment": t.opt("deploy", dev.deployment), "price_date": dev.price_date.strftime("%Y-%m"),
                     "price_basis": _dating(basis, d, t), "funding": funding_text(dev, t.lang),
                     "funding_source": dev.funding_source, "source": dev.source, "notes": dev.notes})
    columns = ["id", "name", "family", "risk_score", *PRICE_FIELDS, "local", "estimate", "vendor", "deployment",
               "price_date", "price_basis", "funding", "funding_source", "source", "notes"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


# ---------------------------------------------------------------- plan


def plan_scenario(plan: Plan) -> Scenario:
    """The scenario a plan was made from (its ``to_json()`` is the plan's cache key)."""
    return parse_scenario(dict(plan.scenario), source="plan")


def site_names(plan: Plan) -> dict[str, str]:
    """Site id -> name, from the plan's scenario."""
    return {s["id"]: s.get("name", s["id"]) for s in plan.scenario.get("sites", [])}


def rooms(plan: Plan) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Per site id: the rooms ("1".."R", then "shared") and their device ids."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for r in plan.rooms:
        out.setdefault(r.site_id, []).append((r.room, r.devices))
    return out


def _dating(basis: PriceBasis | None, device_id: str, t: Translator) -> str:
    """A device's price year, currency and index factor in words (``-`` for a plan saved without them)."""
    row = basis.factor(device_id) if basis else None
    return dating_label(row, t.lang) if row else "-"


def acquisitions_frame(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """What to buy (and what is already there), site by site; no site column for a single site, a mode column
    only when the plan leases or places units."""
    names = site_names(plan)
    rows = [{"family": t.opt("family", a.family), "device": device_name(catalog, a.device_id, t.lang),
             "new": a.units_new,
             "installed": a.units_installed, "capex": a.capex_eur, "unit_capex": a.unit_capex_eur,
             "in_use": a.in_use, "site": names.get(a.site_id, a.site_id), "mode": t.opt("mode", a.mode),
             "price_basis": _dating(plan.price_basis, a.device_id, t),
             "funding": funding_text(catalog.devices[a.device_id], t.lang) if a.device_id in catalog.devices else "-"}
            for a in sorted(plan.acquisitions, key=lambda a: (a.site_id, -a.capex_eur, a.family))]
    columns = ["family", "device", "new", "installed", "capex", "unit_capex", "in_use", "price_basis", "funding"]
    columns += ["site"] if len(names) > 1 else []
    columns += ["mode"] if any(a.mode != "purchase" for a in plan.acquisitions) else []
    return pd.DataFrame(rows, columns=columns)


def _indication_label(plan: Plan, catalog: Catalog, t: Translator, site_id: str, indication_id: str) -> str:
    ind = catalog.indications.get(indication_id)
    name = ind.name(t.lang) if ind else indication_id
    names = site_names(plan)
    return f"{names.get(site_id, site_id)} · {name}" if len(names) > 1 else name


def coverage_frame(plan: Plan, catalog: Catalog, t: Translator, year: int | None = None) -> pd.DataFrame:
    """Demand and served cases per site and indication (of one year of a multi-year plan)."""
    rows = [{"indication": _indication_label(plan, catalog, t, c.site_id, c.indication_id),
             "demand": c.demand_cases, "served": c.served_cases, "share": c.coverage_share,
             "floor": c.min_coverage, "weight": c.weight} for c in plan.coverage if year is None or c.year == year]
    return pd.DataFrame(rows, columns=["indication", "demand", "served", "share", "floor", "weight"])


def served_frame(plan: Plan, catalog: Catalog, t: Translator, year: int | None = None) -> pd.DataFrame:
    """Cases per year of each indication served by each device (the coverage chart's bars), of one year of a
    multi-year plan."""
    rank = {d: i for i, d in enumerate(sorted(catalog.devices))}
    rows = [{"indication": _indication_label(plan, catalog, t, a.site_id, a.indication_id),
             "device": device_name(catalog, a.device_id, t.lang), "cases": a.cases_per_year,
             "rank": rank.get(a.device_id, len(rank))} for a in plan.allocation if year is None or a.year == year]
    return pd.DataFrame(rows, columns=["indication", "device", "cases", "rank"])


def cost_by_family(plan: Plan) -> pd.DataFrame:
    """Capex and yearly costs by device family (``Plan.costs_by_family``); the rows add up to ``plan.costs``."""
    rows = [{"family": f.family, "capex": f.capex_eur, "annualised_capex": f.annualised_capex_eur_per_year,
             "maintenance": f.maintenance_eur_per_year, "consumables": f.consumables_eur_per_year,
             "annualised": f.annualised_eur_per_year} for f in plan.costs_by_family]
    return pd.DataFrame(rows, columns=["family", "capex", "annualised_capex", "maintenance", "consumables",
                                       "annualised"])


def budget_frame(plan: Plan) -> pd.DataFrame:
    """Budgets: limit (None = unlimited), use and whether binding."""
    rows = [{"budget": b.name, "limit": b.limit_eur, "used": b.used_eur, "binding": b.binding} for b in plan.budgets]
    return pd.DataFrame(rows, columns=["budget", "limit", "used", "binding"])


# ---------------------------------------------------------------- display


def display(frame: pd.DataFrame, t: Translator, formats: Mapping[str, str] | None = None,
            labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Format columns and translate headers (``col.<name>``).

    Formats: ``eur``, ``num``, ``num1``, ``num2``, ``num4``, ``pct``, ``pct1``, ``bool``, and ``limit`` (euros; blank =
    unlimited).
    """
    out = frame.copy()
    fmt: dict[str, Any] = {"eur": t.eur, "num": t.num, "num1": lambda v: t.num(v, 1),
                           "num2": lambda v: t.num(v, 2), "num4": lambda v: t.num(v, 4), "pct": t.pct,
                           "pct1": lambda v: t.pct(v, 1),
                           "bool": lambda v: t("yes") if v else t("no")}
    for col, kind in (formats or {}).items():
        if kind == "limit":
            out[col] = [t.eur(None if v is None or v != v else v) for v in frame[col]]
        else:
            out[col] = [fmt[kind](v) if v is not None and v == v else "" for v in frame[col]]
    names = {c: (labels or {}).get(c, t(f"col.{c}")) for c in out.columns}
    return out.rename(columns=names)


# ---------------------------------------------------------------- about


def indication_sources(catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Indications with their default share, weight and floor and where the figures come from."""
    rows = [{"indication": ind.name(t.lang), "base": t(f"activity.{ind.base_activity}"), "share": ind.default_share,
             "weight": ind.default_weight, "floor": ind.default_min_coverage, "source": ind.source}
            for ind in catalog.indications.values()]
    return pd.DataFrame(rows, columns=["indication", "base", "share", "weight", "floor", "source"])


def device_sources(catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Devices with the source of their prices, the price date and the estimate flag."""
    rows = [{"device": d.label(t.lang), "family": t.opt("family", d.family), "vendor": d.vendor,
             "price_date": d.price_date.strftime("%Y-%m"), "estimate": d.estimate, "source": d.source}
            for d in (catalog.devices[i] for i in devices_by_family(catalog))]
    return pd.DataFrame(rows, columns=["device", "family", "vendor", "price_date", "estimate", "source"])


def perspective_frame(plan: Plan, t: Translator) -> pd.DataFrame:
    """The plan's total cost of ownership for the hospital and for the health system, what the hospital bills
    on top of the GHS tariff a year, and which one the optimiser counted."""
    c = plan.costs
    if c is None:
        return pd.DataFrame(columns=["perspective", "tco_payer", "billed_y", "optimised"])
    rows = [{"perspective": t.opt("perspective", p), "tco_payer": tco, "billed_y": c.billed_on_top_eur_per_year,
             "optimised": c.perspective == p}
            for p, tco in (("hospital", c.tco_hospital_eur), ("health_system", c.tco_health_system_eur))]
    return pd.DataFrame(rows, columns=["perspective", "tco_payer", "billed_y", "optimised"])

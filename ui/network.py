"""Tables of a plan's referral network (issue 15): the sites as nodes, the flows as edges, and per site what
it serves itself, refers and receives; the scenario of the "what if this site became a shock centre" question.

Pure functions (no streamlit): a :class:`~planner.Plan` in, :class:`pandas.DataFrame` out; :mod:`ui.charts_network`
draws them and :mod:`ui.views.network_view` renders them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pandas as pd

from planner.schema import ROLES

if TYPE_CHECKING:
    from planner import Catalog, Plan, Scenario
    from ui.i18n import Translator

NODE_COLUMNS = ["site_id", "name", "roles", "lat", "lon"]
EDGE_COLUMNS = ["from_site", "to_site", "indication", "cases", "minutes"]
SITE_COLUMNS = ["indication", "own", "refers", "refers_to", "receives", "receives_from", "no_receiver"]


def flow_year(plan: Plan) -> int:
    """The year shown: the last year of the plan's flows (a multi-year plan's flows are per year)."""
    return max((f.year for f in plan.flows), default=plan.years[-1] if plan.years else 0)


def nodes(plan: Plan, t: Translator) -> pd.DataFrame:
    """One row per site: id, name, its roles (labels joined, "" for none), latitude and longitude (or NaN)."""
    rows = [{"site_id": s["id"], "name": s.get("name", s["id"]),
             "roles": ", ".join(t.opt("role", r) for r in s.get("roles", [])),
             "lat": s.get("latitude"), "lon": s.get("longitude")} for s in plan.scenario.get("sites", [])]
    return pd.DataFrame(rows, columns=NODE_COLUMNS).astype({"lat": float, "lon": float})


def edges(plan: Plan, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """One row per referral flow of the year shown: sender, receiver, indication name, cases/year, minutes."""
    year = flow_year(plan)
    rows = [{"from_site": f.from_site, "to_site": f.to_site, "indication": _indication(f.indication_id, catalog, t),
             "cases": f.cases_per_year, "minutes": f.transfer_minutes} for f in plan.flows if f.year == year]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def _indication(ind_id: str, catalog: Catalog, t: Translator) -> str:
    ind = catalog.indications.get(ind_id)
    return ind.name(t.lang) if ind is not None else ind_id


def _partners(pairs: list[tuple[str, float]], names: dict[str, str], t: Translator) -> str:
    """``"CHU (12.5)"``-style list of the other sites and their cases a year."""
    return ", ".join(f"{names.get(s, s)} ({t.num(c, 1)})" for s, c in pairs)


def site_table(plan: Plan, site_id: str, catalog: Catalog, t: Translator) -> pd.DataFrame:
    """Per indication of a site (year shown): cases it serves itself, cases it refers and to whom, cases it
    receives and from whom, cases it must refer without a receiver. Indications without any case are left out."""
    year = flow_year(plan)
    names = {s["id"]: s.get("name", s["id"]) for s in plan.scenario.get("sites", [])}
    flows = [f for f in plan.flows if f.year == year]
    rows = []
    for r in plan.coverage:
        if r.site_id != site_id or r.year != year:
            continue
        out = [(f.to_site, f.cases_per_year) for f in flows if f.from_site == site_id
               and f.indication_id == r.indication_id]
        into = [(f.from_site, f.cases_per_year) for f in flows if f.to_site == site_id
                and f.indication_id == r.indication_id]
        row = {"indication": _indication(r.indication_id, catalog, t),
               "own": r.served_cases - r.received_cases, "refers": r.referred_cases,
               "refers_to": _partners(out, names, t), "receives": r.received_cases,
               "receives_from": _partners(into, names, t), "no_receiver": r.without_receiver_cases}
        if any(row[k] > 1e-9 for k in ("own", "refers", "receives", "no_receiver")):
            rows.append(row)
    return pd.DataFrame(rows, columns=SITE_COLUMNS)


def with_role(scenario: Scenario, site_id: str, role: str) -> Scenario:
    """The scenario with ``role`` added to the roles of site ``site_id`` (unchanged if it holds it already)."""
    sites = tuple(dataclasses.replace(s, roles=tuple(r for r in ROLES if r in {*s.roles, role}))
                  if s.id == site_id else s for s in scenario.sites)
    return dataclasses.replace(scenario, sites=sites)

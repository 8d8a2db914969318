"""Public data -> a whole scenario: one or several SAE sites (e.g. the sites of a GHT), checked, with its YAML
(the provenance as comments at the top and as the structured ``provenance:`` record)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from planner.publicdata.mapping import DEFAULT_VENDOR, MappedSite, Override, default_budget, map_site
from planner.publicdata.ratios import Ratios
from planner.publicdata.sae import SaeSite
from planner.scenario import Scenario, parse_scenario

SOURCE = "public data (SAE)"


def default_name(rows: Sequence[SaeSite]) -> str:
    """``SAE 2024 — NAME`` (the first site, ``+ n`` for the others)."""
    if not rows:
        return "SAE"
    more = f" + {len(rows) - 1}" if len(rows) > 1 else ""
    return f"SAE {rows[0].year} — {rows[0].name}{more}"


def mapped_sites(rows: Sequence[SaeSite], ratios: Ratios | None = None,
                 overrides: Mapping[str, Mapping[str, Override]] | None = None,
                 vendor: str = DEFAULT_VENDOR) -> list[MappedSite]:
    """Each row mapped with the ratios, its FINESS's overrides and the default vendor."""
    overrides = overrides or {}
    return [map_site(r, ratios, overrides.get(r.finess, {}), vendor) for r in rows]


def sites_scenario(rows: Sequence[SaeSite], ratios: Ratios | None = None,
                   overrides: Mapping[str, Mapping[str, Override]] | None = None, vendor: str = DEFAULT_VENDOR,
                   name: str | None = None, budget: Mapping[str, float | None] | None = None,
                   base: Scenario | None = None, keep_budget: bool = False) -> Scenario:
    """A scenario whose sites are the SAE ``rows``; other settings from ``base`` (objective, horizon, prices,
    security...) or the defaults. ``budget`` keys ``capex_eur`` / ``opex_eur_per_year`` replace the default
    budgets (:func:`~planner.publicdata.mapping.default_budget`; ``None`` = unlimited); ``keep_budget`` keeps
    ``base``'s budgets as they are. Raises
    :class:`~planner.errors.PlannerInputError` naming each bad field (e.g. an override out of range).
    """
    sites = mapped_sites(rows, ratios, overrides, vendor)
    data = base.to_dict() if base is not None else {}
    for key in ("sites", "provenance") if keep_budget and base is not None else ("sites", "provenance", "budget"):
        data.pop(key, None)
    if "budget" not in data:
        chosen = {**default_budget(sites), **(budget or {})}
        data["budget"] = {k: v for k, v in chosen.items() if v is not None}
    data["name"] = name or default_name(rows)
    data["sites"] = [dict(s.data) for s in sites]
    data["provenance"] = {s.data["id"]: s.provenance.to_dict() for s in sites}
    return parse_scenario(data, source=SOURCE, base_dir=base.base_dir if base is not None else "")


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"# {indent}{line}" for line in textwrap.wrap(text, 110 - len(indent))]


def header(scenario: Scenario, ratios: Ratios | None = None) -> str:
    """YAML comments saying where each site's figures come from and which ratios (with sources) made them."""
    ratios = ratios or Ratios()
    lines = ["# Made from public data by `cathlab-planner sites scenario` (planner/publicdata).",
             "# Every figure below marked 'derived' is an estimate from the public figures: check it against your",
             "# own activity and replace it (your values always win; the `provenance:` record at the end says the",
             "# same in a structured form)."]
    for site in scenario.sites:
        record = scenario.provenance.get(site.id)
        if record is None:
            continue
        lines += ["#", f"# {site.name} (FINESS {record.finess}): {record.source}"]
        for f in record.fields:
            lines += _comment(f"{f.field} = {f.value}: {f.kind}, {f.how}", "  ")
    lines += ["#", "# Ratios:"]
    for r in ratios.items:
        lines += _comment(f"{r.key} = {r.value:g} ({r.meaning}): {r.source}", "  ")
    lines += ["#", "# Budgets: unless given, 150,000 EUR capital per room and 316 EUR a year of running costs per "
                   "PCI (EST:", "# the bundled general-hospital example's envelopes scaled to the sites).", ""]
    return "\n".join(lines)


def scenario_yaml(scenario: Scenario, ratios: Ratios | None = None) -> str:
    """The scenario as YAML with its provenance header."""
    return header(scenario, ratios) + scenario.to_yaml()

"""Warnings on what public figures say: the 2022 activity threshold, a shock centre without cardiac surgery.

Called from :mod:`planner.checks` (so ``validate``, ``solve`` and the app show them); same signature as every
``check_<rule>(catalog, scenario) -> list[Issue]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.errors import Issue
from planner.messages import Join, Opt, msg
from planner.publicdata.provenance import field_rows

if TYPE_CHECKING:
    from planner.catalog import Catalog
    from planner.scenario import Scenario

#: Minimum coronary angioplasties a year per authorised site (arrêté du 16 mars 2022, art. 1, under CSP
#: R.6123-133-2; France reference section 1.3).
PCI_THRESHOLD = 400

def _src(scenario: Scenario) -> str:
    return scenario.name or "scenario"


def check_pci_threshold(catalog: Catalog | None, scenario: Scenario) -> list[Issue]:
    """A site made from public data whose PCI a year (derived, or the user's) is under :data:`PCI_THRESHOLD`."""
    del catalog  # same signature as every check
    pci_rows = {r.site_id: r for r in field_rows(scenario) if r.field == "activity.pci"}
    issues = []
    for i, site in enumerate(scenario.sites):
        row = pci_rows.get(site.id)
        pci = float(site.activity.get("pci", 0.0))
        if row is None or pci >= PCI_THRESHOLD:
            continue
        origin = msg("sae.origin_derived", year=row.year, how=row.how) if row.status == "derived" \
            else msg("sae.origin_yours")
        issues.append(Issue(_src(scenario), f"sites[{i}].activity.pci", "pci", f"{pci:g}",
                            msg("sae.below_pci", threshold=PCI_THRESHOLD, origin=origin), "warning"))
    return issues


def check_shock_centre_surgery(catalog: Catalog | None, scenario: Scenario) -> list[Issue]:
    """A site with role ``shock_centre`` but not ``cardiac_surgery``: expert shock centres need cardiac surgery on
    the same site (SRLF-led expert recommendations on cardiogenic shock, Levy et al., Ann Intensive Care 2015)."""
    del catalog  # same signature as every check
    return [Issue(_src(scenario), f"sites[{i}].roles", "roles", ", ".join(site.roles),
                  msg("sae.shock_without_surgery"), "warning")
            for i, site in enumerate(scenario.sites)
            if "shock_centre" in site.roles and "cardiac_surgery" not in site.roles]


def check_derived_figures(catalog: Catalog | None, scenario: Scenario) -> list[Issue]:
    """One note per site whose figures still include values derived from public data (estimates to check)."""
    del catalog  # same signature as every check
    rows = field_rows(scenario)
    issues = []
    for i, site in enumerate(scenario.sites):
        kept = [r for r in rows if r.site_id == site.id and r.status in ("derived", "default")]
        if kept:
            fields = Join(tuple(Opt("sae.field", r.field) for r in kept))
            issues.append(Issue(_src(scenario), f"sites[{i}]", "finess", kept[0].finess,
                                msg("sae.derived", year=kept[0].year, fields=fields), "warning"))
    return issues


PUBLIC_DATA_CHECKS = (check_pci_threshold, check_shock_centre_surgery, check_derived_figures)


def public_data_issues(scenario: Scenario) -> list[Issue]:
    """The public-data warnings of a scenario (no catalogue needed)."""
    return [issue for check in PUBLIC_DATA_CHECKS for issue in check(None, scenario)]

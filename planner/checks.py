"""Cross-checks of a scenario against the catalogue: every id must exist, rules must be satisfiable.

Each ``check_<rule>`` returns a list of :class:`~planner.errors.Issue`; :func:`run_checks` gathers them and
:func:`validate` raises when any is an error.
"""

from __future__ import annotations

import math

from planner.catalog import Catalog
from planner.errors import Issue, PlannerInputError, errors_only
from planner.messages import Device, Indication, Join, Opt, msg
from planner.publicdata.checks import PUBLIC_DATA_CHECKS
from planner.scenario import Scenario
from planner.schema import BOUNDS


def _src(scenario: Scenario) -> str:
    return scenario.name or "scenario"


def check_device_ids(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Device ids named in installed, devices, must_include and exclude exist in the catalogue."""
    issues, src = [], _src(scenario)
    named: list[tuple[str, str]] = []
    for i, site in enumerate(scenario.sites):
        named += [(f"sites[{i}].installed.{d}", d) for d in site.installed]
    named += [(f"devices.{d}", d) for d in scenario.devices]
    named += [(f"must_include[{i}]", d) for i, d in enumerate(scenario.must_include)]
    named += [(f"exclude[{i}]", d) for i, d in enumerate(scenario.exclude)]
    named += [(f"security.device_profiles.{d}", d) for d in scenario.security.device_profiles]
    for path, dev in named:
        if dev not in catalog.devices:
            issues.append(Issue(src, path, "device_id", dev, msg("chk.unknown_device")))
    for dev in sorted(set(scenario.must_include) & set(scenario.exclude)):
        issues.append(Issue(src, "must_include/exclude", "device_id", dev, msg("chk.required_and_excluded")))
    return issues



def _vendors(vendors: tuple[str, ...]) -> Join:
    """Angiography vendors by their names."""
    return Join(tuple(Opt("vendor", v) for v in vendors))


def check_indication_ids(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Indication ids in overrides and site volumes exist in the catalogue."""
    issues, src = [], _src(scenario)
    for key in scenario.indications:
        if key not in catalog.indications:
            issues.append(Issue(src, f"indications.{key}", "indication_id", key, msg("chk.unknown_indication")))
    for i, site in enumerate(scenario.sites):
        for key in site.volumes:
            if key not in catalog.indications:
                issues.append(Issue(src, f"sites[{i}].volumes.{key}", "indication_id", key,
                                    msg("chk.unknown_indication")))
    return issues


def check_installed_compatibility(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Installed devices incompatible with the site's angiography vendor: kept usable, none bought (warning)."""
    issues = []
    for i, site in enumerate(scenario.sites):
        for dev_id in site.installed:
            dev = catalog.devices.get(dev_id)
            if dev is not None and not dev.works_with(site.angio_vendor):
                issues.append(Issue(
                    _src(scenario), f"sites[{i}].installed.{dev_id}", "angio_vendor", site.angio_vendor,
                    msg("chk.installed_incompatible", device=Device(dev_id), vendors=_vendors(dev.compatible_angio)),
                    "warning"))
    return issues


def check_must_include_possible(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """A must-include device must be compatible with at least one site or already installed."""
    issues = []
    for i, dev_id in enumerate(scenario.must_include):
        dev = catalog.devices.get(dev_id)
        if dev is None:
            continue
        usable = any(dev.works_with(s.angio_vendor) or dev_id in s.installed for s in scenario.sites)
        if not usable:
            issues.append(Issue(_src(scenario), f"must_include[{i}]", "device_id", dev_id,
                                msg("chk.must_include_incompatible", vendors=_vendors(dev.compatible_angio))))
    return issues


def check_installed_ages(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Installed units bought after the start year are an error; units past their life at the start (they
    count as out of service for the whole horizon) get a warning."""
    issues = []
    for i, site in enumerate(scenario.sites):
        for dev_id, year in site.installed_year.items():
            dev = catalog.devices.get(dev_id)
            path = f"sites[{i}].installed.{dev_id}.acquisition_year"
            if year > scenario.start_year:
                issues.append(Issue(_src(scenario), path, "acquisition_year", str(year),
                                    msg("chk.after_start", year=scenario.start_year)))
            elif dev is not None and year + math.ceil(dev.lifetime_years - 1e-9) <= scenario.start_year:
                issues.append(Issue(_src(scenario), path, "acquisition_year", str(year),
                                    msg("chk.past_life", device=Device(dev_id), life=f"{dev.lifetime_years:g}",
                                        year=scenario.start_year), "warning"))
    return issues


def check_outcome_ids(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Outcome weights name outcomes of the catalogue."""
    return [Issue(_src(scenario), f"outcome_weights.{key}", "outcome_id", key,
                  msg("chk.unknown_outcome", known=", ".join(catalog.outcomes) or msg("chk.none_in_catalogue")))
            for key in scenario.outcome_weights if key not in catalog.outcomes]


def check_value_meaning(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Warn that an indication weight is now a multiplier on the evidence-based value, and that a catalogue
    without an evidence table gives no device an outcome value."""
    issues = [Issue(_src(scenario), f"indications.{k}.weight", "weight", f"{o.weight:g}",
                    msg("chk.weight_meaning"), "warning")
              for k, o in scenario.indications.items() if o.weight is not None and o.weight != 1]
    if not catalog.effects:
        issues.append(Issue(_src(scenario), "catalog", "effects", catalog.path or "catalogue",
                            msg("chk.no_effects"), "warning"))
    return issues


def check_role_needs(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Installed devices whose family needs a role the site does not hold stay idle (warning)."""
    issues = []
    for i, site in enumerate(scenario.sites):
        for dev_id in site.installed:
            dev = catalog.devices.get(dev_id)
            role = catalog.family(dev.family).required_role if dev is not None else ""
            if role and role not in site.roles:
                issues.append(Issue(_src(scenario), f"sites[{i}].installed.{dev_id}", "roles", role,
                                    msg("chk.role_needed", device=Device(dev_id), role=Opt("role", role)), "warning"))
    return issues


def check_run_size(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """A run is at most :data:`planner.schema.BOUNDS` ``model_size`` sites x catalogue devices x years: beyond,
    building the model alone takes minutes (README "Limits")."""
    most = int(BOUNDS["model_size"].high)
    size = len(scenario.sites) * len(catalog.devices) * scenario.horizon_years
    if size <= most:
        return []
    return [Issue(_src(scenario), "sites", "size", f"{len(scenario.sites)} sites x {len(catalog.devices)} devices x "
                  f"{scenario.horizon_years} years = {size:,}",
                  msg("chk.run_size", most=f"{most:,}"))]


def check_referrals(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Referral links name catalogue indications and a receiver holding the role each needs (errors); a link
    longer than an indication's time limit is not used for it, and figures without a source are estimates
    (warnings)."""
    issues, src = [], _src(scenario)
    roles = {s.id: s.roles for s in scenario.sites}
    limits = scenario.referral_rules.max_minutes if scenario.referral_rules is not None else {}
    for key in limits:
        if key not in catalog.indications:
            issues.append(Issue(src, f"referral_rules.max_minutes.{key}", "indication_id", key,
                                msg("chk.unknown_indication")))
    for i, ln in enumerate(scenario.referrals):
        for j, k in enumerate(ln.indications):
            path = f"referrals[{i}].indications[{j}]"
            ind = catalog.indications.get(k)
            if ind is None:
                issues.append(Issue(src, path, "indication_id", k, msg("chk.unknown_indication")))
            elif ind.required_role and ind.required_role not in roles.get(ln.to_site, ()):
                issues.append(Issue(src, path, "to", ln.to_site, msg("chk.receiver_role", indication=Indication(k),
                                                                     role=Opt("role", ind.required_role))))
            elif k in limits and ln.transfer_minutes > limits[k]:
                issues.append(Issue(src, path, "transfer_minutes", f"{ln.transfer_minutes:g}",
                                    msg("chk.link_too_long", limit=f"{limits[k]:g}", indication=Indication(k)),
                                    "warning"))
        if (ln.value_loss_per_case or ln.transport_eur_per_case) and not ln.source:
            issues.append(Issue(src, f"referrals[{i}]", "source", "", msg("chk.estimates"), "warning"))
    return issues


CHECKS = (check_run_size, check_device_ids, check_indication_ids, check_installed_compatibility,
          check_must_include_possible, check_installed_ages, check_outcome_ids, check_value_meaning,
          check_role_needs, check_referrals, *PUBLIC_DATA_CHECKS)


def run_checks(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Run every check; return all issues (errors and warnings)."""
    return [issue for check in CHECKS for issue in check(catalog, scenario)]


def validate(catalog: Catalog, scenario: Scenario) -> list[Issue]:
    """Run the checks; raise :class:`PlannerInputError` on errors, return the warnings otherwise."""
    issues = run_checks(catalog, scenario)
    if errors_only(issues):
        raise PlannerInputError(issues)
    return issues

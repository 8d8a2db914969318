"""``prepare(catalog, scenario) -> ModelInputs``: every derived number the model needs, no PuLP.

Builders in :mod:`planner.model` only combine these parameters with variables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from planner.catalog import Catalog, Coverage, Device, Indication
from planner.horizon import Horizon, Offer, device_offers, prepare_horizon
from planner.prices import PriceBasis, dated_devices
from planner.referrals import Route, SitePoint, all_links, routes
from planner.scenario import Scenario, Site
from planner.security import apply_profiles, security_exclusions, segmentation_cost
from planner.value import CaseValue, case_values, severities

SiteDevice = tuple[str, str]
SiteIndication = tuple[str, str]
Allocation = tuple[str, str, str]  # (site, device, indication)


@dataclass(frozen=True)
class ModelInputs:
    """Indexed parameters of the MILP (symbols as in ``docs/model.md``)."""

    sites: tuple[str, ...]
    rooms: Mapping[str, int]  # R_s
    indications: tuple[str, ...]
    devices: Mapping[str, Device]  # catalogue devices with the scenario's price overrides applied
    demand: Mapping[SiteIndication, float]  # D_sk in the start year (horizon.demand: every year)
    weight: Mapping[str, float]  # w_k
    floor: Mapping[str, float]  # c_k
    effectiveness: Mapping[tuple[str, str], float]  # e_dk, only > 0
    candidates: tuple[SiteDevice, ...]  # (s, d) that may be in use: compatible or installed, viable
    installed: Mapping[SiteDevice, int]  # o_sd
    max_new: Mapping[SiteDevice, int]  # upper bound on new units (0 where buying is not allowed)
    requires: Mapping[SiteDevice, tuple[str, ...]]  # required devices that are candidates at s
    allocations: tuple[Allocation, ...]  # (s, d, k) with e_dk > 0 and D_skt > 0 in some year
    capex_budget_eur: float | None
    opex_budget_eur: float | None
    must_include: tuple[str, ...]
    objective: str
    segmentation_eur: Mapping[str, float] = field(default_factory=dict)  # network segmentation per new unit
    security_excluded: Mapping[str, str] = field(default_factory=dict)  # device -> reason it may not be bought
    reference_date: date = field(default_factory=date.today)  # for OS end-of-support checks
    horizon: Horizon = field(default_factory=lambda: Horizon((date.today().year,)))  # years, modes, growth
    value: Mapping[tuple[str, str], CaseValue] = field(default_factory=dict)  # v_dk before the multiplier
    serves: frozenset[SiteIndication] = frozenset()  # (s, k) the site may serve: it holds the role k needs
    required: frozenset[str] = frozenset()  # required indications: served in full, outside the value
    min_volume: Mapping[str, float] = field(default_factory=dict)  # V_f: minimum cases/year per site and family
    share_cap: Mapping[tuple[str, str], float] = field(default_factory=dict)  # (family, k) -> largest share < 1
    severity: Mapping[str, float] = field(default_factory=dict)  # outcome -> severity weight
    site_roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    indication_roles: Mapping[str, str] = field(default_factory=dict)  # k -> role a site needs to serve it
    family_roles: Mapping[str, str] = field(default_factory=dict)  # family -> role a site needs to use it
    fallback_family: Mapping[str, str] = field(default_factory=dict)  # family -> family needed beside it
    routes: tuple[Route, ...] = ()  # referral routes (sender, receiver, indication): planner.referrals
    receivable: Mapping[tuple[str, str, int], float] = field(default_factory=dict)  # (s, k, t) -> most received
    perspective: str = "health_system"  # whose costs the cost objective counts (scenario perspective)
    lpp_tariff: Mapping[str, float] = field(default_factory=dict)  # liste_en_sus device -> LPP tariff per case
    price_basis: PriceBasis | None = None  # how catalogue prices were brought to the start year
    # offers per device, computed once; not copied by dataclasses.replace (a replaced device gets its own)
    _offers: dict[str, tuple[Offer, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def case_value(self, device_id: str, indication_id: str) -> float:
        """m_k v_dk: weighted events avoided per case, the cardiologists' multiplier applied."""
        cv = self.value.get((device_id, indication_id))
        return 0.0 if cv is None else self.weight[indication_id] * cv.weighted.central

    def site_floor(self, site_id: str, indication_id: str) -> float:
        """Coverage floor at a site: 1 for a required indication; where the site lacks the role, the floor
        applies to its cases referred along its routes (0 without a route: referred outside the plan)."""
        if (site_id, indication_id) not in self.serves:
            routed = any(r.sender == site_id and r.indication == indication_id for r in self.routes)
            return (1.0 if indication_id in self.required else self.floor[indication_id]) if routed else 0.0
        return 1.0 if indication_id in self.required else self.floor[indication_id]

    def reach(self, site_id: str, indication_id: str, year: int) -> float:
        """D_skt plus the most cases the site may receive by referral: the most it may serve."""
        key = (site_id, indication_id, year)
        return self.horizon.demand[key] + self.receivable.get(key, 0.0)

    def family(self, device_id: str) -> str:
        """The device's family."""
        return self.devices[device_id].family

    def unit_capex(self, device_id: str) -> float:
        """capex_d: purchase price of a new unit plus its network segmentation cost."""
        return self.devices[device_id].capex_eur + self.segmentation_eur.get(device_id, 0.0)

    def offers(self, device_id: str) -> tuple[Offer, ...]:
        """How the device can be acquired (purchase first), from its current prices (computed once)."""
        if device_id not in self._offers:
            self._offers[device_id] = device_offers(self.devices[device_id], self.horizon.acquisition_modes)
        return self._offers[device_id]

    def per_room(self, device_id: str) -> bool:
        """Whether the device must equip every room of a site to be used there."""
        return self.devices[device_id].deployment == "per_room"

    def devices_at(self, site_id: str) -> tuple[str, ...]:
        """Candidate devices at a site."""
        return tuple(d for s, d in self.candidates if s == site_id)


def effective_devices(catalog: Catalog, scenario: Scenario) -> dict[str, Device]:
    """Catalogue devices with their prices brought to the start year (:mod:`planner.prices`), then the
    scenario's local prices (already of that year) and the vendors' security disclosures applied (``prepare``
    also extends ``requires`` with the devices of the family's fallback family)."""
    dated, _ = dated_devices(catalog, scenario.start_year, scenario.price_index_rate)
    out = apply_profiles(dated, scenario.security)  # vendors' security disclosures (issue 19)
    for dev_id, fields in scenario.devices.items():
        if dev_id in out:
            out[dev_id] = replace(out[dev_id], **fields)  # type: ignore[arg-type]
    return out


def indication_params(catalog: Catalog, scenario: Scenario, ind: Indication) -> tuple[float, float, float]:
    """(share, multiplier, min_coverage) of an indication after the scenario's overrides."""
    o = scenario.indications.get(ind.id)
    share = ind.default_share if o is None or o.share is None else o.share
    weight = ind.default_weight if o is None or o.weight is None else o.weight
    floor = ind.default_min_coverage if o is None or o.min_coverage is None else o.min_coverage
    return share, weight, floor


def required_indications(catalog: Catalog, scenario: Scenario) -> frozenset[str]:
    """Indications that are required equipment (catalogue flag, scenario override)."""
    out = set()
    for k, ind in catalog.indications.items():
        o = scenario.indications.get(k)
        if (ind.required if o is None or o.required is None else o.required):
            out.add(k)
    return frozenset(out)


def served_pairs(catalog: Catalog, scenario: Scenario) -> frozenset[SiteIndication]:
    """(s, k) where the site holds the role the indication needs (every site when it needs none)."""
    return frozenset((s.id, k) for s in scenario.sites for k, ind in catalog.indications.items()
                     if not ind.required_role or ind.required_role in s.roles)


def role_allows(catalog: Catalog, site: Site, dev: Device) -> bool:
    """Whether the site holds the role the device's family needs."""
    role = catalog.family(dev.family).required_role
    return not role or role in site.roles


def share_caps(catalog: Catalog) -> dict[tuple[str, str], float]:
    """(family, k) -> the largest share of the demand the family may serve, where below 1 (the most permissive
    ``max_share`` of the family's coverage rows)."""
    caps: dict[tuple[str, str], float] = {}
    for row in catalog.coverage:
        key = (catalog.devices[row.device_id].family, row.indication_id)
        caps[key] = max(caps.get(key, 0.0), row.max_share)
    return {key: cap for key, cap in caps.items() if cap < 1.0}


def site_demand(site: Site, ind: Indication, share: float) -> float:
    """D_sk: the site's direct volume if given, else activity of the base kind x share.

    >>> from planner.scenario import Site
    >>> from planner.catalog import Indication
    >>> s = Site("a", "A", 1, "ge", {"cag": 1000, "pci": 500, "stemi": 100})
    >>> site_demand(s, Indication("x", "", "", "pci", 0.1, 1, 0, ""), 0.1)
    50.0
    >>> site_demand(s, Indication("y", "", "", "cag_non_stemi", 0.1, 1, 0, ""), 0.1)   # (1000 - 100) x 0.1
    90.0
    """
    if ind.id in site.volumes:
        return float(site.volumes[ind.id])
    return base_volume(site, ind.base_activity) * share


def base_volume(site: Site, base: str) -> float:
    """Annual cases of a base activity; ``cag_non_stemi`` is cag - stemi (chronic and NSTE-ACS angiographies)."""
    if base == "cag_non_stemi":
        return max(float(site.activity.get("cag", 0.0)) - float(site.activity.get("stemi", 0.0)), 0.0)
    return float(site.activity.get(base, 0.0))


def usable_effectiveness(catalog: Catalog, scenario: Scenario,
                         values: Mapping[tuple[str, str], CaseValue] | None = None) -> dict[tuple[str, str], float]:
    """e_dk for the device x indication pairs the plan may use.

    A pair with guideline class III ("not recommended"), or whose evidence gives a net harm (a negative value
    per case: VA-ECMO in LV-dominant AMI shock after ECLS-SHOCK), is left out unless the scenario sets
    ``allow_not_recommended: true``; a floor is then never met with a harmful strategy.
    """
    values = values or {}

    def allowed(c: Coverage) -> bool:
        harmful = (v := values.get((c.device_id, c.indication_id))) is not None and v.weighted.central < 0
        return scenario.allow_not_recommended or (c.guideline_class != "III" and not harmful)

    return {(c.device_id, c.indication_id): c.effectiveness for c in catalog.coverage
            if c.effectiveness > 0 and allowed(c)}


def prepare(catalog: Catalog, scenario: Scenario) -> ModelInputs:
    """Derive every parameter of the model from the catalogue and the scenario."""
    devices = effective_devices(catalog, scenario)
    devices = {d: replace(dev, requires=catalog.requirements(d)) for d, dev in devices.items()}
    forbidden = security_exclusions(devices, scenario.security)
    params = {k: indication_params(catalog, scenario, ind) for k, ind in catalog.indications.items()}
    demand = {(s.id, k): site_demand(s, catalog.indications[k], params[k][0])
              for s in scenario.sites for k in catalog.indications}
    horizon = prepare_horizon(scenario, devices, demand, catalog.indications)
    serves = served_pairs(catalog, scenario)
    links = referral_routes(catalog, scenario)
    receivable = receivable_cases(links, horizon)
    peak = {(s, k): max(horizon.demand[(s, k, t)] + receivable.get((s, k, t), 0.0) for t in horizon.years)
            if (s, k) in serves else 0.0 for s, k in demand}
    required = required_indications(catalog, scenario)
    severity = severities(catalog, scenario.outcome_weights)
    values = case_values(catalog, severity, required)
    eff = usable_effectiveness(catalog, scenario, values)
    installed = {(s.id, d): int(n) for s in scenario.sites for d, n in s.installed.items() if n > 0}
    max_new = {(s.id, d): 0 if d in forbidden or not role_allows(catalog, s, devices[d])
               else _max_new(s, devices[d], peak, eff, scenario) for s in scenario.sites for d in sorted(devices)}
    candidates = _viable_candidates(scenario, devices, installed, max_new,
                                    {(s.id, d) for s in scenario.sites for d in devices
                                     if role_allows(catalog, s, devices[d])})
    cand_set = set(candidates)
    requires = {(s, d): tuple(r for r in devices[d].requires if (s, r) in cand_set)
                for s, d in candidates if devices[d].requires}
    allocations = tuple((s, d, k) for s, d in candidates for k in sorted(catalog.indications)
                        if eff.get((d, k), 0.0) > 0 and peak[(s, k)] > 0)
    return ModelInputs(
        sites=tuple(s.id for s in scenario.sites),
        rooms={s.id: s.rooms for s in scenario.sites},
        indications=tuple(sorted(catalog.indications)),
        devices=devices,
        demand=demand,
        weight={k: p[1] for k, p in params.items()},
        floor={k: p[2] for k, p in params.items()},
        effectiveness=eff,
        candidates=candidates,
        installed=installed,
        max_new={sd: n for sd, n in max_new.items() if sd in cand_set},
        requires=requires,
        allocations=allocations,
        capex_budget_eur=scenario.budget.capex_eur,
        opex_budget_eur=scenario.budget.opex_eur_per_year,
        must_include=scenario.must_include,
        objective=scenario.objective,
        segmentation_eur={d: cost for d, dev in devices.items() if (cost := segmentation_cost(dev, scenario.security))},
        security_excluded=forbidden,
        reference_date=scenario.security.reference_date,
        horizon=horizon,
        value={p: v for p, v in values.items() if p in eff},
        serves=serves,
        required=required,
        min_volume={f: fam.min_cases_per_year for f, fam in catalog.family_table.items() if fam.min_cases_per_year > 0},
        share_cap=share_caps(catalog),
        severity=severity,
        site_roles={s.id: s.roles for s in scenario.sites},
        indication_roles={k: ind.required_role for k, ind in catalog.indications.items() if ind.required_role},
        family_roles={f: fam.required_role for f, fam in catalog.family_table.items() if fam.required_role},
        fallback_family={f: fam.requires_family for f, fam in catalog.family_table.items() if fam.requires_family},
        routes=links,
        receivable=receivable,
        perspective=scenario.perspective,
        lpp_tariff={d: dev.lpp_tariff_eur for d, dev in devices.items()
                    if dev.funding == "liste_en_sus" and dev.lpp_tariff_eur is not None},
        price_basis=dated_devices(catalog, scenario.start_year, scenario.price_index_rate)[1],
    )


def referral_routes(catalog: Catalog, scenario: Scenario) -> tuple[Route, ...]:
    """The referral routes of the scenario: declared and generated links, per indication, where the receiver
    holds the role and the transfer time is within the limit (``planner.referrals``)."""
    if not scenario.referrals and scenario.referral_rules is None:
        return ()
    roles = {k: ind.required_role for k, ind in catalog.indications.items() if ind.required_role}
    points = tuple(SitePoint(s.id, s.roles, s.latitude, s.longitude) for s in scenario.sites)
    links = all_links(scenario.referrals, scenario.referral_rules, points, roles)
    return routes(links, scenario.referral_rules, {s.id: s.roles for s in scenario.sites}, roles,
                  tuple(catalog.indications))


def receivable_cases(links: tuple[Route, ...], horizon: Horizon) -> dict[tuple[str, str, int], float]:
    """(receiver, k, t) -> the senders' demand that may reach it: a bound on the cases it may receive."""
    out: dict[tuple[str, str, int], float] = {}
    for r in links:
        for t in horizon.years:
            key = (r.receiver, r.indication, t)
            out[key] = out.get(key, 0.0) + horizon.demand[(r.sender, r.indication, t)]
    return out


def _max_new(site: Site, dev: Device, demand: Mapping[SiteIndication, float],
             eff: Mapping[tuple[str, str], float], scenario: Scenario) -> int:
    """Upper bound on new units of ``dev`` at ``site`` (U_sd - o_sd in docs/model.md).

    Enough units to serve all the demand the device can serve at the site, and at least one per room for a
    per-room device (one otherwise); zero if the device is excluded or incompatible with the angio vendor.
    """
    if dev.id in scenario.exclude or not dev.works_with(site.angio_vendor):
        return 0
    served = sum(v for (s, k), v in demand.items() if s == site.id and eff.get((dev.id, k), 0) > 0)
    need = math.ceil(served / dev.capacity_cases_per_year - 1e-9) if served > 0 else 0
    return max(site.rooms if dev.deployment == "per_room" else 1, need)


def _viable_candidates(scenario: Scenario, devices: Mapping[str, Device], installed: Mapping[SiteDevice, int],
                       max_new: Mapping[SiteDevice, int], role_ok: set[SiteDevice]) -> tuple[SiteDevice, ...]:
    """(s, d) pairs that can be in use: units can exist, the site holds the role the family needs, and a
    required device can be there too.

    Drops devices whose every required device is impossible at the site, iterating to a fixed point
    (a requirement may itself have an unmet requirement).
    """
    cand = {(s.id, d) for s in scenario.sites for d in devices
            if (s.id, d) in role_ok and installed.get((s.id, d), 0) + max_new[(s.id, d)] > 0}
    changed = True
    while changed:
        changed = False
        for s, d in sorted(cand):
            reqs = devices[d].requires
            if reqs and not any((s, r) in cand for r in reqs):
                cand.discard((s, d))
                changed = True
    return tuple(sorted(cand))

"""The frozen :class:`Plan`: what to buy (when, how), how rooms are configured, costs, coverage, budgets.

The plan is built by :mod:`planner.planbuild`, which recomputes every cost from the inputs and the chosen
quantities; tests check they equal the solver's objective terms. Plans round-trip through JSON.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any

from planner.errors import Issue
from planner.messages import Device, Indication, Join, Msg, Num, Opt, Site, msg, plain
from planner.prices import DevicePriceBasis, PriceBasis


@dataclass(frozen=True)
class PhaseInfo:
    """One solver call of the run."""

    objective: str
    status: str
    objective_value: float | None
    mip_gap: float | None
    time_s: float


@dataclass(frozen=True)
class SolverInfo:
    """Which solver ran, how long, and the objective terms it reported (for reconciliation)."""

    name: str
    version: str
    time_s: float
    phases: tuple[PhaseInfo, ...] = ()
    objective_benefit: float | None = None
    objective_tco_eur: float | None = None
    objective_tie_break: float | None = None  # units acquired + devices in use; the cost phase adds 0.1 EUR each


@dataclass(frozen=True)
class Costs:
    """Plan costs in EUR, recomputed from inputs and chosen quantities.

    Over a multi-year horizon ``capex_eur`` and ``segmentation_eur`` are totals, the ``*_per_year`` figures
    are averages over the years, ``tco_eur`` is the discounted total cost of ownership net of residual value
    and ``annualised_eur_per_year`` is ``tco_eur`` / years. With one year they are today's figures.
    """

    capex_eur: float
    annualised_capex_eur_per_year: float
    maintenance_eur_per_year: float
    consumables_eur_per_year: float
    opex_eur_per_year: float
    annualised_eur_per_year: float
    segmentation_eur: float = 0.0  # part of capex_eur
    lease_eur_per_year: float = 0.0  # part of opex
    shortfall_eur_per_year: float = 0.0  # placement commitments not consumed, part of opex
    residual_value_eur: float = 0.0  # of purchases at the end of the horizon (straight line)
    tco_eur: float = 0.0  # total cost of ownership over the horizon = the cost objective
    horizon_years: int = 1
    transport_eur_per_year: float = 0.0  # of referred cases, part of opex
    perspective: str = "health_system"  # whose costs tco_eur counts (the objective): hospital | health_system
    billed_on_top_eur_per_year: float = 0.0  # liste en sus: billed by the hospital on top of the GHS tariff
    tco_health_system_eur: float = 0.0  # TCO of the health system (consumables at their whole price)
    tco_hospital_eur: float = 0.0  # TCO of the hospital (less what it bills on top of the GHS tariff)


@dataclass(frozen=True)
class Acquisition:
    """Units of a device at a site acquired in a year and mode, and (on the start-year purchase row) the
    units already installed."""

    site_id: str
    device_id: str
    family: str
    units_new: int
    units_installed: int
    in_use: bool
    unit_capex_eur: float
    capex_eur: float
    segmentation_eur: float = 0.0  # part of capex_eur: network segmentation of the new units
    year: int = 0  # year of acquisition (installed units: on the start-year purchase row)
    mode: str = "purchase"  # purchase | placement | lease
    replaces: str | None = None  # the retiring installed units this acquisition replaces


@dataclass(frozen=True)
class AllocationRow:
    """Annual cases of an indication served by a device at a site."""

    site_id: str
    indication_id: str
    device_id: str
    cases_per_year: float
    benefit: float  # weighted events avoided per year (the value; multiplier applied)
    year: int = 0
    benefit_low: float = 0.0  # range of the value from the evidence's confidence intervals
    benefit_high: float = 0.0


@dataclass(frozen=True)
class CoverageRow:
    """Demand and served cases of an indication at a site."""

    site_id: str
    indication_id: str
    demand_cases: float
    served_cases: float
    coverage_share: float
    min_coverage: float
    weight: float  # the cardiologists' multiplier on the evidence-based value
    year: int = 0
    referred_cases: float = 0.0  # cases referred: along the plan's referral routes if the site has any for the
    # indication, else every case of an indication whose role the site lacks (referred outside the plan)
    not_covered_cases: float = 0.0  # cases the site could serve but the plan leaves without the device
    events_avoided: float = 0.0  # weighted events avoided per year
    events_low: float = 0.0
    events_high: float = 0.0
    required_role: str = ""
    required: bool = False  # required equipment (served in full, outside the value)
    received_cases: float = 0.0  # cases received from other sites, part of served_cases
    without_receiver_cases: float = 0.0  # cases the site must refer but no route of the plan takes


@dataclass(frozen=True)
class OutcomeRow:
    """Events of one outcome avoided per year in an indication (all sites), not weighted, with their range;
    negative numbers are events added (harms published in the same trials)."""

    indication_id: str
    outcome_id: str
    events_avoided: float
    events_low: float
    events_high: float
    severity: float
    year: int = 0


@dataclass(frozen=True)
class ClinicalAlert:
    """A clinical warning in plain words, as a code with its subjects (rendered in each language by the views).

    Codes: ``referred`` (cases the site must refer: it lacks the role), ``role_uncovered`` (a site holding a
    role leaves the indication it serves uncovered, e.g. a shock centre without MCS), ``fallback_missing``
    (a device in use without the fallback family its family needs, e.g. angio-FFR without a wire console),
    ``below_min_volume`` (an installed device left idle: its family's volume is below the minimum),
    ``role_missing_device`` (an installed device the site may not use without a role), ``harmful_use``
    (cases served with a net negative value, forced by a floor), ``no_receiver`` (cases to refer that no
    referral route of the plan takes)."""

    code: str
    site_id: str = ""
    device_id: str = ""
    indication_id: str = ""
    role: str = ""
    value: float = 0.0

    @property
    def message(self) -> Msg:
        """The alert in words (code ``alert.<code>``): site, device and indication as references."""
        return msg(f"alert.{self.code}", site=Site(self.site_id), device=Device(self.device_id),
                   indication=Indication(self.indication_id), role=Opt("role", self.role), value=Num(self.value, 1))


@dataclass(frozen=True)
class ReferralFlow:
    """Cases of an indication referred a year from one site to another, what the delay costs in value and the
    transport in money (``estimate``: figures without a source)."""

    from_site: str
    to_site: str
    indication_id: str
    cases_per_year: float
    value_lost: float  # weighted events lost per year (value loss per case x cases)
    transport_eur: float  # per year
    transfer_minutes: float
    year: int = 0
    estimate: bool = True


@dataclass(frozen=True)
class BudgetUse:
    """A budget's limit and use."""

    name: str
    limit_eur: float | None
    used_eur: float
    binding: bool


@dataclass(frozen=True)
class RoomConfig:
    """The standard configuration of a room ("1".."R"), or a site's shared devices (room "shared")."""

    site_id: str
    room: str
    devices: tuple[str, ...]


@dataclass(frozen=True)
class YearCosts:
    """Cash flows of one year (EUR, escalated, not discounted) and the year's benefit."""

    year: int
    capex_eur: float
    maintenance_eur: float
    lease_eur: float
    consumables_eur: float
    shortfall_eur: float
    opex_eur: float
    total_eur: float
    discount_factor: float
    benefit: float
    transport_eur: float = 0.0  # of referred cases, part of opex_eur
    billed_on_top_eur: float = 0.0  # liste en sus billed on top of the GHS tariff (not part of opex_eur)


@dataclass(frozen=True)
class DeviceTco:
    """Cost of ownership of one device at one site over the horizon: cash totals (EUR) and the TCO (NPV net
    of residual value); the rows plus the discounted transport of referred cases add up to ``Plan.costs.tco_eur``."""

    site_id: str
    device_id: str
    capex_eur: float
    maintenance_eur: float
    lease_eur: float
    consumables_eur: float
    shortfall_eur: float
    residual_value_eur: float
    tco_eur: float  # of the plan's perspective
    billed_on_top_eur: float = 0.0  # liste en sus billed on top of the GHS tariff over the horizon (cash)
    tco_health_system_eur: float = 0.0
    tco_hospital_eur: float = 0.0


@dataclass(frozen=True)
class FamilyCosts:
    """Capex and yearly costs of the lines of one device family (the Plan page's cost chart)."""

    family: str
    capex_eur: float
    annualised_capex_eur_per_year: float
    maintenance_eur_per_year: float
    consumables_eur_per_year: float
    annualised_eur_per_year: float


@dataclass(frozen=True)
class Retirement:
    """Installed units reaching the end of their life within the horizon, and what replaces them."""

    site_id: str
    device_id: str
    units: int
    year: int  # first year out of service
    replaced_by: tuple[str, ...]  # devices of the same family acquired at the site that year (empty: dropped)


@dataclass(frozen=True)
class DeviceSecurity:
    """Security profile and risk score of a device in the plan (bought or installed)."""

    device_id: str
    network_connected: str
    os_family: str
    os_end_of_support: str | None
    os_status: str  # ended | soon | supported | unknown | not_connected
    mds2_available: str
    sbom_available: str
    patch_policy: str
    remote_access: str
    encryption_at_rest: str
    risk_score: int
    flagged: bool  # OS support ended, or ends within 3 years of the reference date
    source: str
    known_fields: int = 0  # scored fields with a known value (of planner.security.SCORED_FIELDS)
    scored_fields: int = 7
    advisories: tuple[str, ...] = ()  # published advisories: "issuer reference (date, severity, status)"
    open_questions: tuple[str, ...] = ()  # MDS2 question ids to ask the vendor (planner.mds2)


@dataclass(frozen=True)
class SecurityExclusion:
    """A device the scenario's security rules forbid buying, and why."""

    device_id: str
    reason: Msg


@dataclass(frozen=True)
class EquivalentProduct:
    """A catalogue device that meets a purchase line's function at its site, and how far it is from the
    reference product: relative change of the line's value and of its annual cost if it served the same cases
    (0.0 = the same; ``model_twin``: identical for the model, merged with the reference before solving)."""

    device_id: str
    value_distance: float
    cost_distance: float
    model_twin: bool = False


@dataclass(frozen=True)
class PurchaseSpec:
    """One purchase line stated as a function first (``planner.specs``): the functional requirement of the
    family (English and French, with the key criteria of a technical specification), the reference product the
    plan priced, and the equivalents within ``tolerance`` of its value and annual cost."""

    site_id: str
    family: str
    requirement_en: str
    requirement_fr: str
    device_id: str  # the reference product (catalogue id)
    units_new: int
    tolerance: float  # relative tolerance of value and cost for an equivalent (scenario equivalence_tolerance)
    equivalents: tuple[EquivalentProduct, ...] = ()
    criteria_en: tuple[str, ...] = ()
    criteria_fr: tuple[str, ...] = ()
    function_source: str = ""
    cases_per_year: float = 0.0  # cases the line serves a year (average over the horizon)
    value: float = 0.0  # weighted events avoided a year by the line's cases (start-year values)
    annual_cost_eur: float = 0.0  # the line's cost basis for the distances: units x (capex/life + maintenance)
    # + cases x consumable, start-year purchase prices

    def requirement(self, lang: str) -> str:
        """The functional requirement in ``lang`` ("fr" or "en")."""
        return self.requirement_fr if lang == "fr" else self.requirement_en

    def criteria(self, lang: str) -> tuple[str, ...]:
        """The key criteria in ``lang``."""
        return self.criteria_fr if lang == "fr" else self.criteria_en

    @property
    def equivalent_ids(self) -> tuple[str, ...]:
        """Ids of the equivalent products."""
        return tuple(e.device_id for e in self.equivalents)


@dataclass(frozen=True)
class Plan:
    """The result of a run. ``status`` is optimal, feasible, infeasible, time_limit_no_solution or
    solver_error; only the first two carry a configuration."""

    scenario: Mapping[str, Any]
    status: str
    objective: str
    mip_gap: float | None
    solver: SolverInfo
    benefit: float | None = None
    costs: Costs | None = None
    acquisitions: tuple[Acquisition, ...] = ()
    allocation: tuple[AllocationRow, ...] = ()
    coverage: tuple[CoverageRow, ...] = ()
    budgets: tuple[BudgetUse, ...] = ()
    rooms: tuple[RoomConfig, ...] = ()
    diagnosis: tuple[Msg, ...] = ()  # why there is no plan (planner.diagnose)
    warnings: tuple[Issue, ...] = ()  # input warnings (planner.checks)
    catalog_fingerprint: str = ""
    security: tuple[DeviceSecurity, ...] = ()
    security_exclusions: tuple[SecurityExclusion, ...] = ()
    years: tuple[int, ...] = ()
    costs_by_year: tuple[YearCosts, ...] = ()
    retirements: tuple[Retirement, ...] = ()
    tco_by_device: tuple[DeviceTco, ...] = ()
    benefit_low: float | None = None  # range of the value from the evidence's confidence intervals
    benefit_high: float | None = None
    outcomes: tuple[OutcomeRow, ...] = ()
    alerts: tuple[ClinicalAlert, ...] = ()
    flows: tuple[ReferralFlow, ...] = ()  # referrals between sites (empty without referral routes)
    price_basis: PriceBasis | None = None  # catalogue prices brought to the plan's first year (planner.prices)
    specifications: tuple[PurchaseSpec, ...] = ()  # one per (site, device) bought: function first (planner.specs)
    costs_by_family: tuple[FamilyCosts, ...] = ()  # the costs chart (empty in plans saved before it)

    @property
    def cost_per_weighted_event_eur(self) -> float | None:
        """Total cost of ownership per weighted event avoided (one year: annualised cost per event a year)."""
        if not self.costs or not self.benefit or self.benefit <= 0:
            return None
        return self.costs.tco_eur / self.benefit

    @property
    def has_solution(self) -> bool:
        """Whether the plan carries a configuration."""
        return self.status in ("optimal", "feasible")

    def replaced(self, site_id: str, device_id: str, year: int) -> Msg | None:
        """The retiring installed units an acquisition of ``device_id`` at a site in ``year`` replaces, in words
        (code ``hz.replaces_text`` per retiring device; ``None`` when it replaces none)."""
        items = tuple(msg("hz.replaces_text", device=Device(r.device_id), units=r.units, year=r.year)
                      for r in self.retirements
                      if r.site_id == site_id and r.year == year and device_id in r.replaced_by)
        return msg("text_list", items=Join(items, "semicolon")) if items else None

    @property
    def scenario_name(self) -> str:
        """Name of the scenario."""
        return str(self.scenario.get("name", ""))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return plain(asdict(self))

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text of the plan."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """Rebuild a plan from :meth:`to_dict` output (plans saved before the rename of
        ``objective_annualised_cost_eur`` to ``objective_tco_eur`` read too)."""
        solver = dict(data.get("solver") or {})
        if "objective_annualised_cost_eur" in solver:
            solver["objective_tco_eur"] = solver.pop("objective_annualised_cost_eur")
            data = {**data, "solver": solver}
        return _build(cls, data)  # type: ignore[no-any-return]

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Rebuild a plan from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))


def _build(tp: Any, data: Any) -> Any:
    """Rebuild typed values (dataclasses, tuples, optionals) from plain JSON data."""
    origin = typing.get_origin(tp)
    if tp is Msg:
        return Msg.from_dict(data)
    if tp is Issue and isinstance(data, str):  # a plan saved when warnings were English text
        return Issue("", "", "", "", data.removeprefix("warning: "), "warning")
    if is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: _build(hints[f.name], data[f.name]) for f in fields(tp) if f.name in data})
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], data)
    if origin is tuple:
        return tuple(_build(typing.get_args(tp)[0], v) for v in data)
    return data


__all__ = ["Acquisition", "AllocationRow", "BudgetUse", "ClinicalAlert", "Costs", "CoverageRow", "DeviceSecurity",
           "DevicePriceBasis", "DeviceTco", "EquivalentProduct", "FamilyCosts", "OutcomeRow", "PhaseInfo", "Plan",
           "PriceBasis", "PurchaseSpec", "Retirement", "RoomConfig", "SecurityExclusion", "SolverInfo", "YearCosts"]

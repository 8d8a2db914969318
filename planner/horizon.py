"""The planning horizon: years, discounting, escalation, demand growth, acquisition offers, retirements.

``prepare_horizon(scenario, devices, demand, ...) -> Horizon`` derives every time-indexed number; the model
builders only combine them with variables. A one-year horizon with purchase only is today's single-period
model: same variables, same constraint names, same objective.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from planner import costs
from planner.catalog import Device, Indication
from planner.scenario import Scenario

MODES: tuple[str, ...] = ("purchase", "placement", "lease")
SiteDevice = tuple[str, str]


@dataclass(frozen=True)
class Offer:
    """How a unit of a device can be acquired: its cash flows at start-year prices, per unit."""

    mode: str
    capex_eur: float  # paid at acquisition (purchase price, or 0) excluding segmentation
    maintenance_eur_per_year: float  # paid each year in service (included in placement and lease)
    lease_eur_per_year: float  # paid each year in service
    consumable_eur_per_case: float
    min_commitment_eur_per_year: float  # placement: consumables bought per placed unit, or the shortfall
    term_years: int | None  # years in service after acquisition (None = to the end of the horizon)


@dataclass(frozen=True)
class Horizon:
    """Time-indexed parameters (symbols of ``docs/model.md``: t, delta_t, escalation, D_skt, modes)."""

    years: tuple[int, ...]
    discount_rate: float = 0.0
    escalation: Mapping[str, float] = field(default_factory=dict)  # capex, maintenance, consumables
    demand: Mapping[tuple[str, str, int], float] = field(default_factory=dict)  # D_skt
    acquisition_modes: tuple[str, ...] = ("purchase",)  # modes the scenario allows
    retire_year: Mapping[SiteDevice, int] = field(default_factory=dict)  # installed units out of service from
    capex_by_year: Mapping[int, float] = field(default_factory=dict)
    opex_by_year: Mapping[int, float] = field(default_factory=dict)
    carry_over: bool = False

    @property
    def start(self) -> int:
        """First year."""
        return self.years[0]

    @property
    def single_period(self) -> bool:
        """One year and purchase only: the single-period model (names without a year suffix)."""
        return len(self.years) == 1 and self.acquisition_modes == ("purchase",)

    def discount(self, year: int) -> float:
        """delta_t: present value of a euro paid in ``year``."""
        return costs.discount_factor(self.discount_rate, year - self.start)

    def end_discount(self) -> float:
        """Present value of a euro at the end of the horizon (residual values)."""
        return costs.discount_factor(self.discount_rate, len(self.years))

    def price(self, kind: str, value: float, year: int) -> float:
        """A start-year price escalated to ``year`` (kind: capex, maintenance or consumables)."""
        return value * costs.escalation_factor(self.escalation.get(kind, 0.0), year - self.start)

    def in_service(self, acquired: int, year: int, term: int | None) -> bool:
        """Whether a unit acquired in ``acquired`` with ``term`` years of service serves in ``year``."""
        return acquired <= year and (term is None or year < acquired + term)

    def years_used(self, acquired: int, term: int | None) -> int:
        """Years of service of an acquisition within the horizon."""
        return sum(1 for t in self.years if self.in_service(acquired, t, term))

    def installed_in_service(self, sd: SiteDevice, units: int, year: int) -> int:
        """Installed units still in service in ``year`` (they retire at acquisition year + lifetime)."""
        retire = self.retire_year.get(sd)
        return units if retire is None or year < retire else 0

    def suffix(self, year: int) -> str:
        """Name suffix of a time-indexed constraint or variable ("" in the single-period model)."""
        return "" if self.single_period else f"_{year}"


@functools.lru_cache(maxsize=8192)
def device_offers(dev: Device, allowed: tuple[str, ...]) -> tuple[Offer, ...]:
    """The acquisition offers of a device that the scenario allows (purchase always first)."""
    life = math.ceil(dev.lifetime_years - 1e-9)
    out = [Offer("purchase", dev.capex_eur, dev.maintenance_eur_per_year, 0.0, dev.consumable_eur_per_case, 0.0, life)]
    if "placement" in allowed and dev.placement_available:
        cons = dev.placement_consumable_eur_per_case
        out.append(Offer("placement", 0.0, 0.0, 0.0, dev.consumable_eur_per_case if cons is None else cons,
                         dev.placement_min_commitment_eur_per_year, None))
    if "lease" in allowed and dev.lease_available and dev.lease_term_years > 0:
        out.append(Offer("lease", 0.0, 0.0, dev.lease_eur_per_year, dev.consumable_eur_per_case, 0.0,
                         math.ceil(dev.lease_term_years - 1e-9)))
    return tuple(out)


def growth_rate(scenario: Scenario, ind: Indication) -> float:
    """Annual growth of an indication's demand: its own rate, else its base activity's (cag for
    cag_non_stemi), else 0."""
    growth = scenario.activity_growth
    base = "cag" if ind.base_activity == "cag_non_stemi" else ind.base_activity
    return growth.get(ind.id, growth.get(ind.base_activity, growth.get(base, 0.0)))


def prepare_horizon(scenario: Scenario, devices: Mapping[str, Device], demand: Mapping[tuple[str, str], float],
                    indications: Mapping[str, Indication]) -> Horizon:
    """Every time-indexed parameter of the scenario."""
    years = scenario.years
    by_year = {(s, k, t): d0 * costs.escalation_factor(growth_rate(scenario, indications[k]), t - years[0])
               for (s, k), d0 in demand.items() for t in years}
    retire = {(site.id, d): year + math.ceil(devices[d].lifetime_years - 1e-9)
              for site in scenario.sites for d, year in site.installed_year.items() if d in devices}
    return Horizon(
        years=years, discount_rate=scenario.discount_rate, escalation=dict(scenario.price_escalation),
        demand=by_year, acquisition_modes=scenario.acquisition_modes,
        retire_year=retire, capex_by_year=dict(scenario.budget.capex_eur_by_year),
        opex_by_year=dict(scenario.budget.opex_eur_by_year), carry_over=scenario.budget.carry_over,
    )

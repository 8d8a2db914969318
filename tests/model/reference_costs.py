"""The money of a plan computed again, independently of the planner's money code.

Tests compare the plan's costs and the solver's own objective value with these figures (PyPSA's "costs reconcile
with the objective"). Nothing here calls ``planner.costs``, ``planner.model`` or ``planner.planbuild``: the
inputs are the catalogue figures (with the scenario's ``devices:`` price overrides), the scenario's horizon,
discount and escalation rates, installed units and referral prices, and the solver's variable values. The
formulas are the ones ``docs/model.md`` states, written out with plain arithmetic:

- catalogue prices are brought to the plan's first year with the catalogue's price index (or the scenario's
  yearly rate); the scenario's own prices are of that year;
- in the hospital's perspective, the TCO is net of what the hospital bills on top of the GHS tariff for liste en
  sus consumables (the price up to the LPP tariff), discounted;
- a purchase costs its price escalated to its year, discounted to the start year, less its residual value
  (straight-line over the device's life, the years of service within the horizon used up) discounted from the
  end of the horizon;
- each year in service, owned units pay maintenance (escalated) and leased units their lease fee (not
  escalated); placement and lease include maintenance;
- each case pays the consumable of its acquisition mode (escalated); a placement commitment not consumed is
  paid as a shortfall; a referred case pays its route's transport.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

#: The solver's money unit (its objective is in thousands of euros).
K_EUR = 1000.0
#: Weight of one unit acquired or one device in use a year in the cost phase's objective, in euros.
TIE_BREAK_EUR = 0.1


@dataclass
class ReferenceCosts:
    """Cash flows per year (euros, undiscounted) and the total cost of ownership (euros, discounted)."""

    capex: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    maintenance: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    lease: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    consumables: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    shortfall: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    transport: dict[int, float] = field(default_factory=lambda: defaultdict(float))
    billed: dict[int, float] = field(default_factory=lambda: defaultdict(float))  # liste en sus, per year
    residual_value: float = 0.0  # undiscounted value left in purchases at the end of the horizon
    tco: float = 0.0
    tco_by_pair: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))

    def opex(self, year: int) -> float:
        return (self.maintenance[year] + self.lease[year] + self.consumables[year] + self.shortfall[year]
                + self.transport[year])


#: Figures dated by the capex year, and by the consumable year (docs/model.md, "Dated prices"); others are not
#: indexed (placement commitments, lifetimes, capacities).
CAPEX_DATED = ("capex_eur", "maintenance_eur_per_year", "lease_eur_per_year")
CONSUMABLE_DATED = ("consumable_eur_per_case", "placement_consumable_eur_per_case")


def index_at(catalog, year: int) -> float:
    """The catalogue's price index in ``year``, held at its first or last value outside its years."""
    points = sorted((p.year, p.index) for p in catalog.price_index)
    if year <= points[0][0]:
        return points[0][1]
    if year >= points[-1][0]:
        return points[-1][1]
    return dict(points)[year]


def price_factor(catalog, scenario, device_id: str, name: str) -> float:
    """What a catalogue figure is multiplied by to be a price of the plan's first year."""
    dev = catalog.devices[device_id]
    if name in CAPEX_DATED:
        year = dev.capex_year or dev.price_date.year
    elif name in CONSUMABLE_DATED:
        year = dev.consumable_year or dev.price_date.year
    else:
        return 1.0
    start = scenario.years[0]
    if scenario.price_index_rate is not None:
        return (1 + scenario.price_index_rate) ** (start - year)
    if not catalog.price_index:
        return 1.0
    return index_at(catalog, start) / index_at(catalog, year)


def figure(catalog, scenario, device_id: str, name: str):
    """A device's catalogue figure brought to the plan's first year, or the scenario's local override of it (a
    price of that year, used as given)."""
    local = scenario.devices.get(device_id, {})
    if name in local:
        return local[name]
    value = getattr(catalog.devices[device_id], name)
    return value if value is None else value * price_factor(catalog, scenario, device_id, name)


def billed_per_case(catalog, device_id: str, price: float) -> float:
    """What the hospital bills on top of the GHS tariff for one case of a liste en sus device (the price up to
    the LPP tariff, which is not escalated nor indexed); 0 for the others."""
    dev = catalog.devices[device_id]
    if dev.funding != "liste_en_sus" or dev.lpp_tariff_eur is None:
        return 0.0
    return min(price, dev.lpp_tariff_eur)


def route_transport(scenario) -> dict[tuple[str, str], float]:
    """Transport price per case of each declared link (a generated link has the rules' price instead)."""
    return {(ln.from_site, ln.to_site): ln.transport_eur_per_case for ln in scenario.referrals}


def reference_costs(catalog, scenario, acquire, cases_t, refer=None, segmentation=None) -> ReferenceCosts:
    """Costs of a solution: ``acquire[(site, device, mode, year)]`` units, ``cases_t[(site, device, mode,
    indication, year)]`` cases, ``refer[(from, to, indication, year)]`` referred cases; ``segmentation[device]``:
    network segmentation paid per new unit (a scenario security figure, 0 when absent)."""
    years = list(scenario.years)
    start, n = years[0], len(years)
    rate = scenario.discount_rate
    esc = scenario.price_escalation
    segmentation = segmentation or {}

    def disc(year):
        return (1 + rate) ** -(year - start)

    def escalated(kind, price, year):
        return price * (1 + esc.get(kind, 0.0)) ** (year - start)

    def fig(d, name):
        return figure(catalog, scenario, d, name)

    def term(d, mode):  # years of service after acquisition; None: to the end of the horizon
        if mode == "purchase":
            return math.ceil(fig(d, "lifetime_years") - 1e-9)
        return math.ceil(fig(d, "lease_term_years") - 1e-9) if mode == "lease" else None

    def serves(acquired, year, years_of_service):
        return acquired <= year and (years_of_service is None or year < acquired + years_of_service)

    out = ReferenceCosts()
    end = (1 + rate) ** -n
    owned = defaultdict(float)  # (site, device, year) -> purchased units in service (installed + new)
    placed = defaultdict(float)
    leased = defaultdict(float)
    for site in scenario.sites:
        for d, units in site.installed.items():
            retire = site.installed_year[d] + math.ceil(fig(d, "lifetime_years") - 1e-9) \
                if d in site.installed_year else None
            for t in years:
                if retire is None or t < retire:
                    owned[(site.id, d, t)] += units
    for (s, d, m, a), units in acquire.items():
        if not units:
            continue
        price = escalated("capex", (fig(d, "capex_eur") if m == "purchase" else 0.0) + segmentation.get(d, 0.0), a)
        life = fig(d, "lifetime_years")
        used = sum(1 for t in years if serves(a, t, term(d, m)))
        residual = price * units * max(0.0, life - used) / life
        out.capex[a] += price * units
        out.residual_value += residual
        net = price * units * disc(a) - residual * end
        out.tco += net
        out.tco_by_pair[(s, d)] += net
        for t in years:
            if serves(a, t, term(d, m)):
                {"purchase": owned, "placement": placed, "lease": leased}[m][(s, d, t)] += units
    for (s, d, t), units in owned.items():
        out.maintenance[t] += escalated("maintenance", fig(d, "maintenance_eur_per_year"), t) * units
        out.tco_by_pair[(s, d)] += disc(t) * escalated("maintenance", fig(d, "maintenance_eur_per_year"), t) * units
    for (s, d, t), units in leased.items():
        out.lease[t] += fig(d, "lease_eur_per_year") * units
        out.tco_by_pair[(s, d)] += disc(t) * fig(d, "lease_eur_per_year") * units
    bought_on_placement = defaultdict(float)
    for (s, d, m, _k, t), cases in cases_t.items():
        price = fig(d, "consumable_eur_per_case")
        if m == "placement" and fig(d, "placement_consumable_eur_per_case") is not None:
            price = fig(d, "placement_consumable_eur_per_case")
        unit = escalated("consumables", price, t)
        eur = unit * cases
        out.consumables[t] += eur
        out.tco_by_pair[(s, d)] += disc(t) * eur
        out.billed[t] += billed_per_case(catalog, d, unit) * cases
        if scenario.perspective == "hospital":
            out.tco_by_pair[(s, d)] -= disc(t) * billed_per_case(catalog, d, unit) * cases
        if m == "placement":
            bought_on_placement[(s, d, t)] += eur
    for (s, d, t), units in placed.items():
        missing = max(0.0, fig(d, "placement_min_commitment_eur_per_year") * units - bought_on_placement[(s, d, t)])
        out.shortfall[t] += missing
        out.tco_by_pair[(s, d)] += disc(t) * missing
    generated = scenario.referral_rules.transport_eur_per_case if scenario.referral_rules else 0.0
    declared = route_transport(scenario)
    for (sender, receiver, _k, t), cases in (refer or {}).items():
        out.transport[t] += declared.get((sender, receiver), generated) * cases
    out.tco += sum(disc(t) * out.opex(t) for t in years)
    if scenario.perspective == "hospital":  # the TCO net of what the hospital bills on top of the GHS tariff
        out.tco -= sum(disc(t) * out.billed[t] for t in years)
    return out


def tie_break(acquire, present_t) -> float:
    """What the cost phase adds to the cost, in units: units acquired plus devices in use each year."""
    return sum(acquire.values()) + sum(present_t.values())


def solver_tco_eur(plan) -> float:
    """The TCO as HiGHS reports it: the cost phase's objective value (k EUR) less its tie-break, in euros
    (not the planner's money code evaluated again)."""
    cost_phase = plan.solver.phases[-1]
    assert cost_phase.objective.startswith("min_cost")
    return K_EUR * cost_phase.objective_value - TIE_BREAK_EUR * plan.solver.objective_tie_break


def solver_benefit(plan) -> float:
    """The value as HiGHS reports it: the value phase minimises -V."""
    value_phase = plan.solver.phases[0]
    assert value_phase.objective == "max_benefit"
    return -value_phase.objective_value

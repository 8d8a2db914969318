"""Readable text summary of a plan (the CLI's output)."""

from __future__ import annotations

from planner.catalog import Catalog
from planner.plan import ClinicalAlert, Plan
from planner.prices import capex_year, consumable_year
from planner.report.money_labels import basis_caveat, dating_label
from planner.report.specs_text import specifications_text


def eur(value: float | None) -> str:
    """Format euros with thin thousands separators.

    >>> eur(1234567.4)
    '1,234,567 EUR'
    """
    return "unlimited" if value is None else f"{value:,.0f} EUR"


def summary(plan: Plan, catalog: Catalog, lang: str = "en") -> str:
    """What to buy as functions (in ``lang``), the room configuration, acquisitions, costs, coverage and budgets
    as text."""
    lines = [f"Scenario: {plan.scenario_name}",
             f"Status: {plan.status}" + (f" (gap {plan.mip_gap:.4%})" if plan.mip_gap else ""),
             f"Solver: {plan.solver.version}, {plan.solver.time_s:.2f} s"]
    for w in plan.warnings:
        lines.append(f"Warning: {w.removeprefix('warning: ')}")
    if not plan.has_solution or plan.costs is None:
        lines += ["", "No plan:"] + [f"  - {d}" for d in plan.diagnosis]
        return "\n".join(lines)
    specs = specifications_text(plan, catalog, lang)
    lines += ["", *specs] if specs else []
    lines += ["", "Standard configuration"]
    for r in plan.rooms:
        label = "shared devices" if r.room == "shared" else f"room {r.room}"
        names = ", ".join(catalog.devices[d].name for d in r.devices) or "-"
        lines.append(f"  {r.site_id} / {label}: {names}")
    multi = len(plan.years) > 1
    lines += ["", "Acquisitions (new + installed units)"]
    basis = plan.price_basis
    for a in plan.acquisitions:
        use = "" if a.in_use else "  [idle]"
        when = f"{a.year} {a.mode:<9} " if multi or a.mode != "purchase" else ""
        repl = f"  replaces {a.replaces}" if a.replaces else ""
        row = basis.factor(a.device_id) if basis else None
        dated = f"  [{dating_label(row, 'en')}]" if row else ""
        lines.append(f"  {when}{a.site_id:<10} {a.device_id:<32} new {a.units_new}  installed {a.units_installed}"
                     f"  capex {eur(a.capex_eur)}{use}{repl}{dated}")
    for r in plan.retirements:
        fate = f"replaced by {', '.join(r.replaced_by)}" if r.replaced_by else "not replaced"
        lines.append(f"  end of life {r.year}: {r.site_id} {r.device_id} x{r.units}, {fate}")
    c = plan.costs
    per = "/year (average)" if multi else "/year"
    benefit = ("weighted events avoided (discounted sum over the years)" if multi
               else "weighted events avoided/year")
    spread = (f" (range {plan.benefit_low:,.2f} to {plan.benefit_high:,.2f} from the evidence's confidence "
              "intervals)" if plan.benefit_low is not None and plan.benefit_high is not None else "")
    per_event = plan.cost_per_weighted_event_eur
    lines += ["", f"Value: {plan.benefit:,.2f} {benefit}{spread}"]
    if per_event is not None:
        lines.append(f"Cost per weighted event avoided: {eur(per_event)}")
    lines += [
              f"Capex: {eur(c.capex_eur)}" + (" (total)" if multi else ""),
              f"Maintenance: {eur(c.maintenance_eur_per_year)}{per}",
              f"Consumables: {eur(c.consumables_eur_per_year)}{per}", f"Opex: {eur(c.opex_eur_per_year)}{per}",
              f"Annualised cost: {eur(c.annualised_eur_per_year)}/year"]
    lines += perspective_lines(plan)
    if multi:
        lines += [f"Total cost of ownership {plan.years[0]}-{plan.years[-1]} (NPV, net of residual value "
                  f"{eur(c.residual_value_eur)}): {eur(c.tco_eur)}", "", "Costs by year (EUR, escalated)",
                  "  year      capex  maintenance      lease  consumables  shortfall        total"]
        lines += [f"  {y.year} {y.capex_eur:>10,.0f} {y.maintenance_eur:>12,.0f} {y.lease_eur:>10,.0f} "
                  f"{y.consumables_eur:>12,.0f} {y.shortfall_eur:>10,.0f} {y.total_eur:>12,.0f}"
                  for y in plan.costs_by_year]
    lines += ["", "Budgets"]
    for b in plan.budgets:
        flag = "  (binding)" if b.binding else ""
        lines.append(f"  {b.name:<14} used {eur(b.used_eur)} of {eur(b.limit_eur)}{flag}")
    lines += ["", "Coverage (served / demand cases per year; weighted events avoided per year)"]
    for row in plan.coverage:
        year = f"{row.year} " if len(plan.years) > 1 else ""
        tail = (f"  referred: needs the {row.required_role} role" if row.referred_cases
                else "  required equipment" if row.required
                else f"  events {row.events_avoided:6.2f} [{row.events_low:.2f}, {row.events_high:.2f}]")
        lines.append(f"  {year}{row.site_id:<10} {row.indication_id:<28} "
                     f"{row.served_cases:8.1f} / {row.demand_cases:8.1f}"
                     f"  {row.coverage_share:6.1%}  (floor {row.min_coverage:.0%}){tail}")
    last = plan.years[-1] if plan.years else None
    flows = [f for f in plan.flows if f.year == last]
    if flows:
        lines += ["", "Referrals (cases per year; transfer minutes; weighted events lost; transport)"]
        lines += [f"  {f.from_site:<10} -> {f.to_site:<10} {f.indication_id:<28} {f.cases_per_year:7.1f}  "
                  f"{f.transfer_minutes:4.0f} min  {f.value_lost:5.2f}  {eur(f.transport_eur)}"
                  + ("  (estimates)" if f.estimate else "") for f in flows]
    outcome_rows = [o for o in plan.outcomes if o.year == last]
    if outcome_rows:
        lines += ["", "Events avoided per year by outcome (negative: events added, e.g. bleeding)"]
        lines += [f"  {o.indication_id:<28} {o.outcome_id:<22} {o.events_avoided:8.2f} "
                  f"[{o.events_low:.2f}, {o.events_high:.2f}]  severity {o.severity:g}" for o in outcome_rows]
    if plan.alerts:
        lines += ["", "Clinical alerts"] + [f"  - {alert_text(a)}" for a in plan.alerts]
    return "\n".join(lines)


def perspective_lines(plan: Plan) -> list[str]:
    """Whose costs the optimiser counted, both perspectives' totals, and how catalogue prices were dated."""
    c = plan.costs
    if c is None:
        return []
    how = ("consumables net of what is billed on top of the GHS tariff" if c.perspective == "hospital"
           else "consumables at their whole price, whoever pays")
    out = [f"Perspective of the optimisation: {c.perspective} ({how})",
           f"  total cost of ownership for the hospital: {eur(c.tco_hospital_eur)}; for the health system: "
           f"{eur(c.tco_health_system_eur)}; billed on top of the GHS tariff (liste en sus): "
           f"{eur(c.billed_on_top_eur_per_year)}/year"]
    b = plan.price_basis
    if b is not None:
        out.append(basis_caveat(b, "en") + " Each acquisition shows its price years and factor in brackets.")
    return out


def alert_text(alert: ClinicalAlert) -> str:
    """A clinical alert in plain English (the app renders the same codes in French and English).

    >>> alert_text(ClinicalAlert("referred", "main", indication_id="cardiogenic_shock", role="shock_centre",
    ...                          value=3.74))
    'main: 3.7 cases/year of cardiogenic_shock need a shock_centre site: refer them'
    """
    a = alert
    texts = {
        "referred": f"{a.site_id}: {a.value:.1f} cases/year of {a.indication_id} need a {a.role} site: refer them",
        "role_uncovered": f"{a.site_id} holds the {a.role} role but the plan serves none of its {a.indication_id} "
                          f"cases ({a.value:.1f}/year)",
        "fallback_missing": f"{a.site_id}: {a.device_id} is used without any {a.role} device as fallback",
        "below_min_volume": f"{a.site_id}: installed {a.device_id} stays idle: its family serves fewer than "
                            f"{a.value:g} cases a year here (minimum volume)",
        "role_missing_device": f"{a.site_id}: installed {a.device_id} stays idle: it needs the {a.role} role",
        "harmful_use": f"{a.site_id}: {a.device_id} serves {a.indication_id} with a net negative value "
                       f"({a.value:.2f} weighted events/year), forced by a floor",
        "no_receiver": f"{a.site_id}: {a.value:.1f} cases/year of {a.indication_id} to refer have no receiving "
                       f"site in the plan (no referral link to a {a.role or 'receiving'} site takes them)",
    }
    return texts[a.code]


def catalog_table(catalog: Catalog, family: str | None = None) -> str:
    """The catalogue as a text table, optionally one family."""
    rows = [d for d in catalog.devices.values() if family is None or d.family == family]
    head = (f"{'id':<34} {'family':<22} {'capex':>10} {'maint/yr':>9} {'cons/case':>9}  {'capex of':<9} "
            f"{'cons of':<9} {'funding':<12} {'LPP tariff':>10}  est")
    out = [head, "-" * len(head)]
    for d in sorted(rows, key=lambda d: (d.family, d.id)):
        tariff = "" if d.lpp_tariff_eur is None else f"{d.lpp_tariff_eur:,.0f}"
        out.append(f"{d.id:<34} {d.family:<22} {d.capex_eur:>10,.0f} "
                   f"{d.maintenance_eur_per_year:>9,.0f} {d.consumable_eur_per_case:>9,.0f}  "
                   f"{capex_year(d)} {d.capex_currency:<4} {consumable_year(d)} {d.consumable_currency:<4} "
                   f"{d.funding:<12} {tariff:>10}  {'yes' if d.estimate else 'no'}")
    out.append(f"{len(rows)} device(s). Amounts in EUR of their year (capex of / cons of: year and currency "
               "quoted, converted with fx_rates.csv); a plan brings them to its first year.")
    return "\n".join(out)

"""Readable text summary of a plan (the CLI's output)."""

from __future__ import annotations

from planner.catalog import Catalog
from planner.messages import (
    Arg,
    CatalogNames,
    Device,
    Eur,
    Indication,
    Join,
    Msg,
    Num,
    Opt,
    Outcome,
    Pct,
    Site,
    msg,
    render,
    site_names,
)
from planner.plan import Plan
from planner.prices import capex_year, consumable_year
from planner.report.money_labels import basis_caveat, dating_label
from planner.report.specs_text import specifications_text


class _Say:
    """Renders the summary's messages in one language, with the catalogue's and the scenario's names."""

    def __init__(self, plan: Plan, catalog: Catalog, lang: str) -> None:
        self.lang = lang
        self.names = CatalogNames(catalog, site_names(plan.scenario))

    def __call__(self, code: str | Msg, **args: Arg) -> str:
        return render(code if isinstance(code, Msg) else msg(code, **args), self.lang, self.names)

    def eur(self, value: float | None) -> Arg:
        return msg("cli.unlimited") if value is None else Eur(value)


def summary(plan: Plan, catalog: Catalog, lang: str = "en") -> str:
    """The room configuration, acquisitions, costs, coverage and budgets as text, in ``lang``."""
    say = _Say(plan, catalog, lang)
    lines = [say("cli.scenario", name=plan.scenario_name),
             say("cli.status", status=Opt("status", plan.status))
             + (say("cli.gap", gap=Pct(plan.mip_gap, 4)) if plan.mip_gap else ""),
             say("cli.solver", version=plan.solver.version, seconds=Num(plan.solver.time_s, 2))]
    lines += [say(w.as_msg()) for w in plan.warnings]
    if not plan.has_solution or plan.costs is None:
        return "\n".join([*lines, "", say("cli.no_plan"), *(say("cli.item", text=d) for d in plan.diagnosis)])
    specs = specifications_text(plan, catalog, lang)
    return "\n".join([*lines, *(["", *specs] if specs else []), *_equipment(plan, say), *_costs(plan, say),
                      *_perspective(plan, say), *_coverage(plan, say), *_clinical(plan, say)])


def _equipment(plan: Plan, say: _Say) -> list[str]:
    lines = ["", say("cli.configuration")]
    lines += [say("cli.room_line", site=Site(r.site_id),
                  room=msg("cli.shared") if r.room == "shared" else msg("cli.room", n=r.room),
                  devices=Join(tuple(map(Device, r.devices))) if r.devices else "-") for r in plan.rooms]
    multi = len(plan.years) > 1
    lines += ["", say("cli.acquisitions")]
    lines += [say("cli.acquisition", site=Site(a.site_id), device=Device(a.device_id), new=a.units_new,
                  installed=a.units_installed, capex=Eur(a.capex_eur),
                  when=msg("cli.when", year=a.year, mode=Opt("mode", a.mode)) if multi or a.mode != "purchase" else "",
                  idle="" if a.in_use else msg("cli.idle"),
                  replaces=msg("cli.replaces", device=replaced) if (replaced := plan.replaced(a.site_id, a.device_id,
                                                                                           a.year)) else "",
                  dated=_dated(plan, a.device_id, say.lang))
              for a in plan.acquisitions]
    lines += [say("cli.retirement", year=r.year, site=Site(r.site_id), device=Device(r.device_id), units=r.units,
                  fate=msg("cli.replaced_by", devices=Join(tuple(map(Device, r.replaced_by)))) if r.replaced_by
                  else msg("cli.not_replaced")) for r in plan.retirements]
    return lines


def _dated(plan: Plan, device_id: str, lang: str) -> str:
    """A line's price years, currencies and index factor, in brackets (nothing for a plan without dating)."""
    row = plan.price_basis.factor(device_id) if plan.price_basis else None
    return f"  [{dating_label(row, lang)}]" if row else ""


def _perspective(plan: Plan, say: _Say) -> list[str]:
    """Whose costs the optimiser counted, both perspectives' totals, and how catalogue prices were dated."""
    c = plan.costs
    if c is None:
        return []
    out = [say("cli.perspective", perspective=Opt("perspective", c.perspective),
               how=msg(f"cli.perspective_how.{c.perspective}")),
           say("cli.perspective_totals", hospital=Eur(c.tco_hospital_eur), system=Eur(c.tco_health_system_eur),
               billed=Eur(c.billed_on_top_eur_per_year))]
    if plan.price_basis is not None:
        out.append(basis_caveat(plan.price_basis, say.lang) + say("cli.dating_hint"))
    return out


def _costs(plan: Plan, say: _Say) -> list[str]:
    c = plan.costs
    assert c is not None
    multi = len(plan.years) > 1
    per = msg("cli.per_year_avg" if multi else "cli.per_year")
    spread = (msg("cli.spread", low=Num(plan.benefit_low, 2), high=Num(plan.benefit_high, 2))
              if plan.benefit_low is not None and plan.benefit_high is not None else "")
    lines = ["", say("cli.value_multi" if multi else "cli.value", value=Num(plan.benefit or 0.0, 2), spread=spread)]
    if plan.cost_per_weighted_event_eur is not None:
        lines.append(say("cli.per_event", eur=Eur(plan.cost_per_weighted_event_eur)))
    lines += [say("cli.capex_total" if multi else "cli.capex", eur=Eur(c.capex_eur)),
              say("cli.maintenance", eur=Eur(c.maintenance_eur_per_year), per=per),
              say("cli.consumables", eur=Eur(c.consumables_eur_per_year), per=per),
              say("cli.opex", eur=Eur(c.opex_eur_per_year), per=per),
              say("cli.annualised", eur=Eur(c.annualised_eur_per_year))]
    if multi:
        lines += [say("cli.tco", first=plan.years[0], last=plan.years[-1], residual=Eur(c.residual_value_eur),
                      eur=Eur(c.tco_eur)), "", say("cli.by_year")]
        lines += [say("cli.year_line", year=y.year, capex=Eur(y.capex_eur), maintenance=Eur(y.maintenance_eur),
                      lease=Eur(y.lease_eur), consumables=Eur(y.consumables_eur), shortfall=Eur(y.shortfall_eur),
                      total=Eur(y.total_eur)) for y in plan.costs_by_year]
    lines += ["", say("cli.budgets")]
    lines += [say("cli.budget_line", budget=_budget_name(b.name), used=Eur(b.used_eur), limit=say.eur(b.limit_eur),
                  binding=msg("cli.binding") if b.binding else "") for b in plan.budgets]
    return lines


def _budget_name(name: str) -> Arg:
    """A budget of the plan by its name: the capital budget, the running budget, or a year's envelope."""
    kind, _, year = name.partition("_")
    if year.isdigit():
        return msg(f"cli.budget.{kind}_year", year=year)
    return Opt("cli.budget", name)


def _coverage(plan: Plan, say: _Say) -> list[str]:
    lines = ["", say("cli.coverage")]
    for row in plan.coverage:
        tail = (msg("cli.referred_role", role=Opt("role", row.required_role)) if row.referred_cases
                else msg("cli.required_equipment") if row.required
                else msg("cli.events", value=Num(row.events_avoided, 2), low=Num(row.events_low, 2),
                         high=Num(row.events_high, 2)))
        lines.append(say("cli.coverage_line", when=msg("cli.year_prefix", year=row.year) if len(plan.years) > 1
                         else "", site=Site(row.site_id), indication=Indication(row.indication_id),
                         served=Num(row.served_cases, 1), demand=Num(row.demand_cases, 1),
                         share=Pct(row.coverage_share, 1), floor=Pct(row.min_coverage), tail=tail))
    return lines


def _clinical(plan: Plan, say: _Say) -> list[str]:
    last = plan.years[-1] if plan.years else None
    lines: list[str] = []
    flows = [f for f in plan.flows if f.year == last]
    if flows:
        lines += ["", say("cli.referrals")]
        lines += [say("cli.flow", from_site=Site(f.from_site), to_site=Site(f.to_site),
                      indication=Indication(f.indication_id), cases=Num(f.cases_per_year, 1),
                      minutes=Num(f.transfer_minutes), lost=Num(f.value_lost, 2), transport=Eur(f.transport_eur),
                      estimate=msg("cli.estimates") if f.estimate else "") for f in flows]
    outcomes = [o for o in plan.outcomes if o.year == last]
    if outcomes:
        lines += ["", say("cli.outcomes")]
        lines += [say("cli.outcome_line", indication=Indication(o.indication_id), outcome=Outcome(o.outcome_id),
                      value=Num(o.events_avoided, 2), low=Num(o.events_low, 2), high=Num(o.events_high, 2),
                      severity=Num(o.severity, 2)) for o in outcomes]
    if plan.alerts:
        lines += ["", say("cli.alerts"), *(say("cli.item", text=a.message) for a in plan.alerts)]
    return lines


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

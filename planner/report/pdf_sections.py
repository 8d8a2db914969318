"""The sections of the committee PDF, each a function of the plan (and, for the path, of the path it is given)
returning reportlab flowables. Tables are declared as columns (label, value of a row), so that a column added
to the catalogue or the plan (funding, price year, functional specifications) prints by adding one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from planner.catalog import Device
from planner.i18n import family_label
from planner.plan import Acquisition, CoverageRow
from planner.report.pdf_path import PrintedPath
from planner.report.pdf_style import Styles, escape, money, number, share, table
from planner.report.security_text import CLAUSES
from planner.report.xlsx_context import PlanContext


@dataclass(frozen=True)
class PdfColumn:
    """A table column: its label key, the text of a row's cell, its relative width, right-aligned or not."""

    label: str
    value: Callable[[Any], str]
    width: float = 1.0
    numeric: bool = False


def _table(ctx: PlanContext, st: Styles, columns: Sequence[PdfColumn], rows: Sequence[Any]) -> Table:
    head = [ctx.t(c.label) for c in columns]
    body = [[c.value(r) for c in columns] for r in rows]
    return table(st, head, body, [c.width for c in columns], [c.numeric for c in columns])


# ---------------------------------------------------------------- 1. summary


def summary_section(ctx: PlanContext, st: Styles) -> list[Flowable]:
    """Status, value, costs and budget use; the diagnosis when there is no plan."""
    plan, lang = ctx.plan, ctx.lang
    out: list[Flowable] = [Paragraph(ctx.t("pdf_summary"), st.h1), Paragraph(_status(ctx), st.body)]
    if not plan.has_solution or plan.costs is None:
        return out + [Paragraph(escape(ctx.say(line)), st.body) for line in plan.diagnosis]
    value = number(plan.benefit, lang, 2)
    if plan.benefit_low is not None and plan.benefit_high is not None:
        value = ctx.t("pdf_value_range", value=value, low=number(plan.benefit_low, lang, 2),
                      high=number(plan.benefit_high, lang, 2))
    costs = plan.costs
    units = sum(a.units_new for a in plan.acquisitions)
    facts = [("pdf_value", value), ("pdf_capex", money(costs.capex_eur, lang)),
             ("pdf_opex", money(costs.opex_eur_per_year, lang)), ("pdf_tco", money(costs.tco_eur, lang)),
             ("pdf_cost_per_event", money(plan.cost_per_weighted_event_eur, lang)),
             ("pdf_units", number(units, lang, 0)), ("horizon", ctx.horizon_text())]
    out.append(table(st, None, [[ctx.t(k), v] for k, v in facts], [2.2, 1.6], [False, True]))
    if plan.budgets:
        out += [Spacer(1, 6), _table(ctx, st, _BUDGET_COLUMNS(ctx), plan.budgets)]
    return out


def _status(ctx: PlanContext) -> str:
    plan = ctx.plan
    if plan.status == "optimal":
        text = ctx.t("pdf_status_optimal")
    elif plan.status == "feasible":
        text = ctx.t("pdf_status_feasible", gap=share(plan.mip_gap or 0.0, ctx.lang))
    else:
        text = ctx.t("pdf_status_none", status=ctx.label(plan.status))
    return f"<b>{ctx.t('pdf_status')}</b>{_colon(ctx.lang)}{text}"


def _colon(lang: str) -> str:
    """A colon and its spaces: French puts a no-break space before it."""
    return "\u00a0: " if lang == "fr" else ": "


def _BUDGET_COLUMNS(ctx: PlanContext) -> tuple[PdfColumn, ...]:  # noqa: N802  (a table declaration)
    return (PdfColumn("pdf_budget", lambda b: ctx.budget_label(b.name), 2.2),
            PdfColumn("pdf_limit", lambda b: "-" if b.limit_eur is None else money(b.limit_eur, ctx.lang), 1.2,
                      True),
            PdfColumn("pdf_used", lambda b: money(b.used_eur, ctx.lang) + (f" ({ctx.t('pdf_binding')})"
                                                                          if b.binding else ""), 1.4, True))


# ---------------------------------------------------------------- 2. purchase path


def path_section(ctx: PlanContext, st: Styles, path: PrintedPath | None) -> list[Flowable]:
    """The steps of the path and the tiers of the final configuration, as given (never recomputed here)."""
    out: list[Flowable] = [Paragraph(ctx.t("pdf_path"), st.h1)]
    if path is None or not path.steps:
        return out + [Paragraph(ctx.t("pdf_no_path"), st.body)]
    out.append(Paragraph(ctx.t("pdf_path_intro"), st.body))
    steps = [(i, s) for i, s in enumerate(path.steps, start=1)]
    columns = (PdfColumn("pdf_step", lambda r: str(r[0]), 0.6, True),
               PdfColumn("pdf_budget_eur", lambda r: money(r[1].budget_eur, ctx.lang), 1.4, True),
               PdfColumn("pdf_spent_eur", lambda r: money(r[1].capex_eur, ctx.lang), 1.4, True),
               PdfColumn("pdf_value_short", lambda r: number(r[1].benefit, ctx.lang, 2), 1.2, True),
               PdfColumn("pdf_entering", lambda r: "; ".join(_where(ctx, s, d) for s, d in r[1].entering), 3.4))
    out.append(_table(ctx, st, columns, steps))
    if path.tiers:
        tiers = (PdfColumn("pdf_tier", lambda t: ctx.t(f"tier_{t.tier}"), 1.0),
                 PdfColumn("device", lambda t: _where(ctx, t.site_id, t.device_id), 3.6),
                 PdfColumn("print_qty", lambda t: str(t.units), 0.5, True),
                 PdfColumn("pdf_entry", lambda t: money(t.entry_budget_eur, ctx.lang), 1.2, True))
        out += [Spacer(1, 6), Paragraph(ctx.t("pdf_tiers"), st.h2), _table(ctx, st, tiers, path.tiers)]
    return out


def _where(ctx: PlanContext, site_id: str, device_id: str) -> str:
    dev = ctx.devices.get(device_id)
    name = f"{dev.label(ctx.lang)} ({dev.vendor})" if dev else device_id
    return f"{ctx.site_name(site_id)}: {name}" if len(ctx.scenario.sites) > 1 else name


# ---------------------------------------------------------------- 3. specifications


def spec_columns(ctx: PlanContext) -> tuple[PdfColumn, ...]:
    """Columns of a family's purchase lines (year and mode for a multi-year or leasing plan)."""
    lang = ctx.lang
    dev: Callable[[Acquisition], Device] = lambda a: ctx.devices[a.device_id]  # noqa: E731
    columns = [PdfColumn("device", lambda a: dev(a).label(lang), 2.0),
               PdfColumn("vendor", lambda a: dev(a).vendor, 1.1),
               PdfColumn("print_qty", lambda a: str(a.units_new), 0.6, True),
               PdfColumn("print_unit", lambda a: money(a.unit_capex_eur, lang), 1.3, True),
               PdfColumn("print_total", lambda a: money(a.capex_eur, lang), 1.3, True)]
    if ctx.with_modes:
        columns[2:2] = [PdfColumn("year", lambda a: str(a.year), 0.8, True),
                        PdfColumn("pdf_mode", lambda a: ctx.mode_label(a.mode, a.device_id), 1.1)]
    if len(ctx.scenario.sites) > 1:
        columns.insert(0, PdfColumn("site", lambda a: ctx.site_name(a.site_id), 1.1))
    return tuple(columns)


def specs_section(ctx: PlanContext, st: Styles) -> list[Flowable]:
    """The plan's acquisitions grouped by family, with the source and date of each price."""
    out: list[Flowable] = [Paragraph(ctx.t("pdf_specs"), st.h1), Paragraph(ctx.t("pdf_specs_intro"), st.body)]
    bought = [a for a in ctx.plan.acquisitions if a.units_new > 0]
    if not bought:
        return out + [Paragraph(ctx.t("pdf_nothing"), st.body)]
    families: dict[str, list[Acquisition]] = {}
    for a in sorted(bought, key=lambda a: (family_label(a.family, ctx.lang), a.site_id, a.device_id, a.year)):
        families.setdefault(a.family, []).append(a)
    for family, lines in families.items():
        notes = [Paragraph(_price_note(ctx, ctx.devices[d]), st.small)
                 for d in dict.fromkeys(a.device_id for a in lines)]
        out.append(KeepTogether([Paragraph(family_label(family, ctx.lang), st.h2), *_function(ctx, st, family),
                                 _table(ctx, st, spec_columns(ctx), lines), *notes]))
    return out


def _function(ctx: PlanContext, st: Styles, family: str) -> list[Flowable]:
    """The family's function to specify (``Plan.specifications``), its key criteria, and per line the reference
    product "or equivalent" with the equivalents within the tolerance."""
    specs = [s for s in ctx.plan.specifications if s.family == family]
    if not specs:
        return []
    first = specs[0]
    out: list[Flowable] = [Paragraph(f"<b>{escape(ctx.t('function'))}</b>{_colon(ctx.lang)}"
                                     f"{escape(first.requirement(ctx.lang))}", st.body)]
    criteria = first.criteria(ctx.lang)
    if criteria:
        out.append(Paragraph(f"<b>{escape(ctx.t('criteria'))}</b>{_colon(ctx.lang)}"
                             + escape("; ".join(criteria)), st.small))
    for spec in specs:
        names = [ctx.product(e.device_id) for e in spec.equivalents]
        line = (f"{escape(_where(ctx, spec.site_id, spec.device_id))} — "
                f"<b>{escape(ctx.t('equivalents'))}</b>{_colon(ctx.lang)}"
                f"{escape('; '.join(names)) if names else escape(ctx.t('no_equivalent'))}")
        out.append(Paragraph(line, st.small))
    return out


def _price_note(ctx: PlanContext, dev: Device) -> str:
    estimate = ctx.t("pdf_estimate") if dev.estimate else ""
    source = dev.source
    if ctx.scenario.devices.get(dev.id):
        source = f"{ctx.t('override', fields=', '.join(ctx.scenario.devices[dev.id]))}; {source}"
    text = ctx.t("pdf_price_source", source=source, date=dev.price_date.isoformat()[:7], estimate=estimate)
    return f"<b>{escape(dev.label(ctx.lang))}</b> — {escape(text)}"


# ---------------------------------------------------------------- 4. coverage


def coverage_section(ctx: PlanContext, st: Styles) -> list[Flowable]:
    """Per site and indication (last year of the plan): cases, served, coverage, referred, events avoided."""
    out: list[Flowable] = [Paragraph(ctx.t("pdf_coverage"), st.h1)]
    last = max((c.year for c in ctx.plan.coverage), default=0)
    rows = [c for c in ctx.plan.coverage if c.year == last]
    if not rows:
        return out + [Paragraph(ctx.t("no_plan"), st.body)]
    lang = ctx.lang
    columns: list[PdfColumn] = [
        PdfColumn("pdf_indication", lambda c: _indication(ctx, c), 2.1),
        PdfColumn("pdf_cov_demand", lambda c: number(c.demand_cases, lang, 0), 0.8, True),
        PdfColumn("pdf_cov_served", lambda c: number(c.served_cases, lang, 0), 0.8, True),
        PdfColumn("pdf_cov_share", lambda c: share(c.coverage_share, lang), 1.2, True),
        PdfColumn("pdf_cov_referred", lambda c: number(c.referred_cases, lang, 0), 1.1, True),
        PdfColumn("pdf_cov_events", lambda c: "-" if c.required else number(c.events_avoided, lang, 2), 1.35, True)]
    if len(ctx.scenario.sites) > 1:
        columns.insert(0, PdfColumn("site", lambda c: ctx.site_name(c.site_id), 1.3))
    return out + [_table(ctx, st, columns, rows)]


def _indication(ctx: PlanContext, row: CoverageRow) -> str:
    ind = ctx.catalog.indications.get(row.indication_id)
    return ind.name(ctx.lang) if ind else row.indication_id


# ---------------------------------------------------------------- 5. security clauses


def security_section(ctx: PlanContext, st: Styles) -> list[Flowable]:
    """The tender clauses (MDS2, SBOM, patches...) with their regulatory basis."""
    out: list[Flowable] = [Paragraph(ctx.t("pdf_security"), st.h1), Paragraph(ctx.t("pdf_security_intro"), st.body)]
    for clause in CLAUSES:
        out.append(KeepTogether([
            Paragraph(f"{clause.id}. {escape(clause.get('title', ctx.lang))}", st.h2),
            Paragraph(escape(clause.get("text", ctx.lang)), st.body),
            Paragraph(f"<i>{ctx.t('pdf_basis')}{_colon(ctx.lang)}{escape(clause.get('basis', ctx.lang))}</i>",
                      st.small)]))
    return out

"""The Summary sheet: scenario, status, solver, headline costs and budget use as live formulas on the
procurement list, capex by family (with a native bar chart), and the data caveats (security included)."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from planner.i18n import family_label
from planner.messages import msg
from planner.report.money_labels import basis_caveat
from planner.report.xlsx_cells import (
    EUR,
    EVENTS,
    SHARE,
    UNITS,
    Formula,
    fit_widths,
    put,
    section,
    text_block,
    title,
    write_header,
)
from planner.report.xlsx_context import PlanContext
from planner.report.xlsx_network import per_site_block
from planner.report.xlsx_procurement import ProcurementRefs
from planner.report.xlsx_schedule import ScheduleRefs
from planner.report.xlsx_security import security_caveat

#: Prices older than this are flagged in the Summary's data caveats.
OLD_PRICE_YEARS = 5


def summary_sheet(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs, benefit: str,
                  schedule: ScheduleRefs | None = None, tco: str = "") -> None:
    """Write the Summary; ``benefit`` is the reference of the benefit total (Cases by device). A multi-year
    plan's headline (horizon, total capex, yearly averages, TCO) refers to ``schedule`` and the ``tco`` total."""
    plan = ctx.plan
    title(ws, ctx.t("title"))
    gap = "-" if plan.mip_gap is None else plan.mip_gap
    meta = [("scenario", ctx.scenario.name), ("generated", ctx.today.isoformat()),
            ("status", ctx.label(plan.status)), ("objective", ctx.label(plan.objective)),
            ("solver", f"{plan.solver.version}, {ctx.num(plan.solver.time_s, 2)} s"), ("mip_gap", gap)]
    for r, (key, value) in enumerate(meta, start=3):
        put(ws, r, 1, ctx.t(key), bold=True)
        put(ws, r, 2, value, "0.00%" if key == "mip_gap" else None).alignment = Alignment(horizontal="left")
    row = 3 + len(meta) + 1
    if plan.has_solution:
        if ctx.multi_year and schedule is not None:
            cells = _write_headline(ws, ctx, _multi_year_rows(ctx, refs, schedule, tco, row + 1), row)
            used = {**schedule.budget_used, "capex": cells["capex_total"]}
        else:
            cells = _headline(ws, ctx, {**refs.totals, "benefit": benefit}, row)
            used = {"capex": cells["capex"], "opex_per_year": cells["opex_y"]}
        row = _budgets_block(ws, ctx, used, row + len(cells) + 2)
        row = _family_block(ws, ctx, refs, row + 2)
        if plan.flows:  # a group whose sites refer cases to each other: the group and each site
            row = per_site_block(ws, ctx, row + 2)
    else:
        row = text_block(ws, row, ctx.t("no_plan"), [ctx.say(d) for d in plan.diagnosis])
    row = text_block(ws, row + 2, ctx.t("caveats"), _caveats(ctx))
    if plan.warnings:
        text_block(ws, row + 1, ctx.t("warnings"), [ctx.say(w.as_msg()) for w in plan.warnings])
    fit_widths(ws)
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 18


_Headline = list[tuple[str, Formula | float | str, str | None]]
#: Headline rows in bold.
_BOLD = ("capex", "opex_y", "annualised_y", "capex_total", "opex_avg", "tco_total")


def _headline(ws: Worksheet, ctx: PlanContext, totals: Mapping[str, str], top: int) -> dict[str, str]:
    """Headline costs as formulas on the procurement totals; return their cells by key."""
    r = top + 1
    rows: _Headline = [
        ("capex", Formula(totals["line_total"]), EUR),
        ("maintenance_y", Formula(totals["maint_line"]), EUR),
        ("consumables_y", Formula(totals["cons_line"]), EUR),
        ("opex_y", Formula(f"B{r + 1}+B{r + 2}"), EUR),
        ("annualised_capex_y", Formula(totals["annualised_line"]), EUR),
        ("annualised_y", Formula(f"B{r + 3}+B{r + 4}"), EUR),
        ("benefit", Formula(totals["benefit"]), EVENTS),
        *_value_rows(ctx),
        ("cost_per_event", Formula(f"B{r + 5}/B{r + 6}") if (ctx.plan.benefit or 0.0) > 0 else "-", EUR),
        *_perspective_rows(ctx),
    ]
    return _write_headline(ws, ctx, rows, top)


def _value_rows(ctx: PlanContext) -> _Headline:
    """The range of the value from the evidence's confidence intervals (rows under the value)."""
    plan = ctx.plan
    return [("benefit_low", plan.benefit_low if plan.benefit_low is not None else "-", EVENTS),
            ("benefit_high", plan.benefit_high if plan.benefit_high is not None else "-", EVENTS)]


def _multi_year_rows(ctx: PlanContext, refs: ProcurementRefs, schedule: ScheduleRefs, tco: str,
                     r: int) -> _Headline:
    """A multi-year plan's headline (first row ``r``): total capex from the procurement list, yearly averages
    and residual value from the Schedule's costs by year, the TCO from the TCO sheet."""
    s, n = schedule.totals, len(ctx.years)
    return [
        ("horizon", ctx.horizon_text(), None),
        ("discount_rate", ctx.scenario.discount_rate, "0.0%"),
        ("capex_total", Formula(refs.totals["line_total"]), EUR),
        ("maintenance_avg", Formula(f"{s['col_maintenance']}/{n}"), EUR),
        ("lease_avg", Formula(f"{s['col_lease']}/{n}"), EUR),
        ("consumables_avg", Formula(f"{s['col_consumables']}/{n}"), EUR),
        ("shortfall_avg", Formula(f"{s['col_shortfall']}/{n}"), EUR),
        ("opex_avg", Formula(f"SUM(B{r + 3}:B{r + 6})"), EUR),
        ("residual_total", Formula(s["residual"]), EUR),
        ("tco_total", Formula(tco or s["tco"]), EUR),
        ("tco_avg", Formula(f"B{r + 9}/{n}"), EUR),
        ("benefit_npv", Formula(s["col_discounted_benefit"]), EVENTS),
        *_value_rows(ctx),
        *_perspective_rows(ctx),
    ]


def _perspective_rows(ctx: PlanContext) -> _Headline:
    """Whose costs the optimiser counted, and the total cost of ownership for each payer (plan values)."""
    c = ctx.plan.costs
    if c is None:
        return []
    return [("perspective", ctx.t(f"perspective_{c.perspective}"), None),
            ("tco_hospital", c.tco_hospital_eur, EUR), ("tco_health_system", c.tco_health_system_eur, EUR),
            ("billed_y", c.billed_on_top_eur_per_year, EUR)]


def _write_headline(ws: Worksheet, ctx: PlanContext, rows: _Headline, top: int) -> dict[str, str]:
    section(ws, top, ctx.t("headline"))
    cells = {}
    for r, (key, value, fmt) in enumerate(rows, start=top + 1):
        put(ws, r, 1, ctx.t(key))
        cell = put(ws, r, 2, value, fmt, bold=key in _BOLD)
        if isinstance(value, str):
            cell.alignment = Alignment(horizontal="left")
        cells[key] = f"B{r}"
    return cells


def _budgets_block(ws: Worksheet, ctx: PlanContext, used_cells: Mapping[str, str], top: int) -> int:
    """Each budget's limit, use (a live reference), remaining amount and use share."""
    section(ws, top, ctx.t("budgets"))
    write_header(ws, top + 1, [ctx.t(k) for k in ("budget", "limit", "used", "remaining", "use_share")])
    row = top + 1
    for use in ctx.plan.budgets:
        row += 1
        put(ws, row, 1, ctx.budget_label(use.name))
        put(ws, row, 3, Formula(used_cells[use.name]), EUR)
        if use.limit_eur is None:
            put(ws, row, 2, ctx.t("unlimited"))
            continue
        put(ws, row, 2, use.limit_eur, EUR)
        put(ws, row, 4, Formula(f"B{row}-C{row}"), EUR)
        if use.limit_eur > 0:
            put(ws, row, 5, Formula(f"C{row}/B{row}"), SHARE)
    return row


def _family_block(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs, top: int) -> int:
    """Units and capex by family (SUMIF over the procurement list) and the bar chart of capex."""
    families = sorted({a.family for a in ctx.plan.acquisitions if a.units_new})
    if not families:
        return top - 2
    section(ws, top, ctx.t("by_family"))
    write_header(ws, top + 1, [ctx.t("family"), ctx.t("qty"), ctx.t("capex")])
    col = refs.column
    for r, fam in enumerate(families, start=top + 2):
        put(ws, r, 1, family_label(fam, ctx.lang))
        put(ws, r, 2, Formula(f"SUMIF({col('family')},A{r},{col('qty')})"), UNITS)
        put(ws, r, 3, Formula(f"SUMIF({col('family')},A{r},{col('line_total')})"), EUR)
    end = top + 1 + len(families)
    chart = BarChart()
    chart.type, chart.style, chart.title, chart.legend = "bar", 10, ctx.t("by_family"), None
    chart.add_data(Reference(ws, min_col=3, min_row=top + 1, max_row=end), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 2, max_row=end))
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.numFmt = EUR
    chart.y_axis.majorGridlines = None
    chart.width, chart.height = 16, max(6.0, 1.2 * len(families) + 3)
    ws.add_chart(chart, "G3")
    return end




def _caveats(ctx: PlanContext) -> list[str]:
    used = sorted({a.device_id for a in ctx.plan.acquisitions if a.units_new or a.in_use})
    devs = [ctx.devices[d] for d in used]
    out = [ctx.t("caveat_live"), ctx.say(msg("value.definition"))]
    estimated = [d.label(ctx.lang) for d in devs if d.estimate]
    if estimated:
        out.append(ctx.t("caveat_estimates", n=len(estimated), total=len(devs), names="; ".join(estimated)))
    old = [f"{d.label(ctx.lang)} ({d.price_date:%Y-%m})" for d in devs
           if (ctx.today - d.price_date).days > OLD_PRICE_YEARS * 365.25]
    if old:
        out.append(ctx.t("caveat_old", years=OLD_PRICE_YEARS, names="; ".join(old)))
    if ctx.plan.price_basis is not None:
        out.append(basis_caveat(ctx.plan.price_basis, ctx.lang, ctx.t("price_basis")))
    unknown = [d.label(ctx.lang) for d in devs if d.funding == "unknown"]
    if unknown:
        out.append(ctx.t("caveat_funding", n=len(unknown), names="; ".join(unknown)))
    if ctx.scenario.devices:
        names = [ctx.product(d) for d in ctx.scenario.devices]
        out.append(ctx.t("caveat_overrides", names="; ".join(names)))
    demanded = {c.indication_id for c in ctx.plan.coverage}
    shares = [i.name(ctx.lang) for k, i in ctx.catalog.indications.items()
              if k in demanded and i.source.lstrip().upper().startswith("EST")]
    if shares:
        out.append(ctx.t("caveat_shares", names="; ".join(shares)))
    security = security_caveat(ctx)
    return out if security is None else [*out, security]


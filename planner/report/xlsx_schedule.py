"""The Schedule sheet: what to acquire in which year and how, the installed units reaching the end of their
life, the costs of each year and the capital envelopes against the spend (with a native chart).

Quantities are live references to the procurement list, line capex is quantity x unit price, the yearly capex
is a ``SUMIF`` over the acquisitions, running costs, totals, discounted totals and the TCO line are classic
formulas on the plan's yearly cash flows and discount factors; their values equal the plan's figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.costs import discount_factor
from planner.horizon import device_offers
from planner.i18n import family_label
from planner.plan import Acquisition, BudgetUse
from planner.report.xlsx_cells import (
    CASES,
    EUR,
    SHARE,
    UNITS,
    Formula,
    finish_table,
    fit_paragraph,
    fit_widths,
    paragraph,
    put,
    section,
    sheet_ref,
    style_total,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext
from planner.report.xlsx_procurement import ProcurementRefs

YEAR = "0"
FACTOR = "0.0000"
#: Acquisitions table: column key -> number format (A..L).
_ACQ = (("year", YEAR), ("site", None), ("family", None), ("device", None), ("vendor", None), ("device_id", None),
        ("mode", None), ("units", UNITS), ("unit_capex_year", EUR), ("capex_line", EUR), ("annual_terms", EUR),
        ("replaces", None))
#: Costs-by-year table (A..L); running costs are C..F, opex G, total H, factor I, discounted total J.
_COSTS = (("year", YEAR), ("col_capex", EUR), ("col_maintenance", EUR), ("col_lease", EUR),
          ("col_consumables", EUR), ("col_shortfall", EUR), ("col_opex", EUR), ("col_total", EUR),
          ("col_factor", FACTOR), ("col_discounted", EUR), ("col_benefit", CASES),
          ("col_discounted_benefit", CASES))
_COST_LETTERS = {key: get_column_letter(i) for i, (key, _) in enumerate(_COSTS, start=1)}
#: Columns of the costs table that get a total.
_COSTS_SUMMED = ("col_capex", "col_maintenance", "col_lease", "col_consumables", "col_shortfall", "col_opex",
                 "col_total", "col_discounted", "col_benefit", "col_discounted_benefit")
_ENVELOPE = (("year", YEAR), ("envelope", EUR), ("spend", EUR), ("capex_remaining", EUR), ("use_share", SHARE),
             ("opex_envelope", EUR), ("opex_used", EUR), ("opex_remaining", EUR))


@dataclass(frozen=True)
class ScheduleRefs:
    """Where the Schedule's live figures are (absolute references with the sheet), for the Summary."""

    totals: Mapping[str, str]  # costs-by-year total per column key, and "residual" and "tco"
    budget_used: Mapping[str, str]  # budget name (capex, capex_2027, opex_2027...) -> the live cell of its use


@dataclass(frozen=True)
class _Rows:
    """Data rows and totals row of a table."""

    first: int
    last: int
    total: int


def schedule_sheet(ws: Worksheet, ctx: PlanContext, proc: ProcurementRefs) -> ScheduleRefs:
    """Write the Schedule (for every plan; a one-year plan's is short)."""
    title(ws, ctx.t("sched_title", years=ctx.horizon_text()))
    if not ctx.plan.has_solution:
        put(ws, 3, 1, ctx.t("no_plan"))
        return ScheduleRefs({}, {})
    paragraph(ws, 2, ctx.t("sched_intro", proc=proc.sheet), last_col=12)
    section(ws, 3, ctx.t("sched_acquisitions"))
    acq = _acquisitions_table(ws, ctx, proc, 4)
    row = _retirements_table(ws, ctx, acq.total + 2)
    costs = _costs_table(ws, ctx, acq, row + 2)
    used = _envelope_table(ws, ctx, costs, costs.total + 4)
    fit_widths(ws, wrap={"B": 26, "D": 34, "E": 18, "L": 40}, fixed={"A": 12})
    fit_paragraph(ws, 2, 12)
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    name = ctx.sheet("sheet_schedule")
    totals = {key: sheet_ref(name, f"${_COST_LETTERS[key]}${costs.total}") for key in _COSTS_SUMMED}
    totals["residual"] = sheet_ref(name, f"$H${costs.total + 1}")
    totals["tco"] = sheet_ref(name, f"$J${costs.total + 2}")
    return ScheduleRefs(totals, {key: sheet_ref(name, ref) for key, ref in used.items()})


def _acquisitions_table(ws: Worksheet, ctx: PlanContext, proc: ProcurementRefs, head: int) -> _Rows:
    """One line per acquisition of new units; quantities refer to the procurement list."""
    site_order = {s.id: i for i, s in enumerate(ctx.scenario.sites)}
    lines = sorted((a for a in ctx.plan.acquisitions if a.units_new > 0),
                   key=lambda a: (a.year, site_order.get(a.site_id, 0), a.family, a.device_id, a.mode))
    proc_rows = {(a.site_id, a.device_id, a.year, a.mode): r for a, r in proc.lines}
    write_header(ws, head, [ctx.t(key) for key, _ in _ACQ])
    rows = [_acquisition_values(ctx, a, proc.cell("qty", proc_rows[(a.site_id, a.device_id, a.year, a.mode)]))
            for a in lines]
    last = write_rows(ws, head + 1, rows or [[ctx.t("no_acquisition")]], [fmt for _, fmt in _ACQ])
    for r in range(head + 1, head + 1 + len(rows)):
        put(ws, r, 10, Formula(f"H{r}*I{r}"), EUR)
        ws[f"A{r}"].alignment = Alignment(horizontal="center", vertical="top")
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    put(ws, total, 8, Formula(f"SUM(H{head + 1}:H{last})"), UNITS)
    put(ws, total, 10, Formula(f"SUM(J{head + 1}:J{last})"), EUR)
    style_total(ws, total, 1, len(_ACQ))
    finish_table(ws, head, len(_ACQ), last)
    return _Rows(head + 1, last, total)


def _acquisition_values(ctx: PlanContext, a: Acquisition, qty_ref: str) -> list[Any]:
    dev = ctx.devices[a.device_id]
    offer = next(o for o in device_offers(dev, (a.mode,)) if o.mode == a.mode)
    terms = {"lease": offer.lease_eur_per_year, "placement": offer.min_commitment_eur_per_year}.get(a.mode)
    return [a.year, ctx.site_name(a.site_id), family_label(a.family, ctx.lang), dev.label(ctx.lang), dev.vendor, dev.id,
            ctx.mode_label(a.mode, a.device_id), Formula(qty_ref), a.unit_capex_eur, None, terms,
            _replaces_text(ctx, a)]


def _replaces_text(ctx: PlanContext, a: Acquisition) -> str:
    """The retiring installed units an acquisition replaces, in words ("" when none)."""
    replaced = ctx.plan.replaced(a.site_id, a.device_id, a.year)
    return ctx.say(replaced) if replaced is not None else (a.replaces or "")


def _retirements_table(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    """Installed units reaching the end of their life: when, and what replaces them (in H:L, merged); return
    the last row."""
    section(ws, top, ctx.t("sched_retirements"))
    keys = ("retire_year", "site", "family", "device", "vendor", "device_id", "units", "replaced_by")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    site_order = {s.id: i for i, s in enumerate(ctx.scenario.sites)}
    rows = []
    for ret in sorted(ctx.plan.retirements, key=lambda x: (x.year, site_order.get(x.site_id, 0), x.device_id)):
        dev = ctx.devices[ret.device_id]
        by = "; ".join(ctx.devices[d].label(ctx.lang) for d in ret.replaced_by) or ctx.t("not_replaced")
        rows.append([ret.year, ctx.site_name(ret.site_id), family_label(dev.family, ctx.lang), dev.label(ctx.lang),
                     dev.vendor, dev.id, ret.units, by])
    last = write_rows(ws, top + 2, rows or [[ctx.t("no_retirement")]], (YEAR,) + (None,) * 5 + (UNITS,))
    for r in range(top + 1, top + 2 + len(rows)):
        ws.merge_cells(start_row=r, start_column=8, end_row=r, end_column=12)
        ws[f"H{r}"].alignment = Alignment(wrap_text=True, vertical="top" if r > top + 1 else "center")
        if r > top + 1:
            ws[f"A{r}"].alignment = Alignment(horizontal="center", vertical="top")
            ws[f"G{r}"].alignment = Alignment(horizontal="center", vertical="top")
    return last


def _costs_table(ws: Worksheet, ctx: PlanContext, acq: _Rows, top: int) -> _Rows:
    """Cash flows of each year: capex as a SUMIF over the acquisitions, running costs from the plan, live opex,
    totals, discounted totals; then the residual value and the TCO line."""
    section(ws, top, ctx.t("sched_costs"))
    write_header(ws, top + 1, [ctx.t(key) for key, _ in _COSTS])
    first = top + 2
    rows = [[y.year, Formula(f"SUMIF($A${acq.first}:$A${acq.last},A{r},$J${acq.first}:$J${acq.last})"),
             y.maintenance_eur, y.lease_eur, y.consumables_eur, y.shortfall_eur, Formula(f"SUM(C{r}:F{r})"),
             Formula(f"B{r}+G{r}"), y.discount_factor, Formula(f"H{r}*I{r}"), y.benefit, Formula(f"K{r}*I{r}")]
            for r, y in enumerate(ctx.plan.costs_by_year, start=first)]
    last = write_rows(ws, first, rows, [fmt for _, fmt in _COSTS])
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    for key in _COSTS_SUMMED:
        letter = _COST_LETTERS[key]
        fmt = dict(_COSTS)[key]
        put(ws, total, ord(letter) - 64, Formula(f"SUM({letter}{first}:{letter}{max(last, first)})"), fmt)
    style_total(ws, total, 1, len(_COSTS))
    _tco_lines(ws, ctx, total)
    return _Rows(first, last, total)


def _tco_lines(ws: Worksheet, ctx: PlanContext, total: int) -> None:
    """Below the totals: the residual value (H), its discount factor (I) and present value (J), and the TCO."""
    residual = 0.0 if ctx.plan.costs is None else ctx.plan.costs.residual_value_eur
    end = discount_factor(ctx.scenario.discount_rate, len(ctx.years))
    r, tco = total + 1, total + 2
    for row, key, last_col in ((r, "residual_row", 7), (tco, "tco_row", 9)):
        put(ws, row, 1, ctx.t(key), bold=row == tco)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    put(ws, r, 8, residual, EUR)
    put(ws, r, 9, end, FACTOR)
    put(ws, r, 10, Formula(f"H{r}*I{r}"), EUR)
    put(ws, tco, 10, Formula(f"J{total}-J{r}"), EUR, bold=True)
    style_total(ws, tco, 1, 10)


def _envelope_table(ws: Worksheet, ctx: PlanContext, costs: _Rows, top: int) -> dict[str, str]:
    """Capital envelope against spend per year (cumulative with carry-over) and the running budgets, with a
    chart; return the cell of each budget's use by budget name."""
    cumulative = ctx.multi_year and ctx.scenario.budget.carry_over
    section(ws, top, ctx.t("sched_envelope_cum" if cumulative else "sched_envelope"))
    chart_title = ctx.t("chart_envelope_cum" if cumulative else "chart_envelope")
    head = top + 1
    write_header(ws, head, [ctx.t(key) for key, _ in _ENVELOPE])
    budgets = {b.name: b for b in ctx.plan.budgets}
    used = {"capex": f"$B${costs.total}"}
    r = head
    for r, year in enumerate(ctx.years, start=head + 1):
        capex_row = costs.first + r - head - 1
        spend = f"SUM($B${costs.first}:B{capex_row})" if cumulative else f"B{capex_row}"
        cap, opex = _year_budgets(ctx, budgets, year)
        _envelope_row(ws, r, year, cap, Formula(spend), opex, Formula(f"G{capex_row}"))
        used[cap.name if cap else f"capex_{year}"] = f"C{r}"
        used[opex.name if opex else f"opex_{year}"] = f"G{r}"
    last = r
    whole = budgets.get("capex")
    if ctx.multi_year and whole is not None and whole.limit_eur is not None:
        r += 1
        _envelope_row(ws, r, ctx.t("whole_horizon"), whole, Formula(f"B{costs.total}"), None, None)
        used["capex"] = f"C{r}"
    _envelope_chart(ws, chart_title, head, last, any(_year_budgets(ctx, budgets, y)[0] for y in ctx.years))
    return used


def _year_budgets(ctx: PlanContext, budgets: Mapping[str, BudgetUse],
                  year: int) -> tuple[BudgetUse | None, BudgetUse | None]:
    """The capital and running budgets of a year (a one-year plan's are the plan-wide ones)."""
    if ctx.multi_year:
        return budgets.get(f"capex_{year}"), budgets.get(f"opex_{year}")
    return budgets.get("capex"), budgets.get("opex_per_year")


def _envelope_row(ws: Worksheet, r: int, label: int | str, cap: BudgetUse | None, spend: Formula,
                  opex: BudgetUse | None, opex_used: Formula | None) -> None:
    put(ws, r, 1, label, YEAR).alignment = Alignment(horizontal="center")
    put(ws, r, 3, spend, EUR)
    _limit_cells(ws, r, 2, cap)
    if opex_used is not None:
        put(ws, r, 7, opex_used, EUR)
        _limit_cells(ws, r, 6, opex)


def _limit_cells(ws: Worksheet, r: int, col: int, use: BudgetUse | None) -> None:
    """The limit in ``col``, the remaining amount next to the used one, and the capital use share."""
    if use is None or use.limit_eur is None:
        put(ws, r, col, "-").alignment = Alignment(horizontal="right")
        return
    limit, used = get_column_letter(col), get_column_letter(col + 1)
    put(ws, r, col, use.limit_eur, EUR)
    put(ws, r, col + 2, Formula(f"{limit}{r}-{used}{r}"), EUR)
    if col == 2 and use.limit_eur > 0:
        put(ws, r, 5, Formula(f"C{r}/B{r}"), SHARE)


def _envelope_chart(ws: Worksheet, chart_title: str, head: int, last: int, with_envelope: bool) -> None:
    """Spend by year as columns, the envelope as a line (same axes)."""
    chart = BarChart()
    chart.type, chart.style, chart.title = "col", 10, chart_title
    years = Reference(ws, min_col=1, min_row=head + 1, max_row=last)
    chart.add_data(Reference(ws, min_col=3, min_row=head, max_row=last), titles_from_data=True)
    chart.set_categories(years)
    if with_envelope:
        line = LineChart()
        line.add_data(Reference(ws, min_col=2, min_row=head, max_row=last), titles_from_data=True)
        line.set_categories(years)
        line.series[0].marker.symbol = "circle"  # a one-year plan's envelope is a single point
        chart += line
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.numFmt = EUR
    chart.legend.position = "b"
    chart.width, chart.height = 18, 8
    ws.add_chart(chart, f"J{head}")


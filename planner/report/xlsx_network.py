"""The Referrals sheet of the plan workbook (a plan with referral links between sites): the flows and, per
site, what it serves itself, refers and receives, with the group's totals as live formulas."""

from __future__ import annotations

from collections import defaultdict

from openpyxl.worksheet.worksheet import Worksheet

from planner.report.xlsx_cells import (
    CASES,
    EUR,
    EVENTS,
    Formula,
    finish_table,
    fit_widths,
    put,
    section,
    style_total,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext


def referrals_sheet(ws: Worksheet, ctx: PlanContext) -> None:
    """Flows (from, to, indication, cases a year, minutes, value lost, transport), then per site."""
    year = ("year",) if ctx.multi_year else ()
    keys = (*year, "ref_from", "ref_to", "indication", "cases_y", "ref_minutes", "ref_value_lost", "ref_transport",
            "ref_estimate")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    rows = [[*((f.year,) if year else ()), ctx.site_name(f.from_site), ctx.site_name(f.to_site),
             ctx.catalog.indications[f.indication_id].name(ctx.lang), f.cases_per_year, f.transfer_minutes,
             f.value_lost, f.transport_eur, ctx.t("yes" if f.estimate else "no")] for f in ctx.plan.flows]
    last = write_rows(ws, 2, rows, (*(("0",) if year else ()), None, None, None, CASES, "0", EVENTS, EUR, None))
    finish_table(ws, 1, len(keys), last)
    total = last + 1
    put(ws, total, 1, ctx.t("total"), bold=True)
    for key, fmt in (("cases_y", CASES), ("ref_value_lost", EVENTS), ("ref_transport", EUR)):
        col = keys.index(key) + 1
        letter = ws.cell(row=1, column=col).column_letter
        put(ws, total, col, Formula(f"=SUM({letter}2:{letter}{max(last, 2)})"), fmt, bold=True)
    style_total(ws, total, 1, len(keys))
    per_site_block(ws, ctx, total + 2)
    fit_widths(ws, wrap={"A": 30, "B": 30, "C": 45})


def per_site_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    """Per site (last year of the plan): cases served itself, referred to others, received, events avoided,
    and the group's totals (formulas); also on the Summary of a plan with referrals. Returns the last row."""
    last_year = ctx.plan.years[-1] if ctx.plan.years else 0
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in ctx.plan.coverage:
        if c.year == last_year:
            row = acc[c.site_id]
            row[0] += c.served_cases - c.received_cases
            row[2] += c.received_cases
            row[3] += c.events_avoided
    for f in ctx.plan.flows:
        if f.year == last_year:
            acc[f.from_site][1] += f.cases_per_year
    section(ws, top, ctx.t("ref_per_site"))
    keys = ("site", "ref_served_self", "ref_referred", "ref_received", "events_avoided")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = [[ctx.site_name(s), *acc[s]] for s in sorted(acc, key=ctx.site_name)]
    last = write_rows(ws, top + 2, rows, (None, CASES, CASES, CASES, EVENTS))
    total = last + 1
    put(ws, total, 1, ctx.t("ref_group"), bold=True)
    for col, fmt in ((2, CASES), (3, CASES), (4, CASES), (5, EVENTS)):
        letter = ws.cell(row=top + 1, column=col).column_letter
        put(ws, total, col, Formula(f"=SUM({letter}{top + 2}:{letter}{max(last, top + 2)})"), fmt, bold=True)
    style_total(ws, total, 1, len(keys))
    return total

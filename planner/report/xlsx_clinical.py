"""The Room configuration, Clinical coverage and Cases by device sheets of the plan workbook."""

from __future__ import annotations

from collections import defaultdict

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.report.xlsx_cells import (
    CASES,
    EVENTS,
    PLAIN,
    SHARE,
    Formula,
    finish_table,
    fit_widths,
    put,
    sheet_ref,
    style_total,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext


def rooms_sheet(ws: Worksheet, ctx: PlanContext) -> None:
    keys = ("site", "room", "family", "device", "vendor", "device_id")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    rows = []
    for room in ctx.plan.rooms:
        label = ctx.t("shared") if room.room == "shared" else ctx.t("room_n", n=room.room)
        site = ctx.site_name(room.site_id)
        none = [[site, label, "", ctx.t("none")]]
        rows += [[site, label, *ctx.device_label(d)] for d in room.devices] or none
    last = write_rows(ws, 2, rows, ())
    finish_table(ws, 1, len(keys), last)
    fit_widths(ws, wrap={"A": 30, "D": 45})


def coverage_sheet(ws: Worksheet, ctx: PlanContext) -> None:
    """Demand and served cases per site and indication (and year, in a multi-year plan)."""
    year = ("year",) if ctx.multi_year else ()
    keys = (*year, "site", "indication", "base_activity", "demand", "served", "coverage_share", "floor",
            "weight", "not_covered", "referred", "role_needed", "events_avoided", "events_low", "events_high",
            "floor_met", "served_by")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    by_device: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for a in ctx.plan.allocation:
        name = ctx.devices[a.device_id].label(ctx.lang)
        item = ctx.t("served_by_item", name=name, cases=ctx.num(a.cases_per_year, 1))
        by_device[(a.site_id, a.indication_id, a.year)].append(item)
    rows = []
    for c in ctx.plan.coverage:
        ind = ctx.catalog.indications[c.indication_id]
        met = c.served_cases >= c.min_coverage * c.demand_cases - 1e-6
        rows.append([*((c.year,) if year else ()), ctx.site_name(c.site_id), ind.name(ctx.lang),
                     ctx.t(ind.base_activity), c.demand_cases, c.served_cases, c.coverage_share, c.min_coverage,
                     c.weight, c.not_covered_cases, c.referred_cases,
                     ctx.t(f"role_{c.required_role}") if c.required_role else "-",
                     c.events_avoided, c.events_low, c.events_high, ctx.t("yes" if met else "no"),
                     "; ".join(by_device[(c.site_id, c.indication_id, c.year)]) or "-"])
    last = write_rows(ws, 2, rows, (*(("0",) if year else ()), None, None, None, CASES, CASES, SHARE, SHARE, PLAIN,
                                    CASES, CASES, None, EVENTS, EVENTS, EVENTS))
    for r in range(2, last + 1):
        for key in ("floor_met", *year):
            ws.cell(row=r, column=keys.index(key) + 1).alignment = Alignment(horizontal="center")
    finish_table(ws, 1, len(keys), last)
    shift = len(year)
    fit_widths(ws, wrap={get_column_letter(1 + shift): 30, get_column_letter(2 + shift): 45,
                         get_column_letter(keys.index("role_needed") + 1): 30,
                         get_column_letter(keys.index("served_by") + 1): 60})


def cases_sheet(ws: Worksheet, ctx: PlanContext) -> str:
    """Allocation rows (per year in a multi-year plan) with their benefit; return the reference of the benefit
    total (a multi-year plan's is undiscounted: the Schedule discounts it year by year)."""
    year = ("year",) if ctx.multi_year else ()
    keys = (*year, "site", "indication", "family", "device", "vendor", "device_id", "cases_y", "effectiveness",
            "weight", "benefit_short")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    eff = {(c.device_id, c.indication_id): c.effectiveness for c in ctx.catalog.coverage}
    weight = {(c.site_id, c.indication_id): c.weight for c in ctx.plan.coverage}
    rows = [[*((a.year,) if year else ()), ctx.site_name(a.site_id),
             ctx.catalog.indications[a.indication_id].name(ctx.lang), *ctx.device_label(a.device_id),
             a.cases_per_year, eff.get((a.device_id, a.indication_id), 0.0),
             weight.get((a.site_id, a.indication_id), 0.0), a.benefit] for a in ctx.plan.allocation]
    last = write_rows(ws, 2, rows, (*(("0",) if year else ()), *(None,) * 6, CASES, PLAIN, PLAIN, CASES))
    total = max(last, 1) + 1
    cases, benefit = (get_column_letter(keys.index(k) + 1) for k in ("cases_y", "benefit_short"))
    put(ws, total, 1, ctx.t("total"))
    put(ws, total, keys.index("cases_y") + 1, Formula(f"SUM({cases}2:{cases}{max(last, 2)})"), CASES)
    put(ws, total, keys.index("benefit_short") + 1, Formula(f"SUM({benefit}2:{benefit}{max(last, 2)})"), CASES)
    style_total(ws, total, 1, len(keys))
    finish_table(ws, 1, len(keys), last)
    shift = len(year)
    fit_widths(ws, wrap={get_column_letter(1 + shift): 30, get_column_letter(2 + shift): 45,
                         get_column_letter(4 + shift): 40})
    for r in range(2, last + 1 if year else 2):
        ws[f"A{r}"].alignment = Alignment(horizontal="center", vertical="top")
    return sheet_ref(ctx.sheet("sheet_cases"), f"${benefit}${total}")

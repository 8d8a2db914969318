"""Excel workbooks: the plan for buyers and committees, and the sheets the importers read back.

:func:`plan_to_xlsx_bytes` writes Summary, Purchases (print), Procurement list, Specifications (each purchase
line as a function, its reference product and equivalents), Schedule (acquisitions by year and mode,
retirements, costs by year, capital envelopes), TCO (per device and site), Room configuration, Clinical
coverage, Cases by device, Assumptions, Security, Referrals (when sites refer cases to each other), and the
importable sheets (price overrides, installed equipment, the scenario file). Every sheet is set up for A4
(:mod:`planner.report.xlsx_print`). Every number comes from the :class:`~planner.plan.Plan`; line totals,
subtotals and totals are classic live formulas (quantity x price, ``SUM``, ``SUMIF``) so that a buyer who
edits a quantity sees the totals move.

User text (names, notes, sources) is always stored as a text cell, with Excel's quote prefix when it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, so it can never become a formula. Only
:class:`Formula` values are written as formulas, and they never embed user text.

The sheets are written by the ``planner.report.xlsx_*`` modules; this module assembles the workbook and
keeps the public names (they are re-exported here).
"""

from __future__ import annotations

import os
from datetime import date

from openpyxl import Workbook

from planner.catalog import Catalog
from planner.ingest.imports import SCENARIO_SHEET
from planner.io import write_atomic
from planner.plan import Plan
from planner.report.xlsx_assumptions import assumptions_sheet
from planner.report.xlsx_cells import (
    CASES,
    EUR,
    EUR_CENTS,
    FORMULA_TRIGGERS,
    PLAIN,
    SHARE,
    UNITS,
    Formula,
    finish_table,
    fit_widths,
    page_setup,
    put,
    save_bytes,
    section,
    style_total,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_clinical import cases_sheet, coverage_sheet, rooms_sheet
from planner.report.xlsx_context import PlanContext, plan_context
from planner.report.xlsx_network import referrals_sheet
from planner.report.xlsx_print import PageText, data_view_repeat, print_layout, print_sheet
from planner.report.xlsx_procurement import PROC, ProcurementRefs, procurement_sheet
from planner.report.xlsx_roundtrip import (
    catalog_to_xlsx_bytes,
    installed_to_xlsx_bytes,
    price_overrides_to_xlsx_bytes,
    write_installed_sheet,
    write_price_sheet,
    write_scenario_sheet,
)
from planner.report.xlsx_schedule import ScheduleRefs, schedule_sheet
from planner.report.xlsx_security import security_sheet
from planner.report.xlsx_specs import specs_sheet
from planner.report.xlsx_summary import OLD_PRICE_YEARS, summary_sheet
from planner.report.xlsx_tco import tco_sheet
from planner.scenario import Scenario

__all__ = [
    "CASES", "EUR", "EUR_CENTS", "FORMULA_TRIGGERS", "OLD_PRICE_YEARS", "PLAIN", "PROC", "SHARE", "UNITS",
    "XLSX_MIME", "Formula", "PlanContext", "ProcurementRefs", "ScheduleRefs", "catalog_to_xlsx_bytes", "finish_table",
    "fit_widths", "installed_to_xlsx_bytes", "page_setup", "plan_to_xlsx_bytes", "plan_workbook",
    "price_overrides_to_xlsx_bytes", "put", "save_bytes", "section", "style_total", "title", "write_header",
    "write_installed_sheet", "write_plan_xlsx", "write_price_sheet", "write_rows", "write_scenario_sheet",
]

#: MIME type of the workbooks, for download buttons.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_to_xlsx_bytes(plan: Plan, catalog: Catalog, scenario: Scenario, lang: str = "fr",
                       today: date | None = None) -> bytes:
    """The plan as an .xlsx workbook in ``lang`` ("fr" or "en"), ready for a download button.

    ``scenario`` must be the scenario the plan was made from (its price overrides and indication parameters
    fill the Assumptions); ``today`` is the edition date shown (default: today).
    """
    return save_bytes(plan_workbook(plan, catalog, scenario, lang, today))


def write_plan_xlsx(path: str | os.PathLike[str], plan: Plan, catalog: Catalog, scenario: Scenario,
                    lang: str = "fr", today: date | None = None) -> None:
    """Write the plan workbook to ``path`` atomically (the previous file stays intact on failure)."""
    write_atomic(path, plan_to_xlsx_bytes(plan, catalog, scenario, lang, today))


def plan_workbook(plan: Plan, catalog: Catalog, scenario: Scenario, lang: str = "fr",
                  today: date | None = None) -> Workbook:
    """Build the plan workbook (see the module docstring for its sheets)."""
    ctx = plan_context(plan, catalog, scenario, lang, today)
    wb = Workbook()
    wb.properties.title = f"{ctx.t('title')}: {scenario.name}"[:250]
    wb.properties.creator = "cathlab-planner"
    summary = wb.active
    summary.title = ctx.sheet("sheet_summary")
    refs = procurement_sheet(wb.create_sheet(ctx.sheet("sheet_procurement")), ctx)
    print_sheet(wb.create_sheet(ctx.sheet("sheet_print"), 1), ctx, refs)
    specs_sheet(wb.create_sheet(ctx.sheet("sheet_specs")), ctx)
    schedule = schedule_sheet(wb.create_sheet(ctx.sheet("sheet_schedule")), ctx, refs)
    tco = tco_sheet(wb.create_sheet(ctx.sheet("sheet_tco")), ctx)
    rooms_sheet(wb.create_sheet(ctx.sheet("sheet_rooms")), ctx)
    coverage_sheet(wb.create_sheet(ctx.sheet("sheet_coverage")), ctx)
    benefit = cases_sheet(wb.create_sheet(ctx.sheet("sheet_cases")), ctx)
    assumptions_sheet(wb.create_sheet(ctx.sheet("sheet_assumptions")), ctx)
    security_sheet(wb.create_sheet(ctx.sheet("sheet_security")), ctx, refs)
    if plan.flows:
        referrals_sheet(wb.create_sheet(ctx.sheet("sheet_referrals")), ctx)
    write_price_sheet(wb.create_sheet(ctx.sheet("sheet_prices")), scenario, catalog)
    write_installed_sheet(wb.create_sheet(ctx.sheet("sheet_installed")), scenario, catalog)
    write_scenario_sheet(wb.create_sheet(SCENARIO_SHEET), scenario)
    summary_sheet(summary, ctx, refs, benefit, schedule, tco)
    text = PageText(scenario.name, f"{ctx.t('generated')} {ctx.today.isoformat()}", ctx.t("page_of"))
    for ws in wb.worksheets:
        print_layout(ws, text, data_view_repeat(refs) if ws.title == refs.sheet else None)
    return wb

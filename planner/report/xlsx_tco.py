"""The TCO sheet: the total cost of ownership of each device at each site over the horizon.

Cash totals (capex, maintenance, lease fees, consumables, unconsumed placement commitments), the residual value
of purchases and the TCO (NPV net of residual value) come from :attr:`Plan.tco_by_device`; the cash total of a
line and the column totals are live formulas, and the TCO total equals ``plan.costs.tco_eur``. The NPV itself
is not re-computed in Excel (it needs the yearly flows: they are on the Schedule sheet).
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.report.xlsx_cells import (
    EUR,
    Formula,
    finish_table,
    fit_paragraph,
    fit_widths,
    paragraph,
    put,
    sheet_ref,
    style_total,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext

#: Columns after the four device cells and the site (F..M); K is the live cash total.
_MONEY = ("cash_capex", "cash_maintenance", "cash_lease", "cash_consumables", "cash_shortfall", "cash_total",
          "residual", "tco")
_KEYS = ("site", "family", "device", "vendor", "device_id", *_MONEY)
_LETTER = {key: get_column_letter(i) for i, key in enumerate(_KEYS, start=1)}
_HEAD = 7


def tco_sheet(ws: Worksheet, ctx: PlanContext) -> str:
    """Write the TCO sheet; return the absolute reference of the TCO total (empty without a plan)."""
    title(ws, ctx.t("tco_title", years=ctx.horizon_text()))
    if not ctx.plan.has_solution or ctx.plan.costs is None:
        put(ws, 3, 1, ctx.t("no_plan"))
        return ""
    years = ctx.years
    rate = ctx.pct(ctx.scenario.discount_rate, 1)
    paragraph(ws, 2, ctx.t("tco_note", start=years[0], last=years[-1], rate=rate), last_col=len(_KEYS))
    facts = (("horizon", ctx.horizon_text(), None), ("discount_rate", ctx.scenario.discount_rate, "0.0%"),
             ("tco_plan", ctx.plan.costs.tco_eur, EUR))
    for r, (key, value, fmt) in enumerate(facts, start=3):
        put(ws, r, 1, ctx.t(key), bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        put(ws, r, 4, value, fmt, bold=key == "tco_plan").alignment = Alignment(horizontal="left")
    last, total = _table(ws, ctx)
    fit_widths(ws, wrap={"A": 26, "C": 36, "D": 18})
    ws["A1"].alignment = Alignment(wrap_text=False)
    fit_paragraph(ws, 2, len(_KEYS))
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    finish_table(ws, _HEAD, len(_KEYS), last)
    return sheet_ref(ctx.sheet("sheet_tco"), f"${_LETTER['tco']}${total}")


def _table(ws: Worksheet, ctx: PlanContext) -> tuple[int, int]:
    """The per-device table and its live totals; return the last data row and the totals row."""
    write_header(ws, _HEAD, [ctx.t(k) for k in _KEYS])
    site_order = {s.id: i for i, s in enumerate(ctx.scenario.sites)}
    lines = sorted(ctx.plan.tco_by_device, key=lambda d: (site_order.get(d.site_id, 0),
                                                          ctx.devices[d.device_id].family, d.device_id))
    first = _HEAD + 1
    rows = [[ctx.site_name(d.site_id), *ctx.device_label(d.device_id), d.capex_eur, d.maintenance_eur,
             d.lease_eur, d.consumables_eur, d.shortfall_eur, Formula(f"SUM(F{r}:J{r})"), d.residual_value_eur,
             d.tco_eur] for r, d in enumerate(lines, start=first)]
    last = write_rows(ws, first, rows or [[ctx.t("none")]], (None,) * 5 + (EUR,) * len(_MONEY))
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    for key in _MONEY:
        letter = _LETTER[key]
        put(ws, total, _KEYS.index(key) + 1, Formula(f"SUM({letter}{first}:{letter}{last})"), EUR)
    style_total(ws, total, 1, len(_KEYS))
    ws[f"{_LETTER['tco']}{total}"].font = Font(bold=True)
    return last, total

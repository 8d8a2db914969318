"""The Procurement list sheet: one line per item to buy (and per installed item that carries running costs), the
function to specify first, then the reference product and its equivalents (``Plan.specifications``).

Line totals, totals and per-site subtotals are classic live formulas (quantity x price, ``SUM``), so a buyer
who edits a quantity sees the totals move; their values equal the plan's figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.catalog import Device
from planner.horizon import device_offers
from planner.i18n import family_label
from planner.plan import Acquisition, PurchaseSpec
from planner.report.money_labels import dating_label, funding_text
from planner.report.xlsx_cells import (
    CASES,
    EUR,
    EUR_CENTS,
    PLAIN,
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
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext
from planner.security import segmentation_cost

#: Procurement-list columns and their number formats; line totals and totals are formulas.
_PROC_SPEC: tuple[tuple[str, str | None], ...] = (
    ("site", None), ("family", None), ("function", None), ("device", None), ("vendor", None), ("device_id", None),
    ("equivalents", None), ("line_status", None), ("qty", UNITS), ("unit_price", EUR), ("segmentation_unit", EUR),
    ("line_total", EUR), ("installed_units", UNITS), ("maint_unit", EUR), ("maint_line", EUR),
    ("cons_case", EUR_CENTS), ("cases_y", CASES), ("cons_line", EUR), ("lifetime", PLAIN),
    ("annualised_line", EUR), ("price_date", None), ("estimate", None), ("price_source", None),
    ("price_basis", None), ("funding", None))
_PROC_COLS = tuple(key for key, _ in _PROC_SPEC)
#: Column letter of each procurement-list column.
PROC = {key: get_column_letter(i) for i, key in enumerate(_PROC_COLS, start=1)}
#: Live formulas of a procurement line (``{key}`` stands for that column's cell on the same row).
_PROC_FORMULAS = {
    "line_total": "{qty}*({unit_price}+{segmentation_unit})",
    "maint_line": "({qty}+{installed_units})*{maint_unit}",
    "cons_line": "{cons_case}*{cases_y}",
    "annualised_line": "{line_total}/{lifetime}",
}


#: Columns a plan with several years or acquisition modes adds before the line status.
_MODE_SPEC: tuple[tuple[str, str | None], ...] = (("year", "0"), ("mode", None))


def proc_spec(with_modes: bool) -> tuple[tuple[str, str | None], ...]:
    """The columns of the list: :data:`PROC`'s, plus year and mode for a multi-year plan (or other modes)."""
    if not with_modes:
        return _PROC_SPEC
    at = _PROC_COLS.index("line_status")
    return _PROC_SPEC[:at] + _MODE_SPEC + _PROC_SPEC[at:]


#: Columns the totals row sums.
SUMMED = ("qty", "line_total", "installed_units", "maint_line", "cons_line", "annualised_line")


@dataclass(frozen=True)
class ProcurementRefs:
    """Where the procurement list is: its sheet, data rows, totals and the row of each acquisition."""

    sheet: str
    first: int
    last: int
    totals: dict[str, str]  # column key -> absolute reference of its total (with the sheet)
    lines: tuple[tuple[Acquisition, int], ...]  # acquisition -> its row
    letters: Mapping[str, str] = field(default_factory=lambda: PROC)  # column key -> letter

    def column(self, key: str) -> str:
        """Absolute reference of a column's data rows, with the sheet (for SUMIF and SUMPRODUCT)."""
        letter = self.letters[key]
        return sheet_ref(self.sheet, f"${letter}${self.first}:${letter}${self.last}")

    def cell(self, key: str, row: int) -> str:
        """Reference of one cell of the list, with the sheet."""
        return sheet_ref(self.sheet, f"{self.letters[key]}{row}")


def segmentation_per_unit(ctx: PlanContext, a: Acquisition) -> float:
    """Network segmentation of one new unit: the plan's figure, or the scenario's rule for a line with no
    new unit (so that a buyer who adds one sees it charged)."""
    if a.units_new:
        return a.segmentation_eur / a.units_new
    return segmentation_cost(ctx.devices[a.device_id], ctx.scenario.security)


def _sorted_acquisitions(ctx: PlanContext) -> list[Acquisition]:
    """Grouped by site (scenario order), purchases first, then by family, device, year and mode."""
    site_order = {s.id: i for i, s in enumerate(ctx.scenario.sites)}
    return sorted(ctx.plan.acquisitions, key=lambda a: (site_order.get(a.site_id, 0), a.units_new == 0,
                                                        a.family, a.device_id, a.year, a.mode))


def _planned_cases(ctx: PlanContext, acquisitions: Sequence[Acquisition]) -> list[float | None]:
    """Cases per year of each line: the yearly average over the horizon on the first line of a site and device,
    none on the others (a one-year purchase-only plan has one line per site and device)."""
    total: dict[tuple[str, str], float] = defaultdict(float)
    for row in ctx.plan.allocation:
        total[(row.site_id, row.device_id)] += row.cases_per_year
    years = max(1, len(ctx.years))
    seen: set[tuple[str, str]] = set()
    out: list[float | None] = []
    for a in acquisitions:
        key = (a.site_id, a.device_id)
        out.append(None if key in seen else total[key] / years)
        seen.add(key)
    return out


def _line_values(ctx: PlanContext, a: Acquisition, cases: float | None) -> dict[str, Any]:
    """The cells of one line by column key. The plan's unit capex includes the network segmentation of a new
    unit; the list shows the device price and the segmentation apart. Lease and placement units carry no
    maintenance; placed units use the placement consumable price."""
    dev = ctx.devices[a.device_id]
    spec = next((s for s in ctx.plan.specifications if (s.site_id, s.device_id) == (a.site_id, a.device_id)), None)
    new = "line_new" if ctx.with_modes else "purchase"
    status = new if a.units_new else "installed_in_use" if a.in_use else "installed_idle"
    offer = next(o for o in device_offers(dev, (a.mode,)) if o.mode == a.mode)
    segmentation = segmentation_per_unit(ctx, a)
    return {
        "site": ctx.site_name(a.site_id), "family": family_label(a.family, ctx.lang),
        "function": spec.requirement(ctx.lang) if spec else None, "device": dev.label(ctx.lang), "vendor": dev.vendor,
        "device_id": dev.id, "equivalents": _equivalent_names(ctx, spec), "line_status": ctx.t(status),
        "qty": a.units_new,
        "year": a.year, "mode": ctx.mode_label(a.mode, a.device_id) if a.units_new else "-",
        "unit_price": a.unit_capex_eur - segmentation if a.units_new else dev.capex_eur,
        "segmentation_unit": segmentation,
        "installed_units": a.units_installed, "maint_unit": offer.maintenance_eur_per_year,
        "cons_case": offer.consumable_eur_per_case, "cases_y": cases,
        "lifetime": dev.lifetime_years, "price_date": dev.price_date.isoformat()[:7],
        "estimate": ctx.t("yes" if dev.estimate else "no"), "price_source": _price_source(ctx, dev),
        "price_basis": _dating(ctx, dev), "funding": funding_text(dev, ctx.lang)}


def _dating(ctx: PlanContext, dev: Device) -> str:
    """The year, currency and index factor of a line's catalogue prices (a scenario price is of the plan's year)."""
    basis = ctx.plan.price_basis
    row = basis.factor(dev.id) if basis else None
    if row is None:
        return "-"
    text = dating_label(row, ctx.lang)
    return f"{ctx.t('override', fields=', '.join(ctx.scenario.devices[dev.id]))}; {text}" \
        if ctx.scenario.devices.get(dev.id) else text


def _equivalent_names(ctx: PlanContext, spec: PurchaseSpec | None) -> str | None:
    """The equivalent products of a purchase line, by name ("; "-separated); none for an installed line."""
    if spec is None:
        return None
    return "; ".join(ctx.product(e.device_id) for e in spec.equivalents)


def _price_source(ctx: PlanContext, dev: Device) -> str:
    override = ctx.scenario.devices.get(dev.id)
    if override:
        return f"{ctx.t('override', fields=', '.join(override))}; {dev.source}"
    return dev.source



def procurement_sheet(ws: Worksheet, ctx: PlanContext) -> ProcurementRefs:
    """Write the list; return where its lines and totals are (for the Summary, Schedule and Security sheets)."""
    spec = proc_spec(ctx.with_modes)
    keys = [key for key, _ in spec]
    letters = {key: get_column_letter(i) for i, key in enumerate(keys, start=1)}
    acquisitions = _sorted_acquisitions(ctx)
    cases_label = "cases_y_avg" if ctx.multi_year else "cases_y"
    write_header(ws, 1, [ctx.t(cases_label if k == "cases_y" else k) for k in keys])
    lines = [_line_values(ctx, a, n) for a, n in zip(acquisitions, _planned_cases(ctx, acquisitions), strict=True)]
    empty = [ctx.t("nothing_to_buy" if ctx.plan.has_solution else "no_plan")]
    formats = [fmt for _, fmt in spec]
    last = write_rows(ws, 2, [[v.get(k) for k in keys] for v in lines] or [empty], formats)
    for r in range(2, 2 + len(lines)):
        cells = {key: f"{letter}{r}" for key, letter in letters.items()}
        for key, formula in _PROC_FORMULAS.items():
            put(ws, r, keys.index(key) + 1, Formula(formula.format(**cells)), EUR)
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    for key in SUMMED:
        col = keys.index(key) + 1
        put(ws, total, col, Formula(f"SUM({letters[key]}2:{letters[key]}{last})"), formats[col - 1])
    style_total(ws, total, 1, len(keys))
    finish_table(ws, 1, len(keys), last)
    top = total + 2
    if ctx.multi_year:
        paragraph(ws, top, ctx.t("proc_note_multi", schedule=ctx.sheet("sheet_schedule"),
                                 tco=ctx.sheet("sheet_tco")), last_col=10)
        top += 2
    _site_subtotals(ws, ctx, [a.site_id for a in acquisitions], top, letters)
    _layout(ws, last, letters)
    if ctx.multi_year:
        fit_paragraph(ws, total + 2, 10)
    name = ctx.sheet("sheet_procurement")
    return ProcurementRefs(name, 2, last, {key: sheet_ref(name, f"${letters[key]}${total}") for key in SUMMED},
                           tuple(zip(acquisitions, range(2, 2 + len(lines)), strict=True)), letters)


def _layout(ws: Worksheet, last: int, p: Mapping[str, str]) -> None:
    fit_widths(ws, wrap={p["site"]: 26, p["function"]: 44, p["device"]: 36, p["vendor"]: 18, p["equivalents"]: 44,
                         p["price_source"]: 60, p["price_basis"]: 36, p["funding"]: 36})
    centred = ("price_date", "estimate", "year") if "year" in p else ("price_date", "estimate")
    for r in range(2, last + 1):
        for key in centred:
            ws[f"{p[key]}{r}"].alignment = Alignment(horizontal="center", vertical="top")
    ws.page_setup.paperSize = ws.PAPERSIZE_A3


def _site_subtotals(ws: Worksheet, ctx: PlanContext, sites: Sequence[str], top: int,
                    letters: Mapping[str, str]) -> None:
    """Per-site subtotals (lines are grouped by site, so each is a SUM over a contiguous block)."""
    blocks: dict[str, list[int]] = {}
    for row, site in enumerate(sites, start=2):
        blocks.setdefault(site, []).append(row)
    if len(blocks) < 2:
        return
    section(ws, top, ctx.t("subtotal_site"))
    keys = ("line_total", "maint_line", "cons_line", "annualised_line")
    write_header(ws, top + 1, [ctx.t("site")] + [ctx.t(k) for k in keys])
    for r, (site, rows) in enumerate(blocks.items(), start=top + 2):
        put(ws, r, 1, ctx.site_name(site))
        for c, key in enumerate(keys, start=2):
            put(ws, r, c, Formula(f"SUM({letters[key]}{rows[0]}:{letters[key]}{rows[-1]})"), EUR)

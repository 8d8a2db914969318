"""Excel workbooks: the plan for buyers and committees, and the sheets the importers read back.

:func:`plan_to_xlsx_bytes` writes Summary, Procurement list, Room configuration, Clinical coverage, Cases by
device, Assumptions, and two importable sheets (price overrides, installed equipment). Every number comes
from the :class:`~planner.plan.Plan`; line totals, subtotals and totals are classic live formulas
(quantity x price, ``SUM``, ``SUMIF``) so that a buyer who edits a quantity sees the totals move.

User text (names, notes, sources) is always stored as a text cell, with Excel's quote prefix when it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, so it can never become a formula. Only
:class:`Formula` values are written as formulas, and they never embed user text.
"""

from __future__ import annotations

import io
import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.catalog import Catalog, Device
from planner.i18n import check_lang, family_label, t
from planner.imports import INSTALLED_COLUMNS, PRICE_LIST_COLUMNS, SCENARIO_SHEET
from planner.inputs import effective_devices, indication_params
from planner.io import write_atomic
from planner.plan import Plan
from planner.scenario import Scenario
from planner.schema import PRICE_FIELDS, TABLES

#: MIME type of the workbooks, for download buttons.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EUR = '#,##0 "€"'
EUR_CENTS = '#,##0.00 "€"'
CASES = "#,##0.0"
UNITS = "#,##0"
SHARE = "0.0%"
PLAIN = "0.###"
BLUE = "1F4E78"
_HEADER_FILL = PatternFill("solid", fgColor=BLUE)
_TOTAL_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="9BB7D4")
#: Prices older than this are flagged in the Summary's data caveats.
OLD_PRICE_YEARS = 5


@dataclass(frozen=True)
class Formula:
    """A formula written by the planner (without the leading ``=``); user text never goes into one."""

    text: str


# ---------------------------------------------------------------- cells and tables


def put(ws: Worksheet, row: int, col: int, value: Any, fmt: str | None = None, bold: bool = False) -> Cell:
    """Write one cell: :class:`Formula` as a formula, ``str`` always as text (injection-safe)."""
    cell: Cell = ws.cell(row=row, column=col)
    if isinstance(value, Formula):
        cell.value = f"={value.text}"
    elif isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
        cell.value = text
        cell.data_type = "s"
        if text.lstrip(" ").startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    else:
        cell.value = value
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_header(ws: Worksheet, row: int, labels: Sequence[str], col: int = 1) -> None:
    """A table header: white bold text on blue, wrapped."""
    for offset, label in enumerate(labels):
        cell = put(ws, row, col + offset, label)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(bottom=_THIN)


def write_rows(ws: Worksheet, top: int, rows: Iterable[Sequence[Any]], formats: Sequence[str | None],
               col: int = 1) -> int:
    """Write rows from ``top``; return the last row written (``top - 1`` when there is none)."""
    row = top - 1
    for row, values in enumerate(rows, start=top):
        for offset, value in enumerate(values):
            put(ws, row, col + offset, value, formats[offset] if offset < len(formats) else None)
    return row


def style_total(ws: Worksheet, row: int, first: int, last: int) -> None:
    """Bold, shaded totals row with a rule above."""
    for col in range(first, last + 1):
        cell = ws.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = _TOTAL_FILL
        cell.border = Border(top=_THIN)


def title(ws: Worksheet, text: str) -> None:
    """The sheet's title in A1."""
    put(ws, 1, 1, text).font = Font(bold=True, size=16, color=BLUE)
    ws.row_dimensions[1].height = 24


def section(ws: Worksheet, row: int, title: str) -> None:
    """A section title inside a sheet."""
    put(ws, row, 1, title).font = Font(bold=True, size=12, color=BLUE)


def finish_table(ws: Worksheet, header_row: int, ncols: int, last_row: int, freeze: bool = True) -> None:
    """Frozen header, auto-filter over the data, print setup."""
    if freeze:
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{max(last_row, header_row + 1)}"
    ws.print_title_rows = f"{header_row}:{header_row}"


def page_setup(ws: Worksheet, footer: str) -> None:
    """A4 landscape, one page wide, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.left.text = footer.replace("&", "&&")[:200]
    ws.oddFooter.right.text = "&P / &N"


def fit_widths(ws: Worksheet, minimum: float = 8, maximum: float = 50,
               wrap: Mapping[str, float] | None = None) -> None:
    """Column widths that fit the content (text length, formatted numbers; headers wrap on three lines).

    ``wrap`` caps the width of long-text columns (letter -> width) and wraps their text; rows then grow.
    """
    wrap = wrap or {}
    widths: dict[int, float] = defaultdict(lambda: minimum)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.coordinate in ws.merged_cells:
                continue
            header = _is_header(cell)
            widths[cell.column] = max(widths[cell.column], _width(cell, header))
            if not header and wrap:
                cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top",
                                           wrap_text=get_column_letter(cell.column) in wrap)
    for col, width in widths.items():
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(maximum, wrap.get(letter, maximum), width)
    _fit_heights(ws, wrap)


def _fit_heights(ws: Worksheet, wrap: Mapping[str, float]) -> None:
    """Row heights for wrapped headers and text (spreadsheet apps do not grow rows of a generated file)."""
    for row in ws.iter_rows():
        lines, header = 1, False
        for cell in row:
            letter = get_column_letter(cell.column)
            if not isinstance(cell.value, str) or cell.coordinate in ws.merged_cells:
                continue
            header = header or _is_header(cell)
            if header or letter in wrap:
                per_line = max(1.0, (ws.column_dimensions[letter].width or 10) * (0.9 if header else 1.1))
                parts = cell.value.split("\n")
                lines = max(lines, sum(math.ceil(max(len(part), 1) / per_line) for part in parts))
        if lines > 1 or header:
            ws.row_dimensions[row[0].row].height = 15 * lines + (6 if header else 0)


def _is_header(cell: Cell) -> bool:
    return cell.fill.fill_type == "solid" and str(cell.fill.fgColor.rgb).endswith(BLUE)


def _width(cell: Cell, header: bool) -> float:
    value = cell.value
    if header:
        return max(len(str(value)) / 3 + 4, max(len(w) for w in str(value).split()) + 3)
    if cell.data_type == "f":
        return 16
    if isinstance(value, int | float):
        return len(f"{value:,.2f}") + 4
    return max((len(line) for line in str(value).splitlines()), default=0) + 2


def _ref(sheet: str, coordinate: str) -> str:
    """A cross-sheet reference; the sheet name is quoted (a quote inside it doubled)."""
    return "'{}'!{}".format(sheet.replace("'", "''"), coordinate)


def save_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- plan workbook


@dataclass(frozen=True)
class _Ctx:
    plan: Plan
    catalog: Catalog
    scenario: Scenario
    lang: str
    devices: Mapping[str, Device]
    today: date

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def sheet(self, key: str) -> str:
        return t(key, self.lang)

    def site_name(self, site_id: str) -> str:
        return next((s.name for s in self.scenario.sites if s.id == site_id), site_id)


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
    check_lang(lang)
    if _canonical(plan.scenario) != _canonical(scenario.to_dict()):
        msg = f"the plan was made for another scenario than {scenario.name!r}"
        raise ValueError(msg)
    if plan.catalog_fingerprint and catalog.fingerprint and plan.catalog_fingerprint != catalog.fingerprint:
        msg = "the plan was made with another catalogue (fingerprints differ)"
        raise ValueError(msg)
    ctx = _Ctx(plan, catalog, scenario, lang, effective_devices(catalog, scenario), today or date.today())
    wb = Workbook()
    wb.properties.title = f"{ctx.t('title')}: {scenario.name}"[:250]
    wb.properties.creator = "cathlab-planner"
    summary = wb.active
    summary.title = ctx.sheet("sheet_summary")
    totals = _procurement_sheet(wb.create_sheet(ctx.sheet("sheet_procurement")), ctx)
    _rooms_sheet(wb.create_sheet(ctx.sheet("sheet_rooms")), ctx)
    _coverage_sheet(wb.create_sheet(ctx.sheet("sheet_coverage")), ctx)
    totals["benefit"] = _cases_sheet(wb.create_sheet(ctx.sheet("sheet_cases")), ctx)
    _assumptions_sheet(wb.create_sheet(ctx.sheet("sheet_assumptions")), ctx)
    write_price_sheet(wb.create_sheet(ctx.sheet("sheet_prices")), scenario, catalog)
    write_installed_sheet(wb.create_sheet(ctx.sheet("sheet_installed")), scenario, catalog)
    write_scenario_sheet(wb.create_sheet(SCENARIO_SHEET), scenario)
    _summary_sheet(summary, ctx, totals)
    for ws in wb.worksheets:
        page_setup(ws, f"{scenario.name} - {ctx.t('generated')} {ctx.today.isoformat()}")
    return wb


def _canonical(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, default=str)


# ---- procurement list

#: Procurement-list columns and their number formats; line totals and totals are formulas.
_PROC_SPEC: tuple[tuple[str, str | None], ...] = (
    ("site", None), ("family", None), ("device", None), ("vendor", None), ("device_id", None),
    ("line_status", None), ("qty", UNITS), ("unit_price", EUR), ("segmentation_unit", EUR),
    ("line_total", EUR), ("installed_units", UNITS), ("maint_unit", EUR), ("maint_line", EUR),
    ("cons_case", EUR_CENTS), ("cases_y", CASES), ("cons_line", EUR), ("lifetime", PLAIN),
    ("annualised_line", EUR), ("price_date", None), ("estimate", None), ("price_source", None))
_PROC_COLS = tuple(key for key, _ in _PROC_SPEC)
_PROC_FORMATS = tuple(fmt for _, fmt in _PROC_SPEC)
#: Column letter of each procurement-list column.
PROC = {key: get_column_letter(i) for i, key in enumerate(_PROC_COLS, start=1)}
#: Live formulas of a procurement line (``{key}`` stands for that column's cell on the same row).
_PROC_FORMULAS = {
    "line_total": "{qty}*({unit_price}+{segmentation_unit})",
    "maint_line": "({qty}+{installed_units})*{maint_unit}",
    "cons_line": "{cons_case}*{cases_y}",
    "annualised_line": "{line_total}/{lifetime}",
}


def _col(key: str) -> int:
    return _PROC_COLS.index(key) + 1


def _procurement_rows(ctx: _Ctx) -> list[tuple[str, list[Any]]]:
    """(site id, cells) per acquisition: purchases first, then installed units (they carry running costs).

    The plan's unit capex includes the network segmentation of a new unit; the list shows the device price
    and the segmentation apart.
    """
    cases: dict[tuple[str, str], float] = defaultdict(float)
    for row in ctx.plan.allocation:
        cases[(row.site_id, row.device_id)] += row.cases_per_year
    site_order = {s.id: i for i, s in enumerate(ctx.scenario.sites)}
    acquisitions = sorted(ctx.plan.acquisitions, key=lambda a: (site_order.get(a.site_id, 0),
                                                                a.units_new == 0, a.family, a.device_id))
    out = []
    for a in acquisitions:
        dev = ctx.devices[a.device_id]
        status = "purchase" if a.units_new else "installed_in_use" if a.in_use else "installed_idle"
        values = {
            "site": ctx.site_name(a.site_id), "family": family_label(a.family, ctx.lang), "device": dev.name,
            "vendor": dev.vendor, "device_id": dev.id, "line_status": ctx.t(status), "qty": a.units_new,
            "unit_price": dev.capex_eur, "segmentation_unit": a.unit_capex_eur - dev.capex_eur,
            "installed_units": a.units_installed, "maint_unit": dev.maintenance_eur_per_year,
            "cons_case": dev.consumable_eur_per_case, "cases_y": cases[(a.site_id, a.device_id)],
            "lifetime": dev.lifetime_years, "price_date": dev.price_date.isoformat()[:7],
            "estimate": ctx.t("yes" if dev.estimate else "no"), "price_source": _price_source(ctx, dev)}
        out.append((a.site_id, [values.get(key) for key in _PROC_COLS]))
    return out


def _price_source(ctx: _Ctx, dev: Device) -> str:
    override = ctx.scenario.devices.get(dev.id)
    if override:
        return f"{ctx.t('override', fields=', '.join(override))}; {dev.source}"
    return dev.source


def _procurement_sheet(ws: Worksheet, ctx: _Ctx) -> dict[str, str]:
    """Write the list; return the absolute references of its totals (for the Summary)."""
    write_header(ws, 1, [ctx.t(k) for k in _PROC_COLS])
    rows = _procurement_rows(ctx) or [("", [ctx.t("nothing_to_buy" if ctx.plan.has_solution else "no_plan")])]
    last = write_rows(ws, 2, (cells for _, cells in rows), _PROC_FORMATS)
    p = PROC
    for r in range(2, last + 1):
        if ws[f"{p['unit_price']}{r}"].value is None:
            continue
        cells = {key: f"{letter}{r}" for key, letter in p.items()}
        for key, formula in _PROC_FORMULAS.items():
            put(ws, r, _col(key), Formula(formula.format(**cells)), EUR)
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    summed = ("qty", "line_total", "installed_units", "maint_line", "cons_line", "annualised_line")
    for key in summed:
        put(ws, total, _col(key), Formula(f"SUM({p[key]}2:{p[key]}{last})"), _PROC_FORMATS[_col(key) - 1])
    style_total(ws, total, 1, len(_PROC_COLS))
    finish_table(ws, 1, len(_PROC_COLS), last)
    _site_subtotals(ws, ctx, [site for site, _ in rows], total + 2)
    fit_widths(ws, wrap={p["site"]: 26, p["device"]: 36, p["vendor"]: 18, p["price_source"]: 60})
    for r in range(2, last + 1):
        for key in ("price_date", "estimate"):
            ws[f"{p[key]}{r}"].alignment = Alignment(horizontal="center", vertical="top")
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    name = ctx.sheet("sheet_procurement")
    return {key: _ref(name, f"${p[key]}${total}") for key in summed} | {
        "sheet": name, "first": "2", "last": str(last)}


def _site_subtotals(ws: Worksheet, ctx: _Ctx, sites: Sequence[str], top: int) -> None:
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
            put(ws, r, c, Formula(f"SUM({PROC[key]}{rows[0]}:{PROC[key]}{rows[-1]})"), EUR)


# ---- rooms, coverage, cases


def _device_label(ctx: _Ctx, device_id: str) -> list[str]:
    dev = ctx.devices[device_id]
    return [family_label(dev.family, ctx.lang), dev.name, dev.vendor, dev.id]


def _rooms_sheet(ws: Worksheet, ctx: _Ctx) -> None:
    keys = ("site", "room", "family", "device", "vendor", "device_id")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    rows = []
    for room in ctx.plan.rooms:
        label = ctx.t("shared") if room.room == "shared" else ctx.t("room_n", n=room.room)
        site = ctx.site_name(room.site_id)
        none = [[site, label, "", ctx.t("none")]]
        rows += [[site, label, *_device_label(ctx, d)] for d in room.devices] or none
    last = write_rows(ws, 2, rows, ())
    finish_table(ws, 1, len(keys), last)
    fit_widths(ws, wrap={"A": 30, "D": 45})


def _coverage_sheet(ws: Worksheet, ctx: _Ctx) -> None:
    keys = ("site", "indication", "base_activity", "demand", "served", "coverage_share", "floor", "weight",
            "floor_met", "served_by")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    by_device: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in ctx.plan.allocation:
        name = ctx.devices[a.device_id].name
        by_device[(a.site_id, a.indication_id)].append(f"{name}: {a.cases_per_year:,.1f}")
    rows = []
    for c in ctx.plan.coverage:
        ind = ctx.catalog.indications[c.indication_id]
        met = c.served_cases >= c.min_coverage * c.demand_cases - 1e-6
        rows.append([ctx.site_name(c.site_id), ind.name(ctx.lang), ctx.t(ind.base_activity), c.demand_cases,
                     c.served_cases, c.coverage_share, c.min_coverage, c.weight,
                     ctx.t("yes" if met else "no"), "; ".join(by_device[(c.site_id, c.indication_id)]) or "-"])
    last = write_rows(ws, 2, rows, (None, None, None, CASES, CASES, SHARE, SHARE, PLAIN))
    for r in range(2, last + 1):
        ws[f"I{r}"].alignment = Alignment(horizontal="center")
    finish_table(ws, 1, len(keys), last)
    fit_widths(ws, wrap={"A": 30, "B": 45, "J": 60})


def _cases_sheet(ws: Worksheet, ctx: _Ctx) -> str:
    """Allocation rows with their benefit; return the reference of the benefit total."""
    keys = ("site", "indication", "family", "device", "vendor", "device_id", "cases_y", "effectiveness",
            "weight", "benefit_short")
    write_header(ws, 1, [ctx.t(k) for k in keys])
    eff = {(c.device_id, c.indication_id): c.effectiveness for c in ctx.catalog.coverage}
    weight = {(c.site_id, c.indication_id): c.weight for c in ctx.plan.coverage}
    rows = [[ctx.site_name(a.site_id), ctx.catalog.indications[a.indication_id].name(ctx.lang),
             *_device_label(ctx, a.device_id), a.cases_per_year, eff.get((a.device_id, a.indication_id), 0.0),
             weight.get((a.site_id, a.indication_id), 0.0), a.benefit] for a in ctx.plan.allocation]
    last = write_rows(ws, 2, rows, (None,) * 6 + (CASES, PLAIN, PLAIN, CASES))
    total = max(last, 1) + 1
    put(ws, total, 1, ctx.t("total"))
    put(ws, total, 7, Formula(f"SUM(G2:G{max(last, 2)})"), CASES)
    put(ws, total, 10, Formula(f"SUM(J2:J{max(last, 2)})"), CASES)
    style_total(ws, total, 1, len(keys))
    finish_table(ws, 1, len(keys), last)
    fit_widths(ws, wrap={"A": 30, "B": 45, "D": 40})
    return _ref(ctx.sheet("sheet_cases"), f"$J${total}")


# ---- assumptions


def _assumptions_sheet(ws: Worksheet, ctx: _Ctx) -> None:
    s = ctx.scenario
    title(ws, ctx.t("sheet_assumptions"))
    _paragraph(ws, 2, ctx.t("assumptions_note", prices=ctx.sheet("sheet_prices"),
                            installed=ctx.sheet("sheet_installed"), yaml=SCENARIO_SHEET), last_col=8)
    budget = {k: (ctx.t("unlimited") if v is None else v) for k, v in
              (("capex", s.budget.capex_eur), ("opex", s.budget.opex_eur_per_year))}
    settings = [("scenario", s.name), ("objective", ctx.t(s.objective)), ("solver", s.solver.name),
                ("time_limit", s.solver.time_limit_s), ("mip_gap", s.solver.mip_gap),
                ("threads", s.solver.threads or ctx.t("auto")), ("catalogue", s.catalog or ctx.t("bundled")),
                ("fingerprint", ctx.plan.catalog_fingerprint or "-"),
                ("budget_capex", budget["capex"]), ("budget_opex_per_year", budget["opex"])]
    for r, (key, value) in enumerate(settings, start=4):
        put(ws, r, 1, ctx.t(key), bold=True)
        cell = put(ws, r, 2, value, EUR if key.startswith("budget") else None)
        cell.alignment = Alignment(horizontal="left")
    row = _other_settings(ws, ctx, 4 + len(settings))
    row = _sites_block(ws, ctx, row + 2)
    row = _indications_block(ws, ctx, row + 2)
    for key, ids in (("must_include", s.must_include), ("exclude", s.exclude)):
        row += 2
        section(ws, row, ctx.t(key))
        for dev_id in ids or ("-",):
            row += 1
            put(ws, row, 1, dev_id)
            put(ws, row, 2, ctx.devices[dev_id].name if dev_id in ctx.devices else "")
    fit_widths(ws, wrap={"A": 42, "B": 45})


#: Scenario keys the Assumptions sheet shows in their own blocks.
_SHOWN_KEYS = {"name", "objective", "budget", "sites", "indications", "devices", "must_include", "exclude",
               "solver", "catalog"}


def _other_settings(ws: Worksheet, ctx: _Ctx, row: int) -> int:
    """Any other scenario setting (security rules, policies...) as ``key.sub_key: value`` lines."""
    for key, value in ctx.scenario.to_dict().items():
        if key in _SHOWN_KEYS:
            continue
        items = value.items() if isinstance(value, Mapping) else [("", value)]
        for sub, val in items:
            put(ws, row, 1, f"{key}.{sub}" if sub else key, bold=True)
            shown = ctx.t("yes" if val else "no") if isinstance(val, bool) else "-" if val is None else val
            put(ws, row, 2, shown if isinstance(shown, int | float) else str(shown)).alignment = Alignment(
                horizontal="left")
            row += 1
    return row


def write_scenario_sheet(ws: Worksheet, scenario: Scenario) -> None:
    """The complete scenario file (YAML), one line per row in column A, for
    :func:`planner.imports.scenario_from_workbook`."""
    for row, line in enumerate(scenario.to_yaml().splitlines(), start=1):
        put(ws, row, 1, line).font = Font(name="Courier New", size=9)
    ws.column_dimensions["A"].width = 100


def _sites_block(ws: Worksheet, ctx: _Ctx, top: int) -> int:
    section(ws, top, ctx.t("sites"))
    keys = ("site_id", "name", "rooms", "angio_vendor", "activity_cag", "activity_pci", "activity_stemi",
            "volumes")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = [[s.id, s.name, s.rooms, s.angio_vendor, *(s.activity.get(a, 0.0) for a in ("cag", "pci", "stemi")),
             "; ".join(f"{k}: {v:g}" for k, v in s.volumes.items()) or "-"]
            for s in ctx.scenario.sites]
    return write_rows(ws, top + 2, rows, (None, None, UNITS, None, UNITS, UNITS, UNITS))


def _indications_block(ws: Worksheet, ctx: _Ctx, top: int) -> int:
    section(ws, top, ctx.t("indications"))
    keys = ("indication", "name", "base_activity", "share", "weight", "floor", "origin")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = []
    for ind in ctx.catalog.indications.values():
        share, weight, floor = indication_params(ctx.catalog, ctx.scenario, ind)
        override = ctx.scenario.indications.get(ind.id)
        fields = [k for k in ("share", "weight", "min_coverage")
                  if override is not None and getattr(override, k) is not None]
        origin = ctx.t("from_scenario", fields=", ".join(fields)) if fields else ctx.t("from_catalogue")
        rows.append([ind.id, ind.name(ctx.lang), ctx.t(ind.base_activity), share, weight, floor, origin])
    return write_rows(ws, top + 2, rows, (None, None, None, SHARE, PLAIN, SHARE))


# ---- summary


def _summary_sheet(ws: Worksheet, ctx: _Ctx, totals: Mapping[str, str]) -> None:
    plan = ctx.plan
    title(ws, ctx.t("title"))
    gap = "-" if plan.mip_gap is None else plan.mip_gap
    meta = [("scenario", ctx.scenario.name), ("generated", ctx.today.isoformat()),
            ("status", _label(ctx, plan.status)), ("objective", _label(ctx, plan.objective)),
            ("solver", f"{plan.solver.version}, {plan.solver.time_s:.2f} s"), ("mip_gap", gap)]
    for r, (key, value) in enumerate(meta, start=3):
        put(ws, r, 1, ctx.t(key), bold=True)
        put(ws, r, 2, value, "0.00%" if key == "mip_gap" else None).alignment = Alignment(horizontal="left")
    row = 3 + len(meta) + 1
    if plan.has_solution:
        cells = _headline(ws, ctx, totals, row)
        row = _budgets_block(ws, ctx, cells, row + 9)
        row = _family_block(ws, ctx, totals, row + 2)
    else:
        row = _text_block(ws, row, ctx.t("no_plan"), plan.diagnosis)
    row = _text_block(ws, row + 2, ctx.t("caveats"), _caveats(ctx))
    if plan.warnings:
        _text_block(ws, row + 1, ctx.t("warnings"), plan.warnings)
    fit_widths(ws)
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 18


def _label(ctx: _Ctx, key: str) -> str:
    try:
        return ctx.t(key)
    except KeyError:
        return key


def _headline(ws: Worksheet, ctx: _Ctx, totals: Mapping[str, str], top: int) -> dict[str, str]:
    """Headline costs as formulas on the procurement totals; return their cells by key."""
    section(ws, top, ctx.t("headline"))
    r = top + 1
    rows: list[tuple[str, Formula | float, str]] = [
        ("capex", Formula(totals["line_total"]), EUR),
        ("maintenance_y", Formula(totals["maint_line"]), EUR),
        ("consumables_y", Formula(totals["cons_line"]), EUR),
        ("opex_y", Formula(f"B{r + 1}+B{r + 2}"), EUR),
        ("annualised_capex_y", Formula(totals["annualised_line"]), EUR),
        ("annualised_y", Formula(f"B{r + 3}+B{r + 4}"), EUR),
        ("benefit", Formula(totals["benefit"]), CASES),
    ]
    cells = {}
    for offset, (key, value, fmt) in enumerate(rows):
        put(ws, r + offset, 1, ctx.t(key))
        put(ws, r + offset, 2, value, fmt, bold=key in ("capex", "opex_y", "annualised_y"))
        cells[key] = f"B{r + offset}"
    return cells


def _budgets_block(ws: Worksheet, ctx: _Ctx, cells: Mapping[str, str], top: int) -> int:
    section(ws, top, ctx.t("budgets"))
    write_header(ws, top + 1, [ctx.t(k) for k in ("budget", "limit", "used", "remaining", "use_share")])
    row = top + 1
    for use in ctx.plan.budgets:
        row += 1
        used = cells["capex"] if use.name == "capex" else cells["opex_y"]
        put(ws, row, 1, _label(ctx, f"budget_{use.name}"))
        put(ws, row, 3, Formula(used), EUR)
        if use.limit_eur is None:
            put(ws, row, 2, ctx.t("unlimited"))
            continue
        put(ws, row, 2, use.limit_eur, EUR)
        put(ws, row, 4, Formula(f"B{row}-C{row}"), EUR)
        if use.limit_eur > 0:
            put(ws, row, 5, Formula(f"C{row}/B{row}"), SHARE)
    return row


def _family_block(ws: Worksheet, ctx: _Ctx, totals: Mapping[str, str], top: int) -> int:
    """Units and capex by family (SUMIF over the procurement list) and the bar chart of capex."""
    families = sorted({a.family for a in ctx.plan.acquisitions if a.units_new})
    if not families:
        return top - 2
    section(ws, top, ctx.t("by_family"))
    write_header(ws, top + 1, [ctx.t("family"), ctx.t("qty"), ctx.t("capex")])
    sheet, first, last = totals["sheet"], totals["first"], totals["last"]

    def col(key: str) -> str:
        return _ref(sheet, f"${PROC[key]}${first}:${PROC[key]}${last}")

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


def _text_block(ws: Worksheet, top: int, title: str, lines: Iterable[str]) -> int:
    """A titled list of paragraphs, merged across A:E and wrapped."""
    section(ws, top, title)
    row = top
    for line in lines:
        row += 1
        _paragraph(ws, row, line, last_col=5)
    return row


def _paragraph(ws: Worksheet, row: int, text: str, last_col: int) -> None:
    """Wrapped text merged across columns A to ``last_col``; the row is made tall enough."""
    put(ws, row, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    ws.row_dimensions[row].height = 15 * (len(text) // 140 + 1)


def _caveats(ctx: _Ctx) -> list[str]:
    used = sorted({a.device_id for a in ctx.plan.acquisitions if a.units_new or a.in_use})
    devs = [ctx.devices[d] for d in used]
    out = [ctx.t("caveat_live")]
    estimated = [d.name for d in devs if d.estimate]
    if estimated:
        out.append(ctx.t("caveat_estimates", n=len(estimated), total=len(devs), names="; ".join(estimated)))
    old = [f"{d.name} ({d.price_date:%Y-%m})" for d in devs
           if (ctx.today - d.price_date).days > OLD_PRICE_YEARS * 365.25]
    if old:
        out.append(ctx.t("caveat_old", years=OLD_PRICE_YEARS, names="; ".join(old)))
    if ctx.scenario.devices:
        names = [ctx.devices[d].name if d in ctx.devices else d for d in ctx.scenario.devices]
        out.append(ctx.t("caveat_overrides", names="; ".join(names)))
    demanded = {c.indication_id for c in ctx.plan.coverage}
    shares = [i.name(ctx.lang) for k, i in ctx.catalog.indications.items()
              if k in demanded and i.source.lstrip().upper().startswith("EST")]
    if shares:
        out.append(ctx.t("caveat_shares", names="; ".join(shares)))
    return out


# ---------------------------------------------------------------- importable sheets (round trip)


def _simple_sheet(ws: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    write_header(ws, 1, header)
    last = write_rows(ws, 2, rows, ())
    finish_table(ws, 1, len(header), last)
    fit_widths(ws, maximum=60)


def write_price_sheet(ws: Worksheet, scenario: Scenario, catalog: Catalog) -> None:
    """The scenario's price overrides in the price-list layout (empty cell = catalogue value)."""
    rows = []
    for dev_id, fields in sorted(scenario.devices.items()):
        dev = catalog.devices.get(dev_id)
        rows.append([dev_id, dev.vendor if dev else "", dev.name if dev else "",
                     *(fields.get(f) for f in PRICE_FIELDS)])
    _simple_sheet(ws, PRICE_LIST_COLUMNS, rows)


def write_installed_sheet(ws: Worksheet, scenario: Scenario, catalog: Catalog) -> None:
    """The scenario's installed equipment in the inventory layout."""
    header = [c for c in INSTALLED_COLUMNS if c != "acquisition_year"]
    rows = []
    for site in scenario.sites:
        for dev_id, units in site.installed.items():
            dev = catalog.devices.get(dev_id)
            rows.append([site.id, dev_id, dev.vendor if dev else "", dev.name if dev else "", units])
    _simple_sheet(ws, header, rows)


def _one_sheet_workbook(title: str, writer: Callable[[Worksheet], None]) -> bytes:
    wb = Workbook()
    wb.active.title = title
    writer(wb.active)
    return save_bytes(wb)


def price_overrides_to_xlsx_bytes(scenario: Scenario, catalog: Catalog) -> bytes:
    """The scenario's price overrides as a workbook; :func:`planner.imports.import_price_list` reads it."""
    return _one_sheet_workbook("prices", lambda ws: write_price_sheet(ws, scenario, catalog))


def installed_to_xlsx_bytes(scenario: Scenario, catalog: Catalog) -> bytes:
    """The installed equipment as a workbook that :func:`planner.imports.import_installed` reads back."""
    return _one_sheet_workbook("installed", lambda ws: write_installed_sheet(ws, scenario, catalog))


def catalog_to_xlsx_bytes(catalog: Catalog) -> bytes:
    """The catalogue, one sheet per table in the CSV layout (imports back with
    :func:`planner.imports.import_catalog_extension`)."""
    wb = Workbook()
    wb.remove(wb.active)
    items: Mapping[str, Iterable[Any]] = {"devices": catalog.devices.values(),
                                          "indications": catalog.indications.values(),
                                          "coverage": catalog.coverage}
    for table, objects in items.items():
        names = [c.name for c in TABLES[table]]
        rows = ([_csv_value(getattr(o, n)) for n in names] for o in objects)
        _simple_sheet(wb.create_sheet(table), names, rows)
    return save_bytes(wb)


def _csv_value(value: Any) -> Any:
    """A catalogue value as the cell the CSV layout expects (lists joined by ';', yes/no, ISO dates)."""
    if isinstance(value, tuple):
        return ";".join(value) or None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return value if value != "" else None

"""Printing the plan workbook: the printable purchase list, and the page setup of every sheet.

The procurement list holds every column a buyer or an auditor needs (21 or more); printed on one page it
would be unreadable. :func:`print_sheet` writes a printable view of it with the few columns a committee reads,
every amount a live reference to the procurement list (so an edited quantity shows on both).

:func:`print_layout` sets each sheet up for A4 from the width of its columns: portrait when they fit the
portrait width at a readable scale, landscape when they fit the landscape width, else landscape over as few
pages across as keep that scale, with the first columns repeated on each (the full data view). Header rows
repeat on every page (print titles); every page carries the scenario, the sheet and the date in its header
and the page number in its footer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.report.xlsx_cells import (
    EUR,
    UNITS,
    Formula,
    fit_widths,
    paragraph,
    put,
    style_total,
    write_header,
)
from planner.report.xlsx_context import PlanContext
from planner.report.xlsx_procurement import ProcurementRefs

#: Printable width of an A4 page in column-width units, with 1 cm side margins. A unit prints 5.3 pt wide in
#: Excel and 7.1 pt in LibreOffice (measured on its PDF export): the wider one is taken, so that the text stays
#: readable in both.
PORTRAIT_WIDTH = 75.0
LANDSCAPE_WIDTH = 110.0
_CM_PER_UNIT = 7.1 / 72 * 2.54
#: Smallest scale at which a sheet is fitted to the page width (11 pt text prints at 7.5 pt or more).
MIN_SCALE = 0.68
#: Smallest printed text size: a sheet with smaller fonts than 11 pt gets a larger minimum scale.
READABLE_PT = 7.4

#: Columns of the printable purchase list: (label key, procurement-list column, number format, width).
#: Text columns are copied; numeric ones refer to the procurement list's cell. Another column of the list
#: prints by adding its key here.
PRINT_COLUMNS: tuple[tuple[str, str, str | None, float], ...] = (
    ("site", "site", None, 18), ("family", "family", None, 16), ("device", "device", None, 34),
    ("vendor", "vendor", None, 16), ("line_status", "line_status", None, 11),
    ("print_qty", "qty", UNITS, 6), ("print_unit", "unit_price", EUR, 12), ("print_total", "line_total", EUR, 13),
    ("print_maint", "maint_line", EUR, 12), ("print_cons", "cons_line", EUR, 12))
#: Columns a multi-year (or leasing) plan adds after the status.
_MODE_COLUMNS = (("year", "year", "0", 7), ("mode", "mode", None, 14))
_SUMMED = ("qty", "line_total", "maint_line", "cons_line")


@dataclass(frozen=True)
class PageText:
    """What every printed page says: the scenario, the edition date, the page number pattern."""

    scenario: str
    date: str
    page_of: str  # "Page &P of &N"


def print_columns(ctx: PlanContext) -> tuple[tuple[str, str, str | None, float], ...]:
    """The printable list's columns for this plan (year and mode for a multi-year or leasing plan)."""
    if not ctx.with_modes:
        return PRINT_COLUMNS
    at = [c[0] for c in PRINT_COLUMNS].index("line_status") + 1
    return PRINT_COLUMNS[:at] + _MODE_COLUMNS + PRINT_COLUMNS[at:]


def print_sheet(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs) -> None:
    """Write the printable purchase list: a title, a note, the lines (amounts referring to the procurement
    list) and a totals row."""
    columns = print_columns(ctx)
    put(ws, 1, 1, ctx.t("print_title", scenario=ctx.scenario.name), bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    paragraph(ws, 2, ctx.t("print_note", data=refs.sheet), last_col=len(columns))
    write_header(ws, 4, [ctx.t(label) for label, *_ in columns])
    first = 5
    for r, (_, source_row) in enumerate(refs.lines, start=first):
        for c, (_, key, fmt, _width) in enumerate(columns, start=1):
            source = ws.parent[refs.sheet][f"{refs.letters[key]}{source_row}"].value
            value = Formula(refs.cell(key, source_row)) if fmt is not None else source
            put(ws, r, c, value, fmt)
    last = max(first - 1, first + len(refs.lines) - 1)
    total = last + 1
    put(ws, total, 1, ctx.t("total"))
    for c, (_, key, fmt, _width) in enumerate(columns, start=1):
        if key in _SUMMED:
            letter = get_column_letter(c)
            put(ws, total, c, Formula(f"SUM({letter}{first}:{letter}{max(first, last)})"), fmt)
    style_total(ws, total, 1, len(columns))
    ws.freeze_panes = f"A{first}"
    ws.print_title_rows = "4:4"
    widths = {get_column_letter(c): width for c, (*_, width) in enumerate(columns, start=1)}
    fit_widths(ws, wrap={k: v for k, v in widths.items() if v >= 11}, fixed=widths)
    for r in range(first, total + 1):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 30


def used_width(ws: Worksheet) -> float:
    """Width of what prints: the used columns (unset widths count as Excel's default, 8.43), or the right edge
    of a chart placed beside them (a chart's width is in cm)."""
    width = _width(ws, f"A:{get_column_letter(max(1, ws.max_column))}")
    for chart in ws._charts:  # noqa: SLF001  (openpyxl keeps a sheet's charts there)
        anchor = chart.anchor if isinstance(chart.anchor, str) else "A1"
        column = column_index_from_string("".join(c for c in anchor if c.isalpha()))
        left = _width(ws, f"A:{get_column_letter(column - 1)}") if column > 1 else 0.0
        width = max(width, left + chart.width / _CM_PER_UNIT)
    return width


def print_layout(ws: Worksheet, text: PageText, repeat_columns: str | None = None) -> str:
    """Set a sheet up for A4 (see the module docstring); return the orientation chosen.

    ``repeat_columns`` ("A:C") are printed on every page across of a sheet too wide to fit; the default is
    the first column.
    """
    width = used_width(ws)
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.4
    scale = max(MIN_SCALE, READABLE_PT / smallest_font(ws))
    page = LANDSCAPE_WIDTH / scale
    setup.orientation = "portrait" if width <= PORTRAIT_WIDTH / scale else "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    setup.fitToWidth, setup.fitToHeight = 1, 0
    if width > page:  # several pages across, each at a readable scale, the key columns on each
        repeat = _repeatable(ws, repeat_columns or "A:A", page)
        kept = _width(ws, repeat) if repeat else 0.0
        setup.fitToWidth = math.ceil((width - kept) / (page - kept))
        if repeat:
            ws.print_title_cols = repeat
        setup.pageOrder = "overThenDown"
    ws.print_options.horizontalCentered = width <= page
    _header_footer(ws, text)
    return str(setup.orientation)


def _width(ws: Worksheet, columns: str) -> float:
    """Width of a range of columns ("A:C")."""
    first, last = (column_index_from_string(c) for c in columns.split(":"))
    return float(sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(first, last + 1)))


def _repeatable(ws: Worksheet, columns: str, page: float) -> str | None:
    """``columns`` if they take at most a quarter of a ``page`` across, else the first column if it does, else
    none (repeating wide columns would leave no room for the others)."""
    return next((c for c in (columns, "A:A") if _width(ws, c) <= page / 4), None)


def smallest_font(ws: Worksheet) -> float:
    """The smallest font size of the sheet's non-empty cells (11, openpyxl's default, when none is set)."""
    sizes = [float(c.font.sz) for row in ws.iter_rows() for c in row if c.value is not None and c.font and c.font.sz]
    return min(sizes, default=11.0)


def _header_footer(ws: Worksheet, text: PageText) -> None:
    """Scenario, sheet and date on top of every page; cathlab-planner and the page number at the bottom."""
    for part, value in ((ws.oddHeader.left, text.scenario), (ws.oddHeader.center, "&A"),
                        (ws.oddHeader.right, text.date), (ws.oddFooter.left, "cathlab-planner"),
                        (ws.oddFooter.right, text.page_of)):
        part.text = value if value in ("&A",) or "&P" in value else value.replace("&", "&&")[:120]


def data_view_repeat(refs: ProcurementRefs) -> str:
    """Columns the procurement list repeats on each page across: site to device."""
    return f"{refs.letters['site']}:{refs.letters['device']}"


__all__ = ["PRINT_COLUMNS", "PageText", "data_view_repeat", "print_columns", "print_layout", "print_sheet",
           "used_width"]

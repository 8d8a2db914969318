"""Cell, table and format helpers shared by every sheet the planner writes (openpyxl).

User text (names, notes, sources) is always stored as a text cell, with Excel's quote prefix when it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, so it can never become a formula. Only
:class:`Formula` values are written as formulas, and they never embed user text.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: MIME type of the workbooks, for download buttons.
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EUR = '#,##0 "€"'
EUR_CENTS = '#,##0.00 "€"'
CASES = "#,##0.0"
EVENTS = "#,##0.00"  #: weighted events avoided (small numbers)
UNITS = "#,##0"
SHARE = "0.0%"
PLAIN = "0.###"
BLUE = "1F4E78"
_HEADER_FILL = PatternFill("solid", fgColor=BLUE)
_TOTAL_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="9BB7D4")


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
               wrap: Mapping[str, float] | None = None, fixed: Mapping[str, float] | None = None) -> None:
    """Column widths that fit the content (text length, formatted numbers; headers wrap on three lines).

    ``wrap`` caps the width of long-text columns (letter -> width) and wraps their text; rows then grow.
    ``fixed`` sets the width of some columns whatever their content (e.g. a narrow column under section titles).
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
    for letter, width in (fixed or {}).items():
        ws.column_dimensions[letter].width = width
    _fit_heights(ws, wrap)


def _fit_heights(ws: Worksheet, wrap: Mapping[str, float]) -> None:
    """Row heights for wrapped headers and text (spreadsheet apps do not grow rows of a generated file)."""
    for row in ws.iter_rows():
        lines, header = 1, False
        for cell in row:
            letter = get_column_letter(cell.column)
            if not isinstance(cell.value, str) or cell.data_type == "f" or cell.coordinate in ws.merged_cells:
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


def sheet_ref(sheet: str, coordinate: str) -> str:
    """A cross-sheet reference; the sheet name is quoted (a quote inside it doubled).

    >>> sheet_ref("Liste des achats", "$J$9")
    "'Liste des achats'!$J$9"
    """
    return "'{}'!{}".format(sheet.replace("'", "''"), coordinate)


def save_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def text_block(ws: Worksheet, top: int, title: str, lines: Iterable[str]) -> int:
    """A titled list of paragraphs, merged across A:E and wrapped."""
    section(ws, top, title)
    row = top
    for line in lines:
        row += 1
        paragraph(ws, row, line, last_col=5)
    return row


def paragraph(ws: Worksheet, row: int, text: str, last_col: int) -> None:
    """Wrapped text merged across columns A to ``last_col``; the row is made tall enough."""
    put(ws, row, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    ws.row_dimensions[row].height = 15 * (len(text) // 140 + 1)


def fit_paragraph(ws: Worksheet, row: int, last_col: int) -> None:
    """Height of a :func:`paragraph` row from the widths its columns have now (call after :func:`fit_widths`)."""
    width = sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, last_col + 1))
    text = str(ws.cell(row=row, column=1).value or "")
    ws.row_dimensions[row].height = 15 * max(1, math.ceil(len(text) * 1.1 / width))

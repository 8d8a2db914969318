"""The price-list template buyers download, fill in (or hand to a supplier) and import back.

One sheet of quote lines with the headers of a supplier's quote in the chosen language (``Fournisseur``,
``Désignation``, ``Référence``, ``Prix unitaire HT (€)``...), pre-filled with the catalogue's devices (their
reference is the catalogue id, so the line is found even if the supplier renames the product), and a help
sheet listing the accepted headers in French and English, and how numbers and dates may be written.
:func:`planner.ingest.imports.import_price_list` reads it back as it is.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planner.catalog import Catalog
from planner.i18n import check_lang, family_label, t
from planner.ingest.headers import IGNORED, SYNONYMS, TEMPLATE_COLUMNS, template_header
from planner.report.xlsx_cells import EUR_CENTS, finish_table, fit_widths, put, save_bytes, section, write_header

#: Date format of the quote-date column.
DATE_FORMAT = "DD/MM/YYYY"


def _t(key: str, lang: str) -> str:
    """A text of the template (catalogue code ``wb.template.<key>``)."""
    return t(f"template.{key}", lang)


def price_template_xlsx_bytes(catalog: Catalog, lang: str = "fr") -> bytes:
    """The price-list template as .xlsx bytes, headers in ``lang`` ("fr" or "en")."""
    return save_bytes(price_template_workbook(catalog, lang))


def price_template_workbook(catalog: Catalog, lang: str = "fr") -> Workbook:
    """The template workbook: the quote sheet (catalogue devices, empty prices) and the help sheet."""
    check_lang(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = _t("sheet_quote", lang)
    keys = list(TEMPLATE_COLUMNS)
    write_header(ws, 1, [template_header(k, lang) for k in keys] + [_t("family", lang)])
    devices = sorted(catalog.devices.values(), key=lambda d: (d.family, d.vendor, d.name))
    for r, dev in enumerate(devices, start=2):
        values = {"vendor": dev.vendor, "name": dev.label(lang), "reference": dev.id}
        for c, key in enumerate(keys, start=1):
            fmt = EUR_CENTS if key.endswith("_eur") or "_eur_" in key else DATE_FORMAT if key == "quote_date" else None
            put(ws, r, c, values.get(key), fmt)
        put(ws, r, len(keys) + 1, family_label(dev.family, lang))
    last = max(2, len(devices) + 1)
    _date_validation(ws, keys.index("quote_date") + 1, last, lang)
    finish_table(ws, 1, len(keys) + 1, last)
    fit_widths(ws, wrap={"B": 40})
    _help_sheet(wb.create_sheet(_t("sheet_help", lang)), lang)
    return wb


def _date_validation(ws: Worksheet, col: int, last: int, lang: str) -> None:
    """Excel refuses a quote date that is not a date (the importer reads text dates too)."""
    letter = get_column_letter(col)
    rule = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                          error=_t("help_lines", lang).split("\n")[2], showErrorMessage=True)
    rule.add(f"{letter}2:{letter}{last}")
    ws.add_data_validation(rule)


def _help_sheet(ws: Worksheet, lang: str) -> None:
    """How to fill the template in, and the headers accepted for each column."""
    section(ws, 1, _t("help_title", lang))
    for r, line in enumerate(_t("help_lines", lang).split("\n"), start=2):
        put(ws, r, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.row_dimensions[r].height = 15 * (len(line) // 90 + 1)
    top = 8
    section(ws, top, _t("help_columns", lang))
    write_header(ws, top + 1, [_t("column", lang), _t("accepted", lang)])
    keys = (*TEMPLATE_COLUMNS, "lifetime_years", "capacity_cases_per_year")
    for r, key in enumerate(keys, start=top + 2):
        names = (template_header(key, "en"), template_header(key, "fr")) if key in TEMPLATE_COLUMNS else (key, key)
        shown = names[1] if lang == "fr" else names[0]
        code = "" if key == IGNORED else key
        others = [code, names[0], names[1], *SYNONYMS.get(key, ())]
        put(ws, r, 1, shown)
        put(ws, r, 2, ", ".join(dict.fromkeys(o for o in others if o and o != shown)))
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 90
    for row in ws.iter_rows(min_row=top + 2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")

"""The importable sheets (round trip): price overrides, installed equipment, the scenario file, the catalogue.

Each is written in the layout :mod:`planner.ingest.imports` reads, so that exporting and importing back gives the
same scenario (or catalogue).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from planner.catalog import Catalog
from planner.ingest.imports import INSTALLED_COLUMNS, PRICE_LIST_COLUMNS
from planner.report.xlsx_cells import finish_table, fit_widths, put, save_bytes, write_header, write_rows
from planner.scenario import Scenario
from planner.schema import PRICE_FIELDS, TABLES


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
    """The scenario's installed equipment in the inventory layout, with each lot's acquisition year (blank:
    unknown, the units never retire)."""
    rows = []
    for site in scenario.sites:
        for dev_id, units in site.installed.items():
            dev = catalog.devices.get(dev_id)
            rows.append([site.id, dev_id, dev.vendor if dev else "", dev.name if dev else "", units,
                         site.installed_year.get(dev_id)])
    _simple_sheet(ws, list(INSTALLED_COLUMNS), rows)


def write_scenario_sheet(ws: Worksheet, scenario: Scenario) -> None:
    """The complete scenario file (YAML), one line per row in column A, for
    :func:`planner.ingest.imports.scenario_from_workbook`."""
    for row, line in enumerate(scenario.to_yaml().splitlines(), start=1):
        put(ws, row, 1, line).font = Font(name="Courier New", size=9)
    ws.column_dimensions["A"].width = 100


def _one_sheet_workbook(title: str, writer: Callable[[Worksheet], None]) -> bytes:
    wb = Workbook()
    wb.active.title = title
    writer(wb.active)
    return save_bytes(wb)


def price_overrides_to_xlsx_bytes(scenario: Scenario, catalog: Catalog) -> bytes:
    """The scenario's price overrides as a workbook; :func:`planner.ingest.imports.import_price_list` reads it."""
    return _one_sheet_workbook("prices", lambda ws: write_price_sheet(ws, scenario, catalog))


def installed_to_xlsx_bytes(scenario: Scenario, catalog: Catalog) -> bytes:
    """The installed equipment as a workbook that :func:`planner.ingest.imports.import_installed` reads back."""
    return _one_sheet_workbook("installed", lambda ws: write_installed_sheet(ws, scenario, catalog))


def _catalog_rows(catalog: Catalog) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Each catalogue table as its header and rows of cells in the CSV layout."""
    items: Mapping[str, Iterable[Any]] = {"devices": catalog.devices.values(),
                                          "indications": catalog.indications.values(),
                                          "coverage": catalog.coverage,
                                          "families": catalog.family_table.values(),
                                          "outcomes": catalog.outcomes.values(),
                                          "evidence": catalog.evidence.values(),
                                          "effects": catalog.effects}
    out = {}
    for table, objects in items.items():
        names = [c.name for c in TABLES[table]]
        out[table] = (names, [[_csv_value(getattr(o, n)) for n in names] for o in objects])
    return out


def catalog_to_xlsx_bytes(catalog: Catalog) -> bytes:
    """The catalogue, one sheet per table in the CSV layout (imports back with
    :func:`planner.ingest.catalog.import_catalog_extension`)."""
    wb = Workbook()
    wb.remove(wb.active)
    for table, (names, rows) in _catalog_rows(catalog).items():
        _simple_sheet(wb.create_sheet(table), names, rows)
    return save_bytes(wb)


def catalog_to_csv_texts(catalog: Catalog) -> dict[str, str]:
    """The catalogue as the text of its CSV files (one per table of ``planner.schema.TABLES``), in the layout
    :func:`planner.load_catalog` reads: a folder of them is a catalogue a scenario can name."""
    texts = {}
    tables = _catalog_rows(catalog)
    for name, objects in (("advisories", catalog.advisories), ("price_index", catalog.price_index),
                          ("fx_rates", catalog.fx_rates)):  # reference tables: in the folder, not the workbook
        names = [c.name for c in TABLES[name]]
        tables[name] = (names, [[_csv_value(getattr(o, n)) for n in names] for o in objects])
    for table, (names, rows) in tables.items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        texts[table] = buf.getvalue()
    return texts


def _csv_value(value: Any) -> Any:
    """A catalogue value as the cell the CSV layout expects (lists joined by ';', yes/no, ISO dates)."""
    if isinstance(value, tuple):
        return ";".join(value) or None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return value if value != "" else None

"""Import spreadsheets (.xlsx or .csv): negotiated prices, installed equipment, catalogue extensions.

Every importer reads the whole file, reports **every** problem at once as
:class:`~planner.errors.PlannerInputError` (sheet, row, column, value, reason) and applies nothing when the
file has an error. Layout rules, shared by all importers:

- A sheet's header is its first non-empty row (or, for a quote with a letterhead, the first of its first 20
  rows that names the columns the importer needs); blank rows are skipped; column names are matched without
  regard to case, accents, punctuation or extra spaces. Sheets without any value are ignored.
- Columns are the catalogue's own names (``catalog/README.md``): ``id`` (or ``vendor`` + ``name``),
  ``capex_eur``, ``maintenance_eur_per_year``, ..., or their French and English names
  (:data:`planner.ingest.headers.SYNONYMS`): a supplier's quote with ``Fournisseur``, ``Désignation``,
  ``Référence``, ``Prix unitaire HT``, ``Quantité``, ``Date`` reads as it is. Quantities, line amounts and VAT
  columns are ignored; the quote's summary lines (``Total HT``, ``TVA``...) are skipped. An empty price cell
  means "no change".
- Numbers, CSV encodings and separators, formulas and the file limits: see :mod:`planner.ingest.read`.

Limits (:mod:`planner.ingest.read`): files up to 5 MB, workbooks up to 50 MB once decompressed, and
10,000 rows per sheet. Password-protected workbooks, Excel 97-2003
``.xls`` files, damaged files and other files renamed ``.xlsx`` are refused with a clear message.

File reading lives in :mod:`planner.ingest.read`, column matching in :mod:`planner.ingest.columns` and
:mod:`planner.ingest.headers`, the catalogue extension in :mod:`planner.ingest.catalog`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from planner.catalog import Catalog
from planner.errors import Issue, PlannerInputError, errors_only, reason
from planner.ingest.columns import (
    DeviceResolver,
    Layout,
    at,
    canonical_header,
    column_map,
    header_found,
    pick_table,
)
from planner.ingest.headers import header_key
from planner.ingest.read import RawRow, Table, blank, coerce_number, date_value, file_error, read_table_file
from planner.messages import Join, Site, msg
from planner.scenario import Scenario, scenario_from_yaml
from planner.schema import BOUNDS, DEVICE_COLUMNS, PRICE_FIELDS, Column

__all__ = [
    "INSTALLED_COLUMNS", "PRICE_LIST_COLUMNS", "SCENARIO_SHEET", "InstalledImport", "PriceImport",
    "import_installed", "import_installed_details", "import_price_list", "import_price_list_details",
    "scenario_from_workbook", "with_price_overrides",
]

#: Column layouts the importers read and :mod:`planner.report.excel` writes.
PRICE_LIST_COLUMNS: tuple[str, ...] = ("id", "vendor", "name", *PRICE_FIELDS)
INSTALLED_COLUMNS: tuple[str, ...] = ("site_id", "device_id", "vendor", "name", "units", "acquisition_year")
#: Sheet of a plan workbook that holds the complete scenario file (YAML), whatever the language.
SCENARIO_SHEET = "scenario.yaml"
_INFO_COLUMNS = ("vendor", "name", "family", "notes", "comment")
_PRICE_SPEC = {c.name: c for c in DEVICE_COLUMNS if c.name in PRICE_FIELDS}
#: (site, device) -> the (acquisition year, units) of the rows that give a year.
_Years = dict[tuple[str, str], list[tuple[int, int]]]
_UNITS = Column("units", "int", minimum=0.0, maximum=BOUNDS["units"].high)
_YEAR = Column("acquisition_year", "int", minimum=1950.0, maximum=2100.0)
_PRICE_LAYOUT = Layout(("id", "reference", *_INFO_COLUMNS, *PRICE_FIELDS, "quote_date"),
                       {"device_id": "id", "device": "id"}, (), "id")
#: First words of a quote's summary lines (no device): skipped.
_SUMMARY_LINES = ("total", "sous total", "montant", "tva", "vat", "remise", "discount", "net a payer", "subtotal")
_INSTALLED_LAYOUT = Layout(("site_id", "device_id", "units", "acquisition_year", *_INFO_COLUMNS),
                            {"site": "site_id", "device": "device_id", "id": "device_id", "référence": "device_id",
                             "reference": "device_id", "réf": "device_id"},
                            ("site_id", "units"), "device_id")

# ---------------------------------------------------------------- price list


@dataclass(frozen=True)
class PriceImport:
    """Result of a price-list import: ``{device_id: {price field: value}}`` for the non-empty price cells, and
    the date of each device's quote when the file gives one (a ``Date`` column)."""

    prices: Mapping[str, Mapping[str, float]]
    quote_dates: Mapping[str, date] = dataclasses.field(default_factory=dict)


def import_price_list(data: bytes, filename: str, catalog: Catalog) -> dict[str, dict[str, float]]:
    """Read a price list: ``{device_id: {price field: value}}`` (see :func:`import_price_list_details`)."""
    return {k: dict(v) for k, v in import_price_list_details(data, filename, catalog).prices.items()}


def import_price_list_details(data: bytes, filename: str, catalog: Catalog) -> PriceImport:
    """Read a price list or a supplier's quote: its prices and quote dates.

    Devices are named by ``id`` (or ``device_id``), by a ``Référence`` that is a catalogue id, or by
    ``vendor`` + ``name`` (``Fournisseur`` + ``Désignation``) as in the catalogue; price columns are any of
    :data:`planner.schema.PRICE_FIELDS` or their synonyms. Raises :class:`PlannerInputError` listing every
    problem (unknown device, text in a number, negative price, bad date, duplicate device, missing column).
    """
    def fits(table: Table) -> bool:
        head = canonical_header(table, _PRICE_LAYOUT)
        return bool(head & {"id", "reference"} or {"vendor", "name"} <= head) and bool(head & set(PRICE_FIELDS))

    tables = [header_found(t, fits) for t in read_table_file(data, filename)]
    table = pick_table(tables, fits, msg("imp.price_list"), filename, _PRICE_LAYOUT)
    issues: list[Issue] = []
    cols = column_map(table, _PRICE_LAYOUT, filename, issues)
    if not any(f in cols for f in PRICE_FIELDS) and not errors_only(issues):
        issues.append(Issue(filename, table.where(table.header_row), "", "",
                            msg("imp.no_price_column", expected=", ".join(PRICE_FIELDS))))
    if errors_only(issues):
        raise PlannerInputError(issues)
    result = _price_rows(table, cols, DeviceResolver(catalog), filename, issues)
    if errors_only(issues):
        raise PlannerInputError(issues)
    return result


def _price_rows(table: Table, cols: Mapping[str, int], resolver: DeviceResolver, filename: str,
                issues: list[Issue]) -> PriceImport:
    """The prices and quote dates of the rows (a quote's summary lines skipped)."""
    out: dict[str, dict[str, float]] = {}
    dates: dict[str, date] = {}
    seen: dict[str, int] = {}
    for row in (r for r in table.rows if not _summary_line(r, cols)):
        device = resolver.resolve(table, row, cols, "id", filename, issues)
        prices = _row_prices(table, row, cols, filename, issues)
        quoted = _row_date(table, row, cols, "quote_date", filename, issues)
        if device is None:
            continue
        if device in seen:
            issues.append(Issue(filename, table.where(row.number), "id", device,
                                msg("imp.duplicate_device_row", row=seen[device])))
        seen[device] = row.number
        if prices:
            out[device] = prices
        if quoted is not None:
            dates[device] = quoted
    return PriceImport(out, dates)


def _summary_line(row: RawRow, cols: Mapping[str, int]) -> bool:
    """A quote's summary line (``Total HT``, ``TVA 20 %``...): no id, reference or vendor, a total's label."""
    if any(not blank(at(row, cols[c])) for c in ("id", "reference", "vendor") if c in cols):
        return False
    label = header_key(at(row, cols["name"])) if "name" in cols else ""
    return label.startswith(_SUMMARY_LINES)


def _row_date(table: Table, row: RawRow, cols: Mapping[str, int], name: str, source: str,
              issues: list[Issue]) -> date | None:
    if name not in cols:
        return None
    raw = at(row, cols[name])
    try:
        return date_value(raw)
    except ValueError as exc:
        issues.append(Issue(source, table.where(row.number, cols[name]), table.header[cols[name]], str(raw),
                            reason(exc)))
        return None


def _row_prices(table: Table, row: RawRow, cols: Mapping[str, int], source: str,
                issues: list[Issue]) -> dict[str, float]:
    prices: dict[str, float] = {}
    for fname in PRICE_FIELDS:
        if fname not in cols:
            continue
        raw = at(row, cols[fname])
        try:
            value = coerce_number(_PRICE_SPEC[fname], raw, table.decimal_comma)
        except ValueError as exc:
            issues.append(Issue(source, table.where(row.number, cols[fname]), fname, str(raw), reason(exc)))
            continue
        if value is not None:
            prices[fname] = float(value)
    return prices


def with_price_overrides(scenario: Scenario, prices: Mapping[str, Mapping[str, float]],
                         replace: bool = False) -> Scenario:
    """The scenario with these price overrides: merged field by field into its own, or replacing them."""
    merged: dict[str, dict[str, float]] = {} if replace else {k: dict(v) for k, v in scenario.devices.items()}
    for device, fields in prices.items():
        merged.setdefault(device, {}).update(fields)
    return dataclasses.replace(scenario, devices=merged)


# ---------------------------------------------------------------- installed equipment


@dataclass(frozen=True)
class InstalledImport:
    """Result of an installed-equipment import.

    ``acquisition_years`` keeps, per (site, device), the (year, units) pairs of rows that gave a year. The
    scenario holds one acquisition year per site and device (all its units retire together): the oldest of the
    rows, a conservative choice that ``notes`` states whenever lots of different years (or of unknown year)
    were merged.
    """

    scenario: Scenario
    acquisition_years: Mapping[tuple[str, str], tuple[tuple[int, int], ...]]
    notes: tuple[Issue, ...] = ()


def import_installed(data: bytes, filename: str, catalog: Catalog, scenario: Scenario) -> Scenario:
    """The scenario with the installed equipment of the file (see :func:`import_installed_details`)."""
    return import_installed_details(data, filename, catalog, scenario).scenario


def import_installed_details(data: bytes, filename: str, catalog: Catalog,
                             scenario: Scenario) -> InstalledImport:
    """Read an inventory: columns ``site_id``, ``device_id`` (or ``vendor`` + ``name``), ``units`` and,
    optionally, ``acquisition_year``.

    For every site named in the file, the file's rows **replace** the site's installed equipment and its
    acquisition years; other sites keep theirs. Rows of the same site and device with different acquisition
    years add up, dated by the oldest (see :class:`InstalledImport`).
    """
    def fits(table: Table) -> bool:
        return {"units", "site_id"} <= canonical_header(table, _INSTALLED_LAYOUT)

    tables = [header_found(t, fits) for t in read_table_file(data, filename)]
    table = pick_table(tables, fits, msg("imp.installed_list"), filename, _INSTALLED_LAYOUT)
    issues: list[Issue] = []
    cols = column_map(table, _INSTALLED_LAYOUT, filename, issues)
    if errors_only(issues):
        raise PlannerInputError(issues)
    units, years = _installed_rows(table, cols, catalog, {s.id for s in scenario.sites}, filename, issues)
    if errors_only(issues):
        raise PlannerInputError(issues)
    lots = {k: tuple(sorted(v)) for k, v in years.items()}
    dated = {site: {dev: lots[(site, dev)][0][0] for dev in devs if (site, dev) in lots}
             for site, devs in units.items()}
    new_sites = tuple(dataclasses.replace(s, installed=units[s.id], installed_year=dated[s.id]) if s.id in units
                      else s for s in scenario.sites)
    notes = tuple(_merged_lots_note(filename, site, dev, n, lots[(site, dev)])
                  for site, devs in units.items() for dev, n in devs.items()
                  if (site, dev) in lots and (len({y for y, _ in lots[(site, dev)]}) > 1
                                              or sum(c for _, c in lots[(site, dev)]) < n))
    return InstalledImport(dataclasses.replace(scenario, sites=new_sites), lots, notes)


def _merged_lots_note(filename: str, site: str, device: str, units: int, lots: tuple[tuple[int, int], ...]) -> Issue:
    """A warning: lots of one device acquired in different (or unknown) years are dated by the oldest."""
    dated = sum(c for _, c in lots)
    parts = [msg("imp.lot", n=c, year=y) for y, c in lots] + (
        [msg("imp.lot_unknown", n=units - dated)] if units > dated else [])
    message = msg("imp.lots", site=Site(site), units=units, lots=Join(tuple(parts)), year=lots[0][0])
    return Issue(filename, "", "acquisition_year", device, message, "warning")


def _installed_rows(table: Table, cols: Mapping[str, int], catalog: Catalog, sites: set[str], source: str,
                    issues: list[Issue]) -> tuple[dict[str, dict[str, int]], _Years]:
    """Units per site and device, and the (year, units) of the rows that give an acquisition year."""
    resolver = DeviceResolver(catalog)
    units: dict[str, dict[str, int]] = {}
    years: _Years = {}
    seen: dict[tuple[str, str, int | None], int] = {}
    for row in table.rows:
        site = _row_site(table, row, cols, sites, source, issues)
        device = resolver.resolve(table, row, cols, "device_id", source, issues)
        count = _row_int(table, row, cols, "units", _UNITS, source, issues)
        year = _row_int(table, row, cols, "acquisition_year", _YEAR, source, issues)
        if site is None or device is None or count is None:
            continue
        key = (site, device, year)
        if key in seen:
            issues.append(Issue(source, table.where(row.number), "device_id", device,
                                msg("imp.duplicate_installed_row", row=seen[key])))
        seen[key] = row.number
        units.setdefault(site, {})
        units[site][device] = units[site].get(device, 0) + count
        if year is not None:
            years.setdefault((site, device), []).append((year, count))
    return units, years


def _row_site(table: Table, row: RawRow, cols: Mapping[str, int], sites: set[str], source: str,
              issues: list[Issue]) -> str | None:
    raw = at(row, cols["site_id"])
    ident = "" if blank(raw) else str(raw).strip()
    if ident in sites:
        return ident
    why = msg("in.required_empty") if not ident else msg("imp.unknown_site", sites=", ".join(sorted(sites)))
    col = cols["site_id"]
    issues.append(Issue(source, table.where(row.number, col), table.header[col], ident, why))
    return None


def _row_int(table: Table, row: RawRow, cols: Mapping[str, int], name: str, column: Column, source: str,
             issues: list[Issue]) -> int | None:
    if name not in cols:
        return None
    raw = at(row, cols[name])
    try:
        if name == "acquisition_year" and _is_date(raw):
            raw = date_value(raw).year  # type: ignore[union-attr]  # a date of acquisition: its year
        value = coerce_number(column, raw, table.decimal_comma)
    except ValueError as exc:
        issues.append(Issue(source, table.where(row.number, cols[name]), name, str(raw), reason(exc)))
        return None
    if value is None and name == "units":
        issues.append(Issue(source, table.where(row.number, cols[name]), name, "", msg("in.required_empty")))
    return None if value is None else int(value)


def _is_date(raw: object) -> bool:
    """A date cell, or text written as a full date (``15/03/2019``, ``2019-03-15``)."""
    return isinstance(raw, date | datetime) or (isinstance(raw, str) and len(raw.strip()) >= 8
                                                 and not raw.strip().isdigit())


# ---------------------------------------------------------------- scenario of a plan workbook


def scenario_from_workbook(data: bytes, filename: str, base_dir: str = "") -> Scenario:
    """The scenario a plan workbook was made from (its ``scenario.yaml`` sheet), parsed and validated.

    ``base_dir`` resolves a relative ``catalog:`` folder, as the folder of a scenario file would.
    """
    tables = [t for t in read_table_file(data, filename) if t.sheet == SCENARIO_SHEET]
    if not tables:
        raise file_error(filename, msg("imp.no_scenario_sheet", sheet=SCENARIO_SHEET))
    table = tables[0]
    lines = {table.header_row: table.header[0] if table.header else ""}
    lines.update({row.number: "" if blank(at(row, 0)) else str(at(row, 0)) for row in table.rows})
    text = "\n".join(lines.get(n, "") for n in range(1, max(lines) + 1))
    return scenario_from_yaml(text, f"{filename} [{SCENARIO_SHEET}]", base_dir)

"""Import spreadsheets (.xlsx or .csv): negotiated prices, installed equipment, catalogue extensions.

Every importer reads the whole file, reports **every** problem at once as
:class:`~planner.errors.PlannerInputError` (sheet, row, column, value, reason) and applies nothing when the
file has an error. Layout rules, shared by all importers:

- A sheet's header is its first non-empty row; blank rows are skipped; column names are matched without
  regard to case or surrounding spaces. Sheets without any value are ignored.
- Columns are the catalogue's own names (``catalog/README.md``): ``id`` (or ``vendor`` + ``name``),
  ``capex_eur``, ``maintenance_eur_per_year``, ... An empty price cell means "no change".
- Numbers, CSV encodings and separators, formulas and the file limits: see :mod:`planner.imports_read`.

Limits: files up to :data:`MAX_FILE_BYTES` (5 MB), workbooks up to :data:`MAX_UNZIPPED_BYTES` (50 MB)
once decompressed, and :data:`MAX_ROWS` (10,000) rows per sheet. Password-protected workbooks, Excel 97-2003
``.xls`` files, damaged files and other files renamed ``.xlsx`` are refused with a clear message.

File reading lives in :mod:`planner.imports_read`, column matching in :mod:`planner.imports_columns` and
the catalogue extension in :mod:`planner.imports_catalog`; their public names are re-exported here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from planner.catalog import Catalog
from planner.errors import Issue, PlannerInputError, errors_only, reason
from planner.imports_catalog import import_catalog_extension
from planner.imports_columns import DeviceResolver, Layout, at, column_map, lower_header, pick_table
from planner.imports_read import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    RawRow,
    Table,
    blank,
    cell_text,
    coerce_number,
    file_error,
    number_text,
    read_table_file,
)
from planner.messages import Join, Site, msg
from planner.scenario import Scenario, scenario_from_yaml
from planner.schema import BOUNDS, DEVICE_COLUMNS, PRICE_FIELDS, Column

__all__ = [
    "INSTALLED_COLUMNS", "MAX_FILE_BYTES", "MAX_ROWS", "MAX_UNZIPPED_BYTES", "PRICE_LIST_COLUMNS",
    "SCENARIO_SHEET", "InstalledImport", "RawRow", "Table", "cell_text", "import_catalog_extension",
    "import_installed", "import_installed_details", "import_price_list", "number_text", "read_table_file",
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
_PRICE_LAYOUT = Layout(("id", *_INFO_COLUMNS, *PRICE_FIELDS), {"device_id": "id", "device": "id"}, (), "id")
_INSTALLED_LAYOUT = Layout(("site_id", "device_id", "units", "acquisition_year", *_INFO_COLUMNS),
                            {"site": "site_id", "device": "device_id", "id": "device_id"},
                            ("site_id", "units"), "device_id")

# ---------------------------------------------------------------- price list


def import_price_list(data: bytes, filename: str, catalog: Catalog) -> dict[str, dict[str, float]]:
    """Read a price list: ``{device_id: {price field: value}}`` for the non-empty price cells.

    Devices are named by ``id`` (or ``device_id``), or by ``vendor`` + ``name`` as in the catalogue; price
    columns are any of :data:`planner.schema.PRICE_FIELDS`. Raises :class:`PlannerInputError` listing every
    problem (unknown device, text in a number, negative price, duplicate device, missing column).
    """
    def fits(table: Table) -> bool:
        head = lower_header(table)
        return bool(head & {"id", "device_id", "device"} or {"vendor", "name"} <= head) and bool(
            head & set(PRICE_FIELDS))

    table = pick_table(read_table_file(data, filename), fits, msg("imp.price_list"), filename)
    issues: list[Issue] = []
    cols = column_map(table, _PRICE_LAYOUT, filename, issues)
    if not any(f in cols for f in PRICE_FIELDS) and not errors_only(issues):
        issues.append(Issue(filename, table.where(table.header_row), "", "",
                            msg("imp.no_price_column", expected=", ".join(PRICE_FIELDS))))
    if errors_only(issues):
        raise PlannerInputError(issues)
    resolver = DeviceResolver(catalog)
    out: dict[str, dict[str, float]] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        device = resolver.resolve(table, row, cols, "id", filename, issues)
        prices = _row_prices(table, row, cols, filename, issues)
        if device is None:
            continue
        if device in seen:
            issues.append(Issue(filename, table.where(row.number), "id", device,
                                msg("imp.duplicate_device_row", row=seen[device])))
        seen[device] = row.number
        if prices:
            out[device] = prices
    if errors_only(issues):
        raise PlannerInputError(issues)
    return out


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
        return {"units"} <= lower_header(table) and bool(lower_header(table) & {"site_id", "site"})

    table = pick_table(read_table_file(data, filename), fits, msg("imp.installed_list"), filename)
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
        value = coerce_number(column, raw, table.decimal_comma)
    except ValueError as exc:
        issues.append(Issue(source, table.where(row.number, cols[name]), name, str(raw), reason(exc)))
        return None
    if value is None and name == "units":
        issues.append(Issue(source, table.where(row.number, cols[name]), name, "", msg("in.required_empty")))
    return None if value is None else int(value)


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

"""Import spreadsheets (.xlsx or .csv): negotiated prices, installed equipment, catalogue extensions.

Every importer reads the whole file, reports **every** problem at once as
:class:`~planner.errors.PlannerInputError` (sheet, row, column, value, reason) and applies nothing when the
file has an error. Layout rules, shared by all importers:

- A sheet's header is its first non-empty row; blank rows are skipped; column names are matched without
  regard to case or surrounding spaces. Sheets without any value are ignored.
- Columns are the catalogue's own names (``catalog/README.md``): ``id`` (or ``vendor`` + ``name``),
  ``capex_eur``, ``maintenance_eur_per_year``, ... An empty price cell means "no change".
- Numbers may be number cells or text; text may carry spaces as thousands separators and a trailing
  ``€``/``EUR``. A decimal comma (``1 200,50``) is accepted in semicolon-separated CSV files only, the
  layout of French Excel's "CSV (séparateur : point-virgule)", where it cannot be confused with a thousands
  separator.
- CSV files are UTF-8 (with or without BOM) or Windows-1252, separated by ``,``, ``;`` or tabs.
- Formulas are read through the value Excel or LibreOffice saved with them; a formula with no saved value
  (a file written by a program that does not compute) is an error.

Limits: files up to :data:`MAX_FILE_BYTES` (5 MB), workbooks up to :data:`MAX_UNZIPPED_BYTES` (50 MB)
once decompressed, and :data:`MAX_ROWS` (10,000) rows per sheet. Password-protected workbooks, Excel 97-2003
``.xls`` files, damaged files and other files renamed ``.xlsx`` are refused with a clear message.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import zip_longest
from pathlib import PurePath
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from planner.catalog import Catalog, ParsedTable, build_catalog, check_references, parse_rows
from planner.errors import Issue, PlannerInputError, errors_only
from planner.scenario import Scenario, scenario_from_yaml
from planner.schema import DEVICE_COLUMNS, PRICE_FIELDS, Column, coerce

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 10_000

#: Column layouts the importers read and :mod:`planner.report.excel` writes.
PRICE_LIST_COLUMNS: tuple[str, ...] = ("id", "vendor", "name", *PRICE_FIELDS)
INSTALLED_COLUMNS: tuple[str, ...] = ("site_id", "device_id", "vendor", "name", "units", "acquisition_year")
#: Sheet of a plan workbook that holds the complete scenario file (YAML), whatever the language.
SCENARIO_SHEET = "scenario.yaml"
_INFO_COLUMNS = ("vendor", "name", "family", "notes", "comment")
_PRICE_SPEC = {c.name: c for c in DEVICE_COLUMNS if c.name in PRICE_FIELDS}
_UNITS = Column("units", "int", minimum=0.0)
_YEAR = Column("acquisition_year", "int", minimum=1950.0, maximum=2100.0)
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class RawRow:
    """A non-blank row of a sheet: its row number as the user sees it and its cells under the header."""

    number: int
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    """One sheet (or the CSV file): header names, data rows, and whether text numbers use a decimal comma."""

    sheet: str
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    header_row: int = 1
    decimal_comma: bool = False

    def where(self, row: int, col: int | None = None) -> str:
        """Location text: ``sheet 'Prices', row 4, column C`` (no sheet part for a CSV file)."""
        parts = [f"sheet '{self.sheet}'"] if self.sheet else []
        parts.append(f"row {row}")
        if col is not None:
            parts.append(f"column {get_column_letter(col + 1)}")
        return ", ".join(parts)


class _Uncomputed:
    """A formula cell without a saved value."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return self.formula


# ---------------------------------------------------------------- reading files


def _file_error(filename: str, message: str) -> PlannerInputError:
    return PlannerInputError([Issue(filename, "", "file", filename, message)])


def read_table_file(data: bytes, filename: str) -> list[Table]:
    """Read an .xlsx workbook (every non-empty sheet) or a .csv file (one table).

    Raises :class:`PlannerInputError` for files that are too large, empty, password-protected, damaged or
    not what their extension says.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _file_error(filename, f"is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    if not data:
        raise _file_error(filename, "is empty")
    ext = PurePath(filename).suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        _check_workbook_bytes(data, filename)
        return _read_xlsx(data, filename)
    if ext in (".csv", ".txt"):
        return [_read_csv(data, filename)]
    hint = {".xls": "Excel 97-2003 (.xls) files are not supported: save it as .xlsx (Excel Workbook)",
            ".ods": "OpenDocument files are not supported: save it as .xlsx or .csv"}
    raise _file_error(filename, hint.get(ext, f"unsupported file type {ext or '(none)'}: use .xlsx or .csv"))


def _check_workbook_bytes(data: bytes, filename: str) -> None:
    if data.startswith(_CFB_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _file_error(filename, "is password-protected: remove the password in Excel "
                                        "(File > Info > Protect Workbook) and upload it again")
        raise _file_error(filename, "is an Excel 97-2003 (.xls) file renamed .xlsx: save it as .xlsx")
    if not data.startswith(b"PK\x03\x04"):
        what = ("a PDF document" if data.startswith(b"%PDF") else
                "text (a CSV file?)" if _is_text(data) else "")
        raise _file_error(filename, "is not an Excel workbook" + (f": it looks like {what}" if what else ""))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _file_error(filename, "is damaged (not a readable zip archive)") from None
    if "xl/workbook.xml" not in names:
        raise _file_error(filename, "is a zip archive but not an Excel workbook (a renamed .ods or .docx?)")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise _file_error(filename, f"decompresses to {unzipped / 1e6:.0f} MB; the limit is "
                                    f"{MAX_UNZIPPED_BYTES // 2**20} MB")


def _is_text(data: bytes) -> bool:
    return b"\x00" not in data[:4096]


def _read_xlsx(data: bytes, filename: str) -> list[Table]:
    books: list[Any] = []
    try:  # untrusted input: openpyxl raises many exception types on damaged parts, all mean "damaged"
        books = [openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=flag)
                 for flag in (True, False)]
        tables = [_sheet_table(ws, wf, filename)
                  for ws, wf in zip(books[0].worksheets, books[1].worksheets, strict=True)]
    except PlannerInputError:
        raise
    except Exception as exc:  # noqa: BLE001
        reason = f"is damaged or not a valid .xlsx workbook ({type(exc).__name__})"
        raise _file_error(filename, reason) from None
    finally:
        for book in books:
            book.close()
    return [t for t in tables if t is not None]


def _sheet_table(values: Any, formulas: Any, filename: str) -> Table | None:
    """Rows of a worksheet, read from the values-only and the formulas copy of the workbook."""
    sheet: str = values.title
    for ws in (values, formulas):
        ws.reset_dimensions()  # some writers declare wrong dimensions; read every stored row
    rows: list[RawRow] = []
    pairs = zip_longest(values.iter_rows(values_only=True), formulas.iter_rows(values_only=True),
                        fillvalue=())
    for number, (vals, forms) in enumerate(pairs, start=1):
        cells = tuple(_uncomputed(v, f) for v, f in zip_longest(vals, forms))
        if any(not _blank(c) for c in cells):
            if len(rows) > MAX_ROWS:
                raise _file_error(filename, f"sheet '{sheet}' has more than {MAX_ROWS} rows")
            rows.append(RawRow(number, cells))
    return _table(sheet, rows, decimal_comma=False)


def _uncomputed(value: Any, formula: Any) -> Any:
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return _Uncomputed(formula)
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(sheet: str, rows: Sequence[RawRow], decimal_comma: bool) -> Table | None:
    if not rows:
        return None
    head = rows[0]
    names = [("" if _blank(c) else str(c).strip()) for c in head.cells]
    while names and not names[-1]:
        names.pop()
    return Table(sheet, tuple(names), tuple(rows[1:]), head.number, decimal_comma)


def _read_csv(data: bytes, filename: str) -> Table:
    if not _is_text(data) or data.startswith((b"PK\x03\x04", _CFB_MAGIC)):
        raise _file_error(filename, "is not a text CSV file (a workbook renamed .csv? upload the .xlsx)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[RawRow] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(rows) > MAX_ROWS:
                    raise _file_error(filename, f"has more than {MAX_ROWS} rows")
                rows.append(RawRow(start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _file_error(filename, f"is not valid CSV near line {start} ({exc})") from None
    table = _table("", rows, decimal_comma=delimiter == ";")
    if table is None:
        raise _file_error(filename, "has no header row (the file holds no values)")
    return table


# ---------------------------------------------------------------- cells and columns


def cell_text(value: Any) -> str:
    """Raw cell value as the text the schema coercers read (dates ISO, booleans yes/no).

    >>> cell_text(2500.0), cell_text(datetime(2024, 3, 1)), cell_text(None)
    ('2500.0', '2024-03-01', '')
    """
    if isinstance(value, _Uncomputed):
        msg = f"formula {value.formula} has no saved value: open and save the file in Excel or LibreOffice"
        raise ValueError(msg)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


_DECIMAL_COMMA = re.compile(r"-?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d+|-?\d+,\d+")
_CURRENCY = re.compile(r"\s*(€|eur)\s*$", re.IGNORECASE)


def number_text(value: Any, decimal_comma: bool) -> str:
    """Text of a numeric cell for :func:`planner.schema.coerce` (currency sign and decimal comma handled).

    >>> number_text("1 200,50 €", True), number_text("12 000 EUR", False)
    ('1200.50', '12 000')
    """
    text = _CURRENCY.sub("", cell_text(value).strip())
    if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
        text = re.sub(r"[ .\u00a0\u202f]", "", text).replace(",", ".")
    return text


def _coerce_number(column: Column, value: Any, decimal_comma: bool) -> float | int | None:
    """Coerce a numeric cell; ``None`` when blank. Raises ``ValueError`` with the reason."""
    text = number_text(value, decimal_comma)
    if not text:
        return None
    try:
        return coerce(dataclasses.replace(column, required=False), text)  # type: ignore[return-value]
    except ValueError as exc:
        hint = " (use a number cell, or a dot as decimal separator)" if "," in text else ""
        raise ValueError(f"{exc}{hint}") from None


@dataclass(frozen=True)
class _Layout:
    """Accepted columns of an importer, their aliases, and which must be present."""

    columns: tuple[str, ...]
    aliases: Mapping[str, str]
    required: tuple[str, ...]
    device_key: str | None = None  # column naming a device; vendor + name may replace it


_PRICE_LAYOUT = _Layout(("id", *_INFO_COLUMNS, *PRICE_FIELDS), {"device_id": "id", "device": "id"}, (), "id")
_INSTALLED_LAYOUT = _Layout(("site_id", "device_id", "units", "acquisition_year", *_INFO_COLUMNS),
                            {"site": "site_id", "device": "device_id", "id": "device_id"},
                            ("site_id", "units"), "device_id")


def _column_map(table: Table, layout: _Layout, source: str, issues: list[Issue]) -> dict[str, int]:
    """Canonical column name -> index; unknown, duplicate and missing columns become issues."""
    found: dict[str, int] = {}
    for index, raw in enumerate(table.header):
        name = layout.aliases.get(raw.lower(), raw.lower())
        where = table.where(table.header_row, index)
        if not raw:
            if any(not _blank(_at(r, index)) for r in table.rows):
                issues.append(Issue(source, where, "", "", "column without a header holds values"))
        elif name not in layout.columns:
            expected = ", ".join(layout.columns)
            issues.append(Issue(source, where, raw, raw, f"unknown column (expected: {expected})"))
        elif name in found:
            issues.append(Issue(source, where, raw, raw, "duplicate column"))
        else:
            found[name] = index
    missing = [c for c in layout.required if c not in found]
    if layout.device_key and layout.device_key not in found and not {"vendor", "name"} <= found.keys():
        missing.append(f"{layout.device_key} (or vendor and name)")
    for name in missing:
        issues.append(Issue(source, table.where(table.header_row), name, "", "required column is missing"))
    return found


def _at(row: RawRow, index: int) -> Any:
    return row.cells[index] if index < len(row.cells) else None


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


class _DeviceResolver:
    """Finds a catalogue device from an id cell, or from vendor + name cells."""

    def __init__(self, catalog: Catalog) -> None:
        self.ids = set(catalog.devices)
        self.by_name: dict[tuple[str, str], list[str]] = {}
        for dev in catalog.devices.values():
            self.by_name.setdefault((_norm(dev.vendor), _norm(dev.name)), []).append(dev.id)

    def resolve(self, table: Table, row: RawRow, cols: Mapping[str, int], key: str, source: str,
                issues: list[Issue]) -> str | None:
        raw = _at(row, cols[key]) if key in cols else None
        if not _blank(raw):
            ident = str(raw).strip()
            if ident in self.ids:
                return ident
            issues.append(Issue(source, table.where(row.number, cols[key]), table.header[cols[key]], ident,
                                "unknown device id (not in the catalogue)"))
            return None
        vendor, name = (_at(row, cols[c]) if c in cols else None for c in ("vendor", "name"))
        where = table.where(row.number, cols.get("name", cols.get(key)))
        matches = self.by_name.get((_norm(vendor), _norm(name)), [])
        if len(matches) == 1:
            return matches[0]
        value = f"{vendor or ''} / {name or ''}"
        reason = (f"ambiguous vendor and name: devices {', '.join(matches)}" if matches else
                  "no device id, and no catalogue device has this vendor and name" if not _blank(name)
                  else "no device id, vendor or name")
        issues.append(Issue(source, where, key, value, reason))
        return None


def _pick_table(tables: Sequence[Table], fits: Callable[[Table], bool], what: str, filename: str) -> Table:
    """The one table that looks like ``what``; a single table is returned as is (its columns get checked)."""
    if len(tables) == 1:
        return tables[0]
    matches = [t for t in tables if fits(t)]
    if len(matches) == 1:
        return matches[0]
    sheets = ", ".join(f"'{t.sheet}'" for t in (matches or tables))
    reason = f"several sheets look like a {what} ({sheets}): keep only one" if matches else \
        f"no sheet looks like a {what} (sheets: {sheets or 'none'})"
    raise _file_error(filename, reason)


def _lower_header(table: Table) -> set[str]:
    return {h.lower() for h in table.header}


# ---------------------------------------------------------------- price list


def import_price_list(data: bytes, filename: str, catalog: Catalog) -> dict[str, dict[str, float]]:
    """Read a price list: ``{device_id: {price field: value}}`` for the non-empty price cells.

    Devices are named by ``id`` (or ``device_id``), or by ``vendor`` + ``name`` as in the catalogue; price
    columns are any of :data:`planner.schema.PRICE_FIELDS`. Raises :class:`PlannerInputError` listing every
    problem (unknown device, text in a number, negative price, duplicate device, missing column).
    """
    def fits(table: Table) -> bool:
        head = _lower_header(table)
        return bool(head & {"id", "device_id", "device"} or {"vendor", "name"} <= head) and bool(
            head & set(PRICE_FIELDS))

    table = _pick_table(read_table_file(data, filename), fits, "price list", filename)
    issues: list[Issue] = []
    cols = _column_map(table, _PRICE_LAYOUT, filename, issues)
    if not any(f in cols for f in PRICE_FIELDS) and not errors_only(issues):
        issues.append(Issue(filename, table.where(table.header_row), "", "",
                            f"no price column (expected any of: {', '.join(PRICE_FIELDS)})"))
    if errors_only(issues):
        raise PlannerInputError(issues)
    resolver = _DeviceResolver(catalog)
    out: dict[str, dict[str, float]] = {}
    seen: dict[str, int] = {}
    for row in table.rows:
        device = resolver.resolve(table, row, cols, "id", filename, issues)
        prices = _row_prices(table, row, cols, filename, issues)
        if device is None:
            continue
        if device in seen:
            issues.append(Issue(filename, table.where(row.number), "id", device,
                                f"duplicate row: this device is already on row {seen[device]}"))
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
        raw = _at(row, cols[fname])
        try:
            value = _coerce_number(_PRICE_SPEC[fname], raw, table.decimal_comma)
        except ValueError as exc:
            issues.append(Issue(source, table.where(row.number, cols[fname]), fname, str(raw), str(exc)))
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

    ``acquisition_years`` keeps, per (site, device), the (year, units) pairs of rows that gave a year: the
    single-year plan does not use them yet (``notes`` says so); the multi-year plan will.
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

    For every site named in the file, the file's rows **replace** the site's installed equipment; other
    sites keep theirs. Rows of the same site and device with different acquisition years add up.
    """
    def fits(table: Table) -> bool:
        return {"units"} <= _lower_header(table) and bool(_lower_header(table) & {"site_id", "site"})

    table = _pick_table(read_table_file(data, filename), fits, "list of installed equipment", filename)
    issues: list[Issue] = []
    cols = _column_map(table, _INSTALLED_LAYOUT, filename, issues)
    if errors_only(issues):
        raise PlannerInputError(issues)
    resolver, sites = _DeviceResolver(catalog), {s.id for s in scenario.sites}
    units: dict[str, dict[str, int]] = {}
    years: dict[tuple[str, str], list[tuple[int, int]]] = {}
    seen: dict[tuple[str, str, int | None], int] = {}
    for row in table.rows:
        site = _row_site(table, row, cols, sites, filename, issues)
        device = resolver.resolve(table, row, cols, "device_id", filename, issues)
        count = _row_int(table, row, cols, "units", _UNITS, filename, issues)
        year = _row_int(table, row, cols, "acquisition_year", _YEAR, filename, issues)
        if site is None or device is None or count is None:
            continue
        key = (site, device, year)
        if key in seen:
            issues.append(Issue(filename, table.where(row.number), "device_id", device,
                                f"duplicate row: same site, device and year as row {seen[key]}"))
        seen[key] = row.number
        units.setdefault(site, {})
        units[site][device] = units[site].get(device, 0) + count
        if year is not None:
            years.setdefault((site, device), []).append((year, count))
    if errors_only(issues):
        raise PlannerInputError(issues)
    new_sites = tuple(dataclasses.replace(s, installed=units[s.id]) if s.id in units else s
                      for s in scenario.sites)
    note = "acquisition years are kept for the multi-year plan; this single-year plan does not use them"
    notes = (Issue(filename, "", "acquisition_year", "", note, "warning"),) if years else ()
    return InstalledImport(dataclasses.replace(scenario, sites=new_sites),
                           {k: tuple(sorted(v)) for k, v in years.items()}, notes)


def _row_site(table: Table, row: RawRow, cols: Mapping[str, int], sites: set[str], source: str,
              issues: list[Issue]) -> str | None:
    raw = _at(row, cols["site_id"])
    ident = "" if _blank(raw) else str(raw).strip()
    if ident in sites:
        return ident
    reason = ("is required and empty" if not ident else
              f"unknown site id (scenario sites: {', '.join(sorted(sites))})")
    col = cols["site_id"]
    issues.append(Issue(source, table.where(row.number, col), table.header[col], ident, reason))
    return None


def _row_int(table: Table, row: RawRow, cols: Mapping[str, int], name: str, column: Column, source: str,
             issues: list[Issue]) -> int | None:
    if name not in cols:
        return None
    raw = _at(row, cols[name])
    try:
        value = _coerce_number(column, raw, table.decimal_comma)
    except ValueError as exc:
        issues.append(Issue(source, table.where(row.number, cols[name]), name, str(raw), str(exc)))
        return None
    if value is None and name == "units":
        issues.append(Issue(source, table.where(row.number, cols[name]), name, "", "is required and empty"))
    return None if value is None else int(value)


# ---------------------------------------------------------------- scenario of a plan workbook


def scenario_from_workbook(data: bytes, filename: str, base_dir: str = "") -> Scenario:
    """The scenario a plan workbook was made from (its ``scenario.yaml`` sheet), parsed and validated.

    ``base_dir`` resolves a relative ``catalog:`` folder, as the folder of a scenario file would.
    """
    tables = [t for t in read_table_file(data, filename) if t.sheet == SCENARIO_SHEET]
    if not tables:
        raise _file_error(filename, f"has no '{SCENARIO_SHEET}' sheet: is it a plan workbook of this planner?")
    table = tables[0]
    lines = {table.header_row: table.header[0] if table.header else ""}
    lines.update({row.number: "" if _blank(_at(row, 0)) else str(_at(row, 0)) for row in table.rows})
    text = "\n".join(lines.get(n, "") for n in range(1, max(lines) + 1))
    return scenario_from_yaml(text, f"{filename} [{SCENARIO_SHEET}]", base_dir)


# ---------------------------------------------------------------- catalogue extension

_CATALOG_KEYS = {"devices": ("id",), "indications": ("id",), "coverage": ("device_id", "indication_id")}


def _catalog_kind(table: Table) -> str | None:
    head = _lower_header(table)
    if {"device_id", "indication_id"} <= head:
        return "coverage"
    if "id" in head and "family" in head:
        return "devices"
    if "id" in head and "name_en" in head:
        return "indications"
    return None


def import_catalog_extension(data: bytes, filename: str, catalog: Catalog) -> Catalog:
    """Add the devices, indications and coverage rows of a file to the catalogue; return the merged one.

    Sheets use the catalogue's CSV layout (``catalog/README.md``); each is recognised by its columns. A row
    identical to a catalogue row is accepted and changes nothing (so an exported catalogue imports back as
    itself); an id already in the catalogue with other values is an error. Foreign keys (``requires``,
    coverage ids) are checked on the merged catalogue.
    """
    issues: list[Issue] = []
    new: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {k: {} for k in _CATALOG_KEYS}
    origin: dict[tuple[str, tuple[str, ...]], str] = {}
    for table in read_table_file(data, filename):
        kind = _catalog_kind(table)
        if kind is None:
            issues.append(Issue(filename, table.where(table.header_row), "", ", ".join(table.header),
                                "not a devices, indications or coverage table (see catalog/README.md)"))
            continue
        for number, row in _parse_catalog_rows(kind, table, filename, issues):
            _add_catalog_row(catalog, kind, row, table.where(number), new, origin, filename, issues)
    if not errors_only(issues) and not any(new.values()):
        return catalog
    merged = _merged_tables(catalog, new)
    for issue in check_references(merged["devices"], merged["indications"], merged["coverage"].values()):
        key = _reference_key(issue)
        issues.append(dataclasses.replace(issue, source=filename, location=origin.get(key, issue.location)))
    if errors_only(issues):
        raise PlannerInputError(issues)
    digest = hashlib.sha256(catalog.fingerprint.encode() + data).hexdigest()[:16]
    tables = {k: ParsedTable(tuple(v.values()), ()) for k, v in merged.items()}
    return build_catalog(tables, catalog.path, digest)


def _parse_catalog_rows(kind: str, table: Table, source: str,
                        issues: list[Issue]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Coerce each row through the catalogue schema (issues placed by sheet, row and column), row by row."""
    header = [h.lower() for h in table.header]
    col_of = {name: i for i, name in enumerate(header)}
    head_issues = parse_rows(kind, [], source, header).issues
    issues.extend(dataclasses.replace(i, location=table.where(table.header_row, col_of.get(i.field)))
                  for i in head_issues)
    if errors_only(head_issues):
        return
    for row in table.rows:
        raw, bad = {}, False
        for i, name in enumerate(header):
            try:
                raw[name] = cell_text(_at(row, i))
            except ValueError as exc:
                issues.append(Issue(source, table.where(row.number, i), name, str(_at(row, i)), str(exc)))
                bad = True
        parsed = parse_rows(kind, [raw], source, header, first_row=row.number)
        issues.extend(dataclasses.replace(i, location=table.where(row.number, col_of.get(i.field)))
                      for i in parsed.issues)
        if parsed.rows and not bad:
            yield row.number, parsed.rows[0]


def _add_catalog_row(catalog: Catalog, kind: str, row: dict[str, Any], where: str,
                     new: dict[str, dict[tuple[str, ...], dict[str, Any]]],
                     origin: dict[tuple[str, tuple[str, ...]], str], source: str,
                     issues: list[Issue]) -> None:
    key = tuple(str(row[k]) for k in _CATALOG_KEYS[kind])
    existing = _existing_rows(catalog, kind).get(key)
    label = " x ".join(key)
    if (kind, key) in origin:
        issues.append(Issue(source, where, _CATALOG_KEYS[kind][0], label,
                            f"duplicate row: already at {origin[(kind, key)]}"))
    elif existing is not None and existing != row:
        diff = [f"{k}: {_short(existing[k])} in the catalogue, {_short(row[k])} here"
                for k in row if existing.get(k) != row[k]]
        issues.append(Issue(source, where, _CATALOG_KEYS[kind][0], label,
                            "already in the catalogue with other values (" + "; ".join(diff[:3]) +
                            (f"; {len(diff) - 3} more" if len(diff) > 3 else "") +
                            "); use a new id, or a price list to change prices"))
    elif existing is None:
        new[kind][key] = row
    origin[(kind, key)] = where


def _short(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _existing_rows(catalog: Catalog, kind: str) -> dict[tuple[str, ...], dict[str, Any]]:
    if kind == "coverage":
        return {(c.device_id, c.indication_id): dataclasses.asdict(c) for c in catalog.coverage}
    items = catalog.devices if kind == "devices" else catalog.indications
    return {(k,): dataclasses.asdict(v) for k, v in items.items()}


def _merged_tables(catalog: Catalog, new: Mapping[str, Mapping[tuple[str, ...], dict[str, Any]]]
                   ) -> dict[str, dict[Any, dict[str, Any]]]:
    merged: dict[str, dict[Any, dict[str, Any]]] = {}
    for kind in _CATALOG_KEYS:
        rows = _existing_rows(catalog, kind)
        rows.update(new[kind])
        merged[kind] = {(k[0] if kind != "coverage" else k): v for k, v in rows.items()}
    return merged


def _reference_key(issue: Issue) -> tuple[str, tuple[str, ...]]:
    """Which imported row a :func:`check_references` issue is about (its location names the ids)."""
    if issue.location.startswith("coverage "):
        pair = issue.location.removeprefix("coverage ").split(" x ")
        return "coverage", tuple(pair)
    return "devices", (issue.location.removeprefix("device "),)

"""Column matching for the importers: accepted columns and aliases, devices named by id or vendor + name,
and the choice of the sheet to read in a workbook of several.

Column names are matched by :func:`planner.ingest.headers.header_key` (without case, accents, punctuation
or extra spaces), as the catalogue's code names or their French and English synonyms
(:data:`planner.ingest.headers.SYNONYMS`); unknown, duplicate and missing columns are reported as issues with
their sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planner.catalog import Catalog
from planner.errors import Issue
from planner.ingest.headers import IGNORED, canonical_names, header_key
from planner.ingest.read import RawRow, Table, blank, file_error
from planner.messages import Device, Join, Msg, msg


@dataclass(frozen=True)
class Layout:
    """Accepted columns of an importer, their aliases, and which must be present."""

    columns: tuple[str, ...]
    aliases: Mapping[str, str]
    required: tuple[str, ...]
    device_key: str | None = None  # column naming a device; vendor + name may replace it


def column_map(table: Table, layout: Layout, source: str, issues: list[Issue]) -> dict[str, int]:
    """Canonical column name -> index; unknown, duplicate and missing columns become issues."""
    found: dict[str, int] = {}
    names = canonical_names(layout.columns, layout.aliases)
    for index, raw in enumerate(table.header):
        name = names.get(header_key(raw), raw)
        where = table.where(table.header_row, index)
        if not raw:
            if any(not blank(at(r, index)) for r in table.rows):
                issues.append(Issue(source, where, "", "", msg("imp.no_header_values")))
        elif name == IGNORED:
            continue
        elif name not in layout.columns:
            expected = ", ".join(layout.columns)
            issues.append(Issue(source, where, raw, raw, msg("imp.unknown_column", expected=expected)))
        elif name in found:
            issues.append(Issue(source, where, raw, raw, msg("cat.duplicate_column")))
        else:
            found[name] = index
    missing = [(c, msg("cat.missing_column")) for c in layout.required if c not in found]
    if (layout.device_key and layout.device_key not in found and "reference" not in found
            and not {"vendor", "name"} <= found.keys()):
        missing.append((layout.device_key, msg("imp.missing_device_column")))
    for name, why in missing:
        issues.append(Issue(source, table.where(table.header_row), name, "", why))
    return found


def at(row: RawRow, index: int) -> Any:
    """The cell of a row at a column index (``None`` past the row's end)."""
    return row.cells[index] if index < len(row.cells) else None


def norm(text: Any) -> str:
    """Text compared without case and with spaces collapsed."""
    return " ".join(str(text or "").split()).casefold()


class DeviceResolver:
    """Finds a catalogue device from an id cell, a reference cell holding a catalogue id, or vendor + name."""

    def __init__(self, catalog: Catalog) -> None:
        self.ids = set(catalog.devices)
        self.by_name: dict[tuple[str, str], list[str]] = {}
        for dev in catalog.devices.values():  # the product's name in either language
            for name in {dev.name, dev.label("fr")}:
                self.by_name.setdefault((norm(dev.vendor), norm(name)), []).append(dev.id)

    def resolve(self, table: Table, row: RawRow, cols: Mapping[str, int], key: str, source: str,
                issues: list[Issue]) -> str | None:
        """The device id of a row (``key`` column, else a ``reference`` that is a catalogue id, else vendor +
        name); ``None`` with an issue if not found. A supplier's own reference is no catalogue id: the row is
        then found by vendor + name."""
        raw = at(row, cols[key]) if key in cols else None
        if not blank(raw):
            ident = str(raw).strip()
            if ident in self.ids:
                return ident
            issues.append(Issue(source, table.where(row.number, cols[key]), table.header[cols[key]], ident,
                                msg("chk.unknown_device")))
            return None
        ref = at(row, cols["reference"]) if "reference" in cols else None
        if not blank(ref) and str(ref).strip() in self.ids:
            return str(ref).strip()
        vendor, name = (at(row, cols[c]) if c in cols else None for c in ("vendor", "name"))
        where = table.where(row.number, cols.get("name", cols.get(key)))
        matches = self.by_name.get((norm(vendor), norm(name)), [])
        if len(matches) == 1:
            return matches[0]
        value = f"{vendor or ''} / {name or ''}"
        why = (msg("imp.ambiguous", devices=Join(tuple(Device(m) for m in matches), "and")) if matches else
               msg("imp.reference_no_match", reference=str(ref).strip()) if not blank(name) and not blank(ref)
               else msg("imp.no_match") if not blank(name) else msg("imp.no_id"))
        issues.append(Issue(source, where, key, value, why))
        return None


def pick_table(tables: Sequence[Table], fits: Callable[[Table], bool], what: Msg, filename: str,
               layout: Layout | None = None) -> Table:
    """The one table that looks like ``what``; a single table is returned as is (its columns get checked).

    When several look like it, the one whose every column belongs to ``layout`` is taken (a plan workbook's
    procurement list names a supplier and a unit price too, beside columns no price list has)."""
    if len(tables) == 1:
        return tables[0]
    matches = [t for t in tables if fits(t)]
    if len(matches) > 1 and layout is not None:
        names = canonical_names(layout.columns, layout.aliases)
        matches = [t for t in matches if all(header_key(h) in names for h in t.header if h)] or matches
    if len(matches) == 1:
        return matches[0]
    sheets = ", ".join(f"'{t.sheet}'" for t in (matches or tables))
    why = msg("imp.several_sheets", what=what, sheets=sheets) if matches else \
        msg("imp.no_sheet", what=what, sheets=sheets or msg("imp.none"))
    raise file_error(filename, why)


def header_found(table: Table, fits: Callable[[Table], bool], search_rows: int = 20) -> Table:
    """The table read from its real header row: a quote often has a letterhead (supplier, quote number) above
    its column headers. The first of the first ``search_rows`` rows under which the table ``fits`` is the
    header; the table as it is when none does (its columns then get reported)."""
    if fits(table):
        return table
    rows = table.rows
    for i, row in enumerate(rows[:search_rows]):
        names = [("" if blank(c) else str(c).strip()) for c in row.cells]
        while names and not names[-1]:
            names.pop()
        candidate = Table(table.sheet, tuple(names), rows[i + 1:], row.number, table.decimal_comma)
        if fits(candidate):
            return candidate
    return table


def lower_header(table: Table) -> set[str]:
    """The lower-cased column names of a table."""
    return {h.lower() for h in table.header}


def canonical_header(table: Table, layout: Layout) -> set[str]:
    """The canonical columns of ``layout`` that a table's header names (code names or synonyms)."""
    names = canonical_names(layout.columns, layout.aliases)
    return {names[key] for key in map(header_key, table.header) if key in names} - {IGNORED}

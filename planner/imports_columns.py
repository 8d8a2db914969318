"""Column matching for the importers: accepted columns and aliases, devices named by id or vendor + name,
and the choice of the sheet to read in a workbook of several.

Column names are matched without regard to case or surrounding spaces; unknown, duplicate and missing
columns are reported as issues with their sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planner.catalog import Catalog
from planner.errors import Issue
from planner.imports_read import RawRow, Table, blank, file_error
from planner.messages import Msg, msg


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
    for index, raw in enumerate(table.header):
        name = layout.aliases.get(raw.lower(), raw.lower())
        where = table.where(table.header_row, index)
        if not raw:
            if any(not blank(at(r, index)) for r in table.rows):
                issues.append(Issue(source, where, "", "", msg("imp.no_header_values")))
        elif name not in layout.columns:
            expected = ", ".join(layout.columns)
            issues.append(Issue(source, where, raw, raw, msg("cat.unknown_column", expected=expected)))
        elif name in found:
            issues.append(Issue(source, where, raw, raw, msg("cat.duplicate_column")))
        else:
            found[name] = index
    missing = [c for c in layout.required if c not in found]
    if layout.device_key and layout.device_key not in found and not {"vendor", "name"} <= found.keys():
        missing.append(f"{layout.device_key} (or vendor and name)")
    for name in missing:
        issues.append(Issue(source, table.where(table.header_row), name, "", msg("cat.missing_column")))
    return found


def at(row: RawRow, index: int) -> Any:
    """The cell of a row at a column index (``None`` past the row's end)."""
    return row.cells[index] if index < len(row.cells) else None


def norm(text: Any) -> str:
    """Text compared without case and with spaces collapsed."""
    return " ".join(str(text or "").split()).casefold()


class DeviceResolver:
    """Finds a catalogue device from an id cell, or from vendor + name cells."""

    def __init__(self, catalog: Catalog) -> None:
        self.ids = set(catalog.devices)
        self.by_name: dict[tuple[str, str], list[str]] = {}
        for dev in catalog.devices.values():
            self.by_name.setdefault((norm(dev.vendor), norm(dev.name)), []).append(dev.id)

    def resolve(self, table: Table, row: RawRow, cols: Mapping[str, int], key: str, source: str,
                issues: list[Issue]) -> str | None:
        """The device id of a row (``key`` column, else vendor + name); ``None`` with an issue if not found."""
        raw = at(row, cols[key]) if key in cols else None
        if not blank(raw):
            ident = str(raw).strip()
            if ident in self.ids:
                return ident
            issues.append(Issue(source, table.where(row.number, cols[key]), table.header[cols[key]], ident,
                                msg("chk.unknown_device")))
            return None
        vendor, name = (at(row, cols[c]) if c in cols else None for c in ("vendor", "name"))
        where = table.where(row.number, cols.get("name", cols.get(key)))
        matches = self.by_name.get((norm(vendor), norm(name)), [])
        if len(matches) == 1:
            return matches[0]
        value = f"{vendor or ''} / {name or ''}"
        why = (msg("imp.ambiguous", devices=", ".join(matches)) if matches else
               msg("imp.no_match") if not blank(name) else msg("imp.no_id"))
        issues.append(Issue(source, where, key, value, why))
        return None


def pick_table(tables: Sequence[Table], fits: Callable[[Table], bool], what: Msg, filename: str) -> Table:
    """The one table that looks like ``what``; a single table is returned as is (its columns get checked)."""
    if len(tables) == 1:
        return tables[0]
    matches = [t for t in tables if fits(t)]
    if len(matches) == 1:
        return matches[0]
    sheets = ", ".join(f"'{t.sheet}'" for t in (matches or tables))
    why = msg("imp.several_sheets", what=what, sheets=sheets) if matches else \
        msg("imp.no_sheet", what=what, sheets=sheets or msg("imp.none"))
    raise file_error(filename, why)


def lower_header(table: Table) -> set[str]:
    """The lower-cased column names of a table."""
    return {h.lower() for h in table.header}

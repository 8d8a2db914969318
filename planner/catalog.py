"""Load the reference catalogue (``catalog/*.csv``) into frozen, typed objects.

Every cell is coerced through :mod:`planner.schema`; every problem (file, row, column, value, reason) is
collected and raised at once as :class:`~planner.errors.PlannerInputError`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner.errors import Issue, PlannerInputError, errors_only
from planner.schema import TABLES, CellValue, Column, coerce

BUNDLED_CATALOG = Path(__file__).resolve().parent.parent / "catalog"
CATALOG_FILES = {name: f"{name}.csv" for name in TABLES}


@dataclass(frozen=True)
class Device:
    """One product: a console or platform and the consumable it uses per case."""

    id: str
    family: str
    name: str
    vendor: str
    capex_eur: float
    maintenance_eur_per_year: float
    consumable_eur_per_case: float
    lifetime_years: float
    capacity_cases_per_year: float
    deployment: str
    requires: tuple[str, ...]
    compatible_angio: tuple[str, ...]
    source: str
    price_date: date
    estimate: bool
    notes: str = ""
    network_connected: str = "unknown"
    os_family: str = ""
    os_end_of_support: date | None = None
    mds2_available: str = "unknown"
    sbom_available: str = "unknown"
    patch_policy: str = "unknown"
    remote_access: str = "unknown"
    encryption_at_rest: str = "unknown"
    security_source: str = ""
    placement_available: bool = False
    placement_consumable_eur_per_case: float | None = None
    placement_min_commitment_eur_per_year: float = 0.0
    lease_available: bool = False
    lease_eur_per_year: float = 0.0
    lease_term_years: float = 0.0

    def works_with(self, angio_vendor: str) -> bool:
        """Whether the device can be used with an angiography system of this vendor."""
        return "any" in self.compatible_angio or angio_vendor in self.compatible_angio


@dataclass(frozen=True)
class Indication:
    """A clinical indication: a share of a base activity that needs an adjunct device."""

    id: str
    name_en: str
    name_fr: str
    base_activity: str
    default_share: float
    default_weight: float
    default_min_coverage: float
    source: str

    def name(self, lang: str) -> str:
        """Name in ``lang`` ("fr" or "en")."""
        return self.name_fr if lang == "fr" else self.name_en


@dataclass(frozen=True)
class Coverage:
    """How well a device serves an indication, and its guideline class for it."""

    device_id: str
    indication_id: str
    effectiveness: float
    guideline_class: str
    source: str


@dataclass(frozen=True)
class Catalog:
    """The reference data: devices, indications and the device x indication coverage."""

    devices: Mapping[str, Device]
    indications: Mapping[str, Indication]
    coverage: tuple[Coverage, ...]
    path: str = ""
    fingerprint: str = field(default="", compare=False)

    def effectiveness(self, device_id: str, indication_id: str) -> float:
        """Effectiveness of a device for an indication (0 when it cannot serve it)."""
        for row in self.coverage:
            if row.device_id == device_id and row.indication_id == indication_id:
                return row.effectiveness
        return 0.0

    def families(self) -> tuple[str, ...]:
        """Sorted device families present in the catalogue."""
        return tuple(sorted({d.family for d in self.devices.values()}))


@dataclass(frozen=True)
class ParsedTable:
    """Rows of one table coerced to typed values, and the issues found."""

    rows: tuple[dict[str, CellValue], ...]
    issues: tuple[Issue, ...]
    failed_ids: tuple[str, ...] = ()  # raw ids of rows with errors: still "known" to reference checks


def parse_rows(table: str, rows: Iterable[Mapping[str, Any]], source: str, header: Iterable[str],
               first_row: int = 2) -> ParsedTable:
    """Coerce raw rows of ``table`` through its schema; report unknown/missing columns and bad cells.

    ``first_row`` is the row number of the first data row as the user sees it (2 under a header row).
    """
    columns = TABLES[table]
    issues: list[Issue] = []
    names = [str(h).strip() for h in header]
    known = {c.name for c in columns}
    for name in names:
        if name not in known:
            issues.append(Issue(source, "header", name, name, f"unknown column (expected: {', '.join(known)})"))
    for col in columns:
        if col.required and not col.default and col.name not in names:
            issues.append(Issue(source, "header", col.name, "", "required column is missing"))
    if errors_only(issues):
        return ParsedTable((), tuple(issues))
    parsed: list[dict[str, CellValue]] = []
    failed: list[str] = []
    for offset, raw in enumerate(rows):
        row_no = first_row + offset
        values, row_issues = _parse_row(columns, raw, source, row_no)
        issues.extend(row_issues)
        if row_issues:
            failed.append(str(raw.get("id") or "").strip())
        else:
            parsed.append(values)
    return ParsedTable(tuple(parsed), tuple(issues), tuple(failed))


def _parse_row(columns: tuple[Column, ...], raw: Mapping[str, Any], source: str,
               row_no: int) -> tuple[dict[str, CellValue], list[Issue]]:
    values: dict[str, CellValue] = {}
    issues: list[Issue] = []
    for col in columns:
        cell = raw.get(col.name)
        text = "" if cell is None else str(cell)
        try:
            values[col.name] = coerce(col, text)
        except ValueError as exc:
            issues.append(Issue(source, f"row {row_no}", col.name, text, str(exc)))
    return values, issues


def read_csv_table(table: str, path: Path) -> ParsedTable:
    """Read one catalogue CSV file and parse it."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ParsedTable((), (Issue(source, "", "", "", "file not found"),))
    except (UnicodeDecodeError, OSError) as exc:
        return ParsedTable((), (Issue(source, "", "", "", f"cannot be read as UTF-8 text ({exc})"),))
    reader = csv.DictReader(io.StringIO(text))
    return parse_rows(table, list(reader), source, reader.fieldnames or [])


def build_catalog(tables: Mapping[str, ParsedTable], path: str = "", fingerprint: str = "") -> Catalog:
    """Assemble a :class:`Catalog` from parsed tables; check unique ids and foreign keys."""
    issues: list[Issue] = [i for t in tables.values() for i in t.issues]
    devices = _unique(tables["devices"].rows, "id", _source(path, "devices"), issues)
    indications = _unique(tables["indications"].rows, "id", _source(path, "indications"), issues)
    coverage = tables["coverage"].rows
    known = (set(devices) | set(tables["devices"].failed_ids), set(indications) | set(tables["indications"].failed_ids))
    issues.extend(check_references(devices, indications, coverage, path, known))
    if errors_only(issues):
        raise PlannerInputError(issues)
    return Catalog(
        devices={k: Device(**v) for k, v in sorted(devices.items())},  # type: ignore[arg-type]
        indications={k: Indication(**v) for k, v in sorted(indications.items())},  # type: ignore[arg-type]
        coverage=tuple(Coverage(**row) for row in coverage),  # type: ignore[arg-type]
        path=path,
        fingerprint=fingerprint,
    )


def _source(path: str, table: str) -> str:
    return str(Path(path) / CATALOG_FILES[table]) if path else CATALOG_FILES[table]


def _unique(rows: Iterable[dict[str, CellValue]], key: str, source: str,
            issues: list[Issue]) -> dict[str, dict[str, CellValue]]:
    out: dict[str, dict[str, CellValue]] = {}
    for row in rows:
        ident = str(row[key])
        if ident in out:
            issues.append(Issue(source, f"id {ident}", key, ident, "duplicate id"))
        out[ident] = row
    return out


def check_references(devices: Mapping[str, Mapping[str, CellValue]],
                     indications: Mapping[str, Mapping[str, CellValue]],
                     coverage: Iterable[Mapping[str, CellValue]], path: str = "",
                     known: tuple[set[str], set[str]] | None = None) -> list[Issue]:
    """Foreign keys: ``requires`` and coverage ids must exist; a coverage pair appears once.

    ``known`` (device ids, indication ids) may add ids of rows already reported as bad, so that one bad
    row is reported once rather than again through every reference to it.
    """
    issues: list[Issue] = []
    known_dev, known_ind = known or (set(devices), set(indications))
    dev_src, cov_src = _source(path, "devices"), _source(path, "coverage")
    for ident, row in devices.items():
        for req in row["requires"]:  # type: ignore[union-attr]
            if req not in known_dev:
                issues.append(Issue(dev_src, f"device {ident}", "requires", str(req), "unknown device id"))
            elif req == ident:
                issues.append(Issue(dev_src, f"device {ident}", "requires", str(req), "a device cannot require itself"))
    seen: set[tuple[str, str]] = set()
    for row in coverage:
        pair = (str(row["device_id"]), str(row["indication_id"]))
        where = f"coverage {pair[0]} x {pair[1]}"
        if pair[0] not in known_dev:
            issues.append(Issue(cov_src, where, "device_id", pair[0], "unknown device id"))
        if pair[1] not in known_ind:
            issues.append(Issue(cov_src, where, "indication_id", pair[1], "unknown indication id"))
        if pair in seen:
            issues.append(Issue(cov_src, where, "device_id", pair[0], "duplicate device x indication pair"))
        seen.add(pair)
    return issues


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load the catalogue folder ``path`` (default: the bundled one, or ``$CATHLAB_CATALOG``)."""
    folder = Path(path or os.environ.get("CATHLAB_CATALOG") or BUNDLED_CATALOG)
    if not folder.is_dir():
        raise PlannerInputError([Issue(str(folder), "", "catalog", str(folder), "catalogue folder not found")])
    tables = {name: read_csv_table(name, folder / fname) for name, fname in CATALOG_FILES.items()}
    digest = hashlib.sha256()
    for fname in sorted(CATALOG_FILES.values()):
        file = folder / fname
        digest.update(file.read_bytes() if file.is_file() else b"")
    return build_catalog(tables, str(folder), digest.hexdigest()[:16])

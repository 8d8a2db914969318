"""Import a catalogue extension: new devices, indications and coverage rows in the catalogue's own layout.

Sheets use the catalogue's CSV layout (``catalog/README.md``); each is recognised by its columns. Every
problem is reported at once, and nothing is applied when the file has an error.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from planner.catalog import Catalog, ParsedTable, build_catalog, check_references, parse_rows
from planner.errors import Issue, PlannerInputError, errors_only, reason
from planner.ingest.columns import at, lower_header
from planner.ingest.read import Table, cell_text, read_table_file
from planner.messages import Join, Msg, msg

_CATALOG_KEYS = {"devices": ("id",), "indications": ("id",), "coverage": ("device_id", "indication_id"),
                 "families": ("id",), "outcomes": ("id",), "evidence": ("id",),
                 "effects": ("strategy", "indication_id", "outcome_id")}
#: Columns that tell each table apart (checked in this order).
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    ("coverage", frozenset({"device_id", "indication_id"})),
    ("effects", frozenset({"strategy", "evidence_id"})),
    ("evidence", frozenset({"id", "citation", "measure"})),
    ("outcomes", frozenset({"id", "default_severity"})),
    ("families", frozenset({"id", "min_cases_per_year"})),
    ("families", frozenset({"id", "requires_family"})),
    ("devices", frozenset({"id", "family"})),
    ("indications", frozenset({"id", "name_en", "base_activity"})),
)


def _catalog_kind(table: Table) -> str | None:
    head = lower_header(table)
    return next((kind for kind, columns in _SIGNATURES if columns <= head), None)


def import_catalog_extension(data: bytes, filename: str, catalog: Catalog) -> Catalog:
    """Add the rows of a file (devices, indications, coverage, families, outcomes, evidence, effects) to the
    catalogue; return the merged one.

    Sheets use the catalogue's CSV layout (``catalog/README.md``); each is recognised by its columns. A row
    identical to a catalogue row is accepted and changes nothing (so an exported catalogue imports back as
    itself); an id already in the catalogue with other values is an error. Foreign keys (``requires``,
    coverage ids) are checked on the merged catalogue.
    """
    issues: list[Issue] = []
    new: dict[str, dict[tuple[str, ...], dict[str, Any]]] = {k: {} for k in _CATALOG_KEYS}
    origin: dict[tuple[str, tuple[str, ...]], Msg] = {}
    for table in read_table_file(data, filename):
        kind = _catalog_kind(table)
        if kind is None:
            issues.append(Issue(filename, table.where(table.header_row), "", ", ".join(table.header),
                                msg("imp.not_catalogue_table")))
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
    for name, rows in (("advisories", catalog.advisories), ("price_index", catalog.price_index),
                       ("fx_rates", catalog.fx_rates)):  # reference tables of the catalogue, kept as they are
        tables[name] = ParsedTable(tuple(dataclasses.asdict(r) for r in rows), ())
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
                raw[name] = cell_text(at(row, i))
            except ValueError as exc:
                issues.append(Issue(source, table.where(row.number, i), name, str(at(row, i)), reason(exc)))
                bad = True
        parsed = parse_rows(kind, [raw], source, header, first_row=row.number)
        issues.extend(dataclasses.replace(i, location=table.where(row.number, col_of.get(i.field)))
                      for i in parsed.issues)
        if parsed.rows and not bad:
            yield row.number, parsed.rows[0]


def _add_catalog_row(catalog: Catalog, kind: str, row: dict[str, Any], where: Msg,
                     new: dict[str, dict[tuple[str, ...], dict[str, Any]]],
                     origin: dict[tuple[str, tuple[str, ...]], Msg], source: str,
                     issues: list[Issue]) -> None:
    key = tuple(str(row[k]) for k in _CATALOG_KEYS[kind])
    existing = _existing_rows(catalog, kind).get(key)
    label = " x ".join(key)
    if (kind, key) in origin:
        issues.append(Issue(source, where, _CATALOG_KEYS[kind][0], label,
                            msg("imp.duplicate_catalogue_row", origin=origin[(kind, key)])))
    elif existing is not None and existing != row:
        diff: list[Msg] = [msg("imp.catalogue_diff", field=k, existing=_short(existing[k]), new=_short(row[k]))
                           for k in row if existing.get(k) != row[k]]
        shown = diff[:3] + ([msg("imp.more", n=len(diff) - 3)] if len(diff) > 3 else [])
        issues.append(Issue(source, where, _CATALOG_KEYS[kind][0], label,
                            msg("imp.catalogue_conflict", diffs=Join(tuple(shown), "semicolon"))))
    elif existing is None:
        new[kind][key] = row
    origin[(kind, key)] = where


def _short(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _existing_rows(catalog: Catalog, kind: str) -> dict[tuple[str, ...], dict[str, Any]]:
    if kind == "coverage":
        return {(c.device_id, c.indication_id): dataclasses.asdict(c) for c in catalog.coverage}
    if kind == "effects":
        return {(e.strategy, e.indication_id, e.outcome_id): dataclasses.asdict(e) for e in catalog.effects}
    items: Mapping[str, Any] = {"devices": catalog.devices, "indications": catalog.indications,
                                "families": catalog.family_table, "outcomes": catalog.outcomes,
                                "evidence": catalog.evidence}[kind]
    rows = {(k,): dataclasses.asdict(v) for k, v in items.items()}
    for row in rows.values():
        row.pop("advisories", None)  # a device's advisories are rows of their own table
    return rows


def _merged_tables(catalog: Catalog, new: Mapping[str, Mapping[tuple[str, ...], dict[str, Any]]]
                   ) -> dict[str, dict[Any, dict[str, Any]]]:
    merged: dict[str, dict[Any, dict[str, Any]]] = {}
    for kind in _CATALOG_KEYS:
        rows = _existing_rows(catalog, kind)
        rows.update(new[kind])
        merged[kind] = {(k[0] if len(k) == 1 else k): v for k, v in rows.items()}
    return merged


def _reference_key(issue: Issue) -> tuple[str, tuple[str, ...]]:
    """Which imported row a :func:`check_references` issue is about (its location names the ids)."""
    if issue.location.startswith("coverage "):
        pair = issue.location.removeprefix("coverage ").split(" x ")
        return "coverage", tuple(pair)
    return "devices", (issue.location.removeprefix("device "),)

"""The functional requirement of each device family: what a buyer writes in a CCTP (``catalog/functions.csv``).

A French public buyer states a need by its function and performance; a brand may be named only when the object
of the contract justifies it or as a reference "ou équivalent" (Code de la commande publique, art. R2111-7).
One row per family: the requirement in English and French (a sentence ending in "or equivalent"), the key
criteria (``;``-separated), the source and the date. The table is optional: a catalogue without it, or a family
without a row, gets a generic requirement built from the family's name (``generic = True``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.catalog import Catalog
from planner.errors import Issue, PlannerInputError, reason
from planner.messages import msg
from planner.schema import Column, coerce

FILE_NAME = "functions.csv"

#: Columns of ``functions.csv`` (all required).
FUNCTION_COLUMNS: tuple[Column, ...] = (
    Column("family", "slug", description="device family (families.csv id)"),
    Column("requirement_en", "text", description="functional requirement, English, ending in 'or equivalent'"),
    Column("requirement_fr", "text", description="exigence fonctionnelle, français, terminée par 'ou équivalent'"),
    Column("criteria_en", "text", description="key criteria of a technical specification (CCTP), ';'-separated"),
    Column("criteria_fr", "text", description="critères clés du CCTP, séparés par ';'"),
    Column("source", "text", description="where the requirement and criteria come from"),
    Column("date", "date", description="date of the row (YYYY-MM)"),
)


@dataclass(frozen=True)
class FunctionSpec:
    """The functional requirement of a device family, in both languages."""

    family: str
    requirement_en: str
    requirement_fr: str
    criteria_en: tuple[str, ...]
    criteria_fr: tuple[str, ...]
    source: str
    date: str  # ISO (YYYY-MM-DD); empty for a generic requirement
    generic: bool = False  # built from the family's name: the catalogue has no row for the family

    def requirement(self, lang: str) -> str:
        """The requirement in ``lang`` ("fr" or "en")."""
        return self.requirement_fr if lang == "fr" else self.requirement_en

    def criteria(self, lang: str) -> tuple[str, ...]:
        """The key criteria in ``lang``."""
        return self.criteria_fr if lang == "fr" else self.criteria_en


def generic_function(catalog: Catalog, family: str) -> FunctionSpec:
    """The requirement of a family the table does not describe: its name, "or equivalent"."""
    fam = catalog.family(family)
    return FunctionSpec(family, f"{fam.name_en}, or equivalent", f"{fam.name_fr}, ou équivalent", (), (),
                        "generic: family name (catalogue without a functions.csv row)", "", generic=True)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def parse_functions(text: str, source: str, families: frozenset[str]) -> dict[str, FunctionSpec]:
    """Rows of a ``functions.csv`` text; raise :class:`PlannerInputError` listing every problem (row, field,
    value, why): unknown or missing columns, empty cells, a family unknown to the catalogue, a duplicate."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    issues = [Issue(source, msg("loc.header"), c.name, "", msg("cat.missing_column"))
              for c in FUNCTION_COLUMNS if c.name not in header]
    known = {c.name for c in FUNCTION_COLUMNS}
    issues += [Issue(source, msg("loc.header"), h, h, msg("cat.unknown_column", expected=", ".join(sorted(known))))
               for h in header if h not in known]
    if issues:
        raise PlannerInputError(issues)
    out: dict[str, FunctionSpec] = {}
    for row_no, raw in enumerate(reader, start=2):
        values = {}
        for col in FUNCTION_COLUMNS:
            cell = str(raw.get(col.name) or "")
            try:
                values[col.name] = coerce(col, cell)
            except ValueError as exc:
                issues.append(Issue(source, msg("loc.row", row=row_no), col.name, cell, reason(exc)))
        fam = values.get("family")
        if isinstance(fam, str) and fam not in families:
            issues.append(Issue(source, msg("loc.row", row=row_no), "family", fam, msg("spec.unknown_family")))
        elif isinstance(fam, str) and fam in out:
            issues.append(Issue(source, msg("loc.row", row=row_no), "family", fam, msg("spec.duplicate_family")))
        elif isinstance(fam, str) and len(values) == len(FUNCTION_COLUMNS):
            day = values["date"]
            out[fam] = FunctionSpec(fam, str(values["requirement_en"]), str(values["requirement_fr"]),
                                    _split(str(values["criteria_en"])), _split(str(values["criteria_fr"])),
                                    str(values["source"]), day.isoformat() if isinstance(day, date) else "")
    if issues:
        raise PlannerInputError(issues)
    return out


def load_functions(catalog: Catalog) -> dict[str, FunctionSpec]:
    """Family -> its functional requirement, for every family of the catalogue's devices (generic where the
    catalogue folder has no ``functions.csv`` or no row for the family)."""
    families = frozenset({*catalog.family_table, *(d.family for d in catalog.devices.values())})
    found: dict[str, FunctionSpec] = {}
    path = Path(catalog.path) / FILE_NAME if catalog.path else None
    if path is not None and path.is_file():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            raise PlannerInputError([Issue(str(path), "", "", "", msg("spec.not_utf8", problem=str(exc)))]) from exc
        found = parse_functions(text, str(path), families)
    return {f: found.get(f) or generic_function(catalog, f) for f in sorted(families)}


__all__ = ["FILE_NAME", "FUNCTION_COLUMNS", "FunctionSpec", "generic_function", "load_functions",
           "parse_functions"]

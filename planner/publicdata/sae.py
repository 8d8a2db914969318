"""The DREES SAE survey, form CHIRCAR: one row per French geographical establishment (FINESS) and year.

The bundled files are ``planner/data/sae_chircar_<year>_sites.csv`` (columns in :data:`COLUMNS`, documented in
``planner/data/README.md``); a later year is a new file of the same layout (see :mod:`planner.publicdata.update`),
found by :func:`available_years` without any code change. Blank cells are blanks in the source and stay ``None``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from planner.errors import Issue, PlannerInputError
from planner.messages import msg

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  #: planner/data (package data)
FILE_RE = re.compile(r"^sae_chircar_(\d{4})_sites\.csv$")
FINESS_RE = re.compile(r"^[0-9][0-9AB][0-9]{7}$")  # 9 characters; Corsica: 2A, 2B
SOURCE = "DREES, SAE {year} (bases administratives), forms CHIRCAR and ID; Licence Ouverte / Etalab 2.0"

#: Words a query may hold that names do not always carry ("hôpital de la Timone" finds "HOPITAL LA TIMONE").
STOP_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et"})

ColumnKind = Literal["text", "int", "flag"]


@dataclass(frozen=True)
class SaeColumn:
    """One column of the bundled SAE layout: our name, the DREES variable it comes from, its kind."""

    name: str
    source: str
    kind: ColumnKind
    description: str


COLUMNS: tuple[SaeColumn, ...] = (
    SaeColumn("finess", "FI", "text", "FINESS of the geographical establishment"),
    SaeColumn("name", "RS", "text", "name (raison sociale)"),
    SaeColumn("finess_legal_entity", "FI_EJ", "text", "FINESS of the legal entity"),
    SaeColumn("commune_insee", "COMINSEE", "text", "INSEE code of the commune"),
    SaeColumn("commune", "LIBCOM", "text", "commune"),
    SaeColumn("department", "dep", "text", "department"),
    SaeColumn("region", "reg", "text", "region code"),
    SaeColumn("status_category", "catr", "text", "status category (PUB, PRI, PLU...)"),
    SaeColumn("authorised", "AUT", "flag", "authorised for interventional cardiology (1/0)"),
    SaeColumn("rooms_cardiology", "SALCAR", "int", "interventional cardiology rooms"),
    SaeColumn("rooms_SALCARTO", "SALCARTO", "int", "kept under its source name, meaning unconfirmed"),
    SaeColumn("rooms_hybrid", "SALHYBCAR", "int", "hybrid rooms"),
    SaeColumn("stays", "SEJ", "int", "stays"),
    SaeColumn("acts_total", "ACT", "int", "acts, all types"),
    SaeColumn("acts_rhythmology", "ACT1", "int", "rhythmology acts"),
    SaeColumn("acts_congenital", "ACT2", "int", "congenital heart disease acts"),
    SaeColumn("acts_adult_ischaemic_structural", "ACT3", "int", "adult ischaemic and structural acts"),
    SaeColumn("cardiac_surgery_adult_interventions", "INTADU", "int", "adult cardiac surgery interventions"),
    SaeColumn("cardiac_surgery_beds", "LIT_CHIRC", "int", "cardiac surgery beds"),
    SaeColumn("cardiology_beds_LIT_CAR", "LIT_CAR", "int", "cardiology beds"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


@dataclass(frozen=True)
class SaeSite:
    """One establishment's SAE CHIRCAR row (``None``: blank in the source)."""

    year: int
    finess: str
    name: str
    finess_legal_entity: str
    commune_insee: str
    commune: str
    department: str
    region: str
    status_category: str
    authorised: bool
    rooms_cardiology: int | None
    rooms_SALCARTO: int | None  # noqa: N815 - the source's name, meaning unconfirmed
    rooms_hybrid: int | None
    stays: int | None
    acts_total: int | None
    acts_rhythmology: int | None
    acts_congenital: int | None
    acts_adult_ischaemic_structural: int | None
    cardiac_surgery_adult_interventions: int | None
    cardiac_surgery_beds: int | None
    cardiology_beds_LIT_CAR: int | None  # noqa: N815 - the source's name

    @property
    def label(self) -> str:
        """``NAME — COMMUNE (FINESS)``: how a site is shown in lists."""
        return f"{self.name} — {self.commune} ({self.finess})"

    @property
    def source(self) -> str:
        """The source to cite for this row."""
        return SOURCE.format(year=self.year)


@dataclass(frozen=True)
class SaeYear:
    """The rows of one SAE year, by FINESS."""

    year: int
    sites: tuple[SaeSite, ...]

    def by_finess(self) -> dict[str, SaeSite]:
        """The rows keyed by FINESS."""
        return {s.finess: s for s in self.sites}


def _cell(column: SaeColumn, raw: str, where: str, issues: list[Issue]) -> str | int | bool | None:
    text = raw.strip()
    if column.kind == "text":
        return text
    if text == "":
        return None if column.kind == "int" else False
    if not text.isdigit():
        issues.append(Issue(where, "", column.name, text, msg("sae.whole_or_blank")))
        return None
    return int(text) == 1 if column.kind == "flag" else int(text)


def parse_rows(text: str, year: int, source: str) -> SaeYear:
    """Parse a CSV text in the bundled layout; raise :class:`PlannerInputError` naming every bad row and field."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMN_NAMES if c not in (reader.fieldnames or [])]
    if missing:
        raise PlannerInputError([Issue(source, msg("loc.row", row=1), c, "", msg("cat.missing_column"))
                                 for c in missing])
    issues: list[Issue] = []
    sites, seen = [], set()
    for n, row in enumerate(reader, start=2):
        where = f"{source}, row {n}"
        values = {c.name: _cell(c, row.get(c.name) or "", where, issues) for c in COLUMNS}
        finess = str(values["finess"])
        if not FINESS_RE.match(finess):
            issues.append(Issue(where, "", "finess", finess, msg("sae.finess_form")))
        elif finess in seen:
            issues.append(Issue(where, "", "finess", finess, msg("sae.duplicate_finess")))
        seen.add(finess)
        sites.append(SaeSite(year=year, **values))  # type: ignore[arg-type]
    if issues:
        raise PlannerInputError(issues)
    return SaeYear(year, tuple(sites))


def available_years() -> tuple[int, ...]:
    """The SAE years bundled in ``planner/data`` (one file each), oldest first."""
    return tuple(sorted(int(m[1]) for f in DATA_DIR.iterdir() if (m := FILE_RE.match(f.name))))


def data_file(year: int) -> Path:
    """The bundled file of ``year`` (it may not exist yet)."""
    return DATA_DIR / f"sae_chircar_{year}_sites.csv"


@cache
def load_year(year: int | None = None) -> SaeYear:
    """The bundled rows of ``year`` (default: the latest year); unknown year -> :class:`PlannerInputError`."""
    years = available_years()
    chosen = years[-1] if year is None and years else year
    if chosen not in years:
        known = ", ".join(map(str, years)) or "-"
        raise PlannerInputError([Issue(msg("src.sae"), "", "year", str(year), msg("sae.no_year", known=known))])
    path = data_file(int(chosen))  # type: ignore[arg-type]
    return parse_rows(path.read_text(encoding="utf-8"), int(chosen), path.name)  # type: ignore[arg-type]


def fold(text: str) -> str:
    """Text folded for search: no accents, lower case, punctuation as spaces, ``saint`` as ``st``.

    >>> fold("Hôpital Saint-Joseph")
    'hopital st joseph'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join({"saint": "st", "sainte": "ste"}.get(w, w) for w in words)


def search(text: str, data: SaeYear | None = None, limit: int | None = None) -> list[SaeSite]:
    """Sites whose name, commune or FINESS contains every word of ``text`` (accents, case and the articles of
    :data:`STOP_WORDS` ignored).

    An exact FINESS comes first, then the others by name. An empty query finds nothing.
    """
    data = data or load_year()
    words = [w for w in fold(text).split() if w not in STOP_WORDS]
    if not words:
        return []
    hits = [s for s in data.sites
            if all(w in fold(f"{s.name} {s.commune} {s.finess} {s.finess_legal_entity}") for w in words)]
    query = text.strip().upper()
    hits.sort(key=lambda s: (s.finess != query, s.name, s.finess))
    return hits[:limit] if limit else hits


def find(finess_list: list[str] | tuple[str, ...], data: SaeYear | None = None) -> list[SaeSite]:
    """The rows of these FINESS, in order; an unknown FINESS -> :class:`PlannerInputError` naming each one."""
    data = data or load_year()
    rows = data.by_finess()
    unknown = [f for f in finess_list if f.strip().upper() not in rows]
    if unknown:
        raise PlannerInputError([Issue(f"SAE {data.year}", "", "finess", f,
                                       msg("sae.unknown_finess"))
                                 for f in unknown])
    return [rows[f.strip().upper()] for f in finess_list]

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

from planner.errors import Issue, PlannerInputError, errors_only, reason
from planner.messages import Device as DeviceRef
from planner.messages import Indication as IndicationRef
from planner.messages import Msg, msg
from planner.messages import Outcome as OutcomeRef
from planner.prices import FxRate, IndexPoint, check_dated_prices, check_funding
from planner.schema import OPTIONAL_TABLES, TABLES, CellValue, Column, coerce

BUNDLED_CATALOG = Path(__file__).resolve().parent.parent / "catalog"
CATALOG_FILES = {name: f"{name}.csv" for name in TABLES}


@dataclass(frozen=True)
class Advisory:
    """A published security advisory or correction about a device (``catalog/advisories.csv``)."""

    device_id: str
    date: date
    issuer: str
    reference: str
    severity: str  # critical | high | medium | low
    status: str  # open | mitigated | resolved
    summary: str
    source: str


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
    name_fr: str = ""  # the name in French ("" = ``name``): see :meth:`label`
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
    funding: str = "unknown"  # liste_en_sus | intra_ghs | unknown (how the consumable is paid in France)
    lpp_code: str = ""
    lpp_tariff_eur: float | None = None  # billed on top of the GHS per case (liste_en_sus only)
    funding_source: str = ""
    funding_date: date | None = None
    capex_year: int | None = None  # year of capex and maintenance figures (None: the price_date year)
    capex_currency: str = "EUR"
    capex_source_amount: float | None = None  # as quoted, in capex_currency (non-EUR only)
    consumable_year: int | None = None  # year of the consumable figures (None: the price_date year)
    consumable_currency: str = "EUR"
    consumable_source_amount: float | None = None
    advisories: tuple[Advisory, ...] = ()  # from advisories.csv, newest first

    def works_with(self, angio_vendor: str) -> bool:
        """Whether the device can be used with an angiography system of this vendor."""
        return "any" in self.compatible_angio or angio_vendor in self.compatible_angio

    def label(self, lang: str) -> str:
        """The product's name in ``lang``: ``name_fr`` in French when the catalogue gives one, else ``name``
        (brand names are the same in both languages; the words around them are not)."""
        return self.name_fr if lang == "fr" and self.name_fr else self.name


class _Bilingual:
    """A catalogue row named in French and English (``name_fr``, ``name_en``)."""

    name_fr: str
    name_en: str

    def name(self, lang: str) -> str:
        """Name in ``lang`` ("fr" or "en")."""
        return self.name_fr if lang == "fr" else self.name_en


@dataclass(frozen=True)
class Indication(_Bilingual):
    """A clinical indication: a share of a base activity that needs an adjunct device."""

    id: str
    name_en: str
    name_fr: str
    base_activity: str
    default_share: float
    default_weight: float
    default_min_coverage: float
    source: str
    required_role: str = ""  # a site needs this role to serve the indication; others refer the cases
    required: bool = False  # required equipment by practice: served in full, outside the value


@dataclass(frozen=True)
class Coverage:
    """A device can serve an indication: its guideline class, the evidence-based strategy it carries
    (empty: no outcome value) and the share of that strategy's effect the product achieves."""

    device_id: str
    indication_id: str
    effectiveness: float
    guideline_class: str
    source: str
    evidence_level: str = ""
    strategy: str = ""
    evidence_ids: tuple[str, ...] = ()
    max_share: float = 1.0

    @property
    def recommendation(self) -> str:
        """Class and level as written in the guidelines ("I A", "IIb C"), or the class alone."""
        return f"{self.guideline_class} {self.evidence_level}".strip()


@dataclass(frozen=True)
class Family(_Bilingual):
    """A device family: the role a site needs to use it, a family it needs as fallback, a minimum volume."""

    id: str
    name_en: str
    name_fr: str
    required_role: str = ""
    requires_family: str = ""
    min_cases_per_year: float = 0.0
    source: str = ""
    estimate: bool = False


@dataclass(frozen=True)
class Outcome(_Bilingual):
    """An adverse clinical event a strategy may avoid, with its default severity weight (death = 1)."""

    id: str
    name_en: str
    name_fr: str
    default_severity: float
    source: str


@dataclass(frozen=True)
class Evidence:
    """One study x outcome, or one guideline statement (rates are % of patients with the adverse event)."""

    id: str
    citation: str
    year: int
    design: str
    population: str
    measure: str
    reliability: str
    outcome_id: str = ""
    follow_up: str = ""
    effect: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    control_rate_pct: float | None = None
    treated_rate_pct: float | None = None
    n: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Effect:
    """The effect of a strategy on one outcome of an indication, derived from one evidence row."""

    strategy: str
    indication_id: str
    outcome_id: str
    evidence_id: str
    applicability: float = 1.0
    note: str = ""


@dataclass(frozen=True)
class Catalog:
    """The reference data: devices, indications and the device x indication coverage."""

    devices: Mapping[str, Device]
    indications: Mapping[str, Indication]
    coverage: tuple[Coverage, ...]
    path: str = ""
    fingerprint: str = field(default="", compare=False)
    family_table: Mapping[str, Family] = field(default_factory=dict)  # families.csv rows
    outcomes: Mapping[str, Outcome] = field(default_factory=dict)
    evidence: Mapping[str, Evidence] = field(default_factory=dict)
    effects: tuple[Effect, ...] = ()
    advisories: tuple[Advisory, ...] = ()  # security advisories, newest first
    price_index: tuple[IndexPoint, ...] = ()  # price_index.csv, by year
    fx_rates: tuple[FxRate, ...] = ()  # fx_rates.csv

    def coverage_row(self, device_id: str, indication_id: str) -> Coverage | None:
        """The coverage row of a device x indication pair, if any."""
        for row in self.coverage:
            if row.device_id == device_id and row.indication_id == indication_id:
                return row
        return None

    def requirements(self, device_id: str) -> tuple[str, ...]:
        """Devices of which one must be in use beside this one: its ``requires`` and every device of the family
        its family needs as fallback (``families.csv`` ``requires_family``: angio-FFR keeps a wire console)."""
        dev = self.devices[device_id]
        fallback = self.family(dev.family).requires_family
        extra = tuple(d for d in sorted(self.devices) if fallback and self.devices[d].family == fallback)
        return tuple(dict.fromkeys((*dev.requires, *extra)))

    def family(self, family_id: str) -> Family:
        """A device family (a neutral one when the catalogue has no families table or row)."""
        return self.family_table.get(family_id) or Family(family_id, family_id, family_id)

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



_HEADER = msg("loc.header")


def _at_device(ident: str) -> Msg:
    """Location of a device's row."""
    return msg("loc.device", device=DeviceRef(ident))


def _at_family(ident: str) -> Msg:
    """Location of a family's row."""
    return msg("loc.family", family=ident)


def _at_coverage(device: str, indication: str) -> Msg:
    """Location of a coverage row."""
    return msg("loc.coverage", device=DeviceRef(device), indication=IndicationRef(indication))

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
            issues.append(Issue(source, _HEADER, name, name, msg("cat.unknown_column", expected=", ".join(known))))
    for col in columns:
        if col.required and not col.default and col.name not in names:
            issues.append(Issue(source, _HEADER, col.name, "", msg("cat.missing_column")))
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
            issues.append(Issue(source, msg("loc.row", row=row_no), col.name, text, reason(exc)))
    return values, issues


def read_csv_table(table: str, path: Path) -> ParsedTable:
    """Read one catalogue CSV file and parse it."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ParsedTable((), (Issue(source, "", "", "", msg("in.file_not_found")),)) if table not in OPTIONAL_TABLES \
            else ParsedTable((), ())
    except (UnicodeDecodeError, OSError) as exc:
        return ParsedTable((), (Issue(source, "", "", "", msg("in.not_utf8", reason=str(exc))),))
    reader = csv.DictReader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as exc:  # a cell over the csv module's field limit, a NUL byte...
        line = reader.reader.line_num
        why = (msg("cat.cell_too_long", most=f"{csv.field_size_limit():,}") if "field larger" in str(exc)
               else msg("cat.invalid_csv", problem=str(exc)))
        return ParsedTable((), (Issue(source, msg("loc.line_no", line=line), "", "", why),))
    return parse_rows(table, rows, source, reader.fieldnames or [])


def build_catalog(tables: Mapping[str, ParsedTable], path: str = "", fingerprint: str = "") -> Catalog:
    """Assemble a :class:`Catalog` from parsed tables; check unique ids and foreign keys."""
    issues: list[Issue] = [i for t in tables.values() for i in t.issues]
    devices = _unique(tables["devices"].rows, "id", _source(path, "devices"), issues)
    indications = _unique(tables["indications"].rows, "id", _source(path, "indications"), issues)
    coverage = tables["coverage"].rows
    known = (set(devices) | set(tables["devices"].failed_ids), set(indications) | set(tables["indications"].failed_ids))
    issues.extend(check_references(devices, indications, coverage, path, known))
    empty = ParsedTable((), ())
    families = _unique(tables.get("families", empty).rows, "id", _source(path, "families"), issues)
    outcomes = _unique(tables.get("outcomes", empty).rows, "id", _source(path, "outcomes"), issues)
    evidence = _unique(tables.get("evidence", empty).rows, "id", _source(path, "evidence"), issues)
    effects = tables.get("effects", empty).rows
    issues.extend(check_evidence_references(devices, indications, coverage, families, outcomes, evidence, effects,
                                            path))
    advisories = _advisories(tables.get("advisories", empty).rows, known[0], path, issues)
    price_index = tuple(sorted((IndexPoint(**r) for r in tables.get("price_index", empty).rows),  # type: ignore[arg-type]
                               key=lambda p: p.year))
    fx_rates = tuple(FxRate(**r) for r in tables.get("fx_rates", empty).rows)  # type: ignore[arg-type]
    issues.extend(check_funding(devices, _source(path, "devices")))
    issues.extend(check_dated_prices(devices, fx_rates, _source(path, "devices")))
    if errors_only(issues):
        raise PlannerInputError(issues)
    return Catalog(
        devices={k: Device(**v, advisories=tuple(a for a in advisories if a.device_id == k))  # type: ignore[arg-type]
                 for k, v in sorted(devices.items())},
        indications={k: Indication(**_clean(v)) for k, v in sorted(indications.items())},  # type: ignore[arg-type]
        coverage=tuple(Coverage(**_clean(row)) for row in coverage),  # type: ignore[arg-type]
        path=path,
        fingerprint=fingerprint,
        family_table={k: Family(**_clean(v)) for k, v in sorted(families.items())},  # type: ignore[arg-type]
        outcomes={k: Outcome(**_clean(v)) for k, v in sorted(outcomes.items())},  # type: ignore[arg-type]
        evidence={k: Evidence(**_clean(v)) for k, v in sorted(evidence.items())},  # type: ignore[arg-type]
        effects=tuple(Effect(**_clean(row)) for row in effects),  # type: ignore[arg-type]
        advisories=advisories,
        price_index=price_index,
        fx_rates=fx_rates,
    )


def _advisories(rows: Iterable[Mapping[str, CellValue]], known_devices: set[str], path: str,
                issues: list[Issue]) -> tuple[Advisory, ...]:
    """Advisory rows (an optional table), newest first; each must name a catalogue device."""
    out = [Advisory(**row) for row in rows]  # type: ignore[arg-type]
    issues.extend(Issue(_source(path, "advisories"), msg("loc.advisory", reference=a.reference), "device_id",
                        a.device_id, msg("cat.unknown_device")) for a in out if a.device_id not in known_devices)
    return tuple(sorted(out, key=lambda a: (a.date, a.reference), reverse=True))


def _clean(row: Mapping[str, CellValue]) -> dict[str, CellValue]:
    """Drop empty optional text cells so the dataclass defaults apply (None stays None for numbers)."""
    return {k: ("" if v is None and k in _TEXTISH else v) for k, v in row.items()}


_TEXTISH = frozenset({"required_role", "requires_family", "strategy", "evidence_level", "outcome_id", "follow_up",
                      "note", "source"})


def _source(path: str, table: str) -> str:
    return str(Path(path) / CATALOG_FILES[table]) if path else CATALOG_FILES[table]


def _unique(rows: Iterable[dict[str, CellValue]], key: str, source: str,
            issues: list[Issue]) -> dict[str, dict[str, CellValue]]:
    out: dict[str, dict[str, CellValue]] = {}
    for row in rows:
        ident = str(row[key])
        if ident in out:
            issues.append(Issue(source, f"id {ident}", key, ident, msg("cat.duplicate_id")))
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
                issues.append(Issue(dev_src, _at_device(ident), "requires", str(req), msg("cat.unknown_device")))
            elif req == ident:
                issues.append(Issue(dev_src, _at_device(ident), "requires", str(req), msg("cat.require_itself")))
    issues.extend(Issue(dev_src, _at_device(cycle[0]), "requires", str(cycle[1]),
                        msg("cat.circular_requirement", chain=" -> ".join(cycle)))
                  for cycle in requires_cycles(devices))
    seen: set[tuple[str, str]] = set()
    for row in coverage:
        pair = (str(row["device_id"]), str(row["indication_id"]))
        where = _at_coverage(pair[0], pair[1])
        if pair[0] not in known_dev:
            issues.append(Issue(cov_src, where, "device_id", pair[0], msg("cat.unknown_device")))
        if pair[1] not in known_ind:
            issues.append(Issue(cov_src, where, "indication_id", pair[1], msg("cat.unknown_indication")))
        if pair in seen:
            issues.append(Issue(cov_src, where, "device_id", pair[0], msg("cat.duplicate_pair")))
        seen.add(pair)
    return issues


def requires_cycles(devices: Mapping[str, Mapping[str, CellValue]]) -> list[tuple[str, ...]]:
    """Circular ``requires`` among two or more devices: one cycle (a -> b -> a) per group of devices that
    need each other, from its smallest id (linear time: strongly connected components, then a shortest path).

    >>> requires_cycles({"a": {"requires": ("b",)}, "b": {"requires": ("c",)}, "c": {"requires": ("a",)}})
    [('a', 'b', 'c', 'a')]
    """
    graph = {d: sorted({str(r) for r in (row.get("requires") or ()) if r in devices and r != d})  # type: ignore[union-attr]
             for d, row in devices.items()}
    return [_shortest_cycle(graph, group) for group in _components(graph) if len(group) > 1]


def _components(graph: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            nexts = graph[node]
            if i < len(nexts):
                work.append((node, i + 1))
                nxt = nexts[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                out.append(sorted(group))
    return sorted(out)


def _shortest_cycle(graph: Mapping[str, list[str]], group: list[str]) -> tuple[str, ...]:
    """A shortest cycle through the smallest id of a strongly connected group (breadth-first)."""
    start, members = group[0], set(group)
    previous: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return (start, *reversed(path[:-1]), start) if len(path) > 1 else (start, node, start)
            if nxt in members and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return (start, start)


def check_evidence_references(devices: Mapping[str, Mapping[str, CellValue]],
                              indications: Mapping[str, Mapping[str, CellValue]],
                              coverage: Iterable[Mapping[str, CellValue]],
                              families: Mapping[str, Mapping[str, CellValue]],
                              outcomes: Mapping[str, Mapping[str, CellValue]],
                              evidence: Mapping[str, Mapping[str, CellValue]],
                              effects: Iterable[Mapping[str, CellValue]], path: str = "") -> list[Issue]:
    """Foreign keys of the value tables: a coverage row's strategy has effects for its indication; effects name
    known outcomes and evidence rows with both event rates and the same outcome; cited evidence exists;
    families cover every device family (when the table is given) and name known fallback families."""
    issues: list[Issue] = []
    cov_src, eff_src, fam_src = _source(path, "coverage"), _source(path, "effects"), _source(path, "families")
    effect_keys = set()
    for row in effects:
        key = (str(row["strategy"]), str(row["indication_id"]))
        effect_keys.add(key)
        issues.extend(_check_effect(row, indications, outcomes, evidence, eff_src))
    for row in coverage:
        where = _at_coverage(str(row["device_id"]), str(row["indication_id"]))
        strategy = row.get("strategy")
        if strategy and (str(strategy), str(row["indication_id"])) not in effect_keys:
            issues.append(Issue(cov_src, where, "strategy", str(strategy),
                                msg("cat.no_effect_row")))
        for ev in row.get("evidence_ids") or ():  # type: ignore[union-attr]
            if ev not in evidence:
                issues.append(Issue(cov_src, where, "evidence_ids", str(ev), msg("cat.unknown_evidence")))
    for ident, fam in families.items():
        req = fam.get("requires_family")
        if req and req not in families:
            issues.append(Issue(fam_src, _at_family(ident), "requires_family", str(req), msg("cat.unknown_family")))
        elif req == ident:
            issues.append(Issue(fam_src, _at_family(ident), "requires_family", str(req),
                                msg("cat.family_itself")))
        elif req and _family_cycle(families, ident):
            chain = _family_cycle(families, ident)
            issues.append(Issue(fam_src, _at_family(ident), "requires_family", str(req),
                                msg("cat.circular_fallback", chain=" -> ".join(chain))))
    if families:
        for ident, dev in devices.items():
            if dev["family"] not in families:
                issues.append(Issue(_source(path, "devices"), _at_device(ident), "family", str(dev["family"]),
                                    msg("cat.family_missing")))
    return issues


def _family_cycle(families: Mapping[str, Mapping[str, CellValue]], ident: str) -> tuple[str, ...]:
    """The chain of ``requires_family`` from ``ident`` back to it, when it is the smallest id of a cycle of two or
    more families (else empty: each cycle is reported once)."""
    chain = [ident]
    while len(chain) <= len(families):
        nxt = str(families.get(chain[-1], {}).get("requires_family") or "")
        if not nxt or nxt not in families:
            return ()
        if nxt == ident:
            return (*chain, ident) if len(chain) > 1 and ident == min(chain) else ()
        if nxt in chain:
            return ()
        chain.append(nxt)
    return ()


def _check_effect(row: Mapping[str, CellValue], indications: Mapping[str, Mapping[str, CellValue]],
                  outcomes: Mapping[str, Mapping[str, CellValue]], evidence: Mapping[str, Mapping[str, CellValue]],
                  source: str) -> list[Issue]:
    where = msg("loc.effect", strategy=str(row["strategy"]), indication=IndicationRef(str(row["indication_id"])),
                outcome=OutcomeRef(str(row["outcome_id"])))
    out: list[Issue] = []
    if row["indication_id"] not in indications:
        out.append(Issue(source, where, "indication_id", str(row["indication_id"]), msg("cat.unknown_indication")))
    if row["outcome_id"] not in outcomes:
        out.append(Issue(source, where, "outcome_id", str(row["outcome_id"]), msg("cat.unknown_outcome")))
    ev = evidence.get(str(row["evidence_id"]))
    if ev is None:
        return [*out, Issue(source, where, "evidence_id", str(row["evidence_id"]), msg("cat.unknown_evidence"))]
    if ev["control_rate_pct"] is None or ev["treated_rate_pct"] is None:
        out.append(Issue(source, where, "evidence_id", str(row["evidence_id"]),
                         msg("cat.evidence_rates")))
    if ev["outcome_id"] != row["outcome_id"]:
        out.append(Issue(source, where, "outcome_id", str(row["outcome_id"]),
                         msg("cat.evidence_outcome", outcome=ev["outcome_id"] or msg("cat.no_outcome"))))
    return out


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load the catalogue folder ``path`` (default: the bundled one, or ``$CATHLAB_CATALOG``)."""
    folder = Path(path or os.environ.get("CATHLAB_CATALOG") or BUNDLED_CATALOG)
    if not folder.is_dir():
        raise PlannerInputError([Issue(str(folder), "", "catalog", str(folder), msg("cat.folder_not_found"))])
    tables = {name: read_csv_table(name, folder / fname) for name, fname in CATALOG_FILES.items()}
    digest = hashlib.sha256()
    for fname in sorted(CATALOG_FILES.values()):
        file = folder / fname
        digest.update(file.read_bytes() if file.is_file() else b"")
    return build_catalog(tables, str(folder), digest.hexdigest()[:16])

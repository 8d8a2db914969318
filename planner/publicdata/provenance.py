"""Where a scenario site's figures come from: the ``provenance:`` record of a scenario.

A site made from public data carries, per field it set (``rooms``, ``activity.pci``, ``angio_vendor``,
``roles``...), the value set, its kind (``derived`` from the public figures with a stated ratio, ``default``
because nothing public says it, ``user`` when the user gave it) and how it was obtained. The record travels
with the scenario (YAML, JSON, the plan's ``scenario``), so the app and the plan can say "derived from SAE 2024";
:func:`field_rows` compares it with the scenario's current values to show what the user changed since.

In YAML::

    provenance:
      ch_saint_quentin_020000162:
        source: DREES, SAE 2024 (bases administratives), forms CHIRCAR and ID; Licence Ouverte / Etalab 2.0
        year: 2024
        finess: '020000162'
        fields:
          activity.pci: {value: 991, kind: derived, how: 0.9 x ACT3 1101 (pci_per_act3, EST ...)}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from planner.messages import Msg, msg
from planner.schema import SLUG_RE

if TYPE_CHECKING:
    from planner.scenario import Scenario, Site

Kind = Literal["derived", "default", "user"]
KINDS: tuple[str, ...] = ("derived", "default", "user")
FIELDS: tuple[str, ...] = ("rooms", "activity.cag", "activity.pci", "activity.stemi", "angio_vendor", "roles")
Value = float | str


@dataclass(frozen=True)
class FieldProvenance:
    """How one field of a site was set."""

    field: str
    value: Value
    kind: Kind
    how: str


@dataclass(frozen=True)
class SiteProvenance:
    """The public source of a site and how each of its fields was set."""

    source: str
    year: int
    finess: str
    fields: tuple[FieldProvenance, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the YAML layout."""
        return {"source": self.source, "year": self.year, "finess": self.finess,
                "fields": {f.field: {"value": f.value, "kind": f.kind, "how": f.how} for f in self.fields}}

    def get(self, name: str) -> FieldProvenance | None:
        """The record of field ``name``, if the site's public data set it."""
        return next((f for f in self.fields if f.field == name), None)


def current_value(site: Site, name: str) -> Value:
    """The value of provenance field ``name`` in the scenario's site (roles as ``a, b``)."""
    if name.startswith("activity."):
        return float(site.activity.get(name.split(".", 1)[1], 0.0))
    if name == "roles":
        return ", ".join(site.roles)
    return float(site.rooms) if name == "rooms" else site.angio_vendor


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return abs(float(a) - float(b)) < 1e-9


@dataclass(frozen=True)
class FieldRow:
    """One field of a site made from public data, for display: its value now, the value set, and its status
    (``derived``, ``default``, ``user``, or ``changed`` when edited after the site was made)."""

    site_id: str
    finess: str
    year: int
    field: str
    value: Value
    recorded: Value
    status: str
    how: str


def field_rows(scenario: Scenario) -> list[FieldRow]:
    """Every recorded field of every site of the scenario that has a provenance record."""
    rows = []
    for site in scenario.sites:
        record = scenario.provenance.get(site.id)
        if record is None:
            continue
        for f in record.fields:
            now = current_value(site, f.field)
            status = f.kind if _same(now, f.value) else "changed"
            rows.append(FieldRow(site.id, record.finess, record.year, f.field, now, f.value, status, f.how))
    return rows


ErrorFn = Callable[[str, Any, Msg | str], None]


def _parse_field(path: str, name: Any, raw: Any, error: ErrorFn) -> FieldProvenance | None:
    if name not in FIELDS:
        error(f"{path}.{name}", name, msg("prov.unknown_field", known=", ".join(FIELDS)))
        return None
    if not isinstance(raw, dict) or set(raw) - {"value", "kind", "how"}:
        error(f"{path}.{name}", raw, msg("prov.field_keys"))
        return None
    value, kind, how = raw.get("value"), raw.get("kind"), raw.get("how", "")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        error(f"{path}.{name}.value", value, msg("prov.number_or_text"))
        return None
    if kind not in KINDS:
        error(f"{path}.{name}.kind", kind, msg("in.one_of", allowed=", ".join(KINDS)))
        return None
    return FieldProvenance(str(name), value if isinstance(value, str) else float(value), kind, str(how))


def _parse_site(path: str, raw: Any, error: ErrorFn) -> SiteProvenance | None:
    if not isinstance(raw, dict) or set(raw) - {"source", "year", "finess", "fields"}:
        error(path, raw, msg("prov.site_keys"))
        return None
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        error(f"{path}.year", year, msg("in.year"))
        return None
    fields_raw = raw.get("fields") or {}
    if not isinstance(fields_raw, dict):
        error(f"{path}.fields", fields_raw, msg("in.mapping"))
        return None
    fields = [_parse_field(f"{path}.fields", k, v, error) for k, v in fields_raw.items()]
    return SiteProvenance(str(raw.get("source", "")), year, str(raw.get("finess", "")),
                          tuple(f for f in fields if f is not None))


def parse_provenance(value: Any, error: ErrorFn) -> dict[str, SiteProvenance]:
    """The ``provenance:`` mapping of a scenario (site id -> record); problems go to ``error(path, value, why)``."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        error("provenance", value, msg("in.mapping"))
        return {}
    out = {}
    for key, raw in value.items():
        if not isinstance(key, str) or not SLUG_RE.match(key):
            error(f"provenance.{key}#key", key, msg("in.slug"))
            continue
        record = _parse_site(f"provenance.{key}", raw, error)
        if record is not None:
            out[key] = record
    return out


def provenance_dict(records: Mapping[str, SiteProvenance]) -> dict[str, Any]:
    """The records as plain data (site id -> record)."""
    return {k: v.to_dict() for k, v in records.items()}

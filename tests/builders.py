"""Tiny catalogues and scenarios built in code, for model tests with an optimum known by construction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bench.generate import synthetic_value_rows
from planner.catalog import Catalog, build_catalog, parse_rows
from planner.scenario import Scenario, parse_scenario
from planner.schema import TABLES

DEVICE_DEFAULTS: Mapping[str, Any] = {
    "family": "physiology", "name": "Test device", "vendor": "Test", "capex_eur": 10000,
    "maintenance_eur_per_year": 0, "consumable_eur_per_case": 0, "lifetime_years": 10,
    "capacity_cases_per_year": 1000, "deployment": "shared", "requires": "", "compatible_angio": "any",
    "source": "test", "price_date": "2026-01", "estimate": "no", "notes": "",
}
INDICATION_DEFAULTS: Mapping[str, Any] = {
    "name_en": "Test indication", "name_fr": "Indication test", "base_activity": "pci", "default_share": 0.1,
    "default_weight": 1, "default_min_coverage": 0, "source": "test",
}


def _table(name: str, rows: Sequence[Mapping[str, Any]], defaults: Mapping[str, Any]) -> Any:
    header = [c.name for c in TABLES[name]]
    full = [{k: str(v) for k, v in {**defaults, **row}.items()} for row in rows]
    return parse_rows(name, full, f"{name}.csv", header)


def make_catalog(devices: Sequence[Mapping[str, Any]], indications: Sequence[Mapping[str, Any]],
                 coverage: Sequence[tuple[str, str, float]], families: Sequence[Mapping[str, Any]] = ()) -> Catalog:
    """A catalogue from partial rows (missing columns take defaults); coverage as (device, indication, e).

    Each pair gets its own strategy with one outcome ("event", severity 1) whose evidence row has a control
    rate of 100 e % and a treated rate of 0: one case served avoids e weighted events, so plans of these
    catalogues have the value sum e x cases, known by construction. A coverage item may be a mapping to set
    other coverage columns (``max_share``, ``strategy`` "" for no value).
    """
    cov, pairs = [], []
    for item in coverage:
        row = dict(item) if isinstance(item, Mapping) else dict(zip(("device_id", "indication_id", "effectiveness"),
                                                                    item, strict=True))
        d, k, e = row["device_id"], row["indication_id"], float(row["effectiveness"])
        strategy = row.pop("strategy", f"s_{d}_{k}")
        cov.append({"guideline_class": "I", "source": "test", **row, "effectiveness": 1, "strategy": strategy})
        if strategy:
            pairs.append((d, k, e))
    value = synthetic_value_rows(pairs)
    return build_catalog({
        "devices": _table("devices", devices, DEVICE_DEFAULTS),
        "indications": _table("indications", indications, INDICATION_DEFAULTS),
        "coverage": _table("coverage", cov, {}),
        "families": _table("families", families, {"name_en": "F", "name_fr": "F"}),
        **{name: _table(name, rows, {}) for name, rows in value.items()},
    }, path="", fingerprint="test")


def make_scenario(sites: Sequence[Mapping[str, Any]] | None = None, **top: Any) -> Scenario:
    """A scenario with one 1-room site (1000 CAG, 1000 PCI, 100 STEMI) unless ``sites`` is given."""
    default_site = {"id": "s1", "name": "Site 1", "rooms": 1, "angio_vendor": "philips",
                    "activity": {"cag": 1000, "pci": 1000, "stemi": 100}}
    data = {"name": "test", "sites": [{**default_site, **s} for s in (sites or [{}])], **top}
    return parse_scenario(data, "test")

"""Pure scenario edits for the app: candidate data from the forms -> a checked :class:`Scenario`.

No streamlit here. Every edit goes through :func:`checked`, so the app validates exactly like the CLI:
structure with :func:`planner.parse_scenario`, catalogue references with :mod:`planner.checks`.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner import Catalog, Issue, PlannerInputError, Scenario, load_scenario, parse_scenario, scenario_from_yaml
from planner.catalog import Device
from planner.checks import run_checks
from planner.errors import errors_only
from planner.ingest.imports import (
    import_installed_details,
    import_price_list,
    scenario_from_workbook,
    with_price_overrides,
)
from planner.inputs import base_volume, indication_params, required_indications, site_demand
from planner.messages import msg
from planner.schema import PRICE_FIELDS

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
DEFAULT_EXAMPLE = "general_hospital"
#: Two values closer than this are equal (floats coming back from widgets).
EPS = 1e-9


def bundled_examples() -> dict[str, Path]:
    """Example scenarios shipped with the app, by file stem."""
    return {p.stem: p for p in sorted(EXAMPLES_DIR.glob("*.yaml"))}


def load_example(name: str = DEFAULT_EXAMPLE) -> Scenario:
    """Load a bundled example by stem."""
    return load_scenario(bundled_examples()[name])


def checked(data: Mapping[str, Any], catalog: Catalog, source: str = "scenario") -> Scenario:
    """Parse candidate data and check its references; raise :class:`PlannerInputError` listing every error."""
    new = parse_scenario(dict(data), source=source)
    raise_errors(catalog, new)
    return new


def checked_yaml(text: str, catalog: Catalog, source: str) -> Scenario:
    """Parse an uploaded YAML text and check its references (same errors as the CLI's ``validate``)."""
    new = scenario_from_yaml(text, source)
    raise_errors(catalog, new)
    return new


def checked_upload(data: bytes, filename: str, catalog: Catalog) -> Scenario:
    """An uploaded scenario: YAML text, or a plan workbook (its ``scenario.yaml`` sheet), checked."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        new = scenario_from_workbook(data, filename)
        raise_errors(catalog, new)
        return new
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlannerInputError([Issue(filename, "", "file", filename, msg("app.not_utf8"))]) from None
    return checked_yaml(text, catalog, filename)


def catalog_ignored(filename: str, folder: str) -> Issue:
    """The warning that an uploaded scenario's ``catalog:`` folder is not used by the app."""
    return Issue(filename, "catalog", "catalog", folder, msg("app.catalog_ignored"), "warning")


def with_imported_prices(scenario: Scenario, data: bytes, filename: str, catalog: Catalog,
                         replace: bool = False) -> tuple[Scenario, int]:
    """The scenario with the prices of an uploaded price list (merged, or replacing the local prices), and
    how many devices the file priced. Nothing is applied when the file has an error."""
    prices = import_price_list(data, filename, catalog)
    new = with_price_overrides(scenario, prices, replace=replace)
    return checked(new.to_dict(), catalog, source=filename), len(prices)


def with_imported_installed(scenario: Scenario, data: bytes, filename: str,
                            catalog: Catalog) -> tuple[Scenario, tuple[Issue, ...]]:
    """The scenario with the installed equipment of an uploaded inventory (sites named in the file), and the
    import's warnings (lots of different years dated by the oldest)."""
    result = import_installed_details(data, filename, catalog, scenario)
    return checked(result.scenario.to_dict(), catalog, source=filename), result.notes


def raise_errors(catalog: Catalog, scenario: Scenario) -> None:
    """Raise :class:`PlannerInputError` with every error of the scenario against the catalogue (none: return)."""
    errors = errors_only(run_checks(catalog, scenario))
    if errors:
        raise PlannerInputError(errors)


def same(a: float | None, b: float | None) -> bool:
    """Whether two optional numbers are equal up to :data:`EPS`."""
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= EPS


# ---------------------------------------------------------------- sites


def new_site(scenario: Scenario) -> dict[str, Any]:
    """Data of a new site with a fresh id, the first site's vendor and no activity."""
    ids = {s.id for s in scenario.sites}
    n = len(scenario.sites) + 1
    while f"site_{n}" in ids:
        n += 1
    vendor = scenario.sites[0].angio_vendor if scenario.sites else "philips"
    return {"id": f"site_{n}", "name": f"Site {n}", "rooms": 1, "angio_vendor": vendor,
            "activity": {"cag": 0.0, "pci": 0.0, "stemi": 0.0}}


def with_site_added(scenario: Scenario, catalog: Catalog) -> Scenario:
    """The scenario with one more (empty) site."""
    data = scenario.to_dict()
    data["sites"].append(new_site(scenario))
    return checked(data, catalog)


def with_site_removed(scenario: Scenario, index: int, catalog: Catalog) -> Scenario:
    """The scenario without site ``index`` (the last site cannot be removed)."""
    data = scenario.to_dict()
    if len(data["sites"]) > 1:
        del data["sites"][index]
    return checked(data, catalog)


def without_volumes(scenario: Scenario, catalog: Catalog) -> Scenario:
    """The scenario with every direct volume removed: demand is activity x share again."""
    data = scenario.to_dict()
    for site in data["sites"]:
        site.pop("volumes", None)
    return checked(data, catalog)


def without_prices(scenario: Scenario, catalog: Catalog) -> Scenario:
    """The scenario with the catalogue prices (no local overrides)."""
    data = scenario.to_dict()
    data["devices"] = {}
    return checked(data, catalog)


# ---------------------------------------------------------------- clinical needs


def need_values(catalog: Catalog, scenario: Scenario, indication_id: str) -> dict[str, Any]:
    """What the needs form shows for an indication: multiplier (``weight``), floor (%), required equipment,
    demand per site, overridden sites."""
    ind = catalog.indications[indication_id]
    share, weight, floor = indication_params(catalog, scenario, ind)
    return {"share": share, "weight": float(weight), "floor_pct": int(round(floor * 100)),
            "required": indication_id in required_indications(catalog, scenario),
            "demand": {s.id: site_demand(s, ind, share) for s in scenario.sites},
            "derived": {s.id: base_volume(s, ind.base_activity) * share for s in scenario.sites},
            "overridden": tuple(s.id for s in scenario.sites if indication_id in s.volumes)}


def with_need(data: dict[str, Any], shown: Mapping[str, Any], indication_id: str, weight: float | None,
              floor_pct: int, demand: Mapping[str, float | None], required: bool | None = None) -> dict[str, Any]:
    """Apply one indication row of the needs form to scenario data (only the values the user changed; a blank
    multiplier is kept as blank so that validation names it)."""
    out = copy.deepcopy(data)
    over = dict(out.get("indications", {}).get(indication_id, {}))
    if not same(weight, shown["weight"]):
        over["weight"] = None if weight is None else float(weight)
    if int(floor_pct) != shown["floor_pct"]:
        over["min_coverage"] = int(floor_pct) / 100
    if required is not None and bool(required) != shown["required"]:
        over["required"] = bool(required)
    if over:
        out.setdefault("indications", {})[indication_id] = over
    for site in out["sites"]:
        value = demand.get(site["id"])
        if not same(value, shown["demand"].get(site["id"])):
            site.setdefault("volumes", {})[indication_id] = value
    return out


def outcome_weights(rows: Iterable[tuple[str, Any]], catalog: Catalog,
                    existing: Mapping[str, float]) -> dict[str, float | None]:
    """Severity weights of the outcomes from an edited table ``(outcome_id, weight)``: only the weights that
    differ from the catalogue are kept (the scenario's other entries too); a blank cell becomes ``None`` so
    that validation names it."""
    out: dict[str, float | None] = dict(existing)
    for outcome_id, value in rows:
        number = _number_or_none(value)
        default = catalog.outcomes[outcome_id].default_severity
        if number is not None and same(number, default):
            out.pop(outcome_id, None)
        elif number is None or not same(number, existing.get(outcome_id)):
            out[outcome_id] = number
    return out


def without_outcome_weights(scenario: Scenario, catalog: Catalog) -> Scenario:
    """The scenario with the catalogue's severity weights (no outcome weight of its own)."""
    data = scenario.to_dict()
    data["outcome_weights"] = {}
    return checked(data, catalog)


# ---------------------------------------------------------------- prices and device choices


def price_overrides(rows: Iterable[tuple[str, Mapping[str, Any]]], catalog: Catalog,
                    existing: Mapping[str, Mapping[str, float]],
                    shown: Mapping[str, Device] | None = None) -> dict[str, dict[str, Any]]:
    """Local prices from edited catalogue rows ``(device_id, {field: value})``.

    A field is kept only where it differs from the catalogue price shown (``shown``: the catalogue's prices
    brought to the plan's first year; default the catalogue as written); devices not in ``rows`` (filtered out
    of the view) keep their existing overrides. A blank cell becomes ``None`` so that validation names it.
    """
    out = {dev: dict(fields) for dev, fields in existing.items()}
    for dev_id, row in rows:
        base = (shown or catalog.devices)[dev_id]
        fields: dict[str, Any] = {}
        for name in PRICE_FIELDS:
            value = _number_or_none(row.get(name))
            if value is None or not same(value, getattr(base, name)):
                fields[name] = value
        if fields:
            out[dev_id] = fields
        else:
            out.pop(dev_id, None)
    return out


def _number_or_none(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


# ---------------------------------------------------------------- horizon (multi-year plan)


def pct(rate: float | None) -> float:
    """A rate (0.03) as the percentage a form shows (3.0), without float noise.

    >>> pct(0.07)
    7.0
    """
    return round(float(rate or 0.0) * 100, 6)


def rate(shown_pct: float | None, old: float) -> float:
    """The rate of a percentage typed in a form; ``old`` itself when the percentage still shows it (so that an
    untouched field gives back the scenario's exact value). Blank = 0.

    >>> rate(7.0, 0.07), rate(2.5, 0.07), rate(None, 0.07)
    (0.07, 0.025, 0.0)
    """
    if shown_pct is None:
        return 0.0
    return old if same(shown_pct, pct(old)) else float(shown_pct) / 100


def with_rates(old: Mapping[str, float], shown: Mapping[str, float | None]) -> dict[str, float]:
    """Rates by key (price escalation, activity growth) from the percentages of a form: only the keys whose
    percentage changed are written; a blank or zero percentage of an absent key adds nothing; keys the form
    does not show (e.g. an indication's growth) are kept."""
    out = dict(old)
    for key, value in shown.items():
        new = rate(value, out.get(key, 0.0))
        if key in out or not same(new, 0.0):
            out[key] = new
    return out


def with_modes(placement: bool, lease: bool) -> list[str]:
    """The acquisition modes allowed (purchase always), in the planner's order."""
    return ["purchase", *(["placement"] if placement else []), *(["lease"] if lease else [])]


def envelope_years(data: Mapping[str, Any]) -> list[int]:
    """The years of the envelope editor: the horizon's, and any other year that has an envelope."""
    budget = data.get("budget", {})
    start, n = data.get("start_year"), data.get("horizon_years")
    ok = all(isinstance(v, int | float) and 1 <= v <= 2200 for v in (start, n))  # blank or wild: no rows yet
    years = set(range(int(start), int(start) + int(n))) if ok else set()  # type: ignore[arg-type]
    for key in ("capex_eur_by_year", "opex_eur_by_year"):
        years |= {int(y) for y in budget.get(key, {})}
    return sorted(years)


def with_envelopes(budget: Mapping[str, Any], rows: Iterable[tuple[int, Any, Any]],
                   carry_over: bool) -> dict[str, Any]:
    """The budget with the yearly envelopes of the editor (``(year, capex, opex)``, blank = none) and the
    carry-over flag; the plan-wide budgets are kept. Empty maps and a false flag are left out, as in
    :meth:`planner.Scenario.to_dict`."""
    old = {key: budget.get(key, {}) for key in ("capex_eur_by_year", "opex_eur_by_year")}
    out = {k: v for k, v in budget.items() if k not in (*old, "carry_over")}
    new: dict[str, dict[int, float | None]] = {key: {} for key in old}
    for year, capex, opex in rows:
        for key, value in (("capex_eur_by_year", capex), ("opex_eur_by_year", opex)):
            number = _number_or_none(value)
            if number is not None:
                before = old[key].get(year)
                new[key][int(year)] = before if same(number, before) else number
    out.update({key: values for key, values in new.items() if values})
    if carry_over:
        out["carry_over"] = True
    return out

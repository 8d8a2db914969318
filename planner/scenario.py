"""Scenario files (YAML): the input of every run, parsed into frozen objects.

Structural validation (unknown keys, types, ranges) happens here with the key path and YAML line of every
problem; references to catalogue ids are checked in :mod:`planner.checks`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml

from planner.errors import Issue, PlannerInputError
from planner.messages import Msg, msg
from planner.publicdata.provenance import SiteProvenance, parse_provenance, provenance_dict
from planner.referrals import ReferralLink, ReferralRules, parse_referral_rules, parse_referrals
from planner.robust.uncertainty import Uncertainty, parse_uncertainty
from planner.schema import ACTIVITIES, ANGIO_VENDORS, BOUNDS, DEVICE_COLUMNS, PRICE_FIELDS, ROLES, SLUG_RE
from planner.yamlsafe import YamlRefused, load_yaml

Objective = Literal["max_benefit", "min_cost"]
SolverName = Literal["highs", "cbc"]
OBJECTIVES: tuple[str, ...] = ("max_benefit", "min_cost")
#: Whose costs the optimiser minimises: the hospital's (consumables net of what it bills on top of the GHS tariff,
#: liste en sus) or the health system's (the whole price, whoever pays it). The plan shows both.
PERSPECTIVES: tuple[str, ...] = ("hospital", "health_system")
SOLVERS: tuple[str, ...] = ("highs", "cbc")


@dataclass(frozen=True)
class Budget:
    """Budget limits; ``None`` means unlimited.

    ``capex_eur`` caps the capital spent over the whole horizon, ``opex_eur_per_year`` every year's running
    costs; ``*_by_year`` set yearly envelopes. An unspent capital envelope carries over to the next years only
    with ``carry_over``.
    """

    capex_eur: float | None = None
    opex_eur_per_year: float | None = None
    capex_eur_by_year: Mapping[int, float] = field(default_factory=dict)
    opex_eur_by_year: Mapping[int, float] = field(default_factory=dict)
    carry_over: bool = False


@dataclass(frozen=True)
class Site:
    """A site of the hospital group: its rooms, angiography vendor, activity and installed equipment."""

    id: str
    name: str
    rooms: int
    angio_vendor: str
    activity: Mapping[str, float]
    volumes: Mapping[str, float] = field(default_factory=dict)
    installed: Mapping[str, int] = field(default_factory=dict)
    installed_year: Mapping[str, int] = field(default_factory=dict)  # acquisition year of installed units
    roles: tuple[str, ...] = ()  # clinical capabilities: cardiac_surgery, shock_centre, ecmo_centre, ccs_programme
    latitude: float | None = None  # decimal degrees, for referral links generated from coordinates
    longitude: float | None = None


@dataclass(frozen=True)
class IndicationOverride:
    """Local values replacing an indication's catalogue defaults.

    ``weight`` is the cardiologists' multiplier on the evidence-based value of the indication (default 1);
    ``required`` makes the indication required equipment (served in full where the site serves it, outside
    the value) or not.
    """

    share: float | None = None
    weight: float | None = None
    min_coverage: float | None = None
    required: bool | None = None


@dataclass(frozen=True)
class SolverOptions:
    """Which solver, how long, and the relative MIP gap at which it may stop."""

    name: SolverName = "highs"
    time_limit_s: float = 60.0
    mip_gap: float = 0.0
    threads: int | None = None


@dataclass(frozen=True)
class DeviceProfile:
    """A device's security profile as disclosed by its vendor (an MDS2 form, our questionnaire): each field
    given replaces the catalogue's value; ``None`` keeps it. ``source`` and ``date`` say where it comes from."""

    source: str
    date: date
    network_connected: str | None = None
    os_family: str | None = None
    os_end_of_support: date | None = None
    mds2_available: str | None = None
    sbom_available: str | None = None
    patch_policy: str | None = None
    remote_access: str | None = None
    encryption_at_rest: str | None = None

    def given(self) -> dict[str, str | date]:
        """The fields the profile sets (not ``source`` and ``date``)."""
        return {k: v for k, v in asdict(self).items() if v is not None and k not in ("source", "date")}

    def to_dict(self) -> dict[str, str]:
        """Plain data in the YAML layout, dates as ISO text."""
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class SecurityOptions:
    """Security rules: hard rules exclude purchases; segmentation cost enters capex per connected unit."""

    exclude_unsupported_os: bool = False
    require_mds2: bool = False
    max_risk_score: int | None = None
    segmentation_cost_eur_per_connected_device: float = 0.0
    reference_date: date = field(default_factory=date.today)
    device_profiles: Mapping[str, DeviceProfile] = field(default_factory=dict)  # vendor disclosures by device


@dataclass(frozen=True)
class Scenario:
    """Everything a run needs besides the catalogue."""

    name: str
    sites: tuple[Site, ...]
    objective: Objective = "max_benefit"
    budget: Budget = Budget()
    indications: Mapping[str, IndicationOverride] = field(default_factory=dict)
    devices: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    must_include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    solver: SolverOptions = SolverOptions()
    allow_not_recommended: bool = False
    horizon_years: int = 1
    start_year: int = field(default_factory=lambda: date.today().year)
    discount_rate: float = 0.0
    price_escalation: Mapping[str, float] = field(default_factory=dict)  # capex, maintenance, consumables
    acquisition_modes: tuple[str, ...] = ("purchase",)  # purchase, placement, lease: the optimiser chooses
    activity_growth: Mapping[str, float] = field(default_factory=dict)  # cag/pci/stemi or an indication id
    outcome_weights: Mapping[str, float] = field(default_factory=dict)  # severity per outcome (catalogue default)
    security: SecurityOptions = field(default_factory=SecurityOptions)
    catalog: str | None = None
    provenance: Mapping[str, SiteProvenance] = field(default_factory=dict)  # site id -> public data it came from
    uncertainty: Uncertainty | None = None  # optional: what may differ in future years (planner.robust)
    referrals: tuple[ReferralLink, ...] = ()  # links between sites (planner.referrals)
    referral_rules: ReferralRules | None = None  # links generated from coordinates, time limits per indication
    perspective: str = "hospital"  # hospital | health_system (PERSPECTIVES)
    price_index_rate: float | None = None  # yearly rate bringing catalogue prices to start_year (None: price index)
    equivalence_tolerance: float = 0.05  # products within this share of value and cost meet a line (planner.specs)
    base_dir: str = field(default="", compare=False)

    def catalog_path(self) -> str | None:
        """Catalogue folder named by the scenario, resolved relative to the scenario file."""
        if self.catalog is None:
            return None
        return str((Path(self.base_dir or ".") / self.catalog).resolve())

    @property
    def years(self) -> tuple[int, ...]:
        """The planning years: start_year .. start_year + horizon_years - 1."""
        return tuple(range(self.start_year, self.start_year + self.horizon_years))

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the YAML layout (round-trips through :func:`parse_scenario`)."""
        data = asdict(self)
        data.pop("base_dir")
        data["must_include"], data["exclude"] = list(self.must_include), list(self.exclude)
        data["acquisition_modes"] = list(self.acquisition_modes)
        data["sites"] = [_site_dict(s) for s in self.sites]
        data["budget"] = {k: v for k, v in data["budget"].items() if v is not None and v != {}}
        if not self.budget.carry_over:
            data["budget"].pop("carry_over")
        data["indications"] = {k: {a: b for a, b in v.items() if b is not None}
                               for k, v in data["indications"].items()}
        data["solver"] = {k: v for k, v in data["solver"].items() if v is not None}
        data["security"] = {k: v for k, v in data["security"].items() if v is not None}
        data["security"]["reference_date"] = self.security.reference_date.isoformat()
        data["security"]["device_profiles"] = {k: v.to_dict() for k, v in self.security.device_profiles.items()}
        if not self.security.device_profiles:
            data["security"].pop("device_profiles")
        if self.catalog is None:
            data.pop("catalog")
        data["provenance"] = provenance_dict(self.provenance)
        if not self.provenance:
            data.pop("provenance")
        data["referrals"] = [ln.to_dict() for ln in self.referrals]
        if not self.referrals:
            data.pop("referrals")
        data["referral_rules"] = None if self.referral_rules is None else self.referral_rules.to_dict()
        if self.referral_rules is None:
            data.pop("referral_rules")
        for key, default in (("perspective", "hospital"), ("price_index_rate", None)):
            if data[key] == default:
                data.pop(key)  # the default is not written: older readers load the file unchanged
        if self.equivalence_tolerance == DEFAULT_EQUIVALENCE_TOLERANCE:
            data.pop("equivalence_tolerance")
        if self.uncertainty is None:
            data.pop("uncertainty")
        else:
            data["uncertainty"] = self.uncertainty.to_dict()
        return data

    def to_yaml(self) -> str:
        """The scenario as YAML text."""
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    def to_json(self) -> str:
        """Canonical JSON text (stable key order): a hashable cache key."""
        return json.dumps(self.to_dict(), sort_keys=True)


def _site_dict(site: Site) -> dict[str, Any]:
    data = asdict(site)
    years = data.pop("installed_year")
    data["installed"] = {d: ({"units": n, "acquisition_year": years[d]} if d in years else n)
                         for d, n in site.installed.items()}
    data["roles"] = list(site.roles)
    for key in ("volumes", "installed", "roles"):
        if not data[key]:
            data.pop(key)
    for key in ("latitude", "longitude"):
        if data[key] is None:
            data.pop(key)
    return data


# ---------------------------------------------------------------- parsing


class _Parser:
    """Collects issues while walking the YAML data; ``lines`` maps key paths to YAML line numbers."""

    def __init__(self, source: str, lines: Mapping[str, int]) -> None:
        self.source = source
        self.lines = lines
        self.issues: list[Issue] = []

    def error(self, path: str, value: Any, message: Msg | str) -> None:
        line = self.lines.get(path)
        location: str | Msg = msg("loc.line", line=line, path=path) if line else path
        self.issues.append(Issue(self.source, location, path.rsplit(".", 1)[-1], _show(value), message))

    def mapping(self, path: str, value: Any, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(path, value, msg("in.mapping"))
            return {}
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    self.error(_join(path, str(key)), key, msg("in.unknown_key", allowed=", ".join(allowed)))
        return value

    def number(self, path: str, value: Any, low: float | None = 0.0, high: float | None = None,
               strict_low: bool = False, integer: bool = False) -> float | None:
        """A finite number within [low, high] (or ``None`` with an issue)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(path, value, msg("in.whole" if integer else "in.number"))
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.error(path, value, msg("in.finite"))
            return None
        if integer and value != int(value):
            self.error(path, value, msg("in.whole"))
            return None
        if low is not None and (value < low or (strict_low and value == low)):
            self.error(path, value, msg("in.min_strict" if strict_low else "in.min", low=f"{low:g}"))
            return None
        if high is not None and value > high:
            self.error(path, value, msg("in.max", high=f"{high:,.10g}"))
            return None
        try:
            return float(value)
        except OverflowError:
            self.error(path, value, msg("in.too_large"))
            return None

    def bounded(self, path: str, value: Any, rng: str, integer: bool = False) -> float | None:
        """A number within the :data:`planner.schema.BOUNDS` row ``rng``."""
        b = BOUNDS[rng]
        return self.number(path, value, b.low, b.high, strict_low=b.strict_low, integer=integer)

    def boolean(self, path: str, value: Any) -> bool:
        if not isinstance(value, bool):
            self.error(path, value, msg("in.bool"))
            return False
        return value

    def slug(self, path: str, value: Any) -> str | None:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            self.error(path, value, msg("in.slug"))
            return None
        return value

    def choice(self, path: str, value: Any, allowed: tuple[str, ...]) -> str | None:
        if value not in allowed:
            self.error(path, value, msg("in.one_of", allowed=", ".join(allowed)))
            return None
        return str(value)

    def slug_list(self, path: str, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(path, value, msg("in.id_list"))
            return ()
        items = [self.slug(f"{path}[{i}]", v) for i, v in enumerate(value)]
        return tuple(i for i in items if i is not None)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value: Any, limit: int = 80) -> str:
    """A value as short text (at most ``limit`` characters): shared or nested values are written only up to
    the limit, never expanded in full.

    >>> _show({"a": [1, 2.5, None]}), _show("x" * 100)[-5:]
    ('{"a": [1, 2.5, null]}', 'xx...')
    """
    parts: list[str] = []
    _write(value, parts, [limit + 1], top=True)
    text = "".join(parts)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _write(value: Any, parts: list[str], room: list[int], top: bool = False) -> None:
    """Append the JSON-like text of ``value`` to ``parts`` until ``room`` characters are written."""
    if room[0] <= 0:
        return
    if isinstance(value, dict):
        items: list[tuple[Any, Any]] = list(value.items())
        _put("{", parts, room)
        for i, (key, val) in enumerate(items):
            _put((", " if i else "") + json.dumps(str(key)) + ": ", parts, room)
            _write(val, parts, room)
            if room[0] <= 0:
                return
        _put("}", parts, room)
    elif isinstance(value, list | tuple):
        _put("[", parts, room)
        for i, val in enumerate(value):
            _put(", " if i else "", parts, room)
            _write(val, parts, room)
            if room[0] <= 0:
                return
        _put("]", parts, room)
    elif isinstance(value, str):
        _put(value[:room[0]] if top else json.dumps(value[:room[0]]), parts, room)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 40:
        _put(f"a {len(str(abs(value)))}-digit number", parts, room)
    else:
        _put(json.dumps(value, default=str), parts, room)


def _put(text: str, parts: list[str], room: list[int]) -> None:
    parts.append(text[:max(room[0], 0)])
    room[0] -= len(text)


TOP_KEYS = ("name", "catalog", "objective", "budget", "sites", "indications", "devices",
            "must_include", "exclude", "solver", "allow_not_recommended", "security", "horizon_years", "start_year",
            "discount_rate", "price_escalation", "activity_growth", "acquisition_modes", "outcome_weights",
            "provenance", "uncertainty", "referrals", "referral_rules", "perspective", "price_index_rate",
            "equivalence_tolerance")
#: Default relative tolerance of value and cost within which a product is equivalent (``planner.specs``).
DEFAULT_EQUIVALENCE_TOLERANCE = 0.05
ACQUISITION_MODES = ("purchase", "placement", "lease")
ESCALATION_KEYS = ("capex", "maintenance", "consumables")
MODE_FIELDS = ("placement_available", "placement_consumable_eur_per_case", "placement_min_commitment_eur_per_year",
               "lease_available", "lease_eur_per_year", "lease_term_years")
SECURITY_KEYS = ("exclude_unsupported_os", "require_mds2", "max_risk_score",
                 "segmentation_cost_eur_per_connected_device", "reference_date", "device_profiles")
#: Keys of a device's security profile in ``security.device_profiles`` (``source`` and ``date`` required).
PROFILE_KEYS = ("source", "date", "network_connected", "os_family", "os_end_of_support", "mds2_available",
                "sbom_available", "patch_policy", "remote_access", "encryption_at_rest")
SITE_KEYS = ("id", "name", "rooms", "angio_vendor", "activity", "volumes", "installed", "roles", "latitude",
             "longitude")


def parse_scenario(data: Any, source: str = "scenario", base_dir: str = "",
                   lines: Mapping[str, int] | None = None) -> Scenario:
    """Validate plain data (as loaded from YAML) and build a :class:`Scenario`.

    Raises :class:`PlannerInputError` listing every structural problem.
    """
    p = _Parser(source, lines or {})
    top = p.mapping("", data, TOP_KEYS)
    if not isinstance(data, dict):
        raise PlannerInputError(p.issues or [Issue(source, "", "", "", msg("in.not_mapping_scenario"))])
    name = top.get("name", default_name(source))
    if not isinstance(name, str) or not name.strip():
        p.error("name", name, msg("in.name"))
    catalog = top.get("catalog")
    if catalog is not None and not isinstance(catalog, str):
        p.error("catalog", catalog, msg("in.folder"))
    scenario = Scenario(
        name=str(name or "").strip(),
        sites=_parse_sites(p, top.get("sites")),
        objective=p.choice("objective", top.get("objective", "max_benefit"), OBJECTIVES) or "max_benefit",  # type: ignore[arg-type]
        budget=_parse_budget(p, top.get("budget")),
        indications=_parse_indications(p, top.get("indications")),
        devices=_parse_devices(p, top.get("devices")),
        must_include=p.slug_list("must_include", top.get("must_include")),
        exclude=p.slug_list("exclude", top.get("exclude")),
        solver=_parse_solver(p, top.get("solver")),
        allow_not_recommended=p.boolean("allow_not_recommended", top.get("allow_not_recommended", False)),
        security=_parse_security(p, top.get("security")),
        horizon_years=int(p.bounded("horizon_years", top.get("horizon_years", 1), "horizon", integer=True) or 1),
        start_year=int(p.number("start_year", top.get("start_year", date.today().year), low=1990,
                                high=BOUNDS["year"].high, integer=True) or date.today().year),
        discount_rate=p.bounded("discount_rate", top.get("discount_rate", 0.0), "share") or 0.0,
        price_escalation=_number_map(p, "price_escalation", top.get("price_escalation"), keys=ESCALATION_KEYS,
                                     rng="rate"),
        activity_growth=_number_map(p, "activity_growth", top.get("activity_growth"), rng="rate"),
        acquisition_modes=_parse_modes(p, top.get("acquisition_modes", ["purchase"])),
        outcome_weights=_number_map(p, "outcome_weights", top.get("outcome_weights"), rng="multiplier"),
        catalog=catalog if isinstance(catalog, str) else None,
        provenance=parse_provenance(top.get("provenance"), p.error),
        uncertainty=parse_uncertainty(p, top.get("uncertainty"), _site_ids(top.get("sites"))),
        referrals=parse_referrals(p, top.get("referrals"), _site_ids(top.get("sites"))),
        referral_rules=parse_referral_rules(p, top.get("referral_rules")),
        perspective=p.choice("perspective", top.get("perspective", "hospital"), PERSPECTIVES) or "hospital",
        price_index_rate=None if top.get("price_index_rate") is None
        else p.bounded("price_index_rate", top.get("price_index_rate"), "rate"),
        equivalence_tolerance=_tolerance(p, top.get("equivalence_tolerance", DEFAULT_EQUIVALENCE_TOLERANCE)),
        base_dir=base_dir,
    )
    if p.issues:
        raise PlannerInputError(p.issues)
    return scenario


def _tolerance(p: _Parser, value: Any) -> float:
    """``equivalence_tolerance``: a share in [0, 1] (0.05 = 5 % of value and of cost)."""
    got = p.bounded("equivalence_tolerance", value, "share")
    return DEFAULT_EQUIVALENCE_TOLERANCE if got is None else float(got)


def default_name(source: str) -> str:
    """The name of a scenario without ``name:``: its file's stem ("scenario" when it has no file).

    >>> default_name("examples/general_hospital.yaml"), default_name("plan.xlsx [scenario.yaml]")
    ('general_hospital', 'plan')
    """
    stem = Path(re.sub(r"\s*\[.*\]$", "", source)).stem
    return stem.strip() or "scenario"


def _site_ids(value: Any) -> tuple[str, ...]:
    """Site ids as written (for the sections that name sites); the sites' own checks report the rest."""
    return tuple(str(s["id"]) for s in value if isinstance(s, dict) and "id" in s) if isinstance(value, list) else ()


def _parse_budget(p: _Parser, value: Any) -> Budget:
    data = p.mapping("budget", value, ("capex_eur", "opex_eur_per_year", "capex_eur_by_year", "opex_eur_by_year",
                                       "carry_over"))
    out: dict[str, Any] = {}
    for key in ("capex_eur", "opex_eur_per_year"):
        raw = data.get(key)
        out[key] = None if raw is None else p.bounded(f"budget.{key}", raw, "budget")
    for key in ("capex_eur_by_year", "opex_eur_by_year"):
        out[key] = _year_map(p, f"budget.{key}", data.get(key))
    out["carry_over"] = p.boolean("budget.carry_over", data.get("carry_over", False))
    return Budget(**out)


def _year_map(p: _Parser, path: str, value: Any) -> dict[int, float]:
    """``year: amount``; a blank amount (``2028:`` or ``~``) means no envelope that year (no ceiling)."""
    out: dict[int, float] = {}
    for key, raw in p.mapping(path, value).items():
        year = _year_key(key)
        if year is None or not 1990 <= year <= BOUNDS["year"].high:
            p.error(f"{path}.{key}", key, msg("in.year"))
            continue
        if raw is None:
            continue
        num = p.bounded(f"{path}.{key}", raw, "budget")
        if num is not None:
            out[year] = num
    return out


def _year_key(key: Any) -> int | None:
    """A year written as a YAML key: an integer, or ASCII digits (not superscripts, which ``isdigit`` accepts)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and key.isascii() and key.strip().isdigit() and len(key.strip()) <= 4:
        return int(key)
    return None


def _parse_sites(p: _Parser, value: Any) -> tuple[Site, ...]:
    if not isinstance(value, list) or not value:
        p.error("sites", value, msg("in.sites_required"))
        return ()
    most = int(BOUNDS["sites"].high)
    if len(value) > most:
        p.error("sites", f"{len(value):,} sites", msg("in.too_many_sites", most=most))
        return ()
    sites, seen = [], set()
    for i, raw in enumerate(value):
        site = _parse_site(p, f"sites[{i}]", raw)
        if site is None:
            continue
        if site.id in seen:
            p.error(f"sites[{i}].id", site.id, msg("in.duplicate_site"))
        seen.add(site.id)
        sites.append(site)
    return tuple(sites)


def _parse_site(p: _Parser, path: str, raw: Any) -> Site | None:
    data = p.mapping(path, raw, SITE_KEYS)
    if not data:
        if raw is not None and isinstance(raw, dict):
            p.error(path, raw, msg("in.site_keys"))
        return None
    ident = p.slug(f"{path}.id", data.get("id"))
    rooms = p.bounded(f"{path}.rooms", data.get("rooms"), "rooms", integer=True)
    vendor = p.choice(f"{path}.angio_vendor", data.get("angio_vendor"), ANGIO_VENDORS)
    activity = _number_map(p, f"{path}.activity", data.get("activity"), keys=ACTIVITIES, rng="cases")
    for key in ACTIVITIES:
        if isinstance(data.get("activity"), dict) and key not in data["activity"]:
            p.error(f"{path}.activity.{key}", None, msg("in.activity_required"))
    volumes = _number_map(p, f"{path}.volumes", data.get("volumes"), rng="cases")
    installed, installed_year = _parse_installed(p, f"{path}.installed", data.get("installed"))
    roles = _parse_roles(p, f"{path}.roles", data.get("roles"))
    if ident is None or rooms is None or vendor is None:
        return None
    lat, lon = (None if data.get(key) is None else p.number(f"{path}.{key}", data[key], -lim, lim)
                for key, lim in (("latitude", 90.0), ("longitude", 180.0)))
    name = data.get("name", ident)
    return Site(ident, str(name), int(rooms), vendor, activity, volumes, installed, installed_year, roles, lat, lon)


def _parse_roles(p: _Parser, path: str, value: Any) -> tuple[str, ...]:
    """A site's clinical roles: a list of :data:`planner.schema.ROLES`, each once."""
    roles = p.slug_list(path, value)
    for role in roles:
        if role not in ROLES:
            p.error(path, role, msg("in.unknown_role", roles=", ".join(ROLES)))
    return tuple(sorted({r for r in roles if r in ROLES}, key=ROLES.index))


def _parse_installed(p: _Parser, path: str, value: Any) -> tuple[dict[str, int], dict[str, int]]:
    """``device: units`` or ``device: {units: n, acquisition_year: y}``."""
    units: dict[str, int] = {}
    years: dict[str, int] = {}
    for key, raw in p.mapping(path, value).items():
        sub = _join(path, str(key))
        if p.slug(sub + "#key", key) is None:
            continue
        if isinstance(raw, dict):
            lot = p.mapping(sub, raw, ("units", "acquisition_year"))
            n = p.bounded(f"{sub}.units", lot.get("units"), "units", integer=True)
            if "acquisition_year" in lot:
                year = p.bounded(f"{sub}.acquisition_year", lot["acquisition_year"], "year", integer=True)
                if year is not None:
                    years[str(key)] = int(year)
        else:
            n = p.bounded(sub, raw, "units", integer=True)
        if n is not None:
            units[str(key)] = int(n)
    return units, years


def _number_map(p: _Parser, path: str, value: Any, keys: tuple[str, ...] | None = None,
                rng: str = "cases") -> dict[str, float]:
    """``key: number`` with every number in the :data:`planner.schema.BOUNDS` row ``rng``."""
    data = p.mapping(path, value, keys)
    out: dict[str, float] = {}
    for key, raw in data.items():
        if keys is None and p.slug(_join(path, str(key)) + "#key", key) is None:
            continue
        num = p.bounded(_join(path, str(key)), raw, rng)
        if num is not None:
            out[str(key)] = num
    return out


def _parse_indications(p: _Parser, value: Any) -> dict[str, IndicationOverride]:
    out = {}
    for key, raw in p.mapping("indications", value).items():
        path = f"indications.{key}"
        if p.slug(path, key) is None:
            continue
        data = p.mapping(path, raw, ("share", "weight", "min_coverage", "required"))
        share = p.bounded(f"{path}.share", data["share"], "share") if "share" in data else None
        weight = p.bounded(f"{path}.weight", data["weight"], "multiplier") if "weight" in data else None
        floor = p.bounded(f"{path}.min_coverage", data["min_coverage"], "share") if "min_coverage" in data else None
        required = p.boolean(f"{path}.required", data["required"]) if "required" in data else None
        out[str(key)] = IndicationOverride(share, weight, floor, required)
    return out


def _parse_devices(p: _Parser, value: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for key, raw in p.mapping("devices", value).items():
        path = f"devices.{key}"
        if p.slug(path, key) is None:
            continue
        data = p.mapping(path, raw, PRICE_FIELDS + MODE_FIELDS)
        fields: dict[str, Any] = {}
        for fname, fval in data.items():
            if fname in ("placement_available", "lease_available"):
                fields[str(fname)] = p.boolean(f"{path}.{fname}", fval)
                continue
            if fname not in PRICE_FIELDS + MODE_FIELDS:
                continue
            num = p.bounded(f"{path}.{fname}", fval, _FIELD_BOUNDS.get(str(fname), "price"))
            if num is not None:
                fields[str(fname)] = num
        out[str(key)] = fields
    return out


#: Bounds of the device fields a scenario may override (others are prices).
_FIELD_BOUNDS = {"lifetime_years": "lifetime", "capacity_cases_per_year": "capacity", "lease_term_years": "term"}


def _parse_solver(p: _Parser, value: Any) -> SolverOptions:
    data = p.mapping("solver", value, ("name", "time_limit_s", "mip_gap", "threads"))
    name = p.choice("solver.name", data.get("name", "highs"), SOLVERS) or "highs"
    limit = p.bounded("solver.time_limit_s", data.get("time_limit_s", 60.0), "time_limit")
    gap = p.bounded("solver.mip_gap", data.get("mip_gap", 0.0), "share")
    threads = data.get("threads")
    if threads is not None:
        threads = p.bounded("solver.threads", threads, "threads", integer=True)
    return SolverOptions(name, limit or 60.0, gap or 0.0, int(threads) if threads else None)  # type: ignore[arg-type]


def _parse_security(p: _Parser, value: Any) -> SecurityOptions:
    data = p.mapping("security", value, SECURITY_KEYS)
    score = data.get("max_risk_score")
    if score is not None:
        score = p.bounded("security.max_risk_score", score, "risk_score", integer=True)
    cost = p.bounded("security.segmentation_cost_eur_per_connected_device",
                     data.get("segmentation_cost_eur_per_connected_device", 0.0), "price")
    return SecurityOptions(
        exclude_unsupported_os=p.boolean("security.exclude_unsupported_os", data.get("exclude_unsupported_os", False)),
        require_mds2=p.boolean("security.require_mds2", data.get("require_mds2", False)),
        max_risk_score=None if score is None else int(score),
        segmentation_cost_eur_per_connected_device=cost or 0.0,
        reference_date=_parse_date(p, "security.reference_date", data.get("reference_date")),
        device_profiles=_parse_profiles(p, data.get("device_profiles")),
    )


def _parse_profiles(p: _Parser, value: Any) -> dict[str, DeviceProfile]:
    """``security.device_profiles``: device id -> profile; every value checked against the catalogue's
    allowed values (``planner.schema``), ``source`` and ``date`` required."""
    out: dict[str, DeviceProfile] = {}
    for key, raw in p.mapping("security.device_profiles", value, None).items():
        path = f"security.device_profiles.{key}"
        if p.slug(path, key) is None:
            continue
        data = p.mapping(path, raw, PROFILE_KEYS)
        fields: dict[str, Any] = {}
        for name in PROFILE_KEYS[2:]:
            if data.get(name) is not None:
                fields[name] = _profile_value(p, f"{path}.{name}", name, data[name])
        source = data.get("source")
        if not isinstance(source, str) or not source.strip():
            p.error(f"{path}.source", source, msg("in.profile_source"))
        if data.get("date") is None:
            p.error(f"{path}.date", None, msg("in.profile_date"))
        out[str(key)] = DeviceProfile(str(source or "").strip(), _parse_date(p, f"{path}.date", data.get("date")),
                                      **fields)
    return out


def _profile_value(p: _Parser, path: str, name: str, value: Any) -> Any:
    if name == "os_end_of_support":
        return _parse_date(p, path, value)
    if name == "os_family":
        return str(value).strip()
    allowed = next(c.allowed for c in DEVICE_COLUMNS if c.name == name)
    if isinstance(value, bool) and "yes" in allowed:  # YAML reads a bare yes/no as a boolean
        value = "yes" if value else "no"
    return p.choice(path, value, allowed)


def _parse_modes(p: _Parser, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        p.error("acquisition_modes", value, msg("in.modes_list", modes=", ".join(ACQUISITION_MODES)))
        return ("purchase",)
    modes = tuple(m for i, m in enumerate(value) if p.choice(f"acquisition_modes[{i}]", m, ACQUISITION_MODES))
    if "purchase" not in modes:
        p.error("acquisition_modes", value, msg("in.modes_purchase"))
    return tuple(m for m in ACQUISITION_MODES if m in modes)


def _parse_date(p: _Parser, path: str, value: Any) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        p.error(path, value, msg("in.date"))
        return date.today()


# ---------------------------------------------------------------- YAML


def scenario_from_yaml(text: str, source: str = "scenario.yaml", base_dir: str = "") -> Scenario:
    """Parse YAML text into a :class:`Scenario`; YAML syntax errors, files too large, too deep or with alias
    bombs, and duplicate keys become issues with their line (see :mod:`planner.yamlsafe`)."""
    try:
        doc = load_yaml(text)
    except YamlRefused as exc:
        where = f"line {exc.line}" if exc.line else ""
        raise PlannerInputError([Issue(source, where, "", "", msg("in.refused", why=exc.message))]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PlannerInputError([Issue(source, where, "", "", msg("in.invalid_yaml", problem=problem))]) from None
    duplicates = [Issue(source, f"line {again} ({path})", "", "",
                        msg("in.duplicate_key", first=first))
                  for path, first, again in doc.duplicates]
    try:
        scenario = parse_scenario(doc.data, source, base_dir, doc.lines)
    except PlannerInputError as exc:
        raise PlannerInputError([*duplicates, *exc.issues]) from None
    if duplicates:
        raise PlannerInputError(duplicates)
    return scenario


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and parse a scenario YAML file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlannerInputError([Issue(str(file), "", "", "", msg("in.file_not_found"))]) from None
    except (UnicodeDecodeError, OSError) as exc:
        raise PlannerInputError([Issue(str(file), "", "", "", msg("in.not_utf8", reason=str(exc)))]) from None
    return scenario_from_yaml(text, str(file), str(file.resolve().parent))

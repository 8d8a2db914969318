"""Column specifications of the catalogue tables: name, type, unit, required, allowed values.

The loaders in :mod:`planner.catalog` coerce every CSV cell through these specs, so the schema is data,
in the spirit of PyPSA's ``component_attrs`` tables. ``catalog/README.md`` documents the same columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from planner.errors import InvalidValue
from planner.messages import msg

Kind = Literal["slug", "text", "float", "int", "enum", "slug_list", "yesno", "date"]

SLUG_RE = re.compile(r"^[a-z0-9_]+$")
ANGIO_VENDORS = ("philips", "siemens", "ge", "canon")
ACTIVITIES = ("cag", "pci", "stemi")
#: Bases an indication's share may apply to: a scenario activity, or diagnostic angiographies outside STEMI
#: (chronic and NSTE-ACS angiographies: cag - stemi), the base of physiology demand.
BASE_ACTIVITIES = (*ACTIVITIES, "cag_non_stemi")
#: Clinical roles a site may declare; indications and device families may require one.
ROLES = ("cardiac_surgery", "shock_centre", "ecmo_centre", "ccs_programme")
DEPLOYMENTS = ("per_room", "shared")
GUIDELINE_CLASSES = ("I", "IIa", "IIb", "III", "none")
NETWORK_CONNECTIONS = ("none", "dicom", "hl7", "network", "remote_service", "unknown")
PATCH_POLICIES = ("vendor_validated_monthly", "quarterly", "on_request", "none", "unknown")
REMOTE_ACCESS = ("none", "vendor_vpn", "cloud", "unknown")
TRISTATE = ("yes", "no", "unknown")
EVIDENCE_LEVELS = ("A", "B", "C")
EVIDENCE_DESIGNS = ("rct", "meta_analysis", "guideline", "registry", "observational", "single_arm", "consensus")
EFFECT_MEASURES = ("RR", "HR", "OR", "RD", "class", "none")
RELIABILITY = ("H", "M", "L")
ADVISORY_SEVERITIES = ("critical", "high", "medium", "low")
#: open: no fix yet; mitigated: a workaround or partial fix is in place; resolved: fixed by an update.
ADVISORY_STATUSES = ("open", "mitigated", "resolved")
#: How a device's per-case consumable is paid in France: billed on top of the stay's tariff (liste en sus, with
#: an LPP code and tariff), inside the GHS tariff, or not known (then treated as paid inside it).
FUNDINGS = ("liste_en_sus", "intra_ghs", "unknown")
#: Currencies a catalogue price may be quoted in (non-EUR amounts are converted with ``fx_rates.csv``).
CURRENCIES = ("EUR", "USD", "GBP")


@dataclass(frozen=True)
class Bound:
    """The plausible range of a numeric input: beyond it a value is a typing error (or an attack), refused with
    its location before it reaches the solver (1e308 EUR would make HiGHS fail)."""

    low: float
    high: float
    unit: str
    applies_to: str
    strict_low: bool = False  # the value must be > low


#: Every numeric input of a scenario, the catalogue and the importers is checked against one of these ranges
#: (README "Limits"). The last three rows bound the size of a run.
BOUNDS: Mapping[str, Bound] = {
    "cases": Bound(0, 100_000, "cases/year", "a site's activity (cag, pci, stemi) and direct volumes"),
    "rooms": Bound(1, 50, "rooms", "cath rooms of a site"),
    "units": Bound(0, 1_000, "units", "installed units of a device at a site (scenario, inventory import)"),
    "year": Bound(1970, 2200, "year", "acquisition years, yearly envelopes, start_year"),
    "price": Bound(0, 100_000_000, "EUR", "prices: capex, maintenance, consumables, placement, lease, "
                                          "segmentation cost (scenario, price list, catalogue)"),
    "budget": Bound(0, 100_000_000_000, "EUR", "budgets and yearly envelopes"),
    "capacity": Bound(0, 1_000_000, "cases/year", "cases one unit can serve a year", strict_low=True),
    "lifetime": Bound(0, 100, "years", "economic life of a unit", strict_low=True),
    "term": Bound(0, 100, "years", "lease term"),
    "share": Bound(0, 1, "share", "shares, coverage floors, effectiveness, mip_gap, discount rate"),
    "multiplier": Bound(0, 100, "multiplier", "indication multipliers and outcome severity weights"),
    "rate": Bound(-0.5, 1, "per year", "activity growth and price escalation"),
    "horizon": Bound(1, 50, "years", "horizon_years"),
    "min_volume": Bound(0, 1_000_000, "cases/year", "minimum cases of a device family (families.csv)"),
    "risk_score": Bound(0, 100, "points", "security.max_risk_score"),
    "time_limit": Bound(0, 86_400, "s", "solver.time_limit_s (and --time-limit)", strict_low=True),
    "threads": Bound(1, 64, "threads", "solver.threads"),
    "patients": Bound(0, 100_000_000, "patients", "patients of an evidence row"),
    "effect": Bound(-1_000, 1_000, "measure", "effect and confidence interval of an evidence row"),
    "sites": Bound(1, 300, "sites", "sites of a scenario (every French cath-lab site fits: 228 in SAE 2024)"),
    "model_size": Bound(1, 100_000, "cells", "sites x catalogue devices x years of a run (a bigger group: "
                                            "plan it in parts)"),
    "yaml_values": Bound(1, 50_000, "values", "values of a scenario file once its aliases are expanded; nesting "
                                              "at most 40 levels, files at most 2 MB"),
}


def bound(name: str) -> tuple[float, float]:
    """(low, high) of a :data:`BOUNDS` row."""
    b = BOUNDS[name]
    return b.low, b.high


def bounds_markdown() -> str:
    """The :data:`BOUNDS` table in Markdown (README "Limits" holds this text; a test keeps them equal)."""
    lines = ["| range | low | high | unit | applies to |", "|---|---|---|---|---|"]
    for name, b in BOUNDS.items():
        low = ("> " if b.strict_low else "") + _plain(b.low, b.unit)
        lines.append(f"| {name} | {low} | {_plain(b.high, b.unit)} | {b.unit} | {b.applies_to} |")
    return "\n".join(lines)


def _plain(value: float, unit: str) -> str:
    if not float(value).is_integer():
        return f"{value:g}"
    return str(int(value)) if unit == "year" else f"{int(value):,}"


@dataclass(frozen=True)
class Column:
    """One column of a catalogue table."""

    name: str
    kind: Kind
    unit: str = ""
    required: bool = True
    default: str = ""
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    description: str = ""


def _ranged(name: str, kind: Kind, unit: str, rng: str, description: str, **kw: object) -> Column:
    """A numeric column bounded by the :data:`BOUNDS` row ``rng``."""
    b = BOUNDS[rng]
    return Column(name, kind, unit, minimum=b.low, maximum=b.high, exclusive_minimum=b.strict_low,
                  description=description, **kw)  # type: ignore[arg-type]


def _money(name: str, description: str) -> Column:
    return _ranged(name, "float", "EUR", "price", description)


DEVICE_COLUMNS: tuple[Column, ...] = (
    Column("id", "slug", description="unique product id"),
    Column("family", "slug", description="device family (physiology, ivus, iabp, ...)"),
    Column("name", "text", description="commercial name"),
    Column("name_fr", "text", required=False, description="the name in French (empty = name)"),
    Column("vendor", "text", description="manufacturer"),
    _money("capex_eur", "purchase price of one console/platform unit"),
    _money("maintenance_eur_per_year", "maintenance contract per unit and year"),
    _money("consumable_eur_per_case", "consumables used per case served"),
    _ranged("lifetime_years", "float", "years", "lifetime", "economic life of a unit"),
    _ranged("capacity_cases_per_year", "float", "cases/year", "capacity", "cases one unit can serve per year"),
    Column("deployment", "enum", allowed=DEPLOYMENTS, description="per_room or shared across a site's rooms"),
    Column("requires", "slug_list", required=False, description="any one of these device ids at the same site"),
    Column("compatible_angio", "slug_list", default="any", required=False,
           allowed=(*ANGIO_VENDORS, "any"), description="angiography vendors the device works with"),
    Column("source", "text", description="where the figures come from"),
    Column("price_date", "date", description="date of the price (YYYY-MM or YYYY-MM-DD)"),
    Column("estimate", "yesno", required=False, default="no", description="yes = expert estimate"),
    Column("notes", "text", required=False, description="free text"),
    # Security profile (optional columns: a catalogue without them loads with every field unknown).
    Column("network_connected", "enum", required=False, default="unknown", allowed=NETWORK_CONNECTIONS,
           description="how the device connects to the hospital network"),
    Column("os_family", "text", required=False, description="operating system (empty = unknown)"),
    Column("os_end_of_support", "date", required=False,
           description="end of vendor support of the OS (empty = unknown)"),
    Column("mds2_available", "enum", required=False, default="unknown", allowed=TRISTATE,
           description="manufacturer disclosure statement for medical device security (MDS2)"),
    Column("sbom_available", "enum", required=False, default="unknown", allowed=TRISTATE,
           description="software bill of materials supplied"),
    Column("patch_policy", "enum", required=False, default="unknown", allowed=PATCH_POLICIES,
           description="security patch policy of the vendor"),
    Column("remote_access", "enum", required=False, default="unknown", allowed=REMOTE_ACCESS,
           description="remote service access"),
    Column("encryption_at_rest", "enum", required=False, default="unknown", allowed=TRISTATE,
           description="patient data encrypted on the device"),
    Column("security_source", "text", required=False, description="where the security profile comes from"),
    # Acquisition modes (optional columns: without them a device can only be purchased).
    Column("placement_available", "yesno", required=False, default="no",
           description="console placed free of capex against consumables (mise a disposition)"),
    _ranged("placement_consumable_eur_per_case", "float", "EUR", "price",
            "consumable price per case under placement (empty = the purchase price)", required=False),
    _ranged("placement_min_commitment_eur_per_year", "float", "EUR", "price",
            "minimum annual consumable spend per placed unit; a shortfall is paid", required=False, default="0"),
    Column("lease_available", "yesno", required=False, default="no", description="can be leased"),
    _ranged("lease_eur_per_year", "float", "EUR", "price", "annual lease fee per unit, maintenance included",
            required=False, default="0"),
    _ranged("lease_term_years", "float", "years", "term", "lease term (a lease ends after it)", required=False,
            default="0"),
    # Funding in France and dated prices (optional columns: without them a device is "unknown" funding and its
    # prices are of its price_date year, in EUR).
    Column("funding", "enum", required=False, default="unknown", allowed=FUNDINGS,
           description="liste_en_sus (consumable billed on top of the GHS), intra_ghs or unknown"),
    Column("lpp_code", "text", required=False, description="LPP code of the consumable (liste_en_sus only)"),
    _ranged("lpp_tariff_eur", "float", "EUR", "price", "LPP tariff per case billed on top of the GHS "
            "(liste_en_sus only)", required=False),
    Column("funding_source", "text", required=False, description="where the funding status was read"),
    Column("funding_date", "date", required=False, description="date of the funding source (YYYY-MM)"),
    Column("capex_year", "int", "year", required=False, minimum=1970.0, maximum=2200.0,
           description="year of the capex, maintenance and lease figures (empty: the price_date year)"),
    Column("capex_currency", "enum", required=False, default="EUR", allowed=CURRENCIES,
           description="currency the capex figure was quoted in"),
    _ranged("capex_source_amount", "float", "", "price", "capex as quoted, in capex_currency (non-EUR only)",
            required=False),
    Column("consumable_year", "int", "year", required=False, minimum=1970.0, maximum=2200.0,
           description="year of the consumable figures (empty: the price_date year)"),
    Column("consumable_currency", "enum", required=False, default="EUR", allowed=CURRENCIES,
           description="currency the consumable figure was quoted in"),
    _ranged("consumable_source_amount", "float", "", "price",
            "consumable per case as quoted, in consumable_currency (non-EUR only)", required=False),
)

#: Columns of devices.csv describing funding and dated prices.
FUNDING_COLUMNS: tuple[str, ...] = ("funding", "lpp_code", "lpp_tariff_eur", "funding_source", "funding_date")
PRICE_DATING_COLUMNS: tuple[str, ...] = ("capex_year", "capex_currency", "capex_source_amount", "consumable_year",
                                         "consumable_currency", "consumable_source_amount")

#: Columns of devices.csv describing the acquisition modes.
MODE_COLUMNS: tuple[str, ...] = ("placement_available", "placement_consumable_eur_per_case",
                                 "placement_min_commitment_eur_per_year", "lease_available", "lease_eur_per_year",
                                 "lease_term_years")

#: Columns of devices.csv that hold the security profile.
SECURITY_FIELDS: tuple[str, ...] = ("network_connected", "os_family", "os_end_of_support", "mds2_available",
                                    "sbom_available", "patch_policy", "remote_access", "encryption_at_rest",
                                    "security_source")

INDICATION_COLUMNS: tuple[Column, ...] = (
    Column("id", "slug", description="unique indication id"),
    Column("name_en", "text", description="English name"),
    Column("name_fr", "text", description="French name"),
    Column("base_activity", "enum", allowed=BASE_ACTIVITIES,
           description="activity the share applies to (cag_non_stemi = cag - stemi)"),
    Column("default_share", "float", "share", minimum=0.0, maximum=1.0,
           description="share of the base activity that has this indication"),
    Column("default_weight", "float", "multiplier", minimum=0.0, maximum=BOUNDS["multiplier"].high,
           description="cardiologists' multiplier on the evidence-based value (1 = the evidence alone)"),
    Column("default_min_coverage", "float", "share", minimum=0.0, maximum=1.0,
           description="share of demand that must be served at a site that serves the indication"),
    Column("source", "text", description="where the share comes from"),
    Column("required_role", "enum", required=False, allowed=ROLES,
           description="role a site needs to serve the indication (empty = any site); others refer the cases"),
    Column("required", "yesno", required=False, default="no",
           description="required equipment by practice: served in full, outside the value"),
)

COVERAGE_COLUMNS: tuple[Column, ...] = (
    Column("device_id", "slug", description="device id (devices.csv)"),
    Column("indication_id", "slug", description="indication id (indications.csv)"),
    Column("effectiveness", "float", "share", minimum=0.0, maximum=1.0, exclusive_minimum=True,
           description="share of the strategy's evidence-based effect this product achieves (1 = as in the trials)"),
    Column("guideline_class", "enum", allowed=GUIDELINE_CLASSES, description="ESC class of recommendation"),
    Column("source", "text", description="guideline or trial behind the figures"),
    Column("evidence_level", "enum", required=False, allowed=EVIDENCE_LEVELS,
           description="ESC level of evidence of the class (A, B, C; empty = no class)"),
    Column("strategy", "slug", required=False,
           description="evidence-based strategy (effects.csv) whose effect the pair carries; empty = no outcome value"),
    Column("evidence_ids", "slug_list", required=False, description="evidence rows (evidence.csv) the row rests on"),
    Column("max_share", "float", "share", required=False, default="1", minimum=0.0, maximum=1.0,
           exclusive_minimum=True,
           description="largest share of the indication's demand the device family can serve at a site"),
)

OUTCOME_COLUMNS: tuple[Column, ...] = (
    Column("id", "slug", description="unique outcome id"),
    Column("name_en", "text", description="English name"),
    Column("name_fr", "text", description="French name"),
    Column("default_severity", "float", "weight", minimum=0.0, maximum=BOUNDS["multiplier"].high,
           description="severity weight of one event (death = 1); the cardiologists may edit it"),
    Column("source", "text", description="rationale or source of the weight"),
)

EVIDENCE_COLUMNS: tuple[Column, ...] = (
    Column("id", "slug", description="unique evidence id"),
    Column("citation", "text", description="authors, journal, year, volume:page"),
    Column("year", "int", minimum=1950.0, maximum=2100.0, description="year of publication"),
    Column("design", "enum", allowed=EVIDENCE_DESIGNS, description="kind of evidence"),
    Column("population", "text", description="who was studied"),
    Column("outcome_id", "slug", required=False, description="outcome (outcomes.csv); empty for a guideline"),
    Column("follow_up", "text", required=False, description="time at which the outcome was measured"),
    Column("measure", "enum", allowed=EFFECT_MEASURES,
           description="RR, HR, OR, RD (percentage points), class (guideline statement) or none"),
    _ranged("effect", "float", "", "effect", "point estimate of the measure", required=False),
    _ranged("ci_low", "float", "", "effect", "lower bound of the 95% confidence interval", required=False),
    _ranged("ci_high", "float", "", "effect", "upper bound of the 95% confidence interval", required=False),
    Column("control_rate_pct", "float", "%", required=False, minimum=0.0, maximum=100.0,
           description="event rate with standard care"),
    Column("treated_rate_pct", "float", "%", required=False, minimum=0.0, maximum=100.0,
           description="event rate with the strategy"),
    _ranged("n", "int", "patients", "patients", "patients randomised or analysed", required=False),
    Column("reliability", "enum", allowed=RELIABILITY, description="H primary/guideline, M secondary, L weak"),
    Column("note", "text", required=False, description="what the row says, caveats"),
)

EFFECT_COLUMNS: tuple[Column, ...] = (
    Column("strategy", "slug", description="strategy id, cited by coverage.csv"),
    Column("indication_id", "slug", description="indication id (indications.csv)"),
    Column("outcome_id", "slug", description="outcome id (outcomes.csv)"),
    Column("evidence_id", "slug", description="evidence row the effect is derived from"),
    Column("applicability", "float", "share", required=False, default="1", minimum=0.0, maximum=1.0,
           exclusive_minimum=True, description="share of the trial effect expected in this indication's population"),
    Column("note", "text", required=False, description="how the effect applies"),
)

FAMILY_COLUMNS: tuple[Column, ...] = (
    Column("id", "slug", description="device family id (devices.csv family)"),
    Column("name_en", "text", description="English name"),
    Column("name_fr", "text", description="French name"),
    Column("required_role", "enum", required=False, allowed=ROLES,
           description="role a site needs to use devices of the family"),
    Column("requires_family", "slug", required=False,
           description="another family that must be in use at the site (fallback)"),
    _ranged("min_cases_per_year", "float", "cases/year", "min_volume",
            "minimum cases a year per site for the team's competence (0 = none)", required=False, default="0"),
    Column("source", "text", required=False, description="where the minimum volume and rules come from"),
    Column("estimate", "yesno", required=False, default="no", description="yes = expert estimate"),
)

ADVISORY_COLUMNS: tuple[Column, ...] = (
    Column("device_id", "slug", description="device id (devices.csv)"),
    Column("date", "date", description="date the advisory or correction was published (YYYY-MM-DD)"),
    Column("issuer", "text", description="who published it (FDA, CISA, ANSM, BSI, the manufacturer)"),
    Column("reference", "text", description="the issuer's reference (recall number, ICSMA id, CVE, title)"),
    Column("severity", "enum", allowed=ADVISORY_SEVERITIES, description="severity as read from the issuer"),
    Column("status", "enum", allowed=ADVISORY_STATUSES,
           description="open (no fix), mitigated (workaround in place) or resolved (fixed) at the source's date"),
    Column("summary", "text", description="what it says, in one or two sentences"),
    Column("source", "text", description="where it was read (URL) and when, with its reliability"),
)

PRICE_INDEX_COLUMNS: tuple[Column, ...] = (
    Column("year", "int", "year", minimum=1970.0, maximum=2200.0, description="calendar year"),
    Column("index", "float", "index", minimum=0.0, exclusive_minimum=True, maximum=10_000.0,
           description="annual average of the price index (any base)"),
    Column("source", "text", description="series, publisher and how the value was obtained"),
    Column("verified", "yesno", description="yes = read in the source; no = derived or recalled (see source)"),
)

FX_RATE_COLUMNS: tuple[Column, ...] = (
    Column("currency", "enum", allowed=CURRENCIES, description="currency converted to EUR"),
    Column("year", "int", "year", minimum=1970.0, maximum=2200.0, description="calendar year"),
    Column("eur_per_unit", "float", "EUR", minimum=0.0, exclusive_minimum=True, maximum=1_000.0,
           description="euros for one unit of the currency (annual average)"),
    Column("source", "text", description="series and publisher"),
    Column("verified", "yesno", description="yes = read in the source; no = recalled (see source)"),
)

TABLES: Mapping[str, tuple[Column, ...]] = {
    "devices": DEVICE_COLUMNS,
    "indications": INDICATION_COLUMNS,
    "coverage": COVERAGE_COLUMNS,
    "families": FAMILY_COLUMNS,
    "outcomes": OUTCOME_COLUMNS,
    "evidence": EVIDENCE_COLUMNS,
    "effects": EFFECT_COLUMNS,
    "advisories": ADVISORY_COLUMNS,
    "price_index": PRICE_INDEX_COLUMNS,
    "fx_rates": FX_RATE_COLUMNS,
}
#: Tables a catalogue folder may lack (an older catalogue): they load empty.
OPTIONAL_TABLES: tuple[str, ...] = ("families", "outcomes", "evidence", "effects", "advisories", "price_index",
                                     "fx_rates")

#: Device columns that a scenario (or a price list) may override.
PRICE_FIELDS: tuple[str, ...] = (
    "capex_eur",
    "maintenance_eur_per_year",
    "consumable_eur_per_case",
    "lifetime_years",
    "capacity_cases_per_year",
)

CellValue = str | float | int | bool | date | tuple[str, ...] | None
_EMPTY: dict[str, CellValue] = {"slug_list": (), "date": None, "float": None, "int": None}


def coerce(column: Column, raw: str) -> CellValue:
    """Convert one raw cell to the column's type; raise ``ValueError`` with the reason.

    >>> coerce(DEVICE_COLUMNS[5], "1 200.5")
    1200.5
    >>> coerce(Column("x", "slug_list"), "a; b")
    ('a', 'b')
    """
    text = raw.strip()
    if text == "":
        if column.required and not column.default:
            raise InvalidValue(msg("in.required_empty"))
        text = column.default
        if text == "":
            return _EMPTY.get(column.kind, "")
    handler = _COERCERS[column.kind]
    return handler(column, text)


def _slug(column: Column, text: str) -> str:
    if not SLUG_RE.match(text):
        raise InvalidValue(msg("in.slug_cell"))
    return text


def _number(column: Column, text: str) -> float:
    try:
        value = float(text.replace(" ", "").replace("\u202f", "").replace("\u00a0", ""))
    except ValueError:
        raise InvalidValue(msg("in.not_number")) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidValue(msg("in.not_finite"))
    _check_range(column, value)
    return value


def _check_range(column: Column, value: float) -> None:
    low, high = column.minimum, column.maximum
    if low is not None and (value < low or (column.exclusive_minimum and value == low)):
        raise InvalidValue(msg("in.min_strict" if column.exclusive_minimum else "in.min", low=f"{low:g}"))
    if high is not None and value > high:
        raise InvalidValue(msg("in.max", high=f"{high:g}"))


def _integer(column: Column, text: str) -> int:
    value = _number(column, text)
    if value != int(value):
        raise InvalidValue(msg("in.whole"))
    return int(value)


def _enum(column: Column, text: str) -> str:
    if text not in column.allowed:
        raise InvalidValue(msg("in.one_of", allowed=", ".join(column.allowed)))
    return text


def _slug_list(column: Column, text: str) -> tuple[str, ...]:
    items = tuple(part.strip() for part in text.split(";") if part.strip())
    for item in items:
        if not SLUG_RE.match(item):
            raise InvalidValue(msg("in.item_slug", item=repr(item)))
        if column.allowed and item not in column.allowed:
            raise InvalidValue(msg("in.item_one_of", item=repr(item), allowed=", ".join(column.allowed)))
    return items


def _yesno(column: Column, text: str) -> bool:
    low = text.lower()
    if low in ("yes", "y", "true", "1", "oui"):
        return True
    if low in ("no", "n", "false", "0", "non"):
        return False
    raise InvalidValue(msg("in.yes_no"))


def _date(column: Column, text: str) -> date:
    parts = text.split("-")
    try:
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise InvalidValue(msg("in.date_ym"))


def _text(column: Column, text: str) -> str:
    return text


_COERCERS = {
    "slug": _slug,
    "text": _text,
    "float": _number,
    "int": _integer,
    "enum": _enum,
    "slug_list": _slug_list,
    "yesno": _yesno,
    "date": _date,
}

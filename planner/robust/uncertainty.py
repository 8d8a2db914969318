"""The scenario's optional ``uncertainty:`` section: what may differ in the futures a plan must hold in.

Every distribution is a *relative change* x of a figure (the figure becomes ``value x (1 + x)``, never below 0)::

    uncertainty:
      seed: 42
      activity: {dist: normal, sd: 0.10}                # group-wide change of every site's activity
      sites: {nord: {dist: uniform, low: -0.15, high: 0.05}}   # one site's own change (times the group's)
      indication_shares: {dist: normal, sd: 0.20}       # each indication's share, drawn independently
      indications: {anoca: {dist: triangular, low: -0.5, mode: 0, high: 0.5}}   # one indication's own law
      prices:
        consumables: {dist: uniform, low: -0.10, high: 0.20}
        capex: {dist: normal, sd: 0.10}
        maintenance: {dist: normal, sd: 0.05}
        per_device: false                               # true: one draw per device, else one per kind
      evidence: true                                    # each trial's effect drawn within its 95 % CI
      opex_budget_confidence: 0.9                        # robust plan: opex budget holds in >= 90 % of futures

Laws: ``normal`` (mean 0 unless given, sd), ``uniform`` (low, high), ``triangular`` (low, mode, high).
This module parses and checks the section; :mod:`planner.robust.sampling` draws from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from planner.messages import msg

DistKind = Literal["normal", "uniform", "triangular"]
DIST_KINDS: tuple[str, ...] = ("normal", "uniform", "triangular")
PRICE_KINDS: tuple[str, ...] = ("consumables", "capex", "maintenance")
UNCERTAINTY_KEYS = ("seed", "activity", "sites", "indication_shares", "indications", "prices", "evidence",
                    "opex_budget_confidence")
#: Relative changes are kept within [-1, MAX_CHANGE]: a figure never goes below 0 nor above 11 times itself.
MAX_CHANGE = 10.0


@dataclass(frozen=True)
class Distribution:
    """A law of a relative change x (the figure becomes value x (1 + x))."""

    dist: DistKind
    mean: float = 0.0  # normal
    sd: float = 0.0  # normal
    low: float = 0.0  # uniform, triangular
    high: float = 0.0  # uniform, triangular
    mode: float = 0.0  # triangular

    def to_dict(self) -> dict[str, Any]:
        """The YAML layout."""
        if self.dist == "normal":
            return {"dist": "normal", "mean": self.mean, "sd": self.sd}
        out: dict[str, Any] = {"dist": self.dist, "low": self.low, "high": self.high}
        if self.dist == "triangular":
            out["mode"] = self.mode
        return out


@dataclass(frozen=True)
class PriceUncertainty:
    """Relative price changes per kind (consumables, capex, maintenance)."""

    laws: Mapping[str, Distribution] = field(default_factory=dict)
    per_device: bool = False


@dataclass(frozen=True)
class Uncertainty:
    """What may differ between futures, and the seed of the draws."""

    seed: int = 0
    activity: Distribution | None = None
    sites: Mapping[str, Distribution] = field(default_factory=dict)
    indication_shares: Distribution | None = None
    indications: Mapping[str, Distribution] = field(default_factory=dict)
    prices: PriceUncertainty = field(default_factory=PriceUncertainty)
    evidence: bool = False
    opex_budget_confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """The YAML layout (round-trips through :func:`parse_uncertainty`)."""
        out: dict[str, Any] = {"seed": self.seed}
        if self.activity is not None:
            out["activity"] = self.activity.to_dict()
        if self.sites:
            out["sites"] = {k: d.to_dict() for k, d in self.sites.items()}
        if self.indication_shares is not None:
            out["indication_shares"] = self.indication_shares.to_dict()
        if self.indications:
            out["indications"] = {k: d.to_dict() for k, d in self.indications.items()}
        if self.prices.laws:
            out["prices"] = {**{k: d.to_dict() for k, d in self.prices.laws.items()},
                             "per_device": self.prices.per_device}
        out["evidence"] = self.evidence
        out["opex_budget_confidence"] = self.opex_budget_confidence
        return out


class IssueSink(Protocol):
    """The scenario parser's helpers (``planner.scenario._Parser``) this module uses."""

    def error(self, path: str, value: Any, message: str) -> None: ...  # noqa: D102

    def mapping(self, path: str, value: Any, allowed: tuple[str, ...] | None = None) -> dict[str, Any]: ...  # noqa: D102

    def number(self, path: str, value: Any, low: float | None = 0.0, high: float | None = None,  # noqa: D102
               strict_low: bool = False, integer: bool = False) -> float | None: ...

    def boolean(self, path: str, value: Any) -> bool: ...  # noqa: D102


def parse_uncertainty(p: IssueSink, value: Any, site_ids: tuple[str, ...]) -> Uncertainty | None:
    """The ``uncertainty:`` section, every problem reported with its key path (None when absent)."""
    if value is None:
        return None
    data = p.mapping("uncertainty", value, UNCERTAINTY_KEYS)
    seed = p.number("uncertainty.seed", data.get("seed", 0), low=0, high=2**32 - 1, integer=True)
    sites = _law_map(p, "uncertainty.sites", data.get("sites"))
    for site in sites:
        if site not in site_ids:
            p.error(f"uncertainty.sites.{site}", site, msg("unc.unknown_site", sites=", ".join(site_ids)))
    confidence = p.number("uncertainty.opex_budget_confidence", data.get("opex_budget_confidence", 1.0),
                          low=0.0, high=1.0, strict_low=True)
    return Uncertainty(
        seed=int(seed or 0),
        activity=_law(p, "uncertainty.activity", data.get("activity")),
        sites=sites,
        indication_shares=_law(p, "uncertainty.indication_shares", data.get("indication_shares")),
        indications=_law_map(p, "uncertainty.indications", data.get("indications")),
        prices=_prices(p, data.get("prices")),
        evidence=p.boolean("uncertainty.evidence", data.get("evidence", False)),
        opex_budget_confidence=1.0 if confidence is None else confidence,
    )


def _law_map(p: IssueSink, path: str, value: Any) -> dict[str, Distribution]:
    out = {}
    for key, raw in p.mapping(path, value).items():
        law = _law(p, f"{path}.{key}", raw)
        if law is not None:
            out[str(key)] = law
    return out


def _prices(p: IssueSink, value: Any) -> PriceUncertainty:
    data = p.mapping("uncertainty.prices", value, (*PRICE_KINDS, "per_device"))
    laws = {k: law for k in PRICE_KINDS if (law := _law(p, f"uncertainty.prices.{k}", data.get(k))) is not None}
    return PriceUncertainty(laws, p.boolean("uncertainty.prices.per_device", data.get("per_device", False)))


def _law(p: IssueSink, path: str, value: Any) -> Distribution | None:
    """One distribution; None (with issues) when it is malformed or absent."""
    if value is None:
        return None
    data = p.mapping(path, value, ("dist", "mean", "sd", "low", "high", "mode"))
    kind = data.get("dist")
    if kind not in DIST_KINDS:
        p.error(f"{path}.dist", kind, msg("in.one_of", allowed=", ".join(DIST_KINDS)))
        return None
    needed = {"normal": ("sd",), "uniform": ("low", "high"), "triangular": ("low", "mode", "high")}[kind]
    nums: dict[str, float] = {}
    for key in (*needed, "mean") if kind == "normal" else needed:
        raw = data.get(key, 0.0 if key == "mean" else None)
        if raw is None:
            p.error(f"{path}.{key}", raw, msg("unc.required_for", law=msg(f"unc.law.{kind}")))
            continue
        num = p.number(f"{path}.{key}", raw, low=0.0 if key == "sd" else -1.0, high=MAX_CHANGE)
        if num is not None:
            nums[key] = num
    if len(nums) < len(needed) + (kind == "normal"):
        return None
    if kind != "normal" and not nums["low"] <= nums.get("mode", nums["low"]) <= nums["high"]:
        p.error(path, data, msg("unc.order_triangular" if kind == "triangular" else "unc.order"))
        return None
    return Distribution(kind, **nums)  # type: ignore[arg-type]


def unknown_indications(uncertainty: Uncertainty, known: tuple[str, ...]) -> list[str]:
    """Indication ids of ``uncertainty.indications`` the catalogue does not have."""
    return sorted(k for k in uncertainty.indications if k not in known)

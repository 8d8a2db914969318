"""Referral links between the sites of a hospital group (hub and spoke): parsed from a scenario's
``referrals:`` section, or generated from the sites' coordinates and ``referral_rules:``, and turned into the
routes the model uses (one per link and indication).

A link lets a sender refer the cases of named indications to a receiver, ``transfer_minutes`` away, with an
optional limit (``max_share`` of the sender's demand per indication, ``max_cases`` a year over the link), a
value loss per case (weighted events lost by the delay) and a transport cost per case. Figures without a
``source`` are estimates, and the plan says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.messages import msg

#: Keys of one link in ``referrals:``.
LINK_KEYS = ("from", "to", "indications", "transfer_minutes", "max_share", "max_cases", "value_loss_per_case",
             "transport_eur_per_case", "source")
#: Keys of ``referral_rules:``.
RULE_KEYS = ("max_minutes", "speed_kmh", "value_loss_per_case", "transport_eur_per_case", "source")
EARTH_RADIUS_KM = 6371.0
Error = Callable[[str, Any, str], None]


@dataclass(frozen=True)
class ReferralLink:
    """Cases of ``indications`` may go from ``from_site`` to ``to_site``."""

    from_site: str
    to_site: str
    indications: tuple[str, ...]
    transfer_minutes: float
    max_share: float | None = None  # of the sender's demand, per indication
    max_cases: float | None = None  # cases a year over the link, all indications
    value_loss_per_case: float = 0.0  # weighted events lost per case referred (delay); estimate without source
    transport_eur_per_case: float = 0.0  # estimate without source
    source: str = ""  # where the figures come from; "" = estimates
    generated: bool = False  # made from coordinates by ``referral_rules``

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the YAML layout."""
        out: dict[str, Any] = {"from": self.from_site, "to": self.to_site, "indications": list(self.indications),
                               "transfer_minutes": self.transfer_minutes}
        for key in ("max_share", "max_cases"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return _with_prices(self, out)


@dataclass(frozen=True)
class ReferralRules:
    """Links generated from coordinates: to each site holding the role an indication needs, when the
    great-circle distance at ``speed_kmh`` takes at most ``max_minutes[k]``; the time limit also applies to
    declared links."""

    max_minutes: Mapping[str, float] = field(default_factory=dict)
    speed_kmh: float = 60.0
    value_loss_per_case: float = 0.0
    transport_eur_per_case: float = 0.0
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the YAML layout."""
        return _with_prices(self, {"max_minutes": dict(self.max_minutes), "speed_kmh": self.speed_kmh})


def _with_prices(obj: ReferralLink | ReferralRules, out: dict[str, Any]) -> dict[str, Any]:
    """``out`` with the value loss, transport cost and source of a link or of the rules, where set."""
    for key in ("value_loss_per_case", "transport_eur_per_case", "source"):
        if getattr(obj, key):
            out[key] = getattr(obj, key)
    return out


@dataclass(frozen=True)
class Route:
    """One indication on one link: what the model's ``refer_{from}_{to}_{k}`` variable moves."""

    sender: str
    receiver: str
    indication: str
    transfer_minutes: float
    max_share: float | None
    max_cases: float | None
    value_loss_per_case: float
    transport_eur_per_case: float
    estimate: bool

    def key(self, year: int) -> tuple[str, str, str, int]:
        """The key of the route's ``refer`` variable in a year."""
        return (self.sender, self.receiver, self.indication, year)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km.

    >>> round(great_circle_km(48.8566, 2.3522, 45.7640, 4.8357))   # Paris - Lyon
    391
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def travel_minutes(km: float, speed_kmh: float) -> float:
    """Minutes to travel ``km`` at ``speed_kmh``.

    >>> travel_minutes(45.0, 60.0)
    45.0
    """
    return km / speed_kmh * 60.0


# ---------------------------------------------------------------- parsing


def parse_referrals(p: Any, value: Any, site_ids: tuple[str, ...]) -> tuple[ReferralLink, ...]:
    """``referrals:``: a list of links; unknown sites, self-links and repeated pairs are located errors."""
    if value is None:
        return ()
    if not isinstance(value, list):
        p.error("referrals", value, msg("ref.not_list"))
        return ()
    links, seen = [], set()
    for i, raw in enumerate(value):
        link = _parse_link(p, f"referrals[{i}]", raw, site_ids)
        if link is None:
            continue
        if (link.from_site, link.to_site) in seen:
            p.error(f"referrals[{i}]", f"{link.from_site} -> {link.to_site}", msg("ref.repeated"))
            continue
        seen.add((link.from_site, link.to_site))
        links.append(link)
    return tuple(links)


def _parse_link(p: Any, path: str, raw: Any, site_ids: tuple[str, ...]) -> ReferralLink | None:
    data = p.mapping(path, raw, LINK_KEYS)
    ends = []
    for key in ("from", "to"):
        site = p.slug(f"{path}.{key}", data.get(key))
        if site is not None and site not in site_ids:
            p.error(f"{path}.{key}", site, msg("ref.unknown_site"))
            site = None
        ends.append(site)
    if ends[0] is not None and ends[0] == ends[1]:
        p.error(f"{path}.to", ends[1], msg("ref.itself"))
        return None
    inds = p.slug_list(f"{path}.indications", data.get("indications"))
    if not inds:
        p.error(f"{path}.indications", data.get("indications"), msg("ref.indications_required"))
    minutes = p.number(f"{path}.transfer_minutes", data.get("transfer_minutes"), 0.0, 24 * 60)
    share = _optional(p, f"{path}.max_share", data.get("max_share"), 1.0)
    cases = _optional(p, f"{path}.max_cases", data.get("max_cases"), 1e6)
    loss = p.number(f"{path}.value_loss_per_case", data.get("value_loss_per_case", 0.0), 0.0, 1.0)
    eur = p.number(f"{path}.transport_eur_per_case", data.get("transport_eur_per_case", 0.0), 0.0, 1e6)
    source = data.get("source", "")
    if None in ends or not inds or minutes is None or loss is None or eur is None:
        return None
    return ReferralLink(str(ends[0]), str(ends[1]), inds, minutes, share, cases, loss, eur, str(source or ""))


def _optional(p: Any, path: str, value: Any, high: float) -> float | None:
    return None if value is None else p.number(path, value, 0.0, high)


def parse_referral_rules(p: Any, value: Any) -> ReferralRules | None:
    """``referral_rules: {max_minutes: {indication: minutes}, speed_kmh: 60}``."""
    if value is None:
        return None
    data = p.mapping("referral_rules", value, RULE_KEYS)
    minutes: dict[str, float] = {}
    for k, raw in p.mapping("referral_rules.max_minutes", data.get("max_minutes")).items():
        path = f"referral_rules.max_minutes.{k}"
        if p.slug(path + "#key", k) is not None and (x := p.number(path, raw, 0.0, 7 * 24 * 60)) is not None:
            minutes[k] = x
    speed = p.number("referral_rules.speed_kmh", data.get("speed_kmh", 60.0), 1.0, 1000.0)
    loss = p.number("referral_rules.value_loss_per_case", data.get("value_loss_per_case", 0.0), 0.0, 1.0)
    eur = p.number("referral_rules.transport_eur_per_case", data.get("transport_eur_per_case", 0.0), 0.0, 1e6)
    return ReferralRules(minutes, speed or 60.0, loss or 0.0, eur or 0.0, str(data.get("source", "") or ""))


# ---------------------------------------------------------------- links and routes


@dataclass(frozen=True)
class SitePoint:
    """What the generator needs of a site."""

    id: str
    roles: tuple[str, ...]
    latitude: float | None
    longitude: float | None


def generate_links(sites: tuple[SitePoint, ...], rules: ReferralRules,
                   indication_roles: Mapping[str, str]) -> tuple[ReferralLink, ...]:
    """Links from every site lacking the role an indication of ``max_minutes`` needs to every site holding it
    (any other site, for an indication needing no role) within the time limit, from the coordinates."""
    out = []
    placed = [s for s in sites if s.latitude is not None and s.longitude is not None]
    for a in placed:
        for b in placed:
            if a.id == b.id:
                continue
            minutes = travel_minutes(great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude),  # type: ignore[arg-type]
                                     rules.speed_kmh)
            inds = tuple(k for k, limit in sorted(rules.max_minutes.items())
                         if minutes <= limit and _may_refer(a, b, indication_roles.get(k, "")))
            if inds:
                out.append(ReferralLink(a.id, b.id, inds, round(minutes, 1), None, None, rules.value_loss_per_case,
                                        rules.transport_eur_per_case, rules.source, generated=True))
    return tuple(out)


def _may_refer(a: SitePoint, b: SitePoint, role: str) -> bool:
    return not role or (role in b.roles and role not in a.roles)


def all_links(declared: tuple[ReferralLink, ...], rules: ReferralRules | None, sites: tuple[SitePoint, ...],
              indication_roles: Mapping[str, str]) -> tuple[ReferralLink, ...]:
    """Declared links, plus the generated ones for pairs without a declared link."""
    if rules is None:
        return declared
    pairs = {(ln.from_site, ln.to_site) for ln in declared}
    return declared + tuple(ln for ln in generate_links(sites, rules, indication_roles)
                            if (ln.from_site, ln.to_site) not in pairs)


def routes(links: tuple[ReferralLink, ...], rules: ReferralRules | None, site_roles: Mapping[str, tuple[str, ...]],
           indication_roles: Mapping[str, str], indications: tuple[str, ...]) -> tuple[Route, ...]:
    """One route per link and indication the model may use: the receiver holds the role the indication
    needs, and the transfer time is within the indication's limit (``referral_rules.max_minutes``)."""
    limits = rules.max_minutes if rules is not None else {}
    out = []
    for ln in links:
        for k in ln.indications:
            role = indication_roles.get(k, "")
            if k not in indications or (role and role not in site_roles.get(ln.to_site, ())):
                continue
            if k in limits and ln.transfer_minutes > limits[k]:
                continue
            out.append(Route(ln.from_site, ln.to_site, k, ln.transfer_minutes, ln.max_share, ln.max_cases,
                             ln.value_loss_per_case, ln.transport_eur_per_case, not ln.source))
    return tuple(sorted(out, key=lambda r: (r.sender, r.receiver, r.indication)))

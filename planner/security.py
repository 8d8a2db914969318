"""Security profile of a device: a transparent risk score, how much of it is known, and the scenario's rules.

The score adds points for what is *known* about a device: each disclosed value of ``RISK_POINTS``, the
operating system's support status (``OS_POINTS``) and its published advisories (``ADVISORY_POINTS``). An
unknown field adds no point: it is counted as unknown instead (``RiskScore.known`` of ``SCORED_FIELDS``) and
becomes an open question for the vendor (:mod:`planner.mds2`). A device whose connectivity is unknown is not
counted as connected. The vendor's disclosures (``security.device_profiles`` of a scenario) replace the
catalogue's values before anything is scored (:func:`apply_profiles`). Points are listed in
``docs/security.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from planner.catalog import Advisory, Device
from planner.messages import Join, Msg, Opt, msg
from planner.scenario import DeviceProfile, SecurityOptions

#: Points per known field value (higher = riskier); ``unknown`` adds none and counts as not known.
RISK_POINTS: dict[str, dict[str, int]] = {
    "network_connected": {"none": 0, "dicom": 1, "hl7": 1, "network": 2, "remote_service": 3},
    "mds2_available": {"yes": 0, "no": 2},
    "sbom_available": {"yes": 0, "no": 1},
    "patch_policy": {"vendor_validated_monthly": 0, "quarterly": 1, "on_request": 2, "none": 3},
    "remote_access": {"none": 0, "vendor_vpn": 1, "cloud": 2},
    "encryption_at_rest": {"yes": 0, "no": 2},
}
#: OS support: ended before the reference date 3, ends within ``SOON_YEARS`` of it 1; unknown adds nothing.
OS_POINTS = {"ended": 3, "soon": 1, "supported": 0, "not_connected": 0, "unknown": 0}
SOON_YEARS = 3
#: Points of the worst advisory still open, by severity; a mitigated one counts 1, a resolved one 0.
ADVISORY_POINTS = {"critical": 3, "high": 3, "medium": 2, "low": 1}
MITIGATED_POINTS = 1
#: The fields whose knowledge the score reports (the OS counts through its end-of-support date).
SCORED_FIELDS: tuple[str, ...] = (*RISK_POINTS, "os_end_of_support")
MAX_RISK_SCORE = (sum(max(v.values()) for v in RISK_POINTS.values()) + max(OS_POINTS.values())
                  + max(ADVISORY_POINTS.values()))


@dataclass(frozen=True)
class RiskScore:
    """A device's risk score, the points behind it and which scored fields are still unknown."""

    device_id: str
    score: int
    points: tuple[tuple[str, str, int], ...]  # (field, value, points)
    os_status: str  # ended | soon | supported | unknown | not_connected
    unknown: tuple[str, ...] = ()  # scored fields with no known value

    @property
    def known(self) -> int:
        """How many of the ``SCORED_FIELDS`` are known."""
        return len(SCORED_FIELDS) - len(self.unknown)

    @property
    def known_share(self) -> float:
        """Share of the scored fields that are known (0 to 1)."""
        return self.known / len(SCORED_FIELDS)

    @property
    def connected(self) -> bool:
        """Whether the device is known to be on the network (unknown connectivity is not counted)."""
        return dict((f, v) for f, v, _ in self.points).get("network_connected") not in ("none", "unknown")


def os_status(device: Device, reference: date) -> str:
    """ended, soon, supported, unknown, or not_connected (no network and no known OS date)."""
    if device.os_end_of_support is None:
        return "not_connected" if device.network_connected == "none" else "unknown"
    if device.os_end_of_support < reference:
        return "ended"
    soon = date(reference.year + SOON_YEARS, reference.month, min(reference.day, 28))
    return "soon" if device.os_end_of_support <= soon else "supported"


def advisory_points(advisories: Iterable[Advisory]) -> int:
    """Points of the worst advisory: open by severity, mitigated 1, resolved 0.

    >>> advisory_points([])
    0
    """
    return max((ADVISORY_POINTS[a.severity] if a.status == "open" else MITIGATED_POINTS if a.status == "mitigated"
                else 0 for a in advisories), default=0)


def advisory_text(advisory: Advisory) -> str:
    """An advisory in one line: issuer, reference, date, severity and status."""
    a = advisory
    return f"{a.issuer}: {a.reference} ({a.date.isoformat()}, {a.severity}, {a.status})"


def unknown_fields(device: Device) -> tuple[str, ...]:
    """The scored fields of a device with no known value (the questions still open)."""
    out = [name for name, table in RISK_POINTS.items() if getattr(device, name) not in table]
    if device.os_end_of_support is None and device.network_connected != "none":
        out.append("os_end_of_support")
    return tuple(out)


def risk_score(device: Device, reference: date) -> RiskScore:
    """Sum of the points of each known security field and of the advisories (see ``RISK_POINTS``).

    >>> from planner.catalog import Device
    >>> d = Device("x", "f", "X", "V", 0, 0, 0, 5, 10, "shared", (), ("any",), "s", date(2026, 1, 1), False)
    >>> s = risk_score(d, date(2026, 11, 1))  # everything unknown: nothing scored, nothing known
    >>> (s.score, s.known, len(SCORED_FIELDS))
    (0, 0, 7)
    """
    points = [(name, getattr(device, name), table.get(getattr(device, name), 0)) for name, table in RISK_POINTS.items()]
    status = os_status(device, reference)
    eos = device.os_end_of_support.isoformat() if device.os_end_of_support else "unknown"
    points.append(("os_end_of_support", eos, OS_POINTS[status]))
    if device.advisories:
        points.append(("advisories", f"{len(device.advisories)}", advisory_points(device.advisories)))
    return RiskScore(device.id, sum(p for _, _, p in points), tuple(points), status, unknown_fields(device))


def apply_profiles(devices: Mapping[str, Device], options: SecurityOptions) -> dict[str, Device]:
    """Devices with the scenario's vendor disclosures (``security.device_profiles``) replacing their fields."""
    out = dict(devices)
    for dev_id, profile in options.device_profiles.items():
        if dev_id in out:
            out[dev_id] = apply_profile(out[dev_id], profile)
    return out


def apply_profile(device: Device, profile: DeviceProfile) -> Device:
    """One device with a disclosed profile applied; its ``security_source`` names the disclosure first."""
    given = profile.given()
    if not given:
        return device
    source = f"{profile.source} ({profile.date.isoformat()}): {', '.join(sorted(given))}"
    if device.security_source:
        source += f"; catalogue: {device.security_source}"
    return replace(device, **given, security_source=source)  # type: ignore[arg-type]


def security_exclusions(devices: dict[str, Device] | list[Device], options: SecurityOptions) -> dict[str, Msg]:
    """Devices the scenario's security rules forbid buying, with the reasons (a message)."""
    out: dict[str, Msg] = {}
    items = devices.values() if isinstance(devices, dict) else devices
    for dev in items:
        reasons = exclusion_reasons(dev, options)
        if reasons:
            out[dev.id] = msg("text_list", items=Join(tuple(reasons), "semicolon"))
    return out


def exclusion_reasons(dev: Device, options: SecurityOptions) -> list[Msg]:
    """The reasons, one per rule, for which the scenario's security rules forbid buying a device."""
    score = risk_score(dev, options.reference_date)
    reasons = []
    if options.exclude_unsupported_os and score.os_status == "ended":
        reasons.append(msg("why.sec_os", os=dev.os_family or "?",
                           date=dev.os_end_of_support.isoformat() if dev.os_end_of_support else "?"))
    if options.require_mds2 and dev.mds2_available != "yes":
        reasons.append(msg("why.sec_mds2", value=Opt("sec", dev.mds2_available)))
    if options.max_risk_score is not None and score.score > options.max_risk_score:
        reasons.append(msg("why.sec_score", score=score.score, max=options.max_risk_score))
    return reasons


@dataclass(frozen=True)
class RuleEffect:
    """What the scenario's security rules leave: devices allowed of the total, and per rule the devices it
    excludes (``mds2_unknown`` and ``mds2_no`` split the MDS2 rule's by the recorded value)."""

    total: int
    allowed: int
    unsupported_os: int = 0
    mds2_unknown: int = 0
    mds2_no: int = 0
    risk_score: int = 0


def rule_effect(devices: Mapping[str, Device], options: SecurityOptions) -> RuleEffect:
    """Count the devices each security rule excludes (after the scenario's vendor disclosures)."""
    devs = apply_profiles(devices, options).values()
    reasons = {d.id: exclusion_reasons(d, options) for d in devs}
    mds2 = [d.mds2_available for d in devs if options.require_mds2 and d.mds2_available != "yes"]
    return RuleEffect(len(reasons), sum(1 for r in reasons.values() if not r),
                      sum(1 for r in reasons.values() if any(x.code == "why.sec_os" for x in r)),
                      mds2.count("unknown"), mds2.count("no"),
                      sum(1 for r in reasons.values() if any(x.code == "why.sec_score" for x in r)))


def segmentation_cost(device: Device, options: SecurityOptions) -> float:
    """Network segmentation capex per new unit: charged for devices known to be connected (unknown
    connectivity is an open question, not a connection)."""
    connected = device.network_connected not in ("none", "unknown")
    return options.segmentation_cost_eur_per_connected_device if connected else 0.0

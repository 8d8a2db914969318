"""Security profile of a device: a transparent risk score and the scenario's hard rules.

The score adds points per field; an unknown field counts against the device (a buyer cannot rely on what
the vendor has not disclosed). Points are listed in ``RISK_POINTS`` and in ``docs/security.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.catalog import Device
from planner.scenario import SecurityOptions

#: Points per field value (higher = riskier). Maximum total: 16.
RISK_POINTS: dict[str, dict[str, int]] = {
    "network_connected": {"none": 0, "dicom": 1, "hl7": 1, "network": 2, "remote_service": 3, "unknown": 3},
    "mds2_available": {"yes": 0, "unknown": 1, "no": 2},
    "sbom_available": {"yes": 0, "unknown": 1, "no": 1},
    "patch_policy": {"vendor_validated_monthly": 0, "quarterly": 1, "on_request": 2, "unknown": 2, "none": 3},
    "remote_access": {"none": 0, "vendor_vpn": 1, "cloud": 2, "unknown": 2},
    "encryption_at_rest": {"yes": 0, "unknown": 1, "no": 2},
}
#: OS support: ended before the reference date 3, unknown for a connected device 2, ends within
#: ``SOON_YEARS`` of the reference date 1.
OS_POINTS = {"ended": 3, "unknown": 2, "soon": 1, "supported": 0, "not_connected": 0}
SOON_YEARS = 3
MAX_RISK_SCORE = sum(max(v.values()) for v in RISK_POINTS.values()) + max(OS_POINTS.values())


@dataclass(frozen=True)
class RiskScore:
    """A device's risk score and the points behind it."""

    device_id: str
    score: int
    points: tuple[tuple[str, str, int], ...]  # (field, value, points)
    os_status: str  # ended | soon | supported | unknown | not_connected

    @property
    def connected(self) -> bool:
        """Whether the device is (or may be) on the network: unknown counts as connected."""
        return self.os_status != "not_connected"


def os_status(device: Device, reference: date) -> str:
    """ended, soon, supported, unknown, or not_connected (no network and no known OS date)."""
    if device.os_end_of_support is None:
        return "not_connected" if device.network_connected == "none" else "unknown"
    if device.os_end_of_support < reference:
        return "ended"
    soon = date(reference.year + SOON_YEARS, reference.month, min(reference.day, 28))
    return "soon" if device.os_end_of_support <= soon else "supported"


def risk_score(device: Device, reference: date) -> RiskScore:
    """Sum of the points of each security field (see ``RISK_POINTS`` and ``OS_POINTS``).

    >>> from planner.catalog import Device
    >>> d = Device("x", "f", "X", "V", 0, 0, 0, 5, 10, "shared", (), ("any",), "s", date(2026, 1, 1), False)
    >>> risk_score(d, date(2026, 11, 1)).score  # everything unknown
    12
    """
    points = [(name, getattr(device, name), table[getattr(device, name)]) for name, table in RISK_POINTS.items()]
    status = os_status(device, reference)
    eos = device.os_end_of_support.isoformat() if device.os_end_of_support else "unknown"
    points.append(("os_end_of_support", eos, OS_POINTS[status]))
    return RiskScore(device.id, sum(p for _, _, p in points), tuple(points), status)


def security_exclusions(devices: dict[str, Device] | list[Device], options: SecurityOptions) -> dict[str, str]:
    """Devices the scenario's security rules forbid buying, with the reason in words."""
    out: dict[str, str] = {}
    items = devices.values() if isinstance(devices, dict) else devices
    for dev in items:
        score = risk_score(dev, options.reference_date)
        reasons = []
        if options.exclude_unsupported_os and score.os_status == "ended":
            reasons.append(f"operating system {dev.os_family or ''} out of vendor support since "
                           f"{dev.os_end_of_support.isoformat() if dev.os_end_of_support else '?'}".replace("  ", " "))
        if options.require_mds2 and dev.mds2_available != "yes":
            reasons.append(f"no MDS2 security disclosure ({dev.mds2_available})")
        if options.max_risk_score is not None and score.score > options.max_risk_score:
            reasons.append(f"security risk score {score.score} above the maximum {options.max_risk_score}")
        if reasons:
            out[dev.id] = "; ".join(reasons)
    return out


def segmentation_cost(device: Device, options: SecurityOptions) -> float:
    """Network segmentation capex per new unit: charged for connected devices (unknown counts as connected)."""
    return 0.0 if device.network_connected == "none" else options.segmentation_cost_eur_per_connected_device

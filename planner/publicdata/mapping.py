"""An SAE row -> a scenario site, every figure marked as derived (with its formula), default or the user's.

Rules (``planner/data/README.md`` and ``docs/publicdata.md`` say the same):

- ``rooms`` = SALCAR (interventional cardiology rooms); blank or 0 -> ACT3 / ``act3_per_room``, at least 1.
- ``pci`` = ACT3 x ``pci_per_act3``; ``cag`` = pci x ``cag_per_pci``; ``stemi`` = pci x ``stemi_per_pci``
  (rounded half up to whole cases; cag and stemi follow the pci in use, the user's if given).
- ``angio_vendor`` is not public: :data:`DEFAULT_VENDOR` until the user says.
- ``roles``: ``cardiac_surgery`` when INTADU (adult cardiac surgery interventions) > 0.

A user's value for a field (``overrides``) always wins over the derived one, and is recorded as ``user``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.publicdata.provenance import FieldProvenance, SiteProvenance
from planner.publicdata.ratios import Ratios
from planner.publicdata.sae import SaeSite, fold

#: The angiography vendor of a site is not public. Every product of the bundled catalogue but Philips' table-side
#: integrated IVUS works with any system, so a non-Philips default keeps the plan to vendor-neutral products until
#: the user gives the real vendor.
DEFAULT_VENDOR = "siemens"
#: Default budgets of a scenario made from public data (EST): the bundled general-hospital example's envelopes
#: (300,000 EUR capital for 2 rooms, 300,000 EUR a year running for 950 PCI) scaled to the sites' rooms and PCI.
CAPEX_EUR_PER_ROOM = 150_000.0
OPEX_EUR_PER_PCI = 316.0
OVERRIDE_FIELDS = ("name", "rooms", "cag", "pci", "stemi", "angio_vendor", "roles")

Override = float | str | tuple[str, ...]


def half_up(x: float) -> int:
    """Round half up to a whole number (what a hand computation does).

    >>> half_up(1342.8), half_up(241.5), half_up(0.4)
    (1343, 242, 0)
    """
    return math.floor(x + 0.5)


def site_id(site: SaeSite) -> str:
    """A scenario id for an SAE site: its name as a slug (at most 40 characters) and its FINESS.

    >>> site_id(SaeSite(2024, "2B0000012", "CENTRE HOSPITALIER DE BASTIA", *[""] * 6, True, *[None] * 11))
    'centre_hospitalier_de_bastia_2b0000012'
    """
    slug = re.sub(r"[^a-z0-9]+", "_", fold(site.name))[:40].strip("_")
    return f"{slug}_{site.finess.lower()}" if slug else f"finess_{site.finess.lower()}"


@dataclass(frozen=True)
class MappedSite:
    """A site made from an SAE row: its scenario data (as in YAML) and its provenance."""

    sae: SaeSite
    data: Mapping[str, Any]
    provenance: SiteProvenance


@dataclass
class _Fields:
    values: dict[str, Any] = field(default_factory=dict)
    records: list[FieldProvenance] = field(default_factory=list)

    def set(self, name: str, derived: Any, how: str, overrides: Mapping[str, Override], key: str,
            kind: str = "derived") -> Any:
        """Set ``name`` to the user's value if given, else the derived one; record which and how."""
        shown = ", ".join(derived) if isinstance(derived, tuple) else derived
        if key in overrides:
            value = overrides[key]
            user = ", ".join(value) if isinstance(value, tuple) else value
            self.records.append(FieldProvenance(name, user, "user", f"your value (public data gave {shown}: {how})"))
        else:
            value = derived
            self.records.append(FieldProvenance(name, shown, kind, how))  # type: ignore[arg-type]
        self.values[name] = value
        return value


def _rooms(sae: SaeSite, ratios: Ratios) -> tuple[int, str]:
    if sae.rooms_cardiology:
        return sae.rooms_cardiology, f"SALCAR = {sae.rooms_cardiology}"
    per_room = ratios["act3_per_room"]
    acts = sae.acts_adult_ischaemic_structural or 0
    rooms = max(1, half_up(acts / per_room.value))
    return rooms, (f"SALCAR {'blank' if sae.rooms_cardiology is None else 0}: ACT3 {acts} / {per_room.value:g} "
                   f"acts per room, at least 1 ({per_room.key}, {per_room.cite})")


def _times(base: float, base_name: str, ratios: Ratios, key: str) -> tuple[int, str]:
    ratio = ratios[key]
    value = half_up(base * ratio.value)
    return value, f"{ratio.value:g} x {base_name} {base:g} = {value} ({key}, {ratio.cite})"


def map_site(sae: SaeSite, ratios: Ratios | None = None, overrides: Mapping[str, Override] | None = None,
             vendor: str = DEFAULT_VENDOR) -> MappedSite:
    """The scenario site of an SAE row with the ratios and the user's ``overrides`` (keys
    :data:`OVERRIDE_FIELDS`; a user's value always wins); not validated here (see :func:`sites_scenario`)."""
    ratios, given = ratios or Ratios(), dict(overrides or {})
    f = _Fields()
    rooms, how = _rooms(sae, ratios)
    f.set("rooms", rooms, how, given, "rooms")
    act3 = sae.acts_adult_ischaemic_structural or 0
    pci = f.set("activity.pci", *_times(act3, "ACT3", ratios, "pci_per_act3"), given, "pci")
    base = "PCI (your value)" if "pci" in given else "PCI"
    f.set("activity.cag", *_times(float(pci), base, ratios, "cag_per_pci"), given, "cag")
    f.set("activity.stemi", *_times(float(pci), base, ratios, "stemi_per_pci"), given, "stemi")
    f.set("angio_vendor", vendor, "not public: default until you give your vendor", given, "angio_vendor",
          kind="default")
    surgery = sae.cardiac_surgery_adult_interventions or 0
    roles = ("cardiac_surgery",) if surgery > 0 else ()
    f.set("roles", roles, f"INTADU (adult cardiac surgery interventions) = {sae.cardiac_surgery_adult_interventions}"
          + (" > 0: cardiac_surgery" if roles else ": no cardiac surgery declared"), given, "roles")
    v = f.values
    data = {"id": site_id(sae), "name": str(given.get("name", f"{sae.name} ({sae.commune})")),
            "rooms": v["rooms"], "angio_vendor": v["angio_vendor"],
            "activity": {"cag": v["activity.cag"], "pci": v["activity.pci"], "stemi": v["activity.stemi"]}}
    if v["roles"]:
        data["roles"] = list(v["roles"])
    return MappedSite(sae, data, SiteProvenance(sae.source, sae.year, sae.finess, tuple(f.records)))


def default_budget(sites: Sequence[MappedSite]) -> dict[str, float]:
    """The default budgets of a scenario of these sites (EST, see :data:`CAPEX_EUR_PER_ROOM`), rounded to 1,000 EUR.

    >>> default_budget([])
    {'capex_eur': 0.0, 'opex_eur_per_year': 0.0}
    """
    rooms = sum(float(s.data["rooms"]) for s in sites)
    pci = sum(float(s.data["activity"]["pci"]) for s in sites)
    return {"capex_eur": round(rooms * CAPEX_EUR_PER_ROOM, -3), "opex_eur_per_year": round(pci * OPEX_EUR_PER_PCI, -3)}

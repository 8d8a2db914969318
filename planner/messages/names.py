"""Names of what messages refer to, from a catalogue and a scenario (devices, indications, sites)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.catalog import Catalog


@dataclass(frozen=True)
class CatalogNames:
    """Devices by their catalogue name, indications by their label in the language, sites by their name; an
    unknown id is shown as it is."""

    catalog: Catalog
    sites: Mapping[str, str] = field(default_factory=dict)

    def device(self, device_id: str, lang: str) -> str:
        """A device's catalogue name in ``lang``."""
        dev = self.catalog.devices.get(device_id)
        return dev.label(lang) if dev else device_id

    def indication(self, indication_id: str, lang: str) -> str:
        """An indication's label in ``lang``."""
        ind = self.catalog.indications.get(indication_id)
        return ind.name(lang) if ind else indication_id

    def site(self, site_id: str) -> str:
        """A site's name."""
        return self.sites.get(site_id, site_id)

    def outcome(self, outcome_id: str, lang: str) -> str:
        """An outcome's label in ``lang``."""
        out = self.catalog.outcomes.get(outcome_id)
        return out.name(lang) if out else outcome_id


def site_names(scenario: Any) -> dict[str, str]:
    """Site id -> name of a :class:`~planner.scenario.Scenario` or of a plan's scenario data."""
    sites = scenario.get("sites", []) if isinstance(scenario, Mapping) else scenario.sites
    return {(s["id"] if isinstance(s, Mapping) else s.id): (s.get("name") or s["id"] if isinstance(s, Mapping)
                                                           else s.name or s.id) for s in sites}

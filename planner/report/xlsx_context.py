"""What every sheet of the plan workbook reads: the plan, its catalogue and scenario, the language."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.catalog import Catalog, Device
from planner.errors import InvalidValue
from planner.i18n import check_lang, family_label, t
from planner.inputs import effective_devices
from planner.messages import CatalogNames, Msg, msg, number, pct, render, site_names
from planner.plan import Plan
from planner.scenario import Scenario


@dataclass(frozen=True)
class PlanContext:
    """The plan being written, with the devices at the scenario's prices and the edition date."""

    plan: Plan
    catalog: Catalog
    scenario: Scenario
    lang: str
    devices: Mapping[str, Device]
    today: date

    def t(self, key: str, **values: object) -> str:
        """Label of ``key`` in the workbook's language."""
        return t(key, self.lang, **values)

    def sheet(self, key: str) -> str:
        """Name of a sheet in the workbook's language."""
        return t(key, self.lang)

    def label(self, key: str) -> str:
        """Label of ``key``, or the key itself when it has none (a value the labels do not know)."""
        try:
            return self.t(key)
        except KeyError:
            return key

    def say(self, message: Msg | str) -> str:
        """A planner message in the workbook's language, with the catalogue's and scenario's names."""
        if isinstance(message, str):
            return message
        return render(message, self.lang, CatalogNames(self.catalog, site_names(self.scenario)))

    def num(self, value: float, decimals: int = 0) -> str:
        """A number written in a text cell, the French or English way."""
        return number(value, self.lang, decimals)

    def pct(self, value: float, decimals: int = 0) -> str:
        """A share written in a text cell as a percentage, the French or English way (``5 %``, ``5%``)."""
        return pct(value, self.lang, decimals)

    def site_name(self, site_id: str) -> str:
        """Display name of a site of the scenario."""
        return next((s.name for s in self.scenario.sites if s.id == site_id), site_id)

    @property
    def years(self) -> tuple[int, ...]:
        """The plan's years (the scenario's when the plan has none, e.g. without a solution)."""
        return self.plan.years or self.scenario.years

    @property
    def multi_year(self) -> bool:
        """Whether the plan spans several years."""
        return len(self.years) > 1

    @property
    def with_modes(self) -> bool:
        """Whether lines need a year and a mode: a multi-year plan, or acquisition modes other than purchase."""
        return self.multi_year or any(a.mode != "purchase" for a in self.plan.acquisitions)

    def horizon_text(self) -> str:
        """The years of the plan in words: "2027–2031 (5 years)"."""
        years = self.years
        if len(years) == 1:
            return self.t("horizon_one", first=years[0])
        return self.t("horizon_many", first=years[0], last=years[-1], n=len(years))

    def mode_label(self, mode: str, device_id: str) -> str:
        """An acquisition mode in words (a lease with its term)."""
        term = self.devices[device_id].lease_term_years
        if mode == "lease" and term > 0:
            return self.t("mode_lease_term", n=self.num(term, 0 if float(term).is_integer() else 1))
        return self.label(f"mode_{mode}")

    def budget_label(self, name: str) -> str:
        """A budget's name in words: "capex", "opex_per_year", or a year's "capex_2027" / "opex_2027"."""
        kind, _, year = name.partition("_")
        if not year.isdigit():
            return self.label(f"budget_{name}")
        cumulative = kind == "capex" and self.scenario.budget.carry_over
        return self.t("budget_capex_year_cum" if cumulative else f"budget_{kind}_year", year=year)

    def product(self, device_id: str) -> str:
        """A device's name in the document's language (its id when the catalogue does not know it)."""
        dev = self.devices.get(device_id)
        return dev.label(self.lang) if dev else device_id

    def device_label(self, device_id: str) -> list[str]:
        """Family, name, vendor and id of a device (four cells)."""
        dev = self.devices[device_id]
        return [family_label(dev.family, self.lang), dev.label(self.lang), dev.vendor, dev.id]


def plan_context(plan: Plan, catalog: Catalog, scenario: Scenario, lang: str, today: date | None = None
                 ) -> PlanContext:
    """The context of a document of ``plan``; ``ValueError`` if the plan was made for another scenario or
    with another catalogue, or the language is not supported."""
    check_lang(lang)
    if _canonical(plan.scenario) != _canonical(scenario.to_dict()):
        raise InvalidValue(msg("report.other_scenario", name=scenario.name))
    if plan.catalog_fingerprint and catalog.fingerprint and plan.catalog_fingerprint != catalog.fingerprint:
        raise InvalidValue(msg("report.other_catalogue"))
    return PlanContext(plan, catalog, scenario, lang, effective_devices(catalog, scenario), today or date.today())


def _canonical(data: Mapping[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, default=str)

"""Purchase lines as functions in plain text, in French or English (the CLI summary and any text export).

Each line: the functional requirement ("..., or equivalent"), the reference product the plan priced and the
equivalents within the tolerance, with their distances in value and annual cost (``planner.specs.lines``).
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.i18n import t
from planner.messages.format import pct, signed_pct
from planner.plan import EquivalentProduct, Plan, PurchaseSpec


def _name(catalog: Catalog, device_id: str) -> str:
    dev = catalog.devices.get(device_id)
    return f"{dev.name} ({dev.vendor})" if dev else device_id


def equivalent_text(e: EquivalentProduct, catalog: Catalog, lang: str) -> str:
    """An equivalent with its distances ("identical for the model" for a model twin)."""
    how = t("spec_text.twin", lang) if e.model_twin else t(
        "spec_text.distance", lang, value=signed_pct(e.value_distance, lang), cost=signed_pct(e.cost_distance, lang))
    return f"{_name(catalog, e.device_id)} [{how}]"


def spec_lines(spec: PurchaseSpec, catalog: Catalog, lang: str) -> list[str]:
    """The lines of one purchase line: site and function, reference product, equivalents."""
    items = "; ".join(equivalent_text(e, catalog, lang) for e in spec.equivalents)
    return [f"  {spec.site_id}: {spec.requirement(lang)}",
            f"      {t('spec_text.reference', lang, name=_name(catalog, spec.device_id), n=spec.units_new)}",
            f"      {t('spec_text.equivalents', lang, items=items) if items else t('spec_text.none', lang)}"]


def specifications_text(plan: Plan, catalog: Catalog, lang: str = "en") -> list[str]:
    """The section (empty when the plan buys nothing)."""
    if not plan.specifications:
        return []
    out = [t("spec_text.title", lang, tol=pct(plan.specifications[0].tolerance, lang))]
    for spec in plan.specifications:
        out += spec_lines(spec, catalog, lang)
    return out

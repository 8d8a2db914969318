"""Purchase lines as functions in plain text, in French or English (the CLI summary and any text export).

Each line: the functional requirement ("..., or equivalent"), the reference product the plan priced and the
equivalents within the tolerance, with their distances in value and annual cost (``planner.specs.lines``).
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.plan import EquivalentProduct, Plan, PurchaseSpec

#: (English, French) texts of the section.
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("What to buy: functions first (equivalents within ±{tol:.0%} of value and annual cost)",
              "Quoi acheter : les fonctions d'abord (équivalents à ±{tol:.0%} de valeur et de coût annuel)"),
    "reference": ("reference product (priced): {name}, {n} new unit(s)",
                  "produit de référence (chiffrage) : {name}, {n} unité(s) neuve(s)"),
    "equivalents": ("equivalents: {items}", "équivalents : {items}"),
    "none": ("equivalents: none in the catalogue at this site", "équivalents : aucun dans le catalogue sur ce site"),
    "twin": ("identical for the model", "identique pour le modèle"),
    "distance": ("value {value:+.1%}, cost {cost:+.1%}", "valeur {value:+.1%}, coût {cost:+.1%}"),
}


def _t(key: str, lang: str, **values: object) -> str:
    english, french = TEXTS[key]
    return (french if lang == "fr" else english).format(**values)


def _name(catalog: Catalog, device_id: str) -> str:
    dev = catalog.devices.get(device_id)
    return f"{dev.name} ({dev.vendor})" if dev else device_id


def equivalent_text(e: EquivalentProduct, catalog: Catalog, lang: str) -> str:
    """An equivalent with its distances ("identical for the model" for a model twin)."""
    how = _t("twin", lang) if e.model_twin else _t("distance", lang, value=e.value_distance, cost=e.cost_distance)
    return f"{_name(catalog, e.device_id)} [{how}]"


def spec_lines(spec: PurchaseSpec, catalog: Catalog, lang: str) -> list[str]:
    """The lines of one purchase line: site and function, reference product, equivalents."""
    items = "; ".join(equivalent_text(e, catalog, lang) for e in spec.equivalents)
    return [f"  {spec.site_id}: {spec.requirement(lang)}",
            f"      {_t('reference', lang, name=_name(catalog, spec.device_id), n=spec.units_new)}",
            f"      {_t('equivalents', lang, items=items) if items else _t('none', lang)}"]


def specifications_text(plan: Plan, catalog: Catalog, lang: str = "en") -> list[str]:
    """The section (empty when the plan buys nothing)."""
    if not plan.specifications:
        return []
    out = [_t("title", lang, tol=plan.specifications[0].tolerance)]
    for spec in plan.specifications:
        out += spec_lines(spec, catalog, lang)
    return out

"""Purchase lines as functions in plain text, in French or English (the CLI summary and any text export).

Each line: the site (by its name), the functional requirement ("..., or equivalent"), the reference product
the plan priced and the equivalents within the tolerance, with their distances in value and annual cost
(``planner.specs.lines``). The texts are catalogue codes (``planner/messages/cli_specs.toml``).
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.messages import CatalogNames, Device, Join, Msg, Pct, Site, msg, render, site_names
from planner.plan import EquivalentProduct, Plan, PurchaseSpec


def _product(catalog: Catalog, device_id: str) -> Msg:
    dev = catalog.devices.get(device_id)
    return msg("specs.product", name=Device(device_id), vendor=dev.vendor) if dev else msg("text", text=device_id)


def equivalent_text(e: EquivalentProduct, catalog: Catalog) -> Msg:
    """An equivalent with its distances ("identical for the model" for a model twin)."""
    how = msg("specs.twin") if e.model_twin else msg("specs.distance", value=_signed(e.value_distance),
                                                        cost=_signed(e.cost_distance))
    return msg("specs.equivalent", product=_product(catalog, e.device_id), how=how)


def _signed(share: float) -> Msg:
    return msg("signed", sign="-" if share <= -0.0005 else "+", value=Pct(abs(share), 1))  # never "-0.0 %"


def spec_lines(spec: PurchaseSpec, catalog: Catalog, lang: str, names: CatalogNames | None = None) -> list[str]:
    """The lines of one purchase line: site and function, reference product, equivalents."""
    items = Join(tuple(equivalent_text(e, catalog) for e in spec.equivalents), "semicolon")
    lines = [msg("specs.line", site=Site(spec.site_id), requirement=spec.requirement(lang)),
             msg("specs.reference", product=_product(catalog, spec.device_id), n=spec.units_new),
             msg("specs.equivalents", items=items) if spec.equivalents else msg("specs.none")]
    return [render(line, lang, names or CatalogNames(catalog)) for line in lines]


def specifications_text(plan: Plan, catalog: Catalog, lang: str = "en") -> list[str]:
    """The section (empty when the plan buys nothing)."""
    if not plan.specifications:
        return []
    names = CatalogNames(catalog, site_names(plan.scenario))
    out = [render(msg("specs.title", tolerance=Pct(plan.specifications[0].tolerance)), lang)]
    for spec in plan.specifications:
        out += spec_lines(spec, catalog, lang, names)
    return out

"""The catalogue as the ``catalog`` command prints it in French: one block per family (its label), one line per
device by its name, amounts in euros the French way, funding by its label; ids only when asked (``--ids``, the
values a scenario's YAML names). English keeps the id table of :func:`planner.report.text.catalog_table`."""

from __future__ import annotations

from planner.catalog import Catalog
from planner.catalog import Device as Product
from planner.messages import CatalogNames, Device, Eur, Msg, Opt, msg, render
from planner.prices import capex_year, consumable_year
from planner.report.text import catalog_table


def device_line(d: Product, ids: bool) -> Msg:
    """One device: its name in the language (id), vendor, amounts, the years and currencies of its prices, funding,
    estimate."""
    tariff = msg("clicat.lpp", eur=Eur(d.lpp_tariff_eur)) if d.lpp_tariff_eur is not None else ""
    return msg("clicat.device_line", name=Device(d.id), id=msg("clicat.id", id=d.id) if ids else "",
               vendor=d.vendor,
               capex=Eur(d.capex_eur), maintenance=Eur(d.maintenance_eur_per_year),
               consumable=Eur(d.consumable_eur_per_case), capex_year=capex_year(d), capex_currency=d.capex_currency,
               consumable_year=consumable_year(d), consumable_currency=d.consumable_currency,
               funding=Opt("funding", d.funding), tariff=tariff, estimate=msg("clicat.estimate") if d.estimate else "")


def catalog_lines(catalog: Catalog, family: str | None, ids: bool = False) -> list[Msg | str]:
    """Family headers and device lines, then the count and how to read the amounts."""
    rows = sorted((d for d in catalog.devices.values() if family is None or d.family == family),
                  key=lambda d: (d.family, d.name))
    lines: list[Msg | str] = []
    for fam in dict.fromkeys(d.family for d in rows):
        lines += ["", msg("clicat.family_head", family=Opt("family", fam))] if lines else [
            msg("clicat.family_head", family=Opt("family", fam))]
        lines += [device_line(d, ids) for d in rows if d.family == fam]
    return [*lines, "", msg("clicat.count", n=len(rows))]


def catalog_text(catalog: Catalog, family: str | None, lang: str, ids: bool = False) -> str:
    """The ``catalog`` command's output in ``lang`` (English without ``ids``: the id table)."""
    if lang == "en" and not ids:
        return catalog_table(catalog, family)
    names = CatalogNames(catalog)
    return "\n".join(x if isinstance(x, str) else render(x, lang, names)
                     for x in catalog_lines(catalog, family, ids))

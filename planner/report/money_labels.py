"""French and English labels of funding, the payer's perspective and dated prices (Excel workbook and app).

Merged into :data:`planner.i18n.LABELS`; the functions render a device's funding and price dating in one
language from the catalogue's codes (no internal id in the text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.catalog import Device
    from planner.prices import DevicePriceBasis, PriceBasis

#: key -> (English, French)
MONEY_LABELS: dict[str, tuple[str, str]] = {
    "funding": ("Funding in France", "Financement en France"),
    "price_basis": ("Price year and index", "Année du prix et indexation"),
    "funding_liste_en_sus": ("liste en sus: LPP {code}, tariff {tariff} EUR per case billed on top of the GHS",
                             "liste en sus : LPP {code}, tarif {tariff} EUR par cas facturé en sus du GHS"),
    "funding_intra_ghs": ("paid inside the GHS tariff", "payé dans le tarif du GHS (intra-GHS)"),
    "funding_unknown": ("not known (counted as paid inside the GHS)",
                        "inconnu (compté comme payé dans le GHS)"),
    "perspective": ("Perspective of the optimisation", "Point de vue de l'optimisation"),
    "perspective_hospital": ("hospital: consumables net of what is billed on top of the GHS tariff",
                             "établissement : consommables nets de ce qui est facturé en sus du GHS"),
    "perspective_health_system": ("health system: consumables at their whole price, whoever pays",
                                  "assurance maladie et établissement : consommables au prix entier"),
    "tco_hospital": ("Total cost for the hospital", "Coût total pour l'établissement"),
    "tco_health_system": ("Total cost for the health system", "Coût total pour le système de santé"),
    "billed_y": ("Billed on top of the GHS tariff per year (liste en sus)",
                 "Facturé en sus du GHS par an (liste en sus)"),
    "dating_same": ("prices of {year} {currency} x{factor}", "prix de {year} en {currency} x{factor}"),
    "dating_split": ("capex of {cy} {cc} x{cf}, consumable of {ky} {kc} x{kf}",
                     "investissement de {cy} en {cc} x{cf}, consommable de {ky} en {kc} x{kf}"),
    "dating_estimate": ("; estimate", " ; estimation"),
    "caveat_index": ("Catalogue prices are brought to {year} with the price index of the catalogue ({first}-{last}, "
                     "{source}){held}.",
                     "Les prix du catalogue sont ramenés à {year} avec l'indice de prix du catalogue ({first}-{last}, "
                     "{source}){held}."),
    "caveat_column": (" Each line's year, currency and factor are in the column '{column}'.",
                      " L'année, la devise et le facteur de chaque ligne sont dans la colonne « {column} »."),
    "caveat_index_held": ("; after {last} the index is held at its {last} level",
                          " ; après {last}, l'indice est maintenu à son niveau de {last}"),
    "caveat_rate": ("Catalogue prices are brought to {year} with the scenario's rate of {rate} a year.",
                    "Les prix du catalogue sont ramenés à {year} au taux du scénario de {rate} par an."),
    "caveat_no_index": ("The catalogue has no price index: its prices are used as written, whatever their year.",
                        "Le catalogue n'a pas d'indice de prix : ses prix sont utilisés tels quels, quelle que "
                        "soit leur année."),
    "caveat_funding": ("Funding: {n} device(s) of the plan have a funding status not found in public sources "
                       "(counted as paid inside the GHS): {names}.",
                       "Financement : {n} dispositif(s) du plan ont un statut de financement non trouvé dans les "
                       "sources publiques (compté comme payé dans le GHS) : {names}."),
}


def _label(key: str, lang: str, **values: object) -> str:
    english, french = MONEY_LABELS[key]
    return (french if lang == "fr" else english).format(**values)


def funding_text(dev: Device, lang: str) -> str:
    """A device's funding in words.

    >>> from planner.catalog import Device
    >>> from datetime import date
    >>> d = Device("d", "ivl", "n", "v", 0, 0, 0, 1, 1, "shared", (), ("any",), "s", date(2026, 1, 1), False,
    ...            funding="liste_en_sus", lpp_code="3199999", lpp_tariff_eur=900.0)
    >>> funding_text(d, "fr")
    'liste en sus : LPP 3199999, tarif 900 EUR par cas facturé en sus du GHS'
    """
    if dev.funding == "liste_en_sus":
        return _label("funding_liste_en_sus", lang, code=dev.lpp_code, tariff=f"{dev.lpp_tariff_eur or 0:,.0f}")
    return _label(f"funding_{dev.funding}", lang)


def _factor(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def dating_label(row: DevicePriceBasis, lang: str) -> str:
    """A device's price years, currencies and index factors, with 'estimate' when the row is one.

    >>> from planner.prices import DevicePriceBasis
    >>> dating_label(DevicePriceBasis("d", 2009, 2009, "USD", "USD", 1.28, 1.28, True, "ITN"), "fr")
    'prix de 2009 en USD x1,28 ; estimation'
    """
    if (row.capex_year, row.capex_currency) == (row.consumable_year, row.consumable_currency):
        text = _label("dating_same", lang, year=row.capex_year, currency=row.capex_currency,
                      factor=_factor(row.capex_factor, lang))
    else:
        text = _label("dating_split", lang, cy=row.capex_year, cc=row.capex_currency,
                      cf=_factor(row.capex_factor, lang), ky=row.consumable_year, kc=row.consumable_currency,
                      kf=_factor(row.consumable_factor, lang))
    return text + (_label("dating_estimate", lang) if row.estimate else "")


def basis_caveat(basis: PriceBasis, lang: str, column: str = "") -> str:
    """The sentence saying how the plan's catalogue prices were brought to its first year (and, given a
    ``column``, where each line's dating is)."""
    if basis.method == "rate":
        rate = f"{basis.rate:.2%}".replace(".", ",") if lang == "fr" else f"{basis.rate:.2%}"
        return _label("caveat_rate", lang, year=basis.plan_year, rate=rate)
    if basis.method == "none":
        return _label("caveat_no_index", lang)
    last = basis.index_last_year
    held = _label("caveat_index_held", lang, last=last) if last is not None and basis.plan_year > last else ""
    where = _label("caveat_column", lang, column=column) if column else ""
    return _label("caveat_index", lang, year=basis.plan_year, first=basis.index_first_year, last=last,
                  source=basis.index_source, held=held) + where

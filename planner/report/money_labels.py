"""A device's funding and price dating, and how the plan's prices were dated, in words (Excel workbook, text
summary and app), from the catalogue's codes (no internal id in the text); the labels are the message
catalogue's ``wb.*`` codes (``planner/messages/wb_money.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import t
from planner.messages.format import number, pct

if TYPE_CHECKING:
    from planner.catalog import Device
    from planner.prices import DevicePriceBasis, PriceBasis



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
        return t("funding_liste_en_sus", lang, lpp=dev.lpp_code, tariff=number(dev.lpp_tariff_eur or 0, lang))
    return t(f"funding_{dev.funding}", lang)


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
        text = t("dating_same", lang, year=row.capex_year, currency=row.capex_currency,
                      factor=_factor(row.capex_factor, lang))
    else:
        text = t("dating_split", lang, cy=row.capex_year, cc=row.capex_currency,
                      cf=_factor(row.capex_factor, lang), ky=row.consumable_year, kc=row.consumable_currency,
                      kf=_factor(row.consumable_factor, lang))
    return text + (t("dating_estimate", lang) if row.estimate else "")


def basis_caveat(basis: PriceBasis, lang: str, column: str = "") -> str:
    """The sentence saying how the plan's catalogue prices were brought to its first year (and, given a
    ``column``, where each line's dating is)."""
    if basis.method == "rate":
        return t("caveat_rate", lang, year=basis.plan_year, rate=pct(basis.rate, lang, 2))
    if basis.method == "none":
        return t("caveat_no_index", lang)
    last = basis.index_last_year
    held = t("caveat_index_held", lang, last=last) if last is not None and basis.plan_year > last else ""
    where = t("caveat_column", lang, column=column) if column else ""
    return t("caveat_index", lang, year=basis.plan_year, first=basis.index_first_year, last=last,
                  source=basis.index_source, held=held) + where

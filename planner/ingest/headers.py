"""Column headers buyers write: the catalogue's code names and their French and English synonyms.

A supplier's quote says ``Fournisseur``, ``Désignation``, ``Prix unitaire HT (€)``; the catalogue says
``vendor``, ``name``, ``capex_eur``. Headers are compared by :func:`header_key`: without case, accents,
punctuation or extra spaces, so ``PRIX UNITAIRE H.T.`` and ``prix unitaire ht`` are the same header.

:data:`SYNONYMS` maps each canonical column to the headers that name it; an importer accepts a synonym only
for the columns of its own layout. :data:`TEMPLATE_COLUMNS` are the columns the downloadable templates write,
headed in English or French by :func:`template_header` (catalogue codes ``wb.template.header.<column>``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from planner.i18n import LANGS, t

#: Columns a quote may carry that the planner does not use (quantities, line amounts, VAT): read and ignored.
IGNORED = "ignored"


def header_key(text: object) -> str:
    """A header as compared: lower case, no accents, dots dropped (``H.T.`` is ``ht``), other punctuation and
    ``_`` as spaces, spaces collapsed.

    >>> header_key("  Prix unitaire H.T. (€) "), header_key("Désignation"), header_key("capex_eur")
    ('prix unitaire ht', 'designation', 'capex eur')
    """
    plain = unicodedata.normalize("NFKD", str(text or ""))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain.replace(".", "")).split())


#: canonical column -> the headers that name it (compared by :func:`header_key`).
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "id": ("device id", "device", "identifiant", "id dispositif", "code dispositif", "code planificateur"),
    "reference": ("référence", "ref", "réf", "référence produit", "référence fournisseur", "référence article",
                  "réf fournisseur", "réf produit", "réf article", "code produit",
                  "code article", "product reference", "part number", "catalogue number", "catalog number",
                  "article number"),
    "vendor": ("fournisseur", "fabricant", "marque", "supplier", "manufacturer", "brand", "titulaire"),
    "name": ("désignation", "description", "libellé", "produit", "article", "nom", "nom du dispositif",
             "product", "device name", "item"),
    "family": ("famille",),
    "notes": ("remarque", "remarques", "observations", "note"),
    "comment": ("commentaire", "commentaires"),
    "capex_eur": ("prix", "prix ht", "prix unitaire", "prix unitaire ht", "pu ht", "prix d achat ht",
                  "prix d achat", "investissement", "investissement ht", "unit price", "unit price excl vat",
                  "unit price excluding vat", "price", "price excl vat", "purchase price", "capex"),
    "maintenance_eur_per_year": ("maintenance", "maintenance annuelle", "maintenance annuelle ht",
                                 "maintenance par an", "contrat de maintenance annuel", "annual maintenance",
                                 "maintenance per year", "yearly maintenance"),
    "consumable_eur_per_case": ("consommable par cas", "consommables par cas", "consommable par cas ht",
                                "prix du consommable par cas", "consumable per case", "consumables per case"),
    "lifetime_years": ("durée de vie", "durée de vie ans", "durée de vie années", "lifetime",
                       "lifetime in years"),
    "capacity_cases_per_year": ("capacité", "capacité cas par an", "capacity", "capacity per year"),
    "quote_date": ("date", "date du devis", "date de devis", "date de l offre", "date du prix", "quote date",
                   "price date", "offer date"),
    "site_id": ("site", "site id", "établissement", "code site"),
    "device_id": ("device", "device id", "identifiant", "id dispositif"),
    "units": ("unités", "nombre", "nombre d unités", "quantité", "qté", "qte", "quantity", "qty", "count"),
    "acquisition_year": ("année d acquisition", "année", "date d acquisition", "date de mise en service",
                         "mise en service", "year", "acquisition year", "acquisition date", "installation date"),
    IGNORED: ("quantité", "qté", "qte", "quantity", "qty", "montant", "montant ht", "total", "total ht",
              "prix total ht", "line total", "amount", "amount excl vat", "tva", "taux de tva", "vat", "vat rate",
              "prix ttc", "prix unitaire ttc", "montant ttc", "total ttc", "price incl vat", "remise", "discount",
              "unité", "unit", "conditionnement"),
}

#: Columns of the downloadable templates, in their order; their headers are the catalogue's
#: ``wb.template.header.<column>`` codes (:func:`template_header`).
TEMPLATE_COLUMNS: tuple[str, ...] = ("vendor", "name", "reference", "capex_eur", "maintenance_eur_per_year",
                                     "consumable_eur_per_case", "quote_date", IGNORED, "notes")


def template_header(column: str, lang: str) -> str:
    """A template column's header in ``lang``.

    >>> template_header("capex_eur", "fr"), template_header("ignored", "en")
    ('Prix unitaire HT (€)', 'Quantity')
    """
    return t(f"template.header.{column}", lang)


def template_headers(column: str) -> tuple[str, ...]:
    """A column's template headers in both languages (accepted when read back); none for another column."""
    return tuple(template_header(column, lang) for lang in LANGS) if column in TEMPLATE_COLUMNS else ()


def canonical_names(columns: Iterable[str], aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """Header key -> canonical column, for a layout's ``columns`` (their code names and synonyms) and its
    ``aliases``; the synonyms of :data:`IGNORED` map to it. A code name wins over another column's synonym."""
    wanted = set(columns)
    keys: dict[str, str] = {}
    for canonical in (*sorted(wanted), IGNORED):
        for synonym in (*SYNONYMS.get(canonical, ()), *template_headers(canonical)):
            if canonical in wanted or canonical == IGNORED:
                keys.setdefault(header_key(synonym), canonical)
    keys.update({header_key(alias): target for alias, target in (aliases or {}).items() if target in wanted})
    keys.update({header_key(column): column for column in wanted})
    return keys

"""App labels of funding, the payer's perspective and dated prices (issue 14), in French and English."""

from __future__ import annotations

MONEY_LABELS: dict[str, dict[str, str]] = {
    "col.funding": {"fr": "Financement en France", "en": "Funding in France"},
    "col.funding_source": {"fr": "Source du financement", "en": "Funding source"},
    "col.price_basis": {"fr": "Année du prix et indexation", "en": "Price year and index"},
    "col.perspective": {"fr": "Point de vue", "en": "Perspective"},
    "col.tco_payer": {"fr": "Coût total de possession", "en": "Total cost of ownership"},
    "col.billed_y": {"fr": "Facturé en sus du GHS par an", "en": "Billed on top of the GHS per year"},
    "col.optimised": {"fr": "Optimisé", "en": "Optimised"},
    "sc.perspective": {"fr": "Point de vue des coûts", "en": "Cost perspective"},
    "sc.perspective_help": {
        "fr": "Établissement : les consommables de la liste en sus comptent nets de ce que l'établissement facture "
              "en sus du GHS (au plus le tarif LPP). Système de santé : chaque consommable compte à son prix entier, "
              "quel que soit le payeur. Le plan montre les deux.",
        "en": "Hospital: liste en sus consumables count net of what the hospital bills on top of the GHS tariff "
              "(at most the LPP tariff). Health system: every consumable counts at its whole price, whoever pays. "
              "The plan shows both."},
    "sc.price_index_rate": {"fr": "Indexation des prix du catalogue (%/an)",
                            "en": "Catalogue price indexation (%/year)"},
    "sc.price_index_rate_help": {
        "fr": "Vide : les prix du catalogue sont ramenés à la première année du plan avec l'indice des prix INSEE "
              "du catalogue (price_index.csv). Un taux le remplace.",
        "en": "Empty: catalogue prices are brought to the plan's first year with the catalogue's INSEE price "
              "index (price_index.csv). A rate replaces it."},
    "sc.price_index_placeholder": {"fr": "indice INSEE", "en": "INSEE index"},
    "plan.perspective": {"fr": "Coûts par point de vue", "en": "Costs by perspective"},
}

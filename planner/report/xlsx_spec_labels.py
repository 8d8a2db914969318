"""French and English labels of the functional specifications in the plan workbook (issue 14): the Specifications
sheet and the function and equivalents columns of the Procurement list; :data:`planner.i18n.LABELS` includes
them. key -> (English, French), as in :mod:`planner.i18n`.
"""

from __future__ import annotations

SPEC_LABELS: dict[str, tuple[str, str]] = {
    "sheet_specs": ("Specifications", "Spécifications"),
    "function": ("Function to buy (technical specification)", "Fonction à acheter (CCTP)"),
    "equivalents": ("Equivalent products", "Produits équivalents"),
    "specs_title": ("What to buy: functions first, then the reference product",
                    "Quoi acheter : les fonctions d'abord, puis le produit de référence"),
    "specs_intro": ("Each purchase line is stated as a function, to write in the technical specification \"or "
                    "equivalent\" (French public procurement code, art. R2111-7). The reference product is the one "
                    "the plan priced. Equivalents meet the same function at the site within ±{tol} of the line's "
                    "value (weighted events avoided) and annual cost (capex / life + maintenance + consumables, "
                    "start-year purchase prices) if they served the same cases.",
                    "Chaque ligne d'achat est énoncée comme une fonction, à écrire dans le CCTP « ou équivalent » "
                    "(Code de la commande publique, art. R2111-7). Le produit de référence est celui qui a servi "
                    "au chiffrage. Les équivalents remplissent la même fonction sur le site à ±{tol} près de la "
                    "valeur de la ligne (événements pondérés évités) et de son coût annuel (investissement / durée "
                    "de vie + maintenance + consommables, prix d'achat de la première année) pour les mêmes cas."),
    "criteria": ("Key criteria", "Critères clés"),
    "reference_product": ("Reference product (priced)", "Produit de référence (chiffrage)"),
    "new_units": ("New units", "Unités neuves"),
    "line_value": ("Value of the line (weighted events/year)", "Valeur de la ligne (événements pondérés/an)"),
    "line_cost": ("Annual cost of the line (EUR)", "Coût annuel de la ligne (EUR)"),
    "equivalent_product": ("Equivalent product", "Produit équivalent"),
    "value_distance": ("Value difference", "Écart de valeur"),
    "cost_distance": ("Annual cost difference", "Écart de coût annuel"),
    "model_twin": ("Identical for the model", "Identique pour le modèle"),
    "function_source": ("Source of the requirement", "Source de l'exigence"),
    "no_equivalent": ("(none within the tolerance at this site)", "(aucun dans la tolérance sur ce site)"),
    "no_specs": ("(nothing to buy)", "(rien à acheter)"),
}

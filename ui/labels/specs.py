"""French and English labels of the functional specifications on the Plan and Compare pages (issue 14).
Merged into :data:`ui.labels.LABELS`."""

from __future__ import annotations

SPECS_LABELS: dict[str, dict[str, str]] = {
    "spec.title": {"fr": "Quoi acheter : fonctions à spécifier", "en": "What to buy: functions to specify"},
    "spec.intro": {"fr": "Chaque ligne d'achat est d'abord une fonction, à écrire dans le CCTP, « ou équivalent » "
                         "(Code de la commande publique, art. R2111-7). Le produit de référence est celui qui a servi "
                         "au chiffrage ; les équivalents remplissent la même fonction sur le site à ±{tol} près en "
                         "valeur et en coût annuel.",
                   "en": "Each purchase line is first a function, to write in the technical specification, \"or "
                         "equivalent\" (French public procurement code, art. R2111-7). The reference product is "
                         "the one the plan priced; the equivalents meet the same function at the site within "
                         "±{tol} of value and annual cost."},
    "spec.reference": {"fr": "Produit de référence (chiffrage)", "en": "Reference product (priced)"},
    "spec.units": {"fr": "{n} unité(s) neuve(s)", "en": "{n} new unit(s)"},
    "spec.equivalents": {"fr": "Équivalents à ±{tol}", "en": "Equivalents within ±{tol}"},
    "spec.no_equivalent": {"fr": "aucun autre produit du catalogue à ±{tol} sur ce site",
                           "en": "no other catalogue product within ±{tol} at this site"},
    "spec.distance": {"fr": "valeur {value}, coût {cost}", "en": "value {value}, cost {cost}"},
    "spec.twin": {"fr": "identique pour le modèle", "en": "identical for the model"},
    "spec.criteria": {"fr": "Critères clés du CCTP", "en": "Key criteria of the technical specification"},
    "spec.source": {"fr": "Source : {source}", "en": "Source: {source}"},
    "spec.generic": {"fr": "exigence générique (le catalogue n'a pas de ligne pour cette famille)",
                     "en": "generic requirement (the catalogue has no row for this family)"},
    "col.function": {"fr": "Fonction", "en": "Function"},
    "col.reference": {"fr": "Produit de référence", "en": "Reference product"},
    "col.equivalents": {"fr": "Équivalents", "en": "Equivalents"},
    "col.equivalent": {"fr": "Produit équivalent", "en": "Equivalent product"},
    "cmp.equivalent": {"fr": "Produit équivalent", "en": "Equivalent product"},
    "cmp.equivalent_note": {"fr": "{n} ligne(s) ne diffèrent que par un produit équivalent (même fonction, dans la "
                                  "tolérance) : ce n'est pas une différence.",
                            "en": "{n} row(s) differ only by an equivalent product (same function, within the "
                                  "tolerance): not a difference."},
}

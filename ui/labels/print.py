"""French and English labels of the printable outputs and buyer imports (PDF for the committee, price-list
template); :data:`ui.labels.LABELS` includes them."""

from __future__ import annotations

PRINT_LABELS: dict[str, dict[str, str]] = {
    "plan.download_pdf": {"fr": "Télécharger le dossier du comité (PDF)",
                          "en": "Download the committee document (PDF)"},
    "plan.pdf_help": {"fr": "Un document A4 pour la commission des achats : synthèse, parcours d'achat (si "
                            "l'échelle budgétaire a été calculée sur la page Décisions), spécifications par famille, "
                            "couverture clinique et clauses de sécurité.",
                      "en": "One A4 document for the procurement committee: summary, purchase path (when the "
                            "budget ladder was computed on the Decisions page), specifications by family, "
                            "clinical coverage and security clauses."},
    "file.committee": {"fr": "dossier_comite", "en": "committee_document"},
    "cat.prices_template": {"fr": "Modèle de liste de prix (Excel)", "en": "Price list template (Excel)"},
    "cat.prices_template_help": {
        "fr": "Un classeur à remplir ou à transmettre au fournisseur : Fournisseur, Désignation, Référence, Prix "
              "unitaire HT, Maintenance, Date du devis…, une ligne par équipement du catalogue. Il se réimporte "
              "tel quel ; les en-têtes français ou anglais d'un devis sont aussi reconnus.",
        "en": "A workbook to fill in or hand to the supplier: Supplier, Description, Reference, Unit price excl. "
              "VAT, Maintenance, Quote date…, one line per catalogue device. It imports back as it is; a quote's "
              "French or English headers are recognised too."},
    "file.prices_template": {"fr": "modele_liste_de_prix", "en": "price_list_template"},
}

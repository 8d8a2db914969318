"""French and English labels of the printed outputs: the printable sheet of the workbook, page headers and
footers, and the committee PDF; :data:`planner.i18n.LABELS` includes them.

key -> (English, French), as in :mod:`planner.i18n`.
"""

from __future__ import annotations

PRINT_LABELS: dict[str, tuple[str, str]] = {
    # workbook
    "sheet_print": ("Purchases (print)", "Achats (impression)"),
    "print_title": ("Purchase list: {scenario}", "Liste des achats : {scenario}"),
    "print_note": ("Printable view of the sheet '{data}' (which holds every column: prices, sources, lifetimes, "
                   "annualised costs). Quantities and amounts follow that sheet: edit a quantity there.",
                   "Vue imprimable de la feuille « {data} » (qui porte toutes les colonnes : prix, sources, "
                   "durées de vie, coûts annualisés). Quantités et montants suivent cette feuille : modifiez une "
                   "quantité là-bas."),
    "print_qty": ("Qty", "Qté"),
    "print_unit": ("Unit price (EUR excl. VAT)", "Prix unitaire (EUR HT)"),
    "print_total": ("Amount (EUR excl. VAT)", "Montant (EUR HT)"),
    "print_maint": ("Maintenance / yr (EUR)", "Maintenance / an (EUR)"),
    "print_cons": ("Consumables / yr (EUR)", "Consommables / an (EUR)"),
    "page_of": ("Page &P of &N", "Page &P sur &N"),
    # committee PDF
    "pdf_title": ("Cath lab adjunct equipment: file for the procurement committee",
                  "Équipements d'appoint des salles de coronarographie : dossier pour la commission des achats"),
    "pdf_subtitle": ("Scenario {scenario}, edited on {date}", "Scénario {scenario}, édité le {date}"),
    "pdf_summary": ("1. Summary", "1. Synthèse"),
    "pdf_path": ("2. Purchase path", "2. Parcours d'achat"),
    "pdf_specs": ("3. Specifications by family", "3. Spécifications par famille"),
    "pdf_coverage": ("4. Clinical coverage", "4. Couverture clinique"),
    "pdf_security": ("5. Security clauses for the tender", "5. Clauses de sécurité pour l'appel d'offres"),
    "pdf_status": ("Result", "Résultat"),
    "pdf_status_optimal": ("optimal plan", "plan optimal"),
    "pdf_status_feasible": ("feasible plan, relative gap to the optimum {gap}",
                            "plan réalisable, écart relatif à l'optimum {gap}"),
    "pdf_status_none": ("no plan ({status})", "pas de plan ({status})"),
    "pdf_value": ("Weighted events avoided per year", "Événements pondérés évités par an"),
    "pdf_value_range": ("{value} (range {low} to {high})", "{value} (intervalle {low} à {high})"),
    "pdf_capex": ("Capital expenditure (EUR excl. VAT)", "Investissement (EUR HT)"),
    "pdf_opex": ("Running costs per year (EUR)", "Fonctionnement par an (EUR)"),
    "pdf_tco": ("Total cost of ownership (EUR)", "Coût total de possession (EUR)"),
    "pdf_cost_per_event": ("Cost per weighted event avoided (EUR)", "Coût par événement pondéré évité (EUR)"),
    "pdf_units": ("Units to acquire", "Unités à acquérir"),
    "pdf_budget": ("Budget", "Budget"),
    "pdf_limit": ("Limit", "Plafond"),
    "pdf_used": ("Used", "Utilisé"),
    "pdf_binding": ("reached", "atteint"),
    "pdf_no_path": ("The purchase path was not computed for this document ('cathlab-planner solve --pdf' with "
                    "'--path-steps', or the Decisions page before the download).",
                    "Le parcours d'achat n'a pas été calculé pour ce document (« cathlab-planner solve --pdf » avec "
                    "« --path-steps », ou la page Décisions avant le téléchargement)."),
    "pdf_path_intro": ("What to buy first: a nested purchase path at increasing capital budgets. Each step keeps "
                       "everything bought at the step before and adds the devices listed (a hospital does not "
                       "un-buy a console); the value never decreases along the path.",
                       "Quoi acheter d'abord : un parcours d'achat emboîté à budgets d'investissement croissants. "
                       "Chaque étape garde tout ce qui a été acheté à l'étape précédente et ajoute les dispositifs "
                       "indiqués (un hôpital ne revend pas une console) ; la valeur ne décroît jamais le long du "
                       "parcours."),
    "pdf_step": ("Step", "Étape"),
    "pdf_budget_eur": ("Capital budget (EUR)", "Budget d'investissement (EUR)"),
    "pdf_spent_eur": ("Capital spent (EUR)", "Investissement (EUR)"),
    "pdf_value_short": ("Weighted events / yr", "Événements pondérés / an"),
    "pdf_entering": ("Added at this step", "Ajouté à cette étape"),
    "pdf_tiers": ("Tiers of the final configuration", "Niveaux de la configuration finale"),
    "pdf_tier": ("Tier", "Niveau"),
    "pdf_entry": ("Enters at (EUR)", "Entre à (EUR)"),
    "tier_essential": ("essential", "indispensable"),
    "tier_recommended": ("recommended", "recommandé"),
    "tier_advanced": ("advanced", "avancé"),
    "pdf_specs_intro": ("The plan's purchase lines by device family: first the function to specify in the tender "
                        "(\"or equivalent\", French public procurement code, art. R2111-7) and the equivalent "
                        "products, then what each site acquires, at the catalogue's price (or the negotiated one), "
                        "with the source and date of the price.",
                        "Les lignes d'achat du plan par famille de dispositifs : d'abord la fonction à écrire dans le "
                        "CCTP (« ou équivalent », Code de la commande publique, art. R2111-7) et les produits "
                        "équivalents, puis ce que chaque site acquiert, au prix du catalogue (ou négocié), avec la "
                        "source et la date du prix."),
    "pdf_nothing": ("Nothing to acquire.", "Rien à acquérir."),
    "pdf_price_source": ("Price: {source} ({date}){estimate}", "Prix : {source} ({date}){estimate}"),
    "pdf_estimate": (", an estimate", ", estimation"),
    "pdf_cov_demand": ("Cases / yr", "Cas / an"),
    "pdf_cov_served": ("Served", "Traités"),
    "pdf_cov_share": ("Coverage", "Couverture"),
    "pdf_cov_referred": ("Referred", "Adressés"),
    "pdf_cov_events": ("Weighted events avoided / yr", "Événements pondérés évités / an"),
    "pdf_indication": ("Indication", "Indication"),
    "pdf_security_intro": ("Clauses to put in the tender's technical specifications (CCTP) for the connected "
                           "equipment of the plan, with their regulatory basis.",
                           "Clauses à inscrire au CCTP pour les équipements connectés du plan, avec leur "
                           "fondement réglementaire."),
    "pdf_basis": ("Basis", "Fondement"),
    "pdf_page": ("Page {n}", "Page {n}"),
    "pdf_mode": ("Mode", "Mode"),
}

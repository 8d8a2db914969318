"""French and English labels of the decision tools: budget ladder, sensitivity, why / why not, comparison.

Merged into :data:`ui.labels.LABELS`; same rules (every key in both languages, ``str.format`` fields).
"""

from __future__ import annotations

DECISION_LABELS: dict[str, dict[str, str]] = {
    "nav.decisions": {"fr": "Décisions", "en": "Decisions"},
    "nav.compare": {"fr": "Comparer", "en": "Compare"},
    # decisions page
    "dec.title": {"fr": "Aide à la décision", "en": "Decision support"},
    "dec.intro": {"fr": "Scénario courant : {name}. Chaque analyse ré-optimise le scénario avec un changement ; "
                        "elle se lance avec son bouton.",
                  "en": "Current scenario: {name}. Each analysis re-optimises the scenario with one change; "
                        "run it with its button."},
    "dec.ladder": {"fr": "Échelle budgétaire", "en": "Budget ladder"},
    "dec.sensitivity": {"fr": "Sensibilité", "en": "Sensitivity"},
    "dec.stale": {"fr": "Les entrées ont changé depuis cette analyse : relancez-la pour la mettre à jour.",
                  "en": "The inputs changed since this analysis: run it again to update it."},
    "dec.refused": {"fr": "Analyse impossible pour ce scénario :", "en": "This analysis cannot run on this scenario:"},
    "dec.ladder_intro": {
        "fr": "Que faut-il acheter en premier ? Le plan optimal à chaque budget d'investissement, du plan "
              "réalisable le moins cher jusqu'au budget au-delà duquel la valeur (événements pondérés évités) ne "
              "progresse plus, comparé au « classement par rentabilité » (équipements classés par valeur par euro, "
              "achetés tant que le budget le permet, comme le font les outils du marché).",
        "en": "What do we add first? The optimal plan at each capital budget, from the cheapest feasible plan to "
              "the budget beyond which the value (weighted events avoided) stops growing, against the greedy fill "
              "(devices ranked by value per euro, bought while the budget lasts)."},
    "dec.steps": {"fr": "Nombre de budgets", "en": "Number of budgets"},
    "dec.ladder_run": {"fr": "Calculer l'échelle budgétaire", "en": "Compute the budget ladder"},
    "dec.ladder_running": {"fr": "Calcul de l'échelle budgétaire…", "en": "Computing the budget ladder…"},
    "dec.ladder_none": {"fr": "Cliquez sur « Calculer l'échelle budgétaire » (quelques secondes).",
                        "en": "Click “Compute the budget ladder” (a few seconds)."},
    "dec.ladder_no_plan": {"fr": "Aucun plan, quel que soit le budget d'investissement :",
                           "en": "No plan at any capital budget:"},
    "dec.min_budget": {"fr": "Budget minimal réalisable", "en": "Lowest feasible budget"},
    "dec.min_budget_help": {"fr": "Investissement du plan le moins cher qui respecte les couvertures minimales, "
                                  "les équipements imposés et le budget de fonctionnement.",
                            "en": "Capital cost of the cheapest plan meeting the minimum coverages, the "
                                  "must-include devices and the operating budget."},
    "dec.max_budget": {"fr": "Budget de valeur maximale", "en": "Budget of maximum value"},
    "dec.max_budget_help": {"fr": "Au-delà, la valeur ne progresse plus.",
                            "en": "Beyond it the value stops growing."},
    "dec.scenario_budget": {"fr": "Budget du scénario", "en": "Scenario budget"},
    "dec.max_gain": {"fr": "Gain maximal sur le classement par rentabilité", "en": "Largest gain over greedy"},
    "dec.max_gain_help": {"fr": "Valeur supplémentaire de l'optimisation sur le classement par rentabilité, au "
                                "meilleur budget (événements pondérés évités par an).",
                          "en": "Extra value of the optimiser over the greedy fill, at the best budget "
                                "(weighted events avoided per year)."},
    "dec.show_greedy": {"fr": "Afficher le classement par rentabilité", "en": "Show the greedy fill"},
    "dec.greedy_help": {"fr": "Méthode des outils du marché : classer les demandes par score (valeur par "
                              "euro) et les acheter dans l'ordre tant que le budget le permet.",
                        "en": "The incumbents' method: rank the requests by score (value per euro) and buy "
                              "them in order while the budget lasts."},
    "dec.tiers": {"fr": "Priorités budgétaires de la salle type", "en": "Budget priorities of the standard room"},
    "dec.tiers_help": {"fr": "Priorité budgétaire 1 : dans le plan dès le budget minimal ; 2 : entre avant {share} "
                             "du gain de valeur ; 3 : entre ensuite. Ce sont des priorités d'achat sous contrainte "
                             "de budget, pas des niveaux de recommandation : la classe et le niveau de preuve ESC "
                             "sont à côté. Budget d'entrée : à partir duquel l'équipement reste dans tous les plans.",
                       "en": "Budget priority 1: in the plan from the lowest budget; 2: enters before {share} of "
                             "the value gain; 3: enters later. These are buying priorities under a budget, not "
                             "recommendation levels: the ESC class and level of evidence are beside them. Entry "
                             "budget: from which the device stays in every plan."},
    "dec.steps_title": {"fr": "Budget par budget", "en": "Budget by budget"},
    "dec.changes": {"fr": "Ce qui change", "en": "What changes"},
    "dec.ladder_caption": {"fr": "{points} budgets, {solves} résolutions, {time} s.",
                           "en": "{points} budgets, {solves} solves, {time} s."},
    "dec.sens_intro": {
        "fr": "Pour chaque multiplicateur d'indication et chaque prix de consommable d'un équipement retenu : "
              "l'intervalle de variation sur lequel la configuration reste la même (ré-optimisation à chaque "
              "essai). Plus la barre est courte, plus le choix dépend de ce paramètre.",
        "en": "For each indication multiplier and each consumable price of a chosen device: the range of change over "
              "which the configuration stays the same (re-optimised at each probe). The shorter the bar, the more "
              "the choice depends on that parameter."},
    "dec.sens_weights": {"fr": "Multiplicateurs des indications", "en": "Indication multipliers"},
    "dec.sens_prices": {"fr": "Prix des consommables", "en": "Consumable prices"},
    "dec.sens_cost": {"fr": "{n} paramètres : environ {low} à {high} ré-optimisations.",
                      "en": "{n} parameters: about {low} to {high} re-optimisations."},
    "dec.sens_run": {"fr": "Lancer l'analyse de sensibilité", "en": "Run the sensitivity analysis"},
    "dec.sens_running": {"fr": "Analyse de sensibilité en cours (plusieurs secondes)…",
                         "en": "Sensitivity analysis running (several seconds)…"},
    "dec.sens_no_plan": {"fr": "Le scénario courant n'a pas de plan : voir la page Plan.",
                         "en": "The current scenario has no plan: see the Plan page."},
    "dec.sens_none": {"fr": "Aucun intervalle calculé.", "en": "No range computed."},
    "dec.sens_caption": {"fr": "{solves} résolutions, {time} s ; bornes à {tolerance} près (prudentes).",
                         "en": "{solves} solves, {time} s; bounds within {tolerance} (conservative)."},
    # ladder chart
    "ladder.optimiser": {"fr": "Optimisation", "en": "Optimiser"},
    "ladder.greedy": {"fr": "Classement par rentabilité (valeur par euro)", "en": "Greedy rank-order fill"},
    "ladder.scenario_budget": {"fr": "budget du scénario", "en": "scenario budget"},
    "ladder.axis_budget": {"fr": "Budget d'investissement (€)", "en": "Capital budget (€)"},
    "ladder.axis_benefit": {"fr": "Événements pondérés évités par an", "en": "Weighted events avoided per year"},
    "ladder.hover_budget": {"fr": "budget {eur}", "en": "budget {eur}"},
    "ladder.hover_benefit": {"fr": "événements pondérés évités {benefit}", "en": "weighted events avoided {benefit}"},
    "ladder.hover_capex": {"fr": "investissement utilisé {eur}", "en": "capital used {eur}"},
    "ladder.hover_annualised": {"fr": "coût annualisé {eur}/an", "en": "annualised cost {eur}/year"},
    # sensitivity
    "sens.weight": {"fr": "multiplicateur", "en": "multiplier"},
    "sens.price": {"fr": "prix du consommable", "en": "consumable price"},
    "sens.weight_of": {"fr": "multiplicateur : {name}", "en": "multiplier: {name}"},
    "sens.price_of": {"fr": "prix : {name}", "en": "price: {name}"},
    "sens.low": {"fr": "baisse", "en": "decrease"},
    "sens.high": {"fr": "hausse", "en": "increase"},
    "sens.axis": {"fr": "Variation du paramètre qui garde la même configuration (%)",
                  "en": "Change of the parameter keeping the same configuration (%)"},
    "sens.limit": {"fr": "(limite de recherche, aucun changement)", "en": "(search limit, no change found)"},
    "sens.beyond": {"fr": "au-delà :", "en": "beyond:"},
    # why / why not
    "why.title": {"fr": "Pourquoi ces équipements, pourquoi pas les autres ?",
                  "en": "Why these devices, why not the others?"},
    "why.intro": {"fr": "Pour chaque équipement retenu, ce qu'il traite et ce que le plan perdrait sans lui ; "
                        "pour chaque autre équipement du catalogue, la raison de son absence ; les limites "
                        "atteintes (budgets, couvertures minimales, capacités). Quelques ré-optimisations (une "
                        "seconde environ).",
                  "en": "For each chosen device, what it serves and what the plan would lose without it; for "
                        "every other catalogue device, why it is left out; the binding constraints. A few "
                        "re-optimisations (about a second)."},
    "why.refused": {"fr": "Explication impossible pour ce scénario :", "en": "This scenario cannot be explained:"},
    "why.run": {"fr": "Expliquer le plan", "en": "Explain the plan"},
    "why.running": {"fr": "Explication du plan…", "en": "Explaining the plan…"},
    "why.no_plan": {"fr": "Pas de plan à expliquer :", "en": "No plan to explain:"},
    "why.chosen": {"fr": "Équipements retenus", "en": "Chosen devices"},
    "why.not_chosen": {"fr": "Équipements non retenus", "en": "Devices not chosen"},
    "why.binding": {"fr": "Limites atteintes", "en": "Binding constraints"},
    "why.no_binding": {"fr": "aucune", "en": "none"},
    "why.caption": {"fr": "{solves} résolutions.", "en": "{solves} solves."},
    "why.numbers": {"fr": "Chiffres par équipement", "en": "Figures per device"},
    "why.group": {"fr": "{reason} ({n})", "en": "{reason} ({n})"},
    # infeasible: ways out
    "plan.fix_smallest": {"fr": "Plus petite modification qui donne un plan :",
                          "en": "Smallest change that gives a plan:"},
    "plan.fix_single": {"fr": "Chacune de ces mesures suffit seule :", "en": "Each of these alone is enough:"},
    # compare page
    "cmp.title": {"fr": "Comparer des scénarios", "en": "Compare scenarios"},
    "cmp.intro": {"fr": "Le scénario courant ou une version enregistrée face à un exemple fourni, à un scénario "
                        "importé ou à une autre version enregistrée : configuration, coûts et couverture côte à "
                        "côte, différences surlignées.",
                  "en": "The current scenario or a saved version against a bundled example, an uploaded scenario or "
                        "another saved version: configuration, costs and coverage side by side, differences "
                        "highlighted."},
    "cmp.with": {"fr": "Comparer avec", "en": "Compare with"},
    "cmp.upload_option": {"fr": "un fichier importé", "en": "an uploaded file"},
    "cmp.upload": {"fr": "Scénario à comparer (YAML ou classeur du plan)",
                   "en": "Scenario to compare (YAML or plan workbook)"},
    "cmp.upload_none": {"fr": "Importez un scénario pour le comparer.", "en": "Upload a scenario to compare it."},
    "cmp.upload_rejected": {"fr": "Fichier {name} refusé :", "en": "File {name} rejected:"},
    "cmp.solving": {"fr": "Optimisation des deux scénarios…", "en": "Optimising both scenarios…"},
    "cmp.current": {"fr": "Courant : {name}", "en": "Current: {name}"},
    "cmp.status": {"fr": "Statut", "en": "Status"},
    "cmp.benefit": {"fr": "Événements pondérés évités par an", "en": "Weighted events avoided per year"},
    "cmp.capex": {"fr": "Investissement", "en": "Capital cost"},
    "cmp.opex": {"fr": "Fonctionnement / an", "en": "Operating cost / year"},
    "cmp.annualised": {"fr": "Coût annualisé / an", "en": "Annualised cost / year"},
    "cmp.axis_benefit": {"fr": "Événements pondérés évités", "en": "Weighted events avoided"},
    "cmp.axis_cost": {"fr": "€ par an", "en": "€ per year"},
    "cmp.only_differences": {"fr": "Différences seulement", "en": "Differences only"},
    "cmp.devices": {"fr": "Équipements utilisés (unités)", "en": "Devices in use (units)"},
    "cmp.coverage": {"fr": "Couverture (part de la demande traitée)", "en": "Coverage (share of the demand served)"},
    "cmp.differences": {"fr": "{n} lignes différentes sur {total}.", "en": "{n} of {total} rows differ."},
    "cmp.differs": {"fr": "Différent", "en": "Differs"},
    "cmp.difference": {"fr": "Écart (2ᵉ − 1ᵉʳ ; au-delà de deux plans : max − min)",
                       "en": "Difference (2nd − 1st; more than two plans: max − min)"},
    "cmp.no_plan": {"fr": "{name} : aucun plan possible.", "en": "{name}: no plan."},
    # table headers
    "col.budget": {"fr": "Budget", "en": "Budget"},
    "col.benefit": {"fr": "Événements pondérés évités/an", "en": "Weighted events avoided/year"},
    "col.greedy": {"fr": "Par rentabilité", "en": "Greedy"},
    "col.gain": {"fr": "Gain", "en": "Gain"},
    "col.capex_used": {"fr": "Investissement utilisé", "en": "Capital used"},
    "col.annualised": {"fr": "Coût annualisé / an", "en": "Annualised cost / year"},
    "col.entering": {"fr": "Entre dans le plan", "en": "Enters the plan"},
    "col.change": {"fr": "Changement", "en": "Change"},
    "col.tier": {"fr": "Priorité budgétaire", "en": "Budget priority"},
    "col.entry_budget": {"fr": "Budget d'entrée", "en": "Entry budget"},
    "col.units": {"fr": "Unités", "en": "Units"},
    "col.parameter": {"fr": "Paramètre", "en": "Parameter"},
    "col.subject": {"fr": "Objet", "en": "Subject"},
    "col.base": {"fr": "Valeur", "en": "Value"},
    "col.low": {"fr": "Baisse tolérée", "en": "Decrease kept"},
    "col.high": {"fr": "Hausse tolérée", "en": "Increase kept"},
    "col.below": {"fr": "En deçà", "en": "Below"},
    "col.above": {"fr": "Au-delà", "en": "Above"},
    "col.serves": {"fr": "Cas traités par an", "en": "Cases served per year"},
    "col.without": {"fr": "Sans lui", "en": "Without it"},
    "col.reason": {"fr": "Raison", "en": "Reason"},
    "col.detail": {"fr": "Détail", "en": "Detail"},
    "col.figure": {"fr": "Indicateur", "en": "Figure"},
    "col.differs": {"fr": "Différent", "en": "Differs"},
    # purchase path (nested)
    "path.title": {"fr": "Parcours d'achat", "en": "Purchase path"},
    "path.intro": {
        "fr": "Chaque palier garde tout ce que le palier précédent a acheté et y ajoute : on achète d'abord ceci, "
              "puis cela. Les paliers sont optimisés ensemble (somme des événements évités sur les paliers). "
              "La frontière (chaque budget optimisé seul, un équipement peut y entrer puis en sortir) est montrée "
              "à côté : l'écart est ce que coûte l'imbrication.",
        "en": "Each step keeps everything the step before bought and adds to it: buy this first, then this. The "
              "steps are optimised together (sum of the events avoided over the steps). The frontier (each budget "
              "optimised alone, where a device may enter and then leave) is shown beside it: the gap is what "
              "nesting costs."},
    "path.name": {"fr": "Parcours d'achat (imbriqué)", "en": "Purchase path (nested)"},
    "path.frontier": {"fr": "Frontière (chaque budget seul)", "en": "Frontier (each budget alone)"},
    "path.max_lost": {"fr": "Écart maximal à la frontière", "en": "Largest gap to the frontier"},
    "path.mean_lost": {"fr": "Écart moyen à la frontière", "en": "Mean gap to the frontier"},
    "path.status": {"fr": "Statut du parcours", "en": "Status of the path"},
    "path.no_path": {"fr": "Pas de parcours d'achat : la résolution conjointe s'est arrêtée sans solution ({status}). "
                               "Réduisez le nombre de paliers.",
                     "en": "No purchase path: the joint solve stopped without a solution ({status}). "
                           "Use fewer steps."},
    "path.gap": {"fr": "Parcours réalisable, optimalité non prouvée (écart MIP {gap}).",
                 "en": "Feasible path, optimality not proven (MIP gap {gap})."},
    "path.caption": {"fr": "Parcours : {variables} variables, {constraints} contraintes, {time} s "
                           "(frontière : {frontier} s). Les priorités budgétaires ci-dessous viennent du parcours.",
                     "en": "Path: {variables} variables, {constraints} constraints, {time} s (frontier: {frontier} s). "
                           "The budget priorities below come from the path."},
    "path.frontier_title": {"fr": "Frontière non imbriquée (chaque budget seul)",
                            "en": "Unconstrained frontier (each budget alone)"},
    "col.path_benefit": {"fr": "Parcours : événements évités", "en": "Path: events avoided"},
    "col.frontier_benefit": {"fr": "Frontière : événements évités", "en": "Frontier: events avoided"},
    "col.value_lost": {"fr": "Écart", "en": "Gap"},
    "col.value_lost_share": {"fr": "Écart (%)", "en": "Gap (%)"},
    "col.buy": {"fr": "À acheter à ce palier", "en": "Buy at this step"},
    "col.idle": {"fr": "Possédé, inutilisé", "en": "Owned, idle"},
}

"""French and English labels of the multi-year plan: the horizon section of the Scenario page and the
schedule, retirements, costs by year, spend chart and cost of ownership of the Plan page.

Merged into :data:`ui.labels.LABELS`; same rules (every key in both languages, ``str.format`` fields).
"""

from __future__ import annotations

HORIZON_LABELS: dict[str, dict[str, str]] = {
    # scenario page: horizon section
    "hz.title": {"fr": "Horizon et plan pluriannuel", "en": "Horizon and multi-year plan"},
    "hz.intro": {
        "fr": "Un horizon d'un an donne le plan annuel habituel. Sur plusieurs années, l'outil dit quoi acquérir "
              "chaque année et comment (achat, mise à disposition, location), remplace ou retire les équipements "
              "installés qui arrivent en fin de vie, respecte les enveloppes annuelles et départage les plans par "
              "le coût total de possession actualisé.",
        "en": "A one-year horizon gives the usual yearly plan. Over several years the tool says what to acquire "
              "in which year and how (purchase, placement, lease), replaces or drops the installed units that "
              "reach the end of their life, keeps within the yearly envelopes and breaks ties on the discounted "
              "total cost of ownership."},
    "hz.years": {"fr": "Horizon (années)", "en": "Horizon (years)"},
    "hz.start": {"fr": "Première année", "en": "First year"},
    "hz.discount": {"fr": "Taux d'actualisation (%/an)", "en": "Discount rate (%/year)"},
    "hz.discount_help": {"fr": "Pour le coût total de possession (valeur actuelle nette) ; 0 = pas d'actualisation.",
                         "en": "For the total cost of ownership (net present value); 0 = no discounting."},
    "hz.modes": {"fr": "Modes d'acquisition", "en": "Acquisition modes"},
    "hz.modes_help": {
        "fr": "L'optimiseur choisit le mode de chaque acquisition parmi ceux autorisés ici et proposés au catalogue "
              "pour l'équipement. Mise à disposition : console fournie sans investissement, consommables plus "
              "chers et/ou engagement annuel minimal. Location : loyer annuel sur une durée.",
        "en": "The optimiser chooses the mode of each acquisition among those allowed here and offered for the "
              "device in the catalogue. Placement: console provided without capital cost, dearer consumables "
              "and/or a minimum yearly commitment. Lease: a yearly fee over a term."},
    "hz.mode_purchase": {"fr": "Achat (toujours)", "en": "Purchase (always)"},
    "hz.mode_placement": {"fr": "Mise à disposition", "en": "Placement"},
    "hz.mode_lease": {"fr": "Location", "en": "Lease"},
    "hz.escalation": {"fr": "Révision des prix (%/an)", "en": "Price escalation (%/year)"},
    "hz.escalation_help": {"fr": "Hausse annuelle des prix à partir de la première année.",
                           "en": "Yearly price rise from the first year on."},
    "esc.capex": {"fr": "Investissement", "en": "Capital"},
    "esc.maintenance": {"fr": "Maintenance", "en": "Maintenance"},
    "esc.consumables": {"fr": "Consommables", "en": "Consumables"},
    "hz.growth": {"fr": "Croissance de l'activité (%/an)", "en": "Activity growth (%/year)"},
    "hz.growth_help": {"fr": "Hausse annuelle de la demande des indications de cette activité.",
                       "en": "Yearly rise of the demand of the indications of this activity."},
    "hz.growth_other": {"fr": "Croissances propres à des indications (conservées) : {items}.",
                        "en": "Growth rates of specific indications (kept): {items}."},
    "hz.envelopes": {"fr": "Enveloppes annuelles (€)", "en": "Yearly envelopes (€)"},
    "hz.envelopes_help": {
        "fr": "Une ligne par année ; case vide = pas d'enveloppe cette année-là (le budget d'investissement sur la "
              "période et le budget de fonctionnement annuel ci-dessus s'appliquent toujours).",
        "en": "One row per year; a blank cell = no envelope that year (the capital budget over the horizon and "
              "the yearly operating budget above still apply)."},
    "hz.carry_over": {"fr": "Reporter l'enveloppe d'investissement non consommée",
                      "en": "Carry unspent capital envelope over"},
    "hz.carry_over_help": {"fr": "Les crédits d'investissement non dépensés une année restent disponibles les "
                                 "années suivantes (les enveloppes deviennent cumulées).",
                           "en": "Capital not spent in a year stays available in the following years (the "
                                 "envelopes become cumulative)."},
    "hz.envelope_capex_year": {"fr": "Enveloppe d'investissement {year}", "en": "Capital envelope {year}"},
    "hz.envelope_opex_year": {"fr": "Enveloppe de fonctionnement {year}", "en": "Running-cost envelope {year}"},
    "sc.capex_help": {"fr": "Laisser vide pour ne pas plafonner. Plan pluriannuel : plafond sur toute la période "
                            "(enveloppes par année : section Horizon).",
                      "en": "Leave blank for no limit. Multi-year plan: a limit over the whole horizon (yearly "
                            "envelopes: Horizon section)."},
    "sc.opex_help": {"fr": "Laisser vide pour ne pas plafonner. Plan pluriannuel : plafond de chaque année sans "
                           "enveloppe de fonctionnement propre (section Horizon).",
                     "en": "Leave blank for no limit. Multi-year plan: the limit of every year without a "
                           "running-cost envelope of its own (Horizon section)."},
    "sc.acq_year": {"fr": "Année d'acquisition", "en": "Acquisition year"},
    "sc.acq_year_help": {"fr": "Les unités sortent du service à l'année d'acquisition + leur durée de vie ; vide = "
                               "jamais (aucune fin de vie sur la période).",
                         "en": "The units leave service at acquisition year + their lifetime; blank = never (no "
                               "end of life within the horizon)."},
    "sc.year_unknown": {"fr": "inconnue", "en": "unknown"},
    "col.capex_envelope": {"fr": "Investissement", "en": "Capital"},
    "col.opex_envelope": {"fr": "Fonctionnement", "en": "Running costs"},
    # field names in input problems
    "col.horizon_years": {"fr": "Horizon (années)", "en": "Horizon (years)"},
    "col.start_year": {"fr": "Première année", "en": "First year"},
    "col.discount_rate": {"fr": "Taux d'actualisation", "en": "Discount rate"},
    "col.acquisition_modes": {"fr": "Modes d'acquisition", "en": "Acquisition modes"},
    "col.carry_over": {"fr": "Report de l'enveloppe", "en": "Carry-over"},
    # plan page: headline figures
    "hz.benefit": {"fr": "Événements pondérés évités (période)", "en": "Weighted events avoided (horizon)"},
    "hz.benefit_help": {"fr": "Somme actualisée sur les années de la période. Un décès évité compte 1, les autres "
                              "événements selon leur poids de gravité ; les événements ajoutés comptent contre.",
                        "en": "Discounted sum over the years of the horizon. A death avoided counts 1, other events "
                              "by their severity weight; events added count against."},
    "hz.capex_total": {"fr": "Investissement total", "en": "Total capital cost"},
    "hz.capex_total_help": {"fr": "Achats de la période, aux prix révisés de l'année d'acquisition.",
                            "en": "Purchases over the horizon, at the escalated prices of the year of acquisition."},
    "hz.opex_avg": {"fr": "Fonctionnement moyen / an", "en": "Average running cost / year"},
    "hz.opex_avg_help": {"fr": "Maintenance + loyers + consommables (+ engagements non consommés), moyenne des "
                               "années.",
                         "en": "Maintenance + lease fees + consumables (+ commitments not consumed), average over "
                               "the years."},
    "hz.tco": {"fr": "Coût total de possession (VAN)", "en": "Total cost of ownership (NPV)"},
    "hz.tco_help": {"fr": "Valeur actuelle nette au début de {start} (taux {rate}) des investissements et des coûts "
                          "de fonctionnement, nette de la valeur résiduelle des achats en fin de période ({residual}) "
                          "; soit {annual} par an.",
                    "en": "Net present value at the start of {start} (rate {rate}) of capital and running costs, net "
                          "of the residual value of the purchases at the end of the horizon ({residual}); that is "
                          "{annual} per year."},
    "plan.warnings": {"fr": "Avertissements sur les entrées :", "en": "Input warnings:"},
    "hz.tco_year": {"fr": "Coût de possession / an", "en": "Cost of ownership / year"},
    "hz.tco_year_help": {"fr": "Coût total de possession divisé par le nombre d'années.",
                         "en": "Total cost of ownership divided by the number of years."},
    "hz.residual": {"fr": "Valeur résiduelle fin {year}", "en": "Residual value, end of {year}"},
    "hz.residual_help": {"fr": "Part de la durée de vie des achats restant à la fin de la période (linéaire), non "
                               "actualisée ; déduite du coût de possession.",
                         "en": "Share of the purchases' lifetime left at the end of the horizon (straight line), "
                               "undiscounted; deducted from the cost of ownership."},
    "hz.horizon": {"fr": "Horizon ({n} ans)", "en": "Horizon ({n} years)"},
    "hz.rooms": {"fr": "Configuration type en {year} (dernière année), salle par salle",
                 "en": "Standard configuration in {year} (last year), room by room"},
    # plan page: schedule and retirements
    "hz.schedule": {"fr": "Calendrier des acquisitions", "en": "Procurement schedule"},
    "hz.schedule_caption": {"fr": "Prix révisés à l'année d'acquisition. Location et mise à disposition : pas "
                                  "d'investissement (loyers et engagements sont des coûts de fonctionnement).",
                            "en": "Prices escalated to the year of acquisition. Lease and placement: no capital "
                                  "cost (fees and commitments are running costs)."},
    "hz.no_acquisition": {"fr": "Aucune acquisition sur la période.", "en": "No acquisition over the horizon."},
    "hz.retirements": {"fr": "Fins de vie des équipements installés", "en": "Installed units reaching end of life"},
    "hz.no_retirement": {"fr": "Aucun équipement installé n'arrive en fin de vie sur la période.",
                         "en": "No installed unit reaches the end of its life within the horizon."},
    "hz.not_replaced": {"fr": "non remplacé", "en": "not replaced"},
    "col.year": {"fr": "Année", "en": "Year"},
    "col.mode": {"fr": "Mode", "en": "Mode"},
    "col.replaces": {"fr": "Remplace", "en": "Replaces"},
    "col.retire_year": {"fr": "Hors service à partir de", "en": "Out of service from"},
    "col.replaced_by": {"fr": "Remplacé par", "en": "Replaced by"},
    # plan page: costs by year, spend chart, budgets, cost of ownership
    "hz.costs": {"fr": "Dépenses par année et enveloppe d'investissement", "en": "Spend by year and capital envelope"},
    "hz.costs_table": {"fr": "Coûts par année (prix révisés, non actualisés)",
                       "en": "Costs by year (escalated prices, not discounted)"},
    "hz.tco_caption": {"fr": "Valeur résiduelle des achats en fin de période : {residual}. Coût total de possession "
                             "(VAN au taux {rate}, net de la valeur résiduelle) : {tco}.",
                       "en": "Residual value of the purchases at the end of the horizon: {residual}. Total cost of "
                             "ownership (NPV at rate {rate}, net of the residual value): {tco}."},
    "hz.total": {"fr": "Total", "en": "Total"},
    "col.maintenance": {"fr": "Maintenance", "en": "Maintenance"},
    "col.lease": {"fr": "Loyers", "en": "Lease fees"},
    "col.consumables": {"fr": "Consommables", "en": "Consumables"},
    "col.shortfall": {"fr": "Engagement non consommé", "en": "Commitment not consumed"},
    "col.opex": {"fr": "Fonctionnement", "en": "Running costs"},
    "col.total": {"fr": "Total", "en": "Total"},
    "col.factor": {"fr": "Facteur d'actualisation", "en": "Discount factor"},
    "col.residual": {"fr": "Valeur résiduelle", "en": "Residual value"},
    "col.tco": {"fr": "Coût de possession (VAN)", "en": "Cost of ownership (NPV)"},
    "chart.capex": {"fr": "Investissement", "en": "Capital"},
    "chart.running": {"fr": "Fonctionnement (maintenance, loyers, consommables)",
                      "en": "Running costs (maintenance, lease, consumables)"},
    "chart.envelope": {"fr": "Enveloppe d'investissement", "en": "Capital envelope"},
    "chart.envelope_cum": {"fr": "Enveloppe d'investissement cumulée (report)",
                           "en": "Capital envelope, cumulative (carry-over)"},
    "chart.capex_cum": {"fr": "Investissement cumulé", "en": "Capital spent to date"},
    "chart.eur_by_year": {"fr": "€ par année", "en": "€ per year"},
    "hz.envelope_note_cum": {"fr": "Report des crédits : l'enveloppe et l'investissement sont cumulés depuis {start} "
                                   "(courbes) ; les barres sont les dépenses de chaque année.",
                             "en": "Carry-over: the envelope and the capital spent are cumulative from {start} "
                                   "(lines); the bars are each year's spend."},
    "budget.capex_horizon": {"fr": "Investissement (toute la période)", "en": "Capital (whole horizon)"},
    "budget.capex_year": {"fr": "Enveloppe d'investissement {year}", "en": "Capital envelope {year}"},
    "budget.capex_year_cum": {"fr": "Enveloppe d'investissement cumulée jusqu'à {year}",
                              "en": "Capital envelope up to {year} (cumulative)"},
    "budget.opex_year": {"fr": "Fonctionnement {year}", "en": "Running costs {year}"},
    "hz.tco_title": {"fr": "Coût total de possession par équipement", "en": "Total cost of ownership by device"},
    "hz.tco_table_caption": {"fr": "Flux non actualisés sur la période ; seule la dernière colonne est actualisée "
                                   "(et nette de la valeur résiduelle). Les lignes s'additionnent au coût total de "
                                   "possession du plan.",
                             "en": "Undiscounted cash over the horizon; only the last column is discounted (and net "
                                   "of the residual value). The rows add up to the plan's total cost of "
                                   "ownership."},
    # ways out of an infeasible multi-year scenario
    "hz.coverage_year": {"fr": "Année", "en": "Year"},
}

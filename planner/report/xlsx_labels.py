"""French and English labels of the multi-year parts of the plan workbook (Schedule and TCO sheets, the
multi-year Summary and procurement columns); :data:`planner.i18n.LABELS` includes them.

key -> (English, French), as in :mod:`planner.i18n`.
"""

from __future__ import annotations

HORIZON_LABELS: dict[str, tuple[str, str]] = {
    # sheet names (<= 31 characters, no apostrophe)
    "sheet_schedule": ("Schedule", "Calendrier"),
    "sheet_tco": ("TCO", "Coût de possession"),
    # horizon
    "horizon": ("Horizon", "Période"),
    "horizon_many": ("{first}–{last} ({n} years)", "{first}–{last} ({n} ans)"),
    "horizon_one": ("{first} (1 year)", "{first} (1 an)"),
    "discount_rate": ("Discount rate r", "Taux d'actualisation r"),
    "year": ("Year", "Année"),
    "mode": ("Acquisition mode", "Mode d'acquisition"),
    "mode_purchase": ("purchase", "achat"),
    "mode_placement": ("placement (console provided against consumables)",
                       "mise à disposition (contre consommables)"),
    "mode_lease": ("lease", "location"),
    "mode_lease_term": ("lease ({n} years)", "location ({n} ans)"),
    # schedule
    "sched_title": ("Procurement schedule, {years}", "Calendrier des acquisitions, {years}"),
    "sched_intro": ("One line per acquisition (year and mode). Quantities are those of the sheet '{proc}': edit "
                    "them there and this sheet follows. Prices are escalated to the year of acquisition; lease "
                    "and placement units carry no capex (their fees and commitments are running costs).",
                    "Une ligne par acquisition (année et mode). Les quantités sont celles de la feuille « {proc} » "
                    ": modifiez-les là, cette feuille suit. Les prix sont révisés à l'année d'acquisition ; les "
                    "unités louées ou mises à disposition n'ont pas d'investissement (loyers et engagements sont "
                    "des coûts de fonctionnement)."),
    "sched_acquisitions": ("Acquisitions by year", "Acquisitions par année"),
    "unit_capex_year": ("Unit capex in the year (EUR)", "Investissement unitaire de l'année (EUR)"),
    "capex_line": ("Capex (EUR)", "Investissement (EUR)"),
    "annual_terms": ("Lease fee or minimum consumable commitment per unit and year (EUR)",
                     "Loyer ou engagement minimal de consommables par unité et par an (EUR)"),
    "replaces": ("Replaces", "Remplace"),
    "no_acquisition": ("(no acquisition)", "(aucune acquisition)"),
    "sched_retirements": ("Installed units reaching the end of their life", "Équipements installés en fin de vie"),
    "retire_year": ("Out of service from", "Hors service à partir de"),
    "units": ("Units", "Unités"),
    "replaced_by": ("Replaced by", "Remplacé par"),
    "not_replaced": ("not replaced", "non remplacé"),
    "no_retirement": ("(no installed unit reaches the end of its life within the horizon)",
                      "(aucun équipement installé n'arrive en fin de vie sur la période)"),
    "sched_costs": ("Costs by year (EUR, escalated prices, not discounted)",
                    "Coûts par année (EUR, prix révisés, non actualisés)"),
    "col_capex": ("Capex", "Investissement"),
    "col_maintenance": ("Maintenance", "Maintenance"),
    "col_lease": ("Lease fees", "Loyers"),
    "col_consumables": ("Consumables", "Consommables"),
    "col_shortfall": ("Placement commitment not consumed", "Engagement de consommables non atteint"),
    "col_opex": ("Running costs", "Fonctionnement"),
    "col_total": ("Total", "Total"),
    "col_factor": ("Discount factor", "Facteur d'actualisation"),
    "col_discounted": ("Discounted total", "Total actualisé"),
    "col_benefit": ("Weighted events avoided", "Événements pondérés évités"),
    "col_discounted_benefit": ("Discounted weighted events avoided", "Événements pondérés évités actualisés"),
    "residual_row": ("Residual value of the purchases at the end of the horizon (straight line)",
                     "Valeur résiduelle des achats en fin de période (linéaire)"),
    "tco_row": ("Total cost of ownership (NPV) = discounted total - discounted residual value",
                "Coût total de possession (VAN) = total actualisé - valeur résiduelle actualisée"),
    "sched_envelope": ("Capital envelope and spend by year", "Enveloppe d'investissement et dépenses par année"),
    "sched_envelope_cum": ("Capital envelope and spend up to each year (cumulative: unspent envelope carries over)",
                           "Enveloppe d'investissement et dépenses cumulées (l'enveloppe non consommée est "
                           "reportée)"),
    "envelope": ("Capital envelope (EUR)", "Enveloppe d'investissement (EUR)"),
    "spend": ("Capital spend (EUR)", "Investissement (EUR)"),
    "capex_remaining": ("Capital remaining (EUR)", "Reste à investir (EUR)"),
    "opex_envelope": ("Running-cost envelope (EUR)", "Enveloppe de fonctionnement (EUR)"),
    "opex_used": ("Running costs (EUR)", "Fonctionnement (EUR)"),
    "opex_remaining": ("Running budget remaining (EUR)", "Reste en fonctionnement (EUR)"),
    "whole_horizon": ("Whole horizon", "Toute la période"),
    "chart_envelope": ("Capital spend and envelope by year", "Investissement et enveloppe par année"),
    "chart_envelope_cum": ("Capital spend and envelope, cumulative", "Investissement et enveloppe cumulés"),
    # TCO sheet
    "tco_title": ("Total cost of ownership by device and site, {years}",
                  "Coût total de possession par dispositif et par site, {years}"),
    "tco_note": ("The total cost of ownership (TCO) is the net present value, at the start of {start}, of the cash "
                 "flows over the horizon: capex in the year of acquisition, maintenance, lease fees, consumables "
                 "and unconsumed placement commitments, each year discounted at the rate r = {rate} (factor "
                 "(1 + r)^-(year - {start})), net of the residual value of the purchased units at the end of the "
                 "horizon (straight-line depreciation over their lifetime, discounted to the end of {last}). It is "
                 "the cost the optimiser minimises. The cash columns are undiscounted totals over the horizon at "
                 "escalated prices; only the TCO column is discounted.",
                 "Le coût total de possession (TCO) est la valeur actuelle nette, au début de {start}, des flux "
                 "de la période : investissement l'année de l'acquisition, maintenance, loyers, consommables et "
                 "engagements de mise à disposition non consommés, chaque année actualisée au taux r = {rate} "
                 "(facteur (1 + r)^-(année - {start})), nette de la valeur résiduelle des unités achetées en fin "
                 "de période (amortissement linéaire sur leur durée de vie, actualisée à la fin de {last}). C'est "
                 "le coût que l'optimiseur minimise. Les colonnes de flux sont des totaux non actualisés sur la "
                 "période, aux prix révisés ; seule la colonne TCO est actualisée."),
    "tco_plan": ("TCO computed by the planner (= total of the table)",
                 "Coût total de possession calculé par le planificateur (= total du tableau)"),
    "cash_capex": ("Capex paid (EUR)", "Investissement payé (EUR)"),
    "cash_maintenance": ("Maintenance (EUR)", "Maintenance (EUR)"),
    "cash_lease": ("Lease fees (EUR)", "Loyers (EUR)"),
    "cash_consumables": ("Consumables (EUR)", "Consommables (EUR)"),
    "cash_shortfall": ("Placement commitment not consumed (EUR)", "Engagement non consommé (EUR)"),
    "cash_total": ("Cash total, undiscounted (EUR)", "Total décaissé, non actualisé (EUR)"),
    "residual": ("Residual value at the end (EUR)", "Valeur résiduelle en fin de période (EUR)"),
    "tco": ("TCO: NPV net of residual value (EUR)", "TCO : VAN nette de la valeur résiduelle (EUR)"),
    # multi-year summary and procurement list
    "capex_total": ("Capital expenditure over the horizon", "Investissement sur la période"),
    "maintenance_avg": ("Maintenance per year (average)", "Maintenance par an (moyenne)"),
    "lease_avg": ("Lease fees per year (average)", "Loyers par an (moyenne)"),
    "consumables_avg": ("Consumables per year (average)", "Consommables par an (moyenne)"),
    "shortfall_avg": ("Placement commitments not consumed per year (average)",
                      "Engagements de consommables non atteints par an (moyenne)"),
    "opex_avg": ("Running costs per year (average)", "Fonctionnement par an (moyenne)"),
    "residual_total": ("Residual value of the purchases at the end of the horizon",
                       "Valeur résiduelle des achats en fin de période"),
    "tco_total": ("Total cost of ownership over the horizon (NPV)", "Coût total de possession sur la période (VAN)"),
    "tco_avg": ("Total cost of ownership per year (TCO / years)", "Coût total de possession par an (TCO / années)"),
    "benefit_npv": ("Weighted events avoided (discounted sum over the horizon)",
                    "Événements pondérés évités (somme actualisée sur la période)"),
    "budget_capex_year": ("Capital envelope {year}", "Enveloppe d'investissement {year}"),
    "budget_capex_year_cum": ("Capital envelope up to {year} (cumulative)",
                              "Enveloppe d'investissement cumulée jusqu'à {year}"),
    "budget_opex_year": ("Running budget {year}", "Enveloppe de fonctionnement {year}"),
    "line_new": ("To acquire", "À acquérir"),
    "cases_y_avg": ("Planned cases per year (average over the horizon)", "Cas prévus par an (moyenne sur la période)"),
    "proc_note_multi": ("Multi-year plan: one line per site, device, year and mode. Planned cases are the yearly "
                        "average over the horizon, on the first line of each site and device; maintenance, "
                        "consumables and annualised capex per year are at start-year prices, for reference. The "
                        "costs of each year (escalated prices, retirements, leases) are on the sheet '{schedule}', "
                        "the cost of ownership on the sheet '{tco}'.",
                        "Plan pluriannuel : une ligne par site, dispositif, année et mode. Les cas prévus sont la "
                        "moyenne annuelle sur la période, sur la première ligne de chaque site et dispositif ; "
                        "maintenance, consommables et investissement annualisé par an sont aux prix de la première "
                        "année, à titre indicatif. Les coûts de chaque année (prix révisés, fins de vie, loyers) "
                        "sont dans la feuille « {schedule} », le coût de possession dans la feuille « {tco} »."),
}

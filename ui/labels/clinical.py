"""Labels of the clinical value (issue 11): roles, value wording, cardiologist view, clinical alerts, evidence.

``alert.<code>`` holds one sentence per :class:`planner.plan.ClinicalAlert` code, with ``{site}``, ``{device}``,
``{indication}``, ``{role}`` and ``{value}`` filled by :func:`ui.clinical.alert_text`.
"""

from __future__ import annotations

VALUE_DEFINITION = {
    "fr": "Un décès évité compte 1, les autres événements selon leur poids de gravité ; les événements ajoutés "
          "(saignements, complications) comptent contre.",
    "en": "A death avoided counts 1, other events by their severity weight; events added (bleeding, "
          "complications) count against.",
}

CLINICAL_LABELS: dict[str, dict[str, str]] = {
    # the value
    "value.name": {"fr": "Événements pondérés évités par an", "en": "Weighted events avoided per year"},
    "value.definition": VALUE_DEFINITION,
    "value.range": {"fr": "fourchette {low} – {high}", "en": "range {low} – {high}"},
    "value.cost_per_event": {"fr": "Coût par événement pondéré évité", "en": "Cost per weighted event avoided"},
    "value.cost_per_event_help": {"fr": "Coût annualisé (ou coût total de possession) / événements pondérés évités.",
                                  "en": "Annualised cost (or total cost of ownership) / weighted events avoided."},
    "value.none": {"fr": "aucun événement évité", "en": "no event avoided"},
    # roles
    "sc.roles": {"fr": "Rôles cliniques du site", "en": "Clinical roles of the site"},
    "sc.roles_help": {"fr": "Une indication ou un équipement qui exige un rôle n'est servi que sur un site qui l'a ; "
                            "ailleurs les patients sont adressés.",
                      "en": "An indication or device that needs a role is served only at a site holding it; "
                            "elsewhere the patients are referred."},
    # clinical needs page
    "needs.multiplier": {"fr": "Multiplicateur (1 = les preuves)", "en": "Multiplier (1 = the evidence)"},
    "needs.multiplier_help": {"fr": "Multiplie la valeur fondée sur les preuves de chaque cas de cette indication "
                                    "(0 = ignorée, 2 = deux fois plus important).",
                              "en": "Multiplies the evidence-based value of each case of this indication "
                                    "(0 = ignored, 2 = twice as important)."},
    "needs.required": {"fr": "Équipement requis", "en": "Required equipment"},
    "needs.required_help": {"fr": "Exigé par la pratique (ex. ACT pendant l'angioplastie) : toute la demande est "
                                  "servie, hors de la valeur.",
                            "en": "Required by practice (e.g. ACT during PCI): the whole demand is served, outside "
                                  "the value."},
    "needs.role": {"fr": "Rôle requis : {role} ; les sites sans ce rôle adressent leurs patients.",
                   "en": "Role needed: {role}; sites without it refer their patients."},
    "needs.no_role": {"fr": "Aucun rôle requis : tout site peut servir cette indication.",
                      "en": "No role needed: any site may serve this indication."},
    "needs.weights": {"fr": "Poids de gravité des événements", "en": "Severity weights of the outcomes"},
    "needs.weights_intro": {"fr": "Combien compte un événement évité, un décès valant 1. Les valeurs par défaut "
                                  "viennent du catalogue ; modifiez la colonne « Poids ».",
                            "en": "How much an event avoided counts, a death being 1. The defaults come from the "
                                  "catalogue; edit the “Weight” column."},
    "needs.weights_reset": {"fr": "Revenir aux poids du catalogue", "en": "Back to the catalogue weights"},
    "needs.no_outcomes": {"fr": "Le catalogue ne décrit aucun événement clinique.",
                          "en": "The catalogue describes no clinical outcome."},
    # plan page: cardiologist view
    "plan.clinical": {"fr": "Vue clinique", "en": "Clinical view"},
    "plan.clinical_intro": {"fr": "Par indication : couverture, patients non pris en charge, patients à adresser et "
                                  "événements évités par an (fourchette issue des intervalles de confiance).",
                            "en": "Per indication: coverage, patients not covered, patients to refer and events "
                                  "avoided per year (range from the confidence intervals)."},
    "plan.outcomes": {"fr": "Événements évités par an, par type", "en": "Events avoided per year, by outcome"},
    "plan.outcomes_help": {"fr": "Non pondérés ; un nombre négatif est un événement ajouté (effet indésirable).",
                           "en": "Not weighted; a negative number is an event added (a harm)."},
    "plan.alerts": {"fr": "Alertes cliniques", "en": "Clinical alerts"},
    "plan.changes": {"fr": "Ce qui a changé depuis le plan précédent", "en": "What changed since the previous plan"},
    "plan.changes_none": {"fr": "Aucun changement d'équipement, de couverture ni d'événements évités.",
                          "en": "No change of equipment, coverage or events avoided."},
    "plan.changes_value": {"fr": "Événements pondérés évités par an : {before} → {after} ({delta})",
                           "en": "Weighted events avoided per year: {before} → {after} ({delta})"},
    "plan.changes_in": {"fr": "Entrent : {devices}", "en": "In: {devices}"},
    "plan.changes_out": {"fr": "Sortent : {devices}", "en": "Out: {devices}"},
    "col.coverage_pct": {"fr": "Couverture", "en": "Coverage"},
    "col.not_covered": {"fr": "Non pris en charge (patients/an)", "en": "Not covered (patients/year)"},
    "col.referred": {"fr": "À adresser (patients/an)", "en": "To refer (patients/year)"},
    "col.role_needed": {"fr": "Rôle requis", "en": "Role needed"},
    "col.events": {"fr": "Événements pondérés évités/an", "en": "Weighted events avoided/year"},
    "col.events_range": {"fr": "Fourchette", "en": "Range"},
    "col.outcome": {"fr": "Événement", "en": "Outcome"},
    "col.avoided": {"fr": "Évités/an", "en": "Avoided/year"},
    "col.severity": {"fr": "Poids", "en": "Weight"},
    "col.default_severity": {"fr": "Poids du catalogue", "en": "Catalogue weight"},
    "col.coverage_before": {"fr": "Couverture avant", "en": "Coverage before"},
    "col.coverage_after": {"fr": "Couverture après", "en": "Coverage after"},
    "col.events_before": {"fr": "Événements avant", "en": "Events before"},
    "col.events_after": {"fr": "Événements après", "en": "Events after"},
    "col.events_delta": {"fr": "Écart d'événements", "en": "Events change"},
    "col.required": {"fr": "Requis", "en": "Required"},
    # the devices beside an indication
    "col.recommendation": {"fr": "Classe et niveau ESC", "en": "ESC class and level"},
    "col.strategy": {"fr": "Stratégie", "en": "Strategy"},
    "col.evidence": {"fr": "Preuves", "en": "Evidence"},
    "col.value_per_100": {"fr": "Événements pondérés évités / 100 cas", "en": "Weighted events avoided / 100 cases"},
    "needs.no_strategy": {"fr": "pas d'essai de résultat", "en": "no outcome trial"},
    # evidence (About page, catalogue card)
    "about.value": {"fr": "La valeur : événements pondérés évités par an", "en": "The value: weighted events avoided "
                                                                                "per year"},
    "about.value_text": {
        "fr": "Pour chaque couple équipement × indication, l'effet de la stratégie sur chaque événement (décès, "
              "infarctus, revascularisation, saignement…) vient des essais ci-dessous : taux du groupe contrôle "
              "moins taux du groupe traité, pour 100 patients, la fourchette venant de l'intervalle de confiance. "
              "Chaque événement est multiplié par son poids de gravité (décès = 1) ; les événements ajoutés comptent "
              "contre. Le multiplicateur de l'indication (page Besoins cliniques, 1 par défaut) s'applique ensuite. "
              "Les équipements requis par la pratique (ACT) sont servis en entier, hors de la valeur.",
        "en": "For each device × indication pair, the effect of the strategy on each outcome (death, myocardial "
              "infarction, repeat revascularisation, bleeding…) comes from the trials below: control-group rate "
              "minus treated-group rate, per 100 patients, the range from the confidence interval. Each event is "
              "multiplied by its severity weight (death = 1); events added count against. The indication's "
              "multiplier (Clinical needs page, 1 by default) applies on top. Equipment required by practice (ACT) "
              "is served in full, outside the value."},
    "about.evidence": {"fr": "Tableau des preuves", "en": "Evidence table"},
    "about.outcomes": {"fr": "Événements et poids de gravité", "en": "Outcomes and severity weights"},
    "about.no_evidence": {"fr": "Le catalogue ne contient pas encore de tableau des preuves.",
                          "en": "The catalogue has no evidence table yet."},
    "col.citation": {"fr": "Référence", "en": "Citation"},
    "col.year": {"fr": "Année", "en": "Year"},
    "col.design": {"fr": "Type d'étude", "en": "Design"},
    "col.population": {"fr": "Population", "en": "Population"},
    "col.effect": {"fr": "Effet (IC 95 %)", "en": "Effect (95% CI)"},
    "col.rates": {"fr": "Taux contrôle → traité", "en": "Rate control → treated"},
    "col.reliability": {"fr": "Fiabilité", "en": "Reliability"},
    "design.rct": {"fr": "essai randomisé", "en": "randomised trial"},
    "design.meta_analysis": {"fr": "méta-analyse", "en": "meta-analysis"},
    "design.guideline": {"fr": "recommandation", "en": "guideline"},
    "design.registry": {"fr": "registre", "en": "registry"},
    "design.observational": {"fr": "observationnelle", "en": "observational"},
    "design.single_arm": {"fr": "bras unique", "en": "single arm"},
    "design.consensus": {"fr": "consensus", "en": "consensus"},
    "reliability.H": {"fr": "élevée", "en": "high"},
    "reliability.M": {"fr": "moyenne", "en": "moderate"},
    "reliability.L": {"fr": "faible", "en": "low"},
    "cat.card": {"fr": "Fiche d'un équipement : preuves", "en": "Device card: evidence"},
    "cat.card_device": {"fr": "Équipement", "en": "Device"},
    "cat.card_none": {"fr": "Aucune étude citée pour cet équipement.", "en": "No study cited for this device."},
    "cat.card_row": {"fr": "**{indication}** — {recommendation} ; stratégie : {strategy}",
                     "en": "**{indication}** — {recommendation}; strategy: {strategy}"},
    # clinical alerts, one per code
}

#: The alert codes of :class:`planner.plan.ClinicalAlert` (a test checks each has a label in both languages).
ALERT_CODES = ("referred", "role_uncovered", "fallback_missing", "below_min_volume", "role_missing_device",
               "harmful_use", "no_receiver")

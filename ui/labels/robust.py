"""French and English labels of the Robustness page (issue 17). Merged into :data:`ui.labels.LABELS`."""

from __future__ import annotations

ROBUST_LABELS: dict[str, dict[str, str]] = {
    "nav.robustness": {"fr": "Robustesse", "en": "Robustness"},
    "rb.title": {"fr": "Robustesse du plan", "en": "How robust is the plan"},
    "rb.intro": {
        "fr": "L'activité, les parts des indications, les prix et les effets des essais sont incertains. L'outil tire "
              "des futurs au sort (section `uncertainty:` du scénario, sinon des lois par défaut) et regarde ce que "
              "donne le plan de « {name} » dans chacun.",
        "en": "Activity, indication shares, prices and trial effects are uncertain. The tool samples futures (the "
              "scenario's `uncertainty:` section, else default laws) and looks at what the plan of \"{name}\" gives "
              "in each."},
    "rb.mode": {"fr": "Analyse", "en": "Analysis"},
    "rb.mode.evaluate": {"fr": "Évaluer le plan", "en": "Evaluate the plan"},
    "rb.mode.stability": {"fr": "Stabilité (réoptimiser chaque futur)", "en": "Stability (re-optimise each future)"},
    "rb.mode.robust": {"fr": "Plan robuste (deux étapes)", "en": "Robust plan (two-stage)"},
    "rb.samples": {"fr": "Futurs tirés", "en": "Futures sampled"},
    "rb.workers": {"fr": "Processus de calcul", "en": "Worker processes"},
    "rb.seed": {"fr": "Graine", "en": "Seed"},
    "rb.run": {"fr": "Lancer", "en": "Run"},
    "rb.cancel": {"fr": "Annuler", "en": "Cancel"},
    "rb.cancelled": {"fr": "Calcul annulé.", "en": "Run cancelled."},
    "rb.progress": {"fr": "{done} futurs sur {total}", "en": "{done} futures of {total}"},
    "rb.none": {"fr": "Choisissez une analyse et lancez-la.", "en": "Choose an analysis and run it."},
    "rb.error": {"fr": "Pas de résultat : {error}", "en": "No results: {error}"},
    "rb.note": {"fr": "Aucune section `uncertainty:` : lois par défaut (activité ±10 %, parts ±20 %, prix ±10 %, "
                      "effets dans leur IC à 95 %).",
                "en": "No `uncertainty:` section: default laws (activity ±10 %, shares ±20 %, prices ±10 %, effects "
                      "within their 95 % CI)."},
    "rb.value": {"fr": "Valeur moyenne ({plan})", "en": "Mean value ({plan})"},
    "rb.overrun": {"fr": "Dépassement du budget de fonctionnement ({plan})", "en": "Running budget exceeded ({plan})"},
    "rb.value_axis": {"fr": "Événements pondérés évités par an", "en": "Weighted events avoided per year"},
    "rb.cost_axis": {"fr": "Coût (EUR)", "en": "Cost (EUR)"},
    "rb.hist_value": {"fr": "Valeur sur les futurs", "en": "Value over the futures"},
    "rb.hist_cost": {"fr": "Coût sur les futurs", "en": "Cost over the futures"},
    "rb.frequency": {"fr": "Fréquence de sélection dans l'optimum de chaque futur",
                     "en": "Selection frequency in each future's optimum"},
    "rb.regret": {"fr": "Regret du plan (valeur perdue face à l'optimum du futur)",
                  "en": "Regret of the plan (value lost against the future's optimum)"},
    "rb.regret_axis": {"fr": "Regret (év. pondérés/an)", "en": "Regret (weighted events/yr)"},
    "rb.compare": {"fr": "Plan robuste et plan déterministe", "en": "Robust and deterministic plans"},
    "rb.col.plan": {"fr": "Plan", "en": "Plan"},
    "rb.col.mean": {"fr": "Valeur moyenne hors échantillon", "en": "Mean value out of sample"},
    "rb.col.nominal": {"fr": "Valeur nominale", "en": "Nominal value"},
    "rb.col.overrun": {"fr": "Dépassement budget", "en": "Budget overrun"},
    "rb.col.equipment": {"fr": "Équipements en service", "en": "Equipment in use"},
    "rb.download": {"fr": "Rapport JSON", "en": "Report JSON"},
}

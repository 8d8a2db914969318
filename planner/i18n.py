"""French and English labels of the planner's reports (the Excel workbook).

A small pure-Python dictionary: :func:`t` returns the label of a key in a language. The Streamlit app keeps
its own UI labels in ``ui/i18n.py``; this one is for documents the planner produces. The labels of the
multi-year sheets live in :mod:`planner.report.xlsx_labels`.
"""

from __future__ import annotations

from typing import Literal

from planner.report.money_labels import MONEY_LABELS
from planner.report.print_labels import PRINT_LABELS
from planner.report.xlsx_labels import HORIZON_LABELS
from planner.report.xlsx_spec_labels import SPEC_LABELS

Lang = Literal["fr", "en"]
LANGS: tuple[str, ...] = ("fr", "en")

#: key -> (English, French)
LABELS: dict[str, tuple[str, str]] = {
    # sheet names (<= 31 characters, no apostrophe so formulas stay simple)
    "sheet_summary": ("Summary", "Synthèse"),
    "sheet_procurement": ("Procurement list", "Liste des achats"),
    "sheet_rooms": ("Room configuration", "Configuration des salles"),
    "sheet_coverage": ("Clinical coverage", "Couverture clinique"),
    "sheet_cases": ("Cases by device", "Cas par dispositif"),
    "sheet_assumptions": ("Assumptions", "Hypothèses"),
    "sheet_prices": ("Price overrides", "Prix négociés"),
    "sheet_installed": ("Installed equipment", "Parc installé"),
    "sheet_security": ("Security", "Sécurité"),
    "sheet_referrals": ("Referrals", "Adressages"),
    "ref_from": ("Referring site", "Site qui adresse"),
    "ref_to": ("Receiving site", "Site receveur"),
    "ref_minutes": ("Transfer time (min)", "Temps de transfert (min)"),
    "ref_value_lost": ("Weighted events lost (delay)", "Événements pondérés perdus (délai)"),
    "ref_transport": ("Transport per year", "Transport par an"),
    "ref_estimate": ("Estimated figures", "Chiffres estimés"),
    "ref_per_site": ("Per site (last year of the plan)", "Par site (dernière année du plan)"),
    "ref_served_self": ("Own cases served", "Cas propres traités"),
    "ref_referred": ("Cases referred", "Cas adressés"),
    "ref_received": ("Cases received", "Cas reçus"),
    "ref_group": ("Group", "Groupe"),
    # summary
    "title": ("Cath-lab adjunct equipment plan", "Plan d'équipement des salles de coronarographie"),
    "scenario": ("Scenario", "Scénario"),
    "generated": ("Generated on", "Édité le"),
    "status": ("Solver status", "Statut de la résolution"),
    "objective": ("Objective", "Objectif"),
    "solver": ("Solver", "Solveur"),
    "mip_gap": ("Relative MIP gap", "Écart relatif d'optimalité"),
    "catalogue": ("Catalogue", "Catalogue"),
    "bundled": ("bundled catalogue", "catalogue fourni"),
    "headline": ("Headline costs", "Coûts principaux"),
    "capex": ("Capital expenditure (purchases)", "Investissement (achats)"),
    "maintenance_y": ("Maintenance per year", "Maintenance par an"),
    "consumables_y": ("Consumables per year", "Consommables par an"),
    "opex_y": ("Running costs per year (maintenance + consumables)",
               "Fonctionnement par an (maintenance + consommables)"),
    "annualised_capex_y": ("Annualised capex per year (straight line)",
                           "Investissement annualisé par an (linéaire)"),
    "annualised_y": ("Annualised total cost per year", "Coût total annualisé par an"),
    "benefit": ("Weighted events avoided per year", "Événements pondérés évités par an"),
    "benefit_low": ("  low end (confidence intervals)", "  bas de la fourchette (intervalles de confiance)"),
    "benefit_high": ("  high end (confidence intervals)", "  haut de la fourchette (intervalles de confiance)"),
    "value_definition": ("A death avoided counts 1, other events by their severity weight; events added (bleeding, "
                         "complications) count against.",
                         "Un décès évité compte 1, les autres événements selon leur poids de gravité ; les "
                         "événements ajoutés (saignements, complications) comptent contre."),
    "cost_per_event": ("Annualised cost per weighted event avoided", "Coût annualisé par événement pondéré évité"),
    "budgets": ("Budgets", "Budgets"),
    "budget": ("Budget", "Budget"),
    "limit": ("Limit", "Plafond"),
    "used": ("Used", "Utilisé"),
    "remaining": ("Remaining", "Reste"),
    "use_share": ("Use", "Taux d'utilisation"),
    "unlimited": ("unlimited", "illimité"),
    "budget_capex": ("Capital budget", "Enveloppe d'investissement"),
    "budget_opex_per_year": ("Running budget per year", "Enveloppe de fonctionnement annuelle"),
    "by_family": ("Capex by device family", "Investissement par famille de dispositifs"),
    "caveats": ("Data caveats", "Limites des données"),
    "caveat_estimates": ("{n} of the {total} devices in this plan have expert-estimated figures "
                         "(catalogue column estimate = yes): {names}.",
                         "{n} des {total} dispositifs de ce plan ont des valeurs estimées à dire d'expert "
                         "(colonne estimate = yes du catalogue) : {names}."),
    "caveat_old": ("Prices dated more than {years} years ago: {names}.",
                   "Prix datant de plus de {years} ans : {names}."),
    "caveat_overrides": ("Scenario prices replace catalogue prices for: {names}.",
                         "Les prix du scénario remplacent ceux du catalogue pour : {names}."),
    "caveat_shares": ("Indication shares marked EST in the catalogue are estimates: {names}.",
                      "Les parts d'indication marquées EST dans le catalogue sont estimées : {names}."),
    "caveat_live": ("Totals are live formulas: editing a quantity or a price updates them.",
                    "Les totaux sont des formules : modifier une quantité ou un prix les met à jour."),
    "caveat_security": ("Security: {connected} of the {total} devices in this plan are known to be connected to the "
                        "hospital network ({unknown_net} more of unknown connection); {flagged} have an operating "
                        "system whose support has ended or ends within {years} years{names}; {unknown} have security "
                        "questions still open with the vendor (not scored: the risk score counts what is known); "
                        "{advisories} have a published security advisory. The sheet '{sheet}' gives their profiles, "
                        "the MDS2 questions to ask and the clauses to put in the tender.",
                        "Sécurité : {connected} des {total} dispositifs de ce plan sont connus pour être connectés au "
                        "réseau de l'établissement ({unknown_net} autres de connexion inconnue) ; {flagged} ont un "
                        "système d'exploitation dont le support est terminé ou se termine dans moins de {years} "
                        "ans{names} ; {unknown} ont des questions de sécurité encore ouvertes auprès du fabricant "
                        "(non notées : le score de risque compte ce qui est connu) ; {advisories} font l'objet d'une "
                        "alerte de sécurité publiée. La feuille « {sheet} » donne leurs profils, les questions MDS2 "
                        "à poser et les clauses à inscrire dans le marché."),
    "warnings": ("Warnings", "Avertissements"),
    "no_plan": ("No plan: diagnosis", "Pas de plan : diagnostic"),
    # procurement list
    "site": ("Site", "Site"),
    "family": ("Family", "Famille"),
    "device": ("Device", "Dispositif"),
    "vendor": ("Vendor", "Fabricant"),
    "device_id": ("Device id", "Identifiant"),
    "line_status": ("Line", "Ligne"),
    "purchase": ("Purchase", "Achat"),
    "installed_in_use": ("Installed, in use", "Installé, utilisé"),
    "installed_idle": ("Installed, idle", "Installé, inutilisé"),
    "qty": ("Quantity to buy", "Quantité à acheter"),
    "unit_price": ("Unit price (EUR excl. VAT)", "Prix unitaire (EUR HT)"),
    "segmentation_unit": ("Network segmentation per new unit (EUR)",
                          "Segmentation réseau par unité neuve (EUR)"),
    "line_total": ("Line total (EUR)", "Total ligne (EUR)"),
    "installed_units": ("Installed units", "Unités installées"),
    "maint_unit": ("Maintenance per unit and year (EUR)", "Maintenance par unité et par an (EUR)"),
    "maint_line": ("Maintenance per year (EUR)", "Maintenance par an (EUR)"),
    "cons_case": ("Consumables per case (EUR)", "Consommables par cas (EUR)"),
    "cases_y": ("Planned cases per year", "Cas prévus par an"),
    "cons_line": ("Consumables per year (EUR)", "Consommables par an (EUR)"),
    "lifetime": ("Lifetime (years)", "Durée de vie (ans)"),
    "annualised_line": ("Annualised capex per year (EUR)", "Investissement annualisé par an (EUR)"),
    "price_source": ("Price source", "Source du prix"),
    "price_date": ("Price date", "Date du prix"),
    "estimate": ("Estimate", "Estimation"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "total": ("Total", "Total"),
    "subtotal_site": ("Subtotals by site", "Sous-totaux par site"),
    "nothing_to_buy": ("(nothing to buy)", "(aucun achat)"),
    "override": ("Scenario price ({fields})", "Prix du scénario ({fields})"),
    # rooms and coverage
    "room": ("Room", "Salle"),
    "room_n": ("Room {n}", "Salle {n}"),
    "shared": ("Shared (mobile, whole site)", "Partagé (mobile, tout le site)"),
    "deployment": ("Deployment", "Déploiement"),
    "per_room": ("one per room", "un par salle"),
    "none": ("(none)", "(aucun)"),
    "indication": ("Indication", "Indication"),
    "base_activity": ("Base activity", "Activité de référence"),
    "demand": ("Demand (cases per year)", "Demande (cas par an)"),
    "served": ("Served (cases per year)", "Cas pris en charge par an"),
    "coverage_share": ("Coverage", "Couverture"),
    "floor": ("Minimum coverage", "Couverture minimale"),
    "weight": ("Multiplier (1 = the evidence)", "Multiplicateur (1 = les preuves)"),
    "referred": ("To refer (patients per year)", "À adresser (patients par an)"),
    "role_needed": ("Role needed", "Rôle requis"),
    "not_covered": ("Not covered (patients per year)", "Non pris en charge (patients par an)"),
    "events_avoided": ("Weighted events avoided per year", "Événements pondérés évités par an"),
    "events_low": ("Low end", "Bas de la fourchette"),
    "events_high": ("High end", "Haut de la fourchette"),
    "role_cardiac_surgery": ("on-site cardiac surgery", "chirurgie cardiaque sur site"),
    "role_shock_centre": ("cardiogenic shock centre", "centre de choc cardiogénique"),
    "role_ecmo_centre": ("ECMO centre", "centre ECMO"),
    "role_ccs_programme": ("chronic coronary programme (ANOCA testing)",
                           "programme coronaire chronique (tests ANOCA)"),
    "floor_met": ("Minimum met", "Minimum atteint"),
    "served_by": ("Served by (cases per year)", "Pris en charge par (cas par an)"),
    "effectiveness": ("Share of the trial effect", "Part de l'effet des essais"),
    "benefit_short": ("Weighted events avoided", "Événements pondérés évités"),
    # assumptions
    "assumptions_note": ("Everything needed to reproduce this plan. Negotiated prices and installed units "
                         "are on the sheets '{prices}' and '{installed}', in the layout the planner imports; the "
                         "sheet '{yaml}' holds the complete scenario file.",
                         "Tout ce qu'il faut pour reproduire ce plan. Les prix négociés et le parc installé "
                         "sont dans les feuilles « {prices} » et « {installed} », au format importable ; la "
                         "feuille « {yaml} » contient le fichier de scénario complet."),
    "time_limit": ("Solver time limit (s)", "Limite de temps du solveur (s)"),
    "threads": ("Solver threads", "Threads du solveur"),
    "auto": ("automatic", "automatique"),
    "fingerprint": ("Catalogue fingerprint", "Empreinte du catalogue"),
    "sites": ("Sites", "Sites"),
    "site_id": ("Site id", "Identifiant du site"),
    "name": ("Name", "Nom"),
    "rooms": ("Rooms", "Salles"),
    "angio_vendor": ("Angiography vendor", "Constructeur de l'angiographe"),
    "activity_cag": ("Diagnostic angiographies per year", "Coronarographies par an"),
    "activity_pci": ("PCI per year", "Angioplasties par an"),
    "activity_stemi": ("STEMI primary PCI per year", "Angioplasties primaires (SCA ST+) par an"),
    "volumes": ("Direct volumes (cases per year)", "Volumes directs (cas par an)"),
    "indications": ("Indications", "Indications"),
    "share": ("Share of base activity", "Part de l'activité de référence"),
    "origin": ("Values from", "Origine des valeurs"),
    "from_catalogue": ("catalogue", "catalogue"),
    "from_scenario": ("scenario ({fields})", "scénario ({fields})"),
    "must_include": ("Devices that must be in the plan", "Dispositifs imposés"),
    "exclude": ("Excluded devices", "Dispositifs exclus"),
    # security sheet
    "sec_title": ("Cybersecurity of the equipment in the plan", "Cybersécurité des équipements du plan"),
    "sec_intro": ("Security profile of each device in the plan, from the catalogue and the vendors' disclosures "
                  "(docs/security.md). A value the vendor has not disclosed is shown as 'unknown': it adds no point "
                  "and is counted as not known; its MDS2 questions are listed to ask the vendor. The risk score "
                  "adds transparent points for what is known, from 0 (best) to {max}, published advisories "
                  "included; it ranks disclosed exposure and is not a probability of attack. Operating-system "
                  "support is judged on {date} and flagged when it has ended or ends within {years} years.",
                  "Profil de sécurité de chaque dispositif du plan, d'après le catalogue et les déclarations des "
                  "fabricants (docs/security.md). Une valeur que le fabricant n'a pas communiquée est affichée « "
                  "inconnu » : elle n'ajoute aucun point et compte comme non connue ; ses questions MDS2 sont "
                  "listées pour les poser au fabricant. Le score de risque additionne des points pour ce qui est "
                  "connu, de 0 (le mieux) à {max}, alertes publiées comprises ; il classe l'exposition déclarée, ce "
                  "n'est pas une probabilité d'attaque. Le support du système d'exploitation est évalué au {date} "
                  "et signalé s'il est terminé ou se termine dans moins de {years} ans."),
    "sec_rules": ("Security rules of the scenario", "Règles de sécurité du scénario"),
    "sec_rule_os": ("Exclude devices whose OS support has ended",
                    "Exclure les dispositifs dont l'OS n'est plus supporté"),
    "sec_rule_mds2": ("Require an MDS2 disclosure", "Exiger une déclaration MDS2"),
    "sec_rule_score": ("Maximum risk score", "Score de risque maximal"),
    "sec_rule_segmentation": ("Network segmentation per new connected unit (EUR)",
                              "Segmentation réseau par unité connectée neuve (EUR)"),
    "sec_rule_date": ("Reference date for OS support", "Date de référence du support de l'OS"),
    "sec_profiles": ("Security profile of the devices in the plan", "Profil de sécurité des dispositifs du plan"),
    "sec_units_new": ("Units to buy", "Unités à acheter"),
    "sec_network": ("Network connection", "Connexion réseau"),
    "sec_os": ("Operating system", "Système d'exploitation"),
    "sec_os_eos": ("OS end of support", "Fin de support de l'OS"),
    "sec_os_flag": ("OS support", "Support de l'OS"),
    "sec_mds2": ("MDS2 available", "MDS2 disponible"),
    "sec_sbom": ("SBOM available", "SBOM disponible"),
    "sec_patch": ("Patch policy", "Politique de correctifs"),
    "sec_remote": ("Remote access", "Accès à distance"),
    "sec_encryption": ("Encryption at rest", "Chiffrement au repos"),
    "sec_unknowns": ("Unknown fields (not scored)", "Champs inconnus (non notés)"),
    "sec_known_fields": ("Fields known", "Champs connus"),
    "sec_known_value": ("{known} of {total}", "{known} sur {total}"),
    "sec_advisories": ("Published advisories", "Alertes publiées"),
    "sec_questions": ("MDS2 questions to ask", "Questions MDS2 à poser"),
    "sec_score": ("Risk score (out of {max})", "Score de risque (sur {max})"),
    "sec_source": ("Source of the security information", "Source des informations de sécurité"),
    "sec_excluded": ("Devices excluded by the security rules", "Dispositifs exclus par les règles de sécurité"),
    "sec_reason": ("Reason", "Motif"),
    "sec_no_exclusion": ("(no device excluded)", "(aucun dispositif exclu)"),
    "sec_segmentation": ("Network segmentation of new connected units (included in the capex)",
                         "Segmentation réseau des unités connectées neuves (incluse dans l'investissement)"),
    "sec_segmentation_line": ("Segmentation (EUR)", "Segmentation (EUR)"),
    "sec_no_segmentation": ("(no connected device charged with segmentation)",
                            "(aucun dispositif connecté soumis à la segmentation)"),
    "sec_clauses": ("Clauses to put in the tender (CCTP and CCAP) for every connected or possibly connected device",
                    "Clauses à inscrire dans le marché (CCTP et CCAP) pour tout dispositif connecté ou susceptible "
                    "de l'être"),
    "sec_clause": ("Clause", "Clause"),
    "sec_requirement": ("What the candidate must supply or commit to",
                        "Ce que le candidat doit fournir ou s'engager à faire"),
    "sec_basis": ("Regulatory basis", "Fondement réglementaire"),
    "sec_legend": ("MDR: Regulation (EU) 2017/745 on medical devices. MDCG 2019-16 rev.1: guidance on "
                   "cybersecurity for medical devices. ANSM 2022: recommendations on the cybersecurity of medical "
                   "devices that include software. CaRE: French programme for the cybersecurity of healthcare "
                   "establishments (2023-2027).",
                   "MDR : règlement (UE) 2017/745 relatif aux dispositifs médicaux. MDCG 2019-16 rév.1 : guide sur "
                   "la cybersécurité des dispositifs médicaux. ANSM 2022 : recommandations sur la cybersécurité "
                   "des dispositifs médicaux intégrant du logiciel. CaRE : programme Cybersécurité accélération "
                   "et Résilience des Établissements (2023-2027)."),
    "sec_checklist": ("Checklist per connected device to buy",
                      "Liste de contrôle par dispositif connecté à acheter"),
    "sec_known": ("In the catalogue today", "Dans le catalogue aujourd'hui"),
    "sec_status": ("To do", "À faire"),
    "sec_answer": ("Vendor answer (to fill in)", "Réponse du fournisseur (à compléter)"),
    "sec_to_obtain": ("unknown: obtain it", "inconnu : à obtenir"),
    "sec_to_negotiate": ("unfavourable: negotiate", "défavorable : à négocier"),
    "sec_to_verify": ("disclosed: check the proof", "déclaré : à vérifier"),
    "sec_not_recorded": ("not recorded", "non renseigné"),
    "sec_no_checklist": ("(no connected device to buy)", "(aucun dispositif connecté à acheter)"),
    # values
    "optimal": ("optimal", "optimale"),
    "feasible": ("feasible (not proven optimal)", "réalisable (optimalité non prouvée)"),
    "infeasible": ("infeasible", "infaisable"),
    "time_limit_no_solution": ("time limit reached without a solution",
                               "limite de temps atteinte sans solution"),
    "solver_error": ("solver error", "erreur du solveur"),
    "max_benefit": ("maximise the weighted events avoided within the budgets",
                    "maximiser les événements pondérés évités dans les budgets"),
    "min_cost": ("minimise the annualised cost", "minimiser le coût annualisé"),
    "cag": ("diagnostic angiography", "coronarographie"),
    "pci": ("PCI", "angioplastie"),
    "stemi": ("STEMI primary PCI", "angioplastie primaire (SCA ST+)"),
    "cag_non_stemi": ("angiography outside STEMI (chronic and NSTE-ACS)",
                      "coronarographie hors SCA ST+ (chronique et SCA non ST+)"),
    # multi-year sheets, printed outputs, funding and dated prices, functional specifications: planner/report/
    **HORIZON_LABELS, **PRINT_LABELS, **MONEY_LABELS, **SPEC_LABELS,
}

#: Device families: key ``family_<slug>``; unknown families show their slug.
FAMILIES: dict[str, tuple[str, str]] = {
    "physiology": ("Coronary physiology", "Physiologie coronaire"),
    "microcirculation": ("Microcirculation", "Microcirculation"),
    "angio_ffr": ("Angiography-derived FFR", "FFR dérivée de l'angiographie"),
    "ivus": ("IVUS", "IVUS"),
    "oct": ("OCT", "OCT"),
    "rotational_atherectomy": ("Rotational atherectomy", "Athérectomie rotationnelle"),
    "orbital_atherectomy": ("Orbital atherectomy", "Athérectomie orbitale"),
    "ivl": ("Intravascular lithotripsy", "Lithotritie intravasculaire"),
    "excimer_laser": ("Excimer laser", "Laser excimer"),
    "iabp": ("Intra-aortic balloon pump", "Ballon de contre-pulsion intra-aortique"),
    "impella": ("Impella", "Impella"),
    "ecmo": ("ECMO", "ECMO"),
    "act": ("ACT monitoring", "Mesure de l'ACT"),
    "calcium_balloon": ("Balloon-based calcium preparation", "Préparation des calcifications par ballon"),
}


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if supported, else raise ``ValueError``.

    >>> check_lang("fr")
    'fr'
    """
    if lang not in LANGS:
        msg = f"unsupported language {lang!r} (supported: {', '.join(LANGS)})"
        raise ValueError(msg)
    return lang  # type: ignore[return-value]


def t(key: str, lang: str, **values: object) -> str:
    """Label of ``key`` in ``lang`` ("fr" or "en"), with ``{placeholders}`` filled from ``values``.

    >>> t("room_n", "fr", n=2)
    'Salle 2'
    >>> t("total", "en")
    'Total'
    """
    english, french = LABELS[key]
    text = french if check_lang(lang) == "fr" else english
    return text.format(**values) if values else text


def family_label(family: str, lang: str) -> str:
    """Display name of a device family; the slug itself when the family is not known.

    >>> family_label("ivl", "en")
    'Intravascular lithotripsy'
    >>> family_label("new_family", "fr")
    'new_family'
    """
    pair = FAMILIES.get(family)
    if pair is None:
        check_lang(lang)
        return family
    return pair[1] if check_lang(lang) == "fr" else pair[0]

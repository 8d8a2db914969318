"""French and English labels of the planner's reports (the Excel workbook).

A small pure-Python dictionary: :func:`t` returns the label of a key in a language. The Streamlit app keeps
its own UI labels in ``ui/i18n.py``; this one is for documents the planner produces.
"""

from __future__ import annotations

from typing import Literal

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
    "benefit": ("Clinical benefit (weighted cases per year)", "Bénéfice clinique (cas pondérés par an)"),
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
    "weight": ("Weight", "Poids"),
    "floor_met": ("Minimum met", "Minimum atteint"),
    "served_by": ("Served by (cases per year)", "Pris en charge par (cas par an)"),
    "effectiveness": ("Effectiveness", "Efficacité"),
    "benefit_short": ("Benefit (weighted cases)", "Bénéfice (cas pondérés)"),
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
    # values
    "optimal": ("optimal", "optimale"),
    "feasible": ("feasible (not proven optimal)", "réalisable (optimalité non prouvée)"),
    "infeasible": ("infeasible", "infaisable"),
    "time_limit_no_solution": ("time limit reached without a solution",
                               "limite de temps atteinte sans solution"),
    "solver_error": ("solver error", "erreur du solveur"),
    "max_benefit": ("maximise the clinical benefit within the budgets",
                    "maximiser le bénéfice clinique dans les budgets"),
    "min_cost": ("minimise the annualised cost", "minimiser le coût annualisé"),
    "cag": ("diagnostic angiography", "coronarographie"),
    "pci": ("PCI", "angioplastie"),
    "stemi": ("STEMI primary PCI", "angioplastie primaire (SCA ST+)"),
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

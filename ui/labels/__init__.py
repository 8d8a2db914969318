"""Every label of the app in French and English: ``LABELS[key] = {"fr": ..., "en": ...}``.

Keys are grouped by page (``sc.``, ``needs.``, ``cat.``, ``plan.``, ``about.``) and by option family
(``family.``, ``activity.``, ``status.``, ``col.`` for table headers and field names). A test checks that
every key has both languages and that every ``t("...")`` key used in the code exists.
"""

from __future__ import annotations

from ui.labels.clinical import CLINICAL_LABELS
from ui.labels.decision import DECISION_LABELS
from ui.labels.horizon import HORIZON_LABELS
from ui.labels.inputs import INPUT_LABELS
from ui.labels.mds2 import MDS2_LABELS
from ui.labels.money import MONEY_LABELS
from ui.labels.network import NETWORK_LABELS
from ui.labels.print import PRINT_LABELS
from ui.labels.robust import ROBUST_LABELS
from ui.labels.sae import SAE_LABELS
from ui.labels.security import SECURITY_LABELS
from ui.labels.specs import SPECS_LABELS
from ui.labels.store import STORE_LABELS

_MODEL_FR = """
**Ce que fait l'outil.** Pour chaque site, il choisit les équipements d'appoint des salles de
coronarographie (physiologie, imagerie endocoronaire, modification de plaque, assistance circulatoire,
mesure de l'ACT…) et le nombre d'unités à acheter, puis répartit les cas de chaque indication entre les
équipements présents.

- **Demande** : pour chaque indication, part de l'activité du site (coronarographies, angioplasties, SCA ST+)
  ou volume saisi directement (page *Besoins cliniques*).
- **Valeur** : *événements pondérés évités par an*. Pour chaque cas traité, les événements (décès,
  infarctus, saignement…) que la stratégie évite d'après les essais publiés, chacun multiplié par son poids de
  gravité (décès = 1, les événements ajoutés comptent contre), puis par le multiplicateur de l'indication
  (1 par défaut). Les équipements requis par la pratique (ACT) sont servis en entier, hors de la valeur ; un
  site sans le rôle qu'exige une indication (centre de choc, chirurgie cardiaque…) adresse ses patients.
- **Règles** : capacité annuelle de chaque unité ; couverture minimale par indication ; équipement « par salle »
  utilisable seulement si chaque salle en a un ; équipements requis (ex. console de pression pour l'IMR) ;
  compatibilité avec le constructeur de l'angiographe ; équipements imposés ou exclus ; équipements déjà installés.
- **Coûts** : investissement (achat des unités neuves), maintenance annuelle des unités installées et neuves,
  consommables par cas ; coût annualisé = investissement / durée de vie + maintenance + consommables.
- **Budgets** : plafond d'investissement et plafond de fonctionnement annuel (maintenance + consommables).
- **Objectif** : *maximiser les événements pondérés évités* sous budgets, puis, à valeur égale, minimiser le
  coût annualisé ; ou *minimiser le coût* en respectant les couvertures minimales.
- **Plan pluriannuel** (section *Horizon* de la page Scénario) : sur plusieurs années, l'outil dit quoi acquérir
  chaque année et comment (achat, mise à disposition, location), remplace ou retire les équipements installés
  en fin de vie, respecte une enveloppe d'investissement par année (avec ou sans report des crédits) et
  départage les plans par le coût total de possession actualisé (VAN, nette de la valeur résiduelle).

Le modèle est un programme linéaire en nombres entiers (PuLP + HiGHS ou CBC). Quand aucun plan ne respecte
toutes les règles, l'outil le dit en mots simples et indique quelle règle lever.
"""

_MODEL_EN = """
**What the tool does.** For each site it chooses the adjunct equipment of the coronary cath rooms
(physiology, intravascular imaging, plaque modification, circulatory support, ACT monitoring…) and how many
units to buy, then allocates each indication's cases to the devices present.

- **Demand**: for each indication, a share of the site's activity (angiographies, PCI, STEMI) or a volume
  entered directly (*Clinical needs* page).
- **Value**: *weighted events avoided per year*. For each case served, the events (death, myocardial
  infarction, bleeding…) the strategy avoids according to the published trials, each multiplied by its severity
  weight (death = 1, events added count against), then by the indication's multiplier (1 by default).
  Equipment required by practice (ACT) is served in full, outside the value; a site without the role an
  indication needs (shock centre, cardiac surgery…) refers its patients.
- **Rules**: yearly capacity of each unit; minimum coverage per indication; a "per room" device can be used
  only if every room has one; required devices (e.g. a pressure console for IMR); compatibility with the
  angiography vendor; must-include and excluded devices; equipment already installed.
- **Costs**: capital (new units), yearly maintenance of installed and new units, consumables per case;
  annualised cost = capex / lifetime + maintenance + consumables.
- **Budgets**: a capital limit and a yearly operating limit (maintenance + consumables).
- **Objective**: *maximise the weighted events avoided* within the budgets, then, for the same value, minimise the
  annualised cost; or *minimise the cost* while meeting the minimum coverages.
- **Multi-year plan** (*Horizon* section of the Scenario page): over several years the tool says what to
  acquire in which year and how (purchase, placement, lease), replaces or drops the installed units reaching
  the end of their life, keeps within a capital envelope per year (with or without carry-over) and breaks ties
  on the discounted total cost of ownership (NPV, net of the residual value).

The model is a mixed-integer linear programme (PuLP + HiGHS or CBC). When no plan meets every rule, the
tool says so in plain words and names the rule to relax.
"""

LABELS: dict[str, dict[str, str]] = {
    # navigation and sidebar
    "nav.scenario": {"fr": "Scénario", "en": "Scenario"},
    "nav.needs": {"fr": "Besoins cliniques", "en": "Clinical needs"},
    "nav.catalog": {"fr": "Catalogue", "en": "Catalogue"},
    "nav.plan": {"fr": "Plan", "en": "Plan"},
    "nav.about": {"fr": "À propos / données", "en": "About / data"},
    "side.scenario": {"fr": "Scénario : {name}", "en": "Scenario: {name}"},
    "side.no_plan": {"fr": "Pas encore de plan : page Plan, bouton Optimiser.",
                     "en": "No plan yet: Plan page, Optimise button."},
    "side.stale": {"fr": "Entrées modifiées : plan à recalculer.", "en": "Inputs changed: plan out of date."},
    "side.fresh": {"fr": "Plan à jour ({status})", "en": "Plan up to date ({status})"},
    "yes": {"fr": "oui", "en": "yes"},
    "ui.all": {"fr": "Toutes", "en": "All"},
    "ui.none": {"fr": "Aucun", "en": "None"},
    "ui.cancel": {"fr": "Annuler", "en": "Cancel"},
    "no": {"fr": "non", "en": "no"},
    "form.source": {"fr": "formulaire", "en": "form"},
    "form.line": {"fr": "ligne {line}", "en": "line {line}"},
    "form.rejected": {"fr": "Entrée refusée, le scénario précédent est conservé :",
                      "en": "Input rejected, the previous scenario is kept:"},
    # scenario page
    "sc.title": {"fr": "Scénario", "en": "Scenario"},
    "sc.intro": {"fr": "Sites, salles, angiographes, activité, équipements installés, budgets, objectif et horizon "
                       "(plan pluriannuel).",
                 "en": "Sites, rooms, angiography systems, activity, installed equipment, budgets, objective and "
                       "horizon (multi-year plan)."},
    "sc.example": {"fr": "Exemple fourni", "en": "Bundled example"},
    "sc.load": {"fr": "Charger l'exemple", "en": "Load example"},
    "sc.upload": {"fr": "Importer un scénario (YAML ou Excel)", "en": "Upload a scenario (YAML or Excel)"},
    "sc.download": {"fr": "Télécharger (YAML)", "en": "Download (YAML)"},
    "sc.upload_rejected": {"fr": "Fichier {name} refusé, le scénario actuel est conservé :",
                           "en": "File {name} rejected, the current scenario is kept:"},
    "sc.not_text": {"fr": "le fichier n'est pas un texte UTF-8", "en": "the file is not UTF-8 text"},
    "sc.name": {"fr": "Nom du scénario", "en": "Scenario name"},
    "sc.objective": {"fr": "Objectif", "en": "Objective"},
    "sc.capex": {"fr": "Budget d'investissement (€)", "en": "Capital budget (€)"},
    "sc.opex": {"fr": "Budget de fonctionnement (€/an)", "en": "Operating budget (€/year)"},
    "sc.unlimited_help": {"fr": "Laisser vide pour ne pas plafonner.", "en": "Leave blank for no limit."},
    "sc.solver": {"fr": "Options du solveur", "en": "Solver options"},
    "sc.solver_name": {"fr": "Solveur", "en": "Solver"},
    "sc.time_limit": {"fr": "Temps maximal (s)", "en": "Time limit (s)"},
    "sc.sites": {"fr": "Sites", "en": "Sites"},
    "sc.site": {"fr": "Site {n}", "en": "Site {n}"},
    "sc.site_id": {"fr": "Identifiant", "en": "Id"},
    "sc.site_id_help": {"fr": "Minuscules, chiffres et _ (ex. site_nord).",
                        "en": "Lowercase letters, digits and _ (e.g. north_site)."},
    "sc.site_name": {"fr": "Nom", "en": "Name"},
    "sc.rooms": {"fr": "Salles", "en": "Rooms"},
    "sc.vendor": {"fr": "Angiographe", "en": "Angiography system"},
    "sc.activity_help": {"fr": "Nombre de cas par an.", "en": "Cases per year."},
    "sc.installed": {"fr": "Équipements déjà installés", "en": "Equipment already installed"},
    "sc.installed_help": {"fr": "Ils ne coûtent que leur maintenance.", "en": "They cost only their maintenance."},
    "sc.units": {"fr": "Unités : {name}", "en": "Units: {name}"},
    "sc.add_site": {"fr": "Ajouter un site", "en": "Add a site"},
    "sc.remove_site": {"fr": "Retirer", "en": "Remove"},
    "objective.max_benefit": {"fr": "Maximiser les événements pondérés évités (sous budgets)",
                              "en": "Maximise the weighted events avoided (within budgets)"},
    "objective.min_cost": {"fr": "Minimiser le coût (couvertures minimales respectées)",
                           "en": "Minimise cost (minimum coverages met)"},
    "activity.cag": {"fr": "Coronarographies", "en": "Coronary angiographies"},
    "activity.pci": {"fr": "Angioplasties (ATL)", "en": "PCI"},
    "activity.stemi": {"fr": "SCA ST+ (STEMI)", "en": "STEMI"},
    "activity.cag_non_stemi": {"fr": "Coronarographies hors SCA ST+", "en": "Angiographies outside STEMI"},
    "example.general_hospital": {"fr": "Centre hospitalier (1 site, 2 salles)",
                                 "en": "General hospital (1 site, 2 rooms)"},
    "example.ght_network": {"fr": "GHT en réseau (CHU + 3 CH, recours)", "en": "Hospital group network (hub + 3 "
                                                                            "spokes, referrals)"},
    "example.university_hospital": {"fr": "CHU (2 sites, 5 salles)", "en": "University hospital (2 sites, 5 rooms)"},
    "example.university_hospital_ppi_2027_2031": {"fr": "CHU, plan pluriannuel 2027-2031",
                                                  "en": "University hospital, 2027-2031 multi-year plan"},
    # clinical needs page
    "needs.title": {"fr": "Besoins cliniques", "en": "Clinical needs"},
    "needs.intro": {"fr": "Pour chaque indication : demande annuelle, multiplicateur, couverture minimale et "
                          "équipement requis ; à droite, la classe et le niveau de preuve ESC de chaque "
                          "équipement, sa stratégie, ses preuves et sa valeur pour 100 cas. En bas, les poids "
                          "de gravité des événements.",
                    "en": "For each indication: yearly demand, multiplier, minimum coverage and required "
                          "equipment; on the right, each device's ESC class and level of evidence, its strategy, "
                          "its evidence and its value per 100 cases. Below, the severity weights of the "
                          "outcomes."},
        "needs.floor": {"fr": "Couverture minimale", "en": "Minimum coverage"},
    "needs.floor_help": {"fr": "Part de la demande qui doit être traitée par un équipement adapté.",
                         "en": "Share of the demand that must be served by a suitable device."},
    "needs.demand": {"fr": "Demande (cas/an)", "en": "Demand (cases/year)"},
    "needs.demand_at": {"fr": "Demande, {site} (cas/an)", "en": "Demand, {site} (cases/year)"},
    "needs.derived": {"fr": "Calculée : {share} × {activity} = {value}",
                      "en": "Derived: {share} × {activity} = {value}"},
    "needs.overridden": {"fr": "Volume saisi (calculé : {value})", "en": "Volume entered (derived: {value})"},
    "needs.reset": {"fr": "Revenir aux demandes calculées", "en": "Back to derived demands"},
    # catalogue page
    "cat.title": {"fr": "Catalogue", "en": "Catalogue"},
    "cat.intro": {"fr": "Équipements, prix, sources et estimations. Les prix modifiés dans le tableau sont des "
                        "prix locaux du scénario ; le catalogue de référence n'est pas modifié.",
                  "en": "Devices, prices, sources and estimates. Prices edited in the table are local prices of "
                        "the scenario; the reference catalogue is not changed."},
    "cat.family": {"fr": "Familles", "en": "Families"},
    "cat.vendor": {"fr": "Fabricants", "en": "Vendors"},
    "cat.estimates_only": {"fr": "Estimations seulement", "en": "Estimates only"},
    "cat.count": {"fr": "{n} équipements affichés sur {total} ; {local} avec prix locaux.",
                  "en": "{n} of {total} devices shown; {local} with local prices."},
    "cat.reset_prices": {"fr": "Revenir aux prix du catalogue", "en": "Back to catalogue prices"},
    "cat.must_include": {"fr": "Équipements imposés", "en": "Must-include devices"},
    "cat.must_include_help": {"fr": "Le plan les utilisera sur au moins un site.",
                              "en": "The plan will use them at one site at least."},
    "cat.exclude": {"fr": "Équipements exclus", "en": "Excluded devices"},
    "cat.exclude_help": {"fr": "Le plan n'en achètera pas.", "en": "The plan will not buy them."},
    # plan page
    "plan.title": {"fr": "Plan d'équipement", "en": "Equipment plan"},
    "plan.intro": {"fr": "Optimise le scénario courant (pages Scénario, Besoins cliniques et Catalogue).",
                   "en": "Optimises the current scenario (Scenario, Clinical needs and Catalogue pages)."},
    "plan.optimise": {"fr": "Optimiser", "en": "Optimise"},
    "plan.solving": {"fr": "Optimisation en cours…", "en": "Optimising…"},
    "plan.none": {"fr": "Cliquez sur « Optimiser » pour calculer le plan.",
                  "en": "Click “Optimise” to compute the plan."},
    "plan.stale": {"fr": "Les entrées ont changé depuis ce plan : cliquez sur « Optimiser » pour le mettre à jour.",
                   "en": "The inputs changed since this plan: click “Optimise” to update it."},
    "plan.input_error": {"fr": "Le scénario contient des erreurs :", "en": "The scenario has errors:"},
    "plan.status": {"fr": "Statut : {status}", "en": "Status: {status}"},
    "plan.gap": {"fr": "écart {gap}", "en": "gap {gap}"},
    "plan.why.infeasible": {"fr": "Aucun plan ne respecte toutes les règles. Pourquoi :",
                            "en": "No plan meets every rule. Why:"},
    "plan.why.time_limit_no_solution": {"fr": "Le temps maximal est écoulé avant de trouver un plan. "
                                              "Augmentez-le (page Scénario, options du solveur).",
                                        "en": "The time limit ran out before a plan was found. Raise it "
                                              "(Scenario page, solver options)."},
    "plan.why.solver_error": {"fr": "Le solveur a échoué.", "en": "The solver failed."},
    "plan.no_diagnosis": {"fr": "pas de diagnostic disponible", "en": "no diagnosis available"},
    "plan.benefit": {"fr": "Événements pondérés évités par an", "en": "Weighted events avoided per year"},
    "plan.capex": {"fr": "Investissement", "en": "Capital cost"},
    "plan.opex": {"fr": "Fonctionnement / an", "en": "Operating cost / year"},
    "plan.opex_help": {"fr": "Maintenance + consommables.", "en": "Maintenance + consumables."},
    "plan.annualised": {"fr": "Coût annualisé / an", "en": "Annualised cost / year"},
    "plan.annualised_help": {"fr": "Investissement / durée de vie + fonctionnement.",
                             "en": "Capital / lifetime + operating cost."},
    "plan.rooms": {"fr": "Configuration type, salle par salle", "en": "Standard configuration, room by room"},
    "plan.room": {"fr": "Salle {room}", "en": "Room {room}"},
    "plan.shared": {"fr": "Équipements partagés (mobiles)", "en": "Shared (mobile) equipment"},
    "plan.no_device": {"fr": "aucun équipement dédié", "en": "no dedicated equipment"},
    "plan.acquisitions": {"fr": "Acquisitions", "en": "Acquisitions"},
    "plan.coverage": {"fr": "Couverture par indication", "en": "Coverage per indication"},
    "plan.coverage_table": {"fr": "Tableau de couverture", "en": "Coverage table"},
    "plan.costs": {"fr": "Coût annualisé par famille", "en": "Annualised cost by family"},
    "plan.budgets": {"fr": "Budgets", "en": "Budgets"},
    "plan.download": {"fr": "Télécharger le plan (JSON)", "en": "Download the plan (JSON)"},
    "plan.solver_info": {"fr": "Solveur {solver}, {time} s ; catalogue {fingerprint}.",
                         "en": "Solver {solver}, {time} s; catalogue {fingerprint}."},
    "budget.capex": {"fr": "Investissement", "en": "Capital"},
    "budget.opex_per_year": {"fr": "Fonctionnement / an", "en": "Operating / year"},
    "budget.used": {"fr": "Utilisé", "en": "Used"},
    "budget.limit": {"fr": "Plafond", "en": "Limit"},
    "budget.unlimited": {"fr": "illimité", "en": "unlimited"},
    "cost.annualised_capex": {"fr": "Investissement annualisé", "en": "Annualised capital"},
    "cost.maintenance": {"fr": "Maintenance", "en": "Maintenance"},
    "cost.consumables": {"fr": "Consommables", "en": "Consumables"},
    "chart.cases": {"fr": "Cas par an", "en": "Cases per year"},
    "chart.demand": {"fr": "Demande", "en": "Demand"},
    "chart.eur_per_year": {"fr": "€ par an", "en": "€ per year"},
    "chart.eur": {"fr": "€", "en": "€"},
    # about page
    "about.title": {"fr": "À propos et données", "en": "About and data"},
    "about.model": {"fr": _MODEL_FR, "en": _MODEL_EN},
    "about.sources": {"fr": "Sources du catalogue", "en": "Catalogue sources"},
    "about.sources_intro": {
        "fr": "{devices} équipements (dont {estimates} avec des valeurs estimées, marquées EST dans les sources), "
              "{indications} indications, {pairs} couples équipement × indication avec leur classe de "
              "recommandation. Détails dans `catalog/README.md`.",
        "en": "{devices} devices ({estimates} with estimated values, marked EST in the sources), {indications} "
              "indications, {pairs} device × indication pairs with their guideline class. Details in "
              "`catalog/README.md`."},
    "about.device_sources": {"fr": "Sources des prix des équipements", "en": "Sources of device prices"},
    "about.version": {"fr": "Version", "en": "Version"},
    "about.versions": {"fr": "cathlab-planner {version} · catalogue `{fingerprint}` · Streamlit {streamlit}",
                       "en": "cathlab-planner {version} · catalogue `{fingerprint}` · Streamlit {streamlit}"},
    # device families
    "family.physiology": {"fr": "Physiologie (FFR/iFR)", "en": "Pressure-wire physiology (FFR/iFR)"},
    "family.microcirculation": {"fr": "Microcirculation (IMR/CFR)", "en": "Microvascular function (IMR/CFR)"},
    "family.angio_ffr": {"fr": "FFR angiographique", "en": "Angiography-derived FFR"},
    "family.ivus": {"fr": "Échographie endocoronaire (IVUS)", "en": "Intravascular ultrasound (IVUS)"},
    "family.oct": {"fr": "Tomographie par cohérence optique (OCT)", "en": "Optical coherence tomography (OCT)"},
    "family.rotational_atherectomy": {"fr": "Athérectomie rotative", "en": "Rotational atherectomy"},
    "family.orbital_atherectomy": {"fr": "Athérectomie orbitale", "en": "Orbital atherectomy"},
    "family.ivl": {"fr": "Lithotritie intravasculaire (IVL)", "en": "Intravascular lithotripsy (IVL)"},
    "family.excimer_laser": {"fr": "Laser excimer", "en": "Excimer laser"},
    "family.iabp": {"fr": "Ballon de contre-pulsion (BCPIA)", "en": "Intra-aortic balloon pump (IABP)"},
    "family.impella": {"fr": "Assistance Impella", "en": "Impella support"},
    "family.ecmo": {"fr": "ECMO", "en": "ECMO"},
    "family.act": {"fr": "Mesure de l'ACT", "en": "ACT monitoring"},
    "family.calcium_balloon": {"fr": "Préparation par ballon (NC, à lames, très haute pression)",
                               "en": "Balloon calcium preparation (NC, cutting/scoring, super-high-pressure)"},
    "class.none": {"fr": "aucune", "en": "none"},
    "deploy.per_room": {"fr": "par salle", "en": "per room"},
    "deploy.shared": {"fr": "partagé", "en": "shared"},
    # table headers and field names (issues name the field)
    "col.name": {"fr": "Nom", "en": "Name"},
    "col.id": {"fr": "Identifiant", "en": "Id"},
    "col.family": {"fr": "Famille", "en": "Family"},
    "col.vendor": {"fr": "Fabricant", "en": "Vendor"},
    "col.capex_eur": {"fr": "Prix d'achat (€)", "en": "Unit price (€)"},
    "col.maintenance_eur_per_year": {"fr": "Maintenance (€/an)", "en": "Maintenance (€/year)"},
    "col.consumable_eur_per_case": {"fr": "Consommable (€/cas)", "en": "Consumable (€/case)"},
    "col.lifetime_years": {"fr": "Durée de vie (ans)", "en": "Lifetime (years)"},
    "col.capacity_cases_per_year": {"fr": "Capacité (cas/an)", "en": "Capacity (cases/year)"},
    "col.local": {"fr": "Prix local", "en": "Local price"},
    "col.estimate": {"fr": "Estimation", "en": "Estimate"},
    "col.deployment": {"fr": "Déploiement", "en": "Deployment"},
    "col.price_date": {"fr": "Date du prix", "en": "Price date"},
    "col.source": {"fr": "Source", "en": "Source"},
    "col.notes": {"fr": "Notes", "en": "Notes"},
    "col.device": {"fr": "Équipement", "en": "Device"},
    "col.device_id": {"fr": "Équipement", "en": "Device"},
    "col.indication_id": {"fr": "Indication", "en": "Indication"},
    "col.guideline_class": {"fr": "Classe ESC", "en": "ESC class"},
    "col.effectiveness": {"fr": "Efficacité", "en": "Effectiveness"},
    "col.site": {"fr": "Site", "en": "Site"},
    "col.new": {"fr": "À acheter", "en": "To buy"},
    "col.installed": {"fr": "Installés", "en": "Installed"},
    "col.in_use": {"fr": "Utilisé", "en": "In use"},
    "col.unit_capex": {"fr": "Prix unitaire", "en": "Unit price"},
    "col.capex": {"fr": "Investissement", "en": "Capital"},
    "col.indication": {"fr": "Indication", "en": "Indication"},
    "col.base": {"fr": "Activité de référence", "en": "Base activity"},
    "col.demand": {"fr": "Demande (cas/an)", "en": "Demand (cases/year)"},
    "col.served": {"fr": "Traités (cas/an)", "en": "Served (cases/year)"},
    "col.share": {"fr": "Part", "en": "Share"},
    "col.floor": {"fr": "Couverture min.", "en": "Min. coverage"},
    "col.min_coverage": {"fr": "Couverture min.", "en": "Min. coverage"},
    "col.weight": {"fr": "Multiplicateur", "en": "Multiplier"},
    "col.budget": {"fr": "Budget", "en": "Budget"},
    "col.limit": {"fr": "Plafond", "en": "Limit"},
    "col.used": {"fr": "Utilisé", "en": "Used"},
    "col.binding": {"fr": "Saturé", "en": "Binding"},
    "col.rooms": {"fr": "Salles", "en": "Rooms"},
    "col.angio_vendor": {"fr": "Angiographe", "en": "Angiography system"},
    "col.time_limit_s": {"fr": "Temps maximal (s)", "en": "Time limit (s)"},
    "col.opex_eur_per_year": {"fr": "Budget de fonctionnement", "en": "Operating budget"},
}
LABELS.update(DECISION_LABELS)
LABELS.update(SECURITY_LABELS)
LABELS.update(INPUT_LABELS)
LABELS.update(MDS2_LABELS)
LABELS.update(HORIZON_LABELS)
LABELS.update(SAE_LABELS)
LABELS.update(CLINICAL_LABELS)
LABELS.update(STORE_LABELS)
LABELS.update(ROBUST_LABELS)
LABELS.update(NETWORK_LABELS)
LABELS.update(PRINT_LABELS)
LABELS.update(MONEY_LABELS)
LABELS.update(SPECS_LABELS)

"""The app's labels that are built at import time (the About page's model text):
``LABELS[key] = {"fr": ..., "en": ...}``.

Every other label of the app is a code of the message catalogue (``planner/messages/ui_*.toml``, one line per
label, both languages), read by :class:`ui.i18n.Translator` through the same lookup. A test checks that every
``t("...")`` key used in the code exists.
"""

from __future__ import annotations

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
    "about.model": {"fr": _MODEL_FR, "en": _MODEL_EN},
}

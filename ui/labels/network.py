"""French and English labels of the network section of the Plan page (issue 15). Merged into
:data:`ui.labels.LABELS`."""

from __future__ import annotations

NETWORK_LABELS: dict[str, dict[str, str]] = {
    "netw.title": {"fr": "Réseau", "en": "Network"},
    "netw.intro": {"fr": "Les sites du groupe et les patients adressés de l'un à l'autre en {year} (épaisseur : cas "
                        "par an).",
                  "en": "The sites of the group and the patients referred from one to another in {year} (width: "
                        "cases a year)."},
    "netw.hover": {"fr": "{source} → {target}<br>{indication}<br>{cases} cas/an · {minutes} min",
                  "en": "{source} → {target}<br>{indication}<br>{cases} cases/year · {minutes} min"},
    "netw.no_role": {"fr": "sans rôle particulier", "en": "no special role"},
    "netw.sites": {"fr": "Par site : ce qu'il traite, adresse et reçoit",
                  "en": "Per site: what it serves, refers and receives"},
    "netw.what_if": {"fr": "Et si ce site devenait centre de choc ?", "en": "What if this site became a shock centre?"},
    "netw.what_if_site": {"fr": "Site", "en": "Site"},
    "netw.what_if_run": {"fr": "Comparer", "en": "Compare"},
    "netw.what_if_solving": {"fr": "Optimisation du scénario modifié…", "en": "Optimising the changed scenario…"},
    "netw.current": {"fr": "Plan actuel", "en": "Current plan"},
    "netw.as_shock_centre": {"fr": "{site} centre de choc", "en": "{site} as shock centre"},
    "netw.all_shock_centres": {"fr": "Tous les sites sont déjà centres de choc.",
                              "en": "Every site is a shock centre already."},
    "col.own": {"fr": "Traités sur place (cas/an)", "en": "Served on site (cases/year)"},
    "col.refers": {"fr": "Adressés (cas/an)", "en": "Referred (cases/year)"},
    "col.refers_to": {"fr": "Adressés à", "en": "Referred to"},
    "col.receives": {"fr": "Reçus (cas/an)", "en": "Received (cases/year)"},
    "col.receives_from": {"fr": "Reçus de", "en": "Received from"},
    "col.no_receiver": {"fr": "Sans receveur (cas/an)", "en": "Without a receiver (cases/year)"},
}

"""French and English labels of the Scenarios page (the scenario store), the login form and the sidebar's
saved-version line. Merged into :data:`ui.labels.LABELS`; same rules (both languages, ``str.format`` fields).
"""

from __future__ import annotations

STORE_LABELS: dict[str, dict[str, str]] = {
    "nav.scenarios": {"fr": "Scénarios enregistrés", "en": "Saved scenarios"},
    "store.title": {"fr": "Scénarios enregistrés", "en": "Saved scenarios"},
    "store.where": {"fr": "Base : {url} — vous êtes {who} ({roles}).",
                    "en": "Store: {url} — you are {who} ({roles})."},
    "store.unavailable": {"fr": "Base de scénarios indisponible : {error}",
                          "en": "Scenario store unavailable: {error}"},
    "store.current": {"fr": "Ouvert : {name}, version {version}", "en": "Open: {name}, version {version}"},
    "store.current_none": {"fr": "Scénario pas encore enregistré.", "en": "Scenario not saved yet."},
    "store.unsaved": {"fr": "Modifications non enregistrées", "en": "Unsaved changes"},
    "store.unsaved_warning": {
        "fr": "Le scénario en cours a des modifications non enregistrées : ouvrir une autre version les perdra.",
        "en": "The current scenario has unsaved changes: opening another version will lose them."},
    "store.save": {"fr": "Enregistrer une nouvelle version", "en": "Save as a new version"},
    "store.name": {"fr": "Nom dans la base", "en": "Name in the store"},
    "store.comment": {"fr": "Commentaire", "en": "Comment"},
    "store.save_button": {"fr": "Enregistrer", "en": "Save"},
    "store.saved": {"fr": "{name} enregistré : version {version}.", "en": "{name} saved: version {version}."},
    "store.conflict": {
        "fr": "Conflit de version : vous êtes parti de la version {expected} de {name}, mais {author} a enregistré "
              "la version {latest} entre-temps ({at}). Rien n'a été enregistré. Voyez les différences, puis "
              "fusionnez vos modifications ou rechargez la version {latest}.",
        "en": "Version conflict: you started from version {expected} of {name}, but {author} saved version "
              "{latest} in the meantime ({at}). Nothing was saved. See the differences, then merge your changes "
              "or reload version {latest}."},
    "store.exists": {
        "fr": "Un scénario nommé {name} existe déjà (version {latest}, par {author}) : ouvrez-le d'abord, ou "
              "choisissez un autre nom. Rien n'a été enregistré.",
        "en": "A scenario named {name} already exists (version {latest}, by {author}): open it first, or choose "
              "another name. Nothing was saved."},
    "store.their_changes": {"fr": "Ce qui a changé dans la version {latest}",
                            "en": "What changed in version {latest}"},
    "store.merge": {"fr": "Fusionner mes modifications dans la version {latest}",
                    "en": "Merge my changes into version {latest}"},
    "store.reload": {"fr": "Recharger la version {latest} (perdre mes modifications)",
                     "en": "Reload version {latest} (lose my changes)"},
    "store.merged": {"fr": "Modifications fusionnées dans la version {latest} : vérifiez puis enregistrez.",
                     "en": "Changes merged into version {latest}: check, then save."},
    "store.merge_conflicts": {"fr": "Fusion impossible, réglages modifiés des deux côtés : {paths}",
                              "en": "Cannot merge, settings changed on both sides: {paths}"},
    "store.refused": {"fr": "Refusé : {error}", "en": "Refused: {error}"},
    "store.open": {"fr": "Ouvrir", "en": "Open"},
    "store.pick": {"fr": "Scénario enregistré", "en": "Saved scenario"},
    "store.version": {"fr": "Version", "en": "Version"},
    "store.open_button": {"fr": "Ouvrir cette version", "en": "Open this version"},
    "store.opened": {"fr": "{name} version {version} ouvert.", "en": "{name} version {version} opened."},
    "store.empty": {"fr": "Aucun scénario enregistré pour l'instant.", "en": "No saved scenario yet."},
    "store.history": {"fr": "Historique", "en": "History"},
    "store.compare": {"fr": "Différences entre deux versions", "en": "Differences between two versions"},
    "store.from": {"fr": "De la version", "en": "From version"},
    "store.to": {"fr": "À la version", "en": "To version"},
    "store.no_change": {"fr": "Aucune différence.", "en": "No difference."},
    "store.restore": {"fr": "Restaurer la version {version} comme nouvelle version",
                      "en": "Restore version {version} as the new latest"},
    "store.plan_save": {"fr": "Enregistrer le plan avec la version {version}",
                        "en": "Save the plan with version {version}"},
    "store.plan_saved": {"fr": "Plan enregistré (n° {id}).", "en": "Plan saved (no. {id})."},
    "store.audit": {"fr": "Journal d'audit", "en": "Audit trail"},
    "store.audit_download": {"fr": "Télécharger le journal (Excel)", "en": "Download the audit trail (Excel)"},
    "store.col.version": {"fr": "Version", "en": "Version"},
    "store.col.author": {"fr": "Auteur", "en": "Author"},
    "store.col.at": {"fr": "Date (UTC)", "en": "Time (UTC)"},
    "store.col.comment": {"fr": "Commentaire", "en": "Comment"},
    "store.col.changes": {"fr": "Modifications", "en": "Changes"},
    "store.col.setting": {"fr": "Réglage", "en": "Setting"},
    "store.col.old": {"fr": "Avant", "en": "Before"},
    "store.col.new": {"fr": "Après", "en": "After"},
    "store.login": {"fr": "Connexion", "en": "Log in"},
    "store.login_intro": {"fr": "Des comptes sont définis : connectez-vous.", "en": "Accounts are defined: log in."},
    "store.user": {"fr": "Compte", "en": "Account"},
    "store.password": {"fr": "Mot de passe", "en": "Password"},
    "store.login_button": {"fr": "Se connecter", "en": "Log in"},
    "store.login_failed": {"fr": "Compte inconnu ou mot de passe erroné.", "en": "Unknown account or wrong password."},
    "store.side": {"fr": "Version enregistrée : {name} v{version}", "en": "Saved version: {name} v{version}"},
    "store.side_none": {"fr": "Non enregistré", "en": "Not saved"},
    # Compare page: saved versions and plans as either side
    "cmp.left": {"fr": "Comparer", "en": "Compare"},
    "cmp.source.current": {"fr": "le scénario courant", "en": "the current scenario"},
    "cmp.source.store": {"fr": "une version enregistrée", "en": "a saved version"},
    "cmp.store_unavailable": {
        "fr": "Base de scénarios indisponible ({error}) : les versions enregistrées ne peuvent pas être comparées ; "
              "les exemples et les fichiers importés restent disponibles.",
        "en": "Scenario store unavailable ({error}): saved versions cannot be compared; the examples and uploaded "
              "files remain available."},
    "cmp.store_empty": {"fr": "Aucun scénario enregistré pour l'instant (page Scénarios enregistrés).",
                        "en": "No saved scenario yet (Saved scenarios page)."},
    "cmp.store_scenario": {"fr": "Scénario enregistré", "en": "Saved scenario"},
    "cmp.store_version": {"fr": "Version", "en": "Version"},
    "cmp.store_plan": {"fr": "Plan", "en": "Plan"},
    "cmp.store_solve": {"fr": "optimiser cette version", "en": "optimise this version"},
    "cmp.store_saved_plan": {"fr": "plan n° {id} enregistré par {author} le {at} ({status})",
                             "en": "plan no. {id} saved by {author} on {at} ({status})"},
    "cmp.saved_version": {"fr": "{name} v{version}", "en": "{name} v{version}"},
    "cmp.saved_plan": {"fr": "{name} v{version}, plan n° {id}", "en": "{name} v{version}, plan no. {id}"},
    "cmp.other_catalogue": {
        "fr": "{name} : plan enregistré avec un autre catalogue (empreinte {fingerprint}) que celui utilisé ici.",
        "en": "{name}: plan saved with another catalogue (fingerprint {fingerprint}) than the one in use here."},
    # single sign-on (Streamlit OIDC login, [auth] in secrets.toml)
    "store.sso_button": {"fr": "Se connecter avec {provider}", "en": "Sign in with {provider}"},
    "store.sso_or_password": {"fr": "Ou avec un compte et un mot de passe de la base :",
                              "en": "Or with an account and password of the store:"},
    "store.sso_refused": {"fr": "Connexion refusée : {error}", "en": "Sign-in refused: {error}"},
    "store.sso_logout": {"fr": "Se déconnecter", "en": "Sign out"},
    "store.sso_missing": {
        "fr": "La connexion unique est configurée ([auth]) mais le paquet Authlib manque : "
              "pip install 'cathlab-planner[sso]'.",
        "en": "Single sign-on is configured ([auth]) but the Authlib package is missing: "
              "pip install 'cathlab-planner[sso]'."},
    # Catalogue page: price lists and catalogue extensions as named, versioned items of the store
    "items.title.price_list": {"fr": "**Listes de prix enregistrées** (les prix locaux actuels, en classeur)",
                               "en": "**Saved price lists** (the current local prices, as a workbook)"},
    "items.title.catalog_extension": {"fr": "**Extensions enregistrées** (le fichier d'extension utilisé)",
                                      "en": "**Saved extensions** (the extension file in use)"},
    "items.name": {"fr": "Nom dans la base", "en": "Name in the store"},
    "items.save": {"fr": "Enregistrer dans la base", "en": "Save to the store"},
    "items.saved": {"fr": "{name} enregistré dans la base : version {version}.",
                    "en": "{name} saved to the store: version {version}."},
    "items.conflict": {
        "fr": "Conflit de version : {name} a une version {latest} plus récente que celle que vous avez ouverte. "
              "Rien n'a été enregistré : ouvrez la version {latest}, ou choisissez un autre nom.",
        "en": "Version conflict: {name} has a version {latest} newer than the one you opened. Nothing was saved: "
              "open version {latest}, or choose another name."},
    "items.none": {"fr": "Rien d'enregistré dans la base pour l'instant.", "en": "Nothing saved in the store yet."},
    "items.pick": {"fr": "Ouvrir depuis la base", "en": "Open from the store"},
    "items.open": {"fr": "Ouvrir", "en": "Open"},
    "items.unavailable": {"fr": "Base de scénarios indisponible ({error}) : enregistrer et ouvrir depuis la base "
                                "sont impossibles.",
                          "en": "Scenario store unavailable ({error}): saving to and opening from the store are "
                                "not possible."},
}

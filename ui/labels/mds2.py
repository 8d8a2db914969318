"""French and English labels of the MDS2 workflow in the app: device security card, rule effect, questionnaires
out and answers in (issue 19). Merged into :data:`ui.labels.LABELS`; same rules as the other label files."""

from __future__ import annotations

MDS2_LABELS: dict[str, dict[str, str]] = {
    # catalogue page: the security card of a device
    "card.title": {"fr": "Fiche de sécurité d'un équipement", "en": "Security card of a device"},
    "card.device": {"fr": "Équipement", "en": "Device"},
    "card.score": {"fr": "Score de risque (connu)", "en": "Risk score (known)"},
    "card.score_help": {"fr": "Points de ce qui est connu, de 0 à {max} ; une information inconnue n'ajoute aucun "
                              "point : elle reste une question ouverte.",
                        "en": "Points of what is known, 0 to {max}; unknown information adds no point: it stays an "
                              "open question."},
    "card.known": {"fr": "Champs connus", "en": "Fields known"},
    "card.known_value": {"fr": "{known} sur {total}", "en": "{known} of {total}"},
    "card.advisories": {"fr": "Alertes publiées", "en": "Published advisories"},
    "card.advisory": {"fr": "{issuer} — {reference} ({date}, gravité {severity}, statut {status}) : {summary} "
                            "Source : {source}",
                      "en": "{issuer} — {reference} ({date}, severity {severity}, status {status}): {summary} "
                            "Source: {source}"},
    "card.questions": {"fr": "Questions MDS2 encore ouvertes : {ids}", "en": "MDS2 questions still open: {ids}"},
    "card.no_questions": {"fr": "Tous les champs notés sont connus.", "en": "Every scored field is known."},
    "card.source": {"fr": "Source : {source}", "en": "Source: {source}"},
    "col.field": {"fr": "Champ", "en": "Field"},
    "col.value": {"fr": "Valeur", "en": "Value"},
    "col.points": {"fr": "Points", "en": "Points"},
    "col.known": {"fr": "Connu", "en": "Known"},
    "col.advisories": {"fr": "Alertes", "en": "Advisories"},
    "col.questions": {"fr": "Questions ouvertes", "en": "Open questions"},
    "field.network_connected": {"fr": "Connexion réseau", "en": "Network connection"},
    "field.mds2_available": {"fr": "MDS2 disponible", "en": "MDS2 available"},
    "field.sbom_available": {"fr": "SBOM disponible", "en": "SBOM available"},
    "field.patch_policy": {"fr": "Correctifs", "en": "Patch policy"},
    "field.remote_access": {"fr": "Accès à distance", "en": "Remote access"},
    "field.encryption_at_rest": {"fr": "Chiffrement au repos", "en": "Encryption at rest"},
    "field.os_end_of_support": {"fr": "Fin de support du système", "en": "OS end of support"},
    "field.advisories": {"fr": "Alertes publiées", "en": "Published advisories"},
    # scenario page: what the rules leave
    "rules.effect": {"fr": "Les règles de sécurité laissent {allowed} équipements sur {total}.",
                     "en": "The security rules leave {allowed} of the {total} devices."},
    "rules.mds2": {"fr": "Exiger une MDS2 en écarte {n} : {unknown} sans MDS2 connue (à demander au fabricant), "
                         "{no} sans MDS2.",
                   "en": "Requiring an MDS2 excludes {n}: {unknown} with no MDS2 on record (to ask the vendor), "
                         "{no} without an MDS2."},
    "rules.score": {"fr": "Le score de risque maximal en écarte {n}.", "en": "The maximum risk score excludes {n}."},
    "rules.os": {"fr": "L'exclusion des systèmes hors support en écarte {n}.",
                 "en": "Excluding unsupported operating systems excludes {n}."},
    "rules.hint": {"fr": "Envoyez les questionnaires MDS2 et importez les réponses (page Plan, vue sécurité).",
                   "en": "Send the MDS2 questionnaires and import the answers (Plan page, security view)."},
    # plan page: questionnaires out, answers in
    "mds2.title": {"fr": "Questionnaires MDS2 des fabricants", "en": "MDS2 questionnaires for the vendors"},
    "mds2.intro": {"fr": "Un classeur par fabricant, une feuille par équipement du plan : les questions MDS2 "
                         "(ANSI/NEMA HN 1-2019) qui comptent pour le score, les questions ouvertes d'abord. "
                         "Importez ensuite le questionnaire rempli, ou le formulaire MDS2 du fabricant : le profil de "
                         "l'équipement est "
                         "mis à jour dans le scénario (avec sa date et sa source) et le plan doit être ré-optimisé.",
                   "en": "One workbook per vendor, one sheet per device of the plan: the MDS2 questions (ANSI/NEMA "
                         "HN 1-2019) that matter for the score, the open ones first. Then import the completed "
                         "questionnaire, or the vendor's MDS2 form: the device's profile is updated in the scenario "
                         "(with its date and source) and the plan must be optimised again."},
    "mds2.download": {"fr": "Télécharger les questionnaires (zip)", "en": "Download the questionnaires (zip)"},
    "mds2.device": {"fr": "Équipement décrit par le formulaire", "en": "Device the form describes"},
    "mds2.upload": {"fr": "Importer un formulaire MDS2 rempli (.xlsx, .csv)",
                    "en": "Upload a completed MDS2 form (.xlsx, .csv)"},
    "mds2.upload_help": {"fr": "Le questionnaire de l'outil rempli, ou le formulaire MDS2 HN 1-2019 du fabricant "
                               "(colonne Question ID et réponses Yes / No / N/A).",
                         "en": "The tool's questionnaire filled in, or the vendor's HN 1-2019 MDS2 form (a Question "
                               "ID column and Yes / No / N/A answers)."},
    "mds2.imported": {"fr": "Réponses de {name} importées pour {device} : {fields}.",
                      "en": "Answers of {name} imported for {device}: {fields}."},
    "mds2.rejected": {"fr": "Formulaire {name} refusé ; le scénario est inchangé :",
                      "en": "Form {name} refused; the scenario is unchanged:"},
    "mds2.profiles": {"fr": "Profils déclarés par les fabricants dans ce scénario : {n}",
                      "en": "Vendor-disclosed profiles in this scenario: {n}"},
    "file.mds2": {"fr": "questionnaires_mds2", "en": "mds2_questionnaires"},
}

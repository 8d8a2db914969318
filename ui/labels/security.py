"""French and English labels of the security options and view, and of the spreadsheet imports and exports.

Merged into :data:`ui.labels.LABELS`; same rules (every key in both languages, ``str.format`` fields).
"""

from __future__ import annotations

SECURITY_LABELS: dict[str, dict[str, str]] = {
    # scenario page: security rules
    "sc.security": {"fr": "Sécurité", "en": "Security"},
    "sc.security_intro": {
        "fr": "Cybersécurité des équipements achetés : règles d'exclusion et coût de segmentation réseau. Le score "
              "de risque (0 à {max}, plus haut = plus risqué) additionne des points pour ce qui est connu du profil "
              "de sécurité et des alertes publiées ; une information inconnue n'ajoute rien mais reste une "
              "question à poser au fabricant (docs/security.md).",
        "en": "Cybersecurity of the equipment bought: exclusion rules and network segmentation cost. The risk "
              "score (0 to {max}, higher = riskier) adds points for what is known of the security profile and the "
              "published advisories; unknown information adds nothing but stays a question for the vendor "
              "(docs/security.md)."},
    "sc.exclude_unsupported_os": {"fr": "Exclure les systèmes d'exploitation hors support",
                                  "en": "Exclude unsupported operating systems"},
    "sc.unsupported_help": {"fr": "N'achète pas un équipement dont le système n'est plus maintenu par l'éditeur à "
                                  "la date de référence.",
                            "en": "Do not buy a device whose operating system is out of vendor support at the "
                                  "reference date."},
    "sc.require_mds2": {"fr": "Exiger une déclaration MDS2", "en": "Require an MDS2 disclosure"},
    "sc.mds2_help": {"fr": "Manufacturer Disclosure Statement for Medical Device Security : n'achète que les "
                           "équipements dont le fabricant l'a fournie (catalogue ou réponse importée).",
                     "en": "Manufacturer Disclosure Statement for Medical Device Security: buy only devices whose "
                           "manufacturer has supplied one (catalogue or imported answer)."},
    "sc.max_risk_score": {"fr": "Score de risque maximal", "en": "Maximum risk score"},
    "sc.no_limit": {"fr": "aucun plafond", "en": "no limit"},
    "sc.max_risk_help": {"fr": "0 à {max} ; vide = pas de plafond.", "en": "0 to {max}; blank = no limit."},
    "sc.segmentation": {"fr": "Segmentation réseau (€ par équipement connecté)",
                        "en": "Network segmentation (€ per connected device)"},
    "sc.segmentation_help": {"fr": "Travaux VLAN / pare-feu par unité neuve connectée (connexion connue) ; "
                                   "compté dans l'investissement.",
                             "en": "VLAN / firewall work per new connected unit (known connection); counted "
                                   "in the capital cost."},
    "sc.reference_date": {"fr": "Date de référence", "en": "Reference date"},
    "sc.reference_date_help": {"fr": "Date à laquelle la fin de support des systèmes est évaluée.",
                               "en": "Date at which the operating systems' end of support is assessed."},
    # scenario page: files
    "sc.upload_help": {"fr": "Un scénario YAML, ou un classeur Excel de plan exporté par l'outil (sa feuille "
                             "scenario.yaml).",
                       "en": "A YAML scenario, or a plan workbook exported by the tool (its scenario.yaml sheet)."},
    "sc.installed_files": {"fr": "Importer / exporter l'inventaire des équipements installés (Excel, CSV)",
                           "en": "Import / export the inventory of installed equipment (Excel, CSV)"},
    "sc.installed_upload": {"fr": "Importer les équipements installés (.xlsx, .csv)",
                            "en": "Upload the installed equipment (.xlsx, .csv)"},
    "sc.installed_upload_help": {"fr": "Colonnes site_id, device_id (ou vendor + name), units, et facultativement "
                                       "acquisition_year. Remplace l'inventaire des sites cités dans le fichier.",
                                 "en": "Columns site_id, device_id (or vendor + name), units, and optionally "
                                       "acquisition_year. Replaces the inventory of the sites named in the file."},
    "sc.installed_download": {"fr": "Télécharger l'inventaire (Excel)", "en": "Download the inventory (Excel)"},
    "sc.installed_imported": {"fr": "Inventaire importé depuis {name}.", "en": "Inventory imported from {name}."},
    # catalogue page
    "cat.risk_help": {"fr": "Score de risque de cybersécurité, de 0 à {max} (plus haut = plus risqué) sur ce "
                            "qui est connu ; une information inconnue n'ajoute aucun point.",
                      "en": "Cybersecurity risk score, 0 to {max} (higher = riskier) on what is known; unknown "
                            "information adds no point."},
    "cat.prices_files": {"fr": "Importer / exporter une liste de prix (Excel, CSV)",
                         "en": "Import / export a price list (Excel, CSV)"},
    "cat.prices_upload": {"fr": "Importer une liste de prix", "en": "Upload a price list"},
    "cat.prices_upload_help": {"fr": "Colonne id (ou vendor + name) et une ou plusieurs colonnes de prix du "
                                     "catalogue (capex_eur, maintenance_eur_per_year, consumable_eur_per_case…), "
                                     "ou les en-têtes d'un devis (Fournisseur, Désignation, Référence, Prix "
                                     "unitaire HT, Date…) ; nombres à la française acceptés (1 234,50 €). "
                                     "Une cellule vide ne change rien. Rien n'est appliqué si le fichier a une "
                                     "erreur.",
                               "en": "An id column (or vendor + name) and any price columns of the catalogue "
                                     "(capex_eur, maintenance_eur_per_year, consumable_eur_per_case…), or a "
                                     "quote's headers (Supplier, Description, Reference, Unit price, Date…, in "
                                     "French or English); French numbers are accepted (1 234,50 €). An empty "
                                     "cell changes nothing. Nothing is applied when the file has an error."},
    "cat.prices_replace": {"fr": "Remplacer les prix locaux", "en": "Replace the local prices"},
    "cat.prices_replace_help": {"fr": "Activé : les prix locaux actuels sont oubliés ; désactivé : le fichier les "
                                      "complète.",
                                "en": "On: the current local prices are dropped; off: the file adds to them."},
    "cat.prices_download": {"fr": "Télécharger les prix locaux (Excel)", "en": "Download the local prices (Excel)"},
    "cat.prices_imported": {"fr": "Liste de prix {name} importée : {n} équipement(s).",
                            "en": "Price list {name} imported: {n} device(s)."},
    # catalogue page: catalogue extension
    "cat.ext_files": {"fr": "Étendre le catalogue (nouveaux équipements, Excel ou CSV)",
                      "en": "Extend the catalogue (new devices, Excel or CSV)"},
    "cat.ext_upload": {"fr": "Importer une extension du catalogue", "en": "Upload a catalogue extension"},
    "cat.ext_upload_help": {
        "fr": "Le format des fichiers du catalogue (catalog/README.md) : un classeur avec une feuille devices, "
              "indications et/ou coverage, ou un CSV d'une de ces tables. Les lignes nouvelles s'ajoutent au "
              "catalogue fourni pour cette session ; un identifiant existant avec d'autres valeurs est refusé "
              "(pour changer un prix, utilisez les prix locaux).",
        "en": "The catalogue's file layout (catalog/README.md): a workbook with a devices, indications and/or "
              "coverage sheet, or a CSV of one of these tables. New rows are added to the bundled catalogue for "
              "this session; an existing id with other values is refused (to change a price, use local prices)."},
    "cat.ext_remove": {"fr": "Revenir au catalogue fourni", "en": "Back to the bundled catalogue"},
    "cat.ext_download": {"fr": "Télécharger le catalogue (Excel)", "en": "Download the catalogue (Excel)"},
    "cat.ext_active": {"fr": "Catalogue étendu par {name} : {n} équipements. Le scénario téléchargé en YAML ne "
                             "contient pas l'extension : gardez le fichier (ou « cathlab-planner import-catalog »).",
                       "en": "Catalogue extended by {name}: {n} devices. A scenario downloaded as YAML does not "
                             "carry the extension: keep the file (or use 'cathlab-planner import-catalog')."},
    "cat.ext_imported": {"fr": "Extension {name} ajoutée : {devices} équipement(s), {indications} indication(s), "
                               "{coverage} ligne(s) de couverture.",
                         "en": "Extension {name} added: {devices} device(s), {indications} indication(s), "
                               "{coverage} coverage row(s)."},
    "cat.ext_rejected": {"fr": "Extension {name} refusée, le catalogue actuel est conservé :",
                         "en": "Extension {name} rejected, the current catalogue is kept:"},
    "cat.ext_remove_refused": {"fr": "Impossible de revenir au catalogue fourni : le scénario utilise l'extension",
                               "en": "Cannot go back to the bundled catalogue: the scenario uses the extension"},
    "cat.ext_removed": {"fr": "Retour au catalogue fourni.", "en": "Back to the bundled catalogue."},
    "file.catalog": {"fr": "catalogue", "en": "catalogue"},
    "plan.other_catalog": {"fr": "Le dernier plan a été calculé avec un autre catalogue (extension ajoutée ou "
                                 "retirée) : cliquez sur « Optimiser » pour le recalculer.",
                           "en": "The last plan was made with another catalogue (extension added or removed): "
                                 "click 'Optimise' to recompute it."},
    # plan page: downloads
    "plan.download_xlsx": {"fr": "Télécharger le plan (Excel)", "en": "Download the plan (Excel)"},
    "file.plan": {"fr": "plan_equipement", "en": "equipment_plan"},
    "file.prices": {"fr": "prix_locaux", "en": "local_prices"},
    "file.installed": {"fr": "equipements_installes", "en": "installed_equipment"},
    "file.sheet": {"fr": "feuille « {sheet} »", "en": "sheet '{sheet}'"},
    "file.row": {"fr": "ligne {row}", "en": "row {row}"},
    "file.column": {"fr": "colonne {column}", "en": "column {column}"},
    # plan page: security view
    "secv.title": {"fr": "Sécurité des équipements du plan", "en": "Security of the plan's equipment"},
    "secv.max_score": {"fr": "Score de risque maximal", "en": "Highest risk score"},
    "secv.connected": {"fr": "Équipements connectés", "en": "Connected devices"},
    "secv.connected_help": {"fr": "Connus pour être connectés au réseau (une connexion inconnue "
                                  "n'est pas comptée).",
                            "en": "Known to be on the network (an unknown connection is not counted)."},
    "secv.flagged_count": {"fr": "Fin de support proche ou passée", "en": "End of support near or past"},
    "secv.segmentation": {"fr": "Segmentation réseau", "en": "Network segmentation"},
    "secv.segmentation_help": {"fr": "Part de l'investissement : segmentation des unités neuves connectées.",
                               "en": "Part of the capital cost: segmentation of the new connected units."},
    "secv.flagged": {"fr": "Système d'exploitation hors support ou en fin de support : {devices}. Exigez un "
                           "engagement de correctifs et une date de fin de support dans l'appel d'offres.",
                     "en": "Operating system out of support or near its end: {devices}. Require a patch "
                           "commitment and an end-of-support date in the tender."},
    "secv.caption": {"fr": "⚠ : fin de support du système passée ou dans les 3 ans suivant la date de référence. "
                           "Le classeur Excel du plan contient la liste des clauses d'achat par équipement.",
                     "en": "⚠: operating-system support ended or ends within 3 years of the reference date. The "
                           "plan workbook lists the procurement clauses for each device."},
    "secv.exclusions": {"fr": "Équipements exclus par les règles de sécurité ({n})",
                        "en": "Devices excluded by the security rules ({n})"},
    "os.ended": {"fr": "support terminé", "en": "support ended"},
    "os.soon": {"fr": "fin de support proche", "en": "support ends soon"},
    "os.supported": {"fr": "supporté", "en": "supported"},
    "os.unknown": {"fr": "inconnu", "en": "unknown"},
    "os.not_connected": {"fr": "non connecté", "en": "not connected"},
    "net.none": {"fr": "aucune", "en": "none"},
    "net.dicom": {"fr": "DICOM", "en": "DICOM"},
    "net.hl7": {"fr": "HL7", "en": "HL7"},
    "net.network": {"fr": "réseau", "en": "network"},
    "net.remote_service": {"fr": "télémaintenance", "en": "remote service"},
    "net.unknown": {"fr": "inconnue", "en": "unknown"},
    "patch.vendor_validated_monthly": {"fr": "mensuels validés", "en": "validated monthly"},
    "patch.quarterly": {"fr": "trimestriels", "en": "quarterly"},
    "patch.on_request": {"fr": "sur demande", "en": "on request"},
    "patch.none": {"fr": "aucun", "en": "none"},
    "patch.unknown": {"fr": "inconnue", "en": "unknown"},
    "remote.none": {"fr": "aucun", "en": "none"},
    "remote.vendor_vpn": {"fr": "VPN fabricant", "en": "vendor VPN"},
    "remote.cloud": {"fr": "cloud", "en": "cloud"},
    "remote.unknown": {"fr": "inconnu", "en": "unknown"},
    # table headers and field names
    "col.risk_score": {"fr": "Risque", "en": "Risk"},
    "col.os_status": {"fr": "Support du système", "en": "OS support"},
    "col.os_end_of_support": {"fr": "Fin de support", "en": "End of support"},
    "col.network_connected": {"fr": "Connexion", "en": "Connection"},
    "col.os_family": {"fr": "Système", "en": "Operating system"},
    "col.mds2_available": {"fr": "MDS2", "en": "MDS2"},
    "col.sbom_available": {"fr": "SBOM", "en": "SBOM"},
    "col.patch_policy": {"fr": "Correctifs", "en": "Patches"},
    "col.remote_access": {"fr": "Accès distant", "en": "Remote access"},
    "col.encryption_at_rest": {"fr": "Chiffrement", "en": "Encryption"},
    "col.flagged": {"fr": "Alerte", "en": "Flag"},
    "col.exclude_unsupported_os": {"fr": "Exclure les systèmes hors support", "en": "Exclude unsupported OS"},
    "col.require_mds2": {"fr": "Exiger MDS2", "en": "Require MDS2"},
    "col.max_risk_score": {"fr": "Score de risque maximal", "en": "Maximum risk score"},
    "col.segmentation_cost_eur_per_connected_device": {"fr": "Segmentation réseau", "en": "Network segmentation"},
    "col.reference_date": {"fr": "Date de référence", "en": "Reference date"},
    "col.site_id": {"fr": "Site", "en": "Site"},
    "col.acquisition_year": {"fr": "Année d'acquisition", "en": "Acquisition year"},
    "col.file": {"fr": "Fichier", "en": "File"},
}

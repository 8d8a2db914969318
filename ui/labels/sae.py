"""French and English labels of the "Start from an establishment" section (public SAE data) of the Scenario page,
and French versions of the public-data warnings.

Merged into :data:`ui.labels.LABELS`; same rules (every key in both languages, ``str.format`` fields).
"""

from __future__ import annotations

SAE_LABELS: dict[str, dict[str, str]] = {
    "sae.title": {"fr": "Partir d'un établissement", "en": "Start from an establishment"},
    "sae.intro": {
        "fr": "Salles, activité et chirurgie cardiaque d'après les données publiques de la DREES (SAE {year}, "
              "bordereau CHIRCAR, Licence Ouverte / Etalab 2.0). L'activité est estimée à partir des actes "
              "« cardiopathies ischémiques et structurelles de l'adulte » avec les ratios ci-dessous : vérifiez-la "
              "et remplacez-la par vos chiffres dans la fiche du site après le chargement.",
        "en": "Rooms, activity and cardiac surgery from the DREES public data (SAE {year}, form CHIRCAR, Licence "
              "Ouverte / Etalab 2.0). Activity is estimated from the \"adult ischaemic and structural\" acts with "
              "the ratios below: check it and replace it with your own figures in the site form once loaded."},
    "sae.search": {"fr": "Rechercher (nom, commune ou FINESS)", "en": "Search (name, commune or FINESS)"},
    "sae.pick": {"fr": "Établissements retenus", "en": "Establishments chosen"},
    "sae.found": {"fr": "{n} établissement(s) trouvé(s)", "en": "{n} establishment(s) found"},
    "sae.none": {"fr": "Aucun établissement ne correspond.", "en": "No establishment matches."},
    "sae.ratios": {"fr": "Ratios (modifiables)", "en": "Ratios (adjustable)"},
    "sae.ratio.pci_per_act3": {"fr": "ATL par acte ACT3", "en": "PCI per ACT3 act"},
    "sae.ratio.cag_per_pci": {"fr": "Coronarographies par ATL", "en": "Angiographies per PCI"},
    "sae.ratio.stemi_per_pci": {"fr": "SCA ST+ par ATL", "en": "STEMI per PCI"},
    "sae.ratio.act3_per_room": {"fr": "Actes ACT3 par salle (si SALCAR vide)", "en": "ACT3 acts per room (if no "
                                                                                    "SALCAR)"},
    "sae.vendor": {"fr": "Constructeur de l'angiographe (non public)", "en": "Angiography vendor (not public)"},
    "sae.budget": {"fr": "Budgets par défaut à l'échelle des sites (150 000 € par salle, 316 € par ATL et par an)",
                   "en": "Default budgets scaled to the sites (€150,000 per room, €316 per PCI a year)"},
    "sae.compare": {"fr": "Chiffres publics et chiffres dérivés", "en": "Public and derived figures"},
    "sae.load": {"fr": "Charger comme sites du scénario", "en": "Load as the scenario's sites"},
    "sae.loaded": {"fr": "{n} établissement(s) chargé(s) comme sites du scénario ; les autres réglages sont gardés.",
                   "en": "{n} establishment(s) loaded as the scenario's sites; the other settings are kept."},
    "sae.rejected": {"fr": "Établissements non chargés ; le scénario précédent est conservé :",
                     "en": "Establishments not loaded; the previous scenario is kept:"},
    "sae.provenance": {"fr": "Provenance des chiffres des sites", "en": "Where the sites' figures come from"},
    "sae.col.public": {"fr": "Public : salles (SALCAR), actes ACT3, chirurgie (INTADU)",
                       "en": "Public: rooms (SALCAR), ACT3 acts, surgery (INTADU)"},
    "sae.col.site": {"fr": "Établissement", "en": "Establishment"},
    "sae.col.rooms_public": {"fr": "SALCAR", "en": "SALCAR"},
    "sae.col.act3": {"fr": "ACT3", "en": "ACT3"},
    "sae.col.surgery_public": {"fr": "INTADU", "en": "INTADU"},
    "sae.col.rooms": {"fr": "Salles (dérivé)", "en": "Rooms (derived)"},
    "sae.col.cag": {"fr": "Coronarographies (dérivé)", "en": "Angiographies (derived)"},
    "sae.col.pci": {"fr": "ATL (dérivé)", "en": "PCI (derived)"},
    "sae.col.stemi": {"fr": "SCA ST+ (dérivé)", "en": "STEMI (derived)"},
    "sae.col.roles": {"fr": "Rôles (dérivé)", "en": "Roles (derived)"},
    "sae.col.threshold": {"fr": "< 400 ATL/an", "en": "< 400 PCI/yr"},
    "sae.col.field": {"fr": "Champ", "en": "Field"},
    "sae.col.value": {"fr": "Valeur actuelle", "en": "Current value"},
    "sae.col.recorded": {"fr": "Valeur publique", "en": "Public value"},
    "sae.col.status": {"fr": "Statut", "en": "Status"},
    "sae.col.how": {"fr": "Comment", "en": "How"},
    "sae.status.derived": {"fr": "dérivé (SAE {year})", "en": "derived (SAE {year})"},
    "sae.status.default": {"fr": "par défaut (non public)", "en": "default (not public)"},
    "sae.status.user": {"fr": "votre valeur", "en": "your value"},
    "sae.status.changed": {"fr": "modifié par vous", "en": "changed by you"},
    "sae.yes": {"fr": "oui", "en": "yes"},
}

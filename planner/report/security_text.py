"""French and English text of the security outputs: procurement clauses, field values, exclusion reasons.

The clauses and their regulatory basis are those of ``docs/security.md`` §5 (the English wording is the
document's); each names the catalogue field it asks the vendor to disclose, so that a checklist can show
what the catalogue knows today.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import check_lang


@dataclass(frozen=True)
class Clause:
    """A tender clause: what the candidate must supply or commit to, and its regulatory basis."""

    id: str
    field: str | None  # catalogue field the answer updates (None: not recorded in the catalogue)
    title: tuple[str, str]  # (English, French)
    text: tuple[str, str]
    basis: tuple[str, str]

    def get(self, part: str, lang: str) -> str:
        """``title``, ``text`` or ``basis`` in ``lang``."""
        english, french = getattr(self, part)
        return str(french if check_lang(lang) == "fr" else english)


CLAUSES: tuple[Clause, ...] = (
    Clause("C1", "mds2_available", ("MDS2", "MDS2"), (
        "A completed MDS2 form (ANSI/NEMA HN 1-2019) for the exact model and software version offered, plus the "
        "minimum IT requirements and recommended network configuration (ports, protocols, data flows).",
        "Un formulaire MDS2 (ANSI/NEMA HN 1-2019) complété pour le modèle et la version logicielle exacts "
        "proposés, avec les exigences informatiques minimales et la configuration réseau recommandée (ports, "
        "protocoles, flux de données)."), (
        "MDR Annex I §17.4 and §23.4(ab); MDCG 2019-16 rev.1 §3.6 and §4; IEC 80001-1:2021 (manufacturer "
        "information for the hospital's risk management); ANSSI/DAE procurement guide (security requirements "
        "in the CCTP)",
        "MDR annexe I §17.4 et §23.4(ab) ; MDCG 2019-16 rév.1 §3.6 et §4 ; IEC 80001-1:2021 (informations du "
        "fabricant pour la gestion des risques de l'établissement) ; guide ANSSI/DAE sur les achats (exigences "
        "de sécurité au CCTP)")),
    Clause("C2", "sbom_available", ("SBOM", "SBOM (nomenclature logicielle)"), (
        "A software bill of materials (operating system, libraries and third-party components, with versions), "
        "in a machine-readable format (SPDX or CycloneDX), updated with each software release.",
        "Une nomenclature logicielle (système d'exploitation, bibliothèques et composants tiers, avec leurs "
        "versions) dans un format lisible par machine (SPDX ou CycloneDX), mise à jour à chaque version "
        "logicielle."), (
        "MDR Annex I §17.2 (life cycle, risk management including information security); MDCG 2019-16 rev.1 "
        "(secure life cycle, monitoring of third-party components after market release); ANSM 2022 "
        "(life-cycle recommendations)",
        "MDR annexe I §17.2 (cycle de vie, gestion des risques y compris la sécurité de l'information) ; "
        "MDCG 2019-16 rév.1 (cycle de vie sécurisé, surveillance des composants tiers après la mise sur le "
        "marché) ; ANSM 2022 (recommandations sur le cycle de vie)")),
    Clause("C3", "patch_policy", ("Patch commitment and duration", "Engagement de correctifs et durée"), (
        "Validated security patches for the OS and third-party components within stated delays (for example "
        "critical within 30 days of the supplier's fix), for at least the contract's service life. Patches are "
        "installed under the maintenance contract at no extra cost. Compatibility with the hospital's antivirus "
        "or EDR is stated. If the OS edition reaches end of support during the service life, an upgrade path or "
        "paid extended updates are included and priced in the offer.",
        "Des correctifs de sécurité validés pour l'OS et les composants tiers dans des délais annoncés (par "
        "exemple sous 30 jours après le correctif de l'éditeur pour une faille critique), au moins pendant la "
        "durée de vie prévue au contrat. Les correctifs sont installés dans le cadre du contrat de maintenance, "
        "sans surcoût. La compatibilité avec l'antivirus ou l'EDR de l'établissement est précisée. Si l'édition "
        "de l'OS arrive en fin de support pendant la durée de vie, une mise à niveau ou des mises à jour "
        "étendues payantes sont incluses et chiffrées dans l'offre."), (
        "MDR Annex I §17.2; MDCG 2019-16 rev.1 §3.8 (life-cycle aspects) and post-market surveillance; "
        "ANSM 2022 (post-market phase); IEC 80001-1:2021 (change and risk management by the hospital)",
        "MDR annexe I §17.2 ; MDCG 2019-16 rév.1 §3.8 (cycle de vie) et surveillance après commercialisation ; "
        "ANSM 2022 (phase après mise sur le marché) ; IEC 80001-1:2021 (gestion des changements et des risques "
        "par l'établissement)")),
    Clause("C4", "remote_access", ("Remote-access conditions", "Conditions d'accès à distance"), (
        "Vendor remote access only through the hospital's controlled access point: no modem and no permanent "
        "outbound tunnel. Each session is opened by the hospital, with named individual accounts and "
        "multi-factor authentication; sessions are logged and can be ended by the hospital. Any cloud service "
        "(telemetry, remote updates, remote monitoring) is declared, with data location and certification (HDS "
        "hosting certification for health data in France).",
        "Télémaintenance uniquement par le point d'accès contrôlé de l'établissement : ni modem ni tunnel "
        "sortant permanent. Chaque session est ouverte par l'établissement, avec des comptes individuels "
        "nominatifs et une authentification multifacteur ; les sessions sont journalisées et l'établissement "
        "peut y mettre fin. Tout service cloud (télémétrie, mises à jour à distance, télésurveillance) est "
        "déclaré, avec la localisation des données et la certification (hébergement certifié HDS pour les "
        "données de santé)."), (
        "MDR Annex I §17.4 (protection against unauthorised access); MDCG 2019-16 rev.1 §2.6 (joint "
        "responsibility); programme CaRE, domain \"Accès distants\"; ANSSI/DAE procurement guide and cahier des "
        "clauses simplifiées de cybersécurité (2018)",
        "MDR annexe I §17.4 (protection contre les accès non autorisés) ; MDCG 2019-16 rév.1 §2.6 "
        "(responsabilité partagée) ; programme CaRE, domaine « Accès distants » ; guide ANSSI/DAE sur les achats "
        "et cahier des clauses simplifiées de cybersécurité (2018)")),
    Clause("C5", "os_end_of_support", ("End-of-support date", "Date de fin de support"), (
        "The date until which the device, its software and its OS will receive security updates, and a "
        "commitment to notify the hospital at least 24 months before end of support or end of OS support.",
        "La date jusqu'à laquelle le dispositif, son logiciel et son OS recevront des mises à jour de sécurité, "
        "et l'engagement de prévenir l'établissement au moins 24 mois avant la fin du support du dispositif ou "
        "de son OS."), (
        "MDR Annex I §17.4 and §23.4(ab) (minimum IT requirements for running the software as intended); "
        "MDCG 2019-16 rev.1 §3.8 (life cycle through decommissioning); ANSM 2022 (end-of-life phase)",
        "MDR annexe I §17.4 et §23.4(ab) (exigences informatiques minimales pour faire fonctionner le logiciel "
        "comme prévu) ; MDCG 2019-16 rév.1 §3.8 (cycle de vie jusqu'au retrait) ; ANSM 2022 (phase de fin de "
        "vie)")),
    Clause("C6", "encryption_at_rest", ("Data encryption", "Chiffrement des données"), (
        "Patient data encrypted at rest on the device (disk or database) and in transit: DICOM over TLS, HL7 "
        "over TLS or VPN, HTTPS for cloud services. Secure erasure at decommissioning or return for repair.",
        "Données patient chiffrées au repos sur le dispositif (disque ou base de données) et en transit : DICOM "
        "sur TLS, HL7 sur TLS ou VPN, HTTPS pour les services cloud. Effacement sécurisé au retrait du "
        "dispositif ou à son retour en réparation."), (
        "MDR Annex I §17.2 and §17.4 (information security, unauthorised access); GDPR (Regulation (EU) "
        "2016/679) Art. 32 (encryption as a security-of-processing measure); MDCG 2019-16 rev.1 "
        "(confidentiality)",
        "MDR annexe I §17.2 et §17.4 (sécurité de l'information, accès non autorisés) ; RGPD (règlement (UE) "
        "2016/679) art. 32 (chiffrement, mesure de sécurité du traitement) ; MDCG 2019-16 rév.1 "
        "(confidentialité)")),
    Clause("C7", None, ("Logging", "Journalisation"), (
        "Security events (logins, failed logins, configuration changes, software updates, remote sessions, data "
        "exports) are time-stamped and exportable to the hospital's log collector (syslog) or SIEM. The "
        "retention period is stated.",
        "Les événements de sécurité (connexions, échecs de connexion, modifications de configuration, mises à "
        "jour logicielles, sessions à distance, exports de données) sont horodatés et exportables vers le "
        "collecteur de journaux (syslog) ou le SIEM de l'établissement. La durée de conservation est "
        "précisée."), (
        "MDCG 2019-16 rev.1 §3.3 (security capabilities, auditability); ANSM 2022 (auditability criterion); "
        "ANSSI logging recommendations; programme CaRE, domain \"Postes de travail et détection\"",
        "MDCG 2019-16 rév.1 §3.3 (capacités de sécurité, auditabilité) ; ANSM 2022 (critère d'auditabilité) ; "
        "recommandations de l'ANSSI sur la journalisation ; programme CaRE, domaine « Postes de travail et "
        "détection »")),
    Clause("C8", None, ("Vulnerability disclosure", "Divulgation des vulnérabilités"), (
        "A published coordinated vulnerability-disclosure policy. The hospital is notified of vulnerabilities "
        "affecting the device, with a risk assessment and mitigations, within a stated delay; the manufacturer's "
        "product-security contact is named. Security incidents are reported through vigilance when they meet "
        "the criteria.",
        "Une politique publiée de divulgation coordonnée des vulnérabilités. L'établissement est informé, dans "
        "un délai annoncé, des vulnérabilités qui touchent le dispositif, avec une analyse de risque et des "
        "mesures d'atténuation ; le contact sécurité produit du fabricant est nommé. Les incidents de sécurité "
        "sont déclarés en matériovigilance quand ils en remplissent les critères."), (
        "MDCG 2019-16 rev.1 (post-market surveillance and vigilance); MDR Articles 83-89 (post-market "
        "surveillance, vigilance); ANSM 2022 (post-market phase); décret n° 2016-1214 (incident reporting by "
        "establishments, CERT Santé)",
        "MDCG 2019-16 rév.1 (surveillance après commercialisation et vigilance) ; MDR articles 83 à 89 "
        "(surveillance après commercialisation, vigilance) ; ANSM 2022 (phase après mise sur le marché) ; décret "
        "n° 2016-1214 (signalement des incidents par les établissements, CERT Santé)")),
)

#: (field, value) -> (English, French); a field of ``None`` applies to every field.
VALUES: dict[tuple[str | None, str], tuple[str, str]] = {
    (None, "unknown"): ("unknown", "inconnu"),
    (None, "yes"): ("yes", "oui"),
    (None, "no"): ("no", "non"),
    ("network_connected", "none"): ("none", "aucune"),
    ("network_connected", "dicom"): ("DICOM", "DICOM"),
    ("network_connected", "hl7"): ("HL7", "HL7"),
    ("network_connected", "network"): ("network", "réseau"),
    ("network_connected", "remote_service"): ("remote service", "télémaintenance"),
    ("patch_policy", "vendor_validated_monthly"): ("monthly, vendor-validated", "mensuels, validés par le fabricant"),
    ("patch_policy", "quarterly"): ("quarterly", "trimestriels"),
    ("patch_policy", "on_request"): ("on request", "sur demande"),
    ("patch_policy", "none"): ("none", "aucun"),
    ("remote_access", "none"): ("none", "aucun"),
    ("remote_access", "vendor_vpn"): ("vendor VPN", "VPN du fabricant"),
    ("remote_access", "cloud"): ("cloud", "cloud"),
    ("os_status", "ended"): ("support ended", "support terminé"),
    ("os_status", "soon"): ("support ends within {years} years", "fin de support dans moins de {years} ans"),
    ("os_status", "supported"): ("supported", "supporté"),
    ("os_status", "unknown"): ("unknown", "inconnu"),
    ("os_status", "not_connected"): ("not applicable (not connected)", "sans objet (non connecté)"),
}


def value_label(field: str, value: str, lang: str, **values: object) -> str:
    """Display text of a security field's value; the value itself when it has no label.

    >>> value_label("remote_access", "vendor_vpn", "fr"), value_label("sbom_available", "unknown", "fr")
    ('VPN du fabricant', 'inconnu')
    """
    pair = VALUES.get((field, value)) or VALUES.get((None, value))
    if pair is None:
        check_lang(lang)
        return value
    text = pair[1] if check_lang(lang) == "fr" else pair[0]
    return text.format(**values) if values else text

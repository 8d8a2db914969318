"""The app's labels and messages in French or English (pure: no streamlit).

``Translator(lang)("key")`` returns a label of the app's tables (``ui/labels*.py``) or of the planner's message
catalogue (``planner/messages/*.toml``); ``t.say(msg, catalog, sites)`` renders a planner message with the
catalogue's names; ``t.eur``, ``t.num`` and ``t.pct`` format numbers with :mod:`planner.messages.format`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.catalog import Catalog
from planner.messages import CatalogNames, Msg, catalogue, eur, number, pct, render
from planner.messages.format import NNBSP
from ui.labels import LABELS
from ui.labels_inputs import INPUT_MESSAGES_FR
from ui.labels_sae import SAE_MESSAGES_FR

LANGUAGES = ("fr", "en")


class Translator:
    """Labels and formats of one language; call it with a label key."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "fr"

    def __call__(self, key: str, **values: object) -> str:
        """The label ``key`` (``str.format``-ed with ``values``); the key itself if unknown."""
        entry = LABELS.get(key) or catalogue().get(key)
        text = key if entry is None else entry[self.lang]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """Whether a label exists."""
        return key in LABELS or key in catalogue()

    def opt(self, prefix: str, value: str) -> str:
        """Label of an option (``family.ivus``), or the raw value when there is none."""
        key = f"{prefix}.{value}"
        return self(key) if self.has(key) else value

    def say(self, message: Msg | str, catalog: Catalog | None = None, sites: Mapping[str, str] | None = None) -> str:
        """A planner message in this language, devices and indications by their names (``catalog``), sites by
        theirs (``sites``: id -> name); a plain text as it is."""
        if isinstance(message, str):
            return message
        names = CatalogNames(catalog, sites or {}) if catalog is not None else None
        return render(message, self.lang, names)

    def eur(self, value: float | None, decimals: int = 0) -> str:
        """Euros, or "unlimited" for None."""
        return self("budget.unlimited") if value is None else eur(value, self.lang, decimals)

    def num(self, value: float, decimals: int = 0) -> str:
        """A plain number."""
        return number(value, self.lang, decimals)

    def pct(self, value: float, decimals: int = 0) -> str:
        """A share as a percentage."""
        return pct(value, self.lang, decimals)

    @property
    def plotly_separators(self) -> str:
        """Plotly ``layout.separators``: decimal mark then thousands separator."""
        return "," + NNBSP if self.lang == "fr" else ".,"


def _lots_fr(m: re.Match[str]) -> str:
    lots = m[3].replace(" in ", " en ").replace(" of unknown year", " d'année inconnue")
    return (f"site {m[1]} : {m[2]} unités ({lots}) comptées comme un seul lot acquis en {m[4]}, le plus ancien : "
            "elles sont toutes retirées cette année-là plus la durée de vie de l'équipement")


#: French versions of the planner's most common input messages (the planner speaks English).
_MESSAGES_FR: tuple[tuple[re.Pattern[str], Any], ...] = tuple((re.compile(p), r) for p, r in (
    *INPUT_MESSAGES_FR,
    (r"site (\w+): (\d+) units \((.+)\) are planned as one lot acquired in (\d+), the oldest: .*", _lots_fr),
    (r"must be >= (.+)", r"doit être ≥ \1"),
    (r"must be > (.+)", r"doit être > \1"),
    (r"must be <= (.+)", r"doit être ≤ \1"),
    (r"must be a number", "doit être un nombre"),
    (r"must be a finite number", "doit être un nombre fini"),
    (r"must be a whole number", "doit être un nombre entier"),
    (r"must be a lowercase id \(a-z, 0-9, _\)", "doit être un identifiant en minuscules (a-z, 0-9, _)"),
    (r"is required: a non-empty text", "est obligatoire : un texte non vide"),
    (r"duplicate site id", "identifiant de site en double"),
    (r"unknown device id.*", "équipement inconnu (absent du catalogue)"),
    (r"unknown indication id.*", "indication inconnue (absente du catalogue)"),
    (r"both required and excluded", "à la fois imposé et exclu"),
    (r"unknown key \(allowed: (.+)\)", r"clé inconnue (clés possibles : \1)"),
    (r"must be one of (.+)", r"doit être l'une des valeurs : \1"),
    (r"invalid YAML: (.+)", r"YAML invalide : \1"),
    (r"is not a number", "n'est pas un nombre"),
    (r"the .+ works on single-year, purchase-only scenarios; .*",
     "cette analyse ne porte que sur un scénario d'un an, en achat seul : le plan pluriannuel se calcule sur la page "
     "Plan ; pour l'analyser, ramenez le scénario à un an (horizon_years: 1, acquisition_modes: [purchase])"),
    (r"is not UTF-8 text", "n'est pas un texte UTF-8"),
    (r"(\w+) \(([\d.]+)-year life\) is past its end of life before (\d+): counted out of service for the whole plan",
     r"en fin de vie avant \3 (durée de vie \2 ans) : compté hors service sur toute la période"),
    (r"(\w+) is listed as compatible with (.+) only; the installed units stay usable but no new unit is bought",
     r"compatible seulement avec \2 : les unités installées restent utilisables, aucune unité neuve n'est achetée"),
    (r"after the start year (\d+)", r"postérieure à la première année du plan (\1)"),
    (r"must be a year \(e\.g\. 2027\)", "doit être une année (ex. 2027)"),
    (r"must include purchase .*", "doit comprendre l'achat"),
    (r"is required and empty", "est obligatoire et vide"),
    (r"required column is missing", "colonne obligatoire absente"),
    (r"duplicate column", "colonne en double"),
    (r"unknown column \(expected: (.+)\)", r"colonne inconnue (colonnes possibles : \1)"),
    (r"unknown site id \(scenario sites: (.+)\)", r"site inconnu (sites du scénario : \1)"),
    (r"duplicate row: this device is already on row (\d+)", r"ligne en double : cet équipement est déjà ligne \1"),
    (r"duplicate row: same site, device and year as row (\d+)",
     r"ligne en double : même site, équipement et année que la ligne \1"),
    *SAE_MESSAGES_FR,
    (r"no device id, and no catalogue device has this vendor and name",
     "pas d'identifiant, et aucun équipement du catalogue n'a ce fabricant et ce nom"),
    (r"is empty", "est vide"),
    (r"is not an Excel workbook: it looks like text \(a CSV file\?\)",
     "n'est pas un classeur Excel : il ressemble à du texte (un fichier CSV ?)"),
    (r"is not an Excel workbook(.*)", r"n'est pas un classeur Excel\1"),
    (r"is damaged (.*)", r"est endommagé \1"),
    (r"is password-protected: .*", "est protégé par un mot de passe : retirez-le dans Excel "
                                   "(Fichier > Informations > Protéger le classeur) puis importez-le à nouveau"),
    (r"unsupported file type (.+): use \.xlsx or \.csv", r"type de fichier non pris en charge \1 : utilisez "
                                                          r".xlsx ou .csv"),
))


def message(text: str, lang: str) -> str:
    """The planner's message in ``lang`` (French for the common ones; English otherwise).

    >>> message("must be >= 0", "fr")
    'doit être ≥ 0'
    >>> message("must be >= 0", "en")
    'must be >= 0'
    """
    if lang == "fr":
        for pattern, repl in _MESSAGES_FR:
            if pattern.fullmatch(text):
                return pattern.sub(repl, text)
    return text

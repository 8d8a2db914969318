"""The app's labels and messages in French or English (pure: no streamlit).

``Translator(lang)("key")`` returns a label of the one message catalogue (``planner/messages/*.toml``);
``t.say(msg, catalog, sites)`` renders a planner message with the catalogue's names; ``t.eur``, ``t.num`` and
``t.pct`` format numbers with :mod:`planner.messages.format`.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.catalog import Catalog
from planner.messages import CatalogNames, Msg, catalogue, eur, number, pct, render
from planner.messages.format import NNBSP

LANGUAGES = ("fr", "en")


class Translator:
    """Labels and formats of one language; call it with a label key."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "fr"

    def __call__(self, key: str, **values: object) -> str:
        """The label ``key`` (``str.format``-ed with ``values``); the key itself if unknown."""
        entry = catalogue().get(key)
        text = key if entry is None else entry[self.lang]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """Whether a label exists."""
        return key in catalogue()

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

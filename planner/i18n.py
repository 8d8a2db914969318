"""The labels of the documents the planner writes (the Excel workbook, the committee PDF, the text summary).

Every label is a code of the message catalogue (``planner/messages/wb_*.toml``): :func:`t` returns the text of
``wb.<key>`` in a language; :func:`family_label` the name of a device family (``family.<slug>``, the same names
as the app's).
"""

from __future__ import annotations

from typing import Literal

from planner.messages.catalogue import catalogue

Lang = Literal["fr", "en"]
LANGS: tuple[str, ...] = ("fr", "en")
#: Prefix of the workbook's codes in the catalogue.
PREFIX = "wb."


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if supported, else raise ``ValueError``.

    >>> check_lang("fr")
    'fr'
    """
    if lang not in LANGS:
        msg = f"unsupported language {lang!r} (supported: {', '.join(LANGS)})"
        raise ValueError(msg)
    return lang  # type: ignore[return-value]


def t(key: str, lang: str, **values: object) -> str:
    """Label ``wb.<key>`` in ``lang`` ("fr" or "en"), with ``{placeholders}`` filled from ``values``;
    ``KeyError`` when the catalogue has no such code.

    >>> t("room_n", "fr", n=2)
    'Salle 2'
    >>> t("total", "en")
    'Total'
    """
    text = catalogue()[PREFIX + key][check_lang(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalogue has the label ``wb.<key>``."""
    return PREFIX + key in catalogue()


def family_label(family: str, lang: str) -> str:
    """Display name of a device family; the slug itself when the family is not known.

    >>> family_label("ivl", "en")
    'Intravascular lithotripsy (IVL)'
    >>> family_label("new_family", "fr")
    'new_family'
    """
    entry = catalogue().get(f"family.{family}")
    return family if entry is None else entry[check_lang(lang)]

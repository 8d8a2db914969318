"""Numbers, euros and percentages the French way (``1 234 567 €``, narrow no-break spaces) or the English
way (``€1,234,567``): the only number formatting of the messages, the app and the command line."""

from __future__ import annotations

import math

NNBSP = "\u202f"  #: French thousands separator (narrow no-break space)
NBSP = "\u00a0"  #: no-break space before units and the euro sign


def number(value: float, lang: str, decimals: int = 0) -> str:
    """A number with thousands separators.

    >>> number(1234567.891, "fr", 2)
    '1\u202f234\u202f567,89'
    >>> number(1234567.891, "en", 1)
    '1,234,567.9'
    """
    text = f"{round(value, decimals) or 0.0:,.{decimals}f}"  # never "-0,0"
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NNBSP)
    return text


def eur(value: float, lang: str, decimals: int = 0, *, up: bool = False) -> str:
    """An amount in euros; ``up`` rounds up to the euro (a budget raise must be enough).

    >>> eur(1234567, "fr")
    '1\u202f234\u202f567\u00a0€'
    >>> eur(-1234.5, "en")
    '-€1,234'
    >>> eur(17999.2, "en", up=True)
    '€18,000'
    """
    rounded = float(math.ceil(value - 1e-6)) if up else round(value, decimals)
    sign = "-" if rounded < 0 else ""
    body = number(abs(rounded), lang, decimals)
    return f"{sign}{body}{NBSP}€" if lang == "fr" else f"{sign}€{body}"


def pct(value: float, lang: str, decimals: int = 0) -> str:
    """A share (0.86) as a percentage.

    >>> pct(0.8604, "fr")
    '86\u00a0%'
    >>> pct(0.8604, "en", 1)
    '86.0%'
    """
    body = number(value * 100, lang, decimals)
    return f"{body}{NBSP}%" if lang == "fr" else f"{body}%"


def signed_pct(value: float, lang: str, decimals: int = 1) -> str:
    """A difference as a signed percentage (a plus sign for zero and above).

    >>> signed_pct(0.0123, "fr"), signed_pct(-0.05, "en")
    ('+1,2\u00a0%', '-5.0%')
    """
    text = pct(value, lang, decimals)
    return text if text.startswith("-") else "+" + text

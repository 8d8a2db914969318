"""Fonts, paragraph styles, tables and number formats of the committee PDF (reportlab).

The text font is Bitstream Vera, shipped inside reportlab and embedded in the PDF: it has every French
character, the euro sign and the no-break space, so the document prints the same everywhere. No text is
smaller than :data:`SMALLEST_PT`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, Table, TableStyle

from planner.i18n import check_lang

FONT, BOLD, ITALIC = "Vera", "Vera-Bold", "Vera-Italic"
#: Smallest text size of the document (notes, sources), in points.
SMALLEST_PT = 8.0
BLUE = colors.HexColor("#1F4E78")
_LIGHT = colors.HexColor("#DDEBF7")
NBSP = "\u00a0"


def register_fonts() -> None:
    """Register the Vera family with reportlab (once; later calls do nothing)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf"), ("Vera-BoldItalic",
                                                                                         "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic="Vera-BoldItalic")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the document."""

    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle


def styles() -> Styles:
    """The document's styles (fonts registered)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5)
    return Styles(
        title=ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=21, textColor=BLUE, spaceAfter=6),
        h1=ParagraphStyle("h1", fontName=BOLD, fontSize=13, leading=16, textColor=BLUE, spaceBefore=10,
                          spaceAfter=5),
        h2=ParagraphStyle("h2", fontName=BOLD, fontSize=10.5, leading=13, textColor=BLUE, spaceBefore=6,
                          spaceAfter=3),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=SMALLEST_PT, leading=10, spaceAfter=2),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle("head", parent=cell, fontName=BOLD, textColor=colors.white))


def table(st: Styles, head: Sequence[str] | None, rows: Sequence[Sequence[str]], weights: Sequence[float],
          right: Sequence[bool], width: float = 510.0) -> Table:
    """A table as wide as ``width`` points, columns in proportion to ``weights``; header on blue, repeated on
    every page; text wraps in its cell."""
    def cells(values: Sequence[str], header: bool) -> list[Paragraph]:
        return [Paragraph(escape(v), st.head if header else st.cell_right if r else st.cell)
                for v, r in zip(values, right, strict=True)]

    data = ([cells(head, True)] if head else []) + [cells(r, False) for r in rows]
    total = sum(weights)
    out = Table(data, colWidths=[width * w / total for w in weights], repeatRows=1 if head else 0)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#9BB7D4")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), BLUE))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), _LIGHT))
    out.setStyle(TableStyle(commands))
    return out


def escape(text: str) -> str:
    """Text for a reportlab paragraph (which reads a little markup): ``&``, ``<`` and ``>`` escaped.

    >>> escape("R&D <b>")
    'R&amp;D &lt;b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def number(value: float | None, lang: str, decimals: int) -> str:
    """A number the way ``lang`` writes it: ``1 234,5`` (no-break spaces) or ``1,234.5``; ``-`` for none.

    >>> number(1234.5, "fr", 1), number(1234.5, "en", 1), number(None, "en", 0)
    ('1\\xa0234,5', '1,234.5', '-')
    """
    if value is None:
        return "-"
    text = f"{value:,.{decimals}f}"
    if check_lang(lang) == "fr":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def money(value: float | None, lang: str) -> str:
    """An amount in euros, to the euro: ``375 950 €`` or ``EUR 375,950``.

    >>> money(375950, "fr"), money(375950.4, "en")
    ('375\\xa0950\\xa0€', 'EUR\\xa0375,950')
    """
    if value is None:
        return "-"
    return f"{number(value, lang, 0)}{NBSP}€" if lang == "fr" else f"EUR{NBSP}{number(value, lang, 0)}"


def share(value: float, lang: str) -> str:
    """A share as a percentage: ``41,8 %`` or ``41.8%``.

    >>> share(0.418, "fr"), share(0.418, "en")
    ('41,8\\xa0%', '41.8%')
    """
    return f"{number(value * 100, lang, 1)}{NBSP}%" if lang == "fr" else f"{number(value * 100, lang, 1)}%"

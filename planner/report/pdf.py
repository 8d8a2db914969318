"""The committee PDF: one A4 document for the procurement committee, in French or English.

Sections: 1. summary (result, value, costs, budget use), 2. purchase path (a :class:`PrintedPath` given by
the caller, from the nested purchase path; the document says when there is none), 3. specifications (the
plan's purchase lines by family, with the source and date of each price), 4. clinical coverage, 5. security
clauses for the tender. Every page carries the scenario, the date and its number.

Every figure comes from the :class:`~planner.plan.Plan` (and the path it is given); nothing is recomputed.
:func:`write_committee_pdf` renders the whole document in memory and then writes it atomically: a failure
leaves no half-written file.
"""

from __future__ import annotations

import io
import os
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from planner.catalog import Catalog
from planner.io import write_atomic
from planner.plan import Plan
from planner.report.pdf_path import PrintedPath
from planner.report.pdf_sections import (
    coverage_section,
    path_section,
    security_section,
    spec_columns,
    specs_section,
    summary_section,
)
from planner.report.pdf_style import FONT, SMALLEST_PT, Styles, escape, styles
from planner.report.xlsx_context import PlanContext, plan_context
from planner.scenario import Scenario

__all__ = ["PDF_MIME", "PrintedPath", "committee_pdf_bytes", "spec_columns", "write_committee_pdf"]

#: MIME type of the document, for download buttons.
PDF_MIME = "application/pdf"
_MARGIN = 18 * mm


def committee_pdf_bytes(plan: Plan, catalog: Catalog, scenario: Scenario, lang: str = "fr",
                        path: PrintedPath | None = None, today: date | None = None) -> bytes:
    """The committee document as PDF bytes, in ``lang`` ("fr" or "en").

    ``scenario`` must be the scenario the plan was made from (``ValueError`` otherwise); ``path`` is the
    purchase path to print (none: the section says how to get one); ``today`` is the edition date shown.
    """
    ctx = plan_context(plan, catalog, scenario, lang, today)
    st = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN + 4 * mm,
                            bottomMargin=_MARGIN, title=f"{ctx.t('pdf_title')}: {scenario.name}",
                            author="cathlab-planner", lang=lang)
    doc.build(_story(ctx, st, path), onFirstPage=_page_decor(ctx), onLaterPages=_page_decor(ctx))
    return buffer.getvalue()


def write_committee_pdf(out: str | os.PathLike[str], plan: Plan, catalog: Catalog, scenario: Scenario,
                        lang: str = "fr", path: PrintedPath | None = None, today: date | None = None) -> None:
    """Write the committee document to ``out`` atomically (rendered first; the previous file stays intact on
    failure)."""
    write_atomic(out, committee_pdf_bytes(plan, catalog, scenario, lang, path, today))


def _story(ctx: PlanContext, st: Styles, path: PrintedPath | None) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(ctx.t("pdf_title"), st.title),
        Paragraph(escape(ctx.t("pdf_subtitle", scenario=ctx.scenario.name, date=ctx.today.isoformat())), st.body)]
    story += summary_section(ctx, st)
    story += path_section(ctx, st, path)
    if ctx.plan.has_solution:
        story += specs_section(ctx, st)
        story += coverage_section(ctx, st)
    story += security_section(ctx, st)
    return story


def _page_decor(ctx: PlanContext):  # type: ignore[no-untyped-def]  # reportlab's page callback
    """Header (scenario, date) and footer (page number) of every page."""
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(FONT, SMALLEST_PT)
        canvas.drawString(_MARGIN, height - _MARGIN + 2 * mm, ctx.scenario.name[:90])
        canvas.drawRightString(width - _MARGIN, height - _MARGIN + 2 * mm, ctx.today.isoformat())
        canvas.drawString(_MARGIN, _MARGIN - 8 * mm, "cathlab-planner")
        canvas.drawRightString(width - _MARGIN, _MARGIN - 8 * mm, ctx.t("pdf_page", n=doc.page))
        canvas.restoreState()

    return draw

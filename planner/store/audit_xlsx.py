"""The audit trail as an Excel workbook, for the committee."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from planner.store.records import AuditEntry, stamp

HEADERS = {"fr": ("Date (UTC)", "Qui", "Action", "Objet", "Résultat", "Détail"),
           "en": ("Time (UTC)", "Who", "Action", "Target", "Outcome", "Detail")}


def audit_workbook(rows: Sequence[AuditEntry], lang: str = "fr") -> bytes:
    """One sheet, one row per audit entry (newest first), headers in ``lang``."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Audit"
    ws.append(HEADERS.get(lang, HEADERS["en"]))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append((stamp(r.at).removesuffix(" UTC"), r.actor, r.action, r.target, r.outcome, r.detail))
    for col, width in zip("ABCDEF", (20, 18, 16, 30, 10, 80), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

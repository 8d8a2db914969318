"""The audit trail as an Excel workbook, for the committee."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from planner.i18n import LANGS, t
from planner.store.records import AuditEntry, stamp

#: The columns, headed by the catalogue's ``wb.audit.<column>`` codes.
COLUMNS = ("at", "actor", "action", "target", "outcome", "detail")


def audit_workbook(rows: Sequence[AuditEntry], lang: str = "fr") -> bytes:
    """One sheet, one row per audit entry (newest first), headers in ``lang``."""
    wb = Workbook()
    ws = wb.active
    lang = lang if lang in LANGS else "en"
    ws.title = t("audit.sheet", lang)
    ws.append([t(f"audit.{c}", lang) for c in COLUMNS])
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

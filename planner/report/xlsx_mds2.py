"""The MDS2 questionnaire sent to vendors: one workbook per vendor, one sheet per device, in French or English.

Each sheet asks the questions that matter for the risk score (:data:`planner.mds2.QUESTIONS`: the
ANSI/NEMA HN 1-2019 ids and ours), the open ones first, with the points at stake and what the catalogue
already records; it lists the device's published advisories. The vendor fills the Answer column (a list of
allowed values in each cell), the date and the respondent; :func:`planner.mds2_import.read_mds2` reads it back.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planner.catalog import Device
from planner.i18n import t
from planner.mds2 import QUESTIONS, Question, device_answers
from planner.mds2_import import FORM_ID
from planner.report.security_text import value_label
from planner.report.xlsx_cells import put, save_bytes, title, write_header
from planner.security import OS_POINTS, RISK_POINTS, risk_score

_OPEN_FILL = PatternFill("solid", fgColor="FFE699")
_ANSWER_FILL = PatternFill("solid", fgColor="E2EFDA")
HEADER_ROW = 12
#: A profile field's label in the workbook (as on the Security sheet).
FIELD_LABELS = {"network_connected": "sec_network", "os_family": "sec_os", "os_end_of_support": "sec_os_eos",
                "mds2_available": "sec_mds2", "sbom_available": "sec_sbom", "patch_policy": "sec_patch",
                "remote_access": "sec_remote", "encryption_at_rest": "sec_encryption"}


def label(key: str, lang: str, **values: object) -> str:
    """A label of the questionnaire in ``lang`` (catalogue code ``wb.mds2.<key>``)."""
    return t(f"mds2.{key}", lang, **values)


def vendor_file_name(vendor: str) -> str:
    """File name of a vendor's questionnaire: ``mds2_<vendor slug>.xlsx``.

    >>> vendor_file_name("Boston Scientific")
    'mds2_boston_scientific.xlsx'
    """
    slug = re.sub(r"[^a-z0-9]+", "_", vendor.lower()).strip("_") or "vendor"
    return f"mds2_{slug}.xlsx"


def questionnaires(devices: Iterable[Device], lang: str, reference: date) -> dict[str, bytes]:
    """One workbook per vendor (file name -> bytes), one sheet per device, devices in id order."""
    by_vendor: dict[str, list[Device]] = {}
    for dev in sorted(devices, key=lambda d: d.id):
        by_vendor.setdefault(vendor_file_name(dev.vendor), []).append(dev)
    return {name: _workbook(devs, lang, reference) for name, devs in sorted(by_vendor.items())}


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """The files in one zip archive."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _workbook(devices: Sequence[Device], lang: str, reference: date) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for dev in devices:
        name = sheet_name(dev.label(lang), used)
        used.add(name)
        device_sheet(wb.create_sheet(name), dev, lang, reference)
    return save_bytes(wb)


def sheet_name(device_name: str, used: set[str]) -> str:
    """A device's sheet: its name without the characters Excel refuses, at most 31 characters (cut between two
    words), unique.

    >>> sheet_name("CoroFlow IMR/CFR option [v2]", set()), sheet_name("A" * 40, {"A" * 31})
    ('CoroFlow IMR-CFR option (v2)', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA_1')
    >>> sheet_name("Option CoroFlow IMR/CFR par thermodilution en bolus", set())
    'Option CoroFlow IMR-CFR par'
    """
    clean = device_name.translate(str.maketrans("[]:*?/\\", "()-__--")).strip("' ") or "device"
    name = clean if len(clean) <= 31 else (clean[:32].rsplit(" ", 1)[0] if " " in clean[:32] else clean[:31])
    while name in used:
        name = clean[:28] + f"_{len(used)}"
    return name


def device_sheet(ws: Worksheet, dev: Device, lang: str, reference: date) -> None:
    """The questions for one device: key rows (A: key, B: value, C: label), then the question table."""
    title(ws, label("title", lang, device=f"{dev.label(lang)} ({dev.vendor})"))
    keys = (("form", FORM_ID), ("device_id", dev.id), ("device", dev.label(lang)), ("vendor", dev.vendor),
            ("answered_on", None), ("answered_by", None), ("sent_on", reference.isoformat()))
    for row, (key, value) in enumerate(keys, start=2):
        put(ws, row, 1, key)
        put(ws, row, 2, value).fill = _ANSWER_FILL if value is None else PatternFill()
        put(ws, row, 3, label(key, lang))
    score = risk_score(dev, reference)
    put(ws, 9, 1, label("known", lang, known=score.known, total=score.known + len(score.unknown), score=score.score))
    notes = [label("advisory", lang, issuer=a.issuer, reference=a.reference, date=a.date.isoformat(),
                   severity=a.severity, status=a.status) for a in dev.advisories]
    put(ws, 10, 1, label("intro", lang) + "".join(f"\n{n}" for n in notes))
    ws.merge_cells(start_row=10, start_column=1, end_row=10, end_column=9)
    ws.cell(row=10, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[10].height = 15 * (5 + 2 * len(notes))
    _question_table(ws, dev, score.unknown, lang)


def _question_table(ws: Worksheet, dev: Device, unknown: tuple[str, ...], lang: str) -> None:
    heads = ("question_id", "field", "question", "question_other", "points", "catalogue", "status", "answer",
             "comment")
    write_header(ws, HEADER_ROW, [label(k, lang) for k in heads])
    open_fields = set(unknown) | ({"os_family"} if "os_end_of_support" in unknown else set())
    ordered = sorted(QUESTIONS, key=lambda q: q.field not in open_fields)
    known = device_answers(dev)
    other = "en" if lang == "fr" else "fr"
    for row, q in enumerate(ordered, start=HEADER_ROW + 1):
        is_open = q.field in open_fields
        cells = (q.id, t(FIELD_LABELS[q.field], lang), q.text(lang), q.text(other), label("up_to", lang, n=_points(q)),
                 value_label(q.field, known[q.id], lang),
                 label("open" if is_open else "confirm", lang), None, None)
        for col, value in enumerate(cells, start=1):
            cell = put(ws, row, col, value)
            cell.alignment = Alignment(wrap_text=col in (3, 4), vertical="top")
        ws.cell(row=row, column=7).fill = _OPEN_FILL if is_open else PatternFill()
        ws.cell(row=row, column=8).fill = _ANSWER_FILL
        _validation(ws, q, row)
    for col, width in zip("ABCDEFGHI", (12, 18, 60, 60, 14, 22, 14, 24, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.cell(row=2, column=1).font = Font(color="808080", size=8)


def _validation(ws: Worksheet, q: Question, row: int) -> None:
    """A drop-down list of the allowed answers in the answer cell (yes/no or the question's choices)."""
    if q.kind not in ("yesno", "choice"):
        return
    values = "Yes,No,N/A" if q.kind == "yesno" else ",".join(q.choices)
    check = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True)
    ws.add_data_validation(check)
    check.add(ws.cell(row=row, column=8))


def _points(q: Question) -> int:
    """The most points the question's field can add to the score."""
    if q.field in ("os_family", "os_end_of_support"):
        return max(OS_POINTS.values())
    return max(RISK_POINTS[q.field].values())

"""Read a completed MDS2 form into a device's security profile (``security.device_profiles`` of a scenario).

Two layouts are read from an .xlsx (or .csv) file:

- a vendor's **ANSI/NEMA HN 1-2019 form**: rows with a question id (``DOC-7``, ``CONN-3``, ``SBOM-1``...) and a
  Yes / No / N/A answer. The answer column is the one headed "Answer", "Response" or "Yes/No..." on the row
  that heads the "Question ID" column; without such a header, the answer of a row is its first Yes / No /
  N/A cell right of the id (for a ``DOC-*`` row, the cell after the question). The form's release date
  (``DOC-7``) dates the profile.
- **our questionnaire** (:mod:`planner.report.xlsx_mds2`) filled in: one sheet per device, its id in the
  ``device_id`` row, dated by the ``answered_on`` row.

Every answer to a question that matters (:data:`planner.mds2.QUESTIONS`) is checked; a bad one is reported
with its sheet, row, question id and value, and nothing is imported until the form is clean.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from planner.catalog import Catalog
from planner.errors import Issue, PlannerInputError
from planner.ingest.read import RawRow, Table, blank, cell_text, file_error, read_table_file
from planner.mds2 import BY_ID, YESNO_ANSWERS, Answer, Question, profile_fields
from planner.messages import Device, Join, Msg, msg
from planner.scenario import DeviceProfile, Scenario
from planner.schema import Column, coerce

#: Value of the ``form`` row that marks our questionnaire.
FORM_ID = "cathlab-planner/mds2-questionnaire/1"
ID_RE = re.compile(r"^[A-Z]{3,5}-\d+(?:\.\d+)*$")
_ID_HEADERS = {"question id", "question_id", "id", "mds2 id", "identifiant", "identifiant de la question"}
_ANSWER_PREFIX = re.compile(r"^(n/a|non|no|oui|yes)\b", re.IGNORECASE)
_DATE = Column("date", "date")


@dataclass(frozen=True)
class Mds2Import:
    """A form read: the profile to record, the answers it rests on, the layout and sheet read."""

    device_id: str
    profile: DeviceProfile
    answers: Mapping[str, Answer]
    own_form: bool
    sheet: str


@dataclass(frozen=True)
class _Sheet:
    name: str
    rows: tuple[RawRow, ...]

    def where(self, row: int) -> Msg:
        parts = ([msg("loc.sheet", sheet=self.name)] if self.name else []) + [msg("loc.row", row=row)]
        return msg("loc.place", parts=Join(tuple(parts), "comma"))


def read_mds2(data: bytes, filename: str, device_id: str, catalog: Catalog, source: str | None = None,
              when: date | None = None) -> Mds2Import:
    """Read a completed form for ``device_id``; raise :class:`PlannerInputError` listing every problem."""
    if device_id not in catalog.devices:
        raise PlannerInputError([Issue(filename, "", "device", device_id, msg("chk.unknown_device"))])
    sheets = [_Sheet(t.sheet, _all_rows(t)) for t in read_table_file(data, filename)]
    sheet, own = _pick_sheet(sheets, device_id, filename)
    issues: list[Issue] = []
    answers, cells = _answers(sheet, own, filename, issues)
    fields = profile_fields(answers, mds2_form=not own)
    if not fields and not issues:
        ids = ", ".join(BY_ID) if own else "CONN-3, CONN-4, SBOM-1, CSUP-11, RMOT-1, STCF-1"
        issues.append(Issue(filename, sheet.where(1), "answers", "", msg("mds2.no_answer", ids=ids)))
    day = when or _form_date(sheet, own, cells, filename, issues)
    if issues:
        raise PlannerInputError(issues)
    profile = DeviceProfile(source or _source(filename, sheet, own, cells), day, **fields)  # type: ignore[arg-type]
    return Mds2Import(device_id, profile, answers, own, sheet.name)


def with_device_profile(scenario: Scenario, device_id: str, profile: DeviceProfile) -> Scenario:
    """The scenario with ``device_id``'s security profile replaced by ``profile``."""
    profiles = {**scenario.security.device_profiles, device_id: profile}
    return replace(scenario, security=replace(scenario.security, device_profiles=dict(sorted(profiles.items()))))


def _all_rows(table: Table) -> tuple[RawRow, ...]:
    """Every non-blank row of a sheet, its first one (read as a header by the table reader) included."""
    return (RawRow(table.header_row, table.header), *table.rows)


def _keys(sheet: _Sheet) -> dict[str, tuple[int, Any]]:
    """Key rows of our questionnaire: column A holds a key (``device_id``...), column B its value."""
    return {str(r.cells[0]).strip(): (r.number, r.cells[1] if len(r.cells) > 1 else None)
            for r in sheet.rows if r.cells and isinstance(r.cells[0], str)}


def _pick_sheet(sheets: Sequence[_Sheet], device_id: str, filename: str) -> tuple[_Sheet, bool]:
    """Our questionnaire's sheet for the device, or else the sheet with the most HN 1-2019 question ids."""
    own = [s for s in sheets if str(_keys(s).get("form", (0, ""))[1]).strip() == FORM_ID]
    if own:
        for s in own:
            if str(_keys(s).get("device_id", (0, ""))[1]).strip() == device_id:
                return s, True
        found = Join(tuple(Device(d) for d in sorted(str(_keys(s).get("device_id", (0, ""))[1]) for s in own)), "and")
        raise file_error(filename, msg("mds2.other_device", found=found, device=Device(device_id)))
    counts = [(sum(1 for r in s.rows for c in r.cells if isinstance(c, str) and ID_RE.match(c.strip())), s)
              for s in sheets]
    best = max(counts, key=lambda c: c[0], default=(0, None))
    if best[1] is None or best[0] == 0:
        raise file_error(filename, msg("mds2.no_ids"))
    return best[1], False


def _layout(sheet: _Sheet) -> tuple[int | None, int | None, int]:
    """(id column, answer column, header row) from the row heading the "Question ID" column, if any."""
    for row in sheet.rows[:60]:
        texts = [str(c).strip().lower() if isinstance(c, str) else "" for c in row.cells]
        ids = [i for i, t in enumerate(texts) if t in _ID_HEADERS]
        if ids:
            answer = next((i for i, t in enumerate(texts) if t.startswith(("answer", "response", "réponse",
                                                                            "reponse")) or
                           ("yes" in t and "no" in t)), None)
            return ids[0], answer, row.number
    return None, None, 0


def _answers(sheet: _Sheet, own: bool, filename: str,
             issues: list[Issue]) -> tuple[dict[str, Answer], dict[str, tuple[int, Any]]]:
    """Answers to our questions (checked) and the raw answer cell of every question id (for DOC-*)."""
    id_col, answer_col, header = _layout(sheet)
    if own and (id_col is None or answer_col is None):
        issues.append(Issue(filename, sheet.where(header or 1), "header", "",
                            msg("mds2.no_header")))
        return {}, {}
    answers: dict[str, Answer] = {}
    cells: dict[str, tuple[int, Any]] = {}
    for row in sheet.rows:
        if row.number <= header:
            continue
        qid, raw = _row_answer(row, id_col, answer_col)
        if qid is None:
            continue
        if own and qid not in BY_ID:
            issues.append(Issue(filename, sheet.where(row.number), "question_id", qid, msg("mds2.unknown_question")))
            continue
        cells.setdefault(qid, (row.number, raw))
        if qid in BY_ID and not blank(raw):
            _check_answer(BY_ID[qid], raw, sheet.where(row.number), filename, answers, issues)
    return answers, cells


def _row_answer(row: RawRow, id_col: int | None, answer_col: int | None) -> tuple[str | None, Any]:
    cells = row.cells
    if id_col is None:
        id_col = next((i for i, c in enumerate(cells) if isinstance(c, str) and ID_RE.match(c.strip())), None)
    if id_col is None or id_col >= len(cells) or not isinstance(cells[id_col], str) or blank(cells[id_col]):
        return None, None
    qid = cells[id_col].strip().upper()
    if answer_col is not None:
        return qid, cells[answer_col] if answer_col < len(cells) else None
    rest = [c for c in cells[id_col + 1:] if not blank(c)]
    answer = next((c for c in rest if _yes_no_text(c) is not None), None)
    return qid, answer if answer is not None else (rest[1] if qid.startswith("DOC-") and len(rest) > 1 else None)


def _yes_no_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text in YESNO_ANSWERS:
        return YESNO_ANSWERS[text]
    match = _ANSWER_PREFIX.match(text)
    return YESNO_ANSWERS[match.group(1)] if match else None


def _check_answer(q: Question, raw: Any, where: Msg, filename: str, answers: dict[str, Answer],
                  issues: list[Issue]) -> None:
    """Normalise one answer into ``answers`` or report why it is refused."""
    value: Answer | None
    if q.kind == "yesno":
        value, problem = _yes_no_text(raw), msg("mds2.yes_no")
    elif q.kind == "choice":
        text = cell_text(raw).strip().lower()
        value, problem = (text if text in q.choices else None), msg("in.one_of", allowed=", ".join(q.choices))
    elif q.kind == "date":
        value, problem = _date_value(raw), msg("in.date")
    else:
        value, problem = cell_text(raw).strip() or None, msg("mds2.text")
    if value is None:
        issues.append(Issue(filename, where, q.id, cell_text(raw), problem))
    elif q.id in answers and answers[q.id] != value:
        issues.append(Issue(filename, where, q.id, cell_text(raw), msg("mds2.twice", answer=str(answers[q.id]))))
    else:
        answers[q.id] = value


def _date_value(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        value = coerce(_DATE, cell_text(raw))
    except ValueError:
        return None
    return value if isinstance(value, date) else None


def _form_date(sheet: _Sheet, own: bool, cells: Mapping[str, tuple[int, Any]], filename: str,
               issues: list[Issue]) -> date:
    """The form's date: its release date (HN 1-2019 ``DOC-7``) or our ``answered_on`` row."""
    row, raw = _keys(sheet).get("answered_on", (1, None)) if own else cells.get("DOC-7", (1, None))
    key = "answered_on" if own else "DOC-7"
    value = None if blank(raw) else _date_value(raw)
    if value is None:
        message = msg("mds2.bad_date") if not blank(raw) else msg("mds2.no_date")
        issues.append(Issue(filename, sheet.where(row), key, cell_text(raw), message))
        return date.today()
    return value


def _source(filename: str, sheet: _Sheet, own: bool, cells: Mapping[str, tuple[int, Any]]) -> str:
    """Where the profile comes from, in words, from the form's own document fields."""
    if own:
        by = cell_text(_keys(sheet).get("answered_by", (0, None))[1]).strip()
        return f"vendor questionnaire ({filename})" + (f", answered by {by}" if by else "")
    doc = {k: cell_text(cells[k][1]).strip() for k in ("DOC-1", "DOC-3", "DOC-4") if k in cells}
    parts = [p for p in (doc.get("DOC-4"), doc.get("DOC-1"), doc.get("DOC-3")) if p]
    return f"MDS2 (HN 1-2019) {' '.join(parts)} ({filename})".replace("  ", " ")

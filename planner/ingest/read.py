"""Reading spreadsheet files for the importers: .xlsx workbooks and .csv files, limits, cell values.

- A sheet's header is its first non-empty row; blank rows are skipped. Sheets without any value are ignored.
- Numbers may be number cells or text; text may carry spaces (also no-break and narrow no-break) between
  thousands, a trailing ``€``/``EUR``/``HT`` and a French decimal comma (``1 234,50 €``), the same in an
  .xlsx text cell and in a CSV file (see :func:`number_text`).
- Dates may be date cells or text (``2026-03-15``, ``15/03/2026``, ``15.03.2026``; see :func:`date_value`).
- CSV files are UTF-8 (with or without BOM) or Windows-1252, separated by ``,``, ``;`` or tabs.
- Formulas are read through the value Excel or LibreOffice saved with them; a formula with no saved value
  (a file written by a program that does not compute) is an error.

Limits: files up to :data:`MAX_FILE_BYTES` (5 MB), workbooks up to :data:`MAX_UNZIPPED_BYTES` (50 MB)
once decompressed, and :data:`MAX_ROWS` (10,000) rows per sheet. Password-protected workbooks, Excel 97-2003
``.xls`` files, damaged files and other files renamed ``.xlsx`` are refused with a clear message.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import zip_longest
from pathlib import PurePath
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from planner.errors import InvalidValue, Issue, PlannerInputError, reason
from planner.messages import Join, Msg, msg
from planner.schema import Column, coerce

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 10_000
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class RawRow:
    """A non-blank row of a sheet: its row number as the user sees it and its cells under the header."""

    number: int
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    """One sheet (or the CSV file): header names, data rows, and whether text numbers use a decimal comma."""

    sheet: str
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    header_row: int = 1
    decimal_comma: bool = False

    def where(self, row: int, col: int | None = None) -> Msg:
        """Location: ``sheet 'Prices', row 4, column C`` (no sheet part for a CSV file)."""
        parts = [msg("loc.sheet", sheet=self.sheet)] if self.sheet else []
        parts.append(msg("loc.row", row=row))
        if col is not None:
            parts.append(msg("loc.column", column=get_column_letter(col + 1)))
        return msg("loc.place", parts=Join(tuple(parts), "comma"))


class _Uncomputed:
    """A formula cell without a saved value."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return self.formula


def file_error(filename: str, message: Msg) -> PlannerInputError:
    """An error about the whole file (too large, damaged, wrong type...)."""
    return PlannerInputError([Issue(filename, "", "file", filename, message)])


def read_table_file(data: bytes, filename: str) -> list[Table]:
    """Read an .xlsx workbook (every non-empty sheet) or a .csv file (one table).

    Raises :class:`PlannerInputError` for files that are too large, empty, password-protected, damaged or
    not what their extension says.
    """
    if len(data) > MAX_FILE_BYTES:
        raise file_error(filename, msg("file.too_big", size=f"{len(data) / 1e6:.1f}", most=MAX_FILE_BYTES // 2**20))
    if not data:
        raise file_error(filename, msg("file.empty"))
    ext = PurePath(filename).suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        _check_workbook_bytes(data, filename)
        return _read_xlsx(data, filename)
    if ext in (".csv", ".txt"):
        return [_read_csv(data, filename)]
    hint = {".xls": msg("file.xls"), ".ods": msg("file.ods")}
    raise file_error(filename, hint.get(ext, msg("file.unsupported", ext=ext or msg("file.no_extension"))))


def _check_workbook_bytes(data: bytes, filename: str) -> None:
    if data.startswith(_CFB_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise file_error(filename, msg("file.password"))
        raise file_error(filename, msg("file.xls_renamed"))
    if not data.startswith(b"PK\x03\x04"):
        what = ("file.not_excel_pdf" if data.startswith(b"%PDF") else
                "file.not_excel_text" if _is_text(data) else "file.not_excel")
        raise file_error(filename, msg(what))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise file_error(filename, msg("file.bad_zip")) from None
    if "xl/workbook.xml" not in names:
        raise file_error(filename, msg("file.zip_not_excel"))
    if unzipped > MAX_UNZIPPED_BYTES:
        raise file_error(filename, msg("file.unzipped", size=f"{unzipped / 1e6:.0f}",
                                       most=MAX_UNZIPPED_BYTES // 2**20))


def _is_text(data: bytes) -> bool:
    return b"\x00" not in data[:4096]


def _read_xlsx(data: bytes, filename: str) -> list[Table]:
    books: list[Any] = []
    try:  # untrusted input: openpyxl raises many exception types on damaged parts, all mean "damaged"
        books = [openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=flag)
                 for flag in (True, False)]
        tables = [_sheet_table(ws, wf, filename)
                  for ws, wf in zip(books[0].worksheets, books[1].worksheets, strict=True)]
    except PlannerInputError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise file_error(filename, msg("file.bad_xlsx", error=type(exc).__name__)) from None
    finally:
        for book in books:
            book.close()
    return [t for t in tables if t is not None]


def _sheet_table(values: Any, formulas: Any, filename: str) -> Table | None:
    """Rows of a worksheet, read from the values-only and the formulas copy of the workbook."""
    sheet: str = values.title
    for ws in (values, formulas):
        ws.reset_dimensions()  # some writers declare wrong dimensions; read every stored row
    rows: list[RawRow] = []
    pairs = zip_longest(values.iter_rows(values_only=True), formulas.iter_rows(values_only=True),
                        fillvalue=())
    for number, (vals, forms) in enumerate(pairs, start=1):
        cells = tuple(_uncomputed(v, f) for v, f in zip_longest(vals, forms))
        if any(not blank(c) for c in cells):
            if len(rows) > MAX_ROWS:
                raise file_error(filename, msg("file.sheet_rows", sheet=sheet, most=MAX_ROWS))
            rows.append(RawRow(number, cells))
    return _table(sheet, rows, decimal_comma=False)


def _uncomputed(value: Any, formula: Any) -> Any:
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return _Uncomputed(formula)
    return value


def blank(value: Any) -> bool:
    """Whether a cell is empty or holds only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _table(sheet: str, rows: Sequence[RawRow], decimal_comma: bool) -> Table | None:
    if not rows:
        return None
    head = rows[0]
    names = [("" if blank(c) else str(c).strip()) for c in head.cells]
    while names and not names[-1]:
        names.pop()
    return Table(sheet, tuple(names), tuple(rows[1:]), head.number, decimal_comma)


def _read_csv(data: bytes, filename: str) -> Table:
    if not _is_text(data) or data.startswith((b"PK\x03\x04", _CFB_MAGIC)):
        raise file_error(filename, msg("file.not_text_csv"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[RawRow] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(rows) > MAX_ROWS:
                    raise file_error(filename, msg("file.rows", most=MAX_ROWS))
                rows.append(RawRow(start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise file_error(filename, msg("file.bad_csv", line=start, problem=str(exc))) from None
    table = _table("", rows, decimal_comma=delimiter == ";")
    if table is None:
        raise file_error(filename, msg("file.no_header"))
    return table


def cell_text(value: Any) -> str:
    """Raw cell value as the text the schema coercers read (dates ISO, booleans yes/no).

    >>> cell_text(2500.0), cell_text(datetime(2024, 3, 1)), cell_text(None)
    ('2500.0', '2024-03-01', '')
    """
    if isinstance(value, _Uncomputed):
        raise InvalidValue(msg("file.formula", formula=value.formula))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


#: Spaces a spreadsheet or a French locale puts between thousands: space, no-break, narrow no-break, thin.
_SPACES = " \u00a0\u202f\u2009"
_GROUPED_COMMA = re.compile(rf"-?\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+,\d+")  # 1 234,50 / 1.234,50
_PLAIN_COMMA = re.compile(r"-?\d+,\d+")  # 650,50 / 1,5 / 1,500 (ambiguous)
_ENGLISH_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+\.\d+")  # 1,234.50
_CURRENCY = re.compile(r"\s*(€|eur|euros?)(\s*ht)?\s*$|\s*ht\s*$", re.IGNORECASE)


def number_text(value: Any, decimal_comma: bool) -> str:
    """Text of a numeric cell for :func:`planner.schema.coerce`: currency sign, ``HT``, spaces between
    thousands (also no-break and narrow no-break) and a French decimal comma handled.

    A decimal comma is read as such when the text cannot mean anything else: thousands grouped by spaces or
    dots (``1 234,50``), or not three digits after the comma (``650,50``, ``1,5``). ``1,500`` alone means
    1.5 in a semicolon-separated CSV file (French Excel's layout) and is refused elsewhere as ambiguous.

    >>> number_text("1\u202f200,50\u00a0€", False), number_text("12 000 EUR", False), number_text("1,5", False)
    ('1200.50', '12000', '1.5')
    >>> number_text("1,234.50", False), number_text("1,500", True)
    ('1234.50', '1.500')
    """
    text = _CURRENCY.sub("", cell_text(value).strip()).strip(_SPACES)
    squeezed = re.sub(rf"(?<=\d)[{_SPACES}](?=\d{{3}}(?:\D|$))", "", text)
    if _GROUPED_COMMA.fullmatch(text):
        return re.sub(rf"[{_SPACES}.]", "", text).replace(",", ".")
    if _PLAIN_COMMA.fullmatch(squeezed):
        if decimal_comma or len(squeezed.rsplit(",", 1)[1]) != 3:
            return squeezed.replace(",", ".")
        raise InvalidValue(msg("file.ambiguous_number", text=squeezed, thousands=squeezed.replace(",", ""),
                               decimal=squeezed.replace(",", ".")))
    if _ENGLISH_GROUPED.fullmatch(squeezed):
        return squeezed.replace(",", "")
    return squeezed


def coerce_number(column: Column, value: Any, decimal_comma: bool) -> float | int | None:
    """Coerce a numeric cell; ``None`` when blank. Raises ``ValueError`` with the reason."""
    text = number_text(value, decimal_comma)  # raises ValueError on an ambiguous comma
    if not text:
        return None
    try:
        return coerce(dataclasses.replace(column, required=False), text)  # type: ignore[return-value]
    except ValueError as exc:
        why = reason(exc)
        raise InvalidValue(msg("file.decimal_hint", why=why) if "," in text else why if isinstance(why, Msg)
                           else msg("text", text=why)) from None


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def date_value(value: Any) -> date | None:
    """A date cell, or a date written as text (ISO ``2026-03-15`` or French ``15/03/2026``, ``15.03.2026``);
    ``None`` when blank. Raises ``ValueError`` with the reason.

    >>> date_value("15/03/2026"), date_value(datetime(2026, 3, 15, 9, 30)), date_value(" 2026-03-15 ")
    (datetime.date(2026, 3, 15), datetime.date(2026, 3, 15), datetime.date(2026, 3, 15))
    """
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value).strip()
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if day_first:
            day, month, year = (int(g) for g in day_first.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(msg("file.not_a_date")) from None

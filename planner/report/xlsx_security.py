"""The Security sheet of the plan workbook (issue 7).

It shows, from top to bottom: the scenario's security rules; the security profile and risk score of every
device in the plan (``Plan.security``), with unknown values shown as such and an OS-support flag; the devices
the security rules excluded and why; the network segmentation charged in the capex, as live formulas on the
procurement list; the procurement clauses to put in the tender with their regulatory basis
(:mod:`planner.report.security_text`, from ``docs/security.md``); and a checklist of those clauses for every
connected device to buy, saying what the catalogue knows today.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.plan import DeviceSecurity
from planner.report.security_text import CLAUSES, Clause, value_label
from planner.report.xlsx_cells import (
    EUR,
    UNITS,
    Formula,
    fit_widths,
    put,
    section,
    style_total,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext
from planner.report.xlsx_procurement import ProcurementRefs, segmentation_per_unit
from planner.security import MAX_RISK_SCORE, RISK_POINTS, SOON_YEARS

#: Profile columns (label key, number format); the units are SUMIF formulas on the procurement list.
_PROFILE: tuple[tuple[str, str | None], ...] = (
    ("device", None), ("vendor", None), ("device_id", None), ("sec_units_new", UNITS), ("installed_units", UNITS),
    ("sec_network", None), ("sec_os", None), ("sec_os_eos", None), ("sec_os_flag", None), ("sec_mds2", None),
    ("sec_sbom", None), ("sec_patch", None), ("sec_remote", None), ("sec_encryption", None),
    ("sec_unknowns", UNITS), ("sec_known_fields", None), ("sec_score", UNITS), ("sec_advisories", None),
    ("sec_questions", None), ("sec_source", None))
LAST_COL = len(_PROFILE)
#: Catalogue fields shown by value (profile column key -> field).
_FIELDS = {"sec_network": "network_connected", "sec_mds2": "mds2_available", "sec_sbom": "sbom_available",
           "sec_patch": "patch_policy", "sec_remote": "remote_access", "sec_encryption": "encryption_at_rest"}
_UNKNOWN_FONT = Font(color="C65911", italic=True)
_CENTER = Alignment(horizontal="center", vertical="top")
_FLAG_FILL = {"ended": PatternFill("solid", fgColor="F4B183"), "soon": PatternFill("solid", fgColor="FFE699")}
#: Column spans (first, last) of the merged blocks, so that each section keeps the profile's widths.
_CLAUSE_SPANS = ((1, 1), (2, 8), (9, LAST_COL))
_CHECK_SPANS = ((1, 1), (2, 2), (3, 3), (4, 7), (8, 9), (10, 12), (13, LAST_COL))


def is_connected(row: DeviceSecurity) -> bool:
    """Whether the device is known to be on the network (``unknown`` is not counted as connected)."""
    return row.network_connected not in ("none", "unknown")


def may_be_connected(row: DeviceSecurity) -> bool:
    """Whether the device is or may be on the network (its tender clauses apply)."""
    return row.network_connected != "none"


def unknown_fields(row: DeviceSecurity) -> tuple[str, ...]:
    """The scored fields of a profile that are unknown (they add no point; their questions are open)."""
    out = [f for f, table in RISK_POINTS.items() if getattr(row, f) == "unknown" or getattr(row, f) not in table]
    return (*out, "os_end_of_support") if row.os_status == "unknown" else tuple(out)


def security_caveat(ctx: PlanContext) -> str | None:
    """The Summary's security caveat: connected devices, flagged operating systems, undisclosed information."""
    rows = ctx.plan.security
    if not rows:
        return None
    flagged = [ctx.product(r.device_id) for r in rows if r.flagged]
    return ctx.t("caveat_security", connected=sum(map(is_connected, rows)), total=len(rows),
                 unknown_net=sum(1 for r in rows if r.network_connected == "unknown"),
                 flagged=len(flagged), years=SOON_YEARS, names=f" ({'; '.join(flagged)})" if flagged else "",
                 unknown=sum(1 for r in rows if unknown_fields(r)), advisories=sum(1 for r in rows if r.advisories),
                 sheet=ctx.sheet("sheet_security"))


def security_sheet(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs) -> str:
    """Write the sheet; return the cell of the segmentation total (a formula on the procurement list)."""
    title(ws, ctx.t("sec_title"))
    opts = ctx.scenario.security
    merged: list[int] = [2]
    _span_row(ws, 2, ((1, LAST_COL),), [ctx.t("sec_intro", max=MAX_RISK_SCORE, date=opts.reference_date.isoformat(),
                                                 years=SOON_YEARS)])
    row = _rules_block(ws, ctx, 4)
    row = _profile_block(ws, ctx, refs, row + 2)
    row = _exclusions_block(ws, ctx, row + 2, merged)
    row, total = _segmentation_block(ws, ctx, refs, row + 2)
    row = _clauses_block(ws, ctx, row + 2, merged)
    _checklist_block(ws, ctx, row + 2, merged)
    advisories = get_column_letter([k for k, _ in _PROFILE].index("sec_advisories") + 1)
    fit_widths(ws, wrap={"A": 30, "B": 22, advisories: 50, get_column_letter(LAST_COL): 60})
    _merged_heights(ws, merged)
    _unwrap_titles(ws)
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    return total


def _rules_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    opts = ctx.scenario.security
    section(ws, top, ctx.t("sec_rules"))
    rules: list[tuple[str, Any, str | None]] = [
        ("sec_rule_os", ctx.t("yes" if opts.exclude_unsupported_os else "no"), None),
        ("sec_rule_mds2", ctx.t("yes" if opts.require_mds2 else "no"), None),
        ("sec_rule_score", "-" if opts.max_risk_score is None else opts.max_risk_score, None),
        ("sec_rule_segmentation", opts.segmentation_cost_eur_per_connected_device, EUR),
        ("sec_rule_date", opts.reference_date.isoformat(), None)]
    for row, (key, value, fmt) in enumerate(rules, start=top + 1):
        put(ws, row, 1, ctx.t(key), bold=True)
        put(ws, row, 2, value, fmt).alignment = Alignment(horizontal="left")
    return top + len(rules)


def _profile_block(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs, top: int) -> int:
    """One row per device of the plan; unknown values in orange italics, the OS flag shaded."""
    section(ws, top, ctx.t("sec_profiles"))
    write_header(ws, top + 1, [ctx.t(k, max=MAX_RISK_SCORE) if k == "sec_score" else ctx.t(k)
                               for k, _ in _PROFILE])
    rows = [_profile_cells(ctx, r) for r in ctx.plan.security]
    last = write_rows(ws, top + 2, (cells for cells, _ in rows), [fmt for _, fmt in _PROFILE])
    keys = [k for k, _ in _PROFILE]
    for r, (_, unknown) in enumerate(rows, start=top + 2):
        for key, col in (("sec_units_new", "qty"), ("installed_units", "installed_units")):
            formula = f"SUMIF({refs.column('device_id')},C{r},{refs.column(col)})"
            put(ws, r, keys.index(key) + 1, Formula(formula), UNITS)
        for key in unknown:
            ws.cell(row=r, column=keys.index(key) + 1).font = _UNKNOWN_FONT
        for key in ("sec_units_new", "installed_units", "sec_unknowns", "sec_score"):
            ws.cell(row=r, column=keys.index(key) + 1).alignment = _CENTER
        status = ctx.plan.security[r - top - 2].os_status
        if status in _FLAG_FILL:
            ws.cell(row=r, column=keys.index("sec_os_flag") + 1).fill = _FLAG_FILL[status]
    ws.auto_filter.ref = f"A{top + 1}:{get_column_letter(LAST_COL)}{max(last, top + 2)}"
    return max(last, top + 1)


def _profile_cells(ctx: PlanContext, r: DeviceSecurity) -> tuple[list[Any], list[str]]:
    """The cells of a profile row (units left for formulas) and the keys of the columns shown as unknown."""
    dev = ctx.devices.get(r.device_id)
    unknown_label = value_label("", "unknown", ctx.lang)
    values: dict[str, Any] = {key: value_label(field, getattr(r, field), ctx.lang) for key, field in _FIELDS.items()}
    values |= {
        "device": dev.label(ctx.lang) if dev else r.device_id, "vendor": dev.vendor if dev else "",
        "device_id": r.device_id,
        "sec_os": r.os_family or unknown_label, "sec_os_eos": r.os_end_of_support or unknown_label,
        "sec_os_flag": value_label("os_status", r.os_status, ctx.lang, years=SOON_YEARS),
        "sec_unknowns": len(unknown_fields(r)), "sec_score": r.risk_score, "sec_source": r.source or "-",
        "sec_known_fields": ctx.t("sec_known_value", known=r.known_fields, total=r.scored_fields),
        "sec_advisories": "\n".join(r.advisories) or "-", "sec_questions": ", ".join(r.open_questions) or "-"}
    unknown = [k for k, f in _FIELDS.items() if getattr(r, f) not in RISK_POINTS[f] or getattr(r, f) == "unknown"]
    unknown += [k for k, v in (("sec_os", r.os_family), ("sec_os_eos", r.os_end_of_support)) if not v]
    if r.os_status == "unknown":
        unknown.append("sec_os_flag")
    return [values.get(k) for k, _ in _PROFILE], unknown


def _exclusions_block(ws: Worksheet, ctx: PlanContext, top: int, merged: list[int]) -> int:
    section(ws, top, ctx.t("sec_excluded"))
    spans = ((1, 1), (2, 2), (3, 3), (4, LAST_COL))
    _span_row(ws, top + 1, spans, [ctx.t(k) for k in ("device", "vendor", "device_id", "sec_reason")], header=True)
    row = top + 1
    for ex in ctx.plan.security_exclusions:
        row += 1
        dev = ctx.devices.get(ex.device_id)
        _span_row(ws, row, spans, [dev.label(ctx.lang) if dev else ex.device_id, dev.vendor if dev else "",
                                   ex.device_id, ctx.say(ex.reason)])
        merged.append(row)
    if row == top + 1:
        row += 1
        put(ws, row, 1, ctx.t("sec_no_exclusion"))
    return row


def _segmentation_block(ws: Worksheet, ctx: PlanContext, refs: ProcurementRefs, top: int) -> tuple[int, str]:
    """Every procurement line whose new units are charged with segmentation: quantity and price per unit are
    references to the list (a buyer's edits carry over), the line is their product, the total their SUM."""
    section(ws, top, ctx.t("sec_segmentation"))
    keys = ("device", "vendor", "device_id", "site", "qty", "segmentation_unit", "sec_segmentation_line")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    row = top + 1
    for a, line in refs.lines:
        if segmentation_per_unit(ctx, a) <= 0:
            continue
        row += 1
        dev = ctx.devices[a.device_id]
        write_rows(ws, row, [[dev.label(ctx.lang), dev.vendor, dev.id, ctx.site_name(a.site_id),
                              Formula(refs.cell("qty", line)), Formula(refs.cell("segmentation_unit", line)),
                              Formula(f"E{row}*F{row}")]], (None, None, None, None, UNITS, EUR, EUR))
    total = row + 1
    put(ws, total, 1, ctx.t("total") if row > top + 1 else ctx.t("sec_no_segmentation"))
    put(ws, total, 7, Formula(f"SUM(G{top + 2}:G{row})") if row > top + 1 else 0.0, EUR)
    style_total(ws, total, 1, len(keys))
    return total, f"G{total}"


def _clauses_block(ws: Worksheet, ctx: PlanContext, top: int, merged: list[int]) -> int:
    section(ws, top, ctx.t("sec_clauses"))
    _span_row(ws, top + 1, _CLAUSE_SPANS, [ctx.t(k) for k in ("sec_clause", "sec_requirement", "sec_basis")],
              header=True)
    row = top + 1
    for clause in CLAUSES:
        row += 1
        _span_row(ws, row, _CLAUSE_SPANS, [_clause_name(clause, ctx.lang), clause.get("text", ctx.lang),
                                           clause.get("basis", ctx.lang)])
        ws.cell(row=row, column=1).font = Font(bold=True)
        merged.append(row)
    row += 1
    _span_row(ws, row, ((1, LAST_COL),), [ctx.t("sec_legend")])
    ws.cell(row=row, column=1).font = Font(italic=True, size=9)
    merged.append(row)
    return row


def _clause_name(clause: Clause, lang: str) -> str:
    return f"{clause.id} · {clause.get('title', lang)}"


def _checklist_block(ws: Worksheet, ctx: PlanContext, top: int, merged: list[int]) -> int:
    """One row per connected device to buy and clause: what the catalogue says, and what to do."""
    section(ws, top, ctx.t("sec_checklist"))
    labels = ("device", "vendor", "device_id", "sec_clause", "sec_known", "sec_status", "sec_answer")
    _span_row(ws, top + 1, _CHECK_SPANS, [ctx.t(k) for k in labels], header=True)
    bought = {a.device_id for a in ctx.plan.acquisitions if a.units_new}
    rows = [r for r in ctx.plan.security if may_be_connected(r) and r.device_id in bought]
    row = top + 1
    for r in rows:
        dev = ctx.devices.get(r.device_id)
        for clause in CLAUSES:
            row += 1
            known, status = _clause_state(ctx, r, clause)
            _span_row(ws, row, _CHECK_SPANS, [dev.label(ctx.lang) if dev else r.device_id, dev.vendor if dev else "",
                                              r.device_id, _clause_name(clause, ctx.lang), known,
                                              ctx.t(status), ""])
            if status == "sec_to_obtain":
                ws.cell(row=row, column=_CHECK_SPANS[4][0]).font = _UNKNOWN_FONT
            merged.append(row)
    if not rows:
        row += 1
        put(ws, row, 1, ctx.t("sec_no_checklist"))
    return row


def _clause_state(ctx: PlanContext, r: DeviceSecurity, clause: Clause) -> tuple[str, str]:
    """What the catalogue records for the clause's field, and the action: obtain (unknown or not recorded),
    negotiate (a value that carries risk points) or verify (a favourable value the vendor must prove)."""
    if clause.field is None:
        return ctx.t("sec_not_recorded"), "sec_to_obtain"
    if clause.field == "os_end_of_support":
        os_name = f" ({r.os_family})" if r.os_family else ""
        known = (r.os_end_of_support or value_label("", "unknown", ctx.lang)) + os_name
        status = {"supported": "sec_to_verify", "unknown": "sec_to_obtain"}.get(r.os_status, "sec_to_negotiate")
        return known, status
    value = getattr(r, clause.field)
    points = RISK_POINTS[clause.field].get(value)
    status = ("sec_to_obtain" if value == "unknown" or points is None else
              "sec_to_verify" if points == 0 else "sec_to_negotiate")
    return value_label(clause.field, value, ctx.lang), status


def _span_row(ws: Worksheet, row: int, spans: Sequence[tuple[int, int]], values: Sequence[Any],
              header: bool = False) -> None:
    """Write values into column spans, merging the spans wider than one column (text wraps in them)."""
    if header:
        for (first, last), value in zip(spans, values, strict=True):
            write_header(ws, row, [value] + [" "] * (last - first), col=first)
    for (first, last), value in zip(spans, values, strict=True):
        cell = put(ws, row, first, value) if not header else ws.cell(row=row, column=first)
        cell.alignment = Alignment(wrap_text=True, vertical="top" if not header else "center")
        if last > first:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _unwrap_titles(ws: Worksheet) -> None:
    """Titles and section titles overflow to the right instead of wrapping in the narrow column A."""
    for cell in ws["A"]:
        if isinstance(cell.value, str) and cell.font.sz in (12, 16):
            cell.alignment = Alignment(wrap_text=False, vertical="bottom")
            ws.row_dimensions[cell.row].height = 24 if cell.row == 1 else 18


def _merged_heights(ws: Worksheet, rows: Sequence[int]) -> None:
    """Heights of rows with merged wrapped text, from the final column widths (apps do not grow them)."""
    for row in rows:
        lines = 1
        for rng in ws.merged_cells.ranges:
            if rng.min_row != row or not isinstance(ws.cell(row=row, column=rng.min_col).value, str):
                continue
            width = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43
                        for c in range(rng.min_col, rng.max_col + 1))
            text = ws.cell(row=row, column=rng.min_col).value
            lines = max(lines, sum(math.ceil(max(len(p), 1) / (width * 0.9)) for p in text.split("\n")))
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 15, 15 * lines + 3)

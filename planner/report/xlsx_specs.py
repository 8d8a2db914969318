"""The Specifications sheet: each purchase line as a function (the requirement to write in the technical
specification, its key criteria and source), the reference product the plan priced, and the equivalent products
with their distances in value and annual cost (``Plan.specifications``, :mod:`planner.specs`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from planner.i18n import family_label
from planner.plan import PurchaseSpec
from planner.report.xlsx_cells import (
    EUR,
    SHARE,
    UNITS,
    finish_table,
    fit_paragraph,
    fit_widths,
    paragraph,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext

#: Columns of the sheet and their number formats.
_SPEC: tuple[tuple[str, str | None], ...] = (
    ("site", None), ("family", None), ("function", None), ("criteria", None), ("reference_product", None),
    ("vendor", None), ("new_units", UNITS), ("line_value", "0.00"), ("line_cost", EUR),
    ("equivalent_product", None), ("value_distance", SHARE), ("cost_distance", SHARE), ("model_twin", None),
    ("function_source", None))
HEADER_ROW = 5


def _device(ctx: PlanContext, device_id: str) -> tuple[str, str]:
    dev = ctx.catalog.devices.get(device_id)
    return (dev.label(ctx.lang), dev.vendor) if dev else (device_id, "")


def spec_rows(ctx: PlanContext, spec: PurchaseSpec) -> list[list[Any]]:
    """The rows of one purchase line: the first names the function and the reference, one row per equivalent."""
    name, vendor = _device(ctx, spec.device_id)
    head = [ctx.site_name(spec.site_id), family_label(spec.family, ctx.lang), spec.requirement(ctx.lang),
            "; ".join(spec.criteria(ctx.lang)), name, vendor, spec.units_new, spec.value, spec.annual_cost_eur]
    blank = [None] * len(head)
    if not spec.equivalents:
        return [[*head, ctx.t("no_equivalent"), None, None, None, spec.function_source]]
    rows = []
    for i, e in enumerate(spec.equivalents):
        eq_name, eq_vendor = _device(ctx, e.device_id)
        rows.append([*(head if i == 0 else blank), f"{eq_name} ({eq_vendor})" if eq_vendor else eq_name,
                     e.value_distance, e.cost_distance, ctx.t("yes" if e.model_twin else "no"),
                     spec.function_source if i == 0 else None])
    return rows


def specs_sheet(ws: Worksheet, ctx: PlanContext) -> None:
    """Write the sheet (a single "nothing to buy" row when the plan buys nothing)."""
    specs: Sequence[PurchaseSpec] = ctx.plan.specifications
    keys = [k for k, _ in _SPEC]
    title(ws, ctx.t("specs_title"))
    paragraph(ws, 3, ctx.t("specs_intro", tol=ctx.pct(ctx.scenario.equivalence_tolerance)), last_col=8)
    write_header(ws, HEADER_ROW, [ctx.t(k) for k in keys])
    rows = [row for spec in specs for row in spec_rows(ctx, spec)] or [[ctx.t("no_specs")]]
    last = write_rows(ws, HEADER_ROW + 1, rows, [fmt for _, fmt in _SPEC])
    finish_table(ws, HEADER_ROW, len(keys), last)
    fit_widths(ws, wrap={"C": 50, "D": 60, "E": 36, "J": 36, "N": 50})
    fit_paragraph(ws, 3, 8)


__all__ = ["HEADER_ROW", "spec_rows", "specs_sheet"]

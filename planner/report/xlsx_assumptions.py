"""The Assumptions sheet: every setting needed to reproduce the plan (activity, shares, weights, budgets,
solver, other scenario options such as the security rules)."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from planner.ingest.imports import SCENARIO_SHEET
from planner.inputs import indication_params
from planner.report.xlsx_cells import (
    EUR,
    PLAIN,
    SHARE,
    UNITS,
    fit_widths,
    paragraph,
    put,
    section,
    title,
    write_header,
    write_rows,
)
from planner.report.xlsx_context import PlanContext


def assumptions_sheet(ws: Worksheet, ctx: PlanContext) -> None:
    s = ctx.scenario
    title(ws, ctx.t("sheet_assumptions"))
    paragraph(ws, 2, ctx.t("assumptions_note", prices=ctx.sheet("sheet_prices"),
                            installed=ctx.sheet("sheet_installed"), yaml=SCENARIO_SHEET), last_col=8)
    budget = {k: (ctx.t("unlimited") if v is None else v) for k, v in
              (("capex", s.budget.capex_eur), ("opex", s.budget.opex_eur_per_year))}
    settings = [("scenario", s.name), ("objective", ctx.t(s.objective)), ("solver", s.solver.name),
                ("time_limit", s.solver.time_limit_s), ("mip_gap", s.solver.mip_gap),
                ("threads", s.solver.threads or ctx.t("auto")), ("catalogue", s.catalog or ctx.t("bundled")),
                ("fingerprint", ctx.plan.catalog_fingerprint or "-"),
                ("budget_capex", budget["capex"]), ("budget_opex_per_year", budget["opex"])]
    lines = [(ctx.t(key), value, key.startswith("budget")) for key, value in settings] + _budgets_by_year(ctx)
    for r, (label, value, money) in enumerate(lines, start=4):
        put(ws, r, 1, label, bold=True)
        cell = put(ws, r, 2, value, EUR if money else None)
        cell.alignment = Alignment(horizontal="left")
    row = _other_settings(ws, ctx, 4 + len(lines))
    row = _sites_block(ws, ctx, row + 2)
    row = _indications_block(ws, ctx, row + 2)
    for key, ids in (("must_include", s.must_include), ("exclude", s.exclude)):
        row += 2
        section(ws, row, ctx.t(key))
        for dev_id in ids or ("-",):
            row += 1
            put(ws, row, 1, dev_id)
            put(ws, row, 2, ctx.devices[dev_id].name if dev_id in ctx.devices else "")
    fit_widths(ws, wrap={"A": 42, "B": 45})


def _budgets_by_year(ctx: PlanContext) -> list[tuple[str, object, bool]]:
    """The yearly envelopes of a multi-year scenario and whether unspent capital carries over."""
    b = ctx.scenario.budget
    out: list[tuple[str, object, bool]] = [(ctx.t("budget_capex_year", year=y), v, True)
                                           for y, v in sorted(b.capex_eur_by_year.items())]
    out += [(ctx.t("budget_opex_year", year=y), v, True) for y, v in sorted(b.opex_eur_by_year.items())]
    if b.carry_over:
        out.append(("budget.carry_over", ctx.t("yes"), False))
    return out


#: Scenario keys the Assumptions sheet shows in their own blocks.
_SHOWN_KEYS = {"name", "objective", "budget", "sites", "indications", "devices", "must_include", "exclude",
               "solver", "catalog"}


def _other_settings(ws: Worksheet, ctx: PlanContext, row: int) -> int:
    """Any other scenario setting (security rules, policies...) as ``key.sub_key: value`` lines."""
    for key, value in ctx.scenario.to_dict().items():
        if key in _SHOWN_KEYS:
            continue
        items = value.items() if isinstance(value, Mapping) else [("", value)]
        for sub, val in items:
            put(ws, row, 1, f"{key}.{sub}" if sub else key, bold=True)
            shown = ctx.t("yes" if val else "no") if isinstance(val, bool) else "-" if val is None else val
            put(ws, row, 2, shown if isinstance(shown, int | float) else str(shown)).alignment = Alignment(
                horizontal="left")
            row += 1
    return row


def _sites_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    section(ws, top, ctx.t("sites"))
    keys = ("site_id", "name", "rooms", "angio_vendor", "activity_cag", "activity_pci", "activity_stemi",
            "volumes")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = [[s.id, s.name, s.rooms, s.angio_vendor, *(s.activity.get(a, 0.0) for a in ("cag", "pci", "stemi")),
             "; ".join(f"{k}: {v:g}" for k, v in s.volumes.items()) or "-"]
            for s in ctx.scenario.sites]
    return write_rows(ws, top + 2, rows, (None, None, UNITS, None, UNITS, UNITS, UNITS))


def _indications_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    section(ws, top, ctx.t("indications"))
    keys = ("indication", "name", "base_activity", "share", "weight", "floor", "origin")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = []
    for ind in ctx.catalog.indications.values():
        share, weight, floor = indication_params(ctx.catalog, ctx.scenario, ind)
        override = ctx.scenario.indications.get(ind.id)
        fields = [k for k in ("share", "weight", "min_coverage")
                  if override is not None and getattr(override, k) is not None]
        origin = ctx.t("from_scenario", fields=", ".join(fields)) if fields else ctx.t("from_catalogue")
        rows.append([ind.id, ind.name(ctx.lang), ctx.t(ind.base_activity), share, weight, floor, origin])
    return write_rows(ws, top + 2, rows, (None, None, None, SHARE, PLAIN, SHARE))

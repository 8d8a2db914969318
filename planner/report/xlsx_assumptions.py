"""The Assumptions sheet: every setting needed to reproduce the plan (activity, shares, weights, budgets,
solver, other scenario options such as the security rules)."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from planner.i18n import has
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
            put(ws, row, 2, ctx.devices[dev_id].label(ctx.lang) if dev_id in ctx.devices else "")
    fit_widths(ws, wrap={"A": 42, "B": 45, "G": 30, "H": 45})


def _budgets_by_year(ctx: PlanContext) -> list[tuple[str, object, bool]]:
    """The yearly envelopes of a multi-year scenario and whether unspent capital carries over."""
    b = ctx.scenario.budget
    out: list[tuple[str, object, bool]] = [(ctx.t("budget_capex_year", year=y), v, True)
                                           for y, v in sorted(b.capex_eur_by_year.items())]
    out += [(ctx.t("budget_opex_year", year=y), v, True) for y, v in sorted(b.opex_eur_by_year.items())]
    if b.carry_over:
        out.append((ctx.t("budget_carry_over"), ctx.t("yes"), False))
    return out


#: Scenario keys the Assumptions sheet shows in their own blocks.
_SHOWN_KEYS = {"name", "objective", "budget", "sites", "indications", "devices", "must_include", "exclude",
               "solver", "catalog"}


def _other_settings(ws: Worksheet, ctx: PlanContext, row: int) -> int:
    """Any other scenario setting (horizon, security rules, referral rules...), one labelled line each."""
    for key, value in ctx.scenario.to_dict().items():
        if key in _SHOWN_KEYS:
            continue
        for label, shown in _setting_lines(ctx, key, value):
            put(ws, row, 1, label, bold=True)
            put(ws, row, 2, shown).alignment = Alignment(horizontal="left")
            row += 1
    return row


def _setting_lines(ctx: PlanContext, key: str, value: object) -> list[tuple[str, object]]:
    """(label, value) lines of a scenario setting: one per rate of a table of rates, one per sub-setting."""
    if key in _RATE_TABLES and isinstance(value, Mapping):
        return [(ctx.t(f"setting.{key}", what=_named(ctx, key, sub)), v) for sub, v in value.items()]
    if isinstance(value, Mapping) and key not in _NESTED:
        return [(_setting_label(ctx, f"{key}.{sub}"), _shown(ctx, sub, v)) for sub, v in value.items()]
    return [(_setting_label(ctx, key), _shown(ctx, key, value))]


#: Settings that are a rate per subject (a cost, an activity, an outcome).
_RATE_TABLES = ("price_escalation", "activity_growth", "outcome_weights")
#: Settings too nested for one line: the scenario sheet has them.
_NESTED = ("uncertainty", "provenance")


def _setting_label(ctx: PlanContext, path: str) -> str:
    """The label of a setting (``security.require_mds2``); the setting's key in the scenario file when the
    workbook has no label for it (a code the user types, as in the scenario sheet)."""
    for key in (f"setting.{path}", path):
        if has(key):
            return ctx.t(key)
    return path


def _named(ctx: PlanContext, table: str, key: str) -> str:
    """The name of a subject of a setting: a cost (capex), an activity (pci), an indication or an outcome."""
    if table == "price_escalation":
        return ctx.label(f"escalation.{key}")
    if key in ctx.catalog.indications:
        return ctx.catalog.indications[key].name(ctx.lang)
    if key in ctx.catalog.outcomes:
        return ctx.catalog.outcomes[key].name(ctx.lang)
    return ctx.label(key)


def _shown(ctx: PlanContext, key: str, value: object) -> object:
    """A setting's value in a cell: numbers as they are, yes/no, options by their labels, a table of numbers as
    "name : value" items, anything more nested as a pointer to the scenario sheet."""
    if isinstance(value, bool):
        return ctx.t("yes" if value else "no")
    if value is None:
        return "-"
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        return ctx.label(f"{key}_{value}") if key == "perspective" else value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(ctx.label(f"mode_{v}") if key == "acquisition_modes" else v for v in value)
    if isinstance(value, Mapping) and all(isinstance(v, int | float) for v in value.values()):
        return _items(ctx, key, value)
    return ctx.t("see_scenario_sheet", yaml=SCENARIO_SHEET)


def _items(ctx: PlanContext, key: str, values: Mapping[str, float]) -> str:
    """A table of numbers by subject as "name : value" items (whole numbers without decimals)."""
    return "; ".join(ctx.t("served_by_item", name=_named(ctx, key, k),
                           cases=ctx.num(v, 0 if float(v).is_integer() else 1)) for k, v in values.items())


def _sites_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    section(ws, top, ctx.t("sites"))
    keys = ("site_id", "name", "rooms", "angio_vendor", "activity_cag", "activity_pci", "activity_stemi",
            "volumes")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = [[s.id, s.name, s.rooms, s.angio_vendor, *(s.activity.get(a, 0.0) for a in ("cag", "pci", "stemi")),
             _items(ctx, "volumes", s.volumes) or "-"]
            for s in ctx.scenario.sites]
    return write_rows(ws, top + 2, rows, (None, None, UNITS, None, UNITS, UNITS, UNITS))


def _indications_block(ws: Worksheet, ctx: PlanContext, top: int) -> int:
    section(ws, top, ctx.t("indications"))
    keys = ("indication_id", "indication", "base_activity", "share", "weight", "floor", "origin")
    write_header(ws, top + 1, [ctx.t(k) for k in keys])
    rows = []
    for ind in ctx.catalog.indications.values():
        share, weight, floor = indication_params(ctx.catalog, ctx.scenario, ind)
        override = ctx.scenario.indications.get(ind.id)
        fields = [k for k in ("share", "weight", "min_coverage")
                  if override is not None and getattr(override, k) is not None]
        named = ", ".join(ctx.t(f"field.{k}") for k in fields)
        origin = ctx.t("from_scenario", fields=named) if fields else ctx.t("from_catalogue")
        rows.append([ind.id, ind.name(ctx.lang), ctx.t(ind.base_activity), share, weight, floor, origin])
    return write_rows(ws, top + 2, rows, (None, None, None, SHARE, PLAIN, SHARE))

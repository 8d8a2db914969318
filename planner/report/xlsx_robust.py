"""The Robustness sheet: how the plan holds over sampled futures (a robustness run's report).

Every number comes from the :class:`~planner.robust.run.RobustReport`; the per-future table is plain values
(value, cost, running cost, overrun) so a reader can filter or chart them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planner.i18n import has, t
from planner.messages import CatalogNames, IdNames, Names, Opt, msg, render, site_names
from planner.report.xlsx_cells import fit_widths, put, section, title, write_header, write_rows

if TYPE_CHECKING:
    from openpyxl import Workbook

    from planner.catalog import Catalog
    from planner.robust.run import RobustReport
    from planner.scenario import Scenario

EUR = '#,##0 "€"'
NUM = "0.000"
PCT = "0%"


def _t(key: str, lang: str) -> str:
    """A label of the sheet (catalogue code ``wb.robust.<key>``)."""
    return t(f"robust.{key}", lang)


def _plan(name: str, lang: str) -> str:
    """A plan of the report by its label (option ``robust.plan.<name>``, shared with the command line and the
    app), or as it is."""
    return render(msg("text", text=Opt("robust.plan", name)), lang)


def backend_text(described: str, lang: str) -> str:
    """Where the futures were computed, in words, from :meth:`planner.robust.backends.Backend.describe`.

    >>> backend_text("process pool (2 workers)", "fr"), backend_text("this process", "fr")
    ('2 processus en parallèle', 'ce processus')
    """
    if described == "this process":
        return t("robust.backend.self", lang)
    for pattern, key in ((r"process pool \((\d+) workers\)", "pool"), (r"dask local cluster \((\d+) workers\)",
                                                                          "dask_local")):
        if found := re.fullmatch(pattern, described):
            return t(f"robust.backend.{key}", lang, n=found[1])
    if described.startswith("dask "):
        return t("robust.backend.dask", lang, address=described.removeprefix("dask "))
    return described


def add_robust_sheet(wb: Workbook, report: RobustReport, lang: str = "fr", catalog: Catalog | None = None,
                     scenario: Scenario | None = None) -> None:
    """Append the Robustness sheet: plans side by side, per-future values, selection frequency (sites and devices
    by their names when the ``catalog`` and ``scenario`` are given)."""
    names: Names = CatalogNames(catalog, site_names(scenario) if scenario else {}) if catalog else IdNames()
    ws = wb.create_sheet(_t("sheet", lang))
    title(ws, _t("title", lang))
    mode = t(f"robust.mode.{report.mode}", lang) if has(f"robust.mode.{report.mode}") else report.mode
    put(ws, 2, 1, t("robust.run", lang, mode=mode, n=report.samples, seed=report.seed,
                    backend=backend_text(report.backend, lang)))
    section(ws, 4, _t("plans", lang))
    keys = ("plan", "mean_value", "p5", "p95", "nominal", "mean_cost", "overrun", "relaxed")
    write_header(ws, 5, [_t(k, lang) for k in keys])
    rows = [(_plan(p.name, lang), p.value.mean, p.value.p5, p.value.p95, nominal, p.cost_eur.mean,
             p.opex_overrun_probability, p.relaxed_share)
            for p, nominal in zip(report.plans, report.nominal_value, strict=True)]
    row = write_rows(ws, 6, rows, (None, NUM, NUM, NUM, NUM, EUR, PCT, PCT)) + 2
    row = _futures_table(ws, row, report, lang) + 2
    if report.stability is not None:
        section(ws, row, _t("frequency", lang))
        write_header(ws, row + 1, [_t("site", lang), _t("device", lang), _t("share", lang)])
        rows = [(names.site(s), names.device(d, lang), share) for s, d, share in report.stability.frequency]
        write_rows(ws, row + 2, rows, (None, None, PCT))
    fit_widths(ws)


def _futures_table(ws: object, row: int, report: RobustReport, lang: str) -> int:
    section(ws, row, _t("futures", lang))  # type: ignore[arg-type]
    header = [_t("index", lang)]
    for p in report.plans:
        header += [t("robust.plan_column", lang, what=_t(k, lang), plan=_plan(p.name, lang))
                   for k in ("value", "cost", "opex")]
    regrets = report.stability.regrets if report.stability is not None else ()
    if regrets:
        header.append(_t("regret", lang))
    write_header(ws, row + 1, header)  # type: ignore[arg-type]
    rows = []
    for i in range(report.samples):
        line: list[object] = [i + 1]
        for p in report.plans:
            line += [p.values[i], p.costs_eur[i], p.opex_eur[i]]
        rows.append(line + ([regrets[i]] if i < len(regrets) else []))
    return write_rows(ws, row + 2, rows, (None, *((NUM, EUR, EUR) * len(report.plans)), NUM))  # type: ignore[arg-type]

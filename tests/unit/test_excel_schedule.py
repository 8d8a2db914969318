"""The multi-year parts of the plan workbook: Schedule and TCO sheets, the multi-year Summary and procurement
columns. Live formulas are evaluated with ``formulas`` (and once with LibreOffice) against the plan's figures.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.i18n import t
from planner.ingest.imports import import_installed, scenario_from_workbook
from planner.messages import pct
from planner.report.excel import PROC, plan_to_xlsx_bytes, write_plan_xlsx
from tests.builders import make_catalog, make_scenario
from tests.unit.test_excel import ALLOWED_FORMULA, PAYLOADS, TODAY, Cells, _xml_read_back, evaluate, row_of

pytest.importorskip("formulas")

ROOT = Path(__file__).resolve().parents[2]
Solved = tuple[Catalog, Scenario, Plan]


def _solve(example: str) -> Solved:
    scenario = load_scenario(ROOT / "examples" / example)
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


@pytest.fixture(scope="module")
def ppi() -> Solved:
    """Five years, cumulative capital envelopes, placement and lease offers, installed units retiring."""
    return _solve("university_hospital_ppi_2027_2031.yaml")


@pytest.fixture(scope="module")
def one_year() -> Solved:
    return _solve("university_hospital.yaml")


@pytest.fixture(scope="module", params=["fr", "en"])
def book(request: pytest.FixtureRequest, ppi: Solved,
         tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Cells]:
    catalog, scenario, plan = ppi
    path = tmp_path_factory.mktemp(f"ppi_{request.param}") / "ppi.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, request.param, today=TODAY)
    return request.param, path, evaluate(path)


def _sheet(path: Path, key: str, lang: str) -> Any:
    return openpyxl.load_workbook(path)[t(key, lang)]


def _block(ws: Any, section_key: str, lang: str, years: int | None = None) -> tuple[int, int]:
    """Header row of the table under a section title, and its last data row (before Total, or ``years``)."""
    head = row_of(ws, t(section_key, lang)) + 1
    if years is not None:
        return head, head + years
    last = head
    while ws[f"A{last + 1}"].value not in (t("total", lang), None):
        last += 1
    return head, last


@pytest.mark.slow
def test_the_example_is_multi_year_with_replacements_and_modes(ppi: Solved) -> None:
    """Guards the fixtures below: the example still exercises what the sheets show."""
    plan = ppi[2]
    assert plan.has_solution and len(plan.years) == 5
    assert any(a.replaces for a in plan.acquisitions) and plan.retirements
    assert {a.mode for a in plan.acquisitions if a.units_new} > {"purchase"}
    assert any(not r.replaced_by for r in plan.retirements)


@pytest.mark.slow
def test_schedule_has_one_line_per_acquisition_with_live_capex(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_schedule", lang)
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:L")
    total = row_of(ws, t("total", lang))
    new = [a for a in plan.acquisitions if a.units_new > 0]
    assert total - 5 == len(new)
    lines = {(ws[f"A{r}"].value, ws[f"F{r}"].value, ws[f"B{r}"].value, ws[f"G{r}"].value): r for r in range(5, total)}
    names = {s.id: s.name for s in ppi[1].sites}
    for a in new:
        mode = t("mode_lease_term", lang, n=f"{ppi[0].devices[a.device_id].lease_term_years:g}") \
            if a.mode == "lease" else t(f"mode_{a.mode}", lang)
        r = lines[(a.year, a.device_id, names[a.site_id], mode)]
        assert ws[f"H{r}"].data_type == "f" and t("sheet_procurement", lang) in ws[f"H{r}"].value
        assert cell(ws.title, f"H{r}") == a.units_new
        assert ws[f"J{r}"].value == f"=H{r}*I{r}"
        assert cell(ws.title, f"J{r}") == pytest.approx(a.capex_eur)
        if a.replaces:
            assert "(" in ws[f"L{r}"].value and str(a.year) in ws[f"L{r}"].value
    assert cell(ws.title, f"J{total}") == pytest.approx(plan.costs.capex_eur)
    replacing = [r for r in range(5, total) if ws[f"L{r}"].value]
    assert len(replacing) == sum(1 for a in new if a.replaces)
    lease = next(r for r in range(5, total) if ws[f"G{r}"].value.startswith(t("mode_lease", lang)))
    assert ws[f"K{lease}"].value > 0 and ws[f"J{lease}"].number_format == '#,##0 "€"'


def test_schedule_lists_the_retirements(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, _ = book
    catalog, _, plan = ppi
    ws = _sheet(path, "sheet_schedule", lang)
    head, last = _block(ws, "sched_retirements", lang, years=len(plan.retirements))
    rows = {(ws[f"A{r}"].value, ws[f"F{r}"].value): r for r in range(head + 1, last + 1)}
    for ret in plan.retirements:
        r = rows[(ret.year, ret.device_id)]
        assert ws[f"G{r}"].value == ret.units
        expected = "; ".join(catalog.devices[d].label(lang) for d in ret.replaced_by) or t("not_replaced", lang)
        assert ws[f"H{r}"].value == expected
    assert f"H{head}:L{head}" in {str(m) for m in ws.merged_cells.ranges}


COST_COLUMNS = {"B": "capex_eur", "C": "maintenance_eur", "D": "lease_eur", "E": "consumables_eur",
                "F": "shortfall_eur", "G": "opex_eur", "H": "total_eur", "K": "benefit"}


def test_costs_by_year_and_their_totals_evaluate_to_the_plan(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_schedule", lang)
    head, last = _block(ws, "sched_costs", lang, years=len(plan.years))
    for r, year in zip(range(head + 1, last + 1), plan.costs_by_year, strict=True):
        assert ws[f"A{r}"].value == year.year
        for col, attr in COST_COLUMNS.items():
            assert cell(ws.title, f"{col}{r}") == pytest.approx(getattr(year, attr), rel=1e-9, abs=1e-6), col
        assert cell(ws.title, f"J{r}") == pytest.approx(year.total_eur * year.discount_factor)
        for col in "BGHJ":
            assert ws[f"{col}{r}"].data_type == "f"
    total = last + 1
    assert ws[f"A{total}"].value == t("total", lang)
    for col, attr in COST_COLUMNS.items():
        expected = sum(getattr(y, attr) for y in plan.costs_by_year)
        assert cell(ws.title, f"{col}{total}") == pytest.approx(expected, rel=1e-9, abs=1e-6), col
    assert cell(ws.title, f"J{total}") == pytest.approx(sum(y.total_eur * y.discount_factor
                                                            for y in plan.costs_by_year))
    assert cell(ws.title, f"L{total}") == pytest.approx(plan.benefit)
    assert ws[f"H{total + 1}"].value == pytest.approx(plan.costs.residual_value_eur)
    assert cell(ws.title, f"J{total + 2}") == pytest.approx(plan.costs.tco_eur, rel=1e-9)


def test_capital_envelopes_against_spend_with_a_chart(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_schedule", lang)
    head, last = _block(ws, "sched_envelope_cum", lang, years=len(plan.years))
    budgets = {b.name: b for b in plan.budgets}
    for r in range(head + 1, last + 1):
        year = ws[f"A{r}"].value
        capex, opex = budgets[f"capex_{year}"], budgets[f"opex_{year}"]
        assert ws[f"B{r}"].value == capex.limit_eur  # cumulative envelope (carry_over)
        assert cell(ws.title, f"C{r}") == pytest.approx(capex.used_eur)
        assert cell(ws.title, f"D{r}") == pytest.approx(capex.limit_eur - capex.used_eur)
        assert ws[f"F{r}"].value == opex.limit_eur
        assert cell(ws.title, f"G{r}") == pytest.approx(opex.used_eur)
    (chart,) = ws._charts
    assert chart.tagname == "barChart" and len(chart.series) == 1
    assert [c.tagname for c in chart._charts] == ["barChart", "lineChart"]


def test_tco_sheet_adds_up_to_the_plan_tco(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_tco", lang)
    assert ws.freeze_panes == "A8" and ws.auto_filter.ref.startswith("A7:M")
    total = row_of(ws, t("total", lang))
    assert total - 8 == len(plan.tco_by_device)
    assert cell(ws.title, f"M{total}") == pytest.approx(plan.costs.tco_eur, rel=1e-9)
    assert ws[f"M{total}"].value == f"=SUM(M8:M{total - 1})"
    for col, attr in zip("FGHIJL", ("capex_eur", "maintenance_eur", "lease_eur", "consumables_eur",
                                    "shortfall_eur", "residual_value_eur"), strict=True):
        expected = sum(getattr(d, attr) for d in plan.tco_by_device)
        assert cell(ws.title, f"{col}{total}") == pytest.approx(expected, rel=1e-9, abs=1e-6), col
    facts = {ws[f"A{r}"].value: ws[f"D{r}"].value for r in (3, 4, 5)}
    assert facts[t("tco_plan", lang)] == pytest.approx(plan.costs.tco_eur)
    assert facts[t("discount_rate", lang)] == ppi[1].discount_rate
    assert facts[t("horizon", lang)] == t("horizon_many", lang, first=2027, last=2031, n=5)
    assert f"r = {pct(0.03, lang, 1)}" in ws["A2"].value and ws["M8"].number_format == '#,##0 "€"'


SUMMARY = {"capex_total": "capex_eur", "maintenance_avg": "maintenance_eur_per_year",
           "lease_avg": "lease_eur_per_year", "consumables_avg": "consumables_eur_per_year",
           "shortfall_avg": "shortfall_eur_per_year", "opex_avg": "opex_eur_per_year",
           "residual_total": "residual_value_eur", "tco_total": "tco_eur", "tco_avg": "annualised_eur_per_year"}


def test_multi_year_summary_shows_horizon_capex_average_opex_and_tco(book: tuple[str, Path, Cells],
                                                                    ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_summary", lang)
    assert ws[f"B{row_of(ws, t('horizon', lang))}"].value == t("horizon_many", lang, first=2027, last=2031, n=5)
    for key, attr in SUMMARY.items():
        ref = f"B{row_of(ws, t(key, lang))}"
        assert ws[ref].data_type == "f", key
        assert cell(ws.title, ref) == pytest.approx(getattr(plan.costs, attr), rel=1e-9, abs=1e-6), key
    assert cell(ws.title, f"B{row_of(ws, t('benefit_npv', lang))}") == pytest.approx(plan.benefit, rel=1e-9)
    head = row_of(ws, t("budgets", lang)) + 1
    for r, use in enumerate(plan.budgets, start=head + 1):
        assert cell(ws.title, f"C{r}") == pytest.approx(use.used_eur), use.name
    assert ws[f"A{head + 2}"].value == t("budget_capex_year_cum", lang, year=2027)


def test_multi_year_procurement_list_has_year_and_mode_and_counts_cases_once(book: tuple[str, Path, Cells],
                                                                             ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    ws = _sheet(path, "sheet_procurement", lang)
    header = [c.value for c in ws[1]]
    assert header[7:10] == [t("year", lang), t("mode", lang), t("line_status", lang)]
    assert t("cases_y_avg", lang) in header
    col = {key: openpyxl.utils.get_column_letter(header.index(t(key, lang)) + 1)
           for key in ("device_id", "qty", "line_total", "cases_y_avg")}
    total = row_of(ws, t("total", lang))
    assert total - 2 == len(plan.acquisitions)
    with_cases: Counter[tuple[str, str]] = Counter()
    for r in range(2, total):
        if ws[f"{col['cases_y_avg']}{r}"].value is not None:
            with_cases[(ws[f"A{r}"].value, ws[f"{col['device_id']}{r}"].value)] += 1
    assert max(with_cases.values()) == 1
    shown = sum(ws[f"{col['cases_y_avg']}{r}"].value or 0 for r in range(2, total))
    assert shown == pytest.approx(sum(a.cases_per_year for a in plan.allocation) / len(plan.years))
    assert cell(ws.title, f"{col['line_total']}{total}") == pytest.approx(plan.costs.capex_eur)
    assert cell(ws.title, f"{col['qty']}{total}") == sum(a.units_new for a in plan.acquisitions)
    assert row_of(ws, t("proc_note_multi", lang, schedule=t("sheet_schedule", lang), tco=t("sheet_tco", lang)))


@pytest.mark.slow
def test_coverage_and_cases_sheets_show_the_year(book: tuple[str, Path, Cells], ppi: Solved) -> None:
    lang, path, cell = book
    plan = ppi[2]
    for key, rows in (("sheet_coverage", plan.coverage), ("sheet_cases", plan.allocation)):
        ws = _sheet(path, key, lang)
        assert ws["A1"].value == t("year", lang)
        assert Counter(ws[f"A{r}"].value for r in range(2, 2 + len(rows))) == Counter(x.year for x in rows)
    ws = _sheet(path, "sheet_cases", lang)
    total = row_of(ws, t("total", lang))
    assert cell(ws.title, f"K{total}") == pytest.approx(sum(a.benefit for a in plan.allocation))
    assumptions = {c.value for row in _sheet(path, "sheet_assumptions", lang).iter_rows() for c in row}
    assert {t("budget_capex_year", lang, year=2028), 150000} <= assumptions


@pytest.mark.slow
def test_multi_year_formulas_are_planner_formulas_and_the_scenario_round_trips(ppi: Solved) -> None:
    catalog, scenario, plan = ppi
    data = plan_to_xlsx_bytes(plan, catalog, scenario, "fr", TODAY)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    names = "|".join(re.escape(n) for n in wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert ALLOWED_FORMULA.match(re.sub(rf"'({names})'!", "", c.value)), (ws.title, c.value)
    assert scenario_from_workbook(data, "ppi.xlsx", scenario.base_dir) == scenario
    assert import_installed(data, "ppi.xlsx", catalog, scenario) == scenario


@pytest.mark.slow
def test_one_year_plan_keeps_its_sheets_and_gets_a_short_schedule(tmp_path: Path, one_year: Solved) -> None:
    catalog, scenario, plan = one_year
    path = tmp_path / "one.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, "en", TODAY)
    wb = openpyxl.load_workbook(path)
    proc = wb["Procurement list"]
    assert [c.value for c in proc[1]] == [t(k, "en") for k in PROC]
    summary = wb["Summary"]
    labels = {c.value for c in summary["A"]}
    assert t("annualised_y", "en") in labels and t("tco_total", "en") not in labels
    assert wb["Cases by device"]["A1"].value == "Site" and wb["Clinical coverage"]["A1"].value == "Site"
    cell = evaluate(path)
    ws = wb["Schedule"]
    head, last = _block(ws, "sched_costs", "en", years=1)
    assert cell("Schedule", f"B{last}") == pytest.approx(plan.costs.capex_eur)
    assert cell("Schedule", f"G{last}") == pytest.approx(plan.costs.opex_eur_per_year)
    assert cell("Schedule", f"J{last + 3}") == pytest.approx(plan.costs.tco_eur)
    assert plan.costs.tco_eur == pytest.approx(plan.costs.annualised_eur_per_year)
    env = _block(ws, "sched_envelope", "en", years=1)[1]
    assert ws[f"B{env}"].value == scenario.budget.capex_eur
    assert ws[f"A{row_of(ws, t('sched_retirements', 'en')) + 2}"].value == t("no_retirement", "en")
    tco = wb["TCO"]
    assert cell("TCO", f"M{row_of(tco, 'Total')}") == pytest.approx(plan.costs.tco_eur)
    assert scenario_from_workbook(path.read_bytes(), "one.xlsx", scenario.base_dir) == scenario


@pytest.fixture(scope="module")
def hostile_multi_year() -> Solved:
    """User text that looks like formulas, in a 3-year plan with a retiring installed unit."""
    catalog = make_catalog(
        [{"id": "d1", "name": PAYLOADS[0], "vendor": PAYLOADS[1], "source": PAYLOADS[2], "capex_eur": 1000,
          "lifetime_years": 5}],
        [{"id": "k1", "name_en": PAYLOADS[3], "name_fr": PAYLOADS[3]}], [("d1", "k1", 1.0)])
    site = {"id": "s1", "name": PAYLOADS[4], "installed": {"d1": {"units": 1, "acquisition_year": 2023}}}
    scenario = make_scenario([site], name=PAYLOADS[6], horizon_years=3, start_year=2027)
    return catalog, scenario, make_plan(catalog, scenario)


def test_multi_year_user_text_never_becomes_a_formula(tmp_path: Path, hostile_multi_year: Solved) -> None:
    catalog, scenario, plan = hostile_multi_year
    assert plan.retirements and any(a.replaces for a in plan.acquisitions)
    path = tmp_path / "hostile.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, "en", TODAY)
    wb = openpyxl.load_workbook(path)
    seen: dict[str, set[str]] = defaultdict(set)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                text = _xml_read_back(c.value)
                if isinstance(text, str) and text.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) \
                        and c.data_type != "f":
                    assert c.quotePrefix, (ws.title, c.coordinate)
                    seen[ws.title].add(text)
                elif c.data_type == "f":
                    assert not any(p.strip() in c.value for p in PAYLOADS if len(p) > 4), c.value
    assert {PAYLOADS[0], PAYLOADS[4]} <= seen["Schedule"] and {PAYLOADS[0], PAYLOADS[4]} <= seen["TCO"]
    cell = evaluate(path)
    tco = wb["TCO"]
    assert cell("TCO", f"M{row_of(tco, 'Total')}") == pytest.approx(plan.costs.tco_eur)


def test_sheet_names_fit_excel() -> None:
    assert all(len(t(k, lang)) <= 31 for k in ("sheet_schedule", "sheet_tco") for lang in ("fr", "en"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.slow
def test_libreoffice_recalculates_the_schedule_and_tco_totals(tmp_path: Path, ppi: Solved) -> None:
    """Independent check: a real spreadsheet application computes the same multi-year totals."""
    catalog, scenario, plan = ppi
    source = tmp_path / "ppi.xlsx"
    write_plan_xlsx(source, plan, catalog, scenario, "fr", TODAY)
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(out / "ppi.xlsx", data_only=True)
    ws = wb[t("sheet_schedule", "fr")]
    head, last = _block(ws, "sched_costs", "fr", years=len(plan.years))
    total = last + 1
    assert ws[f"B{total}"].value == pytest.approx(plan.costs.capex_eur)
    assert ws[f"G{total}"].value == pytest.approx(sum(y.opex_eur for y in plan.costs_by_year))
    assert ws[f"H{total}"].value == pytest.approx(sum(y.total_eur for y in plan.costs_by_year))
    assert ws[f"J{total + 2}"].value == pytest.approx(plan.costs.tco_eur, rel=1e-9)
    tco = wb[t("sheet_tco", "fr")]
    assert tco[f"M{row_of(tco, 'Total')}"].value == pytest.approx(plan.costs.tco_eur, rel=1e-9)
    summary = wb[t("sheet_summary", "fr")]
    assert summary[f"B{row_of(summary, t('opex_avg', 'fr'))}"].value == pytest.approx(plan.costs.opex_eur_per_year)

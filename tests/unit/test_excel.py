"""The plan workbook: sheets, layout, live formulas that evaluate to the plan's figures, injection safety.

Formulas are evaluated with the ``formulas`` package (pure Python); one test recalculates the workbook with
LibreOffice headless when ``soffice`` is installed.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.i18n import t
from planner.messages import msg
from planner.report.excel import PROC, plan_to_xlsx_bytes, write_plan_xlsx
from tests.builders import make_catalog, make_scenario

formulas = pytest.importorskip("formulas")

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)
Cells = Callable[[str, str], Any]


@pytest.fixture(scope="module")
def chu() -> tuple[Catalog, Scenario, Plan]:
    """Two sites, installed units, a price override, a must-include device."""
    scenario = load_scenario(ROOT / "examples" / "university_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


def evaluate(path: Path) -> Cells:
    """Recalculate a workbook with ``formulas``; return ``cell(sheet, "B4") -> value``."""
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()

    def cell(sheet: str, ref: str) -> Any:
        value = solution[f"'[{path.name}]{sheet.upper()}'!{ref}"].value[0, 0]
        return value.item() if hasattr(value, "item") else value

    return cell


def row_of(ws: Any, label: str, col: int = 1) -> int:
    """Row whose cell in column ``col`` holds ``label``."""
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == label:
            return int(row[0].row)
    raise AssertionError(f"{label!r} not found in {ws.title}")


@pytest.fixture(scope="module", params=["fr", "en"])
def workbook(request: pytest.FixtureRequest, chu: tuple[Catalog, Scenario, Plan],
             tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Cells]:
    catalog, scenario, plan = chu
    path = tmp_path_factory.mktemp(request.param) / "plan.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, request.param, today=TODAY)
    return request.param, path, evaluate(path)


HEADLINE = {"capex": "capex_eur", "maintenance_y": "maintenance_eur_per_year",
            "consumables_y": "consumables_eur_per_year", "opex_y": "opex_eur_per_year",
            "annualised_capex_y": "annualised_capex_eur_per_year", "annualised_y": "annualised_eur_per_year"}


def test_headline_formulas_evaluate_to_the_plan_costs(workbook: tuple[str, Path, Cells],
                                                      chu: tuple[Catalog, Scenario, Plan]) -> None:
    lang, path, cell = workbook
    plan = chu[2]
    assert plan.costs is not None
    ws = openpyxl.load_workbook(path)[t("sheet_summary", lang)]
    for key, attr in HEADLINE.items():
        ref = f"B{row_of(ws, t(key, lang))}"
        assert ws[ref].data_type == "f", key
        assert cell(ws.title, ref) == pytest.approx(getattr(plan.costs, attr), rel=1e-9), key
    benefit = f"B{row_of(ws, t('benefit', lang))}"
    assert cell(ws.title, benefit) == pytest.approx(plan.benefit, rel=1e-9)


def test_budget_use_and_family_subtotals_are_live(workbook: tuple[str, Path, Cells],
                                                  chu: tuple[Catalog, Scenario, Plan]) -> None:
    lang, path, cell = workbook
    plan = chu[2]
    assert plan.costs is not None
    ws = openpyxl.load_workbook(path)[t("sheet_summary", lang)]
    capex_row = row_of(ws, t("budget_capex", lang))
    used = {b.name: b for b in plan.budgets}
    assert cell(ws.title, f"C{capex_row}") == pytest.approx(used["capex"].used_eur)
    assert cell(ws.title, f"D{capex_row}") == pytest.approx(used["capex"].limit_eur - used["capex"].used_eur)
    opex_row = row_of(ws, t("budget_opex_per_year", lang))
    assert cell(ws.title, f"E{opex_row}") == pytest.approx(used["opex_per_year"].used_eur
                                                           / used["opex_per_year"].limit_eur)
    head = row_of(ws, t("by_family", lang)) + 1
    families = sorted({a.family for a in plan.acquisitions if a.units_new})
    by_family = [cell(ws.title, f"C{r}") for r in range(head + 1, head + 1 + len(families))]
    assert sum(by_family) == pytest.approx(plan.costs.capex_eur)
    assert all(v > 0 for v in by_family)
    assert len(ws._charts) == 1


def test_procurement_lines_and_site_subtotals(workbook: tuple[str, Path, Cells],
                                              chu: tuple[Catalog, Scenario, Plan]) -> None:
    lang, path, cell = workbook
    plan = chu[2]
    assert plan.costs is not None
    ws = openpyxl.load_workbook(path)[t("sheet_procurement", lang)]
    total = row_of(ws, t("total", lang))
    assert total == 2 + len(plan.acquisitions)
    lines = {(ws[f"{PROC['site']}{r}"].value, ws[f"{PROC['device_id']}{r}"].value): r
             for r in range(2, total)}
    names = {s.id: s.name for s in chu[1].sites}
    for a in plan.acquisitions:
        r = lines[(names[a.site_id], a.device_id)]
        assert ws[f"{PROC['qty']}{r}"].value == a.units_new
        assert cell(ws.title, f"{PROC['line_total']}{r}") == pytest.approx(a.capex_eur)
    sub = row_of(ws, t("subtotal_site", lang)) + 2
    subtotals = [cell(ws.title, f"B{r}") for r in (sub, sub + 1)]
    assert sum(subtotals) == pytest.approx(plan.costs.capex_eur)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{PROC['funding']}{total - 1}"
    wire = lines[(names[plan.acquisitions[0].site_id], plan.acquisitions[0].device_id)]
    assert ws[f"{PROC['funding']}{wire}"].value and ws[f"{PROC['price_basis']}{wire}"].value
    assert ws[f"{PROC['unit_price']}2"].number_format == '#,##0 "€"'
    assert ws.column_dimensions[PROC["device"]].width > 20


def test_other_sheets_have_headers_filters_and_content(workbook: tuple[str, Path, Cells],
                                                       chu: tuple[Catalog, Scenario, Plan]) -> None:
    lang, path, _ = workbook
    catalog, scenario, plan = chu
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [t(k, lang) for k in ("sheet_summary", "sheet_print", "sheet_procurement", "sheet_specs",
                                                 "sheet_schedule", "sheet_tco", "sheet_rooms", "sheet_coverage",
                                                 "sheet_cases", "sheet_assumptions", "sheet_security", "sheet_prices",
                                                 "sheet_installed")] + ["scenario.yaml"]
    for key in ("sheet_rooms", "sheet_coverage", "sheet_cases"):
        ws = wb[t(key, lang)]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    coverage = wb[t("sheet_coverage", lang)]
    assert coverage.max_row == 1 + len(plan.coverage)
    shock = catalog.indications["cardiogenic_shock"].name(lang)
    assert any(c.value == shock for c in coverage["B"])
    rooms = wb[t("sheet_rooms", lang)]
    assert {c.value for c in rooms["B"]} >= {t("room_n", lang, n=3), t("shared", lang)}
    assumptions = wb[t("sheet_assumptions", lang)]
    values = {c.value for row in assumptions.iter_rows() for c in row}
    assert {"nord", "sud", 900000, 2700} <= values
    assert t("from_scenario", lang, fields=t("field.share", lang)) in values  # anoca override


def test_editing_a_quantity_moves_the_totals(tmp_path: Path, chu: tuple[Catalog, Scenario, Plan]) -> None:
    catalog, scenario, plan = chu
    assert plan.costs is not None
    wb = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, "en", TODAY)))
    ws = wb["Procurement list"]
    ws[f"{PROC['qty']}2"] = ws[f"{PROC['qty']}2"].value + 2
    price = ws[f"{PROC['unit_price']}2"].value + ws[f"{PROC['segmentation_unit']}2"].value
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    summary = wb["Summary"]
    capex = evaluate(path)("Summary", f"B{row_of(summary, 'Capital expenditure (purchases)')}")
    assert capex == pytest.approx(plan.costs.capex_eur + 2 * price)


ALLOWED_FORMULA = re.compile(r"^=[A-Z0-9$:!'(),*/+\- .]+$")


def test_formula_cells_hold_only_planner_formulas(chu: tuple[Catalog, Scenario, Plan]) -> None:
    catalog, scenario, plan = chu
    wb = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, "en", TODAY)))
    sheet_names = "|".join(re.escape(n) for n in wb.sheetnames)
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    found += 1
                    text = re.sub(rf"'({sheet_names})'!", "", c.value)
                    assert ALLOWED_FORMULA.match(text), (ws.title, c.coordinate, c.value)
    assert found > 50


PAYLOADS = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(1,1)", "\t=1+1",
            "\r=1+1", "=cmd|' /C calc'!A0"]


@pytest.fixture(scope="module")
def hostile() -> tuple[Catalog, Scenario, Plan]:
    """User text that looks like formulas in every free-text field that reaches the workbook."""
    catalog = make_catalog(
        [{"id": "d1", "name": PAYLOADS[0], "vendor": PAYLOADS[1], "source": PAYLOADS[2], "capex_eur": 1000}],
        [{"id": "k1", "name_en": PAYLOADS[3], "name_fr": PAYLOADS[3]}], [("d1", "k1", 1.0)])
    scenario = make_scenario([{"id": "s1", "name": PAYLOADS[4]}, {"id": "s2", "name": PAYLOADS[5]}],
                             name=PAYLOADS[6])
    return catalog, scenario, make_plan(catalog, scenario)


def test_user_text_never_becomes_a_formula(tmp_path: Path, hostile: tuple[Catalog, Scenario, Plan]) -> None:
    catalog, scenario, plan = hostile
    path = tmp_path / "hostile.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, "en", TODAY)
    wb = openpyxl.load_workbook(path)
    seen: dict[str, list[tuple[str, str]]] = {p: [] for p in PAYLOADS}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                text = _xml_read_back(c.value)
                if text in seen:
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate)
                    seen[text].append((ws.title, c.coordinate))
                elif c.data_type == "f":
                    assert not any(p.strip() in c.value for p in PAYLOADS if len(p) > 4), c.value
    assert all(seen.values()), {k: v for k, v in seen.items() if not v}
    cell = evaluate(path)
    for payload, places in seen.items():
        for sheet, ref in places[:3]:
            assert _xml_read_back(cell(sheet, ref)) == payload
    assert cell("Procurement list", f"{PROC['line_total']}2") == pytest.approx(1000)


def _xml_read_back(value: Any) -> Any:
    """XML parsers turn a stored carriage return into a line feed; map it back to compare with the payload."""
    return value.replace("\n", "\r") if isinstance(value, str) else value


def test_infeasible_plan_still_gives_a_workbook(tmp_path: Path, chu: tuple[Catalog, Scenario, Plan]) -> None:
    catalog, scenario, plan = chu
    failed = dataclasses.replace(plan, status="infeasible", benefit=None, costs=None, acquisitions=(),
                                 allocation=(), coverage=(), budgets=(), rooms=(),
                                 diagnosis=(msg("diag.no_relaxation"),))
    path = tmp_path / "infeasible.xlsx"
    write_plan_xlsx(path, failed, catalog, scenario, "en", TODAY)
    ws = openpyxl.load_workbook(path)["Summary"]
    texts = [c.value for c in ws["A"]]
    assert "No plan: diagnosis" in texts and str(failed.diagnosis[0]) in texts
    assert evaluate(path)("Procurement list", f"{PROC['line_total']}3") == 0


def test_write_is_atomic_and_inputs_are_checked(tmp_path: Path, chu: tuple[Catalog, Scenario, Plan]) -> None:
    catalog, scenario, plan = chu
    with pytest.raises(FileNotFoundError):
        write_plan_xlsx(tmp_path / "missing" / "plan.xlsx", plan, catalog, scenario, "fr", TODAY)
    assert not list(tmp_path.rglob("*.tmp"))
    with pytest.raises(ValueError, match="language"):
        plan_to_xlsx_bytes(plan, catalog, scenario, "de")
    other = dataclasses.replace(scenario, name="another")
    with pytest.raises(ValueError, match="another scenario"):
        plan_to_xlsx_bytes(plan, catalog, other)
    with pytest.raises(ValueError, match="another catalogue"):
        plan_to_xlsx_bytes(plan, dataclasses.replace(catalog, fingerprint="0123"), scenario)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.slow
def test_libreoffice_recalculates_the_plan_figures(tmp_path: Path,
                                                   chu: tuple[Catalog, Scenario, Plan]) -> None:
    """Independent check: a real spreadsheet application computes the same totals."""
    catalog, scenario, plan = chu
    assert plan.costs is not None
    source = tmp_path / "plan.xlsx"
    write_plan_xlsx(source, plan, catalog, scenario, "fr", TODAY)
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(out / "plan.xlsx", data_only=True)
    ws = wb[t("sheet_summary", "fr")]
    for key, attr in HEADLINE.items():
        assert ws[f"B{row_of(ws, t(key, 'fr'))}"].value == pytest.approx(getattr(plan.costs, attr), rel=1e-9)
    assert ws[f"B{row_of(ws, t('benefit', 'fr'))}"].value == pytest.approx(plan.benefit, rel=1e-9)
    proc = wb[t("sheet_procurement", "fr")]
    total = row_of(proc, t("total", "fr"))
    assert proc[f"{PROC['line_total']}{total}"].value == pytest.approx(plan.costs.capex_eur)


def test_cli_solve_writes_the_workbook(tmp_path: Path) -> None:
    from planner.cli import EXIT_OK, main

    out = tmp_path / "plan.xlsx"
    args = ["solve", str(ROOT / "examples" / "general_hospital.yaml"), "--xlsx", str(out), "--lang", "en"]
    assert main(args) == EXIT_OK
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"

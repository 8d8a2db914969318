"""The clinical value in the plan workbook: the Clinical coverage sheet's referred, not-covered and events
columns, the Summary's value with its range and its cost per weighted event (a live formula)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planner import Catalog, Plan, Scenario, load_catalog, load_scenario, make_plan
from planner.i18n import t
from planner.messages import catalogue
from planner.report.excel import write_plan_xlsx
from tests.unit.test_excel import TODAY, evaluate, row_of

formulas = pytest.importorskip("formulas")
ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("not_covered", "referred", "role_needed", "events_avoided", "events_low", "events_high")


@pytest.fixture(scope="module")
def general() -> tuple[Catalog, Scenario, Plan]:
    """One site without roles: it refers its shock, mechanical-complication and ANOCA cases."""
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


@pytest.fixture(scope="module", params=["fr", "en"])
def book(request: pytest.FixtureRequest, general: tuple[Catalog, Scenario, Plan],
         tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    catalog, scenario, plan = general
    path = tmp_path_factory.mktemp(request.param) / "plan.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, request.param, today=TODAY)
    return request.param, path


def test_coverage_sheet_has_referred_not_covered_and_events_columns(book, general):
    lang, path = book
    catalog, _, plan = general
    ws = openpyxl.load_workbook(path)[t("sheet_coverage", lang)]
    header = [c.value for c in ws[1]]
    col = {key: header.index(t(key, lang)) for key in COLUMNS}
    names = header.index(t("indication", lang))
    rows = {r[names]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    for c in plan.coverage:
        row = rows[catalog.indications[c.indication_id].name(lang)]
        assert row[col["referred"]] == pytest.approx(c.referred_cases)
        assert row[col["not_covered"]] == pytest.approx(c.not_covered_cases)
        assert (row[col["events_low"]], row[col["events_avoided"]], row[col["events_high"]]) == pytest.approx(
            (c.events_low, c.events_avoided, c.events_high))
        assert row[col["role_needed"]] == (t(f"role_{c.required_role}", lang) if c.required_role else "-")
    assert any(c.referred_cases > 0 for c in plan.coverage)  # the example refers cases: the column is not idle


def test_summary_value_range_and_cost_per_weighted_event(book, general):
    lang, path = book
    _, _, plan = general
    ws = openpyxl.load_workbook(path)[t("sheet_summary", lang)]
    cell = evaluate(path)
    value = row_of(ws, t("benefit", lang))
    assert t("benefit", lang) in ("Weighted events avoided per year", "Événements pondérés évités par an")
    assert cell(ws.title, f"B{value}") == pytest.approx(plan.benefit, rel=1e-9)
    assert ws[f"B{row_of(ws, t('benefit_low', lang))}"].value == pytest.approx(plan.benefit_low)
    assert ws[f"B{row_of(ws, t('benefit_high', lang))}"].value == pytest.approx(plan.benefit_high)
    cost = row_of(ws, t("cost_per_event", lang))
    assert ws[f"B{cost}"].data_type == "f"
    assert cell(ws.title, f"B{cost}") == pytest.approx(plan.cost_per_weighted_event_eur, rel=1e-9)
    texts = {c.value for c in ws["A"] if isinstance(c.value, str)}
    assert any(catalogue()["value.definition"][lang] in text for text in texts)

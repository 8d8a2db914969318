"""The Referrals sheet: the plan's flows, per-site figures, and totals that are live formulas evaluating to the
plan's figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner import load_catalog, make_plan
from planner.i18n import t
from planner.report.excel import write_plan_xlsx
from planner.scenario import load_scenario
from tests.unit.test_excel import evaluate, row_of

ROOT = Path(__file__).resolve().parents[2]
formulas = pytest.importorskip("formulas")


@pytest.fixture(scope="module")
def ght():
    scenario = load_scenario(ROOT / "examples" / "ght_network.yaml")
    catalog = load_catalog(scenario.catalog_path())
    return catalog, scenario, make_plan(catalog, scenario)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.slow
def test_referrals_sheet_lists_the_flows_with_live_totals(ght, tmp_path: Path, lang: str) -> None:
    catalog, scenario, plan = ght
    assert plan.flows
    path = tmp_path / "ght.xlsx"
    write_plan_xlsx(path, plan, catalog, scenario, lang)
    ws = load_workbook(path)[t("sheet_referrals", lang)]
    assert ws.max_row >= len(plan.flows) + 1
    total_row = row_of(ws, t("total", lang))
    assert total_row == len(plan.flows) + 2
    cell = evaluate(path)
    sheet = t("sheet_referrals", lang)
    assert cell(sheet, f"D{total_row}") == pytest.approx(sum(f.cases_per_year for f in plan.flows))
    assert cell(sheet, f"G{total_row}") == pytest.approx(sum(f.transport_eur for f in plan.flows))
    group = row_of(ws, t("ref_group", lang))
    assert cell(sheet, f"C{group}") == pytest.approx(sum(f.cases_per_year for f in plan.flows))
    received = sum(c.received_cases for c in plan.coverage)
    assert cell(sheet, f"D{group}") == pytest.approx(received)
    assert cell(sheet, f"E{group}") == pytest.approx(sum(c.events_avoided for c in plan.coverage))
    summary = load_workbook(path)[t("sheet_summary", lang)]
    row = row_of(summary, t("ref_group", lang))  # the group and its sites on the Summary too
    assert cell(t("sheet_summary", lang), f"E{row}") == pytest.approx(sum(c.events_avoided for c in plan.coverage))


def test_no_referrals_sheet_without_flows(tmp_path: Path) -> None:
    scenario = load_scenario(ROOT / "examples" / "general_hospital.yaml")
    catalog = load_catalog()
    path = tmp_path / "gh.xlsx"
    write_plan_xlsx(path, make_plan(catalog, scenario), catalog, scenario, "fr")
    assert t("sheet_referrals", "fr") not in load_workbook(path).sheetnames

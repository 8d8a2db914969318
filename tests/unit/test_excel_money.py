"""The workbook shows funding, each line's price dating and the costs of both perspectives (FR and EN)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from planner import make_plan
from planner.i18n import t
from planner.report.excel import plan_to_xlsx_bytes
from planner.report.xlsx_procurement import PROC
from tests.builders import make_catalog, make_scenario
from tests.model.test_perspective import DEVICES, INDICATIONS


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_workbook_shows_funding_and_both_perspectives(lang):
    catalog = make_catalog(DEVICES, INDICATIONS, [("billed", "need", 0.01), ("inside", "need", 0.01)])
    scenario = make_scenario(objective="min_cost", perspective="hospital")
    plan = make_plan(catalog, scenario)
    wb = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx_bytes(plan, catalog, scenario, lang)))
    summary = {r[0]: r[1] for r in wb[t("sheet_summary", lang)].iter_rows(max_col=2, values_only=True) if r[0]}
    assert summary[t("perspective", lang)] == t("perspective_hospital", lang)
    assert summary[t("tco_hospital", lang)] == pytest.approx(10_100.0)
    assert summary[t("tco_health_system", lang)] == pytest.approx(100_100.0)
    assert summary[t("billed_y", lang)] == pytest.approx(90_000.0)
    assert any(str(k).startswith(t("caveat_no_index", lang)[:20]) for k in summary)  # a test catalogue: no index
    ws = wb[t("sheet_procurement", lang)]
    assert ws[f"{PROC['funding']}1"].value == t("funding", lang)
    assert "3199999" in ws[f"{PROC['funding']}2"].value and "900" in ws[f"{PROC['funding']}2"].value
    assert "2026" in ws[f"{PROC['price_basis']}2"].value

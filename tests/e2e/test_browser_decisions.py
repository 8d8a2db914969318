"""Real-browser walk through the issue 4/5/7 additions: Excel download, why / why not, security view,
budget ladder, comparison; screenshots of each new page under ``test-output/``."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.conftest import charts_drawn, rerun, wait_idle

pytestmark = pytest.mark.e2e


def test_decisions_in_browser(page, output_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")
    nav = page.get_by_test_id("stSidebarNav")
    wait_idle(page)

    # Plan: optimise, download the Excel workbook (built on click), explain the plan
    with rerun(page):
        nav.get_by_role("link", name="Plan", exact=True).click()
    with rerun(page):
        main.get_by_role("button", name="Optimiser").click()
    expect(main.get_by_text("Statut : optimal")).to_be_visible()
    with page.expect_download() as download:
        main.get_by_role("button", name="Télécharger le plan (Excel)").click()
    assert download.value.suggested_filename == "plan_equipement_centre_hospitalier_2027.xlsx"
    saved = tmp_path / "plan.xlsx"
    download.value.save_as(saved)
    book = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()))
    assert "scenario.yaml" in book.sheetnames
    expect(main.get_by_text("Sécurité des équipements du plan")).to_be_visible()
    main.get_by_role("button", name="Expliquer le plan").click()
    expect(main.get_by_text("Limites atteintes")).to_be_visible()
    expect(main.get_by_text("budget de fonctionnement utilisé à l'euro près", exact=False)).to_be_visible()
    wait_idle(page)
    page.set_viewport_size({"width": 1400, "height": 6200})
    charts_drawn(page)
    page.screenshot(path=str(output_dir / "e2e_plan_why_fr.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 1000})

    # Decisions: the budget ladder on its button
    nav.get_by_role("link", name="Décisions").click()
    main.get_by_role("button", name="Calculer l'échelle budgétaire").click()
    expect(main.get_by_text("Priorités budgétaires de la salle type")).to_be_visible()
    expect(main.get_by_test_id("stMetric").filter(has_text="Budget minimal réalisable")).to_be_visible()
    wait_idle(page)
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.locator(".js-plotly-plot").first.wait_for(state="visible")
    charts_drawn(page)
    page.screenshot(path=str(output_dir / "e2e_decisions_fr.png"), full_page=True)

    # Compare, in English
    with rerun(page):
        page.get_by_test_id("stSidebar").get_by_text("English").click()
    nav.get_by_role("link", name="Compare").click()
    expect(main.get_by_role("heading", name="Compare scenarios")).to_be_visible()
    expect(main.get_by_text("Devices in use (units)")).to_be_visible()
    page.locator(".js-plotly-plot").first.wait_for(state="visible")
    charts_drawn(page)
    page.screenshot(path=str(output_dir / "e2e_compare_en.png"), full_page=True)

"""One real-browser walk through the app: example -> budget -> optimise -> configuration -> English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import charts_drawn, load_example, rerun

pytestmark = pytest.mark.e2e


def _euros(text: str) -> float:
    """Parse a French or English euro amount shown by the app ("138 000 €", "€138,000")."""
    return float(re.sub(r"[^0-9]", "", text))


def test_plan_in_browser(page, output_dir: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")

    # load the general-hospital example (the default choice of the selector)
    load_example(page, "Centre hospitalier (1 site, 2 salles)")
    expect(main.get_by_role("textbox", name="Nom du scénario")).to_have_value("Centre hospitalier 2027")
    # hospital users get the viewer toolbar (.streamlit/config.toml): no "Deploy" button, no developer menu
    expect(page.get_by_test_id("stAppDeployButton")).to_have_count(0)
    # Streamlit's own words of the upload widget ("Upload", "5MB per file") are shown in French
    shown = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stFileUploaderDropzoneInstructions"] span, [data-testid="stFileUploaderDropzone"] button p')]
        .map(e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content])""")
    assert ["0px", '"Parcourir"'] in shown and ["0px", '"5 Mo maximum par fichier"'] in shown

    # change the capital budget (a number input commits on Enter)
    capex = main.get_by_role("spinbutton", name="Budget d'investissement (€)")
    capex.fill("150000")
    with rerun(page):
        capex.press("Enter")
    expect(capex).to_have_value("150000")
    expect(page.get_by_test_id("stSidebar").get_by_text("Pas encore de plan")).to_be_visible()

    # optimise on the Plan page
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Plan", exact=True).click()
    with rerun(page):
        main.get_by_role("button", name="Optimiser").click()
    expect(main.get_by_text("Statut : optimal")).to_be_visible()
    expect(main.get_by_text("Configuration type, salle par salle")).to_be_visible()
    expect(main.get_by_text("Salle 1", exact=True)).to_be_visible()
    expect(main.get_by_text("Équipements partagés (mobiles)")).to_be_visible()
    expect(main.get_by_role("heading", name="Vue clinique")).to_be_visible()  # the cardiologist's view
    expect(main.get_by_text("Alertes cliniques")).to_be_visible()  # the general hospital refers its shock cases
    expect(main.get_by_test_id("stMetric").filter(has_text="Événements pondérés évités par an")).to_be_visible()
    capex_metric = main.get_by_test_id("stMetric").filter(has_text="Investissement")
    assert _euros(capex_metric.get_by_test_id("stMetricValue").inner_text()) <= 150_000
    page.locator(".js-plotly-plot").first.wait_for(state="visible")

    # switch to English: labels change, the plan and the inputs stay
    page.get_by_test_id("stSidebar").get_by_text("English").click()
    expect(main.get_by_text("Standard configuration, room by room")).to_be_visible()
    expect(main.get_by_text("Room 1", exact=True)).to_be_visible()
    expect(main.get_by_text("Status: optimal")).to_be_visible()
    expect(main.get_by_test_id("stMetric").filter(has_text="Capital cost")).to_be_visible()
    expect(main.get_by_role("heading", name="Clinical view")).to_be_visible()
    # Streamlit scrolls inside its main block, so a tall viewport shows the whole page
    page.set_viewport_size({"width": 1400, "height": 2800})
    page.locator(".js-plotly-plot").nth(2).wait_for(state="visible")
    charts_drawn(page)
    page.screenshot(path=str(output_dir / "e2e_plan_en.png"), full_page=True)

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Scenario", exact=True).click()
    expect(main.get_by_role("spinbutton", name="Capital budget (€)")).to_have_value("150000")

"""Real-browser walk through a multi-year plan (issue 6): the 2027-2031 example's horizon section, then its Plan
page (schedule, spend against the envelope, cost of ownership); screenshots under ``test-output/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import charts_drawn, load_example, rerun, wait_idle

pytestmark = pytest.mark.e2e


def test_multi_year_plan_in_browser(page, output_dir: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")

    # load the multi-year example: the horizon section shows its years and envelopes
    load_example(page, "CHU, plan pluriannuel 2027-2031")
    expect(main.get_by_role("spinbutton", name="Horizon (années)")).to_have_value("5")
    expect(main.get_by_role("spinbutton", name="Première année")).to_have_value("2027")
    horizon = main.get_by_role("heading", name="Horizon et plan pluriannuel")
    horizon.scroll_into_view_if_needed()
    wait_idle(page)
    page.screenshot(path=str(output_dir / "e2e_scenario_horizon_fr.png"))

    # optimise: the Plan page of a multi-year plan
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Plan", exact=True).click()
    with rerun(page):
        main.get_by_role("button", name="Optimiser").click()
    expect(main.get_by_text("Calendrier des acquisitions")).to_be_visible()
    expect(main.get_by_text("Fins de vie des équipements installés")).to_be_visible()
    expect(main.get_by_test_id("stMetric").filter(has_text="Coût total de possession")).to_be_visible()
    expect(main.get_by_test_id("stMetric").filter(has_text="Horizon (5 ans)")).to_contain_text("2027–2031")
    expect(main.get_by_text("Dépenses par année et enveloppe d'investissement")).to_be_visible()
    page.set_viewport_size({"width": 1400, "height": 7800})  # Streamlit scrolls inside its main block
    page.locator(".js-plotly-plot").nth(1).wait_for(state="visible")
    expect(page.locator(".js-plotly-plot").nth(1)).to_contain_text("Enveloppe d'investissement cumulée")
    charts_drawn(page)
    page.screenshot(path=str(output_dir / "e2e_plan_multiyear_fr.png"), full_page=True)

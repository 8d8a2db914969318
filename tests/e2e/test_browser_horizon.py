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


def test_a_long_optimisation_shows_its_progress_and_can_be_cancelled(page) -> None:  # noqa: ANN001
    """The 2027-2031 example over 10 years (a few seconds of search): the Plan page shows the solver's stage and
    bounds in a progress bar; Cancel stops it and the page comes back without a plan, ready to optimise."""
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")
    load_example(page, "CHU, plan pluriannuel 2027-2031")
    years = main.get_by_role("spinbutton", name="Horizon (années)")
    expect(years).to_have_value("5")
    wait_idle(page)  # no rerun in flight that would redraw the field over what is typed
    years.fill("10")
    with rerun(page):
        years.press("Enter")
    expect(years).to_have_value("10")
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Plan", exact=True).click()
    expect(main.get_by_role("heading", name="Plan d'équipement")).to_be_visible()
    wait_idle(page)

    main.get_by_role("button", name="Optimiser").click()
    bar = main.get_by_test_id("stProgress")
    expect(bar).to_contain_text("Phase 1 sur 2")  # the solver's phase, while it searches
    main.get_by_role("button", name="Annuler").click()
    expect(main.get_by_text("Cliquez sur « Optimiser » pour calculer le plan.")).to_be_visible()
    expect(bar).to_have_count(0)
    wait_idle(page)
    expect(main.get_by_test_id("stMetric")).to_have_count(0)  # no plan was kept from the cancelled run
    expect(main.get_by_role("button", name="Optimiser")).to_be_enabled()  # ready again (a new run after a stop
    # is whole: tests/model/test_solve_watch.py)

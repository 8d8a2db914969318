"""Real browser: start from a real establishment found by name (public SAE data), load it, get a plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import rerun

pytestmark = pytest.mark.e2e


def test_start_from_an_establishment_in_browser(page, output_dir: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    main = page.get_by_test_id("stMain")
    app = page.get_by_test_id("stApp")

    # open the section and search by name
    main.get_by_text("Partir d'un établissement").click()
    search = main.get_by_role("textbox", name="Rechercher (nom, commune ou FINESS)")
    search.fill("Saint-Quentin")
    search.press("Enter")
    expect(main.get_by_text("1 établissement(s) trouvé(s)")).to_be_visible()
    expect(app).to_have_attribute("data-test-script-state", "notRunning")

    # pick it: the public and derived figures appear, the load button is enabled
    main.get_by_role("combobox", name="Établissements retenus").click()
    with rerun(page):  # the rerun of the pick has finished before the next click (the server says so)
        page.get_by_role("option", name=re.compile(r"CH SAINT-QUENTIN .* \(020000162\)")).click()
    page.keyboard.press("Escape")  # close the list (it hides the rest of the page while open)
    expect(main.get_by_text("Chiffres publics et chiffres dérivés")).to_be_visible()
    load = main.get_by_role("button", name="Charger comme sites du scénario")
    expect(load).to_be_enabled()
    with rerun(page):  # the rerun that loads the sites has finished (the server says so)
        load.click()
    expect(main.get_by_text("1 établissement(s) chargé(s) comme sites du scénario")).to_be_visible()
    expect(main.get_by_text("Site 1 — CH SAINT-QUENTIN (ST QUENTIN CEDEX)")).to_be_visible()
    expect(main.get_by_role("spinbutton", name="Angioplasties (ATL)").first).to_have_value("991")
    expect(main.get_by_text("Provenance des chiffres des sites")).to_be_visible()
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    page.screenshot(path=str(output_dir / "e2e_sae_scenario_fr.png"))

    # optimise: a plan, whose warnings say where the figures come from
    with rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Plan", exact=True).click()
    with rerun(page):
        main.get_by_role("button", name="Optimiser").click()
    expect(main.get_by_text("Statut : optimal")).to_be_visible()
    expect(main.get_by_text("issu des données publiques SAE 2024", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("Plan à jour", exact=False)).to_be_visible()

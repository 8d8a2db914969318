"""Real browser: save a scenario in the store, reload the page and find it again; a second browser context
on the same scenario meets the version-conflict message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import TIMEOUT_MS, rerun, watch_runs

pytestmark = pytest.mark.e2e
NAME = "e2e-ch"


def _scenarios_page(tab) -> object:  # noqa: ANN001
    from playwright.sync_api import expect

    with rerun(tab):
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Scénarios enregistrés").click()
    main = tab.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Scénarios enregistrés")).to_be_visible()
    return main


def test_save_reload_find_again_and_conflict(page, app_url: str, output_dir: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    main = _scenarios_page(page)
    name = main.get_by_role("textbox", name="Nom dans la base")
    name.fill(NAME)
    with rerun(page):
        name.press("Enter")
    main.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(main.get_by_text(f"{NAME} enregistré : version 1.")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text(f"Version enregistrée : {NAME} v1")).to_be_visible()

    page.reload()  # a new session: nothing in memory, the store still has it
    expect(page.get_by_test_id("stMain").get_by_role("heading", name="Scénario")).to_be_visible()
    main = _scenarios_page(page)
    expect(main.get_by_role("combobox", name="Scénario enregistré")).to_have_value(NAME)  # found again
    with rerun(page):
        main.get_by_role("button", name="Ouvrir cette version").click()
    expect(page.get_by_test_id("stSidebar").get_by_text(f"Version enregistrée : {NAME} v1")).to_be_visible()

    other_context = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        other = other_context.new_page()
        other.set_default_timeout(TIMEOUT_MS)
        watch_runs(other)
        other.goto(app_url)
        other_main = _scenarios_page(other)
        with rerun(other):
            other_main.get_by_role("button", name="Ouvrir cette version").click()
        expect(other.get_by_test_id("stSidebar").get_by_text(f"Version enregistrée : {NAME} v1")).to_be_visible()

        main.get_by_role("button", name="Enregistrer", exact=True).click()  # the first context saves v2
        expect(main.get_by_text(f"{NAME} enregistré : version 2.")).to_be_visible()

        other_main.get_by_role("button", name="Enregistrer", exact=True).click()  # on top of v1: refused
        expect(other_main.get_by_text("Conflit de version")).to_be_visible()
        expect(other_main.get_by_role("button", name="Recharger la version 2 (perdre mes modifications)")) \
            .to_be_visible()
        other.screenshot(path=str(output_dir / "e2e_store_conflict_fr.png"))
    finally:
        other_context.close()

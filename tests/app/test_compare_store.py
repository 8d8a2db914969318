"""Compare page with the scenario store (AppTest, a real SQLite store per test): a saved version or a saved
plan on either side; a store that cannot be opened leaves the other sources."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner import load_catalog, load_scenario, make_plan
from planner.store.api import open_store
from planner.store.records import Actor
from tests.app.conftest import APP_TIMEOUT_S, goto, table
from ui.i18n import Translator

FR = Translator("fr")

CATALOG = load_catalog()
EXAMPLE = load_scenario("examples/general_hospital.yaml")
ADA = Actor("ada", ("administrator",))
COLUMN = "Indicateur"


def _tight(capex: float):  # noqa: ANN202 - a Scenario
    return dataclasses.replace(EXAMPLE, budget=dataclasses.replace(EXAMPLE.budget, capex_eur=capex))


@pytest.fixture
def saved(store_url: str) -> int:
    """``ch`` v1 (the example) and v2 (a tighter capital budget), a plan saved with v1; returns its id."""
    store = open_store(store_url)
    store.save_scenario(ADA, "ch", EXAMPLE, "first")
    store.save_scenario(ADA, "ch", _tight(150_000), "tighter", expected_version=1)
    plan_id = store.save_plan(ADA, "ch", 1, make_plan(CATALOG, EXAMPLE)).id
    store.engine.dispose()
    return plan_id


def test_current_against_a_saved_version(at: AppTest, saved: int) -> None:
    goto(at, "compare")
    at.radio(key="ui.cmp.with").set_value("store").run()
    assert at.selectbox(key="ui.cmp.right.name").value == "ch"
    at.selectbox(key="ui.cmp.right.version.ch").set_value(2).run()
    assert not at.exception, at.exception
    summary = table(at, COLUMN)
    assert list(summary.columns) == [COLUMN, "Courant : Centre hospitalier 2027", "ch v2"]
    row = summary.set_index(COLUMN).loc["Investissement"]
    assert row["ch v2"] != row["Courant : Centre hospitalier 2027"]


def test_saved_version_against_saved_version_and_a_saved_plan(at: AppTest, saved: int) -> None:
    goto(at, "compare")
    at.radio(key="ui.cmp.left").set_value("store").run()
    at.selectbox(key="ui.cmp.left.version.ch").set_value(1).run()
    at.radio(key="ui.cmp.with").set_value("store").run()
    at.selectbox(key="ui.cmp.right.version.ch").set_value(2).run()
    assert not at.exception, at.exception
    assert list(table(at, COLUMN).columns) == [COLUMN, "ch v1", "ch v2"]
    assert at.selectbox(key="ui.cmp.right.plan.ch.2").disabled  # no plan saved with v2
    at.selectbox(key="ui.cmp.left.plan.ch.1").set_value(saved).run()
    summary = table(at, COLUMN).set_index(COLUMN)
    name = f"ch v1, plan n° {saved}"
    assert list(summary.columns) == [name, "ch v2"]
    capex = make_plan(CATALOG, EXAMPLE).costs.capex_eur
    assert summary.loc["Investissement", name] == f"{capex:,.0f}".replace(",", "\u202f") + "\u00a0€"
    assert not [c for c in at.caption if "autre catalogue" in c.value]  # same catalogue


def test_an_empty_store_says_so(at: AppTest) -> None:
    goto(at, "compare")
    at.radio(key="ui.cmp.left").set_value("store").run()
    assert "Aucun scénario enregistré" in at.info[0].value
    assert not at.get("plotly_chart")


def test_a_store_that_cannot_be_opened_keeps_the_other_sources(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "not-a-store.db"
    bad.write_text("garbage")
    monkeypatch.setenv("CATHLAB_DB_URL", f"sqlite:///{bad}")
    app = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=APP_TIMEOUT_S).run()
    goto(app, "compare")
    assert any("les exemples et les fichiers importés restent disponibles" in w.value for w in app.main.warning)
    assert FR("cmp.source.store") not in app.radio(key="ui.cmp.with").options
    assert FR("cmp.upload_option") in app.radio(key="ui.cmp.with").options
    assert not [r for r in app.radio if r.key == "ui.cmp.left"]
    assert "CHU 2027" in table(app, COLUMN).columns

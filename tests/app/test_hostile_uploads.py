"""Hostile inputs in the app (issue 13, section 1): an alias bomb, duplicate keys, a damaged workbook, a circular
catalogue extension and a solver failure show a readable message, never Streamlit's exception box; an uploaded
scenario's ``catalog:`` folder is said to be ignored."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.app.conftest import errors, goto, scenario
from tests.app.test_imports_page import XLSX, _upload
from tests.unit.test_hostile_inputs import BASE_TEXT, _alias_bomb
from ui.i18n import Translator

FR = Translator("fr")

YAML = "application/x-yaml"


def test_an_alias_bomb_upload_is_refused_in_french(at):
    before = scenario(at).to_json()
    _upload(at, "ui.upload", "bombe.yaml", _alias_bomb(9, 9).encode(), YAML)
    text = errors(at)
    assert "Fichier bombe.yaml refusé" in text
    assert "refusé : une fois ses alias (*nom) développés" in text
    assert scenario(at).to_json() == before


def test_duplicate_keys_and_deep_nesting_are_refused(at):
    _upload(at, "ui.upload", "double.yaml", (BASE_TEXT + "budget: {capex_eur: 1}\n").encode(), YAML)
    assert "clé en double : déjà donnée ligne" in errors(at)
    _upload(at, "ui.upload", "profond.yaml", ("name: x\nsites: " + "[" * 5000 + "]" * 5000).encode(), YAML)
    assert "imbriquées sur plus de 40 niveaux" in errors(at)


def test_an_uploaded_scenario_catalog_key_is_said_to_be_ignored(at):
    _upload(at, "ui.upload", "avec_catalogue.yaml", (BASE_TEXT + "catalog: mon_catalogue\n").encode(), YAML)
    assert scenario(at).catalog == "mon_catalogue"
    assert "Scénario importé depuis avec_catalogue.yaml" in at.success[0].value
    assert "dossier catalog: du scénario est ignoré" in at.warning[0].value


def test_a_damaged_workbook_is_refused_in_french_only(at):
    _upload(at, "ui.installed.upload", "parc.xlsx", b"PK\x03\x04 not really a zip", XLSX)
    text = errors(at)
    assert FR("file.bad_zip") in text
    assert " or not " not in text


def test_a_circular_catalogue_extension_is_refused(at):
    from tests.app.test_imports_page import _DEVICE_HEADER

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "devices"
    sheet.append(_DEVICE_HEADER)
    for ident, req in (("acme_a", "acme_b"), ("acme_b", "acme_a")):
        sheet.append([ident, "ivus", ident, "Acme", 1000, 10, 10, 8, 800, "shared", req, "any", "quote",
                      "2026-10-01", "no", None])
    data = io.BytesIO()
    book.save(data)
    goto(at, "catalog")
    _upload(at, "ui.extension.upload", "cycle.xlsx", data.getvalue(), XLSX)
    assert "exigence circulaire : acme_a -> acme_b -> acme_a" in errors(at)
    assert at.session_state["catalog_extension"] is None


def test_a_solver_failure_is_a_readable_error(at, monkeypatch: pytest.MonkeyPatch):
    import pulp

    def boom(self, solver=None, **kw):  # noqa: ANN001, ANN003, ANN202, ARG001
        raise OverflowError("cannot convert float infinity to integer")

    from planner.highs_session import HighsSession

    monkeypatch.setattr(pulp.LpProblem, "solve", boom)  # CBC, and PuLP's HiGHS in the decision tools
    monkeypatch.setattr(HighsSession, "run", boom)  # the main solve: one HiGHS model for both phases
    goto(at, "plan")
    at.button(key="ui.optimise").click().run()
    assert not at.exception, at.exception
    assert "Le solveur a échoué" in errors(at) and "OverflowError" in errors(at)

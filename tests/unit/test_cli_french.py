"""The command line in French (``--lang fr`` anywhere on the line, or the locale): validate, solve, an input
error and an infeasible scenario, with names instead of ids and no English sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner import load_catalog
from planner.cli import main, output_lang

ROOT = Path(__file__).resolve().parents[2]
GH = str(ROOT / "examples" / "general_hospital.yaml")
INFEASIBLE = str(ROOT / "tests" / "data" / "catalog_decision" / "shock_floor_infeasible.yaml")
CATALOG = load_catalog()
IDS = sorted({*(d for d in CATALOG.devices if "_" in d), *(k for k in CATALOG.indications if "_" in k)})
ID_PATTERN = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, IDS)) + r")(?![\w./-])")
ENGLISH = ("Scenario:", "Status:", "Solver:", "No plan", "Acquisitions (new", "Capex:", "Coverage (",
           "raise the", "lower the", "cases/year", "error(s)", "Input error", "must be", "unknown key", "weighted")


def french(text: str) -> None:
    """Fail on an id of the catalogue or an English phrase."""
    assert not ID_PATTERN.findall(text), ID_PATTERN.findall(text)
    assert not [w for w in ENGLISH if w in text], [w for w in ENGLISH if w in text]


def test_the_locale_chooses_the_language() -> None:
    assert output_lang(None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert output_lang(None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}) == "en"
    assert output_lang(None, {}) == "en"
    assert output_lang("fr", {"LANG": "en_GB.UTF-8"}) == "fr"


def test_validate_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", GH, "--lang", "fr"]) == 0
    out = capsys.readouterr()
    assert "OK (" in out.out and "équipements" in out.out
    french(out.out + out.err)


def test_an_input_error_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(Path(GH).read_text(encoding="utf-8").replace("rooms: 2", "rooms: -2") + "\nbogus: 1\n",
                   encoding="utf-8")
    assert main(["--lang", "fr", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "doit être ≥" in err and "clé inconnue (clés possibles : " in err and "Erreur de saisie" in err
    french(err)


def test_solve_in_french_from_the_locale(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["solve", GH]) == 0
    out = capsys.readouterr().out
    assert "Statut : optimal" in out and "Couverture (" in out and "Alertes cliniques" in out
    assert CATALOG.indications["complex_pci"].name("fr") in out
    french(out)


def test_an_infeasible_scenario_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["solve", INFEASIBLE, "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "Pas de plan :" in out and "relever le budget d'investissement de 40\u202f000\u00a0€" in out
    french(out)


def test_the_decision_commands_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    why = str(ROOT / "tests" / "data" / "catalog_decision" / "why_not.yaml")
    assert main(["--lang", "fr", "explain", why, "--sensitivity"]) == 0
    assert main(["--lang", "fr", "ladder", why, "--steps", "3"]) == 0
    out = capsys.readouterr().out
    assert "Pourquoi pas les autres" in out and "[hors budget]" in out and "Parcours d'achat" in out
    assert not [w for w in ("Why ", "Purchase path", "budget step", "Tiers", "solves", "serves") if w in out]
    french(out)


def test_a_supplier_quote_import_error_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quote = tmp_path / "devis.csv"
    quote.write_text("Fournisseur;Désignation;Référence;Prix unitaire HT;Date du devis\n"
                     "Abbott;Gadget inconnu;XYZ-1;1 500,00 €;31/02/2026\n", encoding="utf-8")
    assert main(["--lang", "fr", "import-prices", str(quote), "--scenario", GH, "--out", str(tmp_path / "s.yaml")]) == 2
    err = capsys.readouterr().err
    assert "ligne 2" in err and "n'est pas une date" in err and "la référence «\u00a0XYZ-1\u00a0»" in err
    assert not [w for w in ("row ", "is not", "reference", "unknown") if w in err]
    french(err)
